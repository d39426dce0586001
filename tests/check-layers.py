#!/usr/bin/env python3
# check-layers.py
# Copyright 2026 The Sổ Mặt trận authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The layers and capability folders of src/, checked from the includes:
#
# - each folder includes only the folders its row of ALLOWED names (and
#   itself); a header of another folder is named by its path under src/,
#   a bare name must be a header of the same folder;
# - the table has no circle, and docs/ARCHITECTURE.md shows the same table;
# - src/core, src/io and src/cli never include GTK or libadwaita, and
#   src/gui holds no SQL.
#
# Usage: check-layers.py SOURCE_ROOT. Prints every breach and exits 1, or
# prints "ok: …" and exits 0. check-layers.py --self-test plants each kind
# of breach in a small tree of its own and fails unless every one is found.

import os
import re
import sys
import tempfile

CORE_LADDER = [
    'core/register',       # the file, its schema and lock; text, dates, numbers
    'core/organisations',  # organisations, branches, leaders, memberships
    'core/people',         # hamlets, households, people, residences
    'core/targets',        # periods, the catalogue, resolutions, targets, typed values
    'core/activity',       # meetings, studies, ratings, officers
    'core/indicators',     # facts, the engine, the overview
    'core/reports',        # the report model, its builders, the export log
]
CORE = CORE_LADDER + ['core/import', 'core/check', 'core/setup', 'core/demo']
IO = ['io/files', 'io/render', 'io/sheets', 'io/import']
GUI = ['gui/base', 'gui/models', 'gui/widgets', 'gui/dialogs', 'gui/assistants', 'gui/views',
       'gui/app']

# Which folders each folder may include, besides itself.
ALLOWED = {}
for i, folder in enumerate(CORE_LADDER):
    ALLOWED[folder] = CORE_LADDER[:i]
ALLOWED['core/import'] = CORE_LADDER[:5]
ALLOWED['core/check'] = CORE_LADDER[:5]
ALLOWED['core/setup'] = CORE_LADDER[:5]
ALLOWED['core/demo'] = CORE_LADDER[:5] + ['core/setup']
ALLOWED['io/files'] = CORE
ALLOWED['io/render'] = CORE + ['io/files']
ALLOWED['io/sheets'] = CORE
ALLOWED['io/import'] = CORE + ['io/files', 'io/sheets']
ALLOWED['cli'] = CORE + IO
# The window (app) holds the views, which open dialogs, which use widgets
# and models; all of them reach the window only through the SmtView
# contract in base.
ALLOWED['gui/base'] = CORE
ALLOWED['gui/models'] = CORE + IO
ALLOWED['gui/widgets'] = CORE + IO + GUI[:2]
ALLOWED['gui/dialogs'] = CORE + IO + GUI[:3]
ALLOWED['gui/assistants'] = CORE + IO + GUI[:4]
ALLOWED['gui/views'] = CORE + IO + GUI[:5]
ALLOWED['gui/app'] = CORE + IO + GUI[:6]
ALLOWED[''] = CORE + IO + ['cli'] + GUI  # main.c

# Headers the build generates.
GENERATED = {'core/register/smt-schema-resources.h', 'gui/base/smt-gui-resources.h'}

GTK_FREE = ('core', 'io', 'cli')
GTK_INCLUDE = re.compile(r'#\s*include\s*[<"](gtk|gdk|adwaita|gsk)')
SQL = re.compile(r'sqlite3|SELECT |INSERT |UPDATE |DELETE ')
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')


def circles(table):
    """Folders that reach themselves through the table."""
    found = []
    for start in table:
        seen, todo = set(), list(table[start])
        while todo:
            f = todo.pop()
            if f == start:
                found.append(start)
                break
            if f not in seen:
                seen.add(f)
                todo.extend(table.get(f, []))
    return found


def doc_table(root):
    """The table between the layers markers of docs/ARCHITECTURE.md."""
    path = os.path.join(root, 'docs', 'ARCHITECTURE.md')
    text = open(path, encoding='utf-8').read()
    m = re.search(r'<!-- layers -->(.*?)<!-- /layers -->', text, re.S)
    if not m:
        return None
    table = {}
    for line in m.group(1).splitlines():
        cells = [c.strip() for c in line.strip().strip('|').split('|')]
        if len(cells) != 3 or not cells[0].startswith('`src/'):
            continue
        folder = cells[0].strip('`').rstrip('/')
        folder = '' if folder == 'src/main.c' else folder[len('src/'):]
        table[folder] = cells[2]
    return table


def expand_doc(cell):
    """'core/register, core/organisations' or words for whole layers."""
    names = set()
    for part in cell.split(','):
        part = part.strip().strip('`').rstrip('/')
        if part in ('', '—'):
            continue
        if part == 'all of core':
            names.update(CORE)
        elif part == 'all of io':
            names.update(IO)
        else:
            names.add(part[len('src/'):] if part.startswith('src/') else part)
    return names


