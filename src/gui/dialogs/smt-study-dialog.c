/* smt-study-dialog.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gi18n.h>
#include <string.h>

#include "core/activity/smt-activity.h"
#include "core/organisations/smt-branch-detail.h"
#include "core/organisations/smt-organisation-query.h"
#include "core/register/smt-date.h"
#include "core/register/smt-format.h"

#include "gui/base/smt-gui.h"
#include "smt-study-dialog.h"

/* One form, three ways of saying who took part. The members' list is the
 * one a meeting of the branch ticks (smt_meeting_members: its members
 * that day and its tổ hội's); ticking means "took part" in both the ticked
 * and the whole-branch way, so the office reads the list the same way
 * whatever it chose. */

struct _SmtStudyDialog
{
  AdwWindow            parent_instance;

  /* template widgets */
  GtkButton           *save_button;
  GtkLabel            *error_label;
  AdwEntryRow         *subject_row;
  AdwEntryRow         *date_row;
  AdwComboRow         *org_row;
  AdwComboRow         *branch_row;
  AdwPreferencesGroup *way_group;
  AdwComboRow         *way_row;
  AdwActionRow        *count_row;
  GtkSpinButton       *count_spin;
  AdwPreferencesGroup *members_group;
  GtkButton           *all_button;
  GtkButton           *none_button;
  GtkLabel            *tally_label;
  GtkListBox          *members_list;

  /* owned */
  SmtRegister         *reg;
  GPtrArray           *organisations;  /* SmtOrganisationInfo, org_row item i + 1 */
  GPtrArray           *branches;       /* SmtBranchInfo, branch_row item i + 1 */
  GPtrArray           *members;        /* SmtBranchMember, one per row of members_list */
  GPtrArray           *checks;         /* GtkCheckButton, borrowed, one per member */
  char                *members_date;   /* ISO: the day the members are of */
  gint64               members_branch;
  gboolean             updating;
};

G_DEFINE_FINAL_TYPE (SmtStudyDialog, smt_study_dialog, ADW_TYPE_WINDOW)

enum { RECORDED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
show_error (SmtStudyDialog *self,
            const char     *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static gint64
chosen_organisation (SmtStudyDialog *self)
{
  guint i = adw_combo_row_get_selected (self->org_row);

  if (self->organisations == NULL || i == 0 || i == GTK_INVALID_LIST_POSITION
      || i > self->organisations->len)
    return 0;
  return ((SmtOrganisationInfo *) g_ptr_array_index (self->organisations, i - 1))->id;
}

static gint64
chosen_branch (SmtStudyDialog *self)
{
  guint i = adw_combo_row_get_selected (self->branch_row);

  if (self->branches == NULL || i == 0 || i == GTK_INVALID_LIST_POSITION
      || i > self->branches->len)
    return 0;
  return ((SmtBranchInfo *) g_ptr_array_index (self->branches, i - 1))->id;
}

static SmtStudyDialogWay
chosen_way (SmtStudyDialog *self)
{
  guint i = adw_combo_row_get_selected (self->way_row);

  return i <= SMT_STUDY_DIALOG_WHOLE_BRANCH ? (SmtStudyDialogWay) i : SMT_STUDY_DIALOG_COUNT;
}

/* The date typed, ISO, when it is a day not after today; else NULL. */
static char *
typed_date (SmtStudyDialog *self)
{
  char *date = smt_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->date_row)));

  if (date != NULL && strcmp (date, smt_register_get_today (self->reg)) > 0)
    g_clear_pointer (&date, g_free);
  return date;
}

/* ---- the members ------------------------------------------------------------------- */

static gboolean
member_away (SmtStudyDialog *self,
             guint           index)
{
  return ((SmtBranchMember *) g_ptr_array_index (self->members, index))->away;
}

