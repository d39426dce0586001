/* smt-view.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "gui/app/smt-window.h"
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
 * smt_view_record_change:
 * @widget: a widget of the window, or of a window opened over it
 * @message: (nullable): said in a toast; %NULL: "Change recorded"
 * @undo: (nullable): how Ctrl+Z undoes the change
 * @undo_data: passed to @undo
 * @undo_destroy: (nullable): frees @undo_data
 */
void
smt_view_record_change (GtkWidget     *widget,
                        const char    *message,
                        SmtUndoFunc    undo,
                        gpointer       undo_data,
                        GDestroyNotify undo_destroy)
{
  GtkWindow *window;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  window = GTK_IS_WINDOW (widget) ? GTK_WINDOW (widget)
                                  : GTK_WINDOW (gtk_widget_get_root (widget));
  while (window != NULL && !SMT_IS_WINDOW (window))
    window = gtk_window_get_transient_for (window);
  if (window == NULL)
    {
      if (undo_destroy != NULL)
        undo_destroy (undo_data);
      g_return_if_reached ();
    }
  smt_window_record_change (SMT_WINDOW (window), message, undo, undo_data, undo_destroy);
}
