"""The reader's own annotations: typed records and the in-memory store with undo/redo.

Five kinds, all immutable so an undo step is just "put the old value back":

- ``Note``: free text and tags on one or more spans;
- ``Verdict``: a judgement on a discrepancy (by its stable id), with a
  snapshot of the evidence that was judged;
- ``Link`` / ``Unlink``: two mentions the engine did not link / wrongly linked;
- ``MentionEdit``: a mention the engine missed (``add``, with a label) or
  got wrong (``remove``).

Spans are ``annotate.notes.anchoring.Anchor`` values; ``reanchor`` places them in
the articles' current text. Saving and loading live in ``annotation_file``.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Literal, Union

from annotate.notes.anchoring import ANCHOR_STATUSES, Anchor, Resolution, refresh, resolve, text_hash
from annotate.model import Discrepancy, Evidence

SCHEMA_VERSION = 1

VerdictKind = Literal["confirmed", "dismissed", "explained"]
MentionAction = Literal["add", "remove"]


def now_iso() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def new_id(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


@dataclass(frozen=True, slots=True)
class Note:
    id: str
    targets: tuple[Anchor, ...]
    text: str = ""
    tags: tuple[str, ...] = ()
    created: str = ""
    modified: str = ""


@dataclass(frozen=True, slots=True)
class Verdict:
    """A judgement on one discrepancy; at most one per discrepancy id."""

    discrepancy: str
    verdict: VerdictKind
    note: str = ""
    summary: str = ""  # what the discrepancy said when judged
    evidence: tuple[Evidence, ...] = ()
    created: str = ""
    modified: str = ""

    @property
    def id(self) -> str:
        return verdict_id(self.discrepancy)


def verdict_id(discrepancy_id: str) -> str:
    return f"verdict:{discrepancy_id}"


@dataclass(frozen=True, slots=True)
class MentionPair:
    """Two mention spans the reader judged: ``Link`` or ``Unlink``."""

    id: str
    a: Anchor
    b: Anchor
    note: str = ""
    created: str = ""


@dataclass(frozen=True, slots=True)
class Link(MentionPair):
    """Two mentions that refer to the same thing although the engine did not link them."""


@dataclass(frozen=True, slots=True)
class Unlink(MentionPair):
    """Two mentions the engine linked that do not refer to the same thing."""


@dataclass(frozen=True, slots=True)
class MentionEdit:
    id: str
    action: MentionAction
    target: Anchor
    label: str = ""  # required for "add": PERSON, ORG, number, quote, ...
    created: str = ""


Annotation = Union[Note, Verdict, Link, Unlink, MentionEdit]


def anchors_of(item: Annotation) -> tuple[Anchor, ...]:
    """The spans an annotation is attached to (verdicts have none: they follow the id)."""
    if isinstance(item, Note):
        return item.targets
    if isinstance(item, MentionPair):
        return (item.a, item.b)
    if isinstance(item, MentionEdit):
        return (item.target,)
    return ()


def with_anchors(item: Annotation, anchors: tuple[Anchor, ...]) -> Annotation:
    if isinstance(item, Note):
        return replace(item, targets=anchors)
    if isinstance(item, MentionPair):
        return replace(item, a=anchors[0], b=anchors[1])
    if isinstance(item, MentionEdit):
        return replace(item, target=anchors[0])
    return item


def verdict_for(discrepancy: Discrepancy, kind: VerdictKind, note: str = "") -> Verdict:
    """A verdict carrying a snapshot of what was judged."""
    stamp = now_iso()
    return Verdict(
        discrepancy=discrepancy.id,
        verdict=kind,
        note=note,
        summary=discrepancy.summary,
        evidence=tuple(discrepancy.evidence),
        created=stamp,
        modified=stamp,
    )


@dataclass
class Reanchored:
    """Annotations with anchors refreshed to the current text, and how each was found."""

    items: list[Annotation]
    resolutions: dict[str, tuple[Resolution, ...]] = field(default_factory=dict)  # by annotation id
    saved: list[Annotation] = field(default_factory=list)  # as read, before placing

    def status(self, item_id: str) -> str:
        """The worst status among an annotation's spans ("anchored" when it has none)."""
        found = {r.status for r in self.resolutions.get(item_id, ())}
        return next((s for s in reversed(ANCHOR_STATUSES) if s in found), "anchored")


