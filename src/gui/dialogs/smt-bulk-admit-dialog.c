/* smt-bulk-admit-dialog.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gi18n.h>

#include "core/organisations/smt-admission-query.h"
#include "core/register/smt-date.h"
#include "core/register/smt-format.h"

#include "gui/base/smt-gui.h"
#include "gui/base/smt-view.h"
#include "smt-bulk-admit-dialog.h"

/* Rows made at most: a search narrows a longer list. */
#define MAX_ROWS 300

struct _SmtBulkAdmitDialog
{
  AdwWindow       parent_instance;

  /* template widgets */
  AdwWindowTitle *window_title;
  GtkButton      *save_button;
  GtkSearchEntry *search_entry;
  GtkLabel       *count_label;
  GtkListBox     *candidate_list;
  AdwEntryRow    *date_row;
  AdwEntryRow    *document_row;
  AdwEntryRow    *reason_row;
  GtkLabel       *error_label;

  /* owned */
  SmtRegister    *reg;
  gint64          branch_id;
  char           *member_word;
  GArray         *listed;     /* gint64: the people of the rows, in order */
  GArray         *ticked;     /* gint64: in the order they were ticked */
  guint           n_found;    /* people who can join, listed or not */
};

G_DEFINE_FINAL_TYPE (SmtBulkAdmitDialog, smt_bulk_admit_dialog, ADW_TYPE_WINDOW)

static void
show_error (SmtBulkAdmitDialog *self,
            const char         *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* Typing again hides a message about the last try. */
static void
on_field_changed (SmtBulkAdmitDialog *self,
                  GtkEditable        *editable)
{
  show_error (self, NULL);
}

static int
ticked_index (SmtBulkAdmitDialog *self,
              gint64              person_id)
{
  for (guint i = 0; i < self->ticked->len; i++)
    if (g_array_index (self->ticked, gint64, i) == person_id)
      return (int) i;
  return -1;
}

static void
update_count (SmtBulkAdmitDialog *self)
{
  guint listed = self->listed->len, found = self->n_found;
  g_autofree char *n_found = smt_format_int (found);
  g_autofree char *n_ticked = smt_format_int (self->ticked->len);
  g_autofree char *text = NULL;

  if (found > listed)
    {
      g_autofree char *n_listed = smt_format_int (listed);

      /* Translators: "the first 300 of 812 people who can join are listed; 3 ticked" */
      text = g_strdup_printf (_("The first %s of %s people who can join are listed: search "
                                "to find others. %s ticked."), n_listed, n_found, n_ticked);
    }
  else
    /* Translators: "42 people can join; 3 ticked" */
    text = g_strdup_printf (_("%s people can join. %s ticked."), n_found, n_ticked);
  gtk_label_set_text (self->count_label, text);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), self->ticked->len > 0);
}

static void
on_check_toggled (SmtBulkAdmitDialog *self,
                  GtkCheckButton     *check)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (check), "person-id");

  smt_bulk_admit_dialog_tick (self, id, gtk_check_button_get_active (check));
}

/* Lists the people who can join and match the search; FALSE with error
 * when they cannot be read. */
static gboolean
fill_or_fail (SmtBulkAdmitDialog  *self,
              GError             **error)
{
  g_autoptr(GPtrArray) list = NULL;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  GtkListBoxRow *row;
  guint n;

  while ((row = gtk_list_box_get_row_at_index (self->candidate_list, 0)) != NULL)
    gtk_list_box_remove (self->candidate_list, GTK_WIDGET (row));
  g_array_set_size (self->listed, 0);

  self->n_found = 0;
  list = smt_admission_candidates (self->reg, self->branch_id, NULL, search, error);
  if (list == NULL)
    {
      update_count (self);
      return FALSE;
    }
  self->n_found = list->len;
  n = MIN (list->len, MAX_ROWS);
  for (guint i = 0; i < n; i++)
    {
      const SmtAdmissionCandidate *c = g_ptr_array_index (list, i);
      g_autofree char *subtitle = NULL;
      GtkWidget *item = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      /* Translators: birth year, sex, age, hamlet: "1990 · Nữ · 36 tuổi · Ấp 3" */
      subtitle = g_strdup_printf (_("born %d · %s · %d years old · %s"), c->birth_year,
                                  c->sex == 'F' ? C_("sex", "Female") : C_("sex", "Male"),
                                  c->age, c->hamlet);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (item), c->full_name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (item), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (item), subtitle);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      c->full_name, -1);
      g_object_set_data_full (G_OBJECT (check), "person-id",
                              g_memdup2 (&c->person_id, sizeof c->person_id), g_free);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   ticked_index (self, c->person_id) >= 0);
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_check_toggled), self,
                               G_CONNECT_SWAPPED);
      adw_action_row_add_prefix (ADW_ACTION_ROW (item), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (item), check);
      gtk_list_box_append (self->candidate_list, item);
      g_array_append_val (self->listed, c->person_id);
    }
  update_count (self);
  return TRUE;
}

