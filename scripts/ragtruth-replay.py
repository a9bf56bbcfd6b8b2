#!/usr/bin/env python3
"""Replay grounding findings precomputed by the Swift harness as an `evalcrew score` stand-in.

The RAGTruth benchmark's eval.py runs `BIN score items/<id>/response.md --sources … --format json`.
Until the CLI is wired, run the harness test (EVALCREW_RAGTRUTH=1, see
Tests/EvalCrewTests/Grounding/GroundingRAGTruthHarness.swift), then

    python3 eval.py /work/main/scripts/ragtruth-replay.py

This script prints {"findings": [...]} for the item named on its command line, read from
$EVALCREW_RAGTRUTH_OUT (default /tmp/ragtruth-grounding.jsonl).
"""
import json
import os
import sys

path = os.environ.get("EVALCREW_RAGTRUTH_OUT", "/tmp/ragtruth-grounding.jsonl")
item = sys.argv[2].split("/")[1]
for line in open(path, encoding="utf-8"):
    row = json.loads(line)
    if row["id"] == item:
        print(json.dumps({"findings": row["findings"]}))
        break
else:
    print(json.dumps({"findings": []}))
