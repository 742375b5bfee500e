"""Run the discrepancy detectors over one story and give each finding a stable id.

``detect`` receives the articles of one story (the caller groups a large
corpus into stories), any number of them. Each detector lives in
``annotate.compare.detectors.<kind>`` and returns (discrepancies, corroborations);
this module fingerprints, de-duplicates and orders them.

The id is the first 12 hex digits of sha1(kind, normalised subject, sorted
article ids, sorted normalised values), so a user's verdict on a discrepancy
survives a re-run and does not depend on article order or offsets. The
articles are part of it because one finding can be made twice in a corpus:
the same quote missing from articles of two different stories.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence

from annotate.compare.detectors import agent, claim, date, name_variant, number, omission, polarity, quote, role
from annotate.compare.detectors.story import Story
from annotate.model import (
    DISCREPANCY_KINDS,
    Article,
    ArticleValue,
    ArticleWords,
    Corroboration,
    Denial,
    Discrepancy,
    Entity,
    Mention,
    Negation,
    Statement,
    WordStream,
)
from annotate.nlp.language import fold

DETECTORS = (name_variant, role, number, date, quote, claim, polarity, agent, omission)
_SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2}
# A silent article counts in the id as these words, as it did before values were typed:
# the ids of saved verdicts stay the same.
_SILENT_WORDING = "not reported"


def fingerprint(kind: str, subject: str, values: Mapping[str, ArticleValue]) -> str:
    """Stable id of a discrepancy: kind + normalised subject + the articles + the sorted normalised
    values (``values`` maps article ids to what each says)."""
    said = (_norm(v.text if v.reported else _SILENT_WORDING) for v in values.values())
    parts = [kind, _norm(subject), *sorted(values), "\x1e", *sorted(said)]
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:12]


def _norm(text: str) -> str:
    return " ".join(fold(text).split())


def detect(
    articles: Sequence[Article],
    mentions: Sequence[Mention],
    entities: Sequence[Entity],
    statements: Sequence[Statement] | None = None,
    sentences: dict[str, list[int]] | None = None,
    words: dict[str, ArticleWords] | None = None,
    negations: Sequence[Negation] | None = None,
    denials: Sequence[Denial] | None = None,
    streams: dict[str, WordStream] | None = None,
) -> tuple[list[Discrepancy], list[Corroboration]]:
    """All discrepancies and corroborations among the articles of one story (``statements``:
    the engine's, found again from the mentions when not given; ``sentences``: where each
    article's sentences start, ``Analysis.sentences``; ``words``: ``Analysis.words``;
    ``negations``: the acts each article negates, ``Analysis.negations``, and what it denies,
    ``Analysis.denials``; ``streams``: every word and clause of each article, ``Analysis.streams``;
    each found again from the text when not given)."""
    if len(articles) < 2:
        return [], []
    story = Story(list(articles), list(mentions), list(entities),
                  said=None if statements is None else list(statements), sentence_starts=sentences,
                  article_words=words,
                  negated=None if negations is None else list(negations),
                  denied=None if denials is None else list(denials),
                  streams=streams)
    found: dict[str, Discrepancy] = {}
    agreed: list[Corroboration] = []
    for detector in DETECTORS:
        discrepancies, corroborations = detector.detect(story)
        for d in discrepancies:
            d.id = fingerprint(d.kind, d.subject, d.values)
            d.evidence.sort(key=lambda e: (story.order.get(e.article, 0), e.start))
            found.setdefault(d.id, d)
        agreed.extend(corroborations)
    kind_order = {k: i for i, k in enumerate(DISCREPANCY_KINDS)}
    # Most severe first, so a reader starts with what most likely misleads.
    ordered = sorted(
        found.values(),
        key=lambda d: (
            _SEVERITY_ORDER.get(d.severity, 3),
            kind_order.get(d.kind, 99),
            [(story.order.get(e.article, 0), e.start) for e in d.evidence],
        ),
    )
    return ordered, agreed
