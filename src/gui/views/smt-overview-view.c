/* smt-overview-view.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gi18n.h>

#include "core/indicators/smt-indicators.h"
#include "core/indicators/smt-overview.h"
#include "core/people/smt-people-query.h"
#include "core/register/smt-date.h"
#include "core/register/smt-format.h"
#include "core/targets/smt-period.h"

#include "gui/base/smt-gui.h"
#include "gui/base/smt-view.h"
#include "smt-overview-view.h"

/* Tổng quan: the commune at a glance for the current month, built from
 * smt_overview_compute () each time the view is refreshed. The groups are
 * made in code because their rows follow the register (one per
 * organisation, one per branch without a meeting, one per change to
 * confirm). */

/* Rows an expander shows at most; the rest are counted in a last row. */
#define MAX_LIST_ROWS 300

struct _SmtOverviewView
{
  GtkWidget    parent_instance;

  GtkWidget   *scrolled;
  GtkLabel    *heading;
  GtkBox      *groups;

  SmtOverview *overview;
};

static void smt_overview_view_view_init (SmtViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SmtOverviewView, smt_overview_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (SMT_TYPE_VIEW, smt_overview_view_view_init))

static GtkWidget *
group_new (const char *title,
           const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  return group;
}

static GtkWidget *
count_row (const char *title,
           const char *subtitle,
           guint       count)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *text = smt_format_int (count);
  GtkWidget *label = gtk_label_new (text);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, "title-4");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  return row;
}

static GtkWidget *
text_row (const char *title,
          const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  return row;
}

/* A row that opens the list it counts: activating it (click, Enter) runs
 * one of the window's "view." actions with target. */
static GtkWidget *
link_row (GtkWidget  *row,
          const char *action,
          GVariant   *target)
{
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), target);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_add_css_class (arrow, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  return row;
}

/* A count that opens nothing, its figure aligned with those that do. */
static GtkWidget *
plain_row (GtkWidget *row)
{
  GtkWidget *spacer = gtk_image_new_from_icon_name ("go-next-symbolic");

  gtk_widget_set_opacity (spacer, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spacer);
  return row;
}

/* "… and 1.234 more" when a list is longer than the view shows. */
static void
add_more_row (GtkWidget *expander,
              guint      shown,
              guint      total)
{
  g_autofree char *rest = NULL;
  g_autofree char *title = NULL;

  if (total <= shown)
    return;
  rest = smt_format_int (total - shown);
  /* Translators: the last row of a long list; %s is a number (1.234) */
  title = g_strdup_printf (_("… and %s more"), rest);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), text_row (title, NULL));
}

static GtkWidget *
people_group (const SmtOverview *o)
{
  GtkWidget *group = group_new (_("Residents"), NULL);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             link_row (count_row (_("People living in the commune"), NULL,
                                                  o->people),
                                       "view.people", g_variant_new ("(xu)", 0, 0)));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             link_row (count_row (_("Households"), NULL, o->households),
                                       "view.people", g_variant_new ("(xu)", 0, 0)));
  return group;
}

static GtkWidget *
members_group (const SmtOverview *o)
{
  GtkWidget *group = group_new (_("Members by Organisation"),
                                _("Members on the day counted, working away included"));

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             link_row (count_row (_("Members, counted by person"),
                                                  _("Someone in two organisations counts once"),
                                                  o->members),
                                       "view.people",
                                       g_variant_new ("(xu)", 0, SMT_PEOPLE_STATUS_MEMBER)));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             plain_row (count_row (_("Memberships"),
                                                   _("Someone in two organisations counts twice"),
                                                   o->memberships)));
  for (guint i = 0; i < o->organisations->len; i++)
    {
      const SmtOverviewOrganisation *org = g_ptr_array_index (o->organisations, i);
      g_autofree char *subtitle = NULL;

      if (org->away > 0)
        {
          g_autofree char *away = smt_format_int (org->away);

          /* Translators: %s is a number of members (1.234) */
          subtitle = g_strdup_printf (_("Of whom %s working away"), away);
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 link_row (count_row (org->name, subtitle, org->members),
                                           "view.people",
                                           g_variant_new ("(xu)", org->organisation_id,
                                                          SMT_PEOPLE_STATUS_MEMBER)));
    }
  return group;
}

