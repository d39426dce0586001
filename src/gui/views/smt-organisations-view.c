/* smt-organisations-view.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gi18n.h>

#include "core/organisations/smt-branch-detail.h"
#include "core/organisations/smt-organisation-query.h"
#include "core/register/smt-date.h"
#include "core/register/smt-format.h"

#include "gui/base/smt-gui.h"
#include "gui/base/smt-view.h"
#include "gui/dialogs/smt-branch-dialog.h"
#include "gui/dialogs/smt-bulk-admit-dialog.h"
#include "gui/dialogs/smt-leader-dialog.h"
#include "gui/dialogs/smt-organisation-dialog.h"
#include "gui/dialogs/smt-restructure-dialog.h"
#include "smt-organisations-view.h"

/* Tổ chức và chi hội: the organisations on the left, the branches of the
 * one chosen in the middle, the leaders and members of the branch chosen
 * on the right, as of today. The rows follow the register, so they are
 * made in code. The buttons of each column's header (and of the branch)
 * open the dialogs that change them; the dialogs tell the window, which
 * shows every view anew. */

struct _SmtOrganisationsView
{
  GtkWidget    parent_instance;

  /* template widgets */
  GtkListBox  *organisation_list;
  GtkListBox  *branch_list;
  GtkStack    *detail_stack;
  GtkWidget   *detail_scrolled;
  GtkLabel    *heading;
  GtkLabel    *subheading;
  GtkBox      *groups;

  /* owned */
  SmtRegister *reg;
  GPtrArray   *organisations;  /* SmtOrganisationInfo, one per row */
  GPtrArray   *branches;       /* SmtBranchInfo of the organisation chosen, one per row */
  GArray      *member_ids;     /* gint64, the member rows shown */
  GPtrArray   *leaders;        /* SmtBranchLeader of the branch shown */
};

static void smt_organisations_view_view_init (SmtViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SmtOrganisationsView, smt_organisations_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (SMT_TYPE_VIEW, smt_organisations_view_view_init))

/* ---- words ------------------------------------------------------------------- */

/* "women, aged 18 and over": whom an organisation gathers. */
static char *
eligibility_text (const SmtOrganisationInfo *o)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (o->sex == 'F')
    g_ptr_array_add (parts, g_strdup (_("women")));
  else if (o->sex == 'M')
    g_ptr_array_add (parts, g_strdup (_("men")));
  if (o->min_age >= 0 && o->max_age >= 0)
    /* Translators: an age range of members, in years */
    g_ptr_array_add (parts, g_strdup_printf (_("aged %d to %d"), o->min_age, o->max_age));
  else if (o->min_age >= 0)
    /* Translators: the youngest age of members, in years */
    g_ptr_array_add (parts, g_strdup_printf (_("aged %d and over"), o->min_age));
  else if (o->max_age >= 0)
    /* Translators: the oldest age of members, in years */
    g_ptr_array_add (parts, g_strdup_printf (_("aged up to %d"), o->max_age));
  if (o->trait_name != NULL)
    g_ptr_array_add (parts, g_strdup (o->trait_name));
  if (parts->len == 0)
    return g_strdup (_("anyone, no age or sex rule"));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (", ", (char **) parts->pdata);
}

static GtkWidget *
count_label (guint count)
{
  g_autofree char *text = smt_format_int (count);
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

/* A row that opens a dialog: it wraps, so it never widens the column. */
static GtkWidget *
action_row_new (const char *title,
                const char *icon_name,
                const char *action_name)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name (icon_name));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), action_name);
  gtk_widget_add_css_class (row, "accent");
  return row;
}

static GtkWidget *
row_new (const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL)
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

static void
groups_clear (SmtOrganisationsView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups))) != NULL)
    gtk_box_remove (self->groups, child);
}

/* ---- what is chosen ----------------------------------------------------------- */

static const SmtOrganisationInfo *
chosen_organisation (SmtOrganisationsView *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->organisation_list);
  int i = row != NULL ? gtk_list_box_row_get_index (row) : -1;

  if (i < 0 || self->organisations == NULL || (guint) i >= self->organisations->len)
    return NULL;
  return g_ptr_array_index (self->organisations, i);
}

