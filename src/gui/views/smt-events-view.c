/* smt-events-view.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "core/indicators/smt-balance.h"
#include "core/organisations/smt-event-query.h"
#include "core/organisations/smt-organisation-query.h"
#include "core/people/smt-people-query.h"
#include "core/register/smt-date.h"
#include "core/register/smt-format.h"
#include "core/targets/smt-catalogue.h"
#include "core/targets/smt-period.h"
#include "core/targets/smt-scope.h"

#include "gui/base/smt-gui.h"
#include "gui/base/smt-view.h"
#include "gui/dialogs/smt-bulk-admit-dialog.h"
#include "gui/models/smt-event-item.h"
#include "smt-events-view.h"
#include "smt-person-window.h"

/* People offered by the "Ghi biến động…" search. */
#define MAX_PEOPLE_FOUND 12

struct _SmtEventsView
{
  GtkWidget      parent_instance;

  GtkDropDown   *period_dropdown;
  GtkDropDown   *organisation_dropdown;
  GtkDropDown   *kind_dropdown;
  GtkMenuButton *record_button;
  GtkPopover    *bulk_popover;
  GtkDropDown   *branch_dropdown;
  GtkPopover    *person_popover;
  GtkSearchEntry *person_entry;
  GtkListBox    *person_list;
  GtkLabel      *summary_label;
  GtkStack      *list_stack;
  GtkColumnView *column_view;
  GtkStack      *page_stack;
  GtkLabel      *balance_heading;
  GtkGrid       *balance_grid;
  GtkLabel      *balance_note;

  SmtRegister   *reg;
  GPtrArray     *organisations;  /* SmtOrganisationInfo, the dropdown's after "all" */
  GListStore    *events;         /* SmtEventItem */
  GArray        *people_found;   /* gint64, the rows of person_list */
  GPtrArray     *branches;       /* SmtBranchInfo, the rows of branch_dropdown */
  GPtrArray     *balance;        /* SmtBalanceRow, the rows of balance_grid */
  gboolean       balance_stale;
  gboolean       filling;
};

static void smt_events_view_view_init (SmtViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SmtEventsView, smt_events_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (SMT_TYPE_VIEW, smt_events_view_view_init))

typedef enum
{
  COLUMN_DATE,
  COLUMN_KIND,
  COLUMN_PERSON,
  COLUMN_ORGANISATION,
  COLUMN_BRANCH,
  COLUMN_REASON,
  N_COLUMNS
} Column;

static const struct
{
  const char *title;
  int         fixed_width;  /* -1: natural */
  gboolean    expand;
} columns[N_COLUMNS] = {
  [COLUMN_DATE]         = { N_("Date"), 100, FALSE },
  [COLUMN_KIND]         = { N_("Change"), 150, FALSE },
  [COLUMN_PERSON]       = { N_("Full name"), 190, FALSE },
  [COLUMN_ORGANISATION] = { N_("Organisation"), 110, FALSE },
  [COLUMN_BRANCH]       = { N_("Branch"), -1, TRUE },
  [COLUMN_REASON]       = { N_("Reason and decision"), -1, TRUE },
};

/* ---- the period ------------------------------------------------------------------ */

/* The first and last day of period, relative to the register's today;
 * both NULL for every event. */
static void
period_dates (SmtEventsView    *self,
              SmtEventsPeriod   period,
              char            **from,
              char            **to)
{
  const char *today = smt_register_get_today (self->reg);
  int year = (int) g_ascii_strtoll (today, NULL, 10);
  int month = (int) g_ascii_strtoll (today + 5, NULL, 10);
  g_autofree char *code = NULL;
  g_autoptr(SmtPeriod) p = NULL;

  *from = *to = NULL;
  switch (period)
    {
    case SMT_EVENTS_THIS_MONTH:
      code = g_strdup_printf ("%04d-%02d", year, month);
      break;
    case SMT_EVENTS_LAST_MONTH:
      code = month > 1 ? g_strdup_printf ("%04d-%02d", year, month - 1)
                       : g_strdup_printf ("%04d-12", year - 1);
      break;
    case SMT_EVENTS_THIS_QUARTER:
      code = g_strdup_printf ("%04d-Q%d", year, (month - 1) / 3 + 1);
      break;
    case SMT_EVENTS_THIS_YEAR:
      code = g_strdup_printf ("%04d", year);
      break;
    case SMT_EVENTS_LAST_YEAR:
      code = g_strdup_printf ("%04d", year - 1);
      break;
    case SMT_EVENTS_LAST_12_MONTHS:
      *from = smt_date_add_days (today, -364);
      *to = g_strdup (today);
      return;
    case SMT_EVENTS_ALL:
    default:
      return;
    }
  p = smt_period_parse (code, NULL);
  g_assert (p != NULL);
  *from = g_strdup (smt_period_get_start (p));
  *to = g_strdup (smt_period_get_end (p));
}

