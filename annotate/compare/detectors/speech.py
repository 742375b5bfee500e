"""Statements attributed to someone: who said what, by linked speaker.

The pipeline found the words and named the speakers by their mentions: quotes (``QuoteMention``,
``ct_quotes``) and reported speech without quotation marks (``ReportedSpeech``, ``ct_speech``:
"Anna Petrova said the ministry ...", "according to X, ...", "..., Petrova said."). After
linking, a statement is each of them whose speaker is a linked entity: a quote's ``speaker``,
or the entity of the person's mention that reports the speech. Nothing here reads text.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from annotate.model import Article, Mention, ReportedSpeech, Statement


def find_statements(
    articles: Sequence[Article], mentions: Sequence[Mention], reported: Iterable[ReportedSpeech]
) -> list[Statement]:
    """Every article's statements, in article order (in each article its quotes, then its
    reported speech): the engine's stage after linking, whose output the detectors then read
    (``Story.statements``). ``reported``: the pipeline's ``Analysis.reported``."""
    quotes: dict[str, list[Mention]] = defaultdict(list)
    person_entity: dict[str, str] = {}  # mention id -> entity id, for linked people
    for m in mentions:
        if m.kind == "quote":
            if m.speaker:
                quotes[m.article].append(m)
        elif m.kind == "entity" and m.label == "PERSON" and m.entity:
            person_entity[m.id] = m.entity
    said: dict[str, list[ReportedSpeech]] = defaultdict(list)
    for r in reported:
        said[r.article].append(r)
    out: list[Statement] = []
    for a in articles:
        out.extend(Statement(a.id, q.speaker, q.start, q.end, q.text, True) for q in quotes.get(a.id, ()))
        for r in said.get(a.id, ()):
            entity = person_entity.get(r.speaker_mention)
            if entity is not None:
                out.append(Statement(a.id, entity, r.start, r.end, r.text, False))
    return out
