"""Snapshots of what the reader looks like (pytest-textual-snapshot).

The app is fed a fixed analysis of the bundled corpus (``tests/data/seed-analysis.json``,
a saved ``corpus-tui report corpus --format json``), so a change in the engine does not
change these pictures: they test the reader. Update the baselines after a deliberate change
to the look with ``pytest tests/test_snapshots.py --snapshot-update`` and review the SVG
diffs; after a change to the report's schema, save the report again.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from annotate.schema import analysis_from_data
from tui.app import CorpusApp

TESTS = Path(__file__).resolve().parent
CORPUS = TESTS.parent / "corpus"
FIXED = analysis_from_data(json.loads((TESTS / "data" / "seed-analysis.json").read_text(encoding="utf-8")))


@pytest.fixture(autouse=True)
def fixed_engine(monkeypatch):
    """The engine answers with the saved analysis, on the articles the app loaded."""

    def analyse(articles, *args, progress=None, **kwargs):
        assert [a.id for a in articles] == [a.id for a in FIXED.articles], "save the report again"
        if progress:
            progress(len(articles), len(articles))
        return replace(FIXED, articles=list(articles))

    monkeypatch.setattr("annotate.engine.analyse", analyse)


def after_engine(*keys: str):
    """A run_before hook: wait for the highlights and sidebar, then press ``keys``."""

    async def run_before(pilot) -> None:
        app = pilot.app
        while app.analysis is None:
            assert not any(w.state.name == "ERROR" for w in app.workers), app.status.said
            await pilot.pause(0.1)
        await pilot.pause()
        if keys:
            await pilot.press(*keys)
        await pilot.pause()

    return run_before


def test_main_view(snap_compare):
    assert snap_compare(CorpusApp([CORPUS]), terminal_size=(160, 50), run_before=after_engine())


def test_selected_discrepancy(snap_compare):
    assert snap_compare(CorpusApp([CORPUS]), terminal_size=(160, 50), run_before=after_engine("d", "d"))


def test_coverage_view(snap_compare):
    assert snap_compare(CorpusApp([CORPUS]), terminal_size=(160, 50), run_before=after_engine("v", "v", "v"))


def test_help(snap_compare):
    assert snap_compare(CorpusApp([CORPUS]), terminal_size=(160, 50), run_before=after_engine("question_mark"))


def test_narrow_layout(snap_compare):
    assert snap_compare(CorpusApp([CORPUS]), terminal_size=(80, 24), run_before=after_engine("right_square_bracket"))
