"""Small questions the annotation keys ask: one line of text, or a choice of buttons."""

from __future__ import annotations

from collections.abc import Collection

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static, TextArea

from ..text_boxes import register

register(TextArea)  # typed keys that arrive at the app while the prompt's text box has focus go into it


class TextPrompt(ModalScreen[str | None]):
    """Ask for text (one line, or several with ``multiline``); None when cancelled."""

    AUTO_FOCUS = "#prompt-text, #prompt-input"  # keys typed right after the key that opened this land there
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="prompt.cancel"),
        Binding("ctrl+s", "submit", "OK", id="prompt.submit"),
    ]
    DEFAULT_CSS = """
    TextPrompt { align: center middle; }
    TextPrompt > Vertical {
        width: 80; max-width: 100%; height: auto;
        border: round $primary; background: $surface; padding: 0 1;
    }
    TextPrompt TextArea { height: 6; margin-top: 1; background: $boost; }
    TextPrompt Input { margin-top: 1; background: $boost; }
    """

    def __init__(self, title: str, question: Content | str, value: str = "", multiline: bool = False, placeholder: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.question = question if isinstance(question, Content) else Content(question)
        self.value = value
        self.multiline = multiline
        self.placeholder = placeholder

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = self.title_text
            box.border_subtitle = ("ctrl+s" if self.multiline else "enter") + " OK · escape cancel"
            yield Static(self.question, markup=False)
            if self.multiline:
                yield TextArea(self.value, id="prompt-text", soft_wrap=True, compact=True)
            else:
                yield Input(self.value, placeholder=self.placeholder, id="prompt-input", compact=True)

    def on_mount(self) -> None:
        self.query_one("#prompt-text" if self.multiline else "#prompt-input").focus()

    def action_submit(self) -> None:
        if self.multiline:
            self.dismiss(self.query_one("#prompt-text", TextArea).text.strip())
        else:
            self.dismiss(self.query_one("#prompt-input", Input).value.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_submit()


def hotkeys(labels: list[str]) -> list[str]:
    """A letter for each label, its first letter not taken by an earlier one ("" when none is left)."""
    taken: set[str] = set()
    keys = []
    for label in labels:
        key = next((c for c in label.lower() if c.isalpha() and c not in taken), "")
        taken.add(key)
        keys.append(key)
    return keys


def with_hotkey(label: str, key: str) -> Content:
    """The label with its hotkey letter underlined, so the dialog shows which key presses it."""
    at = label.lower().find(key) if key else -1
    content = Content(label)
    return content.stylize("underline bold", at, at + 1) if at >= 0 else content


class ChoicePrompt(ModalScreen[str | None]):
    """A question with buttons; dismisses with the chosen button's key, None on escape.

    Each button has a letter (underlined in its label) that presses it; the arrow keys
    move between the buttons."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="choice.cancel"),
        Binding("left,up", "app.focus_previous", "Previous button", show=False, id="choice.previous"),
        Binding("right,down", "app.focus_next", "Next button", show=False, id="choice.next"),
    ]
    DEFAULT_CSS = """
    ChoicePrompt { align: center middle; }
    ChoicePrompt > Vertical {
        width: 72; max-width: 100%; height: auto;
        border: round $warning; background: $surface; padding: 0 1;
    }
    ChoicePrompt Horizontal { height: auto; margin-top: 1; }
    ChoicePrompt Button { margin-right: 2; }
    """

    def __init__(
        self, title: str, question: Content | str, choices: list[tuple[str, str]], without_letter: Collection[str] = ()
    ) -> None:
        """``choices``: (key, button label); the first is the default. ``without_letter``: the
        keys of choices no letter presses (enter, a click only): a question nobody asked for
        may appear while the reader types, and ``d`` meant for the next discrepancy must not
        press a Discard that deletes their work."""
        super().__init__()
        self.title_text = title
        self.question = question if isinstance(question, Content) else Content(question)
        self.choices = choices
        letters = hotkeys([label for key, label in choices if key not in without_letter])
        given = iter(letters)
        self.letters = [("" if key in without_letter else next(given)) for key, _ in choices]
        self.hotkeys = {letter: key for letter, (key, _) in zip(self.letters, choices) if letter}

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = self.title_text
            box.border_subtitle = "letter or enter: choose · ← →: move · escape: cancel"
            yield Static(self.question, markup=False)
            with Horizontal():
                for n, ((key, label), letter) in enumerate(zip(self.choices, self.letters)):
                    yield Button(
                        with_hotkey(label, letter), id=f"choice-{key}", variant="primary" if n == 0 else "default", compact=True
                    )

    def on_key(self, event) -> None:
        choice = self.hotkeys.get(event.character or "") if event.character and event.character.isalpha() else None
        if choice is not None:
            event.stop()
            event.prevent_default()
            self.dismiss(choice)

    def on_mount(self) -> None:
        self.query(Button).first().focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss((event.button.id or "").removeprefix("choice-"))

    def action_cancel(self) -> None:
        self.dismiss(None)
