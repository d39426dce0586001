/* smt-cli.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "smt-cli-private.h"
#include "smt-cli.h"

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
  { "new", N_("FILE --name|--commune NAME [--kind xã|phường|đặc khu] [--province NAME] "
               "[--place NAME] [--hamlets-from LIST.txt] [--hamlet NAME]… [--hamlet-kind KIND] "
               "[--without-org CODE]… [--branches per-hamlet|none]"),
    N_("Create the register of a commune: its hamlets, organisations and one branch per "
       "hamlet"), smt_cli_cmd_new },
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
  { "person-add", N_("FILE --ho H [--chu-lot C] --ten T --sex nam|nu --born YYYY[-MM-DD] "
                      "[--household ID | --new-household HAMLET ADDRESS] [--from YYYY-MM-DD] "
                      "[--head] [--cccd D] [--phone D] [--ethnicity E] [--religion R] "
                      "[--party-since YYYY-MM-DD] [--note N]"),
    N_("Add a person, living in a household or a new one from a day, all or nothing"),
    smt_cli_cmd_person_add },
  { "person-edit", N_("FILE ID [--ho H] [--chu-lot C] [--ten T] [--sex nam|nu] [--born …] "
                       "[--cccd D] [--phone D] … --reason TEXT"),
    N_("Correct a person's record; the old values and the reason are kept"),
    smt_cli_cmd_person_edit },
  { "move", N_("FILE PERSON_ID (--household ID | --new-household HAMLET ADDRESS | --out) "
                "--from YYYY-MM-DD [--head] [--reason TEXT]"),
    N_("Move a person to another household, a new one, or out of the commune"),
    smt_cli_cmd_move },
  { "households", N_("FILE (--hamlet NAME | --search TEXT) [--json]"),
    N_("List a hamlet's households by address, with their head and how many live there"),
    smt_cli_cmd_households },
  { "household", N_("FILE ID [--json]"),
    N_("One household and the people living in it today, the head first"),
    smt_cli_cmd_household },
  { "household-split", N_("FILE HOUSEHOLD_ID PERSON_ID… --hamlet NAME --address TEXT "
                           "--head PERSON_ID --from YYYY-MM-DD [--reason TEXT]"),
    N_("Split a household: some of its people form a new one, all in one change"),
    smt_cli_cmd_household_split },
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
  { "events", N_("FILE [--month YYYY-MM | --from YYYY-MM-DD --to YYYY-MM-DD] [--org CODE] "
                 "[--kind KIND] [--json]"),
    N_("List the membership changes of a period, newest first, as the Biến động view does"),
    smt_cli_cmd_events },
  { "balance", N_("FILE --period P [--org CODE] [--json]"),
    N_("The balance of membership changes for each organisation, the commune and each hamlet: "
       "at the start + increases − decreases = at the end"), smt_cli_cmd_balance },
  { "restructure", N_("FILE --to BRANCH_ID --date YYYY-MM-DD (--from BRANCH_ID | PERSON_ID…) "
                      "[--reason TEXT] [--document TEXT]"),
    N_("Move members into another branch (a chi hội's into its new tổ hội…) as one "
       "restructure, all or nothing; not counted as transfers"), smt_cli_cmd_restructure },
  { "restructures", N_("FILE [--org CODE] [--json]"),
    N_("List the restructures with where the members went and how many"),
    smt_cli_cmd_restructures },
  { "restructure-void", N_("FILE RESTRUCTURE_ID --reason TEXT"),
    N_("Undo a restructure: void all its moves"), smt_cli_cmd_restructure_void },
  { "org-add", N_("FILE CODE NAME --short TEXT [--member-word TEXT] [--kind political|mass] "
                  "[--min-age N] [--max-age N] [--sex nam|nu] [--trait CODE]"),
    N_("Add an organisation (a mass association…) with whom it gathers"), smt_cli_cmd_org_add },
  { "org-edit", N_("FILE CODE [--name TEXT] [--short TEXT] [--member-word TEXT] "
                   "[--kind political|mass] [--min-age N] [--max-age N] [--sex nam|nu|any] "
                   "[--trait CODE|none] --reason TEXT"),
    N_("Change an organisation's names or eligibility rules, with the reason kept"),
    smt_cli_cmd_org_edit },
  { "traits", N_("FILE [--json]"), N_("List the traits that make people eligible beyond age "
    "and sex (cựu quân nhân…), who has each today and which organisations ask for it"),
    smt_cli_cmd_traits },
  { "trait-add", N_("FILE CODE NAME [--position N]"), N_("Add a trait"), smt_cli_cmd_trait_add },
  { "trait-edit", N_("FILE CODE [--code CODE] [--name TEXT] [--position N] [--reason TEXT]"),
    N_("Rename a trait or change its code"), smt_cli_cmd_trait_edit },
  { "trait-delete", N_("FILE CODE"), N_("Delete a trait no one has and no rule asks for"),
    smt_cli_cmd_trait_delete },
  { "person-traits", N_("FILE PERSON_ID [--history] [--json]"),
    N_("A person's traits, with the days they hold; with --history every record"),
    smt_cli_cmd_person_traits },
  { "trait-set", N_("FILE PERSON_ID TRAIT_CODE [--from YYYY-MM-DD] [--to YYYY-MM-DD] "
                    "[--reason TEXT]"),
    N_("Record that a person has a trait from a day (or since before the register knows)"),
    smt_cli_cmd_trait_set },
  { "trait-end", N_("FILE RECORD_ID --to YYYY-MM-DD [--reason TEXT]"),
    N_("Record the last day a person had a trait"), smt_cli_cmd_trait_end },
  { "trait-void", N_("FILE RECORD_ID --reason TEXT"),
    N_("Void a trait recorded by mistake; it stays in the history"), smt_cli_cmd_trait_void },
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
  { "indicators", N_("FILE --period P [--org CODE] [--hamlet NAME] [--resolution NUMBER] [--by org|hamlet] [--json]"),
    N_("Compute every indicator for a period (2025-05, 2025-Q2, 2025-H1, 2025-9M, 2025, "
       "2021-01-01..2025-12-31)"), smt_cli_cmd_indicators },
  { "explain", N_("FILE INDICATOR --period P [--org CODE] [--hamlet NAME] [--json] [-o OUT.xlsx]"),
    N_("List the people, households, branches or meetings behind an indicator's figures"),
    smt_cli_cmd_explain },
  { "trend", N_("FILE INDICATOR --from P --to P [--org CODE] [--hamlet NAME] [--json]"),
    N_("An indicator's value for each month, quarter or year from one period to another"),
    smt_cli_cmd_trend },
  { "indicator-set", N_("FILE INDICATOR --period P --value NUMBER [--org CODE] [--note TEXT]"),
    N_("Type the value of an indicator the register cannot count, for a period; an earlier "
       "value stays in history"), smt_cli_cmd_indicator_set },
  { "indicator-history", N_("FILE INDICATOR --period P [--org CODE] [--json]"),
    N_("The values typed for an indicator and a period, the current one marked *; with "
       "none, the figure added up from the periods inside it"),
    smt_cli_cmd_indicator_history },
  { "chart", N_("FILE INDICATOR --from P --to P [--compare-year] [--by org|hamlet] [--hamlets] "
                "[--stacked] [--resolution NUMBER] -o OUT.png|.svg|.pdf"),
    N_("Draw an indicator's trend, year against year, or bars by hamlet into a PNG, SVG "
       "or PDF picture at A4 width"), smt_cli_cmd_chart },
  { "export", N_("FILE REPORT [--period P] [--resolution NUMBER] [--branch ID] [--org CODE] "
                 "[--year YYYY] [--show-personal] [--report-number TEXT] [--report-date DATE] "
                 "[--date DATE] -o OUT.xlsx|OUT.pdf"),
    N_("Write a report (annex, members, meetings, ratings, branch-members, changes) to "
       "Excel or PDF, laid out for A4 as Decree 30/2020 asks"), smt_cli_cmd_export },
  { "exports", N_("FILE [--json]"),
    N_("The export log: every report exported or printed, and whether personal data went "
       "out in full"), smt_cli_cmd_exports },
  { "meetings", N_("FILE [--year YYYY] [--org CODE] [--branch ID --month YYYY-MM] [--json]"),
    N_("Branch meetings: a grid of branches × months of a year (✓ regular meeting held, "
       "✗ none), or the meetings of one branch in one month"), smt_cli_cmd_meetings },
  { "meeting-add", N_("FILE BRANCH_ID --date YYYY-MM-DD --present N [--kind regular|thematic] "
                      "[--topic TEXT] [--party] [--officer] [--attendee ID …]"),
    N_("Record a branch meeting, with the members present ticked if wanted"),
    smt_cli_cmd_meeting_add },
  { "meeting-void", N_("FILE MEETING_ID --reason TEXT"),
    N_("Void a meeting recorded by mistake; it stays in the history"),
    smt_cli_cmd_meeting_void },
  { "studies", N_("FILE [--year YYYY] [--org CODE] [--json]"),
    N_("List the studies of resolutions held in a year"), smt_cli_cmd_studies },
  { "study-add", N_("FILE --subject TEXT --date YYYY-MM-DD (--participants N | --person ID … "
                    "| --branch ID --whole-branch | --branch ID --all-except ID …) "
                    "[--org CODE]"),
    N_("Record a study of a resolution or directive: the number who took part, the "
       "participants named, or the whole branch except some"), smt_cli_cmd_study_add },
  { "study-void", N_("FILE STUDY_ID --reason TEXT"),
    N_("Void a study recorded by mistake; it stays in the history"), smt_cli_cmd_study_void },
  { "dialogue", N_("FILE --month YYYY-MM --days N --raised N --resolved N | FILE [--year "
                   "YYYY] [--json]"),
    N_("Type a month's dialogue days and petitions raised and resolved, or show a year's"),
    smt_cli_cmd_dialogue },
  { "ratings", N_("FILE --year YYYY --org CODE [--branches|--members] [--json]"),
    N_("The yearly ratings of an organisation's branches or members, with the scale in force "
       "that year, last year's rating and a count per level"), smt_cli_cmd_ratings },
  { "rate", N_("FILE --year YYYY --org CODE (--person ID | --branch ID) (LEVEL_CODE | --clear) "
               "[--reason TEXT]"),
    N_("Rate a member or a branch for a year, as the Đánh giá table does; a change or a "
       "clearing needs a reason"), smt_cli_cmd_rate },
  { "scales", N_("FILE [--json]"),
    N_("List the rating scales with their levels and the years they are in force"),
    smt_cli_cmd_scales },
  { "scale-use", N_("FILE SCALE_CODE --from-year YYYY [--org CODE]"),
    N_("Put a rating scale in force from a year, for one organisation or for all"),
    smt_cli_cmd_scale_use },
  { "commune", N_("FILE [--name TEXT] [--kind xã|phường|đặc khu] [--province TEXT] "
                  "[--place TEXT] [--signer-title TEXT] [--signer-name TEXT] [--reason TEXT] "
                  "[--json]"),
    N_("Show the commune's name, province, place of the date line and signer; with "
       "options, change them"), smt_cli_cmd_commune },
  { "hamlets", N_("FILE [--json]"),
    N_("List the hamlets with the households and people living there today"),
    smt_cli_cmd_hamlets },
  { "hamlet-add", N_("FILE NAME [--kind KIND]"), N_("Add a hamlet (ấp, thôn, khu phố…)"),
    smt_cli_cmd_hamlet_add },
  { "hamlet-rename", N_("FILE ID NAME [--kind KIND]"), N_("Rename a hamlet or change its kind"),
    smt_cli_cmd_hamlet_rename },
  { "hamlet-delete", N_("FILE ID"), N_("Delete a hamlet no household or branch uses"),
    smt_cli_cmd_hamlet_delete },
  { "resolutions", N_("FILE [--json]"), N_("List the resolutions with their targets"),
    smt_cli_cmd_resolutions },
  { "resolution-add", N_("FILE NUMBER TITLE --issuer TEXT --issued YYYY-MM-DD "
                         "[--from YYYY-MM-DD] [--to YYYY-MM-DD]"),
    N_("Add a resolution or directive that sets targets"), smt_cli_cmd_resolution_add },
  { "resolution-edit", N_("FILE NUMBER [--number TEXT] [--title TEXT] [--issuer TEXT] "
                          "[--issued YYYY-MM-DD] [--from YYYY-MM-DD] [--to YYYY-MM-DD] "
                          "[--reason TEXT]"),
    N_("Correct a resolution's number, title, issuer, date or term"),
    smt_cli_cmd_resolution_edit },
  { "target-set", N_("FILE NUMBER INDICATOR --target X [--baseline X] "
                     "[--baseline-date YYYY-MM-DD] [--at-most] [--label TEXT] [--position N] "
                     "[--deadline YYYY-MM-DD]"),
    N_("Add or change the target a resolution sets for an indicator"),
    smt_cli_cmd_target_set },
  { "officers", N_("FILE [--all] [--json]"),
    N_("List the officers of the Mặt trận and of each organisation, with their training"),
    smt_cli_cmd_officers },
  { "officer-add", N_("FILE PERSON_ID [--org CODE] [--role head|deputy] --from YYYY-MM-DD "
                      "[--political N] [--professional N]"),
    N_("Record an officer's term of office"), smt_cli_cmd_officer_add },
  { "officer-end", N_("FILE OFFICER_ID --date YYYY-MM-DD [--reason TEXT]"),
    N_("End an officer's term"), smt_cli_cmd_officer_end },
  { "import", N_("FILE LIST --org CODE [--branch ID] [--sheet NAME] [--map MAP.json] "
                 "[--encoding auto|utf-8|tcvn3|vni|cp1258] [--header-row N] [--date YYYY-MM-DD] "
                 "[--sex nam|nu] [--decide ROW=skip|new|same:ID …] "
                 "[--on-duplicate skip|same|new] [--dry-run] [--json]"),
    N_("Import a member list (.xlsx, .xls, .ods, .csv, .txt; TCVN3, VNI and Windows-1258 "
       "text too): each row checked against the register, a summary and every problem; "
       "written as one batch once every row is decided"),
    smt_cli_cmd_import },
  { "import-map", N_("LIST [--sheet NAME] [--encoding auto|utf-8|tcvn3|vni|cp1258] "
                     "[--header-row N] [--map MAP.json] [--json]"),
    N_("Show how a list will be read: its header row, which field each column holds and "
       "how its text is typed; --json writes it to edit and give to import --map"),
    smt_cli_cmd_import_map },
  { "import-rows", N_("FILE ROWS.json --org CODE [--branch ID] [--date YYYY-MM-DD] "
                      "[--sex nam|nu] [--decide ROW=skip|new|same:ID …] "
                      "[--on-duplicate skip|same|new] [--dry-run] [--json]"),
    N_("Import member rows given as JSON: each checked against the register, a summary and "
       "every problem; written as one batch once every row is decided"),
    smt_cli_cmd_import_rows },
  { "imports", N_("FILE [--json]"),
    N_("List the imports with what each added, and whether it was undone"),
    smt_cli_cmd_imports },
  { "import-undo", N_("FILE BATCH --reason TEXT"),
    N_("Undo an import as a whole: what it added is removed, the import and the reason stay"),
    smt_cli_cmd_import_undo },
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
