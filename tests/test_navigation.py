"""Keyboard navigation (issue 4): the mention cursor, following an entity across
articles, stepping through discrepancies, search, coverage and scrolling in step."""

from __future__ import annotations

from pathlib import Path

from tui.app import CorpusApp
from tui.widgets.coverage_table import CoverageTable
from tui.widgets.discrepancy_list import DiscrepancyList
from tui.widgets.entity_list import EntityList
from tests.pilot import wait_for_engine

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def cursor(app: CorpusApp):
    return app.reading.cursor(app.reading.article)


def focused_article(app: CorpusApp) -> str:
    return app.focused.article.id


def cross_article_entity(app: CorpusApp) -> str:
    """A linked entity named in both articles (the engine decides which)."""
    candidates = [
        (len(ms), entity_id)
        for entity_id, ms in app.index.entity_mentions.items()
        if len({m.article for m in ms}) == 2 and app.index.entities[entity_id].label == "PERSON"
    ]
    assert candidates, "the engine linked no person across the two articles"
    return max(candidates)[1]


async def put_cursor_on(pilot, app: CorpusApp, target) -> None:
    """Walk the cursor with ] in the target's column until it sits on ``target``."""
    app.focus_column(app.reading.shown.index(target.article))
    for _ in range(len(app.index.mentions(target.article)) + 1):
        await pilot.press("right_square_bracket")
        if cursor(app) is target:
            return
    raise AssertionError(f"] never reached {target.text!r}")


async def test_bracket_keys_walk_mentions_in_text_order():
    app = CorpusApp([CORPUS])
    async with app.run_test(size=(160, 50)) as pilot:
        await wait_for_engine(pilot)
        starts = []
        for _ in range(6):
            await pilot.press("right_square_bracket")
            starts.append(cursor(app).start)
        assert starts == sorted(starts) and len(set(starts)) == 6
        assert focused_article(app) == app.reading.shown[0]
        await pilot.press("left_square_bracket", "left_square_bracket")
        assert cursor(app).start == starts[3]
        pane = app.focused
        assert pane.is_visible_offset(cursor(app).start)
        assert any(s.style == "cursor" and s.start == cursor(app).start for s in pane._spans)


async def test_n_visits_every_mention_of_an_entity_across_articles_and_comes_back():
    app = CorpusApp([CORPUS])
    async with app.run_test(size=(160, 50)) as pilot:
        await wait_for_engine(pilot)
        entity_id = cross_article_entity(app)
        mentions = app.index.entity_mentions[entity_id]
        name = app.index.entities[entity_id].name
        await put_cursor_on(pilot, app, mentions[0])
        assert app.status.said.startswith(f"{name} · 1 of {len(mentions)}")
        visited = [cursor(app)]
        for n in range(1, len(mentions) + 1):
            await pilot.press("n")
            current = cursor(app)
            visited.append(current)
            # Focus follows the mention into its article's pane, scrolled into view.
            assert focused_article(app) == current.article
            assert app.focused.is_visible_offset(current.start)
            title = app.index.article(current.article).title
            assert app.status.said == f"{name} · {n % len(mentions) + 1} of {len(mentions)} · {app.labels[current.article]}: {title}"
            # Every other mention of the entity in the shown articles stays marked.
            for column in app.columns:
                linked = {(s.start, s.end) for s in column.pane._spans if s.style == "linked"}
                assert linked == {(m.start, m.end) for m in mentions if m.article == column.pane.article.id}
        assert visited[:-1] == mentions and visited[-1] is mentions[0]
        assert {m.article for m in visited} == set(app.reading.shown[:2])
        # N walks back the same way.
        await pilot.press("N")
        assert cursor(app) is mentions[-1]
        await pilot.press("N")
        assert cursor(app) is mentions[-2]


async def test_selecting_a_discrepancy_scrolls_every_involved_pane_to_its_evidence():
    app = CorpusApp([CORPUS])
    async with app.run_test(size=(160, 50)) as pilot:
        await wait_for_engine(pilot)
        both = [d for d in app.index.discrepancies if len({e.article for e in d.evidence}) == 2]
        # The one whose evidence is furthest down, so both panes have to scroll.
        target = max(both, key=lambda d: min(e.start for e in d.evidence))
        sidebar = app.query_one(DiscrepancyList)
        sidebar.focus()
        sidebar.highlighted = sidebar.get_option_index(target.id)
        await pilot.press("enter")
        await pilot.pause()
        assert app.reading.discrepancy == target.id
        for column in app.columns:
            pane = column.pane
            evidence = [e for e in target.evidence if e.article == pane.article.id]
            assert evidence
            assert pane.scroll_y > 0
            assert pane.is_visible_offset(evidence[0].start)
            marked = {(s.start, s.end) for s in pane._spans if s.style == "evidence"}
            assert marked == {(e.start, e.end) for e in evidence}
        assert app.status.said.startswith("Discrepancy ")


