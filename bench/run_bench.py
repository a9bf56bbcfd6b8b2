#!/usr/bin/env python3
"""Runner overhead bench for `evalcrew run` (issue 7's speed target).

100 cases through a crew that sleeps 1 s and then prints a real CrewOutput (`sh -c 'sleep 1; cat
FIXTURE'`: a crew whose start-up costs nothing, so what is measured is evalcrew's own work), with
--concurrency 10: the ideal wall time is 10 s; the target is at most 10% above it. The same 100
invocations run by a plain process pool (no evalcrew) give the floor this machine allows; the
difference is evalcrew's overhead: spawning, reading, parsing, scoring and committing each result.

Then the store: `evalcrew runs list` over a store of 1,000 runs x 10 cases, as a whole process
(target at most 100 ms). Usage: run_bench.py EVALCREW_BINARY STORE_BENCH_BINARY"""
import concurrent.futures, json, os, shutil, statistics, subprocess, sys, tempfile, time
from machine import machine

if len(sys.argv) != 3:
    sys.exit(__doc__)
binary, store_bench = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
output = os.path.join(root, "Tests", "Fixtures", "crewai-1.15.30", "native", "crew_output.model_dump_json.json")
sources = os.path.join(root, "Tests", "Fixtures", "crewai-1.15.30", "sources")
crew = ["/bin/sh", "-c", f"sleep 1; cat '{output}'"]
CASES, CONCURRENCY, SLEEP = 100, 10, 1  # the crew sleeps SLEEP seconds (in `crew`)

def baseline():
    """The same invocations through a plain pool: Python start-up + sleep, no evalcrew."""
    def one(_):
        subprocess.run(crew, stdout=subprocess.DEVNULL, check=True)
    start = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(CONCURRENCY) as pool:
        list(pool.map(one, range(CASES)))
    return time.perf_counter() - start

def runner(folder):
    suite = os.path.join(folder, "bench.yaml")
    with open(suite, "w") as f:
        f.write(f'version: 1\nname: runner-bench\ncrew:\n  command: {json.dumps(crew)}\n'
                f'defaults:\n  sources: ["{sources}"]\ncases:\n')
        for i in range(CASES):
            f.write(f"  - id: case-{i:03}\n    inputs: {{topic: vector databases}}\n")
    start = time.perf_counter()
    done = subprocess.run([binary, "run", suite, "--concurrency", str(CONCURRENCY), "--store", os.path.join(folder, "run.db")],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"bench: evalcrew run failed ({done.returncode}): {done.stderr.decode()[-2000:]}")
    return wall

def runs_list(folder):
    store = os.path.join(folder, "list.db")
    subprocess.run([store_bench, "--populate", store, "--runs", "1000"], check=True, stdout=subprocess.DEVNULL)
    argv = [binary, "runs", "list", "--store", store]
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)  # warm the page cache
    times = []
    for _ in range(15):
        start = time.perf_counter()
        subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times), os.path.getsize(store)

print(f"machine: {machine()}")
with tempfile.TemporaryDirectory(prefix="evalcrew-run-bench-") as folder:
    ideal = CASES / CONCURRENCY * SLEEP
    base = baseline()
    ours = runner(folder)
    print(f"runner: {CASES} cases x {SLEEP} s crew, --concurrency {CONCURRENCY}: {ours:.2f} s wall "
          f"({(ours / ideal - 1) * 100:+.1f}% vs the ideal {ideal:.0f} s; target <= +10%)")
    print(f"        the same invocations in a plain process pool: {base:.2f} s ({(base / ideal - 1) * 100:+.1f}%): "
          f"evalcrew's own overhead {(ours - base):+.2f} s ({(ours / base - 1) * 100:+.1f}%)")
    median, size = runs_list(folder)
    print(f"runs list over 1,000 runs x 10 cases ({size / 1e6:.0f} MB store): {median * 1000:.1f} ms median whole process (target <= 100 ms)")
