/* smt-window.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gi18n.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "core/organisations/smt-membership.h"
#include "core/organisations/smt-organisation-query.h"
#include "core/people/smt-people-query.h"
#include "core/register/smt-date.h"
#include "core/register/smt-format.h"
#include "core/setup/smt-setup.h"

#include "gui/assistants/smt-import-assistant.h"
#include "gui/base/smt-gui.h"
#include "gui/base/smt-view.h"
#include "gui/dialogs/smt-person-dialog.h"
#include "gui/models/smt-people-model.h"
#include "gui/models/smt-person-item.h"
#include "gui/views/smt-events-view.h"
#include "gui/views/smt-indicators-view.h"
#include "gui/views/smt-meetings-view.h"
#include "gui/views/smt-organisations-view.h"
#include "gui/views/smt-overview-view.h"
#include "gui/views/smt-person-window.h"
#include "gui/views/smt-ratings-view.h"
#include "gui/views/smt-reports-view.h"
#include "gui/views/smt-settings-view.h"
#include "smt-application-private.h"
#include "smt-window-private.h"

struct _SmtWindow
{
  AdwApplicationWindow parent_instance;

  /* template widgets */
  AdwWindowTitle     *window_title;
  GtkSearchEntry     *search_entry;
  GtkStack           *main_stack;
  AdwStatusPage      *loading_page;
  GtkProgressBar     *progress_bar;
  AdwStatusPage      *error_page;
  AdwToastOverlay    *toast_overlay;
  GtkRevealer        *demo_banner;
  GtkStack           *view_stack;
  SmtOverviewView    *overview_view;
  SmtOrganisationsView *organisations_view;
  GtkStack           *list_stack;
  GtkDropDown        *hamlet_filter;
  GtkDropDown        *organisation_filter;
  GtkDropDown        *status_filter;
  GtkDropDown        *sex_filter;
  GtkSpinButton      *age_min_filter;
  GtkSpinButton      *age_max_filter;
  GtkDropDown        *party_filter;
  GtkLabel           *filter_label;
  GtkWidget          *clear_filter_button;
  GtkColumnView      *column_view;
  AdwStatusPage      *empty_page;
  GtkLabel           *status_label;

  /* owned references */
  SmtRegister        *reg;
  SmtPeopleModel     *model;
  GtkSingleSelection *selection;
  GPtrArray          *hamlets;        /* SmtHamletInfo, as hamlet_filter lists them after "all" */
  GPtrArray          *organisations;  /* SmtOrganisationInfo, likewise */
  gboolean            filling;        /* setting the filters up: no query */
  int                 probed;         /* the column a sorter probe reached, or -1 */
  GMenu              *recent_submenu;
  guint               first_refresh_id;  /* the view in sight, after the first frame */
  gulong              first_paint_id;
  gulong              first_map_id;

  /* The last change recorded in this session; NULL: none. */
  SmtUndoFunc         undo;
  gpointer            undo_data;
  GDestroyNotify      undo_destroy;
};

static void smt_window_view_host_init (SmtViewHostInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SmtWindow, smt_window, ADW_TYPE_APPLICATION_WINDOW,
                               G_IMPLEMENT_INTERFACE (SMT_TYPE_VIEW_HOST,
                                                      smt_window_view_host_init))

/* ---- the people columns ---------------------------------------------------- */

typedef enum
{
  COLUMN_NAME,
  COLUMN_BIRTH_YEAR,
  COLUMN_SEX,
  COLUMN_HAMLET,
  COLUMN_ORGANISATIONS,
  N_COLUMNS
} Column;

/* Fixed widths: GTK 4.8 sizes a column from the rows bound at the moment,
 * so natural widths would make the columns jump while scrolling. */
/* A view shows the register as it was when it was last refreshed; one
 * that is out of date is refreshed when it comes into sight. */
static GQuark
stale_quark (void)
{
  return g_quark_from_static_string ("smt-view-stale");
}

static gboolean
refresh_view (SmtWindow  *self,
              GtkWidget  *view,
              GError    **error)
{
  g_object_set_qdata (G_OBJECT (view), stale_quark (), NULL);
  return smt_view_refresh (SMT_VIEW (view), self->reg, error);
}

static void
clear_undo (SmtWindow *self)
{
  if (self->undo_destroy != NULL)
    self->undo_destroy (self->undo_data);
  self->undo = NULL;
  self->undo_data = NULL;
  self->undo_destroy = NULL;
}

static void
cancel_first_refresh (SmtWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  g_clear_handle_id (&self->first_refresh_id, g_source_remove);
  if (self->first_paint_id != 0 && clock != NULL)
    g_signal_handler_disconnect (clock, self->first_paint_id);
  self->first_paint_id = 0;
  g_clear_signal_handler (&self->first_map_id, self);
}

static void schedule_first_refresh (SmtWindow *self);

static void
on_first_map (SmtWindow *self)
{
  g_clear_signal_handler (&self->first_map_id, self);
  schedule_first_refresh (self);
}

static gboolean
first_refresh_cb (gpointer data)
{
  SmtWindow *self = data;
  g_autoptr(GError) error = NULL;
  GtkWidget *visible = gtk_stack_get_visible_child (self->view_stack);

  self->first_refresh_id = 0;
  if (self->reg != NULL && visible != NULL && SMT_IS_VIEW (visible)
      && g_object_get_qdata (G_OBJECT (visible), stale_quark ()) != NULL
      && !refresh_view (self, visible, &error))
    smt_window_show_error (self, _("Cannot Read the Register"), error);
#ifdef __GLIBC__
  /* Counting the start page reads and drops large arrays; give the freed
   * memory back to the system, which glibc keeps otherwise. */
  malloc_trim (0);
#endif
  return G_SOURCE_REMOVE;
}

static void
on_first_paint (GdkFrameClock *clock,
                SmtWindow     *self)
{
  g_signal_handler_disconnect (clock, self->first_paint_id);
  self->first_paint_id = 0;
  if (self->first_refresh_id == 0)
    self->first_refresh_id = g_idle_add (first_refresh_cb, self);
}

