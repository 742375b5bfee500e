"""No article can stall the engine or the screen: tokenizing does bounded work per call.

spaCy's tokenizer is quadratic on a run of brackets or quote marks (4,000 take seconds,
32 KB minutes), and one call on a long article holds the interpreter, so the app's
screen, in the same process, froze until it returned.
"""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path

import pytest

from annotate.nlp.bounded_doc import MAX_RUN, PIECE_CHARS, make_doc, pieces
from annotate.model import Article

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def nlp():
    from annotate.nlp.pipeline import build_pipeline

    return build_pipeline(None)


@pytest.fixture(scope="module")
def news() -> str:
    return "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt")))


def test_ordinary_text_gives_the_same_tokens_as_spacy(nlp, news):
    long = (news * (3 * PIECE_CHARS // len(news) + 2))  # several pieces
    for text in (news, long, "a  b\n\n c   \n d", "   leading and trailing   "):
        ours, theirs = make_doc(nlp, text), nlp.make_doc(text)
        assert ours.text == text
        assert [(t.idx, t.text) for t in ours] == [(t.idx, t.text) for t in theirs]


@pytest.mark.parametrize("run", ["(", '"', "“", "'", "([{", "-"])
def test_punctuation_runs_take_linear_time_and_keep_offsets(nlp, run):
    text = f"He said {run * (32_000 // len(run))} and left."
    started = time.perf_counter()
    doc = make_doc(nlp, text)
    assert time.perf_counter() - started < 3  # spaCy alone: minutes
    assert doc.text == text
    assert all(text[t.idx : t.idx + len(t.text)] == t.text for t in doc)


def test_no_tokenizer_call_gets_more_than_a_bounded_piece(news):
    text = news * 40 + "x" * 1000 + " " + "(" * 5000 + " http://example.org/" + "'s" * 3000
    cut = list(pieces(text))
    assert "".join(p for p, _ in cut) == text
    given_to_spacy = [p for p, is_run in cut if not is_run]
    assert max(len(p) for p in given_to_spacy) <= PIECE_CHARS
    assert all(len(chunk) <= MAX_RUN for p in given_to_spacy for chunk in p.split())


@pytest.mark.parametrize("run", ["'s", "a:", "(a", "“”"])
def test_any_long_run_takes_linear_time(nlp, run):
    text = "Start " + "".join(f"{run * 20}{n}" for n in range(2000)) + " end."
    started = time.perf_counter()
    doc = make_doc(nlp, text)
    assert time.perf_counter() - started < 3
    assert doc.text == text


def test_the_whole_engine_on_punctuation_runs_is_quick():
    from annotate.engine import analyse

    hostile = Article(id="runs", path="runs.txt", title="Runs", text="Intro. " + "(" * 16_000 + ' "' + '"' * 16_000 + " end.")
    started = time.perf_counter()
    analyse([hostile])
    assert time.perf_counter() - started < 30  # hours before, for the 200 KB version


def _longest_pause_of_this_thread_while(work) -> float:
    done = threading.Event()

    def run() -> None:
        work()
        done.set()

    worker = threading.Thread(target=run)
    worker.start()
    longest, last = 0.0, time.perf_counter()
    while not done.is_set():
        time.sleep(0.005)
        now = time.perf_counter()
        longest, last = max(longest, now - last), now
    worker.join()
    return longest


def test_annotating_a_long_article_in_a_thread_does_not_hold_the_interpreter(news):
    """The app runs the engine in a thread: the screen's thread must keep running."""
    from annotate.workers import annotate_in_processes

    text = news * (6_000_000 // len(news))
    articles = [Article(id="short", path="short.txt", title="Short", text=news),
                Article(id="long", path="long.txt", title="Long", text=text)]
    results: list = []
    pause = _longest_pause_of_this_thread_while(lambda: results.extend(annotate_in_processes(articles, None, 1, isolate_long=True)))
    assert pause < 0.5  # in this process: one spaCy step on the long text held it for 1-3 s
    assert [len(read.mentions) > 0 and len(read.sentences) > 1 for read in results] == [True, True]


def test_a_long_article_annotated_apart_gives_the_same_mentions(news):
    from annotate.workers import LONG_ARTICLE_CHARS, annotate_in_processes, annotate_serially

    text = news * (LONG_ARTICLE_CHARS // len(news) + 1)
    articles = [Article(id="long", path="long.txt", title="Long", text=text),
                Article(id="short", path="short.txt", title="Short", text=news)]
    assert list(annotate_in_processes(articles, None, 1, isolate_long=True)) == list(annotate_serially(articles, None))


async def test_the_app_annotates_a_long_article_apart_and_shows_its_findings(tmp_path, monkeypatch, news):
    """Inside the app, whose standard streams Textual has replaced: the child process starts."""
    from annotate.workers import LONG_ARTICLE_CHARS
    from tests.pilot import wait_for_engine
    from tui.app import CorpusApp

    monkeypatch.setenv("CORPUS_TUI_CACHE_DIR", str(tmp_path / "cache"))  # annotated here, not from a cache
    (tmp_path / "long.txt").write_text("Long report\n\n" + news * (LONG_ARTICLE_CHARS // len(news) + 1), encoding="utf-8")
    (tmp_path / "short.txt").write_text((ROOT / "corpus" / "mali-turns-to-moscow.txt").read_text(encoding="utf-8"), encoding="utf-8")
    app = CorpusApp([tmp_path])
    async with app.run_test(size=(160, 50)) as pilot:
        await wait_for_engine(pilot, timeout=180)
        assert any(m.article == "long" for m in app.analysis.mentions)


# -- the longest whitespace-free run, measured with numpy ------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from annotate.nlp.bounded_doc import _IS_SPACE, _OTHER_SPACES, longest_run  # noqa: E402

_SPACES = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]


def test_the_whitespace_past_ascii_is_what_str_isspace_says():
    assert [ord(c) for c in _SPACES if ord(c) > 0x84] == list(_OTHER_SPACES)


def test_the_whitespace_table_is_what_str_isspace_says():
    assert _IS_SPACE.tolist() == [chr(c).isspace() for c in range(len(_IS_SPACE) - 1)] + [False]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_SPACES) | st.text(max_size=30) | st.text("x(", min_size=20, max_size=40), max_size=12))
def test_longest_run_is_the_longest_word_of_split(parts):
    text = "".join(parts)
    assert longest_run(text) == max(map(len, text.split()), default=0)
