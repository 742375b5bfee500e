"""Reading keys as a demanding reader presses them on real news (MEANTIME, ECB+, NewsWCL50
and saved pages): each test asserts what the reader sees after the keys."""

from __future__ import annotations

import pytest

from tests.pilot import wait_for_engine


@pytest.mark.parametrize(("tabs", "words", "tab"), [(2, "person", "entities"), (1, "number", "discrepancies")])
async def test_enter_in_the_filter_then_enter_picks_the_first_entry_shown(corpus, tabs, words, tab):
    """f, words, enter (to the list), enter: nothing was highlighted in the filtered list, so
    the second enter did nothing at all (MEANTIME apple: "person", enter, enter, then n said
    "Put the cursor on a name first")."""
    from tui.app import CorpusApp

    app = CorpusApp([corpus])
    async with app.run_test(size=(160, 50)) as pilot:
        await wait_for_engine(pilot)
        await pilot.press(*(["v"] * tabs), "f", *words, "enter")
        await pilot.pause()
        listing = app.sidebar.entities if tab == "entities" else app.sidebar.discrepancies
        first = next(listing.get_option_at_index(i).id for i in range(listing.option_count) if listing.get_option_at_index(i).id)
        await pilot.press("enter")
        await pilot.pause()
        if tab == "entities":
            assert app.reading.entity == first
            assert " · 1 of " in app.status.said
        else:
            assert app.reading.discrepancy == first
            assert app.status.said.startswith("Discrepancy ")
