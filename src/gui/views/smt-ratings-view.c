/* smt-ratings-view.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>
#include <glib/gi18n.h>

#include "core/activity/smt-activity.h"
#include "core/organisations/smt-organisation-query.h"
#include "core/register/smt-format.h"
#include "core/register/smt-text.h"

#include "gui/base/smt-gui.h"
#include "gui/base/smt-view.h"
#include "gui/dialogs/smt-scales-dialog.h"
#include "gui/models/smt-rating-item.h"
#include "smt-ratings-view.h"

/* Đánh giá: a year, an organisation, its branches or its members, or the
 * commune-level organisations themselves (tổ chức cơ sở), each row with
 * last year's level and a drop-down of this year's levels (the scale in
 * force that year for that kind of subject; an organisation with a scale
 * of its own offers its own levels) that saves as soon as a level is
 * chosen. The rows
 * are small items in a GListStore under a filter (the name search); the
 * column view makes widgets only for the rows on screen and reuses them,
 * so an organisation of 20.000 members costs 20.000 small objects and a
 * screenful of widgets. After a change the sheet is read again and, when
 * the rows are the same, the items take their new levels in place, so the
 * table keeps its scroll position, selection and focus. */

struct _SmtRatingsView
{
  GtkWidget           parent_instance;

  /* template widgets */
  GtkSpinButton      *year_spin;
  GtkDropDown        *organisation_dropdown;
  GtkToggleButton    *branches_button;
  GtkToggleButton    *members_button;
  GtkToggleButton    *organisations_button;
  GtkSearchEntry     *search_entry;
  GtkLabel           *scale_label;
  GtkLabel           *error_label;
  GtkStack           *table_stack;
  AdwStatusPage      *empty_page;
  GtkColumnView      *column_view;
  GtkLabel           *summary_label;

  /* owned */
  SmtRegister        *reg;
  GPtrArray          *organisations;  /* SmtOrganisationInfo, one per drop-down entry */
  SmtRatingSheet     *sheet;
  GListStore         *store;          /* SmtRatingItem */
  GtkCustomFilter    *filter;
  GtkSingleSelection *selection;
  GHashTable         *levels;         /* scale id → GtkStringList: "0 · Not rated",
                                       * "1 · Hoàn thành xuất sắc…" */
  char               *search;         /* folded */
  char               *load_error;     /* why no sheet is shown, NULL when one is */
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *branch_column;
  GtkColumnViewColumn *previous_column;
  GtkColumnViewColumn *level_column;
  guint               filling;        /* > 0 while the code sets the controls */
  gboolean            own_change;     /* the change about to be shown is a rating */
};

static void smt_ratings_view_view_init (SmtViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SmtRatingsView, smt_ratings_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (SMT_TYPE_VIEW, smt_ratings_view_view_init))

static gboolean reload (SmtRatingsView *self,
                        gboolean        keep_rows);

/* ---- messages ----------------------------------------------------------------- */

