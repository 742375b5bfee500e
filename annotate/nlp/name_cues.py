"""What the words around a name say about how it is used: the cues linking needs.

Linking never reads an article's text: what it needs to know of the words around a name is
found here, once, and recorded on the name's mention (``EntityMention.cues``, a ``NameCues``):

- ``honorific``: "Mrs." in "Mrs. Trump" says which Trump;
- ``nationality``: "American" in "American challenger Tony Thompson", so that "the American"
  elsewhere in that article is him;
- ``nationality_noun``: "the 40-year-old American was ..." stands for a person, "the American
  troops" does not;
- ``defined_acronym``: "SIA" in "Singapore Airlines (SIA)";
- ``capital_use``: "Moscow said" is the state, "in Moscow" the city;
- ``role_start``/``role_end``, ``role_possessed``, ``role_before``/``role_before_start``: where a
  person's role is written, whether it is someone else's ("Flynn, the president's first national
  security adviser"), and the title written before the name when the finder gave the person none
  of their own ("Trump's former campaign manager Paul Manafort"): the role detector compares these.

Plain functions over text, without spaCy: the ``ct_name_cues`` component finds the cues of the
pipeline's names with them, and ``annotate.nlp.corpus_names`` those of the names it adds. The
words they look for are in ``annotate.nlp.language``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from annotate.nlp.language import (
    ACTOR_BEFORE,
    ACTOR_VERBS,
    AFTER_A_PERSON,
    CITY_BEFORE,
    CITY_NOUNS,
    HONORIFICS,
    REPORTING_VERBS,
    ROLE_BEFORE_OFFICES,
    ROLE_BEFORE_QUALIFIERS,
    ROLE_DANGLING,
    SPEECH_AUXILIARIES,
    country_of_capital,
    country_of_demonym,
    fold,
    strip_possessive,
)

# A cue row: (start, end, label, honorific, nationality, nationality_noun, defined_acronym,
# capital_use, role_start, role_end, role_possessed, role_before, role_before_start): the fields of
# the same name's ``NameCues``, in order.
CueRow = tuple[int, int, str, "str | None", "str | None", bool, "str | None", "str | None", *tuple["int | None", ...]]
# (role_start, role_end, role_possessed, role_before, role_before_start): see ``role_cues``.
RoleCues = tuple["int | None", "int | None", bool, "str | None", "int | None"]
NO_ROLE_CUES: RoleCues = (None, None, False, None, None)
_PLACE_LABELS = frozenset({"GPE", "LOC"})


def _either(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# A capital acting: after "with", "between", ... ("ties with Washington"), or before a possessive,
# an auxiliary or a verb in the past ("Pyongyang's program", "Moscow has denied", "Pyongyang signaled").
_ACTOR_BEFORE = re.compile(rf"\b(?:{_either(ACTOR_BEFORE)})\s+$", re.IGNORECASE)
_ACTOR_AFTER = re.compile(rf"['’]s\b|\s+(?:[a-z]+ed|{_either(ACTOR_VERBS)})\b")
# The strongest signs of the state: it owns something ("Pyongyang's nuclear program") or speaks
# ("Moscow has denied", "Tehran said"); a city does neither.
_VOICE_AFTER = re.compile(rf"['’]s\b|\s+(?:(?:{_either(SPEECH_AUXILIARIES)})\s+)?(?:{_either(REPORTING_VERBS)})\b")
# Before it: a place where something happens or someone goes ("in Moscow", "flew to Seoul").
_CITY_BEFORE = re.compile(rf"\b(?:{_either(CITY_BEFORE)})\s+$", re.IGNORECASE)
# After it: a longer name ("Washington Post", "Washington-based"), a dateline ("SEOUL, South Korea")
# or the city's own things ("Moscow's mayor").
_CITY_AFTER = re.compile(rf"-|\s+[A-Z]|,\s*(?:D\.C|[A-Z])|['’]s\s+(?:[a-z]+\s+)?(?:{_either(CITY_NOUNS)})\b")

# "the 40-year-old American was": "the" and at most two words before, a stop or a verb after.
_BEFORE_A_NOUN = re.compile(r"\bthe\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_AFTER_A_NOUN = re.compile(rf"^\s*(?:[,.;:!?)\"”’]|'s\b|’s\b|(?:{_either(AFTER_A_PERSON)})\b)")
# Between a nationality and the person it describes: at most two lowercase words ("American
# challenger Tony Thompson").
_NOUNS_BETWEEN = re.compile(r"^ (?:[a-z][\w-]* ){0,2}$")
# "Singapore Airlines (SIA)", "the Rapid Support Forces (the RSF)".
_DEFINED_ACRONYM = re.compile(r"\s*\(\s*(?:the\s+)?([A-Z][A-Za-z.&]{1,9})\s*\)")


def name_cues(text: str, names: Sequence[tuple[int, int, str, bool, "str | None"]]) -> list[CueRow]:
    """The cues of the names of one article, as rows, for the names that have any.

    ``names`` are (start, end, label, office, role) of every name the article has (offices
    included: they are no nationality), in text order."""
    rows: list[CueRow] = []
    adjective: tuple[int, str] | None = None  # (end, text) of the last nationality no person followed yet
    brackets = "(" in text
    for start, end, label, office, role in names:
        honorific = nationality = use = None
        noun = False
        roles = NO_ROLE_CUES
        if label == "PERSON":
            honorific = honorific_before(text, start)
            roles = role_cues(text, start, end, role)
            if adjective is not None and adjective[0] <= start:
                # The first person after a nationality is the one it may describe.
                if _NOUNS_BETWEEN.match(text[adjective[0] : start]):
                    nationality = adjective[1]
                adjective = None
        elif office:
            pass
        elif label == "NORP":
            noun = is_nationality_noun(text, start, end)
            if not noun:
                adjective = (end, text[start:end])
        elif label in _PLACE_LABELS and _is_capital(text[start:end]):
            use = capital_use(text, start, end)
        acronym = _DEFINED_ACRONYM.match(text, end) if brackets else None
        if honorific or nationality or noun or acronym or use or roles is not NO_ROLE_CUES:
            rows.append((start, end, label, honorific, nationality, noun, acronym and acronym.group(1), use, *roles))
    return rows


# Right after a role: a possessive makes it someone else's ("the president's ... adviser").
_POSSESSED = re.compile(r"['’]s?\b")
# "Trump's former campaign manager Paul Manafort": a title right before the name.
_ROLE_BEFORE = re.compile(
    rf"(?:^|[\s(])(?P<role>(?:(?:{'|'.join(map(re.escape, ROLE_BEFORE_QUALIFIERS))})\s+){{0,3}}"
    rf"(?:{'|'.join(map(re.escape, ROLE_BEFORE_OFFICES))}))\s+$"
)


def role_dangles(role: str) -> bool:
    """Does ``role`` end in a preposition or a courtesy ("spokesman for Mr."): cut short, no office."""
    return fold(role.split()[-1]).rstrip(".") in ROLE_DANGLING


def role_cues(text: str, start: int, end: int, role: str | None) -> RoleCues:
    """Where the role of the person named at ``start:end`` is written, and what is around it:
    (role_start, role_end, role_possessed, role_before, role_before_start).

    ``role_start``/``role_end``: where ``role`` is written, inside the name's span, right before it
    or in the appositive after it; None when it is not near. ``role_possessed``: a possessive follows
    it, so it names someone else's office. ``role_before``: when the person has no role of their own
    (none, someone else's, or cut short), a title written right before the name
    ("Trump's former campaign manager Paul Manafort"), at ``role_before_start``."""
    role_start = role_end = before = before_start = None
    possessed = False
    own = role.strip() if role else ""
    if own:
        at = text.find(own, max(0, start - len(own) - 80), end + len(own) + 80)
        possessed = at >= 0 and _POSSESSED.match(text, at + len(own)) is not None
        role_start = _written_at(text, start, end, role)  # type: ignore[arg-type]
        if role_start is not None:
            role_end = role_start + len(role)  # type: ignore[arg-type]
        if possessed or role_dangles(own):
            own = ""
    if not own:
        window = text[max(0, start - 60) : start]
        if window.rstrip().endswith(ROLE_BEFORE_OFFICES):  # most names: no office word right before
            found = _ROLE_BEFORE.search(window)
            if found and found.group("role").split()[0] not in ROLE_DANGLING:
                before = found.group("role")
                before_start = _written_at(text, start, end, before)
                if before_start is None:
                    before = None
    if role_start is None and not possessed and before is None:
        return NO_ROLE_CUES
    return role_start, role_end, possessed, before, before_start


def _written_at(text: str, start: int, end: int, role: str) -> int | None:
    """Where ``role`` is written for the name at ``start:end``: at the start of the name's span
    ("Defence Minister Ana Ferreyra"), right before it, or in an appositive after it ("Marco Groje,
    the acting police chief")."""
    if text.startswith(role, start):
        return start
    at = text.rfind(role, max(0, start - len(role) - 4), start)
    if at >= 0:
        return at
    after = text.find(role, end, end + len(role) + 12)
    return after if after >= 0 else None


@lru_cache(maxsize=65536)
def _is_capital(name: str) -> bool:
    return country_of_capital(strip_possessive(name)) is not None


def honorific_before(text: str, start: int) -> str | None:
    """The courtesy title right before ``start``, folded: "mrs" for "Mrs. Trump"."""
    window = text[max(0, start - 6) : start]
    if _PLAIN.fullmatch(window):
        # What ``fold`` makes of such a window, without its cost (a name's window is new to its cache).
        words = _MARKS.sub("", window).lower().split()
        word = words[-1] if words else ""
    else:
        word = fold(window).split(" ")[-1]
    return word if word in HONORIFICS else None


# Letters, digits, spaces and the marks ``fold`` deletes without changing anything else.
_PLAIN = re.compile(r"[A-Za-z0-9 \n.,;:!?()\"]*")
_MARKS = re.compile(r"[.,;:!?()\"]")


def is_nationality_noun(text: str, start: int, end: int) -> bool:
    """"the 40-year-old American was ...": a nationality that stands for a person, not "the
    American troops" (a word of the table of demonyms, after "the", before a verb, a preposition
    or a stop)."""
    word = text[start:end]
    if " " in word or country_of_demonym(word) is None or word.endswith("s"):
        return False
    return bool(_BEFORE_A_NOUN.search(text[max(0, start - 40) : start]) and _AFTER_A_NOUN.match(text[end : end + 12]))


def capital_use(text: str, start: int, end: int) -> str | None:
    """How the words around a capital's name read it: "city" ("in Moscow", "Moscow's mayor"),
    "state" ("ties with Moscow", "Moscow has"), "state_voice" ("Moscow said", "Pyongyang's
    program"), or None when they tell neither."""
    before = text[max(0, start - 12) : start]
    if _CITY_BEFORE.search(before) or _CITY_AFTER.match(text, end):
        return "city"
    if _ACTOR_BEFORE.search(before) or _ACTOR_AFTER.match(text, end):
        return "state_voice" if _VOICE_AFTER.match(text, end) else "state"
    return None
