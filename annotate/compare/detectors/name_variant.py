"""name_variant: one person, whose full name the articles write differently.

Compared: each article's fullest form of a linked person's name (two or more
words). Not a discrepancy: a surname alone against a full name (that is
style), and forms differing only in letter case, accents ("Ndiayé" /
"Ndiaye"), middle initials ("Michael T. Flynn" / "Michael Flynn"), a given
name against its initial ("J. Smith") or a suffix ("Jr.", "III"): house
style, not another name. Missing or extra middle names are low; different
spellings of a given name or surname are medium.

A surname written once with a letter or two changed ("Papadopoulous" where
the story, that article included, writes "Papadopoulos" again and again) is
a misspelling, medium, even where the entity finder did not see it as a name.
"""

from __future__ import annotations

import unicodedata
from collections import Counter

from rapidfuzz.distance import Levenshtein

from annotate.nlp.language import HONORIFICS, fold, strip_possessive
from annotate.model import Discrepancy, Mention
from annotate.corpus.outlets import outlet_list
from annotate.compare.detectors.story import Findings, Story, article_values, evidence

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
        if len(by_form) < 2 or len({_core(f) for f in by_form}) < 2:
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
                values=article_values({aid: written_name(m) for aid, m in forms.items()}),
                evidence=[evidence(story.article_by_id[aid], m.start, m.end) for aid, m in forms.items()],
            )
        )
    return found + _misspellings(story), []


_SUFFIXES = frozenset("jr sr ii iii iv".split())


def _core(name: str) -> tuple[str, ...]:
    """A name without accents, initials and suffixes: what makes it another name."""
    return tuple(w for w in fold(name).split() if len(w) > 1 and w not in _SUFFIXES)


_MIN_TIMES = 3  # a spelling the story uses this often is the name's spelling


def _misspellings(story: Story) -> list[Discrepancy]:
    """A capitalised word written once, one or two letters from a surname the story
    writes at least three times, in an article that also writes the surname right."""
    surnames: dict[str, tuple[str, Mention]] = {}  # surname -> entity id, first mention
    counts: dict[str, int] = {}
    for a in story.articles:
        for m in story.kind(a.id, "entity"):
            if m.label != "PERSON" or not m.entity:
                continue
            last = (written_name(m).split() or [""])[-1]
            if len(last) < 6 or not last.isalpha():
                continue
            counts[last] = counts.get(last, 0) + 1
            surnames.setdefault(last, (m.entity, m))
    common = {w for w, c in counts.items() if c >= _MIN_TIMES}
    if not common:
        return []
    written = {a.id: story.words(a.id).capitalised for a in story.articles}  # word -> where
    words_in = {aid: Counter({word: len(at) for word, at in where.items()}) for aid, where in written.items()}
    everywhere = Counter()
    for c in words_in.values():
        everywhere.update(c)
    found = []
    for a in story.articles:
        for word, n in words_in[a.id].items():
            if word in common or everywhere[word] > 1 or word in counts:
                continue
            for right in common:
                if right not in words_in[a.id] or not _near_miss(word, right):
                    continue
                at = written[a.id][word][0]
                entity_id, first = surnames[right]
                others = [m for b in story.articles if b.id != a.id for m in _first_full(story, b.id, entity_id)]
                name = story.entity_name(entity_id)
                found.append(
                    Discrepancy(
                        id="",
                        kind=KIND,
                        subject=name,
                        summary=f'Name misspelled "{word}" ({story.labels[a.id]}) for "{right}", '
                        f"as the story writes it {everywhere[right]} times",
                        severity="medium",
                        values=article_values({a.id: word, **{m.article: written_name(m) for m in others}}),
                        evidence=[evidence(a, at, at + len(word))]
                        + [evidence(story.article_by_id[m.article], m.start, m.end) for m in others],
                    )
                )
                break
    return found


def _near_miss(word: str, right: str) -> bool:
    """One or two letters apart, not a plural, possessive or other ending of the name."""
    if word.startswith(right) or right.startswith(word) or word[:2] != right[:2]:
        return False
    return Levenshtein.distance(word.lower(), right.lower()) <= (1 if len(right) < 8 else 2)


def _first_full(story: Story, article_id: str, entity_id: str) -> list[Mention]:
    """The first mention of the entity in the article with its fullest name, if any."""
    ms = [m for m in story.kind(article_id, "entity") if m.entity == entity_id]
    if not ms:
        return []
    return [max(ms, key=lambda m: (len(written_name(m).split()), -m.start))]


def _case_key(name: str) -> str:
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


def _severity(forms: list[str]) -> str:
    folded = [fold(f).split() for f in forms]
    firsts = {w[0] for w in folded}
    lasts = {w[-1] for w in folded}
    if len(lasts) == 1 and (len(firsts) == 1 or _initial_of(firsts)):
        return "low"  # middle names differ, or a given name against its initial
    return "medium"


def _initial_of(firsts: set[str]) -> bool:
    short = [f for f in firsts if len(f) == 1]
    return len(firsts) == 2 and len(short) == 1 and any(f != short[0] and f[0] == short[0] for f in firsts)
