"""Generate a realistic multi-outlet news corpus with planted discrepancies.

    python benchmarks/generate.py OUT_DIR --articles 1000 --seed 7

Every story is one event (an equipment delivery, a flood, an election, a
takeover, a strike...) reported by 3-8 outlets (``--largest K``: the first
story by K reports, many outlets on one story). The outlets agree on most
facts, told in their own words, and disagree on a few planted ones: a name
spelled another way, a different title, number or date, a quote worded
differently, a fact only one outlet reports. The plants are listed in
``manifest.json`` with the exact phrase in each article, so a benchmark can
score the engine's recall.

Nothing is repeated: people, places, organisations and outlets are made from
syllables, numbers and dates are drawn per story, each fact has several
phrasings plus per-article modifiers, and no sentence occurs twice in the
corpus (which would flatter spaCy's tokenizer cache). Deterministic: the
same seed gives byte-identical files.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path

# -- general vocabulary (not tied to any real story) ---------------------------

FIRST_NAMES = """
Adel Aisha Alexei Amara Anton Ayodele Beatriz Bilal Camille Carlos Chen Dalia Daniel
Dmitri Elena Emeka Farid Fatima Gabriel Hana Hassan Ibrahim Ines Irina Ivan Jamal Javier
Joanna Jonas Julia Kamal Karin Kenji Khalid Lars Leila Lucia Malik Marco Maria Mateo Mikhail
Mona Nadia Nikolai Omar Oksana Pablo Paolo Rania Rashid Ruth Samir Sara Sergio Sofia Tariq
Tomas Umar Vera Viktor Yara Yusuf Zainab Amadou Fatou Kwame Nana Moussa Aminata Oumar Thandiwe
""".split()
COUNTRIES = """
Albania Angola Argentina Armenia Austria Bolivia Botswana Brazil Bulgaria Cameroon Canada
Chad Chile Colombia Croatia Denmark Ecuador Egypt Estonia Ethiopia Finland Georgia Ghana
Greece Guatemala Hungary Iceland India Indonesia Ireland Jordan Kenya Latvia Lebanon Libya
Lithuania Malawi Mexico Mongolia Morocco Mozambique Namibia Nepal Niger Nigeria Norway Oman
Panama Paraguay Peru Poland Portugal Romania Rwanda Senegal Serbia Slovakia Somalia Spain
Sudan Sweden Tanzania Tunisia Turkey Uganda Ukraine Uruguay Venezuela Zambia Zimbabwe
""".split()
MONTHS = "January February March April May June July August September October November December".split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
NUMBER_WORDS = "two three four five six seven eight nine ten eleven twelve".split()
_ONSETS = "b br c ch d dr f g gr h j k kr l m n p pr r s sh st t tr v z".split()
_VOWELS = "a e i o u a e i o ai ei ou".split()
_CODAS = ["", "", "", "n", "r", "l", "s", "k", "m", "nd", "rt"]

# Event types: who acts, what is counted, how the event is told.
EVENTS = {
    "delivery": dict(
        roles=["Defence Minister", "Interior Minister", "army chief of staff", "Foreign Minister"],
        roles2=["military spokesman", "deputy governor", "Trade Minister"],
        items=["helicopters", "armoured vehicles", "patrol boats", "transport aircraft", "drones"],
        items2=["tonnes of ammunition", "instructors", "spare engines", "radar units"],
        verb="delivered",
        headline=["{country} receives {noun1} from {supplier}", "{supplier} ships {noun1} to {country}",
                  "{noun1_cap} arrive in {city} under new defence deal"],
        org=["{x} Defence Industries", "{x} Aerospace Group", "{x} Arms Agency"],
    ),
    "flood": dict(
        roles=["regional governor", "Emergency Minister", "Health Minister", "mayor"],
        roles2=["Red Cross coordinator", "police spokeswoman", "disaster agency head"],
        items=["people", "residents", "villagers"],
        items2=["homes", "schools", "bridges", "clinics"],
        verb="killed",
        headline=["Floods kill {n1} in {city}", "Deadly floods hit {region} of {country}",
                  "{city} counts the cost of flash floods"],
        org=["{x} Relief Agency", "National Disaster Office of {country}", "{x} Water Authority"],
    ),
    "election": dict(
        roles=["opposition leader", "incumbent President", "party chairman", "Prime Minister"],
        roles2=["electoral commission chairman", "chief observer", "campaign manager"],
        items=["votes", "ballots"],
        items2=["polling stations", "seats", "observers"],
        verb="won",
        headline=["{person1_last} claims victory in {country} vote", "{country} election: {person1_last} ahead",
                  "Results from {country} vote disputed"],
        org=["{x} Electoral Commission", "{x} Democratic Alliance", "{x} People's Party"],
    ),
    "takeover": dict(
        roles=["chief executive", "chairman", "finance director", "Economy Minister"],
        roles2=["union representative", "analyst", "company spokesman"],
        items=["jobs", "employees", "workers"],
        items2=["stores", "factories", "offices"],
        verb="cut",
        headline=["{org} agrees takeover of {org2}", "{org2} sold to {org}", "{org} deal to cut jobs"],
        org=["{x} Holdings", "{x} Industries", "{x} Bank", "{x} Logistics"],
    ),
    "strike": dict(
        roles=["union leader", "Labour Minister", "transport secretary", "police chief"],
        roles2=["police spokesman", "hospital director", "city councillor"],
        items=["protesters", "workers", "demonstrators"],
        items2=["arrests", "injuries", "cancelled trains"],
        verb="gathered",
        headline=["Thousands strike in {city}", "{city} brought to a halt by strike",
                  "Strike over pay spreads across {country}"],
        org=["{x} Workers' Union", "{x} Transport Federation", "{x} Teachers' Association"],
    ),
}

# Words for quotes and background: combined freely so no sentence repeats.
QUOTE_OPENERS = ["We will", "Nobody can", "This government will", "Our people will", "I promise we will",
                 "We cannot", "No one should", "Today we", "Everyone must", "They will never"]
QUOTE_VERBS = ["accept", "forget", "ignore", "tolerate", "welcome", "defend", "support", "question",
               "rebuild", "protect", "restore", "review", "demand", "guarantee"]
QUOTE_OBJECTS = ["the safety of our citizens", "any further delay", "this agreement",
                 "the decision of the voters", "a fair settlement", "the independence of our institutions",
                 "the families who lost everything", "the rights of every worker", "our partners abroad",
                 "the rule of law", "the future of this region", "the trust of the public"]
QUOTE_TAILS = ["whatever the cost", "in the coming weeks", "without exception", "at every step",
               "as long as it takes", "before the end of the year", "with full transparency", ""]
SYNONYMS = {"accept": "allow", "forget": "overlook", "ignore": "neglect", "tolerate": "permit",
            "welcome": "embrace", "defend": "protect", "support": "back", "question": "doubt",
            "rebuild": "restore", "protect": "shield", "restore": "rebuild", "review": "examine",
            "demand": "insist on", "guarantee": "ensure", "will": "shall", "cannot": "must not"}
NOUNS = ["officials", "analysts", "residents", "diplomats", "observers", "lawmakers", "investors",
         "aid workers", "local journalists", "business leaders", "regional experts", "critics"]
BACKGROUND_VERBS = ["have warned", "have long argued", "said privately", "fear", "expect", "noted",
                    "have questioned", "pointed out", "believe", "have repeatedly claimed"]
BACKGROUND_CLAUSES = [
    "that tensions over {topic} could deepen before the {season}",
    "that {topic} had been delayed for {k} years",
    "that relations between {country} and {neighbour} remain strained over {topic}",
    "that the cost of {topic} has risen sharply since {year}",
    "that {topic} was never debated in parliament",
    "that {org} has lobbied hard on {topic}",
    "that the {region} region still lacks {topic}",
    "that {topic} cost {country} {money} million in {year}",
    "that {k} {people} had left the {region} region since {month} {year}",
    "that a {k}-year plan for {topic} was shelved in {month}",
    "that only {pct} percent of households were consulted on {topic}",
]
TOPICS = ["public spending", "border security", "fuel prices", "water supplies", "road building",
          "the national budget", "rural schools", "the pension system", "grain exports", "power cuts",
          "mining licences", "foreign loans", "housing shortages", "the health service", "fishing rights",
          "tax reform", "cross-border trade", "the electricity grid", "irrigation projects"]
SEASONS = ["rainy season", "summer recess", "next budget", "harvest", "winter", "coming elections"]
OUTLET_FORMS = ["The {x} Times", "{x} Daily", "{x} Post", "{x} News", "Radio {x}", "{x} Herald",
                "The {x} Observer", "{x} Wire", "{x} Tribune"]


# -- output records --------------------------------------------------------------


@dataclass
class Plant:
    """A planted discrepancy: ``odd`` is the article that differs (or the only one reporting)."""

    story: int
    kind: str
    subject: str
    odd: str  # file name
    values: dict[str, str]  # file name -> exact phrase in that article's text


@dataclass
class Story:
    id: int
    event: str
    files: list[str] = field(default_factory=list)


@dataclass
class Manifest:
    seed: int
    articles: int
    stories: list[Story] = field(default_factory=list)
    plants: list[Plant] = field(default_factory=list)


# -- generation --------------------------------------------------------------------


class Vocabulary:
    """Made-up names that never repeat within a corpus."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def word(self, syllables: int | None = None) -> str:
        rng = self.rng
        for _ in range(1000):
            n = syllables or rng.choice((2, 2, 3))
            parts = [rng.choice(_ONSETS) + rng.choice(_VOWELS) for _ in range(n)]
            w = ("".join(parts) + rng.choice(_CODAS)).capitalize()
            if w not in self.used and 4 <= len(w) <= 11:
                self.used.add(w)
                return w
        raise RuntimeError("vocabulary exhausted")

    def person(self) -> tuple[str, str, str | None]:
        middle = self.word(2) if self.rng.random() < 0.3 else None
        return self.rng.choice(FIRST_NAMES), self.word(), middle