/* A register just opened shows its window at once: the start page is
 * counted (a third of a second at 100.000 people, reading the facts) after
 * the first frame, which says "Counting…". */
static void
schedule_first_refresh (SmtWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  cancel_first_refresh (self);
  if (clock == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      /* Not on screen yet: counted after its first frame. */
      self->first_map_id = g_signal_connect (self, "map", G_CALLBACK (on_first_map), NULL);
      return;
    }
  self->first_paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_first_paint),
                                           self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static const struct
{
  const char *title;
  int         fixed_width;
  gboolean    expand;
  gboolean    numeric;
} columns[N_COLUMNS] = {
  [COLUMN_NAME]          = { N_("Full Name"),     280, FALSE, FALSE },
  [COLUMN_BIRTH_YEAR]    = { N_("Birth Year"),    100, FALSE, TRUE  },
  [COLUMN_SEX]           = { N_("Sex"),            90, FALSE, FALSE },
  [COLUMN_HAMLET]        = { N_("Hamlet"),        190, FALSE, FALSE },
  [COLUMN_ORGANISATIONS] = { N_("Organisations"),  -1, TRUE,  FALSE },
};

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  Column column = GPOINTER_TO_UINT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (columns[column].numeric)
    gtk_widget_add_css_class (label, "numeric");
  else
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  Column column = GPOINTER_TO_UINT (user_data);
  SmtPersonItem *item = gtk_list_item_get_item (list_item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (list_item));
  char year[16];

  switch (column)
    {
    case COLUMN_NAME:
      gtk_label_set_text (label, smt_person_item_get_full_name (item));
      if (smt_person_item_get_deceased (item))
        gtk_widget_add_css_class (GTK_WIDGET (label), "deceased");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (label), "deceased");
      break;

    case COLUMN_BIRTH_YEAR:
      /* A year, not a quantity: no thousands separator. */
      if (smt_person_item_get_birth_year (item) > 0)
        g_snprintf (year, sizeof year, "%d", smt_person_item_get_birth_year (item));
      else
        year[0] = '\0';
      gtk_label_set_text (label, year);
      break;

    case COLUMN_SEX:
      gtk_label_set_text (label, smt_person_item_get_sex_label (item));
      break;

    case COLUMN_HAMLET:
      gtk_label_set_text (label, smt_person_item_get_hamlet (item));
      break;

    case COLUMN_ORGANISATIONS:
      gtk_label_set_text (label, smt_person_item_get_organisations (item));
      break;

    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

/* Sorting. The list is the core's, not a GtkSortListModel, so a click on a
 * header must become an SmtPeopleOrder. GTK 4.8 cannot say which column
 * the view sorts by (that API came in 4.10), so each sortable column gets
 * a sorter that only records it was asked: comparing two items with the
 * view's sorter reaches the primary column's sorter first, and the sign of
 * the answer gives the direction. */
static const SmtPeopleOrder column_order[N_COLUMNS] = {
  [COLUMN_NAME]          = SMT_PEOPLE_ORDER_NAME,
  [COLUMN_BIRTH_YEAR]    = SMT_PEOPLE_ORDER_BIRTH_YEAR,
  [COLUMN_SEX]           = SMT_PEOPLE_ORDER_SEX,
  [COLUMN_HAMLET]        = SMT_PEOPLE_ORDER_HAMLET,
  [COLUMN_ORGANISATIONS] = -1,
};

typedef struct
{
  SmtWindow *self;
  int        column;
} Probe;

static int
probe_compare (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  Probe *probe = data;

  if (probe->self->probed < 0)
    probe->self->probed = probe->column;
  return GTK_ORDERING_SMALLER;
}

static void on_filter_changed (SmtWindow *self);

static void
on_sort_changed (SmtWindow *self)
{
  on_filter_changed (self);
}

/* The order the column headers ask for. */
static SmtPeopleOrder
sort_order (SmtWindow *self,
            gboolean  *descending)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (self->column_view);
  g_autoptr(GObject) a = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(GObject) b = g_object_new (G_TYPE_OBJECT, NULL);
  GtkOrdering answer;

  *descending = FALSE;
  if (sorter == NULL)
    return SMT_PEOPLE_ORDER_NAME;
  self->probed = -1;
  answer = gtk_sorter_compare (sorter, a, b);
  if (self->probed < 0 || column_order[self->probed] == (SmtPeopleOrder) -1)
    return SMT_PEOPLE_ORDER_NAME;
  *descending = answer == GTK_ORDERING_LARGER;
  return column_order[self->probed];
}

static void
add_columns (SmtWindow *self)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GUINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GUINT_TO_POINTER (i));
      column = gtk_column_view_column_new (_(columns[i].title), g_object_ref (factory));
      gtk_column_view_column_set_fixed_width (column, columns[i].fixed_width);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_column_set_resizable (column, TRUE);
      if (column_order[i] != (SmtPeopleOrder) -1)
        {
          Probe *probe = g_new0 (Probe, 1);
          g_autoptr(GtkSorter) sorter = NULL;

          probe->self = self;
          probe->column = i;
          sorter = GTK_SORTER (gtk_custom_sorter_new (probe_compare, probe, g_free));
          gtk_column_view_column_set_sorter (column, sorter);
        }
      gtk_column_view_append_column (self->column_view, column);
    }
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (on_sort_changed), self, G_CONNECT_SWAPPED);
}

/* ---- what the window shows --------------------------------------------------- */

