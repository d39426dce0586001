/* smt-move-dialog.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gi18n.h>

#include "core/organisations/smt-organisation-query.h"
#include "core/people/smt-household-query.h"
#include "core/people/smt-households.h"
#include "core/people/smt-people.h"
#include "core/register/smt-date.h"

#include "gui/base/smt-gui.h"
#include "gui/base/smt-view.h"
#include "smt-move-dialog.h"

/* Households found at most: a search narrows, it does not browse. */
#define MAX_FOUND 50

struct _SmtMoveDialog
{
  AdwWindow       parent_instance;

  AdwWindowTitle *window_title;
  GtkButton      *save_button;
  AdwComboRow    *kind_row;
  GtkWidget      *search_group;
  AdwEntryRow    *search_row;
  GtkWidget      *results_scroller;
  GtkListBox     *results;
  GtkWidget      *new_group;
  AdwComboRow    *hamlet_row;
  AdwEntryRow    *address_row;
  GtkWidget      *head_row;
  GtkSwitch      *head_switch;
  AdwEntryRow    *date_row;
  AdwEntryRow    *reason_row;
  GtkLabel       *error_label;

  SmtRegister    *reg;
  gint64          person_id;
  gint64          current_household;
  char           *person_name;
  GPtrArray      *hamlets;     /* SmtHamletInfo */
  GArray         *found;       /* gint64: the households listed, in order */
};

G_DEFINE_FINAL_TYPE (SmtMoveDialog, smt_move_dialog, ADW_TYPE_WINDOW)

enum { MOVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
show_error (SmtMoveDialog *self,
            const char    *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
on_kind_changed (SmtMoveDialog *self,
                 GParamSpec    *pspec,
                 AdwComboRow   *row)
{
  SmtMoveKind kind = adw_combo_row_get_selected (self->kind_row);

  gtk_widget_set_visible (self->search_group, kind == SMT_MOVE_TO_HOUSEHOLD);
  gtk_widget_set_visible (self->results_scroller, kind == SMT_MOVE_TO_HOUSEHOLD);
  gtk_widget_set_visible (self->new_group, kind == SMT_MOVE_TO_NEW_HOUSEHOLD);
  gtk_widget_set_visible (self->head_row, kind == SMT_MOVE_TO_HOUSEHOLD);
  show_error (self, NULL);
}

static GtkWidget *
result_row (const char *title,
            const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static void
on_search_changed (SmtMoveDialog *self,
                   GtkEditable   *editable)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_row));
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results))) != NULL)
    gtk_list_box_remove (self->results, child);
  g_array_set_size (self->found, 0);

  found = smt_households_search (self->reg, text, MAX_FOUND + 1, &error);
  if (found == NULL)
    {
      show_error (self, error->message);
      return;
    }
  for (guint i = 0; i < found->len && i < MAX_FOUND; i++)
    {
      const SmtHouseholdInfo *h = g_ptr_array_index (found, i);
      g_autofree char *count = NULL;
      GtkWidget *row;

      /* Translators: how many people live in a household today */
      count = g_strdup_printf (ngettext ("%u person lives there", "%u people live there",
                                         h->members), h->members);
      if (h->id == self->current_household)
        {
          g_autofree char *where = g_strdup_printf ("%s · %s", count, _("lives here now"));

          row = result_row (h->label, where);
        }
      else
        row = result_row (h->label, count);
      gtk_list_box_append (self->results, row);
      g_array_append_val (self->found, h->id);
    }
  if (text[0] == '\0')
    {
      gtk_list_box_append (self->results,
                           result_row (_("Type an address or the head's name to find the "
                                         "household"), NULL));
    }
  else if (found->len == 0)
    gtk_list_box_append (self->results,
                         result_row (_("No household has that address or head"), NULL));
  else if (found->len > MAX_FOUND)
    gtk_list_box_append (self->results,
                         result_row (_("More households match: type more to narrow the list"),
                                     NULL));
  /* The hint rows are not choices. */
  for (guint i = self->found->len;
       (child = GTK_WIDGET (gtk_list_box_get_row_at_index (self->results, i))) != NULL; i++)
    {
      gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (child), FALSE);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (child), FALSE);
      gtk_widget_add_css_class (child, "dim-label");
    }
  if (self->found->len > 0)
    gtk_list_box_select_row (self->results, gtk_list_box_get_row_at_index (self->results, 0));
}

/* ---- undo ------------------------------------------------------------------------ */

static gboolean
undo_move (SmtRegister  *reg,
           gpointer      data,
           GError      **error)
{
  return smt_residences_void (reg, data, _("Undone (Ctrl+Z) right after it was recorded"), error);
}

/* ---- saving ---------------------------------------------------------------------- */

