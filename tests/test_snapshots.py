"""Snapshots of what the reader looks like (pytest-textual-snapshot).

Update the baselines after a deliberate change to the look or to the engine's
output with ``pytest tests/test_snapshots.py --snapshot-update`` and review
the SVG diffs.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.app import CorpusApp

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


@pytest.fixture(autouse=True)
def engine_cache(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("CORPUS_TUI_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "engine-cache"))


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
