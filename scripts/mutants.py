#!/usr/bin/env python3
"""Executes the exercise sources (solutions/NN_topic.ipynb) and proves that their checks work.

Next to each solution notebook stands solutions/NN_topic.mutants.md: for every task (a cell whose
nbgrader metadata says "solution": true, named by its grade_id) plausible WRONG answers, which
must make one of the task's checks fail with "Check failed: …", and CORRECT alternatives, which
must pass every check of the task. An entry is a level-2 heading and one fenced block:

    ## task1 · wrong · noise and data weights swapped
    ```diff
    -        out[i][k] = (1 - t) * x0[i][k] + t * x1[i][k];
    +        out[i][k] = t * x0[i][k] + (1 - t) * x1[i][k];
    ```

    ## task1 · correct · through the library's GaussianPath
    ```java
    return new GaussianPath(new LinearSchedule()).interpolate(t, x1, x0);
    ```

A `diff` block replaces the `-` lines (matched after stripping white space, consecutive, exactly
once in the cell) by the `+` lines; a `java` block replaces the body of the cell's first
BEGIN SOLUTION … END SOLUTION region. The checks of a task are the cells tagged "check" between
its cell and the next task cell.

Each notebook runs in one kernel, top to bottom. At every task cell, each entry is executed in
place of the cell, followed by the task's checks; then the original cell and its checks run (and
must pass) and the notebook goes on. Every cell of the solution must succeed, as before.
Prints one line per notebook and, at the end,
    exercise checks: K of K wrong answers caught, C of C correct alternatives accepted, over T tasks
and exits non-zero if any wrong answer passed, any correct alternative failed, a task has fewer
than two wrong answers or no correct one, an entry does not apply, or the solution fails.
"""
import argparse
import copy
import re
import sys
import time
from pathlib import Path

import nbformat
from nbclient.exceptions import CellTimeoutError, DeadKernelError

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run_notebooks import DeliveryCheckingClient, error_text, export_html, normalise  # noqa: E402

CHECK_MARK = "Check failed"
HEADING = re.compile(r"^##\s+(\S+)\s+·\s+(wrong|correct)\s+·\s+(.+?)\s*$")
FENCE = re.compile(r"^```(diff|java)\s*$")


class MutantError(Exception):
    pass


def log(msg):
    print(msg, flush=True)


def parse_mutants(path):
    entries, lines, i = [], path.read_text(encoding="utf-8").split("\n"), 0
    while i < len(lines):
        m = HEADING.match(lines[i])
        if not m:
            if lines[i].startswith("## "):
                raise MutantError("%s:%d: a heading must read '## <grade_id> · wrong|correct · <what>'" % (path.name, i + 1))
            i += 1
            continue
        j = i + 1
        while j < len(lines) and not lines[j].strip():
            j += 1
        f = FENCE.match(lines[j]) if j < len(lines) else None
        if not f:
            raise MutantError("%s:%d: the entry '%s' needs a ```diff or ```java block" % (path.name, i + 1, lines[i]))
        k = j + 1
        while k < len(lines) and lines[k].strip() != "```":
            k += 1
        if k == len(lines):
            raise MutantError("%s:%d: unclosed code block" % (path.name, j + 1))
        entries.append({"task": m.group(1), "kind": m.group(2), "what": m.group(3), "format": f.group(1),
                        "body": lines[j + 1:k], "line": i + 1})
        i = k + 1
    return entries


def apply_diff(source, body, where):
    lines = source.split("\n")
    hunks, minus, plus = [], [], []
    for b in body:
        if b.startswith("-"):
            if plus:
                hunks.append((minus, plus))
                minus, plus = [], []
            minus.append(b[1:])
        elif b.startswith("+"):
            plus.append(b[1:])
        elif b.strip():
            raise MutantError("%s: diff lines must start with - or +: %r" % (where, b))
    if minus or plus:
        hunks.append((minus, plus))
    for minus, plus in hunks:
        if not minus:
            raise MutantError("%s: a hunk needs at least one - line" % where)
        want = [m.strip() for m in minus]
        hits = [s for s in range(len(lines) - len(want) + 1)
                if [x.strip() for x in lines[s:s + len(want)]] == want]
        if len(hits) != 1:
            raise MutantError("%s: the - lines %r occur %d times in the cell (need exactly once)" % (where, want, len(hits)))
        lines[hits[0]:hits[0] + len(want)] = plus
    return "\n".join(lines)


