"""The reader as a user sees it: titles, highlights, sidebar, layers, help, layout."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from tui.app import CorpusApp
from tui.keymap import all_keys, load_keymap
from tui.screens.help import HelpScreen
from tui.widgets.article_column import ArticleColumn
from tui.widgets.article_pane import ArticlePane
from annotate.corpus.labels import with_labels
from tui.widgets.discrepancy_list import DiscrepancyList, value_text
from tui.widgets.reader_footer import ReaderFooter
from tui.widgets.sidebar import Sidebar
from tui.widgets.wrapping import wrap
from tests.pilot import record_notifications, wait_for_engine, wait_until

CORPUS = Path(__file__).resolve().parent.parent / "corpus"




def screen_text(pane: ArticlePane) -> str:
    """The text the pane shows right now, line by line."""
    return "\n".join(pane.render_line(y).text for y in range(pane.scrollable_content_region.height))


def widget_text(widget) -> str:
    """Every line the widget draws, as plain text."""
    return "\n".join(strip.text for strip in widget.render_lines(widget.size.region))


def header_text(column: ArticleColumn) -> str:
    """The column's header with its wrapped lines joined back together."""
    return " ".join(widget_text(column.header).split())


def rendered_style_at(pane: ArticlePane, offset: int):
    """The Rich style of the cell showing character ``offset`` (which must be on screen)."""
    line, column = pane.wrapped.column_of(offset)
    strip = pane.render_line(line - int(pane.scroll_offset.y))
    x = 0
    for segment in strip:
        if x <= column < x + len(segment.text):
            return segment.style
        x += len(segment.text)
    raise AssertionError(f"offset {offset} not on screen")


async def test_both_titles_highlights_and_sidebar_at_160x50():
    app = CorpusApp([CORPUS])
    async with app.run_test(size=(160, 50)) as pilot:
        await wait_for_engine(pilot)
        titles = {a.title for a in app.articles}
        headers = " ".join(header_text(c) for c in app.columns)
        assert len(titles) == 2 and all(t in headers for t in titles)
        # At least one highlighted span of each kind is on screen, drawn in that kind's style.
        seen = set()
        for column in app.columns:
            pane = column.pane
            base = pane.rich_style
            for mention in app.index.mentions(pane.article.id):
                if pane.is_visible_offset(mention.start):
                    style = rendered_style_at(pane, mention.start)
                    kind_style = pane.layer_style(mention.kind)
                    if (kind_style.bgcolor and style.bgcolor == kind_style.bgcolor) or (
                        kind_style.italic and style.italic
                    ):
                        seen.add(mention.kind)
            assert style is not None and base is not None
        assert seen == {"entity", "number", "quote", "date"}
        sidebar = app.query_one(DiscrepancyList)
        entries = [o for o in sidebar.options if o.id]
        assert entries and len(entries) == len(app.analysis.discrepancies)


async def test_sidebar_groups_discrepancies_by_kind_with_counts():
    app = CorpusApp([CORPUS])
    async with app.run_test(size=(160, 50)) as pilot:
        await wait_for_engine(pilot)
        options = app.query_one(DiscrepancyList).options
        headers = [str(o.prompt) for o in options if o.disabled and str(o.prompt).endswith(")")]
        kinds = {d.kind for d in app.analysis.discrepancies}
        assert len(headers) == len(kinds)
        counted = sum(int(h.rsplit("(", 1)[1].rstrip(")")) for h in headers)
        assert counted == len(app.analysis.discrepancies)
        # The first entry on screen shows its kind, its summary and every article's differing value.
        shown = " ".join(widget_text(app.query_one(DiscrepancyList)).split())
        first = next(d for d in app.index.discrepancies)
        assert first.kind.replace("_", " ") in shown
        # (article ids in the summary are shortened to the column labels)
        assert " ".join(with_labels(first.summary, app.labels, first.values).split()) in shown
        assert len(app.articles[0].id) < 4 or app.articles[0].id not in shown
        for article_id, value in first.values.items():
            assert f"{app.labels[article_id]} {value_text(value)}" in shown


