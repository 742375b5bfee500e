"""omission: a fact one article reports about a shared subject that another lacks.

Conservative on purpose: only facts a reader would miss, about something
both articles discuss.

- A figure for a counted thing that both articles give a figure for (as
  one fact, agreeing or not), told in the same sentence as that shared
  figure, that the other article lacks (both give the death toll; A
  also gives, in that sentence, the number injured).
- A whole count of a thing no other article counts ("35 schools"), told
  in the same sentence as a figure the others do give ("besides the 120
  homes, 35 schools were destroyed"). Durations, measures and shares are
  left out: every article has its own of those.
- Items listed with a counted thing ("three trucks, tents and
  blankets") that the other article never mentions, while it does
  report the counted thing.

Only what most of the other outlets report: in a story of three or more
articles a figure or item one outlet alone gives is its own detail, not an
omission of the others. Never "X is quoted in A but not in B": who an
outlet chose to quote is not a fact it left out.

Evidence: the fact in the article that reports it, plus (when there is one)
the related figure in each article that lacks it, so a reader sees both
sides; their ``values`` are ``NOT_REPORTED``.
"""

from __future__ import annotations

from annotate.model import NOT_REPORTED, ArticleValue, Discrepancy, Evidence, Mention
from annotate.corpus.outlets import outlet_list
from annotate.compare.detectors.number import DURATIONS, SHARES, counted_key, counted_words, number_facts, story_frames, written_out
from annotate.compare.detectors.story import Findings, Story, article_values, evidence, short
from annotate.nlp.language import stem

KIND = "omission"


def detect(story: Story) -> Findings:
    found = _figures(story) + _lists(story) + _material_figures(story)
    return found, []


# What a reader misses when an outlet leaves it out: a toll, a magnitude, a sum paid.
_MATERIAL = {("count", "killed"), ("count", "injured"), ("count", "missing"), ("count", "displaced"),
             ("count", "detained"), ("magnitude", None)}


def _material_figures(story: Story) -> list[Discrepancy]:
    """A material figure (a death toll, a magnitude) that most outlets of a story of three
    or more give, and one gives nowhere: one finding per figure, naming who leaves it out."""
    n = len(story.articles)
    if n < 3:
        return []
    out = []
    for key, per_article in story_frames(story).items():
        if (key[0], key[1]) not in _MATERIAL or 2 * len(per_article) <= n:
            continue
        missing = [a.id for a in story.articles if a.id not in per_article]
        if not missing:
            continue
        first = min((fs[0] for fs in per_article.values()), key=lambda f: story.order[f.article])
        what = "magnitude" if key[0] == "magnitude" else f"number of {'people' if key[2] in (None, 'person') else key[2]} {key[1]}"
        reporters = [story.labels[a] for a in per_article]
        d = _omission(
            story,
            subject=what,
            summary=f"{outlet_list([story.labels[m] for m in missing])} {'gives' if len(missing) == 1 else 'give'} no "
            f"{what}; {outlet_list(reporters)} {'gives' if len(reporters) == 1 else 'give'} it",
            severity="medium",
            where=first.mention,
            missing=missing,
            context={},
        )
        d.evidence = [evidence(story.article_by_id[aid], fs[0].mention.start, fs[0].mention.end)
                      for aid, fs in sorted(per_article.items(), key=lambda kv: story.order[kv[0]])]
        d.values = {**article_values({aid: fs[0].mention.text for aid, fs in per_article.items()}), **{m: NOT_REPORTED for m in missing}}
        out.append(d)
    return out


def _omission(story: Story, subject: str, summary: str, severity: str, where: Mention | tuple[str, int, int],
              missing: list[str], context: dict[str, Mention]) -> Discrepancy:
    if isinstance(where, Mention):
        article_id, start, end = where.article, where.start, where.end
    else:
        article_id, start, end = where
    a = story.article_by_id[article_id]
    ev: list[Evidence] = [evidence(a, start, end)]
    values = {article_id: ArticleValue(a.text[start:end])}
    for other in missing:
        values[other] = NOT_REPORTED
        if other in context:
            c = context[other]
            ev.append(evidence(story.article_by_id[other], c.start, c.end))
    return Discrepancy(id="", kind=KIND, subject=subject, summary=summary, severity=severity, values=values, evidence=ev)


