/* smt-event-dialog.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gi18n.h>

#include "core/organisations/smt-organisation-query.h"
#include "core/register/smt-date.h"

#include "gui/base/smt-gui.h"
#include "smt-event-dialog.h"

/* The kinds offered, in the order an officer meets them. A death is
 * recorded on the person (smt_person_record_death), not here. */
static const SmtEventKind kinds[] = {
  SMT_EVENT_ADMITTED, SMT_EVENT_TRANSFERRED, SMT_EVENT_TRANSFERRED_IN,
  SMT_EVENT_TRANSFERRED_OUT, SMT_EVENT_LEFT, SMT_EVENT_REMOVED, SMT_EVENT_AWAY,
  SMT_EVENT_BACK, SMT_EVENT_VOID,
};

struct _SmtEventDialog
{
  AdwWindow       parent_instance;

  AdwWindowTitle *window_title;
  GtkButton      *save_button;
  AdwComboRow    *kind_row;
  AdwComboRow    *organisation_row;
  AdwComboRow    *branch_row;
  AdwComboRow    *event_row;
  AdwEntryRow    *date_row;
  AdwEntryRow    *reason_row;
  AdwEntryRow    *document_row;
  AdwEntryRow    *exception_row;
  GtkLabel       *error_label;

  SmtRegister    *reg;
  gint64          person_id;
  GPtrArray      *organisations;   /* SmtOrganisationInfo */
  GPtrArray      *branches;        /* SmtBranchInfo of the organisation chosen */
  GArray         *events;          /* gint64: the current events, as event_row lists them */
};

G_DEFINE_FINAL_TYPE (SmtEventDialog, smt_event_dialog, ADW_TYPE_WINDOW)

enum { RECORDED, N_SIGNALS };
static guint signals[N_SIGNALS];

static SmtEventKind
selected_kind (SmtEventDialog *self)
{
  guint i = adw_combo_row_get_selected (self->kind_row);

  return i < G_N_ELEMENTS (kinds) ? kinds[i] : SMT_EVENT_ADMITTED;
}

static gboolean
kind_needs_branch (SmtEventKind kind)
{
  return kind == SMT_EVENT_ADMITTED || kind == SMT_EVENT_TRANSFERRED
         || kind == SMT_EVENT_TRANSFERRED_IN;
}

