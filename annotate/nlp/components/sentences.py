"""``ct_sentences``: sentence boundaries from punctuation and line breaks.

News text copied from the web is messy: paragraphs are separated by blank
lines, headlines and captions have no final period, and sentences are
sometimes glued together ("security.Ghana"; the tokenizer splits those, see
``annotate.nlp.pipeline``). A paragraph break (a blank line) always ends a
sentence; a single line break ends one unless the line looks hard-wrapped
(long, and not ending in punctuation, in an article whose lines are wrapped:
a web page's headline runs as long as a wrapped line, but it is a line of its
own above paragraphs of one line each); otherwise a sentence ends after a
. ! ? or … token, and any closing quotes or brackets glued to it, when the
next word does not start in lowercase.

Speed: the candidate tokens come from per-word flags in the shared token
columns (``annotate.nlp.components.tokens``), so Python only runs once per
candidate boundary, reading words from lists rather than ``Token`` objects,
and the boundaries are written back in one ``Doc.from_array`` call (setting
``Token.is_sent_start`` one by one rescans the Doc each time). Tokens that do
not start a sentence are marked "not a start" only where the rules looked,
so a trained parser running later may still add boundaries of its own.
"""

from __future__ import annotations

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from spacy.lang.en.stop_words import STOP_WORDS

from annotate.nlp.components import DOCS_PER_BATCH, Batched
from annotate.nlp.components.tokens import FINAL, LINE_BREAK, read_tokens, tokens, word_flag
from annotate.nlp.language import TITLE_ABBREVIATIONS

# A line at least this long that ends mid-sentence is taken to be hard-wrapped...
_WRAP_WIDTH = 60
# ... when the article's lines are wrapped: no more than one in _UNWRAPPED_SHARE is longer than this.
_WRAPPED_MAX = 100
_UNWRAPPED_SHARE = 10
_FINAL = frozenset(".!?…")
_CLOSERS = frozenset("”’»)]")
_STRAIGHT_QUOTES = frozenset("\"'")
STARTS_KEY = "sentence_starts"  # doc.user_data: (tokens, starts) read by ``sentence_starts``

# "... a victory for the U.S. It is not.": an abbreviation's period ends the sentence too when a
# capitalised function word follows ("It", "The", "But") and then a word in lower case; a name
# after it does not ("U.S. Army"). ("A" and "I" may be initials.) A title's period never does: a
# name follows it, and names can be function words ("Mrs. May said", "Mr. Will").
_ABBREVIATION_END = word_flag(
    lambda w: len(w) > 1 and w[-1] == "." and not set(w) <= _FINAL and w[:-1] not in TITLE_ABBREVIATIONS
)
_OPENING_WORDS = frozenset(STOP_WORDS) - {"a", "i"}
_FUNCTION_WORD_CAPITALISED = word_flag(lambda w: w[:1].isupper() and w.lower() in _OPENING_WORDS)


@Language.factory("ct_sentences")
def make_sentence_splitter(nlp: Language, name: str) -> "SentenceSplitter":
    return SentenceSplitter()


class SentenceSplitter(Batched):
    """The ``ct_sentences`` component (see the module docstring)."""

    def pipe(self, docs, batch_size: int = DOCS_PER_BATCH):
        # The first component to read the token columns reads a batch's together (``read_tokens``).
        for batch in minibatch(docs, min(batch_size, DOCS_PER_BATCH)):
            read_tokens(batch)
            yield from super().pipe(batch, batch_size)

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            return doc
        values = numpy.zeros(n, dtype="int64")
        if n > 1:
            values[1] = -1  # "not a start" unless marked, so the Doc counts as split at all
        values[_starts(doc)] = 1
        values[0] = 1
        doc.from_array([SENT_START], values.astype("uint64"))
        doc.user_data.pop(STARTS_KEY, None)  # (boundaries read before these are stale)
        return doc