static const SmtBranchInfo *
chosen_branch (SmtOrganisationsView *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->branch_list);
  int i = row != NULL ? gtk_list_box_row_get_index (row) : -1;

  if (i < 0 || self->branches == NULL || (guint) i >= self->branches->len)
    return NULL;
  return g_ptr_array_index (self->branches, i);
}

/* The buttons of what is not chosen are greyed out. */
static void
update_actions (SmtOrganisationsView *self)
{
  gboolean org = self->reg != NULL && chosen_organisation (self) != NULL;
  gboolean branch = self->reg != NULL && chosen_branch (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "orgs.add-organisation", self->reg != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "orgs.edit-organisation", org);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "orgs.add-branch", org);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "orgs.dissolve-branch", branch);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "orgs.appoint-leader", branch);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "orgs.end-term", branch);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "orgs.bulk-admit", branch);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "orgs.restructure", branch);
}

/* ---- the dialogs ------------------------------------------------------------------ */

static GtkWindow *
parent_window (SmtOrganisationsView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
present (GtkWindow *dialog)
{
  if (dialog != NULL)
    gtk_window_present (dialog);
}

/* A dialog that could not open says why in the window. */
static void
show_open_error (SmtOrganisationsView *self,
                 const GError         *error)
{
  if (!smt_view_show_error (GTK_WIDGET (self), _("Cannot Open the Dialog"), error))
    g_warning ("%s", error->message);
}

static void
action_add_organisation (GtkWidget  *widget,
                         const char *action,
                         GVariant   *param)
{
  SmtOrganisationsView *self = SMT_ORGANISATIONS_VIEW (widget);

  present (GTK_WINDOW (smt_organisation_dialog_new (parent_window (self), self->reg, NULL)));
}

static void
action_edit_organisation (GtkWidget  *widget,
                          const char *action,
                          GVariant   *param)
{
  SmtOrganisationsView *self = SMT_ORGANISATIONS_VIEW (widget);
  const SmtOrganisationInfo *org = chosen_organisation (self);

  if (org != NULL)
    present (GTK_WINDOW (smt_organisation_dialog_new (parent_window (self), self->reg, org)));
}

static void
action_add_branch (GtkWidget  *widget,
                   const char *action,
                   GVariant   *param)
{
  SmtOrganisationsView *self = SMT_ORGANISATIONS_VIEW (widget);
  const SmtOrganisationInfo *org = chosen_organisation (self);

  if (org != NULL)
    present (GTK_WINDOW (smt_branch_dialog_new_add (parent_window (self), self->reg, org,
                                                    self->branches)));
}

static void
action_dissolve_branch (GtkWidget  *widget,
                        const char *action,
                        GVariant   *param)
{
  SmtOrganisationsView *self = SMT_ORGANISATIONS_VIEW (widget);
  const SmtBranchInfo *branch = chosen_branch (self);

  if (branch != NULL)
    present (GTK_WINDOW (smt_branch_dialog_new_dissolve (parent_window (self), self->reg,
                                                         branch)));
}

static void
action_appoint_leader (GtkWidget  *widget,
                       const char *action,
                       GVariant   *param)
{
  SmtOrganisationsView *self = SMT_ORGANISATIONS_VIEW (widget);
  const SmtBranchInfo *branch = chosen_branch (self);
  g_autoptr(GError) error = NULL;
  SmtLeaderDialog *dialog;

  if (branch == NULL)
    return;
  dialog = smt_leader_dialog_new_appoint (parent_window (self), self->reg, branch, &error);
  if (dialog == NULL)
    show_open_error (self, error);
  present (GTK_WINDOW (dialog));
}

static void
action_end_term (GtkWidget  *widget,
                 const char *action,
                 GVariant   *param)
{
  SmtOrganisationsView *self = SMT_ORGANISATIONS_VIEW (widget);
  const SmtBranchInfo *branch = chosen_branch (self);
  gint64 id = g_variant_get_int64 (param);

  for (guint i = 0; branch != NULL && self->leaders != NULL && i < self->leaders->len; i++)
    {
      const SmtBranchLeader *l = g_ptr_array_index (self->leaders, i);

      if (l->id == id)
        present (GTK_WINDOW (smt_leader_dialog_new_end (parent_window (self), self->reg, branch,
                                                        l)));
    }
}

static void
action_bulk_admit (GtkWidget  *widget,
                   const char *action,
                   GVariant   *param)
{
  SmtOrganisationsView *self = SMT_ORGANISATIONS_VIEW (widget);
  const SmtBranchInfo *branch = chosen_branch (self);
  g_autoptr(GError) error = NULL;
  SmtBulkAdmitDialog *dialog;

  if (branch == NULL)
    return;
  dialog = smt_bulk_admit_dialog_new (parent_window (self), self->reg, branch, &error);
  if (dialog == NULL)
    show_open_error (self, error);
  present (GTK_WINDOW (dialog));
}

/* Sắp xếp tổ chức: from a tổ hội's page its chi hội's members move into it;
 * from another branch its own members move, into its first tổ hội if it
 * has one. */
static void
action_restructure (GtkWidget  *widget,
                    const char *action,
                    GVariant   *param)
{
  SmtOrganisationsView *self = SMT_ORGANISATIONS_VIEW (widget);
  const SmtBranchInfo *branch = chosen_branch (self);
  g_autoptr(GError) error = NULL;
  SmtRestructureDialog *dialog;
  gint64 from, to = 0;

  if (branch == NULL)
    return;
  if (branch->parent_id != 0)
    {
      from = branch->parent_id;
      to = branch->id;
    }
  else
    {
      from = branch->id;
      for (guint i = 0; self->branches != NULL && i < self->branches->len && to == 0; i++)
        if (((SmtBranchInfo *) g_ptr_array_index (self->branches, i))->parent_id == branch->id)
          to = ((SmtBranchInfo *) g_ptr_array_index (self->branches, i))->id;
    }
  dialog = smt_restructure_dialog_new (parent_window (self), self->reg,
                                       branch->organisation_id, from, to, NULL, &error);
  if (dialog == NULL)
    show_open_error (self, error);
  present (GTK_WINDOW (dialog));
}

/* ---- the branch chosen -------------------------------------------------------- */

/* The way to move members in or out as one restructure. */
static GtkWidget *
restructure_group (const SmtBranchInfo *b)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Restructure"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         b->parent_id != 0
                                         ? _("Move members of the chi hội into this tổ hội "
                                             "together: not counted as transfers.")
                                         : _("Move members into one of its tổ hội or another "
                                             "branch together: not counted as transfers."));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             action_row_new (b->parent_id != 0
                                             ? _("_Move Members of the Chi Hội Here…")
                                             : _("_Move Members to Another Branch…"),
                                             "view-list-symbolic", "orgs.restructure"));
  return group;
}

