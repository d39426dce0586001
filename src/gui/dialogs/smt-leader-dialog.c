/* smt-leader-dialog.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gi18n.h>

#include "core/organisations/smt-organisations.h"
#include "core/register/smt-date.h"

#include "gui/base/smt-gui.h"
#include "gui/base/smt-view.h"
#include "smt-leader-dialog.h"

struct _SmtLeaderDialog
{
  AdwWindow       parent_instance;

  /* template widgets */
  AdwWindowTitle *window_title;
  GtkButton      *save_button;
  AdwComboRow    *person_row;
  AdwComboRow    *role_row;
  AdwEntryRow    *date_row;
  AdwEntryRow    *reason_row;
  GtkLabel       *error_label;

  /* owned */
  SmtRegister    *reg;
  gint64          branch_id;
  gint64          leader_id;   /* ending: the term */
  char           *leader_name;
  GArray         *person_ids;  /* gint64, as person_row lists them */
};

G_DEFINE_FINAL_TYPE (SmtLeaderDialog, smt_leader_dialog, ADW_TYPE_WINDOW)

static void
show_error (SmtLeaderDialog *self,
            const char      *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* Typing again hides a message about the last try. */
static void
on_field_changed (SmtLeaderDialog *self,
                  GtkEditable     *editable)
{
  show_error (self, NULL);
}

/* ---- undo ----------------------------------------------------------------------- */

typedef struct
{
  gint64  leader_id;
  char    from[11];
} LeaderUndo;

/* An appointment made by mistake: the term ends on the day it began. */
static gboolean
undo_appointment (SmtRegister  *reg,
                  gpointer      data,
                  GError      **error)
{
  LeaderUndo *undo = data;

  return smt_leader_end (reg, undo->leader_id, undo->from,
                         _("Undone (Ctrl+Z) right after it was recorded"), error) != 0;
}

/* ---- save ----------------------------------------------------------------------- */

gboolean
smt_leader_dialog_save (SmtLeaderDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  g_autofree char *message = NULL;
  const char *reason;
  gint64 key;

  g_return_val_if_fail (SMT_IS_LEADER_DIALOG (self), FALSE);

  date = smt_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->date_row)));
  if (date == NULL)
    {
      show_error (self, _("The date is not a date. Type it as day/month/year, for example "
                          "05/02/2026."));
      gtk_widget_grab_focus (GTK_WIDGET (self->date_row));
      return FALSE;
    }
  reason = gtk_editable_get_text (GTK_EDITABLE (self->reason_row));
  if (self->leader_id == 0)
    {
      guint i = adw_combo_row_get_selected (self->person_row);
      SmtLeaderRole role = adw_combo_row_get_selected (self->role_row) == 1
                           ? SMT_LEADER_DEPUTY : SMT_LEADER_LEADER;
      LeaderUndo *undo;

      if (i >= self->person_ids->len)
        {
          show_error (self, _("Choose the member to appoint. Only members of the branch can "
                              "lead it."));
          return FALSE;
        }
      key = smt_leader_appoint (self->reg, self->branch_id,
                                g_array_index (self->person_ids, gint64, i), role, date, reason,
                                &error);
      if (key == 0)
        {
          show_error (self, error->message);
          return FALSE;
        }
      undo = g_new0 (LeaderUndo, 1);
      undo->leader_id = key;
      g_strlcpy (undo->from, date, sizeof undo->from);
      smt_view_record_change (GTK_WIDGET (self), _("Appointment recorded"), undo_appointment,
                              undo, g_free);
    }
  else
    {
      if (reason[0] == '\0')
        {
          show_error (self, _("Write why the term ends."));
          gtk_widget_grab_focus (GTK_WIDGET (self->reason_row));
          return FALSE;
        }
      if (smt_leader_end (self->reg, self->leader_id, date, reason, &error) == 0)
        {
          show_error (self, error->message);
          return FALSE;
        }
      /* Translators: the name of a branch leader whose term ended */
      message = g_strdup_printf (_("Term of %s ended"), self->leader_name);
      smt_view_record_change (GTK_WIDGET (self), message, NULL, NULL, NULL);
    }
  show_error (self, NULL);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
on_save_clicked (SmtLeaderDialog *self,
                 GtkButton       *button)
{
  smt_leader_dialog_save (self);
}

/* ---- object --------------------------------------------------------------------- */

static void
smt_leader_dialog_dispose (GObject *object)
{
  SmtLeaderDialog *self = SMT_LEADER_DIALOG (object);

  g_clear_object (&self->reg);
  g_clear_pointer (&self->leader_name, g_free);
  g_clear_pointer (&self->person_ids, g_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), SMT_TYPE_LEADER_DIALOG);

  G_OBJECT_CLASS (smt_leader_dialog_parent_class)->dispose (object);
}