def sentence_starts(doc: Doc) -> list[int]:
    """Character offsets where the Doc's sentences start, in order (the first is 0).

    The boundaries the pipeline set (``ct_sentences``, or a trained parser); on a Doc that has
    none, those the ``ct_sentences`` rules would set, so every stage splits text one way.
    Read once per Doc and kept in ``doc.user_data`` (the components after ``ct_sentences`` and a
    trained parser set no boundaries; the quote and speech finders and the engine all ask)."""
    if len(doc) == 0:
        return [0]
    kept = doc.user_data.get(STARTS_KEY)
    if kept is not None and kept[0] == len(doc):
        return list(kept[1])
    toks = tokens(doc)
    if doc.has_annotation("SENT_START"):
        marked = numpy.flatnonzero(doc.to_array([SENT_START]) == 1).tolist()
    else:
        marked = _starts(doc)
    offsets = toks.starts
    starts = [0, *(offsets[i] for i in marked if i > 0)]
    doc.user_data[STARTS_KEY] = (len(doc), tuple(starts))
    return starts


def sentence_starts_of(text: str) -> list[int]:
    """``sentence_starts`` of a text the pipeline has not seen (a story built without the
    engine's ``Analysis.sentences``): the same tokens and rules."""
    from annotate.nlp.bounded_doc import make_doc
    from annotate.nlp.pipeline import build_pipeline

    return sentence_starts(make_doc(build_pipeline(None), text))


def _starts(doc: Doc) -> list[int]:
    """Token indices that start a sentence by the rules of the module docstring, in order (0 is
    not always among them)."""
    n = len(doc)
    toks = tokens(doc)
    words, space, ws = toks.words, toks.space, toks.ws
    starts: list[int] = []
    for k in numpy.flatnonzero(toks.where(FINAL)).tolist():
        j = k + 1
        # Closing quotes and brackets ('said.”', 'over."') end the same sentence; a straight
        # quote closes when glued to the word before.
        while j < n and (
            (first := words[j][0]) in _CLOSERS
            or (first in _STRAIGHT_QUOTES and len(words[j]) == 1 and not ws[j - 1])
        ):
            j += 1
        while j < n and space[j]:
            j += 1
        if j < n and not (first := words[j][0]).islower() and first not in _CLOSERS:
            starts.append(j)
    masks = toks.masks
    for k in numpy.flatnonzero(toks.where(_ABBREVIATION_END)).tolist():
        j = k + 1
        while j < n and space[j]:
            j += 1
        if j < n and ws[k] and masks[j] & _FUNCTION_WORD_CAPITALISED:
            after = j + 1
            while after < n and space[after]:
                after += 1
            # (not in a headline's Title Case: "Comeaux Jr. On The Lam in Texas")
            if after < n and not words[after][:1].isupper():
                starts.append(j)
    breaks = numpy.flatnonzero(toks.where(LINE_BREAK)).tolist()
    line_ends = [toks.starts[k] for k in breaks] + [len(toks.text)]
    line_starts = [0] + [toks.starts[k] + len(words[k]) for k in breaks]
    lengths = [end - start for start, end in zip(line_starts, line_ends)]
    wrapped = sum(length > _WRAPPED_MAX for length in lengths) * _UNWRAPPED_SHARE <= len(lengths)
    for k, line_length in zip(breaks, lengths):
        word = words[k]
        j = k + 1
        while j < n and space[j]:
            j += 1
        if j >= n:
            break
        if word.count("\n") == 1:  # a single line break: does the sentence run on?
            p = k - 1
            while p > 0 and space[p]:
                p -= 1
            last = words[p]
            ended = last[-1] in _FINAL or last[0] in _CLOSERS or last[0] in _STRAIGHT_QUOTES or last == ":"
            if wrapped and line_length >= _WRAP_WIDTH and not ended:
                continue
        starts.append(j)
    return sorted(set(starts))