static GtkWidget *
leaders_group (GPtrArray *leaders)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Leaders"));
  if (leaders->len == 0)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               row_new (_("No leader recorded"), NULL));
  for (guint i = 0; i < leaders->len; i++)
    {
      const SmtBranchLeader *l = g_ptr_array_index (leaders, i);
      g_autofree char *from = smt_date_to_display (l->from_date);
      g_autofree char *to = l->to_date != NULL ? smt_date_to_display (l->to_date) : NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (to != NULL)
        /* Translators: a role, then a term of office between two dates */
        subtitle = g_strdup_printf (_("%s, %s – %s"), l->role_label, from, to);
      else
        /* Translators: a role, then the first day of a term still running */
        subtitle = g_strdup_printf (_("%s, in office since %s"), l->role_label, from);
      row = row_new (l->full_name, subtitle);
      if (to == NULL)
        {
          GtkWidget *end = gtk_button_new_with_mnemonic (_("_End Term…"));
          g_autofree char *what = NULL;

          gtk_widget_set_valign (end, GTK_ALIGN_CENTER);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (end), "orgs.end-term");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (end), "x", l->id);
          /* Translators: the accessible name of a button ending a leader's term */
          what = g_strdup_printf (_("End the term of %s"), l->full_name);
          gtk_accessible_update_property (GTK_ACCESSIBLE (end), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          what, -1);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), end);
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             action_row_new (_("A_ppoint a Leader or Deputy…"),
                                             "avatar-default-symbolic", "orgs.appoint-leader"));
  return group;
}

