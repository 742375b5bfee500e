"""quote: the articles print one statement in different words, or give it to different people.

Versions of one statement are found by their words, whoever the engine thinks said
them (attribution is the weakest step of the pipeline): two quotes of different
articles are versions of one statement when a region of each, made of runs of the
same words in the same order with small gaps, holds four or more shared words, two
of them content words, and the shared words are at least 60% of that region.
Inside the region:

- the same words: corroboration (a partial quote, shorter than the other, counts
  as corroboration, and so do words an ellipsis leaves out);
- different words: a discrepancy with a word-level diff; high when a content word
  changes ("bigger problems" / "big problems"), medium when only function words do
  ("just out and show" / "just out show").

The same words given to two different people (each named beside the quote in its
own sentence, no word of their names shared) are a discrepancy too.

A quote against reported speech of the same speaker in another article is the
older, stricter comparison (a paraphrase that drops or changes words the quote has):
medium.

Quotes of fewer than three words (scare quotes: "collusion") are not statements.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

from annotate.compare.align import candidate_pairs, changes, local_alignment, word_diff, word_spans
from annotate.model import Corroboration, Discrepancy, Mention, Statement
from annotate.nlp.language import GENERIC, STOPWORDS, content_stem, fold
from annotate.compare.detectors.story import Findings, Matches, Story, article_values, content_words, evidence, short, value_part

KIND = "quote"
MIN_WORDS = 3  # a quote of fewer words is a scare quote, not a statement
MIN_MATCHED = 4
MIN_MATCHED_ONE_SPEAKER = 3  # words of one linked speaker: "the bridge will reopen" / "the bridge may never reopen"
MIN_CONTENT = 2
MIN_DENSITY = 0.6
VERBATIM_WORDS = 10
MIN_WORDS_ATTRIBUTED = 6
VERBATIM_DENSITY = 0.9
MIN_COVER_AGREE = 0.8
MIN_COVER_CONFLICT = 0.5
MIN_MATCHED_WORDING = 15  # shared words before a change of function words alone is a finding
_QUOTE_POSTINGS = 60  # quotes are few: a word shared by this many is still worth a look


@dataclass(slots=True)
class _Quote:
    """A quote mention and its words with their offsets in the article."""

    mention: Mention
    words: list[str]
    offsets: list[tuple[int, int]]  # article offsets of each word

    @property
    def article(self) -> str:
        return self.mention.article


@dataclass(frozen=True, slots=True)
class _Region:
    """The part of a quote aligned with a version in another article (what is compared)."""

    article: str
    start: int
    end: int
    quote: int  # index of the quote in the detector's list


def detect(story: Story) -> Findings:
    quotes = _quotes(story)
    found, agreed = _versions(story, quotes)
    paraphrased, told = _paraphrases(story)
    return found + paraphrased, agreed + told


def _quotes(story: Story) -> list[_Quote]:
    """Each sentence of each quote of three words or more: a quote of several sentences
    is several statements, compared one by one."""
    out = []
    for a in story.articles:
        for m in story.kind(a.id, "quote"):
            cuts = [m.start, *story.sentence_starts_within(a.id, m.start, m.end), m.end]
            for s0, s1 in zip(cuts, cuts[1:]):
                # (the quote's own words, ``m.text``, cut where its sentences start)
                spans = [(w, s0 + s, s0 + e) for w, s, e in word_spans(m.text[s0 - m.start : s1 - m.start])]
                if sum(w != "…" for w, _, _ in spans) < MIN_WORDS:
                    continue
                out.append(_Quote(m, [w for w, _, _ in spans], [(s, e) for _, s, e in spans]))
    return out


def _content(story: Story, words) -> int:
    """Content words among ``words``: not stop words, place names or generic news words."""
    return sum(1 for w in words if w not in STOPWORDS and len(w) > 2 and w not in _place_words(story) and w not in GENERIC)


def _place_words(story: Story) -> frozenset[str]:
    if "place_words" not in story.memo:
        story.memo["place_words"] = frozenset(w for p in story.places for w in p.split())
    return story.memo["place_words"]


def _versions(story: Story, quotes: list[_Quote]) -> Findings:
    units = [(q.article, " ".join(q.words), content_words(" ".join(q.words))) for q in quotes]
    said = Matches()
    aligned = []
    for i, j in sorted(candidate_pairs(units, min_shared=2, min_postings=_QUOTE_POSTINGS)):
        qa, qb = quotes[i], quotes[j]
        al = local_alignment(qa.words, qb.words)
        if al is not None and not _may_be_one_speaker(story, qa.mention, qb.mention) and not _verbatim(al):
            continue
        same_speaker = bool(qa.mention.speaker) and qa.mention.speaker == qb.mention.speaker
        if al is None or al.matched < (MIN_MATCHED_ONE_SPEAKER if same_speaker else MIN_MATCHED):
            continue
        if al.density < MIN_DENSITY or not _enough(story, qa, qb, al):
            continue
        diff = changes(qa.words, qb.words, al)
        if diff and all(c.wording_only for c in diff) and al.matched < MIN_MATCHED_WORDING:
            diff = []  # "and" more or less in a short fragment: the cut, not the words, differs
        if diff and al.a1 - al.a0 == al.b1 - al.b0 == al.matched and (al.matched < 5 or _content(story, al.shared) < 2):
            diff = []  # only the last words differ after a short common start: two statements, not one
        # A partial quote lies inside the other; a misquote spans half of the shorter at least.
        if al.coverage(len(qa.words), len(qb.words)) < (MIN_COVER_CONFLICT if diff else MIN_COVER_AGREE):
            continue
        aligned.append((al.matched, i, j, al, diff))
    # One to one between two articles, best first: a sentence told word for word in the
    # other article is not also a misquote of the next sentence there.
    aligned.sort(key=lambda x: -x[0])
    taken: dict[tuple[int, str], list[tuple[int, int]]] = {}  # words of a quote already aligned with an article
    for _, i, j, al, diff in aligned:
        qa, qb = quotes[i], quotes[j]
        used_a, used_b = taken.setdefault((i, qb.article), []), taken.setdefault((j, qa.article), [])
        if any(s < al.a1 and al.a0 < e for s, e in used_a) or any(s < al.b1 and al.b0 < e for s, e in used_b):
            continue
        used_a.append((al.a0, al.a1))
        used_b.append((al.b0, al.b1))
        conflict = None
        if diff:
            severity = "medium" if all(c.wording_only for c in diff) else "high"
            conflict = (severity, qa.article, qb.article, word_diff(qa.words, qb.words, al, limit=2))
        said.join(_node(qa, i), _node(qb, j), conflict)
    found: list[Discrepancy] = []
    agreed: list[Corroboration] = []
    for nodes, conflicts in said.groups(story.order):
        regions = _members(said, nodes[0])
        regions.sort(key=lambda r: (story.order[r.article], r.start))
        speaker = _speaker(story, [quotes[r.quote].mention for r in regions])
        subject = f"what {speaker} said" if speaker else "a quoted statement"
        ev = [evidence(story.article_by_id[r.article], r.start, r.end) for r in regions]
        # Who said a few common words ("for the foreseeable future") is no finding; who said a sentence is.
        long_enough = [quotes[r.quote].mention for r in regions if len(quotes[r.quote].words) >= MIN_WORDS_ATTRIBUTED]
        misattributed = _different_speakers(story, long_enough)
        if misattributed:
            found.append(misattributed)
        if not conflicts:
            agreed.append(Corroboration(subject=subject, evidence=ev))
            continue
        severity = "high" if any(c[0] == "high" for c in conflicts) else "medium"
        diffs = _diffs(story, conflicts)
        texts: dict[str, str] = {}
        for r in regions:
            part = story.text(r.article)[r.start:r.end]
            texts[r.article] = f"{texts[r.article]} … {part}" if r.article in texts else part
        found.append(
            Discrepancy(
                id="",
                kind=KIND,
                subject=subject,
                summary=f"{(speaker or 'A quote')} worded differently: "
                + " vs ".join(_parts(story, texts))
                + (f" — {'; '.join(dict.fromkeys(diffs))}" if diffs else ""),
                severity=severity,
                values=article_values(texts),
                evidence=ev,
            )
        )
    return found, agreed


def _verbatim(al) -> bool:
    """Long and nearly word for word: one statement, whoever each article gives it to."""
    return al.matched >= VERBATIM_WORDS and al.density >= VERBATIM_DENSITY


def _may_be_one_speaker(story: Story, a: Mention, b: Mention) -> bool:
    """Quotes the engine gives to one person, or to people sharing a name ("Trump"), or
    to nobody; a quote without a speaker may be the words of a person its article names.
    Two different people saying much the same is checked apart (``_different_speakers``)."""
    if a.speaker == b.speaker:
        return True
    if a.speaker and b.speaker:
        people = all(getattr(story.entity_by_id.get(s), "label", None) == "PERSON" for s in (a.speaker, b.speaker))
        # An agency or a paper passing on a person's words is not another speaker.
        return not people or bool(
            set(fold(story.entity_name(a.speaker)).split()) & set(fold(story.entity_name(b.speaker)).split())
        )
    known, unknown = (a, b) if a.speaker else (b, a)
    return any(m.entity == known.speaker for m in story.kind(unknown.article, "entity"))


def _enough(story: Story, qa: _Quote, qb: _Quote, al) -> bool:
    """Enough shared content to be one statement: two content words, or for short quotes
    of one speaker ("I will be a president for everyone" / "I will be everyone's
    president") one, when the shared words cover most of the shorter quote."""
    content = _content(story, al.shared)
    if content >= MIN_CONTENT:
        return True
    same_speaker = qa.mention.speaker and qa.mention.speaker == qb.mention.speaker
    return bool(same_speaker) and content >= 1 and al.matched >= 0.6 * min(len(qa.words), len(qb.words))


_SHOWN_DIFFS = 2  # pairs of versions whose word diff the summary shows


def _diffs(story: Story, conflicts: list) -> list[str]:
    """The word diffs a reader needs: each differing version against the first one, at
    most two, not every pair of outlets."""
    shown, seen = [], set()
    for _, a, b, d in sorted(conflicts, key=lambda c: (story.order[c[1]], story.order[c[2]])):
        if not d or b in seen or len(shown) == _SHOWN_DIFFS:
            continue
        seen.add(b)
        shown.append(f"{story.labels[a]} / {story.labels[b]}: {d}")
    return shown


def _members(said: Matches, node: _Region) -> list[_Region]:
    """Every quoted sentence of the group ``node`` is in, several per article if so."""
    root = said._find(node)
    return [t for t in said.thing.values() if said._find(t) == root]


def _node(q: _Quote, index: int) -> _Region:
    """A quoted sentence as one thing to match, whatever part of it was aligned."""
    return _Region(q.article, q.offsets[0][0], q.offsets[-1][1], index)


def _parts(story: Story, texts: dict[str, str]) -> list[str]:
    outlets: dict[str, list[str]] = {}
    shown: dict[str, str] = {}
    for aid, text in texts.items():
        key = " ".join(fold(text).split())
        outlets.setdefault(key, []).append(story.labels[aid])
        shown.setdefault(key, text)
    return [value_part(shown[k], names, 60) for k, names in outlets.items()]


def _speaker(story: Story, mentions: list[Mention]) -> str | None:
    names = [story.entity_name(m.speaker) for m in mentions if m.speaker]
    # The most frequent; on a tie the first in story order (not a set's order, which changes
    # from one process to the next and would change the finding's id with its subject).
    return max(names, key=names.count) if names else None


def _named_beside(story: Story, m: Mention) -> set[str]:
    """Entity ids of the people named in the quote's sentence, outside the quote."""
    s, e = story.sentence_at(m.article, m.start)
    return {
        p.entity
        for p in story.mentions_in(m.article, s, e, "entity")
        if p.label == "PERSON" and p.entity and not (m.start <= p.start < m.end)
    }


def _different_speakers(story: Story, mentions: list[Mention]) -> Discrepancy | None:
    """The same words given to two different people, each the only person named beside it."""
    sure: dict[str, Mention] = {}
    for m in mentions:
        if m.speaker and _named_beside(story, m) == {m.speaker}:
            sure[m.article] = m
    for x, y in combinations(sure.values(), 2):
        nx, ny = story.entity_name(x.speaker), story.entity_name(y.speaker)
        if x.speaker == y.speaker or set(fold(nx).split()) & set(fold(ny).split()):
            continue
        text = short(story.text(x.article)[x.start:x.end], 60)
        return Discrepancy(
            id="",
            kind=KIND,
            subject=f'who said "{text}"',
            summary=f'"{text}" is attributed to {nx} ({story.labels[x.article]}) and to {ny} ({story.labels[y.article]})',
            severity="high",
            values=article_values({x.article: nx, y.article: ny}),
            evidence=[evidence(story.article_by_id[m.article], m.start, m.end) for m in (x, y)],
        )
    return None


# --- a quote against reported speech of the same speaker ------------------------------------

MIN_SHARED = 2
MIN_OVERLAP = 0.5
MIN_QUOTE_CONTENT = 3  # content words a quote needs before a paraphrase of it is compared


def _paraphrases(story: Story) -> Findings:
    by_speaker: dict[str, dict[str, list[Statement]]] = {}
    told: set[tuple[str, str, str]] = set()  # a statement repeated in an article is compared once
    for a in story.articles:
        for s in story.statements(a.id):
            if (a.id, s.speaker, s.text) not in told:
                told.add((a.id, s.speaker, s.text))
                by_speaker.setdefault(s.speaker, {}).setdefault(a.id, []).append(s)
    found: list[Discrepancy] = []
    agreed: list[Corroboration] = []
    for speaker, per_article in by_speaker.items():
        name = story.entity_name(speaker)
        said = Matches()
        for x, y in combinations(per_article, 2):
            for s1, s2 in _pairs(story, per_article[x], per_article[y]):
                said.join(s1, s2, conflict=None if _same_words(story, s1, s2) else True)
        for versions, conflicts in said.groups(story.order):
            if not conflicts:
                agreed.append(Corroboration(
                    subject=f"what {name} said",
                    evidence=[evidence(story.article_by_id[s.article], s.start, s.end) for s in versions],
                ))
                continue
            found.append(
                Discrepancy(
                    id="",
                    kind=KIND,
                    subject=f"what {name} said",
                    summary=f"{name} " + " vs ".join(_statement_parts(story, versions)),
                    severity="medium",
                    values=article_values({s.article: s.text for s in versions}),
                    evidence=[evidence(story.article_by_id[s.article], s.start, s.end) for s in versions],
                )
            )
    return found, agreed


def _topic_words(story: Story) -> frozenset[str]:
    """Words nearly every article of a story of three or more uses: its topic, which
    cannot make two statements one (read once per story, when first needed)."""
    if "topic_words" not in story.memo:
        story.memo["topic_words"] = _count_topic_words(story)
    return story.memo["topic_words"]


def _count_topic_words(story: Story) -> frozenset[str]:
    n = len(story.articles)
    if n < 3:
        return frozenset()
    counts: dict[str, int] = {}
    for a in story.articles:
        for w in {stem for stem in map(content_stem, story.words(a.id).words) if stem}:
            counts[w] = counts.get(w, 0) + 1
    return frozenset(w for w, c in counts.items() if c >= 0.8 * n)


def _same_words(story: Story, s1: Statement, s2: Statement) -> bool:
    """Reported speech that keeps every content word of the quote (and its number)."""
    quote, reported = (s1, s2) if s1.quoted else (s2, s1)
    kept = content_words(quote.text, story.places) <= content_words(reported.text, story.places)
    return kept and not _plural_changed(quote.text, reported.text)


def _plural_changed(a: str, b: str) -> bool:
    """A noun singular in one statement and plural in the other ("a company" / "companies")."""
    wa, wb = set(fold(a).split()), set(fold(b).split())
    return any(w + "s" in wb or (w.endswith("y") and w[:-1] + "ies" in wb) for w in wa if len(w) > 3) or any(
        w + "s" in wa or (w.endswith("y") and w[:-1] + "ies" in wa) for w in wb if len(w) > 3
    )


def _statement_parts(story: Story, versions: list[Statement]) -> list[str]:
    outlets: dict[tuple[bool, str], list[Statement]] = {}
    for s in versions:
        outlets.setdefault((s.quoted, " ".join(fold(s.text).split())), []).append(s)
    return [
        ("quoted " if same[0].quoted else "reported ") + value_part(same[0].text, [story.labels[s.article] for s in same], 60)
        for same in outlets.values()
    ]


def _pairs(story: Story, xs: list[Statement], ys: list[Statement]) -> list[tuple[Statement, Statement]]:
    """Best one-to-one pairs of a quote and reported speech that say the same thing."""
    scored = []
    for i, s1 in enumerate(xs):
        w1 = content_words(s1.text, story.places)
        for j, s2 in enumerate(ys):
            if s1.quoted == s2.quoted:
                continue  # two quotes are compared by their words above; two paraphrases are reporting
            w2 = content_words(s2.text, story.places)
            quote_words = w1 if s1.quoted else w2
            if len(quote_words) < MIN_QUOTE_CONTENT:
                continue
            shared = len(w1 & w2)
            smaller = min(len(w1), len(w2)) or 1
            # Place names and the story's topic cannot make two statements one.
            if shared / smaller < MIN_OVERLAP or len((w1 & w2) - story.places - GENERIC) < MIN_SHARED:
                continue
            topical = len((w1 & w2) - story.places - GENERIC - _topic_words(story))
            if topical >= MIN_SHARED:
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


