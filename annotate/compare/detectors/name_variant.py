"""name_variant: one person, whose full name the articles write differently.

Compared: each article's fullest form of a linked person's name (two or more
words). Not a discrepancy: a surname alone against a full name (that is
style), and forms differing only in letter case, accents ("Ndiayé" /
"Ndiaye"), middle initials ("Michael T. Flynn" / "Michael Flynn"), a given
name against its initial ("J. Smith") or a suffix ("Jr.", "III"): house
style, not another name. Missing or extra middle names are low; different
spellings of a given name or surname are medium.

An article that calls a person by a part of their name that no other article uses alone, where
the others call them by another part ("speaking to Jong-un" where the others write "Kim" for Kim
Jong-un; "Hillary" where the others write "Clinton") is low: the others use one part as the
name, this article another. Only names written alone are compared: "Trump" against "Donald
Trump" is style, not a discrepancy.

A work's title written with its opening article in some articles and without it in others ("A
Higher Loyalty" / "Higher Loyalty") is low: the title is misquoted. A subtitle one article adds
after a colon is not a variant (the title found is the words before it).

A surname written once with a letter or two changed ("Papadopoulous" where
the story, that article included, writes "Papadopoulos" again and again) is
a misspelling, medium, even where the entity finder did not see it as a name.
"""

from __future__ import annotations

import unicodedata
from collections import Counter

from rapidfuzz.distance import Levenshtein

from annotate.nlp.language import HONORIFICS, fold, given_names, strip_possessive
from annotate.nlp.names import WORK, work_key
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
        found.append(_finding(story, entity_id, "Name spelled " + " vs ".join(parts), _severity(shown), forms, written_name))
    return found + _other_parts(story) + _titles(story) + _misspellings(story), []


def _finding(story: Story, entity_id: str, summary: str, severity: str, uses: dict[str, Mention], value_of) -> Discrepancy:
    """A name_variant finding about ``entity_id`` whose evidence is each article's mention in
    ``uses`` (article id -> mention) and whose value there is ``value_of(mention)``."""
    return Discrepancy(
        id="",
        kind=KIND,
        subject=story.entity_name(entity_id),
        summary=summary,
        severity=severity,
        values=article_values({aid: value_of(m) for aid, m in uses.items()}),
        evidence=[evidence(story.article_by_id[aid], m.start, m.end) for aid, m in uses.items()],
    )


_SUFFIXES = frozenset("jr sr ii iii iv".split())


def _core(name: str) -> tuple[str, ...]:
    """A name without accents, initials and suffixes: what makes it another name."""
    return tuple(w for w in fold(name).split() if len(w) > 1 and w not in _SUFFIXES)


def _other_parts(story: Story) -> list[Discrepancy]:
    """A person one article calls by a part of their name alone ("Jong-un") that no other article
    writes alone, and never by the part the others write alone ("Kim"), where the two are the
    start and the end of a full name the story gives the person ("Kim Jong Un").

    Only where the names tell it is one person named two ways: the entity is a person and one of
    the two parts a given name (not "Windows" / "Server"); neither part belongs to another person
    of the story ("Peterson" for Laci Peterson is also Scott Peterson); the articles writing the
    usual part also name the person in full there; a name inside a quotation is the speaker's
    word, not the outlet's ("I have great confidence that Tim ...")."""
    alone: dict[str, dict[tuple[str, ...], dict[str, Mention]]] = {}  # entity -> part -> article -> first use
    full: dict[str, set[tuple[str, ...]]] = {}  # entity -> its full names, folded words
    named_in_full: dict[str, set[str]] = {}  # entity -> the articles naming it in full
    for a in story.articles:
        quotes = [(q.start, q.end) for q in story.kind(a.id, "quote")]
        for m in story.kind(a.id, "entity"):
            if m.label != "PERSON" or not m.entity or m.office:
                continue
            name = written_name(m)
            words = tuple(fold(name).split())
            if not words:
                continue
            if " " in name.strip():
                if name.split()[-1][:1].isupper():  # (not a description: "Spiro man")
                    full.setdefault(m.entity, set()).add(words)
                    named_in_full.setdefault(m.entity, set()).add(a.id)
            elif not any(start <= m.start < end for start, end in quotes):
                alone.setdefault(m.entity, {}).setdefault(words, {}).setdefault(a.id, m)
    if not alone:
        return []
    parts_of: dict[str, set[tuple[str, ...]]] = {}  # person -> the starts and ends of their full names
    for entity_id, names in full.items():
        e = story.entity_by_id.get(entity_id)
        if e is not None and e.label == "PERSON":
            parts_of[entity_id] = {f[:k] for f in names for k in range(1, len(f))} | {
                f[-k:] for f in names for k in range(1, len(f))}
    given = given_names()
    found: list[Discrepancy] = []
    for entity_id, parts in alone.items():
        names = full.get(entity_id)
        if len(parts) < 2 or not names or entity_id not in parts_of:
            continue
        theirs = set().union(*(p for other, p in parts_of.items() if other != entity_id))
        starts = {p for p in parts if any(len(p) < len(f) and f[: len(p)] == p for f in names)} - theirs
        ends = {p for p in parts if any(len(p) < len(f) and f[-len(p) :] == p for f in names)} - theirs
        reported: set[frozenset[tuple[str, ...]]] = set()
        for odd, where in parts.items():
            if len(where) != 1:
                continue
            (article_id,) = where
            if any(article_id in uses for p, uses in parts.items() if p != odd):
                continue  # the article also writes another part alone
            others = ends - starts if odd in starts - ends else starts - ends if odd in ends - starts else set()
            anchored = {p: {aid: m for aid, m in parts[p].items() if aid in named_in_full[entity_id]} for p in others}
            usual = max((p for p in others if anchored[p]), key=lambda p: len(anchored[p]), default=None)
            if usual is None or frozenset((odd, usual)) in reported or not (odd[0] in given or usual[0] in given):
                continue
            reported.add(frozenset((odd, usual)))
            uses = {article_id: parts[odd][article_id], **anchored[usual]}
            summary = (
                f'Called "{written_name(uses[article_id])}" ({story.labels[article_id]}) where '
                f'{outlet_list([story.labels[aid] for aid in anchored[usual]])} '
                f'{"write" if len(anchored[usual]) > 1 else "writes"} '
                f'"{written_name(next(iter(anchored[usual].values())))}"'
            )
            found.append(_finding(story, entity_id, summary, "low", uses, written_name))
    return found


def _titles(story: Story) -> list[Discrepancy]:
    """A work's title written with its opening article ("A Higher Loyalty") in some articles and
    without it ("Higher Loyalty") in others: each article's first use of the title."""
    per_entity: dict[str, dict[str, Mention]] = {}
    for a in story.articles:
        for m in story.kind(a.id, "entity"):
            if m.label == WORK and m.entity:
                per_entity.setdefault(m.entity, {}).setdefault(a.id, m)
    found: list[Discrepancy] = []
    for entity_id, uses in per_entity.items():
        by_form: dict[bool, list[str]] = {}  # opens with an article -> articles
        keys = set()
        for article_id, m in uses.items():
            folded = fold(m.text)
            by_form.setdefault(work_key(folded) != folded or m.text.split()[0].casefold() == "the", []).append(article_id)
            keys.add(work_key(folded))
        if len(by_form) < 2 or len(keys) > 1:
            continue
        parts = [f'"{uses[ids[0]].text}" ({outlet_list([story.labels[i] for i in ids])})' for ids in by_form.values()]
        found.append(_finding(story, entity_id, "Title written " + " vs ".join(parts), "low", uses, lambda m: m.text))
    return found


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
