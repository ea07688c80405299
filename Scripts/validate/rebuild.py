#!/usr/bin/env python3
"""Checks, through the command line, that a rebuild keeps what did not change and writes what a clean build writes.

Usage: rebuild.py BINARY WORK
Copies Examples/ to WORK/rebuild-sources, builds it into WORK/rebuild (all formats), then:
- builds again: the summary line says every file but the manifest was kept, and the folder holds the
  same bytes as a --clean build into another folder;
- changes one word of one source: fewer files are kept, those of the other issues stay, and the folder
  again holds the same bytes as a clean build of the changed sources;
- adds a source of a new, later issue: fewer files are kept, and the folder holds a clean build's bytes;
- builds with a theme folder that overrides only the site's stylesheet: every file but the site's is kept
  (the books, text, JSON and feeds read no site file), and the folder holds a clean build's bytes;
- changes one setting at a time in a configuration (the title, the text's width, the publisher, the rights,
  the base URL, the entity pages' and feeds' sizes, books per volume): the files
  of the writers that do not read it are kept, all others made again, and the folder holds a clean build's bytes;
- changes a kept file after the build and deletes another: the next build writes both again as they were;
- builds with --clean: nothing is kept."""
import filecmp, json, os, re, shutil, subprocess, sys

binary, work = sys.argv[1], sys.argv[2]
sources, output, clean = (os.path.join(work, name) for name in ("rebuild-sources", "rebuild", "rebuild-clean"))
shutil.rmtree(sources, ignore_errors=True)
shutil.copytree("Examples", sources)
problems = []
theme_args = []
config_args = []


def build(folder, *extra):
    run = subprocess.run([binary, "build", sources, "--output", folder, *theme_args, *config_args, *extra], capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"rebuild: bulletin build failed:\n{run.stderr}")
    summary = next(line for line in (run.stdout + run.stderr).splitlines() if line.startswith("Built "))
    files = int(re.search(r": (\d+) files in ", summary).group(1))
    kept = re.search(r"\((\d+) kept unchanged from the previous build\)", summary)
    return files, int(kept.group(1)) if kept else 0


def tree(folder):
    return sorted(os.path.relpath(os.path.join(d, f), folder) for d, _, fs in os.walk(folder) for f in fs)


def same_as_clean(label):
    shutil.rmtree(clean, ignore_errors=True)
    build(clean, "--clean")
    a, b = tree(output), tree(clean)
    if a != b:
        problems.append(f"{label}: the files differ from a clean build's: {sorted(set(a) ^ set(b))[:5]}")
        return
    differing = [path for path in a if not filecmp.cmp(os.path.join(output, path), os.path.join(clean, path), shallow=False)]
    if differing:
        problems.append(f"{label}: {len(differing)} files differ from a clean build's, e.g. {differing[:3]}")


shutil.rmtree(output, ignore_errors=True)
files, kept = build(output)
if kept:
    problems.append(f"first build: {kept} files kept from no previous build")
files, kept = build(output)
if kept != files - 1:
    problems.append(f"nothing changed: {kept} of {files} files kept, expected {files - 1} (all but the manifest)")
same_as_clean("nothing changed")
unchanged_kept = kept

source = sorted(os.path.join(d, f) for d, _, fs in os.walk(sources) for f in fs if f.endswith(".txt"))[0]
text = open(source, encoding="utf-8").read()
header, body = text.split("\n\n", 1)
open(source, "w", encoding="utf-8").write(header + "\n\n" + body.replace(" the ", " a ", 1))
files, kept = build(output)
if not 0 < kept < unchanged_kept:
    problems.append(f"one source changed ({os.path.relpath(source, sources)}): {kept} of {files} files kept")
same_as_clean("one source changed")
print(f"rebuild: nothing changed, {unchanged_kept} of {files} files kept; one source changed, {kept} kept; both as a clean build")

