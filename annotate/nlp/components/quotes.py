"""``ct_quotes``: quoted words and who said them.

Finding quotes: one scan over the quotation marks of each paragraph. Curly
“…” and «…» pair by shape; straight "…" alternate; ‘…’ counts only when the
‘ opens a word and the ’ is not an apostrophe inside one ("isn’t"). A quote
left open runs to the end of its paragraph and no further (news style opens
each paragraph of a long quote without closing the earlier ones). The span is
the quoted words without the marks (and without a trailing comma).

Finding the speaker, first rule that applies, looking only at text outside
quotes in the quote's sentence ("pre" before the opening mark, "post" after
the closing mark):

1. post names someone: "“…,” Silva said", "“…,” said X", "“…” from X",
   "“…,” according to X";
2. post has a pronoun or a title: "“…,” he told Y" / "the minister said" ->
   the person the pronoun or title refers to (below);
3. pre has "according to X";
4. pre has a speech verb ("said", "called on", "calling", "stating",
   "asserted"...): the nearest person before the last such verb
   ("X told Y “…”" -> X; "X called on Norland to “…”, calling the group “…”" ->
   X for both); a pronoun or title subject is resolved as in 2;
5. pre ends with a possessive name: "X’s “…” remark" -> X;
6. pre ends with a colon: "X, unmoved: “…”" -> the sentence's subject;
7. a quote with no attribution of its own continues the previous quote of the
   same paragraph ("“…,” he said. “…”").

Sentences are the Doc's (``ct_sentences``), without the boundaries inside a
quotation (a line break still ends one). A pronoun refers to the subject
(first non-possessive person) of the nearest sentence before it that has
one; a title ("the prime minister") to the most recent person whose role ends
with those words. Speakers are PERSON (or, for named attributions, ORG) spans
from ``doc.ents``; the fullest form of the name in the article is preferred
(``span._.canonical``).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc, Span

from annotate.nlp.language import BACK_REFERENCE_TITLES, QUOTE_VERBS, by_first_letter
from annotate.nlp.components import ENTS, Batched, doc_text, register_extensions, rows
from annotate.nlp.components.sentences import sentence_starts
from annotate.nlp.components.tokens import span_from_chars, tokens

LABEL = "QUOTE"

# Every form of a verb that attributes a quotation, longest first (so the regexes below match
# "told" before "tell"); the titles that let "the minister said" refer back to a person.
SPEECH_VERBS = sorted(QUOTE_VERBS, key=lambda v: (-len(v), v))
TITLE_WORDS = sorted(BACK_REFERENCE_TITLES)

# (Both grouped by first letter: the same matches, but at each position the regex engine tries
# one group, not every verb or title; case-insensitive patterns get no faster path through them.)
_SPEECH = r"(?:" + by_first_letter(SPEECH_VERBS) + r")"
_TITLE = by_first_letter(TITLE_WORDS)
_MARKS = "“”\"‘’«»"
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")
_LINE_BREAK = re.compile(r"\n")
_PUNCTUATION = ".,;:!?()[]“”\"‘’'—–-"
_SPEECH_WORDS = frozenset(SPEECH_VERBS) | {"according"}
_VERB = re.compile(rf"\b{_SPEECH}\b|\baccording to\b", re.IGNORECASE)
# How far around a quote attribution is looked for, so odd text (no sentence
# ends, thousands of quotes) stays linear.
_PRE_REACH = 250
_POST_REACH = 250
_BACK_REACH = 2000
_NAME_GAP = re.compile(r"[\s,;:—–-]*(?:(?:the|[A-Z][\w.’'-]*)\s+)*")  # roles before a name: "said Interim Defence Minister"
_POST_VERB_FIRST = re.compile(rf"[\s,;:—–-]*(?:\w+\s+)?(?:{_SPEECH}|from|by|according to)\b", re.IGNORECASE)
_POST_PRONOUN = re.compile(rf"[\s,;:—–-]*(?P<p>he|she)\s+(?:\w+\s+)?{_SPEECH}\b", re.IGNORECASE)
_POST_TITLE = re.compile(
    rf"[\s,;:—–-]*the\s+(?P<title>(?:[A-Za-z]+\s+){{0,3}}?(?:{_TITLE}))\s+(?:\w+\s+)?{_SPEECH}\b",
    re.IGNORECASE,
)
_PRE_PRONOUN = re.compile(rf"\b(?P<p>he|she)\b\s+(?:\w+\s+){{0,3}}?{_SPEECH}\b", re.IGNORECASE)
_PRE_TITLE = re.compile(
    rf"\bthe\s+(?P<title>(?:[A-Za-z]+\s+){{0,3}}?(?:{_TITLE}))\s+(?:\w+\s+){{0,3}}?{_SPEECH}\b",
    re.IGNORECASE,
)
_ACCORDING = re.compile(r"\baccording to\s+$", re.IGNORECASE)
_POSSESSIVE = re.compile(r"[’']s?\b")
_STRIP = " \t\r\n,;:"

SPEAKER_LABELS = ("PERSON", "ORG")


class Ent(NamedTuple):
    """An entity as ``ct_entities`` lists it in ``rows(doc)``: what the speaker rules read of
    a ``Span`` (its ``_.canonical`` and ``_.role`` too), without building one per entity."""

    start_char: int
    end_char: int
    label_: str
    canonical: str | None = None
    role: str | None = None


Name = Ent  # a speaker candidate


class Quote(NamedTuple):  # (a NamedTuple: built many times per Doc, and cheaply)
    open: int  # offset of the opening mark
    close: int  # offset of the closing mark, or the paragraph end when left open
    start: int  # the quoted words, without marks
    end: int


def find_quotes(text: str) -> list[Quote]:
    """Every quotation in ``text``, in order; never runs past a paragraph."""
    found: list[Quote] = []
    positions = _mark_positions(text)
    if not positions:
        return found
    breaks = _PARAGRAPH_BREAK if _PARAGRAPH_BREAK.search(text) else _LINE_BREAK
    para_end = _paragraph_end(breaks, text, 0)
    double: int | None = None  # offset of an open double quote
    single: int | None = None  # offset of an open ‘
    for pos in positions:
        mark = text[pos]
        if pos >= para_end:  # a new paragraph: what is still open ends with the old one
            if double is not None:
                _add(found, text, double, para_end, closed=False)
            double = single = None
            para_end = _paragraph_end(breaks, text, pos)
        prev = text[pos - 1] if pos else " "
        nxt = text[pos + 1] if pos + 1 < para_end else " "
        if mark in "“«" or (mark == '"' and double is None):
            if double is not None:  # a quote left open: cap it here
                _add(found, text, double, pos, closed=False)
                double = None
            if mark == '"' and nxt.isspace():
                continue  # a stray straight quote cannot open before a space
            double, single = pos, None
        elif mark in "”»\"":
            if double is not None:
                _add(found, text, double, pos, closed=True)
                double = None
        elif mark == "‘":
            if double is None and not prev.isalnum() and not nxt.isspace():
                single = pos
        elif mark == "’":
            if single is not None and not prev.isspace() and not nxt.isalnum():
                _add(found, text, single, pos, closed=True)
                single = None
    if double is not None:
        _add(found, text, double, para_end, closed=False)
    return found


def _mark_positions(text: str) -> list[int]:
    """Offsets of the quotation marks in ``text``, in order.

    One ``str.find`` scan per kind of mark: a regex character class with non-Latin-1
    characters is tested character by character, several times slower."""
    positions: list[int] = []
    for mark in _MARKS:
        pos = text.find(mark)
        while pos >= 0:
            positions.append(pos)
            pos = text.find(mark, pos + 1)
    positions.sort()
    return positions


def _paragraph_end(breaks: re.Pattern, text: str, pos: int) -> int:
    m = breaks.search(text, pos)
    return m.start() if m else len(text)


def _add(found: list[Quote], text: str, open_: int, close: int, closed: bool) -> None:
    start, end = open_ + 1, close
    while start < end and text[start] in _STRIP:
        start += 1
    while end > start and text[end - 1] in _STRIP:
        end -= 1
    if any(c.isalnum() for c in text[start:end]):
        found.append(Quote(open_, close if closed else close - 1, start, end))


# ---------------------------------------------------------------- speakers


@dataclass(slots=True)
class _Context:
    """What speaker rules look at: the text, sentence starts, the people and quotes."""

    text: str
    ents: list[Name]  # PERSON/ORG ents in order
    ent_starts: list[int]
    sentence_starts: list[int]
    quotes: list[Quote]
    quote_opens: list[int]
    speakers: dict[int, Name | None] = field(default_factory=dict)  # quote index -> speaker
    _roled: list[tuple[Name, str]] | None = None

    def roled(self) -> list[tuple[Name, str]]:
        """People introduced with a role, and the role, in order (read on first use: few quotes need them)."""
        if self._roled is None:
            self._roled = [(e, e.role) for e in self.ents if e.label_ == "PERSON" and e.role]
        return self._roled

    def inside_quote(self, pos: int) -> bool:
        k = bisect.bisect_right(self.quote_opens, pos) - 1
        return k >= 0 and self.quotes[k].open <= pos <= self.quotes[k].close

    def ents_between(self, start: int, end: int, labels=SPEAKER_LABELS) -> list[Name]:
        lo = bisect.bisect_left(self.ent_starts, start)
        hi = bisect.bisect_left(self.ent_starts, end)
        return [
            e for e in self.ents[lo:hi]
            if e.end_char <= end and e.label_ in labels and not self.inside_quote(e.start_char)
        ]  # fmt: skip

    def possessive(self, ent: Name) -> bool:
        return bool(_POSSESSIVE.match(self.text, ent.end_char))

    def sentence_bounds(self, pos: int) -> tuple[int, int, int]:
        """(index, start, end) of the sentence holding ``pos``."""
        k = bisect.bisect_right(self.sentence_starts, pos) - 1
        k = max(k, 0)
        end = self.sentence_starts[k + 1] if k + 1 < len(self.sentence_starts) else len(self.text)
        return k, self.sentence_starts[k], end


def attribute(text: str, quotes: list[Quote], ents: list[Name], sentence_starts: list[int]) -> list[Name | None]:
    """The speaker of each quote (one of ``ents``, which are in text order), or None.

    ``sentence_starts`` are the character offsets of the Doc's sentences (``ct_sentences``)."""
    if not quotes:
        return []
    ents = [e for e in ents if e.label_ in SPEAKER_LABELS]  # (``doc.ents`` are in text order)
    quote_opens = [q.open for q in quotes]
    starts = _outside_quotes(text, sentence_starts, quotes)
    ctx = _Context(text, ents, [e.start_char for e in ents], starts, quotes, quote_opens)
    result: list[Name | None] = []
    for i, q in enumerate(quotes):
        speaker = _speaker(ctx, i, q)
        ctx.speakers[i] = speaker
        result.append(speaker)
    return result


