/* smt-meeting-dialog.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gi18n.h>
#include <string.h>

#include "core/organisations/smt-branch-detail.h"
#include "core/register/smt-date.h"
#include "core/register/smt-format.h"

#include "gui/base/smt-gui.h"
#include "smt-meeting-dialog.h"

struct _SmtMeetingDialog
{
  AdwWindow       parent_instance;

  /* template widgets */
  AdwWindowTitle *window_title;
  GtkButton      *save_button;
  GtkLabel       *error_label;
  GtkListBox     *meetings_list;
  AdwEntryRow    *void_reason_row;
  AdwEntryRow    *date_row;
  AdwComboRow    *kind_row;
  AdwEntryRow    *topic_row;
  GtkSpinButton  *present_spin;
  GtkSwitch      *party_switch;
  GtkSwitch      *officer_switch;
  AdwPreferencesGroup *attendance_group;
  GtkListBox     *attendance_list;

  /* owned */
  SmtRegister    *reg;
  gint64          branch_id;
  char           *month;          /* "2026-05" */
  char           *members_date;   /* ISO: the day the attendance list is of */
  GPtrArray      *members;        /* SmtBranchMember, one per attendance row */
  GPtrArray      *checks;         /* GtkCheckButton, borrowed, one per member */
  GArray         *meeting_ids;    /* gint64, one per row of meetings_list */
};

G_DEFINE_FINAL_TYPE (SmtMeetingDialog, smt_meeting_dialog, ADW_TYPE_WINDOW)

enum { RECORDED, VOIDED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
show_error (SmtMeetingDialog *self,
            const char       *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static GtkWidget *
row_new (const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL && subtitle[0] != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  return row;
}

static void
list_clear (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

/* ---- the meetings of the month ------------------------------------------------- */

static void on_void_clicked (SmtMeetingDialog *self,
                             GtkButton        *button);

static gboolean
fill_meetings (SmtMeetingDialog  *self,
               GError           **error)
{
  g_autoptr(GPtrArray) meetings = smt_meetings_of_branch (self->reg, self->branch_id,
                                                          self->month, error);

  list_clear (self->meetings_list);
  g_array_set_size (self->meeting_ids, 0);
  if (meetings == NULL)
    return FALSE;
  for (guint i = 0; i < meetings->len; i++)
    {
      const SmtMeetingInfo *m = g_ptr_array_index (meetings, i);
      g_autofree char *day = smt_date_to_display (m->date);
      g_autofree char *present = smt_format_int (m->present);
      g_autofree char *title = NULL;
      g_autoptr(GString) subtitle = g_string_new (NULL);

      /* Translators: "05/11/2026 — regular meeting" */
      title = g_strdup_printf (_("%s — %s"), day,
                               m->kind == SMT_MEETING_THEMATIC ? _("Thematic meeting")
                                                               : _("Regular meeting"));
      if (m->topic[0] != '\0')
        g_string_append_printf (subtitle, "%s\n", m->topic);
      /* Translators: members present at a meeting */
      g_string_append_printf (subtitle, _("%s present"), present);
      if (m->party_present)
        g_string_append_printf (subtitle, " · %s", _("Party member present"));
      if (m->officer_present)
        g_string_append_printf (subtitle, " · %s", _("Commune officer present"));
      if (m->attendee_names->len > 0)
        {
          g_autofree char *names = NULL;

          g_ptr_array_add (m->attendee_names, NULL);
          names = g_strjoinv (", ", (char **) m->attendee_names->pdata);
          g_ptr_array_remove_index (m->attendee_names, m->attendee_names->len - 1);
          g_string_append_printf (subtitle, "\n%s: %s", _("Attended"), names);
        }
      {
        GtkWidget *row = row_new (title, subtitle->str);
        GtkWidget *button = gtk_button_new_with_mnemonic (_("_Void"));
        g_autofree char *label = g_strdup_printf (_("Void the meeting of %s"), day);

        gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
        gtk_widget_set_tooltip_text (button, label);
        gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        label, -1);
        g_object_set_data (G_OBJECT (button), "smt-index", GUINT_TO_POINTER (i));
        g_signal_connect_object (button, "clicked", G_CALLBACK (on_void_clicked), self,
                                 G_CONNECT_SWAPPED);
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        gtk_list_box_append (self->meetings_list, row);
        g_array_append_val (self->meeting_ids, m->id);
      }
    }
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->void_reason_row)),
                          meetings->len > 0);
  return TRUE;
}

/**
 * smt_meeting_dialog_void:
 * @self: a dialog
 * @index: the meeting, as listed
 *
 * As a Void button: voids the meeting with the reason typed (a new row; the
 * meeting stays in the history). A refusal is shown in the dialog.
 *
 * Returns: %TRUE when voided
 */
