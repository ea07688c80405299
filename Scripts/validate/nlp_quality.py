#!/usr/bin/env python3
"""Quality gates for entity tagging and summaries, scored by the shared evaluation scripts.

Usage: nlp_quality.py BULLETIN_BINARY
- CoNLL-2003 test, PER/ORG/LOC exact spans (ner_score.py --no-misc): F1 >= 0.75.
- CNN/DailyMail: ROUGE-1, ROUGE-2, ROUGE-Lsum each at least lead-3's (0.4137 / 0.1892 / 0.3748).
- XSum: the dek's ROUGE-1 at least lead-1's (0.164).
The evaluation data stays in ../shared; everything derived from it goes to a temporary folder."""
import json, os, subprocess, sys, tempfile

binary = sys.argv[1]
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
shared = os.path.join(os.path.dirname(root), "shared")
failures = []


def run(command, stdin_path=None, stdout_path=None):
    stdin = open(stdin_path, "rb") if stdin_path else None
    stdout = open(stdout_path, "wb") if stdout_path else subprocess.PIPE
    result = subprocess.run(command, stdin=stdin, stdout=stdout, stderr=subprocess.PIPE)
    if result.returncode != 0:
        sys.exit(f"nlp quality: {' '.join(command)} failed:\n{result.stderr.decode(errors='replace')}")
    return result.stdout.decode() if stdout_path is None else ""


with tempfile.TemporaryDirectory() as work:
    gold = os.path.join(shared, "data/conll2003/test.txt")
    sentences = os.path.join(work, "conll-test.jsonl")
    tagged = os.path.join(work, "conll-test.tagged.jsonl")
    score_json = os.path.join(work, "ner.json")
    run([sys.executable, os.path.join(shared, "eval/ner_score.py"), "--gold", gold, "--export-input", sentences])
    run([binary, "tag", "--jsonl"], stdin_path=sentences, stdout_path=tagged)
    output = run([sys.executable, os.path.join(shared, "eval/ner_score.py"), "--gold", gold, "--pred", tagged, "--no-misc", "--json", score_json])
    print("\n".join(line for line in output.splitlines() if line.strip()))
    f1 = json.load(open(score_json))["overall"]["f1"]
    gates = 1
    if f1 < 0.75:
        failures.append(f"CoNLL test PER/ORG/LOC F1 {f1:.3f} < 0.75")

    for name, flag, targets in [("cnndm", [], {"rouge1": 0.4137, "rouge2": 0.1892, "rougeLsum": 0.3748}),
                                ("xsum", ["--dek"], {"rouge1": 0.164})]:
        gold = os.path.join(shared, f"data/summaries/{name}.jsonl")
        predicted = os.path.join(work, f"{name}.jsonl")
        scores = os.path.join(work, f"{name}.json")
        run([binary, "summarize", "--jsonl"] + flag, stdin_path=gold, stdout_path=predicted)
        output = run([sys.executable, os.path.join(shared, "eval/summary_score.py"), "--gold", gold, "--pred", predicted,
                      "--lsum", "--json", scores])
        print(f"== {name}{' (dek)' if flag else ''}")
        print("\n".join(line for line in output.splitlines() if line.strip()))
        result = json.load(open(scores))
        for metric, target in targets.items():
            gates += 1
            value = result[metric]["f1"]
            if value < target:
                failures.append(f"{name} {metric} {value:.4f} < {target}")

for failure in failures:
    print("FAIL", failure)
print(f"nlp quality: {gates - len(failures)} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
