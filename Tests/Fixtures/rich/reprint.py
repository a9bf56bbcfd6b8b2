#!/usr/bin/env python3
"""Re-print a CrewOutput JSON dump with rich at many console widths.

Usage: reprint.py <crew_output.model_dump_json.json> <outdir> <width>... (a width may be a range A..B)

The pydantic models mirror crewai 1.15.30's CrewOutput / TaskOutput / UsageMetrics (same class
names, field order and enum repr), so `Console(width=W).print(result)` prints what a real crew's
result prints; `reprint.py <json> <outdir> 80` reproduces rich_print_result_w80.txt byte for byte.
One process writes every width (w<W>.txt) so the Swift test stays fast.
"""
import ast
import io
import json
import os
import sys
from enum import Enum
from typing import Any, Optional

from pydantic import BaseModel
from rich.console import Console
from rich.pretty import pretty_repr
from rich.text import Text


class OutputFormat(str, Enum):
    JSON = "json"
    PYDANTIC = "pydantic"
    RAW = "raw"


class UsageMetrics(BaseModel):
    total_tokens: int = 0
    prompt_tokens: int = 0
    cached_prompt_tokens: int = 0
    completion_tokens: int = 0
    reasoning_tokens: int = 0
    cache_creation_tokens: int = 0
    successful_requests: int = 0


class TaskOutput(BaseModel):
    description: str
    name: Optional[str] = None
    expected_output: Optional[str] = None
    summary: Optional[str] = None
    raw: str = ""
    pydantic: Optional[Any] = None
    json_dict: Optional[dict] = None
    agent: str
    output_format: OutputFormat = OutputFormat.RAW
    messages: list = []
    tool_failures: list = []


class CrewOutput(BaseModel):
    raw: str = ""
    pydantic: Optional[Any] = None
    json_dict: Optional[dict] = None
    tasks_output: list[TaskOutput] = []
    token_usage: UsageMetrics


def load(path):
    data = json.load(open(path, encoding="utf-8"))
    for task in data["tasks_output"]:
        for message in task.get("messages", []):
            # model_dump_json writes tool_calls as the str() of a list; the live object holds the list.
            if isinstance(message.get("tool_calls"), str):
                message["tool_calls"] = ast.literal_eval(message["tool_calls"])
    return CrewOutput(**data)


def widths(args):
    for arg in args:
        if ".." in arg:
            lo, hi = arg.split("..")
            yield from range(int(lo), int(hi) + 1)
        else:
            yield int(arg)


def console_print(result, width):
    """What `Console(width=width).print(result)` writes."""
    buf = io.StringIO()
    Console(width=width, file=buf).print(result)
    return buf.getvalue()


def render(result, width, console):
    """The same text as `console_print`: Pretty's `pretty_repr` at the width, wrapped by `Text.wrap`."""
    lines = Text(pretty_repr(result, max_width=width)).wrap(console, width)
    return "".join(line.plain + "\n" for line in lines)


def main():
    src, outdir, *ws = sys.argv[1:]
    result = load(src)
    os.makedirs(outdir, exist_ok=True)
    all_widths = sorted(set(widths(ws)))
    checked = {all_widths[0], all_widths[len(all_widths) // 2], all_widths[-1]}
    console = Console(width=80, file=io.StringIO())
    for width in all_widths:
        text = render(result, width, console)
        if width in checked and text != console_print(result, width):
            sys.exit(f"reprint.py: fast rendering differs from Console.print at width {width}")
        with open(os.path.join(outdir, f"w{width}.txt"), "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main()