/* "12 of 45 ticked as taking part"; for the whole branch, who missed it. */
static void
update_tally (SmtStudyDialog *self)
{
  g_autofree char *text = NULL;
  guint ticked = 0, away = 0, n = self->checks->len;

  for (guint i = 0; i < n; i++)
    {
      ticked += gtk_check_button_get_active (g_ptr_array_index (self->checks, i));
      away += member_away (self, i);
    }
  if (chosen_way (self) == SMT_STUDY_DIALOG_WHOLE_BRANCH)
    /* Translators: participants, members who missed it, members working away */
    text = g_strdup_printf (_("%u took part, %u missed it, %u working away not counted"),
                            ticked, n - ticked - away, away);
  else
    /* Translators: members ticked as taking part, of the members listed */
    text = g_strdup_printf (_("%u of %u members ticked as taking part"), ticked, n);
  gtk_label_set_text (self->tally_label, text);
}

static void
on_tick_toggled (SmtStudyDialog *self,
                 GtkCheckButton *check)
{
  update_tally (self);
}

/* The ticks of a way: none ticked; or everyone but those working away,
 * who cannot be ticked in it. */
static void
reset_ticks (SmtStudyDialog *self)
{
  gboolean whole = chosen_way (self) == SMT_STUDY_DIALOG_WHOLE_BRANCH;

  for (guint i = 0; i < self->checks->len; i++)
    {
      GtkWidget *check = g_ptr_array_index (self->checks, i);
      gboolean away = member_away (self, i);

      gtk_widget_set_sensitive (check, !(whole && away));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), whole && !away);
    }
  update_tally (self);
}

static void
list_clear (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

/* The branch's members on the day typed, made again when the branch or
 * the day changes. */
static void
fill_members (SmtStudyDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autofree char *date = typed_date (self);
  gint64 branch_id = chosen_branch (self);

  g_autoptr(GHashTable) was = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                     NULL);

  if (branch_id == self->members_branch && g_strcmp0 (date, self->members_date) == 0)
    return;
  /* Another day of the same branch keeps the ticks of those still listed. */
  for (guint i = 0; branch_id == self->members_branch && i < self->checks->len; i++)
    g_hash_table_insert (was, g_memdup2 (&((SmtBranchMember *) g_ptr_array_index (self->members,
                                                                                   i))->person_id,
                                         sizeof (gint64)),
                         GINT_TO_POINTER (gtk_check_button_get_active (
                           g_ptr_array_index (self->checks, i)) ? 2 : 1));
  list_clear (self->members_list);
  g_ptr_array_set_size (self->checks, 0);
  g_clear_pointer (&self->members, g_ptr_array_unref);
  g_clear_pointer (&self->members_date, g_free);
  self->members_branch = branch_id;
  if (branch_id != 0 && date != NULL)
    {
      members = smt_meeting_members (self->reg, branch_id, date, &error);
      if (members == NULL)
        show_error (self, error->message);
    }
  self->members = members != NULL ? g_steal_pointer (&members)
                                   : g_ptr_array_new_with_free_func (
                                       (GDestroyNotify) smt_branch_member_free);
  self->members_date = g_steal_pointer (&date);
  for (guint i = 0; i < self->members->len; i++)
    {
      const SmtBranchMember *m = g_ptr_array_index (self->members, i);
      g_autofree char *subtitle = NULL;
      GtkWidget *check = gtk_check_button_new ();
      GtkWidget *row = adw_action_row_new ();

      /* Translators: birth year and sex of a member: "1980 · Nữ" */
      subtitle = g_strdup_printf (_("born %d · %s%s"), m->birth_year,
                                  m->sex == 'F' ? C_("sex", "Female") : C_("sex", "Male"),
                                  m->away ? _(" · working away") : "");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), m->full_name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      m->full_name, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_tick_toggled), self,
                               G_CONNECT_SWAPPED);
      g_ptr_array_add (self->checks, check);
      gtk_list_box_append (self->members_list, row);
    }
  reset_ticks (self);
  for (guint i = 0; i < self->checks->len; i++)
    {
      const SmtBranchMember *m = g_ptr_array_index (self->members, i);
      int before = GPOINTER_TO_INT (g_hash_table_lookup (was, &m->person_id));
      GtkWidget *check = g_ptr_array_index (self->checks, i);

      if (before != 0 && gtk_widget_get_sensitive (check))
        gtk_check_button_set_active (GTK_CHECK_BUTTON (check), before == 2);
    }
}

