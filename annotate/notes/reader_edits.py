"""The reader's links, unlinks and mention edits applied to the engine's output.

One function for the app and ``corpus-tui report``, so both show the same entities
and discrepancies. The engine's ``Analysis`` is never changed: ``with_reader_edits``
returns a copy in which

- a ``Link`` merges the two mentions' entities (every mention of the second
  joins the first), so ``n``/``N`` and the Entities tab follow it;
- an ``Unlink`` moves the second mention into an entity of its own, and with it
  the other mentions its article gives the same entity ("Brenan said" after
  "Tomas Brenan"), when the two mentions are in two articles: the reader said
  that article's person is not the other's;
- a removed mention is gone (no highlight, not visited by ``]``/``[``/``n``,
  never evidence);
- an added mention is there with the reader's label;
- the stories an edit touches are compared again, so an unlink of two spellings
  removes the name finding between them and a removed mention stops being evidence.

Edits apply in the order they were made, so a later unlink can undo part of an
earlier link. Spans whose words are no longer in the text (orphaned) are
ignored. Unchanged mentions keep their identity, so cursors on them stay valid.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from annotate.notes.anchoring import Anchor
from annotate.notes.annotations import Annotation, Link, MentionEdit, Unlink, anchors_of
from annotate.model import MENTION_KINDS, Analysis, DateMention, Entity, EntityMention, Mention, NumberMention, QuoteMention

USER_PREFIX = "user:"  # ids of entities and mentions the reader made


def mention_edits(items: Iterable[Annotation]) -> list[Annotation]:
    """The annotations that change what the reader shows."""
    return [item for item in items if isinstance(item, (Link, Unlink, MentionEdit))]


def with_reader_edits(analysis: Analysis, edits: list[Annotation]) -> Analysis:
    """``analysis`` as the reader corrected it (``edits``: from ``mention_edits``)."""
    if not edits:
        return analysis
    texts = {a.id: a.text for a in analysis.articles}
    mentions = list(analysis.mentions)
    entities = {e.id: e for e in analysis.entities}
    entity_of: dict[str, str | None] = {}  # mention id -> entity id, where the reader changed it

    def placed(anchor: Anchor) -> bool:
        text = texts.get(anchor.article)
        return text is not None and text[anchor.start : anchor.end] == anchor.exact

    def find(anchor: Anchor) -> Mention | None:
        """The mention on exactly this span (a name before a quote or number on the same words)."""
        if not placed(anchor):
            return None
        found = [m for m in mentions if m.article == anchor.article and m.start == anchor.start and m.end == anchor.end]
        return min(found, key=lambda m: MENTION_KINDS.index(m.kind) if m.kind in MENTION_KINDS else 99, default=None)

    def current(mention: Mention) -> str:
        entity = entity_of.get(mention.id, _linked(mention))
        if entity is None:  # a name the engine left alone: it becomes an entity of its own
            entity = USER_PREFIX + mention.id
            entities[entity] = Entity(entity, mention.value or mention.text, mention.label)
            entity_of[mention.id] = entity
        return entity

    for item in edits:
        if isinstance(item, MentionEdit):
            if item.action == "remove":
                gone = find(item.target)
                if gone is not None:
                    mentions.remove(gone)
            elif placed(item.target):
                mentions.append(_added(item.target, item.label, item.id, entities))
            continue
        a, b = find(item.a), find(item.b)
        if a is None or b is None or a is b:
            continue
        if isinstance(item, Link):
            keep, merge = current(a), current(b)
            if keep != merge:
                for m in mentions:
                    if entity_of.get(m.id, _linked(m)) == merge:
                        entity_of[m.id] = keep
        else:  # Unlink: the second mention leaves the entity, with its article's other mentions of it
            was = entity_of.get(b.id, _linked(b))
            entity = USER_PREFIX + b.id
            entities.setdefault(entity, Entity(entity, b.value or b.text, b.label))
            if was is not None and a.article != b.article:
                for m in mentions:
                    if m.article == b.article and m.kind == "entity" and entity_of.get(m.id, _linked(m)) == was:
                        entity_of[m.id] = entity
            entity_of[b.id] = entity

    changed = [replace(m, entity=entity_of[m.id]) if m.id in entity_of and m.kind == "entity" else m for m in mentions]
    members: dict[str, list[str]] = {}
    for m in changed:
        if m.kind == "entity" and m.entity is not None:
            members.setdefault(m.entity, []).append(m.id)
    kept = [replace(e, mentions=members[e.id]) for e in entities.values() if e.id in members]
    touched = {anchor.article for item in edits for anchor in anchors_of(item) if placed(anchor)}
    return _compared_again(replace(analysis, mentions=changed, entities=kept), touched)


def _compared_again(analysis: Analysis, touched: set[str]) -> Analysis:
    """The discrepancies of the stories holding ``touched`` articles, found again."""
    from annotate.compare.detectors.speech import find_statements
    from annotate.engine import detect_by_story

    stories = [story for story in analysis.stories if touched & set(story)]
    if not stories:
        return analysis
    inside = {article for story in stories for article in story}
    by_id = {m.id: m for m in analysis.mentions}
    mentions = [m for m in analysis.mentions if m.article in inside]
    entities = [
        replace(e, mentions=[mid for mid in e.mentions if by_id[mid].article in inside])
        for e in analysis.entities
        if any(by_id[mid].article in inside for mid in e.mentions)
    ]
    articles = [a for a in analysis.articles if a.id in inside]
    reported = [r for r in analysis.reported if r.article in inside]
    said = find_statements(articles, mentions, reported)  # a person linked or unlinked says it, or not
    order = {a.id: n for n, a in enumerate(analysis.articles)}
    found, agreed = detect_by_story(articles, mentions, entities, stories, said, analysis.sentences,
                                    words=analysis.words, negations=analysis.negations, denials=analysis.denials,
                                    streams=analysis.streams)

    def elsewhere(items):
        return [item for item in items if not {e.article for e in item.evidence} & inside]

    return replace(
        analysis,
        discrepancies=elsewhere(analysis.discrepancies) + found,
        corroborations=elsewhere(analysis.corroborations) + agreed,
        statements=sorted([s for s in analysis.statements if s.article not in inside] + said,
                          key=lambda s: order[s.article]),
    )


def _linked(mention: Mention) -> str | None:
    """The entity the engine linked a name to (other kinds of mention have none)."""
    return mention.entity if mention.kind == "entity" else None


def _added(anchor: Anchor, label: str, item_id: str, entities: dict[str, Entity]) -> Mention:
    """A mention the reader added: a number, date or quote by that label, else a name."""
    kind = label.strip().lower()
    span = (USER_PREFIX + item_id, anchor.article, anchor.start, anchor.end, anchor.exact)
    if kind == "number":
        return NumberMention(*span, kind, None)
    if kind == "date":
        return DateMention(*span, kind, None)
    if kind == "quote":
        return QuoteMention(*span, kind, anchor.exact)
    entity = USER_PREFIX + item_id
    entities[entity] = Entity(entity, anchor.exact, label.strip().upper())
    return EntityMention(*span, label.strip().upper(), anchor.exact, entity=entity)