async def test_d_steps_through_every_discrepancy_from_anywhere_and_wraps():
    app = CorpusApp([CORPUS])
    async with app.run_test(size=(160, 50)) as pilot:
        await wait_for_engine(pilot)
        ids = [d.id for d in app.index.discrepancies]
        seen = []
        for _ in ids:
            await pilot.press("d")
            seen.append(app.reading.discrepancy)
        assert seen == ids
        await pilot.press("d")
        assert app.reading.discrepancy == ids[0]
        await pilot.press("D")
        assert app.reading.discrepancy == ids[-1]
        assert app.query_one(DiscrepancyList).highlighted == app.query_one(DiscrepancyList).get_option_index(ids[-1])


async def test_search_finds_matches_across_articles_with_next_and_previous():
    app = CorpusApp([CORPUS])
    async with app.run_test(size=(160, 50)) as pilot:
        await wait_for_engine(pilot)
        word = app.index.entities[cross_article_entity(app)].name.split()[-1]
        expected = sum(a.text.lower().count(word.lower()) for a in app.articles)
        await pilot.press("slash", *word, "enter")
        assert app.status.said.startswith(f"“{word}” · match 1 of {expected}")
        articles = set()
        for _ in range(expected):
            match = app.reading.match
            articles.add(match.article)
            assert app.focused.article.id == match.article
            assert app.focused.is_visible_offset(match.start)
            assert app.articles[[a.id for a in app.articles].index(match.article)].text[match.start : match.end].lower() == word.lower()
            await pilot.press("full_stop")
        assert app.reading.match_index == 0 and articles == set(app.reading.shown[:2])
        await pilot.press("comma")
        assert app.reading.match_index == expected - 1


async def test_typing_in_the_search_box_does_not_trigger_reader_keys():
    app = CorpusApp([CORPUS])
    async with app.run_test(size=(160, 50)) as pilot:
        await wait_for_engine(pilot)
        await pilot.press("slash", "q", "n", "d", "1")
        assert app.query_one("#search").value == "qnd1"
        assert app.reading.discrepancy is None and "entity" in app.layers
        await pilot.press("escape")
        assert app.focused is app.columns[0].pane


async def test_keys_typed_in_one_burst_after_slash_go_to_the_search_box():
    """A fast typist's keys arrive together: none may reach the reader before the box has focus."""
    from textual import events

    app = CorpusApp([CORPUS])
    async with app.run_test(size=(160, 50)) as pilot:
        await wait_for_engine(pilot)
        layers = app.layers
        for key, character in [("slash", "/"), ("q", "q"), ("n", "n"), ("1", "1"), ("d", "d")]:
            app.post_message(events.Key(key, character))  # all queued before any is handled
        await pilot.pause()
        assert app.is_running
        assert app.query_one("#search").value == "qn1d"
        assert app.layers == layers and app.reading.discrepancy is None


async def test_keys_typed_in_one_burst_after_o_filter_the_articles_list():
    from textual import events

    from tui.screens.articles import ArticlesScreen

    app = CorpusApp([CORPUS])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_engine(pilot)
        for key in "oturns":
            app.post_message(events.Key(key, key))
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ArticlesScreen)
        assert app.screen.query_one("#articles-filter").value == "turns"


async def test_entities_tab_starts_n_navigation_on_the_chosen_entity():
    app = CorpusApp([CORPUS])
    async with app.run_test(size=(160, 50)) as pilot:
        await wait_for_engine(pilot)
        entity_id = cross_article_entity(app)
        await pilot.press("v", "v")
        entities = app.query_one(EntityList)
        assert app.focused is entities
        entities.highlighted = entities.get_option_index(entity_id)
        await pilot.press("enter")
        mentions = app.index.entity_mentions[entity_id]
        assert cursor(app) is mentions[0]
        await pilot.press("n")
        assert cursor(app) is mentions[1]


async def test_coverage_row_jumps_to_the_evidence():
    app = CorpusApp([CORPUS])
    async with app.run_test(size=(160, 50)) as pilot:
        await wait_for_engine(pilot)
        await pilot.press("v", "v", "v")
        table = app.query_one(CoverageTable)
        assert app.focused is table
        assert table.row_count == len(app.index.discrepancies) + len(app.analysis.corroborations)
        omission = next(d for d in app.index.discrepancies if d.kind == "omission")
        row = [r for r in table.rows_by_key].index(f"d:{omission.id}")
        table.move_cursor(row=row)
        await pilot.press("enter")
        assert app.reading.discrepancy == omission.id
        # An omission is reported by one side and missing from the other.
        cells = table.rows_by_key[f"d:{omission.id}"].cells
        assert sorted(cells.values()) == ["not reported", "reported"]


