"""role: the articles give one person different titles or roles.

Each article's role for a person is the longest title written before one
of their mentions ("Acting Health Minister") or in an appositive after it
("Marco Groje, the acting police chief"). Roles are compared as sets of
words after removing what is spelling, not meaning: case, British/American
spelling ("Defence"/"Defense"), and nationality ("Chilean" / "Chile's"),
which is compared only when both articles state one. An article that gives
no role says nothing against the others.

Abbreviations are spelled out (CEO = chief executive) and word forms meet
("Finance chief" = "Chief Financial Officer").

Severity: high when the office itself differs ("Minister" vs "President"),
medium when qualifiers differ on both sides or a status word ("interim",
"former", "acting") is only in one. A role that only adds detail to the
other ("spokesman" / "army spokesman") is not a discrepancy.
"""

from __future__ import annotations

import re

from annotate.model import NO_CUES, Corroboration, Discrepancy, EntityMention
from annotate.nlp.language import COUNTRIES, fold, is_demonym_word, place_of
from annotate.nlp.name_cues import role_dangles
from annotate.nlp.names import spelling_key
from annotate.compare.detectors.story import Findings, Story, article_values, evidence, value_parts

KIND = "role"
AGREE = "agree"
_STATUS_WORDS = "interim acting former ex deputy vice caretaker outgoing incoming late transitional designate elect chief senior"
_FILLER = {"the", "of", "a", "an", "and", "for", "s", "officer", "in", "at", "to", "on", "but", "now", "also", "then"}
# The body a title belongs to is said either way ("agency chief" / "head of the agency",
# "the company's president"): it names the employer, not the office.
_BODIES = {"agency", "department", "office", "service", "authority", "company", "firm", "group", "organisation",
           "organization", "body", "administration", "bureau", "unit", "team", "club", "corporation"}
# One office, several words for it.
_SAME_OFFICE = {"head": "chief", "boss": "chief", "chairman": "chair", "chairwoman": "chair", "chairperson": "chair",
                "advisor": "adviser"}
# Title abbreviations, spelled out (general, not tied to any story).
_ABBREVIATIONS = {
    "ceo": "chief executive", "cfo": "chief financial", "coo": "chief operating", "cto": "chief technology",
    "pm": "prime minister", "mp": "member parliament", "gen": "general", "col": "colonel", "lt": "lieutenant",
    "sgt": "sergeant", "capt": "captain", "maj": "major", "sen": "senator", "rep": "representative",
    "gov": "governor", "sec": "secretary", "amb": "ambassador", "dep": "deputy", "pres": "president",
    "vp": "vice president", "md": "managing director", "chmn": "chairman", "supt": "superintendent",
}


def detect(story: Story) -> Findings:
    roles: dict[str, dict[str, tuple[str, tuple[int, int]]]] = {}  # entity -> article -> (role, span)
    for a in story.articles:
        for m in story.kind(a.id, "entity"):
            if m.label != "PERSON" or not m.entity:
                continue
            written = _role_of(m)
            if written is None:
                continue
            role, span = written
            current = roles.setdefault(m.entity, {}).get(a.id)
            if current is None or len(role) > len(current[0]):
                roles[m.entity][a.id] = written
    found: list[Discrepancy] = []
    agreed: list[Corroboration] = []
    for entity_id, per_article in roles.items():
        if len(per_article) < 2:
            continue
        acronyms = frozenset(w for role, _ in per_article.values() for w in re.findall(r"\b[A-Z]{2,}\b", _undotted(role)))
        keys = {aid: _role_key(role, story.places, acronyms) for aid, (role, _) in per_article.items()}
        ev = [evidence(story.article_by_id[aid], *span) for aid, (_, span) in per_article.items()]
        subject = story.entity_name(entity_id)
        severity = _compare(list(keys.values()))
        if severity == AGREE:
            agreed.append(Corroboration(subject=f"{subject}'s role", evidence=ev))
            continue
        if severity is None:
            continue
        parts = value_parts({aid: role for aid, (role, _) in per_article.items()}, story.labels, 50)
        found.append(
            Discrepancy(
                id="",
                kind=KIND,
                subject=subject,
                summary=f"{subject} is " + " vs ".join(parts),
                severity=severity,
                values=article_values({aid: " ".join(role.split()) for aid, (role, _) in per_article.items()}),
                evidence=ev,
            )
        )
    return found, agreed


