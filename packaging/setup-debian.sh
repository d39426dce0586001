#!/bin/sh
# setup-debian.sh
# Copyright 2026 The Sổ Mặt trận authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Chuẩn bị một máy Debian 12 để dịch, chạy và kiểm thử Sổ Mặt trận, rồi dịch.
# Prepares a Debian 12 machine to build, run and test Sổ Mặt trận, then builds.
#
#   sh packaging/setup-debian.sh
#
# Safe to run again: it installs only what is missing (apt-get update runs only
# then), configures build/ only if it is not configured yet, and compiles.

set -eu

# Everything below runs from the project root, wherever the script is called from.
script_dir=$(CDPATH='' cd -- "$(dirname -- "$0")" && pwd)
root=$(CDPATH='' cd -- "$script_dir/.." && pwd)
cd "$root"

say () {
  printf '%s\n' "$*"
}

fail () {
  # $1: Vietnamese, $2: English
  printf '\n%s\n%s\n' "$1" "$2" >&2
  exit 1
}

# What building, running and testing need (Debian 12 package names).
packages="
  build-essential
  gcc
  pkg-config
  meson
  ninja-build
  gettext
  libglib2.0-dev
  libglib2.0-dev-bin
  libgtk-4-dev
  libadwaita-1-dev
  libsqlite3-dev
  sqlite3
  libicu-dev
  libcairo2-dev
  libpango1.0-dev
  libxlsxwriter-dev
  libgsf-1-dev
  libxml2-dev
  libfreexl-dev
  xvfb
  xauth
  desktop-file-utils
  appstream
  python3-openpyxl
  fonts-liberation2
  poppler-utils
  hicolor-icon-theme
  adwaita-icon-theme
  tzdata
  librsvg2-common
  shared-mime-info
  libgtk-4-bin
  libglib2.0-data
  clang
  libclang-rt-14-dev
"
# tzdata: the tests run with TZ=Asia/Ho_Chi_Minh. librsvg2-common,
# shared-mime-info, libgtk-4-bin and libglib2.0-data are only
# "Recommends" of GTK and GLib, which --no-install-recommends would skip:
# librsvg2-common loads the SVG icons (without it GTK warns, and the tests
# treat warnings as fatal), shared-mime-info names file types, libgtk-4-bin
# has gtk4-update-icon-cache, libglib2.0-data carries GLib's Vietnamese
# messages. clang and libclang-rt-14-dev (libFuzzer and the sanitizers)
# build the fuzz targets of tests/fuzz; without them that test is skipped.
# No D-Bus package: GApplication runs without a session bus, and the
# window tests need none under xvfb-run.

if ! command -v apt-get >/dev/null 2>&1 || ! command -v dpkg-query >/dev/null 2>&1; then
  fail "Không thấy apt-get: tập lệnh này dành cho Debian 12. Trên hệ khác, hãy cài các gói tương ứng với danh sách trong packaging/setup-debian.sh rồi chạy: meson setup build && meson compile -C build" \
       "apt-get not found: this script is for Debian 12. Elsewhere, install the equivalents of the packages listed in packaging/setup-debian.sh, then run: meson setup build && meson compile -C build"
fi

if [ -r /etc/os-release ]; then
  # shellcheck disable=SC1091
  os_id=$(. /etc/os-release && printf '%s %s' "${ID:-}" "${VERSION_ID:-}")
  if [ "$os_id" != "debian 12" ]; then
    say "Lưu ý: máy này là \"$os_id\", không phải Debian 12; vẫn thử tiếp."
    say "Note: this machine is \"$os_id\", not Debian 12; trying anyway."
  fi
fi

missing=
for p in $packages; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  case $status in
    *" installed") ;;
    *) missing="$missing $p" ;;
  esac
done

if [ -n "$missing" ]; then
  say "Cần cài / Installing:$missing"
  if [ "$(id -u)" -eq 0 ]; then
    as_root=
  elif command -v sudo >/dev/null 2>&1; then
    as_root=sudo
    say "Dùng sudo để cài gói (có thể phải nhập mật khẩu)."
    say "Using sudo to install packages (it may ask for your password)."
  else
    fail "Cần quyền root để cài gói, mà máy không có sudo. Hãy đăng nhập root (su -) và chạy:
  apt-get update && apt-get install --no-install-recommends$missing
rồi chạy lại: sh packaging/setup-debian.sh" \
         "Installing packages needs root and sudo is not available. Log in as root (su -) and run:
  apt-get update && apt-get install --no-install-recommends$missing
then run again: sh packaging/setup-debian.sh"
  fi
  # shellcheck disable=SC2086
  $as_root env DEBIAN_FRONTEND=noninteractive apt-get update
  # shellcheck disable=SC2086
  $as_root env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y --no-install-recommends $missing
else
  say "Đã có đủ gói cần thiết. / All required packages are installed."
fi

if [ -f build/meson-private/coredata.dat ]; then
  say "build/ đã được cấu hình; meson tự cấu hình lại khi cần."
  say "build/ is configured already; meson reconfigures itself when needed."
else
  meson setup build
fi

meson compile -C build
