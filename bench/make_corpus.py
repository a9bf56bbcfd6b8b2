#!/usr/bin/env python3
"""Writes the speed-bench inputs into OUT (default /tmp/evalcrew-bench):
- corpus{1,10,50}.txt: English text from the system's /usr/share/doc, repeated to size;
- post.md: a ~2,550-word dev.to post: the clean fixture post with every section's body written twice
  (same front matter, same five H2s in the blueprint's order, no fence);
- blueprint.md: that post's blueprint (the fixture's draft task output).
Deterministic for a given system image. Usage: make_corpus.py [OUT]

Copied from the team's shared bench inputs; only the fixture path differs (Tests/Fixtures here)."""
import os, sys
out = sys.argv[1] if len(sys.argv) > 1 else "/tmp/evalcrew-bench"
repo = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
os.makedirs(out, exist_ok=True)
paths = []
for root in ["/usr/share/doc", "/usr/share/common-licenses"]:
    for dp, dn, fn in os.walk(root):
        for f in fn:
            p = os.path.join(dp, f)
            if not os.path.islink(p) and not p.endswith(".gz"): paths.append(p)
buf = []
for p in sorted(paths):
    try: buf.append(open(p, encoding="utf-8").read())
    except Exception: pass
text = "\n\n".join(buf)
for mb in (1, 10, 50):
    n = mb * 1_000_000
    open(os.path.join(out, f"corpus{mb}.txt"), "w").write((text * (n // len(text) + 1))[:n])
fixture = os.path.join(repo, "Tests/Fixtures/crewai-1.15.30/native-clean")
post = open(os.path.join(fixture, "output_file_final_post.md"), encoding="utf-8").read()
head, *sections = post.split("\n## ")
doubled = [head]
for sec in sections:
    title, _, body = sec.partition("\n")
    doubled.append(title + "\n" + body.strip("\n") + "\n\n" + body.strip("\n") + "\n")
open(os.path.join(out, "post.md"), "w", encoding="utf-8").write("\n## ".join(doubled))
blueprint = open(os.path.join(fixture, "task_draft_creation_task.raw.md"), encoding="utf-8").read()
open(os.path.join(out, "blueprint.md"), "w", encoding="utf-8").write(blueprint)
print(out)
