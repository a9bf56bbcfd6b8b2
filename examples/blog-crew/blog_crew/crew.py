"""The blog crew: a planner with a RAG tool writes the blueprint, a writer turns it into the dev.to post."""
from __future__ import annotations

import contextlib
import os
import pathlib
import sys
from dataclasses import dataclass
from typing import Any, Iterator

import yaml

from . import canned
from .rag_tool import load_sources, make_rag_tool
from .stub_llm import AgentScript, StubLLMServer

PACKAGE_DIR = pathlib.Path(__file__).resolve().parent
REPO_ROOT = PACKAGE_DIR.parents[2]
DEFAULT_MODEL = "openai/gpt-4o-mini"


def _import_trace_module():
    """evalcrew's trace module: installed in the venv, or else the copy in this repository."""
    try:
        import evalcrew_trace
    except ImportError:
        sys.path.insert(0, str(REPO_ROOT / "integrations" / "crewai"))
        import evalcrew_trace
    return evalcrew_trace


@dataclass
class CrewRequest:
    topic: str
    case: str
    repeat: int
    prompt_version: str
    sources: list[str]
    output_dir: str | None = None


def load_prompts(version: str) -> dict[str, Any]:
    path = PACKAGE_DIR / "prompts" / f"{version}.yaml"
    if not path.is_file():
        known = ", ".join(sorted(p.stem for p in (PACKAGE_DIR / "prompts").glob("*.yaml")))
        raise canned.CannedError(f"unknown prompt version {version!r} (PROMPT_VERSION); known: {known}")
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@contextlib.contextmanager
def _model_endpoint(run: canned.CannedRun | None, prompts: dict[str, Any]) -> Iterator[tuple[str, str, str]]:
    """(base URL, model, API key): BLOG_CREW_LLM_URL when set, else the in-process stub playing the canned run."""
    model = os.environ.get("BLOG_CREW_MODEL", DEFAULT_MODEL)
    if run is None:
        yield os.environ["BLOG_CREW_LLM_URL"], model, os.environ.get("OPENAI_API_KEY", "no-key")
        return
    agents = prompts["agents"]
    script = [
        AgentScript(marker=f"You are {agents['planner']['role']}.", answer=run.blueprint,
                    tool_calls=[("rag_tool", {"query": q}) for q in run.planner_queries]),
        AgentScript(marker=f"You are {agents['writer']['role']}.", answer=run.post),
    ]
    with StubLLMServer(script) as stub:
        yield stub.base_url, model, "stub-key"


def run_crew(request: CrewRequest):
    """Runs the crew once and returns CrewAI's ``CrewOutput``.

    Raises CannedError or SourcesError (bad topic, version or sources) before CrewAI is imported.
    """
    prompts = load_prompts(request.prompt_version)
    sources = load_sources(request.sources)
    run = None if os.environ.get("BLOG_CREW_LLM_URL") else canned.load(request.topic, request.prompt_version,
                                                                         request.repeat)

    from crewai import LLM, Agent, Crew, Process, Task

    trace = _import_trace_module()
    trace.install()

    with _model_endpoint(run, prompts) as (base_url, model, api_key):
        def llm() -> Any:
            # One LLM object per agent: a shared one counts usage twice.
            return LLM(model=model, base_url=base_url, api_key=api_key, temperature=0)

        tool = make_rag_tool(sources)
        agents = {key: Agent(**spec, tools=[tool], llm=llm(), verbose=False, allow_delegation=False)
                  for key, spec in prompts["agents"].items()}
        tasks_spec = prompts["tasks"]

        def output_file(name: str) -> dict[str, str]:
            # CrewAI makes an absolute output_file relative, so the folder is taken relative to the working directory.
            return {"output_file": f"{request.output_dir}/{name}"} if request.output_dir else {}

        draft = Task(name="draft_creation_task", agent=agents["planner"], **tasks_spec["draft_creation_task"],
                     **output_file("blueprint.md"))
        final = Task(name="final_writing_task", agent=agents["writer"], context=[draft],
                     **tasks_spec["final_writing_task"], **output_file("post.md"))
        crew = Crew(agents=list(agents.values()), tasks=[draft, final], process=Process.sequential, verbose=False)
        result = crew.kickoff(inputs={"topic": request.topic})
        trace.flush()
    return result
