#!/usr/bin/env python3
"""Execute course notebooks headlessly with the course's Java kernel.

For each notebook: start the kernel (restarting one that never becomes ready), run every code cell
with a per-cell timeout, write the executed copy and its HTML export, and print a table
    notebook | cells | seconds | status
Exit status is non-zero at the first failure, naming the notebook, the cell number and the error.

Exercise mode (--exercises): cells tagged "check" MUST fail with a genflow Check failure (that is
how an unfilled exercise proves its checks can fail); every other cell must succeed.

Executed notebooks are normalised before they are written (consecutive stream outputs of one
stream merged, execution counts 1, 2, 3, … in order, only the cell metadata the course uses kept:
tags, nbgrader, genflow, jupyter; notebook metadata = kernelspec + language_info without
versions), so that re-executing an unchanged lecture gives the same bytes.
--compare-stored reports every code cell whose executed outputs differ from the stored ones
(the lecture notebooks are stored executed); with --strict such a difference is a failure. Cells
tagged "timing" (cells about speed, whose output holds wall-clock numbers) are not compared, and
--in-place keeps their stored outputs while their source is unchanged (--refresh-timing stores the
new timings), so re-storing an unchanged lecture changes no bytes.
"""
import argparse
import collections
import os
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellTimeoutError, DeadKernelError

CHECK_TAG = "check"
CHECK_MARK = "Check failed"   # genflow.course.CheckFailure messages start with this


def log(msg):
    print(msg, flush=True)


def error_text(output):
    return ("%s: %s" % (output.get("ename", "error"), output.get("evalue", ""))).strip()


IOPUB_TIMEOUT = 60   # seconds to wait for a cell's remaining output and "idle" after its reply


class DeliveryCheckingClient(NotebookClient):
    """A NotebookClient that can tell when output was lost.

    It counts the IOPub messages of every request and keeps each execute reply. The course kernel
    puts the number of IOPub messages it published for a request (its final "idle" included) in the
    reply's metadata (genflow.iopub_messages); a smaller count received means lost output. A missing
    "idle" status is an error too (raise_on_iopub_timeout) instead of a warning followed by "ok".
    """

    def __init__(self, *args, live=False, **kwargs):
        super().__init__(*args, raise_on_iopub_timeout=True, iopub_timeout=IOPUB_TIMEOUT,
                         on_cell_executed=self._keep_reply, **kwargs)
        self.iopub_counts = collections.Counter()
        self.last_reply = None
        self.live = live

    def _keep_reply(self, cell=None, cell_index=None, execute_reply=None):
        self.last_reply = execute_reply

    def process_message(self, msg, cell, cell_index):
        self.iopub_counts[msg["parent_header"].get("msg_id")] += 1
        if self.live:
            echo_live(msg)
        return super().process_message(msg, cell, cell_index)

    def lost_output(self):
        """None if the last cell's output arrived whole, else what was lost."""
        reply = self.last_reply
        if not reply:
            return None
        sent = reply.get("metadata", {}).get("genflow", {}).get("iopub_messages")
        received = self.iopub_counts.get(reply["parent_header"].get("msg_id"), 0)
        if sent is not None and received < sent:
            return "output lost: the kernel published %d IOPub messages, %d arrived" % (sent, received)
        return None


def echo_live(msg):
    """Shows a cell's text output on the terminal while it runs (stream text as it comes, live status
    lines — display updates — overwritten in place), for long runs such as ./course train."""
    kind, content = msg["header"]["msg_type"], msg["content"]
    if kind == "stream":
        sys.stderr.write(content.get("text", ""))
    elif kind in ("display_data", "update_display_data"):
        text = content.get("data", {}).get("text/plain", "")
        if content.get("transient", {}).get("display_id") and "\n" not in text:
            sys.stderr.write("\r\033[K" + text)
    sys.stderr.flush()


def coalesce_streams(cell):
    """Merges consecutive stream outputs of the same name into one (the kernel batches output by size
    and time, so where one message ends is not reproducible; the merged text is)."""
    merged = []
    for out in cell.get("outputs", []):
        if out.get("output_type") == "stream" and not isinstance(out.get("text"), str):
            out["text"] = "".join(out["text"])
        if (out.get("output_type") == "stream" and merged and merged[-1].get("output_type") == "stream"
                and merged[-1].get("name") == out.get("name")):
            merged[-1]["text"] += out["text"]
        else:
            merged.append(out)
    cell["outputs"] = merged


