"""The annotation file on disk: safe loading with precise errors, atomic saving.

Loading never trusts the file: it must be small, UTF-8, plain YAML without
aliases (no "billion laughs"), of a schema version this program knows, and
every field is checked; an error names the line and the field. Saving writes
a temporary file in the same folder, fsyncs it, keeps the previous file as
``<name>.bak`` (four older ones as ``.bak.2`` to ``.bak.5``) and renames the
new one into place, so a crash at any point leaves a complete file. Nothing
the loader would refuse is ever written. A file changed by someone else since
it was loaded is never overwritten without ``force``.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .anchoring import Anchor
from .annotations import (
    MENTION_ACTIONS,
    SCHEMA_VERSION,
    VERDICT_KINDS,
    Annotation,
    Link,
    MentionEdit,
    Note,
    Unlink,
    Verdict,
)
from .model import Evidence
from .safe_text import escape_invisible, visible

DEFAULT_NAME = "annotations.yaml"
MAX_BYTES = 8 * 1024 * 1024  # far above any hand-made file; refuses junk quickly
MAX_DEPTH = 32  # the format nests 5 levels deep
SECTIONS = ("version", "notes", "verdicts", "links", "unlinks", "mentions")
HEADER = (
    "# corpus-tui annotations: notes, verdicts, links and mention edits.\n"
    "# Spans are W3C Web Annotation selectors: start/end are code points into the\n"
    "# article text; exact/prefix/suffix find the words again if the article changes.\n"
)

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


# -- errors -------------------------------------------------------------------
class AnnotationFileError(ValueError):
    """The file cannot be used; names the line and field so a person can fix it."""

    def __init__(self, path: str | os.PathLike, message: str, line: int | None = None, field: str | None = None):
        self.path = str(path)
        self.message = message
        self.line = line
        self.field = field
        super().__init__(str(self))

    def __str__(self) -> str:
        # The file is shared and committed: its strings (keys, values) and its path are data,
        # shown with their control characters made visible wherever the error is printed.
        where = self.path
        if self.line is not None:
            where += f", line {self.line}"
        if self.field:
            where += f", field '{self.field}'"
        return visible(f"{where}: {self.message}")


class NewerSchemaError(AnnotationFileError):
    """Written by a newer corpus-tui: reading it could lose what it holds."""


class FileChangedError(RuntimeError):
    """The file on disk is not the one that was loaded (or last saved)."""

    def __init__(self, path: str | os.PathLike):
        self.path = str(path)
        super().__init__(f"{path} was changed on disk since it was loaded; not overwriting it")


class AnnotationSaveError(OSError):
    """The save failed; the previous file is intact. ``str()`` is the message alone
    (an ``OSError`` would start it with "[Errno 28]")."""

    def __init__(self, errno: int | None, message: str):
        super().__init__(errno, message)
        self.message = message

    def __str__(self) -> str:
        return self.message


# -- paths and fingerprints ---------------------------------------------------
def default_path(paths: Sequence[str | os.PathLike]) -> Path:
    """``annotations.yaml`` in the corpus folder (the first folder, or the first file's folder)."""
    if not paths:
        return Path(DEFAULT_NAME)
    first = Path(paths[0])
    folder = first if first.is_dir() else first.parent
    return folder / DEFAULT_NAME


def fingerprint(path: str | os.PathLike) -> str | None:
    """sha256 of the file's bytes, or None when there is no file. Something that cannot be
    read as an annotation file (a pipe, a device, too large) never matches a fingerprint."""
    try:
        data = read_file(Path(path))
    except AnnotationFileError as e:
        return f"unreadable: {e.message}"
    return None if data is None else hashlib.sha256(data).hexdigest()


@dataclass
class Loaded:
    """What was read, and the fingerprint a later save must find on disk."""

    path: Path
    items: list[Annotation]
    fingerprint: str | None  # None: there was no file


# -- loading ------------------------------------------------------------------
def load(path: str | os.PathLike) -> Loaded:
    """Read an annotation file; a missing file is an empty one."""
    path = Path(path)
    data = read_file(path)
    if data is None:
        return Loaded(path, [], None)
    items = parse(data, path)
    return Loaded(path, items, hashlib.sha256(data).hexdigest())


def read_file(path: Path) -> bytes | None:
    """The file's bytes (None: no file). Opened without blocking and checked once open, so
    a named pipe cannot hang the app and a link to ``/dev/zero`` cannot fill memory."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        return None
    except OSError as e:
        raise AnnotationFileError(path, f"cannot read the file: {e.strerror or e}") from e
    with os.fdopen(fd, "rb") as f:
        try:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode):
                raise AnnotationFileError(path, "not a regular file (a folder, named pipe or device); annotations are kept in an ordinary file")
            if st.st_size > MAX_BYTES:
                raise AnnotationFileError(path, _too_large(st.st_size))
            data = f.read(MAX_BYTES + 1)
        except OSError as e:
            raise AnnotationFileError(path, f"cannot read the file: {e.strerror or e}") from e
    if len(data) > MAX_BYTES:
        raise AnnotationFileError(path, _too_large(len(data)))
    return data


def _too_large(size: int) -> str:
    return f"the file is {size / 1e6:.1f} MB; annotation files are limited to {MAX_BYTES // (1024 * 1024)} MB"


def parse(data: bytes | str, path: str | os.PathLike = DEFAULT_NAME) -> list[Annotation]:
    """Validate and convert the file's content; raises ``AnnotationFileError``."""
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as e:
            line = data[: e.start].count(b"\n") + 1
            raise AnnotationFileError(path, "the file is not UTF-8 text", line) from e
    else:
        text = data
    _refuse_aliases_and_depth(text, path)
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            raw = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as e:
        raise _yaml_error(path, e) from e
    except (yaml.YAMLError, ValueError, RecursionError) as e:  # e.g. a bad timestamp
        raise AnnotationFileError(path, f"not valid YAML: {e}") from e
    if raw is None:
        return []
    return _Reader(path, _line_index(node, path)).document(raw)


def _refuse_aliases_and_depth(text: str, path: str | os.PathLike) -> None:
    """Stream the parser's events: stop at the first alias or absurd nesting, before
    anything is built, so an alias bomb costs nothing."""
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.AliasEvent):
                raise AnnotationFileError(
                    path,
                    f"uses a YAML alias (*{event.anchor}); annotation files never need them, "
                    "and aliases can expand without bound, so the file is refused",
                    event.start_mark.line + 1,
                )
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    raise AnnotationFileError(
                        path, f"nested more than {MAX_DEPTH} levels deep", event.start_mark.line + 1
                    )
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    except yaml.reader.ReaderError as e:  # a raw control character: YAML allows none
        line = text[: e.position].count("\n") + 1 if isinstance(e.position, int) else None
        raise AnnotationFileError(
            path, f"contains the control character U+{e.character:04X}, which YAML does not allow (write it as an escape in double quotes)", line
        ) from e
    except yaml.MarkedYAMLError as e:
        if "nesting depth" in (e.problem or ""):
            # Newer libyaml scans ahead and stops deep nesting itself, before our count does.
            line = e.problem_mark.line + 1 if e.problem_mark is not None else None
            raise AnnotationFileError(path, f"nested more than {MAX_DEPTH} levels deep", line) from e
        raise _yaml_error(path, e) from e