/* ---- the list -------------------------------------------------------------------- */

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  Column column = GPOINTER_TO_UINT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (column == COLUMN_DATE)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  Column column = GPOINTER_TO_UINT (user_data);
  const SmtEventRow *row = smt_event_item_get_row (gtk_list_item_get_item (list_item));
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (list_item));
  g_autofree char *text = NULL;

  switch (column)
    {
    case COLUMN_DATE:
      text = smt_date_to_display (row->date);
      break;
    case COLUMN_KIND:
      text = row->voided ? g_strdup_printf ("✗ %s", smt_journal_kind_label (row->journal_kind))
                         : g_strdup (smt_journal_kind_label (row->journal_kind));
      break;
    case COLUMN_PERSON:
      text = g_strdup (row->person_name);
      break;
    case COLUMN_ORGANISATION:
      text = g_strdup (row->organisation);
      break;
    case COLUMN_BRANCH:
      if (row->from_branch != NULL && row->branch != NULL)
        text = g_strdup_printf ("%s → %s", row->from_branch, row->branch);
      else
        text = g_strdup (row->branch != NULL ? row->branch : "");
      break;
    case COLUMN_REASON:
    default:
      if (*row->document != '\0' && *row->reason != '\0')
        /* Translators: a reason, then the decision: "Kết nạp mới (QĐ số 12/QĐ-HPN)" */
        text = g_strdup_printf (_("%s (%s)"), row->reason, row->document);
      else
        text = g_strdup (*row->reason != '\0' ? row->reason : row->document);
      break;
    }
  gtk_label_set_text (label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), column == COLUMN_REASON ? text : NULL);
  if (row->voided)
    gtk_widget_add_css_class (GTK_WIDGET (label), "voided");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (label), "voided");
}

static void
add_columns (SmtEventsView *self)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GUINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GUINT_TO_POINTER (i));
      column = gtk_column_view_column_new (_(columns[i].title), g_object_ref (factory));
      if (columns[i].fixed_width > 0)
        gtk_column_view_column_set_fixed_width (column, columns[i].fixed_width);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->column_view, column);
    }
  gtk_widget_add_css_class (GTK_WIDGET (self->column_view), "events");
}

/* Reads the events of the chosen period, organisation and kind. */
static gboolean
reload (SmtEventsView  *self,
        GError        **error)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *total = NULL;
  g_autofree char *summary = NULL;
  SmtEventFilter filter = { NULL, NULL, 0, -1 };
  guint counts[SMT_N_JOURNAL_KINDS];
  guint i;

  if (self->reg == NULL)
    return TRUE;
  period_dates (self, gtk_drop_down_get_selected (self->period_dropdown), &from, &to);
  filter.from = from;
  filter.to = to;
  if ((i = gtk_drop_down_get_selected (self->organisation_dropdown)) > 0
      && self->organisations != NULL && i <= self->organisations->len)
    filter.organisation_id = ((SmtOrganisationInfo *)
                              g_ptr_array_index (self->organisations, i - 1))->id;
  if ((i = gtk_drop_down_get_selected (self->kind_dropdown)) > 0 && i <= SMT_N_JOURNAL_KINDS)
    filter.kind = (int) i - 1;

  if ((rows = smt_events_list (self->reg, &filter, error)) == NULL)
    return FALSE;

  smt_events_count (rows, counts);
  for (int k = 0; k < SMT_N_JOURNAL_KINDS; k++)
    if (counts[k] > 0)
      {
        g_autofree char *n = smt_format_int (counts[k]);

        /* Translators: a kind of change and how many: "Kết nạp 12" */
        g_ptr_array_add (parts, g_strdup_printf (_("%s %s"), smt_journal_kind_label (k), n));
      }
  g_ptr_array_add (parts, NULL);
  total = smt_format_int (rows->len);
  if (parts->len > 1)
    {
      g_autofree char *joined = g_strjoinv (" · ", (char **) parts->pdata);

      /* Translators: "98 changes recorded: Kết nạp 45 · Ra khỏi tổ chức 25" */
      summary = g_strdup_printf (ngettext ("%s change recorded: %s", "%s changes recorded: %s",
                                           rows->len),
                                 total, joined);
    }
  else
    /* Translators: only voids or nothing in the period */
    summary = g_strdup_printf (ngettext ("%s change recorded", "%s changes recorded",
                                         rows->len), total);
  gtk_label_set_text (self->summary_label, summary);

  /* The items own the rows from here. */
  items = g_ptr_array_new_full (rows->len, g_object_unref);
  for (i = 0; i < rows->len; i++)
    g_ptr_array_add (items, smt_event_item_new (g_ptr_array_index (rows, i)));
  g_ptr_array_set_free_func (rows, NULL);
  g_list_store_splice (self->events, 0, g_list_model_get_n_items (G_LIST_MODEL (self->events)),
                       items->pdata, items->len);
  gtk_stack_set_visible_child_name (self->list_stack, items->len > 0 ? "list" : "empty");
  return TRUE;
}

