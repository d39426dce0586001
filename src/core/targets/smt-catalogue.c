/* smt-catalogue.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>
#include <glib/gi18n-lib.h>

#include "smt-catalogue.h"

#define STOCK SMT_INDICATOR_STOCK
#define FLOW SMT_INDICATOR_FLOW
#define COUNT SMT_INDICATOR_COUNT
#define COMPUTED SMT_INDICATOR_COMPUTED
#define TYPED SMT_INDICATOR_TYPED
/* The seeds' "các đoàn thể chính trị - xã hội", and for the officers' rows
 * "Chủ tịch MTTQ, Trưởng các đoàn thể chính trị - xã hội" (smt-scope.h). */
#define SOCIO "socio_political"
#define FRONT_SOCIO "front,socio_political"

/* From the seeds: Nghị quyết 06-NQ/TU and its annex, Chỉ thị 11-CT/TU. */
static const SmtIndicatorInfo catalogue[] = {
  { "households_covered",
    N_("Households with at least one member of a socio-political organisation"),
    STOCK, COMPUTED, TRUE, FALSE, SOCIO },
  { "branches_strong", N_("Branches rated strong"),
    FLOW, COMPUTED, TRUE, FALSE, SOCIO },
  /* The seeds' "tổ chức cơ sở … vững mạnh, năm 2020 là 373/375": the
   * commune-level organisations themselves (75 communes × 5). */
  { "organisations_strong", N_("Grassroots organisations rated strong"),
    FLOW, COMPUTED, TRUE, FALSE, SOCIO },
  { "members_studied", N_("Members who took part in studying resolutions and directives"),
    FLOW, COMPUTED, TRUE, FALSE, SOCIO },
  { "gathering_rate", N_("Gathering rate: members among the people eligible"),
    STOCK, COMPUTED, TRUE, TRUE, SOCIO },
  { "memberships_total", N_("Memberships (counted by membership)"),
    STOCK, COMPUTED, FALSE, TRUE, SOCIO },
  { "members_total", N_("Members (counted by person)"), STOCK, COMPUTED, FALSE, TRUE, SOCIO },
  { "officers_political",
    N_("Heads of commune organisations meeting the political theory standard"),
    STOCK, COMPUTED, TRUE, FALSE, FRONT_SOCIO },
  { "officers_professional",
    N_("Heads of commune organisations meeting the professional standard"),
    STOCK, COMPUTED, TRUE, FALSE, FRONT_SOCIO },
  { "officers_university", N_("Heads of commune organisations with a university degree"),
    STOCK, COMPUTED, TRUE, FALSE, FRONT_SOCIO },
  { "leaders_party", N_("Branch leaders who are Party members"),
    STOCK, COMPUTED, TRUE, TRUE, SOCIO },
  { "branches_meeting", N_("Branch-months with a regular meeting"),
    FLOW, COMPUTED, TRUE, TRUE, SOCIO },
  { "meeting_attendance", N_("Members attending their branch's meetings"),
    FLOW, COMPUTED, TRUE, TRUE, SOCIO },
  { "meetings_party_present", N_("Meetings with a Party member or commune officer present"),
    FLOW, COMPUTED, TRUE, TRUE, SOCIO },
  { "members_admitted", N_("Members admitted"), COUNT, COMPUTED, FALSE, TRUE, SOCIO },
  { "members_left", N_("Members who left or were removed"), COUNT, COMPUTED, FALSE, TRUE, SOCIO },
  { "members_transferred", N_("Members transferred"), COUNT, COMPUTED, FALSE, TRUE, SOCIO },
  { "members_away", N_("Members who went to work away"), COUNT, COMPUTED, FALSE, TRUE, SOCIO },
  { "members_transferred_in", N_("Members transferred in from outside the commune"),
    COUNT, COMPUTED, FALSE, TRUE, SOCIO },
  { "members_transferred_out", N_("Members transferred out of the commune"),
    COUNT, COMPUTED, FALSE, TRUE, SOCIO },
  { "members_deceased", N_("Members deceased"), COUNT, COMPUTED, FALSE, TRUE, SOCIO },

  /* Seed 001, row 4: the equipment the Front and the organisations have
   * (a stock: "hiện có 432 máy") and the budget each is given (a count:
   * "31 triệu đồng/năm, MTTQ phường I"), kept per organisation too. */
  { "equipment_computers", N_("Computers"), STOCK, TYPED, FALSE, TRUE, NULL },
  { "equipment_printers", N_("Printers"), STOCK, TYPED, FALSE, TRUE, NULL },
  { "equipment_desks", N_("Desks"), STOCK, TYPED, FALSE, TRUE, NULL },
  { "equipment_cabinets", N_("Filing cabinets"), STOCK, TYPED, FALSE, TRUE, NULL },
  { "budget", N_("Operating budget (đồng)"), COUNT, TYPED, FALSE, TRUE, NULL },
  { "houses_built", N_("Great-unity houses built"), COUNT, TYPED, FALSE, FALSE, NULL },
  { "houses_value", N_("Value of the houses built (đồng)"), COUNT, TYPED, FALSE, FALSE, NULL },
  { "scholarships", N_("Scholarships awarded"), COUNT, TYPED, FALSE, FALSE, NULL },
  { "scholarships_value", N_("Value of the scholarships (đồng)"),
    COUNT, TYPED, FALSE, FALSE, NULL },
  { "poverty_lifted", N_("Members lifted out of poverty"), COUNT, TYPED, FALSE, FALSE, NULL },
  { "poor_households", N_("Poor households (%)"), STOCK, TYPED, FALSE, FALSE, NULL },
  { "mediation_received", N_("Mediation cases received"), COUNT, TYPED, FALSE, FALSE, NULL },
  { "mediation_mediated", N_("Mediation cases mediated"), COUNT, TYPED, FALSE, FALSE, NULL },
  { "mediation_succeeded", N_("Mediation cases settled"), COUNT, TYPED, FALSE, FALSE, NULL },
  { "supervisions", N_("Supervisions held"), COUNT, TYPED, FALSE, FALSE, NULL },
  { "opinions", N_("Opinions contributed"), COUNT, TYPED, FALSE, FALSE, NULL },
  { "dialogue_days", N_("Dialogue days with residents"), COUNT, TYPED, FALSE, FALSE, NULL },
  { "petitions_raised", N_("Petitions raised"), COUNT, TYPED, FALSE, FALSE, NULL },
  { "petitions_resolved", N_("Petitions resolved"), COUNT, TYPED, FALSE, FALSE, NULL },
  /* The denominator of gathering_rate:ORG where the register cannot know
   * who an organisation gathers (eligible_people:CCB); without an
   * organisation, that of the commune's gathering_rate. */
  { "eligible_people", N_("People an organisation gathers (typed denominator)"),
    STOCK, TYPED, FALSE, TRUE, NULL },
};

