"""The report contract, generated from the engine's typed model (``annotate.model``).

``corpus-tui report --format json|yaml`` writes ``report_data(analysis)``; ``corpus-tui
report --schema`` prints ``report_schema()``, a JSON Schema (draft 2020-12) of that output,
and ``docs/report.schema.json`` is a copy of it (a test keeps them equal). Both come from
the same dataclasses through one pydantic ``TypeAdapter``, so the contract is written once.

``SCHEMA_VERSION`` goes up when a field changes meaning, place or disappears; new fields do not
change it. The analysis's ``ENGINE_READING`` (what the pipeline read for the detectors to compare)
is no part of the report: ``report_data`` leaves it out and the schema does not list it. Every
object of the report has exactly the fields its schema lists (``additionalProperties`` false).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from annotate.model import ENGINE_READING, MENTION_TYPES, Analysis, MentionBase

# 2: one type per mention kind, typed per-article values; 3: an office is marked by ``office`` (its
# ``role`` is null), and an entity mention has the cues of its words (``honorific`` ... ``capital_use``);
# 4: those cues are one ``cues`` object (``NameCues``, null when a name has none), and the pipeline's
# reading for the detectors (``reported``, ``negations``, ``denials``, ``words``) left the report
SCHEMA_VERSION = 4
SCHEMA_ID = f"urn:corpus-tui:report:{SCHEMA_VERSION}"

# Added by `report` when the corpus has an annotation file (see README "Your annotations").
_VERDICT = {
    "description": "The reader's verdict on this discrepancy, from the annotation file.",
    "type": "object",
    "properties": {
        "verdict": {"enum": ["confirmed", "dismissed", "explained"]},
        "note": {"type": "string"},
    },
    "required": ["verdict", "note"],
}
_ANNOTATIONS = {
    "description": "The annotation file resolved against this corpus: notes, verdicts, links, "
    "unlinks and mention edits, each span with its current position and status.",
    "type": "object",
    "properties": {
        "file": {"type": "string"},
        "error": {"type": ["string", "null"]},
        "notes": {"type": "array"},
        "verdicts": {"type": "object"},
        "links": {"type": "array"},
        "unlinks": {"type": "array"},
        "mentions": {"type": "array"},
        "counts": {"type": "object", "additionalProperties": {"type": "integer"}},
    },
}


_NOT_REPORTED = frozenset(ENGINE_READING)


@cache
def _adapter():
    from pydantic import TypeAdapter

    return TypeAdapter(Analysis)


def report_data(analysis: Analysis) -> dict[str, Any]:
    """The analysis as the report's plain data (dicts, lists, strings, numbers)."""
    data = {"schema_version": SCHEMA_VERSION, **_adapter().dump_python(analysis, mode="json", exclude=_NOT_REPORTED)}
    for item in (*data["articles"], *data["problems"]):
        item["path"] = _printable_path(item["path"])
    return data


def analysis_from_data(data: dict[str, Any]) -> Analysis:
    """An ``Analysis`` back from ``report_data``'s output (a saved JSON report), validated."""
    return _adapter().validate_python(data)


def report_schema() -> dict[str, Any]:
    """The JSON Schema of ``report_data``'s output."""
    schema = _adapter().json_schema(mode="serialization")
    for name in _NOT_REPORTED:
        del schema["properties"][name]
    schema["properties"]["mentions"]["items"] = _tagged_by_kind()
    _drop_unused(schema)
    for definition in schema["$defs"].values():
        if definition.get("type") == "object":  # the report always writes every field, and no other
            definition["required"] = list(definition.get("properties", {}))
            definition["additionalProperties"] = False
    schema["$defs"]["Discrepancy"]["properties"]["verdict"] = _VERDICT
    _describe_inherited(schema["$defs"])
    properties = {"schema_version": {"const": SCHEMA_VERSION}, **schema["properties"], "annotations": _ANNOTATIONS}
    schema["required"] = ["schema_version", *schema["properties"]]  # all but the annotations: always written
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "corpus-tui report",
        "description": "What `corpus-tui report --format json` prints. Offsets are code points "
        "into the article's text, end exclusive: text[start:end] is the span's text.",
        **{key: value for key, value in schema.items() if key not in {"title", "description", "properties"}},
        "properties": properties,
        "additionalProperties": False,
    }


def _drop_unused(schema: dict[str, Any]) -> None:
    """Remove the definitions nothing in the report refers to any more (the types of the
    analysis's ``ENGINE_READING``)."""
    definitions = schema["$defs"]
    used: set[str] = set()
    todo = [{key: value for key, value in schema.items() if key != "$defs"}]
    while todo:
        node = todo.pop()
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/$defs/") and ref[8:] not in used:
                used.add(ref[8:])
                todo.append(definitions[ref[8:]])
            todo.extend(node.values())
        elif isinstance(node, list):
            todo.extend(node)
    for name in set(definitions) - used:
        del definitions[name]


def _tagged_by_kind() -> dict[str, Any]:
    """The mention union as the report writes it: one type per ``kind``. (Said here rather than
    with pydantic's ``Discriminator`` in ``model.py``, which would import pydantic on every start.)"""
    refs = {kind: f"#/$defs/{cls.__name__}" for kind, cls in MENTION_TYPES.items()}
    return {
        "oneOf": [{"$ref": ref} for ref in refs.values()],
        "discriminator": {"propertyName": "kind", "mapping": refs},
    }


def _describe_inherited(definitions: dict[str, Any]) -> None:
    """Fields every mention inherits, described as in ``MentionBase`` (pydantic reads a class's
    attribute docstrings from its own body only)."""
    from pydantic import TypeAdapter

    base = TypeAdapter(MentionBase).json_schema()["properties"]
    for cls in MENTION_TYPES.values():
        for name, prop in definitions[cls.__name__]["properties"].items():
            if "description" in base.get(name, {}):
                prop.setdefault("description", base[name]["description"])


def _printable_path(path: str) -> str:
    """File names that are not valid UTF-8 reach us with lone surrogates; show their bytes."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
