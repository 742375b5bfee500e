"""``report --jobs N``: several processes give exactly the result of one; the progress bar."""

from __future__ import annotations

import io

import generate
import pytest

from annotate.corpus.loading import load_corpus
from annotate.engine import annotate_articles
from annotate.progress import terminal_progress


@pytest.fixture(scope="module")
def articles(tmp_path_factory):
    folder = tmp_path_factory.mktemp("jobs")
    generate.generate(folder, 9, seed=3)
    return load_corpus([folder]).articles


def test_two_processes_find_the_same_mentions_in_the_same_order(articles):
    done: list[tuple[int, int]] = []
    serial = annotate_articles(articles)
    parallel = annotate_articles(articles, jobs=2, progress=lambda d, t: done.append((d, t)))
    assert parallel == serial  # mentions, sentences, reported speech, words and the pipeline's name
    assert all(serial.words[a.id].words for a in articles)
    sentences = serial.sentences
    assert all(len(sentences[a.id]) > 1 for a in articles)
    assert done[-1] == (len(articles), len(articles))
    assert [d for d, _ in done] == sorted(d for d, _ in done)


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_no_progress_bar_when_stderr_is_not_a_terminal():
    assert terminal_progress(stream=io.StringIO()) is None


def test_progress_bar_draws_on_a_terminal_and_erases_itself(monkeypatch):
    clock = iter([0.0, 1.0, 2.0, 3.0])
    monkeypatch.setattr("annotate.progress.time.monotonic", lambda: next(clock))
    stream = _Terminal()
    progress = terminal_progress(stream=stream)
    progress(250, 1000)
    assert "250/1000" in stream.getvalue()
    progress(1000, 1000)
    assert stream.getvalue().endswith("\r\x1b[2K")


def test_batches_of_articles_give_what_one_article_at_a_time_gives(tmp_path):
    """Each component runs over a batch of Docs in turn: across batch boundaries (here 40
    articles, batches of 16 and 64), every article's mentions are those it has alone."""
    from annotate.nlp.components import DOCS_PER_BATCH
    from annotate.nlp.extract import extract_mentions, extract_reported, extract_words
    from annotate.nlp.pipeline import build_pipeline
    from annotate.nlp.components.sentences import sentence_starts
    from annotate.workers import _make_doc, annotate_serially

    generate.generate(tmp_path, 40, seed=5)
    articles = load_corpus([tmp_path]).articles
    assert len(articles) > 2 * DOCS_PER_BATCH
    nlp = build_pipeline(None)
    docs = [nlp(_make_doc(nlp, a)) for a in articles]
    alone = [(extract_mentions(doc, a), sentence_starts(doc), extract_reported(doc, a), extract_words(doc))
             for doc, a in zip(docs, articles)]
    batched = [(read.mentions, read.sentences, read.reported, read.words) for read in annotate_serially(articles, None)]
    assert batched == alone
    assert sum(len(mentions) for mentions, *_ in alone) > 40 * 10


def test_after_the_last_article_the_bar_names_the_phase_and_close_erases_it(monkeypatch):
    clock = iter([0.0, 1.0, 2.0, 3.0, 4.0])
    monkeypatch.setattr("annotate.progress.time.monotonic", lambda: next(clock))
    stream = _Terminal()
    progress = terminal_progress(stream=stream)
    progress(1000, 1000)
    progress.stage("stories")
    assert stream.getvalue().endswith("\r\x1b[2KGrouping articles into stories…")
    progress.close()
    assert stream.getvalue().endswith("\r\x1b[2K")


def test_a_quick_run_names_no_phase(monkeypatch):
    monkeypatch.setattr("annotate.progress.time.monotonic", lambda: 0.0)
    stream = _Terminal()
    progress = terminal_progress(stream=stream)
    progress.stage("link")
    progress.close()
    assert stream.getvalue() == ""


def test_an_article_the_pipeline_fails_on_is_an_error_naming_it_and_the_others_are_analysed(tmp_path, monkeypatch, capsys):
    """A fault of ours met on one article's text costs that article, not the report."""
    import annotate.nlp.extract as extract
    from annotate.engine import analyse
    from tui.cli import main

    for name, place, dead in (("a", "Mombasa", 12), ("b", "Zanzibar", 12), ("c", "Tanga", 14)):
        (tmp_path / f"{name}.txt").write_text(
            f"Storm hits the coast\n\nThe storm killed {dead} people in {place} on Monday, officials said.\n"
            "Rescue teams from Kenya searched the villages.\n", encoding="utf-8")
    articles = load_corpus([tmp_path]).articles
    every = analyse(articles)
    real = extract.extract_words

    def failing(doc):
        if "Zanzibar" in doc.user_data["text"]:
            raise KeyError("zanzibar")
        return real(doc)

    monkeypatch.setattr(extract, "extract_words", failing)
    analysis = analyse(articles)
    [problem] = analysis.problems
    assert problem.path.endswith("b.txt") and problem.severity == "error" and "KeyError" in problem.message
    b = next(a.id for a in articles if a.path.endswith("b.txt"))
    assert [m for m in analysis.mentions] == [m for m in every.mentions if m.article != b]
    assert any(d.kind == "number" for d in analysis.discrepancies)  # 12 (a) vs 14 (c)

    assert main(["report", str(tmp_path), "--no-cache"]) == 0
    out, err = capsys.readouterr()
    assert "b.txt" in err and "could not be read" in err
    assert "Number" in out