/* "32 hội viên on 23/11/2026, of whom 3 working away"; without the day
 * for a tổ hội of the list. */
static char *
count_text (GPtrArray  *members,
            const char *member_word,
            const char *day)
{
  g_autofree char *count = smt_format_int (members->len);
  guint away = 0;

  for (guint i = 0; i < members->len; i++)
    away += ((const SmtBranchMember *) g_ptr_array_index (members, i))->away;
  if (away > 0)
    {
      g_autofree char *away_text = smt_format_int (away);

      if (day != NULL)
        /* Translators: "32 hội viên on 23/11/2026, of whom 3 working away" */
        return g_strdup_printf (_("%s %s on %s, of whom %s working away"), count, member_word,
                                day, away_text);
      /* Translators: the members of a tổ hội: "12 hội viên, of whom 3 working away" */
      return g_strdup_printf (_("%s %s, of whom %s working away"), count, member_word,
                              away_text);
    }
  if (day != NULL)
    /* Translators: "32 hội viên on 23/11/2026" */
    return g_strdup_printf (_("%s %s on %s"), count, member_word, day);
  /* Translators: the members of a tổ hội: "12 hội viên" */
  return g_strdup_printf (_("%s %s"), count, member_word);
}

static void
add_member_rows (SmtOrganisationsView *self,
                 GtkWidget            *group,
                 GPtrArray            *members)
{
  for (guint i = 0; i < members->len; i++)
    {
      const SmtBranchMember *m = g_ptr_array_index (members, i);
      g_autofree char *since = smt_date_to_display (m->since);
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      /* Translators: birth year, sex, first day in the branch: "1980 · Nữ · từ 01/01/2010" */
      subtitle = g_strdup_printf (_("born %d · %s · member here since %s"), m->birth_year,
                                  m->sex == 'F' ? C_("sex", "Female") : C_("sex", "Male"),
                                  since);
      row = row_new (m->full_name, subtitle);
      if (m->away)
        {
          GtkWidget *label = gtk_label_new (_("Working away"));

          gtk_widget_add_css_class (label, "warning");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      g_array_append_val (self->member_ids, m->person_id);
    }
}

/* The member list (smt_branch_member_groups): all of them counted in the
 * first group, the branch's own members, then a group a tổ hội, so that a
 * chi hội whose members all sit in its tổ hội does not read as empty. */
static void
add_member_groups (SmtOrganisationsView *self,
                   GPtrArray            *groups,
                   const char           *member_word)
{
  const SmtBranchMemberGroup *own = g_ptr_array_index (groups, 0);
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *day = smt_date_to_display (smt_register_get_today (self->reg));
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  g_autofree char *description = NULL;

  for (guint k = 0; k < groups->len; k++)
    {
      const SmtBranchMemberGroup *g = g_ptr_array_index (groups, k);

      g_ptr_array_extend (all, g->members, NULL, NULL);
    }
  description = count_text (all, member_word, day);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Members by Given Name"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             action_row_new (_("_Admit Several People…"), "list-add-symbolic",
                                             "orgs.bulk-admit"));
  if (all->len == 0)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               row_new (_("No member on this day"), NULL));
  gtk_box_append (self->groups, group);
  if (all->len > own->members->len && own->members->len > 0)
    {
      g_autofree char *text = count_text (own->members, member_word, NULL);

      group = adw_preferences_group_new ();
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group),
                                       _("Directly in the Branch, Not in a Group"));
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), text);
      gtk_box_append (self->groups, group);
    }
  add_member_rows (self, group, own->members);
  for (guint k = 1; k < groups->len; k++)
    {
      const SmtBranchMemberGroup *g = g_ptr_array_index (groups, k);
      g_autofree char *text = count_text (g->members, member_word, NULL);
      /* A group's title is markup. */
      g_autofree char *title = g_markup_escape_text (g->name, -1);

      group = adw_preferences_group_new ();
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), text);
      add_member_rows (self, group, g->members);
      gtk_box_append (self->groups, group);
    }
}

