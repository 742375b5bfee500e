"""Which articles make each story, and which findings each article is part of.

Plain data, no widgets: ``Stories`` is filled from the engine's results
(``group``, then ``index_findings`` each time the reading index is rebuilt
with the reader's edits) and answered from per-article lookups, so switching
stories never scans the whole corpus's findings. Before the engine is done,
every article is one story.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the engine's classes load after the first screen (annotate.corpus.article)
    from annotate.model import Corroboration, Discrepancy


class Stories:
    def __init__(self, article_ids: Sequence[str]) -> None:
        self._all_ids = list(article_ids)
        self._order: list[list[str]] = []
        self._of: dict[str, list[str]] = {}
        self._discrepancies: Sequence[Discrepancy] = ()
        self._by_article: dict[str, list[Discrepancy]] = {}  # article id -> the findings with evidence in it
        self._involving: dict[str, list[int]] = {}  # article id -> the findings it has evidence or a value in
        self._corroborations: Sequence[Corroboration] = ()
        self._corroborating: dict[str, list[int]] = {}

    def group(self, stories: Iterable[Sequence[str]]) -> None:
        """The engine's stories (lists of article ids)."""
        self._order = [list(story) for story in stories if story]
        self._of = {article_id: story for story in self._order for article_id in story}

    def index_findings(self, discrepancies: Sequence[Discrepancy], corroborations: Sequence[Corroboration]) -> None:
        """Each article's findings (the reading index's, with the reader's edits applied)."""
        self._discrepancies = discrepancies
        self._by_article = {}
        self._involving = {}
        for n, d in enumerate(discrepancies):
            for article_id in {e.article for e in d.evidence}:
                self._by_article.setdefault(article_id, []).append(d)
            for article_id in {e.article for e in d.evidence} | set(d.values):
                self._involving.setdefault(article_id, []).append(n)
        self._corroborations = corroborations
        self._corroborating = {}
        for n, c in enumerate(corroborations):
            for article_id in {e.article for e in c.evidence}:
                self._corroborating.setdefault(article_id, []).append(n)

    def all(self) -> list[list[str]]:
        """Every story; one story of every article before the engine is done."""
        if not self._all_ids:
            return []
        return self._order or [self.story_of(self._all_ids[0])]

    def story_of(self, article_id: str) -> list[str]:
        """The article ids of the story holding ``article_id`` (all articles before the engine is done).
        The same list object each time: compare stories with ``is``."""
        return self._of.get(article_id) or self._all_ids

    def discrepancies_of(self, story: Sequence[str]) -> list[Discrepancy]:
        """The discrepancies between a story's articles, in reading order (dismissed ones too)."""
        found = sorted({n for a in story for n in self._involving.get(a, ())})
        return [self._discrepancies[n] for n in found]

    def corroborations_of(self, story: Sequence[str]) -> list[Corroboration]:
        """What a story's articles report alike, in the engine's order."""
        agreed = sorted({n for a in story for n in self._corroborating.get(a, ())})
        return [self._corroborations[n] for n in agreed]

    def evidence_in(self, article_id: str) -> list[Discrepancy]:
        """The discrepancies with evidence in ``article_id`` (underlined there)."""
        return self._by_article.get(article_id, [])
