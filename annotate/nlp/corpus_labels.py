"""One label for one name across the corpus.

Each article's finder labels a name from what that article says of it. Where an article says
nothing, two plain words are taken for a person's name ("Last month, Northrop Grumman and EADS
defeated Boeing"), while another article of the corpus tells it is a company's ("Los Angeles
based Northrop Grumman", "Northrop Grumman's shares"). A name of two words or more that the
corpus reads as an organisation's at least as often as a person's, and that nothing anywhere
marks as a person's (an honorific, a role, a nationality, a given name first), is an
organisation in every article (one article's slip, "PJ Carlesimo" read as an organisation
for its initials, does not make a person a company everywhere). Found with the whole corpus in
view, after the pipeline read each article alone and before linking; the mentions it relabels
are new objects, the others are passed on as they are.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace

from annotate.model import NO_CUES, Mention
from annotate.nlp.language import fold, given_names
from annotate.nlp.names import mention_name


def with_corpus_labels(mentions: Sequence[Mention]) -> list[Mention]:
    """``mentions``, with the person readings of names the corpus reads as an organisation's at
    least as often, and never marks as a person's, read as organisations (see the module)."""
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    people: set[str] = set()  # names some mention marks as a person's
    folded: dict[str, str] = {}  # (a name is folded once, however often the corpus writes it)
    for m in mentions:
        if m.kind != "entity" or m.office or m.label not in ("PERSON", "ORG"):
            continue
        raw = mention_name(m)
        if " " not in raw.strip():
            continue
        name = folded.get(raw)
        if name is None:
            name = folded[raw] = fold(raw)
        labels[name][m.label] += 1
        if m.label == "PERSON" and name not in people and _marked_as_person(m, name):
            people.add(name)
    organisations = {
        name for name, read in labels.items() if read["PERSON"] and read["ORG"] >= read["PERSON"] and name not in people
    }
    if not organisations:
        return list(mentions)
    return [
        replace(m, label="ORG")
        if m.kind == "entity" and m.label == "PERSON" and not m.office and folded.get(mention_name(m)) in organisations
        else m
        for m in mentions
    ]


def _marked_as_person(m: Mention, name: str) -> bool:
    """Does the mention carry a person's mark: a role, an honorific or nationality before it, or a
    given name as its first word?"""
    cues = m.cues or NO_CUES
    return bool(m.role or cues.honorific or cues.nationality or name.split()[0] in given_names())
