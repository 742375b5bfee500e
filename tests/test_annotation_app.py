"""Annotations in the app, driven by keys as a reader would, checked in the YAML on disk."""

from __future__ import annotations

from pathlib import Path

from annotate.notes import annotation_file as af
from tui.app import CorpusApp
from tui.screens.annotation_list import AnnotationsScreen
from tui.screens.annotation_note import NoteScreen
from tui.screens.annotation_prompt import ChoicePrompt, TextPrompt
from tests.pilot import add_note_on_first_mention, saved, wait_for_engine

SIZE = (160, 50)


async def test_note_saved_with_ctrl_s_and_shown_after_reopening(corpus):
    app = CorpusApp([corpus])
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_engine(pilot)
        words = await add_note_on_first_mention(app, pilot, "Check the spelling")
        assert not (corpus / "annotations.yaml").exists()  # nothing written before ctrl+s
        await pilot.press("ctrl+s")
        await pilot.pause()
    note = saved(corpus)["notes"][0]
    assert note["text"] == "Check the spelling"
    target = note["targets"][0]
    assert target["exact"] == words
    article = next(p for p in corpus.glob("*.txt") if target["article"] in p.stem)
    assert article.read_text(encoding="utf-8")[target["start"] : target["end"]] == words

    reopened = CorpusApp([corpus])
    async with reopened.run_test(size=SIZE) as pilot:
        await wait_for_engine(pilot)
        notes = reopened.annotator.store.notes
        assert [n.text for n in notes] == ["Check the spelling"]
        assert reopened.annotator.status_by_id[notes[0].id] == "anchored"
        spans = reopened.annotator.spans(target["article"])
        assert [(s.start, s.end) for s in spans] == [(target["start"], target["end"])]


async def test_note_follows_its_words_after_the_article_is_edited(corpus):
    app = CorpusApp([corpus])
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_engine(pilot)
        await pilot.press("right_square_bracket", "right_square_bracket", "right_square_bracket")
        article_id = app.reading.article
        mention = app.reading.cursor(article_id)
        await pilot.press("a", *"keep me", "ctrl+s", "ctrl+s")
        await pilot.pause()
    path = next(p for p in corpus.glob("*.txt") if article_id in p.stem)
    original = path.read_text(encoding="utf-8")
    title, rest = original.split("\n", 1)
    edited = title + "\n\nAn editor's note added above everything else.\n" + rest
    head, _, tail = edited.rpartition(" the ")  # and a word changed near the end
    edited = head + " a " + tail
    path.write_text(edited, encoding="utf-8")

    reopened = CorpusApp([corpus])
    async with reopened.run_test(size=SIZE) as pilot:
        await wait_for_engine(pilot)
        note = reopened.annotator.store.notes[0]
        assert reopened.annotator.status_by_id[note.id] == "moved"
        text = reopened.index.article(article_id).text
        span = note.targets[0]
        assert text[span.start : span.end] == mention.text
        assert span.start > mention.start  # it moved down with the inserted paragraph
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert saved(corpus)["notes"][0]["targets"][0]["start"] == span.start


async def test_dismissed_discrepancy_is_hidden_saved_and_toggled(corpus):
    app = CorpusApp([corpus])
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_engine(pilot)
        await pilot.press("d")
        await pilot.pause()
        chosen = app.reading.discrepancy
        assert chosen is not None
        listing = app.query_one("#discrepancies")
        listed = lambda: {o.id for o in listing.options if o.id}  # noqa: E731
        assert chosen in listed()
        await pilot.press("x")
        await pilot.pause()
        assert chosen not in listed()  # dismissed: hidden by default
        await pilot.press("X")
        await pilot.pause()
        assert chosen in listed()
        assert "dismissed" in str(listing.get_option(chosen).prompt)
        await pilot.press("ctrl+s")
        await pilot.pause()
    verdict = saved(corpus)["verdicts"][chosen]
    assert verdict["verdict"] == "dismissed"
    assert verdict["evidence"] and all(e["text"] for e in verdict["evidence"])


