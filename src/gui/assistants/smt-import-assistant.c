/* smt-import-assistant.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "core/import/smt-import-batch.h"
#include "core/organisations/smt-organisation-query.h"
#include "core/people/smt-person-detail.h"
#include "core/register/smt-date.h"
#include "core/register/smt-format.h"
#include "io/import/smt-import-fields.h"

#include "gui/base/smt-gui.h"
#include "gui/base/smt-view.h"
#include "gui/models/smt-import-row-item.h"
#include "smt-import-assistant.h"

/* The pages only gather choices: the file, its sheet, encodings, header
 * and fields go into an SmtImportSource (io/import), the organisation,
 * defaults and decisions into an SmtImportPlan (core/import), which
 * checks the rows against the register and writes them as one batch.
 *
 * Threads. Reading a file touches no register: it runs in a GTask
 * thread while the window stays usable, with a progress bar and Stop.
 * Planning and writing use the register's connection, which is opened
 * without SQLite's mutex (one thread at a time): they run in a GTask
 * thread that holds the register alone. Meanwhile this assistant is
 * modal, its pages are insensitive and every other window of the
 * program is made insensitive too, so nothing else reaches the register
 * until the thread is done; the views are refreshed afterwards through
 * smt_view_record_change. Stopping the writing rolls it back (the plan
 * writes in one transaction). */

#define PREVIEW_ROWS 30
#define PREVIEW_COLS 40

typedef enum
{
  JOB_NONE,
  JOB_READ,    /* open the file and read its first sheet */
  JOB_SHEET,   /* read another sheet */
  JOB_PLAN,    /* the rows, checked against the register */
  JOB_APPLY,   /* the plan written */
} JobKind;

typedef struct
{
  JobKind          kind;
  char            *path;
  guint            sheet;
  SmtImportSource *source;      /* JOB_READ: the result (owned); else borrowed */
  SmtRegister     *reg;         /* owned */
  SmtImportPlan   *plan;        /* JOB_PLAN: the result (owned); JOB_APPLY: borrowed */
  char            *organisation;
  char            *admitted_on;
  char            *sheet_name;
  gint64           branch_id;
  char             sex;
  gint64           batch_id;
  int              progress;    /* ‰, atomic */
} Job;

static void
job_free (Job *job)
{
  if (job->kind == JOB_READ)
    g_clear_pointer (&job->source, smt_import_source_free);
  if (job->kind == JOB_PLAN)
    g_clear_pointer (&job->plan, smt_import_plan_free);
  g_clear_object (&job->reg);
  g_free (job->path);
  g_free (job->organisation);
  g_free (job->admitted_on);
  g_free (job->sheet_name);
  g_free (job);
}

struct _SmtImportAssistant
{
  AdwWindow        parent_instance;

  /* template widgets */
  AdwWindowTitle  *window_title;
  GtkWidget       *cancel_button;
  GtkStack        *stack;
  AdwActionRow    *file_row;
  GtkWidget       *choose_button;
  GtkLabel        *file_info_label;
  GtkWidget       *sheet_box;
  GtkDropDown     *sheet_dropdown;
  GtkSpinButton   *header_spin;
  GtkLabel        *sheet_info_label;
  GtkGrid         *preview_grid;
  GtkLabel        *remembered_label;
  GtkListBox      *column_list;
  GtkLabel        *org_intro_label;
  AdwComboRow     *org_row;
  AdwComboRow     *branch_row;
  AdwEntryRow     *date_row;
  AdwComboRow     *sex_row;
  GtkLabel        *summary_label;
  GtkCheckButton  *problems_check;
  GtkColumnView   *row_view;
  GtkLabel        *dry_run_label;
  GtkLabel        *result_title_label;
  GtkLabel        *result_label;
  GtkWidget       *undo_group;
  AdwEntryRow     *reason_row;
  GtkWidget       *undo_button;
  GtkRevealer     *progress_revealer;
  GtkLabel        *progress_label;
  GtkProgressBar  *progress_bar;
  GtkWidget       *back_button;
  GtkButton       *next_button;
  GtkLabel        *error_label;

  /* owned */
  SmtRegister     *reg;
  SmtImportSource *source;
  SmtImportPlan   *plan;
  GListStore      *rows;          /* SmtImportRowItem, one per row of the plan */
  GtkCustomFilter *filter;
  GPtrArray       *organisations; /* SmtOrganisationInfo, as org_row lists them */
  GPtrArray       *branches;      /* SmtBranchInfo, as branch_row lists them after the first */
  GHashTable      *candidates;    /* person id → "Nguyễn Văn An (1980)" */
  GCancellable    *cancellable;   /* of the job running, or NULL */
  GPtrArray       *held;          /* GtkWindow: made insensitive while a job holds the register */
  Job             *job;           /* borrowed from the task while it runs */
  guint            pulse_id;
  guint            refill_id;
  gint64           organisation_id;  /* proposed */
  gint64           batch_id;
  gboolean         filling;       /* setting widgets up: no reaction */
  gboolean         only_problems;
  gboolean         close_when_done;
  gboolean         undone;
};

G_DEFINE_FINAL_TYPE (SmtImportAssistant, smt_import_assistant, ADW_TYPE_WINDOW)

static const struct
{
  const char *name, *title;
} pages[] = {
  { "file", N_("The file") },
  { "sheet", N_("The sheet and its header") },
  { "columns", N_("The columns") },
  { "organisation", N_("The organisation") },
  { "preview", N_("The rows") },
  { "import", N_("The import") },
  { "result", N_("Done") },
};

enum { PAGE_FILE, PAGE_SHEET, PAGE_COLUMNS, PAGE_ORGANISATION, PAGE_PREVIEW, PAGE_IMPORT,
       PAGE_RESULT };

static void show_page      (SmtImportAssistant *self,
                            guint               index);
static void fill_preview   (SmtImportAssistant *self);

static guint
page_index (SmtImportAssistant *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->stack);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    if (g_strcmp0 (pages[i].name, name) == 0)
      return i;
  return 0;
}

static void
show_error (SmtImportAssistant *self,
            const char         *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
}

static const char *
sheet_name (SmtImportAssistant *self)
{
  return smt_workbook_sheet_name (smt_import_source_workbook (self->source),
                                  smt_import_source_sheet_index (self->source));
}

static guint
count_data_rows (const SmtSheetLayout *layout)
{
  guint n = 0;

  for (guint r = 0; r < layout->n_rows; r++)
    n += layout->row_kinds[r] == SMT_SHEET_ROW_DATA;
  return n;
}

/* ---- the job in a thread --------------------------------------------------------- */

static void
sheet_progress (double   fraction,
                gpointer data)
{
  Job *job = data;

  g_atomic_int_set (&job->progress, (int) (CLAMP (fraction, 0.0, 1.0) * 1000));
}

static void
apply_progress (guint    done,
                guint    total,
                gpointer data)
{
  Job *job = data;

  g_atomic_int_set (&job->progress, total > 0 ? (int) ((guint64) done * 1000 / total) : 0);
}

static void
job_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;
  gboolean ok = FALSE;

  switch (job->kind)
    {
    case JOB_READ:
      job->source = smt_import_source_open (job->path, &error);
      ok = job->source != NULL
           && smt_import_source_load_sheet (job->source, job->sheet, cancellable,
                                            sheet_progress, job, &error);
      break;
    case JOB_SHEET:
      ok = smt_import_source_load_sheet (job->source, job->sheet, cancellable, sheet_progress,
                                         job, &error);
      break;
    case JOB_PLAN:
      {
        GPtrArray *rows = smt_import_source_read_rows (job->source, cancellable, &error);
        SmtImportPlanOptions options = {
          .organisation = job->organisation, .branch_id = job->branch_id,
          .admitted_on = job->admitted_on, .default_sex = job->sex,
          .file_name = smt_import_source_file_name (job->source),
          .file_sha256 = smt_import_source_sha256 (job->source),
          .sheet = job->sheet_name,
        };

        if (rows != NULL)
          job->plan = smt_import_plan_new (job->reg, &options, rows, cancellable, &error);
        else if (error == NULL)
          g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Stopped."));
        ok = job->plan != NULL;
      }
      break;
    case JOB_APPLY:
      ok = smt_import_plan_apply (job->plan, cancellable, apply_progress, job, &job->batch_id,
                                  &error);
      break;
    case JOB_NONE:
    default:
      g_assert_not_reached ();
    }
  if (ok)
    g_task_return_boolean (task, TRUE);
  else if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s", _("Stopped."));
}