static const char *
member_word_of (SmtOrganisationsView *self,
                gint64                organisation_id)
{
  for (guint i = 0; self->organisations != NULL && i < self->organisations->len; i++)
    {
      const SmtOrganisationInfo *o = g_ptr_array_index (self->organisations, i);

      if (o->id == organisation_id)
        return o->member_word;
    }
  return "";
}

static void
show_branch (SmtOrganisationsView *self,
             const SmtBranchInfo  *b)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) leaders = NULL;
  g_autoptr(GPtrArray) members = NULL;  /* SmtBranchMemberGroup */
  g_autofree char *subheading = NULL;
  GtkAdjustment *adj;

  groups_clear (self);
  g_array_set_size (self->member_ids, 0);
  g_clear_pointer (&self->leaders, g_ptr_array_unref);
  update_actions (self);
  if (b == NULL || self->reg == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "empty");
      return;
    }
  if ((leaders = smt_branch_leaders (self->reg, b->id, &error)) == NULL
      || (members = smt_branch_member_groups (self->reg, b->id, NULL, &error)) == NULL)
    {
      g_warning ("Cannot read branch %" G_GINT64_FORMAT ": %s", b->id, error->message);
      gtk_stack_set_visible_child_name (self->detail_stack, "empty");
      return;
    }
  gtk_label_set_text (self->heading, b->name);
  if (b->hamlets[0] != '\0')
    /* Translators: a kind of branch ("chi hội"), then the hamlets it serves */
    subheading = g_strdup_printf (_("%s serving %s"), b->kind, b->hamlets);
  else
    subheading = g_strdup (b->kind);
  gtk_label_set_text (self->subheading, subheading);
  gtk_box_append (self->groups, leaders_group (leaders));
  self->leaders = g_steal_pointer (&leaders);
  add_member_groups (self, members, member_word_of (self, b->organisation_id));
  gtk_box_append (self->groups, restructure_group (b));
  gtk_stack_set_visible_child_name (self->detail_stack, "branch");
  adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->detail_scrolled));
  gtk_adjustment_set_value (adj, 0);
}

static void
on_branch_selected (SmtOrganisationsView *self,
                    GtkListBoxRow        *row)
{
  int i = row != NULL ? gtk_list_box_row_get_index (row) : -1;

  if (i < 0 || self->branches == NULL || (guint) i >= self->branches->len)
    show_branch (self, NULL);
  else
    show_branch (self, g_ptr_array_index (self->branches, i));
}

/* ---- the organisation chosen -------------------------------------------------- */