def reanchor(items: Iterable[Annotation], texts: Mapping[str, str]) -> Reanchored:
    """Place every span in ``texts`` (article id -> current text).

    Spans found with the same words get fresh anchors (so the next save records the
    new place); changed and orphaned spans keep their saved anchor, quote and all
    (``anchoring.refresh``). Nothing is dropped. A span stays in its own article:
    it is placed in another only when its article id is gone (a renamed file) and
    that article's text is the very text the span was made on.
    """
    digests = {aid: text_hash(t) for aid, t in texts.items()}
    by_digest: dict[str, str] = {}
    for aid, digest in digests.items():
        by_digest.setdefault(digest, aid)
    out = Reanchored(items=[])
    for item in items:
        anchors = anchors_of(item)
        if not anchors:
            out.items.append(item)
            continue
        renamed = tuple(a.article not in texts and a.sha256 in by_digest for a in anchors)
        anchors = tuple(replace(a, article=by_digest[a.sha256]) if r else a for a, r in zip(anchors, renamed))
        found = tuple(resolve(a, texts.get(a.article), digests.get(a.article)) for a in anchors)
        found = tuple(_moved(r) if was_renamed else r for r, was_renamed in zip(found, renamed))
        out.resolutions[item.id] = found
        fresh = tuple(
            refresh(r, texts[r.anchor.article], digests[r.anchor.article]) if r.placed else r.anchor for r in found
        )
        out.items.append(with_anchors(item, fresh))
    return out


def _moved(r: Resolution) -> Resolution:
    """A span found in the same text under another article id (the file was renamed)."""
    return replace(r, status="moved") if r.status == "anchored" else r


class ReadOnlyError(RuntimeError):
    """The annotation file could not be loaded, so nothing may change or be saved."""


@dataclass(frozen=True, slots=True)
class _Change:
    id: str
    before: Annotation | None
    after: Annotation | None
    serial: int  # identifies the state after this change, for the dirty flag


class AnnotationStore:
    """All annotations of one corpus, in file order, with undo/redo and a dirty flag."""

    def __init__(self, items: Iterable[Annotation] = (), read_only_reason: str | None = None) -> None:
        self._items: dict[str, Annotation] = {}
        for item in items:
            self._items[item.id] = item
        self.read_only_reason = read_only_reason
        self._undo: list[_Change] = []
        self._redo: list[_Change] = []
        self._serial = 0
        self._saved_state = 0

    # -- reading -------------------------------------------------------
    @property
    def read_only(self) -> bool:
        return self.read_only_reason is not None

    @property
    def dirty(self) -> bool:
        return self._state() != self._saved_state

    def _state(self) -> int:
        return self._undo[-1].serial if self._undo else 0

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self):
        return iter(list(self._items.values()))

    def get(self, item_id: str) -> Annotation | None:
        return self._items.get(item_id)

    def of_type(self, kind: type) -> list:
        return [i for i in self._items.values() if isinstance(i, kind)]

    @property
    def notes(self) -> list[Note]:
        return self.of_type(Note)

    @property
    def verdicts(self) -> dict[str, Verdict]:
        return {v.discrepancy: v for v in self.of_type(Verdict)}

    def verdict(self, discrepancy_id: str) -> Verdict | None:
        item = self._items.get(verdict_id(discrepancy_id))
        return item if isinstance(item, Verdict) else None

    def at(self, article: str, start: int, end: int) -> list[Annotation]:
        """Annotations with a span in ``article`` overlapping [start, end) (saved positions)."""
        return [
            item
            for item in self._items.values()
            if any(a.article == article and a.start < max(end, start + 1) and start < a.end for a in anchors_of(item))
        ]

    # -- changing (each call is one undo step) ---------------------------
    def put(self, item: Annotation) -> None:
        """Add ``item``, or replace the annotation with the same id."""
        self._apply(item.id, self._items.get(item.id), item)

    def remove(self, item_id: str) -> Annotation | None:
        before = self._items.get(item_id)
        if before is not None:
            self._apply(item_id, before, None)
        return before

    def undo(self) -> bool:
        return self._step(self._undo, self._redo, undo=True)

    def redo(self) -> bool:
        return self._step(self._redo, self._undo, undo=False)

    def mark_saved(self) -> None:
        self._saved_state = self._state()

    def _apply(self, item_id: str, before: Annotation | None, after: Annotation | None) -> None:
        self._check_writable()
        self._serial += 1
        self._set(item_id, after)
        self._undo.append(_Change(item_id, before, after, self._serial))
        self._redo.clear()

    def _step(self, source: list[_Change], target: list[_Change], undo: bool) -> bool:
        self._check_writable()
        if not source:
            return False
        change = source.pop()
        self._set(change.id, change.before if undo else change.after)
        target.append(change)
        return True

    def _set(self, item_id: str, item: Annotation | None) -> None:
        if item is None:
            self._items.pop(item_id, None)
        else:
            self._items[item_id] = item

    def _check_writable(self) -> None:
        if self.read_only_reason is not None:
            raise ReadOnlyError(f"annotations are read-only: {self.read_only_reason}")


