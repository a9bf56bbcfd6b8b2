"""Scores the demo recordings with evalcrew and checks them against the planted defects (ground_truth.yaml).

    python check_recordings.py [--evalcrew .build/debug/evalcrew] [--suite suites/demo.yaml] [--recordings DIR]

Each ``<case>@<n>.json`` under ``<recordings>/<version>/`` is scored as the suite would score it:
``evalcrew score REC --trace REC.trace.jsonl --sources <defaults + case sources> --topic T
--target-words W --target-minutes M --format json``. Its errors and warnings must be exactly the
ground truth's (kinds and their distinct matches); info findings are not checked. Prints one line
per recording and exits 1 on any difference, 2 on usage errors.
"""
from __future__ import annotations

import argparse
import json
import pathlib
import re
import subprocess
import sys

import yaml

HERE = pathlib.Path(__file__).resolve().parent
REPO_ROOT = HERE.parents[1]
RECORDING = re.compile(r"^(?P<case>.+)@(?P<repeat>\d+)\.json$")


def findings(evalcrew: str, recording: pathlib.Path, suite: dict, suite_dir: pathlib.Path, case: dict) -> tuple[dict, dict]:
    """(kind -> distinct matches of its errors and warnings, a few headline metrics) for one recording."""
    defaults = suite.get("defaults") or {}
    sources = [str(suite_dir / s) for s in (defaults.get("sources") or []) + (case.get("sources") or [])]
    args = [evalcrew, "score", str(recording), "--trace", str(recording.with_suffix(".trace.jsonl")),
            "--topic", str(case["inputs"]["topic"]), "--format", "json", "--sources", *sources]
    if "words" in defaults:
        args += ["--target-words", str(defaults["words"])]
    if "minutes" in defaults:
        args += ["--target-minutes", str(defaults["minutes"])]
    done = subprocess.run(args, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"evalcrew score {recording} exited {done.returncode}: {done.stderr.strip()}")
    report = json.loads(done.stdout)
    seen: dict[str, set[str]] = {}
    for finding in report["findings"]:
        if finding["severity"] in ("error", "warning"):
            seen.setdefault(finding["kind"], set()).add(finding.get("match") or "")
    metrics = {m["name"]: m["value"] for s in report["scorers"] for m in s.get("metrics", [])}
    return {k: sorted(v) for k, v in seen.items()}, metrics


def differences(expected: dict, seen: dict) -> list[str]:
    problems = []
    for kind in sorted(set(expected) | set(seen)):
        if kind not in seen:
            problems.append(f"missing {kind} {expected[kind] or ''}".rstrip())
        elif kind not in expected:
            problems.append(f"unexpected {kind} {seen[kind]}")
        elif expected[kind] and sorted(expected[kind]) != seen[kind]:
            problems.append(f"{kind}: expected {sorted(expected[kind])}, seen {seen[kind]}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--evalcrew", default=str(REPO_ROOT / ".build" / "debug" / "evalcrew"))
    parser.add_argument("--suite", default=str(REPO_ROOT / "suites" / "demo.yaml"))
    parser.add_argument("--recordings", default=None, help="default: recordings/ beside the suite")
    parser.add_argument("--ground-truth", default=str(HERE / "ground_truth.yaml"))
    args = parser.parse_args(argv)
    suite_path = pathlib.Path(args.suite).resolve()
    suite = yaml.safe_load(suite_path.read_text(encoding="utf-8"))
    cases = {c["id"]: c for c in suite["cases"]}
    truth = yaml.safe_load(pathlib.Path(args.ground_truth).read_text(encoding="utf-8"))
    recordings = pathlib.Path(args.recordings) if args.recordings else suite_path.parent / "recordings"
    if not pathlib.Path(args.evalcrew).is_file():
        print(f"check: no evalcrew binary at {args.evalcrew}; run `swift build` first", file=sys.stderr)
        return 2

    checked, failed = 0, 0
    for case_id, versions in truth.items():
        for version, expected in versions.items():
            files = sorted((recordings / version).glob(f"{case_id}@*.json"),
                           key=lambda p: int(RECORDING.match(p.name)["repeat"]))
            if not files:
                print(f"MISSING  {version}/{case_id}@*.json: no recordings")
                failed += 1
                continue
            for recording in files:
                seen, metrics = findings(args.evalcrew, recording, suite, suite_path.parent, cases[case_id])
                problems = differences(expected or {}, seen)
                checked += 1
                failed += bool(problems)
                summary = ", ".join(f"{k}×{len(v)}" for k, v in seen.items()) or "no errors or warnings"
                print(f"{'ok' if not problems else 'DIFFERS':8} {version}/{recording.name:28} "
                      f"{int(metrics.get('length.words', 0)):5d} words  {summary}")
                for problem in problems:
                    print(f"           {problem}")
    print(f"{checked} recordings checked, {failed} differ from {pathlib.Path(args.ground_truth).name}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
