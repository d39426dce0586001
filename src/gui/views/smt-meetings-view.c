/* smt-meetings-view.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "core/activity/smt-activity.h"
#include "core/activity/smt-meeting-query.h"
#include "core/organisations/smt-organisation-query.h"
#include "core/register/smt-date.h"
#include "core/register/smt-format.h"

#include "gui/base/smt-gui.h"
#include "gui/base/smt-view.h"
#include "smt-meetings-view.h"

/* Sinh hoạt: a year and an organisation chosen at the top; below, three
 * sections. The grid has a row per branch and a button per month, so a
 * cell is reached with Tab and opened with Enter. The rows follow the
 * register, so they are made in code. */

struct _SmtMeetingsView
{
  GtkWidget            parent_instance;

  /* template widgets */
  GtkSpinButton       *year_spin;
  GtkDropDown         *org_dropdown;
  GtkStack            *section_stack;
  GtkGrid             *grid;
  GtkLabel            *grid_error;
  AdwPreferencesGroup *studies_group;
  GtkListBox          *studies_list;
  GtkLabel            *study_error;
  GtkGrid             *dialogue_grid;
  GtkLabel            *dialogue_error;

  /* owned */
  SmtRegister         *reg;
  GPtrArray           *organisations;  /* SmtOrganisationInfo, dropdown item i + 1 */
  GPtrArray           *rows;           /* SmtMeetingGridRow, as in the grid */
  GPtrArray           *cells;          /* GtkButton, borrowed, 12 per row */
  GtkWidget           *entries[12][SMT_DIALOGUE_N_VALUES];  /* borrowed */
  guint                n_studies;
  int                  year;
  gboolean             updating;
};

static void smt_meetings_view_view_init (SmtViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SmtMeetingsView, smt_meetings_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (SMT_TYPE_VIEW, smt_meetings_view_view_init))

