"""What a reader meets on real news files rather than the bundled corpus: files without a
title whose first line is the whole lede, short file names (``a.txt``, ``cnn.txt``), stories
of three articles and more. Each test asserts what is on screen (or in the report)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from tests.pilot import wait_for_engine, wait_until
from tests.test_app import header_text, screen_text

# Three reports of one visit, as wire copy comes: no title line, the first line is the lede
# (longer than any column), and the figure that differs is in it.
LEDES = {
    "a.txt": (
        "BAMAKO, Mali — Russian Foreign Minister Sergei Lavrov arrived in Bamako on Tuesday for talks with the "
        "military government, and officials said Russia would deliver four helicopters to the Malian army before "
        "the end of the year.\n"
        "Lavrov told reporters that the two countries would sign a security agreement within weeks.\n"
        "The visit comes as France withdraws its last troops from the country.\n"
        '"We will not abandon our friends," Lavrov said at a news conference with Colonel Assimi Goita.\n'
    ),
    "b.txt": (
        "Russian Foreign Minister Sergey Lavrov met Colonel Assimi Goita in Bamako on Tuesday and promised that "
        "Russia would deliver six helicopters to the Malian army before the end of the year, according to the "
        "state news agency.\n"
        "Lavrov said the two countries would sign a security agreement soon.\n"
        "France has withdrawn most of its troops from Mali.\n"
        '"We will never abandon our friends," Lavrov said.\n'
    ),
    "c.txt": (
        "Sergei Lavrov, the Russian foreign minister, visited Bamako on Tuesday, where he met Colonel Assimi Goita "
        "and said that Russia would deliver four helicopters to the Malian army before the end of the year.\n"
        "Lavrov told journalists a security agreement would be signed within weeks.\n"
        "The visit follows the withdrawal of French troops.\n"
    ),
}


@pytest.fixture
def ledes(tmp_path) -> Path:
    folder = tmp_path / "ledes"
    folder.mkdir()
    for name, text in LEDES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


async def press_d_until(pilot, kind: str) -> None:
    app = pilot.app
    for _ in range(len(app.analysis.discrepancies)):
        await pilot.press("d")
        await pilot.pause()
        if app.discrepancy(app.reading.discrepancy).kind == kind:
            return
    raise AssertionError(f"no {kind} finding reached with d")


async def test_hiding_the_sidebar_shows_a_third_column_whose_title_has_a_name(ledes):
    """b at 160 columns makes room for a third column; it was never drawn before, and
    drawing the names in its title crashed the app (no styles yet)."""
    from tui.app import CorpusApp

    app = CorpusApp([ledes], stories="one")
    async with app.run_test(size=(160, 50)) as pilot:
        await wait_for_engine(pilot)
        assert app.column_count == 2
        await pilot.press("b")
        await wait_until(pilot, lambda: app.column_count == 3, what="three columns")
        await pilot.pause()
        assert app.is_running
        assert "Sergei Lavrov" in header_text(app.columns[2])
        await pilot.press("b")  # and back
        await wait_until(pilot, lambda: app.column_count == 2, what="two columns")
        assert app.is_running
