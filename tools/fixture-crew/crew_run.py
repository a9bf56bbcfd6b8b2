"""Runs a real CrewAI blog crew against the stub server and writes every output shape.

    python crew_run.py SPEC.json SOURCES_DIR OUT_DIR

Run it through make_fixture.sh, which sets the offline environment and captures the verbose
terminal output as OUT_DIR/run_stdout.txt. Everything else is written here, never printed, so
stdout holds only what CrewAI itself prints.

The crew has the blog crew's shape: a planner agent with a custom RAG tool over SOURCES_DIR runs
draft_creation_task (the blueprint); a writer agent runs final_writing_task with
context=[draft] and output_file. Both agents get their own LLM object (no double counting) and
the RAG tool, so both use native function calling: in that loop CrewAI keeps a final answer
verbatim (the text loop would keep only what follows the last "Final Answer:").
"""
from __future__ import annotations

import io
import json
import os
import pathlib
import re
import shutil
import sys
import tempfile

from pydantic import BaseModel, Field

from stub_server import StubServer

HERE = pathlib.Path(__file__).resolve().parent


class RagQuery(BaseModel):
    query: str = Field(..., description="What to look up in the knowledge base")


def make_rag_tool(sources_dir: pathlib.Path):
    """A small keyword RAG tool: the chunks (blank-line separated) of the best-matching file."""
    from crewai.tools import BaseTool

    files = {p.name: [c.strip() for c in re.split(r"\n\s*\n", p.read_text()) if c.strip()]
             for p in sorted(sources_dir.glob("*.txt"))}

    def words(text):
        return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) > 2}

    class RagTool(BaseTool):
        name: str = "RAG Tool"
        description: str = ("Searches the research knowledge base (the source documents) and returns the "
                            "most relevant passages for a query, with their file names.")
        args_schema: type[BaseModel] = RagQuery

        def _run(self, query: str) -> str:
            terms = words(query)
            scored = {name: [len(terms & words(c)) for c in chunks] for name, chunks in files.items()}
            best = max(scored, key=lambda name: (sum(scored[name]), -sorted(files).index(name)))
            picked = [(i, s) for i, s in enumerate(scored[best]) if s > 0][:5]
            lines = [f"[RAG Tool results for query: '{query}'] {len(picked)} chunk(s)"]
            for i, s in picked:
                lines.append(f"--- source: {best} (chunk {i}, score {s})")
                lines.append(files[best][i])
            return "\n".join(lines)

    return RagTool()


def install_tool_listener(path: pathlib.Path):
    """Writes ToolUsageStarted/Finished events as JSON lines (the crewai-1.15.30 fixtures' shape)."""
    from crewai.events import BaseEventListener, ToolUsageFinishedEvent, ToolUsageStartedEvent

    def iso(value):
        return value.isoformat() if hasattr(value, "isoformat") else value

    def plain(value):
        try:
            json.dumps(value)
            return value
        except TypeError:
            return str(value)

    class ToolEventRecorder(BaseEventListener):
        def setup_listeners(self, bus):
            @bus.on(ToolUsageStartedEvent)
            def started(source, event):
                self.write({"event": "tool_usage_started", "timestamp": iso(event.timestamp),
                            "emission_sequence": event.emission_sequence, "event_id": event.event_id,
                            "agent_role": event.agent_role, "task_name": event.task_name,
                            "tool_name": event.tool_name, "tool_class": event.tool_class,
                            "tool_args": plain(event.tool_args), "run_attempts": event.run_attempts})

            @bus.on(ToolUsageFinishedEvent)
            def finished(source, event):
                failure = event.failure.model_dump(mode="json") if event.failure is not None else None
                self.write({"event": "tool_usage_finished", "timestamp": iso(event.timestamp),
                            "emission_sequence": event.emission_sequence, "event_id": event.event_id,
                            "started_event_id": event.started_event_id, "agent_role": event.agent_role,
                            "task_name": event.task_name, "tool_name": event.tool_name,
                            "tool_args": plain(event.tool_args), "started_at": iso(event.started_at),
                            "finished_at": iso(event.finished_at), "from_cache": event.from_cache,
                            "output": plain(event.output), "failure": failure})

        def write(self, record):
            with open(path, "a") as f:
                f.write(json.dumps(record, ensure_ascii=False) + "\n")

    return ToolEventRecorder()


