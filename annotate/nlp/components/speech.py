"""``ct_speech``: reported speech, words an article says a person said without quotation marks.

Three forms, first that applies, for each person the article names (a PERSON entity of
``ct_entities`` or ``ct_nested``), within the person's sentence (``ct_sentences``), and for each
lone capitalised word outside the article's names that has the shape of one (``LONE_NAME_WORD``):
"King said ..." in an article that writes "King" alone is someone's words if the corpus names a
Tomas King elsewhere, which only ``annotate.nlp.corpus_names`` finds, after the pipeline:

1. the name, then a reporting verb ("Anna Petrova said the ministry ...", "Petrova has also
   warned that ..."): what was said is the rest of the sentence after the verb, without "that",
   a colon or a comma, and without a date right after the verb ("said on Thursday ...");
2. "according to" before the name and a comma after it ("According to Petrova, the ministry
   ..."): the rest of the sentence after the comma;
3. the attribution at the end ("..., Petrova said." or "..., said Foreign Minister Anna
   Petrova."): the sentence before the comma.

Words inside a quotation are left to ``ct_quotes``: its quote stands for them. The verbs and
the words around them are ``annotate.nlp.language``'s; the rules read the shared token
columns (``annotate.nlp.components.tokens``), never the text with patterns of their own.

Results: ``doc.spans["speech"]``, the words said, and their rows in ``rows(doc)`` (group
``"speech"``): ``(start_char, end_char, "SPEECH", (speaker_start, speaker_end, label))``, the label
``PERSON`` for a person's entity and ``""`` for a lone word; ``span._.speaker`` is the speaker's
Span. Who the speaker is, is decided once the corpus's names are found and linked: the person
whose mention covers that span (``annotate.compare.detectors.speech``), if any.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import accumulate
from operator import itemgetter

import numpy

from spacy.language import Language
from spacy.tokens import Doc

from annotate.model import Article, Mention, ReportedSpeech
from annotate.nlp.components import ENTS, Batched, Rows, register_extensions, rows
from annotate.nlp.components.nested import NESTED
from annotate.nlp.components.sentences import sentence_starts
from annotate.nlp.components.tokens import SpanWriter, Tokens, span_from_chars, tokens, word_flag
from annotate.nlp.language import CLAUSE_CONJUNCTIONS, REPORTING_VERBS, SPEECH_DATE_LEADS, SPEECH_VERB_LEADS
from annotate.nlp.names import LONE_NAME_WORD

SPEECH = "speech"  # the span group and its rows' group in rows(doc)
LABEL = "SPEECH"
SPEAKER_LABEL = "PERSON"
LONE_LABEL = ""  # a speaker that is a lone capitalised word, not (yet) known to be a name
MIN_CHARS = 12  # fewer characters said are no statement
_DATE_REACH = 40  # how far after the verb a date is looked for
_TITLE_WORDS = 5  # words that may stand between "said" and the name (", said Foreign Minister X")
# Tokens between a name and its word of speech in any form: the title words or the words
# that lead to the verb ("has also later said"), with commas and line breaks.
_CUE_REACH = 12
_FINAL = frozenset(".!?")
_TRAILING = ".!?\"'”’ "  # stripped from the end of what was said
_OPENING = " \"“‘"
_CLOSING = " ,\"”’"
_AFTER_NAME = " .!?\"”’"  # all that may follow the name in "..., said X."
_TITLE_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.’'-")

# A word any of the forms needs ("said", "according"): a sentence without one reports no speech.
CUE = word_flag(lambda w: w in REPORTING_VERBS or w.lower() == "according")
# The words that before a name may lead to its speech: a reporting verb, or "to" (of "according
# to") in any case.
_VERB_OR_TO = REPORTING_VERBS | {"to", "To", "tO", "TO"}
# A word that may be a name the corpus knows ("King" where other articles write "Tomas King").
LONE_NAME = word_flag(lambda w: len(w) >= 3 and LONE_NAME_WORD.fullmatch(w) is not None)

Span_ = tuple[int, int]  # (start_char, end_char)
Speaker = tuple[int, int, str]  # (start_char, end_char, label)
Row = tuple[int, int, str, Speaker]


def reported_speech(
    toks: Tokens,
    starts: Sequence[int],
    speakers: Sequence[Speaker],
    quotes: Sequence[Span_] = (),
    dates: Sequence[Span_] = (),
    cues: Sequence[int] | None = None,
) -> list[Row]:
    """The rows of the reported speech in a text (``toks``, its token columns): what each of
    ``speakers`` (names, token-aligned, in text order) is said to have said.

    ``starts``: where the sentences start (``sentence_starts``); ``quotes`` the quoted words and
    ``dates`` the dates, each in text order; ``cues``: the tokens that are words of speech
    (``CUE``), when known."""
    if cues is None:
        cues = numpy.flatnonzero(toks.masks & CUE).tolist()
    reader = _Reader(toks, list(starts), list(quotes), list(dates), [toks.starts[k] for k in cues])
    found: list[Row] = []
    seen: set[Span_] = set()
    for speaker, first, after in _placed(toks, speakers):
        where = (speaker[0], speaker[1])
        if where in seen:
            continue
        seen.add(where)
        said = reader.said_by(first, after, *where)
        if said is not None:
            found.append((said[0], said[1], LABEL, speaker))
    return found


def _placed(toks: Tokens, speakers: Sequence[Speaker]) -> list[tuple[Speaker, int, int]]:
    """``(speaker, first token, token after)`` of the ``speakers`` that are names on token
    boundaries with a word of speech where one of the forms needs it, in order: after the name,
    past spaces, commas and the words that lead to a verb ("has also"), a reporting verb; or,
    among the ``_TITLE_WORDS + 1`` words (not spaces) before it, a reporting verb or "to" (of
    "according to"). Most names have none and are passed over before their sentence is read."""
    words, starts, space, n = toks.words, toks.starts, toks.space, len(toks.words)
    placed = []
    for speaker in speakers:
        start, end = speaker[0], speaker[1]
        first = bisect_left(starts, start)
        if first == n or starts[first] != start:
            continue
        after = bisect_left(starts, end, first)
        if after and starts[after - 1] + len(words[after - 1]) > end:
            continue
        i = after
        while i < n and (space[i] or words[i] == "," or words[i] in SPEECH_VERB_LEADS):
            i += 1
        if not (i < n and words[i] in REPORTING_VERBS):
            # (The words before it compared as a set, in C: walking back word by word cost
            # more than the rest of the name's reading.)
            lo = max(first - _TITLE_WORDS - 1, 0)
            if True in space[lo:first]:
                lo, words_seen = first, 0  # (spaces among them: as many words as before)
                while lo > 0 and words_seen <= _TITLE_WORDS:
                    lo -= 1
                    words_seen += not space[lo]
            if _VERB_OR_TO.isdisjoint(words[lo:first]):
                continue
        placed.append((speaker, first, after))
    return placed


def near_cues(toks: Tokens, speakers: Sequence[Speaker], cues: Sequence[int]) -> list[Speaker]:
    """The speakers with a word of speech (token indices ``cues``, in order) within ``_CUE_REACH``
    tokens of their name: the others have none in any of the three forms."""
    near: list[Speaker] = []
    for speaker in speakers:
        first = bisect_left(toks.starts, speaker[0])
        last = bisect_left(toks.starts, speaker[1])
        k = bisect_left(cues, first - _CUE_REACH)
        if k < len(cues) and cues[k] <= last + _CUE_REACH:
            near.append(speaker)
    return near


def lone_words(toks: Tokens, taken: Sequence[tuple[int, int] | Speaker], cues: numpy.ndarray) -> list[Speaker]:
    """The words of a lone name's shape (``LONE_NAME``) outside the spans ``taken`` (the article's
    names, of any label, and its dates: "on Sunday said" names no one), with a word of speech
    (token indices ``cues``, in order) within ``_CUE_REACH`` tokens, as ``near_cues`` reads them,
    neither written in lower case in the article ("The", "Officials") nor next to another
    capitalised word ("Secretary Clinton"): speakers whom the corpus may show to be people, as
    ``annotate.nlp.corpus_names`` reads them. (The words of the shape are many: one array
    operation keeps those near a word of speech, which are few.)"""
    words = numpy.flatnonzero((toks.masks & (LONE_NAME | CUE)) == LONE_NAME)  # ("According" is no name)
    if not words.size or not cues.size:
        return []
    k = numpy.searchsorted(cues, words - _CUE_REACH)
    near = k < cues.size
    near[near] = cues[k[near]] <= words[near] + 1 + _CUE_REACH
    near_words = _alone(toks, words[near].tolist())  # not one word of several
    if not near_words:
        return []
    # (The spans' order by start alone: which of them hold a place does not depend on the rest.)
    spans = sorted(taken, key=itemgetter(0))
    starts = [span[0] for span in spans]
    furthest = list(accumulate(map(itemgetter(1), spans), max))  # the spans' ends so far
    outside = []
    for i in near_words:
        at = toks.starts[i]
        j = bisect_right(starts, at) - 1
        if j < 0 or furthest[j] <= at:  # in no span
            outside.append(i)
    if not outside:
        return []
    written = set(toks.words)
    return [(toks.starts[i], toks.end_char(i), LONE_LABEL) for i in outside if toks.words[i].lower() not in written]


def _alone(toks: Tokens, candidates: list[int]) -> list[int]:
    """The tokens among ``candidates`` that are not one word of a run of capitalised words, one
    space apart."""
    words, ws, n = toks.words, toks.ws, len(toks.words)
    found = []
    for i in candidates:
        if i + 1 < n and ws[i] and words[i + 1][:1].isupper():
            continue
        if i > 0 and ws[i - 1] and words[i - 1][-1:].isalpha() and words[i - 1][:1].isupper():
            continue
        found.append(i)
    return found


class _Reader:
    """The rules of the module docstring over one text's tokens."""

    def __init__(self, toks: Tokens, starts: list[int], quotes: list[Span_], dates: list[Span_], cues: list[int]) -> None:
        self.toks, self.text = toks, toks.text
        self.starts = starts or [0]
        self.quote_starts = [q[0] for q in quotes]
        self.quote_ends = [q[1] for q in quotes]
        self.dates = dates
        self.date_starts = [d[0] for d in dates]
        self.cues = cues  # where the words of speech start

    def said_by(self, first: int, after: int, start: int, end: int) -> Span_ | None:
        """What the name at ``start:end`` (tokens ``first`` to before ``after``) said, if any."""
        s_start, s_end = self._sentence(start)
        k = bisect_left(self.cues, s_start)
        if k == len(self.cues) or self.cues[k] >= s_end:
            return None  # no word of speech in the sentence
        said = (
            self._reported_after(after, s_end)
            or self._according_to(first, end, s_start, s_end)
            or self._attributed_at_end(first, after, start, end, s_start, s_end)
        )
        if said is None or self._overlaps_quote(*said):
            return None  # (quoted words: the quote already stands for them)
        return said

    # -- the three forms ----------------------------------------------------------------

    def _reported_after(self, i: int, s_end: int) -> Span_ | None:
        """"Petrova (has also) said (on Thursday) (that) <statement>"."""
        words, n = self.toks.words, len(self.toks.words)
        while i < n and (words[i] == "," or self.toks.space[i]):
            i += 1
        while i < n and words[i] in SPEECH_VERB_LEADS and self._spaced(i):
            i = self._skip_space(i + 1)
        if i >= n or words[i] not in REPORTING_VERBS or self.toks.starts[i] >= s_end:
            return None
        pos = self._after_date(self.toks.end_char(i), s_end)
        pos = self._after_that(pos)
        end = _trim_end(self.text, pos, s_end, _TRAILING)
        return (pos, end) if end - pos >= MIN_CHARS else None

    def _according_to(self, first: int, name_end: int, s_start: int, s_end: int) -> Span_ | None:
        """"According to Petrova, <statement>"."""
        to = self._word_before(first)
        according = self._word_before(to) if to is not None else None
        if according is None or self.toks.starts[according] < s_start:
            return None
        if self.toks.words[to].lower() != "to" or self.toks.words[according].lower() != "according":
            return None
        text = self.text
        comma = text.find(",", name_end, s_end)
        if comma < 0 or text[name_end:comma].strip(" ’'s"):
            return None
        start = comma + 1
        while start < s_end and text[start].isspace():
            start += 1
        end = _trim_end(text, start, s_end, _TRAILING)
        return (start, end) if end - start >= MIN_CHARS else None

    def _attributed_at_end(
        self, first: int, after: int, name_start: int, name_end: int, s_start: int, s_end: int
    ) -> Span_ | None:
        """"<statement>, Petrova said." or "<statement>, said Foreign Minister Anna Petrova."."""
        text = self.text
        if self._verb_ends_sentence(after, s_end):
            comma = text.rfind(",", s_start, name_start)
            between = text[comma + 1 : name_start].split() if comma >= 0 else []
            # Only a title may sit between the comma and the name (", the minister Petrova said").
            if comma < 0 or len(between) > _TITLE_WORDS or CLAUSE_CONJUNCTIONS & {w.lower() for w in between}:
                return None
            end = comma
        else:
            comma = self._said_before(first, s_start)
            if comma is None or text[name_end:s_end].strip(_AFTER_NAME):
                return None
            end = comma
        start = s_start
        end = _trim_end(text, start, end, _CLOSING)
        while start < end and text[start] in _OPENING:
            start += 1
        return (start, end) if end - start >= MIN_CHARS else None

    def _verb_ends_sentence(self, i: int, s_end: int) -> bool:
        """The name is followed by a reporting verb, maybe a final mark, and the sentence's end."""
        words, n = self.toks.words, len(self.toks.words)
        i = self._skip_space(i)
        if i >= n or words[i] not in REPORTING_VERBS:
            return False
        i = self._skip_space(i + 1)
        if i < n and words[i] in _FINAL and self.toks.starts[i] < s_end:
            i = self._skip_space(i + 1)
        return i >= n or self.toks.starts[i] >= s_end

    def _said_before(self, first: int, s_start: int) -> int | None:
        """Where the comma of ", said <up to five title words> <name>" is, if that is what stands
        before the name's first token."""
        toks = self.toks
        k, titles = self._word_before(first), 0
        while k is not None and toks.words[k] not in REPORTING_VERBS:
            if titles == _TITLE_WORDS or not set(toks.words[k]) <= _TITLE_CHARS or not self._spaced(k):
                return None
            titles += 1
            k = self._word_before(k)
        if k is None or not self._spaced(k):
            return None
        comma = self._word_before(k)
        if comma is None or toks.words[comma] != "," or toks.starts[comma] < s_start:
            return None
        return toks.starts[comma]

    # -- helpers ------------------------------------------------------------------------

    def _after_date(self, pos: int, s_end: int) -> int:
        """Past a date right after the verb ("said late on Thursday ...")."""
        limit = min(s_end, pos + _DATE_REACH)
        for k in range(bisect_left(self.date_starts, pos), len(self.dates)):
            d_start, d_end = self.dates[k]
            if d_start >= limit:
                break
            if d_end <= limit and self.text[pos:d_start].strip().lower() in SPEECH_DATE_LEADS:
                return d_end
        return pos

    def _after_that(self, pos: int) -> int:
        """Past "that", a colon or a comma that leads into what was said, and the spaces around it."""
        text = self.text
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if text.startswith("that", pos) and not (pos + 4 < len(text) and (text[pos + 4].isalnum() or text[pos + 4] == "_")):
            pos += 4
        elif pos < len(text) and text[pos] in ":,":
            pos += 1
        while pos < len(text) and text[pos].isspace():
            pos += 1
        return pos

    def _sentence(self, pos: int) -> Span_:
        """The sentence holding ``pos``, without the whitespace around it."""
        k = max(bisect_right(self.starts, pos) - 1, 0)
        end = self.starts[k + 1] if k + 1 < len(self.starts) else len(self.text)
        start = self.starts[k]
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return start, end

    def _word_before(self, k: int) -> int | None:
        """The last token before token ``k`` that is not whitespace."""
        k -= 1
        while k >= 0 and self.toks.space[k]:
            k -= 1
        return k if k >= 0 else None

    def _skip_space(self, i: int) -> int:
        while i < len(self.toks.words) and self.toks.space[i]:
            i += 1
        return i

    def _spaced(self, i: int) -> bool:
        """Whitespace follows token ``i``."""
        return bool(self.toks.ws[i]) or (i + 1 < len(self.toks.words) and self.toks.space[i + 1])

    def _overlaps_quote(self, start: int, end: int) -> bool:
        """Some quote overlaps [start, end): the last quote starting before ``end`` ends after
        ``start`` (quotes are sorted and disjoint)."""
        i = bisect_left(self.quote_starts, end) - 1
        return i >= 0 and self.quote_ends[i] > start