def _outside_quotes(text: str, starts: list[int], quotes: list[Quote]) -> list[int]:
    """The sentence starts that are not inside a quotation: a quote of several sentences is
    one stretch of its sentence for attribution (a line break still ends it)."""
    out: list[int] = []
    k = 0
    for pos in starts:
        while k < len(quotes) and quotes[k].close < pos:
            k += 1
        if k < len(quotes) and quotes[k].open < pos < quotes[k].close:
            before = text[max(0, pos - 40) : pos]
            if "\n" not in before[len(before.rstrip()) :]:
                continue
        out.append(pos)
    return out


def _speaker(ctx: _Context, i: int, q: Quote) -> Name | None:
    text = ctx.text
    _, sent_start, sent_end = ctx.sentence_bounds(q.open)
    sent_start = max(sent_start, q.open - _PRE_REACH)
    pre_start = sent_start
    post_end = ctx.quotes[i + 1].open if i + 1 < len(ctx.quotes) else sent_end
    post_start = min(q.close + 1, len(text))
    post_end = max(post_start, min(post_end, max(sent_end, post_start), post_start + _POST_REACH))

    if _POST_PRONOUN.match(text, post_start, post_end):
        return _resolve_pronoun(ctx, q.open, sent_start)  # "he told Y": not Y
    if m := _POST_TITLE.match(text, post_start, post_end):
        return _resolve_title(ctx, m["title"], q.open) or _resolve_pronoun(ctx, q.open, sent_start)
    named = _named_after(ctx, post_start, post_end)
    if named is not None:
        return named

    pre_ents = ctx.ents_between(sent_start, q.open)
    pre = text[pre_start : q.open]
    low = " " + pre.lower()
    if "according to" in low:
        for e in reversed(pre_ents):
            if _ACCORDING.search(_role_stripped(text, max(sent_start, e.start_char - 80), e.start_char)):
                return e
    verb = _last_speech_verb(ctx, pre, pre_start)
    if verb is not None:
        people = [e for e in pre_ents if e.end_char <= verb and e.label_ == "PERSON" and not ctx.possessive(e)]
        orgs = [e for e in pre_ents if e.end_char <= verb and not ctx.possessive(e)]
        has_title = any(t in low for t in TITLE_WORDS)
        title = _PRE_TITLE.search(text, pre_start, q.open) if has_title else None
        pronoun = _PRE_PRONOUN.search(text, pre_start, q.open) if " he " in low or " she " in low else None
        subject_pos = max((m.start() for m in (title, pronoun) if m), default=-1)
        if people and people[-1].start_char > subject_pos:
            return people[-1]
        if title is not None and title.start() == subject_pos:
            return _resolve_title(ctx, title["title"], q.open) or _resolve_pronoun(ctx, q.open, sent_start)
        if pronoun is not None:
            return _resolve_pronoun(ctx, q.open, sent_start)
        if orgs:
            return orgs[-1]
    if pre_ents and ctx.possessive(pre_ents[-1]) and not text[pre_ents[-1].end_char : q.open].strip(" ’'s"):
        return pre_ents[-1]  # "Silva’s “red line”"
    if text[pre_start : q.open].rstrip().endswith(":"):
        subjects = [e for e in pre_ents if e.label_ == "PERSON" and not ctx.possessive(e)] or pre_ents
        if subjects:
            return subjects[0]  # "Silva, unmoved: “…”"
    if i > 0:
        prev = ctx.quotes[i - 1]
        if _same_paragraph(text, prev.close, q.open) and not pre_ents:
            return ctx.speakers.get(i - 1)
    return None


