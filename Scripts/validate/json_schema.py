#!/usr/bin/env python3
"""Validates Bulletin's JSON output against the shipped schema with an independent validator.

Usage: json_schema.py SCHEMA JSON_FOLDER
Every *.json in the folder is an issue document; every line of articles.ndjson an article record."""
import json, os, sys
import jsonschema

schema_path, folder = sys.argv[1], sys.argv[2]
schema = json.load(open(schema_path, encoding="utf-8"))
jsonschema.Draft202012Validator.check_schema(schema)
issue_validator = jsonschema.Draft202012Validator(schema)
record_schema = dict(schema)
record_schema["$ref"] = "#/$defs/articleRecord"
record_validator = jsonschema.Draft202012Validator(record_schema)

failures = 0
documents = 0
for name in sorted(os.listdir(folder)):
    path = os.path.join(folder, name)
    if name.endswith(".json"):
        documents += 1
        for error in issue_validator.iter_errors(json.load(open(path, encoding="utf-8"))):
            failures += 1
            print(f"{path}: {error.json_path}: {error.message}")
    elif name.endswith(".ndjson"):
        for number, line in enumerate(open(path, encoding="utf-8"), 1):
            documents += 1
            for error in record_validator.iter_errors(json.loads(line)):
                failures += 1
                print(f"{path}:{number}: {error.json_path}: {error.message}")
print(f"jsonschema: {documents} documents checked, {failures} errors")
sys.exit(1 if failures or documents == 0 else 0)
