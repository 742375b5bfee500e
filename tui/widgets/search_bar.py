"""The search box opened by ``/``: finds text across every article."""

from __future__ import annotations

import re
from dataclasses import dataclass

from textual.binding import Binding
from textual.widgets import Input

from annotate.corpus.article import Article


@dataclass(frozen=True, slots=True)
class Match:
    article: str
    start: int
    end: int


def find_all(articles: list[Article], query: str) -> list[Match]:
    """Case-insensitive matches of ``query`` in reading order."""
    if not query:
        return []
    pattern = re.compile(re.escape(query), re.IGNORECASE)
    return [Match(a.id, m.start(), m.end()) for a in articles for m in pattern.finditer(a.text)]


class SearchBar(Input):
    BINDINGS = [Binding("escape", "close", "Close search", id="search.close")]
    DEFAULT_CSS = "SearchBar { dock: bottom; display: none; }  SearchBar.-open { display: block; }"

    def __init__(self) -> None:
        super().__init__(placeholder="Search all articles (enter: find, escape: close)", id="search")

    def open(self) -> None:
        self.add_class("-open")
        # Focus now, not via Widget.focus() (a call_later): keys typed right after "/"
        # are already queued and would otherwise reach the reader's bindings ("q" quits).
        self.screen.set_focus(self)

    def action_close(self) -> None:
        self.remove_class("-open")
        self.app.action_focus_reader()
