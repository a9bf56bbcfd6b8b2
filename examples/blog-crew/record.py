"""Records the demo suite: every case x prompt version x repeat through the crew, as the suite's command runs it.

    python record.py [SUITE] [--out DIR] [--versions prompt-v1,prompt-v2] [--repeats 3] [--case ID]... [--jobs 2]

Defaults: ``suites/demo.yaml`` -> ``suites/recordings/<version>/<case-id>@<n>.json`` (the crew's
stdout: ``CrewOutput.model_dump_json(indent=2)``) and ``<case-id>@<n>.trace.jsonl`` (what the
trace module wrote to ``EVALCREW_TRACE``). Each invocation is the suite's ``crew.command``:
``{name}`` in argv and env filled from the case inputs, ``{case}`` and ``{repeat}``, then ``${VAR}`` in
env from this environment with ``PROMPT_VERSION`` set per version; argv[0], when a relative path,
and ``cwd`` resolved against the suite file's folder; no shell. A version's folder is replaced only
when all of its invocations succeeded (with ``--case``, only those cases' files are replaced).
Needs PyYAML (CrewAI brings it). Exit 0 when every invocation succeeded, 1 otherwise, 2 on usage errors.
"""
from __future__ import annotations

import argparse
import concurrent.futures
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass

import yaml

REPO_ROOT = pathlib.Path(__file__).resolve().parents[2]
TEMPLATE = re.compile(r"(?<!\$)\{([A-Za-z_][A-Za-z0-9_-]*)\}")
ENV_REFERENCE = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")
STDERR_TAIL = 3000


class SuiteError(Exception):
    """The suite cannot be recorded; the message names the file and what to fix."""


@dataclass
class Invocation:
    version: str
    case_id: str
    repeat: int
    argv: list[str]
    cwd: pathlib.Path
    env: dict[str, str]
    timeout: float

    @property
    def stem(self) -> str:
        return f"{self.case_id}@{self.repeat}"


def fill(template: str, values: dict[str, str], where: str) -> str:
    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in values:
            raise SuiteError(f"{where}: unknown template {{{name}}}; known: {', '.join(sorted(values))}")
        return values[name]
    return TEMPLATE.sub(replace, template)


def expand_environment(value: str, environment: dict[str, str]) -> str:
    return ENV_REFERENCE.sub(lambda m: environment.get(m.group(1), ""), value)


def plan(suite_path: pathlib.Path, versions: list[str], repeats: int, only: list[str]) -> list[Invocation]:
    """Every invocation of the suite's command crew, in case, version, repeat order."""
    suite = yaml.safe_load(suite_path.read_text(encoding="utf-8"))
    base = suite_path.parent
    try:
        command = suite["crew"]["command"]
        argv_template = [str(a) for a in command["argv"]]
    except (KeyError, TypeError):
        raise SuiteError(f"{suite_path}: needs crew.command.argv (a list)") from None
    if command.get("output", "stdout") != "stdout":
        raise SuiteError(f"{suite_path}: the recorder reads the crew's stdout; set crew.command.output: stdout")
    cwd = (base / command.get("cwd", ".")).resolve()
    defaults = suite.get("defaults") or {}
    cases = suite.get("cases") or []
    known = [c["id"] for c in cases]
    unknown = [c for c in only if c not in known]
    if unknown:
        raise SuiteError(f"{suite_path}: no case {', '.join(unknown)}; cases: {', '.join(known)}")
    invocations = []
    for case in cases:
        if only and case["id"] not in only:
            continue
        inputs = {str(k): str(v) for k, v in (case.get("inputs") or {}).items()}
        timeout = float(case.get("timeout", defaults.get("timeout", 1800)))
        for version in versions:
            environment = dict(os.environ, PROMPT_VERSION=version)
            for repeat in range(1, repeats + 1):
                values = {**inputs, "case": case["id"], "repeat": str(repeat)}
                where = f"{suite_path} case {case['id']}"
                argv = [fill(a, values, where) for a in argv_template]
                if "/" in argv[0] and not os.path.isabs(argv[0]):
                    # normpath, not resolve(): a venv's python is a symlink, and running it through
                    # the link is what makes it the venv's interpreter.
                    argv[0] = os.path.normpath(base / argv[0])
                env = dict(environment)
                for key, value in (command.get("env") or {}).items():
                    env[str(key)] = expand_environment(fill(str(value), values, where), environment)
                invocations.append(Invocation(version, case["id"], repeat, argv, cwd, env, timeout))
    return invocations