static void
update_list_state (SmtWindow *self)
{
  const char *search = smt_people_model_get_search (self->model);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  guint total = smt_people_count (self->reg);
  g_autofree char *n_text = smt_format_int (n);
  g_autofree char *total_text = smt_format_int (total);
  g_autofree char *status = NULL;

  /* Found by a search or a filter: how many of all. */
  if (search != NULL || gtk_label_get_text (self->filter_label)[0] != '\0')
    /* Translators: "12 of 2.000 people": people found by a search, of all. */
    status = g_strdup_printf (ngettext ("%s of %s person", "%s of %s people", total),
                              n_text, total_text);
  else
    status = g_strdup_printf (ngettext ("%s person", "%s people", total), total_text);
  gtk_label_set_text (self->status_label, status);

  if (n > 0)
    {
      gtk_stack_set_visible_child_name (self->list_stack, "list");
    }
  else if (search != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (search, -1);
      g_autofree char *description =
        g_strdup_printf (_("No one’s name contains “%s”. Check the spelling, or type fewer "
                           "words. Diacritics do not matter."), escaped);

      adw_status_page_set_icon_name (self->empty_page, "system-search-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Results Found"));
      adw_status_page_set_description (self->empty_page, description);
      gtk_stack_set_visible_child_name (self->list_stack, "empty");
    }
  else
    {
      adw_status_page_set_icon_name (self->empty_page, "system-users-symbolic");
      adw_status_page_set_title (self->empty_page, _("No People Yet"));
      adw_status_page_set_description (self->empty_page,
                                       _("This register has no people in it yet."));
      gtk_stack_set_visible_child_name (self->list_stack, "empty");
    }
}

static void
apply_search (SmtWindow *self)
{
  g_autoptr(GError) error = NULL;
  const char *text;
  GtkAdjustment *vadjustment;

  if (self->model == NULL)
    return;

  text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  /* On items-changed, GtkSingleSelection looks for a selected item that was
   * removed among all the added items, which would fetch every row. */
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  if (!smt_people_model_set_search (self->model, text, &error))
    {
      smt_window_show_error (self, _("Cannot Search the Register"), error);
      return;
    }

  /* A new list starts at its top (GTK 4.8 has no scroll_to). */
  vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->column_view));
  if (vadjustment != NULL)
    gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_lower (vadjustment));

  update_list_state (self);
}

static void
on_search_changed (SmtWindow      *self,
                   GtkSearchEntry *entry)
{
  /* Typing a name anywhere looks for that person. */
  if (gtk_editable_get_text (GTK_EDITABLE (entry))[0] != '\0')
    gtk_stack_set_visible_child_name (self->view_stack, "people");
  apply_search (self);
}

/* A view out of date is refreshed when it comes into sight. */
static void
on_view_changed (SmtWindow  *self,
                 GParamSpec *pspec,
                 GtkStack   *stack)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *view = gtk_stack_get_visible_child (stack);

  if (self->reg == NULL || view == NULL || !SMT_IS_VIEW (view)
      || g_object_get_qdata (G_OBJECT (view), stale_quark ()) == NULL)
    return;
  if (!refresh_view (self, view, &error))
    smt_window_show_error (self, _("Cannot Read the Register"), error);
}

static void
on_stop_search (SmtWindow      *self,
                GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
on_search_activate (SmtWindow      *self,
                    GtkSearchEntry *entry)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0)
    gtk_widget_child_focus (GTK_WIDGET (self->column_view), GTK_DIR_TAB_FORWARD);
}

/* ---- the people filters ------------------------------------------------------- */

static const SmtPeopleStatus statuses[] = {
  SMT_PEOPLE_STATUS_ANY, SMT_PEOPLE_STATUS_ACTIVE, SMT_PEOPLE_STATUS_AWAY,
  SMT_PEOPLE_STATUS_LEFT, SMT_PEOPLE_STATUS_NEVER, SMT_PEOPLE_STATUS_MEMBER,
};

static void
set_strings (GtkDropDown        *dropdown,
             const char * const *strings)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (strings);

  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (dropdown, 0);
}

/* The choices of the filters for a register; all set to "any". */
static gboolean
fill_filters (SmtWindow  *self,
              GError    **error)
{
  const char *statuses_text[] = {
    _("Any"), _("Active member"), _("Working away"), _("Former member"), _("Never a member"),
    _("Member, working away or not"), NULL
  };
  const char *sexes[] = { _("Men and women"), C_("sex", "Male"), C_("sex", "Female"), NULL };
  const char *parties[] = { _("Any"), _("Party members"), _("Not Party members"), NULL };
  g_autoptr(GtkStringList) hamlets = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) organisations = gtk_string_list_new (NULL);

  g_clear_pointer (&self->hamlets, g_ptr_array_unref);
  g_clear_pointer (&self->organisations, g_ptr_array_unref);
  self->hamlets = smt_hamlets_list (self->reg, error);
  if (self->hamlets == NULL)
    return FALSE;
  self->organisations = smt_organisations_list (self->reg, error);
  if (self->organisations == NULL)
    return FALSE;

  self->filling = TRUE;
  gtk_string_list_append (hamlets, _("All hamlets"));
  for (guint i = 0; i < self->hamlets->len; i++)
    gtk_string_list_append (hamlets, ((SmtHamletInfo *) g_ptr_array_index (self->hamlets, i))->name);
  gtk_drop_down_set_model (self->hamlet_filter, G_LIST_MODEL (hamlets));
  gtk_drop_down_set_selected (self->hamlet_filter, 0);
  gtk_string_list_append (organisations, _("All organisations"));
  for (guint i = 0; i < self->organisations->len; i++)
    gtk_string_list_append (organisations,
                            ((SmtOrganisationInfo *) g_ptr_array_index (self->organisations,
                                                                         i))->name);
  gtk_drop_down_set_model (self->organisation_filter, G_LIST_MODEL (organisations));
  gtk_drop_down_set_selected (self->organisation_filter, 0);
  set_strings (self->status_filter, statuses_text);
  set_strings (self->sex_filter, sexes);
  set_strings (self->party_filter, parties);
  gtk_spin_button_set_value (self->age_min_filter, 0);
  gtk_spin_button_set_value (self->age_max_filter, 0);
  gtk_label_set_text (self->filter_label, "");
  gtk_widget_set_visible (self->clear_filter_button, FALSE);
  self->filling = FALSE;
  return TRUE;
}

