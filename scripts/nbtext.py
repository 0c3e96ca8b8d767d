#!/usr/bin/env python3
"""Edit a course notebook as plain text in any editor, without losing its outputs.

    scripts/nbtext.py export notebooks/06_kac_flows.ipynb > 06.txt     # one text file, cells in order
    ... edit 06.txt ...
    scripts/nbtext.py import 06.txt notebooks/06_kac_flows.ipynb       # writes the cells back

Each cell starts with a marker line

    #%% <markdown|code|raw> <cell id> [<cell metadata as one line of JSON>]

followed by the cell's source. Import matches cells by id: an unchanged cell keeps its outputs,
an edited one keeps them too until `./course render --store NN` re-executes the lecture, a new
id makes a new cell, and a missing id deletes its cell. The notebook itself stays the source;
this is only another way to edit it (Jupyter is the other).
"""
import json
import re
import sys
from pathlib import Path

import nbformat

MARK = re.compile(r"^#%% (markdown|code|raw) (\S+)(?: (\{.*\}))?$")


def export(path):
    nb = nbformat.read(str(path), as_version=4)
    parts = []
    for cell in nb.cells:
        meta = dict(cell.get("metadata", {}))
        head = "#%% {} {}".format(cell.cell_type, cell.get("id", ""))
        if meta:
            head += " " + json.dumps(meta, ensure_ascii=False, sort_keys=True)
        parts.append(head + "\n" + cell.source)
    return "\n".join(parts) + "\n"


def parse(text):
    cells, current = [], None
    for line in text.split("\n"):
        m = MARK.match(line)
        if m:
            current = {"type": m.group(1), "id": m.group(2), "meta": json.loads(m.group(3)) if m.group(3) else {}, "lines": []}
            cells.append(current)
        elif current is None:
            if line.strip():
                raise SystemExit("text before the first '#%%' marker: %r" % line)
        else:
            current["lines"].append(line)
    for c in cells:
        while c["lines"] and c["lines"][-1] == "":
            c["lines"].pop()
    return cells


def import_(text_path, nb_path):
    nb = nbformat.read(str(nb_path), as_version=4)
    old = {c.get("id"): c for c in nb.cells}
    seen, new_cells = set(), []
    for c in parse(Path(text_path).read_text(encoding="utf-8")):
        if c["id"] in seen:
            raise SystemExit("duplicate cell id %s" % c["id"])
        seen.add(c["id"])
        source = "\n".join(c["lines"])
        prev = old.get(c["id"])
        if prev is not None and prev.cell_type == c["type"]:
            cell = prev
        elif c["type"] == "code":
            cell = nbformat.v4.new_code_cell()
        elif c["type"] == "markdown":
            cell = nbformat.v4.new_markdown_cell()
        else:
            cell = nbformat.v4.new_raw_cell()
        cell.source = source
        cell.metadata = nbformat.from_dict(c["meta"])
        cell["id"] = c["id"]
        new_cells.append(cell)
    nb.cells = new_cells
    nbformat.validate(nb)
    nbformat.write(nb, str(nb_path))


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "export":
        sys.stdout.write(export(Path(sys.argv[2])))
    elif len(sys.argv) == 4 and sys.argv[1] == "import":
        import_(Path(sys.argv[2]), Path(sys.argv[3]))
    else:
        sys.stderr.write(__doc__)
        sys.exit(2)


if __name__ == "__main__":
    main()