/* ---- the balance ------------------------------------------------------------------- */

/* The columns of the balance: the place, at the start, the increases, the
 * decreases, at the end, then the changes that move no count. */
enum
{
  BAL_PLACE,
  BAL_START,
  BAL_INCREASES,
  BAL_DECREASES = BAL_INCREASES + SMT_N_BALANCE_INCREASES,
  BAL_END = BAL_DECREASES + SMT_N_BALANCE_DECREASES,
  BAL_MOVES,
  BAL_N_COLUMNS = BAL_MOVES + SMT_N_BALANCE_MOVES
};

static GtkWidget *
balance_cell (const char *text,
              const char *css_class,
              float       xalign)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 10);
  gtk_label_set_justify (GTK_LABEL (label), xalign == 0.5f ? GTK_JUSTIFY_CENTER
                                                           : GTK_JUSTIFY_LEFT);
  gtk_widget_set_hexpand (label, TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
balance_number (SmtEventsView *self,
                int            row,
                int            column,
                guint          value,
                gboolean       applies,
                gboolean       total)
{
  g_autofree char *text = applies ? smt_format_int (value) : g_strdup ("—");
  GtkWidget *label = balance_cell (text, "numeric", 1.0f);

  if (total)
    gtk_widget_add_css_class (label, "total");
  gtk_grid_attach (self->balance_grid, label, column, row, 1, 1);
}

static void
balance_line (SmtEventsView       *self,
              int                  row,
              const char          *place,
              const SmtBalanceRow *b,
              gboolean             total)
{
  GtkWidget *label = balance_cell (place, total ? "total" : NULL, 0.0f);

  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  gtk_grid_attach (self->balance_grid, label, BAL_PLACE, row, 1, 1);
  balance_number (self, row, BAL_START, b->start, TRUE, total);
  for (guint k = 0; k < SMT_N_BALANCE_INCREASES; k++)
    balance_number (self, row, BAL_INCREASES + k, b->increases[k],
                    k != SMT_BALANCE_MOVED_IN || b->hamlet_id != 0, total);
  for (guint k = 0; k < SMT_N_BALANCE_DECREASES; k++)
    balance_number (self, row, BAL_DECREASES + k, b->decreases[k],
                    k != SMT_BALANCE_MOVED_OUT || b->hamlet_id != 0, total);
  balance_number (self, row, BAL_END, b->end, TRUE, total);
  for (guint k = 0; k < SMT_N_BALANCE_MOVES; k++)
    balance_number (self, row, BAL_MOVES + k, b->moves[k], TRUE, total);
}

static void
balance_header (SmtEventsView *self,
                const char    *place)
{
  GtkGrid *g = self->balance_grid;

  gtk_grid_attach (g, balance_cell (place, "head", 0.0f), BAL_PLACE, 0, 1, 2);
  /* TRANSLATORS: headings of the balance in Biến động, as in the report */
  gtk_grid_attach (g, balance_cell (C_("changes heading", "At the start"), "head", 0.5f),
                   BAL_START, 0, 1, 2);
  gtk_grid_attach (g, balance_cell (C_("changes heading", "Increases"), "head", 0.5f),
                   BAL_INCREASES, 0, SMT_N_BALANCE_INCREASES, 1);
  gtk_grid_attach (g, balance_cell (C_("changes heading", "Decreases"), "head", 0.5f),
                   BAL_DECREASES, 0, SMT_N_BALANCE_DECREASES, 1);
  gtk_grid_attach (g, balance_cell (C_("changes heading", "At the end"), "head", 0.5f),
                   BAL_END, 0, 1, 2);
  gtk_grid_attach (g, balance_cell (C_("changes heading", "No change in number"), "head", 0.5f),
                   BAL_MOVES, 0, SMT_N_BALANCE_MOVES, 1);
  for (guint k = 0; k < SMT_N_BALANCE_INCREASES; k++)
    gtk_grid_attach (g, balance_cell (smt_balance_increase_label (k), "head", 0.5f),
                     BAL_INCREASES + k, 1, 1, 1);
  for (guint k = 0; k < SMT_N_BALANCE_DECREASES; k++)
    gtk_grid_attach (g, balance_cell (smt_balance_decrease_label (k), "head", 0.5f),
                     BAL_DECREASES + k, 1, 1, 1);
  for (guint k = 0; k < SMT_N_BALANCE_MOVES; k++)
    gtk_grid_attach (g, balance_cell (smt_balance_move_label (k), "head", 0.5f),
                     BAL_MOVES + k, 1, 1, 1);
}

static void
add_row_to (SmtBalanceRow       *sum,
            const SmtBalanceRow *b)
{
  sum->start += b->start;
  sum->end += b->end;
  for (guint k = 0; k < SMT_N_BALANCE_INCREASES; k++)
    sum->increases[k] += b->increases[k];
  for (guint k = 0; k < SMT_N_BALANCE_DECREASES; k++)
    sum->decreases[k] += b->decreases[k];
  for (guint k = 0; k < SMT_N_BALANCE_MOVES; k++)
    sum->moves[k] += b->moves[k];
}

/* The balance of the period chosen: for one organisation its commune row,
 * then its hamlets; for every organisation one row each and the commune
 * as the indicators count it (the scope of members_admitted). */
static gboolean
reload_balance (SmtEventsView  *self,
                GError        **error)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *shown_from = NULL;
  g_autofree char *shown_to = NULL;
  g_autofree char *heading = NULL;
  g_autoptr(SmtPeriod) period = NULL;
  g_autoptr(SmtScope) scope = NULL;
  const SmtOrganisationInfo *org = NULL;
  GtkWidget *child;
  int row = 2;
  guint i;

  self->balance_stale = FALSE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->balance_grid))) != NULL)
    gtk_grid_remove (self->balance_grid, child);
  g_clear_pointer (&self->balance, g_ptr_array_unref);
  if (self->reg == NULL)
    return TRUE;

  period_dates (self, gtk_drop_down_get_selected (self->period_dropdown), &from, &to);
  if (to == NULL)
    to = g_strdup (smt_register_get_today (self->reg));
  /* Since the register began: from before any event, so it starts at 0. */
  period = smt_period_new_range (from != NULL ? from : "1900-01-01", to, error);
  if (period == NULL)
    return FALSE;
  if ((i = gtk_drop_down_get_selected (self->organisation_dropdown)) > 0
      && self->organisations != NULL && i <= self->organisations->len)
    org = g_ptr_array_index (self->organisations, i - 1);
  self->balance = smt_balance_compute (self->reg, period, org != NULL ? org->id : 0, error);
  if (self->balance == NULL)
    return FALSE;

  shown_to = smt_date_to_display (to);
  if (from != NULL)
    {
      shown_from = smt_date_to_display (from);
      /* Translators: the balance's heading: an organisation (or "Các tổ chức"), two dates */
      heading = g_strdup_printf (_("%s, %s – %s: at the start + increases − decreases = at "
                                   "the end"),
                                 org != NULL ? org->name : _("Every organisation"), shown_from,
                                 shown_to);
    }
  else
    /* Translators: the balance's heading from the first record on */
    heading = g_strdup_printf (_("%s, from the start of the register to %s: at the start + "
                                 "increases − decreases = at the end"),
                               org != NULL ? org->name : _("Every organisation"), shown_to);
  gtk_label_set_text (self->balance_heading, heading);

  if (org != NULL)
    {
      balance_header (self, _("Hamlet"));
      for (i = 0; i < self->balance->len; i++)
        {
          const SmtBalanceRow *b = g_ptr_array_index (self->balance, i);

          if (b->hamlet_id != 0)
            balance_line (self, row++, b->hamlet != NULL ? b->hamlet : _("No home in a hamlet"),
                          b, FALSE);
        }
      balance_line (self, row++, _("Whole commune"), g_ptr_array_index (self->balance, 0),
                    TRUE);
      gtk_label_set_text (self->balance_note,
                          _("A hamlet counts the members who live in it: a member who moves "
                            "house leaves one hamlet and comes to another. Members counted by "
                            "membership, working away included, as in the report."));
      return TRUE;
    }

  scope = smt_scope_new (self->reg, smt_catalogue_lookup ("members_admitted", NULL)->scope,
                         error);
  if (scope == NULL)
    return FALSE;
  balance_header (self, _("Organisation"));
  {
    SmtBalanceRow commune = { .hamlet_id = 0 };
    g_autofree char *words = smt_scope_describe (scope);
    g_autofree char *note = NULL;

    for (i = 0; i < self->balance->len; i++)
      {
        const SmtBalanceRow *b = g_ptr_array_index (self->balance, i);

        if (b->hamlet_id != 0)
          continue;
        balance_line (self, row++, b->organisation_name, b, FALSE);
        if (smt_scope_has (scope, b->organisation_id))
          add_row_to (&commune, b);
      }
    balance_line (self, row++, _("Whole commune"), &commune, TRUE);
    /* Translators: %s is "các đoàn thể chính trị - xã hội (Đoàn TN, …)" */
    note = g_strdup_printf (_("The commune row counts %s. Choose an organisation to see its "
                              "hamlets. Members counted by membership, working away included."),
                            words);
    gtk_label_set_text (self->balance_note, note);
  }
  return TRUE;
}

