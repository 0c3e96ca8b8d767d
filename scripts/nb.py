#!/usr/bin/env python3
"""Tiny helper for authoring notebooks from Python: nb.write(path, cells) where cells are
("md", text) or ("code", text) or ("code", text, ["check"]). Sets the course kernelspec."""
import nbformat


def write(path, cells):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "genflow", "display_name": "Java (genflow)", "language": "java"}
    nb.metadata["language_info"] = {"name": "java", "file_extension": ".jshell", "mimetype": "text/x-java-source",
                                    "codemirror_mode": "java", "pygments_lexer": "java"}
    for c in cells:
        kind, text = c[0], c[1].strip("\n")
        if kind == "md":
            nb.cells.append(nbformat.v4.new_markdown_cell(text))
        else:
            cell = nbformat.v4.new_code_cell(text)
            if len(c) > 2:
                cell.metadata["tags"] = list(c[2])
            nb.cells.append(cell)
    for i, cell in enumerate(nb.cells):
        cell["id"] = "c%02d" % i   # stable ids: re-running gives identical files
    nbformat.write(nb, path)


def write_chapter(root, name, lecture, exercise_cells):
    """Writes one chapter: notebooks/NAME (the lecture, without outputs: store them with
    ./course render --store), exercises/NAME = exercise_cells(False) and solutions/NAME =
    exercise_cells(True). Both variants come from one cell list, so they cannot drift apart."""
    import os
    for folder in ("notebooks", "exercises", "solutions"):
        os.makedirs(os.path.join(root, folder), exist_ok=True)
    write(os.path.join(root, "notebooks", name), lecture)
    write(os.path.join(root, "exercises", name), exercise_cells(False))
    write(os.path.join(root, "solutions", name), exercise_cells(True))
