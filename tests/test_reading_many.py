"""Reading many outlets at once (issue 17): every side of a finding on screen, stories kept
apart, the next story's findings reached with d, headers that keep outlet and date, and
the theme's colours on every line."""

from __future__ import annotations

import shutil
from pathlib import Path

import generate
import pytest
from rich.style import Style

from tui.app import CorpusApp
from tui.widgets.article_pane import ArticlePane
from tests.pilot import wait_for_engine

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    """Six stories of made-up outlets, the first of six reports, with planted discrepancies."""
    folder = tmp_path_factory.mktemp("generated")
    generate.generate(folder, 30, seed=7, largest=6)
    (folder / "manifest.json").unlink()
    return folder




def on_screen(app: CorpusApp) -> list[str]:
    return app.reading.shown[: app.column_count]


def one_story(app: CorpusApp) -> bool:
    return len({id(app.story_of(a)) for a in on_screen(app)}) == 1


async def test_d_shows_one_article_of_each_side_when_the_first_ones_agree(generated):
    app = CorpusApp([generated])
    async with app.run_test(size=(160, 50)) as pilot:
        await wait_for_engine(pilot)
        assert app.column_count == 2
        order = app.index.article_position
        # Findings where the first two articles (by file order) say the same: two columns
        # filled in file order would show one side only.
        lopsided = [
            d.id for d in app.index.discrepancies
            if len(set(d.values.values())) >= 2 and len(d.values) >= 3
            and (lambda first: d.values[first[0]] == d.values[first[1]])(sorted(d.values, key=order))
        ]
        assert lopsided, "the generated corpus has no finding with more articles on one side"
        seen: set[str] = set()
        for _ in range(len(app.index.discrepancies) + 1):
            await pilot.press("d")
            d = app.discrepancy(app.reading.discrepancy)
            if d.id not in lopsided:
                continue
            seen.add(d.id)
            shown = on_screen(app)
            assert len({d.values[a] for a in shown if a in d.values}) == 2, (d.summary, shown)
            for n, article_id in enumerate(shown):
                starts = [e.start for e in d.evidence if e.article == article_id]
                if starts:
                    assert app.pane(n).is_visible_offset(min(starts))
        assert seen == set(lopsided)


async def test_d_goes_on_to_the_next_storys_findings_and_columns_never_mix_stories(generated):
    app = CorpusApp([generated])
    async with app.run_test(size=(160, 50)) as pilot:
        await wait_for_engine(pilot)
        first_story = app.story_of(app.reading.shown[0])
        count = len(app.sidebar.story_discrepancies)
        assert count
        await pilot.press(*["d"] * count)
        assert app.story_of(app.reading.shown[0]) is first_story and one_story(app)
        await pilot.press("d")
        assert "Next story" in app.status.said
        assert app.story_of(app.reading.article) is not first_story
        assert one_story(app)
        assert app.reading.discrepancy == app.sidebar.story_discrepancies[0].id
        await pilot.press("D")
        assert "Previous story" in app.status.said and app.story_of(app.reading.shown[0]) is first_story
        for _ in range(3):
            await pilot.press("right_curly_bracket")
            assert one_story(app)
            assert app.column_count <= len(app.story_of(app.reading.shown[0]))


async def test_a_mixed_folder_opens_where_there_is_something_to_compare(generated, tmp_path):
    folder = tmp_path / "mixed"
    shutil.copytree(generated, folder)
    # A lone article first in file order: a story of one, nothing to compare.
    (folder / "aaa-opening-note.md").write_text(
        "---\ntitle: Harbour museum reopens\nsource: Town Crier\n---\nHarbour museum reopens\n\n"
        "The harbour museum reopened its doors after repairs to the roof.\n",
        encoding="utf-8",
    )
    app = CorpusApp([folder])
    async with app.run_test(size=(160, 50)) as pilot:
        await wait_for_engine(pilot)
        assert app.sidebar.story_discrepancies, app.status.said
        assert one_story(app)
        assert "0 discrepancies" not in app.status.said
        await pilot.press("d")
        assert app.reading.discrepancy is not None


def header_text(app: CorpusApp, column: int) -> list[str]:
    header = app.columns[column].header
    return ["".join(segment.text for segment in header.render_line(y)).rstrip() for y in range(header.size.height)]