static gboolean
balance_shown (SmtEventsView *self)
{
  /* The stack notifies while the template is being built. */
  if (self->page_stack == NULL || self->kind_dropdown == NULL)
    return FALSE;
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->page_stack), "balance") == 0;
}

static void
on_filter_changed (SmtEventsView *self)
{
  g_autoptr(GError) error = NULL;

  if (self->filling)
    return;
  if (!reload (self, &error))
    gtk_label_set_text (self->summary_label, error->message);
  /* The balance is counted when it is in sight. */
  self->balance_stale = TRUE;
  if (balance_shown (self) && !reload_balance (self, &error))
    gtk_label_set_text (self->balance_heading, error->message);
}

static void
on_page_changed (SmtEventsView *self)
{
  g_autoptr(GError) error = NULL;

  if (self->page_stack == NULL || self->kind_dropdown == NULL)
    return;
  gtk_widget_set_sensitive (GTK_WIDGET (self->kind_dropdown), !balance_shown (self));
  if (balance_shown (self) && self->balance_stale && !reload_balance (self, &error))
    gtk_label_set_text (self->balance_heading, error->message);
}

static void
on_event_activate (SmtEventsView *self,
                   guint          position)
{
  g_autoptr(SmtEventItem) item = g_list_model_get_item (G_LIST_MODEL (self->events), position);

  if (item != NULL)
    smt_view_open_person (GTK_WIDGET (self), smt_event_item_get_row (item)->person_id);
}