static const char *
selected_string (GtkDropDown *dropdown)
{
  GObject *item = gtk_drop_down_get_selected_item (dropdown);

  return item != NULL ? gtk_string_object_get_string (GTK_STRING_OBJECT (item)) : "";
}

static void
on_filter_changed (SmtWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *summary = NULL;
  SmtPeopleFilter filter = { 0 };
  guint i;

  if (self->filling || self->model == NULL)
    return;

  if ((i = gtk_drop_down_get_selected (self->hamlet_filter)) > 0 && i <= self->hamlets->len)
    {
      filter.hamlet_id = ((SmtHamletInfo *) g_ptr_array_index (self->hamlets, i - 1))->id;
      g_ptr_array_add (parts, g_strdup (selected_string (self->hamlet_filter)));
    }
  if ((i = gtk_drop_down_get_selected (self->organisation_filter)) > 0
      && i <= self->organisations->len)
    {
      const SmtOrganisationInfo *org = g_ptr_array_index (self->organisations, i - 1);

      filter.organisation_id = org->id;
      g_ptr_array_add (parts, g_strdup (org->short_name));
    }
  if ((i = gtk_drop_down_get_selected (self->status_filter)) > 0 && i < G_N_ELEMENTS (statuses))
    {
      filter.status = statuses[i];
      g_ptr_array_add (parts, g_strdup (selected_string (self->status_filter)));
    }
  if ((i = gtk_drop_down_get_selected (self->sex_filter)) > 0)
    {
      filter.sex = i == 1 ? 'M' : 'F';
      g_ptr_array_add (parts, g_strdup (selected_string (self->sex_filter)));
    }
  filter.age_min = gtk_spin_button_get_value_as_int (self->age_min_filter);
  filter.age_max = gtk_spin_button_get_value_as_int (self->age_max_filter);
  if (filter.age_min > 0 && filter.age_max > 0)
    /* Translators: an age range, "18–30 tuổi" */
    g_ptr_array_add (parts, g_strdup_printf (_("%d–%d years old"), filter.age_min,
                                             filter.age_max));
  else if (filter.age_min > 0)
    /* Translators: "từ 60 tuổi" */
    g_ptr_array_add (parts, g_strdup_printf (_("from %d years old"), filter.age_min));
  else if (filter.age_max > 0)
    /* Translators: "đến 30 tuổi" */
    g_ptr_array_add (parts, g_strdup_printf (_("up to %d years old"), filter.age_max));
  if ((i = gtk_drop_down_get_selected (self->party_filter)) > 0)
    {
      filter.party = i == 1 ? SMT_PEOPLE_PARTY_YES : SMT_PEOPLE_PARTY_NO;
      g_ptr_array_add (parts, g_strdup (selected_string (self->party_filter)));
    }

  filter.order = sort_order (self, &filter.descending);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  if (!smt_people_model_set_filter (self->model, &filter, &error))
    {
      smt_window_show_error (self, _("Cannot Search the Register"), error);
      return;
    }
  g_ptr_array_add (parts, NULL);
  summary = g_strjoinv (" · ", (char **) parts->pdata);
  gtk_label_set_text (self->filter_label, summary);
  gtk_widget_set_visible (self->clear_filter_button, summary[0] != '\0');
  update_list_state (self);
}

static void
on_clear_filters (SmtWindow *self)
{
  self->filling = TRUE;
  gtk_drop_down_set_selected (self->hamlet_filter, 0);
  gtk_drop_down_set_selected (self->organisation_filter, 0);
  gtk_drop_down_set_selected (self->status_filter, 0);
  gtk_drop_down_set_selected (self->sex_filter, 0);
  gtk_drop_down_set_selected (self->party_filter, 0);
  gtk_spin_button_set_value (self->age_min_filter, 0);
  gtk_spin_button_set_value (self->age_max_filter, 0);
  self->filling = FALSE;
  on_filter_changed (self);
}

/* Enter or a double click on a person opens their page. */
static void
on_person_activate (SmtWindow     *self,
                    guint          position,
                    GtkColumnView *view)
{
  gint64 id;

  if (self->model == NULL)
    return;
  id = smt_people_model_get_id (self->model, position);
  if (id != 0)
    smt_window_open_person (self, id);
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SmtWindow *self = SMT_WINDOW (widget);

  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->search_entry)))
    return;
  gtk_stack_set_visible_child_name (self->view_stack, "people");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

/* ---- the lines of Tổng quan open their lists ------------------------------------- */

/* view.show "ratings": shows a view of the sidebar. */
static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SmtWindow *self = SMT_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (gtk_stack_get_child_by_name (self->view_stack, name) != NULL)
    gtk_stack_set_visible_child_name (self->view_stack, name);
}

/* view.people (organisation, status): the people list with only those
 * filters on, and no search. */
static void
show_people_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SmtWindow *self = SMT_WINDOW (widget);
  gint64 organisation_id;
  guint32 status;
  guint organisation = 0, status_index = 0;

  if (self->reg == NULL)
    return;
  g_variant_get (parameter, "(xu)", &organisation_id, &status);
  for (guint i = 0; self->organisations != NULL && i < self->organisations->len; i++)
    if (((SmtOrganisationInfo *) g_ptr_array_index (self->organisations, i))->id
        == organisation_id)
      organisation = i + 1;
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    if (statuses[i] == (SmtPeopleStatus) status)
      status_index = i;

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  self->filling = TRUE;
  gtk_drop_down_set_selected (self->hamlet_filter, 0);
  gtk_drop_down_set_selected (self->organisation_filter, organisation);
  gtk_drop_down_set_selected (self->status_filter, status_index);
  gtk_drop_down_set_selected (self->sex_filter, 0);
  gtk_drop_down_set_selected (self->party_filter, 0);
  gtk_spin_button_set_value (self->age_min_filter, 0);
  gtk_spin_button_set_value (self->age_max_filter, 0);
  self->filling = FALSE;
  on_filter_changed (self);
  gtk_stack_set_visible_child_name (self->view_stack, "people");
}

