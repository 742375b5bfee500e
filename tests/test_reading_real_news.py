"""What a reader meets on real news files rather than the bundled corpus: files without a
title whose first line is the whole lede, short file names (``a.txt``, ``cnn.txt``), stories
of three articles and more. Each test asserts what is on screen (or in the report)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from tests.pilot import terminal_frame, wait_for_engine, wait_until
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
    "d.txt": "Lavrov visits Mali\n\nThe Russian foreign minister was in Bamako on Tuesday.\n",
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


async def test_a_lede_the_header_cuts_is_read_whole_in_the_text_with_its_evidence(ledes):
    """The first line of a file without a title is its title; the header cuts it, so the
    text shows it whole: nothing of the lede, and no evidence in it, is out of sight."""
    from tui.app import CorpusApp

    app = CorpusApp([ledes], stories="one")
    async with app.run_test(size=(160, 50)) as pilot:
        await wait_for_engine(pilot)
        first = app.columns[0]
        assert "…" in header_text(first)  # the header cuts the lede
        assert screen_text(first.pane).startswith("BAMAKO, Mali — Russian Foreign Minister Sergei")
        await press_d_until(pilot, "number")
        finding = app.discrepancy(app.reading.discrepancy)
        on_screen = {c.pane.article.id: " ".join(screen_text(c.pane).split()) for c in app.columns}
        for e in finding.evidence:
            if e.article in on_screen:
                assert e.text in on_screen[e.article], (e, on_screen[e.article][:200])
                pane = next(c.pane for c in app.columns if c.pane.article.id == e.article)
                assert pane.is_visible_offset(e.start)
        # Another article in the same column: its short title fits, so its text starts after it;
        # then a lede again, read whole.
        app.focus_column(0)
        while app.reading.article != "d":
            await pilot.press("greater_than_sign")
            await pilot.pause()
        assert header_text(first).endswith("Lavrov visits Mali")
        assert screen_text(first.pane).startswith("The Russian foreign minister")
        while app.reading.article != "c":
            await pilot.press("greater_than_sign")
            await pilot.pause()
        assert screen_text(first.pane).startswith("Sergei Lavrov, the Russian foreign minister")


async def test_a_title_that_fits_again_leaves_the_text(corpus):
    """Narrow, the bundled corpus's titles are cut and read in the text; wide, they fit in
    the header and the text starts after them (not printed twice)."""
    from tui.app import CorpusApp

    app = CorpusApp([corpus])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_engine(pilot)
        pane = app.columns[0].pane
        title = pane.article.title
        assert " ".join(screen_text(pane).split()).startswith(title)
        await pilot.resize_terminal(160, 50)
        await wait_until(pilot, lambda: pane.body_start > 0, what="the title in the header only")
        assert not " ".join(screen_text(pane).split()).startswith(title)
        assert title in header_text(app.columns[0])

async def test_summaries_name_every_article_by_its_label_even_with_short_file_names(ledes):
    """Files named a.txt, b.txt: the sidebar and the status line say (A, C) and (B), as the
    columns do, not some articles by label and others by file name."""
    from tui.app import CorpusApp
    from tui.widgets.discrepancy_list import DiscrepancyList
    from tests.test_app import widget_text

    app = CorpusApp([ledes], stories="one")
    async with app.run_test(size=(160, 50)) as pilot:
        await wait_for_engine(pilot)
        await press_d_until(pilot, "number")
        assert '"four helicopters" (A, C) vs "six helicopters" (B)' in app.status.said
        await pilot.press("e")  # the explain box asks about the finding as the sidebar words it
        await pilot.pause()
        assert '"four helicopters" (A, C)' in " ".join(" ".join(terminal_frame(app)[0]).split())
        await pilot.press("escape", "x", "x")
        await pilot.pause()
        assert app.status.said.startswith("Verdict cleared") and "(A, C)" in app.status.said
        await press_d_until(pilot, "quote")
        assert "(A) vs" in app.status.said and "— A / B:" in app.status.said
        shown = " ".join(widget_text(app.query_one(DiscrepancyList)).split())
        assert '"four helicopters" (A, C) vs "six helicopters" (B)' in shown
        assert "(a" not in shown and "(b)" not in shown


def test_text_report_names_articles_by_label_and_keeps_a_quote_finding_whole(ledes):
    from annotate.corpus.loading import load_corpus
    from annotate.engine import analyse
    from annotate.report import render_text

    analysis = analyse(load_corpus([ledes]).articles, stories="one", paths=[ledes])
    out = io.StringIO()
    render_text(analysis, out, color=False)
    text = out.getvalue()
    assert '"four helicopters" (A, C) vs "six helicopters" (B)' in text
    assert "— A / B: we will [not → never] abandon our friends" in text


async def test_y_after_d_copies_the_finding_not_a_cursor_left_behind(ledes):
    """] puts the cursor on a name; d then selects a finding: y copies the finding."""
    from tui.app import CorpusApp

    app = CorpusApp([ledes], stories="one")
    copied: list[str] = []
    async with app.run_test(size=(160, 50)) as pilot:
        await wait_for_engine(pilot)
        app.copy_to_clipboard = copied.append
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert app.reading.cursor(app.reading.article) is not None
        await press_d_until(pilot, "number")
        await pilot.press("y")
        await pilot.pause()
        assert app.status.said.startswith("Copied the finding")
        assert "four helicopters" in copied[-1] and "six helicopters" in copied[-1]
        await pilot.press("right_square_bracket")  # the cursor again: y copies what it is on
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert not app.status.said.startswith("Copied the finding")


def test_text_report_evidence_lines_up_past_z(tmp_path):
    """MEANTIME's airbus topic has 30 articles: evidence in X and in AD must start its
    offsets and words in the same columns."""
    import re

    from annotate.corpus.loading import load_corpus
    from annotate.model import Analysis, ArticleValue, Discrepancy, EngineInfo, Evidence
    from annotate.report import render_text

    for n in range(30):
        (tmp_path / f"{n:02d}.txt").write_text(f"Report {n}\n\nThe airline ordered {n + 10} aircraft.\n", encoding="utf-8")
    articles = load_corpus([tmp_path]).articles
    x, ad = articles[23], articles[29]
    ev = [Evidence(a.id, a.text.index("ordered"), a.text.index("aircraft"), a.text[a.text.index("ordered") : a.text.index("aircraft")])
          for a in (x, ad)]
    d = Discrepancy("0123456789ab", "number", "aircraft", f"Number of aircraft: ({x.id}) vs ({ad.id})", "high",
                    {a.id: ArticleValue(e.text) for a, e in zip((x, ad), ev)}, ev)
    out = io.StringIO()
    render_text(Analysis(articles, [], [], [d], EngineInfo("0", "p")), out, color=False)
    rows = [line for line in out.getvalue().splitlines() if re.match(r"\s+(X|AD)\s+\d+-\d+", line)]
    assert len(rows) == 2
    assert len({line.index("ordered") for line in rows}) == 1
    assert len({re.search(r"\d-", line).end() for line in rows}) == 1  # the dash between the offsets
    assert "Number of aircraft: (X) vs (AD)" in out.getvalue()


async def test_d_typed_as_the_recovery_question_appears_does_not_discard_the_work(corpus):
    """The question about unsaved work left by a killed instance appears by itself, seconds
    after the text, while the reader may be pressing d (next discrepancy): d must not press
    Discard, which deletes the recovery file. Discard is there, by the arrows and enter."""
    from tests.test_keeping_work import _as_if_killed
    from tests.pilot import add_note_on_first_mention
    from tui.app import CorpusApp
    from tui.screens.annotation_prompt import ChoicePrompt

    app = CorpusApp([corpus])
    async with app.run_test(size=(160, 50)) as pilot:
        await wait_for_engine(pilot)
        await add_note_on_first_mention(app, pilot, "keep me")
        await pilot.pause(1.5)  # the recovery file is written a moment after the change
        left = _as_if_killed(corpus)

    again = CorpusApp([corpus])
    async with again.run_test(size=(160, 50)) as pilot:
        await wait_for_engine(pilot)
        await pilot.pause()
        assert isinstance(again.screen, ChoicePrompt)
        assert "Discard" in " ".join(terminal_frame(again)[0])
        await pilot.press("d", "d")
        await pilot.pause()
        assert left.exists() and isinstance(again.screen, ChoicePrompt)
        await pilot.press("right", "right", "enter")  # Restore, Later, Discard
        await pilot.pause()
        assert not left.exists()
        assert again.status.said == "Recovered annotations discarded"


async def test_advice_on_the_status_line_is_whole_at_80_columns(corpus):
    """At 80x24 the status line has 78 cells: the advice a key gives when it cannot act
    (y, n, a, l, + with nothing selected) must fit, or its second half, the advice, is cut."""
    from tests.test_app import widget_text
    from tui.app import CorpusApp
    from tui.widgets.status_line import StatusLine

    app = CorpusApp([corpus])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_engine(pilot)
        status = app.query_one(StatusLine)
        for key in ("y", "n", "a", "l", "plus"):
            await pilot.press("escape")
            await pilot.pause()
            app.focus_column(0)
            await pilot.press(key)
            await pilot.pause()
            shown = widget_text(status).strip()
            assert shown == app.status.said.strip() and not shown.endswith("…"), (key, app.status.said)


def test_text_report_on_a_terminal_wraps_under_each_column_not_at_the_margin(ledes, monkeypatch):
    """On an 80-column terminal a long summary or quote goes on under its own text (a hanging
    indent), so the severity, labels and offsets stay a column of their own."""
    import re

    from annotate.corpus.loading import load_corpus
    from annotate.engine import analyse
    from annotate.report import render_text

    monkeypatch.setenv("COLUMNS", "80")
    analysis = analyse(load_corpus([ledes]).articles, stories="one", paths=[ledes])
    out = io.StringIO()
    render_text(analysis, out, color=True)
    lines = [re.sub(r"\x1b\[[0-9;]*m", "", line) for line in out.getvalue().splitlines()]
    section = lines[lines.index("Discrepancies (3)") + 1 : lines.index("Told the same way (3)") - 1]
    assert any(len(line) > 70 for line in section)  # long enough to wrap
    assert all(len(line) <= 80 for line in section)
    quote = next(n for n, line in enumerate(section) if "worded differently" in line)
    assert section[quote + 1].startswith(" " * 11) and section[quote + 1].strip()  # the summary goes on under itself
    assert all(line.startswith(" ") for line in section if line.strip()), "a line back at the margin"


async def test_entity_counts_wrap_under_themselves(tmp_path):
    """Five articles: "in 5 of 5 articles · 73 mentions: A 22  B 7  C 29  D 10  E 5" wraps in
    the sidebar; its second line goes on under the counts, not back under the name."""
    from tests.test_app import widget_text
    from tui.app import CorpusApp
    from tui.widgets.entity_list import EntityList

    for n in range(5):
        (tmp_path / f"report-{n}.txt").write_text(
            "Lavrov visits Mali\n\n" + "Sergei Lavrov met officials in Bamako. " * (n + 2) + "\n", encoding="utf-8"
        )
    app = CorpusApp([tmp_path], stories="one")
    async with app.run_test(size=(160, 50)) as pilot:
        await wait_for_engine(pilot)
        await pilot.press("v", "v")
        await pilot.pause()
        entities = app.query_one(EntityList)
        lines = widget_text(entities).splitlines()
        first = next(n for n, line in enumerate(lines) if "in 5 of 5 articles" in line)
        assert lines[first].index("in 5") == 3
        assert lines[first + 1].startswith("   ") and lines[first + 1][3] != " ", lines[first : first + 2]


async def test_the_articles_list_wraps_a_long_title_under_the_title(ledes):
    """o lists the articles by label and title; a lede taken as the title wraps under the
    title, so the labels stay a column of their own."""
    from tests.test_app import widget_text
    from tui.app import CorpusApp

    app = CorpusApp([ledes], stories="one")
    async with app.run_test(size=(100, 40)) as pilot:
        await wait_for_engine(pilot)
        await pilot.press("o")
        await pilot.pause()
        lines = widget_text(app.screen.query_one("#articles-list")).splitlines()
        first = next(n for n, line in enumerate(lines) if "BAMAKO, Mali" in line)
        title_at = lines[first].index("BAMAKO")
        assert lines[first][:title_at].strip() == "A"
        assert lines[first + 1][:title_at].strip() == "" and lines[first + 1].strip(), lines[first : first + 2]


async def test_d_from_the_entities_tab_shows_the_finding_in_the_discrepancies_list(corpus):
    """The sidebar on Entities, d selects a finding: the sidebar shows it (the names say
    nothing about it, and at 80 columns the status line cuts its summary). On Coverage, whose
    rows are findings too, the tab stays."""
    from tui.app import CorpusApp

    app = CorpusApp([corpus])
    async with app.run_test(size=(160, 50)) as pilot:
        await wait_for_engine(pilot)
        tabs = app.sidebar.tabs
        await pilot.press("v", "v")
        await pilot.pause()
        assert tabs.active == "tab-entities"
        await pilot.press("d")
        await pilot.pause()
        assert tabs.active == "tab-discrepancies"
        listing = app.sidebar.discrepancies
        assert listing.get_option_at_index(listing.highlighted).id == app.reading.discrepancy
        await pilot.press("v", "v", "v")  # the sidebar's focus (d left it in a column), Entities, Coverage
        await pilot.pause()
        assert tabs.active == "tab-coverage"
        await pilot.press("d")
        await pilot.pause()
        assert tabs.active == "tab-coverage"


async def test_help_at_80_columns_leaves_room_for_what_each_key_does(corpus):
    """The key column took 29 cells (its longest entry, "↑ ↓ pgup pgdn home end"), leaving
    22 for the descriptions at 80 columns; long keys now wrap in a narrower column."""
    from tests.test_app import widget_text
    from tui.app import CorpusApp

    app = CorpusApp([corpus])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_engine(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        lines = widget_text(app.screen.query_one("#help-keys")).splitlines()
        row = next(line for line in lines if "discrepancy.next" in line)
        assert "Next discrepancy: one article of" in row, row
        assert any("pgup" in line for line in lines)  # the long key is still there, wrapped


def test_text_report_gives_each_article_s_names_whole(tmp_path, capsys):
    """"Senate Foreign Relations Committee" (34 characters) was listed as "Senate Foreign
    Relations Comm…" among the forms each article uses."""
    from tui.cli import main

    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text(
            "Pompeo testifies\n\nMike Pompeo told the Senate Foreign Relations Committee on Thursday that talks would work.\n",
            encoding="utf-8",
        )
    assert main(["report", str(tmp_path)]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "A: Senate Foreign Relations Committee" in out and "Comm…" not in out


def test_text_report_groups_findings_by_story_when_there_are_several(ledes, tmp_path):
    """Five stories' findings listed by kind alone mixed roles from five events; each story
    now has its heading, with its articles and the number the app gives it."""
    import shutil

    from annotate.corpus.loading import load_corpus
    from annotate.engine import analyse
    from annotate.report import render_text

    root = tmp_path / "two"
    shutil.copytree(ledes, root / "mali")
    (root / "port").mkdir()
    for name, figure in (("x", "300"), ("y", "450")):
        (root / "port" / f"{name}.txt").write_text(
            f"Dock workers strike in Rotterdam\n\nSome {figure} dock workers walked out at the port of Rotterdam on Monday.\n",
            encoding="utf-8",
        )
    analysis = analyse(load_corpus([root]).articles, stories="folders", paths=[root])
    out = io.StringIO()
    render_text(analysis, out, color=False)
    text = out.getvalue()
    first = text.index("Story 1 of 2: A, B, C, D (")
    second = text.index("Story 2 of 2: E, F (1 discrepancy)")
    assert first < text.index("six helicopters") < second < text.index("450 dock workers")
    agreed = text.index("Told the same way")
    assert text.index("Story 1 of 2: A, B, C, D (", agreed) < text.index("Assimi Goita's role", agreed)