static void
show_error (GtkLabel   *label,
            const char *message)
{
  gtk_label_set_text (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

static gint64
chosen_organisation (SmtMeetingsView *self)
{
  guint i = gtk_drop_down_get_selected (self->org_dropdown);

  if (self->organisations == NULL || i == 0 || i == GTK_INVALID_LIST_POSITION
      || i > self->organisations->len)
    return 0;
  return ((SmtOrganisationInfo *) g_ptr_array_index (self->organisations, i - 1))->id;
}

static GtkWidget *
label_new (const char *text,
           float       xalign,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
grid_clear (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

/* ---- the grid --------------------------------------------------------------------- */

static void on_cell_clicked (SmtMeetingsView *self,
                             GtkButton       *button);

static GtkWidget *
cell_new (SmtMeetingsView         *self,
          const SmtMeetingGridRow *r,
          guint                    index,
          int                      month)
{
  g_autofree char *text = NULL;
  g_autofree char *tip = NULL;
  g_autofree char *present = smt_format_int (r->months[month - 1].present);
  SmtMeetingCell state = smt_meeting_grid_cell (r, self->year, month,
                                                smt_register_get_today (self->reg), &text);
  GtkWidget *label = label_new (text, 0.5, "numeric");
  GtkWidget *button = gtk_button_new ();

  gtk_button_set_child (GTK_BUTTON (button), label);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_size_request (button, 56, -1);
  switch (state)
    {
    case SMT_MEETING_CELL_NO_BRANCH:
      /* Translators: tooltip of a cell: the branch, the month */
      tip = g_strdup_printf (_("%s did not exist in %d/%d."), r->name, month, self->year);
      gtk_widget_set_sensitive (button, FALSE);
      break;
    case SMT_MEETING_CELL_FUTURE:
      tip = g_strdup_printf (_("%s, %d/%d: the month has not begun."), r->name, month,
                             self->year);
      gtk_widget_set_sensitive (button, FALSE);
      break;
    case SMT_MEETING_CELL_HELD:
      gtk_widget_add_css_class (label, "success");
      /* Translators: tooltip of a cell: branch, month/year, meetings, members present */
      tip = g_strdup_printf (_("%s, %d/%d: regular meeting held; %u meetings, %s present."),
                             r->name, month, self->year, r->months[month - 1].meetings, present);
      break;
    case SMT_MEETING_CELL_MISSING:
    default:
      gtk_widget_add_css_class (label, "error");
      tip = g_strdup_printf (_("%s, %d/%d: no regular meeting; %u other meetings."), r->name,
                             month, self->year, r->months[month - 1].meetings);
      break;
    }
  gtk_widget_set_tooltip_text (button, tip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tip,
                                  -1);
  g_object_set_data (G_OBJECT (button), "smt-cell", GUINT_TO_POINTER (index * 12 + month));
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_cell_clicked), self,
                           G_CONNECT_SWAPPED);
  return button;
}

static gboolean
fill_grid (SmtMeetingsView  *self,
           GError          **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  gint64 organisation_id = -1;
  int line = 1;

  grid_clear (self->grid);
  g_ptr_array_set_size (self->cells, 0);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  if (self->reg == NULL)
    return TRUE;
  rows = smt_meeting_grid (self->reg, self->year, chosen_organisation (self), error);
  if (rows == NULL)
    return FALSE;
  self->rows = g_steal_pointer (&rows);

  gtk_grid_attach (self->grid, label_new (_("Branch"), 0, "heading"), 0, 0, 1, 1);
  for (int m = 1; m <= 12; m++)
    {
      /* Translators: short heading of a month column: "T1" … "T12" */
      g_autofree char *head = g_strdup_printf (_("M%d"), m);

      gtk_grid_attach (self->grid, label_new (head, 0.5, "heading"), m, 0, 1, 1);
    }
  for (guint i = 0; i < self->rows->len; i++)
    {
      const SmtMeetingGridRow *r = g_ptr_array_index (self->rows, i);
      GtkWidget *name;

      if (r->organisation_id != organisation_id)
        {
          GtkWidget *heading = label_new (r->organisation, 0, "heading");

          organisation_id = r->organisation_id;
          gtk_widget_set_margin_top (heading, 12);
          gtk_widget_add_css_class (heading, "dim-label");
          gtk_grid_attach (self->grid, heading, 0, line++, 13, 1);
        }
      name = label_new (r->name, 0, NULL);
      gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (name), 40);
      gtk_widget_set_hexpand (name, TRUE);
      gtk_widget_set_tooltip_text (name, r->name);
      if (r->parent_id != 0)
        gtk_widget_set_margin_start (name, 18);
      gtk_grid_attach (self->grid, name, 0, line, 1, 1);
      for (int m = 1; m <= 12; m++)
        {
          GtkWidget *cell = cell_new (self, r, i, m);

          gtk_grid_attach (self->grid, cell, m, line, 1, 1);
          g_ptr_array_add (self->cells, cell);
        }
      line++;
    }
  if (self->rows->len == 0)
    gtk_grid_attach (self->grid, label_new (_("No branch in this year."), 0, "dim-label"), 0, 1,
                     13, 1);
  return TRUE;
}

/* Ctrl+Z of a meeting: a void row with a reason, never a deletion. */
static gboolean
undo_meeting (SmtRegister  *reg,
              gpointer      data,
              GError      **error)
{
  return smt_meeting_void (reg, *(gint64 *) data, _("Undone in the window (Ctrl+Z)"),
                           error) != 0;
}

static void
on_meeting_recorded (SmtMeetingsView  *self,
                     gint64            key,
                     SmtMeetingDialog *dialog)
{
  gint64 *data = g_new (gint64, 1);

  *data = key;
  smt_view_record_change (GTK_WIDGET (self), _("Meeting recorded"), undo_meeting, data, g_free);
}

static void
on_meeting_voided (SmtMeetingsView  *self,
                   gint64            key,
                   SmtMeetingDialog *dialog)
{
  smt_view_record_change (GTK_WIDGET (self), _("Meeting voided"), NULL, NULL, NULL);
}

SmtMeetingDialog *
smt_meetings_view_open_cell (SmtMeetingsView *self,
                             gint64           branch_id,
                             int              month)
{
  g_autoptr(GError) error = NULL;
  const SmtMeetingGridRow *r = NULL;
  SmtMeetingDialog *dialog;
  GtkRoot *root;

  g_return_val_if_fail (SMT_IS_MEETINGS_VIEW (self), NULL);
  g_return_val_if_fail (month >= 1 && month <= 12, NULL);

  for (guint i = 0; self->rows != NULL && i < self->rows->len && r == NULL; i++)
    if (((SmtMeetingGridRow *) g_ptr_array_index (self->rows, i))->branch_id == branch_id)
      r = g_ptr_array_index (self->rows, i);
  if (r == NULL || self->reg == NULL)
    return NULL;
  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = smt_meeting_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->reg,
                                   branch_id, r->name, self->year, month, &error);
  if (dialog == NULL)
    {
      show_error (self->grid_error, error->message);
      return NULL;
    }
  g_signal_connect_object (dialog, "recorded", G_CALLBACK (on_meeting_recorded), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "voided", G_CALLBACK (on_meeting_voided), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
on_cell_clicked (SmtMeetingsView *self,
                 GtkButton       *button)
{
  guint cell = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "smt-cell"));
  guint index = (cell - 1) / 12;

  if (self->rows == NULL || index >= self->rows->len)
    return;
  smt_meetings_view_open_cell (self,
                               ((SmtMeetingGridRow *) g_ptr_array_index (self->rows,
                                                                          index))->branch_id,
                               (int) (cell - index * 12));
}