/* view.person id: the person's page. */
static void
open_person_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SmtWindow *self = SMT_WINDOW (widget);

  if (self->reg != NULL)
    smt_window_open_person (self, g_variant_get_int64 (parameter));
}

/* view.meeting branch: Sinh hoạt, this month's meetings of the branch, with
 * the form to record one. */
static void
show_meeting_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SmtWindow *self = SMT_WINDOW (widget);
  SmtMeetingsView *view;
  const char *today;

  if (self->reg == NULL)
    return;
  today = smt_register_get_today (self->reg);
  gtk_stack_set_visible_child_name (self->view_stack, "meetings");
  view = SMT_MEETINGS_VIEW (gtk_stack_get_child_by_name (self->view_stack, "meetings"));
  smt_meetings_view_set_year (view, (int) g_ascii_strtoll (today, NULL, 10));
  smt_meetings_view_open_cell (view, g_variant_get_int64 (parameter),
                               (int) g_ascii_strtoll (today + 5, NULL, 10));
}

/* view.branch (organisation, branch): the branch in Tổ chức và chi hội. */
static void
show_branch_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SmtWindow *self = SMT_WINDOW (widget);
  gint64 organisation_id, branch_id;

  if (self->reg == NULL)
    return;
  g_variant_get (parameter, "(xx)", &organisation_id, &branch_id);
  gtk_stack_set_visible_child_name (self->view_stack, "organisations");
  smt_organisations_view_select (self->organisations_view, organisation_id, branch_id);
}

/* A new person saved: their page opens over the list, which shows them. */
static void
on_new_person_saved (SmtWindow       *self,
                     gint64           person_id,
                     SmtPersonDialog *dialog)
{
  smt_window_open_person (self, person_id);
}

/* win.new-person (Ctrl+N, the + button): the dialog of a new person. */
static void
new_person_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  SmtWindow *self = SMT_WINDOW (user_data);
  g_autoptr(GError) error = NULL;
  SmtPersonDialog *dialog;

  if (self->reg == NULL)
    return;
  dialog = smt_person_dialog_new (GTK_WINDOW (self), self->reg, 0, &error);
  if (dialog == NULL)
    {
      GtkWidget *message = adw_message_dialog_new (GTK_WINDOW (self), _("Cannot Add a Person"),
                                                   error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (message));
      return;
    }
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_new_person_saved), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* win.import (the main menu, Người và hộ, Tổ chức và chi hội, the end of
 * the new-register assistant): the import assistant over the window. */
static void
import_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  SmtWindow *self = SMT_WINDOW (user_data);
  SmtImportAssistant *assistant;

  if (self->reg == NULL)
    return;
  assistant = smt_import_assistant_new (GTK_WINDOW (self), self->reg);
  if (gtk_stack_get_visible_child (self->view_stack) == GTK_WIDGET (self->organisations_view))
    smt_import_assistant_set_organisation_id (
        assistant, smt_organisations_view_get_organisation_id (self->organisations_view));
  gtk_window_present (GTK_WINDOW (assistant));
}

/* ---- GObject ----------------------------------------------------------------- */

static void
smt_window_dispose (GObject *object)
{
  SmtWindow *self = (SmtWindow *) object;

  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->reg);
  g_clear_pointer (&self->hamlets, g_ptr_array_unref);
  g_clear_pointer (&self->organisations, g_ptr_array_unref);
  clear_undo (self);
  cancel_first_refresh (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), SMT_TYPE_WINDOW);

  G_OBJECT_CLASS (smt_window_parent_class)->dispose (object);
}

/* GTK 4.8's Vietnamese catalogue lacks the shortcuts window's own title
 * ("Shortcuts"); put ours in the labels that show it. */
static void
translate_overlay_title (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child)
          && g_strcmp0 (gtk_label_get_label (GTK_LABEL (child)), "Shortcuts") == 0)
        gtk_label_set_label (GTK_LABEL (child), C_("shortcut window", "Keyboard Shortcuts"));
      translate_overlay_title (child);
    }
}

/* The application gives the window its help overlay (Ctrl+?) once the
 * window is added to it; the overlay is translated when the window is
 * first shown. */
static void
smt_window_realize (GtkWidget *widget)
{
  GtkShortcutsWindow *overlay;

  GTK_WIDGET_CLASS (smt_window_parent_class)->realize (widget);

  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (widget));
  if (overlay != NULL)
    translate_overlay_title (GTK_WIDGET (overlay));
}

/* The recent registers of the menu are the application's. */
static void
smt_window_constructed (GObject *object)
{
  SmtWindow *self = (SmtWindow *) object;
  GtkApplication *app;

  G_OBJECT_CLASS (smt_window_parent_class)->constructed (object);

  app = gtk_window_get_application (GTK_WINDOW (self));
  if (SMT_IS_APPLICATION (app))
    g_menu_append_section (self->recent_submenu, NULL,
                           smt_application_get_recent_menu (SMT_APPLICATION (app)));
}