static void
show_error (SmtRatingsView *self,
            const char     *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* The scale of the sheet with that id (the sheet's own when none). */
static const SmtRatingScale *
scale_of (SmtRatingsView *self,
          gint64          scale_id)
{
  for (guint i = 0; self->sheet != NULL && i < self->sheet->scales->len; i++)
    {
      const SmtRatingScale *scale = g_ptr_array_index (self->sheet->scales, i);

      if (scale->id == scale_id)
        return scale;
    }
  return self->sheet != NULL ? self->sheet->scale : NULL;
}

/* Level number level (0 the first) of the item's scale, NULL for none. */
static const SmtRatingLevel *
level_at (SmtRatingsView *self,
          SmtRatingItem  *item,
          int             level)
{
  const SmtRatingScale *scale = scale_of (self, smt_rating_item_get_scale_id (item));

  if (scale == NULL || level < 0 || (guint) level >= scale->levels->len)
    return NULL;
  return g_ptr_array_index (scale->levels, level);
}

static void
show_scale_and_summary (SmtRatingsView *self)
{
  g_autoptr(GString) scale = g_string_new (NULL);
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autofree char *not_rated = NULL;
  const SmtRatingSheet *s = self->sheet;

  if (s == NULL)
    {
      gtk_label_set_text (self->scale_label, "");
      gtk_label_set_text (self->summary_label, "");
      return;
    }
  /* Translators: "Scale in force in 2025: Hoàn thành nhiệm vụ (4 mức) — levels:" */
  g_string_printf (scale, _("Scale in force in %d: %s — levels:"), s->year, s->scale->name);
  for (guint i = 0; i < s->scale->levels->len; i++)
    {
      const SmtRatingLevel *l = g_ptr_array_index (s->scale->levels, i);
      g_autofree char *count = smt_format_int (s->counts[i]);

      g_string_append_printf (scale, "%s %u %s (%s)", i > 0 ? " ·" : "", l->rank, l->name,
                              l->code);
      /* Translators: a level and how many have it: "Hoàn thành tốt nhiệm vụ: 1.122" */
      g_string_append_printf (summary, _("%s: %s"), l->name, count);
      g_string_append (summary, " · ");
    }
  gtk_label_set_text (self->scale_label, scale->str);
  not_rated = smt_format_int (s->not_rated);
  g_string_append_printf (summary, _("Not rated: %s"), not_rated);
  if (s->other > 0)
    {
      g_autofree char *other = smt_format_int (s->other);

      g_string_append (summary, " · ");
      g_string_append_printf (summary, _("On another scale: %s"), other);
    }
  gtk_label_set_text (self->summary_label, summary->str);
}

/* ---- choosing a level ------------------------------------------------------------ */

typedef struct
{
  int     year;
  gint64  organisation_id;
  gint64  person_id;
  gint64  branch_id;
  char   *previous_code;  /* NULL: was not rated */
  gint64  rating_id;      /* the row written */
  GWeakRef view;
} RatingUndo;

static void
rating_undo_free (gpointer data)
{
  RatingUndo *undo = data;

  g_weak_ref_clear (&undo->view);
  g_free (undo->previous_code);
  g_free (undo);
}

/* Back to the level before, by a new row: that level again, or a void
 * when there was none. */
static gboolean
undo_rating (SmtRegister  *reg,
             gpointer      data,
             GError      **error)
{
  RatingUndo *undo = data;
  const char *reason = _("Undone (Ctrl+Z) right after it was recorded");
  g_autoptr(SmtRatingsView) view = g_weak_ref_get (&undo->view);
  gboolean ok;

  if (undo->previous_code != NULL)
    ok = smt_rating_set (reg, undo->year, undo->organisation_id, undo->person_id,
                         undo->branch_id, undo->previous_code, reason, error) != 0;
  else
    ok = smt_rating_void (reg, undo->rating_id, reason, error) != 0;
  /* The window shows the visible view again right after: only ratings
   * moved. A hidden view reads everything when it comes into sight. */
  if (ok && view != NULL && gtk_widget_get_mapped (GTK_WIDGET (view)))
    view->own_change = TRUE;
  return ok;
}

/* Saves level (-1: not rated) for the item through the core; a refusal is
 * shown above the table and nothing is written. */
static gboolean
apply_level (SmtRatingsView *self,
             SmtRatingItem  *item,
             int             level)
{
  g_autoptr(GError) error = NULL;
  const SmtRatingLevel *l = level_at (self, item, level);
  SmtRatingTarget target;
  gint64 organisation_id, person_id, branch_id;
  RatingUndo *undo;
  gint64 id;
  g_autofree char *message = NULL;

  if (self->sheet == NULL || self->reg == NULL || level == smt_rating_item_get_level (item))
    return TRUE;
  if (level >= 0 && l == NULL)
    {
      g_autofree char *text =
        g_strdup_printf (_("The scale in force in %d has no level %d. Choose 1 to %u, or 0 "
                           "for not rated."), self->sheet->year, level + 1,
                         scale_of (self, smt_rating_item_get_scale_id (item))->levels->len);

      show_error (self, text);
      return FALSE;
    }
  /* Whom the row rates: a member, a branch, or an organisation itself. */
  target = self->sheet->target;
  organisation_id = target == SMT_RATING_ORGANISATIONS ? smt_rating_item_get_id (item)
                                                       : self->sheet->organisation_id;
  person_id = target == SMT_RATING_MEMBERS ? smt_rating_item_get_id (item) : 0;
  branch_id = target == SMT_RATING_BRANCHES ? smt_rating_item_get_id (item) : 0;
  if (l == NULL)
    id = smt_rating_void (self->reg, smt_rating_item_get_rating_id (item),
                          _("Cleared in the ratings table"), &error);
  else
    id = smt_rating_set (self->reg, self->sheet->year, organisation_id, person_id, branch_id,
                         l->code, smt_rating_item_get_rating_id (item) != 0
                         ? _("Changed in the ratings table") : NULL, &error);
  if (id == 0)
    {
      show_error (self, error->message);
      /* The drop-down goes back to what is recorded. */
      g_object_notify (G_OBJECT (item), "level");
      return FALSE;
    }
  show_error (self, NULL);

  undo = g_new0 (RatingUndo, 1);
  undo->year = self->sheet->year;
  undo->organisation_id = organisation_id;
  undo->person_id = person_id;
  undo->branch_id = branch_id;
  undo->previous_code = g_strdup (smt_rating_item_get_level_code (item));
  undo->rating_id = id;
  g_weak_ref_init (&undo->view, self);
  /* Translators: a member or branch, then the level given: "Nguyễn Thị Lan: Hoàn thành…" */
  message = g_strdup_printf (_("%s: %s"), smt_rating_item_get_name (item),
                             l != NULL ? l->name : _("not rated"));
  /* The window reads every view again, this one only its ratings. */
  self->own_change = TRUE;
  smt_view_record_change (GTK_WIDGET (self), message, undo_rating, undo, rating_undo_free);
  return TRUE;
}

static SmtRatingItem *
selected_item (SmtRatingsView *self)
{
  return self->selection != NULL
         ? gtk_single_selection_get_selected_item (self->selection) : NULL;
}

static GtkWidget *
dropdown_of (SmtRatingItem *item)
{
  return item != NULL ? g_object_get_data (G_OBJECT (item), "smt-dropdown") : NULL;
}

static gboolean
popup_level_list (SmtRatingsView *self)
{
  GtkWidget *dropdown = dropdown_of (selected_item (self));
  GtkWidget *button = dropdown != NULL ? gtk_widget_get_first_child (dropdown) : NULL;

  if (button == NULL)
    return FALSE;
  gtk_widget_grab_focus (dropdown);
  /* GTK 4.8's drop-down has no popup call: its button opens the list. */
  return gtk_widget_activate (button);
}

static gboolean
handle_key (SmtRatingsView *self,
            guint           keyval)
{
  SmtRatingItem *item = selected_item (self);
  int level;

  if (item == NULL)
    return FALSE;
  if (keyval >= GDK_KEY_0 && keyval <= GDK_KEY_9)
    level = (int) (keyval - GDK_KEY_0) - 1;
  else if (keyval >= GDK_KEY_KP_0 && keyval <= GDK_KEY_KP_9)
    level = (int) (keyval - GDK_KEY_KP_0) - 1;
  else if (keyval == GDK_KEY_Delete || keyval == GDK_KEY_KP_Delete || keyval == GDK_KEY_BackSpace)
    level = -1;
  else if (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_space
           || keyval == GDK_KEY_KP_Space)
    return popup_level_list (self);
  else
    return FALSE;
  apply_level (self, item, level);
  return TRUE;
}

static gboolean
on_key_pressed (SmtRatingsView        *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK))
    return FALSE;
  return handle_key (self, keyval);
}