def _role_of(m: EntityMention) -> tuple[str, tuple[int, int]] | None:
    """The person's role in this mention and the span of the role with the name, from what the
    pipeline read (``annotate.nlp.name_cues.role_cues``): their own role, not someone else's
    ("Flynn, the president's first national security adviser") nor one cut short ("spokesman
    for Mr. Moon"); else the title written before the name ("Trump's former campaign manager
    Paul Manafort"). None when there is neither, or it is not written near the name."""
    role, cues = m.role, m.cues or NO_CUES
    if role and role.strip() and not cues.role_possessed and not role_dangles(role.strip()):
        start, end = cues.role_start, cues.role_end
    elif cues.role_before:
        role, start = cues.role_before, cues.role_before_start
        end = None if start is None else start + len(role)
    else:
        return None
    if start is None or end is None:
        return None
    return role, (min(start, m.start), max(end, m.end))


def _undotted(role: str) -> str:
    return re.sub(r"\b(?:[A-Z]\.){2,}", lambda m: m.group().replace(".", ""), role)


def _acronyms_collapsed(role: str, acronyms: frozenset[str]) -> str:
    """"C.I.A." and "Central Intelligence Agency" are "CIA" when another article writes
    "CIA": one body, written three ways."""
    role = _undotted(role)

    def initials(m: re.Match) -> str:
        words = m.group().split()
        for k in range(len(words), 1, -1):  # the longest run of words the acronym stands for
            if "".join(w[0] for w in words[:k] if w[0].isupper()) in acronyms:
                return " ".join(["".join(w[0] for w in words[:k] if w[0].isupper()), *words[k:]])
        return m.group()

    return _INITIALS.sub(initials, role)


def _role_key(role: str, places: frozenset[str], acronyms: frozenset[str] = frozenset()) -> tuple[frozenset[str], frozenset[str]]:
    """(office words, nationalities) of a role, spelling-normalised."""
    words: set[str] = set()
    nations: set[str] = set()
    known = places | COUNTRIES
    role = _acronyms_collapsed(role, acronyms)
    for raw in re.findall(r"[^\W\d_][\w'’.-]*", role):
        folded = fold(raw)
        possessive = bool(re.search(r"['’]s?$", raw))
        if raw[:1].isupper() and (possessive or is_demonym_word(raw) or folded in known):
            nations.add(place_of(raw, known) or folded)
            continue
        for word in _ABBREVIATIONS.get(folded.replace(".", ""), folded).split():
            if word and word not in _FILLER and word not in _BODIES:
                words.add(_word_key(_SAME_OFFICE.get(word, word)))
    return frozenset(words), frozenset(nations)


_INITIALS = re.compile(r"\b[A-Z][a-z]+(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][a-z]+){1,5}\b")


def _word_key(word: str) -> str:
    """"Finance" / "Financial", "Defence" / "Defense", "President" / "Presidential" meet."""
    w = spelling_key(word)
    for suffix in ("ial", "al", "e", "s"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 5:
            return w[: -len(suffix)]
    return w


_STATUS = frozenset(_word_key(w) for w in _STATUS_WORDS.split())  # compared as role words are


def _compare(keys: list[tuple[frozenset[str], frozenset[str]]]) -> str | None:
    """AGREE when the roles agree, None when they neither agree nor conflict, else a severity."""
    words = [w for w, _ in keys]
    nations = [n for _, n in keys if n]
    if len(set(words)) == 1 and len(set(nations)) <= 1:
        return AGREE
    if len(set(words)) == 1:
        return "high"  # same office for different countries
    union = frozenset().union(*words)
    common = frozenset.intersection(*words)
    extra = union - common
    # One role only adds detail to the other ("spokesman" / "army spokesman", "CIA director" /
    # "CIA director and secretary of State-designate"): no conflict.
    nested = all(any(w <= other or other <= w for other in words) for w in words) and any(w == common for w in words)
    two_offices = any(sum(h in w for h in _HEAD_KEYS) > 1 for w in words)  # "director and secretary-designate"
    if nested and (two_offices or not extra & _STATUS):
        return None
    heads = {_head(w) for w in words} - {""}
    if len(heads) > 1:
        return "high"
    if extra & _STATUS:
        return "medium"
    return None if nested else "medium"


_HEADS = ("minister", "president", "secretary", "chancellor", "general", "colonel", "governor", "mayor", "chief",
          "ambassador", "spokesperson", "spokesman", "spokeswoman", "director", "leader", "king", "queen", "prince")


def _head(words: frozenset[str]) -> str:
    """The office a role names; roles without a known office word share one head."""
    for h in _HEAD_KEYS:
        if h in words:
            return h
    return ""


_HEAD_KEYS = tuple(_word_key(h) for h in _HEADS)