static void
fill (SmtBulkAdmitDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (!fill_or_fail (self, &error))
    show_error (self, error->message);
}

static void
on_search_changed (SmtBulkAdmitDialog *self,
                   GtkSearchEntry     *entry)
{
  fill (self);
}

/* ---- undo ----------------------------------------------------------------------- */

static gboolean
undo_batch (SmtRegister  *reg,
            gpointer      data,
            GError      **error)
{
  return smt_admission_void (reg, data, _("Undone (Ctrl+Z) right after it was recorded"),
                             error);
}

/* ---- save ----------------------------------------------------------------------- */

gboolean
smt_bulk_admit_dialog_save (SmtBulkAdmitDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) events = NULL;
  g_autofree char *date = NULL;
  g_autofree char *count = NULL;
  g_autofree char *message = NULL;
  gint64 failed = 0;

  g_return_val_if_fail (SMT_IS_BULK_ADMIT_DIALOG (self), FALSE);

  date = smt_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->date_row)));
  if (date == NULL)
    {
      show_error (self, _("The date is not a date. Type it as day/month/year, for example "
                          "05/02/2026."));
      gtk_widget_grab_focus (GTK_WIDGET (self->date_row));
      return FALSE;
    }
  events = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (!smt_admission_admit (self->reg, self->branch_id, (gint64 *) self->ticked->data,
                            self->ticked->len, date,
                            gtk_editable_get_text (GTK_EDITABLE (self->document_row)),
                            gtk_editable_get_text (GTK_EDITABLE (self->reason_row)), events,
                            &failed, &error))
    {
      show_error (self, error->message);
      return FALSE;
    }
  count = smt_format_int (events->len);
  /* Translators: "3 hội viên admitted" */
  message = g_strdup_printf (_("%s %s admitted"), count, self->member_word);
  smt_view_record_change (GTK_WIDGET (self), message, undo_batch, g_steal_pointer (&events),
                          (GDestroyNotify) g_array_unref);
  show_error (self, NULL);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
on_save_clicked (SmtBulkAdmitDialog *self,
                 GtkButton          *button)
{
  smt_bulk_admit_dialog_save (self);
}

/* ---- object --------------------------------------------------------------------- */

static void
smt_bulk_admit_dialog_dispose (GObject *object)
{
  SmtBulkAdmitDialog *self = SMT_BULK_ADMIT_DIALOG (object);

  g_clear_object (&self->reg);
  g_clear_pointer (&self->member_word, g_free);
  g_clear_pointer (&self->listed, g_array_unref);
  g_clear_pointer (&self->ticked, g_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), SMT_TYPE_BULK_ADMIT_DIALOG);

  G_OBJECT_CLASS (smt_bulk_admit_dialog_parent_class)->dispose (object);
}

