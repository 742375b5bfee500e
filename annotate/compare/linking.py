"""Cross-article entity linking: which mentions name the same real-world thing.

Mentions are grouped with a union-find, never compared pair by pair: every
rule looks candidates up in an index keyed by a normalised form (folded
name, surname key, acronym, first word), so linking stays linear in the
number of mentions.

Rules, in order:

1. within an article, the same folded name is one entity; a surname alone
   joins the one full name in that article ending with it (left alone when
   two people there share it);
2. across articles, people join when their surnames match (transliteration
   aware) and their given names are compatible (equal, transliteration
   variant, initial, or one form with extra middle names), or when their
   given names are equal and their surnames one letter apart (an outlet's
   misspelling; never when one article names both); other entities
   join on their folded name (a work's title also without its opening article: "A Higher
   Loyalty" / "Higher Loyalty"), with formal state names ("Republic of X",
   "X Federation") reduced to the country, other names of a country
   ("Britain") mapped to it, places compared by transliteration key
   (Kyiv / Kiev) and organisations also by their words in any order
   ("Ministry of Defence" / "Defence Ministry");
3. acronyms ("UN", "U.K.") join the one multi-word name with those initials;
   a single word joins the one organisation it starts when the rest is a
   generic word ("Vantor" -> "Vantor Group"); a body of an organisation
   ("UN General Assembly") joins the organisation;
4. a surname with no full name in its own article joins the one person
   anywhere with that surname; when nobody has it as a full name, the
   articles' lone surnames join each other.

Also: an office ("the North Korean leader", found by ``ct_nested``) joins the
person the story gives it; a capital that acts ("Pyongyang said") and a leader's
government ("the Trump administration") join the country; a nickname blending a given name and
a surname ("LiLo") joins the one person it fits; quote speakers
(names) resolve to entity ids; an entity "person" whose name ends like an
organisation's ("Ardmore Mining") is labelled an organisation.

``cluster_entities`` is a pure function: mentions in, ``Links`` out (entities
and speakers); no mention is changed. ``assign_links`` writes them on the
mentions, in one place. It never reads an article's text: what the words around
a name say (the honorific before it, a capital's use, a short form defined in
brackets after it, ...) the pipeline recorded on the mention (``annotate.nlp.name_cues``).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from annotate.model import NO_CUES, Article, Entity, Mention
from annotate.nlp.offices import FORMER, GENERIC_TOP_OFFICES, NOT_OFFICE, TOP_OFFICES, office_tail
from annotate.nlp.names import (
    mention_name,
    ACRONYM_SKIP,
    CORPORATE_WORDS,
    COUNTRIES,
    COUNTRY_ALIASES,
    HONORIFIC_SEX,
    LEADER_HEADS,
    NAME_SUFFIXES,
    OFFICE_HEADS,
    ORG_HEAD_WORDS,
    ORG_ORGANS,
    ORG_SUFFIXES,
    PERSON_NOUNS,
    acronym,
    acronym_key,
    country_core,
    country_of_capital,
    country_of_demonym,
    fold,
    given_name_gender,
    is_acronym,
    place_of,
    TITLE_WORDS,
    WORK,
    same_given_name,
    slug,
    spelling_key,
    split_person,
    strip_possessive,
    translit_key,
    work_key,
)

_PLACE_LABELS = {"GPE", "LOC"}
# A nationality or place word is not a short form of an organisation ("European" is not the EU).
_NOT_SHORT_FORMS = {"NORP", "GPE", "LOC"}


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # Keep the smaller index as root so results do not depend on call order.
            self.parent[max(ra, rb)] = min(ra, rb)


@dataclass(slots=True)
class _Name:
    """A name as one article writes it, with a label, pre-normalised for the index lookups.

    Its mentions (an article repeats a name) are linked as one: every rule depends only
    on the article, the label and the name, so they are decided once, not per mention.
    """

    mention: Mention  # the first of ``mentions``
    mentions: list[Mention]
    raw: str  # the name as written, without role or possessive
    folded: str
    words: list[str]
    person: bool
    label: str  # the mention's label, or the one linking reads it as (a capital as a country)
    given: list[str] = field(default_factory=list)  # people: given names ([] for a surname alone)
    surname: str = ""  # people: translit key of the surname
    alias: bool = False  # acronym, state form or organ: never the entity's display name
    nominal: bool = False  # a nationality standing for a person: "the American"
    description: str | None = None  # "Spiro man": the person noun that makes it a description
    office_of: str = ""  # "the North Korean leader": the folded name of the person holding the office
    # ("?" and the office's own words when nobody is known to hold it)
    part: bool = False  # people: one word of a name, its parts joined by a hyphen ("Jong-un", "Jean-Claude")

    @property
    def full(self) -> bool:
        """A person named with given name(s) and surname."""
        return self.person and bool(self.given) and bool(self.surname)


@dataclass(slots=True)
class Links:
    """What linking decides: the entities (clusters of mention ids) and, for each quote whose
    speaker it could tell, the speaker's entity id (None when the name joins no one entity)."""

    entities: list[Entity]
    speakers: dict[str, str | None]  # quote mention id -> Entity.id


def link_entities(articles: Sequence[Article], mentions: Sequence[Mention]) -> list[Entity]:
    """``cluster_entities``, then its answer written on the mentions (``assign_links``)."""
    links = cluster_entities(articles, mentions)
    assign_links(mentions, links)
    return links.entities


def assign_links(mentions: Sequence[Mention], links: Links) -> None:
    """The one place the clusters are written on the mentions: ``EntityMention.entity`` of each
    entity mention, and ``QuoteMention.speaker``, the entity id of the speaker it names."""
    entity_of = {mid: e.id for e in links.entities for mid in e.mentions}
    for m in mentions:
        if m.kind == "entity":
            m.entity = entity_of.get(m.id)
        elif m.id in links.speakers:
            m.speaker = links.speakers[m.id]