def execute(path, kernel, timeout, startup_timeout, attempts, exercises, live=False):
    """Runs one notebook in place (in memory). Returns (nb, code_cells, failure or None)."""
    nb = nbformat.read(str(path), as_version=4)
    code_cells = [i for i, c in enumerate(nb.cells) if c.cell_type == "code"]
    for attempt in range(1, attempts + 1):
        for c in nb.cells:
            if c.cell_type == "code":
                c.outputs = []
                c.execution_count = None
        client = DeliveryCheckingClient(nb, kernel_name=kernel, timeout=timeout, startup_timeout=startup_timeout,
                                        live=live, allow_errors=True, record_timing=False,
                                        resources={"metadata": {"path": str(path.parent.resolve())}})
        try:
            with client.setup_kernel():
                for number, index in enumerate(code_cells, start=1):
                    cell = nb.cells[index]
                    client.last_reply = None
                    try:
                        client.execute_cell(cell, index)
                    except CellTimeoutError as e:
                        if "IOPub" in str(e):
                            return nb, len(code_cells), ("cell %d: output lost: no idle status within %d s after the reply"
                                                         % (number, IOPUB_TIMEOUT))
                        return nb, len(code_cells), "cell %d timed out after %d s" % (number, timeout)
                    except DeadKernelError as e:
                        return nb, len(code_cells), "cell %d: the kernel died (%s)" % (number, e)
                    lost = client.lost_output()
                    if lost:
                        return nb, len(code_cells), "cell %d: %s" % (number, lost)
                    errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
                    tags = cell.get("metadata", {}).get("tags", [])
                    if exercises and CHECK_TAG in tags:
                        if not errors:
                            return nb, len(code_cells), ("cell %d is a check but PASSED on the unfilled exercise: "
                                                         "a check must fail until the TODO is done" % number)
                        if not any(CHECK_MARK in error_text(e) for e in errors):
                            return nb, len(code_cells), ("cell %d is a check and failed, but not with a Check failure: %s"
                                                         % (number, error_text(errors[0])))
                    elif errors:
                        return nb, len(code_cells), "cell %d: %s" % (number, error_text(errors[0]))
            return nb, len(code_cells), None
        except (RuntimeError, TimeoutError) as e:
            # The kernel never became ready: start a fresh one.
            log("  kernel did not start (%s), attempt %d of %d" % (e, attempt, attempts))
            if attempt == attempts:
                return nb, len(code_cells), "kernel did not start after %d attempts: %s" % (attempts, e)
    return nb, len(code_cells), "unreachable"


TIMING_TAG = "timing"   # a cell about speed: its wall-clock outputs are not compared with the stored ones
KEEP_CELL_METADATA = ("tags", "nbgrader", "genflow", "jupyter")
LANGUAGE_INFO = {"codemirror_mode": "java", "file_extension": ".jshell", "mimetype": "text/x-java-source",
                 "name": "java", "pygments_lexer": "java"}


def normalise(nb):
    """The stored form of an executed notebook (see the module doc). Returns nb."""
    nb.metadata = nbformat.from_dict({k: v for k, v in nb.metadata.items() if k == "kernelspec"})
    nb.metadata["language_info"] = nbformat.from_dict(dict(LANGUAGE_INFO))
    count = 0
    for cell in nb.cells:
        cell.metadata = nbformat.from_dict({k: v for k, v in cell.metadata.items() if k in KEEP_CELL_METADATA})
        if cell.cell_type != "code":
            continue
        coalesce_streams(cell)
        count += 1
        cell.execution_count = count
        for out in cell.outputs:
            if out.get("output_type") == "execute_result":
                out["execution_count"] = count
    return nb


def output_differences(executed, stored):
    """Human-readable differences between the outputs of two versions of one notebook."""
    diffs = []
    a = [c for c in executed.cells if c.cell_type == "code"]
    b = [c for c in stored.cells if c.cell_type == "code"]
    if [c.source for c in a] != [c.source for c in b]:
        return ["the code cells differ from the stored notebook's (not the same source)"]
    for number, (x, y) in enumerate(zip(a, b), start=1):
        if TIMING_TAG in x.get("metadata", {}).get("tags", []):
            continue
        ox, oy = strip_volatile(x.get("outputs", [])), strip_volatile(y.get("outputs", []))
        if ox != oy:
            diffs.append("code cell %d: %s" % (number, describe_difference(ox, oy)))
    return diffs


def keep_stored_timing(executed, stored):
    """Give the unchanged cells tagged "timing" their stored outputs back (in place), so that storing a
    re-executed lecture changes no bytes where only wall-clock numbers moved. A timing cell whose
    source changed keeps its new outputs; --refresh-timing stores every timing cell as executed."""
    old = {c.source: c for c in stored.cells if c.cell_type == "code" and TIMING_TAG in c.get("metadata", {}).get("tags", [])}
    for cell in executed.cells:
        if cell.cell_type == "code" and TIMING_TAG in cell.get("metadata", {}).get("tags", []) and cell.source in old:
            cell.outputs = old[cell.source].outputs
            for out in cell.outputs:
                if out.get("output_type") == "execute_result":
                    out["execution_count"] = cell.execution_count