static void
on_row_activate (SmtRatingsView *self,
                 guint           position,
                 GtkColumnView  *view)
{
  gtk_single_selection_set_selected (self->selection, position);
  popup_level_list (self);
}

/* ---- cells ---------------------------------------------------------------------- */

static void
setup_label (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_name (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  data)
{
  SmtRatingItem *item = gtk_list_item_get_item (list_item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)),
                      smt_rating_item_get_name (item));
}

static void
bind_branch (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  data)
{
  SmtRatingItem *item = gtk_list_item_get_item (list_item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)),
                      smt_rating_item_get_branch (item));
}

static void
bind_previous (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  data)
{
  SmtRatingItem *item = gtk_list_item_get_item (list_item);
  const char *previous = smt_rating_item_get_previous (item);
  GtkWidget *label = gtk_list_item_get_child (list_item);

  gtk_label_set_text (GTK_LABEL (label), previous[0] != '\0' ? previous : "—");
  if (previous[0] == '\0')
    gtk_widget_add_css_class (label, "dim-label");
  else
    gtk_widget_remove_css_class (label, "dim-label");
}

static void
on_dropdown_selected (GtkDropDown *dropdown,
                      GParamSpec  *pspec,
                      gpointer     data)
{
  SmtRatingsView *self = data;
  SmtRatingItem *item = g_object_get_data (G_OBJECT (dropdown), "smt-item");
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->filling > 0 || item == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  apply_level (self, item, (int) selected - 1);
}

