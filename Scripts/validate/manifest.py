#!/usr/bin/env python3
"""Checks a build's manifest.json against the files with Python's own SHA-256 (hashlib).

Usage: manifest.py OUTPUT_FOLDER
The manifest's bytes are json.dumps(manifest, indent=2, sort_keys=True, ensure_ascii=False) and a line feed:
the style of every indented JSON document Bulletin writes ("key": value). Every listed file exists with the listed size and digest, and every file of the output but the
manifest itself, .bulletin-record, .bulletin-mentions and .bulletin-summaries is listed once. Every file the record names for the next build
(to keep it when its issue is unchanged) is listed in the manifest with the same format, issue, size
and digest, every file with a key of its own (a feed document) is one of the archive-wide files it names, and every
part it records (an issue's lines of articles.ndjson) lies inside such a file."""
import hashlib, json, os, sys

folder = sys.argv[1]
manifest_bytes = open(os.path.join(folder, "manifest.json"), "rb").read()
manifest = json.loads(manifest_bytes.decode("utf-8"))
problems = []
# The one style of Bulletin's indented JSON: sorted keys, two spaces, "key": value, [] when empty, a final line feed.
canonical = (json.dumps(manifest, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")
if manifest_bytes != canonical:
    line = next((n for n, (a, b) in enumerate(zip(manifest_bytes.split(b"\n"), canonical.split(b"\n")), 1) if a != b), None)
    problems.append(f"manifest.json: not in Bulletin's JSON style (Python's json.dumps indent=2, sort_keys), first at line {line}")
listed = set()
for entry in manifest["files"]:
    path = os.path.join(folder, entry["path"])
    if entry["path"] in listed:
        problems.append(f"{entry['path']}: listed twice")
    listed.add(entry["path"])
    try:
        data = open(path, "rb").read()
    except OSError as error:
        problems.append(f"{entry['path']}: {error.strerror}")
        continue
    if len(data) != entry["bytes"]:
        problems.append(f"{entry['path']}: {len(data)} bytes, manifest says {entry['bytes']}")
    if hashlib.sha256(data).hexdigest() != entry["sha256"]:
        problems.append(f"{entry['path']}: SHA-256 differs from the manifest's")
on_disk = {os.path.relpath(os.path.join(directory, name), folder)
           for directory, _, names in os.walk(folder) for name in names} - {"manifest.json", ".bulletin-record", ".bulletin-mentions", ".bulletin-summaries"}
problems += [f"{path}: written but not in the manifest" for path in sorted(on_disk - listed)]
by_path = {entry["path"]: entry for entry in manifest["files"]}
recorded = 0
record_path = os.path.join(folder, ".bulletin-record")
lines = open(record_path, encoding="utf-8").read().split("\n") if os.path.exists(record_path) else []
if not lines or lines[0] != "bulletin-record\t1" or lines[-1] != "":
    problems.append(".bulletin-record: missing or not a record")
file_keys = []
parts = []
archive_wide = {}
for line in lines[1:-1]:
    fields = line.split("\t")
    if fields[0] == "key" and len(fields) == 4:
        continue
    if fields[0] == "filekey" and len(fields) == 3:
        file_keys.append(fields[1:])
        continue
    if fields[0] == "part" and len(fields) == 5:
        parts.append(fields[1:])
        continue
    if fields[0] != "file" or len(fields) != 6:
        problems.append(f".bulletin-record: a line out of place: {line[:80]}")
        continue
    recorded += 1
    _, format_, issue, size, digest, path = fields
    if issue == "":
        archive_wide[path] = int(size)
    entry = by_path.get(path)
    if entry is None or (entry["format"], entry.get("issue") or "", entry["bytes"], entry["sha256"]) != (format_, issue, int(size), digest):
        problems.append(f".bulletin-record: {path} is not as the manifest lists it")
for path, key in file_keys:
    if path not in archive_wide or len(key) != 64 or any(c not in "0123456789abcdef" for c in key):
        problems.append(f".bulletin-record: the key of {path} names no archive-wide file of the record, or is no SHA-256")
for path, key, offset, count in parts:
    if path not in archive_wide or len(key) != 64 or not (offset.isdigit() and count.isdigit()) \
            or int(offset) + int(count) > archive_wide[path]:
        problems.append(f".bulletin-record: a part of {path} lies outside any archive-wide file of the record")
for problem in problems[:20]:
    print(problem)
print(f"manifest: {'in' if manifest_bytes == canonical else 'NOT in'} Bulletin's JSON style; {len(listed)} files, sizes and SHA-256 checked with hashlib; the record for the next build names {recorded} files, each checked against it, {len(file_keys)} with keys of their own, {len(parts)} parts of files; {len(problems)} problems")
sys.exit(1 if problems or not listed else 0)