gboolean
smt_meeting_dialog_void (SmtMeetingDialog *self,
                         guint             index)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) read_error = NULL;
  gint64 key;

  g_return_val_if_fail (SMT_IS_MEETING_DIALOG (self), FALSE);
  g_return_val_if_fail (index < self->meeting_ids->len, FALSE);

  key = smt_meeting_void (self->reg, g_array_index (self->meeting_ids, gint64, index),
                          gtk_editable_get_text (GTK_EDITABLE (self->void_reason_row)), &error);
  if (key == 0)
    {
      show_error (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->void_reason_row));
      return FALSE;
    }
  show_error (self, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->void_reason_row), "");
  g_signal_emit (self, signals[VOIDED], 0, key);
  if (!fill_meetings (self, &read_error))
    show_error (self, read_error->message);
  return TRUE;
}

static void
on_void_clicked (SmtMeetingDialog *self,
                 GtkButton        *button)
{
  smt_meeting_dialog_void (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button),
                                                                      "smt-index")));
}

/* ---- attendance ------------------------------------------------------------------- */

static guint
count_ticked (SmtMeetingDialog *self)
{
  guint n = 0;

  for (guint i = 0; i < self->checks->len; i++)
    n += gtk_check_button_get_active (g_ptr_array_index (self->checks, i));
  return n;
}

static void
on_tick_toggled (SmtMeetingDialog *self,
                 GtkCheckButton   *check)
{
  gtk_spin_button_set_value (self->present_spin, count_ticked (self));
}

/* The branch's members on date, those ticked before still ticked. */
static void
fill_members (SmtMeetingDialog *self,
              const char       *date)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) ticked = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) old = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autofree char *day = NULL;
  g_autofree char *description = NULL;

  if (g_strcmp0 (date, self->members_date) == 0)
    return;
  members = smt_meeting_members (self->reg, self->branch_id, date, &error);
  if (members == NULL)
    {
      show_error (self, error->message);
      return;
    }
  old = g_steal_pointer (&self->members);
  for (guint i = 0; old != NULL && i < old->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
      g_hash_table_add (ticked, &((SmtBranchMember *) g_ptr_array_index (old, i))->person_id);

  g_free (self->members_date);
  self->members_date = g_strdup (date);
  g_ptr_array_set_size (self->checks, 0);
  list_clear (self->attendance_list);
  self->members = g_steal_pointer (&members);
  for (guint i = 0; i < self->members->len; i++)
    {
      const SmtBranchMember *m = g_ptr_array_index (self->members, i);
      g_autofree char *subtitle = NULL;
      GtkWidget *check = gtk_check_button_new ();
      GtkWidget *row;

      /* Translators: birth year and sex of a member: "1980 · Nữ" */
      subtitle = g_strdup_printf (_("born %d · %s%s"), m->birth_year,
                                  m->sex == 'F' ? C_("sex", "Female") : C_("sex", "Male"),
                                  m->away ? _(" · working away") : "");
      row = row_new (m->full_name, subtitle);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   g_hash_table_contains (ticked, &m->person_id));
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      m->full_name, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_tick_toggled), self,
                               G_CONNECT_SWAPPED);
      g_ptr_array_add (self->checks, check);
      gtk_list_box_append (self->attendance_list, row);
    }
  day = smt_date_to_display (date);
  /* Translators: the attendance list's description: members on a day */
  description = g_strdup_printf (_("Tick the members present, if you wish: the branch had %u "
                                   "members on %s. Ticking counts them as present."),
                                 self->members->len, day);
  adw_preferences_group_set_description (self->attendance_group, description);
  if (old != NULL && count_ticked (self) != g_hash_table_size (ticked))
    on_tick_toggled (self, NULL);
}

static void
on_date_changed (SmtMeetingDialog *self,
                 GtkEditable      *editable)
{
  g_autofree char *date = smt_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->date_row)));

  /* The list of a day that is one; a date still being typed changes nothing. */
  if (date != NULL && strcmp (date, smt_register_get_today (self->reg)) <= 0)
    fill_members (self, date);
}

/* ---- recording ---------------------------------------------------------------------- */

