"""Keys typed right after a dialog opens go into its text box.

A dialog focuses its box when it mounts, a moment after the key that opened
it. A fast typist's next keys arrive at the screen itself in that moment
(nothing has focus yet) and would be dropped. This puts them in the box.
"""

from __future__ import annotations

from textual import events
from textual.widgets import Input, TextArea


class TypeAhead:
    """Mix into a ``Screen``; ``typing_target()`` names the box that takes the keys."""

    def typing_target(self) -> Input | TextArea | None:
        raise NotImplementedError

    def on_key(self, event: events.Key) -> None:
        if not event.is_printable or self.focused is not None:  # type: ignore[attr-defined]
            return  # once something has focus, keys (and its bindings) are its own
        target = self.typing_target()
        if target is None:
            return
        event.stop()
        event.prevent_default()
        self.set_focus(target)  # type: ignore[attr-defined]  # at once, so the keys after this one follow
        if isinstance(target, Input):
            target.insert_text_at_cursor(event.character or "")
        else:
            target.insert(event.character or "")
