"""The keys terminal users expect (issue 17): vim movement, a jump list, copying, list
filters, and the small things a reader notices: plain labels, counts, help with ids,
a remembered theme, dialogs with hotkeys, a palette of the app's own commands."""

from __future__ import annotations

from pathlib import Path

from tui.app import CorpusApp
from tui.screens.annotation_note import NoteScreen
from tui.screens.annotation_prompt import ChoicePrompt
from tui.screens.help import HelpScreen
from tui.widgets.discrepancy_list import DiscrepancyList
from tui.widgets.entity_list import EntityList
from tui.widgets.sidebar import Sidebar
from tests.pilot import wait_for_engine

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
SIZE = (160, 50)


def prompts(listing) -> list[str]:
    return [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]


async def test_j_k_g_G_and_half_pages_scroll_the_article_and_move_in_lists():
    app = CorpusApp([CORPUS])
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_engine(pilot)
        pane = app.columns[0].pane
        await pilot.press("j", "j", "j")
        assert pane.scroll_y == 3
        await pilot.press("k")
        assert pane.scroll_y == 2
        await pilot.press("G")
        assert pane.scroll_y == pane.max_scroll_y > 0
        await pilot.press("g")
        assert pane.scroll_y == 0
        await pilot.press("ctrl+d")
        assert pane.scroll_y == pane.scrollable_content_region.height // 2
        await pilot.press("ctrl+u")
        assert pane.scroll_y == 0
        await pilot.press("v")
        listing = app.query_one(DiscrepancyList)
        assert app.focused is listing
        first = listing.highlighted
        await pilot.press("j")
        assert listing.highlighted is not None and listing.highlighted > (first or 0)


def place(app: CorpusApp) -> tuple[str, int | None]:
    return app.reading.article, app.pane(app.reading.column).top_offset()


async def test_ctrl_o_goes_back_to_before_a_jump_and_ctrl_i_forward_again():
    app = CorpusApp([CORPUS])
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_engine(pilot)
        await pilot.press("j", "j")
        start = place(app)
        await pilot.press("d")
        after = place(app)
        assert after != start
        await pilot.press("ctrl+o")
        assert place(app) == start and "Back" in app.status.said
        await pilot.press("tab")  # ctrl+i, as most terminals send it
        assert place(app) == after and "Forward" in app.status.said
        focused = app.focused
        await pilot.press("tab")  # nowhere further: tab moves focus as usual
        assert app.focused is not focused


async def test_y_copies_the_finding_with_its_evidence_or_the_quote_under_the_cursor():
    app = CorpusApp([CORPUS])
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_engine(pilot)
        await pilot.press("d", "y")
        finding = app.discrepancy(app.reading.discrepancy)
        assert "Copied the finding" in app.status.said
        for e in finding.evidence:
            assert " ".join(e.text.split()) in app.clipboard
        quote = next(m for m in app.index.mentions(app.reading.shown[0]) if m.kind == "quote")
        app.focus_column(0)
        app.place_cursor(quote)
        await pilot.press("y")
        assert " ".join(quote.text.split()) in app.clipboard and "Copied the quote" in app.status.said


async def test_f_filters_the_lists_by_words_kind_or_severity_and_escape_clears():
    app = CorpusApp([CORPUS])
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_engine(pilot)
        listing = app.query_one(DiscrepancyList)
        every = [d for d in app.sidebar.story_discrepancies]
        assert any("●" in p for p in prompts(listing)[:1]), "the severity legend heads the list"
        kinds = {d.kind for d in every}
        assert len(kinds) > 1
        kind = sorted(kinds)[0]
        await pilot.press("f", *kind.replace("_", " "))
        await pilot.pause()
        shown = [listing.get_option_at_index(i).id for i in range(listing.option_count)]
        assert {i for i in shown if i} == {d.id for d in every if d.kind == kind}
        await pilot.press("escape")
        await pilot.pause()
        assert len([o for o in (listing.get_option_at_index(i).id for i in range(listing.option_count)) if o]) == len(every)


async def test_entities_are_named_in_plain_words_with_how_many_articles_name_them():
    app = CorpusApp([CORPUS])
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_engine(pilot)
        rows = prompts(app.query_one(EntityList))
        assert any("person" in r for r in rows) and any("place" in r for r in rows)
        assert not any(label in r for r in rows for label in ("GPE", "NORP", "PERSON"))
        assert any("in 2 of 2 articles" in r for r in rows)


async def test_help_shows_each_key_with_what_it_does_and_its_id():
    app = CorpusApp([CORPUS])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        help_keys = app.screen.query_one("#help-keys")
        text = " ".join("\n".join(strip.text for strip in help_keys.render_lines(help_keys.size.region)).split())
        for binding_id in ("discrepancy.next", "jump.back", "move.down", "copy", "annotate.note"):
            assert binding_id in text


async def test_the_theme_is_remembered_between_launches():
    app = CorpusApp([CORPUS])
    async with app.run_test(size=SIZE) as pilot:
        app.theme = "textual-light"
        await pilot.pause()
    again = CorpusApp([CORPUS])
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.theme == "textual-light"


