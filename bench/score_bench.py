#!/usr/bin/env python3
"""Speed bench for `evalcrew score` against the Python reference (reference_score.py, bm25s).

Scores a ~2,550-word post with its blueprint against 1, 10 and 50 MB of sources, pinned to one
core, and prints median wall time and peak memory per size, then the same for
reference_score.py (bm25s) and the ratio. Usage: score_bench.py EVALCREW_BINARY"""
import os, shutil, statistics, subprocess, sys, time
from machine import machine

binary = os.path.abspath(sys.argv[1])
here = os.path.dirname(os.path.abspath(__file__))
out = os.environ.get("EVALCREW_BENCH_DIR", "/tmp/evalcrew-bench")
pin = ["taskset", "-c", "0"] if shutil.which("taskset") else []

def timed(argv):
    """Wall seconds and peak RSS (MB) of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode(errors="replace")
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"bench: {' '.join(argv)} failed: {err.strip()}")
    return wall, usage.ru_maxrss / 1024

def measure(argv, repeats):
    timed(argv)  # warm the page cache
    runs = [timed(argv) for _ in range(repeats)]
    return statistics.median(w for w, _ in runs), max(m for _, m in runs)

subprocess.run([sys.executable, os.path.join(here, "make_corpus.py"), out], check=True, stdout=subprocess.DEVNULL)
post, blueprint = os.path.join(out, "post.md"), os.path.join(out, "blueprint.md")
print(f"machine: {machine()}; pinned to one core: {'yes' if pin else 'no (taskset missing)'}")
print(f"post: {post} ({len(open(post, encoding='utf-8').read().split())} whitespace tokens), blueprint: {blueprint}")
print(f"{'sources':>8}  {'evalcrew':>10}  {'peak MB':>8}  {'reference':>10}  {'peak MB':>8}  {'ratio':>6}")
have_reference = True
try:
    import bm25s  # noqa: F401
except ImportError:
    have_reference = False
for mb, repeats in ((1, 15), (10, 5), (50, 3)):
    corpus = os.path.join(out, f"corpus{mb}.txt")
    ours, ours_mb = measure(pin + [binary, "score", post, "--blueprint", blueprint, "--sources", corpus,
                                   "--format", "json"], repeats)
    if have_reference:
        ref, ref_mb = measure(pin + [sys.executable, os.path.join(here, "reference_score.py"), post, corpus],
                              max(1, repeats // 3))
        print(f"{mb:>6} MB  {ours * 1000:>8.1f} ms  {ours_mb:>8.1f}  {ref * 1000:>8.1f} ms  {ref_mb:>8.1f}  {ref / ours:>5.1f}x")
    else:
        print(f"{mb:>6} MB  {ours * 1000:>8.1f} ms  {ours_mb:>8.1f}  {'(bm25s not installed)':>30}")
print("target: ≤ 50 ms for 1 MB on one core, linear in source size")
