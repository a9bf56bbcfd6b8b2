#!/usr/bin/env bash
# Makes a real CrewAI fixture set, offline, against the stub server.
#   tools/fixture-crew/make_fixture.sh [SPEC.json] [FIXTURE_DIR]
# Defaults: zorblax.json -> Tests/Fixtures/crewai-generated/zorblax (its sources/ must exist).
# Needs a venv with crewai and rich (VENV, default /tmp/crewvenv):
#   python3 -m venv /tmp/crewvenv && /tmp/crewvenv/bin/pip install crewai==1.15.30 rich==14.3.4
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
spec="${1:-$here/zorblax.json}"
out="${2:-$root/Tests/Fixtures/crewai-generated/zorblax}"
venv="${VENV:-/tmp/crewvenv}"
columns="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get("console_columns", 80))' "$spec")"

export CREWAI_DISABLE_TELEMETRY=true CREWAI_DISABLE_TRACKING=true OTEL_SDK_DISABLED=true \
       CREWAI_TRACING_ENABLED=false CREWAI_DISABLE_VERSION_CHECK=true
export COLUMNS="$columns" PYTHONPATH="$here" PYTHONIOENCODING=utf-8
unset OPENAI_API_KEY OPENAI_BASE_URL OPENAI_API_BASE || true
# A fresh HOME keeps CrewAI's user config and storage out of the run.
export HOME="$(mktemp -d)"

mkdir -p "$out"
"$venv/bin/python" "$here/crew_run.py" "$spec" "$out/sources" "$out" >"$out/run_stdout.txt" 2>"$out/run_stderr.txt"
"$venv/bin/pip" freeze >"$out/pip_freeze.txt"
rm -rf "$HOME"
echo "wrote $out:" && ls -l "$out" && du -sh "$out"