static void
smt_window_class_init (SmtWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = smt_window_constructed;
  object_class->dispose = smt_window_dispose;
  widget_class->realize = smt_window_realize;

  smt_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/somattran/SoMatTran/smt-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SmtWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, SmtWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SmtWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, SmtWindow, loading_page);
  gtk_widget_class_bind_template_child (widget_class, SmtWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, SmtWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, SmtWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SmtWindow, demo_banner);
  gtk_widget_class_bind_template_child (widget_class, SmtWindow, recent_submenu);
  gtk_widget_class_bind_template_child (widget_class, SmtWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, SmtWindow, overview_view);
  gtk_widget_class_bind_template_child (widget_class, SmtWindow, organisations_view);
  gtk_widget_class_bind_template_child (widget_class, SmtWindow, list_stack);
  gtk_widget_class_bind_template_child (widget_class, SmtWindow, hamlet_filter);
  gtk_widget_class_bind_template_child (widget_class, SmtWindow, organisation_filter);
  gtk_widget_class_bind_template_child (widget_class, SmtWindow, status_filter);
  gtk_widget_class_bind_template_child (widget_class, SmtWindow, sex_filter);
  gtk_widget_class_bind_template_child (widget_class, SmtWindow, age_min_filter);
  gtk_widget_class_bind_template_child (widget_class, SmtWindow, age_max_filter);
  gtk_widget_class_bind_template_child (widget_class, SmtWindow, party_filter);
  gtk_widget_class_bind_template_child (widget_class, SmtWindow, filter_label);
  gtk_widget_class_bind_template_child (widget_class, SmtWindow, clear_filter_button);
  gtk_widget_class_bind_template_child (widget_class, SmtWindow, column_view);
  gtk_widget_class_bind_template_child (widget_class, SmtWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, SmtWindow, status_label);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_view_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_person_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_filters);

  gtk_widget_class_install_action (widget_class, "people.search", NULL, focus_search_action);
  gtk_widget_class_install_action (widget_class, "view.show", "s", show_view_action);
  gtk_widget_class_install_action (widget_class, "view.people", "(xu)", show_people_action);
  gtk_widget_class_install_action (widget_class, "view.person", "x", open_person_action);
  gtk_widget_class_install_action (widget_class, "view.branch", "(xx)", show_branch_action);
  gtk_widget_class_install_action (widget_class, "view.meeting", "x", show_meeting_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "people.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new-person", NULL);
}

static void
smt_window_init (SmtWindow *self)
{
  static const GActionEntry win_actions[] = {
    { .name = "new-person", .activate = new_person_activated },
    { .name = "import", .activate = import_activated },
  };

  g_type_ensure (SMT_TYPE_OVERVIEW_VIEW);
  g_type_ensure (SMT_TYPE_ORGANISATIONS_VIEW);
  g_type_ensure (SMT_TYPE_EVENTS_VIEW);
  g_type_ensure (SMT_TYPE_INDICATORS_VIEW);
  g_type_ensure (SMT_TYPE_MEETINGS_VIEW);
  g_type_ensure (SMT_TYPE_RATINGS_VIEW);
  g_type_ensure (SMT_TYPE_SETTINGS_VIEW);
  g_type_ensure (SMT_TYPE_REPORTS_VIEW);
  gtk_widget_init_template (GTK_WIDGET (self));

  add_columns (self);
  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions, G_N_ELEMENTS (win_actions),
                                   self);
  /* Typing anywhere in the window searches, as in Files. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  /* A search costs about 0,1 s at 100.000 people: wait 50 ms for the next
   * keystroke of a word (GTK waits 150), so a name typed at an office pace
   * is searched once or twice and the list follows the typing closely. */
  gtk_search_entry_set_search_delay (self->search_entry, 50);
}

/* ---- public ------------------------------------------------------------------ */

SmtWindow *
smt_window_new (GtkApplication *application)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);

  return g_object_new (SMT_TYPE_WINDOW, "application", application, NULL);
}

SmtRegister *
smt_window_get_register (SmtWindow *self)
{
  g_return_val_if_fail (SMT_IS_WINDOW (self), NULL);
  return self->reg;
}

/**
 * smt_window_set_register:
 * @self: a window
 * @reg: (nullable): an open register, or %NULL to close it
 *
 * Shows the people of @reg, everyone, in Vietnamese order.
 */
void
smt_window_set_register (SmtWindow   *self,
                         SmtRegister *reg)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *visible;

  g_return_if_fail (SMT_IS_WINDOW (self));
  g_return_if_fail (reg == NULL || SMT_IS_REGISTER (reg));

  if (reg == self->reg)
    return;

  gtk_column_view_set_model (self->column_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_set_object (&self->reg, reg);
  clear_undo (self);
  /* Said above every view: the demo's figures are made up. */
  gtk_revealer_set_reveal_child (self->demo_banner, reg != NULL && smt_setup_is_demo (reg));

  /* The search belongs to the register it was typed for. */
  g_signal_handlers_block_by_func (self->search_entry, on_search_changed, self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  g_signal_handlers_unblock_by_func (self->search_entry, on_search_changed, self);

  for (GtkWidget *page = gtk_widget_get_first_child (GTK_WIDGET (self->view_stack));
       page != NULL; page = gtk_widget_get_next_sibling (page))
    if (SMT_IS_VIEW (page))
      {
        smt_view_refresh (SMT_VIEW (page), NULL, NULL);
        g_object_set_qdata (G_OBJECT (page), stale_quark (), GINT_TO_POINTER (reg != NULL));
      }
  if (reg == NULL)
    {
      adw_window_title_set_title (self->window_title, PACKAGE_NAME);
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), PACKAGE_NAME);
      gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), FALSE);
      return;
    }

  smt_window_update_title (self);

  self->model = smt_people_model_new (reg);
  if (!fill_filters (self, &error) || !smt_people_model_refresh (self->model, &error))
    {
      smt_window_show_error (self, _("Cannot Read the Register"), error);
      return;
    }
  /* Nothing selected at first: autoselect off before the model comes. */
  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->model));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  update_list_state (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), TRUE);
  gtk_stack_set_visible_child_name (self->main_stack, "register");
  /* Tổng quan is the start page; refreshed here since the stack may
   * already show it. */
  gtk_stack_set_visible_child_name (self->view_stack, "overview");
  visible = gtk_stack_get_visible_child (self->view_stack);
  if (g_object_get_qdata (G_OBJECT (visible), stale_quark ()) != NULL)
    schedule_first_refresh (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * smt_window_update_title:
 * @self: a window
 *
 * Shows the commune's name, as the register now has it, in the title.
 */
void
smt_window_update_title (SmtWindow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *window_title = NULL;

  g_return_if_fail (SMT_IS_WINDOW (self));

  if (self->reg == NULL)
    return;
  title = smt_register_dup_commune_title (self->reg);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, PACKAGE_NAME);
  window_title = g_strdup_printf ("%s — %s", title, PACKAGE_NAME);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

/**
 * smt_window_show_progress:
 * @self: a window
 * @title: what is being done, translated
 * @fraction: done so far, 0 to 1
 * @text: (nullable): the step under way, shown in the bar
 */
void
smt_window_show_progress (SmtWindow  *self,
                          const char *title,
                          double      fraction,
                          const char *text)
{
  g_return_if_fail (SMT_IS_WINDOW (self));

  adw_status_page_set_title (self->loading_page, title);
  gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (fraction, 0.0, 1.0));
  gtk_progress_bar_set_text (self->progress_bar, text);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), FALSE);
  gtk_stack_set_visible_child_name (self->main_stack, "loading");
}

