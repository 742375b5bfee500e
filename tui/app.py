"""The reader's composition root: articles side by side, highlights, a sidebar of discrepancies.

Start-up shows the text at once (loading a corpus needs no spaCy); the engine
runs in a thread worker and ``apply_analysis`` fills in the highlights and the
sidebar when it is done. What the reader looks at is one ``ReadingState`` (the
``reading`` reactive): set it, and its watcher shows the columns' articles,
draws the marks and has the sidebar show the focused story.

The work is done by objects the app holds, each owning its state:

- ``column_layout`` (``layout.py``): the article columns, how many fit, the sidebar's width;
- ``navigator`` (``navigation.py``): mentions, entities, discrepancies, stories, the jump list;
- ``search`` (``search.py``): ``/`` and the matches;
- ``annotator`` (``annotation_ui.py``): the reader's notes, verdicts, links and saving;
- ``stories`` (``stories.py``): which articles make each story, and each one's findings.

The actions here only hand each key to one of them; the widgets draw.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.reactive import var
from textual.events import DescendantFocus, Key, Resize
from textual.worker import Worker, WorkerState

from annotate.corpus.labels import article_labels
from annotate.corpus.safe_text import visible

from .annotation_ui import Annotator, annotation_bindings
from .keymap import APP_KEYS, all_keys, app_bindings, load_keymap
from .layout import MAX_COLUMNS, ColumnLayout
from .navigation import Navigator
from .reading_state import ReadingState
from .search import Search
from .stories import Stories
from .widgets.article_column import ArticleColumn
from .widgets.article_pane import ArticlePane
from .widgets.highlights import LAYER_LABELS, LAYERS, article_spans
from .widgets.legend import Legend
from .widgets.reader_footer import ReaderFooter
from .widgets.reading_index import ReadingIndex
from .widgets.search_bar import SearchBar
from .widgets.sidebar import Sidebar
from .widgets.status_line import StatusLine
from .words import plural

if TYPE_CHECKING:  # the engine's classes load after the first screen (annotate.corpus.article)
    from annotate.corpus.article import Article, Problem
    from annotate.model import Analysis, Discrepancy, Mention

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
        self.story_map = Stories([a.id for a in self.articles])  # one story of every article until the engine groups them
        self._edits_shown: list | None = None  # the reader's edits the index was built with
        self.column_layout = ColumnLayout(self)
        self.navigator = Navigator(self)
        self.search = Search(self)
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

    # -- the screen ----------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Legend(id="legend")
        with Horizontal(id="body"):
            with Horizontal(id="columns"):
                yield from self.column_layout.first_columns(self.size.width)
            self.sidebar = Sidebar(id="sidebar")
            yield self.sidebar
        self.status = StatusLine(id="status")
        yield self.status
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
        self.column_layout.lay_out(self.size.width)
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
        await self.sidebar.build()
        # After the sidebar's frame too: importing spaCy in the worker holds the GIL in long
        # stretches, which would hold up the thread that writes frames to the terminal.
        self.call_after_refresh(self.run_engine)

    @property
    def columns(self) -> list[ArticleColumn]:
        """The article columns on screen."""
        return self.column_layout.columns

    @property
    def column_count(self) -> int:
        return self.column_layout.count

    def pane(self, column: int) -> ArticlePane:
        return self.columns[column].pane

    def on_resize(self, event: Resize) -> None:
        self.column_layout.lay_out(event.size.width)

    def watch_sidebar_cells(self) -> None:
        self.column_layout.lay_out(self.size.width)
        self.sidebar.forget_story()
        self.call_after_refresh(self.refresh_sidebar)  # the coverage table sizes its columns to the new width

    def watch_reading(self) -> None:
        """A new reading: the columns show their articles (those not already shown), then the
        marks; the sidebar follows the focused story."""
        shown = self.reading.shown
        for n, column in enumerate(self.columns):
            article = column.pane.article
            if article is None or article.id != shown[n]:
                self.column_layout.show_in_column(n, shown[n])
        self.refresh_marks()
        self.refresh_sidebar()

    def watch_layers(self) -> None:
        self.refresh_legend()
        self.refresh_marks()  # which highlights are on is not part of the reading

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
            self.sidebar.discrepancies.show_message("The engine failed: no discrepancies to show.")
            self.notify(f"The engine failed: {reason}", severity="error", markup=False, timeout=15)

    def apply_analysis(self, analysis: Analysis) -> None:
        """Show the engine's results: highlights, sidebar, status."""
        self.analysis = analysis
        self._edits_shown = None
        self.story_map.group(analysis.stories)
        self.rebuild_index()
        if analysis.problems:
            self.problems = [*self.problems, *analysis.problems]
            self.tell_problems(analysis.problems)
        self.sidebar.forget_story()
        shown = self.reading.shown
        if shown[: self.column_count] == self._first_shown and not self.story_discrepancies(self.story_of(shown[0])):
            self.navigator.start_where_there_is_something()
        self.column_layout.lay_out(self.size.width)  # as many columns as the story has articles, at most
        self.refresh_sidebar()
        self.refresh_marks()  # the highlights come with the analysis: not part of the reading
        self.status.say(*self.summary(), "] next mention · n same entity · d next discrepancy · ? help")
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
        self.story_map.index_findings(self.index.discrepancies, edited.corroborations)
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

    def summary(self) -> list[str]:
        """The status line's summary: articles, which story, its discrepancies."""
        parts = [plural(len(self.articles), "article")]
        stories = self.stories()
        if len(stories) > 1:
            story = self.story_of(self.reading.article)
            number = stories.index(story) + 1 if story in stories else "?"
            parts.append(f"story {number} of {len(stories)} ({plural(len(story), 'article')})")
        parts.append(plural(len(self.sidebar.story_discrepancies), "discrepancy", "discrepancies"))
        return parts

    # -- stories and the sidebar -------------------------------------------

    def stories(self) -> list[list[str]]:
        """Every story (lists of article ids); one story of every article before the engine is done."""
        return self.story_map.all()

    def story_of(self, article_id: str) -> list[str]:
        """The article ids of the story holding ``article_id`` (all articles before the engine is done)."""
        return self.story_map.story_of(article_id)

    def story_discrepancies(self, story: list[str]) -> list[Discrepancy]:
        """The discrepancies between a story's articles, in reading order, dismissed ones hidden."""
        if self.analysis is None:
            return []
        return self.annotator.without_dismissed(self.story_map.discrepancies_of(story))

    def refresh_sidebar(self) -> None:
        """Have the sidebar show the story of the focused article (it fills its tabs only when that changed)."""
        if self.analysis is None:
            return
        story = self.story_of(self.reading.article)
        if self.sidebar.shows(story):
            return
        members = set(story)
        ordered = [a.id for a in self.articles if a.id in members]
        on_screen = [a for a in self.reading.shown[: self.column_count] if a in members]
        self.sidebar.show_story(
            story, ordered, on_screen, self.story_discrepancies(story), self.story_map.corroborations_of(story),
            self.index, self.labels, self.annotator.verdict_marks(),
        )

    # -- highlights ----------------------------------------------------

    def refresh_marks(self) -> None:
        """Recompute every visible pane's highlight spans from the layers and the reading.

        Called by ``watch_reading`` and ``watch_layers``; elsewhere only where what the marks
        are drawn from changes outside those (the index, the annotations, the theme, the
        number of columns)."""
        reading = self.reading
        entity_mentions = self.index.entity_mentions.get(reading.entity, []) if reading.entity else []
        for n, column in enumerate(self.columns):
            article_id = reading.shown[n]
            spans = article_spans(
                self.index.mentions(article_id),
                self.story_map.evidence_in(article_id),
                article_id,
                self.layers,
                reading.marks(article_id, entity_mentions),
                annotated=self.annotator.spans(article_id),
            )
            column.set_spans(spans)

    def restyle(self) -> None:
        """Repaint what takes its colours from the theme."""
        self.sidebar.forget_story()
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

    # -- moving around: the navigator does the work ----------------------------

    def focus_column(self, column: int, reading: ReadingState | None = None) -> None:
        """Focus ``column``; ``reading``: what else changes with it (drawn at once)."""
        self.reading = replace(reading or self.reading, column=column)
        self.pane(column).focus()

    def show_article(self, article_id: str) -> None:
        self.navigator.show_article(article_id)

    def go_to(self, article_id: str, start: int, *, reading: ReadingState | None = None) -> ArticlePane:
        return self.navigator.go_to(article_id, start, reading=reading)

    def place_cursor(self, mention: Mention, reading: ReadingState | None = None) -> None:
        self.navigator.place_cursor(mention, reading)

    def select_entity(self, entity_id: str) -> None:
        self.navigator.select_entity(entity_id)

    def select_discrepancy(self, discrepancy_id: str, note: str = "") -> None:
        self.navigator.select_discrepancy(discrepancy_id, note)

    def discrepancy(self, discrepancy_id: str | None) -> Discrepancy | None:
        return next((d for d in self.index.discrepancies if d.id == discrepancy_id), None)

    def action_focus_reader(self) -> None:
        self.focus_column(self.reading.column)

    def action_mention(self, step: int) -> None:
        self.navigator.mention(step)

    def action_entity(self, step: int) -> None:
        self.navigator.entity(step)

    def action_discrepancy(self, step: int) -> None:
        self.navigator.discrepancy(step)

    def action_story(self, step: int) -> None:
        self.navigator.story(step)

    def action_swap_article(self, step: int) -> None:
        self.navigator.swap_article(step)

    def action_jump(self, step: int) -> None:
        self.navigator.jump(step)

    def action_search(self) -> None:
        self.search.open()

    @on(SearchBar.Submitted, "#search")
    def run_search(self, event: SearchBar.Submitted) -> None:
        self.search.run(event.value)

    def action_match(self, step: int) -> None:
        self.search.step(step)

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
        return self.pane(self.reading.column).first_words_offset()

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
            self.sidebar.forget_story()  # the discrepancy list is rebuilt (verdicts, dismissed ones)
            self.refresh_sidebar()
        self.refresh_marks()  # the reader's annotations are marked too: not part of the reading
        if event.message:
            self.status.say(event.message, shrink=event.shrink)

    # -- toggles and views ---------------------------------------------------

    def action_layer(self, layer: str) -> None:
        self.layers = self.layers ^ {layer}
        state = "on" if layer in self.layers else "off"
        self.status.say(f"{LAYER_LABELS[layer].capitalize()} highlights {state}")

    def action_sync_scroll(self) -> None:
        self.sync_scroll = not self.sync_scroll
        self.status.say(f"Scroll panes in step: {'on' if self.sync_scroll else 'off'}")

    @on(ArticlePane.Scrolled)
    def keep_in_step(self, event: ArticlePane.Scrolled) -> None:
        if self.sync_scroll:
            self.column_layout.keep_in_step(event.pane)

    def action_pane(self, step: int) -> None:
        self.column_layout.focus_step(step)

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
        from .copying import copy_pointed_at

        copy_pointed_at(self)

    def action_copy_url(self) -> None:
        from .copying import copy_url

        copy_url(self)

    def action_articles(self) -> None:
        from .screens.articles import ArticlesScreen

        stories = self.analysis.stories if self.analysis else []
        reading = self.reading
        screen = ArticlesScreen(self.articles, self.labels, list(reading.shown[: self.column_count]), stories, reading.article)
        self.push_screen(screen, lambda article_id: article_id and self.show_article(article_id))

    def action_sidebar_width(self, step: int) -> None:
        self.column_layout.widen_sidebar(step)

    def action_toggle_sidebar(self) -> None:
        self.column_layout.toggle_sidebar()

    def action_sidebar_view(self) -> None:
        self.column_layout.open_sidebar()
        self.sidebar.next_tab()

    def action_filter_list(self) -> None:
        if not self.sidebar.built:
            self.status.say("The sidebar is still being built")
            return
        self.column_layout.open_sidebar()
        self.sidebar.open_filter()

    def action_clear(self) -> None:
        self.annotator.link_from = None  # a pending link is cancelled too
        reading = self.reading.without_cursor(self.reading.article)
        self.reading = replace(reading, entity=None, discrepancy=None, evidence=(), matches=(), match_index=-1)
        self.status.say("Selection cleared")
        self.action_focus_reader()

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
            self.notify(problems_summary(problems, self.key_for("problems.list")), severity=severity, markup=False, timeout=12)
        if keymap_problems and problems is self.problems:
            self.notify(keymap_problems[0] + (f" (and {len(keymap_problems) - 1} more: press p)" if len(keymap_problems) > 1 else ""),
                        severity="warning", markup=False, timeout=12)

    def key_for(self, binding_id: str) -> str:
        """How the key of ``binding_id`` is shown (the reader's own from keys.toml, if any)."""
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
            return self.navigator.jumps.can_go_forward and self.screen is self.screen_stack[0]
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
                    self.reading = replace(self.reading, column=n)  # its watcher has the sidebar follow

    @on(ArticlePane.Clicked)
    def click_mention(self, event: ArticlePane.Clicked) -> None:
        article_id = event.pane.article.id if event.pane.article else None
        if article_id is None:
            return
        mention = self.index.mention_at(article_id, event.offset, self.navigator.kinds())
        if mention is not None:
            self.place_cursor(mention)

    def on_input_submitted(self, event) -> None:
        if event.input.id == "list-filter":
            event.stop()
            self.sidebar.go_to_filtered()

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
        row = self.sidebar.coverage.rows_by_key.get(key)
        if row is not None:
            self.navigator.remember_place()
            self.navigator.show_evidence(row.evidence, [e.article for e in row.evidence], reading=replace(self.reading, discrepancy=None))
            self.status.say("Reported alike", row.subject, f"marked in {plural(len({e.article for e in row.evidence}), 'article')}")


def _takes_text(widget) -> bool:
    """A text box has focus: printable keys are typing, not commands."""
    from .text_boxes import takes_text

    return takes_text(widget)
