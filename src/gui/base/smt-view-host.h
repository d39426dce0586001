/* smt-view-host.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

#include "core/register/smt-register.h"

G_BEGIN_DECLS

/* Undoes a change just recorded, as a new record (a void, a correction,
 * the old values written again), never by deleting one. */
typedef gboolean (*SmtUndoFunc) (SmtRegister  *reg,
                                 gpointer      data,
                                 GError      **error);

/* The window that shows the views, as they see it: the views, dialogs and
 * widgets reach it through smt_view_record_change() and its siblings,
 * which find the host above them, so that they never name the window's
 * type and the window can hold them all. */
#define SMT_TYPE_VIEW_HOST (smt_view_host_get_type ())
G_DECLARE_INTERFACE (SmtViewHost, smt_view_host, SMT, VIEW_HOST, GtkWindow)

struct _SmtViewHostInterface
{
  GTypeInterface parent_iface;

  void       (*record_change) (SmtViewHost    *self,
                               const char     *message,
                               SmtUndoFunc     undo,
                               gpointer        undo_data,
                               GDestroyNotify  undo_destroy);
  void       (*show_error)    (SmtViewHost    *self,
                               const char     *title,
                               const GError   *error);
  void       (*add_toast)     (SmtViewHost    *self,
                               const char     *message);
  GtkWindow *(*open_person)   (SmtViewHost    *self,
                               gint64          person_id);
  void       (*update_title)  (SmtViewHost    *self);
};

void       smt_view_host_record_change (SmtViewHost    *self,
                                        const char     *message,
                                        SmtUndoFunc     undo,
                                        gpointer        undo_data,
                                        GDestroyNotify  undo_destroy);
void       smt_view_host_show_error    (SmtViewHost    *self,
                                        const char     *title,
                                        const GError   *error);
void       smt_view_host_add_toast     (SmtViewHost    *self,
                                        const char     *message);
GtkWindow *smt_view_host_open_person   (SmtViewHost    *self,
                                        gint64          person_id);
void       smt_view_host_update_title  (SmtViewHost    *self);

G_END_DECLS
