"""name_variant: one person, whose full name the articles write differently.

Compared: each article's fullest form of a linked person's name (two or more
words). Not a discrepancy: a surname alone against a full name (that is
style), and forms differing only in letter case. Accents alone
("Ndiayé" / "Ndiaye") are reported with low severity: a reader may care, but
it is typography more than a different name. Missing or extra middle names
and a given name against its initial ("J. Smith") are low; different
spellings of a given name or surname are medium.
"""

from __future__ import annotations

import unicodedata

from ..names import HONORIFICS, fold, strip_possessive
from ..model import Discrepancy, Mention
from ..outlets import outlet_list
from .story import Findings, Story, evidence

KIND = "name_variant"


def written_name(m: Mention) -> str:
    """The name as this mention writes it (not the article's fullest form of it),
    without a title the span may include ("President", "Mr")."""
    words = strip_possessive(m.text).split()
    value = m.value.split() if isinstance(m.value, str) else []
    if value and len(value) < len(words) and [w.casefold() for w in words[-len(value):]] == [w.casefold() for w in value]:
        words = words[-len(value):]  # the span includes the role; the value is the name
    while len(words) > 1 and fold(words[0]) in HONORIFICS:
        words = words[1:]
    return " ".join(words)


def detect(story: Story) -> Findings:
    per_entity: dict[str, dict[str, Mention]] = {}
    for a in story.articles:
        for m in story.kind(a.id, "entity"):
            if m.label != "PERSON" or not m.entity or len(written_name(m).split()) < 2:
                continue
            best = per_entity.setdefault(m.entity, {}).get(a.id)
            if best is None or len(written_name(m).split()) > len(written_name(best).split()):
                per_entity[m.entity][a.id] = m
    found: list[Discrepancy] = []
    for entity_id, forms in per_entity.items():
        if len(forms) < 2:
            continue
        by_form: dict[str, list[str]] = {}
        for article_id, m in forms.items():
            by_form.setdefault(_case_key(written_name(m)), []).append(article_id)
        if len(by_form) < 2:
            continue
        firsts = {f: ids[0] for f, ids in by_form.items()}
        shown = [written_name(forms[aid]) for aid in firsts.values()]
        parts = [
            f'"{written_name(forms[ids[0]])}" ({outlet_list([story.labels[i] for i in ids])})' for ids in by_form.values()
        ]
        found.append(
            Discrepancy(
                id="",
                kind=KIND,
                subject=story.entity_name(entity_id),
                summary="Name spelled " + " vs ".join(parts),
                severity=_severity(shown),
                values={aid: written_name(m) for aid, m in forms.items()},
                evidence=[evidence(story.article_by_id[aid], m.start, m.end) for aid, m in forms.items()],
            )
        )
    return found, []


def _case_key(name: str) -> str:
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


def _severity(forms: list[str]) -> str:
    folded = [fold(f).split() for f in forms]
    if len({tuple(w) for w in folded}) == 1:
        return "low"  # accents only
    firsts = {w[0] for w in folded}
    lasts = {w[-1] for w in folded}
    if len(lasts) == 1 and (len(firsts) == 1 or _initial_of(firsts)):
        return "low"  # middle names differ, or a given name against its initial
    return "medium"


def _initial_of(firsts: set[str]) -> bool:
    short = [f for f in firsts if len(f) == 1]
    return len(firsts) == 2 and len(short) == 1 and any(f != short[0] and f[0] == short[0] for f in firsts)