async def test_layer_toggles_hide_and_show_highlights():
    app = CorpusApp([CORPUS])
    async with app.run_test(size=(160, 50)) as pilot:
        await wait_for_engine(pilot)
        pane = app.columns[0].pane
        assert any(s.style == "number" for s in pane._spans)
        await pilot.press("2")
        assert not any(s.style == "number" for s in pane._spans)
        assert any(s.style == "entity" for s in pane._spans)
        assert "numbers (off)" in widget_text(app.query_one("#legend"))
        await pilot.press("2", "1", "3", "4", "5")
        assert any(s.style == "number" for s in pane._spans)
        assert not any(s.style in ("entity", "quote", "date", "discrepancy") for s in pane._spans)


async def test_help_lists_every_key_and_closes():
    app = CorpusApp([CORPUS])
    async with app.run_test(size=(160, 50)) as pilot:
        for key in ("question_mark", "f1"):
            await pilot.press(key)
            assert isinstance(app.screen, HelpScreen)
            text = " ".join(widget_text(app.screen.query_one("#help-keys")).split())
            for binding in all_keys():
                assert binding.description in text
            await pilot.press("escape")
            assert not isinstance(app.screen, HelpScreen)


async def test_q_quits():
    app = CorpusApp([CORPUS])
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_narrow_terminal_stacks_the_sidebar_under_the_articles():
    app = CorpusApp([CORPUS])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_engine(pilot)
        columns = app.columns
        assert len(columns) == 2
        sidebar = app.query_one(Sidebar)
        assert sidebar.region.y >= columns[0].region.bottom
        assert sidebar.region.height >= 5
        assert all(c.pane.scrollable_content_region.height >= 8 for c in columns)
        assert all(c.region.right <= 80 for c in columns)


async def test_wide_terminal_shows_more_columns(tmp_path):
    for n in range(4):
        (tmp_path / f"story-{n}.txt").write_text(f"Title number {n}\n\nThe mayor of Springfield spoke on Monday {n}.\n")
    app = CorpusApp([tmp_path])
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.pause()
        assert len(app.columns) == 3
    app = CorpusApp([tmp_path])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert len(app.columns) == 2


async def test_article_text_and_titles_are_never_markup(tmp_path):
    (tmp_path / "a.txt").write_text("[bold red]Not markup[/]\n\nThe [link=x]minister[/link] said [b]no[/b].\n")
    (tmp_path / "b.txt").write_text("Plain title\n\nAnother article about the minister.\n")
    app = CorpusApp([tmp_path])
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        headers = " ".join(header_text(c) for c in app.columns)
        assert "[bold red]Not markup[/]" in headers
        texts = " ".join(screen_text(c.pane) for c in app.columns)
        assert "The [link=x]minister[/link] said [b]no[/b]." in texts


async def test_more_articles_than_columns_can_be_chosen(tmp_path):
    for n in range(4):
        (tmp_path / f"story-{n}.txt").write_text(f"Title number {n}\n\nText of article {n}.\n")
    app = CorpusApp([tmp_path])
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        first = [c.pane.article.id for c in app.columns]
        await pilot.press("greater_than_sign")
        now = [c.pane.article.id for c in app.columns]
        assert now[1:] == first[1:] and now[0] not in first
        # The articles list puts the chosen article in the focused column.
        await pilot.press("o")
        await pilot.pause()
        target = app.articles[-1]
        await pilot.press("down")  # from the filter box to the list
        option_list = app.screen.query_one("#articles-list")
        assert app.screen.focused is option_list
        option_list.highlighted = option_list.get_option_index(target.id)
        await pilot.press("enter")
        await pilot.pause()
        assert app.columns[0].pane.article.id == target.id or app.columns[1].pane.article.id == target.id
        assert target.title in " ".join(header_text(c) for c in app.columns)


