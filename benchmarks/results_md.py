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


def current_block(section: str, start: str, path: Path = RESULTS) -> list[str]:
    """The lines of ``section`` from the first line starting with ``start`` up to (not including) the next
    ``### `` heading after it; empty when there is none. A run that skips a part keeps the part's last results."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if section not in text:
        return []
    lines = text[text.index(section):].split("\n")[1:]
    lines = lines[:next((i for i, line in enumerate(lines) if line.startswith("## ")), len(lines))]
    begin = next((i for i, line in enumerate(lines) if line.startswith(start)), None)
    if begin is None:
        return []
    end = next((i for i in range(begin + 1, len(lines)) if lines[i].startswith("### ")), len(lines))
    return lines[begin:end]
