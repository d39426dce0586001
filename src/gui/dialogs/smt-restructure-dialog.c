/* smt-restructure-dialog.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gi18n.h>

#include "core/organisations/smt-organisation-query.h"
#include "core/organisations/smt-restructure.h"
#include "core/register/smt-date.h"
#include "core/register/smt-format.h"

#include "gui/base/smt-gui.h"
#include "gui/base/smt-view.h"
#include "smt-restructure-dialog.h"

struct _SmtRestructureDialog
{
  AdwWindow       parent_instance;

  /* template widgets */
  AdwWindowTitle *window_title;
  GtkButton      *save_button;
  AdwComboRow    *from_row;
  AdwComboRow    *to_row;
  AdwEntryRow    *date_row;
  GtkLabel       *count_label;
  GtkListBox     *member_list;
  AdwEntryRow    *document_row;
  AdwEntryRow    *reason_row;
  GtkLabel       *error_label;

  /* owned */
  SmtRegister    *reg;
  GPtrArray      *branches;   /* SmtBranchInfo, the rows of from_row and to_row */
  GArray         *listed;     /* gint64: the members of the rows, in order */
  GArray         *ticked;     /* gint64 */
  gint64          restructure_id;
  gboolean        filling;
};

G_DEFINE_FINAL_TYPE (SmtRestructureDialog, smt_restructure_dialog, ADW_TYPE_WINDOW)

static void
show_error (SmtRestructureDialog *self,
            const char           *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
on_field_changed (SmtRestructureDialog *self)
{
  show_error (self, NULL);
}

static gint64
branch_at (SmtRestructureDialog *self,
           AdwComboRow          *row)
{
  guint i = adw_combo_row_get_selected (row);

  if (self->branches == NULL || i >= self->branches->len)
    return 0;
  return ((SmtBranchInfo *) g_ptr_array_index (self->branches, i))->id;
}

static int
ticked_index (SmtRestructureDialog *self,
              gint64                person_id)
{
  for (guint i = 0; i < self->ticked->len; i++)
    if (g_array_index (self->ticked, gint64, i) == person_id)
      return (int) i;
  return -1;
}

static void
update_count (SmtRestructureDialog *self)
{
  g_autofree char *listed = smt_format_int (self->listed->len);
  g_autofree char *ticked = smt_format_int (self->ticked->len);
  g_autofree char *text = NULL;

  /* Translators: "42 members in the branch that day; 3 ticked" */
  text = g_strdup_printf (_("%s members in the branch that day. %s ticked."), listed, ticked);
  gtk_label_set_text (self->count_label, text);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), self->ticked->len > 0);
}

static void
on_check_toggled (SmtRestructureDialog *self,
                  GtkCheckButton       *check)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (check), "person-id");

  smt_restructure_dialog_tick (self, id, gtk_check_button_get_active (check));
}

/* The members of the branch to move from on the day typed (or today). */
static void
fill_members (SmtRestructureDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autofree char *date = smt_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->date_row)));
  gint64 from = branch_at (self, self->from_row);
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (self->member_list, 0)) != NULL)
    gtk_list_box_remove (self->member_list, GTK_WIDGET (row));
  g_array_set_size (self->listed, 0);
  g_array_set_size (self->ticked, 0);
  if (from != 0 && (members = smt_restructure_members (self->reg, from, date, &error)) == NULL)
    show_error (self, error->message);
  for (guint i = 0; members != NULL && i < members->len; i++)
    {
      const SmtBranchMember *m = g_ptr_array_index (members, i);
      g_autofree char *since = smt_date_to_display (m->since);
      g_autofree char *subtitle = NULL;
      GtkWidget *item = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      /* Translators: birth year, sex, first day in the branch */
      subtitle = g_strdup_printf (_("born %d · %s · member here since %s"), m->birth_year,
                                  m->sex == 'F' ? C_("sex", "Female") : C_("sex", "Male"),
                                  since);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (item), m->full_name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (item), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (item), subtitle);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      m->full_name, -1);
      g_object_set_data_full (G_OBJECT (check), "person-id",
                              g_memdup2 (&m->person_id, sizeof m->person_id), g_free);
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_check_toggled), self,
                               G_CONNECT_SWAPPED);
      adw_action_row_add_prefix (ADW_ACTION_ROW (item), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (item), check);
      if (m->away)
        {
          GtkWidget *label = gtk_label_new (_("Working away"));

          gtk_widget_add_css_class (label, "dim-label");
          adw_action_row_add_suffix (ADW_ACTION_ROW (item), label);
        }
      gtk_list_box_append (self->member_list, item);
      g_array_append_val (self->listed, m->person_id);
    }
  update_count (self);
}

static void
on_from_changed (SmtRestructureDialog *self)
{
  if (self->filling)
    return;
  show_error (self, NULL);
  fill_members (self);
}