def _last_speech_verb(ctx: _Context, pre: str, pre_start: int) -> int | None:
    """Offset of the last speech verb ("said", "calling", "according") in ``pre``, outside quotes."""
    words = pre.split()
    for k in range(len(words) - 1, -1, -1):
        if words[k].strip(_PUNCTUATION).lower() in _SPEECH_WORDS:
            pos = pre_start + pre.rfind(words[k])  # later copies were checked already
            if not ctx.inside_quote(pos):
                return pos
    return None


def _same_paragraph(text: str, a: int, b: int) -> bool:
    return a <= b and _PARAGRAPH_BREAK.search(text, a, b) is None


def _role_stripped(text: str, start: int, end: int) -> str:
    """Text before a name with the capitalised role words before it removed."""
    return re.sub(r"(?:(?:the|[A-Z][\w.’'-]*)\s+)*$", "", text[start:end])


def _named_after(ctx: _Context, start: int, end: int) -> Name | None:
    """A name right after the quote: "“…,” Silva said", "“…,” said X", "“…” from X"."""
    ents = ctx.ents_between(start, end)
    if not ents:
        return None
    first = ents[0]
    gap = _NAME_GAP.fullmatch(ctx.text, start, first.start_char)
    if gap is not None and _VERB.search(ctx.text, first.end_char, min(end, first.end_char + 40)):
        return first  # "“…,” Interim Finance Minister Ana Silva said"
    lead = _POST_VERB_FIRST.match(ctx.text, start, end)
    if lead is not None and _NAME_GAP.fullmatch(ctx.text, lead.end(), first.start_char):
        return first  # "“…,” said X", "“…” from X", "“…,” according to X"
    return None


