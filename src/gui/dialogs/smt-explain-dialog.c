/* smt-explain-dialog.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>
#include <glib/gi18n.h>

#include "core/register/smt-format.h"
#include "core/register/smt-text.h"
#include "io/render/smt-explain-xlsx.h"

#include "gui/base/smt-gui.h"
#include "gui/models/smt-explain-item.h"
#include "smt-explain-dialog.h"

/* Each page is a list store of small items under a filter (the folded
 * search); the column views make widgets only for the rows on screen, so
 * an explanation of 20.000 rows opens at once. */

struct _SmtExplainDialog
{
  AdwWindow           parent_instance;

  /* template widgets */
  AdwWindowTitle     *window_title;
  GtkLabel           *figure_label;
  GtkLabel           *message_label;
  GtkSearchEntry     *search_entry;
  GtkStack           *list_stack;
  GtkStackPage       *numerator_page;
  GtkStackPage       *denominator_page;
  GtkColumnView      *numerator_view;
  GtkColumnView      *denominator_view;
  GtkButton          *export_button;

  /* owned */
  SmtIndicatorResult *result;
  GtkCustomFilter    *filter;
  GtkFilterListModel *lists[2];
  char               *search;   /* folded, NULL: none */
  char               *message;
};

G_DEFINE_FINAL_TYPE (SmtExplainDialog, smt_explain_dialog, ADW_TYPE_WINDOW)

static void
show_message (SmtExplainDialog *self,
              const char       *message,
              gboolean          error)
{
  g_free (self->message);
  self->message = g_strdup (message);
  gtk_label_set_text (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "error");
}

static void
update_titles (SmtExplainDialog *self)
{
  GtkStackPage *pages[2] = { self->numerator_page, self->denominator_page };
  const char *names[2] = { _("Numerator"), _("Denominator") };
  GPtrArray *rows[2] = { self->result->numerator_rows, self->result->denominator_rows };

  for (guint l = 0; l < 2; l++)
    {
      guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->lists[l]));
      g_autofree char *all = smt_format_int (rows[l] != NULL ? rows[l]->len : 0);
      g_autofree char *title = NULL;

      if (self->search != NULL)
        {
          g_autofree char *n = smt_format_int (shown);

          /* Translators: "Tử số (12 / 2.046)": rows found of the rows there are */
          title = g_strdup_printf (_("%s (%s / %s)"), names[l], n, all);
        }
      else
        title = g_strdup_printf ("%s (%s)", names[l], all);
      gtk_stack_page_set_title (pages[l], title);
    }
}

static gboolean
filter_row (gpointer item,
            gpointer data)
{
  SmtExplainDialog *self = data;

  return self->search == NULL
         || strstr (smt_explain_item_get_folded (SMT_EXPLAIN_ITEM (item)), self->search) != NULL;
}

void
smt_explain_dialog_set_search (SmtExplainDialog *self,
                               const char       *text)
{
  g_return_if_fail (SMT_IS_EXPLAIN_DIALOG (self));

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  g_clear_pointer (&self->search, g_free);
  if (text != NULL && *text != '\0')
    {
      self->search = smt_text_fold (text);
      if (self->search != NULL && *self->search == '\0')
        g_clear_pointer (&self->search, g_free);
    }
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_titles (self);
}

static void
on_search_changed (SmtExplainDialog *self,
                   GtkSearchEntry   *entry)
{
  smt_explain_dialog_set_search (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

guint
smt_explain_dialog_get_shown (SmtExplainDialog *self,
                              gboolean          denominator)
{
  g_return_val_if_fail (SMT_IS_EXPLAIN_DIALOG (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->lists[denominator ? 1 : 0]));
}

gboolean
smt_explain_dialog_export (SmtExplainDialog *self,
                           const char       *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (SMT_IS_EXPLAIN_DIALOG (self), FALSE);

  if (!smt_explain_xlsx_write (self->result, path, &error))
    {
      show_message (self, error->message, TRUE);
      return FALSE;
    }
  message = g_strdup_printf (_("Written to %s."), path);
  show_message (self, message, FALSE);
  return TRUE;
}

static void
on_export_response (GtkNativeDialog  *native,
                    int               response,
                    SmtExplainDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path == NULL)
        show_message (self, _("Choose a file on this computer."), TRUE);
      else
        {
          if (!g_str_has_suffix (path, ".xlsx"))
            {
              char *with = g_strconcat (path, ".xlsx", NULL);

              g_free (path);
              path = with;
            }
          smt_explain_dialog_export (self, path);
        }
    }
  g_object_unref (native);
}