gboolean
smt_meeting_dialog_save (SmtMeetingDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) attendees = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *date = NULL;
  SmtMeetingFields fields = { 0 };
  gint64 key;

  g_return_val_if_fail (SMT_IS_MEETING_DIALOG (self), FALSE);

  date = smt_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->date_row)));
  if (date == NULL)
    {
      show_error (self, _("The date is not a date. Type it as day/month/year, for example "
                          "05/02/2026."));
      gtk_widget_grab_focus (GTK_WIDGET (self->date_row));
      return FALSE;
    }
  gtk_spin_button_update (self->present_spin);
  fields.present = gtk_spin_button_get_value_as_int (self->present_spin);
  on_date_changed (self, NULL);
  /* Members present are members: no more than the branch had that day. */
  if (self->members != NULL && g_strcmp0 (self->members_date, date) == 0
      && (guint) fields.present > self->members->len)
    {
      g_autofree char *day = smt_date_to_display (date);
      g_autofree char *message = NULL;

      message = g_strdup_printf (_("The branch had %u members on %s, fewer than the %d entered "
                                   "as present. Enter at most %u."),
                                 self->members->len, day, fields.present, self->members->len);
      show_error (self, message);
      gtk_widget_grab_focus (GTK_WIDGET (self->present_spin));
      return FALSE;
    }
  for (guint i = 0; self->members != NULL && i < self->checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
      g_array_append_val (attendees,
                          ((SmtBranchMember *) g_ptr_array_index (self->members, i))->person_id);

  fields.branch_id = self->branch_id;
  fields.date = date;
  fields.kind = adw_combo_row_get_selected (self->kind_row) == 1 ? SMT_MEETING_THEMATIC
                                                                  : SMT_MEETING_REGULAR;
  fields.topic = gtk_editable_get_text (GTK_EDITABLE (self->topic_row));
  fields.party_present = gtk_switch_get_active (self->party_switch);
  fields.officer_present = gtk_switch_get_active (self->officer_switch);
  fields.attendees = (const gint64 *) attendees->data;
  fields.n_attendees = attendees->len;
  key = smt_meeting_add (self->reg, &fields, &error);
  if (key == 0)
    {
      show_error (self, error != NULL ? error->message : _("The meeting was not recorded."));
      return FALSE;
    }
  show_error (self, NULL);
  g_signal_emit (self, signals[RECORDED], 0, key);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
on_save_clicked (SmtMeetingDialog *self,
                 GtkButton        *button)
{
  smt_meeting_dialog_save (self);
}

/* ---- object ----------------------------------------------------------------------- */

static void
smt_meeting_dialog_dispose (GObject *object)
{
  SmtMeetingDialog *self = SMT_MEETING_DIALOG (object);

  g_clear_object (&self->reg);
  g_clear_pointer (&self->members, g_ptr_array_unref);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  g_clear_pointer (&self->meeting_ids, g_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), SMT_TYPE_MEETING_DIALOG);

  G_OBJECT_CLASS (smt_meeting_dialog_parent_class)->dispose (object);
}

static void
smt_meeting_dialog_finalize (GObject *object)
{
  SmtMeetingDialog *self = SMT_MEETING_DIALOG (object);

  g_free (self->month);
  g_free (self->members_date);

  G_OBJECT_CLASS (smt_meeting_dialog_parent_class)->finalize (object);
}

