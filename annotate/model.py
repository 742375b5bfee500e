"""The engine's typed output: articles, mentions, entities, discrepancies.

Everything the engine produces is one of these small classes. The report
command serialises them (see README "Report JSON"), the app renders them.
Offsets are Unicode code points into ``Article.text``, end exclusive, so
``article.text[m.start:m.end] == m.text`` always holds.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

MentionKind = Literal["entity", "number", "quote", "date"]
MENTION_KINDS: tuple[str, ...] = ("entity", "number", "quote", "date")

DiscrepancyKind = Literal["name_variant", "role", "number", "date", "quote", "claim", "omission"]
DISCREPANCY_KINDS: tuple[str, ...] = (
    "name_variant",
    "role",
    "number",
    "date",
    "quote",
    "claim",
    "omission",
)
Severity = Literal["high", "medium", "low"]


@dataclass(frozen=True, slots=True)
class Article:
    """One loaded file. ``text`` is the decoded content without front matter."""

    id: str
    path: str
    title: str
    text: str
    source: str | None = None
    published: dt.date | None = None
    url: str | None = None
    encoding: str = "utf-8"
    author: str | None = None


@dataclass(frozen=True, slots=True)
class Problem:
    """Something the loader or engine could not use, named so a user can fix it."""

    path: str
    message: str
    severity: Literal["warning", "error"] = "warning"

    def __str__(self) -> str:
        # File names and messages may carry terminal control codes: show them inert.
        from .safe_text import visible

        return visible(f"{self.path}: {self.message}")


@dataclass(slots=True)
class Mention:
    """A span of an article the engine found: an entity, number, quote or date.

    ``value`` depends on ``kind``: for numbers an int/float, a ``[low, high]``
    list for ranges, or None for vague amounts ("thousands"); for dates an ISO
    string (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, or ``YYYY-Www`` for weeks) or
    None when it cannot be resolved; for quotes the quoted words without the
    marks; for entities the name without the role.
    """

    id: str
    article: str
    start: int
    end: int
    text: str
    kind: MentionKind
    label: str
    value: int | float | str | list[int | float] | None = None
    entity: str | None = None  # cross-article cluster id (Entity.id)
    speaker: str | None = None  # quotes: Entity.id of who said it
    role: str | None = None  # entities: title/role (before the name or in apposition)
    counts: str | None = None  # numbers: what is counted ("ambulances")
    qualifier: str | None = None  # numbers: "more than", "range", "vague", ...
    granularity: str | None = None  # dates: day | week | month | year | unresolved


@dataclass(slots=True)
class Entity:
    """A cluster of mentions of one real-world thing, across articles."""

    id: str
    name: str
    label: str
    mentions: list[str] = field(default_factory=list)  # Mention ids


@dataclass(frozen=True, slots=True)
class Evidence:
    article: str
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Discrepancy:
    """Where articles disagree (or one is silent), with evidence in each article."""

    id: str  # stable fingerprint of kind, subject and values
    kind: DiscrepancyKind
    subject: str
    summary: str
    severity: Severity
    values: dict[str, str]  # article id -> what that article says
    evidence: list[Evidence] = field(default_factory=list)


@dataclass(slots=True)
class Corroboration:
    """The same fact told the same way in several articles: not a discrepancy."""

    subject: str
    evidence: list[Evidence] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class EngineInfo:
    version: str
    pipeline: str  # "blank:en+rules" or the trained pipeline's name


@dataclass(slots=True)
class Analysis:
    """Everything the engine knows about one corpus."""

    articles: list[Article]
    mentions: list[Mention]
    entities: list[Entity]
    discrepancies: list[Discrepancy]
    engine: EngineInfo
    corroborations: list[Corroboration] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    stories: list[list[str]] = field(default_factory=list)  # article ids per story

    def article(self, article_id: str) -> Article:
        for a in self.articles:
            if a.id == article_id:
                return a
        raise KeyError(article_id)
