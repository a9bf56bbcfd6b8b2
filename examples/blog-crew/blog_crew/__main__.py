"""``python -m blog_crew --topic T --case C --repeat N --sources DIR…``: run the blog crew once.

Prints ``CrewOutput.model_dump_json(indent=2)`` on stdout and nothing else: everything CrewAI
prints goes to stderr. Exit codes: 0 done, 1 the crew failed, 2 bad arguments or environment.
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile

OFFLINE_ENVIRONMENT = {
    "CREWAI_DISABLE_TELEMETRY": "true",
    "CREWAI_DISABLE_TRACKING": "true",
    "OTEL_SDK_DISABLED": "true",
    "CREWAI_TRACING_ENABLED": "false",
    "CREWAI_DISABLE_VERSION_CHECK": "true",
}


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m blog_crew", description=__doc__.split("\n")[0])
    parser.add_argument("--topic", required=True, help="the post's topic (the crew input)")
    parser.add_argument("--case", default="adhoc", help="the suite case id (for logs)")
    parser.add_argument("--repeat", type=int, default=1, help="repeat number, from 1 (picks the canned variation)")
    parser.add_argument("--sources", action="append", default=[],
                        help="a source file or folder for the RAG tool (repeatable; also BLOG_CREW_SOURCES, "
                             "paths separated by ':')")
    parser.add_argument("--output-dir", help="also write blueprint.md and post.md here (relative to the working directory)")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be 1 or more")
    args.sources += [p for p in os.environ.get("BLOG_CREW_SOURCES", "").split(os.pathsep) if p]
    if not args.sources:
        parser.error("no sources: give --sources DIR or set BLOG_CREW_SOURCES")
    return args


def prompt_version() -> str:
    version = os.environ.get("PROMPT_VERSION", "")
    if not version:
        print("blog_crew: PROMPT_VERSION is not set; using prompt-v1", file=sys.stderr)
        return "prompt-v1"
    return version


def main(argv: list[str] | None = None) -> int:
    args = parse_arguments(argv)
    for key, value in OFFLINE_ENVIRONMENT.items():
        os.environ.setdefault(key, value)
    # A throw-away HOME (and XDG folders) keeps CrewAI's user config and storage out of the run.
    home = tempfile.mkdtemp(prefix="blog-crew-home-")
    os.environ["HOME"] = home
    for name, sub in (("XDG_DATA_HOME", ".local/share"), ("XDG_CONFIG_HOME", ".config"), ("XDG_CACHE_HOME", ".cache")):
        os.environ[name] = os.path.join(home, sub)

    # Everything written to file descriptor 1 from here on (CrewAI, rich, libraries) goes to stderr;
    # the result alone goes to the real stdout.
    sys.stdout.flush()
    result_stream = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)
    try:
        from .canned import CannedError
        from .crew import CrewRequest, run_crew
        from .rag_tool import SourcesError

        request = CrewRequest(topic=args.topic, case=args.case, repeat=args.repeat, prompt_version=prompt_version(),
                              sources=args.sources, output_dir=args.output_dir)
        print(f"blog_crew: case {request.case} repeat {request.repeat}, {request.prompt_version}, "
              f"topic {request.topic!r}", file=sys.stderr)
        try:
            result = run_crew(request)
        except (CannedError, SourcesError) as error:
            print(f"blog_crew: {error}", file=sys.stderr)
            return 2
        result_stream.write(result.model_dump_json(indent=2) + "\n")
        result_stream.flush()
        return 0
    finally:
        sys.stdout.flush()
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
