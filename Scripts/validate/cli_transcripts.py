#!/usr/bin/env python3
"""Runs the CLI transcripts: each folder under FIXTURES holds `args` (one argument a line),
optional `stdin`, and the expected `stdout`, `stderr` and `status`. Run from the repository root.
RECORD_GOLDENS=1 rewrites the expectations and fails, so a re-record is always a visible diff.

Usage: cli_transcripts.py BINARY FIXTURES"""
import os, subprocess, sys

binary, root = sys.argv[1], sys.argv[2]
record = os.environ.get("RECORD_GOLDENS") == "1"
passed = failed = 0
for case in sorted(os.listdir(root)):
    folder = os.path.join(root, case)
    args = [line for line in open(os.path.join(folder, "args"), encoding="utf-8").read().split("\n") if line]
    stdin_path = os.path.join(folder, "stdin")
    stdin = open(stdin_path, "rb").read() if os.path.exists(stdin_path) else b""
    run = subprocess.run([binary] + args, input=stdin, capture_output=True, timeout=60)
    actual = {"stdout": run.stdout, "stderr": run.stderr, "status": f"{run.returncode}\n".encode()}
    problems = []
    for name, data in actual.items():
        path = os.path.join(folder, name)
        if record:
            open(path, "wb").write(data)
            continue
        expected = open(path, "rb").read() if os.path.exists(path) else b""
        if expected != data:
            problems.append(f"{name} differs:\n--- expected\n{expected.decode(errors='replace')}\n--- actual\n{data.decode(errors='replace')}")
    if problems:
        failed += 1
        print(f"FAIL {case}: bulletin {' '.join(args)}")
        for problem in problems:
            print("  " + problem.replace("\n", "\n  "))
    else:
        passed += 1
print(f"cli transcripts: {passed} passed, {failed} failed")
if record:
    print("cli transcripts: re-recorded; review the diff and run again")
    sys.exit(1)
sys.exit(1 if failed else 0)
