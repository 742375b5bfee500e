"""The acts an article's own words negate ("does not name Trump as a defendant", "denied that
it had hired replacement crews", "is unlikely to meet the Queen"): the rules of the
``ct_negation`` component, without spaCy, so that a story built without the engine's
``Analysis.negations`` finds them the same way.

In each sentence (``ct_sentences``; a sentence repeated word for word is read once), a word
of ``NEGATION_WORDS`` outside a quotation (``ct_quotes``), not after a hedge or "or" ("would
not have placed", "whether or not") and not "wouldn't" or "couldn't", negates the first word
after it past up to four of ``NEGATION_GAP_WORDS`` ("denied that it had hired"). That word is
the predicate unless it is written as a name ("wasn't Sam Mitchell": who, not an act), is no
content word, or is reporters' boilerplate ("did not respond"). What is negated are the
content words up to ten words after the predicate; a negation is kept when there are two of
them or more and a name among them, so that another article's clause can be told to be about
the same thing (``annotate.compare.detectors.polarity``).

Words are the sentence's letters-and-apostrophes runs, lower-cased, as in every detector's
windows; a sentence with no negation word at all is passed over before it is split.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from functools import lru_cache
from itertools import accumulate

from annotate.model import Denial, Negation
from annotate.nlp.language import (
    CALENDAR_WORDS,
    CLAUSE_BREAK_CHARS,
    DENYING_VERBS,
    GENERIC,
    HEDGE_WORDS,
    INVOLVEMENT_FAMILIES,
    NEGATED_AUXILIARIES,
    NEGATED_CONTRACTIONS,
    NEGATION_ADVERBS,
    NEGATION_GAP_WORDS,
    NEGATION_WORDS,
    REPORTER_BOILERPLATE,
    STOPWORDS,
    UNSTATED_WORDS,
    WORD_OR_FIGURE,
    Sentences,
    sentence_spans,
    stem,
    trimmed,
)

LABEL = "NEGATION"  # the label of the rows
WINDOW_BEFORE = 6  # content words before a predicate that tell what it is said of
WINDOW_AFTER = 10  # ... and after it
MIN_SHARED = 2  # content words a negation needs (and another clause must share)
_GAP = 4  # words that may stand between the negation and its predicate

Span_ = tuple[int, int]
Row = tuple[int, int, str, str, tuple[str, ...], tuple[str, ...]]
Token = tuple[str, int, int, bool]  # (lower-cased word, start, end, written as a name)
WrittenWords = tuple[Sequence[str], Sequence[int]]  # a text's words as written, where each starts

_TOKEN = WORD_OR_FIGURE
# Every negation word holds one of these (lower-cased): a sentence without any is not split into
# words. (Looking for the words themselves with one pattern costs ten times more.)
_CUE_PARTS = ("not", "never", "deni", "deny", "refus", "unlikely", "n't")
_CUE_BYTES = tuple(part.encode("ascii") for part in _CUE_PARTS)
_CUE_WORDS = tuple(NEGATION_WORDS)
_CUE_LENGTHS = sorted({len(w) for w in NEGATION_WORDS})
_BOILERPLATE = frozenset(stem(w) for w in REPORTER_BOILERPLATE)


@lru_cache(maxsize=100_000)
def content(word: str) -> str | None:
    """The stem of a word that says something of its own, or None ("the", "May", "not", "12")."""
    w = word.replace("'s", "").replace("'", "")
    if w in STOPWORDS or w in CALENDAR_WORDS or w in NEGATION_WORDS or len(w) < 3 or w[0].isdigit():
        return None
    s = stem(w)
    return None if s in GENERIC else s


@lru_cache(maxsize=100_000)
def _lower(word: str) -> str:
    """A word as the rules compare it: lower case, with a straight apostrophe."""
    return word.lower().replace("’", "'")


def negations(text: str, starts: Sequence[int], quotes: Sequence[Span_] = (), stream: WrittenWords | None = None) -> list[Row]:
    """The rows of the negated acts in ``text`` (sentences starting at ``starts``), outside
    ``quotes`` (sorted, disjoint). ``stream``: the text's words, as ``WORD_OR_FIGURE`` finds
    them, and where each starts (``ct_stream``'s), when known."""
    starts = list(starts)
    quote_starts = [q[0] for q in quotes]
    found: list[Row] = []
    seen: set[str] = set()
    for (s0, s1), words, at, hits in _cued_sentences(text, starts, stream):
        sentence = text[s0:s1]
        if sentence in seen:
            continue  # a sentence repeated in the article denies once
        seen.add(sentence)
        found.extend(_in_sentence(words, at, hits, quotes, quote_starts))
    return found


# A sentence with a negation word: its span, its words as written, where each starts, and which
# of them (indices) are negation words.
Cued = tuple[Span_, list[str], list[int], list[int]]


def _cued_sentences(text: str, starts: list[int], stream: WrittenWords | None) -> list[Cued]:
    """The sentences that hold a negation word, in order, with their words."""
    if stream is not None:
        cued = _cued_in_stream(text, starts, *stream)
        if cued is not None:
            return cued
    found: list[Cued] = []
    for s0, s1 in _sentences_with_cues(text, starts):
        matches = list(_TOKEN.finditer(text, s0, s1))
        words = [m.group() for m in matches]
        hits = [k for k, w in enumerate(words) if _lower(w) in NEGATION_WORDS]
        found.append(((s0, s1), words, [m.start() for m in matches], hits))
    return found


def _cued_in_stream(text: str, starts: list[int], words: Sequence[str], at: Sequence[int]) -> list[Cued] | None:
    """``_cued_sentences`` read from the text's words (``stream``), which are each sentence's
    words as long as no sentence starts inside a word; None when one does (the sentence's own
    words differ then)."""
    if not starts:
        return None
    n = len(text)
    for b in starts:
        if 0 < b < n and not text[b - 1].isspace() and not text[b].isspace():
            k = bisect_right(at, b - 1) - 1
            if k >= 0 and at[k] + len(words[k]) > b:
                return None
    hits = _negation_words(text, words, at)
    by_sentence: dict[int, list[int]] = {}
    for i in hits:
        k = bisect_right(starts, at[i]) - 1
        if k >= 0:  # (the words before the first sentence are in none)
            by_sentence.setdefault(k, []).append(i)
    found: list[Cued] = []
    for k, in_sentence in by_sentence.items():
        s0, s1 = trimmed(text, starts[k], starts[k + 1] if k + 1 < len(starts) else n)
        lo, hi = bisect_left(at, s0), bisect_left(at, s1)
        found.append(((s0, s1), list(words[lo:hi]), list(at[lo:hi]), [i - lo for i in in_sentence]))
    return found


def _negation_words(text: str, words: Sequence[str], at: Sequence[int]) -> list[int]:
    """Which of the text's words (``stream``) are negation words, in order. Those are found
    where the text holds one of their parts (``_CUE_PARTS``), in a lower-case copy of it in
    bytes, a byte per character ("?" for any other than ASCII): lowering bytes and finding in
    them costs a fraction of lowering the text. (No character other than ASCII lowers to an
    ASCII letter but these two, for which every word is tested.)"""
    if "\u212a" in text or "\u0130" in text:  # KELVIN SIGN ("k"), "İ" ("i" and a dot)
        return [k for k, w in enumerate(words) if _lower(w) in NEGATION_WORDS]
    low = text.replace("’", "'").encode("ascii", "replace").lower()
    found: set[int] = set()
    for part in _CUE_BYTES:
        h = low.find(part)
        while h >= 0:
            k = bisect_right(at, h) - 1
            if k >= 0 and h < at[k] + len(words[k]) and _lower(words[k]) in NEGATION_WORDS:
                found.add(k)
            h = low.find(part, h + 1)
    return sorted(found)


def _sentences_with_cues(text: str, starts: list[int]) -> list[Span_]:
    """The sentences (``sentence_spans``) holding a word that ends like a negation word, in order:
    the others negate nothing."""
    low = text.lower().replace("’", "'")
    if len(low) != len(text):  # (a letter whose lower case is longer: offsets would not match)
        return [(s0, s1) for s0, s1 in sentence_spans(text, starts) if _ends_a_cue(text[s0:s1].lower().replace("’", "'"))]
    hits: set[int] = set()
    for part in _CUE_PARTS:
        h = low.find(part)
        while h >= 0:
            end = h + len(part)
            while end < len(low) and (low[end].isalnum() or low[end] in "_'-"):
                end += 1
            if any(low[end - n : end] in NEGATION_WORDS for n in _CUE_LENGTHS):
                hits.add(max(bisect_right(starts, h) - 1, 0))
            h = low.find(part, h + 1)
    spans: list[Span_] = []
    for i in sorted(hits):
        ends = starts[i + 1] if i + 1 < len(starts) else len(text)
        spans.extend(_trimmed(text, starts[i], ends))
    return spans


def _trimmed(text: str, start: int, end: int) -> list[Span_]:
    start, end = trimmed(text, start, end)
    return [(start, end)] if end > start else []


def _ends_a_cue(low: str) -> bool:
    return any(w in low for w in _CUE_WORDS)


def _in_sentence(words: list[str], at: list[int], hits: list[int], quotes: Sequence[Span_],
                 quote_starts: list[int]) -> list[Row]:
    """The negations of one sentence: its words as written (a capitalised one after the first is
    a name), where each starts, and which are negation words."""
    found: list[Row] = []
    n = len(words)
    for i in hits:
        if _quoted(quotes, quote_starts, at[i]):
            continue
        w = _lower(words[i])
        if i and ((before := _lower(words[i - 1])) in HEDGE_WORDS or before == "or") or w in ("wouldn't", "couldn't"):
            continue  # "would not have placed" (what did not happen), "whether or not"
        j = i + 1
        while j < n and j <= i + _GAP and ((g := _lower(words[j])) in NEGATION_GAP_WORDS or g in NEGATION_WORDS):
            j += 1
        if j >= n or j > i + _GAP or words[j][0].isupper():
            continue  # "wasn't Sam Mitchell", "not Patch Tuesday": who or what, not an act
        predicate = content(_lower(words[j]))
        if predicate is None or predicate in _BOILERPLATE:
            continue
        # What is negated: the words after the predicate ("name Trump as a defendant"), a
        # name among them, so that another article's clause is about the same thing.
        after = range(j + 1, min(n, j + WINDOW_AFTER + 1))
        context = {c for k in after if (c := content(_lower(words[k])))}
        names = {c for k in after if words[k][0].isupper() and (c := content(_lower(words[k])))}
        if len(context) < MIN_SHARED or not names:
            continue
        last = min(n - 1, j + WINDOW_AFTER)
        found.append((at[max(0, i - 2)], at[last] + len(words[last]), LABEL, predicate,
                      tuple(sorted(context)), tuple(sorted(names))))
    return found


def _quoted(quotes: Sequence[Span_], quote_starts: list[int], pos: int) -> bool:
    """``pos`` is inside a quote (the first that starts after it cannot hold it)."""
    return any(s <= pos < e for s, e in quotes[: bisect_right(quote_starts, pos)])


def negations_in(article_id: str, text: str, starts: Sequence[int], quotes: Sequence[Span_]) -> list[Negation]:
    """The negations of an article the pipeline has not read (a story built without the
    engine's ``Analysis.negations``): the same rules as ``ct_negation``."""
    return [Negation(article_id, start, end, predicate, context, names)
            for start, end, _label, predicate, context, names in negations(text, starts, sorted(quotes))]


# -- denials: a negation right after what it is said of ---------------------------------------

# A negation and the predicate word it negates ("was not damaged", "denied sending").
NEG_CORE = (
    rf"(?:(?:{'|'.join(NEGATED_AUXILIARIES)})\s*(?:not|never|n['’]t)"
    rf"|(?:{'|'.join(NEGATED_CONTRACTIONS)})['’]t|never|{'|'.join(DENYING_VERBS)})"
    rf"\s+(?:been\s+|be\s+|any\s+|having\s+|the\s+|[a-z]+ly\s+|(?:{'|'.join(NEGATION_ADVERBS)})\s+)*([^\W\d_][\w-]*)"
)
_CORE = re.compile(NEG_CORE)
# Up to two lower-case words between the subject and the negation ("the Pentagon itself was not").
_NEG_AFTER = re.compile(r"(?:\s+[a-z][\w-]*){0,2}?\s*" + NEG_CORE)
_NEG_RIGHT_AFTER = re.compile(r"\s+" + NEG_CORE)
_NEG_REACH = 60  # characters from the subject's end within which its negation is looked for
_PHRASE_NEG_REACH = 40
# An appositive between a name and its verb: ", the prime minister,".
_APPOSITIVE = re.compile(r",\s+(?:the|a|an|his|her|its|their)\s+[^,.;:“”\"]{1,60},")
_APPOSITIVE_REACH = 70
# "the regional airport was not damaged": an unnamed thing, specific enough to be the
# same thing in another article (two words, the last a noun-like word).
_PHRASE_DENIAL = re.compile(r"\b[Tt]he\s+([a-z][a-z-]{2,}\s+[a-z][a-z-]{3,})(?=\s)")
CLAUSE_BREAK = re.compile(rf"[{CLAUSE_BREAK_CHARS}]|\s-\s")
_BREAK_OR_HYPHEN = re.compile(rf"[{CLAUSE_BREAK_CHARS}-]")
_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)
def denials_in(article_id: str, text: str, starts: Sequence[int], quotes: Sequence[Span_] = (),
               stream: WrittenWords | None = None) -> list[Denial]:
    """The denials in ``text`` (sentences starting at ``starts``) outside ``quotes``: after any
    word that may end a subject, and after "the" and two lower-case words. ``stream``: the text's
    words (``negations``), when known."""
    cores = _cores(text)
    if not cores:
        return []
    starts = list(starts)
    found: list[Denial] = []
    ends, phrase_ends = _subject_ends(text, cores)
    # The subjects' ends that lead to one negation in one sentence: one denial.
    subjects: dict[tuple[int, str, Span_], tuple[re.Match, list[int]]] = {}
    sentences = Sentences(text, starts)
    quoted = _Quoted(quotes)
    # (Several ends lead to each negation: what is said of its word is decided once per word.)
    deniable_word: dict[str, bool] = {}
    # (A pattern's end past the text's end stands for the end: no ``min`` per call.)
    for after in sorted(ends):
        subject_end = after
        if text.startswith(",", after):  # (the appositive's first character)
            appositive = _APPOSITIVE.match(text, after, after + _APPOSITIVE_REACH)
            if appositive:  # "X, the prime minister, has not conceded"
                after = appositive.end()
        neg = _NEG_AFTER.match(text, after, after + _NEG_REACH)
        if not neg:
            continue
        word = neg.group(1)
        ok = deniable_word.get(word)
        if ok is None:
            ok = deniable_word[word] = deniable(stem(word))
        if not ok or quoted(after):
            continue  # words someone is quoted saying are their statement, not the outlet's claim
        sentence = sentences.around(max(subject_end - 1, 0))
        subjects.setdefault((neg.end(), word, sentence), (neg, []))[1].append(subject_end)
    for (_, _, sentence), (neg, subject_ends) in subjects.items():
        found.append(_denial(article_id, text, sentence, tuple(subject_ends), "", neg, None, stream))
    for p in _phrases_before(text, phrase_ends):
        words = p.group(1).split()
        if any(w in STOPWORDS or w in GENERIC for w in words):
            continue
        neg = _NEG_RIGHT_AFTER.match(text, p.end(), min(len(text), p.end() + _PHRASE_NEG_REACH))
        if not neg or not deniable(stem(neg.group(1))):
            continue
        sentence = sentences.around(p.start(1))
        found.append(_denial(article_id, text, sentence, (p.end(),), " ".join(words), neg, p.start(), stream))
    return found


