"""claim (agent): outlets credit the same act to different doers.

"The 15 pages of the memos ... were released by Republican congressional officials" in one
article, "The Department of Justice released copies of the memos" in another: the same act
(one family of ``AGENT_ACTS``: released; leaked) on the same thing, done by
someone else. An act's doer is read two ways from the pipeline's word stream and mentions:

- after "by" right after the act ("were released by X"): the words up to the first function
  word, calendar word or clause break; a name must be among them (a mention, or a word
  written as a name), so "sent by email" and "released by Friday" are no doers;
- a name right before the act, past "has", "also", ... ("The Department of Justice released
  copies"), that is no preposition's object ("memos from the Justice Department released on
  Thursday") and is followed by what is acted on.

What it is done to are the content words near the act: before a passive one (its subject),
after an active one (its object). Two acts are the same when they share two of them. Two
doers differ when they share no linked entity and no name word, neither is an abbreviation of
the other, and neither is a person while the other is not (a spokesman acts for his ministry).
Words in quotation marks, hedged ("will be released by") or negated acts are left out.

Each act told with differing doers is one finding, medium severity, listing every outlet's
words (outlets naming the same doer together).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from annotate.model import Discrepancy
from annotate.nlp.language import (
    AGENT_ACT_LEADS, AGENT_ACTS, CALENDAR_WORDS, GENERIC, HEDGE_WORDS, INSTITUTION_NOUNS, NEGATING_WORDS, PREPOSITIONS,
    STOPWORDS, fold, stem,
)
from annotate.compare.detectors.story import Findings, Matches, Story, article_values, evidence, value_part

KIND = "claim"

_FAMILY_OF = {form: i for i, line in enumerate(AGENT_ACTS) for form in line.split()}
_DOER_WORDS = 6  # words after "by" that may name the doer
_OBJECT_WORDS = 8  # content words after an act that may tell what it is done to
_SUBJECT_WORDS = 10  # ... and before a passive one (its subject may stand further back)
_MIN_SHARED = 2  # of them the two acts must share
_NOT_SAID = HEDGE_WORDS | NEGATING_WORDS | {"will", "to"}  # before the act: not said to have happened
_ARTICLES = frozenset({"the", "a", "an"})


@dataclass(frozen=True, slots=True)
class _Act:
    article: str
    start: int  # the words that tell it: the doer and the act
    end: int
    family: int
    verb: str
    entities: frozenset[str]  # the doer's linked entities
    names: frozenset[str]  # the doer's words written as names, folded
    initials: frozenset[str]  # the first letters of those words ("DOJ" / "Department of Justice")
    acronyms: frozenset[str]  # its words in capitals ("DOJ"), lower-cased
    person: bool  # the doer is a person
    acted_on: tuple[str, ...]  # stems of the content words of what it is done to, in order
    written: tuple[str, ...]  # those words as written
    at: tuple[int, ...]  # where each is in the word stream
    passive: bool
    doer: str  # the doer as written


def _content(word: str) -> str | None:
    w = _name(word)
    if not w or not w[0].isalpha() or w in STOPWORDS or w in CALENDAR_WORDS or len(w) < 3:
        return None
    s = stem(w)
    return None if s in GENERIC else s


def _acts(story: Story, article_id: str) -> list[_Act]:
    if not any(w.lower() in _FAMILY_OF for w in story.words(article_id).words):
        return []  # (its distinct words first: most articles tell no such act)
    stream = story.stream(article_id)
    words, starts = stream.words, stream.starts
    quotes = sorted((q.start, q.end) for q in story.kind(article_id, "quote"))
    entities = story.kind(article_id, "entity")
    out = []
    for i, w in enumerate(words):
        family = _FAMILY_OF.get(w.lower())
        if family is None or _quoted(quotes, starts[i]):
            continue
        s0, s1 = story.sentence_at(article_id, starts[i])
        lead = [words[k].lower() for k in range(max(0, i - 3), i) if starts[k] >= s0]
        if any(x in _NOT_SAID for x in lead):
            continue
        if i + 1 < len(words) and words[i + 1].lower() == "by" and starts[i + 1] < s1:
            act = _passive(story, article_id, i, s0, s1, entities)
        else:
            act = _active(story, article_id, i, s0, s1, entities)
        if act is not None:
            out.append(act)
    return out


def _quoted(quotes: list[tuple[int, int]], pos: int) -> bool:
    return any(s <= pos < e for s, e in quotes[: bisect_right(quotes, (pos, float("inf")))])


def _between(story: Story, article_id: str, start: int, end: int) -> bool:
    """A clause breaks between ``start`` and ``end``."""
    breaks = story.stream(article_id).clause_breaks
    k = bisect_left(breaks, start)
    return k < len(breaks) and breaks[k] < end


def _doer(story: Story, article_id: str, start: int, end: int, entities) -> tuple | None:
    """What is known of the doer named at ``start:end``: its entities, name words, initials,
    whether it is a person; None when no name is among its words."""
    inside = [m for m in entities if m.start < end and m.end > start]
    s0, s1 = story.sentence_at(article_id, start)
    titled = _title_case(story, article_id, s0, s1)
    names = [w for at, w in story.words_in(article_id, start, end) if w[:1].isupper() and (at > s0 or inside)
             and w.lower() not in STOPWORDS and w not in CALENDAR_WORDS
             and (not titled or any(m.start <= at < m.end for m in inside))]
    if not names or all(_name(w) in _INSTITUTIONS for w in names):
        return None  # no name, or only which kind of body ("Police", "the Ministry"): not who
    ids = frozenset(m.entity for m in inside if m.entity)
    folded = frozenset(f for w in names if (f := _name(w)))
    acronyms = frozenset(_name(w) for w in names if w.isupper() and 2 <= len(_name(w)) <= 5)
    person = bool(inside) and all(m.label == "PERSON" for m in inside) and not _group_head(story, article_id, start, end)
    return ids, folded, frozenset(f[0] for f in folded), acronyms, person


def _name(word: str) -> str:
    """A name word as compared: folded, without a possessive or dots ("D.O.J.'s" -> "doj")."""
    w = fold(word)
    return (w[:-2] if w.endswith("'s") else w).replace("'", "").replace(".", "")


_INSTITUTIONS = frozenset(INSTITUTION_NOUNS)


def _title_case(story: Story, article_id: str, s0: int, s1: int) -> bool:
    """The sentence is a headline in title case ("Teen Released By Police"): every word of four
    letters or more capitalised, so a capital says nothing of a name."""
    long = [w for _, w in story.words_in(article_id, s0, s1) if len(w) >= 4 and w[:1].isalpha()]
    return len(long) >= 3 and all(w[:1].isupper() for w in long)


_GROUP_HEADS = frozenset(stem(w) for w in "officials official aides lawyers investigators officers staff team".split())


def _group_head(story: Story, article_id: str, start: int, end: int) -> bool:
    """The doer's last word is a group of people ("Trump's lawyers", "Justice officials")."""
    last = story.words_in(article_id, start, end)
    return bool(last) and stem(last[-1][1].lower()) in _GROUP_HEADS


