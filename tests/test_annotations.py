"""The in-memory annotation store: edits, undo/redo, dirty flag, read-only, re-anchoring."""

from __future__ import annotations

from dataclasses import replace

import pytest

from annotate.notes import annotation_file as af
from annotate.notes.anchoring import make_anchor
from annotate.notes.annotations import (
    AnnotationStore,
    Link,
    Note,
    ReadOnlyError,
    reanchor,
    verdict_for,
)
from annotate.model import Discrepancy, Evidence

TEXT = "The minister said the army would get four helicopters. Critics disagreed.\n"


def note(words: str, text: str = "", note_id: str = "n1") -> Note:
    start = TEXT.index(words)
    return Note(id=note_id, targets=(make_anchor("a", TEXT, start, start + len(words)),), text=text)


def discrepancy() -> Discrepancy:
    return Discrepancy(
        id="number:helicopters:77",
        kind="number",
        subject="helicopters",
        summary="helicopters: four vs five",
        severity="high",
        values={"a": "four", "b": "five"},
        evidence=[Evidence("a", 37, 41, "four"), Evidence("b", 0, 4, "five")],
    )


def test_add_edit_delete_with_undo_and_redo():
    store = AnnotationStore()
    store.put(note("minister", "first"))
    store.put(replace(store.get("n1"), text="second"))
    store.remove("n1")
    assert len(store) == 0
    assert store.undo() and store.get("n1").text == "second"
    assert store.undo() and store.get("n1").text == "first"
    assert store.undo() and store.get("n1") is None
    assert not store.undo()
    assert store.redo() and store.redo() and store.get("n1").text == "second"
    store.put(note("army", "branch", "n2"))  # a new edit drops the redo history
    assert not store.redo()


def test_dirty_follows_the_saved_state_through_undo():
    store = AnnotationStore([note("minister")])
    assert not store.dirty
    store.put(note("army", note_id="n2"))
    assert store.dirty
    store.mark_saved()
    assert not store.dirty
    store.undo()
    assert store.dirty  # differs from what is on disk
    store.redo()
    assert not store.dirty
    store.undo()
    store.put(note("Critics", note_id="n3"))  # same depth, different content
    assert store.dirty


def test_one_verdict_per_discrepancy_with_evidence_snapshot():
    store = AnnotationStore()
    store.put(verdict_for(discrepancy(), "confirmed"))
    store.put(verdict_for(discrepancy(), "explained", "different dates"))
    verdicts = store.verdicts
    assert list(verdicts) == ["number:helicopters:77"]
    v = verdicts["number:helicopters:77"]
    assert (v.verdict, v.note, v.summary) == ("explained", "different dates", "helicopters: four vs five")
    assert [e.text for e in v.evidence] == ["four", "five"]
    store.undo()
    assert store.verdict("number:helicopters:77").verdict == "confirmed"


def test_read_only_store_refuses_changes():
    store = AnnotationStore([note("minister")], read_only_reason="line 3: bad field")
    with pytest.raises(ReadOnlyError, match="line 3"):
        store.put(note("army", note_id="n2"))
    with pytest.raises(ReadOnlyError):
        store.remove("n1")
    assert len(store) == 1


def test_annotations_at_a_position():
    store = AnnotationStore([note("minister"), note("helicopters", note_id="n2")])
    start = TEXT.index("minister")
    assert [i.id for i in store.at("a", start + 2, start + 3)] == ["n1"]
    assert store.at("b", start, start + 3) == []


def test_reanchor_moves_keeps_and_never_drops():
    edited = "New opening paragraph.\n\n" + TEXT.replace("Critics disagreed.", "Nobody objected.")
    items = [
        note("minister"),
        note("Critics disagreed", note_id="gone"),
        Link(
            id="l1",
            a=make_anchor("a", TEXT, 0, 3),
            b=make_anchor("missing-article", "The", 0, 3),
        ),
    ]
    out = reanchor(items, {"a": edited})
    assert [i.id for i in out.items] == ["n1", "gone", "l1"]
    assert out.status("n1") == "moved"
    moved = out.items[0].targets[0]
    assert edited[moved.start : moved.end] == "minister" and moved.prefix.endswith("The ")
    assert out.status("gone") == "orphaned"
    assert out.items[1] == items[1]  # saved again unchanged
    assert out.status("l1") == "orphaned"  # one of its two spans lost its article