class _Quoted:
    """Whether an offset is inside one of some quotes (in any order, maybe overlapping): inside
    the quotes that start at or before it iff the furthest of their ends is past it."""

    def __init__(self, quotes: Sequence[Span_]) -> None:
        spans = sorted(quotes)
        self.starts = [q[0] for q in spans]
        self.furthest = list(accumulate((q[1] for q in spans), max))

    def __call__(self, pos: int) -> bool:
        k = bisect_right(self.starts, pos)
        return k > 0 and self.furthest[k - 1] > pos


# Predicate families whose words affirm or deny the same thing (``claim`` compares them).
INVOLVEMENT_STEMS = tuple(frozenset(stem(w) for w in line.split()) for line in INVOLVEMENT_FAMILIES)
_IN_A_FAMILY = frozenset().union(*INVOLVEMENT_STEMS)
# What news says an entity did not do for the reporter ("could not be reached", "did not
# respond") and what a denial may leave open ("not clear"): never a denial of the story's facts.
DENIAL_BOILERPLATE = frozenset(stem(w) for w in REPORTER_BOILERPLATE | UNSTATED_WORDS)


def deniable(s: str) -> bool:
    """A negated word of stem ``s`` denies something another article could affirm: a word of a
    predicate family, or a content word of four letters or more that is no boilerplate."""
    return s in _IN_A_FAMILY or not (s in STOPWORDS or s in DENIAL_BOILERPLATE or len(s) < 4)