static gboolean
on_progress_tick (gpointer data)
{
  SmtImportAssistant *self = data;

  if (self->job == NULL)
    return G_SOURCE_CONTINUE;
  /* The plan says nothing of its progress: a pulse shows it works. */
  if (self->job->kind == JOB_PLAN)
    gtk_progress_bar_pulse (self->progress_bar);
  else
    gtk_progress_bar_set_fraction (self->progress_bar,
                                   g_atomic_int_get (&self->job->progress) / 1000.0);
  return G_SOURCE_CONTINUE;
}

/* While a job holds the register, nothing else of the program may reach
 * it: every other window is made insensitive until it is done. */
static void
hold_windows (SmtImportAssistant *self,
              gboolean            hold)
{
  if (hold)
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

          if (window != GTK_WIDGET (self) && gtk_widget_get_sensitive (window))
            {
              gtk_widget_set_sensitive (window, FALSE);
              g_ptr_array_add (self->held, g_object_ref (window));
            }
        }
    }
  else
    {
      for (guint i = 0; i < self->held->len; i++)
        gtk_widget_set_sensitive (g_ptr_array_index (self->held, i), TRUE);
      g_ptr_array_set_size (self->held, 0);
    }
}

static void
set_busy (SmtImportAssistant *self,
          Job                *job,
          const char         *what)
{
  gboolean busy = job != NULL;

  self->job = job;
  /* An entry keeping the focus while its page turns insensitive would
   * never see the focus go. */
  if (busy)
    gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->stack), !busy);
  gtk_widget_set_sensitive (self->back_button, !busy && page_index (self) > 0
                                               && page_index (self) < PAGE_RESULT);
  gtk_widget_set_sensitive (GTK_WIDGET (self->next_button), !busy);
  gtk_revealer_set_reveal_child (self->progress_revealer, busy);
  if (busy)
    {
      gtk_label_set_text (self->progress_label, what);
      gtk_progress_bar_set_fraction (self->progress_bar, 0);
      self->pulse_id = g_timeout_add (100, on_progress_tick, self);
      show_error (self, NULL);
    }
  else
    g_clear_handle_id (&self->pulse_id, g_source_remove);
  if (job == NULL || job->kind == JOB_PLAN || job->kind == JOB_APPLY)
    hold_windows (self, busy);
}

static void on_job_done (GObject      *object,
                         GAsyncResult *result,
                         gpointer      data);

static void
start_job (SmtImportAssistant *self,
           Job                *job,
           const char         *what)
{
  g_autoptr(GTask) task = NULL;

  g_assert (self->job == NULL);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, on_job_done, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  set_busy (self, job, what);
  g_task_run_in_thread (task, job_thread);
}

/* ---- the file -------------------------------------------------------------------- */

static char *
cell_text (const SmtCell *cell)
{
  switch (cell->kind)
    {
    case SMT_CELL_TEXT:
    case SMT_CELL_ERROR:
      return g_strdelimit (g_strdup (cell->text), "\r\n\t", ' ');
    case SMT_CELL_NUMBER:
      if (cell->number == floor (cell->number) && fabs (cell->number) < 1e15)
        return g_strdup_printf ("%.0f", cell->number);
      return smt_format_decimal (cell->number, 2);
    case SMT_CELL_DATE:
      {
        char iso[11];

        if (smt_date_add_days_to ("1899-12-30", (int) floor (cell->number), iso))
          return smt_date_to_display (iso);
        return g_strdup_printf ("%.0f", cell->number);
      }
    case SMT_CELL_BOOL:
      return g_strdup (cell->number != 0 ? "✓" : "");
    case SMT_CELL_EMPTY:
    default:
      return g_strdup ("");
    }
}

static void
fill_sheet_page (SmtImportAssistant *self)
{
  const SmtWorkbook *workbook = smt_import_source_workbook (self->source);
  const SmtSheetLayout *layout = smt_import_source_layout (self->source);
  guint n_sheets = smt_workbook_n_sheets (workbook);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *rows = smt_format_int (count_data_rows (layout));
  g_autofree char *info = NULL;

  self->filling = TRUE;
  for (guint i = 0; i < n_sheets; i++)
    gtk_string_list_append (names, smt_workbook_sheet_name (workbook, i));
  gtk_drop_down_set_model (self->sheet_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->sheet_dropdown, smt_import_source_sheet_index (self->source));
  gtk_widget_set_visible (self->sheet_box, n_sheets > 1);
  gtk_spin_button_set_range (self->header_spin, 1, MAX (layout->n_rows, 1));
  gtk_spin_button_set_value (self->header_spin, layout->header_row + 1);
  self->filling = FALSE;
  if (layout->header_found)
    /* Translators: "Tiêu đề ở dòng 4; 35 dòng người." */
    info = g_strdup_printf (_("Header found on row %u; %s rows of people."),
                            layout->header_row + 1, rows);
  else
    info = g_strdup_printf (_("No row looks like a header: say which row it is. %s rows of "
                              "people."), rows);
  gtk_label_set_text (self->sheet_info_label, info);
  fill_preview (self);
}

static void
on_job_read_done (SmtImportAssistant *self,
                  Job                *job)
{
  g_autofree char *display = g_filename_display_name (job->path);
  const SmtWorkbook *workbook;
  g_autofree char *info = NULL;

  g_clear_pointer (&self->plan, smt_import_plan_free);
  g_clear_pointer (&self->source, smt_import_source_free);
  self->source = g_steal_pointer (&job->source);
  workbook = smt_import_source_workbook (self->source);
  adw_action_row_set_subtitle (self->file_row, display);
  info = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u sheet. Read: go on to see it.",
                                       "%s, %u sheets. Read: go on to see them.",
                                       smt_workbook_n_sheets (workbook)),
                          smt_workbook_format_name (smt_workbook_format (workbook)),
                          smt_workbook_n_sheets (workbook));
  gtk_label_set_text (self->file_info_label, info);
  fill_sheet_page (self);
  show_page (self, PAGE_SHEET);
}

static void
on_file_response (GtkNativeDialog    *native,
                  int                 response,
                  SmtImportAssistant *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  if (file != NULL && (path = g_file_get_path (file)) != NULL)
    smt_import_assistant_open_file (self, path);
  g_object_unref (native);
}

static void
on_choose_clicked (SmtImportAssistant *self)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) lists = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  static const char *const patterns[] = { "*.xlsx", "*.xls", "*.ods", "*.csv", "*.txt",
                                          "*.XLSX", "*.XLS", "*.ODS", "*.CSV", "*.TXT" };

  native = gtk_file_chooser_native_new (_("Choose a Member List"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (lists, _("Member lists (.xlsx, .xls, .ods, .csv, .txt)"));
  for (guint i = 0; i < G_N_ELEMENTS (patterns); i++)
    gtk_file_filter_add_pattern (lists, patterns[i]);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), lists);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (native), lists);
  g_signal_connect_object (native, "response", G_CALLBACK (on_file_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* ---- the sheet: its first rows, the header, each column's typing ------------------ */

static const char *
row_kind_label (SmtSheetRowKind kind)
{
  switch (kind)
    {
    case SMT_SHEET_ROW_TITLE: return _("title");
    case SMT_SHEET_ROW_HEADER: return _("header");
    case SMT_SHEET_ROW_COLUMN_NUMBERS: return _("column numbers");
    case SMT_SHEET_ROW_DATA: return _("a person");
    case SMT_SHEET_ROW_BLANK: return _("blank");
    case SMT_SHEET_ROW_GROUP: return _("a hamlet’s rows begin");
    case SMT_SHEET_ROW_TOTAL: return _("total");
    case SMT_SHEET_ROW_REPEATED_HEADER: return _("header repeated");
    case SMT_SHEET_ROW_FOOTER: return _("after the list");
    default: return "";
    }
}

static void
on_encoding_selected (SmtImportAssistant *self,
                      GParamSpec         *pspec,
                      GtkDropDown        *dropdown)
{
  guint col = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dropdown), "column"));

  if (self->filling)
    return;
  smt_import_assistant_set_encoding (self, col, gtk_drop_down_get_selected (dropdown));
}

static gboolean
refill_preview (gpointer data)
{
  SmtImportAssistant *self = data;

  self->refill_id = 0;
  if (self->source != NULL && smt_import_source_is_loaded (self->source))
    fill_sheet_page (self);
  return G_SOURCE_REMOVE;
}

