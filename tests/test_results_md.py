"""benchmarks/results_md.py: a benchmark rewrites its own section of RESULTS.md, keeping the notes written by hand."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("results_md", ROOT / "benchmarks" / "results_md.py")
assert spec and spec.loader
results_md = importlib.util.module_from_spec(spec)
spec.loader.exec_module(results_md)


def test_a_rewrite_keeps_the_notes_and_the_other_sections(tmp_path: Path) -> None:
    path = tmp_path / "RESULTS.md"
    path.write_text("# Top\n\n## A\n\nold a\n\n" + results_md.NOTES + "\n\nby hand\n\n## B\n\nold b\n", encoding="utf-8")
    results_md.replace_section("## A", ["## A", "", "new a"], path)
    assert path.read_text(encoding="utf-8") == (
        "# Top\n\n## A\n\nnew a\n\n" + results_md.NOTES + "\n\nby hand\n\n## B\n\nold b\n")
    results_md.replace_section("## B", ["## B", "", "new b"], path)  # the last section, without notes
    assert path.read_text(encoding="utf-8").endswith("## B\n\nnew b\n") and "by hand" in path.read_text(encoding="utf-8")
    results_md.replace_section("## C", ["## C", "", "c"], path)  # a new section goes at the end
    assert path.read_text(encoding="utf-8").endswith("new b\n\n## C\n\nc\n")


def test_notes_at_the_end_of_the_file_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "RESULTS.md"
    path.write_text("## A\n\nold\n\n" + results_md.NOTES + "\n\nlast words\n", encoding="utf-8")
    results_md.replace_section("## A", ["## A", "", "new"], path)
    assert path.read_text(encoding="utf-8") == "## A\n\nnew\n\n" + results_md.NOTES + "\n\nlast words\n"
