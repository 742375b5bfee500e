"""The engine's stages, run in order: pipeline -> mentions -> entities -> stories -> discrepancies.

Each stage is a plain function in its own module and can be tested alone:

- ``annotate.nlp.pipeline.build_pipeline(model)`` -> spaCy ``Language``
- ``annotate.nlp.extract.extract_mentions(doc, article)`` -> ``list[Mention]``,
  ``annotate.nlp.extract.extract_reported(doc, article)`` -> ``list[ReportedSpeech]``,
  ``annotate.nlp.extract.extract_words(doc)`` -> ``ArticleWords`` (the words detectors compare),
  ``annotate.nlp.extract.extract_stream(doc)`` -> ``WordStream`` (every word and clause), and
  ``annotate.nlp.components.sentences.sentence_starts(doc)`` -> where its sentences start
- ``annotate.nlp.corpus_labels.with_corpus_labels(mentions)`` -> the mentions with one label for
  each name across the corpus (a name read as a person's in one article and as a company's in
  another, with nothing marking a person, is the company)
- ``annotate.nlp.corpus_names.with_name_mentions(articles, mentions)`` -> the mentions plus the
  names an article writes alone that the corpus names in full elsewhere
- ``annotate.compare.linking.cluster_entities(articles, mentions)`` -> ``Links`` (entities and quote
  speakers; no mention changed), written on the mentions in one place by ``assign_links``
- ``annotate.compare.stories.group_stories(articles, mentions, words)`` -> article ids per story
  (or the stories the user gave: ``annotate.compare.story_modes.given_stories``)
- ``annotate.compare.detectors.speech.find_statements(articles, mentions, reported)`` -> ``list[Statement]``
  (who said what, quoted or reported: the pipeline's quotes and reported speech, by linked speaker)
- ``annotate.compare.discrepancies.detect(articles, mentions, entities, statements, sentences, words, negations, denials, streams)``
  -> ``(list[Discrepancy], list[Corroboration])``, run once per story

With ``use_cache`` an unchanged corpus is answered from ``annotate.cache``
without importing spaCy, and only changed articles are re-annotated.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NamedTuple

from annotate import __version__
from annotate.model import (
    Analysis,
    Article,
    ArticleReading,
    ArticleWords,
    Corroboration,
    Denial,
    Discrepancy,
    EngineInfo,
    Entity,
    Mention,
    Negation,
    Problem,
    ReportedSpeech,
    Statement,
    WordStream,
)
from annotate.compare.story_modes import StoryMode, given_stories

Progress = Callable[[int, int], None]  # (articles done, total)


class Annotations(NamedTuple):
    """What the pipeline read in a corpus, in article order."""

    mentions: list[Mention]
    sentences: dict[str, list[int]]
    """Where each article's sentences start, by article id (``Analysis.sentences``)."""
    reported: list[ReportedSpeech]
    words: dict[str, ArticleWords]
    """Each article's words the detectors compare, by article id (``Analysis.words``)."""
    pipeline: str
    negations: list[Negation]
    denials: list[Denial]
    streams: dict[str, WordStream]
    """Every word and clause of each article, by article id (``Analysis.streams``)."""
    problems: list[Problem] = []
    """The articles the pipeline failed on (``ArticleReading.failure``): read as empty."""


Stage = Callable[[str], None]  # called with each phase of PHASES after "annotate" as it starts
PHASES = ("annotate", "link", "stories", "discrepancies")