/* ---- choosing the person of a new change ------------------------------------------ */

static void
clear_people (SmtEventsView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->person_list))) != NULL)
    gtk_list_box_remove (self->person_list, child);
  g_array_set_size (self->people_found, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->person_list), FALSE);
}

static guint
find_people (SmtEventsView *self,
             const char    *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  SmtPeopleFilter filter = { 0 };
  SmtPersonRow rows[MAX_PEOPLE_FOUND] = { { 0 } };
  guint n;

  clear_people (self);
  if (self->reg == NULL || text == NULL || *text == '\0')
    return 0;
  filter.search = text;
  if ((ids = smt_people_query_ids (self->reg, &filter, &error)) == NULL)
    {
      gtk_list_box_append (self->person_list, gtk_label_new (error->message));
      gtk_widget_set_visible (GTK_WIDGET (self->person_list), TRUE);
      return 0;
    }
  n = MIN (ids->len, MAX_PEOPLE_FOUND);
  if (!smt_people_fetch_rows (self->reg, (const gint64 *) ids->data, n, NULL, rows, &error))
    {
      gtk_list_box_append (self->person_list, gtk_label_new (error->message));
      gtk_widget_set_visible (GTK_WIDGET (self->person_list), TRUE);
      return 0;
    }
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = NULL;

      /* Translators: who is who in the search: "sinh năm 1990 · Ấp Hòa Bình" */
      subtitle = g_strdup_printf (_("born %d · %s"), rows[i].birth_year,
                                  rows[i].hamlet != NULL ? rows[i].hamlet : _("not living here"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rows[i].full_name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_list_box_append (self->person_list, row);
      g_array_append_val (self->people_found, g_array_index (ids, gint64, i));
      smt_person_row_clear (&rows[i]);
    }
  if (ids->len > n)
    {
      g_autofree char *more = smt_format_int (ids->len - n);
      /* Translators: under the people found; %s is a number */
      g_autofree char *text_more = g_strdup_printf (_("and %s more: type more of the name"),
                                                    more);
      GtkWidget *label = gtk_label_new (text_more);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_margin_top (label, 6);
      gtk_widget_set_margin_bottom (label, 6);
      gtk_list_box_append (self->person_list, label);
      gtk_list_box_row_set_activatable (gtk_list_box_get_row_at_index (self->person_list, n),
                                        FALSE);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->person_list), n > 0);
  return ids->len;
}

