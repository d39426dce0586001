/* smt-officer-dialog.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gi18n.h>

#include "core/activity/smt-activity.h"
#include "core/organisations/smt-organisation-query.h"
#include "core/people/smt-people-query.h"
#include "core/register/smt-date.h"

#include "gui/base/smt-gui.h"
#include "smt-officer-dialog.h"

/* People offered for a search: enough to pick from, few enough to read. */
#define MAX_RESULTS 5

struct _SmtOfficerDialog
{
  AdwWindow       parent_instance;

  AdwWindowTitle *window_title;
  GtkButton      *save_button;
  GtkWidget      *person_group;
  AdwEntryRow    *search_row;
  GtkListBox     *result_list;
  AdwActionRow   *who_row;
  AdwComboRow    *organisation_row;
  AdwComboRow    *role_row;
  AdwComboRow    *political_row;
  AdwComboRow    *professional_row;
  AdwEntryRow    *date_row;
  AdwEntryRow    *reason_row;
  GtkLabel       *error_label;

  SmtRegister    *reg;
  GPtrArray      *organisations;  /* SmtOrganisationInfo; row 0 is the Mặt trận */
  GArray         *results;        /* gint64: the people listed */
  gint64          ending;         /* the term being ended, 0 when adding */
};

G_DEFINE_FINAL_TYPE (SmtOfficerDialog, smt_officer_dialog, ADW_TYPE_WINDOW)

enum { RECORDED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
show_error (SmtOfficerDialog *self,
            const char       *message,
            GtkWidget        *cause)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  if (cause != NULL)
    gtk_widget_grab_focus (cause);
}

static void
list_clear (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

void
smt_officer_dialog_search (SmtOfficerDialog *self,
                           const char       *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  SmtPersonRow rows[MAX_RESULTS] = { { 0 } };
  SmtPeopleFilter filter = { .search = text, .living_only = TRUE };
  guint n;

  g_return_if_fail (SMT_IS_OFFICER_DIALOG (self));

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_row)), text) != 0)
    {
      /* Typed by a test: the row's handler comes back here. */
      gtk_editable_set_text (GTK_EDITABLE (self->search_row), text);
      return;
    }
  list_clear (self->result_list);
  g_array_set_size (self->results, 0);
  if (g_utf8_strlen (text, -1) < 2)
    return;
  ids = smt_people_query_ids (self->reg, &filter, &error);
  if (ids == NULL)
    {
      show_error (self, error->message, NULL);
      return;
    }
  n = MIN (ids->len, MAX_RESULTS);
  if (n > 0 && !smt_people_fetch_rows (self->reg, (const gint64 *) ids->data, n, NULL, rows,
                                       &error))
    {
      show_error (self, error->message, NULL);
      return;
    }
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = NULL;

      if (rows[i].hamlet[0] != '\0')
        /* Translators: birth year and hamlet of a person found */
        subtitle = g_strdup_printf (_("born %d · %s"), rows[i].birth_year, rows[i].hamlet);
      else
        /* Translators: birth year of a person found */
        subtitle = g_strdup_printf (_("born %d"), rows[i].birth_year);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rows[i].full_name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (self->result_list, row);
      g_array_append_val (self->results, rows[i].id);
      smt_person_row_clear (&rows[i]);
    }
  if (ids->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No one by that name"));
      gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->result_list, row);
    }
  else if (ids->len == 1)
    gtk_list_box_select_row (self->result_list, gtk_list_box_get_row_at_index (self->result_list,
                                                                               0));
}

static void
on_search_changed (SmtOfficerDialog *self,
                   GtkEditable      *editable)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (editable));

  smt_officer_dialog_search (self, text);
}

guint
smt_officer_dialog_get_n_results (SmtOfficerDialog *self)
{
  g_return_val_if_fail (SMT_IS_OFFICER_DIALOG (self), 0);
  return self->results->len;
}

gint64
smt_officer_dialog_choose_result (SmtOfficerDialog *self,
                                  guint             index)
{
  g_return_val_if_fail (SMT_IS_OFFICER_DIALOG (self), 0);

  if (index >= self->results->len)
    return 0;
  gtk_list_box_select_row (self->result_list,
                           gtk_list_box_get_row_at_index (self->result_list, index));
  return g_array_index (self->results, gint64, index);
}