def run(invocation: Invocation, folder: pathlib.Path) -> str | None:
    """Runs one invocation into folder; returns None on success, else what went wrong."""
    output = folder / f"{invocation.stem}.json"
    trace = folder / f"{invocation.stem}.trace.jsonl"
    trace.unlink(missing_ok=True)
    env = dict(invocation.env, EVALCREW_TRACE=str(trace))
    started = time.monotonic()
    try:
        done = subprocess.run(invocation.argv, cwd=invocation.cwd, env=env, stdin=subprocess.DEVNULL,
                              capture_output=True, timeout=invocation.timeout)
    except subprocess.TimeoutExpired:
        return f"timed out after {invocation.timeout:g} s"
    except OSError as error:
        return f"cannot start {invocation.argv[0]}: {error} (run `make crew-env` first?)"
    took = time.monotonic() - started
    if done.returncode != 0:
        tail = done.stderr.decode("utf-8", "replace")[-STDERR_TAIL:]
        return f"exit code {done.returncode}; stderr ends:\n{tail}"
    if not done.stdout.strip():
        return "the crew printed nothing on stdout"
    if not trace.is_file():
        return f"the crew wrote no trace to {trace} (does it call evalcrew_trace.install()?)"
    output.write_bytes(done.stdout)
    print(f"  {invocation.version}/{invocation.stem}.json  {len(done.stdout):,} bytes, "
          f"{sum(1 for _ in trace.open()):d} trace lines, {took:.1f} s", flush=True)
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("suite", nargs="?", default=str(REPO_ROOT / "suites" / "demo.yaml"))
    parser.add_argument("--out", default=None, help="recordings folder (default: recordings/ beside the suite)")
    parser.add_argument("--versions", default="prompt-v1,prompt-v2")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--case", action="append", default=[], help="record only this case (repeatable)")
    parser.add_argument("--jobs", type=int, default=2, help="crews run at once (default 2)")
    args = parser.parse_args(argv)
    suite_path = pathlib.Path(args.suite).resolve()
    out = pathlib.Path(args.out).resolve() if args.out else suite_path.parent / "recordings"
    versions = [v for v in args.versions.split(",") if v]
    if args.repeats < 1 or args.jobs < 1 or not versions:
        parser.error("--repeats and --jobs must be 1 or more, --versions not empty")
    try:
        invocations = plan(suite_path, versions, args.repeats, args.case)
    except (SuiteError, OSError, yaml.YAMLError) as error:
        print(f"record: {error}", file=sys.stderr)
        return 2

    out.mkdir(parents=True, exist_ok=True)
    staging = {v: pathlib.Path(tempfile.mkdtemp(prefix=f".{v}-", dir=out)) for v in versions}
    print(f"recording {len(invocations)} crew runs of {suite_path.name} into {out}/ ({args.jobs} at a time)")
    failures: list[str] = []
    try:
        with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
            futures = {pool.submit(run, i, staging[i.version]): i for i in invocations}
            for future in concurrent.futures.as_completed(futures):
                invocation = futures[future]
                problem = future.result()
                if problem:
                    failures.append(f"{invocation.version}/{invocation.stem}: {problem}")
                    print(f"  FAILED {invocation.version}/{invocation.stem}: {problem}", file=sys.stderr, flush=True)
        if failures:
            print(f"record: {len(failures)} of {len(invocations)} runs failed; {out}/ left as it was", file=sys.stderr)
            return 1
        for version, folder in staging.items():
            final = out / version
            if args.case:
                final.mkdir(exist_ok=True)
                for file in folder.iterdir():
                    file.replace(final / file.name)
            else:
                shutil.rmtree(final, ignore_errors=True)
                folder.rename(final)
        print(f"recorded {len(invocations)} runs into {out}/")
        return 0
    finally:
        for folder in staging.values():
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
