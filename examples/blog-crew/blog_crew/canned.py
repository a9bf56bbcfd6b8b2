"""The stub model's canned answers: per topic and prompt version, with small variations per repeat.

Layout, under ``canned/<topic-slug>/``: ``<version>/planner_queries.txt`` (the planner's RAG
queries, one a line), ``<version>/blueprint.md`` and ``<version>/post.md``; a file missing in the
version folder is taken from the topic folder (shared by both versions). In the Markdown,
``{{first|second|third}}`` is a variation: repeat n picks alternative ((n - 1) mod count), so
runs with repeats differ a little, as real model runs do. The ground truth of every answer is in
the README.
"""
from __future__ import annotations

import pathlib
import re
from dataclasses import dataclass

CANNED_DIR = pathlib.Path(__file__).resolve().parent / "canned"
PROMPT_VERSIONS = ("prompt-v1", "prompt-v2")
_VARIATION = re.compile(r"\{\{(.*?)\}\}", re.DOTALL)


class CannedError(Exception):
    """No canned answer for a topic or version; the message says what exists."""


@dataclass
class CannedRun:
    planner_queries: list[str]
    blueprint: str
    post: str


def topic_slug(topic: str) -> str:
    """``"SQLite write-ahead logging"`` → ``"sqlite-write-ahead-logging"``."""
    return re.sub(r"[^a-z0-9]+", "-", topic.lower()).strip("-")


def known_topics() -> list[str]:
    return sorted(p.name for p in CANNED_DIR.iterdir() if p.is_dir())


def expand_variations(text: str, repeat: int) -> str:
    """Replaces every ``{{a|b|…}}`` by the alternative for this repeat (1-based)."""
    def pick(match: re.Match[str]) -> str:
        alternatives = match.group(1).split("|")
        return alternatives[(repeat - 1) % len(alternatives)]
    return _VARIATION.sub(pick, text)


def load(topic: str, version: str, repeat: int) -> CannedRun:
    """The canned planner queries, blueprint and post for a topic, prompt version and repeat."""
    if version not in PROMPT_VERSIONS:
        raise CannedError(f"unknown prompt version {version!r}; use one of {', '.join(PROMPT_VERSIONS)}")
    folder = CANNED_DIR / topic_slug(topic)
    if not folder.is_dir():
        raise CannedError(f"the stub model has no answers for topic {topic!r} (looked for canned/{folder.name}/); "
                          f"known topic folders: {', '.join(known_topics())}. Set BLOG_CREW_LLM_URL to use a real model.")

    def read(name: str) -> str:
        for candidate in (folder / version / name, folder / name):
            if candidate.is_file():
                return candidate.read_text(encoding="utf-8")
        raise CannedError(f"missing canned/{folder.name}/{version}/{name} (and canned/{folder.name}/{name})")

    queries = [line.strip() for line in read("planner_queries.txt").splitlines() if line.strip()]
    return CannedRun(planner_queries=queries,
                     blueprint=expand_variations(read("blueprint.md"), repeat).rstrip("\n"),
                     post=expand_variations(read("post.md"), repeat).rstrip("\n"))
