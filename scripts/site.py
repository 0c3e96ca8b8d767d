#!/usr/bin/env python3
"""Build the course site: one self-contained folder that opens from the file system.

    site.py --notebooks DIR --figures DIR --out DIR [--root REPO]

DIR for --notebooks holds executed copies as DIR/{notebooks,solutions,exercises}/NN_topic.{ipynb,html};
--figures holds the PNG/SVG/GIF files and manifest.csv written by `./course figures`.
Writes OUT/index.html (chapter list with links to each lecture, exercise and solution, then a gallery
of every lecture figure with its caption) and copies everything it links into OUT.
"""
import argparse
import csv
import html
import json
import re
import shutil
from pathlib import Path

STYLE = """
body{font-family:DejaVu Sans,Helvetica,Arial,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222;line-height:1.45}
h1{margin-bottom:.2em} .sub{color:#555;margin-top:0}
table.chapters{border-collapse:collapse;width:100%;margin:1em 0 2em}
table.chapters td,table.chapters th{border-bottom:1px solid #ddd;padding:.45em .6em;text-align:left;vertical-align:top}
table.chapters th{background:#f3f3f3}
.gallery{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:1.2em}
.gallery figure{margin:0;border:1px solid #ddd;padding:.5em;background:#fff}
.gallery img{width:100%;height:auto;display:block}
.gallery figcaption{font-size:.9em;color:#333;margin-top:.4em}
.gallery code{font-size:.85em;color:#555}
a{color:#0060a0}
"""


def notebook_title(ipynb):
    """(title, summary) from the notebook's first markdown cell."""
    try:
        nb = json.loads(Path(ipynb).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Path(ipynb).stem, ""
    for cell in nb.get("cells", []):
        if cell.get("cell_type") != "markdown":
            continue
        text = "".join(cell.get("source", []))
        lines = [l for l in text.splitlines()]
        title = next((l.lstrip("# ").strip() for l in lines if l.startswith("#")), Path(ipynb).stem)
        paras = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip() and not p.strip().startswith("#")]
        summary = re.sub(r"[*_`$]", "", paras[0]) if paras else ""
        summary = re.sub(r"\s+", " ", summary)
        if len(summary) > 240:
            summary = summary[:237].rsplit(" ", 1)[0] + "…"
        return title, summary
    return Path(ipynb).stem, ""


def readme_summaries(readme):
    """{stem: one-line description} from the README's chapter table (plain text, no LaTeX)."""
    out = {}
    if not readme.exists():
        return out
    for line in readme.read_text(encoding="utf-8").splitlines():
        m = re.match(r"\|\s*\[(\d\d_[a-z0-9_]+)\]\(notebooks/[^)]*\)\s*\|\s*(.*?)\s*\|\s*$", line)
        if m:
            out[m.group(1)] = re.sub(r"\s*·\s*\[exercises\].*$", "", m.group(2))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--notebooks", type=Path, required=True)
    ap.add_argument("--figures", type=Path, required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--readme", type=Path, default=Path(__file__).resolve().parent.parent / "README.md")
    args = ap.parse_args()
    summaries = readme_summaries(args.readme)

    out = args.out
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)

    # Copy the HTML exports.
    chapters = {}
    for kind in ("notebooks", "exercises", "solutions"):
        src = args.notebooks / kind
        if not src.is_dir():
            continue
        (out / kind).mkdir()
        for h in sorted(src.glob("[0-9][0-9]_*.html")):
            shutil.copy2(h, out / kind / h.name)
            chapters.setdefault(h.stem, {})[kind] = "%s/%s" % (kind, h.name)
            ipynb = h.with_suffix(".ipynb")
            if kind == "notebooks" and ipynb.exists():
                chapters[h.stem]["title"], chapters[h.stem]["summary"] = notebook_title(ipynb)
                if h.stem in summaries:
                    chapters[h.stem]["summary"] = summaries[h.stem]

    # Copy the figures and read their captions.
    figures = []
    manifest = args.figures / "manifest.csv"
    if manifest.exists():
        (out / "figures").mkdir()
        seen = set()
        with manifest.open(encoding="utf-8") as f:
            for row in csv.DictReader(f):
                shutil.copy2(args.figures / row["file"], out / "figures" / row["file"])
                if row["id"] in seen:
                    continue
                if row["file"].endswith((".png", ".gif")):
                    seen.add(row["id"])
                    figures.append(row)

    parts = ["<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
             "<title>genflow — generative flows in Java notebooks</title><style>%s</style></head><body>" % STYLE,
             "<h1>genflow</h1><p class='sub'>A course on generative flows — continuity equation, Tweedie's formula, "
             "flow matching, diffusion, Kac flows and quantile-learned noise — in executed Java notebooks.</p>",
             "<h2>Chapters</h2><table class='chapters'><tr><th>chapter</th><th>what it teaches</th>"
             "<th>exercises</th><th>solutions</th></tr>"]
    for stem in sorted(chapters):
        c = chapters[stem]
        title = html.escape(c.get("title", stem))
        lecture = "<a href='%s'>%s</a>" % (c["notebooks"], title) if "notebooks" in c else title
        ex = "<a href='%s'>exercises</a>" % c["exercises"] if "exercises" in c else "—"
        so = "<a href='%s'>solutions</a>" % c["solutions"] if "solutions" in c else "—"
        parts.append("<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>"
                     % (lecture, html.escape(c.get("summary", "")), ex, so))
    parts.append("</table>")
    parts.append("<h2>Lecture figures</h2><p>Every figure below is shown by a lecture cell that computes it with a fixed "
                 "seed; <code>./course figures</code> executes the lectures and writes the same bytes into <code>build/figures/</code> "
                 "(PNG and SVG; GIF for animations).</p><div class='gallery'>")
    for row in figures:
        svg = row["file"][:-4] + ".svg"
        extra = " · <a href='figures/%s'>SVG</a>" % svg if (out / "figures" / svg).exists() else ""
        parts.append("<figure><a href='figures/%s'><img src='figures/%s' alt='%s' loading='lazy'></a>"
                     "<figcaption>%s<br><code>%s</code> · chapter %s · seed %s%s</figcaption></figure>"
                     % (row["file"], row["file"], html.escape(row["id"]), html.escape(row["caption"]),
                        html.escape(row["id"]), html.escape(row["chapter"]), html.escape(row["seed"]), extra))
    parts.append("</div></body></html>")
    (out / "index.html").write_text("\n".join(parts), encoding="utf-8")
    print("site: %s (%d chapters, %d figures)" % (out / "index.html", len(chapters), len(figures)))


if __name__ == "__main__":
    main()
