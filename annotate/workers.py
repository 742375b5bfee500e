"""Annotation in several processes (``corpus-tui report --jobs N``).

Each worker builds the pipeline once (in the pool's initializer) and then
annotates chunks of articles; results come back in corpus order. spaCy's
work is CPU-bound Python, so processes, not threads, are what scale.
"""

from __future__ import annotations

import multiprocessing
import pickle
import sys
import threading
from collections.abc import Iterator, Sequence

from annotate.model import Article, ArticleReading, ArticleWords

_nlp = None  # the worker's pipeline, built once by _start_worker

Annotated = ArticleReading  # what the pipeline found in one article


def annotate_serially(articles: Sequence[Article], model: str | None) -> Iterator[Annotated]:
    """What the pipeline read in each article, in order, in this process."""
    from annotate.nlp.pipeline import build_pipeline, pipeline_name

    nlp = build_pipeline(model)
    name = pipeline_name(nlp)
    for start in range(0, len(articles), _TOKENIZE_AHEAD):
        yield from _read_batch(nlp, articles[start : start + _TOKENIZE_AHEAD], name)


def _read_batch(nlp, batch: Sequence[Article], name: str) -> Iterator[Annotated]:
    """What the pipeline read in each article of ``batch``, in order. An article it fails on (a
    fault of ours, met on some text) is a reading with its ``failure``: the others are read as usual."""
    done = 0
    try:
        for article, doc in zip(batch, nlp.pipe(_make_docs(nlp, batch), batch_size=16)):
            yield _read_doc(doc, article, name)
            done += 1
    except Exception:
        # The batch's pipeline is broken off: the articles left are read one at a time, so only
        # the one that fails is lost.
        for article in batch[done:]:
            yield _read_alone(nlp, article, name)


def _read_alone(nlp, article: Article, name: str) -> Annotated:
    try:
        return _read_doc(nlp(_make_doc(nlp, article)), article, name)
    except Exception as error:
        reason = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
        return ArticleReading([], [0], [], ArticleWords(), name, failure=reason)


# Longer articles are annotated in a process of their own when ``isolate_long`` (the app):
# spaCy's C code holds the interpreter for whole steps (a 4 MB article's Doc alone ~1 s),
# which would freeze the screen drawn by the same process.
LONG_ARTICLE_CHARS = 500_000


def annotate_in_processes(
    articles: Sequence[Article], model: str | None, jobs: int, isolate_long: bool = False
) -> Iterator[Annotated]:
    """Like ``annotate_serially`` but spread over ``jobs`` processes; with ``isolate_long``,
    articles over ``LONG_ARTICLE_CHARS`` go to a separate process even with one job."""
    if isolate_long and jobs <= 1 and any(len(a.text) > LONG_ARTICLE_CHARS for a in articles):
        yield from _long_ones_apart(articles, model)
        return
    if jobs <= 1 or len(articles) < 2:
        yield from annotate_serially(articles, model)
        return
    jobs = min(jobs, len(articles))
    # Small chunks keep the progress bar moving and the load balanced; not so
    # small that pickling overhead dominates.
    size = max(1, min(16, len(articles) // (jobs * 4)))
    chunks = [list(articles[i : i + size]) for i in range(0, len(articles), size)]
    with _context().Pool(jobs, initializer=_start_worker, initargs=(model,)) as pool:
        for results in pool.imap(_annotate_chunk, chunks):
            yield from results


def _long_ones_apart(articles: Sequence[Article], model: str | None) -> Iterator[Annotated]:
    """In order: short articles here, each long one in a child process (``annotate.isolated``)."""
    from annotate.isolated import annotate_apart

    start = 0
    for i, article in enumerate(articles):
        if len(article.text) > LONG_ARTICLE_CHARS:
            yield from annotate_serially(articles[start:i], model)
            yield annotate_apart(article, model)
            start = i + 1
    yield from annotate_serially(articles[start:], model)


_SLICE = 5_000  # mentions per pickled slice sent back


def annotate_to_slices(article: Article, model: str | None) -> tuple[list[bytes], ArticleReading]:
    """In the child process: the article's mentions, pickled in slices, and the rest of what the
    pipeline read (its mentions left out)."""
    global _nlp
    from dataclasses import replace

    from annotate.nlp.pipeline import build_pipeline

    _nlp = build_pipeline(model)
    (read,) = _annotate_chunk([article])
    mentions = read.mentions
    slices = [pickle.dumps(mentions[i : i + _SLICE], pickle.HIGHEST_PROTOCOL) for i in range(0, len(mentions), _SLICE)]
    return slices, replace(read, mentions=[])


def _context():
    # fork is much quicker to start, but forking a process that runs other
    # threads (the app's workers) can deadlock: spawn then.
    if sys.platform.startswith("linux") and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _start_worker(model: str | None) -> None:
    global _nlp
    from annotate.collector import tune_for_batch_work
    from annotate.nlp.pipeline import build_pipeline

    tune_for_batch_work()  # this process is ours

    _nlp = build_pipeline(model)


def _annotate_chunk(articles: list[Article]) -> list[Annotated]:
    from annotate.nlp.pipeline import pipeline_name

    return list(_read_batch(_nlp, articles, pipeline_name(_nlp)))


def _read_doc(doc, article: Article, name: str) -> Annotated:
    """The engine's output for one processed Doc: the last time its raw text is read."""
    from annotate.nlp.components.sentences import sentence_starts
    from annotate.nlp.extract import (
        extract_denials, extract_mentions, extract_negations, extract_reported, extract_stream, extract_words,
    )

    return ArticleReading(
        extract_mentions(doc, article), sentence_starts(doc), extract_reported(doc, article), extract_words(doc), name,
        extract_negations(doc, article), extract_denials(doc, article), extract_stream(doc),
    )


# Articles tokenized in a row before the rules run over them: the tokenizer's tables and
# caches stay in the CPU's cache instead of being evicted by the rules after every article
# (about 5% of the whole engine's time, measured on generated corpora).
_TOKENIZE_AHEAD = 64


def _make_docs(nlp, articles: Sequence[Article]) -> list:
    return [_make_doc(nlp, a) for a in articles]


def _make_doc(nlp, article: Article):
    from annotate.nlp.bounded_doc import make_doc

    doc = make_doc(nlp, article.text)  # bounded work per tokenizer call, whatever the text
    doc.user_data["published"] = article.published
    # Doc.text rebuilds the string from every token; components read this instead.
    doc.user_data["text"] = article.text
    return doc
