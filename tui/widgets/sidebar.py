"""The sidebar: Discrepancies, Entities and Coverage tabs for the current story.

Its tabs are built after the articles' text is first on screen (``build``):
the tab widgets cost about a tenth of a second to import and mount, and the
reader wants the text first. Until then it shows one line saying so.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.reactive import var
from textual.widgets import Static

if TYPE_CHECKING:
    from textual.widgets import TabbedContent

    from .coverage_table import CoverageTable
    from .discrepancy_list import DiscrepancyList
    from .entity_list import EntityList

TABS = ("tab-discrepancies", "tab-entities", "tab-coverage")


class Sidebar(Vertical):
    built = False
    filter_text = var("")  # the filter box's words, passed down to both lists

    def compose(self) -> ComposeResult:
        if not self.built:
            yield Static("Annotating…", id="sidebar-waiting")
            return
        from textual.widgets import TabbedContent, TabPane

        from .coverage_table import CoverageTable
        from .discrepancy_list import DiscrepancyList
        from .entity_list import EntityList
        from .list_filter import ListFilter

        yield ListFilter()
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

    def focus_list(self) -> None:
        """Focus the open tab's list (← / → from the articles reach it)."""
        if self.built:
            current = self.tabs.active
            self.show_tab(current if current in TABS else TABS[0])

    def on_input_changed(self, event) -> None:
        if event.input.id == "list-filter":
            event.stop()
            self.filter_text = event.value
            self.show_counts()

    def watch_filter_text(self, text: str) -> None:
        if self.built:  # the lists filter themselves when their filter_text changes
            self.discrepancies.filter_text = text
            self.entities.filter_text = text

    def show_counts(self) -> None:
        """Each tab's label: how many entries it has (shown/all while filtering)."""
        shown = {"tab-discrepancies": self.discrepancies.shown_count, "tab-entities": self.entities.shown_count}
        counts = {
            "tab-discrepancies": self.discrepancies.total,
            "tab-entities": self.entities.entity_count,
            "tab-coverage": self.coverage.row_count,
        }
        names = {"tab-discrepancies": "Discrepancies", "tab-entities": "Entities", "tab-coverage": "Coverage"}
        filtering = bool(self.filter_text.strip())
        labels = {
            tab: f"{names[tab]} {shown[tab]}/{n}" if filtering and tab in shown else f"{names[tab]} {n}"
            for tab, n in counts.items()
        }
        # Each tab takes its label and two cells of padding; a narrow sidebar gets short names, not a cut strip.
        if sum(len(label) + 2 for label in labels.values()) > (self.size.width or 40) - 2:
            short = {"tab-discrepancies": "Discrep.", "tab-entities": "Names", "tab-coverage": "Facts"}
            labels = {tab: label.replace(names[tab], short[tab]) for tab, label in labels.items()}
        for tab, label in labels.items():
            self.tabs.get_tab(tab).label = label