def _figures(story: Story) -> list[Discrepancy]:
    facts = number_facts(story)
    # counted thing -> article -> a figure of it that another article also gives
    shared: dict[str, dict[str, Mention]] = {}
    # article -> (counted thing, value) of each tally of things it shares with another
    # article -> that fact's figures (the same figure told again counts: "besides the 120 homes")
    tallies: dict[str, dict[tuple[str, object], dict[str, Mention]]] = {}
    for f in facts:
        if len(f.figures) > 1:
            for aid, m in f.figures.items():
                shared.setdefault(f.key, {}).setdefault(aid, m)
                if m.label != "MONEY" and isinstance(m.value, (int, float)):
                    tallies.setdefault(aid, {})[f.key, m.value] = f.figures
    values_in = {a.id: {m.value for m in story.kind(a.id, "number") if isinstance(m.value, (int, float))}
                 for a in story.articles}
    out = []
    if len(story.articles) > 2:
        return out  # a figure one outlet alone gives is not what most outlets report
    for f in facts:
        if len(f.figures) != 1:
            continue
        (aid, m), = f.figures.items()
        if f.key in _MEASURES or f.key in SHARES or f.key in DURATIONS:  # a share alone is half of a pair
            continue
        sentence = story.sentence_at(aid, m.start)
        if f.key in shared:
            # Another figure of a thing the others count too, told beside the shared one.
            anchor = shared[f.key].get(aid)
            if anchor is None or story.sentence_at(aid, anchor.start) != sentence:
                continue
            reported = shared[f.key]
        else:
            # A thing no other article counts, told beside a figure they all give ("besides
            # the 120 homes, 35 schools were destroyed"): a whole number with its noun.
            if not written_out(m) or not isinstance(m.value, int) or isinstance(m.value, bool):
                continue
            own = tallies.get(aid, {})
            beside = [own[key] for o in story.mentions_in(aid, *sentence, "number")
                      if isinstance(o.value, (int, float)) and (key := (counted_key(o.counts), o.value)) in own]
            if not beside:
                continue
            reported = beside[0]
        # An article that gives the same figure counts it under another name ("6,000 people").
        value = m.value if isinstance(m.value, (int, float)) else None
        others = [a.id for a in story.articles
                  if a.id != aid and a.id in reported and value not in values_in[a.id]]
        if not others:
            continue
        labels = outlet_list([story.labels[o] for o in others])
        things = counted_words([m], f.key)
        alike = f.key in shared
        out.append(
            _omission(
                story,
                subject=f"{things}: {m.text}",
                summary=f'Only {story.labels[aid]} gives the figure "{short(m.text, 50)}" for {things}; '
                + (f"{labels} {'gives' if len(others) == 1 else 'give'} only other figures" if alike else
                   f"{labels} {'reports' if len(others) == 1 else 'report'} the figure beside it, not this one"),
                severity="medium",
                where=m,
                missing=others,
                context=reported,
            )
        )
    return out


def _lists(story: Story) -> list[Discrepancy]:
    out = []
    for a in story.articles:
        for m in story.kind(a.id, "number"):
            key = counted_key(m.counts)
            if not key or not m.counts:
                continue
            head = m.counts.split()[-1]
            items, list_end = m.listed, m.listed_end
            if not items or list_end is None:
                continue
            for other in story.articles:
                if other.id == a.id or not story.writes_word_starting(other.id, stem(head)):
                    continue
                absent = [i for i in items if not story.writes_word_starting(other.id, stem(i.split()[-1]))
                          and _most_report(story, stem(i.split()[-1]))]
                if not absent:
                    continue
                context = {
                    other.id: n
                    for n in story.kind(other.id, "number")
                    if counted_key(n.counts) == key
                }
                out.append(
                    _omission(
                        story,
                        subject=f"{' and '.join(absent)} with the {head}",
                        summary=f'Only {story.labels[a.id]} reports {" and ".join(absent)} along with the {head}; '
                        f"{story.labels[other.id]} does not mention them",
                        severity="medium",
                        where=(a.id, m.start, list_end),
                        missing=[other.id],
                        context=context,
                    )
                )
    return out


def _most_report(story: Story, word_stem: str) -> bool:
    """Most articles of the story mention the word (always true of one of two)."""
    n = len(story.articles)
    return n <= 2 or 2 * sum(story.writes_word_starting(a.id, word_stem) for a in story.articles) > n


# Distances, depths and weights: details of a figure told elsewhere, not facts a reader misses.
_MEASURES = {stem(w) for w in "kilometre kilometer km mile metre meter foot feet inch kilogram kg tonne ton "
             "degree hectare acre".split()}
