/* smt-person-window.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gi18n.h>

#include "core/people/smt-household-query.h"
#include "core/register/smt-date.h"

#include "gui/base/smt-gui.h"
#include "gui/dialogs/smt-event-dialog.h"
#include "gui/dialogs/smt-move-dialog.h"
#include "gui/dialogs/smt-person-dialog.h"
#include "gui/dialogs/smt-split-dialog.h"
#include "gui/dialogs/smt-trait-dialog.h"
#include "smt-person-window.h"

/* The groups follow the person (one row per residence, event, meeting,
 * rating), so they are made in code from smt_person_detail_get (); the
 * identity group is made again when personal data is revealed. */

/* Rows a long list shows at most (a member of forty years has fewer). */
#define MAX_LIST_ROWS 400

struct _SmtPersonWindow
{
  AdwWindow        parent_instance;

  AdwWindowTitle  *window_title;
  GtkToggleButton *reveal_button;
  GtkBox          *groups;

  SmtRegister     *reg;
  SmtPersonDetail *detail;
  GtkWidget       *identity;   /* the first group, rebuilt on reveal */
};

G_DEFINE_FINAL_TYPE (SmtPersonWindow, smt_person_window, ADW_TYPE_WINDOW)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static GtkWidget *
group_new (const char *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  return group;
}

static void
add_row (GtkWidget  *group,
         const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL && subtitle[0] != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

/* A field: its value on the right, selectable; "—" when not recorded. */
static void
add_field (GtkWidget  *group,
           const char *title,
           const char *value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value != NULL && value[0] != '\0' ? value : "—");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  /* A wrapping label asks for little width; ask for the text's, up to a
   * point, so an address takes two lines rather than five. */
  gtk_label_set_width_chars (GTK_LABEL (label),
                             MIN ((int) g_utf8_strlen (gtk_label_get_text (GTK_LABEL (label)), -1),
                                  40));
  gtk_label_set_max_width_chars (GTK_LABEL (label), 48);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

static void
add_empty (GtkWidget  *group,
           const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

static GtkWidget *
header_button (const char *label,
               const char *action,
               const char *tooltip)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  return button;
}

static char *
shown_date (const char *iso)
{
  return iso != NULL && iso[0] != '\0' ? smt_date_to_display (iso) : g_strdup ("");
}

static char *
personal (const char *value,
          gboolean    revealed,
          gboolean    keep_tail)
{
  if (value == NULL || value[0] == '\0')
    return g_strdup ("");
  return revealed ? g_strdup (value) : smt_personal_mask (value, keep_tail);
}

static GtkWidget *
identity_group (SmtPersonWindow *self)
{
  const SmtPersonDetail *d = self->detail;
  gboolean revealed = gtk_toggle_button_get_active (self->reveal_button);
  GtkWidget *group = group_new (_("Identity"));
  g_autofree char *born = NULL;
  g_autofree char *party = shown_date (d->party_since);
  g_autofree char *died = shown_date (d->deceased_on);
  g_autofree char *cccd = personal (d->cccd, revealed, TRUE);
  g_autofree char *phone = personal (d->phone, revealed, TRUE);
  g_autofree char *ethnicity = personal (d->ethnicity, revealed, FALSE);
  g_autofree char *religion = personal (d->religion, revealed, FALSE);
  g_autofree char *where = NULL;

  born = d->birth_date != NULL ? smt_date_to_display (d->birth_date)
                               : g_strdup_printf ("%d", d->birth_year);
  /* The household's label names its hamlet already. */
  if (d->household_id != 0)
    where = g_strdup (d->household);
  else
    where = g_strdup (_("Does not live in the commune"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
      revealed ? _("Personal data is shown in full. Do not leave the screen unattended.")
               : _("Personal data is masked; the eye button shows it."));

  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group),
                                           header_button (_("_Correct…"), "person.edit",
                                                          _("Correct the name, birth or personal "
                                                            "data, with a reason")));
  add_field (group, _("Date of Birth"), born);
  add_field (group, _("Sex"), d->sex == 'F' ? C_("sex", "Female") : C_("sex", "Male"));
  add_field (group, _("Lives in"), where);
  add_field (group, _("Party Member Since"), party);
  if (d->deceased_on != NULL)
    add_field (group, _("Died"), died);
  add_field (group, _("Citizen ID (CCCD)"), cccd);
  add_field (group, _("Phone"), phone);
  add_field (group, _("Ethnicity"), ethnicity);
  add_field (group, _("Religion"), religion);
  if (d->note != NULL && d->note[0] != '\0')
    add_field (group, _("Note"), d->note);
  return group;
}

