#!/usr/bin/env python3
# check-explain.py
# Copyright 2026 The Sổ Mặt trận authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# On a demo commune, for every computed indicator and 12 periods of every
# kind, the rows `somattran explain --json` lists behind the numerator and
# the denominator are exactly as many as `somattran indicators --json`
# counts. Prints TAP.

import json
import os
import subprocess
import sys
import tempfile

exe = os.environ["SMT_EXE"]
PERIODS = ["2017-03", "2019-Q4", "2020-H1", "2021", "2022-9M", "2023-H2", "2024-Q1",
           "2025-05", "2025", "2026-Q3", "2016-11-01..2026-10-31", "2018-02"]


def run(*args):
    out = subprocess.run([exe, *args], capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"Bail out! somattran {' '.join(args)} failed: {out.stderr.strip()}")
    return out.stdout


with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "demo.smt")
    run("demo", path, "--people", "1500", "--seed", "3")
    checks = []
    for period in PERIODS:
        figures = json.loads(run("indicators", path, "--period", period, "--json"))
        keys = {"code", "name", "period", "kind", "source", "numerator", "denominator",
                "value", "baseline", "target", "comparison",
                "scope", "scope_organisations", "scope_front", "scope_label", "notes"}
        for f in figures:
            if set(f) != keys:
                sys.exit(f"Bail out! {f['code']}: keys {sorted(f)}")
            if f["source"] != "computed":
                if f["scope"] is not None:
                    sys.exit(f"Bail out! {f['code']}: a typed value with a scope")
                continue
            # Every computed figure says which organisations it counts: the
            # seeds' socio-political ones, and the Front for the officers.
            want = ["DTN", "PN", "ND", "CCB", "CD"]
            if f["scope_organisations"] != want \
                    or f["scope_front"] != f["code"].startswith("officers_"):
                sys.exit(f"Bail out! {f['code']}: scope {f['scope']} "
                         f"{f['scope_organisations']} front {f['scope_front']}")
            rows = json.loads(run("explain", path, f["code"], "--period", period, "--json"))
            num_ok = len(rows["numerator"]) == (f["numerator"] or 0)
            den_ok = f["denominator"] is None or len(rows["denominator"]) == f["denominator"]
            checks.append((num_ok and den_ok,
                           f"{f['code']} {period}: {len(rows['numerator'])}/"
                           f"{len(rows['denominator'])} rows for {f['numerator']}/"
                           f"{f['denominator']}"))
    print(f"1..{len(checks)}")
    failed = 0
    for i, (ok, what) in enumerate(checks, 1):
        print(f"{'ok' if ok else 'not ok'} {i} {what}")
        failed += not ok
    sys.exit(1 if failed else 0)
