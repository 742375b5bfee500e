"""Never lose the reader's annotations: the recovery file, its restore, and merging.

``WorkKeeper`` belongs to the ``Annotator``. A moment after each change it writes the
whole unsaved state to the recovery file (``annotate.notes.recovery``), in a
thread so a large file never holds up a key; it deletes the file when the
work is saved or discarded on purpose. At start it offers to restore what a
corpus-tui that did not exit cleanly left behind. When a save finds the file
changed on disk (another instance, ``git pull``) it offers a merge by
annotation id, and says plainly what overwriting or reloading would drop.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from textual.content import Content

from annotate.corpus.safe_text import visible

if TYPE_CHECKING:
    from annotate.notes.annotations import Annotation

    from .annotation_ui import Annotator

RECOVERY_DELAY = 0.5  # seconds after the last change; a crash loses at most this much


def shown(path: Path | str) -> str:
    """A path for the screen: file names are data, their control characters made visible."""
    return visible(str(path))


def plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


class WorkKeeper:
    def __init__(self, notes: Annotator) -> None:
        self.notes = notes
        self.app = notes.reader
        self._timer = None
        self._warned = False

    # -- the recovery file ---------------------------------------------------

    def changed(self) -> None:
        """After any change to the store: keep the unsaved state, or drop the file when clean."""
        store = self.notes.store
        if store.read_only:
            return
        if not store.dirty:
            self.forget()
            return
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.app.set_timer(RECOVERY_DELAY, self._write_soon)

    def _write_soon(self) -> None:
        self._timer = None
        store = self.notes.store
        if not store.dirty:
            return
        items = list(store)
        path, base = self.notes.path, self.notes.fingerprint
        self.app.run_worker(lambda: self._write(path, items, base), thread=True, group="recovery", exclusive=True)

    def _write(self, path: Path, items: list[Annotation], base: str | None) -> None:
        from annotate.notes import recovery

        try:
            recovery.write(path, items, base)
        except OSError as error:
            if not self._warned:
                self._warned = True
                message = f"Cannot keep a recovery copy of unsaved annotations beside {shown(path)}: {error.strerror or error}. Save often."
                self.app.call_from_thread(self.app.notify, message, severity="warning", timeout=10, markup=False)

    def forget(self) -> None:
        """The work is saved, or discarded on purpose: no recovery file."""
        from annotate.notes import recovery

        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        recovery.forget(self.notes.path)

    # -- restoring ------------------------------------------------------------

    def offer_recovery(self) -> None:
        """At start: unsaved work left by an instance that did not exit cleanly?"""
        from annotate.notes import annotation_file, recovery

        store = self.notes.store
        if store.read_only:
            return
        for path in recovery.left_behind(self.notes.path):
            try:
                found = recovery.read(path)
            except annotation_file.AnnotationFileError as error:
                self.app.notify(f"A recovery file cannot be read and was left as it is: {shown(error)}",
                                severity="warning", timeout=15, markup=False)
                continue
            self._ask_to_restore(found)
            return  # one question at a time; the next start offers the next file

    def _ask_to_restore(self, found) -> None:
        from annotate.notes import recovery

        from .screens.annotation_prompt import ChoicePrompt

        when = dt.datetime.fromtimestamp(found.modified).strftime("%Y-%m-%d %H:%M")
        question = Content(
            f"corpus-tui did not exit cleanly and left unsaved annotations ({plural(len(found.items), 'annotation')}, "
            f"last changed {when}) in {shown(found.path)}.\n"
            "Restore them? They are merged with the annotation file and left unsaved: ctrl+s saves them. "
            "Later keeps it for the next start; Discard (→ to it, then enter: no letter presses it) deletes it."
        )
        choices = [("restore", "Restore"), ("later", "Later"), ("discard", "Discard")]

        def chosen(key: str | None) -> None:
            if key == "restore":
                self.restore(found)
            elif key == "discard":
                found.path.unlink(missing_ok=True)
                self.app.status.say("Recovered annotations discarded")

        # It appears by itself while the reader may be typing: d, the next discrepancy, must not discard.
        self.app.push_screen(ChoicePrompt("Unsaved annotations found", question, choices, without_letter={"discard"}), chosen)

    def restore(self, found) -> None:
        from annotate.notes.annotations import reanchor
        from annotate.notes.merge import merge

        store = self.notes.store
        current = list(store)
        placed = reanchor(found.items, {a.id: a.text for a in self.app.articles})
        base = current if found.base == self.notes.fingerprint else None
        merged = merge(base, placed.items, current)
        changes = self._apply(merged.items)
        for item_id, rs in placed.resolutions.items():
            self.notes.status_by_id[item_id] = placed.status(item_id)
            self.notes.places[item_id] = rs
            changed = [r for r in rs if r.status == "changed"]
            if changed:
                self.notes.was[item_id] = changed[0].was
        found.path.unlink(missing_ok=True)
        self.notes.changed(f"Restored {plural(changes, 'unsaved change')}")

    def _apply(self, items: list[Annotation]) -> int:
        """Make the store hold ``items``, one undoable edit per annotation that differs."""
        store = self.notes.store
        wanted = {i.id: i for i in items}
        changes = 0
        for item in list(store):
            if item.id not in wanted:
                store.remove(item.id)
                changes += 1
        for item in items:
            if store.get(item.id) != item:
                store.put(item)
                changes += 1
        return changes

    # -- the file changed on disk ----------------------------------------------

    def ask_about_changed_file(self, then) -> None:
        from annotate.notes import annotation_file
        from annotate.notes.annotations import reanchor
        from annotate.notes.merge import dropped_by_overwrite

        from .screens.annotation_prompt import ChoicePrompt

        app = self.app
        store = self.notes.store
        mine = list(store)
        try:
            theirs = reanchor(annotation_file.load(self.notes.path).items, {a.id: a.text for a in app.articles}).items
        except annotation_file.AnnotationFileError as error:
            theirs = None
            reason = shown(error)
        base = self.notes.base
        base_by = {b.id: b for b in base}
        unsaved = sum(1 for i in {*(x.id for x in mine), *base_by} if store.get(i) != base_by.get(i))
        if theirs is None:
            question = Content(
                f"{shown(self.notes.path)} was changed on disk and cannot be read now ({reason}), so it cannot be merged.\n"
                "Overwrite it with your annotations (the file on disk is kept as .bak), or cancel and look at it first?"
            )
            choices = [("cancel", "Cancel"), ("overwrite", "Overwrite")]
        else:
            dropped = dropped_by_overwrite(base, mine, theirs)
            question = Content(
                f"{shown(self.notes.path)} was changed on disk since it was loaded "
                f"(another corpus-tui, an editor, git).\n"
                f"Merge: keep both, annotation by annotation (where both changed one, yours is kept).\n"
                f"Overwrite: drop {plural(dropped, 'annotation')} added or changed on disk (kept in .bak).\n"
                f"Reload: drop your {plural(unsaved, 'unsaved change')} and read the file again."
            )
            choices = [("merge", "Merge"), ("overwrite", "Overwrite"), ("reload", "Reload"), ("cancel", "Cancel")]

        def chosen(key: str | None) -> None:
            if key == "merge" and theirs is not None:
                self.merge_and_save(theirs, then)
            elif key == "overwrite":
                self.notes.save(force=True, then=then)
            elif key == "reload":
                self.forget()
                self.notes.load()
                app.notify("Reloaded annotations from disk", timeout=4)

        app.push_screen(ChoicePrompt("File changed on disk", question, choices), chosen)

    def merge_and_save(self, theirs: list[Annotation], then) -> None:
        from annotate.notes.merge import merge

        app = self.app
        merged = merge(self.notes.base, list(self.notes.store), theirs)
        self._apply(merged.items)
        if self.notes.save(force=True, then=then):
            message = f"Merged: {plural(len(merged.from_theirs), 'annotation')} from the file on disk kept"
            if merged.conflicts:
                message += f"; {plural(len(merged.conflicts), 'annotation')} changed on both sides: yours kept"
            app.notify(message, timeout=8, markup=False)