gboolean
smt_officer_dialog_save (SmtOfficerDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  gint64 key;

  g_return_val_if_fail (SMT_IS_OFFICER_DIALOG (self), FALSE);

  date = smt_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->date_row)));
  if (date == NULL)
    {
      show_error (self, _("The date is not a date. Type it as day/month/year, for example "
                          "05/02/2026."), GTK_WIDGET (self->date_row));
      return FALSE;
    }
  if (self->ending != 0)
    key = smt_officer_end (self->reg, self->ending, date,
                           gtk_editable_get_text (GTK_EDITABLE (self->reason_row)), &error);
  else
    {
      GtkListBoxRow *row = gtk_list_box_get_selected_row (self->result_list);
      int i = row != NULL ? gtk_list_box_row_get_index (row) : -1;
      guint o = adw_combo_row_get_selected (self->organisation_row);
      SmtOfficerFields f = { 0 };

      if (i < 0 || (guint) i >= self->results->len)
        {
          show_error (self, _("Find the person by name and choose them in the list."),
                      GTK_WIDGET (self->search_row));
          return FALSE;
        }
      f.person_id = g_array_index (self->results, gint64, i);
      if (o > 0 && o <= self->organisations->len)
        f.organisation_id = ((SmtOrganisationInfo *) g_ptr_array_index (self->organisations,
                                                                        o - 1))->id;
      f.role = adw_combo_row_get_selected (self->role_row) == 1 ? SMT_OFFICER_DEPUTY
                                                                : SMT_OFFICER_HEAD;
      f.from_date = date;
      f.political_level = adw_combo_row_get_selected (self->political_row);
      f.professional_level = adw_combo_row_get_selected (self->professional_row);
      key = smt_officer_add (self->reg, &f, &error);
    }
  if (key == 0)
    {
      show_error (self, error != NULL ? error->message : _("Nothing was recorded."), NULL);
      return FALSE;
    }
  show_error (self, NULL, NULL);
  g_signal_emit (self, signals[RECORDED], 0, key);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
on_save_clicked (SmtOfficerDialog *self,
                 GtkButton        *button)
{
  smt_officer_dialog_save (self);
}

static void
smt_officer_dialog_dispose (GObject *object)
{
  SmtOfficerDialog *self = SMT_OFFICER_DIALOG (object);

  g_clear_object (&self->reg);
  g_clear_pointer (&self->organisations, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), SMT_TYPE_OFFICER_DIALOG);

  G_OBJECT_CLASS (smt_officer_dialog_parent_class)->dispose (object);
}

static void
smt_officer_dialog_finalize (GObject *object)
{
  SmtOfficerDialog *self = SMT_OFFICER_DIALOG (object);

  g_clear_pointer (&self->results, g_array_unref);

  G_OBJECT_CLASS (smt_officer_dialog_parent_class)->finalize (object);
}

static void
smt_officer_dialog_class_init (SmtOfficerDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = smt_officer_dialog_dispose;
  object_class->finalize = smt_officer_dialog_finalize;

  /**
   * SmtOfficerDialog::recorded:
   * @key: the key of the new officer row
   */
  signals[RECORDED] = g_signal_new ("recorded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  smt_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
      "/io/github/somattran/SoMatTran/smt-officer-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SmtOfficerDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, SmtOfficerDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, SmtOfficerDialog, person_group);
  gtk_widget_class_bind_template_child (widget_class, SmtOfficerDialog, search_row);
  gtk_widget_class_bind_template_child (widget_class, SmtOfficerDialog, result_list);
  gtk_widget_class_bind_template_child (widget_class, SmtOfficerDialog, who_row);
  gtk_widget_class_bind_template_child (widget_class, SmtOfficerDialog, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, SmtOfficerDialog, role_row);
  gtk_widget_class_bind_template_child (widget_class, SmtOfficerDialog, political_row);
  gtk_widget_class_bind_template_child (widget_class, SmtOfficerDialog, professional_row);
  gtk_widget_class_bind_template_child (widget_class, SmtOfficerDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, SmtOfficerDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, SmtOfficerDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
smt_officer_dialog_init (SmtOfficerDialog *self)
{
  self->results = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
}

static SmtOfficerDialog *
dialog_new (GtkWindow   *parent,
            SmtRegister *reg)
{
  SmtOfficerDialog *self = g_object_new (SMT_TYPE_OFFICER_DIALOG, "transient-for", parent,
                                         NULL);
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) political = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) professional = gtk_string_list_new (NULL);
  g_autofree char *today = NULL;

  self->reg = g_object_ref (reg);
  gtk_string_list_append (roles, smt_officer_role_label (SMT_OFFICER_HEAD));
  gtk_string_list_append (roles, smt_officer_role_label (SMT_OFFICER_DEPUTY));
  adw_combo_row_set_model (self->role_row, G_LIST_MODEL (roles));
  for (int i = 0; i <= 3; i++)
    gtk_string_list_append (political, smt_officer_political_level_label (i));
  adw_combo_row_set_model (self->political_row, G_LIST_MODEL (political));
  for (int i = 0; i <= 5; i++)
    gtk_string_list_append (professional, smt_officer_professional_level_label (i));
  adw_combo_row_set_model (self->professional_row, G_LIST_MODEL (professional));
  today = smt_date_to_display (smt_register_get_today (reg));
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));
  return self;
}