/* The branches of an expander, made when it is first opened: at 100.000
 * people a list of hundreds of rows costs a second and 100 MB to build. */
static void
fill_meeting_rows (AdwExpanderRow    *expander,
                   const SmtOverview *o)
{
  guint shown = MIN (o->without_meeting->len, MAX_LIST_ROWS);

  for (guint i = 0; i < shown; i++)
    {
      const SmtOverviewBranch *b = g_ptr_array_index (o->without_meeting, i);
      g_autofree char *line = NULL;

      if (b->last_meeting != NULL)
        {
          g_autofree char *date = smt_date_to_display (b->last_meeting);

          /* Translators: an organisation and the date of a branch's last meeting */
          line = g_strdup_printf (_("%s — last regular meeting %s"), b->organisation, date);
        }
      else
        /* Translators: an organisation; the branch has never met */
        line = g_strdup_printf (_("%s — no regular meeting recorded"), b->organisation);
      adw_expander_row_add_row (expander,
                                link_row (text_row (b->name, line), "view.meeting",
                                          g_variant_new_int64 (b->branch_id)));
    }
  add_more_row (GTK_WIDGET (expander), shown, o->without_meeting->len);
}

static void
fill_confirm_rows (AdwExpanderRow    *expander,
                   const SmtOverview *o)
{
  guint shown = MIN (o->to_confirm->len, MAX_LIST_ROWS);

  for (guint i = 0; i < shown; i++)
    {
      const SmtOverviewConfirm *c = g_ptr_array_index (o->to_confirm, i);

      adw_expander_row_add_row (expander,
                                link_row (text_row (c->text, NULL), "view.person",
                                          g_variant_new_int64 (c->person_id)));
    }
  add_more_row (GTK_WIDGET (expander), shown, o->to_confirm->len);
}

typedef void (*FillRows) (AdwExpanderRow *expander, const SmtOverview *o);

static void
on_expanded (AdwExpanderRow  *expander,
             GParamSpec      *pspec,
             SmtOverviewView *self)
{
  FillRows fill = (FillRows) g_object_get_data (G_OBJECT (expander), "smt-fill");

  if (!adw_expander_row_get_expanded (expander) || fill == NULL || self->overview == NULL)
    return;
  g_object_set_data (G_OBJECT (expander), "smt-fill", NULL);
  fill (expander, self->overview);
}

static GtkWidget *
lazy_expander_new (SmtOverviewView *self,
                   FillRows         fill)
{
  GtkWidget *expander = adw_expander_row_new ();

  g_object_set_data (G_OBJECT (expander), "smt-fill", (gpointer) fill);
  g_signal_connect_object (expander, "notify::expanded", G_CALLBACK (on_expanded), self, 0);
  return expander;
}

static GtkWidget *
meetings_group (SmtOverviewView   *self,
                const SmtOverview *o)
{
  GtkWidget *group = group_new (_("Branch Meetings"), NULL);
  GtkWidget *expander = lazy_expander_new (self, fill_meeting_rows);
  g_autofree char *missing = smt_format_int (o->without_meeting->len);
  g_autofree char *all = smt_format_int (o->branches);
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander),
                                 _("Branches without a meeting this month"));
  /* Translators: "12 of 48 branches" */
  subtitle = g_strdup_printf (_("%s of %s branches"), missing, all);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
  gtk_widget_set_sensitive (expander, o->without_meeting->len > 0);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), expander);
  return group;
}

static GtkWidget *
ratings_group (const SmtOverview *o)
{
  g_autofree char *title = NULL;
  GtkWidget *group;

  /* Translators: %d is a year */
  title = g_strdup_printf (_("Ratings of %d"), o->rating_year);
  group = group_new (title, NULL);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             link_row (count_row (_("Members rated"), NULL, o->members_rated),
                                       "view.show", g_variant_new_string ("ratings")));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             link_row (count_row (_("Branches rated"), NULL, o->branches_rated),
                                       "view.show", g_variant_new_string ("ratings")));
  return group;
}

