"""claim: one article denies what another affirms about the same entity.

A negated statement about an entity ("the ministry was not involved",
"X denied sending troops") in one article, and in another article an
affirmative clause about the same entity whose predicate is the same word
or in the same family (involved ~ assistance ~ support; killed ~ died; ...).
Up to two lower-case words may sit between the entity and the negation
("the Red Sea crisis had not affected", "the Pentagon itself was not").
Conservative by design: without a shared predicate family nothing is
flagged, however negative the sentence. The denials and affirmations of one
subject are one finding listing each outlet's words.

The denials are the pipeline's (``Analysis.denials``, ``ct_negation``); the affirming
clauses are still looked for in the other article's words here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from annotate.model import Discrepancy
from annotate.nlp.language import CLAUSE_NEGATIONS, GROUP_NOUNS
from annotate.nlp.negation import CLAUSE_BREAK, INVOLVEMENT_STEMS, deniable
from annotate.compare.detectors.story import GENERIC, Findings, Matches, Story, affirmed_vs_denied, article_values, content_of_words, content_words, evidence, stem

KIND = "claim"

# Predicate families: words that affirm or deny the same thing, as stems.
_FAMILIES: tuple[frozenset[str], ...] = INVOLVEMENT_STEMS
_NEGATION_WORDS = re.compile(rf"\b(?:{'|'.join(CLAUSE_NEGATIONS)}|n['’]t)\b|n['’]t\b", re.IGNORECASE)
_WINDOW = 60  # characters around a mention within which its predicate is looked for


@dataclass(frozen=True, slots=True)
class _Denial:
    subject: str  # an entity id, or "~" + a noun phrase ("~regional airport")
    name: str  # how a summary names the subject
    family: frozenset[str]
    start: int  # the denial's clause
    end: int
    words: tuple[str, ...]  # the clause's words


# Denying involvement denies every kind of it: paying, selling, agreeing, meeting.
_ANY_INVOLVEMENT = frozenset().union(*(_FAMILIES[i] for i in (0, 6, 7, 8, 9)))


def _family(s: str) -> frozenset[str] | None:
    """The predicates that affirm what a word of stem ``s`` denies: its family, or the stem itself."""
    for i, fam in enumerate(_FAMILIES):
        if s in fam:
            return _ANY_INVOLVEMENT if i == 0 else fam
    return frozenset({s}) if deniable(s) else None


def _denials(story: Story, article_id: str) -> list[_Denial]:
    """The pipeline's denials (``Analysis.denials``) of the article, each about a linked entity
    whose mention ends where the denial's subject does, or about an unnamed thing."""
    by_end: dict[int, list] = {}
    phrases = []
    for d in story.denials(article_id):
        if _family(d.predicate) is None:
            continue
        if d.phrase:
            phrases.append(d)
        else:
            for end in d.subject_ends:
                by_end.setdefault(end, []).append(d)
    out = []
    for m in story.kind(article_id, "entity"):
        if m.entity and m.end in by_end:
            for d in by_end[m.end]:
                out.append(_said(d, m.entity, story.entity_name(m.entity), m.start))
    for d in phrases:
        out.append(_said(d, "~" + d.phrase, "the " + d.phrase, None))
    return out


def _said(d, subject: str, name: str, start: int | None) -> _Denial:
    """The denial ``d`` of ``subject``, its clause from the last clause start before the
    subject's name (``start``; an unnamed subject's clause start is known already)."""
    left = d.clause_starts[-1] if start is None else max((c for c in d.clause_starts if c <= start), default=d.clause_starts[0])
    words = tuple(w for at, w in d.words if at >= left)
    return _Denial(subject, name, _family(d.predicate), left, d.clause_end, words)


def _clause(text: str, s_start: int, s_end: int, start: int, end: int) -> tuple[int, int]:
    """The clause around [start, end): cut at commas, dashes and brackets within the sentence."""
    left = s_start
    for b in CLAUSE_BREAK.finditer(text, s_start, start):
        left = b.end()
    right = s_end
    b = CLAUSE_BREAK.search(text, end, s_end)
    if b:
        right = b.start()
    while left < right and text[left].isspace():
        left += 1
    while right > left and text[right - 1] in " .!?\n":
        right -= 1
    return left, right


