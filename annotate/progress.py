"""A progress bar on stderr for long runs of ``corpus-tui report``.

Only drawn when stderr is a terminal, so pipes and logs stay clean; only for
runs long enough to need one, so short runs print nothing extra.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

from .engine import Progress

_DELAY = 0.5  # seconds before the bar appears: quick runs never show it
_WIDTH = 30


def terminal_progress(label: str = "Annotating", stream: TextIO | None = None) -> Progress | None:
    """A ``progress(done, total)`` callback drawing a bar on ``stream`` (stderr), or None
    when ``stream`` is not a terminal. The bar erases itself when ``done == total``."""
    stream = stream or sys.stderr
    if not stream.isatty():
        return None
    started = time.monotonic()
    shown = False
    last_drawn = 0.0

    def progress(done: int, total: int) -> None:
        nonlocal shown, last_drawn
        now = time.monotonic()
        finished = done >= total
        if finished:
            if shown:
                stream.write("\r\x1b[2K")
                stream.flush()
            return
        if now - started < _DELAY or now - last_drawn < 0.1:
            return
        shown, last_drawn = True, now
        filled = _WIDTH * done // max(total, 1)
        rate = done / (now - started)
        eta = (total - done) / rate if rate else 0.0
        bar = "█" * filled + "░" * (_WIDTH - filled)
        stream.write(f"\r\x1b[2K{label} {bar} {done}/{total} articles  ~{eta:.0f}s left")
        stream.flush()

    return progress
