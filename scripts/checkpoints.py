#!/usr/bin/env python3
"""The checkpoint manifest data/models/manifest.csv and the table ./course train prints.

    checkpoints.py store DIR MODELS     copy the checkpoints trained into DIR (files + .record) into
                                        MODELS and update MODELS/manifest.csv (rows of other ids kept)
    checkpoints.py check DIR MODELS     compare the checkpoints retrained into DIR with MODELS
                                        byte for byte; exit 1 on any difference
    checkpoints.py cheapest MODELS      the id whose full training took the fewest seconds

A record (written by genflow.course.Checkpoints while ./course train executes the lectures) has
lines "id …", "steps …", "seconds …", "file …" (one per part) and "quality name=value".
"""
import csv
import hashlib
import shutil
import sys
from pathlib import Path

COLUMNS = ["id", "chapter", "file", "bytes", "steps", "seconds", "quality", "sha256"]


def sha256(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def records(folder):
    rows = []
    for rec in sorted(folder.glob("*.record")):
        fields = {"file": [], "quality": []}
        for line in rec.read_text(encoding="utf-8").splitlines():
            key, _, value = line.partition(" ")
            if key in ("file", "quality"):
                fields[key].append(value)
            else:
                fields[key] = value
        for f in fields["file"]:
            p = folder / f
            rows.append({"id": fields["id"], "chapter": fields["id"][:2], "file": f, "bytes": p.stat().st_size,
                         "steps": fields["steps"], "seconds": fields["seconds"], "quality": "; ".join(fields["quality"]),
                         "sha256": sha256(p)})
    return rows


def read_manifest(models):
    path = models / "manifest.csv"
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def write_manifest(models, rows):
    rows = sorted(rows, key=lambda r: (r["id"], r["file"]))
    with (models / "manifest.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow({k: r[k] for k in COLUMNS})


def table(rows, extra=None):
    head = ["id", "file", "KB", "steps", "seconds", "quality"] + ([extra[0]] if extra else [])
    body = [[r["id"], r["file"], "%.0f" % (int(r["bytes"]) / 1024), r["steps"], r["seconds"], r["quality"]]
            + ([extra[1](r)] if extra else []) for r in rows]
    widths = [max(len(str(x)) for x in col) for col in zip(head, *body)]
    print(" | ".join(h.ljust(w) for h, w in zip(head, widths)))
    print("-+-".join("-" * w for w in widths))
    for b in body:
        print(" | ".join(str(x).ljust(w) for x, w in zip(b, widths)))


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    cmd = sys.argv[1]
    if cmd == "cheapest":
        rows = read_manifest(Path(sys.argv[2]))
        seconds = {}
        for r in rows:
            seconds[r["id"]] = float(r["seconds"])
        if seconds:
            print(min(seconds, key=seconds.get))
        return
    new, models = Path(sys.argv[2]), Path(sys.argv[3])
    rows = records(new)
    if not rows:
        sys.exit("no checkpoints were trained into %s (no lecture calls genflow.course.Checkpoints?)" % new)
    if cmd == "store":
        models.mkdir(parents=True, exist_ok=True)
        ids = {r["id"] for r in rows}
        for stale in models.iterdir():
            if any(stale.name.startswith(i + ".") for i in ids):
                stale.unlink()
        for r in rows:
            shutil.copyfile(new / r["file"], models / r["file"])
        kept = [r for r in read_manifest(models) if r["id"] not in ids]
        write_manifest(models, kept + rows)
        table(rows)
        total = sum(int(r["bytes"]) for r in kept + rows)
        print("%d checkpoint files stored in %s, %.1f MB in all (manifest.csv updated)" % (len(rows), models, total / 2 ** 20))
    elif cmd == "check":
        stored = {r["file"]: r["sha256"] for r in read_manifest(models)}
        verdict = {r["file"]: ("identical" if stored.get(r["file"]) == r["sha256"]
                               else "MISSING" if r["file"] not in stored else "DIFFERENT") for r in rows}
        table(rows, ("bytes vs data/models", lambda r: verdict[r["file"]]))
        bad = [f for f, v in verdict.items() if v != "identical"]
        print("%d of %d checkpoint files reproduced byte for byte" % (len(rows) - len(bad), len(rows)))
        if bad:
            sys.exit(1)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