def _subject_spans(story: Story, article_id: str, subject: str) -> list[tuple[int, int]]:
    """Where an article names the subject: the entity's mentions, or the noun phrase."""
    if subject.startswith("~"):
        pattern = r"\b" + r"\s+".join(re.escape(w) for w in subject[1:].split()) + r"\b"
        return [(p.start(), p.end()) for p in re.finditer(pattern, story.text(article_id))]
    return [(m.start, m.end) for m in story.kind(article_id, "entity") if m.entity == subject]


# A name used to qualify a group ("the Trump campaign", "the Kremlin's allies") names the group.
_MODIFIER_OF = re.compile(rf"(?:['’]s)?\s+(?:{'|'.join(GROUP_NOUNS)})\b")


def _affirmation(story: Story, article_id: str, subject: str, family: frozenset[str]) -> tuple[int, int] | None:
    """The closest clause in the article that affirms a predicate of ``family`` about ``subject``."""
    text = story.text(article_id)
    best = None
    for m_start, m_end in _subject_spans(story, article_id, subject):
        if _MODIFIER_OF.match(text, m_end):
            continue  # "the Trump campaign": said of the campaign, not of Trump
        s_start, s_end = story.sentence_at(article_id, m_start)
        lo, hi = max(s_start, m_start - _WINDOW), min(s_end, m_end + _WINDOW)
        for w in re.finditer(r"[^\W\d_][\w-]*", text[lo:hi]):
            if stem(w.group()) not in family:
                continue
            w_start, w_end = lo + w.start(), lo + w.end()
            c_start, c_end = _clause(text, s_start, s_end, min(m_start, w_start), max(m_end, w_end))
            if _NEGATION_WORDS.search(text[c_start:c_end]):
                continue
            distance = abs(w_start - m_start)
            if best is None or distance < best[0]:
                best = (distance, c_start, c_end)
    return (best[1], best[2]) if best else None


def _same_object(story: Story, b_id: str, aff: tuple[int, int], d: _Denial) -> bool:
    """The two clauses share a content word besides the subject and the predicate
    ("has not conceded defeat" / "conceded defeat")."""
    subject = content_words(d.name, story.places)
    words_a = content_of_words(d.words, story.places)
    words_b = content_words(story.text(b_id)[aff[0]:aff[1]], story.places)
    return bool((words_a & words_b) - subject - d.family - GENERIC - story.places)


def _says_it_does(story: Story, b_id: str, aff: tuple[int, int], d: _Denial) -> bool:
    """The subject does it, in so many words: the predicate within three words after its
    name ("Norvale is planning further reductions")."""
    text = story.text(b_id)
    for start, end in _subject_spans(story, b_id, d.subject):
        if not (aff[0] <= start < aff[1]):
            continue
        after = re.findall(r"[^\W\d_][\w-]*", text[end:end + 40])[:3]
        if any(stem(w) in d.family for w in after):
            return True
    return False


@dataclass(frozen=True, slots=True)
class _Said:
    """One article's words on a subject: a denial or an affirmation of it."""

    article: str
    start: int
    end: int
    denies: bool


def detect(story: Story) -> Findings:
    # Per subject, every denial joined with every affirmation of it in another article: one
    # finding per subject and predicate, listing each outlet, not one per pair of outlets.
    claims: dict[tuple[str, frozenset[str]], tuple[str, Matches]] = {}
    for a in story.articles:
        for d in _denials(story, a.id):
            denial = _Said(a.id, d.start, d.end, True)
            for b in story.articles:
                if b.id == a.id:
                    continue
                aff = _affirmation(story, b.id, d.subject, d.family)
                if aff is None:
                    continue
                if len(d.family) == 1 and not d.subject.startswith("~") and not (
                    _same_object(story, b.id, aff, d) or _says_it_does(story, b.id, aff, d)
                ):
                    continue  # a predicate of its own ("spoken", "part") needs what it is said of
                _, said = claims.setdefault((d.subject, d.family), (d.name, Matches()))
                said.join(denial, _Said(b.id, aff[0], aff[1], False), conflict=True)
    found: list[Discrepancy] = []
    for name, said in claims.values():
        for versions, _ in said.groups(story.order):
            text = {v.article: story.text(v.article)[v.start:v.end] for v in versions}
            found.append(
                Discrepancy(
                    id="",
                    kind=KIND,
                    subject=name,
                    summary=f"{name}: " + affirmed_vs_denied(text, {v.article: v.denies for v in versions}, story.labels),
                    severity="high",
                    values=article_values(text),
                    evidence=[evidence(story.article_by_id[v.article], v.start, v.end) for v in versions],
                )
            )
    return found, []
