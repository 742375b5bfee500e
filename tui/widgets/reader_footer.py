"""The footer, redrawn only when the keys it shows change.

Textual's Footer rebuilds itself whenever focus moves. Following an entity
moves focus between columns on every ``n``, and the rebuild (a dozen widgets
mounted) cost more than the rest of the key press; the keys shown are the same.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class ReaderFooter(Footer):
    _shown: tuple | None = None

    def bindings_changed(self, screen: Screen) -> None:
        shown = tuple(
            (key, active.binding.action, active.binding.description, active.enabled)
            for key, active in screen.active_bindings.items()
            if active.binding.show
        )
        if shown == self._shown:
            return
        self._shown = shown
        super().bindings_changed(screen)