def reported_speech_in(article: Article, mentions: Sequence[Mention], starts: Sequence[int]) -> list[ReportedSpeech]:
    """The reported speech of an article the pipeline has not read (a story built without the
    engine's ``Analysis.reported``), its people, quotes and dates given as ``mentions``: the
    same tokens and rules as ``ct_speech``."""
    from annotate.nlp.bounded_doc import make_doc
    from annotate.nlp.pipeline import build_pipeline

    doc = make_doc(build_pipeline(None), article.text)
    doc.user_data["text"] = article.text
    by_kind: dict[str, list[Span_]] = {"quote": [], "date": []}
    speakers: list[Speaker] = []  # the article's people, the corpus's names among them
    for m in sorted(mentions, key=lambda m: (m.start, m.end)):
        if m.kind == "entity" and m.label == SPEAKER_LABEL:
            speakers.append((m.start, m.end, SPEAKER_LABEL))
        elif m.kind in by_kind:
            by_kind[m.kind].append((m.start, m.end))
    found = reported_speech(tokens(doc), starts, speakers, by_kind["quote"], by_kind["date"])
    aid, text = article.id, article.text
    return [ReportedSpeech(aid, start, end, text[start:end], who[0], who[1]) for start, end, _, who in found]


def _trim_end(text: str, start: int, end: int, chars: str) -> int:
    while end > start and text[end - 1] in chars:
        end -= 1
    return end


