#!/usr/bin/env python3
"""A stand-in for a deployed CrewAI crew's kickoff API, for evalcrew's HTTP adapter tests.

Binds 127.0.0.1 on a free port and prints the port as its first line on stdout. Exits when its
stdin closes (the test that started it ended) or after --max-lifetime seconds, whichever comes
first, so it never outlives the test.

The path segment before `kickoff`/`status` picks the scenario: `POST [/<prefix>]/<scenario>/kickoff`,
`GET [/<prefix>]/<scenario>/status/<id>`. Counters are kept per base path (prefix and scenario), so
tests that share one server give each test its own prefix and never see each other's state.
`GET /_requests` returns every request received so far (method, path, authorization, body, time).

Scenarios:
  ok              one `running` status, then `completed` with result.output and result.tasks
  state           the other shape: PENDING, STARTED, then SUCCESS with the post as the `result` string
  auth            401 unless `Authorization: Bearer s3cret-token-123`
  echo-token      401 whose message repeats the Authorization header it got
  inputs          422 with details.missing_inputs unless `topic` and `audience` are given
  ratelimit       the first kickoff is 429 with `Retry-After: 1`
  ratelimit-date  the same with Retry-After as an HTTP date one second ahead
  ratelimit-long  every kickoff is 429 with `Retry-After: 3600`
  flaky           the first kickoff is 500 and the first status poll 503
  down            every kickoff is 503
  drop            the first kickoff closes the connection without an answer
  html-kickoff    the kickoff answers 200 with HTML
  slow            every status answer takes 1.5 s
  garbage         the status is cut-off JSON
  never           the status stays `running`
  late            `running` until 0.3 s after the kickoff, then completed
  error           `{"status": "error", "error": ...}`
  failure         `{"state": "FAILURE", "result": "<traceback>"}`
"""
import argparse
import email.utils
import json
import os
import sys
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

POST = """# Vector Databases for {topic}

Vector databases store embeddings and rank results by similarity.

## Why it matters for {audience}

Search that understands meaning beats keyword matching for most support questions.

## Next steps

Index a small corpus and measure recall before you scale.
"""

BLUEPRINT = """**Detailed Outline:**

**1. Why it matters (Approx. 150 words)**
- **Key points to cover:** meaning over keywords
"""


class State:
    """Counters per scenario, shared by the handler threads."""

    def __init__(self):
        self.lock = threading.Lock()
        self.counts = {}
        self.inputs = {}
        self.started = {}
        self.requests = []

    def bump(self, key):
        with self.lock:
            self.counts[key] = self.counts.get(key, 0) + 1
            return self.counts[key]


