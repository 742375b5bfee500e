"""quote: one speaker, the articles word what they said differently.

Compared: the statements of one linked speaker across articles, where at
least one side is a quote (two paraphrases differing is ordinary
reporting). Two statements are "the same statement" when they share at
least two content words besides place names and generic news words, and the shared words cover
40% of the shorter one (numbers, month and day names and stop words do not
count; demonyms count as their place). Same words, one quote part of the other, or reported speech
keeping every content word of the quote (and its singulars and plurals)
-> corroborated; different words -> a discrepancy: high
for two quotes (a misquote), medium for a quote against reported speech
(a paraphrase that may change the meaning). The versions of one statement
are one finding listing every article's words, outlets with the same words
named together.
"""

from __future__ import annotations

import re
from itertools import combinations

from ..model import Corroboration, Discrepancy
from ..names import fold
from .speech import Statement, statements
from .story import GENERIC, Findings, Matches, Story, content_words, evidence, value_part

KIND = "quote"
MIN_SHARED = 2
MIN_OVERLAP = 0.4


def detect(story: Story) -> Findings:
    by_speaker: dict[str, dict[str, list[Statement]]] = {}
    for a in story.articles:
        for s in statements(story, a.id):
            by_speaker.setdefault(s.speaker, {}).setdefault(a.id, []).append(s)
    for s in _recognised_quotes(story, by_speaker):
        by_speaker[s.speaker].setdefault(s.article, []).append(s)
    found: list[Discrepancy] = []
    agreed: list[Corroboration] = []
    for speaker, per_article in by_speaker.items():
        name = story.entity_name(speaker)
        said = Matches()
        for x, y in combinations(per_article, 2):
            for s1, s2 in _pairs(story, per_article[x], per_article[y]):
                if _same_words(story, s1, s2):
                    said.join(s1, s2)
                else:
                    said.join(s1, s2, conflict=s1.quoted and s2.quoted)
        for versions, misquotes in said.groups(story.order):
            if not misquotes:
                ev = [evidence(story.article_by_id[s.article], s.start, s.end) for s in versions]
                agreed.append(Corroboration(subject=f"what {name} said", evidence=ev))
                continue
            found.append(
                Discrepancy(
                    id="",
                    kind=KIND,
                    subject=f"what {name} said",
                    summary=f"{name} " + " vs ".join(_parts(story, versions)),
                    # Two quotes that differ: a misquote; else a paraphrase that may change the meaning.
                    severity="high" if any(misquotes) else "medium",
                    values={s.article: s.text for s in versions},
                    evidence=[evidence(story.article_by_id[s.article], s.start, s.end) for s in versions],
                )
            )
    return found, agreed


ADOPT_SHARED = 3
ADOPT_OVERLAP = 0.6


def _recognised_quotes(story: Story, by_speaker: dict[str, dict[str, list[Statement]]]) -> list[Statement]:
    """Quotes the finder left without a speaker that are, nearly word for word, what a
    person named in that article is quoted saying in another article: theirs."""
    out = []
    for a in story.articles:
        named = {m.entity for m in story.kind(a.id, "entity") if m.label == "PERSON" and m.entity}
        said_here = {s.start for per in by_speaker.values() for s in per.get(a.id, [])}
        for q in story.kind(a.id, "quote"):
            if q.speaker or q.start in said_here:
                continue
            words = content_words(a.text[q.start:q.end], story.places)
            best = None
            for speaker in named & by_speaker.keys():
                for other, said in by_speaker[speaker].items():
                    for s in said:
                        if other == a.id or not s.quoted:
                            continue
                        theirs = content_words(s.text, story.places)
                        shared = len((words & theirs) - story.places - GENERIC)
                        overlap = len(words & theirs) / (min(len(words), len(theirs)) or 1)
                        if shared >= ADOPT_SHARED and overlap >= ADOPT_OVERLAP and (best is None or overlap > best[0]):
                            best = (overlap, speaker)
            if best:
                out.append(Statement(a.id, best[1], q.start, q.end, a.text[q.start:q.end], True))
    return out


def _words(text: str) -> str:
    return " ".join(fold(text).split())


def _same_words(story: Story, s1: Statement, s2: Statement) -> bool:
    """The same words; or one quote a part of the other ("a driver of conflict" within a
    longer quote); or reported speech that keeps every content word of the quote."""
    w1, w2 = _words(s1.text), _words(s2.text)
    if w1 == w2:
        return True
    if s1.quoted and s2.quoted:
        return _within(s1.text, w2) or _within(s2.text, w1)
    quote, reported = (s1, s2) if s1.quoted else (s2, s1)
    kept = content_words(quote.text, story.places) <= content_words(reported.text, story.places)
    # Stems merge "company" and "companies"; the number of things said is part of the words.
    return kept and not _plural_changed(quote.text, reported.text)


def _within(part: str, whole: str) -> bool:
    """Every piece of a quote cut with an ellipsis ("...", "[…]") is in the other quote's words."""
    pieces = [_words(p) for p in re.split(r"\[?(?:\.\.\.|…)\]?", part)]
    return all(f" {p} " in f" {whole} " for p in pieces if p)


def _plural_changed(a: str, b: str) -> bool:
    """A noun singular in one statement and plural in the other ("a company" / "companies")."""
    wa, wb = set(_words(a).split()), set(_words(b).split())
    return any(w + "s" in wb or (w.endswith("y") and w[:-1] + "ies" in wb) for w in wa if len(w) > 3) or any(
        w + "s" in wa or (w.endswith("y") and w[:-1] + "ies" in wa) for w in wb if len(w) > 3
    )


def _parts(story: Story, versions: list[Statement]) -> list[str]:
    """'quoted "..." (A, B)' per wording, outlets with the same words named together."""
    outlets: dict[tuple[bool, str], list[Statement]] = {}
    for s in versions:
        outlets.setdefault((s.quoted, _words(s.text)), []).append(s)
    return [
        ("quoted " if same[0].quoted else "reported ") + value_part(same[0].text, [story.labels[s.article] for s in same], 60)
        for same in outlets.values()
    ]


def _pairs(story: Story, xs: list[Statement], ys: list[Statement]) -> list[tuple[Statement, Statement]]:
    """Best one-to-one pairs of statements that say the same thing."""
    scored = []
    for i, s1 in enumerate(xs):
        w1 = content_words(s1.text, story.places)
        for j, s2 in enumerate(ys):
            if not (s1.quoted or s2.quoted):
                continue
            w2 = content_words(s2.text, story.places)
            shared = len(w1 & w2)
            smaller = min(len(w1), len(w2)) or 1
            # Place names are the whole story's topic: they cannot make two statements one.
            topical = len((w1 & w2) - story.places - GENERIC)
            if topical >= MIN_SHARED and shared / smaller >= MIN_OVERLAP:
                scored.append((shared / smaller, shared, i, j))
    scored.sort(reverse=True)
    used_x: set[int] = set()
    used_y: set[int] = set()
    out = []
    for _, _, i, j in scored:
        if i in used_x or j in used_y:
            continue
        used_x.add(i)
        used_y.add(j)
        out.append((xs[i], ys[j]))
    return out
