"""What the words around a name say about how it is used: the cues linking needs.

Linking never reads an article's text: what it needs to know of the words around a name is
found here, once, and recorded on the name's mention (``EntityMention``):

- ``honorific``: "Mrs." in "Mrs. Trump" says which Trump;
- ``nationality``: "American" in "American challenger Tony Thompson", so that "the American"
  elsewhere in that article is him;
- ``nationality_noun``: "the 40-year-old American was ..." stands for a person, "the American
  troops" does not;
- ``defined_acronym``: "SIA" in "Singapore Airlines (SIA)";
- ``capital_use``: "Moscow said" is the state, "in Moscow" the city.

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
    SPEECH_AUXILIARIES,
    country_of_capital,
    country_of_demonym,
    fold,
    strip_possessive,
)

# A cue row: (start, end, label, honorific, nationality, nationality_noun, defined_acronym,
# capital_use), the fields of ``EntityMention`` of the same names.
CueRow = tuple[int, int, str, "str | None", "str | None", bool, "str | None", "str | None"]
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


def name_cues(text: str, names: Sequence[tuple[int, int, str, bool]]) -> list[CueRow]:
    """The cues of the names of one article, as rows, for the names that have any.

    ``names`` are (start, end, label, office) of every name the article has (offices included:
    they are no nationality), in text order."""
    rows: list[CueRow] = []
    adjective: tuple[int, str] | None = None  # (end, text) of the last nationality no person followed yet
    brackets = "(" in text
    for start, end, label, office in names:
        honorific = nationality = use = None
        noun = False
        if label == "PERSON":
            honorific = honorific_before(text, start)
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
        if honorific or nationality or noun or acronym or use:
            rows.append((start, end, label, honorific, nationality, noun, acronym and acronym.group(1), use))
    return rows


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
