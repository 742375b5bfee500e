"""How often Python's cycle collector runs, set once by a command's entry point.

The engine builds ~10^5-10^6 small objects that live for a whole phase (spaCy's
vocabulary and rule tables, mentions, index entries, vectors). With the default
thresholds, every 700 allocations start a young collection and the older
generations are rescanned again and again as they grow: at 1,000 articles that
was 10-25% of the engine's time. None of these objects form reference cycles, so
collecting less often frees nothing later than reference counting already does.

This is a policy for a whole process, so library code never calls it: `corpus-tui`
(the app and every command), the annotation worker processes and the benchmarks
do, first thing. Measured at 1,000 generated articles, process CPU seconds for the
whole engine: 6.1-6.4 with the library freezing and pausing the collector itself
(before), 6.3-7.0 with the defaults, 5.8 with these thresholds.
"""

from __future__ import annotations

import gc

YOUNG_THRESHOLD = 50_000  # allocations between young collections (default 700)


def tune_for_batch_work() -> None:
    """Collect cycles less often: for a process that builds many long-lived objects."""
    gc.set_threshold(YOUNG_THRESHOLD, 20, 20)