def main():
    spec_path, sources_dir, out_dir = (pathlib.Path(a).resolve() for a in sys.argv[1:4])
    spec = json.loads(spec_path.read_text())
    out_dir.mkdir(parents=True, exist_ok=True)
    for stale in ("tool_events.jsonl", "stub_requests.jsonl"):
        (out_dir / stale).unlink(missing_ok=True)

    from crewai import LLM, Agent, Crew, Process, Task
    from rich.console import Console

    def canned(role_spec):
        return (spec_path.parent / role_spec["answer_file"]).read_text()

    script = {"agents": [
        {"marker": f"You are {spec['planner']['role']}.",
         "tool_calls": [{"name": "rag_tool", "arguments": {"query": q}} for q in spec["planner"]["tool_queries"]],
         "answer": canned(spec["planner"]).rstrip("\n")},
        {"marker": f"You are {spec['writer']['role']}.", "tool_calls": [],
         "answer": canned(spec["writer"]).rstrip("\n")},
    ]}
    log_path = os.environ.get("STUB_LOG")  # for debugging the stub; not part of a fixture
    install_tool_listener(out_dir / "tool_events.jsonl")

    work = pathlib.Path(tempfile.mkdtemp(prefix="fixture-crew-"))
    os.chdir(work)
    with StubServer(script, log_path) as stub:
        def llm():
            return LLM(model=spec["model"], base_url=stub.base_url, api_key="stub-key", temperature=0)

        tool = make_rag_tool(sources_dir)
        planner = Agent(role=spec["planner"]["role"], goal=spec["planner"]["goal"],
                        backstory=spec["planner"]["backstory"], tools=[tool], llm=llm(), verbose=True,
                        allow_delegation=False)
        writer = Agent(role=spec["writer"]["role"], goal=spec["writer"]["goal"],
                       backstory=spec["writer"]["backstory"], tools=[tool], llm=llm(), verbose=True,
                       allow_delegation=False)
        d, w = spec["draft_creation_task"], spec["final_writing_task"]
        draft = Task(name="draft_creation_task", description=d["description"], expected_output=d["expected_output"],
                     agent=planner, output_file=d["output_file"])
        final = Task(name="final_writing_task", description=w["description"], expected_output=w["expected_output"],
                     agent=writer, context=[draft], output_file=w["output_file"])
        crew = Crew(agents=[planner, writer], tasks=[draft, final], process=Process.sequential, verbose=True,
                    output_log_file="crew_log.json")
        result = crew.kickoff(inputs={"topic": spec["topic"]})
        from crewai.events import crewai_event_bus
        crewai_event_bus.flush()
    sys.stdout.flush()

    def write(name, text):
        (out_dir / name).write_text(text, encoding="utf-8")

    write("crew_output.model_dump_json.json", result.model_dump_json(indent=2) + "\n")
    write("repr_result.txt", repr(result) + "\n")
    for width in (100, 67):
        buffer = io.StringIO()
        Console(width=width, file=buffer).print(result)
        write(f"rich_print_result_w{width}.txt", buffer.getvalue())
    buffer = io.StringIO()
    print(result, file=buffer)
    write("print_result.txt", buffer.getvalue())
    for task_output in result.tasks_output:
        write(f"task_{task_output.name}.raw.md", task_output.raw + "\n")
    topic = spec["topic"]
    shutil.copyfile(work / w["output_file"].format(topic=topic), out_dir / "output_file_final_post.md")
    shutil.copyfile(work / "crew_log.json", out_dir / "crew_log.json")
    from importlib.metadata import version
    write("crewai_version.txt", f"crewai {version('crewai')}\nrich {version('rich')}\n"
          f"python {sys.version.split()[0]}\nmode native\nmodel {spec['model']}\n")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
