"""The articles list: choose which article the focused column shows."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from annotate.model import Article


def article_prompt(label: str, article: Article, shown_in: int | None) -> Text:
    prompt = Text()
    prompt.append(f"{label:>3} ", style="bold")
    prompt.append(article.title or article.id)
    details = [article.source or "", article.published.isoformat() if article.published else ""]
    details = [d for d in details if d]
    if details:
        prompt.append("  " + " · ".join(details), style="dim")
    if shown_in is not None:
        prompt.append(f"  (column {shown_in + 1})", style="italic dim")
    return prompt


class ArticlesScreen(ModalScreen[str | None]):
    """Dismisses with the chosen article id, or None."""

    BINDINGS = [Binding("escape", "dismiss_none", "Close", id="articles.close")]
    DEFAULT_CSS = """
    ArticlesScreen { align: center middle; }
    ArticlesScreen > OptionList { width: 90%; height: 80%; border: round $primary; background: $surface; }
    """

    def __init__(self, articles: list[Article], labels: dict[str, str], shown: list[str], stories: list[list[str]], current: str | None) -> None:
        super().__init__()
        self.articles = articles
        self.labels = labels
        self.shown = shown
        self.stories = stories
        self.current = current

    def compose(self) -> ComposeResult:
        by_id = {a.id: a for a in self.articles}
        options: list[Option | None] = []
        groups = self.stories if len(self.stories) > 1 else [[a.id for a in self.articles]]
        for n, story in enumerate(groups, 1):
            if len(groups) > 1:
                if options:
                    options.append(None)
                options.append(Option(Text(f"Story {n} ({len(story)} articles)", style="bold underline"), disabled=True))
            for article_id in story:
                if article_id in by_id:
                    column = self.shown.index(article_id) if article_id in self.shown else None
                    options.append(Option(article_prompt(self.labels[article_id], by_id[article_id], column), id=article_id))
        option_list = OptionList(*options, id="articles-list")
        option_list.border_title = "Articles: enter shows one in the focused column"
        yield option_list

    def on_mount(self) -> None:
        option_list = self.query_one(OptionList)
        if self.current:
            try:
                option_list.highlighted = option_list.get_option_index(self.current)
            except Exception:
                pass
        option_list.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