static void
smt_meeting_dialog_class_init (SmtMeetingDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = smt_meeting_dialog_dispose;
  object_class->finalize = smt_meeting_dialog_finalize;

  /**
   * SmtMeetingDialog::recorded:
   * @key: the key of the new meeting
   */
  signals[RECORDED] = g_signal_new ("recorded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /**
   * SmtMeetingDialog::voided:
   * @key: the key of the void row
   */
  signals[VOIDED] = g_signal_new ("voided", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  smt_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
      "/io/github/somattran/SoMatTran/smt-meeting-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SmtMeetingDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, SmtMeetingDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, SmtMeetingDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, SmtMeetingDialog, meetings_list);
  gtk_widget_class_bind_template_child (widget_class, SmtMeetingDialog, void_reason_row);
  gtk_widget_class_bind_template_child (widget_class, SmtMeetingDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, SmtMeetingDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, SmtMeetingDialog, topic_row);
  gtk_widget_class_bind_template_child (widget_class, SmtMeetingDialog, present_spin);
  gtk_widget_class_bind_template_child (widget_class, SmtMeetingDialog, party_switch);
  gtk_widget_class_bind_template_child (widget_class, SmtMeetingDialog, officer_switch);
  gtk_widget_class_bind_template_child (widget_class, SmtMeetingDialog, attendance_group);
  gtk_widget_class_bind_template_child (widget_class, SmtMeetingDialog, attendance_list);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_date_changed);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
smt_meeting_dialog_init (SmtMeetingDialog *self)
{
  self->checks = g_ptr_array_new ();
  self->meeting_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * smt_meeting_dialog_new:
 * @parent: the window it is opened over
 * @reg: the register
 * @branch_id: the branch of the cell
 * @branch_name: its name, for the title
 * @year: the year of the cell
 * @month: its month, 1–12
 * @error: where to put an error reading the register
 *
 * Returns: (transfer none) (nullable): the dialog, owned by GTK's list of
 *   toplevels, or %NULL with @error set
 */
SmtMeetingDialog *
smt_meeting_dialog_new (GtkWindow    *parent,
                        SmtRegister  *reg,
                        gint64        branch_id,
                        const char   *branch_name,
                        int           year,
                        int           month,
                        GError      **error)
{
  SmtMeetingDialog *self;
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autofree char *subtitle = NULL;
  g_autofree char *day = NULL;
  g_autofree char *shown = NULL;
  const char *today;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), NULL);
  g_return_val_if_fail (month >= 1 && month <= 12, NULL);

  self = g_object_new (SMT_TYPE_MEETING_DIALOG, "transient-for", parent, NULL);
  self->reg = g_object_ref (reg);
  self->branch_id = branch_id;
  self->month = g_strdup_printf ("%04d-%02d", year, month);
  /* Translators: the branch, then the month: "Chi hội Phụ nữ Ấp 3 · tháng 5/2026" */
  subtitle = g_strdup_printf (_("%s · month %d/%d"), branch_name, month, year);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  if (!fill_meetings (self, error))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }
  gtk_string_list_append (kinds, _("Regular meeting"));
  gtk_string_list_append (kinds, _("Thematic meeting"));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));

  /* Today when the month is this one, else the 15th of it. */
  today = smt_register_get_today (reg);
  if (strncmp (today, self->month, 7) == 0)
    day = g_strdup (today);
  else
    day = g_strdup_printf ("%s-15", self->month);
  shown = smt_date_to_display (day);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), shown);
  fill_members (self, strcmp (day, today) <= 0 ? day : today);
  /* Enter in any field records, as the button does. */
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));
  return self;
}

void
smt_meeting_dialog_set_void_reason (SmtMeetingDialog *self,
                                    const char       *text)
{
  g_return_if_fail (SMT_IS_MEETING_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->void_reason_row), text);
}

void
smt_meeting_dialog_set_date (SmtMeetingDialog *self,
                             const char       *text)
{
  g_return_if_fail (SMT_IS_MEETING_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), text);
}

const char *
smt_meeting_dialog_get_date (SmtMeetingDialog *self)
{
  g_return_val_if_fail (SMT_IS_MEETING_DIALOG (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->date_row));
}

void
smt_meeting_dialog_set_kind (SmtMeetingDialog *self,
                             SmtMeetingKind    kind)
{
  g_return_if_fail (SMT_IS_MEETING_DIALOG (self));
  adw_combo_row_set_selected (self->kind_row, kind == SMT_MEETING_THEMATIC ? 1 : 0);
}

void
smt_meeting_dialog_set_topic (SmtMeetingDialog *self,
                              const char       *text)
{
  g_return_if_fail (SMT_IS_MEETING_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->topic_row), text);
}

void
smt_meeting_dialog_set_present (SmtMeetingDialog *self,
                                int               present)
{
  g_return_if_fail (SMT_IS_MEETING_DIALOG (self));
  gtk_spin_button_set_value (self->present_spin, present);
}

int
smt_meeting_dialog_get_present (SmtMeetingDialog *self)
{
  g_return_val_if_fail (SMT_IS_MEETING_DIALOG (self), 0);
  return gtk_spin_button_get_value_as_int (self->present_spin);
}

void
smt_meeting_dialog_set_party (SmtMeetingDialog *self,
                              gboolean          present)
{
  g_return_if_fail (SMT_IS_MEETING_DIALOG (self));
  gtk_switch_set_active (self->party_switch, present);
}

guint
smt_meeting_dialog_get_n_members (SmtMeetingDialog *self)
{
  g_return_val_if_fail (SMT_IS_MEETING_DIALOG (self), 0);
  return self->checks->len;
}

void
smt_meeting_dialog_tick (SmtMeetingDialog *self,
                         guint             index,
                         gboolean          ticked)
{
  g_return_if_fail (SMT_IS_MEETING_DIALOG (self));
  g_return_if_fail (index < self->checks->len);
  gtk_check_button_set_active (g_ptr_array_index (self->checks, index), ticked);
}

guint
smt_meeting_dialog_get_n_meetings (SmtMeetingDialog *self)
{
  g_return_val_if_fail (SMT_IS_MEETING_DIALOG (self), 0);
  return self->meeting_ids->len;
}

const char *
smt_meeting_dialog_get_error (SmtMeetingDialog *self)
{
  g_return_val_if_fail (SMT_IS_MEETING_DIALOG (self), NULL);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;
  return gtk_label_get_text (self->error_label);
}