static void
show_item_level (GtkDropDown   *dropdown,
                 SmtRatingItem *item,
                 SmtRatingsView *self)
{
  self->filling++;
  gtk_drop_down_set_selected (dropdown, (guint) (smt_rating_item_get_level (item) + 1));
  self->filling--;
}

static void
on_item_level (SmtRatingItem *item,
               GParamSpec    *pspec,
               GtkDropDown   *dropdown)
{
  SmtRatingsView *self = g_object_get_data (G_OBJECT (dropdown), "smt-view");

  show_item_level (dropdown, item, self);
}

static void
setup_level (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  data)
{
  GtkWidget *dropdown = gtk_drop_down_new (NULL, NULL);

  g_object_set_data (G_OBJECT (dropdown), "smt-view", data);
  gtk_widget_set_hexpand (dropdown, TRUE);
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (on_dropdown_selected), data);
  gtk_list_item_set_child (list_item, dropdown);
}

static void
bind_level (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  data)
{
  SmtRatingsView *self = data;
  SmtRatingItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *dropdown = gtk_list_item_get_child (list_item);
  gint64 scale_id = smt_rating_item_get_scale_id (item);
  GListModel *levels = g_hash_table_lookup (self->levels, &scale_id);

  self->filling++;
  if (levels != NULL && gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown)) != levels)
    gtk_drop_down_set_model (GTK_DROP_DOWN (dropdown), levels);
  self->filling--;
  g_object_set_data (G_OBJECT (dropdown), "smt-item", item);
  g_object_set_data (G_OBJECT (item), "smt-dropdown", dropdown);
  show_item_level (GTK_DROP_DOWN (dropdown), item, self);
  g_signal_connect_object (item, "notify::level", G_CALLBACK (on_item_level), dropdown, 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  smt_rating_item_get_name (item), -1);
}

static void
unbind_level (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  data)
{
  SmtRatingItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *dropdown = gtk_list_item_get_child (list_item);

  g_object_set_data (G_OBJECT (dropdown), "smt-item", NULL);
  if (item == NULL)
    return;
  g_signal_handlers_disconnect_by_func (item, on_item_level, dropdown);
  if (g_object_get_data (G_OBJECT (item), "smt-dropdown") == dropdown)
    g_object_set_data (G_OBJECT (item), "smt-dropdown", NULL);
}

static GtkColumnViewColumn *
add_column (SmtRatingsView *self,
            GCallback       setup,
            GCallback       bind,
            GCallback       unbind,
            int             fixed_width)  /* negative: at least that, and expands */
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", setup, self);
  g_signal_connect (factory, "bind", bind, self);
  if (unbind != NULL)
    g_signal_connect (factory, "unbind", unbind, self);
  column = gtk_column_view_column_new (NULL, g_object_ref (factory));
  /* Fixed widths, so that the columns do not jump while scrolling; the
   * name takes what is left, and below its width the table scrolls. */
  gtk_column_view_column_set_fixed_width (column, ABS (fixed_width));
  gtk_column_view_column_set_expand (column, fixed_width < 0);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);
  return column;
}

/* ---- the table --------------------------------------------------------------------- */

static gboolean
filter_item (gpointer object,
             gpointer data)
{
  SmtRatingsView *self = data;

  return self->search == NULL || self->search[0] == '\0'
         || strstr (smt_rating_item_get_folded (object), self->search) != NULL;
}

static gint64
chosen_organisation (SmtRatingsView *self)
{
  guint i = gtk_drop_down_get_selected (self->organisation_dropdown);

  if (self->organisations == NULL || i >= self->organisations->len)
    return 0;
  return ((const SmtOrganisationInfo *) g_ptr_array_index (self->organisations, i))->id;
}

static SmtRatingTarget
chosen_target (SmtRatingsView *self)
{
  if (gtk_toggle_button_get_active (self->organisations_button))
    return SMT_RATING_ORGANISATIONS;
  return gtk_toggle_button_get_active (self->members_button) ? SMT_RATING_MEMBERS
                                                             : SMT_RATING_BRANCHES;
}

