"""Help: every key, grouped by where it works, with the user's remapped keys."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from ..keymap import WIDGET_KEYS, all_keys, keys_file


def key_rows(app, keymap: dict[str, str]) -> dict[str, list[tuple[str, str, str]]]:
    """Context -> [(keys as displayed, what they do, binding id)], using the keys in effect
    (``keymap``: the user's binding id -> keys)."""
    rows: dict[str, list[tuple[str, str, str]]] = {}
    for key in all_keys():
        keys = keymap.get(key.id) or key.keys
        shown = " / ".join(app.get_key_display(Binding(k.strip(), "")) for k in keys.split(","))
        rows.setdefault(key.context, []).append((shown, key.description, key.id))
    for context, keys, description in WIDGET_KEYS:
        rows.setdefault(context, []).append((keys, description, ""))
    return rows


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close help", id="help.close"),
    ]
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 120; max-width: 100%; height: 90%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    """

    def __init__(self, keymap: dict[str, str]) -> None:
        super().__init__()
        self.keymap = keymap

    def compose(self) -> ComposeResult:
        body = Table.grid(padding=(0, 2))
        body.add_column(style="bold", no_wrap=True)
        body.add_column(style="dim", no_wrap=True)
        body.add_column(ratio=1)
        body.add_row(Text("Key", style="bold"), Text("Id (keys.toml)", style="bold"), Text("What it does", style="bold"))
        for context, rows in key_rows(self.app, self.keymap).items():
            body.add_row(Text(context, style="bold underline"), "", "")
            for keys, description, binding_id in rows:
                body.add_row(Text(keys), Text(binding_id), Text(description))
            body.add_row("", "", "")
        body.add_row(Text("Remap keys", style="bold underline"), "", "")
        body.add_row("", "", Text(f'Put a key\'s id and its new keys in {keys_file()}, e.g. "entity.next" = "f2".'))
        with VerticalScroll() as scroll:
            scroll.border_title = "Keys (escape to close)"
            yield Static(body, id="help-keys")
