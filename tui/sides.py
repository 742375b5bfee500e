"""Which articles a discrepancy puts in the columns: one of each side first.

A story of four outlets where three spell a name one way and one another way
has two sides; with two columns, the reader must see both spellings, not two
articles that agree.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from annotate.model import Discrepancy


def sides_first(
    discrepancy: Discrepancy, involved: Sequence[str], on_screen: Sequence[str], position: Callable[[str], int]
) -> list[str]:
    """``involved`` reordered: one article of each differing side, then a second of each, …

    Within a side, an article already on screen comes first (it need not move),
    then reading order. An article the discrepancy gives no value for is a side
    of its own.
    """
    shown = set(on_screen)
    sides: dict[str, list[str]] = {}
    for article_id in sorted(involved, key=position):
        value = discrepancy.values.get(article_id)
        key = value if value is not None else f"\0{article_id}"
        sides.setdefault(key, []).append(article_id)
    groups = [sorted(side, key=lambda a: a not in shown) for side in sides.values()]
    ordered: list[str] = []
    for rank in range(max((len(g) for g in groups), default=0)):
        ordered.extend(g[rank] for g in groups if rank < len(g))
    return ordered
