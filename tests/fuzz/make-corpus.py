#!/usr/bin/env python3
# make-corpus.py
# Copyright 2026 The Sổ Mặt trận authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Writes the fuzz targets' seed corpora (tests/fuzz/corpus/<target>/): small
# files of invented names in every shape the readers and the decoder meet.
# Run again after changing it; the files are checked in.

import io
import os
import sys
import unicodedata
import zipfile

here = os.path.dirname(os.path.abspath(__file__))
corpus = os.path.join(here, 'corpus')

NAMES = ['Nguyễn Văn An', 'Trần Thị Bích Ngọc', 'Ấp Tân Hòa', 'Đảng viên',
         'Cựu chiến binh', 'Hội Liên hiệp Phụ nữ']

# TCVN3 and VNI bytes of the names above, typed by hand from the code pages.
TCVN3 = [b'Nguy\xd4n V\xa8n An', b'Tr\xc7n Th\xde B\xddch Ng\xe4c',
         b'\xa2p T\xa9n H\xdfa', b'\xa7\xb6ng vi\xaan', b'C\xf9u chi\xd5n binh',
         b'H\xe9i Li\xaan hi\xd6p Ph\xf4 n\xf7']
VNI = [b'Nguye\xe3n Va\xean An', b'Tra\xe0n Th\xf2 B\xedch Ngo\xefc',
       b'A\xc1p Ta\xe2n Ho\xf8a', b'\xd1a\xfbng vie\xe2n', b'C\xf6\xefu chie\xe1n binh',
       b'Ho\xe4i Lie\xe2n hie\xe4p Phu\xef n\xf6\xf5']


def cp1258(text):
    # Windows-1258 writes a toned letter as its letter, then the tone mark.
    out = b''
    for ch in unicodedata.normalize('NFC', text):
        nfd = unicodedata.normalize('NFD', ch)
        tones = ''.join(c for c in nfd if c in '\u0300\u0301\u0303\u0309\u0323')
        rest = unicodedata.normalize('NFC', ''.join(c for c in nfd if c not in tones))
        out += (rest + tones).encode('cp1258')
    return out


def write(target, name, data):
    folder = os.path.join(corpus, target)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), 'wb') as f:
        f.write(data)


def latin1_as_sheet(data):
    # A sheet holds each byte as its Windows-1252 character, in UTF-8.
    out = []
    for b in data:
        try:
            out.append(bytes([b]).decode('cp1252'))
        except UnicodeDecodeError:
            out.append(chr(b))
    return ''.join(out).encode('utf-8')


def legacy_text():
    # First byte: the hints (see fuzz-legacy-text.c); then lines of cells.
    write('legacy-text', 'unicode', b'\x00' + '\n'.join(NAMES).encode('utf-8'))
    write('legacy-text', 'tcvn3', b'\x01' + b'\n'.join(latin1_as_sheet(t) for t in TCVN3))
    write('legacy-text', 'vni', b'\x02' + b'\n'.join(latin1_as_sheet(t) for t in VNI))
    write('legacy-text', 'cp1258-raw', b'\x03' + cp1258('\n'.join(NAMES)))
    write('legacy-text', 'tcvn3-raw', b'\x07' + b'\n'.join(TCVN3))
    write('legacy-text', 'table', b'\x05' + b'STT\tH\xe1\xbb\x8d t\xc3\xaan\n#\t'
          + latin1_as_sheet(TCVN3[0]) + b'\t' + latin1_as_sheet(VNI[1]) + b'\n#\tx\n')
    write('legacy-text', 'marks', b'\x02' + 'e\u0302\u0303 o\u031b\u0301 a\u0301\u0323'.encode())


def csv():
    rows = [['STT', 'Họ và tên', 'Năm sinh', 'Ấp']] + [
        [str(i + 1), n, str(1960 + i), 'Tân Hòa'] for i, n in enumerate(NAMES)]
    text = '\r\n'.join(','.join(r) for r in rows) + '\r\n'
    write('csv', 'utf8.csv', text.encode('utf-8'))
    write('csv', 'utf8-bom-semicolon.csv', b'\xef\xbb\xbf' + text.replace(',', ';').encode())
    write('csv', 'utf16.txt', '\ufeff'.encode('utf-16-le')
          + text.replace(',', '\t').encode('utf-16-le'))
    write('csv', 'cp1258.csv', cp1258(text))
    write('csv', 'tcvn3.csv', b'STT,Ho ten\r\n' + b''.join(
        b'%d,"%s"\r\n' % (i + 1, t) for i, t in enumerate(TCVN3)))
    write('csv', 'vni.csv', b'STT|Ho ten\n' + b''.join(
        b'%d|%s\n' % (i + 1, t) for i, t in enumerate(VNI)))
    write('csv', 'quotes.csv', b'"a ""b"" c",",x\n"\r\n"unterminated')


def xlsx():
    shared = ''.join('<si><t>%s</t></si>' % n for n in NAMES)
    rows = ''.join(
        '<row r="%d"><c r="A%d"><v>%d</v></c><c r="B%d" t="s" s="1"><v>%d</v></c>'
        '<c r="C%d" s="2"><v>%d</v></c><c r="D%d" t="inlineStr"><is><t>x</t></is></c></row>'
        % (i + 3, i + 3, i + 1, i + 3, i, i + 3, 29000 + i * 400, i + 3)
        for i in range(len(NAMES)))
    files = {
        '[Content_Types].xml':
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/'
            '2006/content-types"><Default Extension="xml" ContentType="application/xml"/>'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="'
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '</Types>',
        '_rels/.rels':
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
            'openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>',
        'xl/workbook.xml':
            '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/'
            'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships"><sheets><sheet name="Danh sách" sheetId="1" '
            'r:id="rId1"/></sheets></workbook>',
        'xl/_rels/workbook.xml.rels':
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
            'openxmlformats.org/officeDocument/2006/relationships/worksheet" '
            'Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.'
            'openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
            'Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.'
            'openxmlformats.org/officeDocument/2006/relationships/styles" '
            'Target="styles.xml"/></Relationships>',
        'xl/sharedStrings.xml':
            '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/'
            'spreadsheetml/2006/main">%s</sst>' % shared,
        'xl/styles.xml':
            '<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/'
            'spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" '
            'formatCode="dd/mm/yyyy"/></numFmts><fonts count="2"><font><name val="Times New '
            'Roman"/></font><font><name val=".VnTime"/></font></fonts><cellXfs count="3">'
            '<xf fontId="0" numFmtId="0"/><xf fontId="1" numFmtId="0"/><xf fontId="0" '
            'numFmtId="164"/></cellXfs></styleSheet>',
        'xl/worksheets/sheet1.xml':
            '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/'
            'spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>'
            'DANH SÁCH</t></is></c></row>%s</sheetData><mergeCells count="1"><mergeCell '
            'ref="A1:D1"/></mergeCells></worksheet>' % rows,
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, 'w', zipfile.ZIP_DEFLATED) as z:
        for name, text in files.items():
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode('utf-8'))
    write('xlsx', 'list.xlsx', buf.getvalue())
    stored = io.BytesIO()
    with zipfile.ZipFile(stored, 'w', zipfile.ZIP_STORED) as z:
        for name, text in files.items():
            z.writestr(zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0)),
                       text.encode('utf-8'))
    write('xlsx', 'list-stored.xlsx', stored.getvalue())


legacy_text()
csv()
xlsx()
sys.exit(0)