/* What the way asks for: the number, or the list (a branch needed). */
static void
update_way (SmtStudyDialog *self)
{
  SmtStudyDialogWay way = chosen_way (self);
  gboolean listed = way != SMT_STUDY_DIALOG_COUNT;
  gboolean has_branch = chosen_branch (self) != 0;
  g_autofree char *day = self->members_date != NULL ? smt_date_to_display (self->members_date)
                                                    : NULL;
  g_autofree char *description = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->count_row), !listed);
  gtk_widget_set_visible (GTK_WIDGET (self->members_group), listed);
  gtk_widget_set_visible (GTK_WIDGET (self->members_list), listed && has_branch);
  gtk_widget_set_visible (GTK_WIDGET (self->tally_label), listed && has_branch);
  gtk_widget_set_sensitive (GTK_WIDGET (self->all_button), listed && has_branch);
  gtk_widget_set_sensitive (GTK_WIDGET (self->none_button), listed && has_branch);
  if (!listed)
    description = g_strdup (_("Only the number is known: the indicator counts it, and says "
                              "so. To name who took part, choose a branch and tick them."));
  else if (!has_branch)
    description = g_strdup (_("Choose a branch above: its members that day are listed here "
                              "to be ticked."));
  else if (way == SMT_STUDY_DIALOG_WHOLE_BRANCH)
    /* Translators: the list of a whole-branch study; %s is the day */
    description = g_strdup_printf (_("The whole branch took part: untick those who missed it. "
                                     "Members on %s, its tổ hội's too; those working away "
                                     "are not counted."), day != NULL ? day : "");
  else
    /* Translators: the list of a study with its participants ticked; %s is the day */
    description = g_strdup_printf (_("Tick the members who took part. Members on %s, its "
                                     "tổ hội's too."), day != NULL ? day : "");
  adw_preferences_group_set_description (self->way_group, description);
  adw_preferences_group_set_description (self->members_group, NULL);
}

/* ---- organisation and branch ---------------------------------------------------- */

/* The branches of the organisation chosen existing on the day typed; the
 * one chosen stays chosen when it still exists. */
static void
fill_branches (SmtStudyDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *date = typed_date (self);
  gint64 organisation_id = chosen_organisation (self);
  gint64 chosen = chosen_branch (self);
  guint selected = 0;

  self->updating = TRUE;
  g_clear_pointer (&self->branches, g_ptr_array_unref);
  gtk_string_list_append (names, organisation_id != 0 ? _("The whole organisation")
                                                      : _("No branch: every organisation"));
  if (organisation_id != 0 && date != NULL)
    {
      self->branches = smt_branches_list (self->reg, organisation_id, date, &error);
      if (self->branches == NULL)
        show_error (self, error->message);
    }
  for (guint i = 0; self->branches != NULL && i < self->branches->len; i++)
    {
      const SmtBranchInfo *b = g_ptr_array_index (self->branches, i);

      gtk_string_list_append (names, b->name);
      if (b->id == chosen)
        selected = i + 1;
    }
  adw_combo_row_set_model (self->branch_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->branch_row, selected);
  gtk_widget_set_sensitive (GTK_WIDGET (self->branch_row), organisation_id != 0);
  self->updating = FALSE;
  fill_members (self);
  update_way (self);
}

static void
on_date_changed (SmtStudyDialog *self,
                 GtkEditable    *editable)
{
  g_autofree char *date = NULL;

  /* A date still being typed changes nothing. */
  if (self->reg == NULL || self->updating || (date = typed_date (self)) == NULL)
    return;
  fill_branches (self);
}

static void
on_org_changed (SmtStudyDialog *self,
                GParamSpec     *pspec,
                AdwComboRow    *row)
{
  if (self->reg == NULL || self->updating)
    return;
  fill_branches (self);
}

