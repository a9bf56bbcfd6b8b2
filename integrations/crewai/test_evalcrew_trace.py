"""Tests of evalcrew_trace on real CrewAI kickoffs against a stub chat-completions server on 127.0.0.1.

    .build/crew-venv/bin/python integrations/crewai/test_evalcrew_trace.py      (from the repository root)

Needs crewai (1.15.30) in the interpreter running it; the crew is trace_test_crew.py, its model the
example crew's stub server.
"""
from __future__ import annotations

import contextlib
import io
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import unittest

HERE = pathlib.Path(__file__).resolve().parent
REPO_ROOT = HERE.parents[1]
FIXTURE_TRACE = REPO_ROOT / "Tests" / "Fixtures" / "crewai-1.15.30" / "native" / "tool_events.jsonl"
OFFLINE = {"CREWAI_DISABLE_TELEMETRY": "true", "CREWAI_DISABLE_TRACKING": "true", "OTEL_SDK_DISABLED": "true",
           "CREWAI_TRACING_ENABLED": "false", "CREWAI_DISABLE_VERSION_CHECK": "true"}

sys.path[:0] = [str(HERE), str(REPO_ROOT / "examples" / "blog-crew")]


def read_trace(path: pathlib.Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


class TraceOfARealKickoff(unittest.TestCase):
    """In-process: install(), a kickoff, and the file it leaves."""

    @classmethod
    def setUpClass(cls):
        for key, value in OFFLINE.items():
            os.environ.setdefault(key, value)
        cls.home = tempfile.TemporaryDirectory(prefix="trace-test-home-")
        os.environ["HOME"] = cls.home.name
        import evalcrew_trace
        import trace_test_crew
        cls.kickoff = staticmethod(trace_test_crew.kickoff)
        cls.chunks_for = staticmethod(trace_test_crew.chunks_for)
        cls.trace = evalcrew_trace

    @classmethod
    def tearDownClass(cls):
        os.environ.pop("EVALCREW_TRACE", None)
        cls.trace.install()  # stop recording for whatever runs next in this process
        cls.home.cleanup()

    def setUp(self):
        self.folder = tempfile.TemporaryDirectory(prefix="trace-test-")
        self.addCleanup(self.folder.cleanup)

    def record(self, path: str | None, queries: list[str]) -> str:
        """Kicks the crew off with EVALCREW_TRACE = path (unset when None); returns what went to stderr."""
        if path is None:
            os.environ.pop("EVALCREW_TRACE", None)
        else:
            os.environ["EVALCREW_TRACE"] = path
        stderr = io.StringIO()
        with contextlib.redirect_stderr(stderr):
            self.trace.install()
            result = self.kickoff(queries)
            self.assertTrue(self.trace.flush())
        self.assertEqual(result.raw, "All done.")
        return stderr.getvalue()

    def test_every_tool_call_is_recorded_in_the_fixture_shape(self):
        path = pathlib.Path(self.folder.name) / "case@1.trace.jsonl"
        queries = ["hnsw memory", "ivf nprobe recall", "pq compression"]
        self.record(str(path), queries)

        events = read_trace(path)
        self.assertEqual([e["event"] for e in events], ["tool_usage_started", "tool_usage_finished"] * len(queries))
        fixture = read_trace(FIXTURE_TRACE)
        self.assertEqual(list(events[0]), list(fixture[0]), "started events keep the fixture's keys, in order")
        self.assertEqual(list(events[1]), list(fixture[1]), "finished events keep the fixture's keys, in order")
        for query, (start, finish) in zip(queries, zip(events[::2], events[1::2])):
            self.assertEqual(finish["started_event_id"], start["event_id"])
            self.assertEqual(start["tool_name"], "lookup_tool")
            self.assertEqual(start["tool_args"], {"query": query})
            self.assertEqual(finish["output"], self.chunks_for(query))
            self.assertEqual(start["task_name"], "lookup_task")
            self.assertEqual(start["agent_role"], "Trace Tester")
            self.assertIsNone(finish["failure"])
            self.assertLess(start["emission_sequence"], finish["emission_sequence"])

    def test_a_relative_path_is_resolved_when_installed(self):
        previous = os.getcwd()
        os.chdir(self.folder.name)
        try:
            self.record("relative.trace.jsonl", ["hnsw"])
        finally:
            os.chdir(previous)
        self.assertEqual(len(read_trace(pathlib.Path(self.folder.name) / "relative.trace.jsonl")), 2)

    def test_nothing_is_written_when_the_variable_is_unset(self):
        self.record(str(pathlib.Path(self.folder.name) / "first.jsonl"), ["hnsw"])
        self.record(None, ["ivf"])
        self.assertIsNone(self.trace.trace_path())
        self.assertEqual(sorted(os.listdir(self.folder.name)), ["first.jsonl"])
        self.assertEqual(len(read_trace(pathlib.Path(self.folder.name) / "first.jsonl")), 2)

    def test_an_unwritable_trace_warns_and_the_crew_still_finishes(self):
        unwritable = pathlib.Path(self.folder.name) / "no-such-folder" / "trace.jsonl"
        stderr = self.record(str(unwritable), ["hnsw", "ivf"])
        self.assertFalse(unwritable.exists())
        self.assertEqual(stderr.count("evalcrew_trace: cannot write the trace"), 1, stderr)
        self.assertIn(str(unwritable), stderr)


class TraceOfACrewProcess(unittest.TestCase):
    """A crew process that exits right after kickoff, without calling flush: nothing may be lost."""

    def test_events_are_complete_when_the_process_exits(self):
        with tempfile.TemporaryDirectory(prefix="trace-test-") as folder:
            path = pathlib.Path(folder) / "trace.jsonl"
            queries = [f"query {n}" for n in range(1, 7)]
            program = ("import evalcrew_trace, trace_test_crew\n"
                       "evalcrew_trace.install()\n"
                       f"print(trace_test_crew.kickoff({queries!r}).raw)\n")
            env = dict(os.environ, **OFFLINE, HOME=folder, EVALCREW_TRACE=str(path),
                       PYTHONPATH=os.pathsep.join([str(HERE), str(REPO_ROOT / "examples" / "blog-crew")]))
            done = subprocess.run([sys.executable, "-c", program], env=env, capture_output=True, text=True, timeout=120)
            self.assertEqual(done.returncode, 0, done.stderr[-3000:])
            self.assertEqual(done.stdout.strip(), "All done.")
            events = read_trace(path)
            self.assertEqual(len(events), 2 * len(queries))
            starts = {e["event_id"]: e for e in events if e["event"] == "tool_usage_started"}
            finishes = [e for e in events if e["event"] == "tool_usage_finished"]
            self.assertEqual(sorted(starts[f["started_event_id"]]["tool_args"]["query"] for f in finishes),
                             sorted(queries))


if __name__ == "__main__":
    unittest.main(verbosity=2)