def cluster_entities(articles: Sequence[Article], mentions: Sequence[Mention]) -> Links:
    """Which entity mentions name the same thing, across articles: a pure function of the
    pipeline's mentions (none is changed). ``articles`` give the corpus's order, in which each
    entity lists its mentions; their text is never read."""
    order = {a.id: i for i, a in enumerate(articles)}
    ents = [m for m in mentions if m.kind == "entity"]
    ents.sort(key=lambda m: (order.get(m.article, len(order)), m.start))
    read_as = _capitals_as_countries(ents)
    read_as.update(_governments_of_people(ents))
    offices = _resolve_offices(ents)
    names = _distinct_names(ents, offices, read_as)
    uf = _UnionFind(len(names))
    places = frozenset(n.folded for n in names if n.label in _PLACE_LABELS and not country_core(n.raw))

    _link_same_name_in_article(names, uf)
    _link_surnames_in_article(names, uf)
    _link_people_across_articles(names, uf)
    _link_misspelt_surnames(names, uf)
    _link_by_name(names, uf, places)
    _link_acronyms(names, uf)
    _link_defined_acronyms(names, uf)
    _link_short_forms(names, uf)
    _link_organs(names, uf)
    _link_national_bodies(names, uf)
    _link_lone_surnames(names, uf)
    _link_nominal_nationalities(names, uf)
    _link_descriptions(names, uf)
    _link_offices(names, uf)
    _link_blended_names(names, uf)

    entities, entity_of = _build_entities(names, uf, {id(m): k for k, m in enumerate(ents)})
    return Links(entities, _resolve_speakers(mentions, names, entities, entity_of))


def _capitals_as_countries(ents: list[Mention]) -> dict[int, tuple[str, str]]:
    """"Pyongyang said", "talks between Washington and Tehran": a capital that acts stands for its
    country's government, so it joins the country, when the corpus names that country. A capital
    where something happens ("in Moscow", "flew to Seoul") stays the city, and so, in an article that
    writes it so, does every other mention of it that does not speak or own ("Moscow said", "Pyongyang's
    program" are the state anywhere): there the name is the city's. In an article that only ever
    writes it as the state, a mention whose words tell neither is the state too. (What its words
    tell is the mention's ``capital_use``, found by the pipeline.)

    Returns the name and label linking reads such a capital as, by ``id`` of the mention."""
    read_as: dict[int, tuple[str, str]] = {}
    named: dict[str, Counter[str]] = defaultdict(Counter)  # country (folded) -> how the corpus writes it
    for m in ents:
        if m.label in _PLACE_LABELS:
            name = mention_name(m)
            named[COUNTRY_ALIASES.get(fold(name), fold(name))][name] += 1
    capitals = [m for m in ents if m.label in _PLACE_LABELS and mention_name(m) == strip_possessive(m.text)
                and named.get(country_of_capital(mention_name(m)) or "")]
    told: dict[tuple[str, str], set[str]] = defaultdict(set)  # (article, name) -> "city", "state": as its words tell
    for m in capitals:
        use = (m.cues or NO_CUES).capital_use
        if use:
            told[(m.article, mention_name(m))].add("city" if use == "city" else "state")
    for m in capitals:
        # One that owns or speaks is the state wherever it stands. Else, an article that writes the
        # name as the city anywhere means the city by it; one that only ever writes it as the state
        # means the state by it, also where its words tell neither ("further restrain Tehran.").
        told_here = told[(m.article, mention_name(m))]
        use = (m.cues or NO_CUES).capital_use
        acts = use in ("state", "state_voice")
        if use != "state_voice" and ("city" in told_here or (not acts and told_here != {"state"})):
            continue
        country = country_of_capital(mention_name(m)) or ""
        read_as[id(m)] = (named[country].most_common(1)[0][0], "GPE")
    return read_as


_GOVERNMENT = re.compile(r"(?:['’]s)?\s+(?:administration|government|regime|cabinet)$")


def _governments_of_people(ents: list[Mention]) -> dict[int, tuple[str, str]]:
    """"The Trump administration", "the Kim regime" (a mention the pipeline nests over the person's
    name): not the person but the government they lead, so the country whose leader the corpus
    calls them ("U.S. President Donald Trump"), or else a government of its own, never the person.
    Returns the name and label linking reads those that are a country's as, by ``id`` of the mention."""
    led: dict[str, Counter[str]] = defaultdict(Counter)  # surname (folded) -> countries led
    named: dict[str, Counter[str]] = defaultdict(Counter)  # country (folded) -> how the corpus writes it
    people_at: dict[tuple[str, int], Mention] = {}
    for m in ents:
        if m.label in _PLACE_LABELS:
            name = mention_name(m)
            named[COUNTRY_ALIASES.get(fold(name), fold(name))][name] += 1
        elif m.label == "PERSON":
            people_at.setdefault((m.article, m.start), m)
    for _, name, (holder, office, former) in _offices_held(ents):
        if office in LEADER_HEADS and not former:
            words = fold(name).split()
            for word in {words[0], words[-1]}:  # "the Kim regime": Kim Jong Un, family name first
                led[word][holder] += 1
    read_as: dict[int, tuple[str, str]] = {}
    for m in ents:
        person = people_at.get((m.article, m.start)) if m.label == "ORG" else None
        if person is None or person.end >= m.end or not _GOVERNMENT.match(m.text[person.end - m.start :]):
            continue
        countries = led.get(fold(mention_name(person)).split()[-1], Counter()).most_common(2)
        country = countries[0][0] if countries and (len(countries) == 1 or countries[0][1] > countries[1][1]) else None
        if country and named.get(country):
            read_as[id(m)] = (named[country].most_common(1)[0][0], "GPE")
    return read_as


def _holder(name: str) -> str | None:
    """The country or organisation a role belongs to, as a key: "North Korean", "North Korea's"
    -> "north korea"; "Apple Inc." -> "apple"; "F.B.I." -> "fbi"."""
    f = fold(strip_possessive(name.strip()))
    if not f:
        return None
    country = country_of_demonym(f) or (COUNTRY_ALIASES.get(f, f) if f in COUNTRIES or f in COUNTRY_ALIASES else None)
    if country:
        return country
    words = acronym_key(f).split()
    while len(words) > 1 and words[-1] in CORPORATE_WORDS:
        words.pop()
    return " ".join(words) or None