gboolean
smt_move_dialog_save (SmtMoveDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autofree char *date = NULL;
  g_autofree char *message = NULL;
  SmtMoveKind kind;
  const char *reason;
  gint64 row = 0;

  g_return_val_if_fail (SMT_IS_MOVE_DIALOG (self), FALSE);

  show_error (self, NULL);
  date = smt_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->date_row)));
  if (date == NULL)
    {
      show_error (self, _("The date is not a date. Type it as day/month/year, for example "
                          "05/02/2026."));
      gtk_widget_grab_focus (GTK_WIDGET (self->date_row));
      return FALSE;
    }
  kind = adw_combo_row_get_selected (self->kind_row);
  reason = gtk_editable_get_text (GTK_EDITABLE (self->reason_row));
  if (kind == SMT_MOVE_TO_HOUSEHOLD)
    {
      GtkListBoxRow *selected = gtk_list_box_get_selected_row (self->results);
      int i = selected != NULL ? gtk_list_box_row_get_index (selected) : -1;
      gint64 household;
      g_autoptr(SmtHouseholdInfo) info = NULL;

      if (i < 0 || (guint) i >= self->found->len)
        {
          show_error (self, _("Find the household by its address or its head's name, and "
                              "choose it in the list."));
          gtk_widget_grab_focus (GTK_WIDGET (self->search_row));
          return FALSE;
        }
      household = g_array_index (self->found, gint64, i);
      row = smt_residence_move (self->reg, self->person_id, household, date,
                                gtk_switch_get_active (self->head_switch), reason, &error);
      if (row != 0 && (info = smt_household_get (self->reg, household, NULL)) != NULL)
        message = g_strdup_printf (_("%s moved to %s"), self->person_name, info->label);
    }
  else if (kind == SMT_MOVE_TO_NEW_HOUSEHOLD)
    {
      guint h = adw_combo_row_get_selected (self->hamlet_row);

      if (self->hamlets == NULL || h >= self->hamlets->len)
        {
          show_error (self, _("Choose the hamlet."));
          return FALSE;
        }
      if (smt_household_form (self->reg, ((SmtHamletInfo *) g_ptr_array_index (self->hamlets,
                                                                                h))->id,
                              gtk_editable_get_text (GTK_EDITABLE (self->address_row)), date,
                              &self->person_id, 1, self->person_id, reason, &rows, &error) != 0)
        message = g_strdup_printf (_("%s heads a new household"), self->person_name);
    }
  else
    {
      row = smt_residence_move (self->reg, self->person_id, 0, date, FALSE, reason, &error);
      message = g_strdup_printf (_("%s left the commune"), self->person_name);
    }
  if (rows == NULL && row == 0)
    {
      show_error (self, error != NULL ? error->message : _("The change was not recorded."));
      return FALSE;
    }
  if (rows == NULL)
    {
      rows = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_array_append_val (rows, row);
    }
  row = g_array_index (rows, gint64, 0);
  smt_view_record_change (GTK_WIDGET (self), message, undo_move, g_steal_pointer (&rows),
                          (GDestroyNotify) g_array_unref);
  g_signal_emit (self, signals[MOVED], 0, row);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
on_save_clicked (SmtMoveDialog *self,
                 GtkButton     *button)
{
  smt_move_dialog_save (self);
}

/* ---- GObject ----------------------------------------------------------------------- */

static void
smt_move_dialog_dispose (GObject *object)
{
  SmtMoveDialog *self = SMT_MOVE_DIALOG (object);

  g_clear_object (&self->reg);
  g_clear_pointer (&self->person_name, g_free);
  g_clear_pointer (&self->hamlets, g_ptr_array_unref);
  g_clear_pointer (&self->found, g_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), SMT_TYPE_MOVE_DIALOG);

  G_OBJECT_CLASS (smt_move_dialog_parent_class)->dispose (object);
}

