/* smt-branch-dialog.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gi18n.h>

#include "core/organisations/smt-organisations.h"
#include "core/register/smt-date.h"

#include "gui/base/smt-gui.h"
#include "gui/base/smt-view.h"
#include "smt-branch-dialog.h"
#include "smt-restructure-dialog.h"

struct _SmtBranchDialog
{
  AdwWindow             parent_instance;

  /* template widgets */
  AdwWindowTitle       *window_title;
  GtkButton            *save_button;
  GtkWidget            *add_group;
  AdwComboRow          *kind_row;
  AdwComboRow          *parent_row;
  AdwActionRow         *move_row;
  GtkSwitch            *move_switch;
  AdwEntryRow          *name_row;
  AdwPreferencesGroup  *hamlet_group;
  AdwEntryRow          *date_row;
  AdwEntryRow          *reason_row;
  GtkLabel             *error_label;

  /* owned */
  SmtRegister          *reg;
  gint64                organisation_id;
  gint64                branch_id;      /* dissolving: the branch; adding: the new one */
  gboolean              dissolving;
  GArray               *parents;        /* gint64: the chi hội listed in parent_row */
  GPtrArray            *hamlets;        /* SmtHamletInfo, one per check */
  GPtrArray            *checks;         /* GtkCheckButton, borrowed, as hamlets */
};

G_DEFINE_FINAL_TYPE (SmtBranchDialog, smt_branch_dialog, ADW_TYPE_WINDOW)

static void
show_error (SmtBranchDialog *self,
            const char      *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* Typing again hides a message about the last try. */
static void
on_field_changed (SmtBranchDialog *self,
                  GtkEditable     *editable)
{
  show_error (self, NULL);
}

static void
on_kind_changed (SmtBranchDialog *self,
                 GParamSpec      *pspec,
                 AdwComboRow     *row)
{
  gboolean to_hoi = adw_combo_row_get_selected (self->kind_row) == SMT_BRANCH_CHOICE_TO_HOI;

  gtk_widget_set_visible (GTK_WIDGET (self->parent_row), to_hoi);
  gtk_widget_set_visible (GTK_WIDGET (self->move_row), to_hoi);
  show_error (self, NULL);
}

/* ---- undo ----------------------------------------------------------------------- */

typedef struct
{
  gint64  branch_id;
  char    date[11];
} BranchUndo;

/* A branch added by mistake is dissolved on the day it was founded. */
static gboolean
undo_branch_add (SmtRegister  *reg,
                 gpointer      data,
                 GError      **error)
{
  BranchUndo *undo = data;

  return smt_branch_dissolve (reg, undo->branch_id, undo->date,
                              _("Undone (Ctrl+Z) right after it was recorded"), error);
}

/* ---- save ----------------------------------------------------------------------- */

static gboolean
save_new (SmtBranchDialog *self,
          const char      *date)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *message = NULL;
  SmtBranchChoice choice = adw_combo_row_get_selected (self->kind_row);
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  const char *kind;
  gint64 parent_id = 0;
  BranchUndo *undo;

  for (guint i = 0; i < self->checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
      g_array_append_val (ids, ((SmtHamletInfo *) g_ptr_array_index (self->hamlets, i))->id);

  switch (choice)
    {
    case SMT_BRANCH_CHOICE_CHI_DOAN:
      kind = "chi đoàn";
      break;
    case SMT_BRANCH_CHOICE_TO_HOI:
      kind = "tổ hội";
      {
        guint i = adw_combo_row_get_selected (self->parent_row);

        if (i >= self->parents->len)
          {
            show_error (self, _("A tổ hội belongs to a chi hội. Choose the chi hội it "
                                "belongs to."));
            return FALSE;
          }
        parent_id = g_array_index (self->parents, gint64, i);
      }
      break;
    case SMT_BRANCH_CHOICE_LIEN_AP:
      kind = "chi hội";
      {
        g_autoptr(GPtrArray) orgs = smt_organisations_list (self->reg, NULL);

        for (guint i = 0; orgs != NULL && i < orgs->len; i++)
          {
            const SmtOrganisationInfo *o = g_ptr_array_index (orgs, i);

            if (o->id == self->organisation_id && g_strcmp0 (o->member_word, "đoàn viên") == 0)
              kind = "chi đoàn";
          }
      }
      if (ids->len < 2)
        {
          show_error (self, _("A liên ấp branch serves several hamlets. Tick each hamlet it "
                              "serves."));
          return FALSE;
        }
      break;
    case SMT_BRANCH_CHOICE_CONG_DOAN:
      kind = "công đoàn cơ sở";
      break;
    case SMT_BRANCH_CHOICE_CHI_HOI:
    default:
      kind = "chi hội";
      break;
    }

  self->branch_id = smt_branch_add (self->reg, self->organisation_id, parent_id, kind, name,
                                    (gint64 *) ids->data, ids->len, date, &error);
  if (self->branch_id == 0)
    {
      show_error (self, error != NULL ? error->message : _("The change was not recorded."));
      return FALSE;
    }
  undo = g_new0 (BranchUndo, 1);
  undo->branch_id = self->branch_id;
  g_strlcpy (undo->date, date, sizeof undo->date);
  message = g_strdup_printf (_("%s added"), name);
  smt_view_record_change (GTK_WIDGET (self), message, undo_branch_add, undo, g_free);
  /* A new tổ hội is filled from its chi hội: the office ticks who goes. */
  if (choice == SMT_BRANCH_CHOICE_TO_HOI && gtk_switch_get_active (self->move_switch))
    {
      SmtRestructureDialog *next =
        smt_restructure_dialog_new (gtk_window_get_transient_for (GTK_WINDOW (self)), self->reg,
                                    self->organisation_id, parent_id, self->branch_id, date,
                                    &error);

      if (next != NULL)
        gtk_window_present (GTK_WINDOW (next));
      else
        g_warning ("%s", error->message);
    }
  return TRUE;
}

gboolean
smt_branch_dialog_save (SmtBranchDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;

  g_return_val_if_fail (SMT_IS_BRANCH_DIALOG (self), FALSE);

  date = smt_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->date_row)));
  if (date == NULL)
    {
      show_error (self, _("The date is not a date. Type it as day/month/year, for example "
                          "05/02/2026."));
      gtk_widget_grab_focus (GTK_WIDGET (self->date_row));
      return FALSE;
    }
  if (!self->dissolving)
    {
      if (!save_new (self, date))
        return FALSE;
    }
  else
    {
      const char *reason = gtk_editable_get_text (GTK_EDITABLE (self->reason_row));

      if (reason[0] == '\0')
        {
          show_error (self, _("Write why the branch is dissolved."));
          gtk_widget_grab_focus (GTK_WIDGET (self->reason_row));
          return FALSE;
        }
      if (!smt_branch_dissolve (self->reg, self->branch_id, date, reason, &error))
        {
          show_error (self, error->message);
          return FALSE;
        }
      smt_view_record_change (GTK_WIDGET (self), _("Branch dissolved"), NULL, NULL, NULL);
    }
  show_error (self, NULL);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
