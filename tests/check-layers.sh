#!/bin/sh
# check-layers.sh
# Copyright 2026 The Sổ Mặt trận authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# src/core, src/io and src/cli never include GTK or libadwaita; the GUI holds
# no SQL. Exit 1 with the offending lines otherwise.
top=${1:-.}
status=0
if grep -rnE '#[[:space:]]*include[[:space:]]*[<"](gtk|gdk|adwaita|gsk)' \
     "$top/src/core" "$top/src/io" "$top/src/cli"; then
  echo "GTK is included in a GTK-free layer (above)." >&2
  status=1
fi
if grep -rnE 'sqlite3|SELECT |INSERT |UPDATE |DELETE ' "$top/src/gui"; then
  echo "The GUI holds SQL (above): ask the core instead." >&2
  status=1
fi
[ $status -eq 0 ] && echo "ok: layers are clean"
exit $status
