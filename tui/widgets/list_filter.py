"""The sidebar's filter box (``f``): typing narrows the Discrepancies and Entities lists.

Words are matched anywhere in an entry: its summary and values, its kind
("quotes", "numbers"), its severity ("high"), an entity's name or kind
("person", "place"). ``escape`` clears the filter, ``enter`` goes to the list.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import Input


class ListFilter(Input):
    BINDINGS = [Binding("escape", "clear", "Clear the filter", id="filter.clear")]
    DEFAULT_CSS = "ListFilter { display: none; border: none; height: 1; padding: 0 1; } ListFilter.-open { display: block; }"

    def __init__(self) -> None:
        super().__init__(placeholder="filter: words, kind (quote), severity (high); enter: list", id="list-filter", compact=True)

    def open(self) -> None:
        self.add_class("-open")
        self.screen.set_focus(self)  # now: keys typed right after f go into the box

    def action_clear(self) -> None:
        self.value = ""
        self.remove_class("-open")
        self.app.query_one("#sidebar").focus_list()