async def test_remapped_keys_from_the_config_file(tmp_path):
    keys = tmp_path / "keys.toml"
    keys.write_text('"layer.number" = "z"\n"no.such.binding" = "y"\n')
    keymap, problems = load_keymap(keys)
    assert keymap == {"layer.number": "z"}
    assert problems and "no.such.binding" in problems[0]
    app = CorpusApp([CORPUS])
    async with app.run_test(size=(160, 50)) as pilot:
        await wait_for_engine(pilot)
        app.set_keymap(keymap)
        await pilot.press("z")
        assert "number" not in app.layers
        await pilot.press("2")  # the old key no longer toggles
        assert "number" not in app.layers
        await pilot.press("question_mark")
        assert "z" in widget_text(app.screen.query_one("#help-keys"))


async def test_a_folder_without_articles_exits_with_a_clear_message(tmp_path):
    app = CorpusApp([tmp_path])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
    assert app.return_code == 1
    assert app.load_error and str(tmp_path) in app.load_error


async def test_changing_theme_keeps_highlights_readable():
    app = CorpusApp([CORPUS])
    async with app.run_test(size=(160, 50)) as pilot:
        await wait_for_engine(pilot)
        pane = app.columns[0].pane
        dark = pane.layer_style("entity").bgcolor
        app.theme = "textual-light"
        await pilot.pause()
        await pilot.pause()
        light = pane.layer_style("entity").bgcolor
        assert dark != light
        mention = next(m for m in app.index.mentions(pane.article.id) if m.kind == "entity" and pane.is_visible_offset(m.start))
        assert rendered_style_at(pane, mention.start).bgcolor == light


async def test_articles_list_filters_by_typing(tmp_path):
    for n, title in enumerate(["Floods in the north", "Election results", "Strike at the port", "Floods return"]):
        (tmp_path / f"story-{n}.txt").write_text(f"{title}\n\nText of article {n}.\n")
    app = CorpusApp([tmp_path])
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        await pilot.press("o", *"strike", "enter", "enter")
        await pilot.pause()
        assert "Strike at the port" in header_text(app.columns[0])



@settings(max_examples=200, deadline=None)
@given(
    text=st.text(alphabet=st.sampled_from(list("ab cd\nééé 漢字,.-") + ["\t", "\x07"]), max_size=300),
    width=st.integers(min_value=4, max_value=60),
)
def test_wrapped_lines_show_every_character_once_within_the_width(text, width):
    wrapped = wrap(text, width)
    # Lines follow each other: together (plus the newlines between paragraphs) they are the text.
    joined = ""
    for y, line in enumerate(wrapped.lines):
        joined += wrapped.text[line.start : line.end]
        if y + 1 < len(wrapped.lines) and wrapped.lines[y + 1].start == line.end + 1:
            joined += "\n"
        assert cell_len(wrapped.line_text(y).rstrip()) <= width
    assert joined == wrapped.text and len(wrapped.text) == len(text)
    # A character's (line, column) leads back to it.
    for offset, char in enumerate(text):
        if char != "\n" and not char.isspace():
            y, x = wrapped.column_of(offset)
            assert wrapped.offset_at(y, x) == offset


async def test_one_bad_file_is_named_in_one_toast_and_listed_under_p(corpus, monkeypatch):
    from tui.screens.problems import ProblemsScreen

    bad = corpus / "empty\x1b[2J.txt"  # a hostile name: the escape must show inert
    bad.write_text("   \n", encoding="utf-8")
    app = CorpusApp([corpus], use_cache=False)
    notified = record_notifications(app, monkeypatch)
    async with app.run_test(size=(160, 50), notifications=True) as pilot:
        await wait_for_engine(pilot)
        toasts = [m for m in notified if "skipped" in m]
        assert len(toasts) == 1 and "press p" in toasts[0]
        assert "empty␛[2J.txt" in toasts[0] and "\x1b" not in toasts[0]
        assert "p" in app.active_bindings  # shown in the footer only when there are problems
        assert "p Problems" in widget_text(app.query_one(ReaderFooter))
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, ProblemsScreen)
        listing = app.screen.query_one("#problems")
        rows = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
        assert len(rows) == 1 and "empty␛[2J.txt" in rows[0] and "skipped" in rows[0]
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ProblemsScreen)


