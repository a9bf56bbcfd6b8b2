"""The crew of test_evalcrew_trace.py: one agent calls its lookup tool once per query, then answers.

Its model is the example blog crew's stub server (examples/blog-crew/blog_crew/stub_llm.py) on 127.0.0.1.
"""
from __future__ import annotations

import pathlib
import sys

from pydantic import BaseModel, Field

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "examples" / "blog-crew"))

from blog_crew.stub_llm import AgentScript, StubLLMServer  # noqa: E402


def chunks_for(query: str) -> str:
    """What the lookup tool returns for a query."""
    return f"[lookup for {query!r}]\n--- source: notes.md (chunk 0)\nHNSW keeps the whole graph in memory."


class Query(BaseModel):
    query: str = Field(..., description="what to look up")


def _lookup_tool():
    from crewai.tools import BaseTool

    class Lookup(BaseTool):
        name: str = "Lookup Tool"
        description: str = "Looks up research notes."
        args_schema: type[BaseModel] = Query

        def _run(self, query: str) -> str:
            return chunks_for(query)

    return Lookup()


def kickoff(queries: list[str]):
    """Runs the crew once; its tool is called with each query in turn. Returns the CrewOutput."""
    from crewai import LLM, Agent, Crew, Task

    script = [AgentScript(marker="You are Trace Tester.", answer="All done.",
                          tool_calls=[("lookup_tool", {"query": q}) for q in queries])]
    with StubLLMServer(script) as stub:
        llm = LLM(model="openai/gpt-4o-mini", base_url=stub.base_url, api_key="stub-key", temperature=0)
        agent = Agent(role="Trace Tester", goal="Look things up", backstory="You check facts.",
                      tools=[_lookup_tool()], llm=llm, verbose=False, allow_delegation=False)
        task = Task(name="lookup_task", description="Look up {topic}.", expected_output="A short answer.",
                    agent=agent)
        return Crew(agents=[agent], tasks=[task], verbose=False).kickoff(inputs={"topic": "indexes"})
