/* smt-new-register-assistant.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "core/register/smt-format.h"
#include "core/register/smt-text.h"
#include "core/setup/smt-hamlet-list.h"
#include "core/setup/smt-setup.h"

#include "gui/base/smt-gui.h"
#include "smt-new-register-assistant.h"

/* Everything the pages gather goes into one SmtSetupPlan (core/setup),
 * which makes the register in one go at the end: the pages hold no rule
 * of their own beyond what the plan checks. */

struct _SmtNewRegisterAssistant
{
  AdwWindow     parent_instance;

  /* template widgets */
  AdwWindowTitle *window_title;
  GtkWidget    *cancel_button;
  GtkStack     *stack;
  AdwComboRow  *kind_row;
  AdwEntryRow  *name_row;
  AdwEntryRow  *province_row;
  AdwEntryRow  *place_row;
  GtkTextView  *hamlets_view;
  GtkDropDown  *hamlet_kind_dropdown;
  GtkLabel     *hamlet_count_label;
  GtkListBox   *hamlet_list;
  GtkListBox   *org_list;
  GtkBox       *branch_box;
  GtkLabel     *summary_label;
  AdwActionRow *file_row;
  AdwStatusPage *done_page;
  GtkWidget    *back_button;
  GtkButton    *next_button;
  GtkLabel     *error_label;

  /* borrowed: the rows' widgets, by index in the plan */
  GPtrArray    *org_checks;
  GPtrArray    *org_names;
  GPtrArray    *org_shorts;
  GPtrArray    *branch_checks;
  GPtrArray    *branch_names;
  GPtrArray    *branch_joins;

  /* owned */
  SmtSetupPlan *plan;
  char         *hamlet_error;        /* the list's problem, or NULL */
  char         *branches_proposed;   /* what the branches were proposed for */
  char         *path;
  gboolean      path_chosen;         /* by the user: no longer follows the name */
};

G_DEFINE_FINAL_TYPE (SmtNewRegisterAssistant, smt_new_register_assistant, ADW_TYPE_WINDOW)

enum { CREATED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const struct
{
  const char *name, *title;
} pages[] = {
  { "commune", N_("The commune") },
  { "hamlets", N_("The hamlets") },
  { "organisations", N_("The organisations") },
  { "branches", N_("The branches") },
  { "file", N_("The file") },
};

static guint
page_index (SmtNewRegisterAssistant *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->stack);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    if (g_strcmp0 (pages[i].name, name) == 0)
      return i;
  return 0;
}

static void
show_error (SmtNewRegisterAssistant *self,
            const char              *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
}

/* ---- the commune ----------------------------------------------------------- */

static void
take_commune (SmtNewRegisterAssistant *self)
{
  guint kind = adw_combo_row_get_selected (self->kind_row);

  smt_setup_plan_set_commune (self->plan, gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
                              smt_commune_kinds[MIN (kind, 2)],
                              gtk_editable_get_text (GTK_EDITABLE (self->province_row)),
                              gtk_editable_get_text (GTK_EDITABLE (self->place_row)));
}

static void
set_path (SmtNewRegisterAssistant *self,
          const char              *path)
{
  g_autofree char *display = g_filename_display_name (path);

  g_free (self->path);
  self->path = g_strdup (path);
  adw_action_row_set_subtitle (self->file_row, display);
}

/* "xa-hoa-dien.smt" in the documents folder, numbered when taken. */
static void
suggest_path (SmtNewRegisterAssistant *self)
{
  const char *folder = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  g_autofree char *words = NULL;
  g_autofree char *folded = NULL;
  g_autoptr(GString) base = g_string_new (NULL);

  if (folder == NULL || !g_file_test (folder, G_FILE_TEST_IS_DIR))
    folder = g_get_home_dir ();
  take_commune (self);
  words = g_strdup_printf ("%s %s", self->plan->kind, self->plan->name);
  folded = smt_text_fold (words);
  for (const char *p = folded; p != NULL && *p; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (base, g_ascii_tolower (*p));
      else if (base->len > 0 && base->str[base->len - 1] != '-')
        g_string_append_c (base, '-');
    }
  while (base->len > 0 && base->str[base->len - 1] == '-')
    g_string_truncate (base, base->len - 1);

  for (guint n = 1; n < 100; n++)
    {
      g_autofree char *file = n == 1 ? g_strdup_printf ("%s.smt", base->str)
                                     : g_strdup_printf ("%s-%u.smt", base->str, n);
      g_autofree char *path = g_build_filename (folder, file, NULL);

      if (!g_file_test (path, G_FILE_TEST_EXISTS) || n == 99)
        {
          set_path (self, path);
          return;
        }
    }
}

