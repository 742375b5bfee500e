"""Short labels for articles (A, B, … Z, AA, AB, …), the same in the app and the report.

A reader who sees ``IJ`` in the app's column and in ``corpus-tui report`` must be
looking at the same article: both take their labels from here, by the article's
place in the corpus (sorted file order).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping


def article_label(position: int) -> str:
    """The label of the article at ``position`` (0-based): A..Z, then AA, AB, …"""
    label = ""
    position += 1
    while position:
        position, rest = divmod(position - 1, 26)
        label = chr(ord("A") + rest) + label
    return label


def article_labels(article_ids: Iterable[str]) -> dict[str, str]:
    """Article id -> label, in corpus order."""
    return {article_id: article_label(n) for n, article_id in enumerate(article_ids)}


_QUOTED = re.compile(r'("[^"]*")')
# Where the detectors' summaries name articles: "(a, b)", "by a, b", "a / b: …; a / c: …",
# "Only a gives", "a, b give no …; c gives it", "a, b, c, d and 4 more", "; b does not mention",
# "where b writes".
_LIST_BEFORE = ("(", ", ", "/ ", "by ", "Only ", "; ")
_LIST_AFTER = (")", ",", " /", ":", " and ", " give", " does not", " report", " write")


def with_labels(summary: str, labels: Mapping[str, str], article_ids: Iterable[str]) -> str:
    """A finding's summary with its article ids (file-name slugs: ``0-l``, ``cnn``,
    ``bbc/story``) given as the labels the reader sees (A, B, …), all of them alike.

    Only where the summary names articles, never in the quoted words: an id can be an
    ordinary word too (``times``, ``a``)."""
    ids = sorted({a for a in article_ids if labels.get(a)}, key=len, reverse=True)
    if not ids:
        return summary
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, ids)) + r")(?![\w-])")

    def label(match: re.Match[str]) -> str:
        text = match.string
        listed = text[: match.start()].endswith(_LIST_BEFORE) or text[match.end() :].startswith(_LIST_AFTER)
        return labels[match.group()] if listed else match.group()

    parts = _QUOTED.split(summary)  # odd parts are the quoted words
    return "".join(part if n % 2 else pattern.sub(label, part) for n, part in enumerate(parts))