static void
queue_refill (SmtImportAssistant *self)
{
  /* Not from inside a handler of a widget that the refill replaces. */
  if (self->refill_id == 0)
    self->refill_id = g_idle_add (refill_preview, self);
}

static GtkWidget *
grid_label (const char *text,
            const char *css_class,
            gboolean    dim)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  if (dim)
    gtk_widget_add_css_class (label, "not-data");
  return label;
}

/* Only the rows shown are made: a grid of labels over the first rows. */
static void
fill_preview (SmtImportAssistant *self)
{
  const SmtSheet *sheet = smt_import_source_sheet (self->source);
  const SmtSheetLayout *layout = smt_import_source_layout (self->source);
  g_autoptr(GtkStringList) encodings = gtk_string_list_new (NULL);
  guint n_cols = MIN (layout->n_cols, PREVIEW_COLS);
  guint first = layout->header_row > PREVIEW_ROWS - 10 ? layout->header_row - 5 : 0;
  guint last = MIN (layout->n_rows, first + PREVIEW_ROWS);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->preview_grid))) != NULL)
    gtk_grid_remove (self->preview_grid, child);
  for (guint e = 0; e < SMT_N_ENCODINGS; e++)
    gtk_string_list_append (encodings, smt_text_encoding_label (e));

  self->filling = TRUE;
  gtk_grid_attach (self->preview_grid, grid_label (_("Row"), "row-number", FALSE), 0, 0, 1, 1);
  gtk_grid_attach (self->preview_grid, grid_label (_("Typing"), "row-number", FALSE), 0, 1, 1,
                   1);
  for (guint c = 0; c < n_cols; c++)
    {
      g_autofree char *name = smt_import_column_name (c);
      double confidence = 1.0;
      SmtTextEncoding enc = smt_import_source_encoding (self->source, c, &confidence);
      GtkWidget *dropdown = gtk_drop_down_new (g_object_ref (G_LIST_MODEL (encodings)), NULL);
      g_autofree char *tip = NULL;
      g_autofree char *sure = smt_format_percent (confidence * 100, 0);

      gtk_grid_attach (self->preview_grid, grid_label (name, "column-name", FALSE), c + 1, 0,
                       1, 1);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), enc);
      /* Translators: the typing of column C: "Cột C: TCVN3 (ABC, .VnTime), chắc 92 %" */
      tip = g_strdup_printf (_("Column %s: %s, %s sure"), name, smt_text_encoding_label (enc),
                             sure);
      gtk_widget_set_tooltip_text (dropdown, tip);
      g_object_set_data (G_OBJECT (dropdown), "column", GUINT_TO_POINTER (c));
      g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (on_encoding_selected),
                               self, G_CONNECT_SWAPPED);
      gtk_grid_attach (self->preview_grid, dropdown, c + 1, 1, 1, 1);
    }
  for (guint r = first; r < last; r++)
    {
      SmtSheetRowKind kind = layout->row_kinds[r];
      gboolean header = kind == SMT_SHEET_ROW_HEADER;
      gboolean dim = !header && kind != SMT_SHEET_ROW_DATA;
      g_autofree char *number = g_strdup_printf ("%u", r + 1);
      GtkWidget *label = grid_label (number, "row-number", FALSE);
      int y = (int) (r - first) + 2;

      gtk_widget_set_tooltip_text (label, row_kind_label (kind));
      gtk_grid_attach (self->preview_grid, label, 0, y, 1, 1);
      for (guint c = 0; c < n_cols; c++)
        {
          g_autofree char *text = cell_text (smt_sheet_cell (sheet, r, c));

          label = grid_label (text, header ? "header" : NULL, dim);
          if (*text != '\0')
            gtk_widget_set_tooltip_text (label, text);
          gtk_grid_attach (self->preview_grid, label, c + 1, y, 1, 1);
        }
    }
  self->filling = FALSE;
}

static void
on_sheet_selected (SmtImportAssistant *self)
{
  guint index = gtk_drop_down_get_selected (self->sheet_dropdown);

  if (self->filling || index == GTK_INVALID_LIST_POSITION)
    return;
  smt_import_assistant_set_sheet (self, index);
}

static void
on_header_changed (SmtImportAssistant *self)
{
  if (self->filling)
    return;
  smt_import_assistant_set_header_row (self, gtk_spin_button_get_value_as_int (self->header_spin));
}

/* ---- the columns ----------------------------------------------------------------- */

static void
on_field_selected (SmtImportAssistant *self,
                   GParamSpec         *pspec,
                   GtkDropDown        *dropdown)
{
  guint col = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dropdown), "column"));

  if (!self->filling)
    smt_import_assistant_set_field (self, col, gtk_drop_down_get_selected (dropdown));
}

/* "1980, 1975": what the column holds on the first rows of people. */
static char *
column_samples (SmtImportAssistant *self,
                guint               col)
{
  const SmtSheet *sheet = smt_import_source_sheet (self->source);
  const SmtSheetLayout *layout = smt_import_source_layout (self->source);
  g_autoptr(GPtrArray) samples = g_ptr_array_new_with_free_func (g_free);

  for (guint r = layout->first_data_row; r < layout->n_rows && samples->len < 3; r++)
    if (layout->row_kinds[r] == SMT_SHEET_ROW_DATA)
      {
        char *text = cell_text (smt_sheet_cell (sheet, r, col));

        if (*text != '\0')
          g_ptr_array_add (samples, text);
        else
          g_free (text);
      }
  g_ptr_array_add (samples, NULL);
  return g_strjoinv (", ", (char **) samples->pdata);
}

static void
fill_columns (SmtImportAssistant *self)
{
  const SmtSheetLayout *layout = smt_import_source_layout (self->source);
  const SmtImportMapping *mapping = smt_import_source_mapping (self->source);
  g_autoptr(GtkStringList) fields = gtk_string_list_new (NULL);
  GtkWidget *child;

  for (guint f = 0; f < SMT_IMPORT_N_FIELDS; f++)
    gtk_string_list_append (fields, smt_import_field_label (f));
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->column_list))) != NULL)
    gtk_list_box_remove (self->column_list, child);

  self->filling = TRUE;
  for (guint c = 0; c < layout->n_cols; c++)
    {
      SmtImportField field = smt_import_mapping_field (mapping, c);
      g_autofree char *name = smt_import_column_name (c);
      g_autofree char *samples = column_samples (self, c);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row, *dropdown;

      if (layout->headers[c][0] == '\0' && field == SMT_IMPORT_FIELD_IGNORE && *samples == '\0')
        continue;
      /* Translators: a column without a header: "Cột H" */
      title = layout->headers[c][0] != '\0' ? g_markup_escape_text (layout->headers[c], -1)
                                            : g_strdup_printf (_("Column %s"), name);
      subtitle = *samples != '\0' ? g_markup_printf_escaped ("%s · %s", name, samples)
                                  : g_markup_printf_escaped (_("%s · empty on the first rows"),
                                                             name);
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
      dropdown = gtk_drop_down_new (g_object_ref (G_LIST_MODEL (fields)), NULL);
      gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), field);
      g_object_set_data (G_OBJECT (dropdown), "column", GUINT_TO_POINTER (c));
      g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (on_field_selected),
                               self, G_CONNECT_SWAPPED);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), dropdown);
      gtk_list_box_append (self->column_list, row);
    }
  self->filling = FALSE;
  gtk_label_set_text (self->remembered_label,
                      smt_import_source_is_remembered (self->source)
                      ? _("The columns are mapped as last time for a list of this shape.") : "");
  gtk_widget_set_visible (GTK_WIDGET (self->remembered_label),
                          smt_import_source_is_remembered (self->source));
}

static gboolean
mapping_has (SmtImportAssistant *self,
             gboolean          (*test) (SmtImportField field))
{
  const SmtSheetLayout *layout = smt_import_source_layout (self->source);
  const SmtImportMapping *mapping = smt_import_source_mapping (self->source);

  for (guint c = 0; c < layout->n_cols; c++)
    if (test (smt_import_mapping_field (mapping, c)))
      return TRUE;
  return FALSE;
}

static gboolean
field_says_sex (SmtImportField field)
{
  return field == SMT_IMPORT_FIELD_SEX || field == SMT_IMPORT_FIELD_BIRTH_YEAR_MALE
         || field == SMT_IMPORT_FIELD_BIRTH_YEAR_FEMALE;
}

/* ---- the organisation ------------------------------------------------------------- */

static const SmtOrganisationInfo *
chosen_organisation (SmtImportAssistant *self)
{
  guint i = adw_combo_row_get_selected (self->org_row);

  if (self->organisations == NULL || i >= self->organisations->len)
    return NULL;
  return g_ptr_array_index (self->organisations, i);
}

