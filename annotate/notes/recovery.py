"""The recovery file: unsaved annotations kept on disk while the app runs.

Whatever ends the app (a crash, a kill, a closed terminal, a power cut),
the reader's unsaved work is in ``annotations.unsaved-<pid>.yaml`` beside
the annotation file: written (atomically) a moment after each change,
deleted when the work is saved or deliberately discarded. The next start
on the same annotation file finds the files of processes that are gone and
offers to restore them. The file is an ordinary annotation file (plus a
comment naming the file it was made on), so it can also be opened with
``--annotations`` or copied over ``annotations.yaml`` by hand.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from annotate.notes import annotation_file
from annotate.notes.annotations import Annotation

_BASE = re.compile(rb"^# base: (\S+)$", re.MULTILINE)
_SURROGATE_ESCAPE = re.compile(r"\\(ud[89a-f][0-9a-f]{2})", re.IGNORECASE)  # YAML refuses "\udcff": kept as the text \udcff


def recovery_path(annotation_path: str | os.PathLike, pid: int | None = None) -> Path:
    path = Path(annotation_path)
    return path.with_name(f"{path.stem}.unsaved-{pid or os.getpid()}{path.suffix or '.yaml'}")


def write(annotation_path: str | os.PathLike, items: list[Annotation], base: str | None) -> Path:
    """Keep ``items`` (the whole unsaved state) in this process's recovery file.
    ``base``: the fingerprint of the annotation file they were made on."""
    path = recovery_path(annotation_path)
    header = (
        "# corpus-tui: unsaved annotations for the annotation file beside this one, kept in case\n"
        "# the app does not exit cleanly. corpus-tui offers to restore them at its next start.\n"
        f"# base: {base or 'none'}\n"  # a sha256 in hex: nothing from the file itself
    ).encode("ascii")
    # Not the save's checks: a note the loader would refuse is kept too, its odd characters escaped.
    body = _SURROGATE_ESCAPE.sub(r"\\\\\1", annotation_file.dumps(items)).encode("utf-8")
    annotation_file.write_atomically(path, header + body)
    return path


def forget(annotation_path: str | os.PathLike) -> None:
    """This process's recovery file is no longer needed (saved, or discarded on purpose)."""
    try:
        os.unlink(recovery_path(annotation_path))
    except OSError:
        pass


@dataclass(frozen=True)
class Recovered:
    path: Path
    items: list[Annotation]
    base: str | None  # fingerprint of the annotation file the work was made on
    modified: float  # when it was last written (seconds since the epoch)


def left_behind(annotation_path: str | os.PathLike) -> list[Path]:
    """Recovery files for this annotation file whose process no longer runs, oldest first."""
    path = Path(annotation_path)
    pattern = re.compile(re.escape(f"{path.stem}.unsaved-") + r"(\d+)" + re.escape(path.suffix or ".yaml"))
    found = []
    try:
        names = os.listdir(path.parent if str(path.parent) else ".")
    except OSError:
        return []
    for name in names:
        match = pattern.fullmatch(name)
        if match and not annotation_file.process_alive(int(match.group(1))):
            candidate = path.with_name(name)
            try:
                found.append((candidate.stat().st_mtime, candidate))
            except OSError:
                continue
    return [p for _, p in sorted(found)]


def read(path: Path) -> Recovered:
    """Load a recovery file (checked like any annotation file: ``AnnotationFileError``)."""
    data = annotation_file.read_file(path)
    if data is None:
        raise annotation_file.AnnotationFileError(path, "the recovery file is gone")
    items = annotation_file.parse(data, path)
    match = _BASE.search(data[:1000])
    base = match.group(1).decode("ascii", "replace") if match else None
    return Recovered(path, items, None if base == "none" else base, path.stat().st_mtime)
