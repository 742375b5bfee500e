"""Moving the reader: mentions, entities, discrepancies, stories, and back again.

``Navigator`` is one object the app holds (``app.navigator``); it owns the jump
list (``ctrl+o`` / ``ctrl+i``) and where the last selected discrepancy was in
its story's list. Each move builds the next ``ReadingState`` and sets it once
(through ``app.focus_column`` or ``ColumnLayout``), so the marks are drawn
once; where things are comes from the app's ``index`` and ``stories``, and
the status line says where the reader landed.

- ``]`` / ``[``: ``mention``; a click: ``place_cursor``
- ``n`` / ``N`` and the Entities tab: ``entity``, ``select_entity``
- ``d`` / ``D``, the Discrepancies tab and Coverage rows: ``discrepancy``, ``select_discrepancy``, ``show_evidence``
- ``}`` / ``{``, ``>`` / ``<`` and the articles list: ``story``, ``swap_article``, ``show_article``
- ``ctrl+o`` / ``ctrl+i``: ``jump``; every jump above calls ``remember_place`` first
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .jump_list import JumpList, Place
from .reading_state import ReadingState

if TYPE_CHECKING:
    from annotate.model import Discrepancy, Evidence, Mention

    from .app import CorpusApp
    from .widgets.article_pane import ArticlePane


class Navigator:
    def __init__(self, reader: CorpusApp) -> None:
        self.reader = reader
        self.jumps = JumpList()
        self._discrepancy_position = 0  # where the selected one was in its story's list (it may be dismissed since)

    # -- where things go ---------------------------------------------------------

    def placed(self, article_id: str, reading: ReadingState, avoid: set[int] | None = None) -> tuple[int, ReadingState]:
        """The column for ``article_id`` and ``reading`` with it shown there.

        It goes in the column after the focused one, so what the reader was
        comparing with stays on screen. Another story's article brings its
        story at once (the number of columns follows the story).
        """
        reader = self.reader
        count = reader.column_count
        visible = reading.shown[:count]
        if article_id in visible:
            return visible.index(article_id), reading
        story = reader.story_of(article_id)
        if story is not reader.story_of(reading.article):
            reader.column_layout.show_story(story, first=article_id, reading=reading)  # columns never mix stories
            return reader.reading.shown.index(article_id), reader.reading
        avoid = avoid or set()
        order = [(reading.column + k) % count for k in range(1, count + 1)]
        column = next((c for c in order if c not in avoid), order[0])
        return column, reading.showing(column, article_id)

    def show_article(self, article_id: str) -> None:
        """Put an article in the focused column (or focus it where it is)."""
        reader = self.reader
        reading = reader.reading
        visible = reading.shown[: reader.column_count]
        if article_id in visible:
            reader.focus_column(visible.index(article_id))
            label = reader.labels[article_id]
            reader.status.say(f"{label} is already on screen, in column {visible.index(article_id) + 1}")
        elif reader.story_of(article_id) is not reader.story_of(reading.article):
            self.remember_place()
            reader.column_layout.show_story(reader.story_of(article_id), first=article_id)
            reader.focus_column(0)
            reader.status.say(*reader.summary())
        else:
            reader.focus_column(reading.column, reading.showing(reading.column, article_id))

    def go_to(self, article_id: str, start: int, *, reading: ReadingState | None = None) -> ArticlePane:
        """Show and focus ``article_id`` scrolled to ``start``; ``reading``: what else changes
        with the move (a cursor, a match), drawn with it once."""
        reader = self.reader
        column, reading = self.placed(article_id, reading or reader.reading)
        reader.focus_column(column, reading)
        pane = reader.pane(column)
        pane.scroll_to_offset(start)
        return pane

    def kinds(self) -> frozenset[str]:
        """The kinds of mention ``]`` and a click stop at: those whose layer is on (all when none is)."""
        from annotate.model import MENTION_KINDS

        kinds = self.reader.layers & set(MENTION_KINDS)
        return kinds or frozenset(MENTION_KINDS)

    # -- mentions and entities -----------------------------------------------------

    def place_cursor(self, mention: Mention, reading: ReadingState | None = None) -> None:
        reader = self.reader
        reading = (reading or reader.reading).with_cursor(mention)
        entity = reader.index.entity_of(mention)
        if entity is not None:
            reading = replace(reading, entity=entity)
        self.go_to(mention.article, mention.start, reading=reading)
        reader.status.say(*self.describe(mention))

    def describe(self, mention: Mention) -> list[str]:
        """The status line for the cursor on ``mention``."""
        index = self.reader.index
        article = index.article(mention.article)
        title = f"{self.reader.labels[article.id]}: {article.title}"
        if mention.kind == "entity" and mention.entity in index.entities:
            position, total = index.position_in_entity(mention)
            name = index.entities[mention.entity].name
            return [name, f"{position} of {total}", title]
        detail = mention.counts if mention.kind == "number" else mention.value if mention.kind == "date" else None
        speaker = index.entities.get(mention.speaker or "") if mention.kind == "quote" else None
        words = mention.text if len(mention.text) < 60 else mention.text[:57] + "…"
        return [
            f"{mention.kind} “{words}”",
            str(detail) if detail else "",
            f"said by {speaker.name}" if speaker else "",
            title,
        ]

    def mention(self, step: int) -> None:
        """The next (previous) highlighted mention in the focused article, from the cursor or the screen."""
        reader = self.reader
        pane = reader.pane(reader.reading.column)
        article_id = reader.reading.article
        cursor = reader.reading.cursor(article_id)
        if cursor is not None and not pane.is_visible_offset(cursor.start):
            cursor = None  # the reader scrolled away: start from what is on screen
        offset = 0
        if cursor is None and pane.wrapped is not None:
            lines = pane.visible_lines()
            wrapped = pane.wrapped
            y = lines.start if step > 0 else min(lines.stop, len(wrapped.lines)) - 1
            offset = wrapped.lines[max(0, min(y, len(wrapped.lines) - 1))].start
            if step < 0:
                offset = wrapped.lines[max(0, min(y, len(wrapped.lines) - 1))].end
        mention = reader.index.next_mention(article_id, cursor, offset, step, self.kinds())
        if mention is None:
            reader.status.say("No more highlighted mentions this way in this article")
            return
        self.place_cursor(mention)

    def entity(self, step: int) -> None:
        """The next (previous) mention of the entity under the cursor (or selected), across articles."""
        reader = self.reader
        article_id = reader.reading.article
        cursor = reader.reading.cursor(article_id)
        entity = reader.index.entity_of(cursor) if cursor is not None else None
        entity = entity or reader.reading.entity
        if entity is None:
            reader.status.say("Put the cursor on a name first (] or click it), or pick one under Entities")
            return
        found = reader.index.step_entity(entity, cursor, step)
        if found is None:
            reader.status.say("This name is not linked to other mentions")
            return
        if found[0].article != article_id:
            self.remember_place()
        self.place_cursor(found[0])

    def select_entity(self, entity_id: str) -> None:
        reader = self.reader
        self.remember_place()
        reading = replace(reader.reading, entity=entity_id)
        found = reader.index.step_entity(entity_id, None, 1)
        if found is not None:
            self.place_cursor(found[0], reading)
        else:
            reader.reading = reading

    # -- discrepancies ----------------------------------------------------------------

    def discrepancy(self, step: int) -> None:
        """The next (previous) discrepancy of this story; past its last, the next story's first."""
        reader = self.reader
        if reader.analysis is None:
            reader.status.say("Still annotating…")
            return
        ids = [d.id for d in reader.sidebar.story_discrepancies]
        current = reader.story_of(reader.reading.article)
        selected = reader.discrepancy(reader.reading.discrepancy)
        if reader.reading.discrepancy in ids:
            i = ids.index(reader.reading.discrepancy) + step
        elif selected is not None and any(e.article in current for e in selected.evidence):
            # Dismissed (hidden) since it was selected: carry on from its place, not from the top.
            i = self._discrepancy_position if step > 0 else self._discrepancy_position - 1
        else:
            i = 0 if step > 0 else len(ids) - 1
        reader.sidebar.show_discrepancies()
        if 0 <= i < len(ids):
            self.select_discrepancy(ids[i])
            return
        stories = reader.stories()
        here = next((n for n, s in enumerate(stories) if s is current), 0)
        for k in range(1, len(stories) + 1):
            story = stories[(here + k * step) % len(stories)]
            found = reader.story_discrepancies(story)
            if not found:
                continue
            chosen = found[0] if step > 0 else found[-1]
            if story is current:
                note = "Back to the first" if step > 0 else "Back to the last"
            else:
                way = "Next" if step > 0 else "Previous"
                note = f"{way} story with discrepancies (story {stories.index(story) + 1} of {len(stories)})"
            self.select_discrepancy(chosen.id, note=note)
            return
        reader.status.say("No discrepancies in any story")

    def select_discrepancy(self, discrepancy_id: str, note: str = "") -> None:
        """Show every side of a discrepancy: one article of each side in the columns, scrolled to its evidence."""
        reader = self.reader
        discrepancy = reader.discrepancy(discrepancy_id)
        if discrepancy is None:
            return
        self.remember_place()
        # The finding is what the reader points at now: a cursor left in an article would be
        # what y copies, and a solid block far from the marked evidence.
        reading = replace(reader.reading, discrepancy=discrepancy_id, entity=None, cursors=())
        involved = list(dict.fromkeys([*(e.article for e in discrepancy.evidence), *discrepancy.values]))
        self.show_evidence(discrepancy.evidence, involved, discrepancy, reading)
        from annotate.corpus.labels import with_labels
        from annotate.model import kind_title

        reader.sidebar.discrepancies.select_discrepancy(discrepancy_id)
        ids = [d.id for d in reader.sidebar.story_discrepancies]
        if discrepancy_id in ids:
            self._discrepancy_position = ids.index(discrepancy_id)
        position = f"{ids.index(discrepancy_id) + 1} of {len(ids)}" if discrepancy_id in ids else ""
        summary = with_labels(discrepancy.summary or discrepancy.subject, reader.labels, discrepancy.values)
        reader.status.say(note, "Discrepancy " + position, kind_title(discrepancy.kind), summary)

    def show_evidence(
        self, evidence: list[Evidence], involved: list[str], discrepancy: Discrepancy | None = None, reading: ReadingState | None = None
    ) -> None:
        """Put the involved articles in columns (one of each side first) and scroll each to its
        first evidence span; ``reading``: what else changes with it (drawn at once)."""
        from .sides import sides_first

        reader = self.reader
        reading = replace(reading or reader.reading, evidence=tuple(evidence))
        on_screen = reading.shown[: reader.column_count]
        if discrepancy is not None:
            involved = sides_first(discrepancy, involved, on_screen, reader.index.article_position)
        else:
            involved = sorted(involved, key=lambda a: (a not in on_screen, reader.index.article_position(a)))
        if not involved:
            reader.reading = reading
            return
        _, reading = self.placed(involved[0], reading)  # first, so the columns follow its story (and their number)
        used: set[int] = set()
        focus = None
        for article_id in involved[: reader.column_count]:
            column, reading = self.placed(article_id, reading, avoid=used)
            used.add(column)
            focus = column if focus is None else focus
        reading = reader.column_layout.kept_to_story(reading)
        if focus is None:
            reader.reading = reading
        elif reader.sidebar.has_focus_within:
            reader.reading = replace(reading, column=focus)  # enter in the list: the list keeps the focus
        else:
            reader.focus_column(focus, reading)
        for column in used:
            spans = [e for e in evidence if e.article == reading.shown[column]]
            if spans:
                reader.pane(column).scroll_to_offset(min(e.start for e in spans), always=True)

    # -- stories and articles ------------------------------------------------------------

    def story(self, step: int) -> None:
        """Fill the columns with the next/previous story's articles (stories group articles about one event)."""
        reader = self.reader
        stories = reader.stories() if reader.analysis else []
        if len(stories) < 2:
            reader.status.say("All articles are one story" if reader.analysis else "Still annotating…")
            return
        current = reader.story_of(reader.reading.article)
        i = next((n for n, s in enumerate(stories) if s is current), -1)
        self.remember_place()
        reading = replace(reader.reading, discrepancy=None, evidence=())
        reader.column_layout.show_story(stories[(i + step) % len(stories)], reading=reading)
        reader.focus_column(0)
        reader.status.say(*reader.summary())

    def swap_article(self, step: int) -> None:
        """Show the next/previous article of this story not already on screen in the focused column."""
        reader = self.reader
        reading = reader.reading
        ids = reader.story_of(reading.article)
        visible = set(reading.shown[: reader.column_count])
        i = ids.index(reading.article)
        for k in range(1, len(ids)):
            candidate = ids[(i + k * step) % len(ids)]
            if candidate not in visible:
                self.show_article(candidate)
                return
        more = f" ({reader.key_for('story.next')} for the next story)" if len(reader.stories()) > 1 else ""
        reader.status.say("Every article of this story is already on screen" + more)

    def start_where_there_is_something(self) -> None:
        """The first story with something to compare: discrepancies, else two articles or more."""
        reader = self.reader
        stories = reader.stories()
        story = next((s for s in stories if reader.story_discrepancies(s)), None)
        story = story or next((s for s in stories if len(s) > 1), None)
        if story is not None and story is not reader.story_of(reader.reading.shown[0]):
            reader.column_layout.show_story(story)

    # -- the jump list ----------------------------------------------------------------

    def _here(self) -> Place | None:
        reader = self.reader
        article_id = reader.reading.article
        pane = reader.pane(reader.reading.column)
        if article_id is None or pane.article is None:
            return None
        return Place(article_id, pane.top_offset() or 0)

    def remember_place(self) -> None:
        """Called before a jump, so ctrl+o comes back here."""
        here = self._here()
        if here is not None:
            self.jumps.record(here)

    def jump(self, step: int) -> None:
        """Back (-1) to where the reader was before a jump, or forward (1) again."""
        reader = self.reader
        here = self._here()
        place = (self.jumps.back(here) if here else None) if step < 0 else self.jumps.forward()
        if place is None:
            reader.status.say("No earlier place to go back to" if step < 0 else "No later place to go forward to")
            return
        column, reading = self.placed(place.article, reader.reading)
        reader.focus_column(column, reading)
        reader.pane(column).scroll_to_top_offset(place.offset)
        reader.status.say("Back" if step < 0 else "Forward", f"{reader.labels[place.article]}: {reader.index.article(place.article).title}")
