"""Which widgets take typed text, so printable keys there are typing, not commands.

``Input`` is on the way to the first screen anyway; ``TextArea`` costs ~45 ms to
import, so it is not imported here: the dialogs that show one register its class
when they are imported (before any TextArea can have focus).
"""

from __future__ import annotations

from textual.widget import Widget
from textual.widgets import Input

_TEXT_BOXES: set[type[Widget]] = {Input}


def register(widget_class: type[Widget]) -> None:
    """``widget_class`` takes typed text (called by the modules that show one)."""
    _TEXT_BOXES.add(widget_class)


def takes_text(widget: Widget | None) -> bool:
    return widget is not None and isinstance(widget, tuple(_TEXT_BOXES))