on_save_clicked (SmtBranchDialog *self,
                 GtkButton       *button)
{
  smt_branch_dialog_save (self);
}

/* ---- object --------------------------------------------------------------------- */

static void
smt_branch_dialog_dispose (GObject *object)
{
  SmtBranchDialog *self = SMT_BRANCH_DIALOG (object);

  g_clear_object (&self->reg);
  g_clear_pointer (&self->parents, g_array_unref);
  g_clear_pointer (&self->hamlets, g_ptr_array_unref);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), SMT_TYPE_BRANCH_DIALOG);

  G_OBJECT_CLASS (smt_branch_dialog_parent_class)->dispose (object);
}

static void
smt_branch_dialog_class_init (SmtBranchDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = smt_branch_dialog_dispose;

  smt_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
      "/io/github/somattran/SoMatTran/smt-branch-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SmtBranchDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, SmtBranchDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, SmtBranchDialog, add_group);
  gtk_widget_class_bind_template_child (widget_class, SmtBranchDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, SmtBranchDialog, parent_row);
  gtk_widget_class_bind_template_child (widget_class, SmtBranchDialog, move_row);
  gtk_widget_class_bind_template_child (widget_class, SmtBranchDialog, move_switch);
  gtk_widget_class_bind_template_child (widget_class, SmtBranchDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, SmtBranchDialog, hamlet_group);
  gtk_widget_class_bind_template_child (widget_class, SmtBranchDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, SmtBranchDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, SmtBranchDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
smt_branch_dialog_init (SmtBranchDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->parents = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->checks = g_ptr_array_new ();
}

static SmtBranchDialog *
dialog_new (GtkWindow   *parent,
            SmtRegister *reg)
{
  SmtBranchDialog *self = g_object_new (SMT_TYPE_BRANCH_DIALOG, "transient-for", parent, NULL);
  g_autofree char *today = smt_date_to_display (smt_register_get_today (reg));

  self->reg = g_object_ref (reg);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));
  return self;
}

