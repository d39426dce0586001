#!/usr/bin/python3
# report-xlsx-dump.py
# Copyright 2026 The Sổ Mặt trận authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Prints a stable text dump of an .xlsx written by smt_report_write_xlsx,
for tests to grep and assert on (needs python3-openpyxl; run it with
/usr/bin/python3 where another Python on PATH lacks it).

Usage: report-xlsx-dump.py [--check-rows] FILE.xlsx

With --check-rows, every text cell is also laid out with Pango in
Liberation Serif (metric-compatible with Times New Roman) at its cell's
width, and the dump ends with

  rows_checked\t2380\tcut=0
  cut\tB14\tlines=5\tneed=78.0\thave=60.0     (one per cut cell)

or "rows_checked\tno" when python3-gi with Pango is not installed.

One fact a line, tab-separated key=value fields, texts quoted as JSON
(so '\\n' shows as \\n and every line stays one line):

  sheets\t1
  cell_formats\t22
  sheet\t"Báo cáo"
  paper\t9
  orientation\tlandscape
  margins_mm\ttop=20\tbottom=20\tleft=30\tright=15
  print_title_rows\t9:10
  print_area\tA1:H330
  fit_to_page\t1\twidth=1\theight=0
  header\tcenter="&P"
  column\tA\twidth=5.57
  row\t12\theight=34.5
  merged\tA1:B1
  cell\tA12\tvalue="Ấp Rạch Gòi"\tformat=General\tfont="Times New Roman"\tsize=13\tbold=0\titalic=0\tunderline=0\th=left\tv=center\twrap=1\tborder=thin
  cell\tE12\tformula="=IF(D12=0,\\"\\",C12/D12)"\tcached=0.974\tformat=0.0%\t...