async def test_a_verdict_stays_on_its_entry_while_the_list_is_filtered(corpus):
    app = CorpusApp([corpus])
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_engine(pilot)
        await pilot.press("d", "c")
        await pilot.pause()
        chosen = app.reading.discrepancy
        listing = app.query_one("#discrepancies")
        assert "confirmed" in str(listing.get_option(chosen).prompt)
        word = app.discrepancy(chosen).kind.replace("_", " ").split()[0]
        await pilot.press("f", *word)
        await pilot.pause()
        assert listing.filter_text == word
        assert "confirmed" in str(listing.get_option(chosen).prompt)


async def test_explain_asks_for_a_note(corpus):
    app = CorpusApp([corpus])
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_engine(pilot)
        await pilot.press("d", "e")
        await pilot.pause()
        assert isinstance(app.screen, TextPrompt)
        await pilot.press(*"Different dates of reporting", "ctrl+s")
        await pilot.pause()
        verdict = app.annotator.store.verdict(app.reading.discrepancy)
        assert (verdict.verdict, verdict.note) == ("explained", "Different dates of reporting")


async def test_undo_and_redo(corpus):
    app = CorpusApp([corpus])
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_engine(pilot)
        await add_note_on_first_mention(app, pilot, "one")
        assert len(app.annotator.store) == 1
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert len(app.annotator.store) == 0
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert [n.text for n in app.annotator.store.notes] == ["one"]


async def test_link_two_mentions(corpus):
    app = CorpusApp([corpus])
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_engine(pilot)
        await pilot.press("right_square_bracket", "l", "right_square_bracket", "right_square_bracket", "l")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
    data = saved(corpus)
    pairs = data.get("links", []) + data.get("unlinks", [])
    assert len(pairs) == 1 and pairs[0]["a"]["exact"] != "" and pairs[0]["a"] != pairs[0]["b"]


async def test_quit_with_unsaved_changes_asks_and_saves(corpus):
    app = CorpusApp([corpus])
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_engine(pilot)
        await add_note_on_first_mention(app, pilot, "do not lose me")
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, ChoicePrompt)
        await pilot.click("#choice-save")
        await pilot.pause()
    assert saved(corpus)["notes"][0]["text"] == "do not lose me"


async def test_quit_dialog_cancel_keeps_the_app_open(corpus):
    app = CorpusApp([corpus])
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_engine(pilot)
        await add_note_on_first_mention(app, pilot, "x")
        await pilot.press("q")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running and not isinstance(app.screen, ChoicePrompt)
    assert not (corpus / "annotations.yaml").exists()


async def test_malformed_file_gives_an_error_and_is_never_overwritten(corpus):
    broken = "version: 1\nnotes:\n  - id: n1\n    targets: [oops\n"
    (corpus / "annotations.yaml").write_text(broken, encoding="utf-8")
    app = CorpusApp([corpus])
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_engine(pilot)
        messages = [str(n.message) for n in app._notifications]
        assert any("annotations.yaml, line" in m and "read-only" in m for m in messages)
        assert app.annotator.store.read_only
        await pilot.press("right_square_bracket", "a")
        await pilot.pause()
        assert not isinstance(app.screen, NoteScreen)
        await pilot.press("ctrl+s", "q")
        await pilot.pause()
    assert (corpus / "annotations.yaml").read_text(encoding="utf-8") == broken
    assert not af.backup_path(corpus / "annotations.yaml").exists()


async def test_file_changed_on_disk_asks_before_overwriting(corpus):
    app = CorpusApp([corpus])
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_engine(pilot)
        await add_note_on_first_mention(app, pilot, "mine")
        other = "version: 1\n# written by another program meanwhile\n"
        (corpus / "annotations.yaml").write_text(other, encoding="utf-8")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ChoicePrompt)
        await pilot.click("#choice-cancel")
        await pilot.pause()
        assert (corpus / "annotations.yaml").read_text(encoding="utf-8") == other
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.click("#choice-overwrite")
        await pilot.pause()
    assert saved(corpus)["notes"][0]["text"] == "mine"


