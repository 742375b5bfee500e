"""A reader's annotations over a working session on real-looking files: the keys that add a
mention, the list of annotations when the file could not be read, and the report's account of
them. Each test asserts what the reader sees (the screen, the saved YAML, the report)."""

from __future__ import annotations

import yaml

from tests.pilot import terminal_frame, wait_for_engine, wait_until


async def test_m_then_enter_alone_adds_the_mention_the_box_suggests(corpus):
    """The label box of m shows "person" (grey): enter alone used to add nothing and say
    nothing, so the reader believed the mention was added. It now adds a person."""
    from tui.app import CorpusApp
    from tui.screens.annotation_prompt import TextPrompt

    app = CorpusApp([corpus])
    async with app.run_test(size=(160, 50)) as pilot:
        await wait_for_engine(pilot)
        await pilot.press("slash", *"the Malian", "enter")
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, TextPrompt)
        assert "enter alone: person" in "\n".join(terminal_frame(app)[0])
        await pilot.press("enter")
        await pilot.pause()
        assert app.status.said.startswith("Mention added: “the Malian” as person")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: (corpus / "annotations.yaml").exists(), what="the save")
    saved = yaml.safe_load((corpus / "annotations.yaml").read_text(encoding="utf-8"))
    [edit] = saved["mentions"]
    assert (edit["action"], edit["label"], edit["target"]["exact"]) == ("add", "PERSON", "the Malian")


async def test_m_then_escape_adds_nothing(corpus):
    from tui.app import CorpusApp

    app = CorpusApp([corpus])
    async with app.run_test(size=(160, 50)) as pilot:
        await wait_for_engine(pilot)
        await pilot.press("slash", *"the Malian", "enter")
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert not list(app.annotator.store)


def _broken_file(corpus) -> tuple[str, bytes]:
    """An annotation file with one verdict mistyped by hand on line 5."""
    path = corpus / "annotations.yaml"
    text = (
        "version: 1\n"
        "verdicts:\n"
        "  0af79729b22a:\n"
        "    summary: Number of helicopters\n"
        "    verdict: dissmissed\n"
        "    created: '2026-12-04T21:21:47Z'\n"
        "    modified: '2026-12-04T21:21:47Z'\n"
    )
    path.write_text(text, encoding="utf-8")
    return text, path.read_bytes()


async def test_the_list_of_an_unreadable_file_says_why_not_no_annotations_yet(corpus):
    """A verdict mistyped by hand: the app opens read-only. A then said "No annotations yet:
    a adds a note", as if the work in the file were gone (and a cannot add one). It says the
    file could not be read, names the line, and the file stays as it was."""
    from tui.app import CorpusApp
    from tui.screens.annotation_list import AnnotationsScreen

    _, before = _broken_file(corpus)
    app = CorpusApp([corpus])
    async with app.run_test(size=(160, 50)) as pilot:
        await wait_for_engine(pilot)
        await wait_until(pilot, lambda: app.annotator.store is not None and app.annotator.store.read_only, what="the file read")
        await pilot.press("A")
        await pilot.pause()
        assert isinstance(app.screen, AnnotationsScreen)
        shown = " ".join(" ".join(terminal_frame(app)[0]).split())
        assert "No annotations yet" not in shown
        assert "The annotation file could not be read" in shown
        assert "line 5" in shown and "dissmissed" in shown
        await pilot.press("escape", "ctrl+s")
        await pilot.pause()
    assert (corpus / "annotations.yaml").read_bytes() == before


def test_text_report_counts_every_kind_of_annotation(corpus, capsys):
    """"0 notes, 0 verdicts" was all the report said of a file with links, unlinks and mention
    edits; each kind is counted, in the singular for one."""
    from tui.cli import main

    (corpus / "annotations.yaml").write_text(
        "version: 1\n"
        "mentions:\n"
        "  - id: mention-0123456789ab\n"
        "    action: add\n"
        "    label: PERSON\n"
        "    created: '2026-12-04T21:22:24Z'\n"
        "    target:\n"
        "      article: mali-turns-to-moscow\n"
        "      start: 0\n"
        "      end: 4\n"
        "      exact: Mali\n",
        encoding="utf-8",
    )
    assert main(["report", str(corpus), "--no-cache"]) == 0
    text = capsys.readouterr().out
    assert "0 notes, 0 verdicts, 0 links, 0 unlinks, 1 mention edit; spans" in text