@pytest.mark.parametrize("size", [(160, 50), (80, 24)])
async def test_footer_shows_whole_keys_and_a_click_runs_one(size):
    app = CorpusApp([CORPUS])
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        footer = app.query_one(ReaderFooter)
        line = widget_text(footer)
        assert len(line) == size[0] and line.rstrip().endswith("▏^p palette")
        for item in ("^q Quit", "? Help", "] Mention", "n Same entity", "d Discrepancy"):
            assert item in line
        if size[0] == 160:
            assert "o Articles" in line and "^s Save" in line
        else:  # what does not fit is left out whole, never cut
            assert "^s Save" not in line and " ^s " not in line and "Sav" not in line
        await pilot.click(ReaderFooter, offset=(line.index("? Help") + 2, 0))
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_problems_key_is_hidden_when_every_file_was_read():
    app = CorpusApp([CORPUS])
    async with app.run_test(size=(160, 50)) as pilot:
        await wait_for_engine(pilot)
        assert not app.problems
        assert "Problems" not in widget_text(app.query_one(ReaderFooter))
        await pilot.press("p")
        await pilot.pause()
        assert app.screen is app.screen_stack[0]
        assert "No problems" in app.status.said  # the key says so rather than doing nothing


def test_summary_counts_skipped_and_repaired_files_once_each():
    from annotate.model import Problem
    from tui.screens.problems import summary

    problems = [Problem(f"/c/bad{n}.bin", "skipped: binary file", "error") for n in range(7)]
    problems += [Problem("/c/latin.txt", "decoded as latin-1"), Problem("/c/latin.txt", "lone \\r line ends"),
                 Problem("/c/cp.txt", "decoded as windows-1252")]
    line = summary(problems)
    assert line.startswith("7 files skipped, 2 read with repairs")
    assert "press p" in line


async def test_status_line_names_the_engine_phase_after_the_last_article(monkeypatch):
    """At 1,000 articles linking, stories and detection take seconds after "annotating 1000
    of 1000": the status line says which one is running, not a stale count."""
    import threading

    import annotate.engine

    real = annotate.engine.analyse
    reached, proceed = threading.Event(), threading.Event()

    def held_at_stories(*args, stage, **kwargs):
        def announce(phase: str) -> None:
            stage(phase)
            if phase == "stories":
                reached.set()
                proceed.wait(30)

        return real(*args, stage=announce, **kwargs)

    monkeypatch.setattr(annotate.engine, "analyse", held_at_stories)
    app = CorpusApp([CORPUS], use_cache=False)
    async with app.run_test(size=(160, 50)) as pilot:
        try:
            await wait_until(pilot, reached.is_set, 60, "the story grouping")
            assert "grouping articles into stories" in app.status.said
        finally:
            proceed.set()
        await wait_for_engine(pilot)
        assert "grouping" not in app.status.said and "discrepanc" in app.status.said


async def test_engine_failure_is_reported_with_control_codes_shown_inert(monkeypatch):
    import annotate.engine

    def broken(*args, **kwargs):
        raise RuntimeError("cannot read \x1b]0;pwned\x07 here")

    monkeypatch.setattr(annotate.engine, "analyse", broken)
    app = CorpusApp([CORPUS], use_cache=False)
    notified = record_notifications(app, monkeypatch)
    async with app.run_test(size=(160, 50), notifications=True) as pilot:
        # the engine starts once the text has been painted
        await wait_until(pilot, lambda: "engine failed" in app.status.said, 10, "the engine's failure")
        assert app.is_running
        failures = [m for m in notified if "engine failed" in m]
        assert failures and "␛]0;pwned␇" in failures[0] and "\x1b" not in failures[0]
        assert "\x1b" not in app.status.said and "pwned" in app.status.said
        listing = app.query_one("#discrepancies")
        assert "engine failed" in str(listing.get_option_at_index(0).prompt)