def _resolve_pronoun(ctx: _Context, pos: int, sent_start: int) -> Name | None:
    """A he/she speaker: the subject of the nearest sentence before ``pos`` that has a person."""
    k, _, _ = ctx.sentence_bounds(pos)
    end = pos
    for j in range(k, max(-1, k - 8), -1):
        start = max(ctx.sentence_starts[j], pos - _BACK_REACH)
        people = [e for e in ctx.ents_between(start, end, ("PERSON",)) if not ctx.possessive(e)]
        if people:
            return people[0]
        for qi in range(bisect.bisect_left(ctx.quote_opens, start), bisect.bisect_left(ctx.quote_opens, end)):
            if ctx.speakers.get(qi) is not None and ctx.speakers[qi].label_ == "PERSON":
                return ctx.speakers[qi]
        if start <= pos - _BACK_REACH:
            break
        end = start
    return None


def _resolve_title(ctx: _Context, title: str, pos: int) -> Name | None:
    """"the prime minister" -> the most recent person whose role ends with those words."""
    words = title.lower().split()
    best: tuple[int, int, Name] | None = None
    for e, role_text in ctx.roled():
        if e.start_char >= pos:
            break
        role = role_text.lower().split()
        n = 0
        while n < min(len(words), len(role)) and words[-1 - n] == role[-1 - n]:
            n += 1
        if n and (best is None or (n, e.start_char) >= best[:2]):
            best = (n, e.start_char, e)
    return best[2] if best else None