static void
on_person_search (SmtEventsView *self)
{
  find_people (self, gtk_editable_get_text (GTK_EDITABLE (self->person_entry)));
}

static void
on_popover_show (SmtEventsView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->person_entry), "");
  clear_people (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->person_entry));
}

static void
on_person_chosen (SmtEventsView *self,
                  GtkListBoxRow *row)
{
  smt_events_view_record_for (self, gtk_list_box_row_get_index (row));
}

static void
on_person_entry_activate (SmtEventsView *self)
{
  if (self->people_found->len > 0)
    smt_events_view_record_for (self, 0);
}

/* ---- admitting several people into one branch ---------------------------------------- */

/* The branches existing today, named with their organisation. */
static void
on_bulk_popover_show (SmtEventsView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GtkExpression) expression = NULL;

  g_clear_pointer (&self->branches, g_ptr_array_unref);
  if (self->reg == NULL)
    return;
  self->branches = smt_branches_list (self->reg, 0, NULL, &error);
  if (self->branches == NULL)
    {
      gtk_label_set_text (self->summary_label, error->message);
      return;
    }
  for (guint i = 0; i < self->branches->len; i++)
    {
      const SmtBranchInfo *b = g_ptr_array_index (self->branches, i);
      const char *organisation = "";

      for (guint j = 0; self->organisations != NULL && j < self->organisations->len; j++)
        if (((SmtOrganisationInfo *) g_ptr_array_index (self->organisations, j))->id
            == b->organisation_id)
          organisation = ((SmtOrganisationInfo *)
                          g_ptr_array_index (self->organisations, j))->short_name;
      {
        /* Translators: an organisation and one of its branches in a list */
        g_autofree char *name = g_strdup_printf (_("%s · %s"), organisation, b->name);

        gtk_string_list_append (names, name);
      }
    }
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (self->branch_dropdown, expression);
  gtk_drop_down_set_model (self->branch_dropdown, G_LIST_MODEL (names));
}

static void
on_bulk_clicked (SmtEventsView *self)
{
  smt_events_view_admit_several (self, gtk_drop_down_get_selected (self->branch_dropdown));
}

/* ---- SmtView ----------------------------------------------------------------------- */

static gboolean
fill_choices (SmtEventsView  *self,
              GError        **error)
{
  const char *periods[] = {
    _("This month"), _("Last month"), _("This quarter"), _("This year"), _("Last year"),
    _("The last 12 months"), _("Since the register began"), NULL
  };
  g_autoptr(GtkStringList) period_list = gtk_string_list_new (periods);
  g_autoptr(GtkStringList) organisation_list = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) kind_list = gtk_string_list_new (NULL);

  g_clear_pointer (&self->organisations, g_ptr_array_unref);
  if ((self->organisations = smt_organisations_list (self->reg, error)) == NULL)
    return FALSE;
  gtk_string_list_append (organisation_list, _("All organisations"));
  for (guint i = 0; i < self->organisations->len; i++)
    gtk_string_list_append (organisation_list,
                            ((SmtOrganisationInfo *)
                             g_ptr_array_index (self->organisations, i))->short_name);
  gtk_string_list_append (kind_list, _("Every kind of change"));
  for (int k = 0; k < SMT_N_JOURNAL_KINDS; k++)
    gtk_string_list_append (kind_list, smt_journal_kind_label (k));

  self->filling = TRUE;
  gtk_drop_down_set_model (self->period_dropdown, G_LIST_MODEL (period_list));
  gtk_drop_down_set_model (self->organisation_dropdown, G_LIST_MODEL (organisation_list));
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kind_list));
  gtk_drop_down_set_selected (self->period_dropdown, SMT_EVENTS_LAST_12_MONTHS);
  self->filling = FALSE;
  return TRUE;
}