/**
 * smt_window_show_error:
 * @self: a window
 * @title: what failed, translated ("Cannot Open the Register")
 * @error: why; its message, already translated, says what to do
 *
 * Replaces the window's content with the error and a button to open another
 * register. The register shown before, if any, is closed.
 */
void
smt_window_show_error (SmtWindow    *self,
                       const char   *title,
                       const GError *error)
{
  g_autofree char *description = NULL;

  g_return_if_fail (SMT_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  smt_window_set_register (self, NULL);
  description = g_markup_escape_text (error->message, -1);
  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, description);
  gtk_stack_set_visible_child_name (self->main_stack, "error");
}

/* ---- private (tests) --------------------------------------------------------- */

SmtPeopleModel *
smt_window_get_people_model (SmtWindow *self)
{
  g_return_val_if_fail (SMT_IS_WINDOW (self), NULL);
  return self->model;
}

GtkWidget *
smt_window_get_search_entry (SmtWindow *self)
{
  g_return_val_if_fail (SMT_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->search_entry);
}

GtkWidget *
smt_window_get_column_view (SmtWindow *self)
{
  g_return_val_if_fail (SMT_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->column_view);
}

GtkWidget *
smt_window_get_status_label (SmtWindow *self)
{
  g_return_val_if_fail (SMT_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->status_label);
}

GtkWidget *
smt_window_get_progress_bar (SmtWindow *self)
{
  g_return_val_if_fail (SMT_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->progress_bar);
}

/* Shows the register as it is now: the list, the view in sight (the others
 * when they come into sight), and every person's page open. */
static void
refresh_views (SmtWindow *self)
{
  g_autoptr(GError) error = NULL;
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GtkWidget *visible = gtk_stack_get_visible_child (self->view_stack);

  if (self->model != NULL && !smt_people_model_refresh (self->model, &error))
    {
      smt_window_show_error (self, _("Cannot Read the Register"), error);
      return;
    }
  if (self->model != NULL)
    update_list_state (self);
  smt_window_update_title (self);
  for (GtkWidget *page = gtk_widget_get_first_child (GTK_WIDGET (self->view_stack));
       page != NULL; page = gtk_widget_get_next_sibling (page))
    if (SMT_IS_VIEW (page))
      g_object_set_qdata (G_OBJECT (page), stale_quark (), GINT_TO_POINTER (TRUE));
  if (visible != NULL && SMT_IS_VIEW (visible) && !refresh_view (self, visible, &error))
    {
      smt_window_show_error (self, _("Cannot Read the Register"), error);
      return;
    }
  for (GList *l = app != NULL ? gtk_application_get_windows (app) : NULL; l; l = l->next)
    if (SMT_IS_PERSON_WINDOW (l->data))
      smt_person_window_reload (l->data);
}

/**
 * smt_window_record_change:
 * @self: a window showing a register
 * @message: (nullable): said in a toast; %NULL: "Change recorded"
 * @undo: (nullable): how Ctrl+Z undoes the change; %NULL: it cannot be
 * @undo_data: passed to @undo
 * @undo_destroy: (nullable): frees @undo_data
 *
 * Called by a view, dialog or page after it recorded a change: every view
 * shows it, and the change becomes the one Ctrl+Z undoes.
 */
void
smt_window_record_change (SmtWindow      *self,
                          const char     *message,
                          SmtUndoFunc     undo,
                          gpointer        undo_data,
                          GDestroyNotify  undo_destroy)
{
  AdwToast *toast;

  g_return_if_fail (SMT_IS_WINDOW (self));

  clear_undo (self);
  self->undo = undo;
  self->undo_data = undo_data;
  self->undo_destroy = undo_destroy;
  refresh_views (self);
  toast = adw_toast_new (message != NULL ? message : _("Change recorded"));
  if (undo != NULL)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "app.undo");
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
smt_window_add_toast (SmtWindow  *self,
                      const char *message)
{
  g_return_if_fail (SMT_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

typedef struct
{
  gint64 person_id;
  gint64 event_id;
} MembershipUndo;

static gboolean
undo_membership (SmtRegister  *reg,
                 gpointer      data,
                 GError      **error)
{
  const MembershipUndo *undo = data;
  SmtMembershipChange change = { 0 };

  change.kind = SMT_EVENT_VOID;
  change.person_id = undo->person_id;
  change.voids_event_id = undo->event_id;
  change.date = smt_register_get_today (reg);
  change.reason = _("Undone (Ctrl+Z) right after it was recorded");
  return smt_membership_record (reg, &change, error) != 0;
}

/* A change recorded on a person's page: shown everywhere, and undoable. */
static void
on_person_changed (SmtWindow       *self,
                   gint64           key,
                   SmtPersonWindow *page)
{
  MembershipUndo *undo = g_new0 (MembershipUndo, 1);

  undo->person_id = smt_person_window_get_detail (page)->id;
  undo->event_id = key;
  smt_window_record_change (self, NULL, undo_membership, undo, g_free);
}

/**
 * smt_window_undo:
 * @self: a window
 *
 * Undoes the last change recorded in this session (Ctrl+Z). History is
 * never rewritten: the change is voided or reversed by a new record that
 * says why.
 *
 * Returns: %TRUE when a change was undone
 */
gboolean
smt_window_undo (SmtWindow *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (SMT_IS_WINDOW (self), FALSE);

  if (self->reg == NULL || self->undo == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("Nothing to undo")));
      return FALSE;
    }
  if (!self->undo (self->reg, self->undo_data, &error))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Cannot Undo"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return FALSE;
    }
  clear_undo (self);
  refresh_views (self);
  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (_("The last change was undone")));
  return TRUE;
}