static void
update_sex_row (SmtImportAssistant *self)
{
  const SmtOrganisationInfo *org = chosen_organisation (self);

  /* A single-sex organisation's sex is used without asking. */
  gtk_widget_set_visible (GTK_WIDGET (self->sex_row),
                          self->source != NULL && !mapping_has (self, field_says_sex)
                          && (org == NULL || org->sex == 0));
}

static void
on_org_selected (SmtImportAssistant *self)
{
  const SmtOrganisationInfo *org = chosen_organisation (self);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->branches, g_ptr_array_unref);
  gtk_string_list_append (names, _("From the hamlet column or the hamlet rows"));
  if (org != NULL)
    {
      self->branches = smt_branches_list (self->reg, org->id, NULL, &error);
      if (self->branches == NULL)
        show_error (self, error->message);
    }
  for (guint i = 0; self->branches != NULL && i < self->branches->len; i++)
    gtk_string_list_append (names, ((SmtBranchInfo *) g_ptr_array_index (self->branches,
                                                                          i))->name);
  adw_combo_row_set_model (self->branch_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->branch_row, 0);
  update_sex_row (self);
}

static void
fill_organisations (SmtImportAssistant *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  guint selected = 0;

  all = smt_organisations_list (self->reg, &error);
  self->organisations = g_ptr_array_new_with_free_func (
      (GDestroyNotify) smt_organisation_info_free);
  for (guint i = 0; all != NULL && i < all->len; i++)
    {
      SmtOrganisationInfo *org = g_ptr_array_index (all, i);

      if (!org->active)
        continue;
      if (org->id == self->organisation_id)
        selected = self->organisations->len;
      gtk_string_list_append (names, org->name);
      g_ptr_array_add (self->organisations, g_steal_pointer (&all->pdata[i]));
    }
  if (all == NULL)
    show_error (self, error->message);
  self->filling = TRUE;
  adw_combo_row_set_model (self->org_row, G_LIST_MODEL (names));
  self->filling = FALSE;
  adw_combo_row_set_selected (self->org_row, selected);
  on_org_selected (self);
}

static void
enter_organisation (SmtImportAssistant *self)
{
  g_autofree char *rows = smt_format_int (count_data_rows (smt_import_source_layout (self->source)));
  g_autofree char *text = NULL;

  /* Translators: "35 dòng người của “DS hoi vien.xlsx”, trang “Danh sách”: …" */
  text = g_strdup_printf (_("%s rows of people from “%s”, sheet “%s”. Which organisation are "
                            "they members of?"), rows,
                          smt_import_source_file_name (self->source), sheet_name (self));
  gtk_label_set_text (self->org_intro_label, text);
  update_sex_row (self);
}

/* ---- the preview ------------------------------------------------------------------ */

static void
append_count (GString    *out,
              const char *format,
              guint       n)
{
  g_autofree char *number = smt_format_int (n);
  g_autofree char *bold = g_strdup_printf ("<b>%s</b>", number);

  const char *at = strstr (format, "%s");

  /* The translated format holds one "%s" for the number. */
  if (out->len > 0)
    g_string_append (out, "  ·  ");
  if (at == NULL)
    {
      g_string_append (out, format);
      return;
    }
  g_string_append_len (out, format, at - format);
  g_string_append (out, bold);
  g_string_append (out, at + 2);
}

static void
update_summary (SmtImportAssistant *self)
{
  SmtImportSummary s;
  g_autoptr(GString) out = g_string_new (NULL);

  smt_import_plan_get_summary (self->plan, &s);
  /* Translators: each "%s" is a number in bold */
  append_count (out, _("%s new persons"), s.new_persons);
  append_count (out, _("%s join the organisation"), s.new_memberships);
  append_count (out, _("%s already members"), s.already_members);
  append_count (out, _("%s skipped"), s.skipped);
  append_count (out, _("%s households to create"), s.households);
  if (s.undecided > 0)
    g_string_append (out, "<span foreground=\"#c01c28\">");
  append_count (out, _("%s still to decide"), s.undecided);
  if (s.undecided > 0)
    g_string_append (out, "</span>");
  gtk_label_set_markup (self->summary_label, out->str);
}

static const SmtImportDecision decision_of_choice[] = {
  SMT_IMPORT_AUTO, SMT_IMPORT_SKIP, SMT_IMPORT_SAME_PERSON, SMT_IMPORT_NEW_PERSON,
};

static void
setup_text (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (data) == 1)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
    }
  else
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

typedef enum
{
  COL_ROW,
  COL_NAME,
  COL_BIRTH,
  COL_HAMLET,
  COL_STATUS,
  COL_PROBLEMS,
} RowColumn;

static void
bind_text (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  data)
{
  RowColumn column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  const SmtImportPlanRow *r = smt_import_row_item_get_row (gtk_list_item_get_item (item));
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  g_autofree char *text = NULL;

  gtk_widget_remove_css_class (GTK_WIDGET (label), "undecided");
  switch (column)
    {
    case COL_ROW:
      text = g_strdup_printf ("%u", r->row->source_row);
      break;
    case COL_NAME:
      text = g_strjoin (" ", r->ho != NULL ? r->ho : "",
                        r->chu_lot != NULL && *r->chu_lot ? r->chu_lot : "",
                        r->ten != NULL ? r->ten : "", NULL);
      /* No chữ lót leaves two spaces. */
      {
        char *two;

        while ((two = strstr (text, "  ")) != NULL)
          memmove (two, two + 1, strlen (two));
        g_strstrip (text);
      }
      break;
    case COL_BIRTH:
      text = r->row->birth_year > 0 ? g_strdup_printf ("%d", r->row->birth_year) : g_strdup ("");
      break;
    case COL_HAMLET:
      text = g_strdup (r->row->hamlet != NULL ? r->row->hamlet : "");
      break;
    case COL_STATUS:
      text = g_strdup (smt_import_status_label (r->status));
      if (r->status == SMT_IMPORT_STATUS_UNDECIDED)
        gtk_widget_add_css_class (GTK_WIDGET (label), "undecided");
      break;
    case COL_PROBLEMS:
      {
        g_autoptr(GString) out = g_string_new (NULL);

        for (guint k = 0; k < r->problems->len; k++)
          {
            const SmtImportProblem *p = g_ptr_array_index (r->problems, k);

            if (out->len > 0)
              g_string_append_c (out, '\n');
            g_string_append_printf (out, "%s%s", p->blocking ? "⚠ " : "", p->message);
          }
        text = g_string_free (g_steal_pointer (&out), FALSE);
      }
      break;
    default:
      g_assert_not_reached ();
    }
  gtk_label_set_text (label, text);
}

static void
on_row_choice (GtkDropDown        *dropdown,
               GParamSpec         *pspec,
               SmtImportAssistant *self);

static void
setup_choice (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              SmtImportAssistant       *self)
{
  GtkWidget *dropdown = gtk_drop_down_new (NULL, NULL);

  gtk_widget_set_valign (dropdown, GTK_ALIGN_START);
  g_object_set_data (G_OBJECT (dropdown), "list-item", item);
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (on_row_choice), self, 0);
  gtk_list_item_set_child (item, dropdown);
}

static void
bind_choice (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             SmtImportAssistant       *self)
{
  const SmtImportPlanRow *r = smt_import_row_item_get_row (gtk_list_item_get_item (item));
  GtkDropDown *dropdown = GTK_DROP_DOWN (gtk_list_item_get_child (item));
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  const char *candidate = NULL;
  g_autofree char *same = NULL;
  guint selected = 0;

  gtk_widget_set_visible (GTK_WIDGET (dropdown),
                          r->problems->len > 0 || r->status == SMT_IMPORT_STATUS_UNDECIDED
                          || r->decision != SMT_IMPORT_AUTO);
  if (r->candidate_id != 0)
    candidate = g_hash_table_lookup (self->candidates, &r->candidate_id);
  if (candidate != NULL)
    same = g_strdup_printf (_("Same person as %s"), candidate);
  else if (r->repeats_row != 0)
    same = g_strdup_printf (_("Same person as row %u"), r->repeats_row);
  else
    same = g_strdup (_("Same person as… (no one alike)"));
  gtk_string_list_append (choices, _("As proposed"));
  gtk_string_list_append (choices, _("Skip"));
  gtk_string_list_append (choices, same);
  gtk_string_list_append (choices, _("New person"));
  for (guint i = 0; i < G_N_ELEMENTS (decision_of_choice); i++)
    if (decision_of_choice[i] == r->decision)
      selected = i;
  g_object_set_data (G_OBJECT (dropdown), "binding", GINT_TO_POINTER (TRUE));
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (choices));
  gtk_drop_down_set_selected (dropdown, selected);
  g_object_set_data (G_OBJECT (dropdown), "binding", NULL);
}