static void
on_branch_changed (SmtStudyDialog *self,
                   GParamSpec     *pspec,
                   AdwComboRow    *row)
{
  if (self->reg == NULL || self->updating)
    return;
  fill_members (self);
  update_way (self);
}

static void
on_way_changed (SmtStudyDialog *self,
                GParamSpec     *pspec,
                AdwComboRow    *row)
{
  if (self->reg == NULL || self->updating)
    return;
  reset_ticks (self);
  update_way (self);
}

static void
tick_all (SmtStudyDialog *self,
          gboolean        ticked)
{
  for (guint i = 0; i < self->checks->len; i++)
    {
      GtkWidget *check = g_ptr_array_index (self->checks, i);

      if (gtk_widget_get_sensitive (check))
        gtk_check_button_set_active (GTK_CHECK_BUTTON (check), ticked);
    }
}

static void
on_all_clicked (SmtStudyDialog *self,
                GtkButton      *button)
{
  tick_all (self, TRUE);
}

static void
on_none_clicked (SmtStudyDialog *self,
                 GtkButton      *button)
{
  tick_all (self, FALSE);
}

/* ---- recording ---------------------------------------------------------------------- */

gboolean
smt_study_dialog_save (SmtStudyDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) people = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *date = NULL;
  SmtStudyDialogWay way;
  SmtStudyFields fields = { 0 };
  gint64 key;

  g_return_val_if_fail (SMT_IS_STUDY_DIALOG (self), FALSE);

  date = smt_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->date_row)));
  if (date == NULL)
    {
      show_error (self, _("The date is not a date. Type it as day/month/year, for example "
                          "05/02/2026."));
      gtk_widget_grab_focus (GTK_WIDGET (self->date_row));
      return FALSE;
    }
  way = chosen_way (self);
  fields.subject = gtk_editable_get_text (GTK_EDITABLE (self->subject_row));
  fields.organisation_id = chosen_organisation (self);
  fields.branch_id = chosen_branch (self);
  fields.date = date;
  if (way == SMT_STUDY_DIALOG_COUNT)
    {
      gtk_spin_button_update (self->count_spin);
      fields.participants = gtk_spin_button_get_value_as_int (self->count_spin);
    }
  else
    {
      if (fields.branch_id == 0)
        {
          show_error (self, _("Choose the branch whose members took part, or record only "
                              "their number."));
          gtk_widget_grab_focus (GTK_WIDGET (self->branch_row));
          return FALSE;
        }
      /* The list of the day the study is recorded on. */
      fill_members (self);
      for (guint i = 0; i < self->checks->len; i++)
        {
          gboolean ticked = gtk_check_button_get_active (g_ptr_array_index (self->checks, i));
          const SmtBranchMember *m = g_ptr_array_index (self->members, i);

          if (way == SMT_STUDY_DIALOG_TICKED ? ticked : !ticked && !m->away)
            g_array_append_val (people, m->person_id);
        }
      if (way == SMT_STUDY_DIALOG_TICKED)
        {
          fields.participant_ids = (const gint64 *) people->data;
          fields.n_participant_ids = people->len;
        }
      else
        {
          fields.mode = SMT_STUDY_WHOLE_BRANCH;
          fields.exception_ids = (const gint64 *) people->data;
          fields.n_exception_ids = people->len;
        }
    }
  key = smt_study_add (self->reg, &fields, &error);
  if (key == 0)
    {
      show_error (self, error != NULL ? error->message : _("The study was not recorded."));
      return FALSE;
    }
  show_error (self, NULL);
  g_signal_emit (self, signals[RECORDED], 0, key);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
on_save_clicked (SmtStudyDialog *self,
                 GtkButton      *button)
{
  smt_study_dialog_save (self);
}

/* ---- object ----------------------------------------------------------------------- */

