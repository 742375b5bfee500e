"""What a loaded corpus is: ``Article`` (one loaded file) and ``Problem`` (a file, or an
article, that could not be used, and why).

Part of the engine's typed model (``annotate.model`` exports both with the engine's output),
in a module of its own because the reader shows the articles' text on its first screen:
loading a corpus imports only this, and the classes of the engine's findings (twenty more
dataclasses, ~10 ms of code generation) load after that screen is painted.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

# Each class's attribute docstrings are the field descriptions of the report's JSON Schema
# (``annotate.schema``): the contract is explained in the model, once.
DOCUMENTED = {"use_attribute_docstrings": True}


@dataclass(frozen=True, slots=True)
class Article:
    """One loaded file."""

    __pydantic_config__ = DOCUMENTED

    id: str
    """A slug of the file name, unique in the corpus."""
    path: str
    title: str
    text: str
    """The decoded file without its front matter; every offset points into it."""
    source: str | None = None
    """The outlet, from front matter or the file name."""
    published: dt.date | None = None
    url: str | None = None
    encoding: str = "utf-8"
    author: str | None = None


@dataclass(frozen=True, slots=True)
class Problem:
    """Something the loader or engine could not use, named so a user can fix it."""

    __pydantic_config__ = DOCUMENTED

    path: str
    message: str
    severity: Literal["warning", "error"] = "warning"

    def __str__(self) -> str:
        # File names and messages may carry terminal control codes: show them inert.
        from annotate.corpus.safe_text import visible

        return visible(f"{self.path}: {self.message}")
