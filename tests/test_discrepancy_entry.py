"""How one discrepancy is drawn in the sidebar: summary, then each article's value."""

from __future__ import annotations

from rich.console import Console

from annotate.compare.detectors.story import article_values
from annotate.model import Discrepancy
from tui.widgets.discrepancy_list import discrepancy_entry


def _lines(entry, width: int = 40) -> list[str]:
    console = Console(width=width, color_system=None, record=True)
    console.print(entry)
    return [line.rstrip() for line in console.export_text().splitlines()]


def test_a_long_value_wraps_under_itself_beside_its_label():
    d = Discrepancy(id="x", kind="quote", subject="s", summary="Quoted differently", severity="medium",
                    values=article_values({"a1": "we will rebuild every school in the valley by next spring", "b1": "short"}))
    lines = _lines(discrepancy_entry(d, {"a1": "A", "b1": "B"}))
    assert lines[1].startswith("  A we will rebuild")
    assert lines[2].startswith("    ") and not lines[2].strip().startswith("A")
    assert lines[-1] == "  B short"


def test_many_outlets_giving_one_value_share_a_row():
    ids = [f"art{i}" for i in range(10)]
    labels = {a: chr(ord("A") + i) for i, a in enumerate(ids)}
    values = {a: "December 9 (2022-12-09)" for a in ids}
    values["art3"] = "December 7 (2022-12-07)"
    d = Discrepancy(id="x", kind="date", subject="when", summary="Dated differently", severity="medium", values=article_values(values))
    lines = _lines(discrepancy_entry(d, labels))
    assert "  A, B, C, E, F, G and 3 more" in lines
    assert "    December 9 (2022-12-09)" in lines
    assert "  D December 7 (2022-12-07)" in lines
    assert len(lines) == 4
