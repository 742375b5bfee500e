"""``ct_entities``: a rule-based entity finder with titles split from names.

How it works, in three passes over one Doc:

1. Find runs of capitalised words (joined by name particles such as "de",
   "bin", "al-", and by "of" after an organisation word: "Bank of England").
   Capitalised words come from a per-word flag in the shared token columns
   (``annotate.nlp.components.tokens``), so the Python work grows with the
   number of capitalised words, not tokens.
2. Classify each run: a known name (countries, demonyms, cities, regions,
   international bodies); a last word that names a kind of thing ("... Group"
   -> ORG, "... Desert" -> LOC, "... Airport" -> FAC, "... Summit" -> EVENT);
   a title or role word inside it ("Defence Minister Bello Musa" -> PERSON
   "Bello Musa"); a common given name; the context ("X said", "said X",
   "news outlet X"); acronyms; model names ("Tx-40" -> PRODUCT); a title after a
   noun for a work ("his book, A Higher Loyalty," -> WORK_OF_ART). Words that
   only open a sentence ("According", "The") are not names, and headlines
   written in Title Case only yield names known from elsewhere.
3. Link within the article: a lone capitalised word that is the surname of a
   person named in full elsewhere ("Musa") is that person, the first word of
   an organisation ("Atlas" for "Atlas Group") is that organisation, and
   ``span._.canonical`` records the fullest form of the name in the article.

Roles are read leftwards from a person's name over title words, role
modifiers, capitalised words and a possessive ("Norway's Trade Minister"),
or from an appositive ("Marco Groje, the acting police chief,"; "the defence
minister, Bello Musa,"), and stored in ``span._.role``. Courtesy titles
("Mr", "Dr") mark a person but are not roles. When a trained NER ran before this component,
its PERSON/ORG/GPE/... spans are kept (titles trimmed off people), win over any rule guess they
overlap, and the rules only fill the gaps.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

import numpy
from spacy.attrs import ENT_IOB, ENT_TYPE
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.strings import get_string_id
from spacy.tokens import Doc

from annotate.nlp.language import (
    CLAUSE_CONJUNCTIONS,
    FIRM_ENDS,
    HONORIFIC_SEX,
    HOLIDAY_ENDS,
    HOLIDAY_WORDS,
    HOLIDAYS,
    HONORIFICS,
    HYPHEN_PREFIXES,
    LEGAL_FORMS,
    MERIDIEMS,
    NAME_SUFFIXES,
    NOT_AN_EXECUTIVE,
    ORGANISATION_NOUNS,
    PRODUCT_NOUNS,
    PARTY_LETTERS,
    PERSON_NOUNS,
    ROLE_LINKERS,
    ROLE_MODIFIERS,
    SAID_FORMS,
    TITLE_HEADS,
    TITLE_NOUNS,
    US_STATE_FORMS,
    WEEKDAYS,
    WORK_NOUNS,
    WORK_VERBS,
    fold,
    given_name_gender,
)
from annotate.nlp.language import PERSON_SPEECH_VERBS as SPEECH_VERBS
from annotate.nlp.components import ENTS, Batched, register_extensions, rows
from annotate.nlp.components.gazetteer import (
    EVENT_SUFFIXES,
    FAC_SUFFIXES,
    GPE_SUFFIXES,
    LAW_SUFFIXES,
    LOC_SUFFIXES,
    MONTHS_AND_DAYS,
    ORG_INTRODUCERS,
    PLACE_NAME_WORDS,
    PLACE_NOUNS,
    PLACE_PREFIXES,
    PLACE_SUFFIXES,
    PRODUCT_SUFFIXES,
    ORG_PREFIXES,
    ORG_SUFFIXES,
    PARTICLES,
    SENTENCE_OPENERS,
    capitalised,
    lexicon,
    spellings,
)
from annotate.nlp.names import CORPORATE_WORDS, ORG_HEAD_WORDS, WORK
from annotate.nlp.components.sentences import sentence_starts
from annotate.nlp.components.tokens import LINE_BREAK, LONG_ALPHA, tokens, word_flag

ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "FAC", "PRODUCT"})
# Pipelines trained on WikiNER-style labels ("PER", "LOC", "ORG", "MISC").
_TRAINED_LABELS = {"PER": "PERSON"}

_CAMEL_CASE = re.compile(r"^(?!Mc|Mac|De|Di|La|Le|Van|Von)[A-Z][a-z]+[A-Z][A-Za-z]*$")
_ACRONYM = re.compile(r"^(?:[A-Z]\.?){2,6}$")
_I_PRODUCT = re.compile(r"^i[A-Z][a-z]+[A-Za-z]*$")  # "iPod", "iTunes", "iPhone"
_MODEL_NUMBER = re.compile(r"^(?:[A-Z]{0,2}\d{3,4}[A-Za-z]{0,2}|\d{3,4}s)$")  # "737", "737s", "A320s"
_MODEL_NUMBER_FLAG = word_flag(lambda w: bool(_MODEL_NUMBER.match(w)))
_VERSION = re.compile(r"^\d{1,2}(?:\.\d{1,2})?$")  # "8", "5.01": a version after a product's name
_MODEL_NAME = re.compile(r"^[A-Z][A-Za-z]{0,3}-?\d{1,4}[A-Za-z]{0,2}$")
# What a word's shape says, one bit each (``_shape``).
_I_PRODUCT_SHAPE, _MODEL_NAME_SHAPE, _ACRONYM_SHAPE, _CAMEL_CASE_SHAPE = 1, 2, 4, 8


@lru_cache(maxsize=65536)
def _shape(word: str) -> int:
    """The patterns above that ``word`` matches, as bits: tested once per word, not per use."""
    return (
        (_I_PRODUCT_SHAPE if _I_PRODUCT.match(word) else 0)
        | (_MODEL_NAME_SHAPE if not word.isalpha() and _MODEL_NAME.match(word) else 0)
        | (_ACRONYM_SHAPE if _ACRONYM.match(word) else 0)
        | (_CAMEL_CASE_SHAPE if _CAMEL_CASE.match(word) else 0)
    )


_SENTENCE_END = frozenset(".!?…\"'”’")
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_SURNAME_PREFIXED = re.compile(r"^(?:(?:Mc|Mac|De|Di|Da|La|Le|Van|Von|O')[A-Z][a-z]+|[A-Z][a-z]*['’][A-Za-z][a-z]+)$")  # "McDermott", "Ka'loni"
_NAME_SHAPED = re.compile(r"^[A-Z][a-z]*['’][A-Za-z][a-z]+$")  # "Ka'Loni", "D'Andre"

# Opening quotes before a work's title (``_work_title``).
_TITLE_QUOTES = frozenset("\"'“‘«")

_WORK_WORDS = TITLE_NOUNS | WORK_VERBS
_WORK_WORD = word_flag(lambda w: w.lower() in _WORK_WORDS)
# What ends the look back for a work verb: the end of a clause, or a verb of speech.
_WORK_STOPS = frozenset({".", ";", ":"}) | SPEECH_VERBS
_CLOSING_QUOTES = frozenset({"'", "’", '"', "”", "»", ")"})
_OPENERS = frozenset("\"'“‘«([:—–-")
# What follows a dateline's place: its state or country, or the dash before the story.
_DATELINE_ENDS = frozenset({",", "—", "–", "-"})
_LOWERCASE_ORG_SUFFIXES = frozenset({"group", "party", "movement"})
_OF_WORDS = frozenset({"of", "for"})
# What the words around a name say when they say only that it is no person ("X, which").
_NO_PERSON = "NO_PERSON"
# Words after which a name opens a clause ("when Drake, which ..."; not "Agriculture and Conservation, which").
_CLAUSE_OPENERS = CLAUSE_CONJUNCTIONS - {"and", "or", "who", "which"}
# Words that open an appositive describing what a name is ("X, a defence contractor,").
_APPOSITIVE_OPENERS = frozenset({"a", "an", "the", "our", "its", "their"})
_PLACE_PREPOSITIONS = frozenset({"in", "near", "outside", "across", "throughout", "around", "from"})
_COMMON = STOP_WORDS | SENTENCE_OPENERS
# A capitalised word alone that is not a name by itself: "The", "Monday", "Minister".
_NOT_A_NAME_ALONE = _COMMON | MONTHS_AND_DAYS | HOLIDAYS | TITLE_HEADS
# What the lowercase words inside a name can start with ("Bank of ...", "al-", "Workers' ...").
_GAP_OPENERS = frozenset(("-", "'", "’", "&", "and")) | _POSSESSIVE | PARTICLES | _OF_WORDS
_CAPITALISED = word_flag(capitalised)
_PERSON_NOUN = word_flag(lambda w: w.lower() in PERSON_NOUNS)
# Runs of more capitalised words than this are not one name (headlines, lists).
_MAX_RUN = 8
# One token's (ENT_IOB, ENT_TYPE): outside any entity; inside one.
_OUTSIDE = array("Q", (2, 0))
_INSIDE = array("Q", (1,))


@dataclass(slots=True)
class _Found:
    start: int  # token index
    end: int
    label: str
    weak: bool = False  # a guess from defaults only: dropped in headlines
    guess: bool = False  # a label read from one word beside the name ("Okafor said"): other uses may overturn it


@Language.factory("ct_entities")
def make_entity_finder(nlp: Language, name: str) -> "EntityFinder":
    return EntityFinder(nlp)


class EntityFinder(Batched):
    """The ``ct_entities`` component (see the module docstring)."""

    def __init__(self, nlp: Language) -> None:
        register_extensions()
        # The gazetteer's names of several words (and "the" + a name) are the patterns of a
        # PhraseMatcher, in every spelling ``fold`` counts as one; a single word is looked up
        # by its folded form.
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        # The patterns' words in lowercase (their LOWER): a run whose words are no pattern's needs
        # no matcher, and most articles then never run it.
        self.pattern_words: set[tuple[str, ...]] = set()
        by_label: dict[str, list[str]] = {}
        for name, label in lexicon().names.items():
            by_label.setdefault(label, []).extend(spellings(name))
        for label, names in by_label.items():
            patterns: list[Doc] = []
            for pattern in nlp.tokenizer.pipe(names):
                if len(pattern) > 1:
                    patterns.append(pattern)
                patterns.append(Doc(nlp.vocab, words=["the", *(t.text for t in pattern)]))
            self.matcher.add(label, patterns)
            self.pattern_words.update(tuple(t.lower_ for t in pattern) for pattern in patterns)

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        _DocEntities(doc, self.matcher, self.pattern_words).run()
        return doc


class _DocEntities:
    """The state for finding the entities of one Doc."""

    def __init__(self, doc: Doc, matcher: PhraseMatcher, pattern_words: set[tuple[str, ...]]) -> None:
        self.doc = doc
        self.matcher = matcher
        self.pattern_words = pattern_words
        self._matched: dict[tuple[int, int], str] | None = None  # (start, end) -> label of a listed name
        self.lex = lexicon()
        # Token attributes as shared columns (creating Token objects for every token
        # costs more than tokenizing).
        toks = tokens(doc)
        self.toks = toks
        self.n = len(doc)
        self.strings = doc.vocab.strings
        self.w = toks.words
        self.ws, self.punct, self.space = toks.ws, toks.punct, toks.space
        # Sentence starts are not shared columns (a trained parser may have added some), but
        # ``sentence_starts`` reads them once for every component; a Doc no one split is one sentence.
        first = sentence_starts(doc) if doc.has_annotation("SENT_START") else [0]
        self.sentence_starts = numpy.searchsorted(toks.table[:, 2], numpy.array(first, dtype=numpy.uint64)).tolist()
        ss = [False] * self.n
        for i in self.sentence_starts:
            ss[i] = True
        self.ss = ss
        # Entities a trained NER set (``Doc.ents`` reads the token structs directly).
        self.trained_ents = doc.ents
        self._words: set[str] | None = None  # every word of the Doc
        self._work_words: bool | None = None  # has the Doc a word of TITLE_NOUNS or WORK_VERBS?
        self._lowercase_questions = 0
        self._headline: dict[int, bool] = {}  # first token of a sentence or line -> is it a headline?
        self._headline_at: dict[int, bool] = {}  # token -> is it in a headline? (asked again and again)
        self._body_names: dict[str, str] = {}  # names found outside headlines -> label
        self._line_breaks: list[int] | None = None  # token indices of line breaks, when asked
        self._descriptions: dict[int, str] = {}  # start token -> "Spiro man" (the noun in lowercase)
        self._said: dict[tuple[int, int], str | None] = {}  # (start, end) -> what the words around a name say it names
        self._team_words: set[str] = set()  # the last words of team names found ("colts" of "Indianapolis Colts")

    # -- pass 1: runs of capitalised words -------------------------------------------------

    def run(self) -> None:
        doc = self.doc
        found: list[_Found] = []
        unresolved: list[tuple[int, int]] = []
        w = self.w
        headlines: list[tuple[int, int]] = []
        for start, end in self._runs():
            if end - start == 1:  # the common cases: a known name ("France") or a common word ("The")
                self._one_word(start, found, unresolved)
            elif w[start + 1] == "-" and self._party_and_state(start, end):
                continue  # "(R-Va.)" after a lawmaker's name: not a name
            elif self._in_headline(start):
                headlines.append((start, end))
            else:
                self._classify(start, end, found, unresolved)
        if headlines:
            # A headline in Title Case is cut into the names the body uses ("Lindsay Lohan
            # Checks Into Rehab": "Lindsay Lohan"), so it is read after the body.
            self._body_names = {
                fold(self.span_text(f.start, f.end)): f.label for f in found if not f.weak and f.label in ("PERSON", "ORG")
            }
            for start, end in headlines:
                self._classify(start, end, found, unresolved)
        trained = self._trained_entities()
        if trained:
            # The trained recogniser wins where it overlaps a rule's guess.
            taken = bytearray(self.n)
            for f in trained:
                taken[f.start : f.end] = b"\x01" * (f.end - f.start)
            found = [f for f in found if not any(taken[f.start : f.end])] + trained
        found = self._with_model_numbers(_without_overlaps(found))
        for f in found:
            if f.label == "PERSON" and f.end - f.start >= 2 and fold(self.w[f.end - 1]) in ORG_HEAD_WORDS:
                f.label = "ORG"  # "Ardmore Mining", "Rivergate United": named like an organisation
        evidenced = self._organisations_by_evidence(found)
        found = self._link_short_forms(found, unresolved, evidenced)
        found = self._place_and_person_noun(found, unresolved)
        found = self._split_surname_pairs(found)
        canonical = self._canonical_forms(found)
        canonical.update(self._acronym_forms(found))
        canonical.update(self._descriptions)
        people = {i for f in found if f.label == "PERSON" for i in range(f.start, f.end)}
        # Entities are written as one array, their roles and full forms as rows in
        # ``rows(doc)`` (which ``span._.role`` and ``span._.canonical`` read): building a Span
        # and an Underscore per entity costs more than finding it. The (ENT_IOB, ENT_TYPE) rows
        # are one flat ``array("Q")``, made by repeating an "O, no label" row (C speed; numpy
        # converts a list of Python ints several times slower).
        table = _OUTSIDE * self.n
        starts, words = self.toks.starts, self.w
        label_ids = {label: self.strings.add(label) for label in {f.label for f in found}}
        found_rows: list[tuple[int, int, str, str | None, str | None]] = []  # see ``annotate.nlp.components``
        for f in found:
            label = label_ids[f.label]
            b = 2 * f.start
            table[b] = 3  # B
            table[b + 1] = label
            if f.end - f.start > 1:
                inside = f.end - f.start - 1
                table[b + 2 : 2 * f.end : 2] = _INSIDE * inside  # I
                table[b + 3 : 2 * f.end : 2] = array("Q", (label,)) * inside
            start_char = starts[f.start]
            end_char = starts[f.end - 1] + len(words[f.end - 1])
            role = None
            if f.label == "PERSON":
                role_start = self._role_start(f.start, people)
                if role_start is not None:
                    role = self.span_text(role_start, f.start)
                else:
                    role = self._appositive_role(f.end) or self._role_before_comma(f.start, f.end, people)
            found_rows.append((start_char, end_char, f.label, canonical.get(f.start), role))
        doc.from_array([ENT_IOB, ENT_TYPE], numpy.frombuffer(table, dtype=numpy.uint64).reshape(self.n, 2))
        rows(doc).put(ENTS, found_rows)

    def _party_and_state(self, start: int, end: int) -> bool:
        """Tokens ``start:end`` are a party letter, a hyphen and a US state ("R-Va.", "D-New York")."""
        w = self.w
        return (
            w[start] in PARTY_LETTERS
            and not self.ws[start] and not self.ws[start + 1]
            and fold(self.span_text(start + 2, end)).rstrip(".") in US_STATE_FORMS
        )

    def _runs(self) -> list[tuple[int, int]]:
        """Token ranges of capitalised words that may form one name."""
        runs: list[tuple[int, int]] = []
        ss, w = self.ss, self.w
        start = end = -1
        for nxt in numpy.flatnonzero(self.toks.where(_CAPITALISED)).tolist():
            if nxt == end and not ss[nxt]:
                end += 1
                continue
            if start >= 0:
                # (the first tests of ``_joinable_gap`` inline: most gaps fail them)
                if nxt - end <= 2 and not ss[nxt] and w[end].lower() in _GAP_OPENERS and self._joinable_gap(start, end, nxt):
                    end = nxt + 1
                    continue
                # (most runs are one word with no hyphen before it: ``_whole_run`` leaves those as they are)
                runs.append(self._whole_run(start, end) if end - start > 1 or w[start - 1] == "-" else (start, end))
            start, end = nxt, nxt + 1
        if start >= 0:
            runs.append(self._whole_run(start, end))
        return self._split_after_legal_forms(runs)

    def _split_after_legal_forms(self, runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """"officer of Apple Inc. Steve Jobs": a company's legal form ends its name, so the words
        after it are another name (``LEGAL_FORMS``; "Samsung Electronics Co. Ltd." stays whole)."""
        w = self.w
        out: list[tuple[int, int]] = []
        for start, end in runs:
            if end - start > 2:
                for i in range(start + 1, end - 1):
                    if fold(w[i]) in LEGAL_FORMS and not self.punct[i + 1] and fold(w[i + 1]) not in LEGAL_FORMS:
                        out.append((start, i + 1))
                        start = i + 1
            out.append((start, end))
        return out

    def _place_and_person_noun(self, found: list[_Found], unresolved: list[tuple[int, int]]) -> list[_Found]:
        """"Spiro man", "Brooklyn mother": a place (or a capitalised word no list knows) and a noun
        for a person describe someone; the whole is a PERSON mention, for linking to tell who."""
        nouns = numpy.flatnonzero(self.toks.where(_PERSON_NOUN)).tolist()
        if not nouns:
            return found
        ending = {f.end: f for f in found}
        lone = {start for start, end in unresolved if end == start + 1}
        added = False
        for i in nouns:
            if i == 0 or not self.ws[i - 1] or (self.w[i][0].isupper() and not self._in_headline(i)):
                continue
            f = ending.get(i)
            whole = ending.get(i + 1)
            if whole is not None and whole.start == i - 1 and whole.label == "PERSON" and self.w[i][0].isupper():
                f = whole  # a headline's "Spiro Man", read as a given name and a surname
            elif f is not None and f.label in ("GPE", "LOC") and f.end - f.start <= 2:
                f.end, f.label = i + 1, "PERSON"
            elif f is None and i - 1 in lone and self.w[i - 1].istitle() and fold(self.w[i - 1]) not in _NOT_A_NAME_ALONE:
                f = _Found(i - 1, i + 1, "PERSON")
                found.append(f)
                added = True
            else:
                continue
            # the value says it is a description, not a name: the noun in lowercase ("Spiro man")
            self._descriptions[f.start] = self.span_text(f.start, i) + " " + self.w[i].lower()
        return _without_overlaps(found) if added else found

    def _split_surname_pairs(self, found: list[_Found]) -> list[_Found]:
        """"the Trump-Abe summit": two surnames joined by a hyphen, each that of someone the article
        names in full, are two people (not a double-barrelled name)."""
        w = self.w
        pairs = [f for f in found if f.label == "PERSON" and f.end - f.start == 3 and w[f.start + 1] == "-"]
        if not pairs:
            return found
        surnames = {w[f.end - 1] for f in found if f.label == "PERSON" and f.end - f.start >= 2 and w[f.end - 2] != "-"}
        out = []
        for f in found:
            if f in pairs and w[f.start] in surnames and w[f.end - 1] in surnames:
                out += [_Found(f.start, f.start + 1, "PERSON"), _Found(f.end - 1, f.end, "PERSON")]
            else:
                out.append(f)
        return out

    def _with_model_numbers(self, found: list[_Found]) -> list[_Found]:
        """"Boeing 737s", "Airbus A330-200": a maker's name and a model number are a product."""
        w, n = self.w, self.n
        taken = {f.start for f in found}
        for f in found:
            if f.label not in ("ORG", "PRODUCT") or f.end >= n or f.end in taken or not self.ws[f.end - 1]:
                continue
            if self._team_words and fold(w[f.end - 1]) in self._team_words:
                continue  # "the Golden State Warriors 104-99": a team's score, not a model
            if not _MODEL_NUMBER.match(w[f.end]) or (w[f.end].isdigit() and 1800 <= int(w[f.end]) <= 2100):
                continue
            end = f.end + 1
            while end + 1 < n and w[end] == "-" and not self.ws[end - 1] and not self.ws[end] and w[end + 1].isalnum():
                end += 2  # "737-800"
            f.end, f.label = self._model_name_after(end), "PRODUCT"
        # "the 787 Dreamliner": a model number and the model's name, without the maker
        numbers = numpy.flatnonzero(self.toks.where(_MODEL_NUMBER_FLAG)).tolist()
        if numbers:
            covered: bytearray | None = None  # 1 for tokens in an entity, made when first asked
            added = False
            makers: set[int] | None = None
            for i in numbers:
                if (w[i].isdigit() and 1800 <= int(w[i]) <= 2100) or not self.ws[i]:
                    continue
                end = self._model_name_after(i + 1)
                if end == i + 1:
                    # "Boeing's 747": a model number after a maker's possessive is the maker's model
                    if w[i - 1] not in _POSSESSIVE:
                        continue
                    if makers is None:
                        makers = {f.end for f in found if f.label == "ORG"}
                    if i - 1 not in makers:
                        continue
                if covered is None:
                    covered = bytearray(n)
                    for f in found:
                        covered[f.start : f.end] = b"\x01" * (f.end - f.start)
                if not any(covered[i:end]):
                    found.append(_Found(i, end, "PRODUCT"))
                    added = True
            if added:
                found = _without_overlaps(found)
        return found

    def _model_name_after(self, i: int) -> int:
        """The end of a model's name after its number: "Dreamliner" in '787 "Dreamliner"', or ``i``."""
        w, n = self.w, self.n
        j = i + 1 if i < n and w[i] in ('"', "“") else i
        if i < n and j < n and w[j].istitle() and w[j].isalpha() and fold(w[j]) not in _NOT_A_NAME_ALONE:
            if not self.lex.labels.get(fold(w[j])) and not self._opens_sentence(j):
                return j + 1
        return i

    def _whole_run(self, start: int, end: int) -> tuple[int, int]:
        """A run with a glued article before it ("al-" + "Qaeda") and, after a name of two words
        or more, a short lowercase part glued by a hyphen ("Kim Jong-un", "Moon Jae-in")."""
        if start >= 2 and self.w[start - 1] == "-":
            start = self._particle_prefix(start)
        if end - start >= 2 and self._glued_syllable(end):
            end += 2
        return start, end

    def _glued_syllable(self, end: int) -> bool:
        """Is token ``end - 1`` a short name part with a short lowercase part glued to it by a
        hyphen ("Jong" + "-un", "Jae" + "-in")? One written word: a given name alone ("Jong-un")
        or the end of a full name ("Kim Jong-un")."""
        w = self.w
        return (
            end + 1 < self.n
            and w[end] == "-"
            and not self.ws[end - 1]
            and not self.ws[end]
            and w[end + 1].isalpha()
            and w[end + 1].islower()
            and len(w[end + 1]) <= 3
            and len(w[end - 1]) <= 4
            and w[end - 1].lower() not in HYPHEN_PREFIXES  # "Co-op", "Ex-con": one English word
        )

    def _joinable_gap(self, start: int, end: int, nxt: int) -> bool:
        """Can the lowercase tokens between ``end`` and ``nxt`` sit inside one name?"""
        if nxt - end > 2 or self.ss[nxt] or self.w[end].lower() not in _GAP_OPENERS:
            return False
        if any(self.space[i] for i in range(end, nxt)):
            return False
        words = [self.w[i].lower() for i in range(end, nxt)]
        if words == ["&"]:
            return self._firm_after_ampersand(end, nxt)
        if words == ["and"]:
            return self._body_of_two_fields(start, end, nxt)
        if len(words) == 1 and words[0] in ("-", "'", "’") and not self.ws[end - 1] and not self.ws[end]:
            if words[0] == "-" and not self._known(end - 1, nxt + 1):
                labels = self.lex.labels
                if (labels.get(fold(self.w[end - 1])) or labels.get(fold(self.w[nxt]))) and self.w[end - 1] not in PARTY_LETTERS:
                    return False  # "Trump-Russia": two names, not one (but "R-Iowa" is one tag)
            return True  # "Jean-Yves", "Guinea-Bissau"
        if words[0] in _POSSESSIVE and len(words) == 1 and not self.ws[end - 1] and self._org_name_follows(nxt):
            return self._known(start, end) not in ("GPE", "NORP")  # "Cibrou Workers' Union", not "Kenya's Army"
        if words[0] in PARTICLES and words[1:] == ["-"] and not self.ws[end] and not self.ws[end + 1]:
            return True  # "Abdel Fattah al-Burhan"
        if all(w in PARTICLES for w in words) and nxt - start < _MAX_RUN:
            return True  # "Mohammed bin Salman", "Ludwig van Beethoven"
        if words[0] in _OF_WORDS and words[1:] in ([], ["the"]):
            if self._listed_across(end - 1, nxt):
                return True  # "Horn of Africa": a listed name
            last = fold(self.w[end - 1])
            return last in ORG_SUFFIXES or last in LOC_SUFFIXES or last in GPE_SUFFIXES or last in TITLE_HEADS or last in FAC_SUFFIXES or last in EVENT_SUFFIXES or last in PLACE_SUFFIXES
        return False

    def _body_of_two_fields(self, start: int, end: int, nxt: int) -> bool:
        """"Center for Strategic and International Studies", "Department of Health and Human
        Services": a body named "<kind> of/for A and B" when B is one to three capitalised words no
        list knows ("the Department of Justice and Congress" are two)."""
        w = self.w
        if not any(w[k].lower() in _OF_WORDS and fold(w[k - 1]) in ORG_SUFFIXES for k in range(start + 1, end - 1)):
            return False
        last = nxt
        while last + 1 < self.n and w[last + 1][:1].isupper() and not self.ss[last + 1]:
            last += 1
        if last + 1 < self.n and w[last + 1] == "-" and not self.ws[last]:
            return False  # "Security and Co-operation": a word the hyphen goes on with is not read here
        return last - nxt < 3 and not any(self._known(nxt, j) for j in range(nxt + 1, last + 2))

    def _firm_after_ampersand(self, end: int, nxt: int) -> bool:
        """"European Aeronautic Defence & Space Company", "Burkhardt & Associates": names joined by
        "&" are one firm's when the words after it end like an organisation's name. Not two
        acronyms ("WBA & IBO"), nor a person and a band ("Stephen Fry & McFly")."""
        w = self.w
        if _ACRONYM.match(w[end - 1]) or _ACRONYM.match(w[nxt]):
            return False
        last = nxt
        while last + 1 < self.n and w[last + 1][:1].isupper() and not self.ss[last + 1] and last - nxt < 4:
            last += 1
        key = fold(w[last])
        return key in ORG_HEAD_WORDS or key in CORPORATE_WORDS or key in FIRM_ENDS

    def _org_name_follows(self, i: int) -> bool:
        """Do the capitalised words from ``i`` on end in an organisation word ("... Party")?"""
        n = self.n
        while i + 1 < n and self.w[i + 1][:1].isupper() and not self.ss[i + 1]:
            i += 1
        return fold(self.w[i]) in ORG_SUFFIXES

    def _particle_prefix(self, start: int) -> int:
        """Extend a run left over a glued article: "al-" + "Qaeda"."""
        if start >= 2 and self.w[start - 1] == "-" and not self.ws[start - 1]:
            if self.w[start - 2].lower() in PARTICLES and not self.ws[start - 2]:
                return start - 2
        return start

    # -- pass 1: what kind of name is a run ------------------------------------------------

    def _classify(self, start: int, end: int, found: list[_Found], unresolved: list[tuple[int, int]]) -> None:
        """A run of two or more words (single words are classified in ``run``)."""
        start = self._skip_sentence_opener(start, end)
        start, end = self._trim(start, end)
        if start >= end:
            return
        if end - start == 1:  # "Queens Friday" without its day
            self._one_word(start, found, unresolved)
            return
        if end - start > _MAX_RUN:
            self._segment(start, end, found, unresolved)
            return
        headline = self._in_headline(start)
        label = self._known(start, end)
        if label:
            found.append(_Found(start, end, label))
            return
        if _shape(self.w[start]) & _I_PRODUCT_SHAPE:
            found.append(_Found(start, end, "PRODUCT"))  # "iPod Nano"
            return
        if "&" in self.w[start:end]:
            found.append(_Found(start, end, "ORG"))  # "Procter & Gamble": a firm, not two people
            return
        n = end - start
        last = fold(self.w[end - 1])
        if n == 1 and self._is_month_or_day(start):
            return
        if last in HOLIDAY_ENDS and n >= 2 and self._names_a_day(start, end - 1):
            found.append(_Found(start, end, "EVENT"))  # "Easter Weekend", "Boxing Day", "D-Day"
            return
        if n == 2 and fold(self.w[start]) in HOLIDAYS:
            return  # "Easter Sunday", "Christmas Special": when, not who
        if headline and n > 3:
            # a headline's run is many names and words: its last word says nothing of the first
            self._segment(start, end, found, unresolved, by_given_name=True)
            return
        if n >= 3 and last in NAME_SUFFIXES and self._plain_words(start, end - 1):
            found.append(_Found(start, end, "PERSON"))  # "Arcade Joseph Comeaux Jr."
            return
        if n >= 2:
            suffix_label = self._suffix_label(start, end, last) or self._of_phrase_label(start, end)
            if suffix_label:
                found.append(_Found(start, end, suffix_label))
                return
        head = self._last_title(start, end)
        if head is not None:
            if not self._titled_person(start, head, end, found, unresolved):
                # a title with no name after it ("NATO Secretary-General"): only its known names
                self._segment(start, end, found, unresolved, known_only=True)
            return
        if headline:
            self._segment(start, end, found, unresolved, by_given_name=True)
            return
        if self._work_title(start, end):
            found.append(_Found(start, end, WORK))  # "his book, A Higher Loyalty,"
            return
        if self._subtitle(start, found):
            return
        if self._names_a_work(start):
            return  # "starred in Mean Girls": a film is not a person, nor a place
        given = self._given_name_in(start, end)
        if given is not None and self._plain_words(given, end):
            # "Actress Tara Reid", "Charger Jamal Williams": the name starts at the given name
            if given > start:
                self._segment(start, given, found, unresolved, known_only=True)
            found.append(_Found(given, self._name_end(given, end), "PERSON"))
            return
        if n >= 2 and fold(self.w[start]) in self.lex.given_names and not self._has_known_part(start + 1, end):
            found.append(_Found(start, self._name_end(start, end), "PERSON"))
            return
        if n >= 2 and self._has_known_part(start, end) and self._all_known_or_adjective_first(start, end):
            if n <= 3 and start and all(self.w[i].istitle() for i in range(start, end)) and self._team_name(start, end, self.w[start - 1].lower(), fold(self.w[start])):
                found.append(_Found(start, end, "ORG"))  # "the Green Bay Packers" (not "Green", "Bay Packers")
                return
            self._segment(start, end, found, unresolved)
            return
        self._unknown(start, end, found, unresolved)

    def _names_a_day(self, start: int, end: int) -> bool:
        """Are tokens ``start:end`` the words of a holiday ("Easter", "New Year's") or letters joined
        by a hyphen ("D" in "D-Day", "V-E"), before a word such as "Day" or "Weekend"?"""
        letters = hyphen = False
        for i in range(start, end):
            word = self.w[i]
            if word == "-":
                hyphen = True
            elif len(word) == 1 and word.isupper():
                letters = True
            elif word not in _POSSESSIVE and fold(word) not in HOLIDAY_WORDS:
                return False
        return hyphen or not letters

    def _name_end(self, start: int, end: int) -> int:
        """"James Comey Memos" (a tweet in Title Case): a word after a given name and surname
        that the article writes in lowercase is a common noun, not part of the name."""
        while end - start > 2 and self.w[end - 1][:1].isupper() and self.written_in_lowercase(self.w[end - 1]):
            end -= 1
        return end

    def _unknown(self, start: int, end: int, found: list[_Found], unresolved: list[tuple[int, int]]) -> None:
        """A run no list knows: decide from its shape and its context."""
        if end - start == 1 and fold(self.w[start]) in self.lex.word_acronyms:
            return  # "Who" (not "WHO"): a word
        if self._work_title(start, end):
            found.append(_Found(start, end, WORK))
            return
        if self._subtitle(start, found):
            return
        if self._names_a_work(start):
            return
        n = end - start
        w = self.w
        nxt = w[end].lower() if end < self.n else None
        prev = w[start - 1].lower() if start > 0 else None
        shape = _shape(w[start])  # (the whole run's, when it is one word)
        if shape & _I_PRODUCT_SHAPE:
            found.append(_Found(start, end, "PRODUCT"))  # "iPod", "iTunes"
            return
        if n == 1 and nxt == "-" and self._glued_syllable(end) and self._person_by_context(start, end + 2, prev):
            found.append(_Found(start, end + 2, "PERSON"))  # "Jae-in said", "said Jong-un."
            return
        opens = n == 1 and self._opens_sentence(start)
        if (shape if n == 1 else _shape(w[end - 1])) & _MODEL_NAME_SHAPE:
            found.append(_Found(start, end, "PRODUCT"))  # "Tx-40", "Airbus A380"
        elif n >= 2 and self.lex.labels.get(fold(w[start])) == "ORG":
            found.append(_Found(start, end, "ORG"))  # "Apple Computer", "Boeing Commercial Airplanes"
        elif n == 1 and shape & _ACRONYM_SHAPE and nxt in SPEECH_VERBS:
            found.append(_Found(start, end, "ORG"))  # "SIA said": an acronym is not a person
        elif opens and (shape & _CAMEL_CASE_SHAPE or (shape & _ACRONYM_SHAPE and end < self.n and w[end].isalpha() and w[end].islower())):
            # "DNC files lawsuit", "WikiLeaks, and ...": capitals inside a word tell a name even where a sentence opens
            found.append(_Found(start, end, "ORG", weak=True))
        elif opens and self._subject_of_its(end) and not self.written_in_lowercase(w[start]):
            found.append(_Found(start, end, "ORG"))  # "Creighton opened its first lead" (not "Military aircraft")
        elif opens and nxt not in SPEECH_VERBS:
            unresolved.append((start, end))  # pass 2 may still know it as a surname
        elif n >= 2 and fold(self.w[start]) in ORG_PREFIXES:
            found.append(_Found(start, end, "ORG"))  # "Radio Cheneik", "Bank of Tokyo"
        elif prev in _PLACE_PREPOSITIONS and n <= 3 and not (nxt in _POSSESSIVE) and fold(self.w[start]) not in self.lex.given_names:
            found.append(_Found(start, end, "GPE", weak=True))  # "tense in Drefal"
        elif n <= 4 and nxt is not None and nxt in SPEECH_VERBS and not (n == 1 and prev == "the") and not (
            opens and self.written_in_lowercase(w[start])
        ):
            found.append(_Found(start, end, "PERSON", guess=True))  # "Okafor said" (not "Aides said", "other aides")
        elif n <= 4 and prev in SAID_FORMS and (nxt is None or self.punct[end]):
            found.append(_Found(start, end, "PERSON", guess=True))  # "..., said Amara Okafor."
        elif n <= 4 and prev is not None and fold(prev) in TITLE_HEADS:
            found.append(_Found(start, end, "PERSON"))  # "policy chief Kaja Kallas"
        elif self._use_says(start, end) in ("ORG", "PRODUCT"):
            found.append(_Found(start, end, self._use_says(start, end)))  # "news platform Hromadske", "Intel processors"
        elif nxt in _LOWERCASE_ORG_SUFFIXES:
            found.append(_Found(start, end + 1, "ORG"))  # "the Atlas group"
        elif self._place_noun_around(start, end, prev, nxt):
            found.append(_Found(start, end, "GPE", weak=True))  # "Blue Nile state", "the district of Bener Meriah"
        elif n == 1 and shape & _CAMEL_CASE_SHAPE:
            found.append(_Found(start, end, "ORG", weak=True))  # "SpaceX", "YouTube"
        elif n == 1 and shape & _ACRONYM_SHAPE:
            found.append(_Found(start, end, "ORG", weak=True))
        elif 2 <= n <= 3 and self._plain_words(start, end):
            keys = [fold(self.w[i]) for i in range(start, end)]
            if self._team_name(start, end, prev, keys[0]):
                found.append(_Found(start, end, "ORG"))  # "the Tar Heels", "Indianapolis Colts"
            elif (
                any(k in PLACE_NAME_WORDS for k in keys)
                or keys[0] in PLACE_PREFIXES
                or (self.lex.labels.get(keys[-1]) in ("GPE", "LOC") and keys[-1] not in self.lex.more_given_names)
            ) and not any(
                k in self.lex.more_given_names for k in keys if k not in PLACE_NAME_WORDS and k not in PLACE_PREFIXES
            ):
                found.append(_Found(start, end, "GPE", weak=True))  # "devastates Varenna Alta", "South Kordofan", "Banda Aceh"
            elif any(k in STOP_WORDS for k in keys[1:]) and keys[0] not in self.lex.titles:
                unresolved.append((start, end))  # "Fix It", "America First": no one's name (but a title
                # before a function word names a character: "Doctor Who")
            else:
                found.append(_Found(start, end, "PERSON", weak=True))  # most such names are people
        elif n >= 2 and self._in_capitals(start, end):
            # Words in capitals no list knows: a dateline's place ("SAN ANTONIO, Texas —"), or words
            # shouted ("NO COLLUSION", "WITCH HUNT", "10:30 AM EDT"), which name nothing.
            if self._opens_line(start) and nxt in _DATELINE_ENDS:
                found.append(_Found(start, end, "GPE", weak=True))
        elif n >= 2:
            found.append(_Found(start, end, "ORG", weak=True))
        else:
            unresolved.append((start, end))

    def _in_capitals(self, start: int, end: int) -> bool:
        """Are tokens ``start:end`` words written in capitals, one of them a common word or long
        (acronyms are short: "UK RAF", "OS X" stay names)?"""
        words = [self.w[i] for i in range(start, end) if not self.punct[i]]
        return all(word.isupper() for word in words) and any(
            (len(word) >= 5 and word.isalpha()) or word.lower() in STOP_WORDS or word.lower() in MERIDIEMS for word in words
        )

    def _opens_line(self, i: int) -> bool:
        """Is token ``i`` the first of the text or of a line?"""
        return i == 0 or (self.space[i - 1] and "\n" in self.w[i - 1])

    def _team_name(self, start: int, end: int, prev: str | None, first: str) -> bool:
        """Is the run of plain words at ``start:end`` named like a team or a band: a plural after
        "the" or after a place ("the Tar Heels", "Indianapolis Colts", "New Orleans Saints")? A person's
        name ending in "s" ("Vontae Davis") has neither."""
        last = self.w[end - 1]
        if len(last) < 4 or last[-1] != "s" or last.endswith(("ss", "us", "is", "ys")) or fold(last) in self.lex.labels:
            return False  # (not "the Syrian Kurds": a people)
        if first in PLACE_PREFIXES:
            team = end - start == 3  # "New Orleans Saints" (not "New Orleans" itself)
        else:  # (not "protester Paris Kyriakides": a place that is also a given name)
            team = prev == "the" or (self.lex.labels.get(first) in ("GPE", "LOC") and first not in self.lex.more_given_names)
        if team:
            self._team_words.add(fold(last))
        return team

    def _place_noun_around(self, start: int, end: int, prev: str | None, nxt: str | None) -> bool:
        """Does a lowercase noun for a place follow the name ("Blue Nile state", "Bukit Sama village")
        or stand before it with "of" ("the district of Bener Meriah")? ("state" only where no noun
        follows it: "the Macron state visit" is no place.)"""
        if nxt in PLACE_NOUNS and self.ws[end - 1]:
            if nxt != "state":
                return True
            after = end + 1
            return after >= self.n or self.punct[after] or self.w[after].lower() in _COMMON
        return prev == "of" and start >= 2 and self.w[start - 2].lower() in PLACE_NOUNS

    def _person_by_context(self, start: int, end: int, prev: str | None) -> bool:
        """Do the words around ``start:end`` tell a person, as they tell "Okafor" in "Okafor said",
        "said Okafor." and "policy chief Okafor"? (The tests ``_unknown`` makes of a name of one word.)"""
        nxt = self.w[end].lower() if end < self.n else None
        return bool(
            (nxt is not None and nxt in SPEECH_VERBS and prev != "the")
            or (prev in SAID_FORMS and (nxt is None or self.punct[end]))
            or (prev is not None and fold(prev) in TITLE_HEADS)
        )

    def _plain_words(self, start: int, end: int) -> bool:
        """Title-case words that are not kinds of things ("Ana Torres", "Kim Jong-un", not "Atlas Group")."""
        for i in range(start, end):
            key = fold(self.w[i])
            glued = i > start and self.w[i - 1] == "-" and not self.ws[i - 1]  # "Jong-un"
            if not (self.w[i].istitle() or self.punct[i] or glued or _SURNAME_PREFIXED.match(self.w[i])) or key in ORG_SUFFIXES or key in FAC_SUFFIXES or key in LOC_SUFFIXES or key in EVENT_SUFFIXES or key in PLACE_SUFFIXES or key in LAW_SUFFIXES or key in PRODUCT_SUFFIXES:
                return False
        return True

    def _work_title(self, start: int, end: int) -> bool:
        """Is the run at ``start:end`` the title of the work named just before it, after a comma or
        in quotes: "his book, A Higher Loyalty,", 'his memoir, "A Higher Loyalty."', "a book, Higher
        Loyalty: Truth, Lies, and Leadership"? Only when its words tell a title: it opens with an
        article, stands in quotes or a subtitle follows it ("In his book, Comey writes" names no work)."""
        if not self._has_work_words():
            return False
        w = self.w
        floor = self._sentence_of(start)
        i = start - 1
        quoted = False
        while i > floor and w[i] in _TITLE_QUOTES and self.ws[i - 1]:
            i -= 1  # an opening quote ("films' Smith": a possessive)
            quoted = True
        if i >= floor and w[i] == ",":
            i -= 1
        if i < floor or w[i].lower() not in TITLE_NOUNS:
            return False
        return quoted or w[start] in ("A", "An", "The") or (end < self.n and w[end] == ":")

    def _subtitle(self, start: int, found: list[_Found]) -> bool:
        """Is the run at ``start`` the subtitle of the title just found ("Higher Ground: Notes From
        Home")? Part of the work's title, not a name of its own."""
        return start >= 2 and self.w[start - 1] == ":" and bool(found) and found[-1].label == WORK and found[-1].end == start - 1

    def _has_work_words(self) -> bool:
        """Has the Doc a word of ``TITLE_NOUNS`` or ``WORK_VERBS``? (Most articles have none: one
        look at their words' flags spares the look back at each name.)"""
        if self._work_words is None:
            self._work_words = bool(self.toks.where(_WORK_WORD).any())
        return self._work_words

    def _names_a_work(self, start: int) -> bool:
        """Does the run at ``start`` name a film, show or book: "starred in Mean Girls and Van
        Wilder", "the movie Van Wilder"?"""
        if not self._has_work_words():
            return False
        w = self.w
        floor = self._sentence_of(start)
        i = start - 1
        while i >= floor and w[i] in _OPENERS:
            i -= 1
        if i >= floor and w[i].lower() in WORK_NOUNS:
            return True
        for j in range(start - 1, max(floor, start - 9) - 1, -1):
            word = w[j].lower()
            if word == "in" and j > floor and w[j - 1].lower() in WORK_VERBS:
                return True
            if word in _WORK_STOPS:
                break
        return False

    def _given_name_in(self, start: int, end: int) -> int | None:
        """Where a person's name starts in a run: its first word when that is a given name, or the
        first given name after words that are not names ("Actress Tara Reid": "Tara"). None when
        no given name leaves room for a surname after it, or a known name follows it."""
        names = self.lex.more_given_names
        for i in range(start, end - 1):
            key = fold(self.w[i])
            if key in names and self.w[i].istitle():
                if self._has_known_part(i + 1, end) or any(_NAME_SHAPED.match(self.w[k]) for k in range(start, i)):
                    return None  # "Ka'Loni Marie Flynn": a given name no list knows is still a name
                if i > start and not self._opens_sentence(start) and not all(self._not_a_name_word(k) for k in range(start, i)):
                    return None  # "Emeka Mena Sashas" in a sentence: "Emeka" is a given name no list knows
                if i > start and self._known_name_ends(start, i + 1):
                    return None  # "York" in "New York Yankees" ends a place's name
                return i
        return None

    def _not_a_name_word(self, i: int) -> bool:
        """A word before a given name that cannot be part of the name: a title or another known
        word, an acronym ("RB"), a word this article writes in lowercase, a participle ("Fired"),
        a person noun ("Englishman")."""
        word = self.w[i]
        key = fold(word)
        return bool(
            self.punct[i]
            or key in self.lex.titles
            or key in ROLE_MODIFIERS
            or key in _NOT_A_NAME_ALONE
            or self.lex.labels.get(key)
            or _ACRONYM.match(word)
            or key.endswith(("man", "woman", "men", "women", "ed", "ing"))
            or self.written_in_lowercase(word)
        )

    def _titled_person(self, start: int, head: int, end: int, found: list[_Found], unresolved: list[tuple[int, int]]) -> bool:
        """ "Nigerian Defence Minister Colonel Bello Musa": role words, then the name.

        Returns False when no name follows the title words ("Prime Minister").
        """
        name = head + 1
        complement = False  # "High Commissioner for Refugees"
        while name < end and (
            self.punct[name]
            or self.w[name].lower() in ROLE_LINKERS
            or fold(self.w[name]) in ROLE_MODIFIERS
            or fold(self.w[name]) in TITLE_HEADS
        ):
            complement = complement or self.w[name].lower() in _OF_WORDS
            name += 1
        if name >= end or (complement and end - name == 1):
            return False
        self._segment(start, head + 1, found, unresolved, known_only=True)
        self._acronyms_in_role(start, head, found)
        label = self._known(name, end)
        found.append(_Found(name, end, label or "PERSON"))
        return True

    def _acronyms_in_role(self, start: int, head: int, found: list[_Found]) -> None:
        """"DNC Chairman Tom Perez": an acronym among the role words before the title is the
        organisation the office belongs to, a name of its own even when no list knows it."""
        candidates = [i for i in range(start, head) if _ACRONYM.match(self.w[i])]
        if not candidates:
            return
        # Runs are classified left to right, so only the newest entities can overlap this one:
        # looking further back would make a long article's work grow with its square.
        taken: set[int] = set()
        for f in reversed(found):
            if f.end <= start:
                break
            taken.update(range(f.start, f.end))
        for i in candidates:
            key = fold(self.w[i])
            if i not in taken and key not in TITLE_HEADS and key not in ROLE_MODIFIERS and key not in self.lex.titles:
                found.append(_Found(i, i + 1, "ORG", weak=True))

    def _segment(
        self, start: int, end: int, found: list[_Found], unresolved: list[tuple[int, int]], known_only: bool = False,
        by_given_name: bool = False,
    ) -> None:
        """Split a run into the longest known names it contains; the rest stays unresolved.

        ``by_given_name`` (headlines in Title Case): a given name and the word after it are also a
        name ("Lindsay Lohan Checks Into Rehab")."""
        i = start
        pending = start
        longest = self.lex.longest
        while i < end:
            for j in range(min(end, i + longest), i, -1):
                label = self._known(i, j)
                if label:
                    if not known_only and pending < i:
                        unresolved.append((pending, i))
                    if label == "ORG":
                        while j < end and fold(self.w[j]) in CORPORATE_WORDS:
                            j += 1  # "Apple Computer CEO": the company's whole name, not "Apple"
                    found.append(_Found(i, j, label))
                    i = pending = j
                    break
            else:
                if by_given_name and self._given_and_surname(i, end):
                    if pending < i:
                        unresolved.append((pending, i))
                    found.append(_Found(i, i + 2, "PERSON"))
                    i = pending = i + 2
                    continue
                i += 1
        if not known_only and pending < end:
            for k in range(pending, end):  # leftover single words, for pass 2
                if not self.punct[k]:
                    unresolved.append((k, k + 1))

    def _given_and_surname(self, i: int, end: int) -> bool:
        """Are words ``i`` and ``i + 1`` a given name and a word that can only be a surname?"""
        if i + 1 >= end or not (self.w[i].istitle() and self.w[i + 1].istitle() and self.w[i + 1].isalpha()):
            return False
        first, second = fold(self.w[i]), fold(self.w[i + 1])
        return (
            first in self.lex.more_given_names
            and second not in self.lex.labels
            and second not in _NOT_A_NAME_ALONE
            and second not in self.lex.titles
            and not self.written_in_lowercase(self.w[i + 1])
        )

    def _listed(self) -> dict[tuple[int, int], str]:
        """(start, end) -> label of every listed name of several words in the Doc (matched on first use)."""
        if self._matched is None:
            strings = self.strings
            self._matched = {(s, e): strings[label] for label, s, e in self.matcher(self.doc)}
        return self._matched

    def _listed_across(self, i: int, j: int) -> bool:
        """Does a listed name hold both tokens ``i`` and ``j``?"""
        return any(s <= i and j < e for s, e in self._listed())

    def _known(self, start: int, end: int) -> str | None:
        """The label of a listed name (or one the body named) on tokens ``start:end``."""
        if end - start == 1:
            key = fold(self.w[start])
            if key in self.lex.word_acronyms and not self.w[start].isupper():
                return None  # "Who knows": not the WHO
            return self.lex.labels.get(key) or self._body_names.get(key)
        label = None
        if tuple([word.lower() for word in self.w[start:end]]) in self.pattern_words:
            label = self._listed().get((start, end))
        if label is None and self._body_names:
            label = self._body_names.get(fold(self.span_text(start, end)))
        return label

    def _all_known_or_adjective_first(self, start: int, end: int) -> bool:
        """Split "France Germany" or "Dutch Hromadske", but keep "Niger Delta Avengers" whole."""
        if self._known(start, start + 1) == "NORP":
            return True
        known: list[_Found] = []
        self._segment(start, end, known, [], known_only=True)
        covered = sum(f.end - f.start for f in known)
        dates = sum(1 for i in range(start, end) if self._is_month_or_day(i))
        return covered + dates == sum(1 for i in range(start, end) if not self.punct[i])

    def _has_known_part(self, start: int, end: int) -> bool:
        labels, w = self.lex.labels, self.w
        for i in range(start, end):
            if w[i][:1].isupper() and labels.get(fold(w[i])):  # ("un" in "Jong-un" is not the UN)
                return True
        return False

    def _suffix_label(self, start: int, end: int, last: str) -> str | None:
        if last in GPE_SUFFIXES and self._known(start, end - 1) == "GPE":
            return "GPE"  # "Czech Republic", "Dominican Republic"
        if last in ORG_SUFFIXES:
            return "ORG"
        if last in LOC_SUFFIXES:
            return "LOC"
        if last in FAC_SUFFIXES:
            return "FAC"
        if last in EVENT_SUFFIXES:
            return "EVENT"
        if last in PLACE_SUFFIXES:
            return "GPE"  # "Fulton County"
        if last in LAW_SUFFIXES:
            return "LAW"  # "Endangered Species Act"
        if last in PRODUCT_SUFFIXES:
            return "PRODUCT"  # "Macbook Pro"
        return None

    def _of_phrase_label(self, start: int, end: int) -> str | None:
        """ "Gulf of Mexico", "University of Ghana": the word before "of" names the kind of thing."""
        for i in range(start + 1, end - 1):
            if self.w[i].lower() in _OF_WORDS:
                head = fold(self.w[i - 1])
                if head in TITLE_HEADS:
                    return None  # "Secretary of State ...": a role
                return self._suffix_label(start, i, head)
        return None

    def _last_title(self, start: int, end: int) -> int | None:
        """Index of the last title word followed by a name ("Minister" in "... Minister Bello Musa")."""
        for i in range(end - 1, start - 1, -1):
            if fold(self.w[i]) in TITLE_HEADS and not (
                i > start and fold(self.w[i - 1]) in self.lex.more_given_names and not self._known_name_ends(start, i)
            ):
                return i  # (not "King" in "Billy King"; but "Sen." in "South Carolina Sen. Lindsey Graham")
        return None

    def _known_name_ends(self, start: int, end: int) -> bool:
        """Does a listed name of two words or more end at token ``end`` ("South Carolina")?"""
        return any(self._known(i, end) for i in range(max(start, end - self.lex.longest), end - 1))

    def _known_name_starts(self, start: int, end: int) -> bool:
        """Does a listed name of two words or more start at token ``start``?"""
        return any(self._known(start, j) for j in range(start + 2, min(end, start + self.lex.longest) + 1))

    def _is_month_or_day(self, i: int) -> bool:
        return fold(self.w[i]) in MONTHS_AND_DAYS

    def _trim(self, start: int, end: int) -> tuple[int, int]:
        """Drop joiners left dangling at either end of a run."""
        while start < end and (self.punct[start] or self.w[start].lower() in ROLE_LINKERS):
            start += 1
        while end > start and (self.punct[end - 1] or self.w[end - 1].lower() in ROLE_LINKERS or self.w[end - 1].lower() in PARTICLES):
            end -= 1
        while end - start > 2 and self._is_month_or_day(end - 1):
            end -= 1  # "Maurice Cheeks Saturday"
        if end - start == 2 and fold(self.w[end - 1]) in WEEKDAYS and fold(self.w[start]) not in self.lex.more_given_names:
            end -= 1  # "Queens Friday", "Early Tuesday" (but "Joe Friday")
        return start, end

    def _one_word(self, start: int, found: list[_Found], unresolved: list[tuple[int, int]]) -> None:
        """A capitalised word alone: a listed name, a common word, or a name no list knows."""
        key = fold(self.w[start])
        label = self._known(start, start + 1)
        if label:
            found.append(_Found(start, start + 1, label))
        elif key not in _NOT_A_NAME_ALONE:
            self._unknown(start, start + 1, found, unresolved)

    # -- sentences, openers, headlines -----------------------------------------------------

    def span_text(self, start: int, end: int) -> str:
        """The text of tokens ``start:end`` (without trailing whitespace)."""
        if end - start == 1:
            return self.w[start]
        return self.toks.span_text(start, end)

    def _sentence_of(self, i: int) -> int:
        return self.sentence_starts[bisect_right(self.sentence_starts, i) - 1]

    def _opens_sentence(self, i: int) -> bool:
        """Is token ``i`` the first word of a sentence, a line, a quote or a clause after a colon?"""
        w = self.w
        j = i - 1
        while j >= 0 and w[j] in _OPENERS and w[j] != ":":  # (a colon opens a clause: stop there)
            j -= 1
        # (a sentence starts in j+1..i: the same as ``self._sentence_of(i) > j``, without a bisect)
        return j < 0 or True in self.ss[j + 1 : i + 1] or self.space[j] or w[j] == ":"

    def _skip_sentence_opener(self, start: int, end: int) -> int:
        """Skip a capitalised common word that only opens the sentence ("The", "According")."""
        if not self._opens_sentence(start):
            return start
        word = self.w[start]
        key = fold(word)
        if self.lex.labels.get(key) or key in TITLE_HEADS or (end - start > 1 and self._known_name_starts(start, end)):
            return start  # ("South" of "South Carolina" is part of the name)
        if key in _COMMON:
            return start + 1  # "Then Jane Doe", "Former President ..." (the role is read separately)
        if key not in ROLE_MODIFIERS and self.written_in_lowercase(word):
            return start + 1
        return start

    def written_in_lowercase(self, word: str) -> bool:
        """Does the article also write ``word`` in lowercase? Capitalised, it then only opens a sentence."""
        # A token equal to a lowercase string is a lowercase word: no need to pick those out first.
        lower = word.lower()
        if not lower.islower():
            return False
        # Most articles ask once or twice: comparing the word's id with the column of word ids
        # costs less than building a set of the words (and much less than comparing strings),
        # but many questions on a long text need the set.
        self._lowercase_questions += 1
        if self._lowercase_questions <= 3:
            return bool((self.toks.table[:, 0] == numpy.uint64(get_string_id(lower))).any())
        if self._words is None:
            self._words = set(self.w)
        return lower in self._words

    def _in_headline(self, i: int) -> bool:
        """Is token ``i`` in a headline: a sentence or line in Title Case with no final period?

        (A title line without a period may run on into the first sentence.)"""
        known = self._headline_at.get(i)
        if known is not None:
            return known
        k = bisect_right(self.sentence_starts, i)
        s = self.sentence_starts[k - 1]
        e = self.sentence_starts[k] if k < len(self.sentence_starts) else self.n
        if self._line_breaks is None:
            self._line_breaks = numpy.flatnonzero(self.toks.where(LINE_BREAK)).tolist()
        b = bisect_right(self._line_breaks, i)
        if b and self._line_breaks[b - 1] >= s:
            s = self._line_breaks[b - 1] + 1
        if b < len(self._line_breaks) and self._line_breaks[b] < e:
            e = self._line_breaks[b]
        if s not in self._headline:
            while e > s + 1 and self.space[e - 1]:
                e -= 1
            last = e - 1
            while last > s and self.w[last] in _CLOSING_QUOTES:
                last -= 1
            final = self.w[last]
            headline = final[-1:] not in _SENTENCE_END or final in ("...", "…")
            # (a sentence that ends in a period is read further only when its last word is capitalised, as
            # a headline's is: "... Need Office Space.")
            if headline or (final == "." and last > s + 2 and self.w[last - 1][:1].isupper()):
                masks = self.toks.masks[s:e]
                long_words = (masks & LONG_ALPHA) != 0
                words = int(long_words.sum())
                capitals = int((long_words & ((masks & _CAPITALISED) != 0)).sum())
                headline = words >= 3 and capitals >= 0.8 * words and (headline or self._capitalised_function_word(s + 1, last))
            self._headline[s] = headline
        known = self._headline_at[i] = self._headline[s]
        return known

    def _capitalised_function_word(self, start: int, end: int) -> bool:
        """Is a function word capitalised among tokens ``start:end``, where no sentence opens ("Firms No
        Longer Need")? A headline in Title Case then, even when it ends in a period."""
        w = self.w
        return any(
            w[i][:1].isupper() and w[i] != "I" and w[i].lower() in STOP_WORDS and not self._opens_sentence(i)
            for i in range(start, end)
        )

    # -- roles -----------------------------------------------------------------------------

    def _role_start(self, name_start: int, people: set[int]) -> int | None:
        """Where the title/role before a person's name starts, or None if there is none.

        ``people`` holds the token indices of other people's names, which a role never crosses
        ("Labour leader Keir Starmer and Conservative MP Priti Patel").
        """
        floor = self._sentence_of(name_start)
        if self._relation_before(name_start, floor):
            return None
        start: int | None = None
        seen_head = False
        after_linker = False
        nouns = 0
        i = name_start - 1
        while i >= floor and i not in people:
            text, lower = self.w[i], self.w[i].lower()
            key = fold(text)
            # a title right before the name: "Actress Tara Reid", "Justice Helena Marchetti"
            title = i == name_start - 1 and (key in self.lex.titles or key in ROLE_MODIFIERS) and key not in STOP_WORDS
            role_word = key in TITLE_HEADS or key in ROLE_MODIFIERS or title
            if self.space[i] or (after_linker and not role_word):
                break
            if role_word:
                seen_head = seen_head or key in TITLE_HEADS or title
                start = i
                after_linker = False
            elif text in _POSSESSIVE and start is not None and i > floor and self.w[i - 1][0].isupper():
                if i - 1 in people:
                    break  # "Lena Holm's spokesman Ivo Berg": the role is "spokesman"
                j = i - 1
                while j - 1 >= floor and self.w[j - 1][:1].isupper() and not self.punct[j - 1]:
                    j -= 1
                start = j
                break
            elif lower in ROLE_LINKERS:
                after_linker = True
            elif text == "-" and not self.ws[i]:
                pass
            elif text[0].isupper() and not self.punct[i]:
                if self._opens_sentence(i) and key in _COMMON:
                    break
                start = i
            elif (
                seen_head
                and not nouns
                and fold(self.w[i + 1]) in TITLE_HEADS | ROLE_MODIFIERS
                and not self.w[i + 1][0].isupper()
                and self._may_be_role_noun(lower)
                and self._role_continues_left(i, floor)
                and i - 1 not in people
            ):
                nouns += 1  # "union" in "Deputy union leader", "police" in "the police chief"
                start = i
            else:
                break
            i -= 1
        if not seen_head or start is None:
            return None
        while start < name_start and (self.w[start].lower() in ROLE_LINKERS or self.punct[start] or fold(self.w[start]) in HONORIFICS):
            start += 1
        if all(fold(self.w[i]) in HONORIFICS or self.punct[i] for i in range(start, name_start)):
            return None  # "Mr", "Dr": a courtesy, not a role to compare
        return start if start < name_start else None

    def _relation_before(self, name_start: int, floor: int) -> bool:
        """Does a word of three parts joined by hyphens end right before the name, headed by no title
        ("son-in-law Jared Kushner", not "editor-in-chief")? Its last part ("law") is no title then."""
        i = name_start - 1
        if i - 4 < floor or self.w[i - 1] != "-" or self.w[i - 3] != "-":
            return False
        ws = self.ws
        return not (ws[i - 1] or ws[i - 2] or ws[i - 3] or ws[i - 4]) and fold(self.w[i - 4]) not in TITLE_HEADS

    @staticmethod
    def _may_be_role_noun(word: str) -> bool:
        """An unlisted lowercase word that can name a field ("union", "police"), not a verb."""
        return word.isalpha() and word not in _COMMON and word not in SPEECH_VERBS and not word.endswith(("ed", "ing"))

    def _role_continues_left(self, i: int, floor: int) -> bool:
        """Is what precedes the unlisted word ``i`` the edge or another part of a role?"""
        if i == floor:
            return True
        prev = self.w[i - 1]
        key = fold(prev)
        return (
            self.punct[i - 1]
            or key in ("the", "a", "an")
            or key in ROLE_MODIFIERS
            or key in TITLE_HEADS
            or prev in _POSSESSIVE
            or prev[0].isupper()
        )

    def _appositive_role(self, name_end: int) -> str | None:
        """The role in an appositive after a name: "Marco Groje, the acting police chief"."""
        doc = self.doc
        n = len(doc)
        i = name_end
        if i + 1 >= n or self.w[i] != ",":
            return None
        i += 1
        if self.w[i].lower() in ("the", "a", "an"):
            i += 1
        first, head, unknown = i, None, 0
        while i < n and i - first < 7:
            text, lower = self.w[i], self.w[i].lower()
            key = fold(text)
            if key in TITLE_HEADS or (head == i - 1 and key in ROLE_MODIFIERS and not text[0].isupper()):
                head = i  # "the chief executive", "the army chief of staff"
            elif head is not None and lower in _OF_WORDS and i + 1 < n and fold(self.w[i + 1]) in ROLE_MODIFIERS | TITLE_HEADS:
                head = i + 1  # "chief of staff"
                i += 1
            elif head is not None:
                break
            elif key in ROLE_MODIFIERS or text in _POSSESSIVE or (text.isalpha() and text[0].isupper()):
                pass
            elif text.isalpha() and unknown < 2:
                unknown += 1  # "police", "city"
            else:
                break
            i += 1
        if head is None or (head + 1 < n and self.w[head + 1].istitle() and fold(self.w[head + 1]) not in _COMMON):
            return None  # no title, or a title that heads another name ("the wife of President X")
        end = head + 1
        if end < n and self.w[end].lower() in _OF_WORDS:  # "head of the council," (only when the appositive closes)
            j = end + 1
            while j < n and j - end <= 4 and self.w[j].isalpha() and self.w[j].lower() not in SPEECH_VERBS:
                j += 1
            if j < n and self.w[j] in (",", ".", ";") and j > end + 1:
                end = j
        return self.span_text(first, end)

    def _role_before_comma(self, name_start: int, name_end: int, people: set[int]) -> str | None:
        """ "Ghana's defence minister, Kwame Mensah, said": a role, a comma, then the name in apposition."""
        if name_start < 2 or name_end >= self.n or self.w[name_start - 1] != "," or self.w[name_end] not in (",", "."):
            return None
        if fold(self.w[name_start - 2]) not in TITLE_HEADS:
            return None
        role_start = self._role_start(name_start - 1, people)
        return self.span_text(role_start, name_start - 1) if role_start is not None else None

    # -- a trained NER that ran before us --------------------------------------------------

    def _trained_entities(self) -> list[_Found]:
        """Entities a trained NER already set, titles trimmed off people's names."""
        doc = self.doc
        out: list[_Found] = []
        if not self.trained_ents:
            return out
        for ent in self.trained_ents:
            label = _TRAINED_LABELS.get(ent.label_, ent.label_)
            if label not in ENTITY_LABELS:
                continue  # numbers, dates, MISC...: other components' business
            start, end = ent.start, ent.end
            while end > start and (self.w[end - 1] in _POSSESSIVE or self.punct[end - 1]):
                end -= 1
            if label == "PERSON":
                while start < end - 1 and (fold(self.w[start]) in TITLE_HEADS or fold(self.w[start]) in ROLE_MODIFIERS):
                    start += 1
            if start < end:
                out.append(_Found(start, end, label))
        doc.ents = []
        return out

    # -- pass 2: what the article's uses of a guessed name say it names -------------------

    def _organisations_by_evidence(self, found: list[_Found]) -> list[_Found]:
        """A name the rules only guessed was a person's or a place's (two plain words, "X said",
        "in X") is an organisation's when one of its uses in the article says so and none says
        it is a person's: another use read from evidence ("Irish airline Aer Lingus"), the head of
        a company's name ("Aer Lingus Group PLC"), or the words around a use (``_use_says``; a
        guessed person is also no person in "X, which"). Relabels those uses; returns the names of
        two words or more so relabelled. Only the guesses are looked at, a few per article."""
        guesses = [f for f in found if (f.weak or f.guess) and f.label in ("PERSON", "GPE")]
        if not guesses:
            return []
        w = self.w
        uses: dict[str, list[_Found]] = {}  # (by the name as written: folding every guess costs more than it finds)
        for f in guesses:
            uses.setdefault(self.span_text(f.start, f.end), []).append(f)
        told: dict[str, str] = {}  # name -> what a use read from evidence says it is
        firsts = {w[f.start] for f in guesses}  # (a cheap test before folding a name)
        for f in found:
            if f.weak or f.guess or f.label not in ("ORG", "PERSON", "PRODUCT") or w[f.start] not in firsts:
                continue
            end = f.end
            if f.label == "ORG":  # "Aer Lingus Group PLC" -> "Aer Lingus" (not "Palmer Police" -> "Palmer")
                while end - f.start > 1 and fold(w[end - 1]) in CORPORATE_WORDS:
                    end -= 1
            key = self.span_text(f.start, end)
            if key in uses and told.get(key) != "PERSON":
                told[key] = f.label  # (a person's reading wins: it is never a guess)
        relabelled: list[_Found] = []
        for key, named in uses.items():
            says = told.get(key)
            if says is None and " " in key:  # (a word alone, "Okafor said", was read with its words in ``_unknown``)
                for f in named:
                    said = self._use_says(f.start, f.end)
                    if said == "PERSON":
                        says = said
                        break
                    if said == _NO_PERSON and f.label != "PERSON":
                        said = None  # "Florence, Colo., which": a place may be no person either
                    says = says or said
            if says is None and " " in key and self._beside_an_organisation(named, found):
                says = "ORG"  # "between Boeing and Lockheed Martin"
            if says not in ("ORG", _NO_PERSON, "PRODUCT"):
                continue
            label = "PRODUCT" if says == "PRODUCT" else "ORG"
            for f in named:
                f.label, f.weak, f.guess = label, False, False
            if label == "ORG" and named[0].end - named[0].start >= 2:
                relabelled.append(named[0])
        if relabelled:
            # "Orvell announced" after "Orvell Tamsin shares": an organisation is short for its first word
            heads = {w[f.start] for f in relabelled}
            surnames = {w[f.end - 1] for f in found if f.label == "PERSON" and not f.guess and f.end - f.start >= 2}
            for key in heads - surnames:
                for f in uses.get(key, ()):
                    if f.label == "PERSON":
                        f.label, f.weak, f.guess = "ORG", False, False
        return relabelled

    def _beside_an_organisation(self, named: list[_Found], found: list[_Found]) -> bool:
        """Is one of the uses ``named`` of a guessed name joined by "and" or "or" to an organisation
        the rules know ("Boeing and Lockheed Martin", "Lockheed Martin or Airbus")?"""
        w, n = self.w, self.n
        orgs = None
        for f in named:
            before = f.start - 1 if f.start >= 2 and w[f.start - 1] in ("and", "or") else None
            after = f.end + 1 if f.end + 1 < n and w[f.end] in ("and", "or") else None
            if before is None and after is None:
                continue
            if orgs is None:
                orgs = {(g.start, g.end) for g in found if g.label == "ORG" and not g.weak and not g.guess}
                ends, starts = {e for _, e in orgs}, {s for s, _ in orgs}
            if (before is not None and before in ends) or (after is not None and after in starts):
                return True
        return False

    def _use_says(self, start: int, end: int) -> str | None:
        """``_words_around_say``, read once per span."""
        key = (start, end)
        if key not in self._said:  # (``_unknown`` asks first, the look at a guessed name's uses again)
            self._said[key] = self._words_around_say(start, end)
        return self._said[key]

    def _words_around_say(self, start: int, end: int) -> str | None:
        """"ORG" when the words right around the name at ``start:end`` say it names an organisation
        ("Aer Lingus shares", "China Eastern's board", "Los Angeles based Northrop Grumman",
        "retailer Best Buy", "our prime contractor, Northrop Grumman,", "Lockheed Martin, a defence
        contractor,", "X said its", "X opened its"); "PERSON" when they say a person's ("Mr. X",
        "X, who", "X said he"); ``_NO_PERSON`` for the subject of a clause in "X, which" (an
        organisation or a place); None when they say neither."""
        w, n = self.w, self.n
        prev = w[start - 1].lower() if start else ""
        if prev.rstrip(".") in HONORIFICS or (prev == "." and start > 1 and w[start - 2].lower() in HONORIFICS):
            return "PERSON"
        if prev in ORG_INTRODUCERS or (prev == "," and start > 1 and w[start - 2] in ORG_INTRODUCERS):  # ("Network, Security": a list)
            return "ORG"
        if prev == "based" and self._place_before(start - 1):
            return "ORG"  # "Los Angeles based Northrop Grumman", "Seattle-based X" (not "Intel-based PCs")
        if prev == "of" and start > 1 and w[start - 2].lower() in ORGANISATION_NOUNS:
            return "ORG"  # "shares of Advanced Micro Devices", "the board of X"
        if end >= n:
            return None
        after = w[end].lower()
        k = end + 1 if after in _POSSESSIVE else end  # "China Eastern's board"
        noun = w[k].lower() if k < n else ""
        if noun in ORGANISATION_NOUNS and not (noun == "executive" and k + 1 < n and w[k + 1].lower() in NOT_AN_EXECUTIVE):
            return "ORG"
        if k == end and (noun in PRODUCT_NOUNS or (end - start >= 2 and self._version_after(end))):
            return "PRODUCT"  # "the Internet Explorer browser", "Internet Explorer 8" (not "Week 11", "Route 52")
        if noun == "chief" and k + 1 < n and w[k + 1].lower() == "executive":
            return "ORG"  # "Aer Lingus chief executive", "Northrop's chief executive"
        if end + 1 >= n:
            return None
        nxt = w[end + 1].lower()
        if after == ",":
            if nxt in ("who", "whose"):
                return "PERSON"
            if nxt == "which" and (not prev or prev in _CLAUSE_OPENERS or (self.punct[start - 1] and prev not in _POSSESSIVE)):
                return _NO_PERSON  # "Drake, which had defeated Bradley" (not "the announcement from Kim, which read")
            return self._appositive_organisation(end + 1)
        if self._subject_of_its(end):
            return "ORG"
        if after in SPEECH_VERBS and nxt in ("he", "she", "his", "her"):
            return "PERSON"
        return None

    def _version_after(self, i: int) -> bool:
        """Is token ``i`` a version number after a name ("Internet Explorer 8,", "Windows 7 and"): one or
        two digits or a decimal, with no counted noun, unit or score after it ("Smith 6-3", "X 2 million")?"""
        w, n = self.w, self.n
        word = w[i]
        if not (word[:1].isdigit() and len(word) <= 5 and _VERSION.match(word)) or not self.ws[i - 1]:
            return False
        if not w[i - 1].isalpha() or self._is_month_or_day(i - 1):
            return False  # "Posted Dec 23", "Juror No. 12"
        return i + 1 >= n or (self.punct[i + 1] and w[i + 1] not in ("-", "%", ":")) or w[i + 1].lower() in ("and", "or")

    def _subject_of_its(self, end: int) -> bool:
        """Is the name ending at ``end`` the subject of a verb and "its": "Boeing said its",
        "Creighton opened its first lead", "Northrop Grumman and its partner"?"""
        if end + 1 >= self.n or self.w[end + 1].lower() != "its":
            return False
        after = self.w[end].lower()
        return after == "and" or after in SPEECH_VERBS or (after.isalpha() and after.endswith("ed"))

    def _place_before(self, based: int) -> bool:
        """Is a known place written right before "based" (at token ``based``), glued by a hyphen or not?"""
        k = based - 1
        if k >= 0 and self.w[k] == "-":
            k -= 1
        return any(k - size + 1 >= 0 and self._known(k - size + 1, k + 1) in ("GPE", "LOC") for size in (1, 2, 3))

    def _appositive_organisation(self, i: int) -> str | None:
        """"ORG" for an appositive from token ``i`` headed by a noun for an organisation: "a defence
        contractor,", "the world's largest airline.", "Boeing's rival company," (not "a company
        spokesman", "according to the company")."""
        w, n = self.w, self.n
        if not (w[i].lower() in _APPOSITIVE_OPENERS or (w[i][:1].isupper() and i + 1 < n and w[i + 1] in _POSSESSIVE)):
            return None
        for j in range(i + 1, min(n - 1, i + 6)):
            word = w[j]
            if word in ORG_INTRODUCERS:  # (lowercase: "Network" in "Audit, Network, Security" is a name)
                after = w[j + 1]
                closed = self.punct[j + 1] and after not in _POSSESSIVE  # not "a company spokesman", "the company's"
                return "ORG" if closed or after.lower() in ("that", "which", "based") else None
            if self.punct[j] and word not in _POSSESSIVE:
                return None
        return None

    # -- pass 2: short forms of names found in full ----------------------------------------

    def _link_short_forms(
        self, found: list[_Found], unresolved: list[tuple[int, int]], evidenced: list[_Found] = ()
    ) -> list[_Found]:
        surnames: dict[str, str] = {}
        org_heads: dict[str, str] = {}
        for f in evidenced:  # "Northrop" for "Northrop Grumman": an organisation is short for its first word
            org_heads.setdefault(fold(self.w[f.start]), "ORG")
        for f in found:
            if f.end - f.start < 2:
                if f.label == "PERSON" and not f.weak:  # "Trump said", "President Trump"
                    surnames.setdefault(fold(self.w[f.start]), "PERSON")
                elif f.label == "ORG" and not f.weak:  # "the airline, Ryanair," then "Ryanair has"
                    org_heads.setdefault(fold(self.w[f.start]), "ORG")
                continue
            words = [fold(self.w[i]) for i in range(f.start, f.end) if not self.punct[i]]
            while len(words) > 2 and words[-1] in NAME_SUFFIXES:
                words.pop()
            if f.label == "PERSON" and len(words) >= 2:
                if f.end - f.start == 3 and self.w[f.start + 1] == "-" and not self.ws[f.start]:
                    if not f.weak:  # "Jean-Claude said": one name part, written with a hyphen
                        surnames.setdefault(" ".join(words), "PERSON")
                    continue
                surnames.setdefault(words[-1], "PERSON")
                if words[0] not in HONORIFICS:
                    surnames.setdefault(words[0], "PERSON")  # "Lindsay", "Kim" (family name first)
                if self.w[f.end - 2] == "-" or self.w[f.start + 1] == "-":
                    # "Jong-un" for "Kim Jong-un", "Jean-Claude" for "Jean-Claude Juncker": the first
                    # and last parts as written, a hyphen inside
                    for part in _written_parts(self.span_text(f.start, f.end)):
                        surnames.setdefault(part, "PERSON")
            elif f.label == "ORG" and len(words) >= 2 and words[-1] in ORG_SUFFIXES:
                org_heads.setdefault(" ".join(words[:-1]), "ORG")
            elif f.label == "PRODUCT" and len(words) >= 2 and words[-1].isalpha() and any(c.isdigit() for c in words[-2]):
                org_heads.setdefault(words[-1], "PRODUCT")  # "Dreamliner" after "787 Dreamliner"
            if f.label == "PRODUCT" and len(words) >= 2 and words[-1] in PRODUCT_SUFFIXES:
                org_heads.setdefault(" ".join(words[:-1]), "PRODUCT")  # "Macbook" after "Macbook Pro"
                org_heads.setdefault(words[-1], "PRODUCT")  # "the Pro"
            if f.label in ("ORG", "PRODUCT") and not f.weak and len(words) >= 2:
                org_heads.setdefault(" ".join(words), f.label)  # "Fix It" again after "the Fix It tool"
        for word in self._team_words:
            org_heads.setdefault(word, "ORG")  # "the Colts" after "the Indianapolis Colts"
        for f in found:
            if f.weak and f.label == "GPE" and f.end - f.start == 1 and surnames.get(fold(self.w[f.start])) == "PERSON":
                f.label, f.weak = "PERSON", False  # "a kiss from Macron": the person named in full above
            elif self._team_words and f.end - f.start == 1 and (f.weak or f.guess) and fold(self.w[f.start]) in self._team_words:
                f.label, f.weak, f.guess = "ORG", False, False  # "Colts said", "in Blazers history": the team
        if surnames or org_heads:
            taken: bytearray | None = None  # 1 for tokens in an entity, made when first asked
            for start, end in unresolved:
                if end - start == 1 and end < self.n and self.w[end] == "-" and self._glued_syllable(end):
                    label = surnames.get(fold(self.span_text(start, end + 2)))
                    if label == "PERSON":
                        end += 2  # "Jong-un", a part of the "Kim Jong-un" named above
                        if taken is None:
                            taken = bytearray(self.n)
                            for f in found:
                                taken[f.start : f.end] = b"\x01" * (f.end - f.start)
                        if not any(taken[start:end]):
                            found.append(_Found(start, end, label))
                            taken[start:end] = b"\x01" * (end - start)
                        continue
                key = fold(self.span_text(start, end))
                label = surnames.get(key) or org_heads.get(key)
                if label and taken is None:
                    taken = bytearray(self.n)
                    for f in found:
                        taken[f.start : f.end] = b"\x01" * (f.end - f.start)
                if label and not any(taken[start:end]):
                    found.append(_Found(start, end, label))
                    taken[start:end] = b"\x01" * (end - start)
        # Weak guesses in headlines are dropped unless they match a name from the body.
        dropped = [f for f in found if f.weak and self._in_headline(f.start)]
        if dropped:
            known = {fold(self.span_text(f.start, f.end)) for f in found if not f.weak}
            dropped = [f for f in dropped if fold(self.span_text(f.start, f.end)) not in known]
            if dropped:
                gone = {id(f) for f in dropped}
                found = [f for f in found if id(f) not in gone]
        return sorted(found, key=_start)

    # -- pass 3: the fullest form of each name ---------------------------------------------

    def _acronym_forms(self, found: list[_Found]) -> dict[int, str]:
        """Start token -> full name, for acronyms the article defines: "Rapid Support Forces (RSF)"."""
        by_start = {f.start: f for f in found}
        full_names: dict[str, _Found] = {}
        for f in found:
            acronym = by_start.get(f.end + 1)
            if (
                acronym is not None
                and acronym.end < self.n
                and self.w[f.end] == "("
                and self.w[acronym.end] == ")"
                and acronym.end - acronym.start == 1
                and _ACRONYM.match(self.w[acronym.start])
                and _abbreviates(self.w[acronym.start], [self.w[i] for i in range(f.start, f.end)])
            ):
                full_names[fold(self.w[acronym.start])] = f
        out: dict[int, str] = {}
        if full_names:
            for f in found:
                full = full_names.get(fold(self.w[f.start])) if f.end - f.start == 1 else None
                if full is not None:
                    f.label = full.label
                    out[f.start] = self.span_text(full.start, full.end)
        return out

    def _canonical_forms(self, found: list[_Found]) -> dict[int, str]:
        """Start token -> the fullest form of the same name in this article, where that differs."""
        out: dict[int, str] = {}
        w, punct = self.w, self.punct
        by_label: dict[str, list[_Found]] = {"PERSON": [], "ORG": []}
        for f in found:
            if f.label in by_label:
                by_label[f.label].append(f)
        for label, named in by_label.items():
            if not named:
                continue
            forms: dict[tuple[str, ...], list[tuple[int, str]]] = {}  # words -> (start, text) of each use
            keys: list[tuple[int, tuple[str, ...], str]] = []
            for f in named:
                start, end = f.start, f.end
                if end - start == 1:  # (most uses of a name)
                    words = () if punct[start] else (fold(w[start]),)
                else:
                    words = tuple([fold(w[i]) for i in range(start, end) if not punct[i]])
                text = self.span_text(start, end)
                keys.append((start, words, text))
                forms.setdefault(words, []).append((start, text))
            best_text = {words: _preferred_text(uses) for words, uses in forms.items()}
            person = label == "PERSON"
            # A short form shares its last word with a person's full name, its first word with an
            # organisation's: only forms sharing that word are compared (in the order of ``forms``).
            edge = -1 if person else 0
            sharing: dict[str, list[tuple[str, ...]]] = {}
            for words in forms:
                if words:
                    sharing.setdefault(words[edge], []).append(words)
            longer: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
            for words in forms:
                candidates = sharing[words[edge]] if words else forms
                longer[words] = [
                    other for other in candidates if len(other) > len(words) and _is_short_form(words, other, person)
                ] if len(candidates) > 1 else []  # fmt: skip
            for start, words, text in keys:
                if longer[words]:
                    gender = HONORIFIC_SEX.get(fold(w[start - 1])) if person and start else None
                    fullest = best_text[_fullest_form(start, words, longer[words], forms, person, gender)]
                else:  # (most names: no longer form)
                    fullest = best_text[words]
                if fullest != text:
                    out[start] = fullest
        return out


