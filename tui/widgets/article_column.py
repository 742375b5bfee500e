"""A column of the reader: who published the article and when, its title, then its text.

The header is two lines that never wrap: the label, the source and the date
first (the metadata that matters most when comparing outlets; "not stated"
when the file does not say), then the title, cut with an ellipsis. When the
text opens with the title and the header shows all of it, the text starts after
it (the title is not shown twice) and highlights inside the title are drawn in
the header. A title the header cuts (a file without a title whose first line is
a whole paragraph, or a narrow column) stays the first line of the text: none of
its words, and no evidence or match in them, is ever out of sight.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.reactive import reactive
from textual.widget import Widget

from annotate.corpus.article import Article
from annotate.corpus.safe_text import visible

from .article_pane import ArticlePane
from .highlights import Span


def title_line(article: Article) -> tuple[int, int, int] | None:
    """(start, end, body start) of the title when the text opens with it, else None."""
    text = article.text
    title = " ".join((article.title or "").split())
    if not title:
        return None
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        line = text[start:end]
        if any(c.isalnum() for c in line):
            break
        start = end + 1
    else:
        return None
    words_start = start + len(line) - len(line.lstrip().lstrip("#").lstrip())
    words_end = start + len(line.rstrip())
    words = visible(" ".join(text[words_start:words_end].split()))
    if not (words == title or (title.endswith("…") and words.startswith(title[:-1]))):
        return None
    body = end
    while body < len(text) and text[body].isspace():
        body += 1
    return words_start, words_end, body


def header_lines(article: Article, label: str, position: int, total: int, width: int) -> tuple[Text, Text]:
    """The label, source, date and place in the corpus; then the title. Each fits ``width``."""
    date = article.published.isoformat() if article.published else "date not stated"
    source = article.source or "source not stated"
    first = Text(no_wrap=True, end="")
    first.append(f" {label} ", style="reverse bold")
    first.append(" ")
    tail = f" · {date} · {position}/{total}"
    if first.cell_len + len(source) + len(tail) > width:
        tail = f" · {date}"  # the place in the corpus goes first, then the source is cut
    room = max(1, width - first.cell_len - len(tail))
    if len(source) > room:
        source = source[: max(0, room - 1)] + "…"
    first.append(source, style="bold" if article.source else "italic")
    first.append(tail, style="" if article.published else "italic")
    first.truncate(width, overflow="ellipsis")
    return first, Text(article.title or article.id, style="bold", no_wrap=True, end="")


class ArticleHeader(Widget):
    """Fixed height, so showing another article repaints the header without re-laying out the screen."""

    # Reactive (repaint only, never layout): setting any of them redraws the two lines.
    article: reactive[Article | None] = reactive(None)
    where = reactive(("", 0, 0))  # label, position, total
    title_span: reactive[tuple[int, int] | None] = reactive(None)
    spans: reactive[list[Span]] = reactive(list)  # highlights in the title
    style_of = None  # layer name -> Style: the pane's, read when drawing (its styles exist by then)

    def show(self, article: Article, label: str, position: int, total: int, title_span: tuple[int, int] | None) -> None:
        self.article, self.where, self.title_span, self.spans = article, (label, position, total), title_span, []

    def set_spans(self, spans: list[Span], style_of) -> None:
        """Highlights that fall in the title (it is drawn here, not in the text below).
        Their styles are looked up when the header is drawn: a column shown for the first
        time (``b`` hiding the sidebar makes room for a third) has no styles before then."""
        if self.title_span is None:
            return
        start, end = self.title_span
        self.style_of = style_of
        self.spans = [s for s in spans if s.start < end and s.end > start]
        self.refresh()  # the same spans in a new theme's colours

    def on_resize(self) -> None:
        column = self.parent
        if isinstance(column, ArticleColumn):
            column.fit_title()

    def render(self) -> Text:
        if self.article is None:
            return Text()
        width = max(1, self.content_region.width)
        first, title = header_lines(self.article, *self.where, width)
        if self.title_span is not None and self.style_of is not None:
            start, _ = self.title_span
            for span in self.spans:
                title.stylize(self.style_of(span.style), max(0, span.start - start), max(0, span.end - start))
        title.truncate(width, overflow="ellipsis")
        return Text("\n", end="").join([first, title])


class ArticleColumn(Vertical):
    """Header plus pane; the app swaps which article it shows."""

    DEFAULT_CSS = """
    ArticleColumn { height: 1fr; width: 1fr; }
    ArticleColumn > .article-header { height: 2; }
    """

    def __init__(self, column: int) -> None:
        super().__init__(id=f"column-{column}", classes="article-column")
        self.column = column
        self.header = ArticleHeader(classes="article-header")
        self._title: tuple[int, int, int] | None = None  # the title in the text: start, end, body start
        self.pane = ArticlePane(id=f"pane-{column}")

    def compose(self) -> ComposeResult:
        yield self.header
        yield self.pane

    def show(self, article: Article, label: str, position: int, total: int) -> None:
        self._title = title_line(article)
        body_start = self._body_start(article)
        self.header.show(article, label, position, total, self._title[:2] if body_start else None)
        self.pane.show(article, body_start=body_start)

    def _body_start(self, article: Article) -> int:
        """Where ``article``'s text below the header starts: after the title when the header
        shows all of it, else at the top (the cut title's words are read in the text)."""
        title = self._title
        if title is None:
            return 0
        width = self.header.content_region.width
        if not width:
            return title[2]  # not laid out yet: the header's first resize decides
        shown = article.title or ""
        fits = not shown.endswith("\N{HORIZONTAL ELLIPSIS}") and cell_len(shown) <= width
        return title[2] if fits else 0

    def fit_title(self) -> None:
        """The header's width changed: the title may fit now, or no longer."""
        article = self.pane.article
        if article is None:
            return
        body_start = self._body_start(article)
        if body_start != self.pane.body_start:
            self.header.title_span = self._title[:2] if body_start else None
            self.pane.set_body_start(body_start)
            self.header.set_spans(self.pane.spans, self.pane.layer_style)

    def set_spans(self, spans: list[Span]) -> None:
        self.pane.set_spans(spans)
        self.header.set_spans(spans, self.pane.layer_style)
