"""The note editor: what the note is attached to, its text and its tags."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Static, TextArea

from annotate.corpus.safe_text import visible

from ..text_boxes import register

register(TextArea)  # typed keys that arrive at the app while the note's text box has focus go into it


@dataclass(frozen=True, slots=True)
class Target:
    """A span the note can be attached to, as offered to the reader."""

    kind: str  # "mention", "search match", "sentence", "saved span"
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class NoteResult:
    target: Target
    text: str
    tags: tuple[str, ...]
    delete: bool = False


def parse_tags(value: str) -> tuple[str, ...]:
    """Comma-separated, trimmed, duplicates dropped, order kept."""
    return tuple(dict.fromkeys(t.strip() for t in value.split(",") if t.strip()))


def target_label(target: Target, limit: int = 70) -> Content:
    words = visible(target.text.replace("\n", " "))
    if len(words) > limit:
        words = words[: limit - 1] + "…"
    return Content(f"{target.kind}: “{words}”")


class NoteScreen(ModalScreen[NoteResult | None]):
    """Dismisses with a ``NoteResult`` (save or delete) or None (cancel)."""

    AUTO_FOCUS = "#note-text"  # the text first, so keys typed right after the key that opened this land there
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="note.cancel"),
        Binding("ctrl+s", "save", "Save note", id="note.save"),
    ]
    DEFAULT_CSS = """
    NoteScreen { align: center middle; }
    NoteScreen > Vertical {
        width: 84; max-width: 100%; height: auto; max-height: 90%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    NoteScreen RadioSet { width: 100%; height: auto; max-height: 5; }
    NoteScreen TextArea { height: 6; background: $boost; }
    NoteScreen Input { margin-top: 1; background: $boost; }
    NoteScreen #note-label { margin-top: 1; }
    NoteScreen Horizontal { height: auto; align-horizontal: right; margin-top: 1; }
    NoteScreen Button { margin-left: 2; }
    """

    def __init__(
        self,
        targets: list[Target],
        text: str = "",
        tags: tuple[str, ...] = (),
        editing: bool = False,
        title: str = "Note",
    ) -> None:
        super().__init__()
        self.targets = targets
        self.initial_text = text
        self.initial_tags = tags
        self.editing = editing
        self.title_text = title

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = self.title_text
            box.border_subtitle = "ctrl+s save · escape cancel · tab next field"
            if len(self.targets) > 1:
                yield Label("Attach to:")
                with RadioSet(id="note-target", compact=True):
                    for n, target in enumerate(self.targets):
                        yield RadioButton(target_label(target), value=n == 0)
            else:
                yield Static(target_label(self.targets[0]), id="note-target-text", markup=False)
            yield Label("Note:", id="note-label")
            yield TextArea(self.initial_text, id="note-text", soft_wrap=True, compact=True)
            yield Input(
                ", ".join(self.initial_tags), placeholder="tags, comma separated", id="note-tags", compact=True
            )
            with Horizontal():
                if self.editing:
                    yield Button("Delete note", id="note-delete", variant="error", compact=True)
                yield Button("Cancel", id="note-cancel", compact=True)
                yield Button("Save", id="note-save", variant="primary", compact=True)

    def on_mount(self) -> None:
        self.query_one("#note-text", TextArea).focus()

    def _target(self) -> Target:
        radios = self.query(RadioSet)
        if radios:
            return self.targets[max(0, radios.first().pressed_index)]
        return self.targets[0]

    def action_save(self) -> None:
        text = self.query_one("#note-text", TextArea).text.strip()
        tags = parse_tags(self.query_one("#note-tags", Input).value)
        self.dismiss(NoteResult(self._target(), text, tags))

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        # Enter in the tags box goes to the Save button, it does not close the editor: keys typed
        # next would otherwise run as the reader's commands. A second enter saves.
        event.stop()
        self.query_one("#note-save", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "note-save":
            self.action_save()
        elif event.button.id == "note-delete":
            self.dismiss(NoteResult(self._target(), self.initial_text, self.initial_tags, delete=True))
        else:
            self.dismiss(None)
