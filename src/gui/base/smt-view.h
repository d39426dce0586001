/* smt-view.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

#include "core/register/smt-register.h"
#include "smt-view-host.h"

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

/* What a view, a dialog or a page opened from one (@widget, or a widget
 * inside it) asks of the window that hosts it (SmtViewHost). */

SmtViewHost *smt_view_find_host (GtkWidget *widget);

/* It recorded a change: every view is shown anew, a toast says @message,
 * and Ctrl+Z calls @undo (nullable: nothing to undo). */
void       smt_view_record_change (GtkWidget      *widget,
                                   const char     *message,
                                   SmtUndoFunc     undo,
                                   gpointer        undo_data,
                                   GDestroyNotify  undo_destroy);
/* FALSE when no window hosts @widget. */
gboolean   smt_view_show_error    (GtkWidget      *widget,
                                   const char     *title,
                                   const GError   *error);
void       smt_view_add_toast     (GtkWidget      *widget,
                                   const char     *message);
GtkWindow *smt_view_open_person   (GtkWidget      *widget,
                                   gint64          person_id);
void       smt_view_update_title  (GtkWidget      *widget);

G_END_DECLS