static void
on_name_changed (SmtNewRegisterAssistant *self)
{
  show_error (self, NULL);
  if (!self->path_chosen)
    suggest_path (self);
}

/* ---- the hamlets ------------------------------------------------------------- */

static char *
hamlets_text (SmtNewRegisterAssistant *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->hamlets_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The list is the text, read again: moving or removing a hamlet writes
 * the text anew, one hamlet a line, so that there is one list to keep. */
static void
write_hamlets (SmtNewRegisterAssistant *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < self->plan->hamlets->len; i++)
    g_string_append_printf (text, "%s\n",
                            ((SmtHamletEntry *) g_ptr_array_index (self->plan->hamlets, i))->name);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->hamlets_view), text->str, -1);
}

static void
on_hamlet_up (SmtNewRegisterAssistant *self,
              GtkButton               *button)
{
  smt_new_register_assistant_move_hamlet_up (self, GPOINTER_TO_UINT (
      g_object_get_data (G_OBJECT (button), "index")));
}

static void
on_hamlet_remove (SmtNewRegisterAssistant *self,
                  GtkButton               *button)
{
  smt_new_register_assistant_remove_hamlet (self, GPOINTER_TO_UINT (
      g_object_get_data (G_OBJECT (button), "index")));
}

static GtkWidget *
icon_button (SmtNewRegisterAssistant *self,
             const char              *icon,
             const char              *tooltip,
             guint                    index,
             GCallback                callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data (G_OBJECT (button), "index", GUINT_TO_POINTER (index));
  g_signal_connect_object (button, "clicked", callback, self, G_CONNECT_SWAPPED);
  return button;
}

static void
fill_hamlet_list (SmtNewRegisterAssistant *self)
{
  GPtrArray *hamlets = self->plan->hamlets;
  GtkWidget *child;
  g_autofree char *count = smt_format_int (hamlets->len);
  g_autofree char *heading = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->hamlet_list))) != NULL)
    gtk_list_box_remove (self->hamlet_list, child);
  heading = hamlets->len == 0 ? g_strdup (_("No hamlet yet"))
                              : g_strdup_printf (_("%s hamlets, in this order"), count);
  gtk_label_set_text (self->hamlet_count_label, heading);
  gtk_widget_set_visible (GTK_WIDGET (self->hamlet_list), hamlets->len > 0);
  for (guint i = 0; i < hamlets->len; i++)
    {
      const SmtHamletEntry *e = g_ptr_array_index (hamlets, i);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      g_autofree char *text = g_strdup_printf ("%u. %s", i + 1, e->name);
      GtkWidget *label = gtk_label_new (text);
      GtkWidget *kind = gtk_label_new (e->kind);
      GtkWidget *up;

      gtk_widget_set_margin_start (box, 12);
      gtk_widget_set_margin_end (box, 6);
      gtk_widget_set_margin_top (box, 3);
      gtk_widget_set_margin_bottom (box, 3);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_add_css_class (kind, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), kind);
      up = icon_button (self, "go-up-symbolic", _("Move up"), i, G_CALLBACK (on_hamlet_up));
      gtk_widget_set_sensitive (up, i > 0);
      gtk_box_append (GTK_BOX (box), up);
      gtk_box_append (GTK_BOX (box), icon_button (self, "list-remove-symbolic", _("Remove"), i,
                                                  G_CALLBACK (on_hamlet_remove)));
      gtk_list_box_append (self->hamlet_list, box);
    }
}

static void
on_hamlets_changed (SmtNewRegisterAssistant *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *text = hamlets_text (self);
  guint kind = gtk_drop_down_get_selected (self->hamlet_kind_dropdown);

  if (kind >= g_strv_length ((char **) smt_hamlet_kinds))
    kind = 0;
  list = smt_hamlet_list_parse (text, smt_hamlet_kinds[kind], &error);
  smt_setup_plan_set_hamlets (self->plan, list);
  g_clear_pointer (&self->hamlet_error, g_free);
  if (error != NULL)
    self->hamlet_error = g_strdup (error->message);
  fill_hamlet_list (self);
  if (page_index (self) == 1)
    show_error (self, self->hamlet_error);
}

/* ---- the organisations ------------------------------------------------------- */

