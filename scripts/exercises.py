#!/usr/bin/env python3
"""Writes the student version of each exercise from its source, nbgrader style.

The source of chapter NN's exercises is the completed notebook solutions/NN_topic.ipynb. In its
code cells, solution regions are marked (as in nbgrader's "clear solutions" step)

    // BEGIN SOLUTION
    ... the answer ...
    // END SOLUTION

and replaced in the student version by the language's stub, `// YOUR CODE HERE`, at the
indentation of the BEGIN line. Where that stub is not enough (a method must return something so
that the notebook still runs), the region is followed directly by a stub region whose lines are
commented out in the source:

    // END SOLUTION
    // BEGIN STUB
    // return new double[x.length][x[0].length];
    // END STUB

and the student version gets those lines uncommented instead. Markdown cells may hold regions
too (`BEGIN SOLUTION` / `END SOLUTION` on lines of their own); they become "YOUR ANSWER HERE".
A cell whose nbgrader metadata says "solution": true but holds no region is replaced as a whole.

Usage:
    scripts/exercises.py [--check] [solutions/NN_topic.ipynb ...]   (default: every solution)
writes exercises/NN_topic.ipynb for each (outputs cleared), or with --check only compares and
exits 1 if a stored exercise differs from what its source generates. Also validates the source:
markers balanced, nbgrader grade ids unique, every check cell (tag "check") a locked, graded
nbgrader test cell, every solution region inside a cell marked "solution": true.
"""
import argparse
import copy
import json
import re
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
BEGIN, END = "BEGIN SOLUTION", "END SOLUTION"
BEGIN_STUB, END_STUB = "BEGIN STUB", "END STUB"
CODE_STUB = "// YOUR CODE HERE"
MARKDOWN_STUB = "YOUR ANSWER HERE"


class SourceError(Exception):
    pass


def _marker(line, word):
    s = line.strip()
    return s in ("// " + word, "//" + word, word, "<!-- " + word + " -->")


def _uncomment(line):
    m = re.match(r"^(\s*)// ?(.*)$", line)
    if not m:
        raise SourceError("stub line is not commented out with //: %r" % line)
    return m.group(1) + m.group(2)


def clear_cell(source, cell_type, where):
    """The student version of one cell's source. Raises SourceError on unbalanced markers."""
    lines = source.split("\n")
    out, i, regions = [], 0, 0
    while i < len(lines):
        line = lines[i]
        if _marker(line, END) or _marker(line, BEGIN_STUB) or _marker(line, END_STUB):
            raise SourceError("%s: '%s' without a matching BEGIN SOLUTION (line %d)" % (where, line.strip(), i + 1))
        if not _marker(line, BEGIN):
            out.append(line)
            i += 1
            continue
        indent = line[: len(line) - len(line.lstrip())]
        j = i + 1
        while j < len(lines) and not _marker(lines[j], END):
            if _marker(lines[j], BEGIN):
                raise SourceError("%s: nested BEGIN SOLUTION (line %d)" % (where, j + 1))
            j += 1
        if j == len(lines):
            raise SourceError("%s: BEGIN SOLUTION on line %d is never closed" % (where, i + 1))
        regions += 1
        k = j + 1
        if k < len(lines) and _marker(lines[k], BEGIN_STUB):
            m = k + 1
            stub = []
            while m < len(lines) and not _marker(lines[m], END_STUB):
                stub.append(_uncomment(lines[m]))
                m += 1
            if m == len(lines):
                raise SourceError("%s: BEGIN STUB on line %d is never closed" % (where, k + 1))
            out.extend(stub)
            i = m + 1
        else:
            out.append(indent + (CODE_STUB if cell_type == "code" else MARKDOWN_STUB))
            i = k
    return "\n".join(out), regions


def student_version(nb, name):
    nb = copy.deepcopy(nb)
    grade_ids = set()
    for index, cell in enumerate(nb.cells):
        where = "%s cell %d" % (name, index)
        meta = cell.get("metadata", {}).get("nbgrader")
        if meta:
            gid = meta.get("grade_id")
            if not gid:
                raise SourceError("%s: nbgrader metadata without grade_id" % where)
            if gid in grade_ids:
                raise SourceError("%s: duplicate nbgrader grade_id %r" % (where, gid))
            grade_ids.add(gid)
        tags = cell.get("metadata", {}).get("tags", [])
        if "check" in tags:
            if not meta or not meta.get("grade") or not meta.get("locked") or meta.get("solution"):
                raise SourceError("%s: a check cell must be a locked, graded nbgrader test cell" % where)
        source, regions = clear_cell(cell.source, cell.cell_type, where)
        is_solution = bool(meta and meta.get("solution"))
        if regions and not is_solution:
            raise SourceError("%s: solution region in a cell not marked nbgrader solution" % where)
        if is_solution and not regions:
            source = CODE_STUB if cell.cell_type == "code" else MARKDOWN_STUB
        cell.source = source
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    return nb


def dumps(nb):
    """The bytes nbformat.write would store."""
    text = nbformat.writes(nb)
    return text if text.endswith("\n") else text + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sources", nargs="*", type=Path)
    ap.add_argument("--check", action="store_true", help="compare with the stored exercises, write nothing")
    args = ap.parse_args()
    sources = args.sources or sorted((ROOT / "solutions").glob("[0-9][0-9]_*.ipynb"))
    stale, errors = [], []
    for src in sources:
        name = "solutions/" + src.name
        try:
            nb = nbformat.read(str(src), as_version=4)
            text = dumps(student_version(nb, name))
        except (SourceError, json.JSONDecodeError, nbformat.reader.NotJSONError) as e:
            errors.append(str(e))
            continue
        target = src.resolve().parent.parent / "exercises" / src.name
        current = target.read_text(encoding="utf-8") if target.exists() else None
        if args.check:
            if current != text:
                stale.append("exercises/" + src.name)
        elif current != text:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            print("wrote exercises/%s" % src.name)
    for e in errors:
        print("error: %s" % e, file=sys.stderr)
    if stale:
        print("stale exercises (regenerate with ./course exercises): %s" % ", ".join(stale), file=sys.stderr)
    if errors or stale:
        sys.exit(1)
    if args.check:
        print("exercises: %d of %d match their solution sources" % (len(sources), len(sources)))


if __name__ == "__main__":
    main()