Cells are listed row by row, left to right; a cell is listed when it has
a value or a border (an empty bordered cell of the table shows as
value=null); the cells a merge covers are not listed, the merge's
top-left cell stands for it. Numbers print with repr(); whole floats as integers."""

import json
import sys

import openpyxl
from openpyxl.cell.cell import MergedCell


def num(v):
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if isinstance(v, (int, float)):
        return repr(v)
    return json.dumps(v, ensure_ascii=False)


def mm(inches):
    return int(round((inches or 0) * 25.4))


def flag(v):
    return "1" if v else "0"


def strip_sheet(ref):
    """'Báo cáo'!$A$1:$H$330 -> A1:H330"""
    if ref is None:
        return "none"
    ref = str(ref)
    if "!" in ref:
        ref = ref.split("!", 1)[1]
    return ref.replace("$", "")


def check_rows(ws, out):
    """Lays every text cell out with Pango at the width Excel gives it
    and compares the lines' height with the rows' height."""
    try:
        import gi
        gi.require_version("Pango", "1.0")
        gi.require_version("PangoCairo", "1.0")
        from gi.repository import Pango, PangoCairo
    except (ImportError, ValueError):
        out.append("rows_checked\tno")
        return
    from openpyxl.utils import get_column_letter
    context = PangoCairo.FontMap.get_default().create_context()
    # Excel lays text out at 96 pixels an inch.
    PangoCairo.context_set_resolution(context, 96)
    merges = {(m.min_row, m.min_col): m for m in ws.merged_cells.ranges}

    def column_px(col):
        dim = ws.column_dimensions.get(get_column_letter(col))
        width = dim.width if dim is not None and dim.width else 8.43
        return int(width * 7 + 0.5)

    checked = 0
    cuts = []
    for row in ws.iter_rows():
        for c in row:
            if isinstance(c, MergedCell) or not isinstance(c.value, str) or c.data_type == "f":
                continue
            m = merges.get((c.row, c.column))
            c1, c2, r1, r2 = ((m.min_col, m.max_col, m.min_row, m.max_row) if m
                              else (c.column, c.column, c.row, c.row))
            # Excel keeps about 3 pixels free on each side of a cell.
            px = sum(column_px(k) for k in range(c1, c2 + 1)) - 6
            size = float(c.font.sz or 11)
            layout = Pango.Layout.new(context)
            desc = Pango.FontDescription.from_string(
                "Liberation Serif%s%s %g" % (" Bold" if c.font.b else "",
                                             " Italic" if c.font.i else "", size))
            layout.set_font_description(desc)
            if c.alignment.wrap_text:
                layout.set_width(max(px, 1) * Pango.SCALE)
                layout.set_wrap(Pango.WrapMode.WORD_CHAR)
            layout.set_text(c.value, -1)
            lines = layout.get_line_count()
            # A line of Times New Roman in Excel: about 1.3 times its size.
            need = lines * size * 1.3
            have = sum((ws.row_dimensions[r].height or 15) for r in range(r1, r2 + 1))
            checked += 1
            if need > have + 0.1:
                cuts.append("cut\t%s\tlines=%d\tneed=%.1f\thave=%s"
                            % (c.coordinate, lines, need, num(float(have))))
    out.append("rows_checked\t%d\tcut=%d" % (checked, len(cuts)))
    out.extend(cuts)


def main(path, rows=False):
    wb = openpyxl.load_workbook(path)
    cached = openpyxl.load_workbook(path, data_only=True)
    out = []
    out.append("sheets\t%d" % len(wb.worksheets))
    # Distinct cell formats in the workbook (styles.xml's cellXfs): a
    # writer that made a format per cell would show thousands.
    out.append("cell_formats\t%d" % len(wb._cell_styles))
    for ws in wb.worksheets:
        cws = cached[ws.title]
        ps = ws.page_setup
        out.append("sheet\t%s" % json.dumps(ws.title, ensure_ascii=False))
        out.append("paper\t%s" % (ps.paperSize if ps.paperSize is not None else "none"))
        out.append("orientation\t%s" % (ps.orientation or "default"))
        m = ws.page_margins
        out.append("margins_mm\ttop=%d\tbottom=%d\tleft=%d\tright=%d"
                   % (mm(m.top), mm(m.bottom), mm(m.left), mm(m.right)))
        titles = ws.print_title_rows
        out.append("print_title_rows\t%s" % (strip_sheet(titles) if titles else "none"))
        area = ws.print_area
        if isinstance(area, (list, tuple)):
            area = ",".join(area)
        out.append("print_area\t%s" % strip_sheet(area))
        fit = ws.sheet_properties.pageSetUpPr
        fit_to_page = bool(fit is not None and fit.fitToPage)
        out.append("fit_to_page\t%s\twidth=%s\theight=%s"
                   % (flag(fit_to_page),
                      ps.fitToWidth if ps.fitToWidth is not None else 1,
                      ps.fitToHeight if ps.fitToHeight is not None else 1))
        hdr = ws.oddHeader
        out.append("header\tleft=%s\tcenter=%s\tright=%s"
                   % tuple(json.dumps(getattr(hdr, part).text or "", ensure_ascii=False)
                           for part in ("left", "center", "right")))
        for letter in sorted(ws.column_dimensions,
                             key=lambda l: openpyxl.utils.column_index_from_string(l)):
            dim = ws.column_dimensions[letter]
            if dim.width:
                out.append("column\t%s\twidth=%.2f" % (letter, dim.width))
        for r in sorted(ws.row_dimensions):
            dim = ws.row_dimensions[r]
            if dim.height is not None:
                out.append("row\t%d\theight=%s" % (r, num(float(dim.height))))
        merged = sorted(ws.merged_cells.ranges, key=lambda m: (m.min_row, m.min_col))
        for rng in merged:
            out.append("merged\t%s" % rng.coord)
        for row in ws.iter_rows():
            for c in row:
                # The cells a merge covers are not cells of their own.
                if isinstance(c, MergedCell):
                    continue
                border = c.border
                bordered = border is not None and any(
                    getattr(border, side) is not None and getattr(border, side).style
                    for side in ("left", "right", "top", "bottom"))
                if c.value is None and not bordered:
                    continue
                fields = ["cell", c.coordinate]
                if c.data_type == "f":
                    fields.append("formula=%s" % json.dumps(str(c.value), ensure_ascii=False))
                    fields.append("cached=%s" % num(cws[c.coordinate].value))
                else:
                    fields.append("value=%s" % num(c.value))
                fields.append("format=%s" % c.number_format)
                f = c.font
                fields.append("font=%s" % json.dumps(f.name, ensure_ascii=False))
                fields.append("size=%s" % num(float(f.sz)) if f.sz is not None else "size=none")
                fields.append("bold=%s" % flag(f.b))
                fields.append("italic=%s" % flag(f.i))
                fields.append("underline=%s" % flag(f.u))
                a = c.alignment
                fields.append("h=%s" % (a.horizontal or "general"))
                fields.append("v=%s" % (a.vertical or "bottom"))
                fields.append("wrap=%s" % flag(a.wrap_text))
                styles = sorted({getattr(border, side).style for side in
                                 ("left", "right", "top", "bottom")
                                 if getattr(border, side) is not None
                                 and getattr(border, side).style})
                fields.append("border=%s" % ("+".join(styles) if styles else "none"))
                out.append("\t".join(fields))
        if rows:
            check_rows(ws, out)
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    args = sys.argv[1:]
    rows = "--check-rows" in args
    args = [a for a in args if a != "--check-rows"]
    if len(args) != 1:
        sys.stderr.write("usage: report-xlsx-dump.py [--check-rows] FILE.xlsx\n")
        sys.exit(2)
    main(args[0], rows)
