#!/usr/bin/env python3
"""Collect the quality gates of the lectures into one report (`./course bench quality`).

Every lecture cell tagged "quality" prints a table that scores converged models from data/models/
against a reference measured in the same way (for 2-D targets: sliced W2 and energy distance of
generated points vs a fresh target sample, next to the same metric between two fresh target
samples; for digits: the Fréchet distance in the digit classifier's features next to the
real-vs-real value). This script reads executed lecture notebooks and prints the text output of
those cells, lecture by lecture, so the whole course's quality gates read side by side.

    quality_table.py EXECUTED_NOTEBOOK...
    quality_table.py --list NOTEBOOK...     (print the notebooks that have a "quality" cell)
"""
import argparse
import sys
from pathlib import Path

import nbformat

TAG = "quality"


def quality_cells(nb):
    return [c for c in nb.cells if c.cell_type == "code" and TAG in c.get("metadata", {}).get("tags", [])]


def text_of(cell):
    parts = []
    for out in cell.get("outputs", []):
        if out.get("output_type") == "stream":
            parts.append(out.get("text", ""))
        elif out.get("output_type") in ("execute_result", "display_data"):
            parts.append(out.get("data", {}).get("text/plain", ""))
        elif out.get("output_type") == "error":
            parts.append("ERROR %s: %s\n" % (out.get("ename", ""), out.get("evalue", "")))
    return "".join(p if p.endswith("\n") else p + "\n" for p in parts if p)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("notebooks", nargs="+", type=Path)
    ap.add_argument("--list", action="store_true")
    args = ap.parse_args()
    found = 0
    for p in args.notebooks:
        nb = nbformat.read(str(p), as_version=4)
        cells = quality_cells(nb)
        if args.list:
            if cells:
                print(p)
            continue
        if not cells:
            continue
        print("== %s (%d quality cell%s)" % (p.stem, len(cells), "" if len(cells) == 1 else "s"))
        for c in cells:
            text = text_of(c).rstrip("\n")
            if not text:
                print("   (no output: was the notebook executed?)")
                continue
            found += 1
            print(text)
            print()
    if not args.list and found == 0:
        print("no executed quality cells found", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
