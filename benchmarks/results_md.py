"""benchmarks/RESULTS.md: each benchmark rewrites its own ``## `` section and leaves the others alone."""

from __future__ import annotations

from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"


def replace_section(section: str, lines: list[str], path: Path = RESULTS) -> None:
    """Rewrite ``section`` (a ``## `` heading, added at the end if missing) with ``lines``, which start
    with the heading; the other sections stay as they are."""
    text = path.read_text(encoding="utf-8")
    body = "\n".join(lines).rstrip() + "\n"
    if section in text:
        start = text.index(section)
        nxt = text.find("\n## ", start + len(section))
        rest = text[nxt + 1:] if nxt != -1 else ""
        text = text[:start] + body + ("\n" + rest if rest else "")
    else:
        text = text.rstrip() + "\n\n" + body
    path.write_text(text, encoding="utf-8")
    print(f"wrote {section!r} to {path}")