static void
on_org_changed (SmtNewRegisterAssistant *self,
                GtkWidget               *widget)
{
  guint i = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "index"));
  SmtPlanOrganisation *org = g_ptr_array_index (self->plan->organisations, i);
  gboolean kept = gtk_check_button_get_active (g_ptr_array_index (self->org_checks, i));

  org->kept = kept;
  g_free (org->name);
  org->name = g_strdup (gtk_editable_get_text (g_ptr_array_index (self->org_names, i)));
  g_free (org->short_name);
  org->short_name = g_strdup (gtk_editable_get_text (g_ptr_array_index (self->org_shorts, i)));
  gtk_widget_set_sensitive (g_ptr_array_index (self->org_names, i), kept);
  gtk_widget_set_sensitive (g_ptr_array_index (self->org_shorts, i), kept);
  show_error (self, NULL);
}

static void
fill_org_list (SmtNewRegisterAssistant *self)
{
  for (guint i = 0; i < self->plan->organisations->len; i++)
    {
      const SmtPlanOrganisation *org = g_ptr_array_index (self->plan->organisations, i);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *check = gtk_check_button_new ();
      GtkWidget *name = gtk_entry_new ();
      GtkWidget *short_name = gtk_entry_new ();

      gtk_widget_set_margin_start (box, 6);
      gtk_widget_set_margin_end (box, 6);
      gtk_widget_set_margin_top (box, 6);
      gtk_widget_set_margin_bottom (box, 6);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), org->kept);
      gtk_widget_set_tooltip_text (check, _("Kept in the register"));
      gtk_editable_set_text (GTK_EDITABLE (name), org->name);
      gtk_widget_set_hexpand (name, TRUE);
      gtk_widget_set_tooltip_text (name, _("Name"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (name), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Name"), -1);
      gtk_editable_set_text (GTK_EDITABLE (short_name), org->short_name);
      gtk_editable_set_width_chars (GTK_EDITABLE (short_name), 14);
      gtk_widget_set_tooltip_text (short_name, _("Short name, as lists and branches use it"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (short_name),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Short name"), -1);
      gtk_box_append (GTK_BOX (box), check);
      gtk_box_append (GTK_BOX (box), name);
      gtk_box_append (GTK_BOX (box), short_name);
      g_ptr_array_add (self->org_checks, check);
      g_ptr_array_add (self->org_names, name);
      g_ptr_array_add (self->org_shorts, short_name);
      g_object_set_data (G_OBJECT (check), "index", GUINT_TO_POINTER (i));
      g_object_set_data (G_OBJECT (name), "index", GUINT_TO_POINTER (i));
      g_object_set_data (G_OBJECT (short_name), "index", GUINT_TO_POINTER (i));
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_org_changed), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (name, "changed", G_CALLBACK (on_org_changed), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (short_name, "changed", G_CALLBACK (on_org_changed), self,
                               G_CONNECT_SWAPPED);
      gtk_list_box_append (self->org_list, box);
    }
}

/* ---- the branches ------------------------------------------------------------ */

/* What the proposal depends on: the hamlets and the organisations kept
 * with their short names. Edits of the branches survive going back and
 * forth as long as this stays the same. */
static char *
proposal_key (SmtSetupPlan *plan)
{
  GString *key = g_string_new (NULL);

  for (guint i = 0; i < plan->hamlets->len; i++)
    g_string_append_printf (key, "%s\n", ((SmtHamletEntry *) g_ptr_array_index (plan->hamlets,
                                                                                 i))->name);
  for (guint i = 0; i < plan->organisations->len; i++)
    {
      const SmtPlanOrganisation *org = g_ptr_array_index (plan->organisations, i);

      if (org->kept)
        g_string_append_printf (key, "\t%s %s", org->code, org->short_name);
    }
  return g_string_free (key, FALSE);
}

static void fill_branches (SmtNewRegisterAssistant *self);

static void
on_branch_changed (SmtNewRegisterAssistant *self,
                   GtkWidget               *widget)
{
  guint i = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "index"));
  SmtPlanBranch *branch = g_ptr_array_index (self->plan->branches, i);
  GtkWidget *entry = g_ptr_array_index (self->branch_names, i);

  branch->kept = gtk_check_button_get_active (g_ptr_array_index (self->branch_checks, i));
  g_free (branch->name);
  branch->name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));
  gtk_widget_set_sensitive (entry, branch->kept);
  show_error (self, NULL);
}

static int
next_of_same (SmtSetupPlan *plan,
              guint         i)
{
  const SmtPlanBranch *b = g_ptr_array_index (plan->branches, i);

  for (guint j = i + 1; j < plan->branches->len; j++)
    if (strcmp (((SmtPlanBranch *) g_ptr_array_index (plan->branches, j))->organisation,
                b->organisation) == 0)
      return (int) j;
  return -1;
}