def _passive(story: Story, article_id: str, i: int, s0: int, s1: int, entities) -> _Act | None:
    """"<act> by <doer>": the doer's words after "by", and what is acted on before the act."""
    stream = story.stream(article_id)
    words, starts = stream.words, stream.starts
    k = i + 2
    if k < len(words) and words[k].lower() in _ARTICLES:
        k += 1
    first = k
    while k < len(words) and k - first < _DOER_WORDS and starts[k] < s1:
        low = words[k].lower()
        if k > first and _between(story, article_id, starts[k - 1], starts[k]):
            break
        if low in STOPWORDS and not (low == "of" and k > first) and not (low in _ARTICLES and words[k - 1].lower() == "of"):
            break
        if words[k] in CALENDAR_WORDS or not words[k][:1].isalpha():
            break
        k += 1
    while k > first and words[k - 1].lower() in STOPWORDS:  # "officials of"
        k -= 1
    if k == first:
        return None
    d_start, d_end = starts[first], starts[k - 1] + len(words[k - 1])
    doer = _doer(story, article_id, d_start, d_end, entities)
    if doer is None:
        return None
    k0 = bisect_left(starts, s0)
    acted = [(w, c, k) for k, w in enumerate(words[k0:i], k0) if (c := _content(w))][-_SUBJECT_WORDS:]
    start = starts[max(i - 2, 0)] if starts[max(i - 2, 0)] >= s0 else starts[i]
    return _Act(article_id, start, d_end, _FAMILY_OF[words[i].lower()], words[i].lower(), *doer,
                tuple(c for _, c, _ in acted), tuple(w for w, _, _ in acted), tuple(k for _, _, k in acted), True,
                story.text(article_id)[d_start:d_end])


