"""The reader's annotations in the app: keys, editors, saving, and what they show.

``Annotator`` is one object the app holds (``app.annotator``); it owns the
annotation store, where each annotation sits in the text now, the pending
link and whether dismissed findings are shown. It reads what the reader
points at through the app's public methods and state (``focused_article``,
``reading.cursor``, ``search_match``, ``top_offset``, ``discrepancy_in_focus``) and
tells the app about every change with an ``Annotator.Changed`` message; the
app then redraws the marks (``spans``) and the sidebar (``without_dismissed``,
``verdict_marks``).

Nothing here writes the file except ``ctrl+s`` (or "save" when quitting),
and never after a failed load.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual.binding import Binding
from textual.content import Content
from textual.message import Message

from annotate.corpus.safe_text import visible

from .widgets.highlights import Span
from .work_keeper import WorkKeeper

# The annotation store, its file format (YAML) and the editors are imported where
# they are used: none of them is needed to put the articles on screen.
if TYPE_CHECKING:
    from annotate.model import Discrepancy, Mention
    from annotate.notes.annotations import Annotation, AnnotationStore, Note

    from .app import CorpusApp

    from .screens.annotation_list import ListChoice
    from .screens.annotation_note import NoteResult, Target

ANNOTATIONS = "Annotations"

# (binding id, keys, action, description, help context, footer label): the same
# fields as ``keymap.Key``, kept as plain tuples so keymap can list them without
# importing this module's dependencies in a cycle.
ANNOTATION_KEYS: tuple[tuple[str, str, str, str, str, str], ...] = (
    ("annotate.note", "a", "note", "Note on the search match, mention or sentence (add, edit, delete)", ANNOTATIONS, "Note"),
    ("annotate.tags", "t", "tags", "Tags on the search match or mention", ANNOTATIONS, ""),
    ("annotate.confirm", "c", "verdict('confirmed')", "Discrepancy: confirm (again: clear)", ANNOTATIONS, ""),
    ("annotate.dismiss", "x", "verdict('dismissed')", "Discrepancy: dismiss, hides it (again: clear)", ANNOTATIONS, ""),
    ("annotate.explain", "e", "verdict('explained')", "Discrepancy: explain, with a note", ANNOTATIONS, ""),
    ("annotate.show_dismissed", "X", "toggle_dismissed", "Show/hide dismissed discrepancies", ANNOTATIONS, ""),
    ("annotate.link", "l", "link", "Link two mentions (l on each); on two linked ones: unlink", ANNOTATIONS, ""),
    ("annotate.add_mention", "m", "add_mention", "Add a missing mention (the search match) with a label", ANNOTATIONS, ""),
    ("annotate.remove_mention", "M", "remove_mention", "Mark the mention under the cursor as wrong", ANNOTATIONS, ""),
    ("annotate.list", "A", "annotations", "All annotations: go to one, delete one", ANNOTATIONS, "Notes"),
    ("annotate.undo", "ctrl+z", "undo", "Undo the last annotation change", ANNOTATIONS, ""),
    ("annotate.redo", "ctrl+y", "redo", "Redo", ANNOTATIONS, ""),
    ("annotate.save", "ctrl+s", "save", "Save annotations", ANNOTATIONS, "Save"),
)

ANNOTATED_STYLE = "annotated"  # ArticlePane component class for annotated spans
VERDICT_MARKS = {"confirmed": "✓ confirmed", "dismissed": "✗ dismissed", "explained": "ℹ explained"}


def annotation_bindings() -> list[Binding]:
    return [
        Binding(keys, action, footer or description, show=bool(footer), tooltip=description, id=binding_id)
        for binding_id, keys, action, description, _context, footer in ANNOTATION_KEYS
    ]


def sentence_around(text: str, start: int, end: int, starts: Sequence[int] | None) -> tuple[int, int]:
    """The sentences holding text[start:end], without surrounding spaces. ``starts``: where the
    article's sentences start (the engine's ``Analysis.sentences``); before the engine has
    split the article, the line holding it."""
    if starts:
        before = starts[max(bisect_right(starts, start) - 1, 0)]
        after = bisect_right(starts, max(end - 1, start))
        stop = starts[after] if after < len(starts) else len(text)
    else:
        before = text.rfind("\n", 0, start) + 1
        stop = text.find("\n", end)
        stop = len(text) if stop < 0 else stop
    before, stop = min(before, start), max(stop, end)
    while before < start and text[before].isspace():
        before += 1
    while stop > end and text[stop - 1].isspace():
        stop -= 1
    return before, stop


def short(text: str, limit: int = 60) -> str:
    words = visible(" ".join(text.split()))
    return words if len(words) <= limit else words[: limit - 1] + "…"


def note_lines(note: str, most: int = 5) -> str:
    """A note as the reader wrote it, line for line (joined, "Published a day apart." and
    "Both right." read as one sentence), each line made one and shortened, at most ``most``."""
    lines = [short(line, 200) for line in note.splitlines() if line.strip()]
    return "\n".join(lines[:most] + (["…"] if len(lines) > most else []))


class Annotator:
    """The reader's annotations: the store, where each annotation is placed in the text now,
    and what the annotation keys do (see the module docstring)."""

    class Changed(Message):
        """The annotations changed: what the reader sees of them (marks, lists, links) is redrawn."""

        def __init__(self, message: str | None = None, shrink: str = "") -> None:
            super().__init__()
            self.message = message  # for the status line, or None
            self.shrink = shrink  # words of the message that give way first on a narrow line

    def __init__(self, reader: CorpusApp, path: Path | None = None) -> None:
        self.reader = reader
        self._given_path = path
        self.store: AnnotationStore | None = None  # None until read (just after the first paint)
        self.status_by_id: dict[str, str] = {}  # annotation id -> anchored, moved, changed or orphaned
        self.places: dict[str, tuple] = {}  # id -> where each span is now (Resolution)
        self.was: dict[str, str] = {}  # annotation id -> the saved words, where the text now differs
        self.fingerprint: str | None = None  # of the file as loaded: a save checks nobody changed it since
        self.base: list[Annotation] = []  # the file as loaded: what a merge compares both copies with
        self.dismissed_shown = False
        self.link_from: Mention | None = None  # the first mention of a link being made (l, then l)
        self.keeper = WorkKeeper(self)
        self._digests: dict[tuple[str, int], str] = {}

    # -- loading -------------------------------------------------------------

    @cached_property
    def path(self) -> Path:
        """The annotation file: the one given, else the corpus's default (found when first needed)."""
        from annotate.notes import annotation_file

        return Path(self._given_path) if self._given_path else annotation_file.default_path(self.reader.paths)

    def ensure(self) -> AnnotationStore:
        """The store, read from the file the first time it is needed: just after the
        first paint, or earlier if an annotation key arrives before that."""
        if self.store is None:
            self.load()
        assert self.store is not None
        return self.store

    def load(self) -> None:
        """Read the file and place every span in the current text; never writes."""
        from annotate.notes import annotation_file
        from annotate.notes.annotations import AnnotationStore, reanchor

        self.dismissed_shown = False
        self.link_from = None
        self.status_by_id, self.places, self.was = {}, {}, {}
        try:
            loaded = annotation_file.load(self.path)
        except annotation_file.AnnotationFileError as error:
            self.store = AnnotationStore(read_only_reason=visible(str(error)))
            self.fingerprint = None
            self.base = []
            self.reader.notify(
                f"{visible(str(error))}\nAnnotations are read-only; the file will not be changed.",
                title="Cannot load annotations",
                severity="error",
                timeout=30,
                markup=False,
            )
            return
        self.fingerprint = loaded.fingerprint
        placed = reanchor(loaded.items, {a.id: a.text for a in self.reader.articles})
        self.store = AnnotationStore(placed.items)
        self.base = list(placed.items)
        self.status_by_id = {item.id: placed.status(item.id) for item in placed.items}
        self.places = dict(placed.resolutions)
        for item_id, resolutions in placed.resolutions.items():
            # Found again, but on other words ("5,000 soldiers" edited to "6,000 soldiers"): changed, not moved.
            changed = [r for r in resolutions if r.status == "changed"]
            if changed:
                self.was[item_id] = changed[0].was
        if loaded.items:
            self._say_what_loaded(len(loaded.items))
        self.changed()
        self.keeper.offer_recovery()

    def _say_what_loaded(self, count: int) -> None:
        statuses = list(self.status_by_id.values())
        moved, changed, orphaned = statuses.count("moved"), statuses.count("changed"), statuses.count("orphaned")
        message = f"{count} annotation{'s' if count != 1 else ''} loaded from {visible(str(self.path))}"
        if moved:
            message += f"; {moved} followed text that moved"
        if changed:
            message += f"; {changed} now on words that changed (A lists them: “changed: was …”; a there accepts the new words)"
        if orphaned:
            message += f"; {orphaned} could not be placed (kept, listed as orphaned: press A)"
        self.reader.notify(message, severity="warning" if orphaned else "information", timeout=10, markup=False)

    # -- what the reader points at ---------------------------------------------

    def note_targets(self, article) -> list[Target]:
        """What a note can attach to, most specific first: the search match, the mention
        under the cursor, then the sentence around either (or at the top of the screen)."""
        from .screens.annotation_note import Target

        text = article.text
        targets: list[Target] = []
        match = self.reader.search_match(article.id)
        cursor = self.reader.reading.cursor(article.id)
        if match:
            targets.append(Target("search match", *match, text[match[0] : match[1]]))
        if cursor is not None:
            targets.append(Target(f"{cursor.kind} under the cursor", cursor.start, cursor.end, cursor.text))
        around = match or ((cursor.start, cursor.end) if cursor else None)
        if around is None:
            top = self.reader.top_offset()
            around = (top, top + 1) if top is not None else None
        if around:
            analysis = self.reader.analysis
            start, end = sentence_around(text, *around, analysis.sentences.get(article.id) if analysis else None)
            if end > start:
                targets.append(Target("sentence", start, end, text[start:end]))
        unique: dict[tuple[int, int], Target] = {}
        for target in targets:
            unique.setdefault((target.start, target.end), target)
        return list(unique.values())

    # -- notes and tags --------------------------------------------------------

    def _writable(self) -> bool:
        store = self.ensure()
        if store.read_only:
            self.reader.notify(
                f"Annotations are read-only: {visible(store.read_only_reason or '')}", severity="error", timeout=10, markup=False
            )
            return False
        return True

    def _note_under(self, article_id: str, targets: list[Target]) -> Note | None:
        from annotate.notes.annotations import Note

        for target in targets[:2]:  # the match or the mention, not the whole sentence
            for item in self.store.at(article_id, target.start, target.end):
                if isinstance(item, Note) and self._placed_here(item, article_id):
                    return item
        return None

    def _placed_here(self, item: Annotation, article_id: str) -> bool:
        from annotate.notes.annotations import anchors_of

        if article_id not in self._article_ids():
            return False
        text = self.reader.index.article(article_id).text
        return any(a.article == article_id and text[a.start : a.end] == a.exact for a in anchors_of(item))

    def note(self) -> None:
        from .screens.annotation_note import NoteScreen, Target

        article = self.reader.focused_article()
        if article is None or not self._writable():
            return
        targets = self.note_targets(article)
        if not targets:
            self.reader.status.say("Nothing to annotate: put the cursor on a mention (]) or search for words (/)")
            return
        existing = self._note_under(article.id, targets)
        if existing is not None:
            span = next(a for a in existing.targets if a.article == article.id)
            saved = Target("note on", span.start, span.end, span.exact)
            screen = NoteScreen([saved], existing.text, existing.tags, editing=True, title="Edit note")
            self.reader.push_screen(screen, lambda result: self._note_done(article, result, existing))
        else:
            screen = NoteScreen(targets, title="New note")
            self.reader.push_screen(screen, lambda result: self._note_done(article, result, None))

    def _note_done(self, article, result: NoteResult | None, existing: Note | None) -> None:
        from annotate.notes.anchoring import make_anchor
        from annotate.notes.annotations import Note, new_id, now_iso

        if result is None:
            return
        store = self.store
        if existing is not None and result.delete:
            store.remove(existing.id)
            self.changed("Note deleted (ctrl+z to undo)")
            return
        if existing is not None:
            store.put(replace(existing, text=result.text, tags=result.tags, modified=now_iso()))
            self.changed("Note updated")
            return
        if not result.text and not result.tags:
            self.reader.status.say("Empty note not added")
            return
        target = result.target
        stamp = now_iso()
        note = Note(
            id=new_id("note"),
            targets=(make_anchor(article.id, article.text, target.start, target.end, self._digest(article)),),
            text=result.text,
            tags=result.tags,
            created=stamp,
            modified=stamp,
        )
        store.put(note)
        self.status_by_id[note.id] = "anchored"
        self.changed(f"Note added on “{short(target.text)}”", shrink=short(target.text))

    def tags(self) -> None:
        from annotate.notes.annotations import now_iso

        from .screens.annotation_note import NoteResult, parse_tags
        from .screens.annotation_prompt import TextPrompt

        article = self.reader.focused_article()
        if article is None or not self._writable():
            return
        targets = self.note_targets(article)
        if not targets:
            self.reader.status.say("Put the cursor on a mention (]) or search (/) for the words to tag")
            return
        existing = self._note_under(article.id, targets)
        target = targets[0]
        words = existing.targets[0].exact if existing else target.text
        prompt = TextPrompt(
            "Tags",
            Content(f"Tags for “{short(words)}”, comma separated:"),
            ", ".join(existing.tags) if existing else "",
            placeholder="e.g. check, sourcing",
        )

        def done(value: str | None) -> None:
            if value is None:
                return
            tags = parse_tags(value)
            if existing is not None:
                self.store.put(replace(existing, tags=tags, modified=now_iso()))
            elif tags:
                self._note_done(article, NoteResult(target, "", tags), None)
                return
            self.changed(f"Tags: {', '.join(tags) or 'none'}")

        self.reader.push_screen(prompt, done)

    # -- verdicts --------------------------------------------------------------

    def verdict(self, kind: str) -> None:
        from .screens.annotation_prompt import TextPrompt

        discrepancy = self.reader.discrepancy_in_focus()
        if discrepancy is None:
            self.reader.status.say("Select a discrepancy first (d, or enter in the sidebar)")
            return
        if not self._writable():
            return
        store = self.store
        current = store.verdict(discrepancy.id)
        if kind == "explained":
            prompt = TextPrompt(
                "Explain",
                Content(f"Why do the articles differ on “{short(self._summary(discrepancy), 70)}”?"),
                current.note if current else "",
                multiline=True,
            )
            self.reader.push_screen(prompt, lambda note: note is not None and self._set_verdict(discrepancy, kind, note))
            return
        if current is not None and current.verdict == kind:
            store.remove(current.id)
            summary = short(self._summary(discrepancy))
            self.changed(f"Verdict cleared: {summary}", shrink=summary)
            return
        self._set_verdict(discrepancy, kind, current.note if current else "")

    def _set_verdict(self, discrepancy: Discrepancy, kind: str, note: str) -> None:
        from annotate.notes.annotations import verdict_for

        verdict = verdict_for(discrepancy, kind, note)  # type: ignore[arg-type]
        current = self.store.verdict(discrepancy.id)
        if current is not None:
            verdict = replace(verdict, created=current.created or verdict.created)
        self.store.put(verdict)
        summary = short(self._summary(discrepancy))
        message = f"{VERDICT_MARKS[kind].capitalize()}: {summary}"
        if kind == "dismissed" and not self.dismissed_shown:
            message += " (hidden; X shows dismissed)"
        self.changed(message, shrink=summary)

    def _summary(self, discrepancy: Discrepancy) -> str:
        """The finding's summary as the sidebar words it: articles by their labels (A, B)."""
        from annotate.corpus.labels import with_labels

        return with_labels(discrepancy.summary or discrepancy.subject, self.reader.labels, discrepancy.values)

    def without_dismissed(self, discrepancies: list[Discrepancy]) -> list[Discrepancy]:
        """Dismissed discrepancies are hidden unless shown with X."""
        if self.store is None or self.dismissed_shown:
            return discrepancies
        verdicts = self.store.verdicts
        return [d for d in discrepancies if d.id not in verdicts or verdicts[d.id].verdict != "dismissed"]

    def verdict_marks(self) -> dict[str, tuple[Text, Text | None]]:
        """Discrepancy id -> the mark in front of its entry in the list, and the verdict's note."""
        if self.store is None:
            return {}
        return {
            discrepancy_id: (
                Text(VERDICT_MARKS[verdict.verdict] + " ", style="bold italic"),
                Text(note_lines(verdict.note), style="italic") if verdict.note else None,
            )
            for discrepancy_id, verdict in self.store.verdicts.items()
        }

    def toggle_dismissed(self) -> None:
        self.ensure()
        self.dismissed_shown = not self.dismissed_shown
        self.reader.post_message(self.Changed())
        self.reader.status.say(f"Dismissed discrepancies {'shown' if self.dismissed_shown else 'hidden'}")

    # -- links and mentions ----------------------------------------------------

    def link(self) -> None:
        from annotate.notes.annotations import Link, Unlink, new_id, now_iso

        article = self.reader.focused_article()
        if article is None or not self._writable():
            return
        mention = self.reader.reading.cursor(article.id)
        if mention is None:
            self.reader.status.say("Put the cursor on a mention (] or click), press l, then l on the other one")
            return
        if mention.kind != "entity":  # links join names into one entity; a number or date has none
            self.reader.status.say(f"Only names can be linked; “{short(mention.text)}” is a {mention.kind}: put the cursor on a name")
            return
        first = self.link_from
        if first is mention:
            self.link_from = None
            self.reader.status.say("Linking cancelled")
            return
        if first is None:
            self.link_from = mention
            self.reader.status.say(f"Linking “{short(mention.text)}”: put the cursor on the other mention and press l")
            return
        self.link_from = None
        same = (
            self.reader.index.entity_of(first) is not None and self.reader.index.entity_of(first) == self.reader.index.entity_of(mention)
        )
        a, b = self._mention_anchor(first), self._mention_anchor(mention)
        if same:  # the reader's own link of these two: take it back, rather than saving a link and its unlink
            spans = {(x.article, x.start, x.end) for x in (a, b)}
            own = next(
                (i for i in self.store if isinstance(i, Link) and {(x.article, x.start, x.end) for x in (i.a, i.b)} == spans), None
            )
            if own is not None:
                self.store.remove(own.id)
                self.changed(f"Your link removed: “{short(first.text)}” and “{short(mention.text)}” (ctrl+z to undo)")
                return
        cls = Unlink if same else Link
        item = cls(id=new_id("unlink" if same else "link"), a=a, b=b, created=now_iso())
        self.store.put(item)
        self.status_by_id[item.id] = "anchored"
        verb = "Unlinked" if same else "Linked"
        self.changed(f"{verb} “{short(first.text)}” and “{short(mention.text)}” (ctrl+z to undo)")

    def _mention_anchor(self, mention: Mention):
        from annotate.notes.anchoring import make_anchor

        article = self.reader.index.article(mention.article)
        return make_anchor(article.id, article.text, mention.start, mention.end, self._digest(article))

    def add_mention(self) -> None:
        from annotate.notes.anchoring import make_anchor
        from annotate.notes.annotations import MentionEdit, new_id, now_iso

        from .screens.annotation_prompt import TextPrompt

        article = self.reader.focused_article()
        if article is None or not self._writable():
            return
        match = self.reader.search_match(article.id)
        if match is None:
            self.reader.status.say("Search (/) for the missing mention's words first, then press m")
            return
        words = article.text[match[0] : match[1]]
        prompt = TextPrompt(
            "Add a mention",
            Content(f"What is “{short(words)}”? (person, organisation, place, group, number, date, quote…; enter alone: person):"),
            placeholder="person",
        )

        def done(label: str | None) -> None:
            from .words import label_from_plain

            if label is None:  # escape
                return
            label = label_from_plain(label or "person")  # enter alone takes the word the box shows; saved as the engine's label (PERSON, GPE…)
            item = MentionEdit(
                id=new_id("mention"),
                action="add",
                target=make_anchor(article.id, article.text, *match, self._digest(article)),
                label=label,
                created=now_iso(),
            )
            self.store.put(item)
            self.status_by_id[item.id] = "anchored"
            from .words import plain_label

            self.changed(f"Mention added: “{short(words)}” as {plain_label(label)}", shrink=short(words))

        self.reader.push_screen(prompt, done)

    def remove_mention(self) -> None:
        from annotate.notes.annotations import MentionEdit, new_id, now_iso

        article = self.reader.focused_article()
        if article is None or not self._writable():
            return
        mention = self.reader.reading.cursor(article.id)
        if mention is None:
            self.reader.status.say("Put the cursor on the wrong mention first (] or click), then press M")
            return
        from annotate.notes.reader_edits import USER_PREFIX

        added = self.store.get(mention.id.removeprefix(USER_PREFIX)) if mention.id.startswith(USER_PREFIX) else None
        if isinstance(added, MentionEdit) and added.action == "add":
            # The reader's own mention: take the addition back, rather than saving an addition and its removal.
            self.store.remove(added.id)
            self.changed(f"Your mention removed: “{short(mention.text)}” (ctrl+z to undo)", shrink=short(mention.text))
            return
        item = MentionEdit(
            id=new_id("mention"),
            action="remove",
            target=self._mention_anchor(mention),
            label=mention.label,
            created=now_iso(),
        )
        self.store.put(item)
        self.status_by_id[item.id] = "anchored"
        self.changed(f"Marked as not a mention: “{short(mention.text)}” (ctrl+z to undo)", shrink=short(mention.text))

    # -- undo, redo, list --------------------------------------------------------

    def undo(self) -> None:
        if self._writable():
            done = self.store.undo()
            self.changed("Undone" if done else "Nothing to undo")

    def redo(self) -> None:
        if self._writable():
            done = self.store.redo()
            self.changed("Redone" if done else "Nothing to redo")

    def rows(self) -> list[tuple[str, Text]]:
        rows = []
        for item in self.store:
            rows.append((item.id, self._describe_annotation(item)))
        return rows

    def _describe_annotation(self, item: Annotation) -> Text:
        from annotate.notes.annotations import Link, MentionEdit, Note, Unlink, Verdict, anchors_of

        status = self.status_by_id.get(item.id, "anchored")
        line = Text()
        if isinstance(item, Verdict):
            from annotate.corpus.labels import with_labels

            line.append(VERDICT_MARKS[item.verdict], style="bold")
            summary = with_labels(item.summary or item.discrepancy, self.reader.labels, {e.article for e in item.evidence})
            line.append(f"  {short(summary, 80)}")
            if item.note:
                line.append(f"\n    {short(item.note, 120)}", style="italic")
            return line
        kind = {Note: "note", Link: "link", Unlink: "unlink", MentionEdit: "mention"}[type(item)]
        if isinstance(item, MentionEdit):
            kind = f"mention {'added' if item.action == 'add' else 'removed'}"
        line.append(f"{kind:<16}", style="bold")
        spans = anchors_of(item)
        places = self.places.get(item.id, ()) if status == "changed" else ()
        for n, anchor in enumerate(spans):
            if n:
                line.append(" ↔ ")
            line.append(f"{self.reader.labels.get(anchor.article, visible(anchor.article))}: ", style="dim")
            now = places[n].text if n < len(places) and places[n].status == "changed" else None
            line.append(f"“{short(now if now is not None else anchor.exact, 50)}”")  # the words in the article now
        was = self.was.get(item.id)
        if status == "changed" and was is not None:
            line.append(f"  [changed: was “{short(was, 50)}”; a accepts the new words]", style="bold")
        elif status != "anchored":
            line.append(f"  [{status}]", style="bold reverse" if status == "orphaned" else "italic")
        if isinstance(item, Note):
            if item.tags:
                line.append("  #" + " #".join(visible(t) for t in item.tags), style="italic")
            if item.text:
                line.append(f"\n    {short(item.text, 120)}")
        elif isinstance(item, MentionEdit) and item.label:
            line.append(f"  {visible(item.label)}", style="italic")
        return line

    def show_list(self) -> None:
        from .screens.annotation_list import AnnotationsScreen

        store = self.ensure()
        self.reader.push_screen(AnnotationsScreen(self.rows(), store.read_only, store.read_only_reason), self._list_done)

    def _list_done(self, choice: ListChoice | None) -> None:
        from annotate.notes.annotations import Verdict, anchors_of

        if choice is None:
            return
        item = self.store.get(choice.annotation_id)
        if item is None:
            return
        if choice.action == "delete":
            if self._writable():
                self.store.remove(item.id)
                self.changed("Annotation deleted (ctrl+z to undo)")
            return
        if choice.action == "accept":
            self._accept_changed(item)
            return
        if isinstance(item, Verdict):
            if self.reader.discrepancy(item.discrepancy) is not None:
                self.reader.select_discrepancy(item.discrepancy)
            else:
                from annotate.corpus.labels import with_labels

                summary = with_labels(item.summary, self.reader.labels, self.reader.labels)
                self.reader.status.say("The engine no longer reports this discrepancy", short(summary, 80))
            return
        for anchor in anchors_of(item):
            if self._placed_here(item, anchor.article):
                self.reader.go_to(anchor.article, anchor.start)
                self.reader.status.say(f"“{short(anchor.exact)}”", self.reader.labels.get(anchor.article, visible(anchor.article)))
                return
        for r in self.places.get(item.id, ()):
            if r.status == "changed" and r.anchor.article in self._article_ids():
                self.reader.go_to(r.anchor.article, r.start)
                self.reader.status.say(f"changed: was “{short(r.was)}”, now “{short(r.text or '')}”", "A, then a: accept the new words")
                return
        self.reader.status.say("This annotation's words are no longer in the articles (kept, orphaned)")

    def _accept_changed(self, item: Annotation) -> None:
        """The reader's say: a changed annotation takes the words now in the article."""
        from annotate.notes.anchoring import accept
        from annotate.notes.annotations import anchors_of, with_anchors

        places = self.places.get(item.id, ())
        if not any(r.status == "changed" for r in places) or not self._writable():
            self.reader.status.say("Only a changed annotation (its words were edited) has new words to accept")
            return
        texts = {a.id: a.text for a in self.reader.articles}
        anchors = tuple(
            accept(r, texts[r.anchor.article]) if r.status == "changed" and r.anchor.article in texts else a
            for r, a in zip(places, anchors_of(item))
        )
        self.store.put(with_anchors(item, anchors))
        self.status_by_id[item.id] = "anchored"
        self.places.pop(item.id, None)
        self.was.pop(item.id, None)
        self.changed(f"Accepted the new words: “{short(anchors[0].exact)}” (ctrl+z to undo)", shrink=short(anchors[0].exact))

    # -- showing ------------------------------------------------------------------

    def spans(self, article_id: str) -> list[Span]:
        """Every annotated span placed in this article (drawn by ``refresh_marks``)."""
        store = self.store
        if store is None:
            return []
        from annotate.notes.annotations import anchors_of

        text = self.reader.index.article(article_id).text
        style = ANNOTATED_STYLE if self._pane_has_style(ANNOTATED_STYLE) else "linked"
        spans = []
        for item in store:
            for a in anchors_of(item):
                if a.article == article_id and text[a.start : a.end] == a.exact:
                    spans.append(Span(a.start, a.end, style))
        for item_id, places in self.places.items():
            if store.get(item_id) is not None and self.status_by_id.get(item_id) == "changed":
                spans += [Span(r.start, r.end, style) for r in places if r.status == "changed" and r.anchor.article == article_id]
        return spans

    @staticmethod
    def _pane_has_style(name: str) -> bool:
        from .widgets.article_pane import ArticlePane

        return f"article-pane--{name}" in ArticlePane.COMPONENT_CLASSES

    def changed(self, message: str | None = None, shrink: str = "") -> None:
        """After every change to the store: keep a recovery copy, tell the reader.
        ``shrink``: the quoted words in ``message`` that a narrow status line cuts first."""
        assert self.store is not None
        self.keeper.changed()
        if message and self.store.dirty:
            message += " · unsaved, ctrl+s saves"
        self.reader.post_message(self.Changed(message, shrink))

    def mention_edits(self) -> list:
        """The reader's links and mention edits, as the engine applies them."""
        from annotate.notes.reader_edits import mention_edits

        return mention_edits(self.store) if self.store is not None else []

    def _article_ids(self) -> set[str]:
        return {a.id for a in self.reader.articles}

    def _digest(self, article) -> str:
        from annotate.notes.anchoring import text_hash

        cache = self._digests
        key = (article.id, len(article.text))
        if key not in cache:
            cache[key] = text_hash(article.text)
        return cache[key]

    # -- saving and quitting ------------------------------------------------------

    def save(self, force: bool = False, then=None) -> bool:
        """Save; on a file changed on disk, ask. ``then`` runs after a successful save."""
        from annotate.notes import annotation_file
        from annotate.notes.annotations import ReadOnlyError

        store = self.ensure()
        if store.read_only:
            self.reader.notify(
                f"Not saved: annotations are read-only because the file could not be loaded.\n{visible(store.read_only_reason or '')}",
                severity="error",
                timeout=15,
                markup=False,
            )
            return False
        try:
            self.fingerprint = annotation_file.save(self.path, list(store), self.fingerprint, force=force)
        except annotation_file.FileChangedError:
            self.keeper.ask_about_changed_file(then)
            return False
        except (annotation_file.AnnotationSaveError, ReadOnlyError) as error:
            self.reader.notify(visible(str(error)), title="Not saved", severity="error", timeout=20, markup=False)
            return False
        store.mark_saved()
        self.base = list(store)
        self.keeper.forget()
        count = len(store)
        message = f"Saved {count} annotation{'s' if count != 1 else ''} to {visible(str(self.path))}"
        self.reader.notify(message, timeout=4, markup=False)
        self.reader.status.say(message)
        if then is not None:
            then()
        return True


    def quit(self) -> None:
        """Quit, asking first when there are unsaved annotations."""
        from .screens.annotation_prompt import ChoicePrompt

        store = self.store
        if store is None or store.read_only or not store.dirty:
            self.reader.exit()
            return
        question = Content(f"You have unsaved annotations. Save them to {visible(str(self.path))}?")
        choices = [("save", "Save and quit"), ("discard", "Discard and quit"), ("cancel", "Cancel")]

        def chosen(key: str | None) -> None:
            if key == "save":
                self.save(then=self.reader.exit)
            elif key == "discard":
                self.keeper.forget()  # discarded on purpose: nothing to recover
                self.reader.exit()

        self.reader.push_screen(ChoicePrompt("Unsaved annotations", question, choices), chosen)
