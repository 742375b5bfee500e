"""Run the engine in a separate process, for the app.

spaCy's work is CPU-bound Python: in a thread of the app it competes with
the UI for the interpreter lock, so the first screen paints later and keys
lag while a large corpus is annotated; and a thread cannot be stopped, so
quitting would wait for the engine. In its own process the engine leaves the
UI alone, and is simply terminated when the reader quits. A cached result is
read in the calling process first: no process, no spaCy.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Sequence

from .engine import Progress, analyse
from .model import Analysis, Article

_POLL = 0.05  # seconds between checks that the caller still wants the result


def analyse_in_background(
    articles: Sequence[Article],
    model: str | None = None,
    progress: Progress | None = None,
    *,
    use_cache: bool = True,
    cancelled: Callable[[], bool] = lambda: False,
) -> Analysis | None:
    """``analyse()`` in a child process; blocks until done (call it from a worker thread).

    ``progress`` is called in this process as articles are done; when
    ``cancelled()`` turns true the child is terminated and None returned.
    """
    if use_cache:
        from .cache import EngineCache

        cached = EngineCache(model).load_analysis(articles)
        if cached is not None:
            if progress:
                progress(len(articles), len(articles))
            return cached
    # spawn, not fork: the caller runs threads (the UI), which fork would copy half-way.
    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(
        target=_run, args=(list(articles), model, use_cache, sender), daemon=True, name="corpus-tui engine"
    )
    child.start()
    sender.close()
    try:
        while not cancelled():
            if not receiver.poll(_POLL):
                if not child.is_alive() and not receiver.poll(0):
                    raise RuntimeError(f"the engine process stopped unexpectedly (exit code {child.exitcode})")
                continue
            kind, payload = receiver.recv()
            if kind == "progress":
                if progress:
                    progress(*payload)
            elif kind == "error":
                raise payload
            else:
                return payload
        return None
    finally:
        receiver.close()
        if child.is_alive():
            child.terminate()
        child.join(timeout=2)


def _run(articles: list[Article], model: str | None, use_cache: bool, sender) -> None:
    try:
        analysis = analyse(
            articles, model, lambda done, total: sender.send(("progress", (done, total))), use_cache=use_cache
        )
    except Exception as error:  # shown to the reader by the app, so keep its message
        try:
            sender.send(("error", error))
        except Exception:  # an exception that cannot be pickled
            sender.send(("error", RuntimeError(f"{type(error).__name__}: {error}")))
        return
    sender.send(("done", analysis))