def annotate_articles(
    articles: Sequence[Article],
    model: str | None = None,
    progress: Progress | None = None,
    *,
    cache=None,
    jobs: int = 1,
    isolate_long: bool = False,
) -> Annotations:
    """Run the spaCy pipeline over each article; return what it read in all of them, in article
    order.

    ``cache`` (an ``annotate.cache.EngineCache``) supplies what it read in articles annotated
    before and keeps the new ones; ``jobs`` > 1 annotates in that many processes.
    """
    from annotate.workers import annotate_in_processes

    total = len(articles)
    found: list[ArticleReading | None] = [None] * total
    todo: list[int] = []
    problems: list[Problem] = []
    for i, article in enumerate(articles):
        hit = cache.load_mentions(article) if cache else None
        if hit is None:
            todo.append(i)
        else:
            found[i] = hit
    done = total - len(todo)
    if progress and done:
        progress(done, total)
    if todo:
        results = annotate_in_processes([articles[i] for i in todo], model, jobs, isolate_long)
        for i, read in zip(todo, results):
            if read.failure is not None:
                problems.append(Problem(articles[i].path, f"could not be read, a fault in corpus-tui ({read.failure}); "
                                        "the other articles are analysed without it", "error"))
            elif cache:
                cache.store_mentions(articles[i], read)
            found[i] = read
            done += 1
            if progress:
                progress(done, total)
    pipeline = next((read.pipeline for read in found if read is not None), None) or _pipeline_label(model)
    return Annotations(
        [m for read in found if read is not None for m in read.mentions],
        {a.id: read.sentences for a, read in zip(articles, found) if read is not None},
        [s for read in found if read is not None for s in read.reported],
        {a.id: read.words for a, read in zip(articles, found) if read is not None},
        pipeline,
        [n for read in found if read is not None for n in read.negations],
        [d for read in found if read is not None for d in read.denials],
        {a.id: read.stream for a, read in zip(articles, found) if read is not None},
        problems,
    )


def analyse(
    articles: Sequence[Article],
    model: str | None = None,
    progress: Progress | None = None,
    *,
    use_cache: bool = False,
    jobs: int = 1,
    timings: dict[str, float] | None = None,
    stage: Stage | None = None,
    stories: StoryMode = "auto",
    paths: Sequence[str | Path] = (),
    isolate_long: bool = False,
) -> Analysis:
    """The whole engine over a loaded corpus.

    ``use_cache`` reads and writes the user's engine cache; ``jobs`` > 1
    annotates in several processes; ``timings``, when given, receives the
    seconds spent in each of ``PHASES``; ``stage`` is told when linking,
    story grouping and detection start (at 1,000 articles they take seconds
    after the last article is annotated). ``stories`` says how articles are
    grouped into stories (``annotate.compare.story_modes.given_stories``); ``paths``, the
    files and folders the corpus was loaded from, give the ``folders`` stories;
    ``isolate_long`` annotates very long articles in a process of their own, so a
    caller's other threads (the app's screen) keep running.
    """
    stage = stage or (lambda _phase: None)
    given = given_stories(stories, articles, paths)
    cache = None
    if use_cache:
        from annotate.cache import EngineCache

        cache = EngineCache(model)
        cached = cache.load_analysis(articles, given)
        if cached is not None:
            if progress:
                progress(len(articles), len(articles))
            return cached

    clock = _Clock(timings)
    read = annotate_articles(articles, model, progress, cache=cache, jobs=jobs, isolate_long=isolate_long)
    mentions, sentences, reported, words, pipeline, negations, denials, streams, problems = read
    clock.lap("annotate")

    from annotate.nlp.corpus_labels import with_corpus_labels
    from annotate.nlp.corpus_names import with_name_mentions
    from annotate.compare.linking import assign_links, cluster_entities
    from annotate.compare.stories import group_stories

    stage("link")
    mentions = with_name_mentions(articles, with_corpus_labels(mentions))
    links = cluster_entities(articles, mentions)
    assign_links(mentions, links)
    entities = links.entities
    clock.lap("link")

    # After linking, so the stories see one name where outlets spell it two ways.
    stage("stories")
    grouped = given if given is not None else group_stories(articles, mentions, words)
    clock.lap("stories")

    stage("discrepancies")
    from annotate.compare.detectors.speech import find_statements

    statements = find_statements(articles, mentions, reported)
    discrepancies, corroborations = detect_by_story(articles, mentions, entities, grouped, statements, sentences,
                                                    words, negations, denials, streams)
    clock.lap("discrepancies")

    analysis = Analysis(
        articles=list(articles),
        mentions=mentions,
        entities=entities,
        discrepancies=discrepancies,
        corroborations=corroborations,
        engine=EngineInfo(version=__version__, pipeline=pipeline),
        stories=grouped,
        statements=statements,
        reported=reported,
        negations=negations,
        denials=denials,
        sentences=sentences,
        words=words,
        streams=streams,
        problems=problems,
    )
    if cache and not problems:  # (an article that failed is tried again next time)
        cache.store_analysis(analysis, given)
    return analysis