static void
on_branch_join (SmtNewRegisterAssistant *self,
                GtkButton               *button)
{
  smt_new_register_assistant_join_branch (self, GPOINTER_TO_UINT (
      g_object_get_data (G_OBJECT (button), "index")));
}

static GtkWidget *
branch_row (SmtNewRegisterAssistant *self,
            guint                    i)
{
  SmtPlanBranch *b = g_ptr_array_index (self->plan->branches, i);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *name = gtk_entry_new ();
  GtkWidget *join = NULL;
  g_autoptr(GString) served = g_string_new (NULL);
  GtkWidget *hamlets;

  for (guint h = 0; h < b->hamlets->len; h++)
    g_string_append_printf (served, "%s%s", h > 0 ? ", " : "",
                            (const char *) g_ptr_array_index (b->hamlets, h));
  hamlets = gtk_label_new (served->str);
  gtk_label_set_xalign (GTK_LABEL (hamlets), 0);
  gtk_label_set_wrap (GTK_LABEL (hamlets), TRUE);
  gtk_widget_add_css_class (hamlets, "dim-label");
  gtk_widget_add_css_class (hamlets, "caption");

  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), b->kept);
  gtk_widget_set_valign (check, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (check, _("Kept in the register"));
  gtk_editable_set_text (GTK_EDITABLE (name), b->name);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_set_sensitive (name, b->kept);
  gtk_accessible_update_property (GTK_ACCESSIBLE (name), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Branch name"), -1);
  gtk_box_append (GTK_BOX (line), name);
  if (next_of_same (self->plan, i) >= 0)
    {
      join = gtk_button_new_with_mnemonic (_("_Join with the Next"));
      gtk_widget_set_tooltip_text (join, _("One branch for this hamlet and the next (liên ấp)"));
      gtk_widget_set_valign (join, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (join), "index", GUINT_TO_POINTER (i));
      g_signal_connect_object (join, "clicked", G_CALLBACK (on_branch_join), self,
                               G_CONNECT_SWAPPED);
      gtk_box_append (GTK_BOX (line), join);
    }
  gtk_box_append (GTK_BOX (text), line);
  gtk_box_append (GTK_BOX (text), hamlets);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (box), check);
  gtk_box_append (GTK_BOX (box), text);

  g_object_set_data (G_OBJECT (check), "index", GUINT_TO_POINTER (i));
  g_object_set_data (G_OBJECT (name), "index", GUINT_TO_POINTER (i));
  g_ptr_array_add (self->branch_checks, check);
  g_ptr_array_add (self->branch_names, name);
  g_ptr_array_add (self->branch_joins, join);
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_branch_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (name, "changed", G_CALLBACK (on_branch_changed), self,
                           G_CONNECT_SWAPPED);
  return box;
}

static GtkWidget *
note (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static void
fill_branches (SmtNewRegisterAssistant *self)
{
  SmtSetupPlan *plan = self->plan;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->branch_box))) != NULL)
    gtk_box_remove (self->branch_box, child);
  g_ptr_array_set_size (self->branch_checks, 0);
  g_ptr_array_set_size (self->branch_names, 0);
  g_ptr_array_set_size (self->branch_joins, 0);

  if (plan->hamlets->len == 0)
    gtk_box_append (self->branch_box,
                    note (_("No hamlet was given, so no branch is proposed. Branches can be "
                            "added later in Organisations and Branches.")));
  for (guint o = 0; o < plan->organisations->len; o++)
    {
      const SmtPlanOrganisation *org = g_ptr_array_index (plan->organisations, o);
      GtkWidget *list;
      GtkWidget *title;

      if (!org->kept)
        continue;
      if (!org->per_hamlet)
        {
          g_autofree char *text = g_strdup_printf (_("%s: its công đoàn cơ sở are at "
                                                     "workplaces (the school, the commune "
                                                     "office…), not in the hamlets; add them "
                                                     "in Organisations and Branches."),
                                                   org->short_name);

          gtk_box_append (self->branch_box, note (text));
          continue;
        }
      if (plan->hamlets->len == 0)
        continue;
      title = gtk_label_new (org->name);
      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_label_set_wrap (GTK_LABEL (title), TRUE);
      gtk_widget_add_css_class (title, "heading");
      gtk_box_append (self->branch_box, title);
      list = gtk_list_box_new ();
      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");
      for (guint i = 0; i < plan->branches->len; i++)
        {
          const SmtPlanBranch *b = g_ptr_array_index (plan->branches, i);

          if (strcmp (b->organisation, org->code) == 0)
            gtk_list_box_append (GTK_LIST_BOX (list), branch_row (self, i));
        }
      gtk_box_append (self->branch_box, list);
    }
  /* The rows were made in the plan's order of organisations, not of the
   * branches: index the widgets by branch. */
  {
    g_autoptr(GPtrArray) checks = g_ptr_array_new ();
    g_autoptr(GPtrArray) names = g_ptr_array_new ();
    g_autoptr(GPtrArray) joins = g_ptr_array_new ();

    g_ptr_array_set_size (checks, plan->branches->len);
    g_ptr_array_set_size (names, plan->branches->len);
    g_ptr_array_set_size (joins, plan->branches->len);
    for (guint k = 0; k < self->branch_checks->len; k++)
      {
        GObject *check = g_ptr_array_index (self->branch_checks, k);
        guint i = GPOINTER_TO_UINT (g_object_get_data (check, "index"));

        checks->pdata[i] = check;
        names->pdata[i] = g_ptr_array_index (self->branch_names, k);
        joins->pdata[i] = g_ptr_array_index (self->branch_joins, k);
      }
    g_ptr_array_set_size (self->branch_checks, 0);
    g_ptr_array_set_size (self->branch_names, 0);
    g_ptr_array_set_size (self->branch_joins, 0);
    for (guint i = 0; i < plan->branches->len; i++)
      {
        g_ptr_array_add (self->branch_checks, checks->pdata[i]);
        g_ptr_array_add (self->branch_names, names->pdata[i]);
        g_ptr_array_add (self->branch_joins, joins->pdata[i]);
      }
  }
}

