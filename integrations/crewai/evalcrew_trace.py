"""Records a CrewAI crew's tool calls for evalcrew: what each tool was asked and what it returned.

Add one line to the crew's entry point, before ``kickoff``::

    import evalcrew_trace; evalcrew_trace.install()

When the environment variable ``EVALCREW_TRACE`` names a file (evalcrew's command adapter sets it
for every case and repeat), every ``ToolUsageStartedEvent`` / ``ToolUsageFinishedEvent`` of
CrewAI's event bus is appended to it as one JSON object per line, in the shape of
``Tests/Fixtures/crewai-1.15.30/native/tool_events.jsonl``: the tool's name and arguments (the
RAG tool's query) and, on the finished event, the chunks it returned as ``output``, paired with
its start by ``started_event_id``. Tool errors and agent-knowledge retrievals are recorded too.
``evalcrew score --trace FILE`` reads the file as the run's retrievals. With ``EVALCREW_TRACE``
unset, ``install()`` does nothing.

No event is lost: CrewAI runs handlers on a thread pool, so the module also flushes the event bus
when the process exits (CrewAI itself flushes before ``CrewKickoffCompletedEvent``); call
``evalcrew_trace.flush()`` yourself after a kickoff to read the file in the same process. Each
line is written with one ``write`` on a file opened for appending and flushed at once, so a crew
killed mid-run leaves whole lines. Writing never breaks the crew: a failure is reported once on
stderr and recording stops.

Standard library only, apart from CrewAI itself; tested with crewai 1.15.30.
"""
from __future__ import annotations

import atexit
import json
import os
import sys
import threading
from typing import Any

__all__ = ["install", "flush", "trace_path"]

TRACE_ENV = "EVALCREW_TRACE"

# A finished event whose start has not been written yet waits this long for it (handlers of one
# event bus run concurrently, so the finish can overtake its start); then it is written anyway.
_START_WAIT_SECONDS = 2.0

_install_lock = threading.Lock()
_recorder: "_TraceRecorder | None" = None


def install() -> str | None:
    """Starts recording tool calls into the file named by ``EVALCREW_TRACE``; returns its absolute path.

    Returns None and records nothing when the variable is unset or empty. Calling it again is
    harmless: handlers are registered once, and a changed ``EVALCREW_TRACE`` takes effect.
    The path is resolved against the working directory at the time of the call, so a crew that
    changes directory later still writes where evalcrew expects.
    """
    global _recorder
    raw = os.environ.get(TRACE_ENV, "")
    path = os.path.abspath(raw) if raw else None
    with _install_lock:
        if _recorder is None:
            if path is None:
                return None
            _recorder = _TraceRecorder(path)
            _recorder.register()
            atexit.register(flush)
        else:
            _recorder.retarget(path)
    return path


def trace_path() -> str | None:
    """The file being written, or None when nothing is recorded."""
    recorder = _recorder
    return recorder.path if recorder is not None else None


def flush(timeout: float = 30.0) -> bool:
    """Waits until CrewAI's event handlers have run, so every event so far is in the file.

    Returns False when handlers were still running after ``timeout`` seconds (reported on stderr).
    """
    if _recorder is None:
        return True
    try:
        from crewai.events import crewai_event_bus

        done = crewai_event_bus.flush(timeout=timeout)
    except Exception as error:  # never let tracing break the crew
        _warn(f"could not flush CrewAI's event bus: {error}")
        return False
    if not done:
        _warn(f"CrewAI's event handlers were still running after {timeout:g} s; the trace may lack events")
    return done


def _warn(message: str) -> None:
    try:
        print(f"evalcrew_trace: {message}", file=sys.stderr, flush=True)
    except Exception:
        pass


