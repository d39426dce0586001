/* main.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "cli/smt-cli.h"
#include "core/register/smt-locale.h"
#ifdef SMT_WITH_GUI
#include "gui/app/smt-application.h"
#endif

int
main (int   argc,
      char *argv[])
{
  int status;

  smt_locale_init ();

  /* A subcommand runs without a display; anything else opens the window. */
  if (smt_cli_handles (argc, argv))
    return smt_cli_run (argc, argv);

#ifdef SMT_WITH_GUI
  {
    g_autoptr(SmtApplication) app = smt_application_new ();
    status = g_application_run (G_APPLICATION (app), argc, argv);
  }
#else
  status = smt_cli_run (argc, argv);
#endif
  return status;
}