# What every negation of ``NEG_CORE`` holds, where it stands in it: after an auxiliary and
# spaces ("not", "never", "n't"), after a contraction's stem ("n't", "n’t"), or first.
_CORE_PARTS = ("not", "never", "n't", "n’t", "deni", "deny", "reject")
_AUXILIARY_LENGTHS = sorted({len(a) for a in NEGATED_AUXILIARIES})
_CONTRACTION_LENGTHS = sorted({len(c) for c in NEGATED_CONTRACTIONS})
_AUXILIARIES, _CONTRACTIONS = frozenset(NEGATED_AUXILIARIES), frozenset(NEGATED_CONTRACTIONS)
_CORE_FIRST_PARTS = ("never", "deni", "deny", "reject")  # (the parts a negation may start with)
_CONTRACTED_PARTS = ("n't", "n’t")


def _subject_ends(text: str, cores: list[Span_]) -> tuple[set[int], set[int]]:
    """Where a subject may end for one of the negations at ``cores`` to follow it (the rules'
    own patterns then decide): right at the negation, or at the end of one of the three runs of
    non-space characters before it (up to two words may stand between), or at a comma within an
    appositive's reach before those (", the prime minister,"). And where an unnamed subject may end:
    before the spaces that precede a negation."""
    ends: set[int] = set()
    phrase_ends: set[int] = set()
    for c0, _ in cores:
        ends.add(c0)
        # The runs before a negation are read backwards: forwards in the text before it reversed
        # (as far as they may reach, else all of it).
        runs = _RUNS_BEFORE.match(text[max(0, c0 - _RUNS_REACH) : c0][::-1])
        if runs.end() == min(c0, _RUNS_REACH) and c0 > _RUNS_REACH:
            runs = _RUNS_BEFORE.match(text[:c0][::-1])
        for k, p in enumerate((c0 - runs.end(1), c0 - runs.end(2), c0 - runs.end(3))):
            if k == 0 and p < c0:
                phrase_ends.add(p)
            ends.add(p)
            comma = text.find(",", max(0, p - _APPOSITIVE_REACH), p + 1)
            while comma >= 0:
                ends.add(comma)
                comma = text.find(",", comma + 1, p + 1)
    return ends, phrase_ends