static void
show_error (SmtEventDialog *self,
            const char     *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
fill_branches (SmtEventDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  guint i = adw_combo_row_get_selected (self->organisation_row);
  const SmtOrganisationInfo *org;

  g_clear_pointer (&self->branches, g_ptr_array_unref);
  if (self->organisations == NULL || i >= self->organisations->len)
    {
      adw_combo_row_set_model (self->branch_row, G_LIST_MODEL (names));
      return;
    }
  org = g_ptr_array_index (self->organisations, i);
  self->branches = smt_branches_list (self->reg, org->id, NULL, &error);
  if (self->branches == NULL)
    {
      show_error (self, error->message);
      self->branches = g_ptr_array_new ();
    }
  for (guint b = 0; b < self->branches->len; b++)
    {
      const SmtBranchInfo *branch = g_ptr_array_index (self->branches, b);

      gtk_string_list_append (names, branch->name);
    }
  adw_combo_row_set_model (self->branch_row, G_LIST_MODEL (names));
}

static void
on_organisation_changed (SmtEventDialog *self,
                         GParamSpec     *pspec,
                         AdwComboRow    *row)
{
  fill_branches (self);
}

static void
on_kind_changed (SmtEventDialog *self,
                 GParamSpec     *pspec,
                 AdwComboRow    *row)
{
  SmtEventKind kind = selected_kind (self);
  gboolean voiding = kind == SMT_EVENT_VOID;

  gtk_widget_set_visible (GTK_WIDGET (self->organisation_row), !voiding);
  gtk_widget_set_visible (GTK_WIDGET (self->branch_row), !voiding && kind_needs_branch (kind));
  gtk_widget_set_visible (GTK_WIDGET (self->event_row), voiding);
  gtk_widget_set_visible (GTK_WIDGET (self->exception_row),
                          kind == SMT_EVENT_ADMITTED || kind == SMT_EVENT_TRANSFERRED_IN);
  show_error (self, NULL);
}

gboolean
smt_event_dialog_save (SmtEventDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  SmtMembershipChange change = { 0 };
  const char *date_text;
  guint i;
  gint64 key;

  g_return_val_if_fail (SMT_IS_EVENT_DIALOG (self), FALSE);

  date_text = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  date = smt_date_parse (date_text);
  if (date == NULL)
    {
      show_error (self, _("The date is not a date. Type it as day/month/year, for example "
                          "05/02/2026."));
      gtk_widget_grab_focus (GTK_WIDGET (self->date_row));
      return FALSE;
    }

  change.kind = selected_kind (self);
  change.person_id = self->person_id;
  change.date = date;
  change.reason = gtk_editable_get_text (GTK_EDITABLE (self->reason_row));
  change.document = gtk_editable_get_text (GTK_EDITABLE (self->document_row));
  if (gtk_widget_get_visible (GTK_WIDGET (self->exception_row)))
    {
      const char *note = gtk_editable_get_text (GTK_EDITABLE (self->exception_row));

      change.exception_note = note[0] != '\0' ? note : NULL;
    }
  if (change.kind == SMT_EVENT_VOID)
    {
      i = adw_combo_row_get_selected (self->event_row);
      if (self->events == NULL || i >= self->events->len)
        {
          show_error (self, _("Choose the event to void."));
          return FALSE;
        }
      change.voids_event_id = g_array_index (self->events, gint64, i);
    }
  else
    {
      i = adw_combo_row_get_selected (self->organisation_row);
      if (self->organisations == NULL || i >= self->organisations->len)
        {
          show_error (self, _("Choose the organisation."));
          return FALSE;
        }
      change.organisation_id = ((SmtOrganisationInfo *) g_ptr_array_index (self->organisations,
                                                                            i))->id;
      if (kind_needs_branch (change.kind))
        {
          i = adw_combo_row_get_selected (self->branch_row);
          if (self->branches == NULL || i >= self->branches->len)
            {
              show_error (self, _("Choose the branch the person will attend."));
              return FALSE;
            }
          change.branch_id = ((SmtBranchInfo *) g_ptr_array_index (self->branches, i))->id;
        }
    }

  key = smt_membership_record (self->reg, &change, &error);
  if (key == 0)
    {
      show_error (self, error != NULL ? error->message : _("The change was not recorded."));
      return FALSE;
    }
  show_error (self, NULL);
  g_signal_emit (self, signals[RECORDED], 0, key);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
on_save_clicked (SmtEventDialog *self,
                 GtkButton      *button)
{
  smt_event_dialog_save (self);
}

static void
smt_event_dialog_dispose (GObject *object)
{
  SmtEventDialog *self = SMT_EVENT_DIALOG (object);

  g_clear_object (&self->reg);
  g_clear_pointer (&self->organisations, g_ptr_array_unref);
  g_clear_pointer (&self->branches, g_ptr_array_unref);
  g_clear_pointer (&self->events, g_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), SMT_TYPE_EVENT_DIALOG);

  G_OBJECT_CLASS (smt_event_dialog_parent_class)->dispose (object);
}

static void
smt_event_dialog_class_init (SmtEventDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = smt_event_dialog_dispose;

  /**
   * SmtEventDialog::recorded:
   * @key: the key of the new membership event
   */
  signals[RECORDED] = g_signal_new ("recorded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  smt_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
      "/io/github/somattran/SoMatTran/smt-event-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SmtEventDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, SmtEventDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, SmtEventDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, SmtEventDialog, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, SmtEventDialog, branch_row);
  gtk_widget_class_bind_template_child (widget_class, SmtEventDialog, event_row);
  gtk_widget_class_bind_template_child (widget_class, SmtEventDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, SmtEventDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, SmtEventDialog, document_row);
  gtk_widget_class_bind_template_child (widget_class, SmtEventDialog, exception_row);
  gtk_widget_class_bind_template_child (widget_class, SmtEventDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_organisation_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
smt_event_dialog_init (SmtEventDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

SmtEventDialog *
smt_event_dialog_new (GtkWindow              *parent,
                      SmtRegister            *reg,
                      const SmtPersonDetail  *person,
                      GError                **error)
{
  SmtEventDialog *self;
  g_autoptr(GtkStringList) kind_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) org_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) event_names = gtk_string_list_new (NULL);
  g_autofree char *today = NULL;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), NULL);
  g_return_val_if_fail (person != NULL, NULL);

  /* Like every GtkWindow, owned by GTK's list of toplevels. */
  self = g_object_new (SMT_TYPE_EVENT_DIALOG, "transient-for", parent, NULL);
  self->reg = g_object_ref (reg);
  self->person_id = person->id;
  adw_window_title_set_subtitle (self->window_title, person->name);

  self->organisations = smt_organisations_list (reg, error);
  if (self->organisations == NULL)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }
  for (guint i = 0; i < self->organisations->len; i++)
    {
      const SmtOrganisationInfo *org = g_ptr_array_index (self->organisations, i);

      gtk_string_list_append (org_names, org->name);
    }

  /* The events that can be voided: the current ones, newest first. */
  self->events = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = person->timeline->len; i > 0; i--)
    {
      const SmtTimelineRow *t = g_ptr_array_index (person->timeline, i - 1);
      g_autofree char *date = NULL;
      g_autofree char *line = NULL;

      if (!t->current || t->event_kind == SMT_EVENT_VOID)
        continue;
      date = smt_date_to_display (t->date);
      line = g_strdup_printf ("%s — %s %s", date, t->kind, t->organisation);
      gtk_string_list_append (event_names, line);
      g_array_append_val (self->events, t->event_id);
    }

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    gtk_string_list_append (kind_names, smt_event_kind_label (kinds[i]));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kind_names));
  adw_combo_row_set_model (self->organisation_row, G_LIST_MODEL (org_names));
  adw_combo_row_set_model (self->event_row, G_LIST_MODEL (event_names));
  fill_branches (self);
  on_kind_changed (self, NULL, self->kind_row);

  today = smt_date_to_display (smt_register_get_today (reg));
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
  /* Enter in any field records, as the button does. */
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));
  return self;
}