const char *
smt_meetings_view_get_cell_text (SmtMeetingsView *self,
                                 gint64           branch_id,
                                 int              month)
{
  g_return_val_if_fail (SMT_IS_MEETINGS_VIEW (self), NULL);
  g_return_val_if_fail (month >= 1 && month <= 12, NULL);

  for (guint i = 0; self->rows != NULL && i < self->rows->len; i++)
    if (((SmtMeetingGridRow *) g_ptr_array_index (self->rows, i))->branch_id == branch_id)
      {
        GtkWidget *button = g_ptr_array_index (self->cells, i * 12 + month - 1);

        return gtk_label_get_text (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))));
      }
  return NULL;
}

/* ---- studies ------------------------------------------------------------------------ */

static gboolean
fill_studies (SmtMeetingsView  *self,
              GError          **error)
{
  g_autoptr(GPtrArray) studies = NULL;
  g_autofree char *title = NULL;
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (self->studies_list, 0)) != NULL)
    gtk_list_box_remove (self->studies_list, GTK_WIDGET (row));
  self->n_studies = 0;
  title = g_strdup_printf (_("Studies of Resolutions in %d"), self->year);
  adw_preferences_group_set_title (self->studies_group, title);
  if (self->reg == NULL)
    return TRUE;
  studies = smt_studies_of_year (self->reg, self->year, chosen_organisation (self), error);
  if (studies == NULL)
    return FALSE;
  self->n_studies = studies->len;
  for (guint i = 0; i < studies->len; i++)
    {
      const SmtStudyInfo *s = g_ptr_array_index (studies, i);
      g_autofree char *day = smt_date_to_display (s->date);
      g_autofree char *count = smt_format_int (s->participants);
      g_autofree char *way = smt_study_info_way_label (s);
      g_autofree char *subtitle = NULL;
      const char *who = s->branch[0] != '\0' ? s->branch
                        : s->organisation[0] != '\0' ? s->organisation
                        : _("all organisations");
      GtkWidget *r = adw_action_row_new ();

      /* Translators: date · who studied · participants (how recorded):
       * "02/11/2026 · Phụ nữ · 40 người tham gia (đếm số)" */
      subtitle = g_strdup_printf (_("%s · %s · %s participants (%s)"), day, who, count, way);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (r), s->subject);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (r), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (r), subtitle);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (r), 0);
      gtk_list_box_append (self->studies_list, r);
    }
  return TRUE;
}

/* Ctrl+Z of a study: a void row with a reason, never a deletion. */
static gboolean
undo_study (SmtRegister  *reg,
            gpointer      data,
            GError      **error)
{
  return smt_study_void (reg, *(gint64 *) data, _("Undone in the window (Ctrl+Z)"),
                         error) != 0;
}

static void
on_study_recorded (SmtMeetingsView *self,
                   gint64           key,
                   SmtStudyDialog  *dialog)
{
  gint64 *data = g_new (gint64, 1);

  *data = key;
  smt_view_record_change (GTK_WIDGET (self), _("Study recorded"), undo_study, data, g_free);
}

