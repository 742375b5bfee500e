"""The Discrepancies tab: the engine's findings grouped by kind, with counts."""

from __future__ import annotations

from itertools import groupby

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.text import Text
from textual.reactive import var
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from annotate.model import ArticleValue, Discrepancy, kind_title
from annotate.corpus.labels import with_labels
from annotate.corpus.outlets import outlet_list

SEVERITY_MARKS = {"high": "●", "medium": "◐", "low": "○"}
SEVERITY_LEGEND = "  ".join(f"{mark} {severity}" for severity, mark in SEVERITY_MARKS.items())


def value_text(value: ArticleValue) -> str:
    """What a reader sees for one article's value: its words, or that it is silent."""
    return value.text if value.reported else "not reported"


def discrepancy_entry(
    d: Discrepancy, labels: dict[str, str], mark: Text | None = None, note: Text | None = None
) -> Entry:
    """Summary and kind on top, then each article's value under its label (hanging
    indent). ``mark`` goes in front of the summary (e.g. a verdict), ``note`` below."""
    head = Text()
    if mark is not None:
        head.append_text(mark)
    head.append(f"{SEVERITY_MARKS.get(d.severity, '•')} ", style="bold")
    head.append(with_labels(d.summary or d.subject, labels, d.values), style="bold")
    head.append(f"  {d.kind.replace('_', ' ')}", style="dim italic")
    position = {article_id: i for i, article_id in enumerate(labels)}
    # Articles that give the same value share a row: a story of many outlets is a few rows.
    by_value: dict[str, list[str]] = {}
    for article_id in sorted(d.values, key=lambda a: position.get(a, len(position))):
        by_value.setdefault(value_text(d.values[article_id]), []).append(labels.get(article_id, article_id))
    rows = [(Text(f"  {outlet_list(names, most=6)}", style="bold dim"), Text(value)) for value, names in by_value.items()]
    if note is not None:
        rows.append((Text("  note", style="dim"), note))
    return Entry(head, rows)


_WIDEST_LABEL = 8  # wider labels ("A, B, C") go on a line of their own
_DEEP_INDENT = 4


class Entry:
    """A heading, then rows of a label and a value wrapped under itself (hanging indent).
    Drawn line by line: a Rich table grid measures every cell first, and with a story's
    few dozen entries that made the sidebar the slowest part of switching stories."""

    def __init__(self, head: Text, rows: list[tuple[Text, Text]]) -> None:
        self.head = head
        self.rows = rows

    def __str__(self) -> str:
        lines = [f"{label.plain} {value.plain}" for label, value in self.rows]
        return "\n".join([self.head.plain, *lines] if self.head.plain else lines)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        new_line = Segment.line()
        for line in self.head.wrap(console, width) if self.head.plain else ():  # no heading: rows only
            yield from line.render(console)
            yield new_line
        narrow = [label.cell_len for label, _ in self.rows if label.cell_len <= _WIDEST_LABEL]
        indent = max(narrow, default=0) + 1
        for label, value in self.rows:
            if label.cell_len > _WIDEST_LABEL:  # several articles: the label on a line of its own
                for line in label.wrap(console, width):
                    yield from line.render(console)
                    yield new_line
                for line in value.wrap(console, max(1, width - _DEEP_INDENT)):
                    yield Segment(" " * _DEEP_INDENT)
                    yield from line.render(console)
                    yield new_line
                continue
            for n, line in enumerate(value.wrap(console, max(1, width - indent))):
                if n == 0:
                    yield from label.render(console)
                    yield Segment(" " * (indent - label.cell_len))
                else:
                    yield Segment(" " * indent)
                yield from line.render(console)
                yield new_line

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(1, options.max_width)


def matches_filter(d: Discrepancy, labels: dict[str, str], words: str) -> bool:
    """Every word of the filter is in the finding: its summary, values, kind or severity."""
    haystack = " ".join(
        [d.summary or d.subject, *map(value_text, d.values.values()), kind_title(d.kind), d.kind.replace("_", " "), d.severity,
         *(labels.get(a, a) for a in d.values)]
    ).casefold()
    return all(word in haystack for word in words.casefold().split())


class DiscrepancyList(OptionList):
    """Entries are discrepancies (option id = discrepancy id); group headers are disabled."""

    filter_text = var("", init=False)  # set by the sidebar's filter box
    shown_count = 0
    _items: list[Discrepancy] = []
    _labels: dict[str, str] = {}
    _verdicts: dict[str, tuple[Text, Text | None]] = {}
    _filled = False

    def on_mount(self) -> None:
        if not self.option_count:  # until the engine is done: fill replaces it
            self.show_message("Annotating… this list fills in when the engine is done.")

    def show_message(self, message: str) -> None:
        """One dim line instead of entries (``message`` is plain text, never markup)."""
        self.clear_options()
        self.add_option(Option(Text(message, style="dim"), disabled=True))

    def fill(
        self, discrepancies: list[Discrepancy], labels: dict[str, str], verdicts: dict[str, tuple[Text, Text | None]] | None = None
    ) -> None:
        """List ``discrepancies``; ``verdicts``: discrepancy id -> the reader's verdict mark and note."""
        self._items, self._labels, self._verdicts = discrepancies, labels, verdicts or {}
        self._filled = True
        self._show()

    @property
    def total(self) -> int:
        return len(self._items)

    def watch_filter_text(self) -> None:
        if self._filled:
            self._show()

    def _show(self) -> None:
        labels = self._labels
        discrepancies = [d for d in self._items if matches_filter(d, labels, self.filter_text)]
        self.shown_count = len(discrepancies)
        options: list[Option | None] = [Option(Text(SEVERITY_LEGEND, style="dim"), disabled=True)]
        for kind, group in groupby(discrepancies, key=lambda d: d.kind):
            items = list(group)
            header = Text(f"{kind_title(kind)} ({len(items)})", style="bold underline")
            if len(options) > 1:
                options.append(None)
            options.append(Option(header, disabled=True))
            options.extend(Option(discrepancy_entry(d, labels, *self._verdicts.get(d.id, (None, None))), id=d.id) for d in items)
        if not discrepancies:
            if self._items:
                self.show_message(f"No discrepancy matches “{self.filter_text}” (f to change the filter, escape to clear it).")
            else:
                self.show_message("No discrepancies between these articles.")
            return
        self.clear_options()
        self.add_options(options)

    def select_discrepancy(self, discrepancy_id: str) -> None:
        """Move the highlight to an entry without selecting it again."""
        try:
            self.highlighted = self.get_option_index(discrepancy_id)
        except Exception:
            pass