def test_text_report_of_an_unreadable_annotation_file_says_so(corpus, capsys):
    """Piped to a file, the report said "Annotations: 0 notes, 0 verdicts" of a file it could
    not read (the reason went to stderr only)."""
    from tui.cli import main

    _, before = _broken_file(corpus)
    assert main(["report", str(corpus), "--no-cache"]) == 0
    section = capsys.readouterr().out.split("Annotations\n", 1)[1]
    assert (corpus / "annotations.yaml").read_bytes() == before
    assert "0 notes" not in section
    assert "could not be read" in section and "line 5" in section and "dissmissed" in section


async def test_a_verdict_s_advice_stays_whole_at_80_columns_the_summary_gives_way(corpus):
    """At 80x24, x on a finding said "✗ dismissed: Dated 2024-05-14 by A, C, F, G vs
    2024-05-15 by B (hidden; X sho…": what to press to see it again and that it is unsaved
    were cut. The summary is shortened instead; the advice is whole."""
    from tui.app import CorpusApp

    def status_row() -> str:
        return terminal_frame(app)[0][-2].strip()  # above the footer

    app = CorpusApp([corpus])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_engine(pilot)
        await pilot.press("d", "x")
        await pilot.pause()
        shown = status_row()
        assert len(app.status.said) > 78, "the message is longer than the line"
        assert shown.startswith("✗ dismissed: ")
        assert shown.endswith("(hidden; X shows dismissed) · unsaved, ctrl+s saves")
        assert "…" in shown
        await pilot.press("x")  # cleared: no advice after the summary, which is cut at the end as before
        await pilot.pause()
        assert status_row().startswith("Verdict cleared: ")


UNLINK = {
    "a.txt": "Harbour vote\n\nThe council voted on Tuesday to approve the harbour plan. Fisherman Tomas Brennan, who leads "
    "the opposition, said the vote was rushed. Brennan said he would go to court.\n",
    "b.txt": "Harbour plan passes\n\nThe council approved the harbour plan on Tuesday. Fisherman Tomas Brenan said the vote "
    "was rushed and unfair. Later Brenan told reporters that the fishermen would go to court.\n",
}


async def _cursor_to(app, pilot, words: str) -> None:
    mention = app.reading.cursor(app.reading.article)
    if mention is not None and mention.text == words:
        return
    for _ in range(20):
        await pilot.press("right_square_bracket")
        await pilot.pause()
        mention = app.reading.cursor(app.reading.article)
        if mention is not None and mention.text == words:
            return
    raise AssertionError(f"] never reached {words!r}")


async def test_unlinking_a_name_takes_its_article_s_other_mentions_of_that_person(tmp_path):
    """Two outlets, two spellings: l on A's "Tomas Brennan", l on B's "Tomas Brenan" said
    "Unlinked", but B's later "Brenan told reporters" stayed A's Brennan: n from A still
    walked into B (3 of 3), and the reader's "these are two people" held for one word only."""
    from tui.app import CorpusApp

    for name, text in UNLINK.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    app = CorpusApp([tmp_path])
    async with app.run_test(size=(160, 50)) as pilot:
        await wait_for_engine(pilot)
        app.focus_column(0)
        await _cursor_to(app, pilot, "Tomas Brennan")
        assert " · 1 of 4 · " in app.status.said
        await pilot.press("l")
        app.focus_column(1)
        await _cursor_to(app, pilot, "Tomas Brenan")
        await pilot.press("l")
        await pilot.pause()
        assert app.status.said.startswith("Unlinked “Tomas Brennan” and “Tomas Brenan”")
        visited = []
        for _ in range(3):
            await pilot.press("n")
            await pilot.pause()
            visited.append(app.status.said.split(" · ")[1:3])
        assert visited == [["2 of 2", "B: Harbour plan passes"], ["1 of 2", "B: Harbour plan passes"], ["2 of 2", "B: Harbour plan passes"]]
        app.focus_column(0)
        await pilot.press("escape")
        await _cursor_to(app, pilot, "Tomas Brennan")
        assert " · 1 of 2 · A: " in app.status.said
        assert not app.sidebar.story_discrepancies