def _office_of_role(role: str) -> tuple[str, str, bool] | None:
    """(holder, office, former) of a person's role: "former FBI director" -> ("fbi", "director",
    True); "chairman of the Democratic Party" -> ("democratic party", "chairman", False)."""
    before, of, after = role.rpartition(" of ")
    if of:
        tail = office_tail(before.split())
        holder = _holder(after[4:] if after.lower().startswith("the ") else after)
        return (holder, *tail) if tail and holder else None
    words = role.split()
    lead = 0
    while lead < len(words) and fold(words[lead]).strip(".,").split("-")[0] in FORMER | NOT_OFFICE:
        lead += 1
    cut = lead
    while cut < len(words) - 1 and words[cut][:1].isupper() and fold(words[cut]).strip(".,") not in OFFICE_HEADS | TITLE_WORDS:
        cut += 1
    holder = _holder(" ".join(words[lead:cut])) if cut > lead else None
    tail = office_tail(words[:lead] + words[cut:])
    return (holder, *tail) if tail and holder else None


def is_office(m: Mention) -> bool:
    """An office the pipeline found over its holder's name ("North Korean leader", ``ct_nested``)."""
    return m.kind == "entity" and m.office


def _office_mentions(ents: list[Mention]) -> list[tuple[Mention, tuple[str, str, bool] | None]]:
    """Each office mention with (holder, office, former), read from the holder's own mention nested
    in it ("British" in "former British Prime Minister"), so the holder is the name the pipeline found."""
    found = []
    inside: dict[tuple[str, int], Mention] = {}
    for m in ents:
        if not is_office(m):
            inside.setdefault((m.article, m.start), m)
    for m in ents:
        if not is_office(m):
            continue
        holder = next((h for at in _word_starts(m) if (h := inside.get((m.article, at))) and h.end < m.end), None)
        office = None
        if holder is not None:
            key = _holder(mention_name(holder))
            tail = office_tail(m.text[holder.end - m.start :].lstrip("'’s").split())  # ("North Korea's leader")
            if key and tail:
                office = (key, tail[0], tail[1] or holder.start > m.start)
        found.append((m, office))
    return found


def _word_starts(m: Mention) -> list[int]:
    """Where the first two words of ``m`` start: an office's holder, after "former" or not."""
    second = m.text.find(" ")
    return [m.start] + ([m.start + second + 1] if second > 0 else [])


def _offices_held(ents: list[Mention]) -> list[tuple[str, str, tuple[str, str, bool]]]:
    """(article, person's full name, (holder, office, former)) for every office the corpus gives a
    named person: in the person's role ("former FBI director James Comey") or as an office written
    just before the name ("U.S. President" + "Donald Trump")."""
    held = []
    people_at: dict[tuple[str, int], str] = {}
    for m in ents:
        if m.label == "PERSON" and " " in mention_name(m).strip():
            people_at[(m.article, m.start)] = mention_name(m)
            office = _office_of_role(m.role) if m.role else None
            if office:
                held.append((m.article, mention_name(m), office))
    for m, office in _office_mentions(ents):
        if office:
            person = people_at.get((m.article, m.end + 1))
            if office and person:
                held.append((m.article, person, office))
    return held


def _resolve_offices(ents: list[Mention]) -> dict[int, str]:
    """Whose office each office mention is: the person named right after it ("Apple CEO Steve
    Jobs"), else the person the story names with that office ("the North Korean leader" is the
    "North Korean leader Kim Jong Un" of the story). Offices with no known holder (or two equally
    likely ones) are left out: they stay apart, never joining the country or organisation."""
    holders: dict[tuple[str, str, bool], Counter[str]] = defaultdict(Counter)
    local: dict[tuple[str, tuple[str, str, bool]], Counter[str]] = defaultdict(Counter)
    for article, name, office in _offices_held(ents):
        holders[office][name] += 1
        local[(article, office)][name] += 1
    offices: dict[int, str] = {}  # id(mention) -> the holder's name, folded
    people_at: dict[tuple[str, int], str] = {}  # (article, start) -> a person's full name there
    for m in ents:
        if m.label == "PERSON" and " " in mention_name(m).strip():
            people_at[(m.article, m.start)] = mention_name(m)
    for m, office in _office_mentions(ents):
        person = people_at.get((m.article, m.end + 1))
        if person is None:
            person = _holder_of(office, holders, local, m.article) if office else None
        if person is not None:
            offices[id(m)] = fold(person)
    return offices


def _holder_of(office: tuple[str, str, bool], holders: dict, local: dict, article: str) -> str | None:
    """The person most often given ``office`` in ``article``, else in the corpus; for a country's
    leader any leader's title counts. None when nobody has it or two people have it equally."""
    holder, head, former = office
    keys = [office]
    if head in LEADER_HEADS:
        keys += [(holder, other, former) for other in LEADER_HEADS if other != head]
    # "the former FBI chief" is the "former FBI director": a generic name of the top office is
    # any title of it, and a title of it answers to the generic names.
    synonyms = TOP_OFFICES if head in GENERIC_TOP_OFFICES else GENERIC_TOP_OFFICES if head in TOP_OFFICES else ()
    keys += [(holder, other, former) for other in synonyms if (holder, other, former) not in keys]
    for pool in ([local.get((article, k)) for k in keys], [holders.get(k) for k in keys]):
        counts: Counter[str] = Counter()
        for found in pool:
            counts.update(found or {})
        if counts:
            ranked = counts.most_common(2)
            return ranked[0][0] if len(ranked) == 1 or ranked[0][1] > ranked[1][1] else None
    return None


