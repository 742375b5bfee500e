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
from bisect import bisect_right
from collections.abc import Sequence

from annotate.model import Denial, Negation
from annotate.nlp.language import (
    CALENDAR_WORDS,
    DENYING_VERBS,
    GENERIC,
    HEDGE_WORDS,
    INVOLVEMENT_FAMILIES,
    NEGATED_AUXILIARIES,
    NEGATED_CONTRACTIONS,
    NEGATION_GAP_WORDS,
    NEGATION_WORDS,
    REPORTER_BOILERPLATE,
    STOPWORDS,
    UNSTATED_WORDS,
    sentence_spans,
    stem,
)

LABEL = "NEGATION"  # the label of the rows
WINDOW_BEFORE = 6  # content words before a predicate that tell what it is said of
WINDOW_AFTER = 10  # ... and after it
MIN_SHARED = 2  # content words a negation needs (and another clause must share)
_GAP = 4  # words that may stand between the negation and its predicate

Span_ = tuple[int, int]
Row = tuple[int, int, str, str, tuple[str, ...], tuple[str, ...]]
Token = tuple[str, int, int, bool]  # (lower-cased word, start, end, written as a name)

_TOKEN = re.compile(r"[^\W\d_][\w'’-]*|\d[\d,.]*", re.UNICODE)
# Any negation word ending where a word ends: a sentence without one is not split into words.
_CUE = re.compile(
    "(?:" + "|".join(re.escape(w).replace("'", "['’]") for w in sorted(NEGATION_WORDS, key=len, reverse=True)) + r")(?![\w'’-])",
    re.IGNORECASE,
)
_BOILERPLATE = frozenset(stem(w) for w in REPORTER_BOILERPLATE)


def words(text: str) -> list[Token]:
    """Lower-cased words with their offsets, and whether each is a name (capitalised, not the
    first word of the text)."""
    return [(m.group().lower().replace("’", "'"), m.start(), m.end(), m.group()[0].isupper() and k > 0)
            for k, m in enumerate(_TOKEN.finditer(text))]


def content(word: str) -> str | None:
    """The stem of a word that says something of its own, or None ("the", "May", "not", "12")."""
    w = word.replace("'s", "").replace("'", "")
    if w in STOPWORDS or w in CALENDAR_WORDS or w in NEGATION_WORDS or len(w) < 3 or w[0].isdigit():
        return None
    s = stem(w)
    return None if s in GENERIC else s


def negations(text: str, starts: Sequence[int], quotes: Sequence[Span_] = ()) -> list[Row]:
    """The rows of the negated acts in ``text`` (sentences starting at ``starts``), outside
    ``quotes`` (sorted, disjoint)."""
    cues = [m.start() for m in _CUE.finditer(text)]
    if not cues:
        return []
    quote_starts = [q[0] for q in quotes]
    found: list[Row] = []
    seen: set[str] = set()
    k = 0
    for s0, s1 in sentence_spans(text, list(starts)):
        while k < len(cues) and cues[k] < s0:
            k += 1
        if k == len(cues):
            break
        sentence = text[s0:s1]
        if cues[k] >= s1 or sentence in seen:
            continue  # no negation word in it, or a sentence repeated in the article denies once
        seen.add(sentence)
        found.extend(_in_sentence(s0, words(sentence), quotes, quote_starts))
    return found


def _in_sentence(s0: int, toks: list[Token], quotes: Sequence[Span_], quote_starts: list[int]) -> list[Row]:
    found: list[Row] = []
    for i, (w, ts, _, _) in enumerate(toks):
        if w not in NEGATION_WORDS or _quoted(quotes, quote_starts, s0 + ts):
            continue
        if i and (toks[i - 1][0] in HEDGE_WORDS or toks[i - 1][0] == "or") or w in ("wouldn't", "couldn't"):
            continue  # "would not have placed" (what did not happen), "whether or not"
        j = i + 1
        while j < len(toks) and j <= i + _GAP and (toks[j][0] in NEGATION_GAP_WORDS or toks[j][0] in NEGATION_WORDS):
            j += 1
        if j >= len(toks) or j > i + _GAP or toks[j][3]:
            continue  # "wasn't Sam Mitchell", "not Patch Tuesday": who or what, not an act
        predicate = content(toks[j][0])
        if predicate is None or predicate in _BOILERPLATE:
            continue
        # What is negated: the words after the predicate ("name Trump as a defendant"), a
        # name among them, so that another article's clause is about the same thing.
        after = range(j + 1, min(len(toks), j + WINDOW_AFTER + 1))
        context = {c for k in after if (c := content(toks[k][0]))}
        names = {c for k in after if toks[k][3] and (c := content(toks[k][0]))}
        if len(context) < MIN_SHARED or not names:
            continue
        start = s0 + toks[max(0, i - 2)][1]
        end = s0 + toks[min(len(toks) - 1, j + WINDOW_AFTER)][2]
        found.append((start, end, LABEL, predicate, tuple(sorted(context)), tuple(sorted(names))))
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
    r"\s+(?:been\s+|be\s+|any\s+|having\s+|the\s+|[a-z]+ly\s+)*([^\W\d_][\w-]*)"
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
CLAUSE_BREAK = re.compile(r"[,;:—–()]|\s-\s")
_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)
# Where a subject may end: before a space or a comma (an appositive), or where a name ends.
_SUBJECT_END = re.compile(r"(?<=\S)(?=[\s,])")