def _iso(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def _plain(value: Any) -> Any:
    """The value itself when JSON can hold it, else its text (a tool may return any object)."""
    try:
        json.dumps(value)
        return value
    except (TypeError, ValueError):
        return str(value)


class _TraceRecorder:
    """Owns the trace file: serialises writes from CrewAI's handler threads and orders each start before its finish."""

    def __init__(self, path: str | None) -> None:
        self.path = path
        self._lock = threading.Condition()
        self._written_starts: set[str] = set()
        self._failed = False

    def retarget(self, path: str | None) -> None:
        with self._lock:
            self.path = path
            self._failed = False
            self._written_starts.clear()

    def register(self) -> None:
        from crewai.events import (
            KnowledgeRetrievalCompletedEvent,
            ToolUsageErrorEvent,
            ToolUsageFinishedEvent,
            ToolUsageStartedEvent,
            crewai_event_bus,
        )

        recorder = self

        # Plain functions on the bus (not a BaseEventListener subclass): nothing else to keep alive.
        @crewai_event_bus.on(ToolUsageStartedEvent)
        def tool_started(source: Any, event: Any) -> None:
            recorder.record_start(event)

        @crewai_event_bus.on(ToolUsageFinishedEvent)
        def tool_finished(source: Any, event: Any) -> None:
            recorder.record_end(event, {
                "event": "tool_usage_finished",
                **recorder.common(event),
                "started_event_id": event.started_event_id,
                "agent_role": event.agent_role,
                "task_name": event.task_name,
                "tool_name": event.tool_name,
                "tool_args": _plain(event.tool_args),
                "started_at": _iso(event.started_at),
                "finished_at": _iso(event.finished_at),
                "from_cache": event.from_cache,
                "output": _plain(event.output),
                "failure": event.failure.model_dump(mode="json") if event.failure is not None else None,
            })

        @crewai_event_bus.on(ToolUsageErrorEvent)
        def tool_error(source: Any, event: Any) -> None:
            recorder.record_end(event, {
                "event": "tool_usage_error",
                **recorder.common(event),
                "started_event_id": event.started_event_id,
                "agent_role": event.agent_role,
                "task_name": event.task_name,
                "tool_name": event.tool_name,
                "tool_args": _plain(event.tool_args),
                "error": str(event.error),
            })

        @crewai_event_bus.on(KnowledgeRetrievalCompletedEvent)
        def knowledge_retrieved(source: Any, event: Any) -> None:
            recorder.write({
                "event": "knowledge_retrieval_completed",
                **recorder.common(event),
                "agent_role": event.agent_role,
                "task_name": event.task_name,
                "query": event.query,
                "retrieved_knowledge": _plain(event.retrieved_knowledge),
            })

    @staticmethod
    def common(event: Any) -> dict[str, Any]:
        return {"timestamp": _iso(event.timestamp), "emission_sequence": event.emission_sequence,
                "event_id": event.event_id}

    def record_start(self, event: Any) -> None:
        record = {
            "event": "tool_usage_started",
            **self.common(event),
            "agent_role": event.agent_role,
            "task_name": event.task_name,
            "tool_name": event.tool_name,
            "tool_class": event.tool_class,
            "tool_args": _plain(event.tool_args),
            "run_attempts": event.run_attempts,
        }
        with self._lock:
            self._write_locked(record)
            self._written_starts.add(event.event_id)
            self._lock.notify_all()

    def record_end(self, event: Any, record: dict[str, Any]) -> None:
        start = event.started_event_id
        with self._lock:
            if start is not None:
                self._lock.wait_for(lambda: start in self._written_starts, timeout=_START_WAIT_SECONDS)
            self._write_locked(record)

    def write(self, record: dict[str, Any]) -> None:
        with self._lock:
            self._write_locked(record)

    def _write_locked(self, record: dict[str, Any]) -> None:
        if self.path is None or self._failed:
            return
        try:
            line = json.dumps(record, ensure_ascii=False) + "\n"
            # One write per line on an append-mode file: lines from a crew killed mid-run stay whole.
            with open(self.path, "a", encoding="utf-8") as file:
                file.write(line)
                file.flush()
        except Exception as error:  # never let tracing break the crew
            self._failed = True
            _warn(f"cannot write the trace to {self.path} ({error}); no further tool calls are recorded. "
                  f"Check that {TRACE_ENV} names a writable file.")