def name_variant(first: str, last: str, rng: random.Random) -> tuple[str, str]:
    """Another spelling of a name, as transliteration and sloppy copying produce."""
    rules = [("ei", "ey"), ("ai", "ay"), ("ou", "u"), ("k", "c"), ("sh", "ch"), ("i", "y"), ("e", "é"), ("a", "á")]
    rng.shuffle(rules)
    for old, new in rules:
        if old in last[1:]:
            i = last.index(old, 1)
            return first, last[:i] + new + last[i + len(old) :]
    return first, last + last[-1]  # doubled final letter


def _fmt(n: int) -> str:
    return f"{n:,}"


def _date(d: dt.date) -> str:
    return f"{MONTHS[d.month - 1]} {d.day}"


class StoryWriter:
    """Writes the articles of one story, all telling the same facts their own way."""

    def __init__(self, story: int, event: str, size: int, rng: random.Random, vocab: Vocabulary,
                 seen: set[str]) -> None:
        self.rng, self.vocab, self.seen, self.story = rng, vocab, seen, story
        spec = EVENTS[event]
        self.event, self.spec = event, spec
        self.country, self.supplier, self.neighbour = rng.sample(COUNTRIES, 3)
        self.city = vocab.word()
        self.region = vocab.word()
        self.org = rng.choice(spec["org"]).format(x=vocab.word(), country=self.country)
        self.org2 = rng.choice(spec["org"]).format(x=vocab.word(), country=self.country)
        self.person1 = vocab.person()
        self.person2 = vocab.person()
        self.role1 = rng.choice(spec["roles"])
        self.role2 = rng.choice(spec["roles2"])
        self.noun1 = rng.choice(spec["items"])
        # noun2: a minor figure all outlets give; noun3: one only the omission's outlet gives.
        self.noun2, self.noun3 = rng.sample(spec["items2"], 2)
        small = event in ("delivery",)
        self.n1 = rng.randint(3, 40) if small else rng.randint(40, 9000)
        self.n2 = rng.randint(2, 30) if small else rng.randint(10, 2500)
        self.date = dt.date(2021, 1, 1) + dt.timedelta(days=rng.randint(0, 1000))
        self.n3 = self._number_words()  # a minor figure every outlet agrees on
        self.quote1 = self._quote()
        self.quote2 = self._quote()
        self.size = size
        # Which articles differ from the rest, and how.
        kinds = ["name_variant", "role", "number", "date", "quote", "omission"]
        self.plants: dict[str, int] = {k: rng.randrange(size) for k in rng.sample(kinds, rng.randint(2, 4))}

    # -- facts --

    def _quote(self) -> str:
        r = self.rng
        tail = r.choice(QUOTE_TAILS)
        words = f"{r.choice(QUOTE_OPENERS)} {r.choice(QUOTE_VERBS)} {r.choice(QUOTE_OBJECTS)}"
        return f"{words} {tail}".strip()

    @staticmethod
    def _reworded(quote: str) -> str:
        words = quote.split()
        for i, w in enumerate(words):
            if w in SYNONYMS:
                words[i] = SYNONYMS[w]
                break
        return " ".join(words[:-1]) if len(words) > 6 else " ".join(words) + " again"

    def names(self, k: int) -> tuple[str, str]:
        """(full name, surname) of person 1 as article ``k`` spells it."""
        first, last, middle = self.person1
        if self.plants.get("name_variant") == k:
            if middle:  # the middle name dropped
                return f"{first} {last}", last
            first, last = name_variant(first, last, self.rng)
            return f"{first} {last}", last
        return (f"{first} {middle} {last}" if middle else f"{first} {last}"), last

    def role(self, k: int) -> str:
        if self.plants.get("role") == k:
            return self.rng.choice(["Deputy ", "former ", "acting "]) + self.role1
        return self.role1

    def number(self, k: int) -> int:
        if self.plants.get("number") == k:
            return self.n1 + (round(self.n1 * self.rng.choice((0.2, 0.3, -0.25, 0.5))) or 1)
        return self.n1

    def when(self, k: int) -> dt.date:
        if self.plants.get("date") == k:
            return self.date + dt.timedelta(days=self.rng.choice((-3, -2, 2, 3, 7)))
        return self.date

    # -- sentences --

    def _unique(self, make) -> str:
        for attempt in range(50):
            s = make()
            # Add modifiers until the sentence is new (two for the many reports of a big story),
            # never inside a closing quotation.
            for _ in range((attempt > 5) + (attempt > 20)):
                if s.endswith("”"):
                    s = f"{self.rng.choice(['Later', 'Separately', 'Again', 'Earlier', 'Then'])}, {s}"
                else:
                    s = s[:-1] + f", {self.rng.choice(NOUNS)} {self.rng.choice(['said', 'noted', 'confirmed'])}."
            if s not in self.seen:
                self.seen.add(s)
                return s
        raise RuntimeError("could not write a new sentence")

    def article(self, k: int, outlet: str, published: dt.date) -> tuple[str, str, dict[str, str]]:
        """(title, body, planted phrases by kind) for article ``k`` of the story."""
        r = self.rng
        full, last = self.names(k)
        role = self.role(k)
        n1 = self.number(k)
        when = self.when(k)
        phrases: dict[str, str] = {}
        n1_text = _fmt(n1)
        count_phrase = f"{n1_text} {self.noun1}"
        date_phrase = f"on {_date(when)}"
        if self.plants.get("date") != k and 0 < (published - when).days < 7 and r.random() < 0.3:
            # Relative to the publication date, as news often is: the same day in other words.
            date_phrase = f"on {WEEKDAYS[when.weekday()]}"
        name_phrase = f"{role} {full}" if role[0].isupper() else f"{full}, the {role}"
        phrases["name_variant"] = full
        phrases["role"] = role
        phrases["number"] = count_phrase
        phrases["date"] = date_phrase
        quote = self._reworded(self.quote1) if self.plants.get("quote") == k else self.quote1
        phrases["quote"] = quote

        place = r.choice([self.city, f"the {self.region} region", f"{self.city}, {self.country}"])
        lede_forms = {
            "delivery": [
                f"{self.supplier} {self.spec['verb']} {count_phrase} to {self.country} {date_phrase}, officials in {self.city} said.",
                f"A shipment of {count_phrase} from {self.supplier} reached {self.city} {date_phrase}.",
                f"{self.country} took delivery of {count_phrase} from {self.supplier} {date_phrase}.",
            ],
            "flood": [
                f"Flash floods in {place} killed {count_phrase} {date_phrase}, according to {self.org}.",
                f"At least {count_phrase} died when rivers burst their banks in {place} {date_phrase}.",
                f"Floods that struck {place} {date_phrase} left {count_phrase} dead.",
            ],
            "election": [
                f"{full} won {count_phrase} in the vote held in {self.country} {date_phrase}, {self.org} said.",
                f"Official results give {full} {count_phrase} after polls closed {date_phrase}.",
                f"Voters in {self.country} cast {count_phrase} for {full} {date_phrase}, the commission reported.",
            ],
            "takeover": [
                f"{self.org} agreed to buy {self.org2} {date_phrase} in a deal that will cut {count_phrase}.",
                f"The takeover of {self.org2} by {self.org}, announced {date_phrase}, puts {count_phrase} at risk.",
                f"{self.org2} accepted an offer from {self.org} {date_phrase}; {count_phrase} are expected to go.",
            ],
            "strike": [
                f"About {count_phrase} gathered in {place} {date_phrase} as the strike entered its second day.",
                f"Police estimated that {count_phrase} marched through {place} {date_phrase}.",
                f"Organisers said {count_phrase} joined the walkout in {place} {date_phrase}.",
            ],
        }[self.event]
        paragraphs: list[list[str]] = []
        lede = self._unique(lambda: r.choice(lede_forms))
        paragraphs.append([lede])

        said = r.choice(["said", "told reporters", "told a news conference", "said in a statement"])
        intro = self._unique(lambda: r.choice([
            f"{name_phrase} {said} that the {r.choice(['operation', 'process', 'plan', 'response'])} was {r.choice(['on schedule', 'under control', 'far from over', 'a turning point'])}.",
            f"Speaking in {self.city}, {name_phrase} {r.choice(['described', 'called'])} the events a {r.choice(['test', 'milestone', 'warning', 'setback'])} for {self.country}.",
            f"{name_phrase} {r.choice(['confirmed', 'acknowledged', 'announced'])} the figures {r.choice(['late in the evening', 'early on', 'after a cabinet meeting', 'in a televised address'])}.",
        ]))
        quote_line = self._unique(lambda: r.choice([
            f"“{quote},” {last} said.",
            f"“{quote},” {last} told {outlet}.",
            f"{last} said: “{quote}.”",
        ]))
        paragraphs.append([intro, quote_line])

        p2_first, p2_last, _ = self.person2
        second = self._unique(lambda: r.choice([
            f"{p2_first} {p2_last}, a {self.role2}, said {self.n3} {self.noun2} had been {r.choice(['affected', 'counted', 'reported', 'involved'])}.",
            f"According to {p2_first} {p2_last}, the {self.role2}, the situation {r.choice(['remained tense', 'was improving', 'was unclear'])} in {self.city}.",
        ]))
        quote2 = self._unique(lambda: f"“{self.quote2},” {p2_last} {r.choice(['added', 'said', 'warned'])}.")
        paragraphs.append([second, quote2])

        # The omission plant: a secondary figure only one outlet reports.
        if self.plants.get("omission") == k:
            extra_phrase = f"{_fmt(self.n2)} {self.noun3}"
            # Told beside the shared figure (as a reader would notice it missing
            # elsewhere), or as a fact of its own.
            extra = self._unique(lambda: r.choice([
                f"In addition to the {count_phrase}, {extra_phrase} were {r.choice(['affected', 'involved', 'counted'])}.",
                f"Besides the {count_phrase}, the figures included {extra_phrase}.",
                f"The same report listed {extra_phrase} among the consequences.",
                f"Documents seen by {outlet} put the figure at {extra_phrase}.",
            ]))
            paragraphs.append([extra])
            phrases["omission"] = extra_phrase

        for _ in range(r.randint(10, 16)):
            paragraphs.append([self._background() for _ in range(r.randint(1, 3))])
        title = self._unique_title(r.choice(self.spec["headline"]).format(
            country=self.country, supplier=self.supplier, city=self.city, region=self.region,
            noun1=self.noun1, noun1_cap=self.noun1.capitalize(), n1=n1_text, org=self.org,
            org2=self.org2, person1_last=last,
        ))
        body = "\n\n".join(" ".join(p) for p in paragraphs) + "\n"
        return title, body, phrases

    def _unique_title(self, title: str) -> str:
        for suffix in ["", ": what we know", " - live", ", officials say", ": the latest", " (updated)",
                       " as pressure mounts", ", reports say", " amid criticism", ": analysis"]:
            if title + suffix not in self.seen:
                self.seen.add(title + suffix)
                return title + suffix
        return self._unique(lambda: title + f", {self.rng.choice(NOUNS)} say.")[:-1]

    def _number_words(self) -> str:
        return self.rng.choice(NUMBER_WORDS + [_fmt(self.rng.randint(13, 400))])

    def _background(self) -> str:
        r = self.rng

        def make() -> str:
            clause = r.choice(BACKGROUND_CLAUSES).format(
                topic=r.choice(TOPICS), season=r.choice(SEASONS), k=r.randint(2, 15),
                country=self.country, neighbour=self.neighbour, year=r.randint(1995, 2020),
                org=self.org, region=self.region, money=r.randint(3, 900), month=r.choice(MONTHS),
                people=r.choice(["families", "farmers", "teachers", "doctors", "traders"]),
                pct=r.randint(5, 95),
            )
            who = r.choice(NOUNS)
            if r.random() < 0.4:
                who = f"{who} in {r.choice([self.city, self.country, self.vocab.word()])}"
            return f"{who[0].upper()}{who[1:]} {r.choice(BACKGROUND_VERBS)} {clause}."

        return self._unique(make)