def _written_parts(name: str) -> list[str]:
    """The first and last words of a person's name as written, folded, where a hyphen joins their
    parts ("Kim Jong-un" -> ["jong un"]; "Jean-Claude Juncker" -> ["jean claude"])."""
    words = name.split()
    return [fold(w) for w in dict.fromkeys((words[0], words[-1])) if "-" in w.strip("-")] if len(words) >= 2 else []


def _fullest_form(
    start: int,
    words: tuple[str, ...],
    longer: list[tuple[str, ...]],
    forms: dict[tuple[str, ...], list[tuple[int, str]]],
    person: bool,
    gender: str | None = None,
) -> tuple[str, ...]:
    """The longest form naming the same thing.

    When the longer forms name several people ("Donald Trump", "Melania Trump"), "Mr." or "Mrs."
    decides by the given names' gender; failing that the short form is left as written, for the
    linking across articles to give it to the most prominent of them (never the nearest by default).
    A form whose given name is of the other sex is never the fullest form of "Mr." or "Mrs." X.
    """
    if not longer:
        return words
    if gender and person:
        # "Mr. Trump" is not "Melania Trump", even where she is the only Trump named in full
        longer = [f for f in longer if given_name_gender(f[0]) in (gender, None)]
        if not longer:
            return words
        longer = [f for f in longer if given_name_gender(f[0]) == gender] or longer
    before = [(max(s for s, _ in forms[f] if s < start), f) for f in longer if any(s < start for s, _ in forms[f])]
    anchor = max(before)[1] if before else min((forms[f][0][0], f) for f in longer)[1]
    compatible = [f for f in longer if f == anchor or _is_short_form(anchor, f, person)]
    if person and len(compatible) < len(longer):
        return words
    return max(compatible, key=len)