static void
on_date_changed (SmtRestructureDialog *self)
{
  g_autofree char *date = NULL;

  show_error (self, NULL);
  if (self->filling)
    return;
  /* A whole date lists that day's members; a half-typed one waits. */
  date = smt_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->date_row)));
  if (date != NULL)
    fill_members (self);
}

static void
on_tick_all (SmtRestructureDialog *self)
{
  smt_restructure_dialog_tick_all (self, TRUE);
}

static void
on_untick_all (SmtRestructureDialog *self)
{
  smt_restructure_dialog_tick_all (self, FALSE);
}

/* ---- save ------------------------------------------------------------------------ */

static gboolean
undo_restructure (SmtRegister  *reg,
                  gpointer      data,
                  GError      **error)
{
  return smt_restructure_void (reg, *(gint64 *) data,
                               _("Undone (Ctrl+Z) right after it was recorded"), error);
}

gboolean
smt_restructure_dialog_save (SmtRestructureDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  g_autofree char *count = NULL;
  g_autofree char *message = NULL;
  SmtRestructureFields fields = { 0 };
  gint64 from, to;

  g_return_val_if_fail (SMT_IS_RESTRUCTURE_DIALOG (self), FALSE);

  date = smt_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->date_row)));
  if (date == NULL)
    {
      show_error (self, _("The date is not a date. Type it as day/month/year, for example "
                          "05/02/2026."));
      gtk_widget_grab_focus (GTK_WIDGET (self->date_row));
      return FALSE;
    }
  from = branch_at (self, self->from_row);
  to = branch_at (self, self->to_row);
  if (to == 0 || to == from)
    {
      show_error (self, _("The members are in that branch already. Choose the branch they "
                          "move into."));
      return FALSE;
    }
  fields.branch_id = to;
  fields.date = date;
  fields.reason = gtk_editable_get_text (GTK_EDITABLE (self->reason_row));
  fields.document = gtk_editable_get_text (GTK_EDITABLE (self->document_row));
  fields.person_ids = (const gint64 *) self->ticked->data;
  fields.n_persons = self->ticked->len;
  self->restructure_id = smt_restructure_apply (self->reg, &fields, NULL, &error);
  if (self->restructure_id == 0)
    {
      show_error (self, error->message);
      return FALSE;
    }
  count = smt_format_int (self->ticked->len);
  /* Translators: a toast after a restructure: "12 members moved into Tổ hội số 1" */
  message = g_strdup_printf (_("%s members moved into %s"), count,
                             ((SmtBranchInfo *) g_ptr_array_index (
                                self->branches, adw_combo_row_get_selected (self->to_row)))
                             ->name);
  smt_view_record_change (GTK_WIDGET (self), message, undo_restructure,
                          g_memdup2 (&self->restructure_id, sizeof (gint64)), g_free);
  show_error (self, NULL);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
on_save_clicked (SmtRestructureDialog *self)
{
  smt_restructure_dialog_save (self);
}

/* ---- object ---------------------------------------------------------------------- */

static void
smt_restructure_dialog_dispose (GObject *object)
{
  SmtRestructureDialog *self = SMT_RESTRUCTURE_DIALOG (object);

  g_clear_object (&self->reg);
  g_clear_pointer (&self->branches, g_ptr_array_unref);
  g_clear_pointer (&self->listed, g_array_unref);
  g_clear_pointer (&self->ticked, g_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), SMT_TYPE_RESTRUCTURE_DIALOG);

  G_OBJECT_CLASS (smt_restructure_dialog_parent_class)->dispose (object);
}