static void
smt_move_dialog_class_init (SmtMoveDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = smt_move_dialog_dispose;

  /**
   * SmtMoveDialog::moved:
   * @residence_id: the key of the (first) residence row written
   */
  signals[MOVED] = g_signal_new ("moved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  smt_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
      "/io/github/somattran/SoMatTran/smt-move-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SmtMoveDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, SmtMoveDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, SmtMoveDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, SmtMoveDialog, search_group);
  gtk_widget_class_bind_template_child (widget_class, SmtMoveDialog, search_row);
  gtk_widget_class_bind_template_child (widget_class, SmtMoveDialog, results_scroller);
  gtk_widget_class_bind_template_child (widget_class, SmtMoveDialog, results);
  gtk_widget_class_bind_template_child (widget_class, SmtMoveDialog, new_group);
  gtk_widget_class_bind_template_child (widget_class, SmtMoveDialog, hamlet_row);
  gtk_widget_class_bind_template_child (widget_class, SmtMoveDialog, address_row);
  gtk_widget_class_bind_template_child (widget_class, SmtMoveDialog, head_row);
  gtk_widget_class_bind_template_child (widget_class, SmtMoveDialog, head_switch);
  gtk_widget_class_bind_template_child (widget_class, SmtMoveDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, SmtMoveDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, SmtMoveDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
smt_move_dialog_init (SmtMoveDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->found = g_array_new (FALSE, FALSE, sizeof (gint64));
}

SmtMoveDialog *
smt_move_dialog_new (GtkWindow             *parent,
                     SmtRegister           *reg,
                     const SmtPersonDetail *person)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) hamlet_names = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *today = NULL;
  SmtMoveDialog *self;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), NULL);
  g_return_val_if_fail (person != NULL, NULL);

  self = g_object_new (SMT_TYPE_MOVE_DIALOG, "transient-for", parent, NULL);
  self->reg = g_object_ref (reg);
  self->person_id = person->id;
  self->current_household = person->household_id;
  self->person_name = g_strdup (person->name);
  adw_window_title_set_subtitle (self->window_title, person->name);

  /* In the order of SmtMoveKind. */
  gtk_string_list_append (kinds, _("Another household of the commune"));
  gtk_string_list_append (kinds, _("A new household (split from this one)"));
  gtk_string_list_append (kinds, _("Out of the commune"));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));

  self->hamlets = smt_hamlets_list (reg, &error);
  if (self->hamlets == NULL)
    {
      show_error (self, error->message);
      self->hamlets = g_ptr_array_new ();
    }
  for (guint i = 0; i < self->hamlets->len; i++)
    {
      const SmtHamletInfo *h = g_ptr_array_index (self->hamlets, i);

      gtk_string_list_append (hamlet_names, h->name);
    }
  adw_combo_row_set_model (self->hamlet_row, G_LIST_MODEL (hamlet_names));
  /* A split household stays in the same hamlet, most of the time. */
  for (guint i = 0; i < self->hamlets->len; i++)
    if (g_strcmp0 (((SmtHamletInfo *) g_ptr_array_index (self->hamlets, i))->name,
                   person->hamlet) == 0)
      adw_combo_row_set_selected (self->hamlet_row, i);

  on_kind_changed (self, NULL, self->kind_row);
  on_search_changed (self, NULL);
  today = smt_date_to_display (smt_register_get_today (reg));
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_row));
  return self;
}

void
smt_move_dialog_set_kind (SmtMoveDialog *self,
                          SmtMoveKind    kind)
{
  g_return_if_fail (SMT_IS_MOVE_DIALOG (self));
  adw_combo_row_set_selected (self->kind_row, kind);
}

guint
smt_move_dialog_search (SmtMoveDialog *self,
                        const char    *text)
{
  g_return_val_if_fail (SMT_IS_MOVE_DIALOG (self), 0);
  gtk_editable_set_text (GTK_EDITABLE (self->search_row), text);
  return self->found->len;
}

gboolean
smt_move_dialog_select_household (SmtMoveDialog *self,
                                  gint64         household_id)
{
  g_return_val_if_fail (SMT_IS_MOVE_DIALOG (self), FALSE);

  for (guint i = 0; i < self->found->len; i++)
    if (g_array_index (self->found, gint64, i) == household_id)
      {
        gtk_list_box_select_row (self->results, gtk_list_box_get_row_at_index (self->results, i));
        return TRUE;
      }
  return FALSE;
}

gboolean
smt_move_dialog_set_new_household (SmtMoveDialog *self,
                                   gint64         hamlet_id,
                                   const char    *address)
{
  g_return_val_if_fail (SMT_IS_MOVE_DIALOG (self), FALSE);

  gtk_editable_set_text (GTK_EDITABLE (self->address_row), address);
  for (guint i = 0; i < self->hamlets->len; i++)
    if (((SmtHamletInfo *) g_ptr_array_index (self->hamlets, i))->id == hamlet_id)
      {
        adw_combo_row_set_selected (self->hamlet_row, i);
        return TRUE;
      }
  return FALSE;
}

void
smt_move_dialog_set_date (SmtMoveDialog *self,
                          const char    *text)
{
  g_return_if_fail (SMT_IS_MOVE_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), text);
}

void
smt_move_dialog_set_reason (SmtMoveDialog *self,
                            const char    *text)
{
  g_return_if_fail (SMT_IS_MOVE_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->reason_row), text);
}

void
smt_move_dialog_set_head (SmtMoveDialog *self,
                          gboolean       head)
{
  g_return_if_fail (SMT_IS_MOVE_DIALOG (self));
  gtk_switch_set_active (self->head_switch, head);
}

const char *
smt_move_dialog_get_error (SmtMoveDialog *self)
{
  g_return_val_if_fail (SMT_IS_MOVE_DIALOG (self), NULL);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;
  return gtk_label_get_text (self->error_label);
}