static void
smt_leader_dialog_class_init (SmtLeaderDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = smt_leader_dialog_dispose;

  smt_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
      "/io/github/somattran/SoMatTran/smt-leader-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SmtLeaderDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, SmtLeaderDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, SmtLeaderDialog, person_row);
  gtk_widget_class_bind_template_child (widget_class, SmtLeaderDialog, role_row);
  gtk_widget_class_bind_template_child (widget_class, SmtLeaderDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, SmtLeaderDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, SmtLeaderDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
smt_leader_dialog_init (SmtLeaderDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->person_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

static SmtLeaderDialog *
dialog_new (GtkWindow           *parent,
            SmtRegister         *reg,
            const SmtBranchInfo *branch)
{
  SmtLeaderDialog *self = g_object_new (SMT_TYPE_LEADER_DIALOG, "transient-for", parent, NULL);
  g_autofree char *today = smt_date_to_display (smt_register_get_today (reg));

  self->reg = g_object_ref (reg);
  self->branch_id = branch->id;
  adw_window_title_set_subtitle (self->window_title, branch->name);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));
  return self;
}

SmtLeaderDialog *
smt_leader_dialog_new_appoint (GtkWindow            *parent,
                               SmtRegister          *reg,
                               const SmtBranchInfo  *branch,
                               GError              **error)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  SmtLeaderDialog *self;
  guint n_members;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), NULL);
  g_return_val_if_fail (branch != NULL, NULL);

  if ((members = smt_branch_members (reg, branch->id, NULL, error)) == NULL)
    return NULL;
  self = dialog_new (parent, reg, branch);
  gtk_window_set_title (GTK_WINDOW (self), _("Appoint a Leader"));
  adw_window_title_set_title (self->window_title, _("Appoint a Leader"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->date_row),
                                 _("From (day/month/year)"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->reason_row),
                                 _("Reason (elected at the congress…)"));
  for (guint i = 0; i < members->len; i++)
    {
      const SmtBranchMember *m = g_ptr_array_index (members, i);

      gtk_string_list_append (names, m->full_name);
      g_array_append_val (self->person_ids, m->person_id);
    }
  /* A chi hội's members often all sit in its tổ hội: they may lead it too. */
  if ((groups = smt_branches_list (reg, branch->organisation_id, NULL, error)) == NULL)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }
  for (guint g = 0; g < groups->len; g++)
    {
      const SmtBranchInfo *group = g_ptr_array_index (groups, g);
      g_autoptr(GPtrArray) in_group = NULL;

      if (group->parent_id != branch->id)
        continue;
      if ((in_group = smt_branch_members (reg, group->id, NULL, error)) == NULL)
        {
          gtk_window_destroy (GTK_WINDOW (self));
          return NULL;
        }
      for (guint i = 0; i < in_group->len; i++)
        {
          const SmtBranchMember *m = g_ptr_array_index (in_group, i);
          /* Translators: a member's name, then the tổ hội they belong to */
          g_autofree char *line = g_strdup_printf (_("%s (%s)"), m->full_name, group->name);

          gtk_string_list_append (names, line);
          g_array_append_val (self->person_ids, m->person_id);
        }
    }
  n_members = self->person_ids->len;
  adw_combo_row_set_model (self->person_row, G_LIST_MODEL (names));
  gtk_string_list_append (roles, smt_leader_role_label (SMT_LEADER_LEADER, branch->kind));
  gtk_string_list_append (roles, smt_leader_role_label (SMT_LEADER_DEPUTY, branch->kind));
  adw_combo_row_set_model (self->role_row, G_LIST_MODEL (roles));
  if (n_members == 0)
    show_error (self, _("The branch has no member yet. Admit its members first, then choose "
                        "its leader among them."));
  return self;
}

SmtLeaderDialog *
smt_leader_dialog_new_end (GtkWindow             *parent,
                           SmtRegister           *reg,
                           const SmtBranchInfo   *branch,
                           const SmtBranchLeader *leader)
{
  SmtLeaderDialog *self;
  g_autofree char *from = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), NULL);
  g_return_val_if_fail (branch != NULL && leader != NULL, NULL);

  self = dialog_new (parent, reg, branch);
  self->leader_id = leader->id;
  self->leader_name = g_strdup (leader->full_name);
  gtk_window_set_title (GTK_WINDOW (self), _("End a Term"));
  adw_window_title_set_title (self->window_title, _("End a Term"));
  from = smt_date_to_display (leader->from_date);
  /* Translators: a role, then the first day of a term still running */
  title = g_strdup_printf (_("%s, since %s"), leader->role_label, from);
  gtk_widget_set_visible (GTK_WIDGET (self->role_row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->person_row), leader->full_name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->person_row), title);
  gtk_widget_set_sensitive (GTK_WIDGET (self->person_row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->date_row),
                                 _("Last Day (day/month/year)"));
  gtk_button_set_label (self->save_button, _("_End Term"));
  return self;
}

gboolean
smt_leader_dialog_select (SmtLeaderDialog *self,
                          gint64           person_id,
                          SmtLeaderRole    role)
{
  g_return_val_if_fail (SMT_IS_LEADER_DIALOG (self), FALSE);

  adw_combo_row_set_selected (self->role_row, role == SMT_LEADER_DEPUTY ? 1 : 0);
  for (guint i = 0; i < self->person_ids->len; i++)
    if (g_array_index (self->person_ids, gint64, i) == person_id)
      {
        adw_combo_row_set_selected (self->person_row, i);
        return TRUE;
      }
  return FALSE;
}

void
smt_leader_dialog_set_date (SmtLeaderDialog *self,
                            const char      *text)
{
  g_return_if_fail (SMT_IS_LEADER_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), text);
}

void
smt_leader_dialog_set_reason (SmtLeaderDialog *self,
                              const char      *text)
{
  g_return_if_fail (SMT_IS_LEADER_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->reason_row), text);
}

const char *
smt_leader_dialog_get_error (SmtLeaderDialog *self)
{
  g_return_val_if_fail (SMT_IS_LEADER_DIALOG (self), NULL);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;
  return gtk_label_get_text (self->error_label);
}