static void
set_titles (SmtRatingsView  *self,
            int              year,
            SmtRatingTarget  target)
{
  g_autofree char *last = g_strdup_printf (_("Rating %d"), year - 1);
  g_autofree char *this = g_strdup_printf (_("Rating %d"), year);
  g_autofree char *member = NULL;
  guint i = gtk_drop_down_get_selected (self->organisation_dropdown);

  /* The organisation's own word: "Đoàn viên", "Hội viên". */
  if (self->organisations != NULL && i < self->organisations->len)
    {
      const char *word = ((const SmtOrganisationInfo *)
                          g_ptr_array_index (self->organisations, i))->member_word;

      if (word[0] != '\0')
        {
          g_autofree char *first = g_utf8_strup (word, g_utf8_next_char (word) - word);

          member = g_strconcat (first, g_utf8_next_char (word), NULL);
        }
    }
  gtk_column_view_column_set_title (self->name_column,
                                    target == SMT_RATING_ORGANISATIONS ? _("Organisation")
                                    : target != SMT_RATING_MEMBERS ? _("Branch or Group")
                                    : member != NULL ? member : _("Member"));
  gtk_column_view_column_set_title (self->branch_column,
                                    target == SMT_RATING_MEMBERS ? _("Branch")
                                    : target == SMT_RATING_ORGANISATIONS ? _("Kind")
                                    : _("Group of"));
  gtk_column_view_column_set_title (self->previous_column, last);
  gtk_column_view_column_set_title (self->level_column, this);
}

static void
show_empty (SmtRatingsView *self,
            const char     *title,
            const char     *description)
{
  adw_status_page_set_title (self->empty_page, title);
  adw_status_page_set_description (self->empty_page, description);
  gtk_stack_set_visible_child_name (self->table_stack, "empty");
}

/* Reads the sheet of the year, organisation and kind chosen. keep_rows:
 * after a change, update the items in place when the rows are the same. */
static gboolean
reload (SmtRatingsView *self,
        gboolean        keep_rows)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRatingSheet) sheet = NULL;
  g_autoptr(GPtrArray) items = NULL;
  gint64 organisation_id = chosen_organisation (self);
  SmtRatingTarget target = chosen_target (self);
  int year = gtk_spin_button_get_value_as_int (self->year_spin);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  gboolean same;

  /* The organisations themselves are rated whichever is chosen. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->organisation_dropdown),
                            target != SMT_RATING_ORGANISATIONS);
  if (self->reg == NULL || (organisation_id == 0 && target != SMT_RATING_ORGANISATIONS))
    {
      g_clear_pointer (&self->sheet, smt_rating_sheet_free);
      g_list_store_remove_all (self->store);
      show_scale_and_summary (self);
      return TRUE;
    }
  set_titles (self, year, target);
  sheet = smt_rating_sheet_get (self->reg, year, organisation_id, target, &error);
  if (sheet == NULL)
    {
      /* A year without a scale, say: the table empties and says why. */
      g_clear_pointer (&self->sheet, smt_rating_sheet_free);
      g_list_store_remove_all (self->store);
      show_scale_and_summary (self);
      g_free (self->load_error);
      self->load_error = g_strdup (error->message);
      show_empty (self, _("Nothing to Rate"), error->message);
      return FALSE;
    }

  same = keep_rows && self->sheet != NULL && self->sheet->year == sheet->year
         && self->sheet->organisation_id == sheet->organisation_id
         && self->sheet->target == sheet->target && n == sheet->rows->len;
  for (guint i = 0; same && i < n; i++)
    {
      g_autoptr(SmtRatingItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), i);

      same = smt_rating_item_get_id (item)
             == ((const SmtRatingSheetRow *) g_ptr_array_index (sheet->rows, i))->id;
    }

  g_clear_pointer (&self->sheet, smt_rating_sheet_free);
  g_clear_pointer (&self->load_error, g_free);
  self->sheet = g_steal_pointer (&sheet);
  if (same)
    {
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(SmtRatingItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), i);
          const SmtRatingSheetRow *row = g_ptr_array_index (self->sheet->rows, i);

          smt_rating_item_update (item, row, smt_rating_sheet_row_level (self->sheet, row));
        }
    }
  else
    {
      g_autofree char *none = g_strdup_printf ("0 · %s", _("Not rated"));

      /* One list of levels a scale: the drop-downs of its rows share it. */
      g_hash_table_remove_all (self->levels);
      for (guint k = 0; k < self->sheet->scales->len; k++)
        {
          const SmtRatingScale *scale = g_ptr_array_index (self->sheet->scales, k);
          GtkStringList *levels = gtk_string_list_new (NULL);

          gtk_string_list_append (levels, none);
          for (guint i = 0; i < scale->levels->len; i++)
            {
              const SmtRatingLevel *l = g_ptr_array_index (scale->levels, i);
              g_autofree char *text = g_strdup_printf ("%u · %s", i + 1, l->name);

              gtk_string_list_append (levels, text);
            }
          g_hash_table_insert (self->levels, g_memdup2 (&scale->id, sizeof scale->id), levels);
        }
      items = g_ptr_array_new_full (self->sheet->rows->len, g_object_unref);
      for (guint i = 0; i < self->sheet->rows->len; i++)
        {
          const SmtRatingSheetRow *row = g_ptr_array_index (self->sheet->rows, i);

          g_ptr_array_add (items, smt_rating_item_new (row, smt_rating_sheet_row_level
                                                                (self->sheet, row)));
        }
      g_list_store_splice (self->store, 0, n, items->pdata, items->len);
    }
  show_scale_and_summary (self);
  if (self->sheet->rows->len == 0)
    {
      g_autofree char *text = NULL;

      if (target == SMT_RATING_MEMBERS)
        text = g_strdup_printf (_("The organisation had no member in %d."), year);
      else if (target == SMT_RATING_ORGANISATIONS)
        text = g_strdup (_("The register has no active organisation."));
      else
        text = g_strdup_printf (_("The organisation had no branch in %d."), year);
      show_empty (self, _("Nothing to Rate"), text);
    }
  else
    gtk_stack_set_visible_child_name (self->table_stack, "table");
  return TRUE;
}

