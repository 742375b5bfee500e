"""What the reader is looking at, as one immutable value.

The app holds it in one reactive (``CorpusApp.reading``). A key that moves the
reader builds the next value with ``dataclasses.replace`` and sets it once; the
reactive's watcher then shows the columns' articles and draws the marks, once
per change. A frozen dataclass compares by value, so setting an equal value
draws nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from .widgets.highlights import Marks
from .widgets.search_bar import Match

if TYPE_CHECKING:  # the engine's classes load after the first screen (annotate.corpus.article)
    from annotate.model import Evidence, Mention


@dataclass(frozen=True, slots=True)
class ReadingState:
    # Article id per column, the focused story's; more than the columns on screen: the
    # ones after them come back when the terminal widens.
    shown: tuple[str, ...] = ()
    column: int = 0  # the focused column
    # The mention under the cursor, at most one per article; the index's own objects
    # (it finds a mention by identity), drawn in the focused column only.
    cursors: tuple[Mention, ...] = ()
    entity: str | None = None  # the selected entity: its mentions are marked
    discrepancy: str | None = None  # the selected discrepancy (d, or enter in the sidebar)
    evidence: tuple[Evidence, ...] = ()  # marked: the selected discrepancy's, or a coverage row's
    matches: tuple[Match, ...] = ()  # the last search's, in reading order
    match_index: int = -1  # the current match; -1 before the first

    @property
    def article(self) -> str | None:
        """The focused column's article."""
        return self.shown[self.column] if self.shown else None

    def cursor(self, article_id: str | None) -> Mention | None:
        return next((m for m in self.cursors if m.article == article_id), None)

    def with_cursor(self, mention: Mention) -> ReadingState:
        others = tuple(m for m in self.cursors if m.article != mention.article)
        return replace(self, cursors=(*others, mention))

    def without_cursor(self, article_id: str | None) -> ReadingState:
        return replace(self, cursors=tuple(m for m in self.cursors if m.article != article_id))

    @property
    def match(self) -> Match | None:
        """The current search match."""
        return self.matches[self.match_index] if 0 <= self.match_index < len(self.matches) else None

    def showing(self, column: int, article_id: str) -> ReadingState:
        """``article_id`` in ``column``; a column already showing it gets this column's article."""
        shown = list(self.shown)
        if shown[column] == article_id:
            return self
        if article_id in shown:
            shown[shown.index(article_id)] = shown[column]
        shown[column] = article_id
        return replace(self, shown=tuple(shown))

    def marks(self, article_id: str, entity_mentions: Iterable[Mention]) -> Marks:
        """What is selected in ``article_id``, to draw on top of its highlights;
        ``entity_mentions``: the selected entity's mentions (in every article)."""
        marks = Marks()
        cursor = self.cursor(article_id) if article_id == self.article else None
        if cursor is not None:
            marks.cursor = (cursor.start, cursor.end)
        if self.entity:
            marks.linked = [(m.start, m.end) for m in entity_mentions if m.article == article_id]
        marks.evidence = [(e.start, e.end) for e in self.evidence if e.article == article_id]
        marks.matches = [(m.start, m.end) for m in self.matches if m.article == article_id]
        match = self.match
        if match is not None and match.article == article_id:
            marks.current_match = (match.start, match.end)
        return marks