static void
enter_branches (SmtNewRegisterAssistant *self)
{
  g_autofree char *key = proposal_key (self->plan);

  if (g_strcmp0 (key, self->branches_proposed) != 0)
    {
      smt_setup_plan_propose_branches (self->plan);
      g_free (self->branches_proposed);
      self->branches_proposed = g_steal_pointer (&key);
    }
  fill_branches (self);
}

/* ---- the file ---------------------------------------------------------------- */

static void
enter_file (SmtNewRegisterAssistant *self)
{
  SmtSetupPlan *plan = self->plan;
  guint orgs = 0, branches = 0;
  g_autofree char *n_hamlets = NULL;
  g_autofree char *n_orgs = NULL;
  g_autofree char *n_branches = NULL;
  g_autofree char *text = NULL;
  g_autofree char *commune = NULL;

  for (guint i = 0; i < plan->organisations->len; i++)
    orgs += ((SmtPlanOrganisation *) g_ptr_array_index (plan->organisations, i))->kept;
  for (guint i = 0; i < plan->branches->len; i++)
    {
      const SmtPlanBranch *b = g_ptr_array_index (plan->branches, i);
      const SmtPlanOrganisation *org = smt_setup_plan_find_organisation (plan, b->organisation);

      branches += b->kept && org != NULL && org->kept;
    }
  n_hamlets = smt_format_int (plan->hamlets->len);
  n_orgs = smt_format_int (orgs);
  n_branches = smt_format_int (branches);
  {
    const char *rest = g_utf8_next_char (plan->kind);
    g_autofree char *first = g_utf8_strup (plan->kind, rest - plan->kind);

    commune = g_strdup_printf ("%s%s %s", first, rest, plan->name);
  }
  text = g_strdup_printf (_("The register of %s, %s: %s hamlets, %s organisations, %s branches. "
                            "People, households and members come next: typed, or imported "
                            "from the lists your office keeps."),
                          commune, *plan->province ? plan->province : "…",
                          n_hamlets, n_orgs, n_branches);
  gtk_label_set_text (self->summary_label, text);
  if (!self->path_chosen)
    suggest_path (self);
}

static void
on_save_response (GtkNativeDialog         *native,
                  int                      response,
                  SmtNewRegisterAssistant *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  if (file != NULL && (path = g_file_get_path (file)) != NULL)
    {
      if (!g_str_has_suffix (path, ".smt"))
        {
          char *with = g_strconcat (path, ".smt", NULL);

          g_free (path);
          path = with;
        }
      self->path_chosen = TRUE;
      set_path (self, path);
      show_error (self, NULL);
    }
  g_object_unref (native);
}

