"""One article's text, wrapped to the pane's width, with highlights.

A Line-API ScrollView: only the lines on screen are rendered, wrapped lines are
cached per width, and highlight spans are bucketed per line, so a pane costs
the same for a 200-word article as for a 20,000-word one.
"""

from __future__ import annotations

from collections import defaultdict

from rich.style import Style
from rich.text import Text
from textual import events
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from annotate.corpus.article import Article

from .highlights import Span
from .wrapping import Wrapped, wrap

STYLE_NAMES = (
    "entity",
    "number",
    "quote",
    "date",
    "discrepancy",
    "annotated",
    "match",
    "linked",
    "evidence",
    "current-match",
    "cursor",
)


class ArticlePane(ScrollView, can_focus=True):
    """Shows one article; which one can change without rebuilding the widget."""

    COMPONENT_CLASSES = {f"article-pane--{name}" for name in STYLE_NAMES}

    DEFAULT_CSS = """
    ArticlePane {
        overflow-x: hidden;
        overflow-y: scroll;
        scrollbar-size-vertical: 1;
    }
    """

    class Clicked(Message):
        """The reader clicked a character of the article."""

        def __init__(self, pane: ArticlePane, offset: int) -> None:
            super().__init__()
            self.pane = pane
            self.offset = offset

    class Scrolled(Message):
        """The pane scrolled (used to keep panes in step)."""

        def __init__(self, pane: ArticlePane) -> None:
            super().__init__()
            self.pane = pane

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.article: Article | None = None
        self.body_start = 0
        self._wrapped: Wrapped | None = None
        self._spans_by_line: dict[int, list[Span]] = {}
        self._spans: list[Span] = []
        self._strips: LRUCache[int, Strip] = LRUCache(1024)
        self._styles: dict[str, Style] = {}
        # Wrapped text per (article id, width): going back to an article does not rewrap it.
        self._wraps: LRUCache[tuple[str, int, int], tuple[str, Wrapped]] = LRUCache(32)
        # (width, top line, base style) for one render pass: computing them walks the DOM, per line it dominated.
        self._frame: tuple[int, int, Style] | None = None
        self._kept_in_view: int | None = None  # an offset brought on screen on purpose (evidence, cursor)
        self._drawn_height = 0

    # -- content -------------------------------------------------------

    def show(self, article: Article, spans: list[Span] | None = None, body_start: int = 0) -> None:
        """Show ``article`` from its top (from ``body_start``: the title is in the header)."""
        self.article = article
        self.body_start = body_start
        self._wrapped = None
        self._kept_in_view = None
        self._spans = spans or []
        self._rewrap()
        self.scroll_to(y=0, animate=False, immediate=True)

    def set_body_start(self, body_start: int) -> None:
        """Start the text at ``body_start`` (the title moved into or out of the header),
        keeping the same words at the top, and on screen what was brought there on purpose."""
        if body_start == self.body_start or self.article is None:
            return
        keep = self._kept_in_view
        top = self.top_offset() if int(self.scroll_offset.y) else None  # at the top: stay there
        self.body_start = body_start
        self._rewrap()
        if top is not None and self._wrapped is not None:
            self.scroll_to(y=self._wrapped.line_of(max(top, body_start)), animate=False, immediate=True)
        if keep is not None and not self.is_visible_offset(keep):
            self.call_after_refresh(self.scroll_to_offset, keep, always=True)

    def set_spans(self, spans: list[Span]) -> None:
        """New highlights; only the lines whose spans changed are repainted."""
        before = self._spans_by_line
        self._spans = spans
        self._bucket_spans()
        after = self._spans_by_line
        changed = [y for y in before.keys() | after.keys() if before.get(y) != after.get(y)]
        if len(changed) > 50:
            self._strips.clear()
            self.refresh()
            return
        visible = self.visible_lines()
        for y in changed:
            self._strips.discard(y)
            if y in visible:
                self.refresh_line(y)

    @property
    def spans(self) -> list[Span]:
        """The highlights drawn in the text (``set_spans``)."""
        return self._spans

    @property
    def wrapped(self) -> Wrapped | None:
        return self._wrapped

    @property
    def text_width(self) -> int:
        return max(4, self.scrollable_content_region.width)

    def _rewrap(self) -> None:
        if self.article is None or not self.size.width:
            return  # not laid out yet: on_resize wraps once at the real width
        key = (self.article.id, self.text_width, self.body_start)
        source, wrapped = self._wraps.get(key, ("", None))
        if wrapped is None or source is not self.article.text:
            wrapped = wrap(self.article.text, self.text_width, self.body_start)
            self._wraps[key] = (self.article.text, wrapped)
        self._wrapped = wrapped
        self._bucket_spans()
        self._strips.clear()
        size = Size(self.text_width, len(self._wrapped.lines))
        if size != self.virtual_size:
            # The pane's box never depends on its text (overflow-y: scroll keeps the scrollbar
            # there), so a new length needs only the scrollbar updated, not a layout of the
            # whole screen, which the reactive would ask for (~30 ms on n to another article).
            self.set_reactive(ArticlePane.virtual_size, size)
            self._update_scrollbar(size)
        self.refresh()

    def _update_scrollbar(self, size: Size) -> None:
        """The vertical scrollbar and the scroll range for a new text length (public API only:
        overflow-y is always scroll, so the bar is always there and only its sizes change)."""
        bar = self.vertical_scrollbar
        bar.window_virtual_size = size.height
        bar.window_size = self.scrollable_content_region.height
        self.scroll_y = self.validate_scroll_y(self.scroll_y)

    def _bucket_spans(self) -> None:
        buckets: dict[int, list[Span]] = defaultdict(list)
        wrapped = self._wrapped
        if wrapped is not None:
            for span in self._spans:
                first = wrapped.line_of(span.start)
                last = wrapped.line_of(max(span.start, span.end - 1))
                for y in range(first, last + 1):
                    buckets[y].append(span)
        self._spans_by_line = dict(buckets)

    def on_resize(self, event: events.Resize) -> None:
        if self.article is None:
            return
        # What scroll_to_offset brought on screen (the marked evidence) stays on screen if it
        # still was: a narrower or shorter pane would otherwise leave it below the fold.
        keep = self._kept_in_view if self._was_in_view() else None
        if self._wrapped is None or self._wrapped.width != self.text_width:
            top = self.top_offset()  # the same text at the top after re-wrapping
            self._rewrap()
            if top is not None and self._wrapped is not None:
                self.scroll_to(y=self._wrapped.line_of(top), animate=False, immediate=True)
        if keep is not None and not self.is_visible_offset(keep):
            # After the layout: until then the scroll range is that of the old size.
            self.call_after_refresh(self.scroll_to_offset, keep, always=True)
        self._drawn_height = self.scrollable_content_region.height

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()
        self._strips.clear()

    # -- positions -----------------------------------------------------

    def top_offset(self) -> int | None:
        """The first character on screen."""
        if self._wrapped is None or not self._wrapped.lines:
            return None
        y = min(int(self.scroll_offset.y), len(self._wrapped.lines) - 1)
        return self._wrapped.lines[y].start

    def first_words_offset(self) -> int | None:
        """Where the first words on screen start (``top_offset`` past any spaces); None past the text."""
        offset = self.top_offset()
        if offset is None:
            return None
        text = self._wrapped.text
        while offset < len(text) and text[offset].isspace():
            offset += 1
        return offset if offset < len(text) else None

    def scroll_to_top_offset(self, offset: int) -> None:
        """Scroll so the line holding ``offset`` is the first on screen."""
        if self._wrapped is not None:
            self.scroll_to(y=self._wrapped.line_of(offset), animate=False, immediate=True)

    def _was_in_view(self) -> bool:
        """Whether the kept offset was on screen at the size before this resize."""
        if self._wrapped is None or self._kept_in_view is None:
            return False
        y = self._wrapped.line_of(self._kept_in_view)
        top = int(self.scroll_offset.y)
        return top <= y < top + self._drawn_height

    def line_of(self, offset: int) -> int:
        return self._wrapped.line_of(offset) if self._wrapped else 0

    def visible_lines(self) -> range:
        top = int(self.scroll_offset.y)
        return range(top, top + self.scrollable_content_region.height)

    def is_visible_offset(self, offset: int) -> bool:
        """On screen in the text (the title, drawn in the header, is not)."""
        return offset >= self.body_start and self.line_of(offset) in self.visible_lines()

    def scroll_to_offset(self, offset: int, *, always: bool = False) -> None:
        """Bring the line holding ``offset`` on screen, a third of the way down so the
        text around it shows. Unless ``always``, a line already well on screen stays put."""
        if self._wrapped is None:
            return
        self._kept_in_view = offset
        y = self._wrapped.line_of(offset)
        height = self.scrollable_content_region.height
        visible = self.visible_lines()
        if not always and visible.start + 1 <= y < visible.stop - 1:
            return
        self.scroll_to(y=max(0, y - height // 3), animate=False, immediate=True)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if round(old_value) != round(new_value):
            self.post_message(self.Scrolled(self))

    def on_click(self, event: events.Click) -> None:
        if self._wrapped is None:
            return
        offset = self._wrapped.offset_at(event.y + int(self.scroll_offset.y), event.x + int(self.scroll_offset.x))
        if offset is not None:
            self.post_message(self.Clicked(self, offset))

    # -- rendering -----------------------------------------------------

    def layer_style(self, name: str) -> Style:
        """A layer's style with only the properties it sets, so layers combine."""
        if name not in self._styles:
            component = f"article-pane--{name}"
            rules = self.get_component_styles(component)
            full = self.get_component_rich_style(component)
            self._styles[name] = (
                Style(
                    color=full.color if rules.has_rule("color") else None,
                    bgcolor=full.bgcolor if rules.has_rule("background") else None,
                )
                + rules.partial_rich_style.without_color
            )
        return self._styles[name]

    def render_lines(self, crop: Region) -> list[Strip]:
        self._frame = (self.scrollable_content_region.width, int(self.scroll_offset.y), self.rich_style)
        try:
            return super().render_lines(crop)
        finally:
            self._frame = None

    def render_line(self, y: int) -> Strip:
        frame = self._frame or (self.scrollable_content_region.width, int(self.scroll_offset.y), self.rich_style)
        width, top, base = frame
        index = top + y
        if self._wrapped is None or index >= len(self._wrapped.lines):
            return Strip.blank(width, base)
        strip = self._strips.get(index)
        if strip is None:
            strip = self._render_text_line(index, base)
            self._strips[index] = strip
        return strip.crop_extend(0, width, base)

    def _render_text_line(self, index: int, base: Style) -> Strip:
        assert self._wrapped is not None
        line = self._wrapped.lines[index]
        text = Text(self._wrapped.text[line.start : line.end], no_wrap=True, end="")
        for span in self._spans_by_line.get(index, ()):
            start = max(span.start, line.start) - line.start
            end = min(span.end, line.end) - line.start
            if end > start:
                text.stylize(self.layer_style(span.style), start, end)
        # The theme's colours under every character: Rich drops a Text's own style when it has
        # no spans, which left lines without a highlight in the terminal's default colours.
        return Strip(text.render(self.app.console)).apply_style(base)