static void
smt_restructure_dialog_class_init (SmtRestructureDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = smt_restructure_dialog_dispose;

  smt_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
      "/io/github/somattran/SoMatTran/smt-restructure-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SmtRestructureDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, SmtRestructureDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, SmtRestructureDialog, from_row);
  gtk_widget_class_bind_template_child (widget_class, SmtRestructureDialog, to_row);
  gtk_widget_class_bind_template_child (widget_class, SmtRestructureDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, SmtRestructureDialog, count_label);
  gtk_widget_class_bind_template_child (widget_class, SmtRestructureDialog, member_list);
  gtk_widget_class_bind_template_child (widget_class, SmtRestructureDialog, document_row);
  gtk_widget_class_bind_template_child (widget_class, SmtRestructureDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, SmtRestructureDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_from_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_date_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_tick_all);
  gtk_widget_class_bind_template_callback (widget_class, on_untick_all);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
smt_restructure_dialog_init (SmtRestructureDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->listed = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->ticked = g_array_new (FALSE, FALSE, sizeof (gint64));
}

SmtRestructureDialog *
smt_restructure_dialog_new (GtkWindow    *parent,
                            SmtRegister  *reg,
                            gint64        organisation_id,
                            gint64        from_branch_id,
                            gint64        to_branch_id,
                            const char   *date,
                            GError      **error)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *shown = NULL;
  SmtRestructureDialog *self;
  guint from = 0, to = 0;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), NULL);
  g_return_val_if_fail (organisation_id > 0, NULL);

  self = g_object_new (SMT_TYPE_RESTRUCTURE_DIALOG, "transient-for", parent, NULL);
  self->reg = g_object_ref (reg);
  self->branches = smt_branches_list (reg, organisation_id, date, error);
  if (self->branches == NULL)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }
  for (guint i = 0; i < self->branches->len; i++)
    {
      const SmtBranchInfo *b = g_ptr_array_index (self->branches, i);

      gtk_string_list_append (names, b->name);
      if (b->id == from_branch_id)
        from = i;
      if (b->id == to_branch_id)
        to = i;
    }
  self->filling = TRUE;
  adw_combo_row_set_model (self->from_row, G_LIST_MODEL (names));
  adw_combo_row_set_model (self->to_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->from_row, from);
  adw_combo_row_set_selected (self->to_row, to);
  shown = smt_date_to_display (date != NULL ? date : smt_register_get_today (reg));
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), shown);
  self->filling = FALSE;
  fill_members (self);
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));
  return self;
}

guint
smt_restructure_dialog_get_n_listed (SmtRestructureDialog *self)
{
  g_return_val_if_fail (SMT_IS_RESTRUCTURE_DIALOG (self), 0);
  return self->listed->len;
}

gint64
smt_restructure_dialog_get_listed (SmtRestructureDialog *self,
                                   guint                 i)
{
  g_return_val_if_fail (SMT_IS_RESTRUCTURE_DIALOG (self), 0);
  return i < self->listed->len ? g_array_index (self->listed, gint64, i) : 0;
}

void
smt_restructure_dialog_tick (SmtRestructureDialog *self,
                             gint64                person_id,
                             gboolean              ticked)
{
  int i;

  g_return_if_fail (SMT_IS_RESTRUCTURE_DIALOG (self));

  i = ticked_index (self, person_id);
  if (ticked && i < 0)
    g_array_append_val (self->ticked, person_id);
  else if (!ticked && i >= 0)
    g_array_remove_index (self->ticked, i);
  else
    return;
  /* Keep the row's check in step when ticked from outside. */
  for (guint r = 0; r < self->listed->len; r++)
    if (g_array_index (self->listed, gint64, r) == person_id)
      {
        GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->member_list, r);
        GtkWidget *check = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));

        if (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)) != ticked)
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), ticked);
      }
  show_error (self, NULL);
  update_count (self);
}

void
smt_restructure_dialog_tick_all (SmtRestructureDialog *self,
                                 gboolean              ticked)
{
  g_autoptr(GArray) listed = NULL;

  g_return_if_fail (SMT_IS_RESTRUCTURE_DIALOG (self));

  listed = g_array_copy (self->listed);
  for (guint i = 0; i < listed->len; i++)
    smt_restructure_dialog_tick (self, g_array_index (listed, gint64, i), ticked);
}

guint
smt_restructure_dialog_get_n_ticked (SmtRestructureDialog *self)
{
  g_return_val_if_fail (SMT_IS_RESTRUCTURE_DIALOG (self), 0);
  return self->ticked->len;
}

gint64
smt_restructure_dialog_get_from (SmtRestructureDialog *self)
{
  g_return_val_if_fail (SMT_IS_RESTRUCTURE_DIALOG (self), 0);
  return branch_at (self, self->from_row);
}

gint64
smt_restructure_dialog_get_to (SmtRestructureDialog *self)
{
  g_return_val_if_fail (SMT_IS_RESTRUCTURE_DIALOG (self), 0);
  return branch_at (self, self->to_row);
}

void
smt_restructure_dialog_set_date (SmtRestructureDialog *self,
                                 const char           *text)
{
  g_return_if_fail (SMT_IS_RESTRUCTURE_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), text);
}

void
smt_restructure_dialog_set_reason (SmtRestructureDialog *self,
                                   const char           *text)
{
  g_return_if_fail (SMT_IS_RESTRUCTURE_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->reason_row), text);
}

const char *
smt_restructure_dialog_get_error (SmtRestructureDialog *self)
{
  g_return_val_if_fail (SMT_IS_RESTRUCTURE_DIALOG (self), NULL);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;
  return gtk_label_get_text (self->error_label);
}

gint64
smt_restructure_dialog_get_id (SmtRestructureDialog *self)
{
  g_return_val_if_fail (SMT_IS_RESTRUCTURE_DIALOG (self), 0);
  return self->restructure_id;
}