def _fullest(
    text: str, ents: list[Name], forms: dict[tuple[str, str], list[Name]], speaker: Name | None, before: int
) -> Name | None:
    """The speaker's fullest name form in the article (its ``_.canonical``), as an entity span:
    the nearest mention of that form before the quote, else the first after it.

    ``forms`` ((name as written, label) -> its mentions) is filled on first use: most
    speakers are named in full already."""
    if speaker is None:
        return speaker
    canonical = speaker.canonical
    if not canonical:
        return speaker
    if not forms:
        for e in ents:
            forms.setdefault((text[e.start_char : e.end_char], e.label_), []).append(e)
    spans = forms.get((canonical, speaker.label_))
    if not spans:
        return speaker
    k = bisect.bisect_left([e.start_char for e in spans], before)
    return spans[k - 1] if k else spans[0]


@Language.factory("ct_quotes")
def make_quotes(nlp: Language, name: str) -> QuoteFinder:
    return QuoteFinder()


class QuoteFinder(Batched):
    """Writes ``doc.spans["quotes"]`` and their rows in ``rows(doc)`` (``span._.speaker``)."""

    def __init__(self) -> None:
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        quotes = find_quotes(text)
        found = rows(doc)
        if not quotes:
            doc.spans["quotes"] = []
            found.put("quotes", [])
            return doc
        # (the speakers' fullest forms are among these entities too)
        listed = found.get(ENTS)  # what ct_entities wrote: no Span built per entity
        if listed is not None:
            ents: list[Name] = [Ent(*e) for e in listed if e[2] in SPEAKER_LABELS]
        else:  # a Doc whose entities another pipeline set
            ents = [Ent(e.start_char, e.end_char, e.label_, e._.canonical, e._.role) for e in doc.ents if e.label_ in SPEAKER_LABELS]
        speakers = attribute(text, quotes, ents, sentence_starts(doc))
        forms: dict[tuple[str, str], list[Name]] = {}
        toks = tokens(doc)
        spans: list[Span] = []
        quote_rows: list[tuple] = []
        for q, speaker in zip(quotes, speakers):
            span = span_from_chars(doc, toks, q.start, q.end, LABEL, expand=False) or span_from_chars(
                doc, toks, q.start, q.end, LABEL
            )
            if span is None:
                continue
            fullest = _fullest(text, ents, forms, speaker, q.open)
            if fullest is None:
                quote_rows.append((span.start_char, span.end_char, LABEL, None, None, None))
            else:  # the speaker's name, where its entity is (``span._.speaker`` makes the Span), and
                # where the name the rules attributed the quote by is (linking says whose it is)
                name = fullest.canonical or text[fullest.start_char : fullest.end_char]
                quote_rows.append((span.start_char, span.end_char, LABEL, name, fullest[:3], speaker[:2]))
            spans.append(span)
        doc.spans["quotes"] = spans
        found.put("quotes", quote_rows)
        return doc
