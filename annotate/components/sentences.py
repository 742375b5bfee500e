"""``ct_sentences``: sentence boundaries from punctuation and line breaks.

News text copied from the web is messy: paragraphs are separated by blank
lines, headlines and captions have no final period, and sentences are
sometimes glued together ("security.Mali"). A paragraph break (a blank line)
always ends a sentence; a single line break ends one unless the line looks
hard-wrapped (long, and not ending in punctuation); otherwise a sentence ends
after . ! ? (and any closing quotes or brackets that follow them).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

_FINAL = frozenset(".!?…")
_CLOSERS = frozenset("\"'”’»)]")
# A line at least this long that ends mid-sentence is taken to be hard-wrapped.
_WRAP_WIDTH = 60


@Language.component("ct_sentences")
def set_sentence_starts(doc: Doc) -> Doc:
    if len(doc) == 0:
        return doc
    starts = [False] * len(doc)
    starts[0] = True
    after_final = False  # the previous token ended a sentence with punctuation
    line_start = 0  # char offset where the current line starts
    for i, tok in enumerate(doc):
        text = tok.text
        if tok.is_space:
            if "\n" in text:
                breaks = text.count("\n")
                line = doc.text[line_start : tok.idx].rstrip()
                wrapped = breaks == 1 and len(line) >= _WRAP_WIDTH and line[-1:] not in _FINAL | _CLOSERS
                if breaks >= 2 or not wrapped:
                    after_final = True
                line_start = tok.idx + text.rfind("\n") + 1
            continue
        if after_final and text[0] not in _CLOSERS and not text[0].islower():
            starts[i] = True
        if set(text) <= _FINAL:
            after_final = True
        elif not (after_final and text[0] in _CLOSERS):  # "said.” Next" is one boundary
            after_final = False
    for i, tok in enumerate(doc):
        tok.is_sent_start = starts[i]
    return doc