SmtStudyDialog *
smt_meetings_view_open_study (SmtMeetingsView *self)
{
  g_autoptr(GError) error = NULL;
  SmtStudyDialog *dialog;
  GtkRoot *root;

  g_return_val_if_fail (SMT_IS_MEETINGS_VIEW (self), NULL);

  if (self->reg == NULL)
    return NULL;
  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = smt_study_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->reg,
                                 chosen_organisation (self), &error);
  if (dialog == NULL)
    {
      show_error (self->study_error, error->message);
      return NULL;
    }
  show_error (self->study_error, NULL);
  g_signal_connect_object (dialog, "recorded", G_CALLBACK (on_study_recorded), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
on_study_clicked (SmtMeetingsView *self,
                  GtkButton       *button)
{
  smt_meetings_view_open_study (self);
}

guint
smt_meetings_view_get_n_studies (SmtMeetingsView *self)
{
  g_return_val_if_fail (SMT_IS_MEETINGS_VIEW (self), 0);
  return self->n_studies;
}

/* ---- dialogue days -------------------------------------------------------------------- */

static void on_dialogue_save_clicked (SmtMeetingsView *self,
                                      GtkButton       *button);

static gboolean
fill_dialogue (SmtMeetingsView  *self,
               GError          **error)
{
  static const char *heads[] = {
    N_("Month"), N_("Dialogue Days"), N_("Petitions Raised"), N_("Petitions Resolved"),
  };
  SmtDialogueMonth months[12];
  const char *today;

  grid_clear (self->dialogue_grid);
  memset (self->entries, 0, sizeof self->entries);
  if (self->reg == NULL)
    return TRUE;
  if (!smt_dialogue_year (self->reg, self->year, months, error))
    return FALSE;
  today = smt_register_get_today (self->reg);
  for (guint h = 0; h < G_N_ELEMENTS (heads); h++)
    {
      GtkWidget *head = label_new (_(heads[h]), h == 0 ? 0 : 1, "heading");

      gtk_label_set_wrap (GTK_LABEL (head), TRUE);
      gtk_grid_attach (self->dialogue_grid, head, h, 0, 1, 1);
    }
  for (int m = 0; m < 12; m++)
    {
      g_autofree char *shown = g_strdup_printf ("%02d/%04d", m + 1, self->year);
      g_autofree char *first = g_strdup_printf ("%04d-%02d-01", self->year, m + 1);
      gboolean begun = strcmp (first, today) <= 0;
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Save"));

      gtk_grid_attach (self->dialogue_grid, label_new (shown, 0, "numeric"), 0, m + 1, 1, 1);
      for (guint v = 0; v < SMT_DIALOGUE_N_VALUES; v++)
        {
          GtkWidget *entry = gtk_entry_new ();
          g_autofree char *label = g_strdup_printf ("%s %s", _(heads[v + 1]), shown);

          gtk_editable_set_width_chars (GTK_EDITABLE (entry), 7);
          gtk_editable_set_alignment (GTK_EDITABLE (entry), 1);
          gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_DIGITS);
          gtk_entry_set_placeholder_text (GTK_ENTRY (entry), "–");
          gtk_widget_add_css_class (entry, "numeric");
          if (months[m].defined[v])
            {
              g_autofree char *value = smt_format_int ((gint64) months[m].value[v]);

              gtk_editable_set_text (GTK_EDITABLE (entry), value);
            }
          gtk_widget_set_sensitive (entry, begun);
          gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          label, -1);
          gtk_grid_attach (self->dialogue_grid, entry, v + 1, m + 1, 1, 1);
          self->entries[m][v] = entry;
        }
      gtk_widget_set_sensitive (button, begun);
      g_object_set_data (G_OBJECT (button), "smt-month", GINT_TO_POINTER (m + 1));
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_dialogue_save_clicked), self,
                               G_CONNECT_SWAPPED);
      gtk_grid_attach (self->dialogue_grid, button, 4, m + 1, 1, 1);
    }
  return TRUE;
}

