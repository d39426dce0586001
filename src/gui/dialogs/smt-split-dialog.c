/* smt-split-dialog.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gi18n.h>

#include "core/organisations/smt-organisation-query.h"
#include "core/people/smt-household-query.h"
#include "core/people/smt-households.h"
#include "core/register/smt-date.h"

#include "gui/base/smt-gui.h"
#include "gui/base/smt-view.h"
#include "smt-split-dialog.h"

struct _SmtSplitDialog
{
  AdwWindow             parent_instance;

  AdwWindowTitle       *window_title;
  GtkButton            *save_button;
  AdwPreferencesGroup  *members_group;
  AdwComboRow          *hamlet_row;
  AdwEntryRow          *address_row;
  AdwComboRow          *head_row;
  AdwEntryRow          *date_row;
  AdwEntryRow          *reason_row;
  GtkLabel             *error_label;

  SmtRegister          *reg;
  SmtHouseholdInfo     *household;
  GPtrArray            *members;   /* SmtHouseholdMember */
  GPtrArray            *checks;    /* GtkCheckButton, borrowed, as members */
  GPtrArray            *hamlets;   /* SmtHamletInfo */
};

G_DEFINE_FINAL_TYPE (SmtSplitDialog, smt_split_dialog, ADW_TYPE_WINDOW)

enum { SPLIT, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
show_error (SmtSplitDialog *self,
            const char     *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
on_choice_changed (SmtSplitDialog *self)
{
  show_error (self, NULL);
}

static gboolean
undo_split (SmtRegister  *reg,
            gpointer      data,
            GError      **error)
{
  return smt_residences_void (reg, data, _("Undone (Ctrl+Z) right after it was recorded"), error);
}

gboolean
smt_split_dialog_save (SmtSplitDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) people = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) rows = NULL;
  g_autoptr(SmtHouseholdInfo) made = NULL;
  g_autofree char *date = NULL;
  g_autofree char *message = NULL;
  guint hamlet = adw_combo_row_get_selected (self->hamlet_row);
  guint head = adw_combo_row_get_selected (self->head_row);
  gint64 household;

  g_return_val_if_fail (SMT_IS_SPLIT_DIALOG (self), FALSE);

  show_error (self, NULL);
  date = smt_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->date_row)));
  if (date == NULL)
    {
      show_error (self, _("The date is not a date. Type it as day/month/year, for example "
                          "05/02/2026."));
      gtk_widget_grab_focus (GTK_WIDGET (self->date_row));
      return FALSE;
    }
  if (hamlet >= self->hamlets->len)
    {
      show_error (self, _("Choose the hamlet."));
      return FALSE;
    }
  for (guint i = 0; i < self->members->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
      g_array_append_val (people,
                          ((SmtHouseholdMember *) g_ptr_array_index (self->members, i))->person_id);

  household = smt_household_split (self->reg, self->household->id,
      ((SmtHamletInfo *) g_ptr_array_index (self->hamlets, hamlet))->id,
      gtk_editable_get_text (GTK_EDITABLE (self->address_row)), date,
      (const gint64 *) people->data, people->len,
      head < self->members->len
        ? ((SmtHouseholdMember *) g_ptr_array_index (self->members, head))->person_id : 0,
      gtk_editable_get_text (GTK_EDITABLE (self->reason_row)), &rows, &error);
  if (household == 0)
    {
      show_error (self, error->message);
      return FALSE;
    }
  made = smt_household_get (self->reg, household, NULL);
  message = g_strdup_printf (_("%s was split from the household"),
                             made != NULL ? made->label : "");
  smt_view_record_change (GTK_WIDGET (self), message, undo_split, g_steal_pointer (&rows),
                          (GDestroyNotify) g_array_unref);
  g_signal_emit (self, signals[SPLIT], 0, household);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
on_save_clicked (SmtSplitDialog *self,
                 GtkButton      *button)
{
  smt_split_dialog_save (self);
}

static void
smt_split_dialog_dispose (GObject *object)
{
  SmtSplitDialog *self = SMT_SPLIT_DIALOG (object);

  g_clear_object (&self->reg);
  g_clear_pointer (&self->household, smt_household_info_free);
  g_clear_pointer (&self->members, g_ptr_array_unref);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  g_clear_pointer (&self->hamlets, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), SMT_TYPE_SPLIT_DIALOG);

  G_OBJECT_CLASS (smt_split_dialog_parent_class)->dispose (object);
}