def _distinct_names(ents: list[Mention], offices: dict[int, str], read_as: dict[int, tuple[str, str]]) -> list[_Name]:
    """The names of ``ents`` (in order of first use), each with the mentions that write it;
    ``read_as`` gives the name and label to read some mentions as (a capital as its country)."""
    names: dict[tuple[str, str, str], _Name] = {}
    generations = _two_generations(ents)
    shared = _shared_surnames(ents, generations)
    standalone = {fold(mention_name(m)) for m in ents if m.label == "ORG" and mention_name(m) == strip_possessive(m.text)}
    for m in ents:
        raw, label = read_as.get(id(m)) or (mention_name(m), m.label)
        if label == "ORG" and " " not in m.text.strip() and fold(strip_possessive(m.text)) in standalone:
            # "Boeing" that its article reads as its "Boeing Commercial Airplanes": the corpus
            # knows "Boeing" as an organisation by itself, so it is read as written.
            raw = strip_possessive(m.text)
        if label == "PERSON":
            raw = _without_leading_title(raw)
        if label == "PERSON" and _unconfirmed_surname(m, raw, shared):
            raw = _without_leading_title(strip_possessive(m.text))
        nominal = label == "NORP" and (m.cues or NO_CUES).nationality_noun
        # An office with no known holder stays apart: not the country's, nobody's yet.
        office = offices.get(id(m)) or ("?" + fold(raw) if is_office(m) else "")
        key = (m.article, "nominal" if nominal else "office:" + office if office else label, raw)
        found = names.get(key)
        if found is None:
            names[key] = _make_name(m, raw, label, generations) if not office else _Name(m, [m], raw, fold(raw), fold(raw).split(), False, label)
            names[key].nominal = names[key].alias = nominal or bool(office)
            names[key].office_of = office
        else:
            found.mentions.append(m)
    return list(names.values())


def _two_generations(ents: list[Mention]) -> frozenset[str]:
    """Full names (folded, without the suffix) that one article writes both with and without a
    generational suffix: "Donald Trump Jr." and "Donald Trump" there are son and father. Elsewhere
    a suffix is only how an outlet writes the name ("Arcade Joseph Comeaux Jr" / "... Comeaux")."""
    plain: dict[tuple[str, str], set[str]] = defaultdict(set)  # (first name, surname) -> articles
    suffixed: dict[str, set[str]] = defaultdict(set)
    for m in ents:
        if m.label == "PERSON" and " " in mention_name(m).strip():
            words = fold(mention_name(m)).split()
            if words[-1] in NAME_SUFFIXES:
                suffixed[" ".join(words[:-1])].add(m.article)
            else:
                plain[(words[0], words[-1])].add(m.article)  # "Donald J. Trump" is "Donald Trump"
    return frozenset(name for name, articles in suffixed.items()
                     if articles & plain.get((name.split()[0], name.split()[-1]), set()))


def _shared_surnames(ents: list[Mention], generations: frozenset[str] = frozenset()) -> set[str]:
    """Surnames (folded) that people of different given names bear somewhere in the corpus
    ("Trump": Donald and Melania; not "Lavrov": Sergei and Sergey are one)."""
    first_names: dict[str, set[str]] = defaultdict(set)
    for m in ents:
        if m.label == "PERSON" and isinstance(m.value, str) and " " in m.value.strip():
            words = fold(strip_possessive(m.value)).split()
            if words[-1] in NAME_SUFFIXES and " ".join(words[:-1]) in generations:
                words = [words[0] + " " + words[-1], *words[1:-1]]  # "Donald Trump Jr.": another Trump
            if len(words) >= 2:
                first_names[words[-1]].add(words[0])
    shared = set()
    for surname, firsts in first_names.items():
        people: list[str] = []  # one given name per person (Sergei and Sergey are one)
        for first in firsts:
            if not any(same_given_name(first, other) for other in people):
                people.append(first)
        if len(people) > 1:
            shared.add(surname)
    return shared


def _unconfirmed_surname(m: Mention, name: str, shared: set[str]) -> bool:
    """A surname alone that its article's one full name with that surname was given
    ("Melania Trump ... Trump said"), when others bear that surname in the corpus: linking decides
    who it is, with the whole corpus in view, unless "Mr."/"Mrs." before it agrees with the full
    name's given name."""
    surface = strip_possessive(m.text)
    if " " in surface.strip() or " " not in name.strip() or fold(surface) not in shared:
        return False
    honorific = (m.cues or NO_CUES).honorific
    wanted = HONORIFIC_SEX.get(honorific) if honorific else None
    return not (wanted and given_name_gender(fold(name).split()[0]) == wanted)


def _make_name(m: Mention, raw: str, label: str, generations: frozenset[str] = frozenset()) -> _Name:
    """``generations``: the names (folded) an article gives both with and without "Jr."."""
    folded = fold(raw)
    n = _Name(m, [m], raw, folded, folded.split(), person=label == "PERSON", label=label)
    if n.person and len(n.words) >= 2 and n.words[-1] in PERSON_NOUNS and raw.split()[-1].islower():
        n.description = n.words[-1]  # "Spiro man": not a name, someone the article is about
        n.alias = True
    elif n.person and n.words:
        words, suffix = n.words, ""
        if len(words) >= 2 and words[-1] in NAME_SUFFIXES and " ".join(words[:-1]) in generations:
            # "Donald Trump Jr." beside "Donald Trump": the suffix belongs to the surname's key.
            words, suffix = words[:-1], " " + words[-1].replace("jnr", "jr").replace("snr", "sr")
        given, surname = split_person(words)
        if given and " " not in raw.strip():
            # "Jong-un", "Jean-Claude": one word as written, a part of someone's name, not a given
            # name and a surname (``_link_lone_surnames`` finds whose)
            given, n.part = [], True
        # Keyed by the surname's last word: "al-Assad" and "Assad" are one surname.
        n.given, n.surname = given, translit_key(surname.split()[-1]) + suffix if surname else ""
    return n


def _without_leading_title(name: str) -> str:
    """"Justice Helena Marchetti" -> "Helena Marchetti": a title the finder left inside a person's
    name (a trained recogniser's span) is not part of the name. Only when a two-word name or
    longer remains, so "King" in "Stephen King" and "Prince Harry" stay as written."""
    words = name.split()
    cut = 0
    while len(words) - cut > 2 and fold(words[cut]) in TITLE_WORDS:
        cut += 1
    if not cut or not all(w[:1].isupper() for w in words[cut:]):
        return name
    return " ".join(words[cut:])


def _groups(items: Iterable[tuple[object, int]]) -> dict[object, list[int]]:
    out: dict[object, list[int]] = defaultdict(list)
    for key, i in items:
        out[key].append(i)
    return out


def _union_all(uf: _UnionFind, idx: list[int]) -> None:
    for i in idx[1:]:
        uf.union(idx[0], i)


def _link_same_name_in_article(names: list[_Name], uf: _UnionFind) -> None:
    for idx in _groups(((n.mention.article, n.person, n.nominal, n.folded), i) for i, n in enumerate(names) if n.folded).values():
        _union_all(uf, idx)


