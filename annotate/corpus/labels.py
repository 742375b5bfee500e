"""Short labels for articles (A, B, … Z, AA, AB, …), the same in the app and the report.

A reader who sees ``IJ`` in the app's column and in ``corpus-tui report`` must be
looking at the same article: both take their labels from here, by the article's
place in the corpus (sorted file order).
"""

from __future__ import annotations

from collections.abc import Iterable


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
