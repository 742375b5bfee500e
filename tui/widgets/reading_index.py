"""The engine's output arranged for reading: mentions per article in text order,
and each entity's mentions across articles in reading order.

Built once per ``Analysis``; every navigation key is then a bisect or a list
index, so it stays fast at 1,000 articles.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the engine's classes load after the first screen (annotate.corpus.article)
    from annotate.model import Analysis, Article, Discrepancy, Entity, Mention


@dataclass(slots=True)
class ReadingIndex:
    articles: list[Article]
    by_article: dict[str, list[Mention]] = field(default_factory=dict)
    entities: dict[str, Entity] = field(default_factory=dict)
    entity_mentions: dict[str, list[Mention]] = field(default_factory=dict)
    discrepancies: list[Discrepancy] = field(default_factory=list)
    _starts: dict[str, list[int]] = field(default_factory=dict)
    _order: dict[str, int] = field(default_factory=dict)

    @classmethod
    def build(cls, articles: list[Article], analysis: Analysis | None = None) -> ReadingIndex:
        index = cls(articles=list(articles))
        index._order = {a.id: i for i, a in enumerate(index.articles)}
        if analysis is None:
            return index
        grouped: dict[str, list[Mention]] = defaultdict(list)
        for mention in analysis.mentions:
            grouped[mention.article].append(mention)
        for article_id, mentions in grouped.items():
            mentions.sort(key=lambda m: (m.start, -m.end))
            index.by_article[article_id] = mentions
            index._starts[article_id] = [m.start for m in mentions]
        index.entities = {e.id: e for e in analysis.entities}
        linked: dict[str, list[Mention]] = defaultdict(list)
        for mention in analysis.mentions:
            if mention.kind == "entity" and mention.entity is not None:
                linked[mention.entity].append(mention)
        for entity_id, mentions in linked.items():
            mentions.sort(key=lambda m: (index._order.get(m.article, len(index._order)), m.start))
            index.entity_mentions[entity_id] = mentions
        index.discrepancies = _in_article_order(analysis.discrepancies, index._order)
        return index

    def article_position(self, article_id: str) -> int:
        return self._order[article_id]

    def article(self, article_id: str) -> Article:
        return self.articles[self._order[article_id]]

    def mentions(self, article_id: str) -> list[Mention]:
        return self.by_article.get(article_id, [])

    def next_mention(
        self, article_id: str, current: Mention | None, offset: int, step: int, kinds: frozenset[str]
    ) -> Mention | None:
        """The next (step 1) or previous (step -1) mention of ``kinds`` after ``current``,
        or, without a current mention, from character ``offset``."""
        mentions = self.mentions(article_id)
        starts = self._starts.get(article_id, [])
        if current is not None and current.article == article_id:
            i = bisect_left(starts, current.start)
            while i < len(mentions) and mentions[i] is not current:
                i += 1
            candidates = mentions[i + 1 :] if step > 0 else reversed(mentions[:i])
        elif step > 0:
            candidates = mentions[bisect_left(starts, offset) :]
        else:
            candidates = reversed(mentions[: bisect_right(starts, offset)])
        return next((m for m in candidates if m.kind in kinds), None)

    def mention_at(self, article_id: str, offset: int, kinds: frozenset[str]) -> Mention | None:
        """The innermost mention of ``kinds`` covering ``offset``."""
        mentions = self.mentions(article_id)
        i = bisect_right(self._starts.get(article_id, []), offset)
        covering = [m for m in mentions[max(0, i - 50) : i] if m.start <= offset < m.end and m.kind in kinds]
        return min(covering, key=lambda m: m.end - m.start, default=None)

    def mention_on(self, article_id: str, start: int, end: int, kind: str) -> Mention | None:
        """The mention of ``kind`` on exactly this span, if there is one."""
        mentions = self.mentions(article_id)
        i = bisect_left(self._starts.get(article_id, []), start)
        while i < len(mentions) and mentions[i].start == start:
            if mentions[i].end == end and mentions[i].kind == kind:
                return mentions[i]
            i += 1
        return None

    def entity_of(self, mention: Mention) -> str | None:
        """The entity a mention is about: itself for names, the speaker for quotes."""
        if mention.kind == "entity":
            return mention.entity
        if mention.kind == "quote":
            return mention.speaker
        return None

    def step_entity(self, entity_id: str, current: Mention | None, step: int) -> tuple[Mention, int] | None:
        """The next/previous mention of ``entity_id`` in reading order, wrapping; with its position."""
        mentions = self.entity_mentions.get(entity_id, [])
        if not mentions:
            return None
        if current is None or current.kind != "entity" or current.entity != entity_id:
            i = 0 if step > 0 else len(mentions) - 1
            if current is not None:
                i = self._nearest(mentions, current, step)
        else:
            i = (next(n for n, m in enumerate(mentions) if m is current) + step) % len(mentions)
        return mentions[i], i

    def _nearest(self, mentions: list[Mention], current: Mention, step: int) -> int:
        key = (self._order.get(current.article, 0), current.start)
        keys = [(self._order.get(m.article, 0), m.start) for m in mentions]
        if step > 0:
            return bisect_right(keys, key) % len(mentions)
        return (bisect_left(keys, key) - 1) % len(mentions)

    def position_in_entity(self, mention: Mention) -> tuple[int, int]:
        """(1-based position, total) of a mention among its entity's mentions."""
        mentions = self.entity_mentions.get(mention.entity or "", [])
        position = next((n for n, m in enumerate(mentions, 1) if m is mention), 0)
        return position, len(mentions)


_SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2}


def _in_article_order(discrepancies: list[Discrepancy], order: dict[str, int]) -> list[Discrepancy]:
    """Discrepancies grouped by kind (the engine's kind order), the most severe first within
    a kind, then by where their evidence starts."""
    from annotate.model import DISCREPANCY_KINDS

    def key(d: Discrepancy):
        first = min(((order.get(e.article, 0), e.start) for e in d.evidence), default=(0, 0))
        kind = DISCREPANCY_KINDS.index(d.kind) if d.kind in DISCREPANCY_KINDS else len(DISCREPANCY_KINDS)
        return (kind, _SEVERITY_ORDER.get(d.severity, 3), first)

    return sorted(discrepancies, key=key)