/* The household the person lives in today and who lives there with them. */
static GtkWidget *
household_group (SmtPersonWindow *self)
{
  const SmtPersonDetail *d = self->detail;
  GtkWidget *group = group_new (_("Household"));
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GError) error = NULL;

  gtk_box_append (GTK_BOX (buttons),
                  header_button (_("_Move…"), "person.move",
                                 _("Move to another household, a new one, or out of the "
                                   "commune")));
  gtk_box_append (GTK_BOX (buttons),
                  header_button (_("_Split Household…"), "person.split",
                                 _("Some of the people form a new household")));
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), buttons);
  if (d->household_id == 0)
    {
      add_empty (group, _("Does not live in the commune"));
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.split", FALSE);
      return group;
    }
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), d->household);
  members = smt_household_members (self->reg, d->household_id, NULL, &error);
  if (members == NULL)
    {
      add_empty (group, error->message);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.split", FALSE);
      return group;
    }
  for (guint i = 0; i < members->len; i++)
    {
      const SmtHouseholdMember *m = g_ptr_array_index (members, i);
      g_autofree char *sub = m->head ? g_strdup_printf (_("Born %d · head of household"),
                                                        m->birth_year)
                                     : g_strdup_printf (_("Born %d"), m->birth_year);

      if (m->person_id == d->id)
        {
          g_autofree char *title = g_strdup_printf (_("%s (this person)"), m->name);

          add_row (group, title, sub);
        }
      else
        add_row (group, m->name, sub);
    }
  /* A split leaves someone behind. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.split", members->len >= 2);
  return group;
}

/* The traits that make the person eligible beyond age and sex, each
 * with what can be done to it: ended on its last day, or voided. */
static GtkWidget *
traits_group (SmtPersonWindow *self)
{
  const SmtPersonDetail *d = self->detail;
  GtkWidget *group = group_new (_("Traits"));

  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
      _("What makes the person eligible for an organisation beyond age and sex"));
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group),
      header_button (_("_Record a Trait…"), "person.add-trait",
                     _("Cựu quân nhân, người lao động … from a day")));
  for (guint i = 0; i < d->traits->len; i++)
    {
      const SmtPersonTraitRow *t = g_ptr_array_index (d->traits, i);
      g_autofree char *title = smt_person_trait_describe (t);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *end = gtk_button_new_with_label (_("End…"));
      GtkWidget *wrong = gtk_button_new_with_label (_("Void…"));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      if (t->reason[0] != '\0')
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), t->reason);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (end), "person.end-trait");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (end), "x", t->id);
      gtk_widget_set_tooltip_text (end, _("The last day the person had it"));
      gtk_widget_set_valign (end, GTK_ALIGN_CENTER);
      gtk_widget_set_sensitive (end, t->to_date == NULL);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (wrong), "person.void-trait");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (wrong), "x", t->id);
      gtk_widget_set_tooltip_text (wrong, _("Recorded by mistake: void it, with the reason"));
      gtk_widget_set_valign (wrong, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), end);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), wrong);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  if (d->traits->len == 0)
    add_empty (group, _("No trait recorded"));
  return group;
}

static GtkWidget *
memberships_group (const SmtPersonDetail *d)
{
  GtkWidget *group = group_new (_("Memberships Today"));

  for (guint i = 0; i < d->memberships->len; i++)
    add_row (group, g_ptr_array_index (d->memberships, i), NULL);
  if (d->memberships->len == 0)
    add_empty (group, _("Not a member of any organisation"));
  return group;
}

static GtkWidget *
residence_group (const SmtPersonDetail *d)
{
  GtkWidget *group = group_new (_("Residence History"));

  for (guint i = 0; i < d->residences->len; i++)
    {
      const SmtResidenceRow *r = g_ptr_array_index (d->residences, i);
      g_autofree char *from = shown_date (r->from);
      g_autofree char *to = shown_date (r->to);
      g_autofree char *title = NULL;
      g_autofree char *when = NULL;

      if (r->household_id != 0)
        title = r->head ? g_strdup_printf (_("%s (head of household)"), r->household)
                        : g_strdup (r->household);
      else
        title = g_strdup (_("Left the commune"));
      /* Translators: a span of dates; the second form while it lasts */
      when = r->to != NULL ? g_strdup_printf (_("From %s to %s"), from, to)
                           : g_strdup_printf (_("Since %s"), from);
      if (r->reason != NULL && r->reason[0] != '\0')
        {
          g_autofree char *with_reason = g_strdup_printf ("%s — %s", when, r->reason);

          add_row (group, title, with_reason);
        }
      else
        add_row (group, title, when);
    }
  if (d->residences->len == 0)
    add_empty (group, _("No residence recorded"));
  return group;
}