# Spaces, a run of other characters, spaces, a run, spaces: what stands before a place, reversed.
_RUNS_BEFORE = re.compile(r"(\s*)\S*(\s*)\S*(\s*)")
_RUNS_REACH = 200  # characters the runs before a negation are first looked for in


def _phrases_before(text: str, ends: set[int]) -> list[re.Match]:
    """The matches of ``_PHRASE_DENIAL`` that end at one of ``ends``, as ``finditer`` over the
    whole text finds them (a match hides one that starts inside it: "the the ...")."""
    found: dict[int, re.Match] = {}
    for end in ends:
        lo = max(0, end - 120)
        for head in ("the", "The"):
            t = text.find(head, lo, end)
            while t >= 0:
                m = _PHRASE_DENIAL.match(text, t)
                if m and m.end() == end and not _inside_a_phrase(text, t):
                    found[t] = m
                t = text.find(head, t + 1, end)
    return [found[t] for t in sorted(found)]


def _inside_a_phrase(text: str, t: int) -> bool:
    """A match of ``_PHRASE_DENIAL`` that starts before ``t`` runs past it."""
    for head in ("the", "The"):
        s = text.rfind(head, max(0, t - 120), t)
        while s >= 0:
            m = _PHRASE_DENIAL.match(text, s)
            if m and m.end() > t and not _inside_a_phrase(text, s):
                return True
            s = text.rfind(head, max(0, t - 120), s)
    return False