SmtBranchDialog *
smt_branch_dialog_new_add (GtkWindow                 *parent,
                           SmtRegister               *reg,
                           const SmtOrganisationInfo *org,
                           GPtrArray                 *branches)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) parents = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  SmtBranchDialog *self;
  gboolean doan;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), NULL);
  g_return_val_if_fail (org != NULL, NULL);

  self = dialog_new (parent, reg);
  self->organisation_id = org->id;
  doan = g_strcmp0 (org->member_word, "đoàn viên") == 0;
  gtk_window_set_title (GTK_WINDOW (self), _("New Branch"));
  adw_window_title_set_title (self->window_title, _("New Branch"));
  adw_window_title_set_subtitle (self->window_title, org->name);
  gtk_widget_set_visible (GTK_WIDGET (self->reason_row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->date_row),
                                 _("Founded On (day/month/year)"));

  gtk_string_list_append (kinds, _("Association branch (chi hội)"));
  gtk_string_list_append (kinds, _("Youth Union branch (chi đoàn)"));
  gtk_string_list_append (kinds, _("Group within a chi hội (tổ hội)"));
  gtk_string_list_append (kinds, _("One branch for several hamlets (liên ấp)"));
  gtk_string_list_append (kinds, _("Trade union (công đoàn cơ sở)"));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  adw_combo_row_set_selected (self->kind_row,
                              doan ? SMT_BRANCH_CHOICE_CHI_DOAN : SMT_BRANCH_CHOICE_CHI_HOI);

  for (guint i = 0; branches != NULL && i < branches->len; i++)
    {
      const SmtBranchInfo *b = g_ptr_array_index (branches, i);

      if (g_strcmp0 (b->kind, "chi hội") != 0)
        continue;
      gtk_string_list_append (parents, b->name);
      g_array_append_val (self->parents, b->id);
    }
  adw_combo_row_set_model (self->parent_row, G_LIST_MODEL (parents));

  self->hamlets = smt_hamlets_list (reg, &error);
  if (self->hamlets == NULL)
    {
      show_error (self, error->message);
      self->hamlets = g_ptr_array_new ();
    }
  for (guint i = 0; i < self->hamlets->len; i++)
    {
      const SmtHamletInfo *h = g_ptr_array_index (self->hamlets, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), h->name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      h->name, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->hamlet_group, row);
      g_ptr_array_add (self->checks, check);
    }
  on_kind_changed (self, NULL, self->kind_row);
  return self;
}

SmtBranchDialog *
smt_branch_dialog_new_dissolve (GtkWindow           *parent,
                                SmtRegister         *reg,
                                const SmtBranchInfo *branch)
{
  SmtBranchDialog *self;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), NULL);
  g_return_val_if_fail (branch != NULL, NULL);

  self = dialog_new (parent, reg);
  self->dissolving = TRUE;
  self->branch_id = branch->id;
  self->organisation_id = branch->organisation_id;
  self->hamlets = g_ptr_array_new ();
  gtk_window_set_title (GTK_WINDOW (self), _("Dissolve Branch"));
  adw_window_title_set_title (self->window_title, _("Dissolve Branch"));
  adw_window_title_set_subtitle (self->window_title, branch->name);
  gtk_button_set_label (self->save_button, _("_Dissolve"));
  gtk_widget_remove_css_class (GTK_WIDGET (self->save_button), "suggested-action");
  gtk_widget_add_css_class (GTK_WIDGET (self->save_button), "destructive-action");
  gtk_widget_set_visible (self->add_group, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->hamlet_group), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->date_row),
                                 _("Dissolved On (day/month/year)"));
  gtk_window_set_default_size (GTK_WINDOW (self), 600, 320);
  return self;
}

void
smt_branch_dialog_set_kind (SmtBranchDialog *self,
                            SmtBranchChoice  kind,
                            gint64           parent_id)
{
  g_return_if_fail (SMT_IS_BRANCH_DIALOG (self));

  adw_combo_row_set_selected (self->kind_row, kind);
  for (guint i = 0; i < self->parents->len; i++)
    if (g_array_index (self->parents, gint64, i) == parent_id)
      adw_combo_row_set_selected (self->parent_row, i);
}

void
smt_branch_dialog_set_name (SmtBranchDialog *self,
                            const char      *text)
{
  g_return_if_fail (SMT_IS_BRANCH_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), text);
}

void
smt_branch_dialog_tick_hamlet (SmtBranchDialog *self,
                               gint64           hamlet_id,
                               gboolean         ticked)
{
  g_return_if_fail (SMT_IS_BRANCH_DIALOG (self));

  for (guint i = 0; i < self->hamlets->len; i++)
    if (((SmtHamletInfo *) g_ptr_array_index (self->hamlets, i))->id == hamlet_id)
      gtk_check_button_set_active (g_ptr_array_index (self->checks, i), ticked);
}

void
smt_branch_dialog_set_date (SmtBranchDialog *self,
                            const char      *text)
{
  g_return_if_fail (SMT_IS_BRANCH_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), text);
}

void
smt_branch_dialog_set_reason (SmtBranchDialog *self,
                              const char      *text)
{
  g_return_if_fail (SMT_IS_BRANCH_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->reason_row), text);
}

const char *
smt_branch_dialog_get_error (SmtBranchDialog *self)
{
  g_return_val_if_fail (SMT_IS_BRANCH_DIALOG (self), NULL);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;
  return gtk_label_get_text (self->error_label);
}

void
smt_branch_dialog_set_move_members (SmtBranchDialog *self,
                                    gboolean         move)
{
  g_return_if_fail (SMT_IS_BRANCH_DIALOG (self));
  gtk_switch_set_active (self->move_switch, move);
}

gint64
smt_branch_dialog_get_branch_id (SmtBranchDialog *self)
{
  g_return_val_if_fail (SMT_IS_BRANCH_DIALOG (self), 0);
  return self->dissolving ? 0 : self->branch_id;
}
