/* smt-reports.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gi18n-lib.h>
#include <string.h>

#include "smt-reports-private.h"

typedef struct
{
  const char       *code;
  const char       *name;
  const char       *summary;
  SmtReportBuilder  build;
} KindInfo;

static const KindInfo kinds[SMT_REPORT_N_KINDS] = {
  [SMT_REPORT_ANNEX] = {
    "annex", N_("Annex of a resolution's targets"),
    N_("Results against the resolution's targets, to attach to a review report"),
    smt_report_build_annex },
  [SMT_REPORT_MEMBERS] = {
    "members", N_("Members by hamlet and organisation"),
    N_("Members, people eligible, gathering rate, admitted and left in the period"),
    smt_report_build_members },
  [SMT_REPORT_MEETINGS] = {
    "meetings", N_("State of branch meetings"),
    N_("Meetings held by each branch, attendance, Party members present"),
    smt_report_build_meetings },
  [SMT_REPORT_RATINGS] = {
    "ratings", N_("Ratings of the year"),
    N_("Ratings of the branches and members of an organisation for a year"),
    smt_report_build_ratings },
  [SMT_REPORT_BRANCH_MEMBERS] = {
    "branch-members", N_("Member list of a branch"),
    N_("The members of one branch by given name, birth year under Nam or Nữ"),
    smt_report_build_branch_members },
  [SMT_REPORT_CHANGES] = {
    "changes", N_("Membership changes"),
    N_("Admitted, left, transferred and gone to work away, by organisation and hamlet"),
    smt_report_build_changes },
};

const char *
smt_report_kind_code (SmtReportKind kind)
{
  g_return_val_if_fail (kind < SMT_REPORT_N_KINDS, "");
  return kinds[kind].code;
}

gboolean
smt_report_kind_from_code (const char    *code,
                           SmtReportKind *kind)
{
  for (guint i = 0; i < SMT_REPORT_N_KINDS; i++)
    if (g_strcmp0 (code, kinds[i].code) == 0)
      {
        *kind = (SmtReportKind) i;
        return TRUE;
      }
  return FALSE;
}

const char *
smt_report_kind_name (SmtReportKind kind)
{
  g_return_val_if_fail (kind < SMT_REPORT_N_KINDS, "");
  return _(kinds[kind].name);
}

const char *
smt_report_kind_summary (SmtReportKind kind)
{
  g_return_val_if_fail (kind < SMT_REPORT_N_KINDS, "");
  return _(kinds[kind].summary);
}

SmtReport *
smt_report_missing (GError     **error,
                    const char  *message)
{
  g_set_error_literal (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID, message);
  return NULL;
}

gboolean
smt_report_frame_from_register (SmtReport             *report,
                                SmtRegister           *reg,
                                const SmtReportParams *params,
                                GError               **error)
{
  g_autofree char *name = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *place = NULL;
  g_autofree char *signer_title = NULL;
  g_autofree char *signer_name = NULL;
  const char *signed_on = params->signed_on;

  if (!smt_register_get_commune (reg, &name, &kind, NULL, &place, &signer_title, &signer_name))
    {
      g_set_error_literal (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_DATABASE,
                           _("The register has no commune. Open another register or "
                             "create a new one."));
      return FALSE;
    }
  if (signed_on == NULL)
    signed_on = smt_register_get_today (reg);
  smt_report_set_frame (report, name, kind, place, signer_title, signer_name, signed_on);
  return TRUE;
}

SmtReport *
smt_report_build (SmtRegister           *reg,
                  const SmtReportParams *params,
                  GError               **error)
{
  g_autoptr(SmtReport) report = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (params->kind < SMT_REPORT_N_KINDS, NULL);
  g_return_val_if_fail (kinds[params->kind].build != NULL, NULL);

  report = kinds[params->kind].build (reg, params, error);
  if (report == NULL)
    return NULL;
  /* A model that fails the check is a fault of its builder, not of the
   * user's input: the tests build every kind and check it. */
  if (!smt_report_check (report, &local_error))
    {
      g_critical ("%s", local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&report);
}