def apply_region(source, body, where):
    lines = source.split("\n")
    begin = next((i for i, l in enumerate(lines) if l.strip().endswith("BEGIN SOLUTION")), None)
    end = next((i for i, l in enumerate(lines) if l.strip().endswith("END SOLUTION")), None)
    if begin is None or end is None or end < begin:
        raise MutantError("%s: the cell has no BEGIN SOLUTION … END SOLUTION region" % where)
    return "\n".join(lines[:begin + 1] + body + lines[end:])


def mutated(cell, entry, where):
    c = copy.deepcopy(cell)
    if entry["format"] == "diff":
        c.source = apply_diff(cell.source, entry["body"], where)
    else:
        c.source = apply_region(cell.source, entry["body"], where)
    if c.source == cell.source:
        raise MutantError("%s: the entry does not change the cell" % where)
    return c


def execute_copy(client, nb, cell, index):
    """Executes a changed copy of cell `index` in its place: nbclient applies display updates (the
    kernel's live progress lines) to nb.cells[index], so the copy stands there while it runs."""
    original = nb.cells[index]
    nb.cells[index] = cell
    try:
        client.execute_cell(cell, index)
    finally:
        nb.cells[index] = original


def errors_of(cell):
    return [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]


def run(path, args):
    """Returns (tasks, wrong_total, wrong_caught, correct_total, correct_ok, problems, nb)."""
    nb = nbformat.read(str(path), as_version=4)
    mpath = path.with_suffix("").with_suffix(".mutants.md")
    entries = parse_mutants(mpath) if mpath.exists() else []
    tasks = {}
    order = []
    for index, cell in enumerate(nb.cells):
        meta = cell.get("metadata", {}).get("nbgrader") or {}
        if cell.cell_type == "code" and meta.get("solution"):
            order.append(index)
            tasks[meta["grade_id"]] = index
    problems = []
    by_task = {gid: [] for gid in tasks}
    for e in entries:
        if e["task"] not in tasks:
            problems.append("%s:%d: no task cell with grade_id %r" % (mpath.name, e["line"], e["task"]))
        else:
            by_task[e["task"]].append(e)
    missing = not mpath.exists()
    if missing and not args.require_all:
        log("  (no %s yet: its tasks are run but not mutation-tested)" % mpath.name)
    for gid, es in by_task.items():
        if missing and not args.require_all:
            continue
        nw = sum(1 for e in es if e["kind"] == "wrong")
        nc = sum(1 for e in es if e["kind"] == "correct")
        if nw < 2 or nc < 1:
            problems.append("%s: task %s has %d wrong answers and %d correct alternatives (need >= 2 and >= 1)"
                            % (mpath.name, gid, nw, nc))
    checks = {}
    for gid, index in tasks.items():
        later = [i for i in order if i > index]
        stop = later[0] if later else len(nb.cells)
        checks[gid] = [i for i in range(index + 1, stop)
                       if nb.cells[i].cell_type == "code" and "check" in nb.cells[i].get("metadata", {}).get("tags", [])]
        if not checks[gid]:
            problems.append("%s: task %s has no check cell after it" % (path.name, gid))
    counts = {"wrong": 0, "caught": 0, "correct": 0, "accepted": 0}
    client = DeliveryCheckingClient(nb, kernel_name=args.kernel, timeout=args.timeout, startup_timeout=60,
                            allow_errors=True, record_timing=False,
                            resources={"metadata": {"path": str(path.parent.resolve())}})
    task_at = {index: gid for gid, index in tasks.items()}
    with client.setup_kernel():
        for index, cell in enumerate(nb.cells):
            if cell.cell_type != "code":
                continue
            gid = task_at.get(index)
            if gid is not None:
                for e in by_task[gid]:
                    where = "%s:%d (%s · %s · %s)" % (mpath.name, e["line"], gid, e["kind"], e["what"])
                    try:
                        mc = mutated(cell, e, where)
                    except MutantError as err:
                        problems.append(str(err))
                        continue
                    counts[e["kind"]] += 1
                    execute_copy(client, nb, mc, index)
                    if errors_of(mc):
                        problems.append("%s: the changed cell itself fails: %s" % (where, error_text(errors_of(mc)[0])))
                        continue
                    outcome = None
                    for ci in checks[gid]:
                        cc = copy.deepcopy(nb.cells[ci])
                        execute_copy(client, nb, cc, ci)
                        errs = errors_of(cc)
                        if errs:
                            outcome = error_text(errs[0])
                            break
                    if e["kind"] == "wrong":
                        if outcome is not None and CHECK_MARK in outcome:
                            counts["caught"] += 1
                            if args.verbose:
                                log("    caught  %s: %s" % (where, outcome.splitlines()[0][:160]))
                        elif outcome is None:
                            problems.append("%s: NOT caught — every check passed" % where)
                        else:
                            problems.append("%s: a check failed, but not with a Check failure: %s" % (where, outcome[:200]))
                    else:
                        if outcome is None:
                            counts["accepted"] += 1
                        else:
                            problems.append("%s: REJECTED — %s" % (where, outcome[:200]))
            try:
                client.last_reply = None
                client.execute_cell(cell, index)
            except (CellTimeoutError, DeadKernelError) as err:
                problems.append("%s cell %d: %s" % (path.name, index, err))
                break
            if client.lost_output():
                problems.append("%s cell %d: %s" % (path.name, index, client.lost_output()))
                break
            if errors_of(cell):
                problems.append("%s cell %d (the solution itself): %s" % (path.name, index, error_text(errors_of(cell)[0])))
                break
    return len(tasks), counts, problems, nb


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("notebooks", nargs="+", type=Path)
    ap.add_argument("--kernel", default="genflow")
    ap.add_argument("--timeout", type=int, default=300)
    ap.add_argument("--out", type=Path, default=None, help="folder for the executed solutions (+ HTML)")
    ap.add_argument("--verbose", action="store_true", help="print the message of every caught wrong answer")
    ap.add_argument("--require-all", action="store_true", help="a solution without a mutants file is a failure")
    args = ap.parse_args()
    total = {"tasks": 0, "wrong": 0, "caught": 0, "correct": 0, "accepted": 0}
    all_problems = []
    rows = []
    for path in args.notebooks:
        start = time.time()
        log("running %s/%s with its mutants ..." % (path.parent.name, path.name))
        try:
            ntasks, c, problems, nb = run(path, args)
        except MutantError as err:
            ntasks, c, problems, nb = 0, {"wrong": 0, "caught": 0, "correct": 0, "accepted": 0}, [str(err)], None
        total["tasks"] += ntasks
        for k in c:
            total[k] += c[k]
        all_problems += problems
        seconds = time.time() - start
        rows.append((path.name, ntasks, c, seconds, "ok" if not problems else "FAILED"))
        for p in problems:
            log("  " + p)
        if nb is not None and args.out is not None:
            target = args.out / path.parent.name / path.name
            target.parent.mkdir(parents=True, exist_ok=True)
            normalise(nb)
            nbformat.write(nb, str(target))
            export_html(nb, target.with_suffix(".html"))
    width = max([len(r[0]) for r in rows] + [8])
    log("")
    log("%-*s | tasks | wrong caught | correct accepted | seconds | status" % (width, "solution"))
    for name, ntasks, c, seconds, status in rows:
        log("%-*s | %5d | %5d of %-4d | %7d of %-6d | %7.1f | %s"
            % (width, name, ntasks, c["caught"], c["wrong"], c["accepted"], c["correct"], seconds, status))
    log("exercise checks: %d of %d wrong answers caught, %d of %d correct alternatives accepted, over %d tasks"
        % (total["caught"], total["wrong"], total["accepted"], total["correct"], total["tasks"]))
    if all_problems:
        sys.exit(1)


if __name__ == "__main__":
    main()
