/* smt-locale.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <locale.h>
#include <string.h>
#include <glib.h>
#include <glib/gi18n.h>

#include "smt-locale.h"

/* Where the catalogue was bound; set once by smt_locale_init (). */
static char *bound_dir;

static gboolean
is_c_locale (const char *name)
{
  return name == NULL
         || strcmp (name, "C") == 0
         || strcmp (name, "POSIX") == 0;
}

/* "en", "en_US", "en_GB.UTF-8", "english", "EN" all choose English; anything
 * else (including "vi") leaves the default, Vietnamese. */
static gboolean
names_english (const char *value)
{
  return value != NULL && g_ascii_strncasecmp (value, "en", 2) == 0;
}

/* Has the user chosen English? The environment (SMT_LANGUAGE) wins over the
 * saved choice in <config>/somattran/state.ini, [state] language=. GTK and
 * GSettings are not available here, so the window mirrors its language
 * setting into that key file. */
static gboolean
user_chose_english (void)
{
  const char *env = g_getenv ("SMT_LANGUAGE");
  g_autofree char *path = NULL;
  g_autofree char *saved = NULL;
  g_autoptr(GKeyFile) keyfile = NULL;

  if (env != NULL && *env != '\0')
    return names_english (env);

  path = g_build_filename (g_get_user_config_dir (), "somattran", "state.ini", NULL);
  keyfile = g_key_file_new ();
  if (!g_key_file_load_from_file (keyfile, path, G_KEY_FILE_NONE, NULL))
    return FALSE;
  saved = g_key_file_get_string (keyfile, "state", "language", NULL);
  if (saved != NULL)
    g_strstrip (saved);
  return names_english (saved);
}

static gboolean
has_catalogue (const char *dir)
{
  g_autofree char *mo = NULL;

  mo = g_build_filename (dir, "vi", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  return g_file_test (mo, G_FILE_TEST_IS_REGULAR);
}

/* SMT_LOCALEDIR first (tests, meson devenv), then the installed catalogue,
 * then the build tree's, so that an uninstalled build speaks Vietnamese. */
static char *
find_locale_dir (void)
{
  const char *env = g_getenv ("SMT_LOCALEDIR");

  if (env != NULL && *env != '\0')
    return g_strdup (env);

#ifdef G_OS_WIN32
  {
    /* Installed on Windows: <install dir>/share/locale, wherever that is. */
    g_autofree char *top = g_win32_get_package_installation_directory_of_module (NULL);
    g_autofree char *dir = NULL;

    if (top != NULL)
      {
        dir = g_build_filename (top, "share", "locale", NULL);
        if (has_catalogue (dir))
          return g_steal_pointer (&dir);
      }
  }
#endif

  if (has_catalogue (LOCALEDIR))
    return g_strdup (LOCALEDIR);

  return g_strdup (SMT_BUILD_LOCALEDIR);
}

void
smt_locale_init (void)
{
  const char *name;

  /* gettext ignores LANGUAGE under the C locale, and an absent locale (say
   * LANG=en_US.UTF-8 with no locale generated) leaves the process in C.
   * C.UTF-8 is always there on Debian 12, and LANGUAGE works under it. */
  name = setlocale (LC_ALL, "");
  if (is_c_locale (name))
    {
      if (setlocale (LC_ALL, "C.UTF-8") == NULL)
        setlocale (LC_ALL, "C.utf8");
    }

  /* Our own code formats numbers and dates (437.388 · 52,7 %); keep the
   * C library's printf and strtod predictable under any locale. */
  setlocale (LC_NUMERIC, "C");

  if (user_chose_english ())
    g_setenv ("LANGUAGE", "en", TRUE);
  else
    g_setenv ("LANGUAGE", "vi", TRUE);

  g_free (bound_dir);
  bound_dir = find_locale_dir ();

  bindtextdomain (GETTEXT_PACKAGE, bound_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

const char *
smt_locale_dir (void)
{
  return bound_dir;
}