static void
on_choose_clicked (SmtNewRegisterAssistant *self)
{
  GtkFileChooserNative *native;
  g_autofree char *dir = g_path_get_dirname (self->path);
  g_autofree char *base = g_path_get_basename (self->path);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);

  native = gtk_file_chooser_native_new (_("Save the New Register As"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), base);
  g_signal_connect_object (native, "response", G_CALLBACK (on_save_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* The register made and open in the window: the last page offers its
 * first import (win.import on that window). */
static void
show_done (SmtNewRegisterAssistant *self)
{
  g_autofree char *title = NULL;

  title = g_strdup_printf (_("The Register of %s Is Ready"), self->plan->name);
  adw_status_page_set_title (self->done_page, title);
  adw_status_page_set_description (self->done_page,
                                   _("It is open in the window. Next, bring in the members of "
                                     "each organisation from the lists your office keeps in "
                                     "Excel, or close this and type them."));
  gtk_stack_set_visible_child_name (self->stack, "done");
  adw_window_title_set_subtitle (self->window_title, _("Done"));
  gtk_widget_set_visible (self->back_button, FALSE);
  gtk_widget_set_visible (self->cancel_button, FALSE);
  gtk_button_set_label (self->next_button, _("_Close"));
  gtk_button_set_use_underline (self->next_button, TRUE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->next_button), "suggested-action");
  show_error (self, NULL);
}

static void
on_import_clicked (SmtNewRegisterAssistant *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.import", NULL);
  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
create (SmtNewRegisterAssistant *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autofree char *path = NULL;

  reg = smt_setup_new_register_from_plan (self->path, self->plan, &error);
  if (reg == NULL)
    {
      show_error (self, error->message);
      return FALSE;
    }
  /* Closed here; the window opens it as any other register. */
  g_clear_object (&reg);
  path = g_strdup (self->path);
  g_signal_emit (self, signals[CREATED], 0, path);
  show_done (self);
  return TRUE;
}

/* ---- moving between the pages ------------------------------------------------- */

static void
show_page (SmtNewRegisterAssistant *self,
           guint                    index)
{
  g_autofree char *subtitle = NULL;

  if (index == 3)
    enter_branches (self);
  else if (index == 4)
    enter_file (self);
  gtk_stack_set_visible_child_name (self->stack, pages[index].name);
  /* Translators: "Step 2 of 5: The hamlets". */
  subtitle = g_strdup_printf (_("Step %u of %u: %s"), index + 1, (guint) G_N_ELEMENTS (pages),
                              _(pages[index].title));
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_widget_set_sensitive (self->back_button, index > 0);
  gtk_button_set_label (self->next_button, index + 1 == G_N_ELEMENTS (pages) ? _("C_reate")
                                                                              : _("_Next"));
  show_error (self, index == 1 ? self->hamlet_error : NULL);
  if (index == 1)
    gtk_widget_grab_focus (GTK_WIDGET (self->hamlets_view));
}

/* Whether the page in sight may be left forward; if not, says why. */
static gboolean
page_done (SmtNewRegisterAssistant *self,
           guint                    index)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  switch (index)
    {
    case 0:
      take_commune (self);
      if (*g_strstrip (name = g_strdup (self->plan->name)) == '\0')
        {
          show_error (self, _("Type the commune’s name, without “Xã” or “Phường”."));
          gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
          return FALSE;
        }
      return TRUE;
    case 1:
      if (self->hamlet_error != NULL)
        {
          show_error (self, self->hamlet_error);
          return FALSE;
        }
      return TRUE;
    case 2:
    case 3:
      /* The plan's own checks, on what the pages gave so far. */
      if (!smt_setup_plan_validate (self->plan, &error))
        {
          show_error (self, error->message);
          return FALSE;
        }
      return TRUE;
    default:
      return TRUE;
    }
}

static void
on_next_clicked (SmtNewRegisterAssistant *self)
{
  smt_new_register_assistant_next (self);
}

static void
on_back_clicked (SmtNewRegisterAssistant *self)
{
  smt_new_register_assistant_back (self);
}

/* ---- the object ------------------------------------------------------------------ */

static void
smt_new_register_assistant_finalize (GObject *object)
{
  SmtNewRegisterAssistant *self = (SmtNewRegisterAssistant *) object;

  g_ptr_array_unref (self->org_checks);
  g_ptr_array_unref (self->org_names);
  g_ptr_array_unref (self->org_shorts);
  g_ptr_array_unref (self->branch_checks);
  g_ptr_array_unref (self->branch_names);
  g_ptr_array_unref (self->branch_joins);
  smt_setup_plan_free (self->plan);
  g_free (self->hamlet_error);
  g_free (self->branches_proposed);
  g_free (self->path);

  G_OBJECT_CLASS (smt_new_register_assistant_parent_class)->finalize (object);
}

static void
smt_new_register_assistant_class_init (SmtNewRegisterAssistantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = smt_new_register_assistant_finalize;

  /**
   * SmtNewRegisterAssistant::created:
   * @path: the new register's file
   */
  signals[CREATED] = g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  smt_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
      "/io/github/somattran/SoMatTran/smt-new-register-assistant.ui");
  gtk_widget_class_bind_template_child (widget_class, SmtNewRegisterAssistant, window_title);
  gtk_widget_class_bind_template_child (widget_class, SmtNewRegisterAssistant, stack);
  gtk_widget_class_bind_template_child (widget_class, SmtNewRegisterAssistant, kind_row);
  gtk_widget_class_bind_template_child (widget_class, SmtNewRegisterAssistant, name_row);
  gtk_widget_class_bind_template_child (widget_class, SmtNewRegisterAssistant, province_row);
  gtk_widget_class_bind_template_child (widget_class, SmtNewRegisterAssistant, place_row);
  gtk_widget_class_bind_template_child (widget_class, SmtNewRegisterAssistant, hamlets_view);
  gtk_widget_class_bind_template_child (widget_class, SmtNewRegisterAssistant,
                                        hamlet_kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SmtNewRegisterAssistant,
                                        hamlet_count_label);
  gtk_widget_class_bind_template_child (widget_class, SmtNewRegisterAssistant, hamlet_list);
  gtk_widget_class_bind_template_child (widget_class, SmtNewRegisterAssistant, org_list);
  gtk_widget_class_bind_template_child (widget_class, SmtNewRegisterAssistant, branch_box);
  gtk_widget_class_bind_template_child (widget_class, SmtNewRegisterAssistant, summary_label);
  gtk_widget_class_bind_template_child (widget_class, SmtNewRegisterAssistant, file_row);
  gtk_widget_class_bind_template_child (widget_class, SmtNewRegisterAssistant, done_page);
  gtk_widget_class_bind_template_child (widget_class, SmtNewRegisterAssistant, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, SmtNewRegisterAssistant, back_button);
  gtk_widget_class_bind_template_child (widget_class, SmtNewRegisterAssistant, next_button);
  gtk_widget_class_bind_template_child (widget_class, SmtNewRegisterAssistant, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_hamlets_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_next_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_import_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
smt_new_register_assistant_init (SmtNewRegisterAssistant *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new ((const char * const *) smt_commune_kinds);
  g_autoptr(GtkStringList) hamlet_kinds = gtk_string_list_new (smt_hamlet_kinds);

  self->plan = smt_setup_plan_new ();
  self->org_checks = g_ptr_array_new ();
  self->org_names = g_ptr_array_new ();
  self->org_shorts = g_ptr_array_new ();
  self->branch_checks = g_ptr_array_new ();
  self->branch_names = g_ptr_array_new ();
  self->branch_joins = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  g_signal_connect_swapped (self->kind_row, "notify::selected", G_CALLBACK (on_name_changed),
                            self);
  gtk_drop_down_set_model (self->hamlet_kind_dropdown, G_LIST_MODEL (hamlet_kinds));
  g_signal_connect_object (gtk_text_view_get_buffer (self->hamlets_view), "changed",
                           G_CALLBACK (on_hamlets_changed), self, G_CONNECT_SWAPPED);
  fill_org_list (self);
  fill_hamlet_list (self);
  suggest_path (self);
  show_page (self, 0);
}

SmtNewRegisterAssistant *
smt_new_register_assistant_new (GtkWindow *parent)
{
  return g_object_new (SMT_TYPE_NEW_REGISTER_ASSISTANT, "transient-for", parent, NULL);
}

/* ---- what a user does, for the tests and the buttons ------------------------------ */

void
smt_new_register_assistant_set_commune (SmtNewRegisterAssistant *self,
                                        guint                    kind,
                                        const char              *name,
                                        const char              *province,
                                        const char              *place)
{
  g_return_if_fail (SMT_IS_NEW_REGISTER_ASSISTANT (self));

  adw_combo_row_set_selected (self->kind_row, kind);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
  gtk_editable_set_text (GTK_EDITABLE (self->province_row), province);
  gtk_editable_set_text (GTK_EDITABLE (self->place_row), place);
}

void
smt_new_register_assistant_set_hamlets_text (SmtNewRegisterAssistant *self,
                                             const char              *text)
{
  g_return_if_fail (SMT_IS_NEW_REGISTER_ASSISTANT (self));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->hamlets_view), text, -1);
}

