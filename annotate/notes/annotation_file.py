"""The annotation file on disk: safe loading with precise errors, atomic saving.

Loading never trusts the file: it must be small, UTF-8, plain YAML without
aliases (no "billion laughs"), of a schema version this program knows, and
every field is checked by the typed format (``annotation_format``); an error
names the file, the line and the field. Saving writes
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
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from annotate.notes.annotations import SCHEMA_VERSION, Annotation, Verdict
from annotate.corpus.safe_text import escape_invisible, visible

DEFAULT_NAME = "annotations.yaml"
MAX_BYTES = 8 * 1024 * 1024  # far above any hand-made file; refuses junk quickly
MAX_DEPTH = 32  # the format nests 5 levels deep
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
    return _annotations(raw, path, _line_index(node, path))


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
    """Line (1-based) of every value by its path of keys/indexes: the line of its key in a
    mapping (a nested mapping starts on the line below), its own in a list. Refuses duplicate
    keys, which YAML loaders otherwise resolve by silently dropping one."""
    lines: dict[tuple, int] = {}

    def walk(n: yaml.Node, at: tuple, line: int) -> None:
        lines[at] = line
        if isinstance(n, yaml.MappingNode):
            seen: set = set()
            for k, v in n.value:
                key = k.value if isinstance(k, yaml.ScalarNode) else id(k)
                if key in seen:
                    raise AnnotationFileError(
                        path, "this key appears twice in the same mapping", k.start_mark.line + 1, _field(at + (key,))
                    )
                seen.add(key)
                walk(v, at + (key,), k.start_mark.line + 1)
        elif isinstance(n, yaml.SequenceNode):
            for i, v in enumerate(n.value):
                walk(v, at + (i,), v.start_mark.line + 1)

    if node is not None:
        walk(node, (), node.start_mark.line + 1)
    return lines


def _field(at: tuple) -> str:
    out = ""
    for part in at:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _annotations(raw: Any, path: str | os.PathLike, lines: dict[tuple, int]) -> list[Annotation]:
    """The typed annotations of the parsed file (``annotation_format``), the version first:
    a newer file is refused for its version, not for the sections it added."""
    from pydantic import ValidationError

    from annotate.notes.annotation_format import AnnotationFile, Versioned

    try:
        version = Versioned.model_validate(raw).version
        if version > SCHEMA_VERSION:
            raise NewerSchemaError(
                path,
                f"written by a newer corpus-tui (schema version {version}; this one reads up to "
                f"{SCHEMA_VERSION}); upgrade corpus-tui to use it",
                lines.get(("version",)),
                "version",
            )
        return AnnotationFile.model_validate(raw).records()
    except ValidationError as e:
        raise _first_problem(e, path, lines) from None


def _first_problem(error: Any, path: str | os.PathLike, lines: dict[tuple, int]) -> AnnotationFileError:
    """The problem a reader meets first in the file, with its line and field. A check may
    point below the value it was given (``at``: an unknown or missing field, a repeated id)."""
    found = []
    for problem in error.errors(include_url=False):
        at = (*problem["loc"], *problem.get("ctx", {}).get("at", ()))
        found.append((_line_of(at, lines), at, problem["msg"]))
    line, at, message = min(found, key=lambda f: f[0] or 0)
    return AnnotationFileError(path, message, line, _field(at) or None)


def _line_of(at: tuple, lines: dict[tuple, int]) -> int | None:
    """The line of the value at ``at``, or of the nearest enclosing one (a missing field:
    the mapping that lacks it)."""
    for n in range(len(at), -1, -1):
        if at[:n] in lines:
            return lines[at[:n]]
    return None


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


def dumps(items: Iterable[Annotation]) -> str:
    """The file's text: the typed format's plain data (``annotation_format.to_data``) as
    block YAML under a short header."""
    from annotate.notes.annotation_format import to_data

    body = yaml.dump(
        to_data(items, span_text=_Inline),
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
    _remove_stale_temporaries(path)
    if mode is None:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    with _temporary_copy(path, data, mode, ".tmp") as tmp:
        if keep_backups and os.path.isfile(path):
            _backup(path, mode)
        os.replace(tmp, path)
    _fsync_dir(path.parent)


@contextmanager
def _temporary_copy(path: Path, data: bytes, mode: int, suffix: str) -> Iterator[str]:
    """``data`` in a fsynced temporary file beside ``path`` (named so that
    ``_remove_stale_temporaries`` knows it), for the caller to rename into place; removed
    if anything fails on the way."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=suffix, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, mode)
        yield tmp
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


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
    with _temporary_copy(path, current, mode, ".bak.tmp") as tmp:
        os.replace(tmp, newest)


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