static GtkWidget *
timeline_group (const SmtPersonDetail *d)
{
  GtkWidget *group = group_new (_("Membership Events"));
  guint shown = MIN (d->timeline->len, MAX_LIST_ROWS);

  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
      _("Every event in every organisation. A corrected or voided event stays, marked ✗, "
        "with the row that replaced it."));
  for (guint i = 0; i < shown; i++)
    {
      const SmtTimelineRow *t = g_ptr_array_index (d->timeline, i);
      g_autofree char *date = shown_date (t->date);
      g_autofree char *title = g_strdup_printf ("%s — %s %s", date, t->kind, t->organisation);
      GString *sub = g_string_new (t->branch);

      if (t->reason != NULL && t->reason[0] != '\0')
        g_string_append_printf (sub, "%s%s", sub->len ? " · " : "", t->reason);
      if (t->exception != NULL && t->exception[0] != '\0')
        /* Translators: an eligibility exception stored on an event */
        g_string_append_printf (sub, "%s%s %s", sub->len ? " · " : "", _("Exception:"),
                                t->exception);
      if (!t->current)
        g_string_append_printf (sub, "%s%s", sub->len ? " · " : "",
                                _("Corrected or voided; not counted"));
      if (!t->current)
        {
          g_autofree char *struck = g_strdup_printf ("%s ✗", title);

          add_row (group, struck, sub->str);
        }
      else
        add_row (group, title, sub->str);
      g_string_free (sub, TRUE);
    }
  if (d->timeline->len == 0)
    add_empty (group, _("No membership events"));
  return group;
}

static GtkWidget *
attendance_group (const SmtPersonDetail *d)
{
  GtkWidget *group = group_new (_("Meetings Attended"));
  guint shown = MIN (d->attendance->len, MAX_LIST_ROWS);

  for (guint i = 0; i < shown; i++)
    {
      const SmtAttendanceRow *a = g_ptr_array_index (d->attendance, i);
      g_autofree char *date = shown_date (a->date);
      g_autofree char *title = g_strdup_printf ("%s — %s", date, a->branch);

      add_row (group, title, a->topic);
    }
  if (d->attendance->len == 0)
    add_empty (group, _("No attendance recorded"));
  return group;
}

static GtkWidget *
ratings_group (const SmtPersonDetail *d)
{
  GtkWidget *group = group_new (_("Yearly Ratings"));

  for (guint i = 0; i < d->ratings->len; i++)
    {
      const SmtRatingRow *r = g_ptr_array_index (d->ratings, i);
      g_autofree char *title = g_strdup_printf ("%d — %s", r->year, r->organisation);

      add_row (group, title, r->level);
    }
  if (d->ratings->len == 0)
    add_empty (group, _("No ratings recorded"));
  return group;
}

static void
on_reveal_toggled (SmtPersonWindow *self,
                   GtkToggleButton *button)
{
  GtkWidget *identity;

  if (self->detail == NULL)
    return;
  identity = identity_group (self);
  gtk_box_insert_child_after (self->groups, identity, self->identity);
  gtk_box_remove (self->groups, self->identity);
  self->identity = identity;
}

/* Shows self->detail, from scratch. */
static void
rebuild (SmtPersonWindow *self)
{
  GtkWidget *child;
  g_autofree char *subtitle = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups))) != NULL)
    gtk_box_remove (self->groups, child);

  gtk_window_set_title (GTK_WINDOW (self), self->detail->name);
  adw_window_title_set_title (self->window_title, self->detail->name);
  subtitle = self->detail->household_id != 0 ? g_strdup (self->detail->hamlet)
                                             : g_strdup (_("Does not live in the commune"));
  adw_window_title_set_subtitle (self->window_title, subtitle);

  self->identity = identity_group (self);
  gtk_box_append (self->groups, self->identity);
  gtk_box_append (self->groups, traits_group (self));
  gtk_box_append (self->groups, household_group (self));
  gtk_box_append (self->groups, memberships_group (self->detail));
  gtk_box_append (self->groups, residence_group (self->detail));
  gtk_box_append (self->groups, timeline_group (self->detail));
  gtk_box_append (self->groups, attendance_group (self->detail));
  gtk_box_append (self->groups, ratings_group (self->detail));
}

/**
 * smt_person_window_reload:
 * @self: a person's page
 *
 * Reads the person again and shows them as the register has them now.
 */