/* A count typed in an entry: digits, thousands dots allowed; -1 when not one. */
static int
entry_count (GtkWidget *entry)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  guint64 value;

  for (const char *p = text; *p != '\0'; p++)
    if (*p != '.' && *p != ' ')
      g_string_append_c (digits, *p);
  if (!g_ascii_string_to_unsigned (digits->str, 10, 0, G_MAXINT, &value, NULL))
    return -1;
  return (int) value;
}

static gboolean
save_dialogue (SmtMeetingsView *self,
               int              month)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *code = g_strdup_printf ("%04d-%02d", self->year, month);
  g_autofree char *message = NULL;
  int values[SMT_DIALOGUE_N_VALUES];

  for (guint v = 0; v < SMT_DIALOGUE_N_VALUES; v++)
    if ((values[v] = entry_count (self->entries[month - 1][v])) < 0)
      {
        /* Translators: the month, as 05/2026 */
        message = g_strdup_printf (_("Fill in the three values of %02d/%04d with whole numbers, "
                                     "0 or more."), month, self->year);
        show_error (self->dialogue_error, message);
        gtk_widget_grab_focus (self->entries[month - 1][v]);
        return FALSE;
      }
  if (!smt_dialogue_month_set (self->reg, code, values[0], values[1], values[2], &error))
    {
      show_error (self->dialogue_error, error->message);
      return FALSE;
    }
  show_error (self->dialogue_error, NULL);
  message = g_strdup_printf (_("Dialogue days of %02d/%04d recorded"), month, self->year);
  smt_view_record_change (GTK_WIDGET (self), message, NULL, NULL, NULL);
  return TRUE;
}

static void
on_dialogue_save_clicked (SmtMeetingsView *self,
                          GtkButton       *button)
{
  save_dialogue (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "smt-month")));
}

gboolean
smt_meetings_view_save_dialogue (SmtMeetingsView *self,
                                 int              month,
                                 const char      *days,
                                 const char      *raised,
                                 const char      *resolved)
{
  const char *texts[SMT_DIALOGUE_N_VALUES] = { days, raised, resolved };

  g_return_val_if_fail (SMT_IS_MEETINGS_VIEW (self), FALSE);
  g_return_val_if_fail (month >= 1 && month <= 12, FALSE);

  if (self->entries[month - 1][0] == NULL)
    return FALSE;
  for (guint v = 0; v < SMT_DIALOGUE_N_VALUES; v++)
    gtk_editable_set_text (GTK_EDITABLE (self->entries[month - 1][v]), texts[v]);
  return save_dialogue (self, month);
}

/* ---- the year and the organisation ---------------------------------------------- */

static gboolean
fill_all (SmtMeetingsView  *self,
          GError          **error)
{
  show_error (self->grid_error, NULL);
  return fill_grid (self, error) && fill_studies (self, error) && fill_dialogue (self, error);
}

static void
on_choice_changed (SmtMeetingsView *self)
{
  g_autoptr(GError) error = NULL;

  if (self->updating)
    return;
  self->year = gtk_spin_button_get_value_as_int (self->year_spin);
  if (!fill_all (self, &error))
    show_error (self->grid_error, error->message);
}

void
smt_meetings_view_set_year (SmtMeetingsView *self,
                            int              year)
{
  g_return_if_fail (SMT_IS_MEETINGS_VIEW (self));
  gtk_spin_button_set_value (self->year_spin, year);
  on_choice_changed (self);
}

int
smt_meetings_view_get_year (SmtMeetingsView *self)
{
  g_return_val_if_fail (SMT_IS_MEETINGS_VIEW (self), 0);
  return self->year;
}

void
smt_meetings_view_show_section (SmtMeetingsView *self,
                                const char      *name)
{
  g_return_if_fail (SMT_IS_MEETINGS_VIEW (self));
  gtk_stack_set_visible_child_name (self->section_stack, name);
}

const char *
smt_meetings_view_get_error (SmtMeetingsView *self)
{
  const char *section;
  GtkLabel *label;

  g_return_val_if_fail (SMT_IS_MEETINGS_VIEW (self), NULL);

  section = gtk_stack_get_visible_child_name (self->section_stack);
  label = g_strcmp0 (section, "studies") == 0 ? self->study_error
          : g_strcmp0 (section, "dialogue") == 0 ? self->dialogue_error : self->grid_error;
  if (!gtk_widget_get_visible (GTK_WIDGET (label)))
    return NULL;
  return gtk_label_get_text (label);
}