static void
smt_study_dialog_dispose (GObject *object)
{
  SmtStudyDialog *self = SMT_STUDY_DIALOG (object);

  g_clear_object (&self->reg);
  g_clear_pointer (&self->organisations, g_ptr_array_unref);
  g_clear_pointer (&self->branches, g_ptr_array_unref);
  g_clear_pointer (&self->members, g_ptr_array_unref);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), SMT_TYPE_STUDY_DIALOG);

  G_OBJECT_CLASS (smt_study_dialog_parent_class)->dispose (object);
}

static void
smt_study_dialog_finalize (GObject *object)
{
  SmtStudyDialog *self = SMT_STUDY_DIALOG (object);

  g_free (self->members_date);

  G_OBJECT_CLASS (smt_study_dialog_parent_class)->finalize (object);
}

static void
smt_study_dialog_class_init (SmtStudyDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = smt_study_dialog_dispose;
  object_class->finalize = smt_study_dialog_finalize;

  /**
   * SmtStudyDialog::recorded:
   * @key: the key of the new study
   */
  signals[RECORDED] = g_signal_new ("recorded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  smt_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
      "/io/github/somattran/SoMatTran/smt-study-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SmtStudyDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, SmtStudyDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, SmtStudyDialog, subject_row);
  gtk_widget_class_bind_template_child (widget_class, SmtStudyDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, SmtStudyDialog, org_row);
  gtk_widget_class_bind_template_child (widget_class, SmtStudyDialog, branch_row);
  gtk_widget_class_bind_template_child (widget_class, SmtStudyDialog, way_group);
  gtk_widget_class_bind_template_child (widget_class, SmtStudyDialog, way_row);
  gtk_widget_class_bind_template_child (widget_class, SmtStudyDialog, count_row);
  gtk_widget_class_bind_template_child (widget_class, SmtStudyDialog, count_spin);
  gtk_widget_class_bind_template_child (widget_class, SmtStudyDialog, members_group);
  gtk_widget_class_bind_template_child (widget_class, SmtStudyDialog, all_button);
  gtk_widget_class_bind_template_child (widget_class, SmtStudyDialog, none_button);
  gtk_widget_class_bind_template_child (widget_class, SmtStudyDialog, tally_label);
  gtk_widget_class_bind_template_child (widget_class, SmtStudyDialog, members_list);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_date_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_org_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_branch_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_way_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_all_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_none_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
smt_study_dialog_init (SmtStudyDialog *self)
{
  self->checks = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * smt_study_dialog_new:
 * @parent: the window it is opened over
 * @reg: the register
 * @organisation_id: the organisation chosen first, 0 for all
 * @error: where to put an error reading the register
 *
 * Returns: (transfer none) (nullable): the dialog, owned by GTK's list of
 *   toplevels, or %NULL with @error set
 */
SmtStudyDialog *
smt_study_dialog_new (GtkWindow    *parent,
                      SmtRegister  *reg,
                      gint64        organisation_id,
                      GError      **error)
{
  SmtStudyDialog *self;
  g_autoptr(GtkStringList) orgs = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) ways = gtk_string_list_new (NULL);
  g_autofree char *today = NULL;
  guint selected = 0;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), NULL);

  self = g_object_new (SMT_TYPE_STUDY_DIALOG, "transient-for", parent, NULL);
  self->organisations = smt_organisations_list (reg, error);
  if (self->organisations == NULL)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }
  self->updating = TRUE;
  gtk_string_list_append (orgs, _("All organisations"));
  for (guint i = 0; i < self->organisations->len; i++)
    {
      const SmtOrganisationInfo *o = g_ptr_array_index (self->organisations, i);

      gtk_string_list_append (orgs, o->name);
      if (o->id == organisation_id)
        selected = i + 1;
    }
  adw_combo_row_set_model (self->org_row, G_LIST_MODEL (orgs));
  adw_combo_row_set_selected (self->org_row, selected);
  gtk_string_list_append (ways, _("Only the number who took part"));
  gtk_string_list_append (ways, _("Those who took part, ticked"));
  gtk_string_list_append (ways, _("The whole branch, except those who missed it"));
  adw_combo_row_set_model (self->way_row, G_LIST_MODEL (ways));
  today = smt_date_to_display (smt_register_get_today (reg));
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
  self->reg = g_object_ref (reg);
  self->updating = FALSE;
  fill_branches (self);
  /* Enter in any field records, as the button does. */
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));
  gtk_widget_grab_focus (GTK_WIDGET (self->subject_row));
  return self;
}

