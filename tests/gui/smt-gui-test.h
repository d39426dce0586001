/* smt-gui-test.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

#include "core/register/smt-register.h"
#include "gui/app/smt-application-private.h"
#include "gui/app/smt-window-private.h"

G_BEGIN_DECLS

/* What the window tests share. Every test program calls
 * smt_gui_test_init() first, in place of gtk_test_init(). */

#define SMT_GUI_WAIT_SECONDS 20

typedef gboolean (*SmtGuiCondition) (gpointer data);

void            smt_gui_test_init          (int         *argc,
                                            char      ***argv);
/* g_test_run (), then removes the folders of smt_gui_test_init(). */
int             smt_gui_test_run           (void);

/* Runs the main loop until condition holds; fails after seconds. */
void            smt_gui_wait_until         (SmtGuiCondition condition,
                                            gpointer        data,
                                            guint           seconds,
                                            const char     *what);
/* Waits for a window closed by the code under test to be finalized;
 * pointer is a weak pointer to it. */
void            smt_gui_wait_until_null    (gpointer        pointer);

/* Saves what widget shows to name (a PNG in the build folder of the tests)
 * and returns its path. */
char           *smt_gui_write_screenshot   (GtkWidget  *widget,
                                            const char *name);

/* A copy of the 10.000-person demo (seed 1), made once by the build, in a
 * fresh folder; remove the folder with smt_test_rm_rf (*dir_out). */
char           *smt_gui_demo_copy          (char      **dir_out);
/* A demo of n people made now, in a fresh folder. */
char           *smt_gui_demo_make          (guint       n_people,
                                            char      **dir_out);

SmtApplication *smt_gui_start_application  (void);
/* Forgets the last register and the sample commune. */
void            smt_gui_reset_state        (void);
void            smt_gui_stop_application   (SmtApplication *app);
/* The only window of the application; the caller holds a reference. */
SmtWindow      *smt_gui_only_window        (SmtApplication *app);
void            smt_gui_close_window       (SmtWindow      *window);
/* Opens path in a new window and waits for Tổng quan. */
SmtWindow      *smt_gui_open_register      (SmtApplication *app,
                                            const char     *path);

/* Waits until Tổng quan has been counted: after a register opens, the
 * window counts it after its first frame. */
void            smt_gui_wait_for_overview  (SmtWindow      *window);

/* The first widget of a type under widget, depth first, or NULL. */
GtkWidget      *smt_gui_find_descendant    (GtkWidget *widget,
                                            GType      type);
/* The first window of the application of that type, or else the first
 * window on screen of that type, or NULL. */
GtkWindow      *smt_gui_find_window        (SmtApplication *app,
                                            GType           type);

/* smt_register_content_hash, asserting success. */
char           *smt_gui_content_hash       (SmtRegister *reg);

G_END_DECLS
