/* smt-gui.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <gio/gio.h>

#include "gui/base/smt-gui-resources.h"
#include "smt-gui.h"

void
smt_gui_ensure_resources (void)
{
  static gsize registered;

  /* Registered by hand: in a static library nothing would pull in the
   * object file whose constructor registers them. */
  if (g_once_init_enter (&registered))
    {
      smt_gui_register_resource ();
      g_once_init_leave (&registered, 1);
    }
}