def _link_surnames_in_article(names: list[_Name], uf: _UnionFind) -> None:
    """A single word that is nobody's surname joins the one full name starting with it in the
    article ("Xi" -> "Xi Jinping"); surnames are left to ``_link_lone_surnames``."""
    full_by_first = _groups(((n.mention.article, n.given[0]), i) for i, n in enumerate(names) if n.full)
    surnames = {n.surname for n in names if n.full}
    for i, n in enumerate(names):
        if not n.person or n.given or n.surname in surnames:
            continue  # who a surname is: decided with the whole corpus (``_link_lone_surnames``)
        cands = full_by_first.get((n.mention.article, n.words[0]), []) if len(n.words) == 1 else []
        people = {uf.find(c) for c in cands}
        if len(people) == 1:
            uf.union(cands[0], i)


def _link_people_across_articles(names: list[_Name], uf: _UnionFind) -> None:
    """Full names with the same surname key and compatible given names."""
    by_surname = _groups((n.surname, i) for i, n in enumerate(names) if n.full)
    for idx in by_surname.values():
        # One representative per distinct first name keeps this small.
        reps: list[int] = []
        for i in idx:
            first = names[i].given[0]
            match = next((r for r in reps if same_given_name(names[r].given[0], first)), None)
            if match is None:
                reps.append(i)
            else:
                uf.union(match, i)
        _link_short_given_names(names, uf, reps)


def _link_short_given_names(names: list[_Name], uf: _UnionFind, reps: list[int]) -> None:
    """"Mo Cheeks" and "Maurice Cheeks": a short given name (three letters at most) with the
    initial of exactly one longer given name of that surname is its familiar form."""
    if len(reps) < 2:
        return
    for short in reps:
        first = names[short].given[0]
        if len(first) > 3 or len(first) < 2:
            continue
        longer = [r for r in reps if r != short and len(names[r].given[0]) > 3 and names[r].given[0][0] == first[0]]
        roots_longer = {uf.find(r) for r in longer}
        if len(roots_longer) == 1:
            uf.union(longer[0], short)


def _link_misspelt_surnames(names: list[_Name], uf: _UnionFind) -> None:
    """One given name, surnames one letter apart, in different articles: one person
    whose surname an outlet misspelt. Left apart when one article names both."""
    by_given = _groups((fold(names[i].given[0]), i) for i, n in enumerate(names) if n.full)
    for idx in by_given.values():
        by_surname = _groups((names[i].surname, i) for i in idx)
        if len(by_surname) < 2:
            continue
        articles = {k: {names[i].mention.article for i in v} for k, v in by_surname.items()}
        keys = sorted(by_surname)
        for x, a in enumerate(keys):
            for b in keys[x + 1:]:
                if articles[a] & articles[b] or not _one_letter_apart(a, b):
                    continue
                uf.union(by_surname[a][0], by_surname[b][0])


def _one_letter_apart(a: str, b: str) -> bool:
    """Surname keys differing by one substitution, insertion or deletion (not at the start)."""
    if min(len(a), len(b)) < 5 or a[0] != b[0] or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(1, len(long_)))


def _link_by_name(names: list[_Name], uf: _UnionFind, places: frozenset[str]) -> None:
    """Non-person entities with the same folded name, state forms reduced to the country."""
    keys: list[tuple[str, int]] = []
    known_places = places | frozenset(COUNTRY_ALIASES.values())  # once: it grows with the corpus
    surnames = {n.surname for n in names if n.full}
    organisations = {n.folded for n in names if n.label == "ORG"}
    for i, n in enumerate(names):
        if n.office_of and not n.office_of.startswith("?"):
            continue  # an office whose holder is known joins that person only: "Airbus spokesman" is two people
        if n.person and len(n.words) == 1 and n.surname not in surnames and n.folded in organisations:
            keys.append(("org:" + n.folded, i))  # "Wikileaks said": no person, the organisation
        if n.label == "ORG":
            keys.append(("org:" + n.folded, i))
        if n.person or n.nominal or n.office_of or not n.folded:
            continue
        if n.label == WORK:
            keys.append(("work:" + work_key(n.folded), i))  # "A Higher Loyalty" = "Higher Loyalty", a title only
            continue
        key = COUNTRY_ALIASES.get(n.folded, n.folded)
        if n.label == "NORP":
            key = country_of_demonym(n.folded) or key  # "Russian officials" speak for Russia
            for party in _party_names(n.folded):
                keys.append((party, i))  # "Democrats" are the Democratic Party
        n.alias = key != n.folded
        core = country_core(n.raw)
        if core:
            place = place_of(core, known_places)
            if place:
                key = place
                n.alias = True
        keys.append((key, i))
        if n.label in _PLACE_LABELS and len(n.words) == 1 and len(key) >= 4:
            keys.append(("@" + translit_key(key), i))  # Kyiv / Kiev, Odesa / Odessa
        if n.label == "ORG" and not is_acronym(n.raw) and all(w in CORPORATE_WORDS for w in n.words[1:]):
            keys.append(("^" + n.words[0], i))  # "Apple Inc." = "Apple Computer" = "Apple"
        if n.label == "PRODUCT":
            model = n.words[-1][:-1] if n.words[-1].endswith("s") and len(n.words[-1]) > 3 else n.words[-1]
            keys.append(("#" + " ".join(n.words[:-1] + [model]), i))  # "iPods" = "iPod"
            if any(ch.isdigit() for ch in model):
                keys.append(("#" + model, i))  # "Airbus A380" = "A380" = "A380s"
            elif len(n.words) >= 2 and any(ch.isdigit() for ch in n.words[-2]):
                keys.append(("#" + model, i))  # "787 Dreamliner" = "Dreamliner"
                keys.append(("#" + n.words[-2], i))  # = "Boeing 787"
        if len(n.words) >= 2 and n.label not in _NOT_SHORT_FORMS:
            # "Ministry of Defence" = "Defence Ministry": the same words in another order.
            words = sorted(spelling_key(w) for w in n.words if w not in ACRONYM_SKIP)
            keys.append(("~" + " ".join(words), i))
    for idx in _groups(keys).values():
        _union_all(uf, idx)