def _active(story: Story, article_id: str, i: int, s0: int, s1: int, entities) -> _Act | None:
    """"<doer> <act> <what>": a name right before the act (past "has", "also"), the object after."""
    stream = story.stream(article_id)
    words, starts = stream.words, stream.starts
    j = i
    while j > 0 and words[j - 1].lower() in AGENT_ACT_LEADS and i - j < 2:
        j -= 1
    if j == 0 or i + 1 >= len(words) or starts[i + 1] >= s1:
        return None
    nxt = words[i + 1].lower()
    if nxt in STOPWORDS and nxt != "the":
        # "released from prison", "released on Thursday": no object after it; "Schiff released
        # his memo": the doer's own thing, and "Amnesty released a report": one of several, not
        # what another is said to have released
        return None
    end_of_name = starts[j - 1] + len(words[j - 1])
    doers = [m for m in entities if m.end == end_of_name]
    if not doers:
        return None
    m = max(doers, key=lambda m: m.end - m.start)
    if m.start < s0 or _between(story, article_id, m.start, starts[i]):
        return None
    k = bisect_left(starts, m.start) - 1
    while k >= 0 and starts[k] >= s0 and words[k].lower() in _ARTICLES:
        k -= 1
    if k >= 0 and starts[k] >= s0 and words[k].lower() in PREPOSITIONS and not _between(story, article_id, starts[k], m.start):
        return None  # "memos from the Justice Department released on Thursday"
    doer = _doer(story, article_id, m.start, m.end, entities)
    if doer is None:
        return None
    k1 = bisect_left(starts, s1)
    acted = [(w, c, k) for k, w in enumerate(words[i + 1:k1], i + 1) if (c := _content(w))][:_OBJECT_WORDS]
    last = min(len(words) - 1, i + 1 + _OBJECT_WORDS)
    while last > i + 1 and starts[last] >= s1:
        last -= 1
    start = m.start
    k = bisect_left(starts, m.start) - 1
    if k >= 0 and starts[k] >= s0 and words[k].lower() in _ARTICLES:
        start = starts[k]
    return _Act(article_id, start, starts[last] + len(words[last]), _FAMILY_OF[words[i].lower()], words[i].lower(),
                *doer, tuple(c for _, c, _ in acted), tuple(w for w, _, _ in acted), tuple(k for _, _, k in acted), False,
                story.text(article_id)[start:m.end])


def _same_act(a: _Act, b: _Act) -> str:
    """What the two acts are done to, when they share two or more of its words (the same act):
    the run of shared words nearest an act, as written ("Comey memos"); "" when they share
    fewer or are not of one family."""
    if a.family != b.family:
        return ""
    own = {stem(n) for n in a.names | b.names}
    shared = (set(a.acted_on) & set(b.acted_on)) - own - {stem(a.verb), stem(b.verb)}
    if len(shared) < _MIN_SHARED:
        return ""
    x = b if a.passive and not b.passive else a  # an object after the act names it best
    run = [(k, w) for k, w, c in zip(x.at, x.written, x.acted_on) if c in shared]
    if x.passive:
        run.reverse()
    kept = run[:1]
    for k, w in run[1:]:
        if abs(k - kept[-1][0]) > 2:
            break
        kept.append((k, w))
    return " ".join(w for _, w in sorted(kept))


def _differ(a: _Act, b: _Act) -> bool:
    """The two doers are not one: no shared entity or name word, neither the other's initials,
    and not a person against a body (who may speak for it)."""
    if a.entities & b.entities or a.names & b.names:
        return False
    if a.person != b.person:
        return False
    for x, y in ((a, b), (b, a)):
        if any(set(n) - _LINKING_LETTERS == y.initials - _LINKING_LETTERS for n in x.acronyms):
            return False  # "DOJ" / "Justice Department"
    return True


_LINKING_LETTERS = frozenset("oft")  # of, for, the: letters an abbreviation may or may not keep


def detect(story: Story) -> Findings:
    acts = {a.id: _acts(story, a.id) for a in story.articles}
    said = Matches()
    subjects: dict[tuple, str] = {}
    ids = [a.id for a in story.articles]
    for x, aid in enumerate(ids):
        for bid in ids[x + 1:]:
            for p in acts[aid]:
                for q in acts[bid]:
                    shared = _same_act(p, q)
                    if not shared:
                        continue
                    if _differ(p, q):
                        said.join(p, q, conflict=True)
                        subjects.setdefault((p.article, p.start, p.end), f"who {p.verb} the {shared}")
                    elif p.entities & q.entities or p.names & q.names:
                        said.join(p, q)
    found: list[Discrepancy] = []
    for versions, conflicts in said.groups(story.order):
        if not conflicts:
            continue
        first = versions[0]
        subject = next((subjects[k] for v in versions if (k := (v.article, v.start, v.end)) in subjects), f"who {first.verb} it")
        text = {v.article: story.text(v.article)[v.start:v.end] for v in versions}
        # Each doer once, with the outlets that name it: "Labour officials (A) vs the agency (B, C)".
        doers: list[tuple[_Act, list[str]]] = []
        for v in versions:
            same = next((d for d in doers if not _differ(d[0], v) and (d[0].entities & v.entities or d[0].names & v.names)), None)
            if same:
                same[1].append(story.labels[v.article])
            else:
                doers.append((v, [story.labels[v.article]]))
        found.append(
            Discrepancy(
                id="",
                kind=KIND,
                subject=subject,
                summary=f"{subject[:1].upper()}{subject[1:]}: " + " vs ".join(value_part(d.doer, outlets, 60) for d, outlets in doers),
                severity="medium",
                values=article_values(text),
                evidence=[evidence(story.article_by_id[v.article], v.start, v.end) for v in versions],
            )
        )
    return found, []