static void
fill_branches (SmtOrganisationsView      *self,
               const SmtOrganisationInfo *o)
{
  g_autoptr(GError) error = NULL;

  list_clear (self->branch_list);
  g_clear_pointer (&self->branches, g_ptr_array_unref);
  if (o == NULL || self->reg == NULL)
    return;
  self->branches = smt_branches_list (self->reg, o->id, NULL, &error);
  if (self->branches == NULL)
    {
      g_warning ("Cannot read the branches: %s", error->message);
      return;
    }
  for (guint i = 0; i < self->branches->len; i++)
    {
      const SmtBranchInfo *b = g_ptr_array_index (self->branches, i);
      g_autofree char *subtitle = NULL;
      guint in_groups = 0;
      GtkWidget *row;

      if (b->hamlets[0] != '\0')
        /* Translators: a kind of branch, then the hamlets it serves: "chi hội · Ấp 3, Ấp 4" */
        subtitle = g_strdup_printf (_("%s · %s"), b->kind, b->hamlets);
      else
        subtitle = g_strdup (b->kind);
      /* A chi hội's members may all sit in its tổ hội: say how many, so
       * its own count (often 0) is not read as an empty chi hội. */
      for (guint j = 0; j < self->branches->len; j++)
        {
          const SmtBranchInfo *child = g_ptr_array_index (self->branches, j);

          if (child->parent_id == b->id)
            in_groups += child->members;
        }
      if (in_groups > 0)
        {
          g_autofree char *count = smt_format_int (in_groups);
          char *longer;

          /* Translators: "chi hội · Ấp 3 · 44 more in its tổ hội" */
          longer = g_strdup_printf (_("%s · %s more in its groups (tổ hội)"), subtitle, count);
          g_free (subtitle);
          subtitle = longer;
        }
      row = row_new (b->name, subtitle);
      if (b->dissolved_on != NULL)
        {
          g_autofree char *day = smt_date_to_display (b->dissolved_on);
          /* Translators: a branch dissolved on this day (it still shows that day) */
          g_autofree char *text = g_strdup_printf (_("dissolved %s"), day);
          GtkWidget *label = gtk_label_new (text);

          gtk_widget_add_css_class (label, "warning");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
        }
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), count_label (b->members));
      gtk_list_box_append (self->branch_list, row);
    }
}

static void
on_organisation_selected (SmtOrganisationsView *self,
                          GtkListBoxRow        *row)
{
  int i = row != NULL ? gtk_list_box_row_get_index (row) : -1;
  GtkListBoxRow *first;

  if (i < 0 || self->organisations == NULL || (guint) i >= self->organisations->len)
    fill_branches (self, NULL);
  else
    fill_branches (self, g_ptr_array_index (self->organisations, i));
  /* Something to read at once: the first branch. */
  if ((first = gtk_list_box_get_row_at_index (self->branch_list, 0)) != NULL)
    gtk_list_box_select_row (self->branch_list, first);
  else
    show_branch (self, NULL);
}

/* ---- public ----------------------------------------------------------------------- */

gboolean
smt_organisations_view_refresh (SmtOrganisationsView  *self,
                                SmtRegister           *reg,
                                GError               **error)
{
  g_autoptr(GPtrArray) organisations = NULL;
  GtkListBoxRow *first;

  g_return_val_if_fail (SMT_IS_ORGANISATIONS_VIEW (self), FALSE);
  g_return_val_if_fail (reg == NULL || SMT_IS_REGISTER (reg), FALSE);

  list_clear (self->organisation_list);
  g_clear_pointer (&self->organisations, g_ptr_array_unref);
  g_set_object (&self->reg, reg);
  fill_branches (self, NULL);
  show_branch (self, NULL);
  if (reg == NULL)
    return TRUE;

  if ((organisations = smt_organisations_list (reg, error)) == NULL)
    return FALSE;
  self->organisations = g_steal_pointer (&organisations);
  for (guint i = 0; i < self->organisations->len; i++)
    {
      const SmtOrganisationInfo *o = g_ptr_array_index (self->organisations, i);
      g_autofree char *who = eligibility_text (o);
      g_autofree char *subtitle = NULL;

      /* Translators: the kind of organisation, then whom it gathers */
      subtitle = g_strdup_printf (_("%s; %s"),
                                  o->socio_political ? _("Socio-political organisation")
                                                     : _("Mass association"),
                                  who);
      gtk_list_box_append (self->organisation_list, row_new (o->name, subtitle));
    }
  if ((first = gtk_list_box_get_row_at_index (self->organisation_list, 0)) != NULL)
    gtk_list_box_select_row (self->organisation_list, first);
  update_actions (self);
  return TRUE;
}