void
smt_person_window_reload (SmtPersonWindow *self)
{
  g_autoptr(GError) error = NULL;
  SmtPersonDetail *detail;

  g_return_if_fail (SMT_IS_PERSON_WINDOW (self));

  detail = smt_person_detail_get (self->reg, self->detail->id, &error);
  if (detail == NULL)
    {
      g_warning ("cannot read the person again: %s", error->message);
      return;
    }
  smt_person_detail_free (self->detail);
  self->detail = detail;
  rebuild (self);
}

static void
on_event_recorded (SmtPersonWindow *self,
                   gint64           key,
                   SmtEventDialog  *dialog)
{
  smt_person_window_reload (self);
  g_signal_emit (self, signals[CHANGED], 0, key);
}

/**
 * smt_person_window_record_event:
 * @self: a person's page
 *
 * Opens the Biến động dialog for this person.
 *
 * Returns: (transfer none) (nullable): the dialog
 */
GtkWindow *
smt_person_window_record_event (SmtPersonWindow *self)
{
  g_autoptr(GError) error = NULL;
  SmtEventDialog *dialog;

  g_return_val_if_fail (SMT_IS_PERSON_WINDOW (self), NULL);

  dialog = smt_event_dialog_new (GTK_WINDOW (self), self->reg, self->detail, &error);
  if (dialog == NULL)
    {
      GtkWidget *message = adw_message_dialog_new (GTK_WINDOW (self),
                                                   _("Cannot Record a Change"),
                                                   error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (message));
      return NULL;
    }
  g_signal_connect_object (dialog, "recorded", G_CALLBACK (on_event_recorded), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

static void
record_event_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  smt_person_window_record_event (SMT_PERSON_WINDOW (widget));
}

static void
show_cannot (SmtPersonWindow *self,
             const GError    *error)
{
  GtkWidget *message = adw_message_dialog_new (GTK_WINDOW (self), _("Cannot Open the Dialog"),
                                               error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (message));
}

/**
 * smt_person_window_edit:
 * @self: a person's page
 *
 * Opens the dialog that corrects the person's record, with a reason.
 *
 * Returns: (transfer none) (nullable): the dialog
 */
GtkWindow *
smt_person_window_edit (SmtPersonWindow *self)
{
  g_autoptr(GError) error = NULL;
  SmtPersonDialog *dialog;

  g_return_val_if_fail (SMT_IS_PERSON_WINDOW (self), NULL);

  dialog = smt_person_dialog_new (GTK_WINDOW (self), self->reg, self->detail->id, &error);
  if (dialog == NULL)
    {
      show_cannot (self, error);
      return NULL;
    }
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

/**
 * smt_person_window_move:
 * @self: a person's page
 *
 * Opens the dialog that moves the person's residence.
 *
 * Returns: (transfer none): the dialog
 */
GtkWindow *
smt_person_window_move (SmtPersonWindow *self)
{
  SmtMoveDialog *dialog;

  g_return_val_if_fail (SMT_IS_PERSON_WINDOW (self), NULL);

  dialog = smt_move_dialog_new (GTK_WINDOW (self), self->reg, self->detail);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

/**
 * smt_person_window_split:
 * @self: a person's page
 *
 * Opens the dialog that splits the person's household.
 *
 * Returns: (transfer none) (nullable): the dialog, %NULL when the person
 * lives in no household
 */
GtkWindow *
smt_person_window_split (SmtPersonWindow *self)
{
  g_autoptr(GError) error = NULL;
  SmtSplitDialog *dialog;

  g_return_val_if_fail (SMT_IS_PERSON_WINDOW (self), NULL);

  if (self->detail->household_id == 0)
    return NULL;
  dialog = smt_split_dialog_new (GTK_WINDOW (self), self->reg, self->detail->household_id,
                                 &error);
  if (dialog == NULL)
    {
      show_cannot (self, error);
      return NULL;
    }
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

/**
 * smt_person_window_trait:
 * @self: a person's page
 * @mode: record a trait, end one or void one
 * @record_id: the record to end or void (a current one); 0 to record
 *
 * Opens the dialog for one of the person's traits.
 *
 * Returns: (transfer none) (nullable): the dialog, %NULL when there is no
 *   such current record
 */
GtkWindow *
smt_person_window_trait (SmtPersonWindow    *self,
                         SmtTraitDialogMode  mode,
                         gint64              record_id)
{
  const SmtPersonTraitRow *record = NULL;
  SmtTraitDialog *dialog;

  g_return_val_if_fail (SMT_IS_PERSON_WINDOW (self), NULL);

  for (guint i = 0; record_id != 0 && i < self->detail->traits->len; i++)
    if (((SmtPersonTraitRow *) g_ptr_array_index (self->detail->traits, i))->id == record_id)
      record = g_ptr_array_index (self->detail->traits, i);
  if (mode != SMT_TRAIT_DIALOG_ADD && record == NULL)
    return NULL;
  dialog = smt_trait_dialog_new (GTK_WINDOW (self), self->reg, mode, self->detail->id,
                                 self->detail->name, record);
  g_signal_connect_object (dialog, "recorded", G_CALLBACK (on_event_recorded), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

static void
trait_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SmtPersonWindow *self = SMT_PERSON_WINDOW (widget);

  if (g_str_equal (action_name, "person.add-trait"))
    smt_person_window_trait (self, SMT_TRAIT_DIALOG_ADD, 0);
  else
    smt_person_window_trait (self, g_str_equal (action_name, "person.end-trait")
                                   ? SMT_TRAIT_DIALOG_END : SMT_TRAIT_DIALOG_VOID,
                             g_variant_get_int64 (parameter));
}

static void
dialog_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SmtPersonWindow *self = SMT_PERSON_WINDOW (widget);

  if (g_str_equal (action_name, "person.edit"))
    smt_person_window_edit (self);
  else if (g_str_equal (action_name, "person.move"))
    smt_person_window_move (self);
  else
    smt_person_window_split (self);
}

static void
smt_person_window_dispose (GObject *object)
{
  SmtPersonWindow *self = SMT_PERSON_WINDOW (object);

  g_clear_pointer (&self->detail, smt_person_detail_free);
  g_clear_object (&self->reg);
  gtk_widget_dispose_template (GTK_WIDGET (self), SMT_TYPE_PERSON_WINDOW);

  G_OBJECT_CLASS (smt_person_window_parent_class)->dispose (object);
}

static void
smt_person_window_class_init (SmtPersonWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = smt_person_window_dispose;

  /**
   * SmtPersonWindow::changed:
   * @key: the key of the membership event or trait record written
   *
   * The person's register rows changed (a membership event or a trait was
   * recorded).
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  smt_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
      "/io/github/somattran/SoMatTran/smt-person-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SmtPersonWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, SmtPersonWindow, reveal_button);
  gtk_widget_class_bind_template_child (widget_class, SmtPersonWindow, groups);
  gtk_widget_class_bind_template_callback (widget_class, on_reveal_toggled);
  /* Esc closes, as every dialog of the program. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_install_action (widget_class, "person.record-event", NULL,
                                   record_event_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "person.record-event", NULL);
  gtk_widget_class_install_action (widget_class, "person.edit", NULL, dialog_action);
  gtk_widget_class_install_action (widget_class, "person.move", NULL, dialog_action);
  gtk_widget_class_install_action (widget_class, "person.split", NULL, dialog_action);
  gtk_widget_class_install_action (widget_class, "person.add-trait", NULL, trait_action);
  gtk_widget_class_install_action (widget_class, "person.end-trait", "x", trait_action);
  gtk_widget_class_install_action (widget_class, "person.void-trait", "x", trait_action);
}

static void
smt_person_window_init (SmtPersonWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

SmtPersonWindow *
smt_person_window_new (GtkWindow    *parent,
                       SmtRegister  *reg,
                       gint64        person_id,
                       GError      **error)
{
  g_autoptr(SmtPersonDetail) detail = NULL;
  SmtPersonWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SMT_IS_REGISTER (reg), NULL);

  detail = smt_person_detail_get (reg, person_id, error);
  if (detail == NULL)
    return NULL;

  self = g_object_new (SMT_TYPE_PERSON_WINDOW,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       NULL);
  self->reg = g_object_ref (reg);
  self->detail = g_steal_pointer (&detail);
  rebuild (self);
  return self;
}

const SmtPersonDetail *
smt_person_window_get_detail (SmtPersonWindow *self)
{
  g_return_val_if_fail (SMT_IS_PERSON_WINDOW (self), NULL);
  return self->detail;
}

void
smt_person_window_set_revealed (SmtPersonWindow *self,
                                gboolean         revealed)
{
  g_return_if_fail (SMT_IS_PERSON_WINDOW (self));
  gtk_toggle_button_set_active (self->reveal_button, revealed);
}

gboolean
smt_person_window_get_revealed (SmtPersonWindow *self)
{
  g_return_val_if_fail (SMT_IS_PERSON_WINDOW (self), FALSE);
  return gtk_toggle_button_get_active (self->reveal_button);
}
