"""No article can stall the engine or the screen: tokenizing does bounded work per call.

spaCy's tokenizer is quadratic on a run of brackets or quote marks (4,000 take seconds,
32 KB minutes), and one call on a long article holds the interpreter, so the app's
screen, in the same process, froze until it returned.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from annotate.bounded_doc import MAX_RUN, PIECE_CHARS, make_doc, pieces
from annotate.model import Article

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def nlp():
    from annotate.pipeline import build_pipeline

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
    text = news * 40 + "x" * 1000 + " " + "(" * 5000
    cut = list(pieces(text))
    assert "".join(cut) == text
    assert max(len(p) for p in cut) <= PIECE_CHARS
    assert all(len(w) <= MAX_RUN for p in cut for w in p.split())


def test_the_whole_engine_on_punctuation_runs_is_quick():
    from annotate.engine import analyse

    hostile = Article(id="runs", path="runs.txt", title="Runs", text="Intro. " + "(" * 16_000 + ' "' + '"' * 16_000 + " end.")
    started = time.perf_counter()
    analyse([hostile])
    assert time.perf_counter() - started < 30  # hours before, for the 200 KB version


def test_tokenizing_a_long_article_does_not_hold_the_interpreter(nlp, news):
    """The app runs the engine in a thread: the screen's thread must keep running."""
    text = news * (6_000_000 // len(news))
    done = threading.Event()

    def work() -> None:
        make_doc(nlp, text)
        done.set()

    worker = threading.Thread(target=work)
    worker.start()
    longest, last = 0.0, time.perf_counter()
    while not done.is_set():
        time.sleep(0.005)
        now = time.perf_counter()
        longest, last = max(longest, now - last), now
    worker.join()
    assert longest < 0.5  # one spaCy call on the whole text: 1-3 s without a break
