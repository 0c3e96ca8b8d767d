#!/usr/bin/env python3
"""Start a Jupyter kernel many times in a row and count failed starts.

Each start: launch the kernel, wait until it answers kernel_info (timeout --ready-timeout), run one
cell, shut it down. With --load a busy-loop process keeps one core loaded throughout, as on a busy
2-core laptop. Prints every start's time, then min/median/p95/max and the failure count, and exits
non-zero if any start failed.
"""
import argparse
import multiprocessing
import statistics
import sys
import time

import jupyter_client


def burn():
    x = 0
    while True:
        x = (x * 31 + 7) % 1000003


def one_start(kernel, ready_timeout):
    t0 = time.time()
    km = jupyter_client.KernelManager(kernel_name=kernel)
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=ready_timeout)
        ready = time.time() - t0
        reply = kc.execute_interactive("1 + 1", timeout=ready_timeout, output_hook=lambda m: None)
        if reply["content"]["status"] != "ok":
            raise RuntimeError("cell failed: %s" % reply["content"])
        return ready, time.time() - t0
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--kernel", default="genflow")
    ap.add_argument("--starts", type=int, default=50)
    ap.add_argument("--ready-timeout", type=float, default=30.0)
    ap.add_argument("--load", action="store_true", help="keep one core busy while starting kernels")
    args = ap.parse_args()

    loader = None
    if args.load:
        loader = multiprocessing.Process(target=burn, daemon=True)
        loader.start()
    ready_times, failures = [], []
    try:
        for i in range(1, args.starts + 1):
            try:
                ready, total = one_start(args.kernel, args.ready_timeout)
                ready_times.append(ready)
                print("start %2d: ready %.2f s, first cell done %.2f s" % (i, ready, total), flush=True)
            except Exception as e:  # a hung or crashed start is what we count
                failures.append((i, repr(e)))
                print("start %2d: FAILED %r" % (i, e), flush=True)
    finally:
        if loader is not None:
            loader.terminate()
    print()
    print("kernel %s, %d starts%s" % (args.kernel, args.starts, " with one core loaded" if args.load else ""))
    if ready_times:
        s = sorted(ready_times)
        p95 = s[min(len(s) - 1, int(round(0.95 * (len(s) - 1))))]
        print("ready time: min %.2f s, median %.2f s, p95 %.2f s, max %.2f s"
              % (s[0], statistics.median(s), p95, s[-1]))
    print("kernel-stress: %d passed, %d failed" % (len(ready_times), len(failures)))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
