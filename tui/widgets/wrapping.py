"""Word-wrap an article's text into display lines that remember their offsets.

Each ``Line`` covers ``text[start:end]``, so a mention (character offsets into
``Article.text``) maps straight to (line, column) and back. Panes wrap once per
width and render only the lines on screen.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from rich.cells import cell_len

try:  # owned by the loader; same-length visible replacement of control characters
    from annotate.corpus.safe_text import visible
except ImportError:  # pragma: no cover - fallback until annotate.corpus.safe_text exists
    _CONTROL = {c: "\N{REPLACEMENT CHARACTER}" for c in range(32) if c not in (9, 10)}
    _CONTROL.update({0x7F: "\N{REPLACEMENT CHARACTER}", 9: " "})

    def visible(text: str) -> str:
        return text.translate(_CONTROL)


_WORD = re.compile(r"\S+\s*|\s+")


@dataclass(frozen=True, slots=True)
class Line:
    """One display line: the article characters ``start`` to ``end``."""

    start: int
    end: int


@dataclass(slots=True)
class Wrapped:
    """An article's text wrapped to ``width`` cells."""

    text: str  # the display text (control characters made visible), same length as the article's
    width: int
    lines: list[Line]
    _starts: list[int]

    def line_of(self, offset: int) -> int:
        """The line holding character ``offset``."""
        return max(0, bisect_right(self._starts, offset) - 1)

    def column_of(self, offset: int) -> tuple[int, int]:
        """(line, cell column) of character ``offset``."""
        y = self.line_of(offset)
        line = self.lines[y]
        return y, cell_len(self.text[line.start : min(offset, line.end)])

    def offset_at(self, y: int, x: int) -> int | None:
        """The character offset shown at cell (x, y), or None past the text."""
        if not 0 <= y < len(self.lines):
            return None
        line = self.lines[y]
        cells = 0
        for i in range(line.start, line.end):
            cells += cell_len(self.text[i])
            if cells > x:
                return i
        return None

    def line_text(self, y: int) -> str:
        line = self.lines[y]
        return self.text[line.start : line.end].rstrip("\n")


def wrap(text: str, width: int, start: int = 0) -> Wrapped:
    """Wrap ``text`` from ``start`` at word boundaries to ``width`` cells; newlines break lines.
    Offsets before ``start`` (a title shown elsewhere) belong to the first line."""
    width = max(4, width)
    shown = visible(text)
    lines: list[Line] = []
    pos = start
    for paragraph in shown[start:].split("\n"):
        lines.extend(_wrap_paragraph(paragraph, pos, width))
        pos += len(paragraph) + 1
    if not lines:
        lines.append(Line(start, start))
    return Wrapped(shown, width, lines, [line.start for line in lines])


def _wrap_paragraph(paragraph: str, base: int, width: int) -> list[Line]:
    if not paragraph:
        return [Line(base, base)]
    lines: list[Line] = []
    start = 0
    cells = 0
    for match in _WORD.finditer(paragraph):
        word = match.group()
        word_cells = cell_len(word.rstrip())
        if cells and cells + word_cells > width:
            lines.append(Line(base + start, base + match.start()))
            start, cells = match.start(), 0
        if word_cells > width:
            # A word wider than the line is cut into line-sized pieces.
            while cell_len(paragraph[start : match.end()].rstrip()) > width:
                cut = _cut(paragraph, start, width)
                lines.append(Line(base + start, base + cut))
                start = cut
            cells = cell_len(paragraph[start : match.end()])
        else:
            cells += cell_len(word)
    lines.append(Line(base + start, base + len(paragraph)))
    return lines


def _cut(paragraph: str, start: int, width: int) -> int:
    """The offset after as many characters from ``start`` as fit in ``width`` cells."""
    used = 0
    i = start
    while i < len(paragraph) and used + cell_len(paragraph[i]) <= width:
        used += cell_len(paragraph[i])
        i += 1
    return max(i, start + 1)