SmtOfficerDialog *
smt_officer_dialog_new_add (GtkWindow    *parent,
                            SmtRegister  *reg,
                            GError      **error)
{
  g_autoptr(GPtrArray) organisations = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  SmtOfficerDialog *self;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), NULL);

  if ((organisations = smt_organisations_list (reg, error)) == NULL)
    return NULL;
  self = dialog_new (parent, reg);
  self->organisations = g_steal_pointer (&organisations);
  gtk_string_list_append (names, _("Committee of the Fatherland Front"));
  for (guint i = 0; i < self->organisations->len; i++)
    gtk_string_list_append (names, ((SmtOrganisationInfo *)
                                    g_ptr_array_index (self->organisations, i))->name);
  adw_combo_row_set_model (self->organisation_row, G_LIST_MODEL (names));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_row));
  return self;
}

SmtOfficerDialog *
smt_officer_dialog_new_end (GtkWindow           *parent,
                            SmtRegister         *reg,
                            const SmtOfficerRow *term)
{
  SmtOfficerDialog *self;
  g_autofree char *from = NULL;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), NULL);
  g_return_val_if_fail (term != NULL, NULL);

  self = dialog_new (parent, reg);
  self->ending = term->id;
  self->organisations = g_ptr_array_new ();
  gtk_window_set_title (GTK_WINDOW (self), _("End a Term of Office"));
  adw_window_title_set_title (self->window_title, _("End a Term of Office"));
  adw_window_title_set_subtitle (self->window_title, term->full_name);
  gtk_widget_set_visible (self->person_group, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->organisation_row), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->role_row), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->political_row), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->professional_row), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->reason_row), TRUE);
  from = smt_date_to_display (term->from_date);
  /* Translators: role, organisation, first day of the term */
  subtitle = g_strdup_printf (_("%s, %s, since %s"), smt_officer_role_label (term->role),
                              term->organisation, from);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->who_row), term->full_name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->who_row), FALSE);
  adw_action_row_set_subtitle (self->who_row, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->who_row), TRUE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->date_row),
                                 _("Last Day in Office (day/month/year)"));
  gtk_button_set_label (self->save_button, _("_End Term"));
  gtk_widget_grab_focus (GTK_WIDGET (self->date_row));
  return self;
}

void
smt_officer_dialog_select (SmtOfficerDialog *self,
                           gint64            organisation_id,
                           SmtOfficerRole    role,
                           int               political_level,
                           int               professional_level)
{
  g_return_if_fail (SMT_IS_OFFICER_DIALOG (self));

  adw_combo_row_set_selected (self->organisation_row, 0);
  for (guint i = 0; organisation_id != 0 && i < self->organisations->len; i++)
    if (((SmtOrganisationInfo *) g_ptr_array_index (self->organisations, i))->id
        == organisation_id)
      adw_combo_row_set_selected (self->organisation_row, i + 1);
  adw_combo_row_set_selected (self->role_row, role == SMT_OFFICER_DEPUTY ? 1 : 0);
  adw_combo_row_set_selected (self->political_row, CLAMP (political_level, 0, 3));
  adw_combo_row_set_selected (self->professional_row, CLAMP (professional_level, 0, 5));
}

void
smt_officer_dialog_set_date (SmtOfficerDialog *self,
                             const char       *text)
{
  g_return_if_fail (SMT_IS_OFFICER_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), text);
}

void
smt_officer_dialog_set_reason (SmtOfficerDialog *self,
                               const char       *text)
{
  g_return_if_fail (SMT_IS_OFFICER_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->reason_row), text);
}

const char *
smt_officer_dialog_get_error (SmtOfficerDialog *self)
{
  g_return_val_if_fail (SMT_IS_OFFICER_DIALOG (self), NULL);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;
  return gtk_label_get_text (self->error_label);
}