gboolean
smt_organisations_view_select (SmtOrganisationsView *self,
                               gint64                organisation_id,
                               gint64                branch_id)
{
  g_return_val_if_fail (SMT_IS_ORGANISATIONS_VIEW (self), FALSE);

  for (guint i = 0; self->organisations != NULL && i < self->organisations->len; i++)
    {
      const SmtOrganisationInfo *o = g_ptr_array_index (self->organisations, i);

      if (o->id != organisation_id)
        continue;
      gtk_list_box_select_row (self->organisation_list,
                               gtk_list_box_get_row_at_index (self->organisation_list, i));
      if (branch_id == 0)
        return TRUE;
      for (guint j = 0; self->branches != NULL && j < self->branches->len; j++)
        if (((const SmtBranchInfo *) g_ptr_array_index (self->branches, j))->id == branch_id)
          {
            gtk_list_box_select_row (self->branch_list,
                                     gtk_list_box_get_row_at_index (self->branch_list, j));
            return TRUE;
          }
      return FALSE;
    }
  return FALSE;
}

/**
 * smt_organisations_view_reload:
 * @self: a view showing a register
 * @error: where to put a database error
 *
 * Reads the register again after a change, keeping the organisation and
 * branch chosen when they are still there.
 *
 * Returns: %TRUE on success
 */
gboolean
smt_organisations_view_reload (SmtOrganisationsView  *self,
                               GError               **error)
{
  GtkListBoxRow *row;
  gint64 organisation_id = 0, branch_id = 0;
  g_autoptr(SmtRegister) reg = NULL;

  g_return_val_if_fail (SMT_IS_ORGANISATIONS_VIEW (self), FALSE);

  if (self->reg == NULL)
    return TRUE;
  row = gtk_list_box_get_selected_row (self->organisation_list);
  if (row != NULL && self->organisations != NULL
      && (guint) gtk_list_box_row_get_index (row) < self->organisations->len)
    organisation_id = ((const SmtOrganisationInfo *)
                       g_ptr_array_index (self->organisations,
                                          gtk_list_box_row_get_index (row)))->id;
  row = gtk_list_box_get_selected_row (self->branch_list);
  if (row != NULL && self->branches != NULL
      && (guint) gtk_list_box_row_get_index (row) < self->branches->len)
    branch_id = ((const SmtBranchInfo *)
                 g_ptr_array_index (self->branches, gtk_list_box_row_get_index (row)))->id;

  reg = g_object_ref (self->reg);
  if (!smt_organisations_view_refresh (self, reg, error))
    return FALSE;
  if (organisation_id != 0 && !smt_organisations_view_select (self, organisation_id, branch_id))
    smt_organisations_view_select (self, organisation_id, 0);
  return TRUE;
}

gint64
smt_organisations_view_get_organisation_id (SmtOrganisationsView *self)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (SMT_IS_ORGANISATIONS_VIEW (self), 0);

  row = gtk_list_box_get_selected_row (self->organisation_list);
  if (row == NULL || self->organisations == NULL
      || (guint) gtk_list_box_row_get_index (row) >= self->organisations->len)
    return 0;
  return ((const SmtOrganisationInfo *)
          g_ptr_array_index (self->organisations, gtk_list_box_row_get_index (row)))->id;
}

GArray *
smt_organisations_view_dup_member_ids (SmtOrganisationsView *self)
{
  GArray *ids;

  g_return_val_if_fail (SMT_IS_ORGANISATIONS_VIEW (self), NULL);

  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), self->member_ids->len);
  g_array_append_vals (ids, self->member_ids->data, self->member_ids->len);
  return ids;
}

GArray *
smt_organisations_view_dup_leader_ids (SmtOrganisationsView *self)
{
  GArray *ids;

  g_return_val_if_fail (SMT_IS_ORGANISATIONS_VIEW (self), NULL);

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; self->leaders != NULL && i < self->leaders->len; i++)
    g_array_append_val (ids, ((SmtBranchLeader *) g_ptr_array_index (self->leaders, i))->id);
  return ids;
}

guint
smt_organisations_view_get_branch_count (SmtOrganisationsView *self)
{
  GtkListBoxRow *row;
  int i;

  g_return_val_if_fail (SMT_IS_ORGANISATIONS_VIEW (self), 0);

  row = gtk_list_box_get_selected_row (self->branch_list);
  i = row != NULL ? gtk_list_box_row_get_index (row) : -1;
  if (i < 0 || self->branches == NULL || (guint) i >= self->branches->len)
    return 0;
  return ((const SmtBranchInfo *) g_ptr_array_index (self->branches, i))->members;
}

