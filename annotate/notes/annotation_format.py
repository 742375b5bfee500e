"""The annotation file's format as typed models: what ``annotations.yaml`` may hold.

pydantic models mirror the file rather than the records of ``annotations``: the file keys
verdicts by discrepancy id and groups items by kind, and its rules (a span quotes at least
one character, an added mention has a label) are rules of the file. Loading validates the
parsed YAML with ``AnnotationFile`` and turns it into records; saving writes the records in
the models' field order; ``json_schema()`` (``docs/annotations.schema.json``) is the same
models' JSON Schema. Every check raises an error worded for a person; ``annotation_file``
adds the file, line and field.
"""

from __future__ import annotations

import typing
from collections.abc import Callable, Iterable
from functools import cache
from typing import Annotated, Any, ClassVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationInfo, field_validator, model_validator
from pydantic_core import PydanticCustomError

from annotate.notes.anchoring import Anchor
from annotate.notes.annotations import SCHEMA_VERSION, Annotation, Link, MentionAction, MentionEdit, Note, Unlink, Verdict, VerdictKind, verdict_id
from annotate.model import Evidence

SCHEMA_ID = f"urn:corpus-tui:annotations:{SCHEMA_VERSION}"


def problem(message: str, **context: Any) -> PydanticCustomError:
    """A validation error in the reader's words; ``at`` in ``context`` is where, below the value checked."""
    return PydanticCustomError("annotation_file", message, context)


def kind_of(value: Any) -> str:
    """A value as a message names it: "the number 12", "the text 'twelve'", "a list"."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text '{value[:40]}'"
    return type(value).__name__


# -- the values a field holds ----------------------------------------------------------
def _text(value: Any) -> str:
    if value is None:
        raise problem("this field is required")
    if not isinstance(value, str):
        raise problem("expected text, found {found}", found=kind_of(value))
    return value


def _optional_text(value: Any) -> str:
    return "" if value is None else _text(value)


def _name(value: Any) -> str:
    """Ids, labels and short notes YAML reads as numbers (``id: 12``) stay text."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return _text(value)


def _optional_name(value: Any) -> str:
    return "" if value is None else _name(value)


def _stamp(value: Any) -> str:
    """A time written by hand without quotes reads as a timestamp: kept as its ISO text."""
    return value.isoformat() if hasattr(value, "isoformat") else _optional_text(value)


def _whole_number(minimum: int) -> Callable[[Any], int]:
    def check(value: Any) -> int:
        if value is None:
            raise problem("this field is required")
        if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
            raise problem("expected a whole number >= {minimum}, found {found}", minimum=minimum, found=kind_of(value))
        return value

    return check


def _one_of(choices: Any) -> Callable[[Any], str]:
    options = typing.get_args(choices)

    def check(value: Any) -> str:
        if value not in options:
            shown = f"'{value}'" if isinstance(value, str) else kind_of(value)
            raise problem("{value} is not one of: {options}", value=shown, options=", ".join(options))
        return value

    return check


def _list(value: Any) -> list:
    if value is None:
        return []
    if not isinstance(value, list):
        raise problem("expected a list, found {found}", found=kind_of(value))
    return value


def _mapping(value: Any) -> dict:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise problem("expected a mapping of discrepancy id -> verdict, found {found}", found=kind_of(value))
    return value


NOT_EMPTY = {"minLength": 1}  # for the schema; the field validators say it in words
Text = Annotated[str, BeforeValidator(_text)]
OptionalText = Annotated[str, BeforeValidator(_optional_text)]
Name = Annotated[str, BeforeValidator(_name)]
OptionalName = Annotated[str, BeforeValidator(_optional_name)]
Stamp = Annotated[str, BeforeValidator(_stamp), Field(description="when, as ISO 8601 text (UTC)")]
Offset = Annotated[int, Field(ge=0), BeforeValidator(_whole_number(0))]