def check(root):
    """Every breach of the layers in the tree at root, as lines of text."""
    src = os.path.join(root, 'src')
    problems = []

    for c in circles(ALLOWED):
        problems.append(f'the table has a circle through {c}')

    files = []
    for d, _, names in os.walk(src):
        for n in sorted(names):
            if n.endswith(('.c', '.h')):
                files.append(os.path.relpath(os.path.join(d, n), src))
    present = set(files)
    folders = {os.path.dirname(f) for f in files}

    for folder in sorted(folders - set(ALLOWED)):
        problems.append(f'src/{folder}/ has no row in ALLOWED: say what it may include')

    for rel in files:
        folder = os.path.dirname(rel)
        allowed = set(ALLOWED.get(folder, [])) | {folder}
        text = open(os.path.join(src, rel), encoding='utf-8').read()
        for n, line in enumerate(text.splitlines(), 1):
            where = f'src/{rel}:{n}'
            if folder.split('/')[0] in GTK_FREE and GTK_INCLUDE.search(line):
                problems.append(f'{where}: GTK in a GTK-free layer: {line.strip()}')
            if folder.split('/')[0] == 'gui' and SQL.search(line):
                problems.append(f'{where}: SQL in the GUI (ask the core instead): {line.strip()}')
            m = INCLUDE.match(line)
            if not m or m.group(1) == 'config.h':
                continue
            name = m.group(1)
            if '/' not in name:
                if os.path.join(folder, name) not in present:
                    problems.append(f'{where}: "{name}" is not in src/{folder}/: '
                                    'name a header of another folder by its path under src/')
                continue
            if name not in present and name not in GENERATED:
                problems.append(f'{where}: "{name}" is not a header under src/')
                continue
            target = os.path.dirname(name)
            if target == folder and name not in GENERATED:
                problems.append(f'{where}: "{name}" is in this folder: name it bare')
            elif target not in allowed:
                problems.append(f'{where}: src/{folder or "main.c"} may not include src/{target}/ ("{name}")')

    doc = doc_table(root)
    if doc is None:
        problems.append('docs/ARCHITECTURE.md has no <!-- layers --> table')
    else:
        for folder in sorted(set(ALLOWED) | set(doc)):
            want = set(ALLOWED.get(folder, []))
            got = expand_doc(doc[folder]) if folder in doc else None
            if got != want:
                problems.append(f'docs/ARCHITECTURE.md: the row of src/{folder or "main.c"} says '
                                f'{sorted(got) if got is not None else "nothing"}, the test {sorted(want)}')

    return problems, len(files), len(folders)


def self_test():
    """Plants one breach of each kind in a tree made for it; 0 if all are found."""
    planted = {
        'src/core/register/smt-a.c': '#include "core/indicators/smt-b.h"\n'
                                     '#include <gtk/gtk.h>\n#include "smt-c.h"\n',
        'src/core/indicators/smt-b.h': '',
        'src/core/targets/smt-c.h': '',
        'src/gui/views/smt-d.c': 'const char *q = "SELECT 1";\n',
        'src/core/exchange/smt-e.c': '',
    }
    expected = [
        'src/core/register may not include src/core/indicators/',
        'GTK in a GTK-free layer',
        '"smt-c.h" is not in src/core/register/',
        'SQL in the GUI',
        'src/core/exchange/ has no row',
        'the row of src/core/people says',
        'has a circle through core/register',
    ]
    with tempfile.TemporaryDirectory() as root:
        for path, text in planted.items():
            os.makedirs(os.path.join(root, os.path.dirname(path)), exist_ok=True)
            with open(os.path.join(root, path), 'w', encoding='utf-8') as f:
                f.write(text)
        os.makedirs(os.path.join(root, 'docs'))
        rows = [f'| `src/{f}/` | x | {", ".join("`" + d + "`" for d in ALLOWED[f]) or "—"} |'
                for f in ALLOWED if f]
        rows = [r.replace('| `core/register`, `core/organisations` |', '| `core/register` |')
                if r.startswith('| `src/core/people/`') else r for r in rows]
        with open(os.path.join(root, 'docs', 'ARCHITECTURE.md'), 'w', encoding='utf-8') as f:
            f.write('<!-- layers -->\n' + '\n'.join(rows) + '\n<!-- /layers -->\n')
        ALLOWED['core/register'] = ['core/reports']
        try:
            problems, _, _ = check(root)
        finally:
            ALLOWED['core/register'] = []
    missed = [e for e in expected if not any(e in p for p in problems)]
    for e in missed:
        print(f'not found: {e}')
    if missed:
        print('\n'.join(problems))
        return 1
    print(f'ok: all {len(expected)} planted breaches found')
    return 0


def main():
    if sys.argv[1:2] == ['--self-test']:
        return self_test()
    problems, n_files, n_folders = check(sys.argv[1] if len(sys.argv) > 1 else '.')
    for p in problems:
        print(p)
    if problems:
        print(f'{len(problems)} breach(es) of the layers (above).')
        return 1
    print(f'ok: layers are clean ({n_files} files in {n_folders} folders)')
    return 0


if __name__ == '__main__':
    sys.exit(main())