typedef struct
{
  SmtImportAssistant *self;
  guint               index;
  SmtImportDecision   decision;
} Choice;

static gboolean
apply_choice (gpointer data)
{
  Choice *choice = data;

  smt_import_assistant_decide (choice->self, choice->index, choice->decision);
  g_object_unref (choice->self);
  g_free (choice);
  return G_SOURCE_REMOVE;
}

static void
on_row_choice (GtkDropDown        *dropdown,
               GParamSpec         *pspec,
               SmtImportAssistant *self)
{
  GtkListItem *item = g_object_get_data (G_OBJECT (dropdown), "list-item");
  guint selected = gtk_drop_down_get_selected (dropdown);
  Choice *choice;

  if (g_object_get_data (G_OBJECT (dropdown), "binding") != NULL
      || gtk_list_item_get_item (item) == NULL || selected >= G_N_ELEMENTS (decision_of_choice))
    return;
  /* Deciding replaces the item, and so this row: not from its own handler. */
  choice = g_new0 (Choice, 1);
  choice->self = g_object_ref (self);
  choice->index = smt_import_row_item_get_index (gtk_list_item_get_item (item));
  choice->decision = decision_of_choice[selected];
  g_idle_add (apply_choice, choice);
}

static void
add_column (SmtImportAssistant *self,
            const char         *title,
            RowColumn           column,
            int                 width)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) col = NULL;

  g_object_set_data (G_OBJECT (factory), "column", GINT_TO_POINTER (column));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_text),
                    GINT_TO_POINTER (column == COL_PROBLEMS ? 1 : 0));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_text), NULL);
  col = gtk_column_view_column_new (title, g_object_ref (factory));
  if (width > 0)
    gtk_column_view_column_set_fixed_width (col, width);
  else
    gtk_column_view_column_set_expand (col, TRUE);
  gtk_column_view_append_column (self->row_view, col);
}

static gboolean
filter_row (gpointer item,
            gpointer data)
{
  SmtImportAssistant *self = data;

  return !self->only_problems || smt_import_row_item_has_problems (item);
}

static void
setup_row_view (SmtImportAssistant *self)
{
  g_autoptr(GtkListItemFactory) choice = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) col = NULL;
  GtkFilterListModel *filtered;
  GtkNoSelection *selection;

  self->rows = g_list_store_new (SMT_TYPE_IMPORT_ROW_ITEM);
  self->filter = gtk_custom_filter_new (filter_row, self, NULL);
  filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->rows)),
                                        g_object_ref (GTK_FILTER (self->filter)));
  selection = gtk_no_selection_new (G_LIST_MODEL (filtered));
  gtk_column_view_set_model (self->row_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  add_column (self, _("Row"), COL_ROW, 56);
  add_column (self, _("Full name"), COL_NAME, 170);
  add_column (self, _("Born"), COL_BIRTH, 84);
  add_column (self, _("Hamlet"), COL_HAMLET, 110);
  add_column (self, _("Result"), COL_STATUS, 130);
  add_column (self, _("Problems"), COL_PROBLEMS, -1);
  g_signal_connect (choice, "setup", G_CALLBACK (setup_choice), self);
  g_signal_connect (choice, "bind", G_CALLBACK (bind_choice), self);
  col = gtk_column_view_column_new (_("Decision"), g_object_ref (choice));
  gtk_column_view_column_set_fixed_width (col, 230);
  gtk_column_view_append_column (self->row_view, col);
}

/* The people the rows look like, named once on the main thread so that
 * showing a row never reads the register. */
static void
name_candidates (SmtImportAssistant *self)
{
  g_hash_table_remove_all (self->candidates);
  for (guint i = 0; i < smt_import_plan_get_n_rows (self->plan); i++)
    {
      const SmtImportPlanRow *r = smt_import_plan_get_row (self->plan, i);
      g_autoptr(SmtPersonDetail) person = NULL;
      gint64 *key;

      if (r->candidate_id == 0 || g_hash_table_contains (self->candidates, &r->candidate_id))
        continue;
      person = smt_person_detail_get (self->reg, r->candidate_id, NULL);
      if (person == NULL)
        continue;
      key = g_memdup2 (&r->candidate_id, sizeof r->candidate_id);
      g_hash_table_insert (self->candidates, key,
                           g_strdup_printf ("%s (%d, key %" G_GINT64_FORMAT ")", person->name,
                                            person->birth_year, person->id));
    }
}

static void
fill_rows (SmtImportAssistant *self)
{
  guint n = smt_import_plan_get_n_rows (self->plan);
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, smt_import_row_item_new (self->plan, i));
  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       items->pdata, items->len);
  update_summary (self);
}

static void
clear_plan (SmtImportAssistant *self)
{
  /* The items borrow the plan. */
  g_list_store_remove_all (self->rows);
  g_clear_pointer (&self->plan, smt_import_plan_free);
}

static void
start_plan (SmtImportAssistant *self)
{
  const SmtOrganisationInfo *org = chosen_organisation (self);
  guint branch = adw_combo_row_get_selected (self->branch_row);
  const char *date = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  Job *job = g_new0 (Job, 1);

  clear_plan (self);
  job->kind = JOB_PLAN;
  job->source = self->source;
  job->reg = g_object_ref (self->reg);
  job->organisation = g_strdup (org->code);
  if (branch > 0 && self->branches != NULL && branch - 1 < self->branches->len)
    job->branch_id = ((SmtBranchInfo *) g_ptr_array_index (self->branches, branch - 1))->id;
  job->admitted_on = *date != '\0' ? smt_date_parse (date) : NULL;
  if (gtk_widget_get_visible (GTK_WIDGET (self->sex_row)))
    job->sex = "\0MF"[MIN (adw_combo_row_get_selected (self->sex_row), 2)];
  job->sheet_name = g_strdup (sheet_name (self));
  start_job (self, job, _("Checking every row against the register…"));
}

static void
on_problems_toggled (SmtImportAssistant *self)
{
  smt_import_assistant_show_only_problems (self,
                                           gtk_check_button_get_active (self->problems_check));
}

static void
on_all_same_clicked (SmtImportAssistant *self)
{
  smt_import_assistant_decide_look_alikes (self, SMT_IMPORT_SAME_PERSON);
}

static void
on_all_skip_clicked (SmtImportAssistant *self)
{
  smt_import_assistant_decide_look_alikes (self, SMT_IMPORT_SKIP);
}

/* ---- the import and its result ----------------------------------------------------- */

static void
enter_import (SmtImportAssistant *self)
{
  const SmtOrganisationInfo *org = chosen_organisation (self);
  SmtImportSummary s;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *persons = NULL, *joins = NULL, *households = NULL, *already = NULL;
  g_autofree char *skipped = NULL;

  smt_import_plan_get_summary (self->plan, &s);
  persons = smt_format_int (s.new_persons);
  joins = smt_format_int (s.new_memberships);
  households = smt_format_int (s.households);
  already = smt_format_int (s.already_members);
  skipped = smt_format_int (s.skipped);
  g_string_append_printf (out, _("A dry run of the list into %s gives:"), org->name);
  g_string_append_c (out, '\n');
  g_string_append_printf (out, _("• %s new persons, each admitted on the list’s date"), persons);
  g_string_append_c (out, '\n');
  g_string_append_printf (out, _("• %s persons already in the register admitted"), joins);
  g_string_append_c (out, '\n');
  g_string_append_printf (out, _("• %s new households"), households);
  g_string_append_c (out, '\n');
  g_string_append_printf (out, _("Nothing is written for %s rows already members and %s rows "
                                 "skipped."), already, skipped);
  if (s.new_persons + s.new_memberships == 0)
    {
      g_string_append_c (out, '\n');
      g_string_append (out, _("There is nothing to import."));
    }
  gtk_label_set_text (self->dry_run_label, out->str);
}

typedef struct
{
  gint64 batch_id;
} ImportUndo;

static gboolean
undo_import (SmtRegister  *reg,
             gpointer      data,
             GError      **error)
{
  const ImportUndo *undo = data;

  return smt_import_batch_undo (reg, undo->batch_id,
                                _("Undone (Ctrl+Z) right after the import"), error);
}

