"""The sidebar: Discrepancies, Entities and Coverage tabs for the current story.

It shows one story at a time (``show_story``) and remembers which (``shows``),
so the app can ask it to show the focused story on every change of the
reading and it fills its tabs only when the story changes.

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

    from annotate.model import Corroboration, Discrepancy

    from .reading_index import ReadingIndex

    from .coverage_table import CoverageTable
    from .discrepancy_list import DiscrepancyList
    from .entity_list import EntityList

TABS = ("tab-discrepancies", "tab-entities", "tab-coverage")


class Sidebar(Vertical):
    built = False
    filter_text = var("")  # the filter box's words, passed down to both lists

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._story: tuple[str, ...] | None = None  # the story the tabs show; None: none yet, or fill again
        self.story_discrepancies: list[Discrepancy] = []  # its discrepancies as listed (dismissed ones hidden)

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

    def shows(self, story: list[str]) -> bool:
        """The tabs show ``story`` already."""
        return self._story == tuple(story)

    def forget_story(self) -> None:
        """The next ``show_story`` fills the tabs even for the same story (the width, the theme
        or the reader's annotations changed)."""
        self._story = None

    def show_story(
        self,
        story: list[str],
        ordered: list[str],
        on_screen: list[str],
        discrepancies: list[Discrepancy],
        corroborations: list[Corroboration],
        index: ReadingIndex,
        labels: dict[str, str],
        verdicts: dict,
    ) -> None:
        """Fill the tabs for ``story``: its articles in corpus order (``ordered``), those in the
        columns (``on_screen``, given the first coverage columns; a big story's rest share one),
        its listed ``discrepancies`` with the reader's ``verdicts``, what it reports alike."""
        from .coverage_table import coverage_rows

        self._story = tuple(story)
        self.story_discrepancies = discrepancies
        self.discrepancies.fill(discrepancies, labels, verdicts)
        self.entities.fill(index, ordered, labels)
        rows = coverage_rows(discrepancies, corroborations, ordered)
        width = self.size.width or self.app.size.width
        columns = on_screen + [a for a in ordered if a not in on_screen]  # a few on screen: a list is fine
        self.coverage.fill(rows, columns, labels, self._coverage_styles(), width)
        self.show_counts()

    def _coverage_styles(self) -> dict[str, str]:
        from .coverage_table import CONFLICTING, NOT_REPORTED, REPORTED

        colours = self.app.theme_variables
        return {
            REPORTED: colours.get("text-success", "green"),
            NOT_REPORTED: "dim",
            CONFLICTING: f"bold {colours.get('text-error', 'red')}",
        }

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

    def show_discrepancies(self) -> None:
        """Open the Discrepancies tab over the Entities tab, focus unchanged: d selected a
        finding, and the list of names says nothing about it. Coverage stays open (its rows
        are findings too)."""
        if self.built and self.tabs.active == "tab-entities":
            self.tabs.active = "tab-discrepancies"

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

    def go_to_filtered(self) -> None:
        """``enter`` in the filter box: focus the filtered list on its first entry, so the
        next ``enter`` picks it (nothing was highlighted, and that ``enter`` did nothing)."""
        self.focus_list()
        if self.built and self.tabs.active in ("tab-discrepancies", "tab-entities"):
            listing = self.discrepancies if self.tabs.active == "tab-discrepancies" else self.entities
            if listing.highlighted is None:
                listing.action_first()

    def open_filter(self) -> None:
        """Open the filter box over the Discrepancies or Entities list (the Discrepancies from elsewhere)."""
        if self.tabs.active not in ("tab-discrepancies", "tab-entities"):
            self.tabs.active = "tab-discrepancies"
        self.query_one("#list-filter").open()

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