def detect_by_story(
    articles: Sequence[Article],
    mentions: Sequence[Mention],
    entities: Sequence[Entity],
    stories: Sequence[Sequence[str]],
    statements: Sequence[Statement] | None = None,
    sentences: dict[str, list[int]] | None = None,
    words: dict[str, ArticleWords] | None = None,
    negations: Sequence[Negation] | None = None,
    denials: Sequence[Denial] | None = None,
    streams: dict[str, WordStream] | None = None,
) -> tuple[list[Discrepancy], list[Corroboration]]:
    """Run the detectors within each story of two or more articles, never across stories."""
    from annotate.compare.discrepancies import detect

    by_id = {a.id: a for a in articles}
    story_of = {article: n for n, story in enumerate(stories) for article in story}
    mentions_in: dict[int, list[Mention]] = defaultdict(list)
    story_of_mention: dict[str, int] = {}
    for m in mentions:
        n = story_of[m.article]
        mentions_in[n].append(m)
        story_of_mention[m.id] = n
    # Each entity as seen from each story it appears in (one pass, not stories x entities).
    entities_in: dict[int, list[Entity]] = defaultdict(list)
    for e in entities:
        split: dict[int, list[str]] = defaultdict(list)
        for mid in e.mentions:
            if mid in story_of_mention:
                split[story_of_mention[mid]].append(mid)
        for n, inside in split.items():
            entities_in[n].append(Entity(id=e.id, name=e.name, label=e.label, mentions=inside))
    said_in: dict[int, list[Statement]] = defaultdict(list)
    for s in statements or ():
        said_in[story_of[s.article]].append(s)
    negated_in: dict[int, list[Negation]] = defaultdict(list)
    for x in negations or ():
        if x.article in story_of:
            negated_in[story_of[x.article]].append(x)
    denied_in: dict[int, list[Denial]] = defaultdict(list)
    for d in denials or ():
        if d.article in story_of:
            denied_in[story_of[d.article]].append(d)
    discrepancies: list[Discrepancy] = []
    corroborations: list[Corroboration] = []
    for n, story in enumerate(stories):
        if len(story) < 2:
            continue
        found, agreed = detect([by_id[a] for a in story], mentions_in[n], entities_in[n],
                               None if statements is None else said_in[n],
                               None if sentences is None else {a: sentences[a] for a in story if a in sentences},
                               None if words is None else {a: words[a] for a in story if a in words},
                               None if negations is None else negated_in[n],
                               None if denials is None else denied_in[n],
                               None if streams is None else {a: streams[a] for a in story if a in streams})
        discrepancies.extend(found)
        corroborations.extend(agreed)
    return discrepancies, corroborations


def _pipeline_label(model: str | None) -> str:
    """The pipeline's name when no article needed it (every one came from the cache)."""
    return f"{model or 'blank:en'}+rules"


class _Clock:
    def __init__(self, timings: dict[str, float] | None) -> None:
        self.timings = timings
        self.last = time.perf_counter()

    def lap(self, phase: str) -> None:
        now = time.perf_counter()
        if self.timings is not None:
            self.timings[phase] = self.timings.get(phase, 0.0) + now - self.last
        self.last = now