def denials_in(article_id: str, text: str, starts: Sequence[int], quotes: Sequence[Span_] = (),
               names: Sequence[Span_] = ()) -> list[Denial]:
    """The denials in ``text`` (sentences starting at ``starts``) outside ``quotes``: after any
    word that may end a subject (before a space or a comma, or where one of ``names`` ends), and
    after "the" and two lower-case words."""
    cores = [(m.start(), m.end()) for m in _CORE.finditer(text)]
    if not cores:
        return []
    spans = sentence_spans(text, list(starts))
    span_starts = [s for s, _ in spans]
    found: list[Denial] = []
    # A negation starts at most an appositive and its reach after the subject's end.
    reach = _APPOSITIVE_REACH + _NEG_REACH + 10
    ends = {m.start() for c0, c1 in cores for m in _SUBJECT_END.finditer(text, max(0, c0 - reach), c1)}
    ends.update(e for _, e in names if any(c0 - reach <= e <= c1 for c0, c1 in cores))
    # The subjects' ends that lead to one negation in one sentence: one denial.
    subjects: dict[tuple[int, str, Span_], tuple[re.Match, list[int]]] = {}
    for after in sorted(ends):
        subject_end = after
        appositive = _APPOSITIVE.match(text, after, min(len(text), after + _APPOSITIVE_REACH))
        if appositive:  # "X, the prime minister, has not conceded"
            after = appositive.end()
        neg = _NEG_AFTER.match(text, after, min(len(text), after + _NEG_REACH))
        if not neg or not deniable(stem(neg.group(1))) or any(q0 <= neg.start() < q1 for q0, q1 in quotes):
            continue  # words someone is quoted saying are their statement, not the outlet's claim
        sentence = _sentence_at(spans, span_starts, max(subject_end - 1, 0))
        subjects.setdefault((neg.end(), neg.group(1), sentence), (neg, []))[1].append(subject_end)
    for (_, _, sentence), (neg, subject_ends) in subjects.items():
        found.append(_denial(article_id, text, sentence, tuple(subject_ends), "", neg, None))
    for p in _PHRASE_DENIAL.finditer(text):
        words = p.group(1).split()
        if any(w in STOPWORDS or w in GENERIC for w in words):
            continue
        neg = _NEG_RIGHT_AFTER.match(text, p.end(), min(len(text), p.end() + _PHRASE_NEG_REACH))
        if not neg or not deniable(stem(neg.group(1))):
            continue
        sentence = _sentence_at(spans, span_starts, p.start(1))
        found.append(_denial(article_id, text, sentence, (p.end(),), " ".join(words), neg, p.start()))
    return found


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


def _denial(article_id: str, text: str, sentence: Span_, subject_ends: tuple[int, ...], phrase: str,
            neg: re.Match, subject_start: int | None) -> Denial:
    """The record of a negation ``neg`` of what ends at one of ``subject_ends``; its clause starts
    are those up to ``subject_start`` when that is known (an unnamed subject), else up to the
    last end."""
    s_start, s_end = sentence
    limit = subject_ends[-1] if subject_start is None else subject_start
    clause_starts = [s_start]
    for b in CLAUSE_BREAK.finditer(text, s_start, limit):
        left = b.end()
        while left < len(text) and text[left].isspace():
            left += 1
        clause_starts.append(left)
    if subject_start is not None:
        clause_starts = clause_starts[-1:]
    right = s_end
    b = CLAUSE_BREAK.search(text, neg.end(), s_end)
    if b:
        right = b.start()
    while right > s_start and text[right - 1] in " .!?\n":
        right -= 1
    first = clause_starts[0]
    words = tuple((first + w.start(), w.group()) for w in _WORD.finditer(text[first:right]))
    return Denial(article_id, subject_ends, phrase, stem(neg.group(1)), neg.end(), tuple(clause_starts), right, words)


def _sentence_at(spans: list[Span_], span_starts: list[int], offset: int) -> Span_:
    """The sentence holding ``offset`` (as ``Story.sentence_at``)."""
    i = bisect_right(span_starts, offset) - 1
    if i >= 0 and spans[i][0] <= offset < max(spans[i][1], spans[i][0] + 1):
        return spans[i]
    return (offset, offset + 1)
