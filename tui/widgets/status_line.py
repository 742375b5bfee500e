"""One line that says where the reader is: the entity walk, the discrepancy, the search."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget


class StatusLine(Widget):
    """A fixed one-line widget: saying something repaints this line only, never the layout
    (a Static would re-lay out the whole screen on every key)."""

    DEFAULT_CSS = "StatusLine { height: 1; padding: 0 1; }"

    said = reactive("")  # repaints this line when set (layout=False: the line's size never changes)
    shrink = ""  # words within ``said`` (a quoted summary) cut first when the line is too long

    def say(self, *parts: str, shrink: str = "") -> None:
        """Show ``parts`` joined by dots. Parts may hold article text: they are never markup.

        ``shrink``: words of one part that give way first on a narrow terminal, so the
        advice after them ("X shows dismissed · unsaved, ctrl+s saves") stays whole."""
        self.shrink = shrink
        self.said = " · ".join(p for p in parts if p)

    def render(self) -> Text:
        width = max(1, self.content_region.width)
        line = self.said
        over = cell_len(line) - width
        if over > 0 and self.shrink and self.shrink in line:
            kept = self.shrink[: max(8, len(self.shrink) - over - 1)].rstrip()
            if len(kept) < len(self.shrink):
                line = line.replace(self.shrink, kept + "…", 1)
        text = Text(line, no_wrap=True, end="")
        text.truncate(width, overflow="ellipsis")  # a cut summary ends in "…"
        return text