# -- the entries -------------------------------------------------------------------------
class Entry(BaseModel):
    """A mapping of known fields. Checked before its fields: a value that is not a mapping,
    an unknown field (kept nowhere, so a save would lose it), a required field missing."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    record: ClassVar[type | None] = None  # the record of ``annotations`` it becomes
    written_whole: ClassVar[bool] = False  # write empty fields too (spans: a fixed shape)

    @model_validator(mode="before")
    @classmethod
    def _check_shape(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            raise problem("expected a mapping of fields, found {found}", found=kind_of(data))
        if cls.model_config.get("extra") == "forbid":
            for key in data:
                if key not in cls.model_fields:
                    raise problem("unknown field; expected one of: {expected}", at=(key,), expected=", ".join(cls.model_fields))
        for name, spec in cls.model_fields.items():
            if spec.is_required() and name not in data:
                hint = f" ({spec.description})" if spec.description else ""
                raise problem("this field is required{hint}", at=(name,), hint=hint)
        return data


class AnchorEntry(Entry):
    """A span of one article: a W3C TextPositionSelector (start, end: code points, end
    exclusive) and TextQuoteSelector (exact, with up to 32 characters of prefix and suffix)."""

    record: ClassVar[type] = Anchor
    written_whole: ClassVar[bool] = True

    article: Text = Field(description="the article's id (from its file's path in the corpus)", json_schema_extra=NOT_EMPTY)
    sha256: OptionalText = Field("", description="sha256 of the article text the span was made on")
    start: Offset
    end: Offset
    exact: Text = Field(description="the span's words", json_schema_extra=NOT_EMPTY)
    prefix: OptionalText = ""
    suffix: OptionalText = ""

    @field_validator("article")
    @classmethod
    def _article_named(cls, article: str) -> str:
        if not article:
            raise problem("the article id is empty")
        return article

    @field_validator("end")
    @classmethod
    def _after_start(cls, end: int, info: ValidationInfo) -> int:
        start = info.data.get("start")
        if start is not None and end <= start:
            raise problem("end ({end}) must be after start ({start}): a span holds at least one character", end=end, start=start)
        return end

    @field_validator("exact")
    @classmethod
    def _words(cls, exact: str) -> str:
        if not exact:
            raise problem("the span's words are empty; a span quotes at least one character")
        return exact


class EvidenceEntry(Entry):
    """Where a judged discrepancy was, as it was then."""

    record: ClassVar[type] = Evidence
    written_whole: ClassVar[bool] = True

    article: Text
    start: Offset
    end: Offset
    text: OptionalText = ""


class NoteEntry(Entry):
    record: ClassVar[type] = Note

    id: Name
    text: OptionalText = ""
    tags: Annotated[list[OptionalName], BeforeValidator(_list)] = []
    created: Stamp = ""
    modified: Stamp = ""
    targets: Annotated[list[AnchorEntry], BeforeValidator(_list)] = Field(
        description="the spans noted, one or more", json_schema_extra={"minItems": 1}
    )

    @field_validator("targets")
    @classmethod
    def _some_targets(cls, targets: list) -> list:
        if not targets:
            raise problem("a note needs at least one target span")
        return targets


class VerdictEntry(Entry):
    """The reader's judgement on one discrepancy (keyed by its id), with what was judged."""

    record: ClassVar[type] = Verdict

    verdict: Annotated[VerdictKind, BeforeValidator(_one_of(VerdictKind))]
    note: OptionalName = ""
    summary: OptionalText = Field("", description="what the discrepancy said when judged")
    created: Stamp = ""
    modified: Stamp = ""
    evidence: Annotated[list[EvidenceEntry], BeforeValidator(_list)] = []


class PairEntry(Entry):
    """Two mention spans: the same thing (``links``) or not (``unlinks``)."""

    id: Name
    note: OptionalName = ""
    created: Stamp = ""
    a: AnchorEntry = Field(description="a mention span")
    b: AnchorEntry = Field(description="a mention span")


class MentionEntry(Entry):
    """A mention the engine missed (``add``, with a label) or got wrong (``remove``)."""

    record: ClassVar[type] = MentionEdit

    id: Name
    action: Annotated[MentionAction, BeforeValidator(_one_of(MentionAction))]
    label: OptionalName = Field("", validate_default=True, description="PERSON, ORG, number, quote, ...")
    created: Stamp = ""
    target: AnchorEntry = Field(description="the mention's span")

    @field_validator("label")
    @classmethod
    def _added_with_label(cls, label: str, info: ValidationInfo) -> str:
        if not label and info.data.get("action") == "add":
            raise problem("this field is required (an added mention needs a label)")
        return label


Version = Annotated[int, Field(ge=1, description="the schema version"), BeforeValidator(_whole_number(1))]


class Versioned(Entry):
    """The version alone, read first: a newer file is refused for its version, not for the
    sections this program does not know."""

    model_config = ConfigDict(extra="ignore", frozen=True)
    version: Version


