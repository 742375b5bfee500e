"""``ct_sentences``: sentence boundaries from punctuation and line breaks.

News text copied from the web is messy: paragraphs are separated by blank
lines, headlines and captions have no final period, and sentences are
sometimes glued together ("security.Mali"; the tokenizer splits those, see
``annotate.pipeline``). A paragraph break (a blank line) always ends a
sentence; a single line break ends one unless the line looks hard-wrapped
(long, and not ending in punctuation); otherwise a sentence ends after a
. ! ? or … token, and any closing quotes or brackets glued to it, when the
next word does not start in lowercase.

The text is scanned with two regexes and only the tokens that start a
sentence are touched, so the cost grows with the number of sentences. Other
tokens are left unset, which ``Doc.sents`` reads as "not a start" and which
lets a trained parser that runs later add boundaries of its own.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from spacy.language import Language
from spacy.tokens import Doc

# Final punctuation, closers glued to it ('said.”', "(sic.)"), then the gap to the next word.
_END_OF_SENTENCE = re.compile(r"[.!?…]+[\"'”’»)\]]*\s*(?=\S)")
_LINE_BREAK = re.compile(r"[ \t\r]*\n\s*(?=\S)")
_FINAL = ".!?…\"'”’»)]:"
# A line at least this long that ends mid-sentence is taken to be hard-wrapped.
_WRAP_WIDTH = 60


@Language.component("ct_sentences")
def set_sentence_starts(doc: Doc) -> Doc:
    if len(doc) == 0:
        return doc
    text = doc.text
    token_starts = doc.to_array("IDX").tolist()
    starts: set[int] = set()

    def mark(char: int) -> None:
        k = bisect_left(token_starts, char)
        if k < len(token_starts) and token_starts[k] == char:
            starts.add(k)

    for m in _END_OF_SENTENCE.finditer(text):
        punct = m.start()
        k = bisect_left(token_starts, punct)
        own_token = k < len(token_starts) and token_starts[k] == punct and set(doc[k].text) <= set(".!?…")
        if own_token and not text[m.end()].islower():
            mark(m.end())
    for m in _LINE_BREAK.finditer(text):
        if m.group().count("\n") == 1:
            line = text[text.rfind("\n", 0, m.start()) + 1 : m.start()].strip()
            if len(line) >= _WRAP_WIDTH and line[-1] not in _FINAL:
                continue  # hard-wrapped paragraph: the sentence goes on
        mark(m.end())
    doc[0].is_sent_start = True
    if len(doc) > 1 and 1 not in starts:
        doc[1].is_sent_start = False  # so the Doc counts as having boundaries at all
    for k in starts:
        doc[k].is_sent_start = True
    return doc
