/* smt-cli.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "cli/smt-cli.h"
#include "cli/smt-cli-private.h"

typedef int (*CommandFunc) (int argc, char **argv);

typedef struct
{
  const char  *name;
  const char  *args;     /* shown in the usage line */
  const char  *summary;  /* translatable */
  CommandFunc  run;
} Command;

static int cmd_help (int argc, char **argv);


static const Command commands[] = {
  { "demo", N_("FILE [--people N] [--seed S]"),
    N_("Create a realistic demo commune in a new register file"), smt_cli_cmd_demo },
  { "check", N_("FILE"),
    N_("Verify the register's integrity and every rule of its history"), smt_cli_cmd_check },
  { "people", N_("FILE [--search TEXT] [--hamlet NAME] [--org CODE] [--sex nam|nu] "
                  "[--age-min N] [--age-max N] [--status active|away|left|never] "
                  "[--party yes|no] [--limit N]"),
    N_("List people in Vietnamese order by given name; search ignores tones; the filters "
       "combine"), smt_cli_cmd_people },
  { "overview", N_("FILE [--month YYYY-MM] [--json]"),
    N_("The commune at a glance for a month: people, members, branches without a meeting, "
       "ratings, changes to confirm"), smt_cli_cmd_overview },
  { "person", N_("FILE ID [--show-personal] [--json]"),
    N_("Everything about one person: identity, residence, membership history, meetings "
       "attended and ratings; personal data masked unless asked"), smt_cli_cmd_person },
  { "organisations", N_("FILE [--json]"),
    N_("List the organisations with their codes and whom they gather"),
    smt_cli_cmd_organisations },
  { "branches", N_("FILE [--org CODE] [--date YYYY-MM-DD] [--json]"),
    N_("List the branches existing on a day, with the hamlets they serve and their members"),
    smt_cli_cmd_branches },
  { "branch", N_("FILE BRANCH_ID [--date YYYY-MM-DD] [--json]"),
    N_("One branch: its leaders over time and its members on a day, by given name"),
    smt_cli_cmd_branch },
  { "event", N_("FILE PERSON_ID KIND [--org CODE] [--branch ID] [--date YYYY-MM-DD] "
                "[--reason TEXT] [--document TEXT] [--exception TEXT] [--voids EVENT_ID]"),
    N_("Record a membership change (admitted, transferred, transferred_in, transferred_out, "
       "left, removed, away, back, void), as the Biến động dialogs do"), smt_cli_cmd_event },
  { "org-add", N_("FILE CODE NAME --short TEXT [--member-word TEXT] [--kind political|mass] "
                  "[--min-age N] [--max-age N] [--sex nam|nu]"),
    N_("Add an organisation (a mass association…) with whom it gathers"), smt_cli_cmd_org_add },
  { "org-edit", N_("FILE CODE [--name TEXT] [--short TEXT] [--member-word TEXT] "
                   "[--kind political|mass] [--min-age N] [--max-age N] [--sex nam|nu|any] "
                   "--reason TEXT"),
    N_("Change an organisation's names or eligibility rules, with the reason kept"),
    smt_cli_cmd_org_edit },
  { "branch-add", N_("FILE ORG_CODE KIND NAME --hamlet NAME… [--parent ID] "
                     "[--founded YYYY-MM-DD]"),
    N_("Add a chi hội, chi đoàn, tổ hội or liên ấp branch serving some hamlets"),
    smt_cli_cmd_branch_add },
  { "branch-dissolve", N_("FILE BRANCH_ID --date YYYY-MM-DD --reason TEXT"),
    N_("Record that a branch was dissolved (its members transferred first)"),
    smt_cli_cmd_branch_dissolve },
  { "leader-appoint", N_("FILE BRANCH_ID PERSON_ID [--deputy] --from YYYY-MM-DD "
                         "[--reason TEXT]"),
    N_("Appoint a branch's leader or deputy from a day"), smt_cli_cmd_leader_appoint },
  { "leader-end", N_("FILE LEADER_ID --to YYYY-MM-DD --reason TEXT"),
    N_("End a leader's term on a day"), smt_cli_cmd_leader_end },
  { "candidates", N_("FILE BRANCH_ID [--search TEXT] [--date YYYY-MM-DD]"),
    N_("The people who could be admitted into a branch, by given name"),
    smt_cli_cmd_candidates },
  { "admit", N_("FILE BRANCH_ID PERSON_ID… --date YYYY-MM-DD [--decision TEXT] "
                "[--reason TEXT]"),
    N_("Admit several people into one branch at once: all or nothing"), smt_cli_cmd_admit },
  { "indicators", N_("FILE --period P [--org CODE] [--hamlet NAME] [--resolution NUMBER] [--json]"),
    N_("Compute every indicator for a period (2025-05, 2025-Q2, 2025-H1, 2025-9M, 2025, "
       "2021-01-01..2025-12-31)"), smt_cli_cmd_indicators },
  { "explain", N_("FILE INDICATOR --period P [--org CODE] [--hamlet NAME] [--json]"),
    N_("List the people, households, branches or meetings behind an indicator's figures"),
    smt_cli_cmd_explain },
  { "trend", N_("FILE INDICATOR --from P --to P [--org CODE] [--hamlet NAME] [--json]"),
    N_("An indicator's value for each month, quarter or year from one period to another"),
    smt_cli_cmd_trend },
  { "backup", N_("FILE DEST"),
    N_("Write a complete, consistent copy of a register to a new file"), smt_cli_cmd_backup },
  { "help", NULL, N_("Show this help"), cmd_help },
};


static int
cmd_help (int    argc,
          char **argv)
{
  g_print (_("Sổ Mặt trận %s — the register of a commune's Fatherland Front office.\n\n"),
           PACKAGE_VERSION);
  g_print (_("Usage:\n"));
  g_print ("  somattran [%s]\n      %s\n", _("FILE"),
           _("Open the window on FILE, or on the last register (the demo on first start)"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_print ("  somattran %s %s\n      %s\n", commands[i].name,
             commands[i].args ? _(commands[i].args) : "", _(commands[i].summary));
  g_print (_("\nRun “somattran COMMAND --help” for the options of a command.\n"));
  return 0;
}

gboolean
smt_cli_handles (int    argc,
                 char **argv)
{
  if (argc < 2)
    return FALSE;
  if (g_strcmp0 (argv[1], "--help") == 0 || g_strcmp0 (argv[1], "-h") == 0
      || g_strcmp0 (argv[1], "--version") == 0)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (argv[1], commands[i].name) == 0)
      return TRUE;
  return FALSE;
}

int
smt_cli_run (int    argc,
             char **argv)
{
  if (argc < 2 || g_strcmp0 (argv[1], "--help") == 0 || g_strcmp0 (argv[1], "-h") == 0)
    return cmd_help (argc, argv);
  if (g_strcmp0 (argv[1], "--version") == 0)
    {
      g_print ("somattran %s\n", PACKAGE_VERSION);
      return 0;
    }
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (argv[1], commands[i].name) == 0)
      {
        /* The command sees itself as argv[0]. */
        return commands[i].run (argc - 1, argv + 1);
      }
  g_printerr (_("Unknown command “%s”. Run “somattran help” to see the commands.\n"), argv[1]);
  return 2;
}