class AnnotationFile(Entry):
    """corpus-tui's annotation file: the reader's notes, verdicts, links, unlinks and mention edits."""

    version: Version
    notes: Annotated[list[NoteEntry], BeforeValidator(_list)] = []
    verdicts: Annotated[dict[Name, VerdictEntry], BeforeValidator(_mapping)] = Field(
        {}, description="verdicts by discrepancy id"
    )
    links: Annotated[list[PairEntry], BeforeValidator(_list)] = []
    unlinks: Annotated[list[PairEntry], BeforeValidator(_list)] = []
    mentions: Annotated[list[MentionEntry], BeforeValidator(_list)] = []

    @model_validator(mode="after")
    def _ids_once(self) -> AnnotationFile:
        seen: set[str] = set()
        for at, item_id in self._ids():
            if item_id in seen:
                raise problem("the id '{id}' is used twice", at=(*at, "id"), id=item_id)
            seen.add(item_id)
        return self

    def _ids(self) -> Iterable[tuple[tuple, str]]:
        """Every annotation's id with where it is, in file order."""
        yield from ((("notes", i), n.id) for i, n in enumerate(self.notes))
        yield from ((("verdicts", key), verdict_id(key)) for key in self.verdicts)
        for section in ("links", "unlinks", "mentions"):
            yield from (((section, i), item.id) for i, item in enumerate(getattr(self, section)))

    def records(self) -> list[Annotation]:
        """The file's annotations, section by section in file order."""
        items: list[Annotation] = [_record(n) for n in self.notes]
        items += [_record(v, discrepancy=key) for key, v in self.verdicts.items()]
        items += [_record(p, Link) for p in self.links]
        items += [_record(p, Unlink) for p in self.unlinks]
        items += [_record(m) for m in self.mentions]
        return items


def _record(entry: Entry, record: type | None = None, **extra: Any) -> Any:
    """The record an entry stands for (lists become tuples, spans ``Anchor``\\ s)."""

    def value(v: Any) -> Any:
        if isinstance(v, Entry):
            return _record(v)
        if isinstance(v, list):
            return tuple(value(x) for x in v)
        return v

    cls = record or type(entry).record
    assert cls is not None
    return cls(**{name: value(getattr(entry, name)) for name in type(entry).model_fields}, **extra)


# -- writing -----------------------------------------------------------------------------
def to_data(items: Iterable[Annotation], span_text: Callable[[str], Any] = str) -> dict:
    """The file's content as plain data: sections and fields in the models' order, oldest
    annotation first (then by id), verdicts by discrepancy id, empty fields left out.
    ``span_text`` wraps the text fields of spans (the YAML writer quotes them inline).
    Not validated: the recovery file keeps even what the loader would refuse."""
    items = sorted(items, key=lambda i: (getattr(i, "created", ""), i.id))
    verdicts = sorted((i for i in items if isinstance(i, Verdict)), key=lambda v: v.discrepancy)
    sections = {
        "notes": [_plain(NoteEntry, i, span_text) for i in items if isinstance(i, Note)],
        "verdicts": {v.discrepancy: _plain(VerdictEntry, v, span_text) for v in verdicts},
        "links": [_plain(PairEntry, i, span_text) for i in items if type(i) is Link],
        "unlinks": [_plain(PairEntry, i, span_text) for i in items if type(i) is Unlink],
        "mentions": [_plain(MentionEntry, i, span_text) for i in items if isinstance(i, MentionEdit)],
    }
    return {"version": SCHEMA_VERSION, **{name: value for name, value in sections.items() if value}}


def _plain(entry: type[Entry], record: Any, span_text: Callable[[str], Any]) -> dict:
    out: dict[str, Any] = {}
    for name, inner in _layout(entry):
        value = getattr(record, name)
        if inner is not None:
            value = [_plain(inner, v, span_text) for v in value] if isinstance(value, tuple) else _plain(inner, value, span_text)
        elif isinstance(value, tuple):
            value = list(value)
        elif entry is AnchorEntry and isinstance(value, str):
            value = span_text(value)
        if entry.written_whole or value not in ("", [], None):
            out[name] = value
    return out


@cache
def _layout(entry: type[Entry]) -> tuple[tuple[str, type[Entry] | None], ...]:
    """An entry's fields in file order, each with the entry model it holds (alone or in a list)."""
    return tuple((name, _entry_in(spec.annotation)) for name, spec in entry.model_fields.items())


def _entry_in(annotation: Any) -> type[Entry] | None:
    if isinstance(annotation, type) and issubclass(annotation, Entry):
        return annotation
    for arg in typing.get_args(annotation):
        found = _entry_in(arg)
        if found is not None:
            return found
    return None


# -- the schema --------------------------------------------------------------------------
def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the annotation file, as ``docs/annotations.schema.json``."""
    schema = AnnotationFile.model_json_schema()
    schema["properties"]["version"] = {"const": SCHEMA_VERSION, "description": "the schema version"}
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **schema}