const SmtIndicatorInfo *
smt_catalogue_get_all (guint *n_indicators)
{
  g_return_val_if_fail (n_indicators != NULL, NULL);
  *n_indicators = G_N_ELEMENTS (catalogue);
  return catalogue;
}

const SmtIndicatorInfo *
smt_catalogue_lookup (const char  *code,
                      char       **organisation_code)
{
  const char *colon;
  gsize len;

  g_return_val_if_fail (code != NULL, NULL);

  if (organisation_code != NULL)
    *organisation_code = NULL;
  colon = strchr (code, ':');
  len = colon ? (gsize) (colon - code) : strlen (code);
  for (guint i = 0; i < G_N_ELEMENTS (catalogue); i++)
    {
      const SmtIndicatorInfo *info = &catalogue[i];

      if (strlen (info->code) != len || strncmp (info->code, code, len) != 0)
        continue;
      if (colon != NULL && (!info->per_organisation || colon[1] == '\0'))
        return NULL;
      if (colon != NULL && organisation_code != NULL)
        *organisation_code = g_strdup (colon + 1);
      return info;
    }
  return NULL;
}

const char *
smt_indicator_info_get_name (const SmtIndicatorInfo *info)
{
  g_return_val_if_fail (info != NULL, NULL);
  return _(info->name);
}

char *
smt_catalogue_list_codes (SmtIndicatorSource source)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (catalogue); i++)
    if (catalogue[i].source == source)
      g_string_append_printf (out, "%s%s", out->len ? ", " : "", catalogue[i].code);
  return g_string_free (out, FALSE);
}