static GtkWidget *
confirm_group (SmtOverviewView   *self,
               const SmtOverview *o)
{
  GtkWidget *group = group_new (_("Changes to Confirm"),
                                _("What the register suggests; nothing is changed until "
                                  "you record it"));
  GtkWidget *expander;
  g_autofree char *count = NULL;
  g_autofree char *subtitle = NULL;

  if (o->to_confirm->len == 0)
    {
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 text_row (_("Nothing to confirm"), NULL));
      return group;
    }
  expander = lazy_expander_new (self, fill_confirm_rows);
  count = smt_format_int (o->to_confirm->len);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander),
                                 _("Members who died, moved away or are past the age"));
  /* Translators: %s is a number of people (1.234) */
  subtitle = g_strdup_printf (_("%s to confirm"), count);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), expander);
  return group;
}

static void
clear_groups (SmtOverviewView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups))) != NULL)
    gtk_box_remove (self->groups, child);
}

gboolean
smt_overview_view_refresh (SmtOverviewView  *self,
                           SmtRegister      *reg,
                           GError          **error)
{
  g_autoptr(SmtOverview) overview = NULL;
  g_autoptr(SmtPeriod) period = NULL;
  g_autofree char *month = NULL;
  g_autofree char *day = NULL;
  g_autofree char *heading = NULL;

  g_return_val_if_fail (SMT_IS_OVERVIEW_VIEW (self), FALSE);
  g_return_val_if_fail (reg == NULL || SMT_IS_REGISTER (reg), FALSE);

  clear_groups (self);
  g_clear_pointer (&self->overview, smt_overview_free);
  /* Seen only while a register just opened is being counted. */
  gtk_label_set_text (self->heading, _("Counting…"));
  if (reg == NULL)
    return TRUE;

  overview = smt_overview_compute (reg, NULL, error);
  /* Counted again only after a change, which makes the facts stale anyway:
   * keeping them would hold 30 MB at 100.000 people for nothing. */
  smt_indicators_release_facts (reg);
  if (overview == NULL)
    return FALSE;
  period = smt_period_parse (overview->month, NULL);
  month = period != NULL ? smt_period_to_label (period) : g_strdup (overview->month);
  day = smt_date_to_display (overview->day);
  /* Translators: "Tháng 11/2026 — figures on 23/11/2026" */
  heading = g_strdup_printf (_("%s — figures on %s"), month, day);
  gtk_label_set_text (self->heading, heading);

  gtk_box_append (self->groups, people_group (overview));
  gtk_box_append (self->groups, members_group (overview));
  gtk_box_append (self->groups, meetings_group (self, overview));
  gtk_box_append (self->groups, ratings_group (overview));
  gtk_box_append (self->groups, confirm_group (self, overview));
  self->overview = g_steal_pointer (&overview);
  return TRUE;
}

const SmtOverview *
smt_overview_view_get_overview (SmtOverviewView *self)
{
  g_return_val_if_fail (SMT_IS_OVERVIEW_VIEW (self), NULL);
  return self->overview;
}

static void
smt_overview_view_dispose (GObject *object)
{
  SmtOverviewView *self = SMT_OVERVIEW_VIEW (object);

  g_clear_pointer (&self->overview, smt_overview_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), SMT_TYPE_OVERVIEW_VIEW);

  G_OBJECT_CLASS (smt_overview_view_parent_class)->dispose (object);
}

static void
smt_overview_view_class_init (SmtOverviewViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = smt_overview_view_dispose;

  smt_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
      "/io/github/somattran/SoMatTran/smt-overview-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SmtOverviewView, scrolled);
  gtk_widget_class_bind_template_child (widget_class, SmtOverviewView, heading);
  gtk_widget_class_bind_template_child (widget_class, SmtOverviewView, groups);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
smt_overview_view_init (SmtOverviewView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
smt_overview_view_new (void)
{
  return g_object_new (SMT_TYPE_OVERVIEW_VIEW, NULL);
}

static gboolean
smt_overview_view_view_refresh (SmtView      *view,
                                SmtRegister  *reg,
                                GError      **error)
{
  return smt_overview_view_refresh (SMT_OVERVIEW_VIEW (view), reg, error);
}

static void
smt_overview_view_view_init (SmtViewInterface *iface)
{
  iface->refresh = smt_overview_view_view_refresh;
}