def _cores(text: str) -> list[Span_]:
    """Every (start, end) where a negation of ``NEG_CORE`` matches, found from the words each
    holds (one pattern tried at every position of a text costs ten times more): a word it
    starts with ("never", "denied"), an auxiliary before "not" ("was not", "did n't"), or a
    contraction's stem ("wasn't"). The pattern is tried only where one of them is written."""
    starts: set[int] = set()
    for part in _CORE_PARTS:
        first = part in _CORE_FIRST_PARTS
        contracted = part in _CONTRACTED_PARTS
        h = text.find(part)
        while h >= 0:
            if first:
                starts.add(h)
            j = h
            while j > 0 and text[j - 1].isspace():
                j -= 1
            for n in _AUXILIARY_LENGTHS:
                if j >= n and text[j - n : j] in _AUXILIARIES:
                    starts.add(j - n)
            if contracted:
                for n in _CONTRACTION_LENGTHS:
                    if h + 1 >= n and text[h + 1 - n : h + 1] in _CONTRACTIONS:
                        starts.add(h + 1 - n)
            h = text.find(part, h + 1)
    found = []
    for s in sorted(starts):
        m = _CORE.match(text, s)
        if m:
            found.append((s, m.end()))
    return found


def _denial(article_id: str, text: str, sentence: Span_, subject_ends: tuple[int, ...], phrase: str,
            neg: re.Match, subject_start: int | None, stream: WrittenWords | None = None) -> Denial:
    """The record of a negation ``neg`` of what ends at one of ``subject_ends``; its clause starts
    are those up to ``subject_start`` when that is known (an unnamed subject), else up to the
    last end."""
    s_start, s_end = sentence
    limit = subject_ends[-1] if subject_start is None else subject_start
    clause_starts = [s_start]
    for _, left in _clause_breaks(text, s_start, limit):
        while left < len(text) and text[left].isspace():
            left += 1
        clause_starts.append(left)
    if subject_start is not None:
        clause_starts = clause_starts[-1:]
    right = next(_clause_breaks(text, neg.end(), s_end), (s_end, s_end))[0]
    while right > s_start and text[right - 1] in " .!?\n":
        right -= 1
    first = clause_starts[0]
    words = _clause_words(text, first, right, stream)
    return Denial(article_id, subject_ends, phrase, stem(neg.group(1)), neg.end(), tuple(clause_starts), right, words)


