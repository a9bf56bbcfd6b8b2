#!/usr/bin/env python3
"""Ground-truth helper for a generated fixture (stdlib only).

    python3 ground_truth.py POST.md BLUEPRINT.md SOURCES_DIR [RETRIEVED_FILE ...]

Prints, for the README of a fixture folder:
- prose words per H2 section by the project's word rule: tokens
  [A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)* in the rendered text, fenced code excluded, front matter
  excluded, the H1/H2's own heading excluded from its section, its H3s (headings and bodies) included;
- every token with an upper-case letter or a digit that is in neither the sources (whole token,
  case-insensitive) nor the generic list nor the blueprint's section titles: the candidates for
  uncited entities / unsupported numbers;
- the same check against the retrieved files alone.
"""
import pathlib
import re
import sys

WORD = re.compile(r"[A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)*")
GENERIC = {"ai", "api", "llm", "rag", "sql", "json", "http", "cpu", "gpu", "python", "stream", "streaming",
           "processing"}


def tokens(text):
    return WORD.findall(text)


def render(line):
    """Rendered text of one markdown line: list markers, emphasis and link syntax dropped."""
    line = re.sub(r"^\s*(?:[-*+]|\d+[.)])\s+", "", line)
    line = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line)
    return line.replace("**", "").replace("__", "").replace("`", "")


def sections(post):
    lines = post.split("\n")
    if lines and lines[0] == "---":
        end = lines.index("---", 1)
        lines = lines[end + 1:]
    out, current, fence = [], None, False
    for line in lines:
        if line.startswith("```"):
            fence = not fence
            continue
        if fence:
            continue
        m = re.match(r"^(#{1,6})\s+(.*)$", line)
        if m:
            level, title = len(m.group(1)), m.group(2).strip()
            if level <= 2:
                current = {"level": level, "title": title, "words": 0, "h3": []}
                out.append(current)
            else:
                current["h3"].append(title)
                current["words"] += len(tokens(title))
            continue
        if current is not None:
            current["words"] += len(tokens(render(line)))
    return out


def main():
    post_path, blueprint_path, sources_dir, *retrieved = sys.argv[1:]
    post = pathlib.Path(post_path).read_text()
    blueprint = pathlib.Path(blueprint_path).read_text()
    files = sorted(pathlib.Path(sources_dir).glob("*.txt"))
    source_tokens = {t.lower() for f in files for t in tokens(f.read_text())}
    retrieved_tokens = {t.lower() for f in files if f.name in retrieved for t in tokens(f.read_text())}
    titles = re.findall(r"^##\s+\d+\.\s+(.*)$", blueprint, re.M)
    title_tokens = {t.lower() for title in titles for t in tokens(title)}

    total = 0
    for sec in sections(post):
        heading_words = len(tokens(sec["title"]))
        total += sec["words"] + heading_words
        print(f"H{sec['level']} {sec['title']!r}: {sec['words']} prose words"
              + (f" (H3s: {sec['h3']})" if sec["h3"] else ""))
    print(f"total words with headings (front matter and code excluded): {total}")

    body = post.split("\n---\n", 1)[1] if post.startswith("---\n") else post
    body = re.sub(r"```.*?```", "", body, flags=re.S)
    interesting = [t for t in tokens(render(body)) if re.search(r"[A-Z0-9]", t)]
    def missing(known):
        return sorted({t for t in interesting if t.lower() not in known and t.lower() not in GENERIC})
    print("capitalised/digit tokens not in sources, generic words or blueprint titles:",
          [t for t in missing(source_tokens) if t.lower() not in title_tokens])
    print("  … of which only the blueprint titles have:",
          [t for t in missing(source_tokens) if t.lower() in title_tokens])
    if retrieved:
        print(f"not in the retrieved files {retrieved} alone:", missing(retrieved_tokens | title_tokens))


if __name__ == "__main__":
    main()
