"""Hostile article text: markup and terminal escapes stay literal and inert, offsets exact."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pytest
from bad_input import HOSTILE, HOSTILE_LINES, PARAGRAPH
from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console
from rich.text import Text

from annotate.corpus.loading import load_corpus
from annotate.model import Article
from annotate.corpus.safe_text import visible
from tests.pilot import foreign_controls, record_notifications, terminal_frame, wait_for_engine

TERMINAL_ACTORS = [chr(c) for c in range(0x20) if chr(c) not in "\n\t"] + ["\x7f"] + [chr(c) for c in range(0x80, 0xA0)]
BIDI_CONTROLS = [chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))]


@pytest.mark.parametrize("hostile", HOSTILE_LINES)
def test_visible_keeps_length_and_removes_every_control_code(hostile):
    shown = visible(hostile)
    assert len(shown) == len(hostile)
    assert not any(c in shown for c in TERMINAL_ACTORS + BIDI_CONTROLS)


@pytest.mark.parametrize("markup", ["[bold red]x[/bold red]", "[@click=app.quit]x[/]", "[link=file:///etc/passwd]x[/link]"])
def test_visible_leaves_markup_characters_literal(markup):
    assert visible(markup) == markup


def test_escape_sequences_become_control_pictures():
    assert visible("\x1b]0;title\x07") == "\u241b]0;title\u2407"
    assert visible("\x1b[2J") == "\u241b[2J"
    assert visible("a\rb\x08c\x00") == "a\u240db\u2408c\u2400"
    assert visible("\x9b2J") == "\ufffd2J"  # 8-bit CSI


def test_newlines_tabs_and_ordinary_unicode_are_untouched():
    text = "Zoe\u0301 👨\u200d👩\u200d👧 مرحبا\tשלום\n«quote» “x” ‘y’ 1,200 € \u200f"
    assert visible(text) == text


@given(st.text())
def test_visible_maps_one_code_point_to_one(text):
    shown = visible(text)
    assert len(shown) == len(text)
    assert visible(shown) == shown
    for original, safe in zip(text, shown):
        if original != safe:
            assert not original.isprintable() or original in BIDI_CONTROLS
    shown.encode("utf-8")  # writable to a UTF-8 terminal: no lone surrogates


def _render(text: str) -> str:
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, color_system="truecolor", width=400, legacy_windows=False)
    console.print(Text(visible(text)), end="", soft_wrap=True)
    return out.getvalue()


@pytest.mark.parametrize("hostile", HOSTILE_LINES)
def test_rich_text_of_visible_article_text_prints_literally_and_emits_no_article_escapes(hostile):
    printed = _render(hostile)
    assert visible(hostile) in printed  # unstyled: exactly the characters, nothing interpreted
    assert "\x1b" not in printed and "\x07" not in printed


def test_textual_content_from_article_text_is_not_parsed_as_markup():
    from textual.content import Content

    for hostile in HOSTILE_LINES:
        content = Content(visible(hostile))
        assert content.plain == visible(hostile)
        assert not content.spans  # no style, no link, no action came from the text


def test_hostile_file_loads_byte_for_byte(tmp_path):
    path = tmp_path / "hostile.txt"
    path.write_bytes(HOSTILE.encode())
    loaded = load_corpus([path])
    assert loaded.problems == []
    assert loaded.articles[0].text == HOSTILE


def _check_spans(analysis):
    texts = {a.id: a.text for a in analysis.articles}
    for m in analysis.mentions:
        text = texts[m.article]
        assert 0 <= m.start <= m.end <= len(text)
        assert text[m.start : m.end] == m.text
    for finding in [*analysis.discrepancies, *analysis.corroborations]:
        for ev in finding.evidence:
            text = texts[ev.article]
            assert 0 <= ev.start <= ev.end <= len(text)
            assert text[ev.start : ev.end] == ev.text


def test_engine_keeps_offsets_exact_on_hostile_text():
    from annotate.engine import analyse

    hostile = Article(id="hostile", path="hostile.txt", title="Hostile", text=HOSTILE)
    plain = Article(id="plain", path="plain.txt", title="Plain", text=f"Plain\n\n{PARAGRAPH}\n")
    analysis = analyse([hostile, plain])
    _check_spans(analysis)
    # The paragraph after the hostile lines is still read: escapes do not derail the engine.
    found = {m.text for m in analysis.mentions if m.article == "hostile"}
    assert any("1,200" in t for t in found)


# --- the app: literal on screen, nothing triggered -------------------------------

@pytest.fixture
def hostile_corpus(tmp_path):
    (tmp_path / "hostile.txt").write_bytes(HOSTILE.encode())
    (tmp_path / "plain.txt").write_text(f"Plain article\n\n{PARAGRAPH}\n")
    return tmp_path


@pytest.fixture
def hostile_names(tmp_path):
    from bad_input import HOSTILE_NAME_EMPTY, HOSTILE_NAME_GOOD

    (tmp_path / "plain.txt").write_text(f"Plain article\n\n{PARAGRAPH}\n")
    (tmp_path / HOSTILE_NAME_GOOD).write_text(f"Named article\n\n{PARAGRAPH}\n")
    (tmp_path / HOSTILE_NAME_EMPTY).write_bytes(b"")
    return tmp_path


async def test_app_shows_hostile_text_literally_and_nothing_is_triggered(hostile_corpus, monkeypatch):
    from tui.app import CorpusApp

    copied: list[str] = []
    app = CorpusApp([hostile_corpus], use_cache=False)
    opened: list[str] = []
    monkeypatch.setattr(app, "copy_to_clipboard", copied.append)
    monkeypatch.setattr(app, "open_url", lambda url, **kw: opened.append(url))
    async with app.run_test(size=(200, 50), notifications=True) as pilot:
        title = app.title
        await wait_for_engine(pilot)
        lines, raw = terminal_frame(app)
        screen = "\n".join(lines)
        for hostile in HOSTILE_LINES:
            assert visible(hostile) in screen, f"{hostile!r} not shown literally"
        assert foreign_controls(raw) == ""

        # Clicking text that looks like a click action or a link does nothing of the sort.
        for words in ("click me", "a link"):
            y = next(i for i, line in enumerate(lines) if words in line)
            await pilot.click(offset=(lines[y].index(words) + 2, y))
            await pilot.pause()
        assert app.is_running and app.return_code is None
        assert app.title == title and copied == [] and opened == []
        assert foreign_controls(terminal_frame(app)[1]) == ""


async def test_app_names_bad_files_without_passing_their_control_codes_on(hostile_names, monkeypatch):
    from tui.app import CorpusApp

    app = CorpusApp([hostile_names], use_cache=False)
    messages = record_notifications(app, monkeypatch)
    async with app.run_test(size=(200, 50), notifications=True) as pilot:
        await wait_for_engine(pilot)
        assert messages, "the skipped file was not mentioned"
        assert not any(foreign_controls(m) for m in messages), messages
        lines, raw = terminal_frame(app)
        assert foreign_controls(raw) == ""


_REWRITES = {
    "non-breaking spaces": lambda t: t.replace(" ", "\u00a0"),
    "double spaces": lambda t: t.replace(" ", "  "),
    "tabs": lambda t: t.replace(" ", "\t"),
    "carriage returns": lambda t: t.replace("\n", "\r\n"),
    "one line": lambda t: t.replace("\n", " "),
    "capitals": str.upper,
    "lower case": str.lower,
    "long s": lambda t: t.replace("s", "\u017f"),  # letters re.IGNORECASE folds to s, i, k
    "dotless i": lambda t: t.replace("i", "\u0131"),
    "dotted I": lambda t: t.replace("I", "\u0130"),
    "Kelvin sign": lambda t: t.replace("k", "\u212a"),
    "full-width digits": lambda t: t.translate({c: c + 0xFF10 - 0x30 for c in range(0x30, 0x3A)}),
    "zero-width spaces": lambda t: t.replace(" ", " \u200b"),
    "combining accents": lambda t: t.replace("e", "e\u0301"),
}


@pytest.mark.parametrize("rewrite", list(_REWRITES))
def test_the_engine_reads_every_article_however_its_spaces_and_letters_are_written(rewrite):
    """Real text carries &nbsp;, odd spacing and look-alike letters: the pipeline reads every
    article without a fault (a fault would cost the article: ``ArticleReading.failure``)."""
    from annotate.engine import analyse
    from annotate.workers import annotate_serially

    articles = load_corpus([Path(__file__).resolve().parent.parent / "corpus"]).articles
    rewritten = [replace(a, text=_REWRITES[rewrite](a.text)) for a in articles]
    assert [r.failure for r in annotate_serially(rewritten, None)] == [None] * len(articles)
    assert not analyse(rewritten).problems