async def test_the_unsaved_dialog_has_hotkeys_and_arrows_move_between_its_buttons(corpus):
    app = CorpusApp([corpus])
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_engine(pilot)
        await pilot.press("right_square_bracket", "a", *"note", "ctrl+s")
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, ChoicePrompt)
        buttons = list(app.screen.query("Button"))
        assert app.focused is buttons[0]
        await pilot.press("right")
        assert app.focused is buttons[1]
        underlined = [b for b in buttons if any("underline" in str(span.style) for span in b.label.spans)]
        assert len(underlined) == len(buttons)
        await pilot.press("d")  # "Discard and quit"
        await pilot.pause()
    assert not (corpus / "annotations.yaml").exists()
    assert app.return_code == 0


async def test_enter_in_the_tags_box_does_not_close_the_note_editor(corpus):
    app = CorpusApp([corpus])
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_engine(pilot)
        await pilot.press("right_square_bracket", "a", *"text", "tab", *"tag1", "enter")
        await pilot.pause()
        assert isinstance(app.screen, NoteScreen)
        await pilot.press("d")  # typed by a reader who thinks the editor is still open: not a command
        assert isinstance(app.screen, NoteScreen) and app.reading.discrepancy is None
        await pilot.press("enter")  # on Save
        await pilot.pause()
        assert not isinstance(app.screen, NoteScreen)


async def test_the_palette_offers_the_apps_commands_not_textuals_keys_maximize_screenshot():
    app = CorpusApp([CORPUS])
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_engine(pilot)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Theme" in titles
        assert not {"Keys", "Maximize", "Screenshot"} & set(titles)


def test_a_key_bound_twice_in_keys_toml_is_reported(tmp_path):
    from tui.keymap import load_keymap

    path = tmp_path / "keys.toml"
    path.write_text('"entity.next" = "d"\n', encoding="utf-8")
    keymap, problems = load_keymap(path)
    assert keymap == {"entity.next": "d"}
    assert any("'d'" in p and "discrepancy.next" in p for p in problems)


async def test_the_status_counts_articles_from_the_start_and_o_on_a_shown_article_says_so():
    app = CorpusApp([CORPUS])
    async with app.run_test(size=SIZE) as pilot:
        assert "annotating 0 of 2…" in app.status.said or app.analysis is not None
        await wait_for_engine(pilot)
        app.show_article(app.reading.shown[1])
        assert "already on screen" in app.status.said


async def test_plus_and_minus_widen_and_narrow_the_sidebar():
    app = CorpusApp([CORPUS])
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_engine(pilot)
        sidebar = app.query_one(Sidebar)
        width = sidebar.size.width
        await pilot.press("plus", "plus")
        await pilot.pause()
        assert sidebar.size.width > width
        await pilot.press("minus", "minus", "minus")
        await pilot.pause()
        assert sidebar.size.width < width


async def test_after_dismissing_a_finding_d_goes_on_from_there_not_back_to_the_first(corpus):
    app = CorpusApp([corpus])
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_engine(pilot)
        ids = [d.id for d in app.sidebar.story_discrepancies]
        assert len(ids) >= 3
        await pilot.press("d", "d", "x", "d")
        assert app.reading.discrepancy == ids[2]


async def test_resizing_after_d_keeps_the_marked_evidence_on_screen():
    app = CorpusApp([CORPUS])
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_engine(pilot)
        await pilot.press("d", "d", "d")
        finding = app.discrepancy(app.reading.discrepancy)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        for n, article_id in enumerate(app.reading.shown[: app.column_count]):
            starts = [e.start for e in finding.evidence if e.article == article_id]
            if starts:
                assert app.pane(n).is_visible_offset(min(starts)), article_id


async def test_enter_on_an_agree_row_of_the_coverage_marks_its_evidence():
    app = CorpusApp([CORPUS])
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_engine(pilot)
        table = app.query_one(Sidebar).coverage
        keys = [row.key.value for row in table.ordered_rows]
        agree = next(n for n, key in enumerate(keys) if key.startswith("c:"))
        await pilot.press("v", "v", "v")
        assert app.focused is table
        table.move_cursor(row=agree)
        await pilot.press("enter")
        await pilot.pause()
        row = table.rows_by_key[keys[agree]]
        marked = [s for column in app.columns for s in column.pane._spans if s.style == "evidence"]
        assert len(marked) >= len(row.evidence)


async def test_enter_in_the_discrepancy_list_keeps_the_focus_there_so_j_walks_on():
    app = CorpusApp([CORPUS])
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_engine(pilot)
        await pilot.press("v", "j", "enter")
        listing = app.query_one(DiscrepancyList)
        assert app.focused is listing and app.reading.discrepancy is not None
        first = app.reading.discrepancy
        await pilot.press("j", "j", "j", "enter")
        assert app.focused is listing and app.reading.discrepancy != first


async def test_o_brings_another_storys_article_with_its_story(tmp_path):
    import generate

    generate.generate(tmp_path, 30, seed=7, largest=6)
    app = CorpusApp([tmp_path])
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_engine(pilot)
        other = next(s for s in app.stories() if s is not app.story_of(app.reading.shown[0]))
        titles = [a.title for a in app.articles]
        chosen = next(a for a in reversed(other) if sum(app.index.article(a).title in t for t in titles) == 1)
        title = app.index.article(chosen).title
        await pilot.press("o", *title)
        await pilot.pause()
        await pilot.press("down", "enter")  # at once, as a fast reader does
        await pilot.pause()
        assert app.screen is app.screen_stack[0]
        assert chosen in app.reading.shown[: app.column_count]
        assert all(app.story_of(a) is other for a in app.reading.shown[: app.column_count])
        assert f"story {app.stories().index(other) + 1} of" in app.status.said