def _yaml_error(path: str | os.PathLike, e: yaml.MarkedYAMLError) -> AnnotationFileError:
    """Where the parser noticed the problem, and where the construct it was reading began."""
    mark = e.problem_mark or e.context_mark
    context = e.context or ""
    if e.context and e.context_mark is not None and e.problem_mark is not None:
        if e.context_mark.line != e.problem_mark.line:
            context += f" (started on line {e.context_mark.line + 1})"
    problem = ": ".join(p for p in (context, e.problem) if p)
    return AnnotationFileError(path, f"not valid YAML: {problem}", mark.line + 1 if mark else None)


def _line_index(node: yaml.Node | None, path: str | os.PathLike) -> dict[tuple, int]:
    """Line (1-based) of every value by its path of keys/indexes; refuses duplicate keys,
    which YAML loaders otherwise resolve by silently dropping one."""
    lines: dict[tuple, int] = {}

    def walk(n: yaml.Node, at: tuple) -> None:
        lines[at] = n.start_mark.line + 1
        if isinstance(n, yaml.MappingNode):
            seen: set = set()
            for k, v in n.value:
                key = k.value if isinstance(k, yaml.ScalarNode) else id(k)
                if key in seen:
                    raise AnnotationFileError(
                        path, "this key appears twice in the same mapping", k.start_mark.line + 1, _field(at + (key,))
                    )
                seen.add(key)
                walk(v, at + (key,))
        elif isinstance(n, yaml.SequenceNode):
            for i, v in enumerate(n.value):
                walk(v, at + (i,))

    if node is not None:
        walk(node, ())
    return lines