void
smt_event_dialog_select (SmtEventDialog *self,
                         SmtEventKind    kind,
                         gint64          organisation_id,
                         gint64          branch_id,
                         gint64          voids_event_id)
{
  g_return_if_fail (SMT_IS_EVENT_DIALOG (self));

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i] == kind)
      adw_combo_row_set_selected (self->kind_row, i);
  for (guint i = 0; organisation_id != 0 && i < self->organisations->len; i++)
    if (((SmtOrganisationInfo *) g_ptr_array_index (self->organisations, i))->id
        == organisation_id)
      adw_combo_row_set_selected (self->organisation_row, i);
  for (guint i = 0; branch_id != 0 && self->branches != NULL && i < self->branches->len; i++)
    if (((SmtBranchInfo *) g_ptr_array_index (self->branches, i))->id == branch_id)
      adw_combo_row_set_selected (self->branch_row, i);
  for (guint i = 0; voids_event_id != 0 && i < self->events->len; i++)
    if (g_array_index (self->events, gint64, i) == voids_event_id)
      adw_combo_row_set_selected (self->event_row, i);
}

void
smt_event_dialog_set_date (SmtEventDialog *self,
                           const char     *text)
{
  g_return_if_fail (SMT_IS_EVENT_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), text);
}

void
smt_event_dialog_set_reason (SmtEventDialog *self,
                             const char     *text)
{
  g_return_if_fail (SMT_IS_EVENT_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->reason_row), text);
}

const char *
smt_event_dialog_get_error (SmtEventDialog *self)
{
  g_return_val_if_fail (SMT_IS_EVENT_DIALOG (self), NULL);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;
  return gtk_label_get_text (self->error_label);
}
