"""The footer: the keys of the screen in one line, drawn by one widget.

Textual's Footer mounts a widget per key, each styled by the stylesheet on its
own; with a dozen keys that was about 30 ms of the first frame (the article
text waits for it), and its rebuild when focus moved cost more than the rest
of an ``n`` press. This one draws the same line itself, redraws only when the
keys it shows change, and runs a key's action when it is clicked, as
Textual's does.
"""

from __future__ import annotations

from typing import NamedTuple

from rich.text import Text
from textual import events
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget


class _Shown(NamedTuple):
    key: str  # the Textual key name, for simulate_key
    display: str  # what the footer shows ("^q")
    description: str
    enabled: bool


class ReaderFooter(Widget):
    ALLOW_SELECT = False
    COMPONENT_CLASSES = {
        "reader-footer--key",
        "reader-footer--description",
        "reader-footer--hover",
        "reader-footer--separator",
    }
    DEFAULT_CSS = """
    ReaderFooter {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        & > .reader-footer--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .reader-footer--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        & > .reader-footer--hover {
            background: $block-hover-background;
        }
        & > .reader-footer--separator {
            color: $foreground 20%;
        }
    }
    """

    # Reactive: the line is redrawn when the keys it shows, or the one under the mouse, change.
    keys: reactive[tuple[_Shown, ...]] = reactive(())
    palette: reactive[_Shown | None] = reactive(None)
    hover: reactive[_Shown | None] = reactive(None)

    def __init__(self) -> None:
        super().__init__()
        self._regions: list[tuple[int, int, _Shown]] = []  # (first cell, end cell, key), as last drawn

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: Screen) -> None:
        if screen is not self.screen:
            return
        app = self.app
        keys: list[_Shown] = []
        palette = None
        seen_actions: set[str] = set()
        hidden = getattr(app, "hidden_in_footer", lambda binding: False)  # the app's say, when it has one
        for key, (_node, binding, enabled, _tooltip) in screen.active_bindings.items():
            if key == app.COMMAND_PALETTE_BINDING and app.ENABLE_COMMAND_PALETTE:
                palette = _Shown(binding.key, app.get_key_display(binding), binding.description, enabled)
            elif binding.show and binding.action not in seen_actions and not hidden(binding):
                seen_actions.add(binding.action)  # an action bound to two keys is shown once, as Footer does
                keys.append(_Shown(binding.key, app.get_key_display(binding), binding.description, enabled))
        self.keys, self.palette = tuple(keys), palette

    def render(self) -> Text:
        key_style = self.get_component_rich_style("reader-footer--key")
        description_style = self.get_component_rich_style("reader-footer--description")
        hover_style = self.get_component_rich_style("reader-footer--hover", partial=True)
        width = self.size.width
        right = Text(no_wrap=True, end="")
        if self.palette is not None:
            right.append("▏", self.get_component_rich_style("reader-footer--separator"))
            right.append_text(self._item(self.palette, key_style, description_style, hover_style, lead=""))
        line = Text(no_wrap=True, overflow="crop", end="")
        regions: list[tuple[int, int, _Shown]] = []
        room = width - right.cell_len
        for shown in self.keys:
            item = self._item(shown, key_style, description_style, hover_style)
            if line.cell_len + item.cell_len > room:
                break  # what does not fit is left out whole, not cut in the middle
            regions.append((line.cell_len, line.cell_len + item.cell_len, shown))
            line.append_text(item)
        if self.palette is not None:
            line.append(" " * max(0, room - line.cell_len))
            start = line.cell_len + 1  # after the separator
            regions.append((start, start + right.cell_len - 1, self.palette))
            line.append_text(right)
        self._regions = regions
        return line

    def _item(self, shown: _Shown, key_style, description_style, hover_style, lead: str = " ") -> Text:
        """" ^q Quit ": the key, then its description, as Textual's Footer draws them."""
        item = Text.assemble((f"{lead}{shown.display} ", key_style), (f"{shown.description} ", description_style))
        if shown == self.hover:
            item.stylize(hover_style)
        if not shown.enabled:
            item.stylize("dim")
        return item

    def _at(self, x: int) -> _Shown | None:
        return next((shown for start, end, shown in self._regions if start <= x < end), None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self.hover = self._at(event.x)

    def on_leave(self, event: events.Leave) -> None:
        self.hover = None

    def on_mouse_down(self, event: events.MouseDown) -> None:
        shown = self._at(event.x)
        if shown is None:
            return
        if shown.enabled:
            self.app.simulate_key(shown.key)
        else:
            self.app.bell()