/**
 * smt_window_open_person:
 * @self: a window showing a register
 * @person_id: a person of it
 *
 * Opens the person's page over the window; a person that cannot be read
 * gets a message saying why instead.
 *
 * Returns: (transfer none) (nullable): the page, or %NULL
 */
GtkWindow *
smt_window_open_person (SmtWindow *self,
                        gint64     person_id)
{
  g_autoptr(GError) error = NULL;
  SmtPersonWindow *page;

  g_return_val_if_fail (SMT_IS_WINDOW (self), NULL);
  g_return_val_if_fail (self->reg != NULL, NULL);

  page = smt_person_window_new (GTK_WINDOW (self), self->reg, person_id, &error);
  if (page == NULL)
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                                  _("Cannot Open This Person"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return NULL;
    }
  g_signal_connect_object (page, "changed", G_CALLBACK (on_person_changed), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (page));
  return GTK_WINDOW (page);
}

GtkWidget *
smt_window_get_overview (SmtWindow *self)
{
  g_return_val_if_fail (SMT_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->overview_view);
}

/* The banner above the views that says the register is the demo: a
 * GtkRevealer, revealed only then. */
GtkWidget *
smt_window_get_demo_banner (SmtWindow *self)
{
  g_return_val_if_fail (SMT_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->demo_banner);
}

void
smt_window_show_view (SmtWindow  *self,
                      const char *name)
{
  g_return_if_fail (SMT_IS_WINDOW (self));
  g_return_if_fail (gtk_stack_get_child_by_name (self->view_stack, name) != NULL);
  gtk_stack_set_visible_child_name (self->view_stack, name);
}

const char *
smt_window_get_page_name (SmtWindow *self)
{
  const char *page;

  g_return_val_if_fail (SMT_IS_WINDOW (self), NULL);

  page = gtk_stack_get_visible_child_name (self->main_stack);
  if (g_strcmp0 (page, "register") != 0)
    return page;
  page = gtk_stack_get_visible_child_name (self->view_stack);
  if (g_strcmp0 (page, "people") == 0)
    return gtk_stack_get_visible_child_name (self->list_stack);
  return page;
}

/**
 * smt_window_choose_filters:
 * @self: a window showing a register
 * @hamlet: position in the hamlet list, 0 for all
 * @organisation: position in the organisation list, 0 for all
 * @status: 0 any, 1 active, 2 away, 3 former, 4 never
 * @sex: 0 both, 1 men, 2 women
 * @age_min: 0 for no bound
 * @age_max: 0 for no bound
 * @party: 0 any, 1 Party members, 2 others
 *
 * Sets the filter popover's fields as a person would, one after another.
 */
void
smt_window_choose_filters (SmtWindow *self,
                           guint      hamlet,
                           guint      organisation,
                           guint      status,
                           guint      sex,
                           int        age_min,
                           int        age_max,
                           guint      party)
{
  g_return_if_fail (SMT_IS_WINDOW (self));

  gtk_drop_down_set_selected (self->hamlet_filter, hamlet);
  gtk_drop_down_set_selected (self->organisation_filter, organisation);
  gtk_drop_down_set_selected (self->status_filter, status);
  gtk_drop_down_set_selected (self->sex_filter, sex);
  gtk_spin_button_set_value (self->age_min_filter, age_min);
  gtk_spin_button_set_value (self->age_max_filter, age_max);
  gtk_drop_down_set_selected (self->party_filter, party);
}

const char *
smt_window_get_filter_summary (SmtWindow *self)
{
  g_return_val_if_fail (SMT_IS_WINDOW (self), NULL);
  return gtk_label_get_text (self->filter_label);
}

void
smt_window_clear_filters (SmtWindow *self)
{
  g_return_if_fail (SMT_IS_WINDOW (self));
  on_clear_filters (self);
}

/**
 * smt_window_sort_people:
 * @self: a window showing a register
 * @column: 0 name, 1 birth year, 2 sex, 3 hamlet
 * @descending: the direction
 *
 * Sorts as a click (or two) on a column header does.
 */
void
smt_window_sort_people (SmtWindow *self,
                        guint      column,
                        gboolean   descending)
{
  GListModel *list;
  g_autoptr(GtkColumnViewColumn) c = NULL;

  g_return_if_fail (SMT_IS_WINDOW (self));
  list = gtk_column_view_get_columns (self->column_view);
  c = g_list_model_get_item (list, column);
  g_return_if_fail (c != NULL);
  gtk_column_view_sort_by_column (self->column_view, c,
                                  descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
}

/* ---- what the views ask of the window (SmtViewHost) ---------------------------- */

static void
host_record_change (SmtViewHost    *host,
                    const char     *message,
                    SmtUndoFunc     undo,
                    gpointer        undo_data,
                    GDestroyNotify  undo_destroy)
{
  smt_window_record_change (SMT_WINDOW (host), message, undo, undo_data, undo_destroy);
}

static void
host_show_error (SmtViewHost  *host,
                 const char   *title,
                 const GError *error)
{
  smt_window_show_error (SMT_WINDOW (host), title, error);
}

static void
host_add_toast (SmtViewHost *host,
                const char  *message)
{
  smt_window_add_toast (SMT_WINDOW (host), message);
}

static GtkWindow *
host_open_person (SmtViewHost *host,
                  gint64       person_id)
{
  return smt_window_open_person (SMT_WINDOW (host), person_id);
}

static void
host_update_title (SmtViewHost *host)
{
  smt_window_update_title (SMT_WINDOW (host));
}

static void
smt_window_view_host_init (SmtViewHostInterface *iface)
{
  iface->record_change = host_record_change;
  iface->show_error = host_show_error;
  iface->add_toast = host_add_toast;
  iface->open_person = host_open_person;
  iface->update_title = host_update_title;
}
