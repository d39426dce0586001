#!/bin/sh
# run.sh
# Copyright 2026 The Sổ Mặt trận authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds the libFuzzer targets with clang (AddressSanitizer and
# UndefinedBehaviorSanitizer) from the sources they need, with the same
# pkg-config dependencies as the project, and fuzzes each one.
#
#   tests/fuzz/run.sh SECONDS [OUT-DIR]        each target for SECONDS
#                                              (OUT-DIR: build/fuzz-clang)
#   tests/fuzz/run.sh --short SECONDS OUT-DIR  the test suite's run: SECONDS
#                                              shared by all targets
#
# Targets: legacy-text (src/io/sheets/smt-legacy-text.c, smt-sheet-decode.c),
# and csv and xlsx (smt_workbook_open_bytes) when src/io/sheets/smt-workbook.c
# exists. Inputs that find something go to OUT-DIR/crash-<target>-*; the
# corpus grown while fuzzing stays in OUT-DIR/corpus/<target> (the seeds
# in tests/fuzz/corpus/<target> are only read). Exits 77 (skipped) without
# clang or libFuzzer (Debian: clang, libclang-rt-14-dev), 1 on a crash.
# SMT_FUZZ_TARGETS (e.g. "csv xlsx") picks targets; CLANG names the compiler.

set -eu

short=0
if [ "${1:-}" = "--short" ]; then
  short=1
  shift
fi
seconds=${1:-600}
script_dir=$(CDPATH='' cd -- "$(dirname -- "$0")" && pwd)
root=$(CDPATH='' cd -- "$script_dir/../.." && pwd)
out=${2:-$root/build/fuzz-clang}
cc=${CLANG:-clang}

skip () {
  echo "fuzz: $*; skipped (Debian: apt-get install clang libclang-rt-14-dev)"
  exit 77
}

command -v "$cc" >/dev/null 2>&1 || skip "$cc not found"
mkdir -p "$out"
printf 'int LLVMFuzzerTestOneInput (const unsigned char *d, unsigned long n);\nint LLVMFuzzerTestOneInput (const unsigned char *d, unsigned long n) { (void) d; (void) n; return 0; }\n' \
  > "$out/probe.c"
"$cc" -fsanitize=fuzzer,address,undefined "$out/probe.c" -o "$out/probe" >/dev/null 2>&1 \
  || skip "$cc cannot link -fsanitize=fuzzer,address,undefined (libFuzzer missing)"
command -v pkg-config >/dev/null 2>&1 || skip "pkg-config not found"

modules="glib-2.0 gio-2.0 libgsf-1 libxml-2.0 freexl"
pkg-config --exists $modules || skip "pkg-config cannot find: $modules"
cflags=$(pkg-config --cflags $modules)
libs=$(pkg-config --libs $modules)

# What the project's config.h gives the sources.
cat > "$out/config.h" <<'CONFIG'
#define GETTEXT_PACKAGE "somattran"
#define PACKAGE_NAME "Sổ Mặt trận"
#define G_LOG_DOMAIN "Somattran"
#define GLIB_VERSION_MIN_REQUIRED GLIB_VERSION_2_74
#define GLIB_VERSION_MAX_ALLOWED GLIB_VERSION_2_74
CONFIG

sheets="$root/src/io/sheets"
targets="legacy-text"
if [ -f "$sheets/smt-workbook.c" ]; then
  targets="$targets csv xlsx"
fi
# SMT_FUZZ_TARGETS="csv xlsx" runs only those.
targets=${SMT_FUZZ_TARGETS:-$targets}

build () {
  target=$1
  case $target in
    legacy-text)
      sources="$script_dir/fuzz-legacy-text.c $sheets/smt-legacy-text.c $sheets/smt-sheet.c $sheets/smt-sheet-decode.c"
      defines= ;;
    csv)
      sources="$script_dir/fuzz-workbook.c $sheets/*.c"
      defines="-DFUZZ_FILE_NAME=\"fuzz.csv\"" ;;
    xlsx)
      sources="$script_dir/fuzz-workbook.c $sheets/*.c"
      defines="-DFUZZ_FILE_NAME=\"fuzz.xlsx\"" ;;
  esac
  echo "fuzz: building $target"
  # shellcheck disable=SC2086
  "$cc" -g -O1 -fno-omit-frame-pointer -fsanitize=fuzzer,address,undefined \
    -fno-sanitize-recover=undefined -std=gnu17 -w \
    -include "$out/config.h" -I"$root" -I"$root/src" $defines $cflags \
    $sources -o "$out/fuzz-$target" $libs
}

n=0
for t in $targets; do
  build "$t"
  n=$((n + 1))
done

if [ $short -eq 1 ]; then
  per=$((seconds / n))
  [ $per -ge 1 ] || per=1
else
  per=$seconds
fi

# GLib: the targets abort on a critical (fuzz-glib.h); the slice allocator
# would hide overflows from ASan.
export G_SLICE=always-malloc
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

status=0
for t in $targets; do
  mkdir -p "$out/corpus/$t"
  echo "fuzz: $t for $per s"
  if ! "$out/fuzz-$t" -max_total_time="$per" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
       -print_final_stats=1 -artifact_prefix="$out/crash-$t-" \
       "$out/corpus/$t" "$script_dir/corpus/$t" > "$out/$t.log" 2>&1; then
    status=1
    echo "fuzz: $t FOUND A CRASH (log: $out/$t.log)"
    grep -E "ERROR|SUMMARY|Test unit written" "$out/$t.log" | head -20
  fi
  # Executions and time, from libFuzzer's final figures.
  grep -E "stat::number_of_executed_units|stat::peak_rss_mb|Done [0-9]+ runs" "$out/$t.log" \
    | sed "s/^/fuzz: $t: /"
done
exit $status
