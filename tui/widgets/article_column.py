"""A column of the reader: who published the article and when, its title, then its text.

The header is two lines that never wrap: the label, the source and the date
first (the metadata that matters most when comparing outlets; "not stated"
when the file does not say), then the title, cut with an ellipsis. When the
text opens with the title, the text starts after it (the title is not shown
twice); highlights inside the title are drawn in the header.
"""

from __future__ import annotations

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
    spans: reactive[list[tuple[Span, object]]] = reactive(list)  # highlights in the title, with their style

    def show(self, article: Article, label: str, position: int, total: int, title_span: tuple[int, int] | None) -> None:
        self.article, self.where, self.title_span, self.spans = article, (label, position, total), title_span, []

    def set_spans(self, spans: list[Span], style_of) -> None:
        """Highlights that fall in the title (it is drawn here, not in the text below)."""
        if self.title_span is None:
            return
        start, end = self.title_span
        self.spans = [(s, style_of(s.style)) for s in spans if s.start < end and s.end > start]

    def render(self) -> Text:
        if self.article is None:
            return Text()
        width = max(1, self.content_region.width)
        first, title = header_lines(self.article, *self.where, width)
        if self.title_span is not None:
            start, _ = self.title_span
            for span, style in self.spans:
                title.stylize(style, max(0, span.start - start), max(0, span.end - start))
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
        self.pane = ArticlePane(id=f"pane-{column}")

    def compose(self) -> ComposeResult:
        yield self.header
        yield self.pane

    def show(self, article: Article, label: str, position: int, total: int) -> None:
        title = title_line(article)
        self.header.show(article, label, position, total, title[:2] if title else None)
        self.pane.show(article, body_start=title[2] if title else 0)

    def set_spans(self, spans: list[Span]) -> None:
        self.pane.set_spans(spans)
        self.header.set_spans(spans, self.pane.layer_style)