async def test_notes_list_shows_everything_and_jumps(corpus):
    app = CorpusApp([corpus])
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_engine(pilot)
        words = await add_note_on_first_mention(app, pilot, "list me")
        await pilot.press("d", "c")
        await pilot.pause()
        # The status line names the articles by their column labels, not by file-name ids.
        assert app.status.said.startswith("✓ confirmed: ") and "(A)" in app.status.said
        assert not any(a.id in app.status.said for a in app.articles)
        note = app.annotator.store.notes[0]
        app.focus_column(1 - app.reading.shown.index(note.targets[0].article))  # look at the other article
        await pilot.press("A")
        await pilot.pause()
        assert isinstance(app.screen, AnnotationsScreen)
        prompts = [str(o.prompt) for o in app.screen.query_one("#annotation-list").options]
        assert any("list me" in p and words in p for p in prompts)
        assert any("confirmed" in p for p in prompts)
        await pilot.press("enter")  # the first entry: the note
        await pilot.pause()
        assert not isinstance(app.screen, AnnotationsScreen)
        assert app.reading.article == note.targets[0].article


async def test_annotations_option_picks_the_file(corpus, tmp_path):
    elsewhere = tmp_path / "mine.yaml"
    app = CorpusApp([corpus], annotations=elsewhere)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_engine(pilot)
        await add_note_on_first_mention(app, pilot, "here")
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert af.load(elsewhere).items[0].text == "here"
    assert not (corpus / "annotations.yaml").exists()


async def test_tags_and_mention_edits_are_saved(corpus):
    app = CorpusApp([corpus])
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_engine(pilot)
        await pilot.press("right_square_bracket")
        await pilot.pause()
        wrong = app.reading.cursor(app.reading.article)
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, TextPrompt)
        await pilot.press(*"check, spelling", "enter")
        await pilot.pause()
        await pilot.press("M")  # the mention under the cursor is wrong
        await pilot.pause()
        await pilot.press("slash", *"cargo plane", "enter")
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        await pilot.press(*"PRODUCT", "enter", "ctrl+s")
        await pilot.pause()
    data = saved(corpus)
    assert data["notes"][0]["tags"] == ["check", "spelling"]
    assert data["notes"][0]["targets"][0]["exact"] == wrong.text
    edits = {m["action"]: m for m in data["mentions"]}
    assert edits["remove"]["target"]["exact"] == wrong.text
    assert (edits["add"]["label"], edits["add"]["target"]["exact"].lower()) == ("PRODUCT", "cargo plane")


def _two_names_of_different_entities(app):
    """The first name in the first article and the first name of another entity in the second."""
    first_id, second_id = app.reading.shown[0], app.reading.shown[1]
    one = next(m for m in app.index.mentions(first_id) if m.kind == "entity" and m.entity)
    other = next(m for m in app.index.mentions(second_id) if m.kind == "entity" and m.entity and m.entity != one.entity)
    return one, other


async def _visits(app, pilot, start, target, presses: int) -> bool:
    app.place_cursor(start)
    await pilot.pause()
    for _ in range(presses):
        await pilot.press("n")
        await pilot.pause()
        cursor = app.reading.cursor(app.reading.article)
        if (cursor.article, cursor.start, cursor.end) == (target.article, target.start, target.end):
            return True
    return False


async def test_a_link_makes_n_reach_the_other_mention_and_undo_takes_it_back(corpus):
    app = CorpusApp([corpus])
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_engine(pilot)
        one, other = _two_names_of_different_entities(app)
        presses = len(app.index.entity_mentions[one.entity]) + len(app.index.entity_mentions[other.entity]) + 1
        assert not await _visits(app, pilot, one, other, presses)
        app.place_cursor(one)
        await pilot.press("l")
        app.place_cursor(other)
        await pilot.press("l")
        await pilot.pause()
        assert await _visits(app, pilot, one, other, presses)
        # The Entities tab counts them as one.
        merged = app.index.entity_of(app.index.mention_on(one.article, one.start, one.end, "entity"))
        assert merged == app.index.entity_of(app.index.mention_on(other.article, other.start, other.end, "entity"))
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert not await _visits(app, pilot, one, other, presses)