def _field(at: tuple) -> str:
    out = ""
    for part in at:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


class _Reader:
    """Turns the plain data into typed annotations, checking every field."""

    def __init__(self, path: str | os.PathLike, lines: dict[tuple, int]):
        self.path = path
        self.lines = lines

    def fail(self, at: tuple, message: str) -> AnnotationFileError:
        line = None
        for n in range(len(at), -1, -1):  # the nearest enclosing value that exists
            if at[:n] in self.lines:
                line = self.lines[at[:n]]
                break
        return AnnotationFileError(self.path, message, line, _field(at) or None)

    # generic checks
    def mapping(self, value: Any, at: tuple, allowed: Iterable[str]) -> dict:
        if not isinstance(value, dict):
            raise self.fail(at, f"expected a mapping of fields, found {_kind(value)}")
        allowed = tuple(allowed)
        for key in value:
            if key not in allowed:
                raise self.fail(at + (key,), f"unknown field; expected one of: {', '.join(allowed)}")
        return value

    def sequence(self, value: Any, at: tuple) -> list:
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.fail(at, f"expected a list, found {_kind(value)}")
        return value

    def string(self, m: dict, key: str, at: tuple, required: bool = False, choices: Sequence[str] = ()) -> str:
        if key not in m or m[key] is None:
            if required:
                raise self.fail(at + (key,), "this field is required")
            return ""
        value = m[key]
        if hasattr(value, "isoformat") and key in ("created", "modified"):
            value = value.isoformat()  # an unquoted timestamp written by hand
        if isinstance(value, (int, float)) and not isinstance(value, bool) and key in ("id", "label", "note"):
            value = str(value)
        if not isinstance(value, str):
            raise self.fail(at + (key,), f"expected text, found {_kind(value)}")
        if choices and value not in choices:
            raise self.fail(at + (key,), f"'{value}' is not one of: {', '.join(choices)}")
        return value

    def integer(self, m: dict, key: str, at: tuple) -> int:
        value = m.get(key)
        if key not in m:
            raise self.fail(at + (key,), "this field is required")
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise self.fail(at + (key,), f"expected a whole number >= 0, found {_kind(value)}")
        return value

    # the format
    def document(self, raw: Any) -> list[Annotation]:
        top = raw if isinstance(raw, dict) else self.mapping(raw, (), SECTIONS)
        if "version" not in top:
            raise self.fail(("version",), "this field is required (the schema version)")
        version = top["version"]
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise self.fail(("version",), f"expected a schema version number, found {_kind(version)}")
        if version > SCHEMA_VERSION:
            line = self.lines.get(("version",))
            raise NewerSchemaError(
                self.path,
                f"written by a newer corpus-tui (schema version {version}; this one reads up to "
                f"{SCHEMA_VERSION}); upgrade corpus-tui to use it",
                line,
                "version",
            )
        self.mapping(top, (), SECTIONS)  # unknown sections only after the version check
        items: list[Annotation] = []
        for i, n in enumerate(self.sequence(top.get("notes"), ("notes",))):
            items.append(self.note(n, ("notes", i)))
        verdicts = top.get("verdicts") or {}
        if not isinstance(verdicts, dict):
            raise self.fail(("verdicts",), f"expected a mapping of discrepancy id -> verdict, found {_kind(verdicts)}")
        for key, v in verdicts.items():
            items.append(self.verdict(str(key), v, ("verdicts", key)))
        for section, cls in (("links", Link), ("unlinks", Unlink)):
            for i, n in enumerate(self.sequence(top.get(section), (section,))):
                items.append(self.pair(cls, n, (section, i)))
        for i, n in enumerate(self.sequence(top.get("mentions"), ("mentions",))):
            items.append(self.mention(n, ("mentions", i)))
        seen: dict[str, tuple] = {}
        for item, at in zip(items, self._paths(top)):
            if item.id in seen:
                raise self.fail(at + ("id",), f"the id '{item.id}' is used twice")
            seen[item.id] = at
        return items

    def _paths(self, top: dict) -> list[tuple]:
        paths = [("notes", i) for i in range(len(self.sequence(top.get("notes"), ("notes",))))]
        paths += [("verdicts", k) for k in (top.get("verdicts") or {})]
        for section in ("links", "unlinks", "mentions"):
            paths += [(section, i) for i in range(len(self.sequence(top.get(section), (section,))))]
        return paths

    def anchor(self, value: Any, at: tuple) -> Anchor:
        m = self.mapping(value, at, ("article", "sha256", "start", "end", "exact", "prefix", "suffix"))
        start, end = self.integer(m, "start", at), self.integer(m, "end", at)
        if end <= start:
            raise self.fail(at + ("end",), f"end ({end}) must be after start ({start}): a span holds at least one character")
        exact = self.string(m, "exact", at, required=True)
        if not exact:
            raise self.fail(at + ("exact",), "the span's words are empty; a span quotes at least one character")
        article = self.string(m, "article", at, required=True)
        if not article:
            raise self.fail(at + ("article",), "the article id is empty")
        return Anchor(
            article=article,
            sha256=self.string(m, "sha256", at),
            start=start,
            end=end,
            exact=exact,
            prefix=self.string(m, "prefix", at),
            suffix=self.string(m, "suffix", at),
        )

    def note(self, value: Any, at: tuple) -> Note:
        m = self.mapping(value, at, ("id", "text", "tags", "targets", "created", "modified"))
        targets = self.sequence(m.get("targets"), at + ("targets",))
        if not targets:
            raise self.fail(at + ("targets",), "a note needs at least one target span")
        tags = self.sequence(m.get("tags"), at + ("tags",))
        for j, tag in enumerate(tags):
            if not isinstance(tag, (str, int, float)) or isinstance(tag, bool):
                raise self.fail(at + ("tags", j), f"expected a tag (text), found {_kind(tag)}")
        return Note(
            id=self.string(m, "id", at, required=True),
            targets=tuple(self.anchor(t, at + ("targets", j)) for j, t in enumerate(targets)),
            text=self.string(m, "text", at),
            tags=tuple(str(t) for t in tags),
            created=self.string(m, "created", at),
            modified=self.string(m, "modified", at),
        )

    def verdict(self, key: str, value: Any, at: tuple) -> Verdict:
        m = self.mapping(value, at, ("verdict", "note", "summary", "evidence", "created", "modified"))
        evidence = []
        for j, e in enumerate(self.sequence(m.get("evidence"), at + ("evidence",))):
            ea = at + ("evidence", j)
            em = self.mapping(e, ea, ("article", "start", "end", "text"))
            evidence.append(
                Evidence(
                    article=self.string(em, "article", ea, required=True),
                    start=self.integer(em, "start", ea),
                    end=self.integer(em, "end", ea),
                    text=self.string(em, "text", ea),
                )
            )
        return Verdict(
            discrepancy=key,
            verdict=self.string(m, "verdict", at, required=True, choices=VERDICT_KINDS),  # type: ignore[arg-type]
            note=self.string(m, "note", at),
            summary=self.string(m, "summary", at),
            evidence=tuple(evidence),
            created=self.string(m, "created", at),
            modified=self.string(m, "modified", at),
        )

    def pair(self, cls: type, value: Any, at: tuple):
        m = self.mapping(value, at, ("id", "note", "created", "a", "b"))
        for key in ("a", "b"):
            if key not in m:
                raise self.fail(at + (key,), "this field is required (a mention span)")
        return cls(
            id=self.string(m, "id", at, required=True),
            a=self.anchor(m["a"], at + ("a",)),
            b=self.anchor(m["b"], at + ("b",)),
            note=self.string(m, "note", at),
            created=self.string(m, "created", at),
        )

    def mention(self, value: Any, at: tuple) -> MentionEdit:
        m = self.mapping(value, at, ("id", "action", "label", "created", "target"))
        action = self.string(m, "action", at, required=True, choices=MENTION_ACTIONS)
        if "target" not in m:
            raise self.fail(at + ("target",), "this field is required (the mention's span)")
        return MentionEdit(
            id=self.string(m, "id", at, required=True),
            action=action,  # type: ignore[arg-type]
            target=self.anchor(m["target"], at + ("target",)),
            label=self.string(m, "label", at, required=action == "add"),
            created=self.string(m, "created", at),
        )


