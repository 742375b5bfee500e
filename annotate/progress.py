"""A progress bar on stderr for long runs of ``corpus-tui report``.

Only drawn when stderr is a terminal, so pipes and logs stay clean; only for
runs long enough to need one, so short runs print nothing extra. After the
last article it names the phase the engine is in (linking, stories,
comparing: seconds of their own at 1,000 articles), and ``close`` erases it.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

_DELAY = 0.5  # seconds before the bar appears: quick runs never show it
_WIDTH = 30
STAGES = {
    "link": "Linking names across articles…",
    "stories": "Grouping articles into stories…",
    "discrepancies": "Comparing the reports of each story…",
}


class TerminalProgress:
    """``progress(done, total)`` and ``stage(phase)`` callbacks for ``annotate.engine.analyse``."""

    def __init__(self, stream: TextIO, label: str = "Annotating", unit: str = "articles") -> None:
        self.stream, self.label, self.unit = stream, label, unit
        self.started = time.monotonic()
        self.shown = False
        self.last_drawn = 0.0

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done >= total:
            self.close()
            return
        if now - self.started < _DELAY or now - self.last_drawn < 0.1:
            return
        self.last_drawn = now
        filled = _WIDTH * done // max(total, 1)
        rate = done / (now - self.started)
        eta = (total - done) / rate if rate else 0.0
        bar = "█" * filled + "░" * (_WIDTH - filled)
        self._draw(f"{self.label} {bar} {done}/{total} {self.unit}  ~{eta:.0f}s left")

    def stage(self, phase: str) -> None:
        if time.monotonic() - self.started >= _DELAY:
            self._draw(STAGES.get(phase, phase))

    def close(self) -> None:
        """Erase what was drawn, if anything."""
        if self.shown:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()
            self.shown = False

    def _draw(self, line: str) -> None:
        self.shown = True
        self.stream.write(f"\r\x1b[2K{line}")
        self.stream.flush()


def terminal_progress(
    label: str = "Annotating", stream: TextIO | None = None, unit: str = "articles"
) -> TerminalProgress | None:
    """A progress bar on ``stream`` (stderr), or None when ``stream`` is not a terminal.
    The bar erases itself when ``done == total``; a phase line, on ``close``."""
    stream = stream or sys.stderr
    if not stream.isatty():
        return None
    return TerminalProgress(stream, label, unit)