static void
smt_bulk_admit_dialog_class_init (SmtBulkAdmitDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = smt_bulk_admit_dialog_dispose;

  smt_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
      "/io/github/somattran/SoMatTran/smt-bulk-admit-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SmtBulkAdmitDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, SmtBulkAdmitDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, SmtBulkAdmitDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SmtBulkAdmitDialog, count_label);
  gtk_widget_class_bind_template_child (widget_class, SmtBulkAdmitDialog, candidate_list);
  gtk_widget_class_bind_template_child (widget_class, SmtBulkAdmitDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, SmtBulkAdmitDialog, document_row);
  gtk_widget_class_bind_template_child (widget_class, SmtBulkAdmitDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, SmtBulkAdmitDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
smt_bulk_admit_dialog_init (SmtBulkAdmitDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->listed = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->ticked = g_array_new (FALSE, FALSE, sizeof (gint64));
}

SmtBulkAdmitDialog *
smt_bulk_admit_dialog_new (GtkWindow            *parent,
                           SmtRegister          *reg,
                           const SmtBranchInfo  *branch,
                           GError              **error)
{
  g_autoptr(GPtrArray) orgs = NULL;
  g_autofree char *today = NULL;
  SmtBulkAdmitDialog *self;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), NULL);
  g_return_val_if_fail (branch != NULL, NULL);

  self = g_object_new (SMT_TYPE_BULK_ADMIT_DIALOG, "transient-for", parent, NULL);
  self->reg = g_object_ref (reg);
  self->branch_id = branch->id;
  orgs = smt_organisations_list (reg, NULL);
  for (guint i = 0; orgs != NULL && i < orgs->len; i++)
    if (((SmtOrganisationInfo *) g_ptr_array_index (orgs, i))->id == branch->organisation_id)
      self->member_word = g_strdup (((SmtOrganisationInfo *)
                                     g_ptr_array_index (orgs, i))->member_word);
  if (self->member_word == NULL)
    self->member_word = g_strdup ("hội viên");
  adw_window_title_set_subtitle (self->window_title, branch->name);
  today = smt_date_to_display (smt_register_get_today (reg));
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
  /* A dissolved branch or an unreadable register: said before opening. */
  if (!fill_or_fail (self, error))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));
  return self;
}

void
smt_bulk_admit_dialog_set_search (SmtBulkAdmitDialog *self,
                                  const char         *text)
{
  g_return_if_fail (SMT_IS_BULK_ADMIT_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  /* At once, not after the entry's typing delay. */
  fill (self);
}

GArray *
smt_bulk_admit_dialog_dup_listed (SmtBulkAdmitDialog *self)
{
  GArray *ids;

  g_return_val_if_fail (SMT_IS_BULK_ADMIT_DIALOG (self), NULL);

  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), self->listed->len);
  g_array_append_vals (ids, self->listed->data, self->listed->len);
  return ids;
}

void
smt_bulk_admit_dialog_tick (SmtBulkAdmitDialog *self,
                            gint64              person_id,
                            gboolean            ticked)
{
  int i;

  g_return_if_fail (SMT_IS_BULK_ADMIT_DIALOG (self));

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
        GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->candidate_list, r);
        GtkWidget *check = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));

        if (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)) != ticked)
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), ticked);
      }
  show_error (self, NULL);
  update_count (self);
}

guint
smt_bulk_admit_dialog_get_n_ticked (SmtBulkAdmitDialog *self)
{
  g_return_val_if_fail (SMT_IS_BULK_ADMIT_DIALOG (self), 0);
  return self->ticked->len;
}

void
smt_bulk_admit_dialog_set_date (SmtBulkAdmitDialog *self,
                                const char         *text)
{
  g_return_if_fail (SMT_IS_BULK_ADMIT_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), text);
}

void
smt_bulk_admit_dialog_set_document (SmtBulkAdmitDialog *self,
                                    const char         *text)
{
  g_return_if_fail (SMT_IS_BULK_ADMIT_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->document_row), text);
}

void
smt_bulk_admit_dialog_set_reason (SmtBulkAdmitDialog *self,
                                  const char         *text)
{
  g_return_if_fail (SMT_IS_BULK_ADMIT_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->reason_row), text);
}

const char *
smt_bulk_admit_dialog_get_error (SmtBulkAdmitDialog *self)
{
  g_return_val_if_fail (SMT_IS_BULK_ADMIT_DIALOG (self), NULL);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;
  return gtk_label_get_text (self->error_label);
}