void
smt_study_dialog_set_subject (SmtStudyDialog *self,
                              const char     *text)
{
  g_return_if_fail (SMT_IS_STUDY_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->subject_row), text);
}

void
smt_study_dialog_set_date (SmtStudyDialog *self,
                           const char     *text)
{
  g_return_if_fail (SMT_IS_STUDY_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), text);
}

void
smt_study_dialog_set_organisation (SmtStudyDialog *self,
                                   gint64          organisation_id)
{
  g_return_if_fail (SMT_IS_STUDY_DIALOG (self));

  for (guint i = 0; i < self->organisations->len; i++)
    if (((SmtOrganisationInfo *) g_ptr_array_index (self->organisations, i))->id
        == organisation_id)
      {
        adw_combo_row_set_selected (self->org_row, i + 1);
        return;
      }
  adw_combo_row_set_selected (self->org_row, 0);
}

gboolean
smt_study_dialog_set_branch (SmtStudyDialog *self,
                             gint64          branch_id)
{
  g_return_val_if_fail (SMT_IS_STUDY_DIALOG (self), FALSE);

  if (branch_id == 0)
    {
      adw_combo_row_set_selected (self->branch_row, 0);
      return TRUE;
    }
  for (guint i = 0; self->branches != NULL && i < self->branches->len; i++)
    if (((SmtBranchInfo *) g_ptr_array_index (self->branches, i))->id == branch_id)
      {
        adw_combo_row_set_selected (self->branch_row, i + 1);
        return TRUE;
      }
  return FALSE;
}

void
smt_study_dialog_set_way (SmtStudyDialog    *self,
                          SmtStudyDialogWay  way)
{
  g_return_if_fail (SMT_IS_STUDY_DIALOG (self));
  g_return_if_fail (way <= SMT_STUDY_DIALOG_WHOLE_BRANCH);
  adw_combo_row_set_selected (self->way_row, way);
}

void
smt_study_dialog_set_count (SmtStudyDialog *self,
                            int             count)
{
  g_return_if_fail (SMT_IS_STUDY_DIALOG (self));
  gtk_spin_button_set_value (self->count_spin, count);
}

guint
smt_study_dialog_get_n_members (SmtStudyDialog *self)
{
  g_return_val_if_fail (SMT_IS_STUDY_DIALOG (self), 0);
  return self->checks->len;
}

gint64
smt_study_dialog_get_member (SmtStudyDialog *self,
                             guint           index,
                             gboolean       *away)
{
  const SmtBranchMember *m;

  g_return_val_if_fail (SMT_IS_STUDY_DIALOG (self), 0);
  g_return_val_if_fail (index < self->checks->len, 0);

  m = g_ptr_array_index (self->members, index);
  if (away != NULL)
    *away = m->away;
  return m->person_id;
}

void
smt_study_dialog_tick (SmtStudyDialog *self,
                       guint           index,
                       gboolean        ticked)
{
  g_return_if_fail (SMT_IS_STUDY_DIALOG (self));
  g_return_if_fail (index < self->checks->len);
  gtk_check_button_set_active (g_ptr_array_index (self->checks, index), ticked);
}

guint
smt_study_dialog_get_n_ticked (SmtStudyDialog *self)
{
  guint n = 0;

  g_return_val_if_fail (SMT_IS_STUDY_DIALOG (self), 0);
  for (guint i = 0; i < self->checks->len; i++)
    n += gtk_check_button_get_active (g_ptr_array_index (self->checks, i));
  return n;
}

const char *
smt_study_dialog_get_error (SmtStudyDialog *self)
{
  g_return_val_if_fail (SMT_IS_STUDY_DIALOG (self), NULL);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;
  return gtk_label_get_text (self->error_label);
}