static void
fill_result (SmtImportAssistant *self,
             const char         *remember_error)
{
  const SmtOrganisationInfo *org = chosen_organisation (self);
  g_autofree char *batch = g_strdup_printf ("%" G_GINT64_FORMAT, self->batch_id);
  g_autofree char *title = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  SmtImportSummary s;

  smt_import_plan_get_summary (self->plan, &s);
  if (self->undone)
    {
      title = g_strdup (_("The Import Is Undone"));
      g_string_append_printf (text, _("The people, households and admissions import %s wrote "
                                      "are gone from the register; the import and why it was "
                                      "undone stay on record (somattran imports)."), batch);
    }
  else
    {
      g_autofree char *persons = smt_format_int (s.new_persons);
      g_autofree char *members = smt_format_int (s.new_persons + s.new_memberships);
      g_autofree char *households = smt_format_int (s.households);

      title = g_strdup (_("The List Is Imported"));
      g_string_append_printf (text, _("Added %s persons and %s members of %s, in %s new "
                                      "households, from “%s”, as import %s. Every view shows "
                                      "them now."),
                              persons, members, org->name, households,
                              smt_import_source_file_name (self->source), batch);
      g_string_append_c (text, '\n');
      if (remember_error != NULL)
        g_string_append_printf (text, _("The columns could not be remembered for next "
                                        "time: %s"), remember_error);
      else
        g_string_append (text, _("The columns are remembered: the next list of this shape "
                                 "opens with them."));
    }
  gtk_label_set_text (self->result_title_label, title);
  gtk_label_set_text (self->result_label, text->str);
  gtk_widget_set_visible (self->undo_group, !self->undone);
}

static void
on_job_apply_done (SmtImportAssistant *self,
                   Job                *job)
{
  g_autoptr(GError) error = NULL;
  ImportUndo *undo = g_new0 (ImportUndo, 1);
  SmtImportSummary s;
  g_autofree char *persons = NULL;
  g_autofree char *message = NULL;

  self->batch_id = job->batch_id;
  undo->batch_id = job->batch_id;
  /* A list that went in teaches the program its shape. */
  smt_import_source_remember (self->source, &error);
  smt_import_plan_get_summary (self->plan, &s);
  persons = smt_format_int (s.new_persons);
  message = g_strdup_printf (_("List imported: %s new persons"), persons);
  smt_view_record_change (GTK_WIDGET (self), message, undo_import, undo, g_free);
  fill_result (self, error != NULL ? error->message : NULL);
  show_page (self, PAGE_RESULT);
}

static void
on_undo_response (AdwMessageDialog   *dialog,
                  const char         *response,
                  SmtImportAssistant *self)
{
  if (g_strcmp0 (response, "undo") == 0)
    smt_import_assistant_undo (self, gtk_editable_get_text (GTK_EDITABLE (self->reason_row)));
}

static void
on_undo_clicked (SmtImportAssistant *self)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (
                                          GTK_EDITABLE (self->reason_row))));
  g_autofree char *batch = g_strdup_printf ("%" G_GINT64_FORMAT, self->batch_id);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (*reason == '\0')
    {
      show_error (self, _("Say why the import is undone, for the record."));
      gtk_widget_grab_focus (GTK_WIDGET (self->reason_row));
      return;
    }
  heading = g_strdup_printf (_("Undo Import %s?"), batch);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _("Every person, household and admission it wrote is "
                                     "removed from the register."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "undo", _("_Undo the Import"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "undo",
                                              ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_undo_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- the jobs done ---------------------------------------------------------------- */

static void
on_job_done (GObject      *object,
             GAsyncResult *result,
             gpointer      data)
{
  SmtImportAssistant *self = SMT_IMPORT_ASSISTANT (object);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);
  gboolean stopped = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  set_busy (self, NULL, NULL);
  g_clear_object (&self->cancellable);
  if (self->close_when_done)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  switch (job->kind)
    {
    case JOB_READ:
      if (ok)
        on_job_read_done (self, job);
      else
        show_error (self, stopped ? _("Reading was stopped. Choose the file again to read it.")
                                  : error->message);
      break;
    case JOB_SHEET:
      if (ok)
        fill_sheet_page (self);
      else
        show_error (self, stopped ? _("Reading the sheet was stopped: choose it again.")
                                  : error->message);
      break;
    case JOB_PLAN:
      if (!ok)
        {
          show_error (self, stopped ? _("Checking was stopped; nothing was written.")
                                    : error->message);
          break;
        }
      self->plan = g_steal_pointer (&job->plan);
      name_candidates (self);
      fill_rows (self);
      show_page (self, PAGE_PREVIEW);
      break;
    case JOB_APPLY:
      if (ok)
        on_job_apply_done (self, job);
      else if (stopped)
        show_error (self, _("The import was stopped: the register is as it was before, "
                            "nothing was written."));
      else
        show_error (self, error->message);
      break;
    case JOB_NONE:
    default:
      g_assert_not_reached ();
    }
}

static void
on_stop_clicked (SmtImportAssistant *self)
{
  smt_import_assistant_stop (self);
}

/* ---- moving between the pages ----------------------------------------------------- */

static void
show_page (SmtImportAssistant *self,
           guint               index)
{
  g_autofree char *subtitle = NULL;
  const char *next = _("_Next");

  switch (index)
    {
    case PAGE_SHEET:
      fill_sheet_page (self);
      break;
    case PAGE_COLUMNS:
      fill_columns (self);
      break;
    case PAGE_ORGANISATION:
      enter_organisation (self);
      break;
    case PAGE_IMPORT:
      enter_import (self);
      next = _("_Import");
      break;
    case PAGE_RESULT:
      next = _("_Close");
      break;
    default:
      break;
    }
  gtk_stack_set_visible_child_name (self->stack, pages[index].name);
  /* Translators: "Bước 2 trên 6: Trang tính và dòng tiêu đề". */
  subtitle = index < PAGE_RESULT
             ? g_strdup_printf (_("Step %u of %u: %s"), index + 1, PAGE_RESULT, _(pages[index].title))
             : g_strdup (_(pages[index].title));
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_widget_set_sensitive (self->back_button, index > 0 && index < PAGE_RESULT);
  gtk_widget_set_visible (self->back_button, index < PAGE_RESULT);
  gtk_button_set_label (self->next_button, next);
  gtk_widget_set_visible (self->cancel_button, index < PAGE_RESULT);
  show_error (self, NULL);
}

/* Whether the page in sight may be left forward; if not, says why. */
static gboolean
page_done (SmtImportAssistant *self,
           guint               index)
{
  switch (index)
    {
    case PAGE_FILE:
      if (self->source == NULL || !smt_import_source_is_loaded (self->source))
        {
          show_error (self, _("Choose the file of the member list first."));
          return FALSE;
        }
      return TRUE;
    case PAGE_SHEET:
      if (!smt_import_source_is_loaded (self->source))
        {
          show_error (self, _("Choose a sheet to read."));
          return FALSE;
        }
      return TRUE;
    case PAGE_COLUMNS:
      if (!mapping_has (self, smt_import_field_is_name))
        {
          show_error (self, _("Say which column holds the names (Họ và tên, or Họ and Tên)."));
          return FALSE;
        }
      if (count_data_rows (smt_import_source_layout (self->source)) == 0)
        {
          show_error (self, _("No row below the header holds a person: check the header row "
                              "and the columns."));
          return FALSE;
        }
      return TRUE;
    case PAGE_ORGANISATION:
      {
        const char *date = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
        g_autofree char *iso = *date != '\0' ? smt_date_parse (date) : NULL;

        if (chosen_organisation (self) == NULL)
          {
            show_error (self, _("The register has no organisation to import members into: add "
                                "one in Organisations and Branches first."));
            return FALSE;
          }
        if (*date != '\0' && iso == NULL)
          {
            show_error (self, _("The admission date is not a date. Write it as dd/mm/yyyy, for "
                                "example 05/02/2020, or leave it blank."));
            gtk_widget_grab_focus (GTK_WIDGET (self->date_row));
            return FALSE;
          }
        return TRUE;
      }
    case PAGE_PREVIEW:
      {
        guint undecided = smt_import_plan_n_undecided (self->plan);

        if (undecided > 0)
          {
            g_autofree char *message = g_strdup_printf (
                g_dngettext (GETTEXT_PACKAGE,
                             "%u row needs a decision: choose one in its last column, or use "
                             "the buttons above the list.",
                             "%u rows need a decision: choose one in their last column, or use "
                             "the buttons above the list.", undecided), undecided);

            show_error (self, message);
            return FALSE;
          }
        return TRUE;
      }
    case PAGE_IMPORT:
      {
        SmtImportSummary s;

        smt_import_plan_get_summary (self->plan, &s);
        if (s.new_persons + s.new_memberships == 0)
          {
            show_error (self, _("There is nothing to import: every row is skipped or a member "
                                "already."));
            return FALSE;
          }
        return TRUE;
      }
    default:
      return TRUE;
    }
}

static void
on_next_clicked (SmtImportAssistant *self)
{
  smt_import_assistant_next (self);
}

static void
on_back_clicked (SmtImportAssistant *self)
{
  smt_import_assistant_back (self);
}

/* Closing while a job runs stops it first; the window goes when it has. */
static gboolean
on_close_request (GtkWindow *window)
{
  SmtImportAssistant *self = SMT_IMPORT_ASSISTANT (window);

  if (self->job == NULL)
    return FALSE;
  self->close_when_done = TRUE;
  g_cancellable_cancel (self->cancellable);
  return TRUE;
}

/* ---- the object ------------------------------------------------------------------- */

static void
smt_import_assistant_dispose (GObject *object)
{
  SmtImportAssistant *self = (SmtImportAssistant *) object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  g_clear_handle_id (&self->refill_id, g_source_remove);
  if (self->held != NULL)
    hold_windows (self, FALSE);
  if (self->row_view != NULL)
    gtk_column_view_set_model (self->row_view, NULL);
  if (self->rows != NULL)
    clear_plan (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), SMT_TYPE_IMPORT_ASSISTANT);

  G_OBJECT_CLASS (smt_import_assistant_parent_class)->dispose (object);
}