async def test_header_keeps_source_and_date_for_long_titles_and_says_what_is_not_stated(tmp_path):
    folder = tmp_path / "long"
    folder.mkdir()
    long_title = "Parliament passes the budget after a night of talks that ran far longer than anyone had expected"
    (folder / "one.md").write_text(
        f"---\ntitle: {long_title}\nsource: Example News\npublished: 2024-03-01\n---\n{long_title}\n\n"
        "The budget passed at dawn with a majority of twelve.\n",
        encoding="utf-8",
    )
    (folder / "two.md").write_text("Budget passes\n\nThe budget passed at dawn with a majority of ten.\n", encoding="utf-8")
    app = CorpusApp([folder])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        first, second = header_text(app, 0), header_text(app, 1)
        assert "Example News" in first[0] and "2024-03-01" in first[0]
        assert first[1].startswith("Parliament passes") and first[1].endswith("…")
        assert "source not stated" in second[0] and "date not stated" in second[0]
        # A title the header cuts is also the text's first line, so its end can be read; a
        # title the header shows whole is not printed twice.
        pane = app.columns[0].pane
        shown = " ".join("".join(s.text for s in pane.render_line(y)) for y in range(4))
        assert " ".join(shown.split()).startswith(long_title)
        top = "".join(segment.text for segment in app.columns[1].pane.render_line(0))
        assert "Budget passes" not in top and "The budget passed" in top


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
async def test_lines_without_a_highlight_are_drawn_in_the_themes_colours(theme):
    app = CorpusApp([CORPUS])
    async with app.run_test(size=(160, 50)) as pilot:
        app.theme = theme
        await wait_for_engine(pilot)
        await pilot.pause()
        pane = app.columns[0].pane
        background = pane.rich_style.bgcolor
        foreground = pane.rich_style.color
        plain = [y for y in range(pane.size.height) if not pane._spans_by_line.get(int(pane.scroll_offset.y) + y)]
        assert plain, "every line on screen has a highlight"
        for y in plain:
            for segment in pane.render_line(y):
                assert segment.style is not None and segment.style.bgcolor == background, (y, segment)
                if segment.text.strip():
                    assert segment.style.color == foreground, (y, segment)


def shade(style, base):
    """The background a cell is drawn with (reverse swaps the colours)."""
    style = base + style
    colour = style.color if style.reverse else style.bgcolor
    return colour.get_truecolor()


def far_apart(a, b) -> bool:
    return sum((x - y) ** 2 for x, y in zip(a, b)) ** 0.5 > 60


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
async def test_annotated_words_numbers_matches_and_the_cursor_each_look_different(theme):
    app = CorpusApp([CORPUS])
    async with app.run_test(size=(160, 50)) as pilot:
        app.theme = theme
        await wait_for_engine(pilot)
        pane: ArticlePane = app.columns[0].pane
        layer = pane.layer_style
        entity_with_underline = layer("entity") + layer("discrepancy")
        annotated = entity_with_underline + layer("annotated")
        # Notes show on top of an entity and a discrepancy: their own colour and weight.
        assert annotated.color != entity_with_underline.color and annotated.bold and not entity_with_underline.bold
        base = pane.rich_style
        number, match = shade(layer("number"), base), shade(layer("match"), base)
        cursor_on_number = shade(layer("number") + layer("cursor"), base)
        assert far_apart(number, match) and far_apart(number, cursor_on_number) and far_apart(match, cursor_on_number)
        # The legend's swatch for dates is visible against the legend's own background.
        assert far_apart(shade(layer("date"), base), shade(Style(), base))


async def test_an_article_swapped_into_a_column_shows_the_selection(generated):
    """> puts the story's next article in the focused column with the marks of what is selected:
    the chosen name's mentions and the search's matches; the cursor stays with its article."""
    app = CorpusApp([generated])
    async with app.run_test(size=(160, 50)) as pilot:
        await wait_for_engine(pilot)
        await pilot.press("slash", *"the", "enter")  # matches in every article
        story = app.story_of(app.reading.article)
        assert len(story) > app.column_count
        in_story = {e: {m.article for m in ms} & set(story) for e, ms in app.index.entity_mentions.items()}
        entity = max(in_story, key=lambda e: len(in_story[e]))
        app.select_entity(entity)
        await pilot.pause()
        before = app.reading.article
        cursor = app.reading.cursor(before)
        await pilot.press("greater_than_sign")
        swapped_in = app.reading.article
        assert swapped_in != before and app.focused.article.id == swapped_in
        for column in app.columns:
            pane = column.pane
            article_id = pane.article.id
            assert set(drawn(pane, "linked")) == {(m.start, m.end) for m in app.index.entity_mentions[entity] if m.article == article_id}
            assert set(drawn(pane, "match")) == {(m.start, m.end) for m in app.reading.matches if m.article == article_id}
            assert drawn(pane, "match")
        assert drawn(app.focused, "cursor") == []
        await pilot.press("less_than_sign")
        assert app.reading.article == before
        assert drawn(app.focused, "cursor") == [(cursor.start, cursor.end)]


def drawn(pane, style: str) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in pane._spans if s.style == style]
