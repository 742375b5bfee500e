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
clauses are looked for among the other article's words and clauses in the pipeline's word
stream (``Story.words_in``, ``Story.clause``).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from annotate.model import Discrepancy
from annotate.nlp.language import ALLEGATION_WORDS, CLAUSE_NEGATIONS, GENERIC, GROUP_NOUNS, stem
from annotate.nlp.negation import INVOLVEMENT_STEMS, deniable
from annotate.compare.detectors.story import (
    Findings, Matches, Story, affirmed_vs_denied, article_values, content_of_words, content_words, evidence, words_only,
)

KIND = "claim"

# Predicate families: words that affirm or deny the same thing, as stems.
_FAMILIES: tuple[frozenset[str], ...] = INVOLVEMENT_STEMS
_NEGATIONS = frozenset(CLAUSE_NEGATIONS)
_WINDOW = 60  # characters around a mention within which its predicate is looked for
_AFTER = 40  # characters after a name within which "it does" is looked for (three words)


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


def _subject_spans(story: Story, article_id: str, subject: str) -> list[tuple[int, int]]:
    """Where an article names the subject: the entity's mentions, or the noun phrase: its two
    words one after the other in a clause, maybe joined to more ("regional airport's")."""
    if not subject.startswith("~"):
        return [(m.start, m.end) for m in story.kind(article_id, "entity") if m.entity == subject]
    first, last = subject[1:].split()  # (``Denial.phrase``: two words)
    stream = story.stream(article_id)
    words, starts = stream.words, stream.starts
    return [
        (starts[i] + len(words[i]) - len(first), starts[i + 1] + len(last))
        for i in range(len(words) - 1)
        if _ends_with(words[i], first) and _starts_with(words[i + 1], last)
        and not _ends_a_clause(story, article_id, starts[i], starts[i + 1])
    ]


_JOINS = "-'’"  # what joins two words into one word of the stream ("airport's", "non-regional")


def _starts_with(word: str, part: str) -> bool:
    """``word`` is ``part``, or ``part`` joined to more ("campaign's" for "campaign")."""
    return word == part or (word.startswith(part) and word[len(part)] in _JOINS)


def _ends_with(word: str, part: str) -> bool:
    return word == part or (word.endswith(part) and word[-len(part) - 1] in _JOINS)


# A name used to qualify a group ("the Trump campaign", "the Kremlin's allies") names the group.
_GROUP_NOUNS = frozenset(GROUP_NOUNS)


def _names_a_group(story: Story, article_id: str, end: int) -> bool:
    """The name ending at ``end`` qualifies a group noun written right after it, past a
    possessive at most."""
    stream = story.stream(article_id)
    words, starts = stream.words, stream.starts
    k = bisect_left(starts, end)
    if k > 0 and starts[k - 1] + len(words[k - 1]) > end and words[k - 1][end - starts[k - 1] :] not in ("'s", "’s"):
        return False  # the name is part of a longer word ("Kremlin-backed")
    if k >= len(words) or _ends_a_clause(story, article_id, end, starts[k]):
        return False
    return any(_starts_with(words[k], noun) for noun in _GROUP_NOUNS)


def _ends_a_clause(story: Story, article_id: str, start: int, end: int) -> bool:
    """A clause (or sentence) ends between ``start`` and ``end``."""
    breaks = story.stream(article_id).clause_breaks
    k = bisect_left(breaks, start)
    return k < len(breaks) and breaks[k] < end


def _negative(words: list[str]) -> bool:
    """Words that make a clause a negative one ("not", "never", "no", "without", "didn't")."""
    return any(w.lower() in _NEGATIONS or w.lower().endswith(("n't", "n’t")) for w in words)


def _affirmation(story: Story, article_id: str, subject: str, family: frozenset[str]) -> tuple[int, int] | None:
    """The closest clause in the article that affirms a predicate of ``family`` about ``subject``."""
    best = None
    for m_start, m_end in _subject_spans(story, article_id, subject):
        if _names_a_group(story, article_id, m_end):
            continue  # "the Trump campaign": said of the campaign, not of Trump
        s_start, s_end = story.sentence_at(article_id, m_start)
        lo, hi = max(s_start, m_start - _WINDOW), min(s_end, m_end + _WINDOW)
        for w_start, w in story.words_in(article_id, lo, hi):
            if w[:1].isdecimal() or stem(w) not in family:
                continue
            c_start, c_end = story.clause(article_id, min(m_start, w_start), max(m_end, w_start + len(w)))
            if _negative([w for _, w in story.words_in(article_id, c_start, c_end)]):
                continue
            if _alleged(story, article_id, c_start, min(m_start, w_start), max(m_end, w_start)):
                continue  # "the investigation into the Kremlin's meddling": said to be looked into, not done
            distance = abs(w_start - m_start)
            if best is None or distance < best[0]:
                best = (distance, c_start, c_end)
    return (best[1], best[2]) if best else None


_ALLEGED = frozenset(ALLEGATION_WORDS)
_ALLEGED_BEFORE = 4  # words before the subject or the predicate, in its clause, that may frame it


def _alleged(story: Story, article_id: str, clause_start: int, start: int, end: int) -> bool:
    """An allegation or an inquiry frames the words ``start:end`` (the subject and its predicate):
    a word of ``ALLEGATION_WORDS`` among them or among the few before them in their clause
    ("allegations that the Kremlin meddled", "the probe into the Kremlin's meddling")."""
    before = story.words_in(article_id, clause_start, start)[-_ALLEGED_BEFORE:]
    return any(w.lower() in _ALLEGED for _, w in before + story.words_in(article_id, start, end))


def _same_object(story: Story, b_id: str, aff: tuple[int, int], d: _Denial) -> bool:
    """The two clauses share a content word besides the subject and the predicate
    ("has not conceded defeat" / "conceded defeat")."""
    subject = content_words(d.name, story.places)
    words_a = content_of_words(d.words, story.places)
    words_b = content_of_words(words_only(w for _, w in story.words_in(b_id, aff[0], aff[1])), story.places)
    return bool((words_a & words_b) - subject - d.family - GENERIC - story.places)


def _says_it_does(story: Story, b_id: str, aff: tuple[int, int], d: _Denial) -> bool:
    """The subject does it, in so many words: the predicate within three words after its
    name ("Norvale is planning further reductions")."""
    for start, end in _subject_spans(story, b_id, d.subject):
        if aff[0] <= start < aff[1] and any(stem(w) in d.family for w in _words_after(story, b_id, end)[:3]):
            return True
    return False


def _words_after(story: Story, article_id: str, end: int) -> list[str]:
    """The words after a name that ends at ``end``, the rest of a word it is part of counting as
    one ("Israel's actions by": "s", "actions", "by")."""
    stream = story.stream(article_id)
    k = bisect_left(stream.starts, end)
    rest = ""
    if k > 0 and stream.starts[k - 1] + len(stream.words[k - 1]) > end:
        rest = stream.words[k - 1][end - stream.starts[k - 1] :].lstrip(_JOINS)
    return ([rest] if rest else []) + words_only(w for _, w in story.words_in(article_id, end, end + _AFTER))


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
