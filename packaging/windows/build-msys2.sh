#!/usr/bin/env bash
# build-msys2.sh
# Copyright 2026 The Sổ Mặt trận authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds Sổ Mặt trận for Windows (64-bit, Windows 8.1 or later) on a Windows
# machine, in the "MSYS2 UCRT64" shell (https://www.msys2.org), from the
# project root or anywhere:
#
#   bash packaging/windows/build-msys2.sh [--no-tests]
#
# Result: dist/SoMatTran/ (a self-contained folder: bin/, lib/, share/) and,
# when Inno Setup 6.3+ is installed, dist/SoMatTran-<version>-setup.exe.
# No cross build from Debian is possible (its mingw-w64 has no GTK), so this
# script is kept honest by review; somattran-launcher.c is compile-checked
# on Debian with gcc-mingw-w64.

set -euo pipefail

if [[ "${MSYSTEM:-}" != UCRT64 ]]; then
  echo "Hãy chạy tập lệnh này trong cửa sổ \"MSYS2 UCRT64\"." >&2
  echo "Run this script in the \"MSYS2 UCRT64\" shell." >&2
  exit 1
fi

run_tests=1
case "${1:-}" in
  --no-tests) run_tests=0 ;;
  "") ;;
  *) echo "usage: bash packaging/windows/build-msys2.sh [--no-tests]" >&2; exit 2 ;;
esac

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"

prefix=${MINGW_PREFIX:-/ucrt64}
p=${MINGW_PACKAGE_PREFIX:-mingw-w64-ucrt-x86_64}
builddir=build-windows
stage=$root/dist/SoMatTran

# ---------------------------------------------------------------- packages
pacman -S --needed --noconfirm \
  "$p-gcc" "$p-binutils" "$p-pkgconf" "$p-meson" "$p-ninja" "$p-python" \
  "$p-gtk4" "$p-libadwaita" "$p-sqlite3" "$p-icu" \
  "$p-libxlsxwriter" "$p-libgsf" "$p-libxml2" "$p-freexl" \
  "$p-librsvg" "$p-adwaita-icon-theme" "$p-hicolor-icon-theme"
# msgfmt: MSYS2 split gettext into -runtime and -tools in 2024; older
# installations only know the single package.
pacman -S --needed --noconfirm "$p-gettext-tools" 2>/dev/null \
  || pacman -S --needed --noconfirm "$p-gettext"

# ------------------------------------------------------------------- build
# Configured with the stage folder as prefix; the program finds its
# catalogue, schemas and icons relative to its own .exe, not the prefix.
if [[ -f $builddir/meson-private/coredata.dat ]]; then
  meson configure "$builddir" -Dprefix="$(cygpath -m "$stage")"
else
  meson setup "$builddir" --buildtype=release -Dgui_tests=false \
    --prefix="$(cygpath -m "$stage")"
fi
meson compile -C "$builddir"
if [[ $run_tests -eq 1 ]]; then
  meson test -C "$builddir" --print-errorlogs
fi

rm -rf "$stage"
meson install -C "$builddir"
version=$(meson introspect "$builddir" --projectinfo \
          | python -c 'import json, sys; print(json.load(sys.stdin)["version"])')

bin=$stage/bin
mkdir -p "$bin"

# ------------------------------------------------- icon and launcher (.exe)
# A multi-size .ico made of PNGs (Windows Vista and later read those) from
# the scalable SVG, for the launcher, the shortcuts and the installer.
icon_svg=$root/data/icons/hicolor/scalable/apps/io.github.somattran.SoMatTran.svg
icon_ico=$stage/share/somattran/somattran.ico
icon_tmp=$(mktemp -d)
mkdir -p "$(dirname "$icon_ico")"
for size in 16 24 32 48 64 256; do
  rsvg-convert -w "$size" -h "$size" -o "$icon_tmp/$size.png" "$icon_svg"
done
python - "$icon_ico" "$icon_tmp"/{16,24,32,48,64,256}.png <<'PY'
import struct, sys
out, pngs = sys.argv[1], sys.argv[2:]
blobs = [open(p, "rb").read() for p in pngs]
header = struct.pack("<HHH", 0, 1, len(blobs))
offset = 6 + 16 * len(blobs)
entries = b""
for blob in blobs:
    width, height = struct.unpack(">II", blob[16:24])
    entries += struct.pack("<BBBBHHII", width % 256, height % 256, 0, 0, 1, 32,
                           len(blob), offset)
    offset += len(blob)
with open(out, "wb") as f:
    f.write(header + entries + b"".join(blobs))
PY
printf '1 ICON "%s"\n' "$(cygpath -m "$icon_ico")" > "$icon_tmp/launcher.rc"
windres "$icon_tmp/launcher.rc" -O coff -o "$icon_tmp/launcher-res.o"
# The Start-menu entry: sets GSK_RENDERER=cairo (GTK's GL renderer fails on
# old GPUs) and starts somattran.exe without a console window.
gcc -O2 -Wall -mwindows -municode -o "$bin/somattran-launcher.exe" \
  packaging/windows/somattran-launcher.c "$icon_tmp/launcher-res.o"