def generate(out: Path, articles: int, seed: int = 1, largest: int = 0) -> Manifest:
    """Write ``articles`` articles (and manifest.json) into ``out``; return the manifest.

    ``largest``: the first story has this many articles (many outlets on one story),
    the rest 3-8 each."""
    rng = random.Random(seed)
    vocab = Vocabulary(rng)
    seen: set[str] = set()
    out.mkdir(parents=True, exist_ok=True)
    manifest = Manifest(seed=seed, articles=articles)
    outlets = [rng.choice(OUTLET_FORMS).format(x=vocab.word()) for _ in range(40)]
    written = 0
    story_id = 0
    while written < articles:
        size = min(largest if largest and not written else rng.randint(3, 8), articles - written)
        remaining = articles - written
        if remaining - size in (1, 2):  # never leave a story of one or two at the end
            size = remaining if remaining <= 8 else remaining - 3
        event = rng.choice(sorted(EVENTS))
        writer = StoryWriter(story_id, event, size, rng, vocab, seen)
        story = Story(id=story_id, event=event)
        texts: dict[int, tuple[str, dict[str, str]]] = {}
        # More reports than outlets: some outlets publish the story more than once.
        chosen = rng.sample(outlets, size) if size <= len(outlets) else rng.choices(outlets, k=size)
        for k, outlet in enumerate(chosen):
            published = writer.date + dt.timedelta(days=rng.randint(0, 2))
            title, body, phrases = writer.article(k, outlet, published)
            name = f"{_slug(outlet)}-{rng.getrandbits(32):08x}.md"
            front = f"---\ntitle: {json.dumps(title)}\nsource: {json.dumps(outlet)}\npublished: {published.isoformat()}\n---\n"
            (out / name).write_text(front + title + "\n\n" + body, encoding="utf-8")
            story.files.append(name)
            texts[k] = (title + "\n\n" + body, phrases)
        for kind, odd in sorted(writer.plants.items()):
            if kind == "omission":
                values = {story.files[odd]: texts[odd][1]["omission"]}
            else:
                values = {story.files[k]: texts[k][1][kind] for k in range(size)}
            manifest.plants.append(Plant(story_id, kind, _subject(writer, kind), story.files[odd], values))
        manifest.stories.append(story)
        written += size
        story_id += 1
    (out / "manifest.json").write_text(json.dumps(asdict(manifest), indent=1), encoding="utf-8")
    return manifest


def _subject(writer: StoryWriter, kind: str) -> str:
    first, last, _ = writer.person1
    return {
        "name_variant": f"{first} {last}", "role": f"{first} {last}",
        "number": writer.noun1, "date": "when it happened",
        "quote": f"what {last} said", "omission": writer.noun3,
    }[kind]


def _slug(text: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in text.lower()).strip("-")


def load_manifest(folder: Path) -> Manifest:
    data = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    return Manifest(
        seed=data["seed"], articles=data["articles"],
        stories=[Story(**s) for s in data["stories"]], plants=[Plant(**p) for p in data["plants"]],
    )


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("out", type=Path, help="folder to write the articles and manifest.json into")
    p.add_argument("--articles", type=int, default=250)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--largest", type=int, default=0, help="make the first story this many articles long")
    args = p.parse_args(argv)
    m = generate(args.out, args.articles, args.seed, args.largest)
    print(f"{m.articles} articles in {len(m.stories)} stories, {len(m.plants)} planted discrepancies -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