# A new issue, later than the others, as a bulletin gets every week.
os.makedirs(os.path.join(sources, "later"), exist_ok=True)
open(os.path.join(sources, "later", "v9-i1.txt"), "w", encoding="utf-8").write(
    "Publication: Monitor Volume: 9 Issue: 1\nDate: 2030-01-07\n\n" + body)
files, added_kept = build(output)
if not 0 < added_kept < files - 1:
    problems.append(f"a new issue: {added_kept} of {files} files kept")
same_as_clean("a new issue")

# A theme that changes only the site's stylesheet.
theme = os.path.join(work, "rebuild-theme")
shutil.rmtree(theme, ignore_errors=True)
os.makedirs(os.path.join(theme, "site", "assets"))
stylesheet = open("Themes/default/site/assets/style.css", encoding="utf-8").read()
open(os.path.join(theme, "site", "assets", "style.css"), "w", encoding="utf-8").write(stylesheet + "\n/* rebuild.py */\n")
theme_args = ["--theme", theme]
files, themed_kept = build(output)
manifest = json.load(open(os.path.join(output, "manifest.json"), encoding="utf-8"))
outside_site = sum(1 for entry in manifest["files"] if not entry["path"].startswith("site/"))
if themed_kept != outside_site:
    problems.append(f"the site's stylesheet changed: {themed_kept} files kept, expected the {outside_site} outside site/")
same_as_clean("the site's stylesheet changed")
print(f"rebuild: a new issue added, {added_kept} of {files} files kept; the site's stylesheet changed, "
      f"{themed_kept} kept (every file outside site/); both as a clean build")

# Settings, one at a time: each writer's files are kept unless it reads the setting that changed.
config = os.path.join(work, "rebuild.yml")
config_args = ["--config", config]
settings = ""
for setting, readers in [("title: Rebuilt Bulletin", {"site", "feeds"}), ("text: { width: 60 }", {"text"}),
                         ("publisher: Rebuild Foundation", {"epub", "feeds", "site"}),
                         ("rights: © Rebuild Foundation", {"epub", "feeds", "site"}),
                         ("baseURL: https://example.org/rebuilt/", {"epub", "feeds", "site"}),
                         ("site: { entityPageSize: 1 }", {"site"}), ("feeds: { itemLimit: 2 }", {"feeds"}),
                         ("epub: { perVolume: true }", {"epub"})]:
    settings += setting + "\n"
    open(config, "w", encoding="utf-8").write(settings)
    files, kept = build(output)
    manifest = json.load(open(os.path.join(output, "manifest.json"), encoding="utf-8"))
    unread = sum(1 for entry in manifest["files"] if entry["format"] not in readers)
    if kept != unread:
        problems.append(f"{setting}: {kept} files kept, expected the {unread} of the formats that do not read it")
    same_as_clean(setting)
    print(f"rebuild: {setting}: {kept} of {files} files kept (those of {', '.join(sorted({'epub', 'feeds', 'json', 'site', 'text'} - readers))}); as a clean build")
config_args = []

# An issue's text (same size, one byte changed) and an issue's JSON document (deleted), both kept before.
changed = os.path.join(output, "text", sorted(n for n in os.listdir(os.path.join(output, "text")) if n.endswith(".txt"))[-1])
removed = os.path.join(output, "json", sorted(n for n in os.listdir(os.path.join(output, "json")) if n.endswith(".json"))[-1])
data = bytearray(open(changed, "rb").read())
data[0] = ord("A") if data[0] != ord("A") else ord("B")
open(changed, "wb").write(bytes(data))
os.remove(removed)
build(output)
same_as_clean("a kept file changed and another removed after the build")
files, kept = build(output, "--clean")
if kept:
    problems.append(f"--clean: {kept} files kept")
print(f"rebuild: a file changed and one removed after a build are written again; --clean keeps {kept}")
for problem in problems:
    print(problem)
print(f"rebuild: {len(problems)} problems")
sys.exit(1 if problems else 0)
