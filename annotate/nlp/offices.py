"""Offices named by the country or organisation that holds them: "North Korean leader",
"Apple's chief executive", "former FBI director", "Apple CEO" (before "Steve Jobs"); and a
government or campaign named by the person who leads it ("the Trump administration", "Trump's
campaign").

Plain functions over text, without spaCy: the ``ct_nested`` component finds the spans with
them, linking reads the office back from a span's words.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from annotate.nlp.language import ABBREVIATIONS, CLAUSE_CONJUNCTIONS, PREPOSITIONS
from annotate.nlp.names import OFFICE_HEADS, fold

_HOLDER_LABELS = frozenset({"NORP", "GPE", "ORG"})
# Up to three words after a country or organisation, ending a role: "'s supreme leader", " CEO";
# on the same line ("... to constrain Iran" above "President Trump and ..." is a title and a sentence).
_ROLE_AFTER = re.compile(r"(?:['’]s)?((?:[^\S\n]+[A-Za-z][A-Za-z.-]*){1,3})")
_FORMER_BEFORE = re.compile(r"\b(?:[Ff]ormer|[Ff]ired|[Oo]usted|[Ss]acked|[Dd]eposed|ex-|then-)\s*$")
# Words that make an office a past one: "former FBI director", "the fired FBI director".
FORMER = frozenset({"former", "ex", "then", "ex-", "then-", "fired", "ousted", "sacked", "deposed"})
# An organisation's top office under its generic names ("the FBI chief", "the agency's head")
# and under the titles organisations give it ("director", "CEO", "chairman").
GENERIC_TOP_OFFICES = frozenset({"chief", "head", "boss", "leader"})
TOP_OFFICES = GENERIC_TOP_OFFICES | {"director", "ceo", "chairman", "chairwoman", "chair", "president"}
_COMPOUND_ENDS = frozenset({"executive", "officer", "minister"})  # "chief executive (officer)", "prime minister"
_NOT_IN_AN_OFFICE = PREPOSITIONS | CLAUSE_CONJUNCTIONS  # "the J.C.P.O.A. as President Trump"
NOT_OFFICE = frozenset({"the", "a", "an", "but", "and", "current", "new", "top", "its", "his", "her", "their"})


# An organisation named by the person it serves: their government, or their campaign ("the Trump
# campaign"): not the person.
_GOVERNMENT_AFTER = re.compile(r"(?:['’]s)?\s+(?:administration|government|regime|cabinet|campaign)\b")


def office_tail(words: list[str]) -> tuple[str, bool] | None:
    """("prime-minister", False) for ["Prime", "Minister"]: the office a role's last words name,
    and whether it is a former one; None unless they end on an office head."""
    folded = [fold(w).strip(".,") for w in words]
    former = any(w in FORMER or w.startswith(("ex-", "then-")) for w in folded)
    kept = [w.split("-", 1)[1] if w.startswith(("ex-", "then-")) else w for w in folded]
    kept = [w for w in kept if w and w not in FORMER and w not in NOT_OFFICE]
    if kept[-2:] == ["chief", "executive"] or kept[-3:] == ["chief", "executive", "officer"]:
        kept = kept[: len(kept) - 1 - kept[::-1].index("chief")] + ["ceo"]
    if len(kept) >= 2 and kept[-2:] == ["prime", "minister"]:
        kept = kept[:-2] + ["prime-minister"]
    if not kept or (kept[-1] not in OFFICE_HEADS and kept[-1] != "prime-minister"):
        return None
    if any(w in _NOT_IN_AN_OFFICE for w in kept[:-1]):
        return None  # "the J.C.P.O.A. as President Trump": a clause, not the deal's president
    return " ".join(kept), former


def offices_in(text: str, entities: list[tuple[int, int, str]]) -> list[tuple[int, int, str, bool]]:
    """The offices written right after a country's or organisation's name in ``text``, as rows
    (start, end, the holder's label, True), and the governments named by a person
    (start, end, "ORG", False);
    ``entities`` are the (start, end, label) of the article's entities, in text order. A former
    office keeps "former" in its span; an office with another name inside ("US and Korean
    leaders") is none."""
    starts = [e[0] for e in entities]
    rows = []
    for start, end, label in entities:
        government = _GOVERNMENT_AFTER.match(text, end) if label == "PERSON" else None
        if government and text[end - 2 : end] not in ("'s", "’s"):
            rows.append((start, government.end(), "ORG", False))  # "the Trump administration"
            continue
        if label not in _HOLDER_LABELS:
            continue
        after = _ROLE_AFTER.match(text, end)
        if not after:
            continue
        words = after.group(1).split()
        # (an office ends on its head: the words after most names hold none, which one pass in C
        # over the words tells, each word's answer kept)
        if not any(map(_may_end_office, words)):
            continue
        for n in range(len(words), 0, -1):  # the longest office: "prime minister", not "prime"
            if not _may_end_office(words[n - 1]):
                continue
            if office_tail(words[:n]):
                office_end = _end_of_words(text, end, words[:n])
                head = words[n - 1]
                if head[-1] == "." and head[:-1].isalpha() and head[:-1].capitalize() not in ABBREVIATIONS:
                    office_end -= 1  # "a Russian ambassador.", "Airbus CEO.": the sentence's period, not an abbreviation's
                break
        else:
            continue
        if bisect_left(starts, office_end) != bisect_left(starts, end):
            continue  # another name inside the office
        former = _FORMER_BEFORE.search(text, max(0, start - 10), start)
        first = former.start() if former else start
        rows.append((first, office_end, label, True))
    return rows


@lru_cache(maxsize=65536)
def _may_end_office(word: str) -> bool:
    """Is ``word`` an office's head or the end of a compound one ("leader", "ex-president",
    "officer")? Asked of most words after a name: answered once per word."""
    last = fold(word).strip(".,")
    if last.startswith(("ex-", "then-")):
        last = last.split("-", 1)[1]
    return last in OFFICE_HEADS or last in _COMPOUND_ENDS


def _end_of_words(text: str, start: int, words: list[str]) -> int:
    """The end in ``text`` of ``words``, found one after another from ``start``."""
    at = start
    for word in words:
        at = text.index(word, at) + len(word)
    return at