def _party_names(word: str) -> tuple[str, ...]:
    """The parties whose members a word names: "democrats" -> "democratic party", "democrat party";
    "conservatives" -> "conservative party"."""
    if " " in word or len(word) < 4:
        return ()
    stem = word[:-1] if word.endswith("s") else word
    return (f"{stem} party", f"{stem}ic party")


def _link_acronyms(names: list[_Name], uf: _UnionFind) -> None:
    by_initials = _groups(
        (acronym(n.raw), i) for i, n in enumerate(names) if not n.person and len(n.words) >= 2 and acronym(n.raw)
    )
    for i, n in enumerate(names):
        if not is_acronym(n.raw):
            continue
        cands = by_initials.get(acronym_key(n.raw), [])
        roots = {uf.find(c) for c in cands}
        n.alias = True
        if len(roots) == 1:
            uf.union(cands[0], i)


def _link_defined_acronyms(names: list[_Name], uf: _UnionFind) -> None:
    """"Singapore Airlines (SIA)": the short form an article defines in brackets after a name (the
    mention's ``defined_acronym``) is that name wherever the corpus uses it, when its letters come
    from the name in order (not a ticker: "Boeing (BA)")."""
    by_raw = _groups((n.raw, i) for i, n in enumerate(names) if is_acronym(n.raw))
    if not by_raw:
        return
    for i, n in enumerate(names):
        if n.person or is_acronym(n.raw):
            continue
        for m in n.mentions:
            short = (m.cues or NO_CUES).defined_acronym
            if short and short in by_raw and _abbreviates(short, n.folded):
                _union_all(uf, [i] + by_raw[short])
                break


def _abbreviates(short: str, name: str) -> bool:
    """Are the letters of ``short`` those of ``name``, in order, starting with its first?"""
    letters = [c for c in acronym_key(short) if c.isalpha()]
    if not letters or not name or letters[0] != name[0]:
        return False
    rest = iter(name[1:])
    return all(c in rest for c in letters[1:])


def _link_short_forms(names: list[_Name], uf: _UnionFind) -> None:
    """"Vantor" -> "Vantor Group": a single word that starts one organisation's name."""
    by_first = _groups(
        (n.words[0], i)
        for i, n in enumerate(names)
        if not n.person and len(n.words) >= 2 and all(w in ORG_SUFFIXES for w in n.words[1:])
    )
    named_people = _roots_with_full_names(names, uf)
    for i, n in enumerate(names):
        if len(n.words) != 1 or is_acronym(n.raw) or n.label in _NOT_SHORT_FORMS:
            continue
        if n.person and uf.find(i) in named_people:
            continue
        cands = by_first.get(n.words[0], [])
        roots = {uf.find(c) for c in cands}
        if len(roots) == 1:
            uf.union(cands[0], i)


def _roots_with_full_names(names: list[_Name], uf: _UnionFind) -> set[int]:
    return {uf.find(i) for i, n in enumerate(names) if n.full}


def _link_organs(names: list[_Name], uf: _UnionFind) -> None:
    """"UN General Assembly" -> the UN: an organisation's name followed by organ words."""
    by_key: dict[str, set[int]] = defaultdict(set)
    first_of: dict[int, int] = {}
    for i, n in enumerate(names):
        if n.label != "ORG":  # "French Parliament" is not part of a nationality
            continue
        r = uf.find(i)
        first_of.setdefault(r, i)
        by_key[n.folded].add(r)
        if len(n.words) == 2 and n.words[1] == "party":
            by_key[n.words[0]].add(r)  # "Democratic National Committee" is the Democratic Party's
        if is_acronym(n.raw):
            by_key[acronym_key(n.raw)].add(r)
        elif len(n.words) >= 2 and (a := acronym(n.raw)):
            by_key[a].add(r)
    for i, n in enumerate(names):
        if n.person or n.office_of or len(n.words) < 2:
            continue
        for cut in range(len(n.words) - 1, 0, -1):
            head, rest = n.words[:cut], n.words[cut:]
            if not all(w in ORG_ORGANS for w in rest):
                continue
            roots = by_key.get(" ".join(head), set()) - {uf.find(i)}
            if len(roots) == 1:
                uf.union(first_of[next(iter(roots))], i)
                n.alias = True
                break


def _country_and_body(words: list[str]) -> tuple[str, str] | None:
    """("united states", "air force") for "U.S. Air Force", "US Air Force", "United States Air Force":
    an organisation named by a country then the body's own words."""
    for k in range(min(3, len(words) - 1), 0, -1):
        head = acronym_key(" ".join(words[:k]))
        country = COUNTRY_ALIASES.get(head, head if head in COUNTRIES else None)
        if country:
            return country, " ".join(words[k:])
    return None


def _link_national_bodies(names: list[_Name], uf: _UnionFind) -> None:
    """"U.S. Air Force" = "United States Air Force" (the country however written), and "the Air Force"
    joins the most prominent country's air force (named at least twice as often as any other)."""
    bodies: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))  # body -> country -> names
    for i, n in enumerate(names):
        if n.label == "ORG" and len(n.words) >= 2:
            found = _country_and_body(n.words)
            if found:
                bodies[found[1]][found[0]].append(i)
    if not bodies:
        return
    for by_country in bodies.values():
        for idx in by_country.values():
            _union_all(uf, idx)
    size: Counter[int] = Counter()
    for i, n in enumerate(names):
        size[uf.find(i)] += len(n.mentions)
    for i, n in enumerate(names):
        by_country = bodies.get(n.folded) if n.label == "ORG" and not n.person else None
        if not by_country:
            continue
        ranked = sorted((size[uf.find(idx[0])], idx[0]) for idx in by_country.values())[::-1]
        if len(ranked) == 1 or ranked[0][0] >= 2 * ranked[1][0]:
            uf.union(ranked[0][1], i)


