"""A stub OpenAI-compatible chat-completions server (standard library only) that plays a script.

It listens on 127.0.0.1, on a free port, in a daemon thread of the crew's own process, and
answers ``POST /v1/chat/completions`` (non-streaming). The script names, per agent, a marker found
in that agent's system prompt, the tool calls it makes, and its final answer::

    [AgentScript(marker="You are Strategic Content Architect.",
                 tool_calls=[("rag_tool", {"query": "..."})], answer="...")]

The agent's n-th tool call is returned while its conversation holds fewer than n tool results
(CrewAI's native function calling), then its final answer. Usage is estimated from the text
lengths (4 characters a token), so it changes with the prompts and answers like a real model's.
"""
from __future__ import annotations

import json
import secrets
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class AgentScript:
    """What one agent says: its tool calls in order, then its final answer."""

    marker: str
    answer: str
    tool_calls: list[tuple[str, dict[str, Any]]] = field(default_factory=list)


def _text(content: Any) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(part.get("text", "") for part in content if isinstance(part, dict))
    return ""


class StubLLMServer:
    """The server; use it as a context manager (``with StubLLMServer(script) as stub: stub.base_url``)."""

    def __init__(self, script: list[AgentScript]) -> None:
        self.script = script
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:  # keep the crew's output clean
                pass

            def do_GET(self) -> None:
                if self.path.rstrip("/").endswith("/models"):
                    self._send(200, {"object": "list", "data": [{"id": "stub", "object": "model"}]})
                else:
                    self._send(404, {"error": {"message": f"unsupported path {self.path}"}})

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                try:
                    request = json.loads(self.rfile.read(length) or b"{}")
                except json.JSONDecodeError as error:
                    self._send(400, {"error": {"message": f"request body is not JSON: {error}"}})
                    return
                if not self.path.rstrip("/").endswith("/chat/completions"):
                    self._send(404, {"error": {"message": f"unsupported path {self.path}"}})
                    return
                self._send(200, stub.answer(request))

            def _send(self, status: int, body: dict[str, Any]) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self._httpd.server_address[1]
        self._thread = threading.Thread(target=self._httpd.serve_forever, name="stub-llm", daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def __enter__(self) -> "StubLLMServer":
        self._thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def answer(self, request: dict[str, Any]) -> dict[str, Any]:
        """The chat completion for one request."""
        messages = request.get("messages", [])
        system = "\n".join(_text(m.get("content")) for m in messages if m.get("role") == "system")
        agent = next((a for a in self.script if a.marker in system), None)
        tool_results = sum(1 for m in messages if m.get("role") == "tool")
        message: dict[str, Any] = {"role": "assistant"}
        if agent is None:
            message["content"] = "The stub has no answer for this agent."
            finish = "stop"
        elif tool_results < len(agent.tool_calls) and request.get("tools"):
            name, arguments = agent.tool_calls[tool_results]
            message["content"] = None
            message["tool_calls"] = [{
                "id": "call_" + secrets.token_hex(12),
                "type": "function",
                "function": {"name": name, "arguments": json.dumps(arguments)},
            }]
            finish = "tool_calls"
        else:
            message["content"] = agent.answer
            finish = "stop"
        prompt_tokens = sum(len(_text(m.get("content"))) for m in messages) // 4 + 1
        completion_tokens = len(json.dumps(message)) // 4 + 1
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