def _abbreviates(acronym: str, words: list[str]) -> bool:
    """Do the initials of ``words`` spell ``acronym`` (small words may be skipped)?"""
    letters = acronym.replace(".", "").lower()
    initials = [w[0].lower() for w in words if w[:1].isalpha()]
    if not letters or not initials or letters[0] != initials[0]:
        return False
    it = iter(initials)
    capitals = sum(1 for w in words if w[:1].isupper())
    return all(c in it for c in letters) and len(letters) >= capitals - 1


def _preferred_text(uses: list[tuple[int, str]]) -> str:
    """How a form is best written: in Title Case when some use is ("Atlas Group", not "Atlas group")."""
    titled = [text for _, text in uses if text.istitle()]
    return titled[0] if titled else uses[0][1]


def _is_short_form(words: tuple[str, ...], longer: tuple[str, ...], person: bool) -> bool:
    """Is ``words`` a shorter way to write ``longer``?"""
    if person:
        # the surname must match; other words must appear in order
        if not words or words[-1] != longer[-1]:
            return False
        it = iter(longer)
        return all(w in it for w in words)
    # organisations: a leading part, the rest being kind words ("Atlas" / "Atlas Group")
    return longer[: len(words)] == words and all(w in ORG_SUFFIXES for w in longer[len(words) :])


def _start(f: _Found) -> int:
    return f.start


def _without_overlaps(found: list[_Found]) -> list[_Found]:
    """Keep the earliest, then longest, of overlapping entities."""
    out: list[_Found] = []
    last_end = -1
    for f in sorted(found, key=lambda f: (f.start, -(f.end - f.start))):
        if f.start >= last_end:
            out.append(f)
            last_end = f.end
    return out
