/* smt-cli-private.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <stdio.h>
#include <glib/gi18n-lib.h>

#include "core/register/smt-register.h"

G_BEGIN_DECLS

/* The subcommands: argv[0] is the command's name; each returns the exit status. */
int smt_cli_cmd_demo (int argc, char **argv);
int smt_cli_cmd_new (int argc, char **argv);
int smt_cli_cmd_events (int argc, char **argv);
int smt_cli_cmd_balance (int argc, char **argv);
int smt_cli_cmd_restructure (int argc, char **argv);
int smt_cli_cmd_restructures (int argc, char **argv);
int smt_cli_cmd_restructure_void (int argc, char **argv);
int smt_cli_cmd_check (int argc, char **argv);
int smt_cli_cmd_backup (int argc, char **argv);
int smt_cli_cmd_people (int argc, char **argv);
int smt_cli_cmd_overview (int argc, char **argv);
int smt_cli_cmd_person (int argc, char **argv);
int smt_cli_cmd_organisations (int argc, char **argv);
int smt_cli_cmd_branches (int argc, char **argv);
int smt_cli_cmd_branch (int argc, char **argv);
int smt_cli_cmd_event (int argc, char **argv);
int smt_cli_cmd_indicators (int argc, char **argv);
int smt_cli_cmd_explain (int argc, char **argv);
int smt_cli_cmd_trend (int argc, char **argv);
int smt_cli_cmd_indicator_set (int argc, char **argv);
int smt_cli_cmd_indicator_history (int argc, char **argv);
int smt_cli_cmd_meetings (int argc, char **argv);
int smt_cli_cmd_meeting_add (int argc, char **argv);
int smt_cli_cmd_meeting_void (int argc, char **argv);
int smt_cli_cmd_studies (int argc, char **argv);
int smt_cli_cmd_study_add (int argc, char **argv);
int smt_cli_cmd_study_void (int argc, char **argv);
int smt_cli_cmd_dialogue (int argc, char **argv);
int smt_cli_cmd_person_add (int argc, char **argv);
int smt_cli_cmd_person_edit (int argc, char **argv);
int smt_cli_cmd_move (int argc, char **argv);
int smt_cli_cmd_households (int argc, char **argv);
int smt_cli_cmd_household (int argc, char **argv);
int smt_cli_cmd_household_split (int argc, char **argv);
int smt_cli_cmd_ratings (int argc, char **argv);
int smt_cli_cmd_rate (int argc, char **argv);
int smt_cli_cmd_scales (int argc, char **argv);
int smt_cli_cmd_scale_use (int argc, char **argv);
int smt_cli_cmd_org_add (int argc, char **argv);
int smt_cli_cmd_org_edit (int argc, char **argv);
int smt_cli_cmd_branch_add (int argc, char **argv);
int smt_cli_cmd_branch_dissolve (int argc, char **argv);
int smt_cli_cmd_leader_appoint (int argc, char **argv);
int smt_cli_cmd_leader_end (int argc, char **argv);
int smt_cli_cmd_candidates (int argc, char **argv);
int smt_cli_cmd_admit (int argc, char **argv);
int smt_cli_cmd_commune (int argc, char **argv);
int smt_cli_cmd_hamlets (int argc, char **argv);
int smt_cli_cmd_hamlet_add (int argc, char **argv);
int smt_cli_cmd_hamlet_rename (int argc, char **argv);
int smt_cli_cmd_hamlet_delete (int argc, char **argv);
int smt_cli_cmd_resolutions (int argc, char **argv);
int smt_cli_cmd_resolution_add (int argc, char **argv);
int smt_cli_cmd_resolution_edit (int argc, char **argv);
int smt_cli_cmd_target_set (int argc, char **argv);
int smt_cli_cmd_chart (int argc, char **argv);
int smt_cli_cmd_export (int argc, char **argv);
int smt_cli_cmd_exports (int argc, char **argv);
int smt_cli_cmd_officers (int argc, char **argv);
int smt_cli_cmd_officer_add (int argc, char **argv);
int smt_cli_cmd_officer_end (int argc, char **argv);
int smt_cli_cmd_traits (int argc, char **argv);
int smt_cli_cmd_trait_add (int argc, char **argv);
int smt_cli_cmd_trait_edit (int argc, char **argv);
int smt_cli_cmd_trait_delete (int argc, char **argv);
int smt_cli_cmd_person_traits (int argc, char **argv);
int smt_cli_cmd_trait_set (int argc, char **argv);
int smt_cli_cmd_trait_end (int argc, char **argv);
int smt_cli_cmd_trait_void (int argc, char **argv);
int smt_cli_cmd_imports (int argc, char **argv);
int smt_cli_cmd_import_undo (int argc, char **argv);
int smt_cli_cmd_import_rows (int argc, char **argv);
int smt_cli_cmd_import (int argc, char **argv);
int smt_cli_cmd_import_map (int argc, char **argv);

