"""Which spans of an article get which style, given the layers switched on and
what the reader has selected. Pure data: the pane turns it into styles.

Order matters: later spans are painted over earlier ones, so a selection stays
visible on top of a highlight.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the engine's classes load after the first screen (annotate.corpus.article)
    from annotate.model import Discrepancy, Mention

LAYERS: tuple[str, ...] = ("entity", "number", "quote", "date", "discrepancy")
LAYER_LABELS = {
    "entity": "entities",
    "number": "numbers",
    "quote": "quotes",
    "date": "dates",
    "discrepancy": "discrepancies",
}
# Quotes are long and hold names and numbers, so they are painted first.
_PAINT_ORDER = {"quote": 0, "entity": 1, "number": 1, "date": 1}


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    style: str  # a component class of ArticlePane, without the prefix


@dataclass(slots=True)
class Marks:
    """What the reader has selected, as spans of one article."""

    cursor: tuple[int, int] | None = None
    linked: list[tuple[int, int]] = field(default_factory=list)  # the selected entity's other mentions
    evidence: list[tuple[int, int]] = field(default_factory=list)  # the selected discrepancy
    matches: list[tuple[int, int]] = field(default_factory=list)  # search results
    current_match: tuple[int, int] | None = None


def article_spans(
    mentions: list[Mention],
    discrepancies: list[Discrepancy],
    article_id: str,
    layers: frozenset[str],
    marks: Marks,
    annotated: list[Span] = (),
) -> list[Span]:
    """Highlights first, then the reader's own annotations, then the selection on top."""
    spans = [
        Span(m.start, m.end, m.kind)
        for m in sorted(mentions, key=lambda m: _PAINT_ORDER.get(m.kind, 1))
        if m.kind in layers
    ]
    if "discrepancy" in layers:
        spans += [
            Span(e.start, e.end, "discrepancy")
            for d in discrepancies
            for e in d.evidence
            if e.article == article_id
        ]
    spans += annotated
    spans += [Span(s, e, "match") for s, e in marks.matches]
    spans += [Span(s, e, "linked") for s, e in marks.linked]
    spans += [Span(s, e, "evidence") for s, e in marks.evidence]
    if marks.current_match:
        spans.append(Span(*marks.current_match, "current-match"))
    if marks.cursor:
        spans.append(Span(*marks.cursor, "cursor"))
    return spans