def strip_volatile(outputs):
    return [nbformat.from_dict({k: v for k, v in o.items() if k != "metadata" or v}) for o in outputs]


def describe_difference(new, old):
    if len(new) != len(old):
        return "%d outputs now, %d stored" % (len(new), len(old))
    for o_new, o_old in zip(new, old):
        if o_new == o_old:
            continue
        if o_new.get("output_type") == "stream" and o_old.get("output_type") == "stream":
            ln, lo = o_new.get("text", "").splitlines(), o_old.get("text", "").splitlines()
            for x, y in zip(ln, lo):
                if x != y:
                    return "stored %r, now %r" % (y[:120], x[:120])
            return "stored %d lines, now %d" % (len(lo), len(ln))
        kinds = sorted(set(o_new.get("data", {})) | set(o_old.get("data", {})))
        return "%s output differs (%s)" % (o_new.get("output_type"), ", ".join(kinds))
    return "outputs differ"


def export_html(nb, target):
    from nbconvert import HTMLExporter
    exporter = HTMLExporter()
    body, _ = exporter.from_notebook_node(nb)
    target.write_text(body, encoding="utf-8")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("notebooks", nargs="+", type=Path)
    ap.add_argument("--kernel", default="genflow")
    ap.add_argument("--out", type=Path, default=None, help="folder for executed copies (+ HTML); keeps the parent folder name")
    ap.add_argument("--html", action="store_true", help="also export HTML next to each executed copy")
    ap.add_argument("--in-place", action="store_true", help="write the executed notebook back over the source")
    ap.add_argument("--refresh-timing", action="store_true",
                    help="with --in-place: also store new outputs of unchanged cells tagged 'timing' (kept as stored by default)")
    ap.add_argument("--timeout", type=int, default=300, help="seconds per cell")
    ap.add_argument("--startup-timeout", type=int, default=60)
    ap.add_argument("--attempts", type=int, default=3, help="kernel start attempts")
    ap.add_argument("--exercises", action="store_true", help="check cells must fail (unfilled exercises)")
    ap.add_argument("--keep-going", action="store_true", help="run every notebook even after a failure")
    ap.add_argument("--live", action="store_true", help="show each cell's text output on the terminal while it runs")
    ap.add_argument("--compare-stored", action="store_true", help="report outputs that differ from the stored notebook")
    ap.add_argument("--strict", action="store_true", help="with --compare-stored: a difference is a failure")
    args = ap.parse_args()

    rows, failed = [], []
    for path in args.notebooks:
        label = "%s/%s" % (path.parent.name, path.name)
        log("running %s ..." % label)
        start = time.time()
        nb, cells, failure = execute(path, args.kernel, args.timeout, args.startup_timeout, args.attempts, args.exercises,
                                     live=args.live)
        seconds = time.time() - start
        normalise(nb)
        if failure is None and args.compare_stored:
            diffs = output_differences(nb, normalise(nbformat.read(str(path), as_version=4)))
            if diffs:
                log("  %s: %d code cell(s) differ from the stored notebook (re-store it with ./course render --store %s):"
                    % (label, len(diffs), path.name[:2]))
                for d in diffs[:10]:
                    log("    " + d)
                if args.strict:
                    failure = "outputs differ from the stored notebook (%d cells)" % len(diffs)
        status = "ok" if failure is None else "FAILED"
        rows.append((label, cells, seconds, status))
        if args.out is not None:
            target_dir = args.out / path.parent.name
            target_dir.mkdir(parents=True, exist_ok=True)
            target = target_dir / path.name
            nbformat.write(nb, str(target))
            if args.html:
                export_html(nb, target.with_suffix(".html"))
        if args.in_place and failure is None:
            if not args.refresh_timing:
                keep_stored_timing(nb, nbformat.read(str(path), as_version=4))
            nbformat.write(nb, str(path))
        if failure is not None:
            failed.append((label, failure))
            log("  FAILED %s: %s" % (label, failure))
            if not args.keep_going:
                break
        else:
            log("  ok (%d cells, %.1f s)" % (cells, seconds))

    width = max([len(r[0]) for r in rows] + [8])
    log("")
    log("%-*s | %5s | %7s | %s" % (width, "notebook", "cells", "seconds", "status"))
    log("%s-+-------+---------+-------" % ("-" * width))
    for label, cells, seconds, status in rows:
        log("%-*s | %5d | %7.1f | %s" % (width, label, cells, seconds, status))
    if failed:
        for label, failure in failed:
            log("\nERROR in %s, %s" % (label, failure))
        sys.exit(1)


if __name__ == "__main__":
    main()
