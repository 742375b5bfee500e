"""Name keys: what lets two spellings of one name meet, for linking.

Pure functions over strings (and ``mention_name``, the name a mention gives). ``fold`` (in ``annotate.nlp.language``, with the
other facts about the language: titles, countries, nationalities) removes
what never distinguishes two names; ``translit_key`` goes further and merges
common transliteration variants (Yuri / Yury, Zelensky / Zelenskyy) so
blocking by surname still brings them together.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from annotate.nlp.language import (  # noqa: F401  (linking reads these here; their one home is annotate.nlp.language)
    COUNTRIES,
    COUNTRY_ALIASES,
    HONORIFIC_SEX,
    HONORIFICS,
    INDEFINITE_ARTICLES,
    LEADER_HEADS,
    NAME_PARTICLES,
    NAME_SUFFIXES,
    OFFICE_HEADS,
    PERSON_NOUNS,
    TITLE_WORDS,
    country_core,
    country_of_capital,
    country_of_demonym,
    demonym_candidates,
    fold,
    given_name_gender,
    given_names,
    is_demonym_word,
    place_of,
    strip_accents,
    strip_possessive,
)

if TYPE_CHECKING:
    from annotate.model import Mention

# Small words skipped when building an acronym ("Bank of England" -> "BE").
ACRONYM_SKIP = {"of", "the", "and", "for", "on", "in", "at", "to", "de", "du", "des", "la", "le", "&"}

# Generic words that follow an organisation's proper name: "Vantor Group" is
# also called "Vantor". A general word list, not names.
ORG_SUFFIXES = {
    "group", "company", "co", "corporation", "corp", "inc", "ltd", "llc", "plc", "gmbh", "sa", "ag",
    "party", "movement", "organisation", "organization", "agency", "foundation", "institute",
    "association", "union", "network", "front", "army", "forces", "force", "brigade", "militia",
    "ministry", "department", "office", "bank", "university", "holdings", "media", "news",
}
# Words after a company's own name that do not change which company it is: "Apple Inc.",
# "Apple Computer" and "Apple" are one company; "Apple Corps" is another. A general word list.
CORPORATE_WORDS = frozenset(
    """inc incorporated corp corporation co company ltd limited llc plc gmbh sa ag nv holdings group
    computer computers electronics software airlines airways motors industries technologies systems
    communications international enterprises pharmaceuticals airplanes aircraft aerospace""".split()
)
# Last words that make a name an organisation's whatever the finder guessed: no person
# is called "X Mining" or "X Securities". A general word list.
ORG_HEAD_WORDS = ORG_SUFFIXES | {
    "mining", "securities", "systems", "technologies", "technology", "energy", "airlines", "airways", "motors",
    "pharmaceuticals", "capital", "partners", "united", "fc", "industries", "logistics", "telecom",
    "resources", "petroleum", "railways", "studios", "labs", "solutions", "services", "ventures", "investments",
    "insurance", "trust", "club", "council", "committee", "tribunal", "commission", "police", "authority",
    "ministry", "school", "college", "hospital", "airport", "federation", "league", "society",
    "aircraft", "aerospace", "airplanes", "electronics", "software",
}
# Bodies of an organisation that a reader files under the organisation
# itself ("UN General Assembly" is the United Nations speaking).
ORG_ORGANS = {
    "general", "assembly", "security", "council", "secretary", "secretariat", "commission",
    "parliament", "court", "summit", "mission", "office", "envoy", "spokesperson", "spokesman",
    "spokeswoman", "chief", "agency", "committee", "headquarters", "delegation", "human", "rights",
    "national",
}


# One capitalised word, the shape of a surname or given name written alone ("Lohan"): the names
# ``annotate.nlp.corpus_names`` finds with the corpus in view have it, and ``ct_speech`` reads a
# word of this shape as a speaker who may turn out to be one of them. A hyphen may join a second
# part ("Jong-un", "Jean-Claude", "Smith-Jones"): group 1 is the word before it.
LONE_NAME_WORD = re.compile(r"([A-Z][a-z]+(?:['’][A-Za-z][a-z]+)?)(?:-[A-Za-z][a-z]+)?")


# The label of a work's title: a book, film or song ("A Higher Loyalty"), as trained recognisers name it.
WORK = "WORK_OF_ART"


def work_key(folded: str) -> str:
    """A folded title without the article it opens with: "a higher loyalty" -> "higher loyalty"
    (``fold`` has dropped "the" already): how outlets write one title differently."""
    first, _, rest = folded.partition(" ")
    return rest if rest and first in INDEFINITE_ARTICLES else folded


def tokens(text: str) -> list[str]:
    return fold(text).split()


@lru_cache(maxsize=100_000)
def translit_key(word: str) -> str:
    """A rough phonetic key merging common romanisation variants of one word."""
    w = fold(word).replace(" ", "")
    w = re.sub(r"c(?=[eiy])", "s", w.replace("ch", "\x00"))
    w = w.replace("c", "k").replace("\x00", "ch")
    for a, b in (("kh", "h"), ("ph", "f"), ("ck", "k"), ("ou", "u"), ("w", "v"), ("ts", "c"),
                 ("zh", "j"), ("dj", "j"), ("y", "i"), ("ii", "i"), ("ie", "i"), ("ei", "i"),
                 ("ey", "i"), ("iy", "i"), ("x", "ks"), ("q", "k")):
        w = w.replace(a, b)
    return re.sub(r"([a-z])\1+", r"\1", w)


def _skeleton(word: str) -> str:
    return re.sub(r"[aeiouy]", "", translit_key(word))


def same_given_name(a: str, b: str) -> bool:
    """Given names that are one name: equal, transliteration variants, or an initial.

    Daniel / Daniela, Paul / Paula are two people: a name plus a final
    vowel is not a spelling variant.
    """
    fa, fb = fold(a), fold(b)
    if fa == fb:
        return True
    if not fa or not fb:
        return False
    if len(fa) == 1 or len(fb) == 1:
        return fa[0] == fb[0]
    short, long_ = sorted((fa, fb), key=len)
    if long_[:-1] == short and long_[-1] in "ae":
        return False
    if translit_key(fa) == translit_key(fb):
        return True
    # Mohammed / Muhammad: same consonants, enough of them to mean something.
    skeleton = _skeleton(fa)
    if len(skeleton) >= 4 and skeleton == _skeleton(fb):
        return True
    return fuzz.ratio(translit_key(fa), translit_key(fb)) >= 85



def split_person(words: list[str]) -> tuple[list[str], str]:
    """(given names, surname) of a folded person name; honorifics dropped.

    "anna petrova" -> (["anna"], "petrova"); "ursula von der leyen" ->
    (["ursula"], "von der leyen"); "petrova" -> ([], "petrova").
    """
    words = [w for w in words if w not in HONORIFICS] or words
    while len(words) > 2 and words[-1] in NAME_SUFFIXES:
        words = words[:-1]  # "arcade joseph comeaux jr": the surname is "comeaux"
    if words and words[0] in NAME_PARTICLES:
        return [], " ".join(words)
    for i in range(1, len(words) - 1):
        if words[i] in NAME_PARTICLES:
            return words[:i], " ".join(words[i:])
    return words[:-1], words[-1] if words else ""


def is_acronym(text: str) -> bool:
    """``UN``, ``U.K.``, ``NATO``: short, all capitals (dots allowed)."""
    letters = text.replace(".", "").replace("&", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


def acronym(name: str) -> str | None:
    """Initials of a multi-word name's significant words, lower case ("United Nations" -> "un")."""
    words = [w for w in fold(name).split() if w not in ACRONYM_SKIP]
    if len(words) < 2:
        return None
    return "".join(w[0] for w in words)


def acronym_key(text: str) -> str:
    return text.replace(".", "").replace("&", "").casefold()



_BRITISH = ((r"our$", "or"), (r"ence$", "ense"), (r"is(e|ed|es|ing|ation|ations)$", r"iz\1"), (r"tre$", "ter"),
            (r"ogue$", "og"), (r"lled$", "led"), (r"lling$", "ling"))


@lru_cache(maxsize=200_000)
def spelling_key(word: str) -> str:
    """British and American spellings of a word meet: defence/defense, organisation/organization."""
    w = fold(word)
    for pattern, repl in _BRITISH:
        w = re.sub(pattern, repl, w)
    return w


@lru_cache(maxsize=200_000)
def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "x"


def mention_name(m: Mention) -> str:
    """The name a mention gives, without role and possessive."""
    name = m.value if isinstance(m.value, str) and m.value.strip() else m.text
    return strip_possessive(name)
