"""Names an article writes alone that its own finder could not tell were names.

"Now that Lohan is back", in an article that never says "Lindsay Lohan": the word is a name
because other articles of the corpus name that person in full. And "the North", in a story
about North Korea (with its office: "the North's leader"). Found with the whole corpus in view, after the pipeline read each article
alone and before linking; new mentions, never changes to the pipeline's.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Sequence

from annotate.model import Article, EntityMention, Mention, NameCues
from annotate.nlp.language import CALENDAR_WORDS, COMPASS_POINTS, HOLIDAYS
from annotate.nlp.names import LONE_NAME_WORD, PERSON_NOUNS, fold, mention_name, split_person, strip_possessive
from annotate.nlp.name_cues import name_cues
from annotate.nlp.offices import offices_in

_PLACE_LABELS = {"GPE", "LOC"}
_CAPITALISED_WORD = re.compile(r"(?<![\w'’.-])" + LONE_NAME_WORD.pattern + r"(?![\w'’])")


def with_name_mentions(articles: Sequence[Article], mentions: Sequence[Mention]) -> list[Mention]:
    """``mentions`` plus the surnames and given names of people named in full somewhere in the
    corpus, where an article writes them alone and its own finder could not tell they were names
    ("Now that Lohan is back" in an article that never says "Lindsay Lohan").

    A word also used as another kind of name ("Jordan" the country), a weekday, month, holiday or
    compass point, a word written in lowercase in the article, or next to another capitalised word
    is left alone. One pass over each text.
    """
    name_words: set[str] = set()
    other_names: set[str] = set()
    by_direction: dict[str, set[str]] = defaultdict(set)  # "North" -> {"North Korea"}
    for m in mentions:
        if m.kind != "entity":
            continue
        name = mention_name(m)
        words = name.split()
        if m.label in _PLACE_LABELS and len(words) == 2 and words[0] in _DIRECTIONS:
            by_direction[words[0]].add(name)
        if m.label != "PERSON":
            other_names.add(fold(name))
        elif len(words) >= 2 and fold(words[-1]) not in PERSON_NOUNS:
            given, surname = split_person(fold(name).split())
            for word in (given[0] if given else "", surname.split()[-1] if surname else ""):
                if len(word) >= 3:
                    name_words.add(word)
            folded = fold(name).split()
            if len(folded) >= 3:
                # "Jong-un" for "Kim Jong-un" or "Kim Jong Un", "Jean-Claude" for "Jean-Claude
                # Juncker": two words of a name written as one, joined by a hyphen (the only
                # words ``_CAPITALISED_WORD`` finds whose key has a space)
                name_words.add(" ".join(folded[:2]))
                name_words.add(" ".join(folded[-2:]))
    # A word that dates or places something is no one's name alone, even when a run the finder
    # guessed was a person's holds it ("Early Tuesday", "South Lawn", "Easter Weekend").
    name_words -= other_names | CALENDAR_WORDS | HOLIDAYS | COMPASS_POINTS
    directions = {d: next(iter(places)) for d, places in by_direction.items() if len(places) == 1}
    if not name_words and not directions:
        return list(mentions)
    by_article: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_article[m.article].append(m)
    out: list[Mention] = []
    for article in articles:
        own = by_article.pop(article.id, [])
        taken = sorted((m.start, m.end) for m in own if m.kind == "entity")
        starts = [t[0] for t in taken]
        text = article.text
        lowercase: set[str] | None = None
        found: list[Mention] = []
        for match in _THE_DIRECTION.finditer(text) if directions else ():
            place = directions.get(match.group(1))
            at = bisect_right(starts, match.start(1)) - 1
            if place and not (at >= 0 and taken[at][1] > match.start(1)):
                # "the North" in a story about North Korea (and no other northern country)
                start, end = match.span(1)
                found.append(EntityMention(f"{article.id}:e{start}-{end}", article.id, start, end, text[start:end],
                                           "GPE", place))
                for s, e, label, office in offices_in(text, [(start, end, "GPE")]):  # "the North's leader"
                    found.append(EntityMention(f"{article.id}:e{s}-{e}", article.id, s, e, text[s:e], label,
                                               text[s:e], None, None, office))
        for match in _CAPITALISED_WORD.finditer(text):
            word = match.group()
            key = fold(strip_possessive(word))
            if key not in name_words and match.end(1) < match.end():
                # "Trump-Abe", "Bush-era": not a name part written with a hyphen; the word before it
                # may still be a name, as when a hyphen ends it
                match = _CAPITALISED_WORD.match(text, match.start(), match.end(1))
                word = match.group()
                key = fold(strip_possessive(word))
            if key not in name_words or _next_to_capitalised(text, match.start(), match.end()):
                continue
            at = bisect_right(starts, match.start()) - 1
            if at >= 0 and taken[at][1] > match.start():
                continue  # inside a mention already found
            if any(m.start == match.start() for m in found):
                continue  # "the North" read as a place just above
            if lowercase is None:
                lowercase = set(re.findall(r"\b[a-z]+\b", text))
            if key in lowercase:
                continue
            end = match.start() + len(strip_possessive(word))
            found.append(EntityMention(f"{article.id}:e{match.start()}-{end}", article.id, match.start(), end,
                                       text[match.start():end], "PERSON", text[match.start():end]))
        if found:
            _add_cues(text, own, found)
            own = sorted(own + found, key=lambda m: m.start)
        out.extend(own)
    for rest in by_article.values():  # mentions of articles not in ``articles`` (none in practice)
        out.extend(rest)
    return out


def _add_cues(text: str, own: list[Mention], found: list[Mention]) -> None:
    """The cues of the new names (``annotate.nlp.name_cues``), read among all the article's names
    as the pipeline reads them among its own ("American challenger Lohan")."""
    names = sorted(((m.start, m.end, m.label, m.office, m.role) for m in own + found if m.kind == "entity"),
                   key=lambda name: name[:4])
    new = {(m.start, m.end): m for m in found}
    for start, end, _label, *cue in name_cues(text, names):
        m = new.get((start, end))
        if m is not None:
            m.cues = NameCues(*cue)


_DIRECTIONS = frozenset({"North", "South", "East", "West"})
_THE_DIRECTION = re.compile(r"\b[Tt]he (North|South|East|West)\b(?!['’]?s? [A-Z]|-)")


def _next_to_capitalised(text: str, start: int, end: int) -> bool:
    """Is the word at ``start:end`` part of a longer run of capitalised words?"""
    after = text[end : end + 2]
    before = text[max(0, start - 2) : start]
    return (after[:1] == " " and after[1:2].isupper()) or (before[1:2] == " " and before[:1].isalpha() and _word_before(text, start)[:1].isupper())


def _word_before(text: str, start: int) -> str:
    i = start - 1
    while i > 0 and text[i - 1].isalpha():
        i -= 1
    return text[i : start - 1]
