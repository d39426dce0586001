/* smt-locale.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <errno.h>
#include <locale.h>
#include <string.h>
#include <glib.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

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

/* <config>/somattran/state.ini: what the window remembers between starts. */
static char *
state_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "somattran", "state.ini", NULL);
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

  path = state_path ();
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

/**
 * smt_locale_dup_language:
 *
 * The language chosen in Cài đặt and saved in state.ini: "en" for English,
 * otherwise "vi" (the default). smt_locale_init() reads the same key on
 * the next start; SMT_LANGUAGE in the environment overrides it there.
 *
 * Returns: (transfer full): "vi" or "en"
 */
char *
smt_locale_dup_language (void)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autofree char *path = state_path ();
  g_autofree char *value = NULL;

  if (g_key_file_load_from_file (keyfile, path, G_KEY_FILE_NONE, NULL))
    value = g_key_file_get_string (keyfile, "state", "language", NULL);
  if (value != NULL && g_ascii_strncasecmp (g_strstrip (value), "en", 2) == 0)
    return g_strdup ("en");
  return g_strdup ("vi");
}

/**
 * smt_locale_set_language:
 * @code: "vi" or "en"
 * @error: where to put why it could not be saved
 *
 * Saves the language for the next start, keeping the other keys of
 * state.ini.
 *
 * Returns: %TRUE when saved
 */
gboolean
smt_locale_set_language (const char  *code,
                         GError     **error)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autofree char *path = state_path ();
  g_autofree char *dir = g_path_get_dirname (path);

  g_return_val_if_fail (g_strcmp0 (code, "vi") == 0 || g_strcmp0 (code, "en") == 0, FALSE);

  g_key_file_load_from_file (keyfile, path,
                             G_KEY_FILE_KEEP_COMMENTS | G_KEY_FILE_KEEP_TRANSLATIONS, NULL);
  g_key_file_set_string (keyfile, "state", "language", code);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Cannot save the language in %s: %s"), path, g_strerror (saved));
      return FALSE;
    }
  return g_key_file_save_to_file (keyfile, path, error);
}
