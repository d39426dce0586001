/* smt-reports-private.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "smt-reports.h"

G_BEGIN_DECLS

/* One builder a report kind, each in its own file (smt-report-annex.c …).
 * smt_report_build checks nothing but the kind; each builder checks the
 * parameters it needs and fills the frame with smt_report_frame_from_register. */
typedef SmtReport *(*SmtReportBuilder) (SmtRegister           *reg,
                                        const SmtReportParams *params,
                                        GError               **error);

SmtReport *smt_report_build_annex          (SmtRegister           *reg,
                                            const SmtReportParams *params,
                                            GError               **error);
SmtReport *smt_report_build_members        (SmtRegister           *reg,
                                            const SmtReportParams *params,
                                            GError               **error);
SmtReport *smt_report_build_meetings       (SmtRegister           *reg,
                                            const SmtReportParams *params,
                                            GError               **error);
SmtReport *smt_report_build_ratings        (SmtRegister           *reg,
                                            const SmtReportParams *params,
                                            GError               **error);
SmtReport *smt_report_build_branch_members (SmtRegister           *reg,
                                            const SmtReportParams *params,
                                            GError               **error);
SmtReport *smt_report_build_changes        (SmtRegister           *reg,
                                            const SmtReportParams *params,
                                            GError               **error);

/* The issuer, motto, date line (params->signed_on, else the register's
 * today) and signature block from the register's commune. */
gboolean   smt_report_frame_from_register  (SmtReport             *report,
                                            SmtRegister           *reg,
                                            const SmtReportParams *params,
                                            GError               **error);

/* An SMT_REGISTER_ERROR_INVALID error for a parameter the kind needs:
 * message is translated and says what to give. Returns NULL. */
SmtReport *smt_report_missing              (GError               **error,
                                            const char            *message);

G_END_DECLS
