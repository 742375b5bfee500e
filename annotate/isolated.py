"""Annotate one article in a child process: ``python -m annotate.isolated``.

The parent writes a pickled ``(article, model)`` on the child's stdin and
reads back the mentions as pickled slices (see ``workers._long_ones_apart``).
A plain subprocess, not multiprocessing: inside the app, whose standard
streams Textual has replaced, multiprocessing cannot start a process
("bad value(s) in fds_to_keep"), and forking a process that runs threads
can deadlock.
"""

from __future__ import annotations

import pickle
import subprocess
import sys

from dataclasses import replace

from annotate.model import Article, ArticleReading, Mention


class IsolatedError(RuntimeError):
    """The child failed; the message is its last line of error output."""


def annotate_apart(article: Article, model: str | None) -> ArticleReading:
    """What the pipeline read in the article, computed in a child process. Waiting
    holds nothing; the mentions come back in slices, each loaded apart (one load of a long
    article's mentions would hold the interpreter for a second)."""
    child = subprocess.run(
        [sys.executable, "-m", "annotate.isolated"],
        input=pickle.dumps((article, model), pickle.HIGHEST_PROTOCOL),
        capture_output=True,
    )
    if child.returncode != 0:
        lines = child.stderr.decode("utf-8", "replace").strip().splitlines() or [f"exit status {child.returncode}"]
        raise IsolatedError(lines[-1])
    slices, read = pickle.loads(child.stdout)
    mentions: list[Mention] = []
    for piece in slices:
        mentions.extend(pickle.loads(piece))
    return replace(read, mentions=mentions)


def main() -> None:
    from annotate.workers import annotate_to_slices

    article, model = pickle.loads(sys.stdin.buffer.read())
    sys.stdout.buffer.write(pickle.dumps(annotate_to_slices(article, model), pickle.HIGHEST_PROTOCOL))
    sys.stdout.buffer.flush()


if __name__ == "__main__":
    main()
