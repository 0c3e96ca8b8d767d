#!/usr/bin/env python3
"""Jupyter's kernel conformance suite (jupyter_kernel_test) against the course kernel.

Runs the KernelTests class of Debian's python3-jupyter-kernel-test with Java snippets for every
part it covers: kernel_info, stdout/stderr streams, errors, execute results, display data,
completion, inspection (Shift-Tab) and is_complete. Each "start" is a fresh kernel (the suite's
setUpClass starts one) followed by the whole suite; --starts N repeats that N times and --load keeps
the other core busy meanwhile (the start-up race this guards against showed up on a loaded machine).

    kernel_conformance.py                      # once (what ./course test runs)
    kernel_conformance.py --starts 20 --load   # 20 fresh starts with one core busy

Prints one line per start and "kernel-conformance: P passed, F failed"; exits non-zero on any failure.
"""
import argparse
import multiprocessing
import sys
import time
import unittest

import jupyter_kernel_test as jkt

KERNEL = "genflow"


class GenflowKernelTests(jkt.KernelTests):
    kernel_name = KERNEL
    language_name = "Java"
    file_extension = ".jshell"

    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("to stderr");'
    code_generate_error = 'throw new IllegalStateException("a deliberate error");'

    completion_samples = [
        {"text": "Math.ab", "matches": {"abs(", "absExact("}},
        {"text": "System.out.printl", "matches": {"println("}},
        {"text": "genflow.process.KacP", "matches": {"KacProcess"}},
    ]
    complete_code_samples = ["int x = 1;", "6 * 7", "void f() {}", "for (int i = 0; i < 3; i++) { }"]
    incomplete_code_samples = ["for (int i = 0; i < 3; i++) {", "int y = (1 +", "class A {"]
    invalid_code_samples = ["))))", "int x = 1 +* ;", "}"]

    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": '"genflow" + 1', "result": "genflow1"},
        {"code": "new double[]{1, 2.5}", "result": "[1.0, 2.5]"},
        {"code": "tech.tablesaw.api.Table.create(\"t\", tech.tablesaw.api.DoubleColumn.create(\"w2\", new double[]{0.5}))",
         "mime": "text/html"},
    ]
    code_display_data = [
        {"code": 'display("shown mid-cell");', "mime": "text/plain"},
        {"code": "var ch = new org.knowm.xchart.XYChart(120, 80);\n"
                 "ch.addSeries(\"s\", new double[]{0, 1}, new double[]{0, 1});\n"
                 "display(ch);", "mime": "image/png"},
    ]
    # Shift-Tab on a genflow method shows its Javadoc (checked further in test_inspect_shows_javadoc)
    code_inspect_sample = "genflow.process.KacProcess.of"

    def test_inspect_shows_javadoc(self):
        """Shift-Tab on a library method returns its signature and its Javadoc; on a JDK method at least the signature."""
        for code, wanted in [("genflow.process.KacProcess.of", "reversal rate"), ("Math.abs", "Math.abs(int a)")]:
            with self.subTest(code=code):
                self.flush_channels()
                msg_id = self.kc.inspect(code, len(code))
                reply = self.get_non_kernel_info_reply(timeout=jkt.TIMEOUT)
                jkt.validate_message(reply, "inspect_reply", msg_id)
                self.assertTrue(reply["content"]["found"])
                self.assertIn(wanted, reply["content"]["data"]["text/plain"])

    def test_is_complete_indents_after_brace(self):
        msg_id = self.kc.is_complete("for (int i = 0; i < 3; i++) {")
        reply = self.get_non_kernel_info_reply(timeout=jkt.TIMEOUT)
        jkt.validate_message(reply, "is_complete_reply", msg_id)
        self.assertEqual(reply["content"]["indent"], "    ")


def burn():
    x = 0
    while True:
        x = (x * 31 + 7) % 1000003


def main():
    global KERNEL
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kernel", default=KERNEL)
    ap.add_argument("--starts", type=int, default=1, help="fresh kernel starts, the whole suite each time")
    ap.add_argument("--load", action="store_true", help="keep one core busy meanwhile")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    GenflowKernelTests.kernel_name = args.kernel

    loader = None
    if args.load:
        loader = multiprocessing.Process(target=burn, daemon=True)
        loader.start()
    passed, failed = 0, 0
    try:
        for i in range(1, args.starts + 1):
            t0 = time.time()
            suite = unittest.TestLoader().loadTestsFromTestCase(GenflowKernelTests)
            runner = unittest.TextTestRunner(stream=sys.stdout if args.verbose else open("/dev/null", "w"),
                                             verbosity=2 if args.verbose else 0)
            result = runner.run(suite)
            problems = result.failures + result.errors
            if problems:
                failed += 1
                print("start %2d: FAILED (%d tests, %d failures, %d errors) in %.1f s"
                      % (i, result.testsRun, len(result.failures), len(result.errors), time.time() - t0), flush=True)
                for test, trace in problems:
                    print("  %s\n    %s" % (test.id(), trace.strip().splitlines()[-1]), flush=True)
            else:
                passed += 1
                print("start %2d: ok (%d tests, %d skipped) in %.1f s"
                      % (i, result.testsRun, len(result.skipped), time.time() - t0), flush=True)
    finally:
        if loader is not None:
            loader.terminate()
    print("kernel-conformance: %d passed, %d failed%s" % (passed, failed, " (one core loaded)" if args.load else ""))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