static void
smt_split_dialog_class_init (SmtSplitDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = smt_split_dialog_dispose;

  /**
   * SmtSplitDialog::split:
   * @household_id: the key of the new household
   */
  signals[SPLIT] = g_signal_new ("split", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  smt_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
      "/io/github/somattran/SoMatTran/smt-split-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SmtSplitDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, SmtSplitDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, SmtSplitDialog, members_group);
  gtk_widget_class_bind_template_child (widget_class, SmtSplitDialog, hamlet_row);
  gtk_widget_class_bind_template_child (widget_class, SmtSplitDialog, address_row);
  gtk_widget_class_bind_template_child (widget_class, SmtSplitDialog, head_row);
  gtk_widget_class_bind_template_child (widget_class, SmtSplitDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, SmtSplitDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, SmtSplitDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
smt_split_dialog_init (SmtSplitDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

SmtSplitDialog *
smt_split_dialog_new (GtkWindow    *parent,
                      SmtRegister  *reg,
                      gint64        household_id,
                      GError      **error)
{
  g_autoptr(SmtHouseholdInfo) household = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GPtrArray) hamlets = NULL;
  g_autoptr(GtkStringList) hamlet_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) head_names = gtk_string_list_new (NULL);
  g_autofree char *today = NULL;
  SmtSplitDialog *self;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), NULL);

  if ((household = smt_household_get (reg, household_id, error)) == NULL
      || (members = smt_household_members (reg, household_id, NULL, error)) == NULL
      || (hamlets = smt_hamlets_list (reg, error)) == NULL)
    return NULL;

  self = g_object_new (SMT_TYPE_SPLIT_DIALOG, "transient-for", parent, NULL);
  self->reg = g_object_ref (reg);
  adw_window_title_set_subtitle (self->window_title, household->label);
  adw_preferences_group_set_description (self->members_group,
      _("Tick the people who leave this household to form a new one; the others stay."));

  self->checks = g_ptr_array_new ();
  for (guint i = 0; i < members->len; i++)
    {
      const SmtHouseholdMember *m = g_ptr_array_index (members, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      g_autofree char *sub = NULL;

      /* Translators: a member of a household: year of birth, and whether head */
      sub = m->head ? g_strdup_printf (_("Born %d · head of household"), m->birth_year)
                    : g_strdup_printf (_("Born %d"), m->birth_year);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), m->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sub);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      /* A message about the last choice goes once the choice changes. */
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_choice_changed), self,
                               G_CONNECT_SWAPPED);
      adw_preferences_group_add (self->members_group, row);
      g_ptr_array_add (self->checks, check);
      gtk_string_list_append (head_names, m->name);
    }
  adw_combo_row_set_model (self->head_row, G_LIST_MODEL (head_names));
  /* The head of the old household most often stays in it. */
  if (members->len > 1)
    adw_combo_row_set_selected (self->head_row, 1);

  for (guint i = 0; i < hamlets->len; i++)
    gtk_string_list_append (hamlet_names, ((SmtHamletInfo *) g_ptr_array_index (hamlets, i))->name);
  adw_combo_row_set_model (self->hamlet_row, G_LIST_MODEL (hamlet_names));
  for (guint i = 0; i < hamlets->len; i++)
    if (((SmtHamletInfo *) g_ptr_array_index (hamlets, i))->id == household->hamlet_id)
      adw_combo_row_set_selected (self->hamlet_row, i);

  today = smt_date_to_display (smt_register_get_today (reg));
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
  gtk_editable_set_text (GTK_EDITABLE (self->reason_row), _("Household split"));
  self->household = g_steal_pointer (&household);
  self->members = g_steal_pointer (&members);
  self->hamlets = g_steal_pointer (&hamlets);
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));
  return self;
}

static int
member_index (SmtSplitDialog *self,
              gint64          person_id)
{
  for (guint i = 0; i < self->members->len; i++)
    if (((SmtHouseholdMember *) g_ptr_array_index (self->members, i))->person_id == person_id)
      return (int) i;
  return -1;
}

gboolean
smt_split_dialog_set_chosen (SmtSplitDialog *self,
                             gint64          person_id,
                             gboolean        chosen)
{
  int i;

  g_return_val_if_fail (SMT_IS_SPLIT_DIALOG (self), FALSE);
  if ((i = member_index (self, person_id)) < 0)
    return FALSE;
  gtk_check_button_set_active (g_ptr_array_index (self->checks, i), chosen);
  return TRUE;
}

gboolean
smt_split_dialog_set_head (SmtSplitDialog *self,
                           gint64          person_id)
{
  int i;

  g_return_val_if_fail (SMT_IS_SPLIT_DIALOG (self), FALSE);
  if ((i = member_index (self, person_id)) < 0)
    return FALSE;
  adw_combo_row_set_selected (self->head_row, i);
  return TRUE;
}

gboolean
smt_split_dialog_set_hamlet (SmtSplitDialog *self,
                             gint64          hamlet_id)
{
  g_return_val_if_fail (SMT_IS_SPLIT_DIALOG (self), FALSE);
  for (guint i = 0; i < self->hamlets->len; i++)
    if (((SmtHamletInfo *) g_ptr_array_index (self->hamlets, i))->id == hamlet_id)
      {
        adw_combo_row_set_selected (self->hamlet_row, i);
        return TRUE;
      }
  return FALSE;
}

void
smt_split_dialog_set_address (SmtSplitDialog *self,
                              const char     *text)
{
  g_return_if_fail (SMT_IS_SPLIT_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->address_row), text);
}

void
smt_split_dialog_set_date (SmtSplitDialog *self,
                           const char     *text)
{
  g_return_if_fail (SMT_IS_SPLIT_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), text);
}

void
smt_split_dialog_set_reason (SmtSplitDialog *self,
                             const char     *text)
{
  g_return_if_fail (SMT_IS_SPLIT_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->reason_row), text);
}

const char *
smt_split_dialog_get_error (SmtSplitDialog *self)
{
  g_return_val_if_fail (SMT_IS_SPLIT_DIALOG (self), NULL);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;
  return gtk_label_get_text (self->error_label);
}