/* The organisations of the dropdown; keeps the one chosen when it is still
 * there. */
static gboolean
fill_organisations (SmtMeetingsView  *self,
                    GError          **error)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 chosen = chosen_organisation (self);
  guint selected = 0;

  g_clear_pointer (&self->organisations, g_ptr_array_unref);
  gtk_string_list_append (names, _("All organisations"));
  if (self->reg != NULL && (self->organisations = smt_organisations_list (self->reg,
                                                                         error)) == NULL)
    return FALSE;
  for (guint i = 0; self->organisations != NULL && i < self->organisations->len; i++)
    {
      const SmtOrganisationInfo *o = g_ptr_array_index (self->organisations, i);

      gtk_string_list_append (names, o->name);
      if (o->id == chosen)
        selected = i + 1;
    }
  gtk_drop_down_set_model (self->org_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->org_dropdown, selected);
  return TRUE;
}

gboolean
smt_meetings_view_refresh (SmtMeetingsView  *self,
                           SmtRegister      *reg,
                           GError          **error)
{
  gboolean ok;

  g_return_val_if_fail (SMT_IS_MEETINGS_VIEW (self), FALSE);
  g_return_val_if_fail (reg == NULL || SMT_IS_REGISTER (reg), FALSE);

  self->updating = TRUE;
  if (reg != self->reg)
    {
      g_set_object (&self->reg, reg);
      if (reg != NULL)
        {
          self->year = atoi (smt_register_get_today (reg));
          gtk_spin_button_set_value (self->year_spin, self->year);
        }
      gtk_drop_down_set_selected (self->org_dropdown, 0);
    }
  ok = fill_organisations (self, error);
  self->updating = FALSE;
  return ok && fill_all (self, error);
}

/* ---- object --------------------------------------------------------------------------- */

static void
smt_meetings_view_dispose (GObject *object)
{
  SmtMeetingsView *self = SMT_MEETINGS_VIEW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), SMT_TYPE_MEETINGS_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->organisations, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  g_clear_object (&self->reg);

  G_OBJECT_CLASS (smt_meetings_view_parent_class)->dispose (object);
}

static void
smt_meetings_view_class_init (SmtMeetingsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = smt_meetings_view_dispose;

  smt_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
      "/io/github/somattran/SoMatTran/smt-meetings-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SmtMeetingsView, year_spin);
  gtk_widget_class_bind_template_child (widget_class, SmtMeetingsView, org_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SmtMeetingsView, section_stack);
  gtk_widget_class_bind_template_child (widget_class, SmtMeetingsView, grid);
  gtk_widget_class_bind_template_child (widget_class, SmtMeetingsView, grid_error);
  gtk_widget_class_bind_template_child (widget_class, SmtMeetingsView, studies_group);
  gtk_widget_class_bind_template_child (widget_class, SmtMeetingsView, studies_list);
  gtk_widget_class_bind_template_child (widget_class, SmtMeetingsView, study_error);
  gtk_widget_class_bind_template_child (widget_class, SmtMeetingsView, dialogue_grid);
  gtk_widget_class_bind_template_child (widget_class, SmtMeetingsView, dialogue_error);
  gtk_widget_class_bind_template_callback (widget_class, on_choice_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_study_clicked);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
smt_meetings_view_init (SmtMeetingsView *self)
{
  self->cells = g_ptr_array_new ();
  self->updating = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->updating = FALSE;
}

GtkWidget *
smt_meetings_view_new (void)
{
  return g_object_new (SMT_TYPE_MEETINGS_VIEW, NULL);
}

static gboolean
smt_meetings_view_view_refresh (SmtView      *view,
                                SmtRegister  *reg,
                                GError      **error)
{
  return smt_meetings_view_refresh (SMT_MEETINGS_VIEW (view), reg, error);
}

static void
smt_meetings_view_view_init (SmtViewInterface *iface)
{
  iface->refresh = smt_meetings_view_view_refresh;
}
