"""A small keyword RAG tool over local source documents (Markdown or text files)."""
from __future__ import annotations

import pathlib
import re
from dataclasses import dataclass

from pydantic import BaseModel, Field

SOURCE_SUFFIXES = {".md", ".markdown", ".txt"}
# Chunks of one file at most per answer: a whole small source document.
MAX_CHUNKS = 8


class SourcesError(Exception):
    """The source documents cannot be read; the message names the path."""


@dataclass
class SourceFile:
    name: str
    chunks: list[str]


def load_sources(paths: list[str]) -> list[SourceFile]:
    """Reads every Markdown/text file under the given files and folders, split into blank-line chunks.

    Raises SourcesError naming a path that does not exist, or when no file is found.
    """
    files: list[pathlib.Path] = []
    for raw in paths:
        path = pathlib.Path(raw)
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SOURCE_SUFFIXES)
        elif path.is_file():
            files.append(path)
        else:
            raise SourcesError(f"source path {raw!r} does not exist (resolved from {pathlib.Path.cwd()})")
    if not files:
        raise SourcesError(f"no .md or .txt source documents under {', '.join(paths)}")
    return [SourceFile(p.name, [c.strip() for c in re.split(r"\n\s*\n", p.read_text(encoding="utf-8")) if c.strip()])
            for p in files]


def _terms(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) > 2}


class RagQuery(BaseModel):
    query: str = Field(..., description="What to look up in the knowledge base")


def search(sources: list[SourceFile], query: str) -> str:
    """The tool's answer: the chunks of the best-matching file that share a term with the query.

    Retrieval by whole document keeps what a query fetched predictable, which the demo's ground
    truth (what was retrieved, what was not) depends on.
    """
    terms = _terms(query)
    scores = [[len(terms & _terms(chunk)) for chunk in source.chunks] for source in sources]
    best = max(range(len(sources)), key=lambda i: (sum(scores[i]), -i))
    picked = [(i, s) for i, s in enumerate(scores[best]) if s > 0][:MAX_CHUNKS]
    lines = [f"[RAG Tool results for query: '{query}'] {len(picked)} chunk(s)"]
    for i, score in picked:
        lines.append(f"--- source: {sources[best].name} (chunk {i}, score {score})")
        lines.append(sources[best].chunks[i])
    return "\n".join(lines)


def make_rag_tool(sources: list[SourceFile]):
    """The CrewAI tool (named ``RAG Tool``; CrewAI calls it ``rag_tool`` in native function calling)."""
    from crewai.tools import BaseTool

    class RagTool(BaseTool):
        name: str = "RAG Tool"
        description: str = ("Searches the research knowledge base (the source documents) and returns the "
                            "most relevant passages for a query, with their file names.")
        args_schema: type[BaseModel] = RagQuery

        def _run(self, query: str) -> str:
            return search(sources, query)

    return RagTool()
