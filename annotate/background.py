"""Run the engine in a separate process, for the app.

spaCy's work is CPU-bound Python: in a thread of the app it competes with
the UI for the interpreter lock, so the first screen paints later and keys
lag while a large corpus is annotated; and a thread cannot be stopped, so
quitting would wait for the engine. In its own process the engine leaves the
UI alone, and is simply terminated when the reader quits. A cached result is
read in the calling process first: no process, no spaCy.

The child is ``python -m annotate.background``; requests and replies are
length-prefixed pickles on its stdin and stdout. (Not ``multiprocessing``:
under Textual ``sys.stderr`` is no real file, which its spawn start-up needs.)
"""

from __future__ import annotations

import os
import pickle
import select
import struct
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from typing import BinaryIO

from .engine import Progress, analyse
from .model import Analysis, Article

_POLL = 0.05  # seconds between checks that the caller still wants the result
_HEADER = struct.Struct("!Q")


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
    Errors in the engine are raised here with their message.
    """
    if use_cache:
        from .cache import EngineCache

        cached = EngineCache(model).load_analysis(articles)
        if cached is not None:
            if progress:
                progress(len(articles), len(articles))
            return cached
    with tempfile.TemporaryFile() as errors:
        child = subprocess.Popen(
            [sys.executable, "-m", "annotate.background"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=errors, bufsize=0,
        )
        try:
            _send(child.stdin, (list(articles), model, use_cache))
            child.stdin.close()
            fd = child.stdout.fileno()
            while not cancelled():
                if not select.select([fd], [], [], _POLL)[0]:
                    continue
                message = _receive(fd)
                if message is None:
                    child.wait()
                    errors.seek(0)
                    detail = errors.read().decode("utf-8", "replace").strip().splitlines()[-1:]
                    raise RuntimeError(
                        f"the engine process stopped unexpectedly (exit code {child.returncode})"
                        + (f": {detail[0]}" if detail else "")
                    )
                kind, payload = message
                if kind == "progress":
                    if progress:
                        progress(*payload)
                elif kind == "error":
                    raise payload
                else:
                    return payload
            return None
        finally:
            if child.poll() is None:
                child.kill()
            child.wait()
            child.stdout.close()


def _send(stream: BinaryIO, message: object) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_HEADER.pack(len(data)))
    stream.write(data)
    stream.flush()


def _receive(fd: int) -> object | None:
    """One message, or None at end of stream."""
    header = _read_exactly(fd, _HEADER.size)
    if header is None:
        return None
    data = _read_exactly(fd, _HEADER.unpack(header)[0])
    return None if data is None else pickle.loads(data)


def _read_exactly(fd: int, size: int) -> bytes | None:
    chunks, left = [], size
    while left:
        chunk = os.read(fd, min(left, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _serve() -> None:
    """The child: read one request on stdin, answer on stdout."""
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing else may write into the reply stream
    request = _receive(stdin.fileno())
    if request is None:
        return
    articles, model, use_cache = request
    try:
        analysis = analyse(
            articles, model, lambda done, total: _send(stdout, ("progress", (done, total))), use_cache=use_cache
        )
    except Exception as error:  # shown to the reader by the app, so keep its message
        try:
            _send(stdout, ("error", error))
        except Exception:  # an exception that cannot be pickled
            _send(stdout, ("error", RuntimeError(f"{type(error).__name__}: {error}")))
        return
    _send(stdout, ("done", analysis))


if __name__ == "__main__":
    _serve()
