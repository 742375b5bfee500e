"""The notes list: every annotation, with where it is and whether it was found again."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from annotate.corpus.safe_text import visible


@dataclass(frozen=True, slots=True)
class ListChoice:
    action: str  # "jump", "delete" or "accept" (a changed annotation takes the new words)
    annotation_id: str


class AnnotationList(OptionList):
    """One option per annotation (option id = annotation id)."""

    def fill(self, rows: list[tuple[str, Text]], unreadable: str | None = None) -> None:
        """``unreadable``: why the annotation file could not be read (its annotations are not
        in ``rows``, and saying "no annotations yet" would read as if they were lost)."""
        self.clear_options()
        if unreadable:
            why = Text("The annotation file could not be read, so its annotations are not shown here. ", style="bold")
            why.append(visible(unreadable), style="")
            why.append("\nThe file is left as it is: fix it (or copy a .bak over it) and open corpus-tui again.", style="dim")
            self.add_option(Option(why, disabled=True))
        if rows:
            self.add_options([Option(prompt, id=item_id) for item_id, prompt in rows])
        elif not unreadable:
            self.add_option(
                Option(Text("No annotations yet: a adds a note, c/x/e judge a discrepancy.", style="dim"), disabled=True)
            )


class AnnotationsScreen(ModalScreen[ListChoice | None]):
    BINDINGS = [
        Binding("escape", "dismiss_none", "Close", id="annotations.close"),
        Binding("delete,backspace", "delete", "Delete", id="annotations.delete"),
        Binding("a", "accept", "Accept new words", id="annotations.accept"),
    ]
    DEFAULT_CSS = """
    AnnotationsScreen { align: center middle; }
    AnnotationsScreen > AnnotationList {
        width: 90%; height: 80%; border: round $primary; background: $surface;
    }
    """

    def __init__(self, rows: list[tuple[str, Text]], read_only: bool = False, unreadable: str | None = None) -> None:
        super().__init__()
        self.rows = rows
        self.read_only = read_only
        self.unreadable = unreadable

    def compose(self) -> ComposeResult:
        listing = AnnotationList(id="annotation-list")
        listing.border_title = "Annotations (enter: go to · delete: remove · a: accept changed words · escape: close)"
        if self.read_only:
            listing.border_title = "Annotations, read-only (enter: go to · escape: close)"
        yield listing

    def on_mount(self) -> None:
        listing = self.query_one(AnnotationList)
        listing.fill(self.rows, self.unreadable)
        if self.rows:
            listing.highlighted = 1 if self.unreadable else 0
        listing.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.dismiss(ListChoice("jump", event.option.id))

    def action_delete(self) -> None:
        listing = self.query_one(AnnotationList)
        if self.read_only or listing.highlighted is None:
            return
        option = listing.get_option_at_index(listing.highlighted)
        if option.id:
            self.dismiss(ListChoice("delete", option.id))

    def action_accept(self) -> None:
        listing = self.query_one(AnnotationList)
        if self.read_only or listing.highlighted is None:
            return
        option = listing.get_option_at_index(listing.highlighted)
        if option.id:
            self.dismiss(ListChoice("accept", option.id))

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
