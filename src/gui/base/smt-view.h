/* smt-view.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

#include "core/register/smt-register.h"
#include "gui/app/smt-window.h"

G_BEGIN_DECLS

/* A view of the window's sidebar. The window calls refresh when the view
 * comes into sight after the register changed, so hidden views cost nothing
 * until they are looked at. */
#define SMT_TYPE_VIEW (smt_view_get_type ())
G_DECLARE_INTERFACE (SmtView, smt_view, SMT, VIEW, GtkWidget)

struct _SmtViewInterface
{
  GTypeInterface parent_iface;

  /* Shows @reg as it is now (NULL: shows nothing). Called again with the
   * same register after a change: keep the user's choices when they are
   * still there. */
  gboolean (*refresh) (SmtView      *self,
                       SmtRegister  *reg,
                       GError      **error);
};

gboolean smt_view_refresh        (SmtView      *self,
                                  SmtRegister  *reg,
                                  GError      **error);

/* Undoes one recorded change: a new event that voids or reverses it
 * (history is never rewritten). */
typedef SmtWindowUndoFunc SmtUndoFunc;

/* Tells the register's window that @widget (a view, a dialog or a page
 * opened from it) recorded a change: every view is shown anew, a toast says
 * @message, and Ctrl+Z calls @undo (nullable: nothing to undo). */
void     smt_view_record_change  (GtkWidget     *widget,
                                  const char    *message,
                                  SmtUndoFunc    undo,
                                  gpointer       undo_data,
                                  GDestroyNotify undo_destroy);

G_END_DECLS