async def test_scroll_in_step_moves_the_other_pane():
    app = CorpusApp([CORPUS])
    async with app.run_test(size=(160, 50)) as pilot:
        await wait_for_engine(pilot)
        left, right = (c.pane for c in app.columns)
        await pilot.press("pagedown")
        await pilot.pause()
        assert left.scroll_y > 0 and right.scroll_y == 0
        await pilot.press("home", "s", "pagedown")
        await pilot.pause()
        assert left.scroll_y > 0 and right.scroll_y > 0
        assert abs(left.scroll_y / left.max_scroll_y - right.scroll_y / right.max_scroll_y) < 0.1


async def test_command_palette_jumps_to_an_entity():
    app = CorpusApp([CORPUS])
    async with app.run_test(size=(160, 50)) as pilot:
        await wait_for_engine(pilot)
        entity_id = cross_article_entity(app)
        name = app.index.entities[entity_id].name
        await pilot.press("ctrl+p", *f"Jump to entity: {name}")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert cursor(app) is app.index.entity_mentions[entity_id][0]


async def test_clicking_a_name_puts_the_cursor_on_it():
    app = CorpusApp([CORPUS])
    async with app.run_test(size=(160, 50)) as pilot:
        await wait_for_engine(pilot)
        pane = app.columns[1].pane
        target = next(
            m for m in app.index.mentions(pane.article.id) if m.kind == "entity" and m.entity and pane.is_visible_offset(m.start)
        )
        line, column = pane.wrapped.column_of(target.start)
        await pilot.click(pane, offset=(column + 1, line - int(pane.scroll_y)))
        await pilot.pause()
        assert cursor(app) is target
        assert app.focused is pane
        assert app.status.said.startswith(app.index.entities[target.entity].name)


async def test_sidebar_can_be_hidden_to_read_wider():
    app = CorpusApp([CORPUS])
    async with app.run_test(size=(160, 50)) as pilot:
        await wait_for_engine(pilot)
        width = app.columns[0].pane.size.width
        await pilot.press("b")
        await pilot.pause()
        assert not app.query_one("#sidebar").display
        assert app.columns[0].pane.size.width > width
        await pilot.press("b")
        await pilot.pause()
        assert app.query_one("#sidebar").display


async def test_left_and_right_move_between_columns_and_the_sidebar():
    app = CorpusApp([CORPUS])
    async with app.run_test(size=(160, 50)) as pilot:
        await wait_for_engine(pilot)
        assert app.focused is app.columns[0].pane
        await pilot.press("right")
        assert app.focused is app.columns[1].pane and app.reading.column == 1
        await pilot.press("right")  # after the last column: the sidebar's list
        assert app.focused is app.query_one(DiscrepancyList)
        await pilot.press("right")  # wraps around
        assert app.focused is app.columns[0].pane
        await pilot.press("left", "left")
        assert app.focused is app.columns[1].pane


def drawn(pane, style: str) -> list[tuple[int, int]]:
    """The spans drawn in ``style`` in a pane."""
    return [(s.start, s.end) for s in pane._spans if s.style == style]


async def test_the_cursor_is_drawn_in_the_focused_column_only():
    """Left and right move the cursor's mark with the focus at once, as a click does."""
    app = CorpusApp([CORPUS])
    async with app.run_test(size=(160, 50)) as pilot:
        await wait_for_engine(pilot)
        left, right = (c.pane for c in app.columns)
        await pilot.press("right_square_bracket")
        on_left = drawn(left, "cursor")
        assert len(on_left) == 1
        await pilot.press("right")
        assert app.focused is right
        assert drawn(left, "cursor") == [] and drawn(right, "cursor") == []
        await pilot.press("right_square_bracket")
        on_right = drawn(right, "cursor")
        assert len(on_right) == 1
        await pilot.press("left")  # each article keeps its cursor
        assert drawn(left, "cursor") == on_left and drawn(right, "cursor") == []
        await pilot.press("right")
        assert drawn(left, "cursor") == [] and drawn(right, "cursor") == on_right


async def test_each_key_draws_the_marks_once(monkeypatch):
    """A key that moves the reader draws the marks once, however much it changes; a key that
    changes nothing draws nothing."""
    app = CorpusApp([CORPUS])
    async with app.run_test(size=(160, 50)) as pilot:
        await wait_for_engine(pilot)
        entity_id = cross_article_entity(app)
        word = app.index.entities[entity_id].name.split()[-1]
        draws: list[int] = []
        draw = app.refresh_marks
        monkeypatch.setattr(app, "refresh_marks", lambda: (draws.append(1), draw()))
        app.select_entity(entity_id)
        await pilot.pause()
        assert len(draws) == 1
        for keys in (["n"], ["n"], ["N"], ["right_square_bracket"], ["d"], ["d"], ["right"], ["left"],
                     ["slash", *word, "enter"], ["full_stop"], ["comma"], ["1"], ["1"], ["escape"]):
            draws.clear()
            await pilot.press(*keys)
            await pilot.pause()
            assert len(draws) == 1, keys
        draws.clear()
        await pilot.press("escape")  # nothing left to clear
        await pilot.pause()
        assert draws == []