static void
smt_import_assistant_finalize (GObject *object)
{
  SmtImportAssistant *self = (SmtImportAssistant *) object;

  g_clear_pointer (&self->plan, smt_import_plan_free);
  g_clear_pointer (&self->source, smt_import_source_free);
  g_clear_object (&self->rows);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->organisations, g_ptr_array_unref);
  g_clear_pointer (&self->branches, g_ptr_array_unref);
  g_clear_pointer (&self->candidates, g_hash_table_unref);
  g_clear_pointer (&self->held, g_ptr_array_unref);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->reg);

  G_OBJECT_CLASS (smt_import_assistant_parent_class)->finalize (object);
}

static void
smt_import_assistant_class_init (SmtImportAssistantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = smt_import_assistant_dispose;
  object_class->finalize = smt_import_assistant_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = on_close_request;

  smt_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
      "/io/github/somattran/SoMatTran/smt-import-assistant.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, SmtImportAssistant, name)
  BIND (window_title);
  BIND (cancel_button);
  BIND (stack);
  BIND (file_row);
  BIND (choose_button);
  BIND (file_info_label);
  BIND (sheet_box);
  BIND (sheet_dropdown);
  BIND (header_spin);
  BIND (sheet_info_label);
  BIND (preview_grid);
  BIND (remembered_label);
  BIND (column_list);
  BIND (org_intro_label);
  BIND (org_row);
  BIND (branch_row);
  BIND (date_row);
  BIND (sex_row);
  BIND (summary_label);
  BIND (problems_check);
  BIND (row_view);
  BIND (dry_run_label);
  BIND (result_title_label);
  BIND (result_label);
  BIND (undo_group);
  BIND (reason_row);
  BIND (undo_button);
  BIND (progress_revealer);
  BIND (progress_label);
  BIND (progress_bar);
  BIND (back_button);
  BIND (next_button);
  BIND (error_label);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_choose_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_sheet_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_header_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_org_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_problems_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_all_same_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_all_skip_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_undo_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_next_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
smt_import_assistant_init (SmtImportAssistant *self)
{
  g_autoptr(GtkStringList) sexes = gtk_string_list_new (NULL);

  self->candidates = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->held = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_string_list_append (sexes, _("Ask for each row"));
  gtk_string_list_append (sexes, _("Male"));
  gtk_string_list_append (sexes, _("Female"));
  adw_combo_row_set_model (self->sex_row, G_LIST_MODEL (sexes));
  gtk_progress_bar_set_pulse_step (self->progress_bar, 0.1);
  setup_row_view (self);
  show_page (self, PAGE_FILE);
}

SmtImportAssistant *
smt_import_assistant_new (GtkWindow   *parent,
                          SmtRegister *reg)
{
  SmtImportAssistant *self;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), NULL);

  self = g_object_new (SMT_TYPE_IMPORT_ASSISTANT, "transient-for", parent, NULL);
  self->reg = g_object_ref (reg);
  fill_organisations (self);
  return self;
}

void
smt_import_assistant_set_organisation_id (SmtImportAssistant *self,
                                          gint64              organisation_id)
{
  g_return_if_fail (SMT_IS_IMPORT_ASSISTANT (self));

  self->organisation_id = organisation_id;
  for (guint i = 0; self->organisations != NULL && i < self->organisations->len; i++)
    if (((SmtOrganisationInfo *) g_ptr_array_index (self->organisations, i))->id
        == organisation_id)
      adw_combo_row_set_selected (self->org_row, i);
}

/* ---- what a user does, for the tests and the widgets -------------------------------- */

void
smt_import_assistant_open_file (SmtImportAssistant *self,
                                const char         *path)
{
  Job *job;

  g_return_if_fail (SMT_IS_IMPORT_ASSISTANT (self));
  g_return_if_fail (path != NULL);

  if (self->job != NULL)
    return;
  job = g_new0 (Job, 1);
  job->kind = JOB_READ;
  job->path = g_strdup (path);
  {
    g_autofree char *display = g_filename_display_basename (path);
    g_autofree char *what = g_strdup_printf (_("Reading “%s”…"), display);

    adw_action_row_set_subtitle (self->file_row, display);
    start_job (self, job, what);
  }
}

gboolean
smt_import_assistant_is_busy (SmtImportAssistant *self)
{
  g_return_val_if_fail (SMT_IS_IMPORT_ASSISTANT (self), FALSE);
  return self->job != NULL;
}

void
smt_import_assistant_stop (SmtImportAssistant *self)
{
  g_return_if_fail (SMT_IS_IMPORT_ASSISTANT (self));

  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      gtk_label_set_text (self->progress_label, _("Stopping…"));
    }
}

gboolean
smt_import_assistant_next (SmtImportAssistant *self)
{
  guint index;

  g_return_val_if_fail (SMT_IS_IMPORT_ASSISTANT (self), FALSE);

  if (self->job != NULL)
    return FALSE;
  index = page_index (self);
  if (!page_done (self, index))
    return FALSE;
  switch (index)
    {
    case PAGE_ORGANISATION:
      start_plan (self);
      return TRUE;
    case PAGE_IMPORT:
      {
        Job *job = g_new0 (Job, 1);

        job->kind = JOB_APPLY;
        job->reg = g_object_ref (self->reg);
        job->plan = self->plan;
        start_job (self, job, _("Writing the list into the register… Stopping leaves the "
                                "register as it was."));
        return TRUE;
      }
    case PAGE_RESULT:
      gtk_window_destroy (GTK_WINDOW (self));
      return TRUE;
    default:
      show_page (self, index + 1);
      return TRUE;
    }
}

void
smt_import_assistant_back (SmtImportAssistant *self)
{
  guint index;

  g_return_if_fail (SMT_IS_IMPORT_ASSISTANT (self));

  index = page_index (self);
  if (self->job == NULL && index > 0 && index < PAGE_RESULT)
    show_page (self, index - 1);
}