void
smt_new_register_assistant_remove_hamlet (SmtNewRegisterAssistant *self,
                                          guint                    index)
{
  g_return_if_fail (SMT_IS_NEW_REGISTER_ASSISTANT (self));
  g_return_if_fail (index < self->plan->hamlets->len);

  g_ptr_array_remove_index (self->plan->hamlets, index);
  write_hamlets (self);
}

void
smt_new_register_assistant_move_hamlet_up (SmtNewRegisterAssistant *self,
                                           guint                    index)
{
  GPtrArray *hamlets;
  gpointer moved;

  g_return_if_fail (SMT_IS_NEW_REGISTER_ASSISTANT (self));
  hamlets = self->plan->hamlets;
  g_return_if_fail (index < hamlets->len);

  if (index == 0)
    return;
  moved = hamlets->pdata[index];
  hamlets->pdata[index] = hamlets->pdata[index - 1];
  hamlets->pdata[index - 1] = moved;
  write_hamlets (self);
}

void
smt_new_register_assistant_set_organisation (SmtNewRegisterAssistant *self,
                                             const char              *code,
                                             gboolean                 kept,
                                             const char              *name)
{
  g_return_if_fail (SMT_IS_NEW_REGISTER_ASSISTANT (self));

  for (guint i = 0; i < self->plan->organisations->len; i++)
    if (strcmp (((SmtPlanOrganisation *) g_ptr_array_index (self->plan->organisations,
                                                            i))->code, code) == 0)
      {
        gtk_check_button_set_active (g_ptr_array_index (self->org_checks, i), kept);
        if (name != NULL)
          gtk_editable_set_text (g_ptr_array_index (self->org_names, i), name);
        return;
      }
  g_return_if_reached ();
}

