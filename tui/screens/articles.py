"""The articles list: choose which article the focused column shows."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.containers import Vertical
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from annotate.model import Article

from ..widgets.discrepancy_list import Entry
from ..words import plural


def article_prompt(label: str, article: Article, shown_in: int | None) -> Entry:
    """The label, then the title and what the file states; a long title (a lede taken as
    the title) wraps under the title, not under the label."""
    prompt = Text()
    prompt.append(article.title or article.id)
    details = [article.source or "", article.published.isoformat() if article.published else ""]
    details = [d for d in details if d]
    if details:
        prompt.append("  " + " · ".join(details), style="dim")
    if shown_in is not None:
        prompt.append(f"  (column {shown_in + 1})", style="italic dim")
    return Entry(Text(), [(Text(f"{label:>3}", style="bold"), prompt)])


class ArticlesScreen(ModalScreen[str | None]):
    """Dismisses with the chosen article id, or None. Typing filters by title, source or label."""

    BINDINGS = [
        Binding("escape", "dismiss_none", "Close", id="articles.close"),
        Binding("down", "to_list", "List", show=False, id="articles.to_list"),
    ]
    DEFAULT_CSS = """
    ArticlesScreen { align: center middle; }
    ArticlesScreen > Vertical { width: 90%; height: 80%; border: round $primary; background: $surface; }
    ArticlesScreen OptionList { height: 1fr; border: none; }
    """

    def __init__(self, articles: list[Article], labels: dict[str, str], shown: list[str], stories: list[list[str]], current: str | None) -> None:
        super().__init__()
        self.articles = articles
        self.labels = labels
        self.shown = shown
        self.stories = stories
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Articles: enter shows one in the focused column"
            yield Input(placeholder="Filter by title, source or label; down: the list", id="articles-filter")
            yield OptionList(*self._options(""), id="articles-list")

    def _options(self, query: str) -> list[Option | None]:
        by_id = {a.id: a for a in self.articles}
        needle = query.casefold().strip()
        options: list[Option | None] = []
        groups = self.stories if len(self.stories) > 1 else [[a.id for a in self.articles]]
        for n, story in enumerate(groups, 1):
            matching = [
                by_id[a]
                for a in story
                if a in by_id
                and (not needle or needle in f"{self.labels[a]} {by_id[a].title} {by_id[a].source or ''}".casefold())
            ]
            if not matching:
                continue
            if len(groups) > 1:
                if options:
                    options.append(None)
                options.append(Option(Text(f"Story {n} ({plural(len(story), 'article')})", style="bold underline"), disabled=True))
            for article in matching:
                column = self.shown.index(article.id) if article.id in self.shown else None
                options.append(Option(article_prompt(self.labels[article.id], article, column), id=article.id))
        return options

    def on_mount(self) -> None:
        option_list = self.query_one(OptionList)
        if self.current:
            try:
                option_list.highlighted = option_list.get_option_index(self.current)
            except Exception:
                pass
        self.query_one(Input).focus()  # type to filter at once; down or enter goes to the list

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        option_list = self.query_one(OptionList)
        option_list.clear_options()
        option_list.add_options(self._options(event.value))
        option_list.action_first()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()  # the reader's search box is an Input too
        self.action_to_list()

    def action_to_list(self) -> None:
        option_list = self.query_one(OptionList)
        if option_list.highlighted is None:
            option_list.action_first()
        self.set_focus(option_list)  # now: an enter typed right after down must reach the list

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