/* The same register again (after a change): keep the choices. */
static gboolean
smt_events_view_refresh (SmtView      *view,
                         SmtRegister  *reg,
                         GError      **error)
{
  SmtEventsView *self = SMT_EVENTS_VIEW (view);

  if (reg == NULL || reg != self->reg)
    {
      g_list_store_remove_all (self->events);
      gtk_label_set_text (self->summary_label, "");
      g_set_object (&self->reg, reg);
      if (reg == NULL)
        return TRUE;
      if (!fill_choices (self, error))
        return FALSE;
    }
  self->balance_stale = TRUE;
  if (balance_shown (self) && !reload_balance (self, error))
    return FALSE;
  return reload (self, error);
}

static void
smt_events_view_view_init (SmtViewInterface *iface)
{
  iface->refresh = smt_events_view_refresh;
}

/* ---- GObject ----------------------------------------------------------------------- */

static void
smt_events_view_dispose (GObject *object)
{
  SmtEventsView *self = (SmtEventsView *) object;
  GtkWidget *child;

  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SMT_TYPE_EVENTS_VIEW);
  /* The template's top box is not a bound child: unparent it here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->events);
  g_clear_object (&self->reg);
  g_clear_pointer (&self->organisations, g_ptr_array_unref);
  g_clear_pointer (&self->people_found, g_array_unref);
  g_clear_pointer (&self->branches, g_ptr_array_unref);
  g_clear_pointer (&self->balance, g_ptr_array_unref);

  G_OBJECT_CLASS (smt_events_view_parent_class)->dispose (object);
}

static void
smt_events_view_class_init (SmtEventsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = smt_events_view_dispose;

  smt_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
      "/io/github/somattran/SoMatTran/smt-events-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, SmtEventsView, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SmtEventsView, organisation_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SmtEventsView, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SmtEventsView, record_button);
  gtk_widget_class_bind_template_child (widget_class, SmtEventsView, bulk_popover);
  gtk_widget_class_bind_template_child (widget_class, SmtEventsView, branch_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SmtEventsView, person_popover);
  gtk_widget_class_bind_template_child (widget_class, SmtEventsView, person_entry);
  gtk_widget_class_bind_template_child (widget_class, SmtEventsView, person_list);
  gtk_widget_class_bind_template_child (widget_class, SmtEventsView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, SmtEventsView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, SmtEventsView, column_view);
  gtk_widget_class_bind_template_child (widget_class, SmtEventsView, page_stack);
  gtk_widget_class_bind_template_child (widget_class, SmtEventsView, balance_heading);
  gtk_widget_class_bind_template_child (widget_class, SmtEventsView, balance_grid);
  gtk_widget_class_bind_template_child (widget_class, SmtEventsView, balance_note);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_page_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_event_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_person_search);
  gtk_widget_class_bind_template_callback (widget_class, on_popover_show);
  gtk_widget_class_bind_template_callback (widget_class, on_person_chosen);
  gtk_widget_class_bind_template_callback (widget_class, on_person_entry_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_bulk_popover_show);
  gtk_widget_class_bind_template_callback (widget_class, on_bulk_clicked);
}

static void
smt_events_view_init (SmtEventsView *self)
{
  g_autoptr(GtkSingleSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->events = g_list_store_new (SMT_TYPE_EVENT_ITEM);
  self->people_found = g_array_new (FALSE, FALSE, sizeof (gint64));
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->events)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  add_columns (self);
  clear_people (self);
}

/* ---- for the tests ----------------------------------------------------------------- */