/* After a rating of ours: the rows are the same, only levels moved. */
static gboolean
update_ratings (SmtRatingsView  *self,
                GError         **error)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));

  if (!smt_rating_sheet_reload_ratings (self->reg, self->sheet, error))
    return FALSE;
  g_return_val_if_fail (n == self->sheet->rows->len, FALSE);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SmtRatingItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), i);
      const SmtRatingSheetRow *row = g_ptr_array_index (self->sheet->rows, i);

      smt_rating_item_update (item, row, smt_rating_sheet_row_level (self->sheet, row));
    }
  show_scale_and_summary (self);
  return TRUE;
}

static void
on_choice_changed (SmtRatingsView *self)
{
  if (self->filling > 0)
    return;
  show_error (self, NULL);
  reload (self, FALSE);
}

/* Of the two buttons, the one becoming active says which rows to show (the
 * other one's signal comes first, while neither is active). */
static void
on_target_toggled (SmtRatingsView  *self,
                   GtkToggleButton *button)
{
  if (gtk_toggle_button_get_active (button))
    on_choice_changed (self);
}

static void
on_search_changed (SmtRatingsView *self,
                   GtkSearchEntry *entry)
{
  g_free (self->search);
  self->search = smt_text_fold (gtk_editable_get_text (GTK_EDITABLE (entry)));
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_scales_closed (SmtRatingsView *self)
{
  /* A scale put in force changes what the year offers. */
  reload (self, FALSE);
}

static void
on_scales_clicked (SmtRatingsView *self)
{
  smt_ratings_view_open_scales (self);
}

/* ---- public ---------------------------------------------------------------------- */

static gboolean
smt_ratings_view_refresh (SmtRatingsView  *self,
                          SmtRegister     *reg,
                          GError         **error)
{
  g_autoptr(GtkStringList) names = NULL;
  g_autoptr(GPtrArray) organisations = NULL;
  gint64 organisation_id = chosen_organisation (self);
  guint chosen = 0;

  if (reg != NULL && reg == self->reg)
    {
      gboolean own = self->own_change;

      self->own_change = FALSE;
      if (own && self->sheet != NULL)
        return update_ratings (self, error);
      reload (self, TRUE);
      return TRUE;
    }
  self->own_change = FALSE;

  g_set_object (&self->reg, reg);
  g_clear_pointer (&self->organisations, g_ptr_array_unref);
  g_clear_pointer (&self->sheet, smt_rating_sheet_free);
  g_list_store_remove_all (self->store);
  show_error (self, NULL);
  names = gtk_string_list_new (NULL);
  self->filling++;
  if (reg != NULL)
    {
      int this_year = (int) g_ascii_strtoll (smt_register_get_today (reg), NULL, 10);

      if ((organisations = smt_organisations_list (reg, error)) == NULL)
        {
          self->filling--;
          return FALSE;
        }
      for (guint i = 0; i < organisations->len; i++)
        {
          const SmtOrganisationInfo *o = g_ptr_array_index (organisations, i);

          gtk_string_list_append (names, o->short_name);
          if (o->id == organisation_id)
            chosen = i;
        }
      self->organisations = g_steal_pointer (&organisations);
      gtk_adjustment_set_upper (gtk_spin_button_get_adjustment (self->year_spin), this_year);
      gtk_spin_button_set_value (self->year_spin, smt_rating_default_year (reg));
    }
  gtk_drop_down_set_model (self->organisation_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->organisation_dropdown, chosen);
  self->filling--;
  reload (self, FALSE);
  return TRUE;
}

void
smt_ratings_view_set_year (SmtRatingsView *self,
                           int             year)
{
  g_return_if_fail (SMT_IS_RATINGS_VIEW (self));

  gtk_spin_button_set_value (self->year_spin, year);
  /* The spin button clamps; a year it cannot show is still asked for. */
  if (gtk_spin_button_get_value_as_int (self->year_spin) != year)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SmtRatingSheet) sheet = NULL;

      if (self->reg != NULL
          && (sheet = smt_rating_sheet_get (self->reg, year, chosen_organisation (self),
                                            chosen_target (self), &error)) == NULL)
        show_error (self, error->message);
    }
}