const char *
smt_import_assistant_get_page (SmtImportAssistant *self)
{
  g_return_val_if_fail (SMT_IS_IMPORT_ASSISTANT (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

const char *
smt_import_assistant_get_error (SmtImportAssistant *self)
{
  const char *text;

  g_return_val_if_fail (SMT_IS_IMPORT_ASSISTANT (self), NULL);

  text = gtk_label_get_text (self->error_label);
  return *text != '\0' ? text : NULL;
}

void
smt_import_assistant_set_sheet (SmtImportAssistant *self,
                                guint               index)
{
  Job *job;

  g_return_if_fail (SMT_IS_IMPORT_ASSISTANT (self));
  g_return_if_fail (self->source != NULL);

  if (self->job != NULL || (smt_import_source_is_loaded (self->source)
                            && index == smt_import_source_sheet_index (self->source)))
    return;
  job = g_new0 (Job, 1);
  job->kind = JOB_SHEET;
  job->sheet = index;
  job->source = self->source;
  start_job (self, job, _("Reading the sheet…"));
}

void
smt_import_assistant_set_header_row (SmtImportAssistant *self,
                                     guint               row)
{
  g_return_if_fail (SMT_IS_IMPORT_ASSISTANT (self));
  g_return_if_fail (self->source != NULL && row >= 1);

  smt_import_source_set_header_row (self->source, row - 1);
  queue_refill (self);
}

void
smt_import_assistant_set_encoding (SmtImportAssistant *self,
                                   guint               col,
                                   SmtTextEncoding     enc)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SMT_IS_IMPORT_ASSISTANT (self));
  g_return_if_fail (self->source != NULL && enc < SMT_N_ENCODINGS);

  /* A column decodes in a blink: no thread for it. */
  if (!smt_import_source_set_encoding (self->source, (int) col, enc, NULL, &error))
    show_error (self, error->message);
  queue_refill (self);
}

void
smt_import_assistant_set_field (SmtImportAssistant *self,
                                guint               col,
                                SmtImportField      field)
{
  g_return_if_fail (SMT_IS_IMPORT_ASSISTANT (self));
  g_return_if_fail (self->source != NULL && field < SMT_IMPORT_N_FIELDS);

  smt_import_source_set_field (self->source, col, field);
  gtk_widget_set_visible (GTK_WIDGET (self->remembered_label),
                          smt_import_source_is_remembered (self->source));
  show_error (self, NULL);
}

gboolean
smt_import_assistant_set_organisation (SmtImportAssistant *self,
                                       const char         *code)
{
  g_return_val_if_fail (SMT_IS_IMPORT_ASSISTANT (self), FALSE);

  for (guint i = 0; self->organisations != NULL && i < self->organisations->len; i++)
    if (g_strcmp0 (((SmtOrganisationInfo *) g_ptr_array_index (self->organisations, i))->code,
                   code) == 0)
      {
        adw_combo_row_set_selected (self->org_row, i);
        return TRUE;
      }
  return FALSE;
}

gboolean
smt_import_assistant_set_branch (SmtImportAssistant *self,
                                 gint64              branch_id)
{
  g_return_val_if_fail (SMT_IS_IMPORT_ASSISTANT (self), FALSE);

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
smt_import_assistant_set_default_date (SmtImportAssistant *self,
                                       const char         *text)
{
  g_return_if_fail (SMT_IS_IMPORT_ASSISTANT (self));
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), text != NULL ? text : "");
}

void
smt_import_assistant_set_default_sex (SmtImportAssistant *self,
                                      char                sex)
{
  g_return_if_fail (SMT_IS_IMPORT_ASSISTANT (self));
  adw_combo_row_set_selected (self->sex_row, sex == 'M' ? 1 : sex == 'F' ? 2 : 0);
}

void
smt_import_assistant_show_only_problems (SmtImportAssistant *self,
                                         gboolean            only)
{
  g_return_if_fail (SMT_IS_IMPORT_ASSISTANT (self));

  if (self->only_problems == only)
    return;
  self->only_problems = only;
  gtk_check_button_set_active (self->problems_check, only);
  gtk_filter_changed (GTK_FILTER (self->filter), only ? GTK_FILTER_CHANGE_MORE_STRICT
                                                      : GTK_FILTER_CHANGE_LESS_STRICT);
}

guint
smt_import_assistant_get_n_shown_rows (SmtImportAssistant *self)
{
  g_return_val_if_fail (SMT_IS_IMPORT_ASSISTANT (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (self->row_view)));
}

static gboolean
decide_row (SmtImportAssistant *self,
            guint               index,
            SmtImportDecision   decision,
            GError            **error)
{
  const SmtImportPlanRow *r = smt_import_plan_get_row (self->plan, index);
  gint64 person = decision == SMT_IMPORT_SAME_PERSON ? r->candidate_id : 0;

  if (decision == SMT_IMPORT_SAME_PERSON && person == 0 && r->repeats_row == 0)
    {
      g_set_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID,
                   _("Row %u looks like no person of the register: skip it or make it a new "
                     "person."), r->row->source_row);
      return FALSE;
    }
  /* The same person as an earlier row of the list adds nothing more. */
  if (decision == SMT_IMPORT_SAME_PERSON && person == 0)
    decision = SMT_IMPORT_SKIP;
  return smt_import_plan_decide (self->plan, index, decision, person, error);
}

static void
replace_item (SmtImportAssistant *self,
              guint               index)
{
  g_autoptr(SmtImportRowItem) item = smt_import_row_item_new (self->plan, index);

  g_list_store_splice (self->rows, index, 1, (gpointer *) &item, 1);
}

gboolean
smt_import_assistant_decide (SmtImportAssistant *self,
                             guint               index,
                             SmtImportDecision   decision)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  g_return_val_if_fail (SMT_IS_IMPORT_ASSISTANT (self), FALSE);
  g_return_val_if_fail (self->plan != NULL, FALSE);
  g_return_val_if_fail (index < smt_import_plan_get_n_rows (self->plan), FALSE);

  ok = decide_row (self, index, decision, &error);
  show_error (self, ok ? NULL : error->message);
  replace_item (self, index);
  update_summary (self);
  return ok;
}

void
smt_import_assistant_decide_look_alikes (SmtImportAssistant *self,
                                         SmtImportDecision   decision)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SMT_IS_IMPORT_ASSISTANT (self));
  g_return_if_fail (self->plan != NULL);

  for (guint i = 0; i < smt_import_plan_get_n_rows (self->plan); i++)
    {
      const SmtImportPlanRow *r = smt_import_plan_get_row (self->plan, i);
      gboolean alike = FALSE;

      if (r->status != SMT_IMPORT_STATUS_UNDECIDED || r->decision != SMT_IMPORT_AUTO)
        continue;
      for (guint k = 0; k < r->problems->len; k++)
        {
          const SmtImportProblem *p = g_ptr_array_index (r->problems, k);

          alike |= p->blocking && (p->code == SMT_IMPORT_PROBLEM_DUPLICATE
                                   || p->code == SMT_IMPORT_PROBLEM_DUPLICATE_ROW);
        }
      if (alike && !decide_row (self, i, decision, &error))
        break;
    }
  /* Every row anew: a decision may change what later rows repeat. */
  fill_rows (self);
  show_error (self, error != NULL ? error->message : NULL);
}

gboolean
smt_import_assistant_undo (SmtImportAssistant *self,
                           const char         *reason)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;
  g_autofree char *batch = NULL;

  g_return_val_if_fail (SMT_IS_IMPORT_ASSISTANT (self), FALSE);
  g_return_val_if_fail (self->batch_id != 0 && !self->undone, FALSE);

  text = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  if (*text == '\0')
    {
      show_error (self, _("Say why the import is undone, for the record."));
      return FALSE;
    }
  if (!smt_import_batch_undo (self->reg, self->batch_id, text, &error))
    {
      show_error (self, error->message);
      return FALSE;
    }
  self->undone = TRUE;
  batch = g_strdup_printf ("%" G_GINT64_FORMAT, self->batch_id);
  message = g_strdup_printf (_("Import %s undone"), batch);
  smt_view_record_change (GTK_WIDGET (self), message, NULL, NULL, NULL);
  fill_result (self, NULL);
  show_error (self, NULL);
  return TRUE;
}

char *
smt_import_assistant_dup_cell_text (SmtImportAssistant *self,
                                    guint               row,
                                    guint               col)
{
  g_return_val_if_fail (SMT_IS_IMPORT_ASSISTANT (self), NULL);
  g_return_val_if_fail (self->source != NULL && smt_import_source_is_loaded (self->source),
                        NULL);

  return cell_text (smt_sheet_cell (smt_import_source_sheet (self->source), row, col));
}

SmtImportSource *
smt_import_assistant_get_source (SmtImportAssistant *self)
{
  g_return_val_if_fail (SMT_IS_IMPORT_ASSISTANT (self), NULL);
  return self->source;
}

SmtImportPlan *
smt_import_assistant_get_plan (SmtImportAssistant *self)
{
  g_return_val_if_fail (SMT_IS_IMPORT_ASSISTANT (self), NULL);
  return self->plan;
}

gint64
smt_import_assistant_get_batch_id (SmtImportAssistant *self)
{
  g_return_val_if_fail (SMT_IS_IMPORT_ASSISTANT (self), 0);
  return self->batch_id;
}
