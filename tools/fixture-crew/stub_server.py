"""A stub OpenAI-compatible chat-completions server (stdlib only) with canned answers.

It listens on 127.0.0.1 on a free port and answers `POST /v1/chat/completions` (non-streaming)
from a script:

    {"agents": [{"marker": "<text in the agent's system prompt>",
                 "tool_calls": [{"name": "rag_tool", "arguments": {"query": "..."}}, ...],
                 "answer": "<final answer text>"}, ...]}

For the agent whose marker is in the system message, the n-th tool call of its script is
returned while the conversation holds fewer than n tool results (native function calling),
then its final answer. Every request and response is appended to `log_path` (JSON lines) if given.
"""
from __future__ import annotations

import json
import secrets
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def _text(content) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(part.get("text", "") for part in content if isinstance(part, dict))
    return ""


class StubServer:
    def __init__(self, script: dict, log_path: str | None = None):
        self.script = script
        self.log_path = log_path
        self._lock = threading.Lock()
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep the crew's stdout/stderr clean
                pass

            def do_GET(self):
                if self.path.rstrip("/").endswith("/models"):
                    self._send(200, {"object": "list", "data": [{"id": "stub", "object": "model"}]})
                else:
                    self._send(404, {"error": {"message": "not found"}})

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                request = json.loads(self.rfile.read(length) or b"{}")
                if not self.path.rstrip("/").endswith("/chat/completions"):
                    self._send(404, {"error": {"message": f"unsupported path {self.path}"}})
                    return
                response = stub.answer(request)
                stub._log({"request": request, "response": response})
                self._send(200, response)

            def _send(self, status, body):
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()

    def _log(self, record):
        if self.log_path:
            with self._lock, open(self.log_path, "a") as f:
                f.write(json.dumps(record) + "\n")

    def answer(self, request: dict) -> dict:
        messages = request.get("messages", [])
        system = "\n".join(_text(m.get("content")) for m in messages if m.get("role") == "system")
        agent = next((a for a in self.script["agents"] if a["marker"] in system), None)
        tool_results = sum(1 for m in messages if m.get("role") == "tool")
        message: dict = {"role": "assistant"}
        if agent is None:
            message["content"] = "The stub has no answer for this agent."
            finish = "stop"
        elif tool_results < len(agent.get("tool_calls", [])) and request.get("tools"):
            call = agent["tool_calls"][tool_results]
            message["content"] = None
            message["tool_calls"] = [{
                "id": "call_" + secrets.token_hex(12),
                "type": "function",
                "function": {"name": call["name"], "arguments": json.dumps(call["arguments"])},
            }]
            finish = "tool_calls"
        else:
            message["content"] = agent["answer"]
            finish = "stop"
        prompt_chars = sum(len(_text(m.get("content"))) for m in messages)
        completion_chars = len(json.dumps(message))
        prompt_tokens, completion_tokens = prompt_chars // 4 + 1, completion_chars // 4 + 1
        return {
            "id": "chatcmpl-" + secrets.token_hex(12),
            "object": "chat.completion",
            "created": int(time.time()),
            "model": request.get("model", "stub"),
            "system_fingerprint": "fp_stub",
            "choices": [{"index": 0, "message": message, "logprobs": None, "finish_reason": finish}],
            "usage": {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens,
                      "total_tokens": prompt_tokens + completion_tokens},
        }
