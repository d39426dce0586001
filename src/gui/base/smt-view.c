/* smt-view.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "smt-view-host.h"
#include "smt-view.h"

G_DEFINE_INTERFACE (SmtView, smt_view, GTK_TYPE_WIDGET)

static void
smt_view_default_init (SmtViewInterface *iface)
{
}

/**
 * smt_view_refresh:
 * @self: a view
 * @reg: (nullable): the register to show
 * @error: where to put a database error
 *
 * Returns: %TRUE on success
 */
gboolean
smt_view_refresh (SmtView      *self,
                  SmtRegister  *reg,
                  GError      **error)
{
  g_return_val_if_fail (SMT_IS_VIEW (self), FALSE);
  g_return_val_if_fail (reg == NULL || SMT_IS_REGISTER (reg), FALSE);
  g_return_val_if_fail (SMT_VIEW_GET_IFACE (self)->refresh != NULL, FALSE);

  return SMT_VIEW_GET_IFACE (self)->refresh (self, reg, error);
}

/**
 * smt_view_find_host:
 * @widget: a view, a dialog, or a widget inside one
 *
 * Returns: (transfer none) (nullable): the window that hosts @widget: its
 *   own window, or the first of the windows it is transient for that is a
 *   host (a dialog over a dialog over the main window); %NULL if none
 */
SmtViewHost *
smt_view_find_host (GtkWidget *widget)
{
  GtkWindow *window;

  window = GTK_IS_WINDOW (widget) ? GTK_WINDOW (widget)
                                  : GTK_WINDOW (gtk_widget_get_root (widget));
  while (window != NULL && !SMT_IS_VIEW_HOST (window))
    window = gtk_window_get_transient_for (window);
  return window != NULL ? SMT_VIEW_HOST (window) : NULL;
}

/**
 * smt_view_record_change:
 * @widget: a view, a dialog, or a widget inside one
 * @message: (nullable): what the toast says
 * @undo: (nullable): what Ctrl+Z runs
 * @undo_data: its data
 * @undo_destroy: (nullable): frees @undo_data
 *
 * Called after a change was recorded: the window that hosts @widget shows
 * it in every view, and it becomes the change Ctrl+Z undoes.
 */
void
smt_view_record_change (GtkWidget     *widget,
                        const char    *message,
                        SmtUndoFunc    undo,
                        gpointer       undo_data,
                        GDestroyNotify undo_destroy)
{
  SmtViewHost *host;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  host = smt_view_find_host (widget);
  if (host == NULL)
    {
      if (undo_destroy != NULL)
        undo_destroy (undo_data);
      g_return_if_reached ();
    }
  smt_view_host_record_change (host, message, undo, undo_data, undo_destroy);
}

/* Shows @error in the hosting window; FALSE when no window hosts @widget. */
gboolean
smt_view_show_error (GtkWidget    *widget,
                     const char   *title,
                     const GError *error)
{
  SmtViewHost *host;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  host = smt_view_find_host (widget);
  if (host == NULL)
    return FALSE;
  smt_view_host_show_error (host, title, error);
  return TRUE;
}

/* A toast that is not a change (a file saved), if a window hosts @widget. */
void
smt_view_add_toast (GtkWidget  *widget,
                    const char *message)
{
  SmtViewHost *host;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  host = smt_view_find_host (widget);
  if (host != NULL)
    smt_view_host_add_toast (host, message);
}

/* Opens the person's page over the hosting window.
 * Returns: (transfer none) (nullable): the page, or %NULL */
GtkWindow *
smt_view_open_person (GtkWidget *widget,
                      gint64     person_id)
{
  SmtViewHost *host;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  host = smt_view_find_host (widget);
  return host != NULL ? smt_view_host_open_person (host, person_id) : NULL;
}

/* The hosting window's title follows the commune's name. */
void
smt_view_update_title (GtkWidget *widget)
{
  SmtViewHost *host;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  host = smt_view_find_host (widget);
  if (host != NULL)
    smt_view_host_update_title (host);
}
