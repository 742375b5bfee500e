"""Search across every article: ``/`` opens the box, ``.`` / ``,`` walk the matches.

``Search`` is one object the app holds (``app.search``). The matches and the
current one are part of the ``ReadingState`` (``matches``, ``match_index``):
going to a match sets the reading once, through the navigator, so the match
is drawn with the move.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .reading_state import ReadingState
from .widgets.search_bar import SearchBar, find_all

if TYPE_CHECKING:
    from .app import CorpusApp


class Search:
    def __init__(self, reader: CorpusApp) -> None:
        self.reader = reader

    @property
    def bar(self) -> SearchBar:
        return self.reader.query_one(SearchBar)

    def open(self) -> None:
        self.bar.open()

    def run(self, query: str) -> None:
        """Find ``query`` in every article and go to the first match."""
        reader = self.reader
        reading = replace(reader.reading, matches=tuple(find_all(reader.articles, query)), match_index=-1)
        self.bar.remove_class("-open")
        if not reading.matches:
            reader.status.say(f"No match for “{query}”")
            reader.focus_column(reading.column, reading)
            return
        self.to_match(reading, 1)

    def step(self, step: int) -> None:
        self.to_match(self.reader.reading, step)

    def to_match(self, reading: ReadingState, step: int) -> None:
        """The next (previous) match of ``reading``'s search."""
        reader = self.reader
        navigator = reader.navigator
        if not reading.matches:
            reader.status.say("No search yet: press / to search")
            return
        reading = replace(reading, match_index=(reading.match_index + step) % len(reading.matches))
        match = reading.matches[reading.match_index]
        if match.article != reading.article:
            navigator.remember_place()
        # A match inside a mention puts the cursor there, so n / N can follow it at once.
        mention = reader.index.mention_at(match.article, match.start, navigator.kinds())
        if mention is not None:
            reading = reading.with_cursor(mention)
        navigator.go_to(match.article, match.start, reading=reading)
        article = reader.index.article(match.article)
        reader.status.say(
            f"“{self.bar.value}”",
            f"match {reading.match_index + 1} of {len(reading.matches)}",
            f"{reader.labels[article.id]}: {article.title}",
        )
