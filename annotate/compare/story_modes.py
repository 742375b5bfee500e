"""How articles are grouped into stories: the user's choice (``--stories``).

``auto`` leaves it to the engine (``annotate.compare.stories.group_stories``, by what the
articles report); ``one`` and ``folders`` are stories the user gives. Light to
import (the command line's options come from here before any engine code loads).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Literal

from annotate.corpus.article import Article

StoryMode = Literal["auto", "one", "folders"]
STORY_MODES: tuple[str, ...] = ("auto", "one", "folders")


def given_stories(mode: StoryMode, articles: Sequence[Article], paths: Sequence[str | Path] = ()) -> list[list[str]] | None:
    """The stories the user gave: ``one``, every article in one story; ``folders``, each
    subfolder of a folder in ``paths`` is a story (see ``folder_stories``). None for
    ``auto``: the engine groups the articles by what they report (``annotate.compare.stories.group_stories``)."""
    if mode == "one":
        return [[a.id for a in articles]] if articles else []
    if mode == "folders":
        return folder_stories(articles, paths)
    if mode != "auto":
        raise ValueError(f"unknown story mode {mode!r} (expected one of {', '.join(STORY_MODES)})")
    return None


def folder_stories(articles: Sequence[Article], paths: Sequence[str | Path]) -> list[list[str]]:
    """One story per subfolder of each folder in ``paths`` (with everything below it).
    Articles directly in a given folder, or given as files, are grouped by the folder
    they are in. Stories in corpus order."""
    folders = [Path(p) for p in paths if Path(p).is_dir()]
    groups: dict[tuple[str, str], list[str]] = {}
    for article in articles:
        path = Path(article.path)
        key = (str(path.parent), "")
        for folder in folders:
            if path.is_relative_to(folder):
                parts = path.relative_to(folder).parts
                key = (str(folder), parts[0] if len(parts) > 1 else "")
                break
        groups.setdefault(key, []).append(article.id)
    return list(groups.values())