/* What an import command says beside its rows (smt-cli-import-batches.c):
 * the plan's options (smt-import-plan.h), the decisions of --decide
 * ("ROW=skip|new|same[:PERSON_ID]", ROW the sheet's row number), what to do
 * with every look-alike (--on-duplicate skip|same|new, NULL: ask), a dry
 * run, JSON. */
typedef struct
{
  const char         *organisation;
  gint64              branch_id;
  const char         *admitted_on;
  char                default_sex;
  const char         *file_name;
  const char         *file_sha256;
  const char         *sheet;
  const char * const *decisions;
  const char         *on_duplicate;
  gboolean            dry_run;
  gboolean            json;
} SmtCliImportOptions;

/* The options every import command takes (smt-cli-import.c): the entries
 * fill args; finish checks them and fills the plan's options. */
typedef struct
{
  char     *org;
  char     *branch;
  char     *date;
  char     *sex;
  char     *on_duplicate;
  GStrv     decisions;
  gboolean  dry_run;
  gboolean  json;
  char     *iso_date;
} SmtCliImportArgs;

GOptionEntry *smt_cli_import_args_entries (SmtCliImportArgs    *args);
int           smt_cli_import_args_finish  (SmtCliImportArgs    *args,
                                           SmtCliImportOptions *options);
void          smt_cli_import_args_clear   (SmtCliImportArgs    *args);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SmtCliImportArgs, smt_cli_import_args_clear)

/* Plans rows (transfer full, element-type SmtImportRow), decides, prints
 * the summary and the problems, writes unless dry_run. Returns the exit
 * status: 0, 2 when rows are undecided (nothing written), 1 when the
 * write failed. */
int smt_cli_import_run_plan (SmtRegister               *reg,
                             const SmtCliImportOptions *options,
                             GPtrArray                 *rows);

/* The commands that list something: somattran NAME FILE [--json]. */
typedef GPtrArray *(*SmtCliListFunc)   (SmtRegister  *reg,
                                        GError      **error);
typedef void       (*SmtCliListWriter) (GString      *out,
                                        SmtRegister  *reg,
                                        GPtrArray    *list,
                                        gboolean      json);
int          smt_cli_run_list          (const char         *name,
                                        int                 argc,
                                        char              **argv,
                                        SmtCliListFunc      list_func,
                                        SmtCliListWriter    write);
int          smt_cli_print_error       (const GError       *error,
                                        int                 status);
int          smt_cli_parse_args        (const char         *name,
                                        const char         *params,
                                        const GOptionEntry *entries,
                                        const GOptionEntry *more_entries,
                                        int                 n_args,
                                        const char         *usage,
                                        int                *argc,
                                        char             ***argv,
                                        SmtRegister       **reg,
                                        ...) G_GNUC_NULL_TERMINATED;
SmtRegister *smt_cli_open_register     (const char         *path);
void         smt_cli_append_padded     (GString            *out,
                                        const char         *text,
                                        glong               width);
void         smt_cli_append_right      (GString            *out,
                                        const char         *text,
                                        glong               width);
void         smt_cli_json_int_or_null  (GString            *out,
                                        gint64              value,
                                        gint64              absent);
void         smt_cli_json_bool         (GString            *out,
                                        gboolean            value);

G_END_DECLS