void
smt_new_register_assistant_set_branch (SmtNewRegisterAssistant *self,
                                       guint                    index,
                                       gboolean                 kept,
                                       const char              *name)
{
  g_return_if_fail (SMT_IS_NEW_REGISTER_ASSISTANT (self));
  g_return_if_fail (index < self->branch_checks->len);

  gtk_check_button_set_active (g_ptr_array_index (self->branch_checks, index), kept);
  if (name != NULL)
    gtk_editable_set_text (g_ptr_array_index (self->branch_names, index), name);
}

void
smt_new_register_assistant_join_branch (SmtNewRegisterAssistant *self,
                                        guint                    index)
{
  int next;

  g_return_if_fail (SMT_IS_NEW_REGISTER_ASSISTANT (self));
  g_return_if_fail (index < self->plan->branches->len);

  next = next_of_same (self->plan, index);
  if (next >= 0 && smt_setup_plan_merge_branches (self->plan, index, (guint) next))
    fill_branches (self);
}

void
smt_new_register_assistant_set_path (SmtNewRegisterAssistant *self,
                                     const char              *path)
{
  g_return_if_fail (SMT_IS_NEW_REGISTER_ASSISTANT (self));

  self->path_chosen = TRUE;
  set_path (self, path);
}

gboolean
smt_new_register_assistant_next (SmtNewRegisterAssistant *self)
{
  guint index;

  g_return_val_if_fail (SMT_IS_NEW_REGISTER_ASSISTANT (self), FALSE);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "done") == 0)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return TRUE;
    }
  index = page_index (self);
  if (!page_done (self, index))
    return FALSE;
  if (index + 1 == G_N_ELEMENTS (pages))
    return create (self);
  show_page (self, index + 1);
  return TRUE;
}

void
smt_new_register_assistant_back (SmtNewRegisterAssistant *self)
{
  guint index;

  g_return_if_fail (SMT_IS_NEW_REGISTER_ASSISTANT (self));

  index = page_index (self);
  if (index > 0)
    show_page (self, index - 1);
}

const char *
smt_new_register_assistant_get_page (SmtNewRegisterAssistant *self)
{
  g_return_val_if_fail (SMT_IS_NEW_REGISTER_ASSISTANT (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

const char *
smt_new_register_assistant_get_error (SmtNewRegisterAssistant *self)
{
  const char *text;

  g_return_val_if_fail (SMT_IS_NEW_REGISTER_ASSISTANT (self), NULL);

  text = gtk_label_get_text (self->error_label);
  return *text != '\0' ? text : NULL;
}

SmtSetupPlan *
smt_new_register_assistant_get_plan (SmtNewRegisterAssistant *self)
{
  g_return_val_if_fail (SMT_IS_NEW_REGISTER_ASSISTANT (self), NULL);
  return self->plan;
}