void
smt_events_view_choose (SmtEventsView   *self,
                        SmtEventsPeriod  period,
                        gint64           organisation_id,
                        int              kind)
{
  guint organisation = 0;

  g_return_if_fail (SMT_IS_EVENTS_VIEW (self));

  for (guint i = 0; self->organisations != NULL && i < self->organisations->len; i++)
    if (((SmtOrganisationInfo *) g_ptr_array_index (self->organisations, i))->id
        == organisation_id)
      organisation = i + 1;
  self->filling = TRUE;
  gtk_drop_down_set_selected (self->period_dropdown, period);
  gtk_drop_down_set_selected (self->organisation_dropdown, organisation);
  gtk_drop_down_set_selected (self->kind_dropdown, kind >= 0 ? (guint) kind + 1 : 0);
  self->filling = FALSE;
  on_filter_changed (self);
}

GListModel *
smt_events_view_get_model (SmtEventsView *self)
{
  g_return_val_if_fail (SMT_IS_EVENTS_VIEW (self), NULL);
  return G_LIST_MODEL (self->events);
}

const char *
smt_events_view_get_summary (SmtEventsView *self)
{
  g_return_val_if_fail (SMT_IS_EVENTS_VIEW (self), NULL);
  return gtk_label_get_text (self->summary_label);
}

void
smt_events_view_show_balance (SmtEventsView *self,
                              gboolean       shown)
{
  g_return_if_fail (SMT_IS_EVENTS_VIEW (self));
  gtk_stack_set_visible_child_name (self->page_stack, shown ? "balance" : "journal");
}

GPtrArray *
smt_events_view_get_balance (SmtEventsView *self)
{
  g_return_val_if_fail (SMT_IS_EVENTS_VIEW (self), NULL);
  return self->balance;
}

guint
smt_events_view_find_person (SmtEventsView *self,
                             const char    *text)
{
  g_return_val_if_fail (SMT_IS_EVENTS_VIEW (self), 0);
  return find_people (self, text);
}

/* The key of a person found by the last search; 0 past the end. */
gint64
smt_events_view_get_found (SmtEventsView *self,
                           guint          position)
{
  g_return_val_if_fail (SMT_IS_EVENTS_VIEW (self), 0);

  if (position >= self->people_found->len)
    return 0;
  return g_array_index (self->people_found, gint64, position);
}

/**
 * smt_events_view_record_for:
 * @self: the view
 * @position: a person found by the last search
 *
 * Opens the person's page and on it the dialog that records a change, as
 * choosing them in the "Ghi biến động…" popover does.
 *
 * Returns: (transfer none) (nullable): the dialog
 */
GtkWindow *
smt_events_view_record_for (SmtEventsView *self,
                            guint          position)
{
  SmtViewHost *host;
  GtkWindow *page;

  g_return_val_if_fail (SMT_IS_EVENTS_VIEW (self), NULL);

  host = smt_view_find_host (GTK_WIDGET (self));
  if (position >= self->people_found->len || host == NULL)
    return NULL;
  gtk_popover_popdown (self->person_popover);
  page = smt_view_host_open_person (host,
                                    g_array_index (self->people_found, gint64, position));
  if (page == NULL)
    return NULL;
  return smt_person_window_record_event (SMT_PERSON_WINDOW (page));
}

/**
 * smt_events_view_admit_several:
 * @self: the view
 * @position: a branch of the "Kết nạp nhiều người…" list (read when the
 *   popover was last shown)
 *
 * Opens the dialog that admits several people into that branch at once.
 *
 * Returns: (transfer none) (nullable): the dialog
 */
GtkWindow *
smt_events_view_admit_several (SmtEventsView *self,
                               guint          position)
{
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  SmtBulkAdmitDialog *dialog;

  g_return_val_if_fail (SMT_IS_EVENTS_VIEW (self), NULL);

  if (self->branches == NULL || position >= self->branches->len || self->reg == NULL)
    return NULL;
  gtk_popover_popdown (self->bulk_popover);
  dialog = smt_bulk_admit_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->reg,
                                      g_ptr_array_index (self->branches, position), &error);
  if (dialog == NULL)
    {
      gtk_label_set_text (self->summary_label, error->message);
      return NULL;
    }
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

/* Shows the branches as the popover does; returns how many. */
guint
smt_events_view_list_branches (SmtEventsView *self)
{
  g_return_val_if_fail (SMT_IS_EVENTS_VIEW (self), 0);

  on_bulk_popover_show (self);
  return self->branches != NULL ? self->branches->len : 0;
}
