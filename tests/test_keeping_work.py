"""The reader's work is never lost: a recovery file while unsaved, offered at the next
start; two instances merge instead of overwriting; changed words are kept until accepted."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

from tests.pilot import add_note_on_first_mention, saved, wait_for_engine

from annotate.notes import recovery
from tui.app import CorpusApp
from tui.screens.annotation_list import AnnotationsScreen
from tui.screens.annotation_prompt import ChoicePrompt

SIZE = (160, 50)


def _dead_pid() -> int:
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    return int(done.stdout)


def _as_if_killed(corpus: Path) -> Path:
    """What a corpus-tui killed with unsaved work leaves: its recovery file, its process gone."""
    (mine,) = corpus.glob("annotations.unsaved-*.yaml")
    left = recovery.recovery_path(corpus / "annotations.yaml", _dead_pid())
    mine.rename(left)
    return left


async def test_unsaved_work_is_in_a_recovery_file_and_offered_at_the_next_start(corpus):
    app = CorpusApp([corpus])
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_engine(pilot)
        words = await add_note_on_first_mention(app, pilot, "not saved yet")
        await pilot.pause(1.5)  # the recovery file is written a moment after the change
        assert list(corpus.glob("annotations.unsaved-*.yaml"))
        left = _as_if_killed(corpus)  # the app "dies" here: nothing was saved
    assert not (corpus / "annotations.yaml").exists()

    again = CorpusApp([corpus])
    async with again.run_test(size=SIZE) as pilot:
        await wait_for_engine(pilot)
        await pilot.pause()
        assert isinstance(again.screen, ChoicePrompt)
        await pilot.click("#choice-restore")
        await pilot.pause()
        assert not left.exists()
        assert again.annotator.store.dirty
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not list(corpus.glob("annotations.unsaved-*.yaml"))  # saved: nothing left to recover
    note = saved(corpus)["notes"][0]
    assert (note["text"], note["targets"][0]["exact"]) == ("not saved yet", words)


async def test_quitting_without_saving_on_purpose_leaves_no_recovery_file(corpus):
    app = CorpusApp([corpus])
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_engine(pilot)
        await add_note_on_first_mention(app, pilot, "throw away")
        await pilot.pause(1.5)
        await pilot.press("q")
        await pilot.pause()
        await pilot.click("#choice-discard")
        await pilot.pause()
    assert not list(corpus.glob("annotations.unsaved-*.yaml"))


async def test_two_instances_merge_and_keep_backups(corpus):
    first, second = CorpusApp([corpus]), CorpusApp([corpus])
    async with first.run_test(size=SIZE) as one:
        await wait_for_engine(one)
        async with second.run_test(size=SIZE) as two:
            await wait_for_engine(two)
            await add_note_on_first_mention(second, two, "from the second")
            await two.press("ctrl+s")
            await two.pause()
        await add_note_on_first_mention(first, one, "from the first")
        await one.press("ctrl+s")
        await one.pause()
        assert isinstance(first.screen, ChoicePrompt)
        prompt = str(first.screen.question)
        assert "drop 1 annotation added or changed on disk" in prompt and "1 unsaved change" in prompt
        await one.click("#choice-merge")
        await one.pause()
    texts = sorted(n["text"] for n in saved(corpus)["notes"])
    assert texts == ["from the first", "from the second"]
    backup = yaml.safe_load((corpus / "annotations.yaml.bak").read_text(encoding="utf-8"))
    assert [n["text"] for n in backup["notes"]] == ["from the second"]


async def test_overwrite_keeps_the_other_copy_in_the_backups_after_more_saves(corpus):
    first, second = CorpusApp([corpus]), CorpusApp([corpus])
    async with first.run_test(size=SIZE) as one:
        await wait_for_engine(one)
        async with second.run_test(size=SIZE) as two:
            await wait_for_engine(two)
            await add_note_on_first_mention(second, two, "theirs")
            await two.press("ctrl+s")
            await two.pause()
        await add_note_on_first_mention(first, one, "mine")
        await one.press("ctrl+s")
        await one.pause()
        await one.click("#choice-overwrite")
        await one.pause()
        await one.press("ctrl+z", "ctrl+s")  # one more save
        await one.pause()
    kept = [p.read_text(encoding="utf-8") for p in corpus.glob("annotations.yaml.bak*")]
    assert any("theirs" in text for text in kept)


async def test_a_note_on_changed_words_is_shown_changed_and_keeps_its_quote_until_accepted(corpus):
    app = CorpusApp([corpus])
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_engine(pilot)
        await add_note_on_first_mention(app, pilot, "check")
        await pilot.press("ctrl+s")
        await pilot.pause()
    target = saved(corpus)["notes"][0]["targets"][0]
    (article,) = [p for p in corpus.glob("*.txt") if p.stem == target["article"]]
    old = target["exact"]
    new = old[:-1] + ("x" if old[-1] != "x" else "y")
    text = article.read_text(encoding="utf-8")
    article.write_text("One more opening line.\n\n" + text.replace(old, new), encoding="utf-8")  # every occurrence

    app = CorpusApp([corpus])
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_engine(pilot)
        (item,) = list(app.annotator.store)
        assert app.annotator.status_by_id[item.id] == "changed"
        await pilot.press("ctrl+s")  # saving before accepting keeps the saved words
        await pilot.pause()
        assert saved(corpus)["notes"][0]["targets"][0]["exact"] == old
        await pilot.press("A")
        await pilot.pause()
        assert isinstance(app.screen, AnnotationsScreen)
        assert "changed" in str(app.annotator.rows()[0][1])
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert saved(corpus)["notes"][0]["targets"][0]["exact"] == new
