/* smt-settings-view.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "core/register/smt-register.h"

G_BEGIN_DECLS

#define SMT_TYPE_SETTINGS_VIEW (smt_settings_view_get_type ())
G_DECLARE_FINAL_TYPE (SmtSettingsView, smt_settings_view, SMT, SETTINGS_VIEW, GtkWidget)

/* The commune's fields as the view's rows show them. */
typedef enum
{
  SMT_COMMUNE_FIELD_NAME,
  SMT_COMMUNE_FIELD_KIND,
  SMT_COMMUNE_FIELD_PROVINCE,
  SMT_COMMUNE_FIELD_PLACE,
  SMT_COMMUNE_FIELD_SIGNER_TITLE,
  SMT_COMMUNE_FIELD_SIGNER_NAME,
} SmtCommuneField;

GtkWidget  *smt_settings_view_new                 (void);
/* Shows the settings of reg (NULL: nothing); FALSE with error when the
 * register cannot be read. Called again with the same register, keeps the
 * resolution chosen. */
gboolean    smt_settings_view_refresh             (SmtSettingsView  *self,
                                                   SmtRegister      *reg,
                                                   GError          **error);

/* For the tests, as the rows and buttons do. Each returns FALSE when the
 * core refused, the message then shown next to the row. */
gboolean    smt_settings_view_apply_commune       (SmtSettingsView  *self,
                                                   SmtCommuneField   field,
                                                   const char       *text);
const char *smt_settings_view_get_commune_error   (SmtSettingsView  *self);
gboolean    smt_settings_view_add_hamlet          (SmtSettingsView  *self,
                                                   const char       *name,
                                                   const char       *kind);
gboolean    smt_settings_view_rename_hamlet       (SmtSettingsView  *self,
                                                   gint64            hamlet_id,
                                                   const char       *name,
                                                   const char       *kind);
gboolean    smt_settings_view_delete_hamlet       (SmtSettingsView  *self,
                                                   gint64            hamlet_id);
const char *smt_settings_view_get_hamlet_error    (SmtSettingsView  *self);
/* The hamlets listed, in order; (transfer full) (element-type gint64). */
GArray     *smt_settings_view_dup_hamlet_ids      (SmtSettingsView  *self);
gboolean    smt_settings_view_select_resolution   (SmtSettingsView  *self,
                                                   gint64            resolution_id);
guint       smt_settings_view_get_n_targets       (SmtSettingsView  *self);
/* Opens the dialog the buttons open; resolution_id 0: a new resolution,
 * else correct that one; target_id 0: a new target of the resolution chosen; officer_id 0: add an officer, else end that term.
 * (transfer none): owned by GTK's list of toplevels. */
GtkWindow  *smt_settings_view_open_resolution_dialog (SmtSettingsView *self,
                                                      gint64           resolution_id);
GtkWindow  *smt_settings_view_open_target_dialog  (SmtSettingsView  *self,
                                                   gint64            target_id);
GtkWindow  *smt_settings_view_open_officer_dialog (SmtSettingsView  *self,
                                                   gint64            officer_id);
/* "vi" or "en", as the language row's choice. */
void        smt_settings_view_choose_language     (SmtSettingsView  *self,
                                                   const char       *code);
/* Scrolls so that a group is at the top: "resolutions", "officers". */
void        smt_settings_view_scroll_to           (SmtSettingsView  *self,
                                                   const char       *group);

G_END_DECLS