static void
on_export_clicked (SmtExplainDialog *self,
                   GtkButton        *button)
{
  g_autofree char *period = smt_period_to_code (self->result->period);
  g_autofree char *name = NULL;
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  native = gtk_file_chooser_native_new (_("Export the Explanation"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (filter, _("Workbooks (*.xlsx)"));
  gtk_file_filter_add_suffix (filter, "xlsx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  name = g_strdup_printf ("giai-trinh-%s-%s.xlsx", self->result->code, period);
  g_strdelimit (name, ":.", '-');
  memcpy (name + strlen (name) - 5, ".xlsx", 5);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  g_signal_connect_object (native, "response", G_CALLBACK (on_export_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* ---- columns -------------------------------------------------------------- */

static void
setup_label (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_text (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  data)
{
  SmtExplainItem *row_item = gtk_list_item_get_item (item);
  const SmtExplainRow *row = smt_explain_item_get_row (row_item);
  GtkWidget *label = gtk_list_item_get_child (item);
  const char *text = GPOINTER_TO_INT (data) == 0 ? row->label : row->because;

  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
  gtk_widget_set_tooltip_text (label, text);
}

static void
add_column (GtkColumnView *view,
            const char    *title,
            int            which)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_label), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_text), GINT_TO_POINTER (which));
  column = gtk_column_view_column_new (title, g_object_ref (factory));
  gtk_column_view_column_set_expand (column, TRUE);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (view, column);
}

static GtkFilterListModel *
make_list (SmtExplainDialog *self,
           GtkColumnView    *view,
           GPtrArray        *rows)
{
  g_autoptr(GListStore) store = g_list_store_new (SMT_TYPE_EXPLAIN_ITEM);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  GtkFilterListModel *filtered;
  g_autoptr(GtkNoSelection) selection = NULL;

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    g_ptr_array_add (items, smt_explain_item_new (rows, i));
  g_list_store_splice (store, 0, 0, items->pdata, items->len);
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (store)),
                                        GTK_FILTER (g_object_ref (self->filter)));
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (filtered)));
  gtk_column_view_set_model (view, GTK_SELECTION_MODEL (selection));
  add_column (view, _("Row"), 0);
  add_column (view, _("Because"), 1);
  return filtered;
}

/* ---- life ------------------------------------------------------------------- */

static void
smt_explain_dialog_dispose (GObject *object)
{
  SmtExplainDialog *self = SMT_EXPLAIN_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SMT_TYPE_EXPLAIN_DIALOG);
  g_clear_object (&self->lists[0]);
  g_clear_object (&self->lists[1]);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->result, smt_indicator_result_free);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->message, g_free);

  G_OBJECT_CLASS (smt_explain_dialog_parent_class)->dispose (object);
}

static void
smt_explain_dialog_class_init (SmtExplainDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = smt_explain_dialog_dispose;

  smt_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
      "/io/github/somattran/SoMatTran/smt-explain-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SmtExplainDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, SmtExplainDialog, figure_label);
  gtk_widget_class_bind_template_child (widget_class, SmtExplainDialog, message_label);
  gtk_widget_class_bind_template_child (widget_class, SmtExplainDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SmtExplainDialog, list_stack);
  gtk_widget_class_bind_template_child (widget_class, SmtExplainDialog, numerator_page);
  gtk_widget_class_bind_template_child (widget_class, SmtExplainDialog, denominator_page);
  gtk_widget_class_bind_template_child (widget_class, SmtExplainDialog, numerator_view);
  gtk_widget_class_bind_template_child (widget_class, SmtExplainDialog, denominator_view);
  gtk_widget_class_bind_template_child (widget_class, SmtExplainDialog, export_button);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
smt_explain_dialog_init (SmtExplainDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->filter = gtk_custom_filter_new (filter_row, self, NULL);
}

SmtExplainDialog *
smt_explain_dialog_new (GtkWindow          *parent,
                        SmtIndicatorResult *result)
{
  SmtExplainDialog *self;
  g_autofree char *period = NULL;
  g_autofree char *figure = NULL;

  g_return_val_if_fail (result != NULL && result->numerator_rows != NULL, NULL);

  self = g_object_new (SMT_TYPE_EXPLAIN_DIALOG, "transient-for", parent, NULL);
  self->result = result;
  self->lists[0] = make_list (self, self->numerator_view, result->numerator_rows);
  self->lists[1] = make_list (self, self->denominator_view, result->denominator_rows);
  gtk_stack_page_set_visible (self->denominator_page, result->info->ratio);

  period = smt_period_to_label (result->period);
  adw_window_title_set_title (self->window_title, smt_indicator_info_get_name (result->info));
  adw_window_title_set_subtitle (self->window_title, period);
  if (!result->defined)
    figure = g_strdup ("—");
  else if (result->info->ratio)
    {
      g_autofree char *value = smt_format_percent (result->value, 2);
      g_autofree char *num = smt_format_int ((gint64) result->numerator);
      g_autofree char *den = smt_format_int ((gint64) result->denominator);

      /* Translators: "Quý II/2025: 80,05 % = 2.046 / 2.556" */
      figure = g_strdup_printf (_("%s: %s = %s / %s"), period, value, num, den);
    }
  else
    {
      g_autofree char *value = smt_format_decimal (result->value, 2);

      figure = g_strdup_printf ("%s: %s", period, value);
    }
  gtk_label_set_text (self->figure_label, figure);
  update_titles (self);
  return self;
}

const SmtIndicatorResult *
smt_explain_dialog_get_result (SmtExplainDialog *self)
{
  g_return_val_if_fail (SMT_IS_EXPLAIN_DIALOG (self), NULL);
  return self->result;
}

const char *
smt_explain_dialog_get_message (SmtExplainDialog *self)
{
  g_return_val_if_fail (SMT_IS_EXPLAIN_DIALOG (self), NULL);
  return self->message;
}
