"""The sidebar: Discrepancies, Entities and Coverage tabs for the current story."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import TabbedContent, TabPane

from .coverage_table import CoverageTable
from .discrepancy_list import DiscrepancyList
from .entity_list import EntityList

TABS = ("tab-discrepancies", "tab-entities", "tab-coverage")


class Sidebar(Vertical):
    def compose(self) -> ComposeResult:
        with TabbedContent(id="sidebar-tabs"):
            with TabPane("Discrepancies", id="tab-discrepancies"):
                yield DiscrepancyList(id="discrepancies")
            with TabPane("Entities", id="tab-entities"):
                yield EntityList(id="entities")
            with TabPane("Coverage", id="tab-coverage"):
                yield CoverageTable(id="coverage")

    @property
    def tabs(self) -> TabbedContent:
        return self.query_one(TabbedContent)

    def show_tab(self, tab: str) -> None:
        self.tabs.active = tab
        focus = {"tab-discrepancies": "#discrepancies", "tab-entities": "#entities", "tab-coverage": "#coverage"}
        # Focus now, not after the next refresh, so a quick second press sees it.
        self.screen.set_focus(self.query_one(focus[tab]))

    def next_tab(self) -> None:
        """Focus the sidebar on its open tab; when it already has focus, open the next tab."""
        current = self.tabs.active
        if not self.has_focus_within:
            self.show_tab(current if current in TABS else TABS[0])
            return
        i = TABS.index(current) if current in TABS else -1
        self.show_tab(TABS[(i + 1) % len(TABS)])

    def set_counts(self, discrepancies: int, entities: int, facts: int) -> None:
        self.tabs.get_tab("tab-discrepancies").label = f"Discrepancies {discrepancies}"
        self.tabs.get_tab("tab-entities").label = f"Entities {entities}"
        self.tabs.get_tab("tab-coverage").label = f"Coverage {facts}"
