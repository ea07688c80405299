#!/usr/bin/env python3
"""Checks, through the command line, that a build stopped part way leaves nothing behind and the previous output as it was.

Usage: interruption.py BINARY WORK MAKE_CORPUS
Generates 600 articles (make_corpus.py), builds them into WORK/interrupted (all formats), then:
- starts the same build with --clean again and, once it is writing its staging folder, sends it SIGINT (as
  Ctrl-C does), then SIGTERM, then SIGHUP: each time the build ends by that signal, nothing but the output
  is left beside it, and the output holds the first build's bytes;
- kills the build with SIGKILL, which no program can handle: its staging folder stays, and the next build
  into the same output deletes it and builds as before."""
import hashlib, os, shutil, signal, subprocess, sys, time

binary, work, make_corpus = sys.argv[1], sys.argv[2], sys.argv[3]
corpus, parent = os.path.join(work, "interrupted-corpus"), os.path.join(work, "interrupted-parent")
output = os.path.join(parent, "out")
shutil.rmtree(corpus, ignore_errors=True)
shutil.rmtree(parent, ignore_errors=True)
os.makedirs(parent)
subprocess.run([sys.executable, make_corpus, "--n", "600", "--out", corpus], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
command = [binary, "build", os.path.join(corpus, "text"), "--output", output, "--quiet"]
problems = []


def digest(folder):
    """One hash over every file's path and bytes."""
    hasher = hashlib.sha256()
    for directory, folders, files in sorted(os.walk(folder)):
        folders.sort()
        for name in sorted(files):
            path = os.path.join(directory, name)
            hasher.update(os.path.relpath(path, folder).encode() + b"\0" + open(path, "rb").read())
    return hasher.hexdigest()


def beside():
    return sorted(name for name in os.listdir(parent) if name != "out")


def interrupted(number):
    """Starts a clean build, sends `number` once it writes its staging folder, and returns its status."""
    # A shell's background jobs start with SIGINT ignored, and a build keeps a signal it was started ignoring.
    process = subprocess.Popen(command + ["--clean"], stderr=subprocess.DEVNULL,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 300
    while not any(".bulletin-staging-" in name for name in os.listdir(parent)) and process.poll() is None:
        if time.monotonic() > deadline:
            process.kill()
            sys.exit("interruption: the build wrote no staging folder in 300 s")
        time.sleep(0.01)
    time.sleep(0.2)
    process.send_signal(number)
    return process.wait()


subprocess.run(command, check=True, stderr=subprocess.DEVNULL)
reference = digest(output)
for number in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
    status = interrupted(number)
    name = signal.Signals(number).name
    if status != -number:
        problems.append(f"{name}: the build ended with status {status}, not by the signal (it may have finished first)")
    if beside():
        problems.append(f"{name}: left beside the output: {beside()}")
    if digest(output) != reference:
        problems.append(f"{name}: the output is not the previous build's")
    print(f"interruption: {name} ended the build ({status}); beside the output: {beside() or 'nothing'}; "
          f"the output {'is' if digest(output) == reference else 'is NOT'} as it was")

status = interrupted(signal.SIGKILL)
left = beside()
if status != -signal.SIGKILL or len(left) != 1:
    problems.append(f"SIGKILL: status {status}, left {left}, expected the staging folder")
subprocess.run(command, check=True, stderr=subprocess.DEVNULL)
if beside() or digest(output) != reference:
    problems.append(f"after SIGKILL: the next build left {beside()} and its output {'is' if digest(output) == reference else 'is not'} the same")
print(f"interruption: SIGKILL left {left}; the next build cleared it{' and built the same bytes' if digest(output) == reference else ''}")

shutil.rmtree(corpus, ignore_errors=True)
shutil.rmtree(parent, ignore_errors=True)
for problem in problems:
    print("FAIL " + problem)
sys.exit(1 if problems else 0)