def _link_lone_surnames(names: list[_Name], uf: _UnionFind) -> None:
    """A surname left alone joins the most prominent person with that surname: among those its
    article names in full, else among all; failing any, the one person whose given name it is
    ("Kim" for "Kim Jong-un", family name first); failing that, the same word in other articles.
    A part of a name written with a hyphen ("Jong-un", "Jean-Claude") joins, in the same way,
    the people whose full names end with its words, else those whose full names start with them.

    Prominence is the number of mentions a person already has, so "Trump" goes to the
    president named in every article, not to the spouse named in a few; a tie decides nothing.
    """
    people_by_surname: dict[str, set[int]] = defaultdict(set)
    people_by_first: dict[str, set[int]] = defaultdict(set)
    in_article: dict[tuple[str, str], set[int]] = defaultdict(set)
    size: Counter[int] = Counter()
    for i, n in enumerate(names):
        size[uf.find(i)] += len(n.mentions)
    sex: dict[int, str | None] = {}  # person -> the gender of the given name first written in full
    for i, n in enumerate(names):
        if n.full:
            root = uf.find(i)
            sex.setdefault(root, given_name_gender(n.given[0]))
            people_by_surname[n.surname].add(root)
            people_by_first[n.given[0]].add(root)
            in_article[(n.mention.article, n.surname)].add(root)
    named_people = _roots_with_full_names(names, uf)
    ends, starts = _name_ends(names, uf) if any(n.part for n in names) else ({}, {})
    nameless: dict[str, int] = {}  # surname -> first lone mention, when nobody has it as a full name
    for i, n in enumerate(names):
        if not n.person or n.given or n.description or uf.find(i) in named_people:
            continue
        if n.part:
            key = tuple(n.words)
            found = ends if key in ends else starts
            roots = found.get(key, {})
            local = {r for r, articles in roots.items() if n.mention.article in articles}
            if not roots:
                uf.union(nameless.setdefault("-" + n.folded, i), i)
                continue
        else:
            local = in_article.get((n.mention.article, n.surname), set())
            roots = people_by_surname.get(n.surname, set())
            if not roots and len(n.words) == 1:
                roots = people_by_first.get(n.words[0], set())
            if not roots:
                uf.union(nameless.setdefault(n.surname, i), i)
                continue
        best = _most_prominent(roots, size)
        if local:
            near = _most_prominent(local, size)
            # The article's own namesake, unless someone with that surname is far more prominent
            # in the corpus, or more prominent and of the other sex (a spouse is never the default).
            if near is not None and best not in local and best is not None:
                other_sex = sex.get(best) not in (None, sex.get(near))
                if not (size[best] >= 2 * size[near] or (other_sex and size[best] > size[near])):
                    best = near
            elif best not in local:
                best = near
        if best is not None:
            uf.union(best, i)


def _name_ends(names: list[_Name], uf: _UnionFind) -> tuple[dict, dict]:
    """The last words and the first words (two or more, short of the whole) of the full names:
    words -> person -> the articles naming them so ("jong un" -> Kim Jong Un, from "Kim Jong Un"
    or "Kim Jong-un"; "jean claude" -> Jean-Claude Juncker)."""
    ends: dict[tuple[str, ...], dict[int, set[str]]] = defaultdict(lambda: defaultdict(set))
    starts: dict[tuple[str, ...], dict[int, set[str]]] = defaultdict(lambda: defaultdict(set))
    for i, n in enumerate(names):
        if n.full and len(n.words) >= 3:
            root, article = uf.find(i), n.mention.article
            for k in range(2, len(n.words)):
                ends[tuple(n.words[-k:])][root].add(article)
                starts[tuple(n.words[:k])][root].add(article)
    return ends, starts


def _link_nominal_nationalities(names: list[_Name], uf: _UnionFind) -> None:
    """"the American" joins the person its article calls "American Tony Thompson" (a nationality
    written right before a person's name, in any article, is that person's: the mention's
    ``nationality``); the most prominent such person of the article when there are several;
    nobody when there is none."""
    nominal = [i for i, n in enumerate(names) if n.nominal]
    if not nominal:
        return
    in_article: dict[str, set[int]] = defaultdict(set)
    size: Counter[int] = Counter()
    nationality: dict[int, set[str]] = defaultdict(set)  # person -> nationalities written before the name
    for i, n in enumerate(names):
        size[uf.find(i)] += len(n.mentions)
        if n.person:
            for m in n.mentions:
                in_article[m.article].add(uf.find(i))
                written = (m.cues or NO_CUES).nationality
                if written:  # "American challenger Tony Thompson"
                    nationality[uf.find(i)].add(fold(strip_possessive(written)))
    for i in nominal:
        n = names[i]
        people = {r for r in in_article.get(n.mention.article, ()) if n.folded in nationality.get(r, ())}
        best = _most_prominent(people, size) if people else None
        if best is not None:
            uf.union(best, i)


def _link_descriptions(names: list[_Name], uf: _UnionFind) -> None:
    """"Spiro man" joins the person its article names most often of the sex the noun tells (among
    those whose given name tells that sex, else those whose given name tells none); the same
    description in other articles joins it too, unless they were given to different people."""
    described = [i for i, n in enumerate(names) if n.description]
    if not described:
        return
    in_article: dict[str, Counter[int]] = defaultdict(Counter)
    sex: dict[int, str | None] = {}
    for i, n in enumerate(names):
        if n.person and not n.description:
            root = uf.find(i)
            in_article[n.mention.article][root] += len(n.mentions)
            if n.full:
                sex.setdefault(root, given_name_gender(n.given[0]))
    person_of: dict[int, int] = {}  # description -> the person it was given to
    for i in described:
        n = names[i]
        wanted = PERSON_NOUNS[n.description]
        people = {r: c for r, c in in_article.get(n.mention.article, Counter()).items() if r in sex}
        if wanted:
            # A "man" is first one whose given name is a man's, then one whose name tells nothing.
            people = {r: c for r, c in people.items() if sex[r] == wanted} or {
                r: c for r, c in people.items() if sex[r] is None}
        if people:
            ranked = sorted(people.items(), key=lambda rc: -rc[1])
            if len(ranked) == 1 or ranked[0][1] > ranked[1][1]:
                person_of[i] = ranked[0][0]
    # The same description in several articles of a story is one person ("Spiro man").
    for idx in _groups((names[i].folded, i) for i in described).values():
        people = {person_of[i] for i in idx if i in person_of}
        if len(people) <= 1:
            _union_all(uf, idx + list(people))
        else:
            for i in idx:
                if i in person_of:
                    uf.union(person_of[i], i)


