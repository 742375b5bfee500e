"""The reader: articles side by side, highlights, a sidebar of discrepancies.

Start-up shows the text at once (loading a corpus needs no spaCy); the engine
runs in a thread worker and the highlights and sidebar fill in when it is done.
Actions here are thin: positions live in ``ReadingIndex``, what the reader
looks at in one ``ReadingState`` (the ``reading`` reactive: set it, and the
marks are drawn), drawing in the widgets, so new features add an action and a
widget, not a branch in a method.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.reactive import var
from textual.events import DescendantFocus, Key, Resize
from textual.worker import Worker, WorkerState

from annotate.corpus.labels import article_labels
from annotate.model import Analysis, Article, Discrepancy, Evidence, Mention, MENTION_KINDS, Problem
from annotate.corpus.safe_text import visible

from .annotation_ui import Annotator, annotation_bindings
from .jump_list import JumpList, Place
from .keymap import APP_KEYS, all_keys, app_bindings, load_keymap
from .reading_state import ReadingState
from .widgets.article_column import ArticleColumn
from .widgets.article_pane import ArticlePane
from .widgets.highlights import LAYER_LABELS, LAYERS, Marks, article_spans
from .widgets.legend import Legend
from .widgets.reader_footer import ReaderFooter
from .widgets.reading_index import ReadingIndex
from .widgets.search_bar import SearchBar, find_all
from .widgets.sidebar import Sidebar
from .widgets.status_line import StatusLine
from .words import plural

MAX_COLUMNS = 4
MIN_COLUMN_WIDTH = 44  # cells; below this a third column would be too cramped to read
NARROW_WIDTH = 120  # below this the sidebar stacks under the articles
SIDEBAR_MIN, SIDEBAR_STEP = 24, 8  # cells: the narrowest sidebar, and how much + and - change it
# The status line while the engine works past the last article (seconds at 1,000 articles).
ENGINE_STAGES = {
    "link": "linking names across articles…",
    "stories": "grouping articles into stories…",
    "discrepancies": "comparing the reports of each story…",
}


def _reader_commands() -> type:
    from .screens.commands import ReaderCommands

    return ReaderCommands


class CorpusApp(App[int]):
    CSS_PATH = Path(__file__).with_name("app.tcss")
    TITLE = "corpus-tui"
    BINDINGS = app_bindings() + annotation_bindings()
    COMMANDS = App.COMMANDS | {_reader_commands}  # a callable: the palette module is imported when opened

    # Reactive: setting one redraws what shows it (the watchers below), no refresh calls needed.
    layers: var[frozenset[str]] = var(frozenset(LAYERS), init=False)  # highlight layers on (1-5)
    sync_scroll = var(False)  # panes scroll in step (s)
    sidebar_cells: var[int | None] = var(None, init=False)  # the sidebar's width (+/-); None: a third of the screen
    problems: var[list[Problem]] = var(list, init=False, bindings=True)  # the footer shows "Problems" when there are some
    # What the reader looks at (columns, cursors, selection, search): one value, replaced on each
    # change; its watcher shows the columns' articles and draws the marks once.
    reading: var[ReadingState] = var(ReadingState(), init=False)

    def __init__(
        self,
        paths: Sequence[Path | str],
        model: str | None = None,
        annotations: str | Path | None = None,
        use_cache: bool = True,
        stories: str = "auto",
    ) -> None:
        super().__init__()
        self.paths = [Path(p) for p in paths]
        self.model = model
        self.use_cache = use_cache
        self.story_mode = stories  # auto | one | folders: how the engine groups articles into stories
        self.articles: list[Article] = []
        self.load_error: str | None = None
        self._load()
        self.analysis: Analysis | None = None
        self.index = ReadingIndex.build(self.articles)
        self.labels = article_labels(a.id for a in self.articles)
        # Before the app runs: nothing to draw yet.
        self.set_reactive(CorpusApp.reading, ReadingState(shown=tuple(a.id for a in self.articles[:MAX_COLUMNS])))
        self.column_count = min(2, len(self.articles))
        self._discrepancy_position = 0  # where the selected one was in its story's list (it may be dismissed since)
        self.jumps = JumpList()
        self._sidebar_story: tuple[str, ...] | None = None
        self._story_discrepancies: list[Discrepancy] = []
        self._syncing = False
        # Filled in by the engine's results (apply_analysis, rebuild_index).
        self._story_order: list[list[str]] = []
        self._stories: dict[str, list[str]] = {}
        self._all_ids = [a.id for a in self.articles]
        self._by_article: dict[str, list[Discrepancy]] = {}
        self._involving: dict[str, list[int]] = {}
        self._corroborations: list = []
        self._corroborating: dict[str, list[int]] = {}
        self._edits_shown: list | None = None
        self.annotator = Annotator(self, Path(annotations) if annotations else None)
        self.key_overrides: dict[str, str] = {}  # binding id -> keys, from keys.toml (see set_keymap)
        self.keymap_problems: list[str] = []

    def set_keymap(self, keymap: dict[str, str]) -> None:
        super().set_keymap(keymap)
        self.key_overrides = dict(keymap)  # Textual keeps its copy private: help and the legend read this one

    def update_keymap(self, keymap: dict[str, str]) -> None:
        super().update_keymap(keymap)
        self.key_overrides = {**self.key_overrides, **keymap}

    def get_driver_class(self):
        from .terminal_input import tolerant

        return tolerant(super().get_driver_class())  # an invalid byte on the terminal is U+FFFD, not a crash

    def _load(self) -> None:
        from annotate.corpus.loading import CorpusError, load_corpus

        try:
            corpus = load_corpus(self.paths)
        except CorpusError as error:
            self.load_error = str(error)
            return
        self.articles = list(corpus.articles)
        self.set_reactive(CorpusApp.problems, list(corpus.problems))  # before the app runs: nothing to redraw yet

    # -- layout --------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Legend(id="legend")
        with Horizontal(id="body"):
            with Horizontal(id="columns"):
                # Kept as references: navigation reaches them on every key press, a DOM query each time was slow.
                # Only those that fit now: _layout_columns adds more if the terminal widens.
                fit = self._columns_that_fit(self.size.width, self.size.width >= NARROW_WIDTH, self.reading.article)
                self._all_columns = [ArticleColumn(n) for n in range(fit)]
                yield from self._all_columns
            yield Sidebar(id="sidebar")
        self._status = StatusLine(id="status")
        yield self._status
        yield SearchBar()
        yield ReaderFooter()

    def on_mount(self) -> None:
        if self.load_error:
            self.exit(return_code=1, message=Text(self.load_error))  # paths are data, not markup
            return
        keymap, keymap_problems = load_keymap()
        if keymap:
            self.set_keymap(keymap)
        self.keymap_problems = keymap_problems
        self.tell_problems(self.problems)
        from .settings import load_theme

        saved_theme = load_theme()
        if saved_theme in self.available_themes:
            self.theme = saved_theme
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        self._layout_columns(self.size.width)
        self._first_shown = self.reading.shown[: self.column_count]
        self.refresh_legend()
        # The counter from the start: a small corpus is annotated between two frames once spaCy is loaded.
        self.status.say(plural(len(self.articles), "article"), f"annotating 0 of {len(self.articles)}…")
        self.focus_column(0)
        # The text first: everything else waits until it has been painted.
        self.call_after_refresh(self._after_first_paint)

    def _theme_changed(self, theme) -> None:
        from .settings import save_theme

        save_theme(theme.name)  # remembered for the next launch
        self.call_after_refresh(self.restyle)

    async def _after_first_paint(self) -> None:
        """Read the reader's annotations, build the sidebar's tabs, start the engine."""
        self.annotator.ensure()
        await self.query_one(Sidebar).build()
        # After the sidebar's frame too: importing spaCy in the worker holds the GIL in long
        # stretches, which would hold up the thread that writes frames to the terminal.
        self.call_after_refresh(self.run_engine)

    @property
    def status(self) -> StatusLine:
        return self._status

    @property
    def columns(self) -> list[ArticleColumn]:
        return self._all_columns[: self.column_count]

    def pane(self, column: int) -> ArticlePane:
        return self.columns[column].pane

    def on_resize(self, event: Resize) -> None:
        self._layout_columns(event.size.width)

    def _layout_columns(self, width: int, reading: ReadingState | None = None) -> None:
        """As many columns as fit ``width`` and the story, showing ``reading`` (by default
        the current one; a new one is set here, once the number of columns is known)."""
        if not self.articles:
            return
        reading = reading or self.reading
        narrow = width < NARROW_WIDTH
        self.set_class(narrow, "-narrow")
        self._apply_sidebar_width(narrow)
        beside = not (narrow or self.query_one(Sidebar).has_class("-hidden"))
        count = self._columns_that_fit(width, beside, reading.article)
        all_columns = self._all_columns
        if count > len(all_columns):
            added = [ArticleColumn(n) for n in range(len(all_columns), count)]
            all_columns.extend(added)
            self.query_one("#columns").mount_all(added)
        changed = count != self.column_count or not all_columns[0].pane.article
        self.column_count = count
        for n, column in enumerate(all_columns):
            column.display = n < count
        reading = self._kept_to_story(reading)
        reading = replace(reading, column=min(reading.column, count - 1))
        if changed:
            for n in range(count):  # another number of columns: each shows its article from its top
                self._show_in_column(n, reading.shown[n])
            if reading == self.reading:
                self.refresh_marks()  # the same reading on another number of columns: its watcher does not run
        self.reading = reading

    def _columns_that_fit(self, width: int, beside: bool, article_id: str | None = None) -> int:
        """Article columns for a terminal ``width``, with the sidebar ``beside`` them or not;
        never more than the articles of the story of ``article_id`` (columns never mix stories)."""
        reading_width = width - (self._sidebar_width(width) if beside else 0)
        fits = max(2, reading_width // MIN_COLUMN_WIDTH)
        story = self.story_of(article_id) if article_id is not None else []
        return max(1, min(MAX_COLUMNS, len(story), fits))

    def _sidebar_width(self, width: int) -> int:
        """The sidebar's width beside the articles: the reader's choice (+/-), else as in app.tcss."""
        if self.sidebar_cells is None:
            return min(60, max(36, width // 3))
        return max(SIDEBAR_MIN, min(self.sidebar_cells, width - MIN_COLUMN_WIDTH))

    def _apply_sidebar_width(self, narrow: bool) -> None:
        sidebar = self.query_one(Sidebar)
        cells = None if narrow or self.sidebar_cells is None else self._sidebar_width(self.size.width)
        sidebar.styles.width = cells
        sidebar.styles.min_width = cells
        sidebar.styles.max_width = cells

    def action_sidebar_width(self, step: int) -> None:
        """Widen (1) or narrow (-1) the sidebar beside the articles."""
        sidebar = self.query_one(Sidebar)
        if self.has_class("-narrow") or sidebar.has_class("-hidden"):
            self.status.say("The sidebar is not beside the articles (it is under them below 120 columns, or hidden: b)")
            return
        current = self._sidebar_width(self.size.width)
        self.sidebar_cells = max(SIDEBAR_MIN, min(current + step * SIDEBAR_STEP, self.size.width - MIN_COLUMN_WIDTH))
        self.status.say(f"Sidebar {self._sidebar_width(self.size.width)} columns wide")

    def watch_sidebar_cells(self) -> None:
        self._layout_columns(self.size.width)
        self._sidebar_story = None
        self.call_after_refresh(self.refresh_sidebar)  # the coverage table sizes its columns to the new width

    def watch_reading(self) -> None:
        """A new reading: the columns show their articles (those not already shown), then the marks."""
        shown = self.reading.shown
        for n, column in enumerate(self.columns):
            article = column.pane.article
            if article is None or article.id != shown[n]:
                self._show_in_column(n, shown[n])
        self.refresh_marks()

    def _show_in_column(self, column: int, article_id: str) -> None:
        article = self.index.article(article_id)
        position = self.index.article_position(article_id)
        self._all_columns[column].show(article, self.labels[article_id], position + 1, len(self.articles))

    # -- the engine ----------------------------------------------------

    @work(thread=True, exclusive=True, group="engine", exit_on_error=False)
    def run_engine(self) -> Analysis:
        from annotate.engine import analyse

        shown_at = [0.0]

        def progress(done: int, total: int) -> None:
            # call_from_thread waits for the UI: at most ten updates a second, so it never slows the engine.
            now = time.monotonic()
            if now - shown_at[0] >= 0.1 or done == total:
                shown_at[0] = now
                self.call_from_thread(self.status.say, plural(len(self.articles), "article"), f"annotating {done} of {total}…")

        def stage(phase: str) -> None:
            self.call_from_thread(self.status.say, plural(len(self.articles), "article"), ENGINE_STAGES[phase])

        return analyse(self.articles, model=self.model, progress=progress, use_cache=self.use_cache, stage=stage,
                       stories=self.story_mode, paths=self.paths, isolate_long=True)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "engine":
            return
        if event.state == WorkerState.SUCCESS:
            self.apply_analysis(event.worker.result)
        elif event.state == WorkerState.ERROR:
            reason = visible(str(event.worker.error))  # may quote article text or a file name
            self.status.say("The engine failed", reason)
            self.query_one(Sidebar).discrepancies.show_message("The engine failed: no discrepancies to show.")
            self.notify(f"The engine failed: {reason}", severity="error", markup=False, timeout=15)

    def apply_analysis(self, analysis: Analysis) -> None:
        """Show the engine's results: highlights, sidebar, status."""
        self.analysis = analysis
        self._edits_shown = None
        self._story_order = [list(story) for story in analysis.stories if story]
        self._stories = {article_id: story for story in self._story_order for article_id in story}
        self.rebuild_index()
        if analysis.problems:
            self.problems = [*self.problems, *analysis.problems]
            self.tell_problems(analysis.problems)
        self._sidebar_story = None
        shown = self.reading.shown
        if shown[: self.column_count] == self._first_shown and not self.story_discrepancies(self.story_of(shown[0])):
            self._start_where_there_is_something()
        self._layout_columns(self.size.width)  # as many columns as the story has articles, at most
        self.refresh_sidebar()
        self.refresh_marks()  # the highlights come with the analysis: not part of the reading
        self.status.say(*self._summary(), "] next mention · n same entity · d next discrepancy · ? help")
        # The analysis and its index live as long as the app: freeze them, or every full
        # collection rescans them all (100-200 ms at 1,000 articles, felt as a stutter on keys).
        gc.freeze()

    def rebuild_index(self) -> bool:
        """Build the reading index from the engine's output with the reader's links and
        mention edits applied; only when those changed. Cursors follow their mentions."""
        if self.analysis is None:
            return False
        from annotate.notes.reader_edits import with_reader_edits

        edits = self.annotator.mention_edits()
        if edits == self._edits_shown:
            return False
        self._edits_shown = edits
        edited = with_reader_edits(self.analysis, edits)
        self.index = ReadingIndex.build(self.articles, edited)
        # Per-article lookups, so switching stories never scans the whole corpus's findings.
        self._by_article: dict[str, list[Discrepancy]] = {}
        self._involving: dict[str, list[int]] = {}
        for n, d in enumerate(self.index.discrepancies):
            for article_id in {e.article for e in d.evidence}:
                self._by_article.setdefault(article_id, []).append(d)
            for article_id in {e.article for e in d.evidence} | set(d.values):
                self._involving.setdefault(article_id, []).append(n)
        self._corroborations = edited.corroborations
        self._corroborating: dict[str, list[int]] = {}
        for n, c in enumerate(edited.corroborations):
            for article_id in {e.article for e in c.evidence}:
                self._corroborating.setdefault(article_id, []).append(n)
        reading = self.reading
        followed = (self.index.mention_on(c.article, c.start, c.end, c.kind) for c in reading.cursors)
        entity = reading.entity if reading.entity in self.index.entity_mentions else None
        # Set without its watcher: the caller draws the marks for the new index anyway, and an
        # equal reading would keep the old index's mentions (the index finds a mention by identity).
        self.set_reactive(CorpusApp.reading, replace(reading, cursors=tuple(m for m in followed if m is not None), entity=entity))
        pending = self.annotator.link_from
        if pending is not None:
            self.annotator.link_from = self.index.mention_on(pending.article, pending.start, pending.end, pending.kind)
        return True

    def _summary(self) -> list[str]:
        parts = [plural(len(self.articles), "article")]
        stories = self.stories()
        if len(stories) > 1:
            story = self.story_of(self.reading.article)
            number = stories.index(story) + 1 if story in stories else "?"
            parts.append(f"story {number} of {len(stories)} ({plural(len(story), 'article')})")
        parts.append(plural(len(self._story_discrepancies), "discrepancy", "discrepancies"))
        return parts

    # -- stories and the sidebar -------------------------------------------

    def stories(self) -> list[list[str]]:
        """Every story (lists of article ids); one story of every article before the engine is done."""
        if not self.articles:
            return []
        return self._story_order or [self.story_of(self.articles[0].id)]

    def story_of(self, article_id: str) -> list[str]:
        """The article ids of the story holding ``article_id`` (all articles before the engine is done)."""
        return self._stories.get(article_id) or self._all_ids

    def story_discrepancies(self, story: list[str]) -> list[Discrepancy]:
        """The discrepancies between a story's articles, in reading order, dismissed ones hidden."""
        if self.analysis is None:
            return []
        found = sorted({n for a in story for n in self._involving.get(a, ())})
        return self.annotator.without_dismissed([self.index.discrepancies[n] for n in found])

    def _kept_to_story(self, reading: ReadingState) -> ReadingState:
        """``reading`` with the columns showing another story than the focused column's given articles of that story."""
        story = self.story_of(reading.article)
        members = set(story)
        visible = reading.shown[: self.column_count]
        if all(a in members for a in visible):
            return reading
        mates = iter([a for a in story if a not in visible])
        for column in range(self.column_count):
            if reading.shown[column] not in members:
                mate = next(mates, None)
                if mate is None:
                    break
                reading = reading.showing(column, mate)
        return reading

    def _switch_story(self, story: list[str], first: str | None = None, reading: ReadingState | None = None) -> None:
        """Show ``story`` (``first`` in the first column), with as many columns as it has articles;
        ``reading``: what else changes with it (drawn at once)."""
        reading = (reading or self.reading).showing(0, first or story[0])
        self._layout_columns(self.size.width, replace(reading, column=0))
        self.refresh_sidebar()

    def _start_where_there_is_something(self) -> None:
        """The first story with something to compare: discrepancies, else two articles or more."""
        stories = self.stories()
        story = next((s for s in stories if self.story_discrepancies(s)), None)
        story = story or next((s for s in stories if len(s) > 1), None)
        if story is not None and story is not self.story_of(self.reading.shown[0]):
            self._switch_story(story)

    def refresh_sidebar(self) -> None:
        """Fill the sidebar for the story of the focused article (only when it changed)."""
        if self.analysis is None:
            return
        story = self.story_of(self.reading.article)
        key = tuple(story)
        if key == self._sidebar_story:
            return
        self._sidebar_story = key
        members = set(story)
        ordered = [a.id for a in self.articles if a.id in members]
        self._story_discrepancies = self.story_discrepancies(story)
        agreed = sorted({n for a in story for n in self._corroborating.get(a, ())})
        corroborations = [self._corroborations[n] for n in agreed]
        from .widgets.coverage_table import coverage_rows

        sidebar = self.query_one(Sidebar)
        sidebar.discrepancies.fill(self._story_discrepancies, self.labels, self.annotator.verdict_marks())
        sidebar.entities.fill(self.index, ordered, self.labels)
        rows = coverage_rows(self._story_discrepancies, corroborations, ordered)
        width = sidebar.size.width or self.size.width
        # The articles on screen get the first coverage columns (a big story's rest share one).
        on_screen = [a for a in self.reading.shown[: self.column_count] if a in members]
        columns = on_screen + [a for a in ordered if a not in on_screen]  # a few on screen: a list is fine
        sidebar.coverage.fill(rows, columns, self.labels, self._coverage_styles(), width)
        sidebar.show_counts()

    def _coverage_styles(self) -> dict[str, str]:
        from .widgets.coverage_table import CONFLICTING, NOT_REPORTED, REPORTED

        colours = self.theme_variables
        return {
            REPORTED: colours.get("text-success", "green"),
            NOT_REPORTED: "dim",
            CONFLICTING: f"bold {colours.get('text-error', 'red')}",
        }

    # -- highlights ----------------------------------------------------

    def refresh_marks(self) -> None:
        """Recompute every visible pane's highlight spans from the layers and the reading.

        Called by ``watch_reading`` and ``watch_layers``; elsewhere only where what the marks
        are drawn from changes outside those (the index, the annotations, the theme, the
        number of columns)."""
        reading = self.reading
        current = reading.article
        match = reading.match
        for n, column in enumerate(self.columns):
            article_id = reading.shown[n]
            marks = Marks()
            cursor = reading.cursor(article_id) if article_id == current else None
            if cursor is not None:
                marks.cursor = (cursor.start, cursor.end)
            if reading.entity:
                marks.linked = [
                    (m.start, m.end)
                    for m in self.index.entity_mentions.get(reading.entity, [])
                    if m.article == article_id
                ]
            marks.evidence = [(e.start, e.end) for e in reading.evidence if e.article == article_id]
            marks.matches = [(m.start, m.end) for m in reading.matches if m.article == article_id]
            if match is not None and match.article == article_id:
                marks.current_match = (match.start, match.end)
            spans = article_spans(
                self.index.mentions(article_id),
                self._by_article.get(article_id, []),
                article_id,
                self.layers,
                marks,
                annotated=self.annotator.spans(article_id),
            )
            column.set_spans(spans)

    def restyle(self) -> None:
        """Repaint what takes its colours from the theme."""
        self._sidebar_story = None
        self.refresh_sidebar()
        self.refresh_legend()
        self.refresh_marks()  # the marks' colours: a theme is not part of the reading

    def refresh_legend(self) -> None:
        pane = self.query(ArticlePane).first()
        styles = {layer: pane.layer_style(layer) for layer in (*LAYERS, "annotated")}
        keys = {}
        for key in APP_KEYS:
            if key.id.startswith("layer."):
                first = (self.key_overrides.get(key.id) or key.keys).split(",")[0]
                keys[key.id.removeprefix("layer.")] = self.get_key_display(Binding(first, ""))
        self.query_one(Legend).show_layers(self.layers, styles, keys)

    # -- moving around ---------------------------------------------------

    def focus_column(self, column: int, reading: ReadingState | None = None) -> None:
        """Focus ``column``; ``reading``: what else changes with it (drawn at once)."""
        self.reading = replace(reading or self.reading, column=column)
        self.pane(column).focus()

    def action_focus_reader(self) -> None:
        self.focus_column(self.reading.column)

    def placed(self, article_id: str, reading: ReadingState, avoid: set[int] | None = None) -> tuple[int, ReadingState]:
        """The column for ``article_id`` and ``reading`` with it shown there.

        It goes in the column after the focused one, so what the reader was
        comparing with stays on screen. Another story's article brings its
        story at once (the number of columns follows the story).
        """
        visible = reading.shown[: self.column_count]
        if article_id in visible:
            return visible.index(article_id), reading
        story = self.story_of(article_id)
        if story is not self.story_of(reading.article):
            self._switch_story(story, first=article_id, reading=reading)  # columns never mix stories
            return self.reading.shown.index(article_id), self.reading
        avoid = avoid or set()
        order = [(reading.column + k) % self.column_count for k in range(1, self.column_count + 1)]
        column = next((c for c in order if c not in avoid), order[0])
        return column, reading.showing(column, article_id)

    def show_article(self, article_id: str) -> None:
        """Put an article in the focused column (or focus it where it is)."""
        reading = self.reading
        visible = reading.shown[: self.column_count]
        if article_id in visible:
            self.focus_column(visible.index(article_id))
            label = self.labels[article_id]
            self.status.say(f"{label} is already on screen, in column {visible.index(article_id) + 1}")
        elif self.story_of(article_id) is not self.story_of(reading.article):
            self.remember_place()
            self._switch_story(self.story_of(article_id), first=article_id)
            self.focus_column(0)
            self.status.say(*self._summary())
        else:
            self.focus_column(reading.column, reading.showing(reading.column, article_id))
        self.refresh_sidebar()

    def go_to(self, article_id: str, start: int, *, reading: ReadingState | None = None) -> ArticlePane:
        """Show and focus ``article_id`` scrolled to ``start``; ``reading``: what else changes
        with the move (a cursor, a match), drawn with it once."""
        column, reading = self.placed(article_id, reading or self.reading)
        self.focus_column(column, reading)
        pane = self.pane(column)
        pane.scroll_to_offset(start)
        return pane

    def _kinds(self) -> frozenset[str]:
        kinds = self.layers & set(MENTION_KINDS)
        return kinds or frozenset(MENTION_KINDS)

    def place_cursor(self, mention: Mention, reading: ReadingState | None = None) -> None:
        reading = (reading or self.reading).with_cursor(mention)
        entity = self.index.entity_of(mention)
        if entity is not None:
            reading = replace(reading, entity=entity)
        self.go_to(mention.article, mention.start, reading=reading)
        self.status.say(*self._describe(mention))

    def _describe(self, mention: Mention) -> list[str]:
        article = self.index.article(mention.article)
        title = f"{self.labels[article.id]}: {article.title}"
        if mention.kind == "entity" and mention.entity in self.index.entities:
            position, total = self.index.position_in_entity(mention)
            name = self.index.entities[mention.entity].name
            return [name, f"{position} of {total}", title]
        detail = mention.counts if mention.kind == "number" else mention.value if mention.kind == "date" else None
        speaker = self.index.entities.get(mention.speaker or "") if mention.kind == "quote" else None
        words = mention.text if len(mention.text) < 60 else mention.text[:57] + "…"
        return [
            f"{mention.kind} “{words}”",
            str(detail) if detail else "",
            f"said by {speaker.name}" if speaker else "",
            title,
        ]

    def action_mention(self, step: int) -> None:
        pane = self.pane(self.reading.column)
        article_id = self.reading.article
        cursor = self.reading.cursor(article_id)
        if cursor is not None and not pane.is_visible_offset(cursor.start):
            cursor = None  # the reader scrolled away: start from what is on screen
        offset = 0
        if cursor is None and pane.wrapped is not None:
            lines = pane.visible_lines()
            wrapped = pane.wrapped
            y = lines.start if step > 0 else min(lines.stop, len(wrapped.lines)) - 1
            offset = wrapped.lines[max(0, min(y, len(wrapped.lines) - 1))].start
            if step < 0:
                offset = wrapped.lines[max(0, min(y, len(wrapped.lines) - 1))].end
        mention = self.index.next_mention(article_id, cursor, offset, step, self._kinds())
        if mention is None:
            self.status.say("No more highlighted mentions this way in this article")
            return
        self.place_cursor(mention)

    def action_entity(self, step: int) -> None:
        article_id = self.reading.article
        cursor = self.reading.cursor(article_id)
        entity = self.index.entity_of(cursor) if cursor is not None else None
        entity = entity or self.reading.entity
        if entity is None:
            self.status.say("Put the cursor on a name first (] or click it), or pick one in the Entities tab")
            return
        found = self.index.step_entity(entity, cursor, step)
        if found is None:
            self.status.say("This name is not linked to other mentions")
            return
        if found[0].article != article_id:
            self.remember_place()
        self.place_cursor(found[0])

    def select_entity(self, entity_id: str) -> None:
        self.remember_place()
        reading = replace(self.reading, entity=entity_id)
        found = self.index.step_entity(entity_id, None, 1)
        if found is not None:
            self.place_cursor(found[0], reading)
        else:
            self.reading = reading

    def action_discrepancy(self, step: int) -> None:
        """The next (previous) discrepancy of this story; past its last, the next story's first."""
        if self.analysis is None:
            self.status.say("Still annotating…")
            return
        ids = [d.id for d in self._story_discrepancies]
        current = self.story_of(self.reading.article)
        selected = self.discrepancy(self.reading.discrepancy)
        if self.reading.discrepancy in ids:
            i = ids.index(self.reading.discrepancy) + step
        elif selected is not None and any(e.article in current for e in selected.evidence):
            # Dismissed (hidden) since it was selected: carry on from its place, not from the top.
            i = self._discrepancy_position if step > 0 else self._discrepancy_position - 1
        else:
            i = 0 if step > 0 else len(ids) - 1
        if 0 <= i < len(ids):
            self.select_discrepancy(ids[i])
            return
        stories = self.stories()
        here = next((n for n, s in enumerate(stories) if s is current), 0)
        for k in range(1, len(stories) + 1):
            story = stories[(here + k * step) % len(stories)]
            found = self.story_discrepancies(story)
            if not found:
                continue
            chosen = found[0] if step > 0 else found[-1]
            if story is current:
                note = "Back to the first" if step > 0 else "Back to the last"
            else:
                way = "Next" if step > 0 else "Previous"
                note = f"{way} story with discrepancies (story {stories.index(story) + 1} of {len(stories)})"
            self.select_discrepancy(chosen.id, note=note)
            return
        self.status.say("No discrepancies in any story")

    def discrepancy(self, discrepancy_id: str | None) -> Discrepancy | None:
        return next((d for d in self.index.discrepancies if d.id == discrepancy_id), None)

    def select_discrepancy(self, discrepancy_id: str, note: str = "") -> None:
        """Show every side of a discrepancy: one article of each side in the columns, scrolled to its evidence."""
        discrepancy = self.discrepancy(discrepancy_id)
        if discrepancy is None:
            return
        self.remember_place()
        reading = replace(self.reading, discrepancy=discrepancy_id, entity=None)
        involved = list(dict.fromkeys([*(e.article for e in discrepancy.evidence), *discrepancy.values]))
        self.show_evidence(discrepancy.evidence, involved, discrepancy, reading)
        from .widgets.discrepancy_list import kind_title, with_labels

        self.query_one(Sidebar).discrepancies.select_discrepancy(discrepancy_id)
        ids = [d.id for d in self._story_discrepancies]
        if discrepancy_id in ids:
            self._discrepancy_position = ids.index(discrepancy_id)
        position = f"{ids.index(discrepancy_id) + 1} of {len(ids)}" if discrepancy_id in ids else ""
        summary = with_labels(discrepancy.summary or discrepancy.subject, self.labels, discrepancy.values)
        self.status.say(note, "Discrepancy " + position, kind_title(discrepancy.kind), summary)

    def show_evidence(
        self, evidence: list[Evidence], involved: list[str], discrepancy: Discrepancy | None = None, reading: ReadingState | None = None
    ) -> None:
        """Put the involved articles in columns (one of each side first) and scroll each to its
        first evidence span; ``reading``: what else changes with it (drawn at once)."""
        from .sides import sides_first

        reading = replace(reading or self.reading, evidence=tuple(evidence))
        on_screen = reading.shown[: self.column_count]
        if discrepancy is not None:
            involved = sides_first(discrepancy, involved, on_screen, self.index.article_position)
        else:
            involved = sorted(involved, key=lambda a: (a not in on_screen, self.index.article_position(a)))
        if not involved:
            self.reading = reading
            return
        _, reading = self.placed(involved[0], reading)  # first, so the columns follow its story (and their number)
        used: set[int] = set()
        focus = None
        for article_id in involved[: self.column_count]:
            column, reading = self.placed(article_id, reading, avoid=used)
            used.add(column)
            focus = column if focus is None else focus
        reading = self._kept_to_story(reading)
        if focus is None:
            self.reading = reading
        elif self.query_one(Sidebar).has_focus_within:
            self.reading = replace(reading, column=focus)  # enter in the list: the list keeps the focus
        else:
            self.focus_column(focus, reading)
        for column in used:
            spans = [e for e in evidence if e.article == reading.shown[column]]
            if spans:
                self.pane(column).scroll_to_offset(min(e.start for e in spans), always=True)
        self.refresh_sidebar()

    # -- what the reader points at (annotations attach to it) ----------------

    def focused_article(self) -> Article | None:
        article_id = self.reading.article
        return self.index.article(article_id) if article_id is not None else None

    def search_match(self, article_id: str) -> tuple[int, int] | None:
        """The current search match's span, when it is in ``article_id``."""
        match = self.reading.match
        if match is not None and match.article == article_id and match.end > match.start:
            return match.start, match.end
        return None

    def top_offset(self) -> int | None:
        """The first words on screen in the focused column."""
        pane = self.pane(self.reading.column)
        wrapped = pane.wrapped
        if wrapped is None or not wrapped.lines:
            return None
        y = min(pane.visible_lines().start, len(wrapped.lines) - 1)
        offset = wrapped.lines[y].start
        text = wrapped.text
        while offset < len(text) and text[offset].isspace():
            offset += 1
        return offset if offset < len(text) else None

    def discrepancy_in_focus(self) -> Discrepancy | None:
        """The discrepancy highlighted in the sidebar's list when it has focus, else the selected one."""
        from textual.widgets import OptionList

        focused = self.focused
        if isinstance(focused, OptionList) and focused.id == "discrepancies" and focused.highlighted is not None:
            option = focused.get_option_at_index(focused.highlighted)
            if option.id:
                return self.discrepancy(option.id)
        return self.discrepancy(self.reading.discrepancy)

    # -- annotation keys: the Annotator does the work --------------------------

    def action_note(self) -> None:
        self.annotator.note()

    def action_tags(self) -> None:
        self.annotator.tags()

    def action_verdict(self, kind: str) -> None:
        self.annotator.verdict(kind)

    def action_toggle_dismissed(self) -> None:
        self.annotator.toggle_dismissed()

    def action_link(self) -> None:
        self.annotator.link()

    def action_add_mention(self) -> None:
        self.annotator.add_mention()

    def action_remove_mention(self) -> None:
        self.annotator.remove_mention()

    def action_undo(self) -> None:
        self.annotator.undo()

    def action_redo(self) -> None:
        self.annotator.redo()

    def action_annotations(self) -> None:
        self.annotator.show_list()

    def action_save(self) -> None:
        self.annotator.save()

    async def action_quit(self) -> None:
        self.annotator.quit()

    @on(Annotator.Changed)
    def show_annotations(self, event: Annotator.Changed) -> None:
        """Links and mention edits change what n / ] visit and the findings; notes change the marks."""
        if self.analysis is not None:
            self.rebuild_index()
            self._sidebar_story = None  # the discrepancy list is rebuilt (verdicts, dismissed ones)
            self.refresh_sidebar()
        self.refresh_marks()  # the reader's annotations are marked too: not part of the reading
        if event.message:
            self.status.say(event.message)

    # -- the jump list ----------------------------------------------------

    def _here(self) -> Place | None:
        article_id = self.reading.article
        if article_id is None or self.pane(self.reading.column).article is None:
            return None
        top = self.pane(self.reading.column).top_offset()
        return Place(article_id, top or 0)

    def remember_place(self) -> None:
        """Called before a jump, so ctrl+o comes back here."""
        here = self._here()
        if here is not None:
            self.jumps.record(here)

    def action_jump(self, step: int) -> None:
        here = self._here()
        place = (self.jumps.back(here) if here else None) if step < 0 else self.jumps.forward()
        if place is None:
            self.status.say("No earlier place to go back to" if step < 0 else "No later place to go forward to")
            return
        column, reading = self.placed(place.article, self.reading)
        self.focus_column(column, reading)
        self.pane(column).scroll_to_top_offset(place.offset)
        self.status.say("Back" if step < 0 else "Forward", f"{self.labels[place.article]}: {self.index.article(place.article).title}")

    # -- search ----------------------------------------------------------

    def action_search(self) -> None:
        self.query_one(SearchBar).open()

    @on(SearchBar.Submitted, "#search")
    def run_search(self, event: SearchBar.Submitted) -> None:
        query = event.value
        reading = replace(self.reading, matches=tuple(find_all(self.articles, query)), match_index=-1)
        self.query_one(SearchBar).remove_class("-open")
        if not reading.matches:
            self.status.say(f"No match for “{query}”")
            self.focus_column(reading.column, reading)
            return
        self._to_match(reading, 1)

    def action_match(self, step: int) -> None:
        self._to_match(self.reading, step)

    def _to_match(self, reading: ReadingState, step: int) -> None:
        """The next (previous) match of ``reading``'s search."""
        if not reading.matches:
            self.status.say("No search yet: press / to search")
            return
        reading = replace(reading, match_index=(reading.match_index + step) % len(reading.matches))
        match = reading.matches[reading.match_index]
        if match.article != reading.article:
            self.remember_place()
        # A match inside a mention puts the cursor there, so n / N can follow it at once.
        mention = self.index.mention_at(match.article, match.start, self._kinds())
        if mention is not None:
            reading = reading.with_cursor(mention)
        self.go_to(match.article, match.start, reading=reading)
        article = self.index.article(match.article)
        self.status.say(
            f"“{self.query_one(SearchBar).value}”",
            f"match {reading.match_index + 1} of {len(reading.matches)}",
            f"{self.labels[article.id]}: {article.title}",
        )

    # -- toggles and views ---------------------------------------------------

    def action_layer(self, layer: str) -> None:
        self.layers = self.layers ^ {layer}
        state = "on" if layer in self.layers else "off"
        self.status.say(f"{LAYER_LABELS[layer].capitalize()} highlights {state}")

    def watch_layers(self) -> None:
        self.refresh_legend()
        self.refresh_marks()  # which highlights are on is not part of the reading

    def action_sync_scroll(self) -> None:
        self.sync_scroll = not self.sync_scroll
        self.status.say(f"Scroll panes in step: {'on' if self.sync_scroll else 'off'}")

    @on(ArticlePane.Scrolled)
    def keep_in_step(self, event: ArticlePane.Scrolled) -> None:
        if not self.sync_scroll or self._syncing:
            return
        source = event.pane
        fraction = source.scroll_y / source.max_scroll_y if source.max_scroll_y else 0.0
        self._syncing = True
        try:
            for column in self.columns:
                if column.pane is not source:
                    column.pane.scroll_to(y=round(fraction * column.pane.max_scroll_y), animate=False, immediate=True)
        finally:
            self.call_after_refresh(setattr, self, "_syncing", False)

    def action_pane(self, step: int) -> None:
        """The next column left or right; past the last column, the sidebar (when it is shown)."""
        sidebar = self.query_one(Sidebar)
        stops = self.column_count + (1 if sidebar.built and not sidebar.has_class("-hidden") else 0)
        here = self.column_count if sidebar.has_focus_within else self.reading.column
        target = (here + step) % stops
        if target == self.column_count:
            sidebar.focus_list()
        else:
            self.focus_column(target)

    def action_move(self, where: str) -> None:
        """j/k/g/G and ctrl+d/ctrl+u: the arrow, home and end keys of whatever has focus."""
        focused = self.focused
        if isinstance(focused, ArticlePane) and where in ("half_down", "half_up"):
            half = max(1, focused.scrollable_content_region.height // 2)
            focused.scroll_relative(y=half if where == "half_down" else -half, animate=False, immediate=True)
            return
        key = {"half_down": "pagedown", "half_up": "pageup"}.get(where, where)
        self.simulate_key(key)

    def action_copy(self) -> None:
        """Copy what the reader is looking at: the finding in the sidebar, the quote or mention
        under the cursor, the search match, or the selected finding."""
        from .copying import finding_text, mention_text

        focused_list = self.focused if self.query_one(Sidebar).has_focus_within else None
        discrepancy = self.discrepancy_in_focus() if focused_list is not None else None
        article_id = self.reading.article
        cursor = self.reading.cursor(article_id)
        match = self.search_match(article_id) if article_id else None
        if discrepancy is not None:
            what, text = "the finding", finding_text(discrepancy, self.labels, self.index)
        elif cursor is not None:
            what, text = f"the {cursor.kind}", mention_text(cursor, self.index)
        elif match is not None:
            what, text = "the match", mention_text(None, self.index, article_id, *match)
        elif self.discrepancy(self.reading.discrepancy) is not None:
            what, text = "the finding", finding_text(self.discrepancy(self.reading.discrepancy), self.labels, self.index)
        else:
            self.status.say("Nothing to copy: select a finding (d), put the cursor on a quote or name (]), or search (/)")
            return
        self.copy_to_clipboard(text)
        self.status.say(f"Copied {what} to the clipboard", " ".join(text.split())[:100])

    def action_swap_article(self, step: int) -> None:
        """Show the next/previous article of this story not already on screen in the focused column."""
        reading = self.reading
        ids = self.story_of(reading.article)
        visible = set(reading.shown[: self.column_count])
        i = ids.index(reading.article)
        for k in range(1, len(ids)):
            candidate = ids[(i + k * step) % len(ids)]
            if candidate not in visible:
                self.show_article(candidate)
                return
        more = f" ({self._key_for('story.next')} for the next story)" if len(self.stories()) > 1 else ""
        self.status.say("Every article of this story is already on screen" + more)

    def action_story(self, step: int) -> None:
        """Fill the columns with the next/previous story's articles (stories group articles about one event)."""
        stories = self.stories() if self.analysis else []
        if len(stories) < 2:
            self.status.say("All articles are one story" if self.analysis else "Still annotating…")
            return
        current = self.story_of(self.reading.article)
        i = next((n for n, s in enumerate(stories) if s is current), -1)
        self.remember_place()
        self._switch_story(stories[(i + step) % len(stories)], reading=replace(self.reading, discrepancy=None, evidence=()))
        self.focus_column(0)
        self.status.say(*self._summary())

    def action_articles(self) -> None:
        from .screens.articles import ArticlesScreen

        stories = self.analysis.stories if self.analysis else []
        reading = self.reading
        screen = ArticlesScreen(self.articles, self.labels, list(reading.shown[: self.column_count]), stories, reading.article)
        self.push_screen(screen, lambda article_id: article_id and self.show_article(article_id))

    def action_toggle_sidebar(self) -> None:
        self.query_one(Sidebar).toggle_class("-hidden")
        self.column_count = 0  # force the columns to be laid out again
        self._layout_columns(self.size.width)

    def action_sidebar_view(self) -> None:
        sidebar = self.query_one(Sidebar)
        sidebar.remove_class("-hidden")
        self._layout_columns(self.size.width)
        sidebar.next_tab()

    def action_filter_list(self) -> None:
        sidebar = self.query_one(Sidebar)
        if not sidebar.built:
            self.status.say("The sidebar is still being built")
            return
        sidebar.remove_class("-hidden")
        self._layout_columns(self.size.width)
        if sidebar.tabs.active not in ("tab-discrepancies", "tab-entities"):
            sidebar.tabs.active = "tab-discrepancies"
        sidebar.query_one("#list-filter").open()

    def on_input_submitted(self, event) -> None:
        if event.input.id == "list-filter":
            event.stop()
            self.query_one(Sidebar).focus_list()

    def action_clear(self) -> None:
        self.annotator.link_from = None  # a pending link is cancelled too
        reading = self.reading.without_cursor(self.reading.article)
        self.reading = replace(reading, entity=None, discrepancy=None, evidence=(), matches=(), match_index=-1)
        self.status.say("Selection cleared")
        self.action_focus_reader()

    def action_copy_url(self) -> None:
        """The focused article's ``url`` to the clipboard, and on the status line to select by hand
        where the terminal does not pass the clipboard on."""
        article = self.index.article(self.reading.article)
        label = self.labels[article.id]
        if not article.url:
            self.status.say(f"{label}: no web address (no url in the file)")
            return
        self.copy_to_clipboard(article.url)
        self.status.say(f"{label}: copied", visible(article.url))

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        self.push_screen(HelpScreen(self.key_overrides))

    # -- problems --------------------------------------------------------------

    def tell_problems(self, problems: list[Problem]) -> None:
        """One toast for all of them (30 bad files must not be 30 toasts); p lists them."""
        keymap_problems = self.keymap_problems
        if problems:
            from .screens.problems import summary as problems_summary  # (not on the way to the first frame)

            severity = "error" if any(p.severity == "error" for p in problems) else "warning"
            self.notify(problems_summary(problems, self._key_for("problems.list")), severity=severity, markup=False, timeout=12)
        if keymap_problems and problems is self.problems:
            self.notify(keymap_problems[0] + (f" (and {len(keymap_problems) - 1} more: press p)" if len(keymap_problems) > 1 else ""),
                        severity="warning", markup=False, timeout=12)

    def _key_for(self, binding_id: str) -> str:
        key = next(k for k in all_keys() if k.id == binding_id)
        keys = self.key_overrides.get(binding_id) or key.keys
        return self.get_key_display(Binding(keys.split(",")[0].strip(), ""))

    def action_problems(self) -> None:
        from .screens.problems import ProblemsScreen

        if not (self.problems or self.keymap_problems):
            self.status.say("No problems: every file was read as it is")
            return
        self.push_screen(ProblemsScreen(self.problems, self.keymap_problems))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "search":  # a priority key: "/" typed into a text box or a dialog stays text
            return self.screen is self.screen_stack[0] and not _takes_text(self.focused)
        if action == "jump" and parameters == (1,):
            # ctrl+i is tab in most terminals: tab moves focus otherwise (and in dialogs, always).
            return self.jumps.can_go_forward and self.screen is self.screen_stack[0]
        return True

    def hidden_in_footer(self, binding: Binding) -> bool:
        """The footer shows "Problems" only when there are some (p still says so when there are none)."""
        return binding.action == "problems" and not (self.problems or self.keymap_problems)

    def get_system_commands(self, screen):
        """Textual's own palette commands, less those that are not about reading: its Keys panel
        (the help, ?, lists every key), Maximize and Screenshot."""
        for command in super().get_system_commands(screen):
            if command.title not in ("Keys", "Maximize", "Minimize", "Screenshot"):
                yield command

    # -- events --------------------------------------------------------------

    def on_key(self, event: Key) -> None:
        """Keys typed right after one that opens a text box (``/``, ``o``, ``a``...) go into it.

        Textual hands every queued key to the widget focused when it arrived,
        so a fast typist's next keys went to the article pane and came back
        here unused after the box opened. A printable key that reaches the app
        while a text box has focus was never seen by the box (it would have
        kept it): deliver it there, in order.
        """
        focused = self.focused
        if event.is_printable and _takes_text(focused):
            focused.post_message(Key(event.key, event.character))
            event.prevent_default()  # Textual's own key handler (the bindings) runs after this one otherwise

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        widget = event.widget
        if isinstance(widget, ArticlePane):
            for n, column in enumerate(self.columns):
                if column.pane is widget and n != self.reading.column:
                    self.reading = replace(self.reading, column=n)
                    self.refresh_sidebar()

    @on(ArticlePane.Clicked)
    def click_mention(self, event: ArticlePane.Clicked) -> None:
        article_id = event.pane.article.id if event.pane.article else None
        if article_id is None:
            return
        mention = self.index.mention_at(article_id, event.offset, self._kinds())
        if mention is not None:
            self.place_cursor(mention)

    # By handler name, not @on: the sidebar's widget classes are imported after the first paint.
    def on_option_list_option_selected(self, event) -> None:
        chosen = event.option.id
        if not chosen:
            return
        if event.option_list.id == "discrepancies":
            self.select_discrepancy(chosen)
        elif event.option_list.id == "entities":
            self.select_entity(chosen)

    def on_data_table_row_selected(self, event) -> None:
        if event.data_table.id != "coverage":
            return
        key = event.row_key.value or ""
        if key.startswith("d:"):
            self.select_discrepancy(key[2:])
            return
        row = self.query_one(Sidebar).coverage.rows_by_key.get(key)
        if row is not None:
            self.remember_place()
            self.show_evidence(row.evidence, [e.article for e in row.evidence], reading=replace(self.reading, discrepancy=None))
            self.status.say("Reported alike", row.subject, f"marked in {plural(len({e.article for e in row.evidence}), 'article')}")


def _takes_text(widget) -> bool:
    """A text box has focus: printable keys are typing, not commands."""
    from .text_boxes import takes_text

    return takes_text(widget)