def _clause_words(text: str, start: int, end: int, stream: WrittenWords | None) -> tuple[tuple[int, str], ...]:
    """The words (``_WORD``'s) of ``text[start:end]`` and where each starts: the text's words
    (``stream``) inside, but for figures, when no word runs across either end."""
    if stream is not None and start < end:
        words, at = stream
        lo, hi = bisect_left(at, start), bisect_left(at, end)
        if (lo == 0 or at[lo - 1] + len(words[lo - 1]) <= start) and (hi == lo or at[hi - 1] + len(words[hi - 1]) <= end):
            return tuple((at[k], words[k]) for k in range(lo, hi) if not words[k][0].isdecimal())
    return tuple((start + w.start(), w.group()) for w in _WORD.finditer(text[start:end]))


def _clause_breaks(text: str, start: int, end: int) -> Iterator[Span_]:
    """Where ``CLAUSE_BREAK`` matches in ``text[start:end]``, in order: found from the break
    characters and hyphens (``re`` tries a pattern that may start with a space at every space,
    which costs several times more)."""
    last = start
    for m in _BREAK_OR_HYPHEN.finditer(text, start, end):
        at = m.start()
        if text[at] != "-":
            if at >= last:
                yield at, at + 1
                last = at + 1
        elif at - 1 >= last and at + 1 < end and text[at - 1].isspace() and text[at + 1].isspace():
            yield at - 1, at + 2
            last = at + 2