def _kind(value: Any) -> str:
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


# -- writing ------------------------------------------------------------------
class _Dumper(yaml.SafeDumper):
    """Block style, indented lists, never aliases, multi-line text as ``|`` blocks."""

    def ignore_aliases(self, data: Any) -> bool:
        return True

    def increase_indent(self, flow: bool = False, indentless: bool = False):
        return super().increase_indent(flow, False)


# Characters YAML would fold into "\n" inside a block scalar, so they need quoting.
_UNSAFE_IN_BLOCK = frozenset("\r\x85\u2028\u2029\t")


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = None
    if "\n" in value and not (_UNSAFE_IN_BLOCK & set(value)) and all(c.isprintable() or c == "\n" for c in value):
        style = "|"
    elif not value.isprintable():
        style = '"'  # only double quotes escape control and line-break characters exactly
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


class _Inline(str):
    """Anchor text (exact/prefix/suffix): fragments read better quoted on one line."""


def _represent_inline(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = '"' if any(not c.isprintable() for c in value) else None  # "\n" stays "\n"
    return dumper.represent_scalar("tag:yaml.org,2002:str", str(value), style=style)


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(_Inline, _represent_inline)


def _anchor(a: Anchor) -> dict:
    return {
        "article": a.article,
        "sha256": a.sha256,
        "start": a.start,
        "end": a.end,
        "exact": _Inline(a.exact),
        "prefix": _Inline(a.prefix),
        "suffix": _Inline(a.suffix),
    }


def _drop_empty(d: dict) -> dict:
    return {k: v for k, v in d.items() if v not in ("", None, [], ())}


def to_data(items: Iterable[Annotation]) -> dict:
    """The file's content as plain data, in a stable order (oldest first, then id)."""
    items = sorted(items, key=lambda i: (getattr(i, "created", ""), i.id))
    doc: dict[str, Any] = {"version": SCHEMA_VERSION}
    notes = [
        _drop_empty(
            {
                "id": n.id,
                "text": n.text,
                "tags": list(n.tags),
                "created": n.created,
                "modified": n.modified,
                "targets": [_anchor(a) for a in n.targets],
            }
        )
        for n in items
        if isinstance(n, Note)
    ]
    verdicts = {
        v.discrepancy: _drop_empty(
            {
                "verdict": v.verdict,
                "note": v.note,
                "summary": v.summary,
                "created": v.created,
                "modified": v.modified,
                "evidence": [{"article": e.article, "start": e.start, "end": e.end, "text": e.text} for e in v.evidence],
            }
        )
        for v in sorted((i for i in items if isinstance(i, Verdict)), key=lambda v: v.discrepancy)
    }
    pairs = {
        section: [
            _drop_empty({"id": p.id, "note": p.note, "created": p.created, "a": _anchor(p.a), "b": _anchor(p.b)})
            for p in items
            if type(p) is cls
        ]
        for section, cls in (("links", Link), ("unlinks", Unlink))
    }
    mentions = [
        _drop_empty({"id": m.id, "action": m.action, "label": m.label, "created": m.created, "target": _anchor(m.target)})
        for m in items
        if isinstance(m, MentionEdit)
    ]
    for key, value in (("notes", notes), ("verdicts", verdicts), *pairs.items(), ("mentions", mentions)):
        if value:
            doc[key] = value
    return doc


def dumps(items: Iterable[Annotation]) -> str:
    body = yaml.dump(
        to_data(items),
        Dumper=_Dumper,
        sort_keys=False,
        default_flow_style=False,
        allow_unicode=True,
        width=100,
    )
    return HEADER + escape_invisible(body)  # strings holding such characters are double-quoted


BACKUPS = 5  # generations kept: annotations.yaml.bak (the newest), .bak.2, ... .bak.5


def save(
    path: str | os.PathLike,
    items: Iterable[Annotation],
    expected: str | None,
    force: bool = False,
) -> str:
    """Write atomically; return the new file's fingerprint for the next save.

    ``expected`` is the fingerprint from ``load`` (None: there was no file). If
    the file on disk differs, ``FileChangedError`` is raised unless ``force``.
    What the loader would refuse (too large, text that is not UTF-8) is never
    written: ``AnnotationSaveError`` says why and names the annotation.
    """
    path = Path(os.path.realpath(path))  # replace a symlink's target, not the link
    if not force and fingerprint(path) != expected:
        raise FileChangedError(path)
    data = encode(list(items), path)
    mode = None
    try:
        mode = os.stat(path).st_mode & 0o7777
    except OSError:
        pass
    try:
        write_atomically(path, data, mode, keep_backups=True)
    except OSError as e:
        raise AnnotationSaveError(e.errno, f"could not save {path}: {_reason(e)}; the previous file is unchanged") from e
    return hashlib.sha256(data).hexdigest()


def encode(items: list[Annotation], path: str | os.PathLike = DEFAULT_NAME) -> bytes:
    """The file's bytes, checked to load again: ``AnnotationSaveError`` if they would not."""
    for item in items:
        field, value = _not_utf8(item)
        if field:
            raise AnnotationSaveError(
                None,
                f"not saved: {_describe(item)} has a character that cannot be written as UTF-8 in its "
                f"{field} ({value}); the file would not load again. Edit it and save again.",
            )
    data = dumps(items).encode("utf-8")
    if len(data) > MAX_BYTES:
        raise AnnotationSaveError(
            None,
            f"not saved: the file would be {len(data) / 1e6:.1f} MB, over the {MAX_BYTES // (1024 * 1024)} MB "
            "an annotation file may hold (it could not be opened again). Delete some annotations and save again.",
        )
    try:
        parse(data, path)
    except AnnotationFileError as e:
        raise AnnotationSaveError(None, f"not saved: the file would not load again ({e.message})") from e
    return data


def _not_utf8(item: Annotation) -> tuple[str, str]:
    """The first field of ``item`` holding text UTF-8 cannot encode (a lone surrogate)."""
    from dataclasses import fields as dataclass_fields

    def strings(value: Any, name: str):
        if isinstance(value, str):
            yield name, value
        elif isinstance(value, (tuple, list)):
            for v in value:
                yield from strings(v, name)
        elif hasattr(value, "__dataclass_fields__"):
            for f in dataclass_fields(value):
                yield from strings(getattr(value, f.name), f.name)

    for name, text in strings(item, ""):
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as e:
            return name or "text", f"U+{ord(text[e.start]):04X}"
    return "", ""


def _describe(item: Annotation) -> str:
    if isinstance(item, Verdict):
        return f"the verdict on discrepancy {item.discrepancy}"
    return f"annotation {item.id}"


def _reason(e: OSError) -> str:
    return e.strerror or str(e)


def write_atomically(path: Path, data: bytes, mode: int | None = None, keep_backups: bool = False) -> None:
    """Write ``data`` to a temporary file beside ``path``, fsync it, rotate the backups if
    asked (the current file becomes ``.bak``), and rename it into place. A crash at any
    point leaves the old file or the new one, whole; temporary files of a process that
    was killed are removed by the next write."""
    folder = path.parent
    _remove_stale_temporaries(path)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        if mode is None:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp_name, mode)
        if keep_backups and os.path.isfile(path):
            _backup(path, mode)
        os.replace(tmp_name, path)
        tmp_name = None
        _fsync_dir(folder)
    finally:
        if tmp_name is not None:
            try:
                os.unlink(tmp_name)
            except OSError:
                pass