/* ---- object ----------------------------------------------------------------------- */

static void
smt_organisations_view_dispose (GObject *object)
{
  SmtOrganisationsView *self = SMT_ORGANISATIONS_VIEW (object);
  GtkWidget *child;

  /* No selection handler while the lists go. */
  if (self->organisation_list != NULL)
    g_signal_handlers_disconnect_by_data (self->organisation_list, self);
  if (self->branch_list != NULL)
    g_signal_handlers_disconnect_by_data (self->branch_list, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SMT_TYPE_ORGANISATIONS_VIEW);
  /* The template's top box is not a bound child: unparent it here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->organisations, g_ptr_array_unref);
  g_clear_pointer (&self->branches, g_ptr_array_unref);
  g_clear_pointer (&self->leaders, g_ptr_array_unref);
  g_clear_object (&self->reg);

  G_OBJECT_CLASS (smt_organisations_view_parent_class)->dispose (object);
}

static void
smt_organisations_view_finalize (GObject *object)
{
  SmtOrganisationsView *self = SMT_ORGANISATIONS_VIEW (object);

  g_clear_pointer (&self->member_ids, g_array_unref);

  G_OBJECT_CLASS (smt_organisations_view_parent_class)->finalize (object);
}

static void
smt_organisations_view_class_init (SmtOrganisationsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = smt_organisations_view_dispose;
  object_class->finalize = smt_organisations_view_finalize;

  smt_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
      "/io/github/somattran/SoMatTran/smt-organisations-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SmtOrganisationsView, organisation_list);
  gtk_widget_class_bind_template_child (widget_class, SmtOrganisationsView, branch_list);
  gtk_widget_class_bind_template_child (widget_class, SmtOrganisationsView, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, SmtOrganisationsView, detail_scrolled);
  gtk_widget_class_bind_template_child (widget_class, SmtOrganisationsView, heading);
  gtk_widget_class_bind_template_child (widget_class, SmtOrganisationsView, subheading);
  gtk_widget_class_bind_template_child (widget_class, SmtOrganisationsView, groups);
  gtk_widget_class_bind_template_callback (widget_class, on_organisation_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_branch_selected);

  gtk_widget_class_install_action (widget_class, "orgs.add-organisation", NULL,
                                   action_add_organisation);
  gtk_widget_class_install_action (widget_class, "orgs.edit-organisation", NULL,
                                   action_edit_organisation);
  gtk_widget_class_install_action (widget_class, "orgs.add-branch", NULL, action_add_branch);
  gtk_widget_class_install_action (widget_class, "orgs.dissolve-branch", NULL,
                                   action_dissolve_branch);
  gtk_widget_class_install_action (widget_class, "orgs.appoint-leader", NULL,
                                   action_appoint_leader);
  gtk_widget_class_install_action (widget_class, "orgs.end-term", "x", action_end_term);
  gtk_widget_class_install_action (widget_class, "orgs.bulk-admit", NULL, action_bulk_admit);
  gtk_widget_class_install_action (widget_class, "orgs.restructure", NULL, action_restructure);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
smt_organisations_view_init (SmtOrganisationsView *self)
{
  self->member_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
  update_actions (self);
}

GtkWidget *
smt_organisations_view_new (void)
{
  return g_object_new (SMT_TYPE_ORGANISATIONS_VIEW, NULL);
}

/* The same register again is a change: keep what the user chose. */
static gboolean
smt_organisations_view_view_refresh (SmtView      *view,
                                     SmtRegister  *reg,
                                     GError      **error)
{
  SmtOrganisationsView *self = SMT_ORGANISATIONS_VIEW (view);

  if (reg != NULL && reg == self->reg)
    return smt_organisations_view_reload (self, error);
  return smt_organisations_view_refresh (self, reg, error);
}

static void
smt_organisations_view_view_init (SmtViewInterface *iface)
{
  iface->refresh = smt_organisations_view_view_refresh;
}