int
smt_ratings_view_get_year (SmtRatingsView *self)
{
  g_return_val_if_fail (SMT_IS_RATINGS_VIEW (self), 0);
  return gtk_spin_button_get_value_as_int (self->year_spin);
}

gboolean
smt_ratings_view_set_organisation (SmtRatingsView *self,
                                   gint64          organisation_id)
{
  g_return_val_if_fail (SMT_IS_RATINGS_VIEW (self), FALSE);

  for (guint i = 0; self->organisations != NULL && i < self->organisations->len; i++)
    if (((const SmtOrganisationInfo *) g_ptr_array_index (self->organisations, i))->id
        == organisation_id)
      {
        gtk_drop_down_set_selected (self->organisation_dropdown, i);
        return TRUE;
      }
  return FALSE;
}

void
smt_ratings_view_set_target (SmtRatingsView  *self,
                             SmtRatingTarget  target)
{
  g_return_if_fail (SMT_IS_RATINGS_VIEW (self));

  gtk_toggle_button_set_active (target == SMT_RATING_MEMBERS ? self->members_button
                                : target == SMT_RATING_ORGANISATIONS ? self->organisations_button
                                : self->branches_button, TRUE);
}

void
smt_ratings_view_set_search (SmtRatingsView *self,
                             const char     *text)
{
  g_return_if_fail (SMT_IS_RATINGS_VIEW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  /* Without waiting for the entry's delay. */
  on_search_changed (self, self->search_entry);
}

const SmtRatingSheet *
smt_ratings_view_get_sheet (SmtRatingsView *self)
{
  g_return_val_if_fail (SMT_IS_RATINGS_VIEW (self), NULL);
  return self->sheet;
}

guint
smt_ratings_view_get_n_shown (SmtRatingsView *self)
{
  g_return_val_if_fail (SMT_IS_RATINGS_VIEW (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->selection));
}

gboolean
smt_ratings_view_select (SmtRatingsView *self,
                         gint64          id)
{
  guint n;

  g_return_val_if_fail (SMT_IS_RATINGS_VIEW (self), FALSE);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SmtRatingItem) item = g_list_model_get_item (G_LIST_MODEL (self->selection), i);

      if (smt_rating_item_get_id (item) == id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          gtk_widget_activate_action (GTK_WIDGET (self->column_view), "list.scroll-to-item",
                                      "u", i);
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
smt_ratings_view_press_key (SmtRatingsView *self,
                            guint           keyval)
{
  g_return_val_if_fail (SMT_IS_RATINGS_VIEW (self), FALSE);
  return handle_key (self, keyval);
}

gboolean
smt_ratings_view_pick_level (SmtRatingsView *self,
                             int             level)
{
  GtkWidget *dropdown;

  g_return_val_if_fail (SMT_IS_RATINGS_VIEW (self), FALSE);

  dropdown = dropdown_of (selected_item (self));
  if (dropdown == NULL)
    return FALSE;
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), (guint) (level + 1));
  return TRUE;
}

const char *
smt_ratings_view_get_summary (SmtRatingsView *self)
{
  g_return_val_if_fail (SMT_IS_RATINGS_VIEW (self), NULL);
  return gtk_label_get_text (self->summary_label);
}