rm -rf "$icon_tmp"

# ------------------------------------------------------------------- DLLs
# Every DLL the program needs, found by reading PE import tables with
# objdump -p, recursively; DLLs not in $prefix/bin belong to Windows.
declare -A seen=()
collect_dlls () {
  local queue=("$@") file dll
  while [[ ${#queue[@]} -gt 0 ]]; do
    file=${queue[0]}
    queue=("${queue[@]:1}")
    while IFS= read -r dll; do
      [[ -n $dll ]] || continue
      local key=${dll,,}
      [[ -z ${seen[$key]:-} ]] || continue
      seen[$key]=1
      # NTFS is case-insensitive: the import's spelling finds the file.
      if [[ -f $prefix/bin/$dll ]]; then
        cp -f "$prefix/bin/$dll" "$bin/"
        queue+=("$bin/$dll")
      fi
    done < <(objdump -p "$file" | sed -n 's/^[[:space:]]*DLL Name:[[:space:]]*//p' | tr -d '\r')
  done
}

# gdk-pixbuf loaders (SVG icons need librsvg's), with a relative cache that
# gdk-pixbuf resolves against the install folder.
loaders_rel=lib/gdk-pixbuf-2.0/2.10.0
mkdir -p "$stage/$loaders_rel/loaders"
cp -f "$prefix/$loaders_rel"/loaders/*.dll "$stage/$loaders_rel/loaders/"
GDK_PIXBUF_MODULEDIR="$(cygpath -m "$stage/$loaders_rel/loaders")" gdk-pixbuf-query-loaders \
  | python -c '
import re, sys
# "C:\\...\\loaders\\libpixbufloader-svg.dll" -> "lib/gdk-pixbuf-2.0/2.10.0/loaders/libpixbufloader-svg.dll"
for line in sys.stdin:
    m = re.match(r"^\"(.*[/\\])?([^/\\\"]+\.dll)\"\s*$", line)
    sys.stdout.write("\"%s/loaders/%s\"\n" % (sys.argv[1], m.group(2)) if m else line)
' "$loaders_rel" > "$stage/$loaders_rel/loaders.cache"

# GLib runs child processes through these helpers.
for helper in gspawn-win64-helper.exe gspawn-win64-helper-console.exe; do
  [[ -f $prefix/bin/$helper ]] && cp -f "$prefix/bin/$helper" "$bin/"
done

collect_dlls "$bin"/*.exe "$stage/$loaders_rel"/loaders/*.dll

# --------------------------------------------------------------- share/
# GSettings schemas: ours (installed by meson) and GTK's.
schemas=$stage/share/glib-2.0/schemas
mkdir -p "$schemas"
cp -f "$prefix"/share/glib-2.0/schemas/org.gtk.gtk4.*.gschema.xml "$schemas/" 2>/dev/null || true
glib-compile-schemas "$schemas"

# Icon themes: Adwaita (GTK's and libadwaita's symbolic icons) and hicolor.
mkdir -p "$stage/share/icons"
cp -rf "$prefix/share/icons/Adwaita" "$stage/share/icons/"
mkdir -p "$stage/share/icons/hicolor"
cp -f "$prefix/share/icons/hicolor/index.theme" "$stage/share/icons/hicolor/"
for theme in Adwaita hicolor; do
  gtk4-update-icon-cache -q -t -f "$stage/share/icons/$theme" || true
done

# Vietnamese messages of GTK, libadwaita and GLib beside ours.
mkdir -p "$stage/share/locale/vi/LC_MESSAGES"
for domain in gtk40 gtk40-properties libadwaita glib20; do
  mo=$prefix/share/locale/vi/LC_MESSAGES/$domain.mo
  [[ -f $mo ]] && cp -f "$mo" "$stage/share/locale/vi/LC_MESSAGES/"
done

mkdir -p "$stage/share/doc/somattran"
cp -f LICENSE README.md "$stage/share/doc/somattran/"

echo "Thư mục chạy được / runnable folder: $(cygpath -w "$stage")"

# ---------------------------------------------------------- Inno Setup
iscc=$(command -v iscc || command -v ISCC || true)
for candidate in "/c/Program Files (x86)/Inno Setup 6/ISCC.exe" "/c/Program Files/Inno Setup 6/ISCC.exe"; do
  [[ -z $iscc && -f $candidate ]] && iscc=$candidate
done
if [[ -n $iscc ]]; then
  # No MSYS2 path conversion: ISCC's /D and /O switches look like paths.
  MSYS2_ARG_CONV_EXCL='*' "$iscc" \
    "/DStageDir=$(cygpath -w "$stage")" "/DAppVersion=$version" \
    "/O$(cygpath -w "$root/dist")" "$(cygpath -w "$root/packaging/windows/somattran.iss")"
  echo "Bộ cài / installer: $(cygpath -w "$root/dist/SoMatTran-$version-setup.exe")"
else
  echo "Inno Setup 6 không có: chỉ tạo thư mục, không tạo bộ cài." >&2
  echo "Inno Setup 6 not found: made the folder only, no installer." >&2
fi