# -- for ``corpus-tui report`` ----------------------------------------------------
def load_placed(path, texts: Mapping[str, str]) -> Reanchored:
    """The annotation file at ``path`` with every span placed in ``texts`` (article id ->
    text). A missing file gives no annotations; raises ``AnnotationFileError`` (with line
    and field) when the file cannot be read."""
    from annotate.notes.annotation_file import load

    loaded = load(path)
    placed = reanchor(loaded.items, texts)
    placed.saved = loaded.items
    return placed


def annotations_for_report(analysis, path, placed: Reanchored | None = None) -> dict:
    """The annotation file as report data: every span with its resolved position and
    status (anchored/moved/changed/orphaned), verdicts by discrepancy id.

    ``analysis`` is an ``Analysis`` (its articles and discrepancies are used); ``path`` the
    annotation file, read unless ``placed`` (from ``load_placed``) is given. A missing file
    gives empty sections; a file that cannot be read gives ``error`` (with line and field)
    and empty sections.
    """
    from annotate.notes.annotation_file import AnnotationFileError

    printable = str(path).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    out: dict = {"file": printable, "error": None, "notes": [], "verdicts": {}, "links": [], "unlinks": [], "mentions": [],
                 "counts": {s: 0 for s in ANCHOR_STATUSES}}
    if placed is None:
        try:
            placed = load_placed(path, {a.id: a.text for a in analysis.articles})
        except AnnotationFileError as e:
            out["error"] = str(e)
            return out
    known = {d.id for d in analysis.discrepancies}
    for item in placed.saved:
        spans = [_resolved(r) for r in placed.resolutions.get(item.id, ())]
        if isinstance(item, Note):
            out["notes"].append(
                {"id": item.id, "text": item.text, "tags": list(item.tags), "status": placed.status(item.id),
                 "targets": spans, "created": item.created, "modified": item.modified}
            )
        elif isinstance(item, Verdict):
            out["verdicts"][item.discrepancy] = {
                "verdict": item.verdict,
                "note": item.note,
                "summary": item.summary,
                "evidence": [{"article": e.article, "start": e.start, "end": e.end, "text": e.text} for e in item.evidence],
                "current": item.discrepancy in known,  # False: the engine no longer reports it
                "created": item.created,
                "modified": item.modified,
            }
        elif isinstance(item, MentionPair):
            out["links" if isinstance(item, Link) else "unlinks"].append(
                {"id": item.id, "note": item.note, "status": placed.status(item.id), "a": spans[0], "b": spans[1]}
            )
        elif isinstance(item, MentionEdit):
            out["mentions"].append(
                {"id": item.id, "action": item.action, "label": item.label, "status": placed.status(item.id),
                 "target": spans[0]}
            )
    out["counts"] = {
        s: sum(1 for rs in placed.resolutions.values() for r in rs if r.status == s) for s in ANCHOR_STATUSES
    }
    return out


def _resolved(r: Resolution) -> dict:
    return {
        "article": r.anchor.article,
        "status": r.status,
        "start": r.start,
        "end": r.end,
        "text": r.text if r.placed else r.anchor.exact,
        "saved": {"start": r.anchor.start, "end": r.anchor.end, "exact": r.anchor.exact},
    }