const char *
smt_ratings_view_get_error (SmtRatingsView *self)
{
  g_return_val_if_fail (SMT_IS_RATINGS_VIEW (self), NULL);

  if (gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return gtk_label_get_text (self->error_label);
  /* A sheet that cannot be shown says why in the table's place. */
  return self->load_error;
}

GtkWindow *
smt_ratings_view_open_scales (SmtRatingsView *self)
{
  g_autoptr(GError) error = NULL;
  SmtScalesDialog *dialog;
  GtkRoot *root;

  g_return_val_if_fail (SMT_IS_RATINGS_VIEW (self), NULL);

  if (self->reg == NULL)
    return NULL;
  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = smt_scales_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->reg,
                                  chosen_organisation (self),
                                  gtk_spin_button_get_value_as_int (self->year_spin) + 1,
                                  &error);
  if (dialog == NULL)
    {
      show_error (self, error->message);
      return NULL;
    }
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (on_scales_closed), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

/* ---- object ------------------------------------------------------------------------- */

static void
smt_ratings_view_dispose (GObject *object)
{
  SmtRatingsView *self = SMT_RATINGS_VIEW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), SMT_TYPE_RATINGS_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter);
  g_clear_object (&self->store);
  g_clear_pointer (&self->levels, g_hash_table_unref);
  g_clear_pointer (&self->organisations, g_ptr_array_unref);
  g_clear_pointer (&self->sheet, smt_rating_sheet_free);
  g_clear_object (&self->reg);

  G_OBJECT_CLASS (smt_ratings_view_parent_class)->dispose (object);
}

static void
smt_ratings_view_finalize (GObject *object)
{
  SmtRatingsView *self = SMT_RATINGS_VIEW (object);

  g_free (self->search);
  g_free (self->load_error);

  G_OBJECT_CLASS (smt_ratings_view_parent_class)->finalize (object);
}

static void
smt_ratings_view_class_init (SmtRatingsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = smt_ratings_view_dispose;
  object_class->finalize = smt_ratings_view_finalize;

  smt_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
      "/io/github/somattran/SoMatTran/smt-ratings-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SmtRatingsView, year_spin);
  gtk_widget_class_bind_template_child (widget_class, SmtRatingsView, organisation_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SmtRatingsView, branches_button);
  gtk_widget_class_bind_template_child (widget_class, SmtRatingsView, members_button);
  gtk_widget_class_bind_template_child (widget_class, SmtRatingsView, organisations_button);
  gtk_widget_class_bind_template_child (widget_class, SmtRatingsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SmtRatingsView, scale_label);
  gtk_widget_class_bind_template_child (widget_class, SmtRatingsView, error_label);
  gtk_widget_class_bind_template_child (widget_class, SmtRatingsView, table_stack);
  gtk_widget_class_bind_template_child (widget_class, SmtRatingsView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, SmtRatingsView, column_view);
  gtk_widget_class_bind_template_child (widget_class, SmtRatingsView, summary_label);
  gtk_widget_class_bind_template_callback (widget_class, on_choice_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_target_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_scales_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activate);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
smt_ratings_view_init (SmtRatingsView *self)
{
  GtkFilterListModel *filtered;
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->store = g_list_store_new (SMT_TYPE_RATING_ITEM);
  self->levels = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->filter = gtk_custom_filter_new (filter_item, self, NULL);
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->store)),
                                        GTK_FILTER (g_object_ref (self->filter)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (filtered));
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  self->name_column = add_column (self, G_CALLBACK (setup_label), G_CALLBACK (bind_name),
                                  NULL, -240);
  self->branch_column = add_column (self, G_CALLBACK (setup_label), G_CALLBACK (bind_branch),
                                    NULL, 250);
  self->previous_column = add_column (self, G_CALLBACK (setup_label),
                                      G_CALLBACK (bind_previous), NULL, 220);
  self->level_column = add_column (self, G_CALLBACK (setup_level), G_CALLBACK (bind_level),
                                   G_CALLBACK (unbind_level), 330);
  set_titles (self, 0, SMT_RATING_BRANCHES);

  /* Digits, Delete, Enter and Space act on the row chosen before the rows
   * see them; letters go to the name search. */
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), keys);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->column_view));
}

GtkWidget *
smt_ratings_view_new (void)
{
  return g_object_new (SMT_TYPE_RATINGS_VIEW, NULL);
}

static gboolean
smt_ratings_view_view_refresh (SmtView      *view,
                               SmtRegister  *reg,
                               GError      **error)
{
  return smt_ratings_view_refresh (SMT_RATINGS_VIEW (view), reg, error);
}

static void
smt_ratings_view_view_init (SmtViewInterface *iface)
{
  iface->refresh = smt_ratings_view_view_refresh;
}
