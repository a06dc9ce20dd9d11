"""benchmarks/RESULTS.md: each benchmark rewrites its own ``## `` section and leaves the others alone.

What people write by hand into a section (re-runs on other machines, comparisons with older commits,
findings) goes under its ``### Notes`` heading (``NOTES``): a rewrite keeps that part, from the heading
to the section's end, after the new body.
"""

from __future__ import annotations

from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
NOTES = "### Notes (written by hand; kept when the benchmark rewrites this section)"


def replace_section(section: str, lines: list[str], path: Path = RESULTS) -> None:
    """Rewrite ``section`` (a ``## `` heading, added at the end if missing) with ``lines``, which start
    with the heading; the section's notes and the other sections stay as they are."""
    text = path.read_text(encoding="utf-8")
    body = "\n".join(lines).rstrip() + "\n"
    if section in text:
        start = text.index(section)
        nxt = text.find("\n## ", start + len(section))
        old = text[start:nxt + 1] if nxt != -1 else text[start:]
        rest = text[nxt + 1:] if nxt != -1 else ""
        if NOTES in old:
            body += "\n" + old[old.index(NOTES):].rstrip() + "\n"
        text = text[:start] + body + ("\n" + rest if rest else "")
    else:
        text = text.rstrip() + "\n\n" + body
    path.write_text(text, encoding="utf-8")
    print(f"wrote {section!r} to {path}")
