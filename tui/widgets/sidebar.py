"""The sidebar: Discrepancies, Entities and Coverage tabs for the current story.

Its tabs are built after the articles' text is first on screen (``build``):
the tab widgets cost about a tenth of a second to import and mount, and the
reader wants the text first. Until then it shows one line saying so.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

if TYPE_CHECKING:
    from textual.widgets import TabbedContent

    from .coverage_table import CoverageTable
    from .discrepancy_list import DiscrepancyList
    from .entity_list import EntityList

TABS = ("tab-discrepancies", "tab-entities", "tab-coverage")


class Sidebar(Vertical):
    built = False

    def compose(self) -> ComposeResult:
        if not self.built:
            yield Static("Annotating…", id="sidebar-waiting")
            return
        from textual.widgets import TabbedContent, TabPane

        from .coverage_table import CoverageTable
        from .discrepancy_list import DiscrepancyList
        from .entity_list import EntityList

        with TabbedContent(id="sidebar-tabs"):
            with TabPane("Discrepancies", id="tab-discrepancies"):
                yield DiscrepancyList(id="discrepancies")
            with TabPane("Entities", id="tab-entities"):
                yield EntityList(id="entities")
            with TabPane("Coverage", id="tab-coverage"):
                yield CoverageTable(id="coverage")

    async def build(self) -> None:
        """Replace the waiting line with the tabs (once)."""
        if not self.built:
            self.built = True
            await self.recompose()

    @property
    def tabs(self) -> TabbedContent:
        return self.query_one("#sidebar-tabs")

    @property
    def discrepancies(self) -> DiscrepancyList:
        return self.query_one("#discrepancies")

    @property
    def entities(self) -> EntityList:
        return self.query_one("#entities")

    @property
    def coverage(self) -> CoverageTable:
        return self.query_one("#coverage")

    def show_tab(self, tab: str) -> None:
        if not self.built:
            return
        self.tabs.active = tab
        focus = {"tab-discrepancies": "#discrepancies", "tab-entities": "#entities", "tab-coverage": "#coverage"}
        # Focus now, not after the next refresh, so a quick second press sees it.
        self.screen.set_focus(self.query_one(focus[tab]))

    def next_tab(self) -> None:
        """Focus the sidebar on its open tab; when it already has focus, open the next tab."""
        if not self.built:
            return
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
