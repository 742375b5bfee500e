"""One line that says where the reader is: the entity walk, the discrepancy, the search."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget


class StatusLine(Widget):
    """A fixed one-line widget: saying something repaints this line only, never the layout
    (a Static would re-lay out the whole screen on every key)."""

    DEFAULT_CSS = "StatusLine { height: 1; padding: 0 1; }"

    said = reactive("")  # repaints this line when set (layout=False: the line's size never changes)

    def say(self, *parts: str) -> None:
        """Show ``parts`` joined by dots. Parts may hold article text: they are never markup."""
        self.said = " · ".join(p for p in parts if p)

    def render(self) -> Text:
        text = Text(self.said, no_wrap=True, end="")
        text.truncate(max(1, self.content_region.width), overflow="ellipsis")  # a cut summary ends in "…"
        return text
