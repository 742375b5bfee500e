"""Statements attributed to someone: who said what, by linked speaker.

The pipeline found the words and where each speaker's name is: quotes (``QuoteMention``,
``ct_quotes``) and reported speech without quotation marks (``ReportedSpeech``, ``ct_speech``:
"Anna Petrova said the ministry ...", "according to X, ...", "..., Petrova said."). After the
corpus's names are found and linked, a statement is each of them whose speaker is a linked person:
a quote's ``speaker``, or the entity of the person's mention that covers the reported speech's
speaker (the pipeline's own mention, or one ``annotate.nlp.corpus_names`` added: "King said ..."
where only other articles write "Tomas King"). Nothing here reads text.
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
    people: dict[str, list[Mention]] = defaultdict(list)  # article -> its linked people's mentions
    for m in mentions:
        if m.kind == "quote":
            if m.speaker:
                quotes[m.article].append(m)
        elif m.kind == "entity" and m.label == "PERSON" and m.entity:
            people[m.article].append(m)
    said: dict[str, list[ReportedSpeech]] = defaultdict(list)
    for r in reported:
        said[r.article].append(r)
    out: list[Statement] = []
    for a in articles:
        out.extend(Statement(a.id, q.speaker, q.start, q.end, q.text, True) for q in quotes.get(a.id, ()))
        speakers = _Speakers(people.get(a.id, ()))
        for r in said.get(a.id, ()):
            entity = speakers.entity_at(r.speaker_start, r.speaker_end)
            if entity is not None:
                out.append(Statement(a.id, entity, r.start, r.end, r.text, False))
    return out


class _Speakers:
    """The linked people of one article, found by where a speaker's name is written."""

    def __init__(self, people: Iterable[Mention]) -> None:
        self.people = list(people)
        self.exact = {(m.start, m.end): m.entity for m in self.people}

    def entity_at(self, start: int, end: int) -> str | None:
        """The entity of the person's mention at ``start:end``, else of the shortest one that
        covers it (a name the reader marked wider), else None."""
        found = self.exact.get((start, end))
        if found is not None:
            return found
        covering = [m for m in self.people if m.start <= start and end <= m.end]
        return min(covering, key=lambda m: m.end - m.start).entity if covering else None