def test_reanchored_orphans_survive_a_save(tmp_path):
    path = tmp_path / "annotations.yaml"
    items = [note("Critics disagreed", "keep me")]
    fp = af.save(path, items, expected=None)
    out = reanchor(af.load(path).items, {"a": "Entirely different text."})
    af.save(path, out.items, expected=fp)
    assert af.load(path).items == items


def _corpus_note(folder, path: str, words: str) -> Note:
    from annotate.corpus.loading import load_corpus

    article = next(a for a in load_corpus([folder]).articles if a.path.endswith(path))
    start = article.text.index(words)
    return Note(id="n-bbc", targets=(make_anchor(article.id, article.text, start, start + len(words)),), text="BBC's figure")


def test_a_note_stays_in_its_article_when_files_are_added_or_renamed(tmp_path):
    from annotate.corpus.loading import load_corpus

    story = "Story\n\nThe minister said 5,000 soldiers were deployed.\n"
    for outlet in ("bbc", "cnn"):
        (tmp_path / outlet).mkdir()
        (tmp_path / outlet / "story.txt").write_text(story.replace("Story", outlet.upper()))
    saved = _corpus_note(tmp_path, "bbc/story.txt", "5,000 soldiers")
    (tmp_path / "aljazeera").mkdir()
    (tmp_path / "aljazeera" / "story.txt").write_text(story.replace("Story", "AJ"))  # the same words, sorted first
    texts = {a.id: a.text for a in load_corpus([tmp_path]).articles}
    placed = reanchor([saved], texts)
    assert placed.status(saved.id) == "anchored"
    assert placed.items[0].targets[0].article == saved.targets[0].article == "bbc/story"
    # Renamed: the very text it was made on is found under its new id, and said to have moved.
    (tmp_path / "bbc" / "story.txt").rename(tmp_path / "bbc" / "story-2024.txt")
    texts = {a.id: a.text for a in load_corpus([tmp_path]).articles}
    placed = reanchor([saved], texts)
    assert placed.status(saved.id) == "moved"
    assert placed.items[0].targets[0].article == "bbc/story-2024"


def test_a_note_whose_article_is_gone_never_lands_in_another_article(tmp_path):
    saved = note("four helicopters")  # article "a"
    other = TEXT.replace("Critics", "Opponents")  # another article with the same words, other text
    placed = reanchor([saved], {"b": other})
    assert placed.status(saved.id) == "orphaned"
    assert placed.items[0] == saved


def test_merge_keeps_both_sides_work_and_never_loses_written_words():
    from annotate.notes.merge import dropped_by_overwrite, merge

    base = [note("minister", "old", "n1"), note("army", "keep", "n2"), note("Critics", "gone?", "n3")]
    mine = [note("minister", "mine", "n1"), note("army", "keep", "n2"), note("four", "new mine", "n4")]  # n3 deleted
    theirs = [note("minister", "old", "n1"), note("army", "theirs", "n2"), note("Critics", "edited", "n3"),
              note("helicopters", "new theirs", "n5")]
    merged = merge(base, mine, theirs)
    texts = {i.id: i.text for i in merged.items}
    assert texts == {"n1": "mine", "n2": "theirs", "n3": "edited", "n4": "new mine", "n5": "new theirs"}
    assert merged.conflicts == [] and sorted(merged.from_theirs) == ["n2", "n3", "n5"]
    both = merge(base, [note("minister", "mine", "n1")], [note("minister", "theirs", "n1")])
    assert [i.text for i in both.items] == ["mine"] and both.conflicts == ["n1"]
    assert dropped_by_overwrite(base, mine, theirs) == 3


def test_the_recovery_file_is_an_annotation_file_found_only_when_its_process_is_gone(tmp_path):
    import subprocess
    import sys

    from annotate.notes import recovery

    path = tmp_path / "annotations.yaml"
    items = [note("minister", "unsaved \udcff work")]
    written = recovery.write(path, items, "abc123")
    assert recovery.left_behind(path) == []  # ours: this process runs
    dead = int(subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True).stdout)
    left = recovery.recovery_path(path, dead)
    written.rename(left)
    assert recovery.left_behind(path) == [left]
    found = recovery.read(left)
    assert found.base == "abc123" and [i.text.lower() for i in found.items] == ["unsaved \\udcff work"]
    assert af.load(left).items  # it opens with --annotations too