@Language.factory("ct_speech")
def make_speech_finder(nlp: Language, name: str) -> "SpeechFinder":
    return SpeechFinder()


class SpeechFinder(Batched):
    """The ``ct_speech`` component (see the module docstring); runs after ``ct_quotes``."""

    def __init__(self) -> None:
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        found = rows(doc)
        toks = tokens(doc)
        out = SpanWriter(doc, toks, SPEECH)  # (no Span built per row: one is refilled)
        cues = numpy.flatnonzero(toks.masks & CUE)
        speakers: list[Speaker] = []
        if cues.size:  # (most articles name people; fewer say what they said)
            quotes = [(q[0], q[1]) for q in found.get("quotes") or ()] or [
                (s.start_char, s.end_char) for s in doc.spans.get("quotes", ())
            ]
            dates = [(d[0], d[1]) for d in found.get("dates") or ()] or [
                (s.start_char, s.end_char) for s in doc.spans.get("dates", ())
            ]
            names = _names(found, doc)
            people = sorted({name for name in names if name[2] == SPEAKER_LABEL})
            cue_tokens = cues.tolist()
            speakers = sorted(near_cues(toks, people, cue_tokens) + lone_words(toks, [*names, *dates], cues))
        if speakers:
            for row in reported_speech(toks, sentence_starts(doc), speakers, quotes, dates, cue_tokens):
                where = toks.token_range(row[0], row[1])
                if where is None:
                    continue
                start_char, end_char = out.add(where[0], where[1], LABEL)
                out.rows.append(row)
                if (start_char, end_char) != row[:2]:  # ("a. m" of "a. m."): the row keeps the words
                    who = row[3]
                    found.values[("speaker", start_char, end_char)] = span_from_chars(doc, toks, who[0], who[1], who[2])
        out.close()
        return doc


def _names(found: Rows, doc: Doc) -> list[Speaker]:
    """The names the article's own words give: entities and the names inside names of ``ct_nested``
    (the people among them, ``PERSON``, are its speakers)."""
    ents = found.get(ENTS)
    if ents is None:
        ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
    nested = found.get(NESTED)
    if nested is None:
        nested = [(s.start_char, s.end_char, s.label_) for s in doc.spans.get(NESTED, ())]
    return [(r[0], r[1], r[2]) for group in (ents, nested) for r in group]