def backup_path(path: str | os.PathLike, generation: int = 1) -> Path:
    """``annotations.yaml.bak`` (the newest), then ``.bak.2`` ... ``.bak.5``."""
    path = Path(path)
    return path.with_name(path.name + ".bak" + (f".{generation}" if generation > 1 else ""))


def _backup(path: Path, mode: int) -> None:
    """Copy the current file to ``.bak`` (itself atomically, with the file's own mode),
    leaving ``path`` in place; older backups move down one generation, the oldest goes."""
    current = path.read_bytes()
    newest = backup_path(path)
    try:
        if newest.read_bytes() == current:
            return  # saved twice without a change in between: nothing new to keep
    except OSError:
        pass
    for generation in range(BACKUPS - 1, 0, -1):
        older = backup_path(path, generation)
        if older.is_file():
            os.replace(older, backup_path(path, generation + 1))
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".bak.tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(current)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, newest)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _remove_stale_temporaries(path: Path) -> None:
    """Temporary files this module wrote (``.<name>.<pid>.<random>.tmp``) whose process is
    gone: left by a kill in the middle of a save. Another instance's are left alone."""
    pattern = re.compile(re.escape(f".{path.name}.") + r"(\d+)\.[A-Za-z0-9_]+(?:\.bak)?\.tmp")
    try:
        names = os.listdir(path.parent)
    except OSError:
        return
    for name in names:
        match = pattern.fullmatch(name)
        if match and not process_alive(int(match.group(1))):
            try:
                os.unlink(path.parent / name)
            except OSError:
                pass


def process_alive(pid: int) -> bool:
    """Whether a process with this id runs (ours counts as running)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError, OverflowError):
        return True  # someone else's process, or we cannot tell: leave its files alone
    return True


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # not possible on every platform; the rename is still atomic
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
