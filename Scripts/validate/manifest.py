#!/usr/bin/env python3
"""Checks a build's manifest.json against the files with Python's own SHA-256 (hashlib).

Usage: manifest.py OUTPUT_FOLDER
Every listed file exists with the listed size and digest, and every file of the output but the
manifest itself is listed once."""
import hashlib, json, os, sys

folder = sys.argv[1]
manifest = json.load(open(os.path.join(folder, "manifest.json"), encoding="utf-8"))
problems = []
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
           for directory, _, names in os.walk(folder) for name in names} - {"manifest.json"}
problems += [f"{path}: written but not in the manifest" for path in sorted(on_disk - listed)]
for problem in problems[:20]:
    print(problem)
print(f"manifest: {len(listed)} files, sizes and SHA-256 checked with hashlib, {len(problems)} problems")
sys.exit(1 if problems or not listed else 0)
