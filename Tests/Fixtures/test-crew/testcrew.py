#!/usr/bin/env python3
"""A stand-in crew for evalcrew's command-adapter tests: every hard path a real crew can take.

Usage: testcrew.py MODE [ARG...]  (Python 3 standard library only)

  json                 print a real CrewOutput as model_dump_json (the native fixture run)
  rich                 print the same CrewOutput as rich prints it at width 80
  markdown             print the post only, as print(result) does
  folder DIR           write an output folder: DIR/drafts/…md (blueprint) and DIR/blogs/…md (post)
  file PATH            write the post to PATH, as a task's output_file does
  trace                write the run's tool events to $EVALCREW_TRACE, then print the JSON
  fail CODE            print the post, write an error to stderr, exit with CODE
  hang                 print a partial line, then sleep forever
  hang-ignore-term     like hang, but ignore SIGTERM (only SIGKILL stops it)
  hang-tree PIDFILE    fork a child; both sleep forever; the child's pid goes to PIDFILE
  fork-child PIDFILE   fork a child that keeps stdout and stderr open and sleeps 60 s; print the
                       JSON and exit at once (the child's pid goes to PIDFILE)
  fork-escape PIDFILE  like fork-child, but the child leaves the process group first (setsid)
  garbage              print the JSON cut off halfway
  huge MB              print MB mebibytes of markdown
  non-utf8             print text that is not UTF-8 (Latin-1 bytes)
  stderr-flood KB      write KB kibibytes to stderr, then the line "last stderr line", then print the JSON
  stderr-forever       write to stderr without end (a crew stuck in a retry loop that logs)
  echo                 print {"program": ..., "argv": [...], "cwd": ..., "env": {...}} as JSON
  sleep SECONDS        sleep, then print the JSON (the runner's overhead benchmark)
"""

import json
import os
import signal
import sys
import time
from pathlib import Path

FIXTURE = Path(__file__).resolve().parent.parent / "crewai-1.15.30" / "native"


def fixture(name):
    return (FIXTURE / name).read_bytes()


def emit(data):
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


def sleep_forever():
    while True:
        time.sleep(3600)


def fork_sleeper(pidfile, seconds, leave_group=False):
    """Forks a child that sleeps holding stdout and stderr; writes its pid to pidfile once it is set up."""
    ready_read, ready_write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(ready_read)
        if leave_group:
            os.setsid()
        os.write(ready_write, b"x")
        os.close(ready_write)
        time.sleep(seconds)
        os._exit(0)
    os.close(ready_write)
    os.read(ready_read, 1)  # the child is set up (and out of the group, when asked)
    os.close(ready_read)
    Path(pidfile).write_text(str(pid))
    return pid


def main(argv):
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    mode, args = argv[0], argv[1:]
    if mode == "json":
        emit(fixture("crew_output.model_dump_json.json"))
    elif mode == "rich":
        emit(fixture("rich_print_result_w80.txt"))
    elif mode == "markdown":
        emit(fixture("print_result.txt"))
    elif mode == "folder":
        folder = Path(args[0])
        (folder / "drafts").mkdir(parents=True, exist_ok=True)
        (folder / "blogs").mkdir(parents=True, exist_ok=True)
        (folder / "drafts" / "draft_creation_task.md").write_bytes(fixture("task_draft_creation_task.raw.md"))
        (folder / "blogs" / "final_writing_task.md").write_bytes(fixture("task_final_writing_task.raw.md"))
        print(f"wrote {folder}")
    elif mode == "file":
        path = Path(args[0])
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(fixture("output_file_final_post.md"))
        print(f"wrote {path}")
    elif mode == "trace":
        Path(os.environ["EVALCREW_TRACE"]).write_bytes(fixture("tool_events.jsonl"))
        emit(fixture("crew_output.model_dump_json.json"))
    elif mode == "fail":
        emit(fixture("print_result.txt"))
        print("Traceback (most recent call last):\nRuntimeError: the LLM provider returned 500", file=sys.stderr)
        return int(args[0])
    elif mode in ("hang", "hang-ignore-term"):
        if mode == "hang-ignore-term":
            signal.signal(signal.SIGTERM, signal.SIG_IGN)
        emit(b"partial output before the hang\n")
        sleep_forever()
    elif mode == "hang-tree":
        fork_sleeper(args[0], 3600)
        emit(b"partial output before the hang\n")
        sleep_forever()
    elif mode in ("fork-child", "fork-escape"):
        fork_sleeper(args[0], 60 if mode == "fork-child" else 30, leave_group=mode == "fork-escape")
        emit(fixture("crew_output.model_dump_json.json"))
    elif mode == "garbage":
        data = fixture("crew_output.model_dump_json.json")
        emit(data[: len(data) // 2])
    elif mode == "huge":
        line = b"The vector database ranks results by semantic similarity, not exact matches.\n"
        chunk = (b"# A very long post\n\n" + line * (1 << 20))[: 1 << 20]
        for _ in range(int(args[0])):
            sys.stdout.buffer.write(chunk)
        sys.stdout.buffer.flush()
    elif mode == "non-utf8":
        emit("# Caf\u00e9 notes\n\nA post saved as Latin-1: na\u00efve r\u00e9sum\u00e9.\n".encode("latin-1"))
    elif mode == "stderr-flood":
        line = b"DEBUG litellm: retrying the request after a transient error\n"
        for _ in range(int(args[0]) * 1024 // len(line)):
            sys.stderr.buffer.write(line)
        sys.stderr.buffer.write(b"last stderr line\n")
        sys.stderr.buffer.flush()
        emit(fixture("crew_output.model_dump_json.json"))
    elif mode == "stderr-forever":
        line = b"WARNING retrying in 0 s\n" * 64
        while True:
            sys.stderr.buffer.write(line)
    elif mode == "echo":
        emit(json.dumps({"program": sys.argv[0], "argv": sys.argv[1:], "cwd": os.getcwd(), "env": dict(os.environ)}).encode())
    elif mode == "sleep":
        time.sleep(float(args[0]))
        emit(fixture("crew_output.model_dump_json.json"))
    else:
        print(f"testcrew.py: unknown mode {mode!r}\n\n{__doc__}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
