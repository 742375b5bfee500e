"""How the screen is shared: the article columns, and the sidebar beside or under them.

``ColumnLayout`` is one object the app holds (``app.column_layout``); it owns the
column widgets and how many of them are on screen. The number follows the
terminal's width, the sidebar's width and the focused story (columns never mix
stories, and never outnumber the story's articles). It lays the columns out
for a ``ReadingState`` and sets that state on the app (``app.reading``), whose
watcher then shows the columns' articles and draws the marks.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .reading_state import ReadingState
from .widgets.article_column import ArticleColumn

if TYPE_CHECKING:
    from .app import CorpusApp
    from .widgets.article_pane import ArticlePane

MAX_COLUMNS = 4
MIN_COLUMN_WIDTH = 44  # cells; below this a third column would be too cramped to read
NARROW_WIDTH = 120  # below this the sidebar stacks under the articles
SIDEBAR_MIN, SIDEBAR_STEP = 24, 8  # cells: the narrowest sidebar, and how much + and - change it


class ColumnLayout:
    def __init__(self, reader: CorpusApp) -> None:
        self.reader = reader
        # Kept as references: navigation reaches them on every key press, a DOM query each time was slow.
        self.made: list[ArticleColumn] = []  # every column made so far; the first ``count`` are on screen
        self.count = min(2, len(reader.articles))
        self._syncing = False  # moving the other panes in step (their scrolls are not followed)

    def first_columns(self, width: int) -> list[ArticleColumn]:
        """The columns to compose: only those that fit now (``lay_out`` adds more if the terminal widens)."""
        fit = self.fit(width, width >= NARROW_WIDTH, self.reader.reading.article)
        self.made = [ArticleColumn(n) for n in range(fit)]
        return self.made

    @property
    def columns(self) -> list[ArticleColumn]:
        """The columns on screen."""
        return self.made[: self.count]

    def lay_out(self, width: int, reading: ReadingState | None = None) -> None:
        """As many columns as fit ``width`` and the story, showing ``reading`` (by default
        the current one; a new one is set here, once the number of columns is known)."""
        reader = self.reader
        if not reader.articles:
            return
        reading = reading or reader.reading
        narrow = width < NARROW_WIDTH
        reader.set_class(narrow, "-narrow")
        self._apply_sidebar_width(narrow)
        beside = not (narrow or reader.sidebar.has_class("-hidden"))
        count = self.fit(width, beside, reading.article)
        made = self.made
        if count > len(made):
            added = [ArticleColumn(n) for n in range(len(made), count)]
            made.extend(added)
            reader.query_one("#columns").mount_all(added)
        changed = count != self.count or not made[0].pane.article
        self.count = count
        for n, column in enumerate(made):
            column.display = n < count
        reading = self.kept_to_story(reading)
        reading = replace(reading, column=min(reading.column, count - 1))
        if changed:
            for n in range(count):  # another number of columns: each shows its article from its top
                self.show_in_column(n, reading.shown[n])
            if reading == reader.reading:
                reader.refresh_marks()  # the same reading on another number of columns: its watcher does not run
        reader.reading = reading

    def fit(self, width: int, beside: bool, article_id: str | None = None) -> int:
        """Article columns for a terminal ``width``, with the sidebar ``beside`` them or not;
        never more than the articles of the story of ``article_id`` (columns never mix stories)."""
        reading_width = width - (self.sidebar_width(width) if beside else 0)
        fits = max(2, reading_width // MIN_COLUMN_WIDTH)
        story = self.reader.story_of(article_id) if article_id is not None else []
        return max(1, min(MAX_COLUMNS, len(story), fits))

    def show_in_column(self, column: int, article_id: str) -> None:
        reader = self.reader
        article = reader.index.article(article_id)
        position = reader.index.article_position(article_id)
        self.made[column].show(article, reader.labels[article_id], position + 1, len(reader.articles))

    def kept_to_story(self, reading: ReadingState) -> ReadingState:
        """``reading`` with the columns showing another story than the focused column's given articles of that story."""
        story = self.reader.story_of(reading.article)
        members = set(story)
        visible = reading.shown[: self.count]
        if all(a in members for a in visible):
            return reading
        mates = iter([a for a in story if a not in visible])
        for column in range(self.count):
            if reading.shown[column] not in members:
                mate = next(mates, None)
                if mate is None:
                    break
                reading = reading.showing(column, mate)
        return reading

    def show_story(self, story: list[str], first: str | None = None, reading: ReadingState | None = None) -> None:
        """Show ``story`` (``first`` in the first column), with as many columns as it has articles;
        ``reading``: what else changes with it (drawn at once)."""
        reading = (reading or self.reader.reading).showing(0, first or story[0])
        self.lay_out(self.reader.size.width, replace(reading, column=0))

    def focus_step(self, step: int) -> None:
        """Focus the next column left or right; past the last column, the sidebar (when it is shown)."""
        reader = self.reader
        sidebar = reader.sidebar
        stops = self.count + (1 if sidebar.built and not sidebar.has_class("-hidden") else 0)
        here = self.count if sidebar.has_focus_within else reader.reading.column
        target = (here + step) % stops
        if target == self.count:
            sidebar.focus_list()
        else:
            reader.focus_column(target)

    def keep_in_step(self, source: ArticlePane) -> None:
        """Scroll the other columns to where ``source`` was scrolled, as a fraction of their length."""
        if self._syncing:
            return
        fraction = source.scroll_y / source.max_scroll_y if source.max_scroll_y else 0.0
        self._syncing = True
        try:
            for column in self.columns:
                if column.pane is not source:
                    column.pane.scroll_to(y=round(fraction * column.pane.max_scroll_y), animate=False, immediate=True)
        finally:
            self.reader.call_after_refresh(setattr, self, "_syncing", False)

    # -- the sidebar ------------------------------------------------------------

    def toggle_sidebar(self) -> None:
        self.reader.sidebar.toggle_class("-hidden")
        self.count = 0  # force the columns to be laid out again
        self.lay_out(self.reader.size.width)

    def open_sidebar(self) -> None:
        self.reader.sidebar.remove_class("-hidden")
        self.lay_out(self.reader.size.width)

    def sidebar_width(self, width: int) -> int:
        """The sidebar's width beside the articles: the reader's choice (+/-), else as in app.tcss."""
        cells = self.reader.sidebar_cells
        if cells is None:
            return min(60, max(36, width // 3))
        return max(SIDEBAR_MIN, min(cells, width - MIN_COLUMN_WIDTH))

    def _apply_sidebar_width(self, narrow: bool) -> None:
        reader = self.reader
        sidebar = reader.sidebar
        cells = None if narrow or reader.sidebar_cells is None else self.sidebar_width(reader.size.width)
        sidebar.styles.width = cells
        sidebar.styles.min_width = cells
        sidebar.styles.max_width = cells

    def widen_sidebar(self, step: int) -> None:
        """Widen (1) or narrow (-1) the sidebar beside the articles (``app.sidebar_cells``: its watcher lays out)."""
        reader = self.reader
        if reader.sidebar.has_class("-hidden"):
            reader.status.say("The sidebar is hidden: b shows it, then + and - widen and narrow it")
            return
        if reader.has_class("-narrow"):
            reader.status.say("The sidebar is under the articles below 120 columns: + and - do not apply")
            return
        width = reader.size.width
        current = self.sidebar_width(width)
        reader.sidebar_cells = max(SIDEBAR_MIN, min(current + step * SIDEBAR_STEP, width - MIN_COLUMN_WIDTH))
        reader.status.say(f"Sidebar {self.sidebar_width(width)} columns wide")