def test_yaml_report_gives_an_article_s_text_and_a_note_line_for_line(corpus, capsys):
    """--format yaml folded each article's text into a quoted scalar in which every paragraph
    break read as two blank lines and lines broke mid-sentence; a reader could not tell the
    article's own lines. Text and notes of several lines are | blocks; the data is the JSON's."""
    import json

    from tui.cli import main

    (corpus / "annotations.yaml").write_text(
        "version: 1\n"
        "verdicts:\n"
        "  0af79729b22a:\n"
        "    verdict: explained\n"
        "    note: |-\n"
        "      Published a day apart.\n"
        "      Both right.\n",
        encoding="utf-8",
    )
    assert main(["report", str(corpus), "--format", "yaml", "--no-cache"]) == 0
    out = capsys.readouterr().out
    assert main(["report", str(corpus), "--format", "json", "--no-cache"]) == 0
    assert yaml.safe_load(out) == json.loads(capsys.readouterr().out)
    lines = out.splitlines()
    at = next(n for n, line in enumerate(lines) if line in ("  text: |", "  text: |-"))
    first_paragraphs = yaml.safe_load(out)["articles"][0]["text"].split("\n")[:3]
    assert lines[at + 1 : at + 4] == ["    " + line if line else "" for line in first_paragraphs]
    assert "      note: |-" in lines and "        Both right." in lines


async def test_an_explained_finding_s_note_keeps_its_lines_in_the_sidebar(corpus):
    """e with a note of two lines: the sidebar showed "note Published a day apart. Both
    right." as one sentence (the line break lost, as "[bold]both[/] right second line: yes"
    read on NewsWCL50). Each line of the note is a line under the finding."""
    from tui.app import CorpusApp

    app = CorpusApp([corpus])
    async with app.run_test(size=(160, 50)) as pilot:
        await wait_for_engine(pilot)
        await pilot.press("d", "e")
        await pilot.pause()
        await pilot.press(*"Published a day apart.", "enter", *"Both right.", "ctrl+s")
        await pilot.pause()
        lines = [line.split("▊", 1)[-1].rstrip() for line in terminal_frame(app)[0]]
        at = next(n for n, line in enumerate(lines) if line.strip().startswith("note Published a day apart."))
        assert lines[at].strip() == "note Published a day apart."
        assert lines[at + 1].strip() == "Both right."
        assert lines[at + 1].index("Both") == lines[at].index("Published")  # under the note, not the label


async def test_M_on_a_mention_the_reader_added_takes_the_addition_back(corpus):
    """m then M on the same words saved an addition and a removal of one span, two
    contradicting entries in the YAML a reader diffs and commits. M on one's own mention
    takes the addition back: the file holds neither, and the words are no mention."""
    from tui.app import CorpusApp

    app = CorpusApp([corpus])
    async with app.run_test(size=(160, 50)) as pilot:
        await wait_for_engine(pilot)
        await pilot.press("slash", *"the Malian", "enter")
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("enter", "escape")
        await pilot.pause()
        await _cursor_to(app, pilot, "the Malian")
        await pilot.press("M")
        await pilot.pause()
        assert app.status.said.startswith("Your mention removed: “the Malian”")
        assert not list(app.annotator.store)
        article = app.reading.article
        assert not any(m.text == "the Malian" for m in app.index.mentions(article))
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert any(m.text == "the Malian" for m in app.index.mentions(article))


async def test_l_twice_on_the_same_two_names_takes_the_reader_s_link_back(tmp_path):
    """l, l linked two names; l, l on the same two again saved an unlink beside the link,
    two entries that cancel out in the YAML. It takes the link back: the file holds neither."""
    from tui.app import CorpusApp

    for name, text in UNLINK.items():
        text = text.replace("Tomas Brenan", "Tom Brenan").replace("Brenan", "Brannan")  # not the same name to the engine
        text += "Council leader Maria Okafor said the plan would create 1,200 jobs in the harbour district.\n"
        (tmp_path / name).write_text(text, encoding="utf-8")
    app = CorpusApp([tmp_path])
    async with app.run_test(size=(160, 50)) as pilot:
        await wait_for_engine(pilot)

        async def l_on_both() -> None:
            app.focus_column(0)
            await pilot.press("escape")
            await _cursor_to(app, pilot, "Tomas Brennan")
            await pilot.press("l")
            app.focus_column(1)
            await _cursor_to(app, pilot, "Tom Brannan")
            await pilot.press("l")
            await pilot.pause()

        await l_on_both()
        assert app.status.said.startswith("Linked “Tomas Brennan” and “Tom Brannan”")
        await l_on_both()
        assert app.status.said.startswith("Your link removed: “Tomas Brennan” and “Tom Brannan”")
        assert not list(app.annotator.store)