def _link_offices(names: list[_Name], uf: _UnionFind) -> None:
    """An office standing for a person ("the North Korean leader") joins that person's name,
    written in full in its own article if there, else anywhere."""
    people = _groups(((n.folded), i) for i, n in enumerate(names) if n.person and n.full)
    for i, n in enumerate(names):
        cands = people.get(n.office_of, []) if n.office_of else []
        if cands:
            local = [c for c in cands if names[c].mention.article == n.mention.article]
            uf.union((local or cands)[0], i)


# "LiLo": a nickname of one word blending the starts of a given name and a surname, each written
# with its capital (not "McDermott", "LaSalle", "DeShawn": a particle and a name).
_BLEND = re.compile(r"^(?!Mc|Mac|De|Di|Du|La|Le|Lo|Van|Von|Del|Da|St)([A-Z][a-z]{1,3})([A-Z][a-z]{1,3})$")


def _link_blended_names(names: list[_Name], uf: _UnionFind) -> None:
    """"LiLo" for Lindsay Lohan: a word blending the start of one person's given name with the start
    of their surname joins that person, when exactly one person of the corpus fits."""
    blends = [(i, m) for i, n in enumerate(names) if not n.person and " " not in n.raw and (m := _BLEND.match(n.raw))]
    if not blends:
        return
    people = [(i, n.given[0], n.surname) for i, n in enumerate(names) if n.full]
    for i, match in blends:
        first, second = match.group(1).lower(), match.group(2).lower()
        fits = {uf.find(j) for j, given, surname in people if given.startswith(first) and surname.startswith(second)}
        if len(fits) == 1:
            uf.union(fits.pop(), i)


def _most_prominent(roots: set[int], size: Counter[int]) -> int | None:
    """The root with the most mentions, or None on a tie."""
    if len(roots) == 1:
        return next(iter(roots))
    ranked = sorted(roots, key=lambda r: -size[r])
    return ranked[0] if size[ranked[0]] > size[ranked[1]] else None


def _display_name(members: list[_Name]) -> str:
    """The fullest common form: most words, most frequent, most capitalised.

    Ties go to the alphabetically first form, so the name (and the ids built
    from it) do not depend on the order articles were loaded in.
    """
    pool = [n for n in members if not n.alias] or members
    counts: Counter[str] = Counter()
    for n in pool:
        counts[" ".join(n.raw.split())] += len(n.mentions)

    def score(raw: str) -> tuple:
        capitalised = sum(w[:1].isupper() for w in raw.split())
        return (-len(raw.split()), -counts[raw], -capitalised, raw)

    return min(counts, key=score)


def _label(members: list[_Name], name: str) -> str:
    """The members' most common label, except that a "person" whose name ends like an
    organisation's ("Ardmore Mining", "Brightwater Securities") is an organisation."""
    labels: Counter[str] = Counter()
    for n in [n for n in members if not n.alias] or members:  # "United States", not the "American"s
        labels[n.label] += len(n.mentions)
    label = labels.most_common(1)[0][0]
    if all(n.office_of for n in members):
        return "PERSON"  # "the North Korean leader": someone the corpus does not name
    words = fold(name).split()
    if label == "PERSON" and len(words) >= 2 and words[-1] in ORG_HEAD_WORDS:
        return "ORG"
    return label


def _build_entities(names: list[_Name], uf: _UnionFind, rank: dict[int, int]) -> tuple[list[Entity], dict[int, str]]:
    """One entity per cluster, and each name's entity id by ``id`` of the name; ``rank`` orders
    each entity's mentions as in the corpus."""
    clusters: dict[int, list[int]] = defaultdict(list)
    for i in range(len(names)):
        clusters[uf.find(i)].append(i)
    entities: list[Entity] = []
    entity_of: dict[int, str] = {}
    used: Counter[str] = Counter()
    for root in sorted(clusters):
        members = [names[i] for i in clusters[root]]
        name = _display_name(members)
        label = _label(members, name)
        base = f"{label.lower()}:{slug(name)}"
        used[base] += 1
        entity_id = base if used[base] == 1 else f"{base}-{used[base]}"
        found = [m for n in members for m in n.mentions]
        if len(members) > 1:
            found.sort(key=lambda m: rank[id(m)])
        for n in members:
            entity_of[id(n)] = entity_id
        entities.append(Entity(id=entity_id, name=name, label=label, mentions=[m.id for m in found]))
    return entities, entity_of


def _resolve_speakers(
    mentions: Sequence[Mention], names: list[_Name], entities: list[Entity], entity_of: dict[int, str]
) -> dict[str, str | None]:
    """Who said each quote, by quote mention id: the entity of the name the quote was attributed
    by (``speaker_start``, ``speaker_end``: "Trump said" is the Trump linking found, though the article's fullest
    form of the name may be another Trump's), else that of its ``speaker_name`` (None when the
    name joins no one entity)."""
    in_article: dict[tuple[str, str], set[str]] = defaultdict(set)
    surname_in_article: dict[tuple[str, str], set[str]] = defaultdict(set)
    entity_at: dict[tuple[str, int, int], str] = {}
    for n in names:
        article, entity = n.mention.article, entity_of[id(n)]
        in_article[(article, n.folded)].add(entity)
        if n.words:
            surname_in_article[(article, n.words[-1])].add(entity)
        for m in n.mentions:
            entity_at[(article, m.start, m.end)] = entity
    by_name: dict[str, set[str]] = defaultdict(set)
    for e in entities:
        by_name[fold(e.name)].add(e.id)
    speakers: dict[str, str | None] = {}
    for m in mentions:
        if m.kind != "quote" or not m.speaker_name:
            continue
        speakers[m.id] = entity_at.get((m.article, m.speaker_start, m.speaker_end))
        if speakers[m.id] is not None:
            continue
        f = fold(strip_possessive(m.speaker_name))
        for cands in (
            in_article.get((m.article, f)),
            surname_in_article.get((m.article, f.split()[-1])) if f else None,
            by_name.get(f),
        ):
            if cands and len(cands) == 1:
                speakers[m.id] = next(iter(cands))
                break
    return speakers
