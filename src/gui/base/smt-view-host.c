/* smt-view-host.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "smt-view-host.h"

G_DEFINE_INTERFACE (SmtViewHost, smt_view_host, GTK_TYPE_WINDOW)

static void
smt_view_host_default_init (SmtViewHostInterface *iface)
{
}

/**
 * smt_view_host_record_change:
 * @self: the host
 * @message: (nullable): what the toast says; %NULL: "Change recorded"
 * @undo: (nullable): what Ctrl+Z runs
 * @undo_data: its data, freed with @undo_destroy
 * @undo_destroy: (nullable): frees @undo_data
 *
 * Every view shows the change, and it becomes the one Ctrl+Z undoes.
 */
void
smt_view_host_record_change (SmtViewHost    *self,
                             const char     *message,
                             SmtUndoFunc     undo,
                             gpointer        undo_data,
                             GDestroyNotify  undo_destroy)
{
  g_return_if_fail (SMT_IS_VIEW_HOST (self));
  SMT_VIEW_HOST_GET_IFACE (self)->record_change (self, message, undo, undo_data, undo_destroy);
}

void
smt_view_host_show_error (SmtViewHost  *self,
                          const char   *title,
                          const GError *error)
{
  g_return_if_fail (SMT_IS_VIEW_HOST (self));
  SMT_VIEW_HOST_GET_IFACE (self)->show_error (self, title, error);
}

/* A toast that is not a change (a file saved): no undo, nothing shown anew. */
void
smt_view_host_add_toast (SmtViewHost *self,
                         const char  *message)
{
  g_return_if_fail (SMT_IS_VIEW_HOST (self));
  SMT_VIEW_HOST_GET_IFACE (self)->add_toast (self, message);
}

/* Returns: (transfer none) (nullable): the person's page, or %NULL when the
 * person cannot be read (the host then says why). */
GtkWindow *
smt_view_host_open_person (SmtViewHost *self,
                           gint64       person_id)
{
  g_return_val_if_fail (SMT_IS_VIEW_HOST (self), NULL);
  return SMT_VIEW_HOST_GET_IFACE (self)->open_person (self, person_id);
}

/* The commune's name, as the register now has it, in the title. */
void
smt_view_host_update_title (SmtViewHost *self)
{
  g_return_if_fail (SMT_IS_VIEW_HOST (self));
  SMT_VIEW_HOST_GET_IFACE (self)->update_title (self);
}
