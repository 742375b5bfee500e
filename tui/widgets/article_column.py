"""A column of the reader: the article's title and source above its text."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget

from annotate.model import Article

from .article_pane import ArticlePane


def article_header(article: Article, label: str, position: int, total: int) -> Text:
    """Label and title on the first line; source, date and place in the corpus on the second."""
    header = Text()
    header.append(f" {label} ", style="reverse bold")
    header.append(" ")
    header.append(article.title or article.id, style="bold")
    details = [article.source or "source not stated"]
    if article.published:
        details.append(article.published.isoformat())
    details.append(f"{position}/{total}")
    header.append("\n")
    header.append(" · ".join(details), style="dim")
    return header


class ArticleHeader(Widget):
    """Fixed height, so showing another article repaints the header without re-laying out the screen."""

    header = Text()

    def show(self, header: Text) -> None:
        self.header = header
        self.refresh()

    def render(self) -> Text:
        return self.header


class ArticleColumn(Vertical):
    """Header plus pane; the app swaps which article it shows."""

    DEFAULT_CSS = """
    ArticleColumn { height: 1fr; width: 1fr; }
    ArticleColumn > .article-header { height: 3; }
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
        self.header.show(article_header(article, label, position, total))
        self.pane.show(article)