STATE = State()
TOKEN = "s3cret-token-123"
SLOW_SECONDS = 1.5
LATE_SECONDS = 0.3


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):  # quiet: the tests read /_requests instead
        pass

    def handle(self):
        try:
            super().handle()
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up on a slow answer

    # -- helpers ---------------------------------------------------------------------------

    def send_json(self, status, value, headers=None, raw=None):
        body = raw if raw is not None else json.dumps(value).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        for name, content in (headers or {}).items():
            self.send_header(name, content)
        self.end_headers()
        self.wfile.write(body)

    def record(self, body):
        with STATE.lock:
            STATE.requests.append({
                "method": self.command,
                "path": self.path,
                "authorization": self.headers.get("Authorization"),
                "content_type": self.headers.get("Content-Type"),
                "body": body,
                "time": time.time(),
            })

    # -- routes ----------------------------------------------------------------------------

    def do_GET(self):
        self.record(None)
        if self.path == "/_requests":
            with STATE.lock:
                return self.send_json(200, STATE.requests)
        parts = self.path.strip("/").split("/")
        if len(parts) >= 3 and parts[-2] == "status":
            return self.status(parts[-3], parts[-1])
        self.send_json(404, {"error": "not_found", "message": f"no route {self.path}"})

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length).decode("utf-8", "replace")
        self.record(raw)
        parts = self.path.strip("/").split("/")
        if len(parts) >= 2 and parts[-1] == "kickoff":
            try:
                payload = json.loads(raw)
            except ValueError:
                return self.send_json(400, {"error": "bad_request", "message": "body is not JSON"})
            return self.kickoff("/".join(parts[:-1]), parts[-2], payload.get("inputs") or {})
        self.send_json(404, {"error": "not_found", "message": f"no route {self.path}"})

    def kickoff(self, base, scenario, inputs):
        n = STATE.bump(("kickoff", base))
        if scenario == "auth" and self.headers.get("Authorization") != f"Bearer {TOKEN}":
            return self.send_json(401, {"error": "unauthorized", "message": "Invalid or missing bearer token"})
        if scenario == "echo-token":
            return self.send_json(401, {"error": "unauthorized",
                                        "message": f"rejected {self.headers.get('Authorization')}"})
        if scenario == "inputs":
            missing = [name for name in ("topic", "audience") if not inputs.get(name)]
            if missing:
                return self.send_json(422, {"error": "validation_error", "message": "Missing required inputs",
                                            "details": {"missing_inputs": missing}})
        if scenario == "ratelimit" and n == 1:
            return self.send_json(429, {"error": "rate_limited", "message": "Too many requests"},
                                  headers={"Retry-After": "1"})
        if scenario == "ratelimit-date" and n == 1:
            return self.send_json(429, {"error": "rate_limited", "message": "Too many requests"},
                                  headers={"Retry-After": email.utils.formatdate(time.time() + 1, usegmt=True)})
        if scenario == "ratelimit-long":
            return self.send_json(429, {"error": "rate_limited", "message": "Quota exhausted"},
                                  headers={"Retry-After": "3600"})
        if scenario == "flaky" and n == 1:
            return self.send_json(500, {"error": "internal", "message": "worker crashed"})
        if scenario == "down":
            return self.send_json(503, {"error": "unavailable", "message": "crew is scaling up"})
        if scenario == "drop" and n == 1:
            self.close_connection = True
            return  # no answer at all: the client sees the connection close
        if scenario == "html-kickoff":
            return self.send_json(200, None, raw=b"<html><body><h1>Gateway says hi</h1></body></html>")
        kickoff_id = str(uuid.uuid4())
        with STATE.lock:
            STATE.inputs[kickoff_id] = inputs
            STATE.started[kickoff_id] = time.time()
        self.send_json(200, {"kickoff_id": kickoff_id})

    def status(self, scenario, kickoff_id):
        n = STATE.bump(("status", kickoff_id))
        with STATE.lock:
            inputs = STATE.inputs.get(kickoff_id)
        if inputs is None:
            return self.send_json(404, {"error": "not_found", "message": f"unknown kickoff {kickoff_id}"})
        post = POST.format(topic=inputs.get("topic", "?"), audience=inputs.get("audience", "engineers"))
        running = {"status": "running", "result": None, "last_step": {"name": "draft_creation_task"}}
        if scenario == "slow":
            time.sleep(SLOW_SECONDS)
            return self.send_json(200, running)
        if scenario == "never":
            return self.send_json(200, running)
        if scenario == "late":
            with STATE.lock:
                started = STATE.started[kickoff_id]
            if time.time() - started < LATE_SECONDS:
                return self.send_json(200, running)
        if scenario == "flaky" and n == 1:
            return self.send_json(503, {"error": "unavailable", "message": "try again"})
        if scenario == "garbage":
            return self.send_json(200, None, raw=b'{"status": "completed", "result": {"output": "# Cut off')
        if scenario == "error":
            return self.send_json(200, {"status": "error", "result": None,
                                        "error": "Task final_writing_task failed: LLM quota exceeded"})
        if scenario == "failure":
            return self.send_json(200, {"state": "FAILURE", "last_step": {},
                                        "result": "Traceback (most recent call last):\n  File \"crew.py\"\n"
                                                  "ValueError: the writer returned an empty answer"})
        if scenario == "state":
            if n <= 2:
                return self.send_json(200, {"state": "PENDING" if n == 1 else "STARTED", "result": None,
                                            "last_step": {"task": "draft_creation_task"}})
            return self.send_json(200, {"state": "SUCCESS", "result": post,
                                        "last_step": {"task": "final_writing_task", "output": "done"}})
        if scenario in ("ok", "auth", "inputs") and n == 1:
            return self.send_json(200, running)
        self.send_json(200, {
            "status": "completed",
            "result": {
                "output": post,
                "tasks": [
                    {"name": "draft_creation_task", "agent": "Strategic Content Architect\n",
                     "description": f"Plan a post about {inputs.get('topic')}", "raw": BLUEPRINT},
                    {"name": "final_writing_task", "agent": "Master Content Creator",
                     "description": f"Write the post about {inputs.get('topic')}", "output": post},
                ],
            },
        })


def watch_stdin():
    """Exit when the parent closes our stdin (or dies)."""
    try:
        while sys.stdin.buffer.read(4096):
            pass
    finally:
        os._exit(0)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--max-lifetime", type=float, default=120.0, help="seconds before exiting regardless")
    args = parser.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=watch_stdin, daemon=True).start()
    threading.Timer(args.max_lifetime, lambda: os._exit(0)).start()
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
