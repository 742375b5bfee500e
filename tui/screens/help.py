"""Help: every key, grouped by where it works, with the user's remapped keys."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from ..keymap import WIDGET_KEYS, all_keys, keys_file

KEY_WIDTH = 12  # longer keys wrap


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
        rows = key_rows(self.app, self.keymap)
        # The same column widths in every context's table, so they line up; a long key ("↑ ↓
        # pgup pgdn home end") wraps in its column instead of taking what it does away: at 80
        # columns the description had 22 cells.
        key_width = min(KEY_WIDTH, max(len(keys) for context in rows.values() for keys, _, _ in context))
        id_width = max(len(binding_id) for context in rows.values() for _, _, binding_id in context)

        def table() -> Table:
            grid = Table.grid(padding=(0, 2))
            grid.add_column(style="bold", width=key_width)
            grid.add_column(style="dim", no_wrap=True, width=id_width)
            grid.add_column(ratio=1)
            return grid

        parts: list = []
        head = table()
        head.add_row(Text("Key", style="bold"), Text("Id (keys.toml)", style="bold"), Text("What it does", style="bold"))
        parts.append(head)
        for context, context_rows in rows.items():
            parts.append(Text(context, style="bold underline"))
            body = table()
            for keys, description, binding_id in context_rows:
                body.add_row(Text(keys), Text(binding_id), Text(description))
            parts.extend([body, Text("")])
        parts.append(Text("Remap keys", style="bold underline"))
        parts.append(Text(f'Put a key\'s id and its new keys in {keys_file()}, e.g. "entity.next" = "f2".'))
        with VerticalScroll() as scroll:
            scroll.border_title = "Keys (escape to close)"
            yield Static(Group(*parts), id="help-keys")
