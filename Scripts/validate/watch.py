#!/usr/bin/env python3
"""Checks `bulletin build --watch` through the command line, as an editor uses it.

Usage: watch.py BINARY WORK
Copies Examples/ to WORK/watch/sources beside a bulletin.yml naming them, starts `bulletin build --config
WORK/watch/bulletin.yml --watch`, and after its first build:
- edits a word of one source: the next build puts the word in that article's text and keeps other files;
- adds a source of a new issue: the next build has one issue more;
- adds a source with no header: the build reports it at its file, line and column and leaves the output;
  deleting it builds again;
- changes the configuration's title: the site's home page shows it; breaks the configuration's YAML: the
  problem is reported at its line and column; mends it: a build follows;
- adds a link to a source beside an edit of it: the source is read once (no "repeats" warning, as many
  articles as before), and the link is no change;
- names in each Changed line the one file that step changed, and no other;
- sends SIGINT (Ctrl-C): the watch ends by it, and nothing but the output is left beside the output."""
import json, os, shutil, signal, subprocess, sys, time

binary, work = sys.argv[1], sys.argv[2]
root = os.path.join(work, "watch")
shutil.rmtree(root, ignore_errors=True)
sources, output, config = os.path.join(root, "sources"), os.path.join(root, "out"), os.path.join(root, "bulletin.yml")
shutil.copytree("Examples", sources)
config_text = "title: Watch Bulletin\nbaseURL: https://example.org/\nsources: [sources]\noutput: out\n"
open(config, "w", encoding="utf-8").write(config_text)
log_path = os.path.join(root, "watch.log")
log = open(log_path, "w")
process = subprocess.Popen([binary, "build", "--config", config, "--watch"], stdout=log, stderr=subprocess.STDOUT,
                           preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
problems = []


def transcript():
    return open(log_path, encoding="utf-8", errors="replace").read()


def wait_for(count, marker, what):
    """Waits until the transcript holds `marker` at least `count` times."""
    deadline = time.monotonic() + 120
    while transcript().count(marker) < count:
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            sys.exit(f"watch: {what}: no {marker!r} number {count} in time; the transcript:\n{transcript()}")
        time.sleep(0.05)


def issues():
    return len(json.load(open(os.path.join(output, "manifest.json"), encoding="utf-8"))["issues"])


def write(path, text):
    # Written whole to a new file and moved over the old, as editors save.
    open(path + ".new", "w", encoding="utf-8").write(text)
    os.replace(path + ".new", path)


wait_for(1, "Watching ", "the first build")
first_issues = issues()

source = sorted(os.path.join(d, f) for d, _, fs in os.walk(sources) for f in fs if f.endswith(".txt"))[0]
text = open(source, encoding="utf-8").read()
header, body = text.split("\n\n", 1)
write(source, header + "\n\n" + body.replace(" the ", " the Zanzibarian ", 1))
wait_for(2, "Built ", "an edited source")
built = [line for line in transcript().splitlines() if line.startswith("Built ")]
texts = [os.path.join(d, f) for d, _, fs in os.walk(os.path.join(output, "text")) for f in fs]
if not any("Zanzibarian" in open(path, encoding="utf-8").read() for path in texts):
    problems.append("an edited source: its new word is in no text file")
if "kept unchanged" not in built[-1]:
    problems.append(f"an edited source: nothing was kept: {built[-1]}")

write(os.path.join(sources, "later.txt"), "Publication: Monitor Volume: 9 Issue: 1\nDate: 2030-01-07\n\n" + body)
wait_for(3, "Built ", "a source of a new issue")
if issues() != first_issues + 1:
    problems.append(f"a new issue: {issues()} issues, expected {first_issues + 1}")

bad = os.path.join(sources, "bad.txt")
write(bad, "no header here\n\nSome text.\n")
wait_for(1, "bad.txt:1:1: error:", "a source with no header")
if issues() != first_issues + 1:
    problems.append("a source with no header: the output changed")
os.remove(bad)
wait_for(4, "Built ", "the bad source deleted")

write(config, config_text.replace("Watch Bulletin", "Watched Bulletin"))
wait_for(5, "Built ", "a new title in the configuration")
if "Watched Bulletin" not in open(os.path.join(output, "site", "index.html"), encoding="utf-8").read():
    problems.append("a new title: the home page does not show it")
write(config, config_text + "formats: [epub\n")
wait_for(1, "error: the configuration is not valid YAML", "a configuration that is not YAML")
if not any(line.startswith(config + ":") and "error: the configuration is not valid YAML" in line for line in transcript().splitlines()):
    problems.append("a configuration that is not YAML: the error names no line and column of bulletin.yml")
write(config, config_text)
wait_for(6, "Built ", "the configuration mended")

# A link to a source is the source: read once, by its own path. Made with an edit, so that a build follows.
before = len(transcript())
os.symlink(source, os.path.join(sources, "again.txt"))
write(source, open(source, encoding="utf-8").read().replace("Zanzibarian", "Zanzibari", 1))
wait_for(7, "Built ", "a link to a source")
built = [line for line in transcript().splitlines() if line.startswith("Built ")]
if built[-1].split(" as ")[0] != built[-2].split(" as ")[0]:
    problems.append(f"a link to a source: {built[-1]}, after {built[-2]}")
if "repeats" in transcript()[before:]:
    problems.append("a link to a source: it was read as a copy of the source")

process.send_signal(signal.SIGINT)
status = process.wait(timeout=60)
if status != -signal.SIGINT:
    problems.append(f"SIGINT: the watch ended with status {status}")
left = sorted(name for name in os.listdir(root) if name.startswith(".out."))
if left:
    problems.append(f"SIGINT: left beside the output: {left}")
changes = [line for line in transcript().splitlines() if line.startswith("Changed: ")]
# Each step changed one file, and its Changed line names that file alone: breaking the configuration and
# mending it used to name every file of the project as well.
expected = ["Changed: " + path for path in (source, os.path.join(sources, "later.txt"), bad, bad, config, config, config, source)]
if changes != expected:
    problems.append(f"Changed lines: {changes}, expected {expected}")
print(f"watch: {transcript().count('Built ')} builds for {len(changes)} changes (an edit, a new issue, a bad source added "
      f"and deleted, a new title, broken and mended YAML, a link to a source); the bad source and the broken YAML reported at their lines; "
      f"ended by SIGINT ({status}), nothing left beside the output")
log.close()
shutil.rmtree(root, ignore_errors=True)
for problem in problems:
    print("FAIL " + problem)
sys.exit(1 if problems else 0)