async def test_unlink_splits_the_mention_out(corpus):
    app = CorpusApp([corpus])
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_engine(pilot)
        entity, mentions = next((e, ms) for e, ms in app.index.entity_mentions.items() if len(ms) >= 3)
        first, second = mentions[0], mentions[1]
        app.place_cursor(first)
        await pilot.press("l")
        app.place_cursor(second)
        await pilot.press("l")
        await pilot.pause()
        assert app.annotator.store.of_type(__import__("annotate.notes.annotations", fromlist=["Unlink"]).Unlink)
        assert not await _visits(app, pilot, first, second, len(mentions) + 1)
        left = app.index.mention_on(second.article, second.start, second.end, "entity")
        assert left is not None and app.index.entity_of(left) != entity


async def test_removed_mention_is_skipped_by_brackets_and_undo_brings_it_back(corpus):
    app = CorpusApp([corpus])
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_engine(pilot)
        await pilot.press("right_square_bracket")
        await pilot.pause()
        article = app.reading.article
        wrong = app.reading.cursor(article)
        await pilot.press("right_square_bracket")
        await pilot.pause()
        after = app.reading.cursor(article)
        app.place_cursor(wrong)
        await pilot.press("M")
        await pilot.pause()
        assert app.index.mention_on(article, wrong.start, wrong.end, wrong.kind) is None
        assert (wrong.start, wrong.end) not in {(m.start, m.end) for m in app.index.mentions(article) if m.kind == wrong.kind}
        app.action_clear()
        app.pane(app.reading.column).scroll_home(animate=False, immediate=True)
        await pilot.pause()
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert (app.reading.cursor(article).start, app.reading.cursor(article).end) == (after.start, after.end)
        await pilot.press("ctrl+z")
        await pilot.pause()
        app.action_clear()
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert (app.reading.cursor(article).start, app.reading.cursor(article).end) == (wrong.start, wrong.end)


async def test_added_mention_is_highlighted_and_visited(corpus):
    app = CorpusApp([corpus])
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_engine(pilot)
        await pilot.press("slash", *"cargo plane", "enter")
        await pilot.pause()
        match = app.reading.match
        await pilot.press("m")
        await pilot.pause()
        await pilot.press(*"PRODUCT", "enter")
        await pilot.pause()
        added = app.index.mention_on(match.article, match.start, match.end, "entity")
        assert added is not None and added.label == "PRODUCT"
        app.place_cursor(added)
        await pilot.press("left_square_bracket", "right_square_bracket")
        await pilot.pause()
        cursor = app.reading.cursor(match.article)
        assert (cursor.start, cursor.end) == (match.start, match.end)


async def test_only_names_can_be_linked(corpus):
    app = CorpusApp([corpus])
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_engine(pilot)
        article = app.reading.shown[0]
        number = next(m for m in app.index.mentions(article) if m.kind == "number")
        app.place_cursor(number)
        await pilot.press("l")
        await pilot.pause()
        assert app.annotator.link_from is None and "Only names can be linked" in app.status.said


async def test_keys_typed_in_one_burst_after_a_go_into_the_note(corpus):
    from textual import events

    app = CorpusApp([corpus])
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_engine(pilot)
        await pilot.press("right_square_bracket")
        for key in "aqtd":  # q, t and d are reader keys too: none may act
            app.post_message(events.Key(key, key))
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, NoteScreen) and app.is_running
        assert app.screen.query_one("#note-text").text == "qtd"


async def test_a_note_whose_words_were_edited_says_changed_and_what_they_were(corpus):
    from annotate.notes.anchoring import make_anchor
    from annotate.notes.annotations import Note
    from annotate.corpus.loading import load_corpus

    article = load_corpus([corpus]).articles[0]
    words = next(w for w in article.text.split() if len(w) >= 8 and w.isalpha())
    start = article.text.index(words)
    note = Note(id="note-edited", targets=(make_anchor(article.id, article.text, start, start + len(words)),), text="check")
    af.save(corpus / "annotations.yaml", [note], expected=None)
    path = Path(article.path)
    edited = words[:-1] + ("x" if words[-1] != "x" else "y")  # one letter changed: found again, fuzzily
    path.write_text(path.read_text(encoding="utf-8").replace(words, edited, 1), encoding="utf-8")
    app = CorpusApp([corpus])
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_engine(pilot)
        await pilot.press("A")
        await pilot.pause()
        assert isinstance(app.screen, AnnotationsScreen)
        row = str(app.screen.rows[0][1])
        assert f"changed: was “{words}”" in row and "[moved]" not in row
