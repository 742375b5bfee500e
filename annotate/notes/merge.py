"""Three-way merge of two copies of the annotations, by annotation id.

Two instances (or a ``git pull``) can change the file while the reader has
unsaved work. Every annotation has an id, so the copies merge item by item
against ``base``, the annotations as this instance loaded them:

- changed (or added, or deleted) on one side only: that side's version;
- changed on both sides the same way: that version;
- changed on both sides differently: ours, and the id is listed in
  ``conflicts``; but an annotation one side deleted and the other changed
  is kept, changed: a merge never loses words someone wrote.

Without a base (a recovery file whose base is gone) nothing on either side
is dropped: ours wins where both have an annotation.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from annotate.notes.annotations import Annotation


@dataclass
class Merged:
    items: list[Annotation]
    from_theirs: list[str] = field(default_factory=list)  # ids whose version came from the other copy
    conflicts: list[str] = field(default_factory=list)  # changed on both sides: ours kept


def merge(base: Iterable[Annotation] | None, mine: Iterable[Annotation], theirs: Iterable[Annotation]) -> Merged:
    base_by = {i.id: i for i in base} if base is not None else None
    mine_by = {i.id: i for i in mine}
    theirs_by = {i.id: i for i in theirs}
    out = Merged(items=[])
    for item_id in dict.fromkeys([*theirs_by, *mine_by]):  # the file's order, then our new ones
        m, t = mine_by.get(item_id), theirs_by.get(item_id)
        if base_by is None:
            chosen = m if m is not None else t
        else:
            b = base_by.get(item_id)
            if m == b:
                chosen = t
            elif t == b or m == t:
                chosen = m
            else:
                chosen = m if m is not None else t
                if m is not None and t is not None:
                    out.conflicts.append(item_id)
        if chosen is not None:
            out.items.append(chosen)
            if chosen is t and chosen != m:
                out.from_theirs.append(item_id)
    return out


def dropped_by_overwrite(base: Iterable[Annotation], mine: Iterable[Annotation], theirs: Iterable[Annotation]) -> int:
    """How many annotations the other copy added or changed that overwriting it would drop."""
    base_by = {i.id: i for i in base}
    mine_by = {i.id: i for i in mine}
    return sum(1 for t in theirs if t != base_by.get(t.id) and t != mine_by.get(t.id))
