"""Facts about the language of news, in one place: every stage reads them here.

- normalisation: ``fold`` (the one key two spellings of a name meet on: case,
  accents, apostrophes, dashes, possessives, dots of abbreviations) and
  ``strip_accents``;
- people's names: particles, honorifics, suffixes, nouns for a person, and
  gender-guesser's dictionary of given names;
- titles and roles: the words that head a title ("minister"), qualify one
  ("deputy", "foreign"), and the narrower lists some rules need, each checked
  to lie inside the wider ones (``tests/test_language.py``);
- speech verbs: one table of verbs and their forms, with what each rule may
  use them for (attributing a quotation, reporting speech, marking a person);
- negation: the words that deny, hedge or sit between a negation and its predicate, and the
  families of predicates that affirm or deny the same act;
- how a name is used: the words around a capital that make it the city or
  its country's government, those after "the American" that make it a
  person, and the offices a title before a name ends with (``annotate.nlp.name_cues`` reads them);
- countries, nationalities and capitals: one table each, keyed by whole
  folded names ("cape verde", never "cape");
- sentence rules: the abbreviations whose period does not end a sentence;
- the words of a story: which words story grouping counts, and how they are normalised.

Tables are plain strings parsed on first use, so importing this module costs
nothing; the sentence splitter itself is the ``ct_sentences`` spaCy component.
"""

from __future__ import annotations

import importlib.util
import json
import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from functools import lru_cache
from pathlib import Path

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'"})
_DASHES = re.compile(r"[\u2010-\u2015\u2212-]")
_POSSESSIVE = re.compile(r"'s?$", re.IGNORECASE)  # "Okafor's", "Workers'" (the plural's s stays)
_SPACE = re.compile(r"\s+")

# Words that do not carry a name's identity ("the Pentagon" = "Pentagon").
_LEADING_ARTICLES = ("the ",)


# Latin letters that Unicode does not decompose into a base letter and an accent.
_UNDECOMPOSABLE = str.maketrans({
    "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th",
    "ß": "ss", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ı": "i",
})


def strip_accents(text: str) -> str:
    """"Sørensen" -> "Sorensen", "Łukasz" -> "Lukasz", "Ndiayé" -> "Ndiaye"."""
    if text.isascii():
        return text
    # (Only the runs of non-ASCII letters change: an article with one curly quote is not
    # decomposed character by character in Python.)
    return _NON_ASCII.sub(_strip_run, text)


_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def _strip_run(run: re.Match) -> str:
    decomposed = unicodedata.normalize("NFKD", run.group().translate(_UNDECOMPOSABLE))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form of a name."""
    if text.isalpha() and text.isascii():
        return text.lower()  # (most words: nothing below would change but the case)
    t = strip_accents(text).translate(_APOSTROPHES)
    t = _DASHES.sub(" ", t)
    t = _SPACE.sub(" ", t).strip().casefold()
    for article in _LEADING_ARTICLES:
        if t.startswith(article):
            t = t[len(article):]
    t = " ".join(_POSSESSIVE.sub("", w) if len(w) > 2 else w for w in t.split(" "))
    t = re.sub(r"(?<=\w)\.(?=\w)|(?<=\b\w)\.", "", t)  # U.K. -> UK, J. -> J
    t = re.sub(r"[^\w\s&']", "", t)
    return _SPACE.sub(" ", t).strip()


def by_first_letter(words: list[str] | tuple[str, ...]) -> str:
    """An alternation of ``words`` grouped by first letter, in their order ("t(?:roops|roop)|s(?:...)"):
    the same matches, but the regex engine tries one group per position, not every word."""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0], []).append(re.escape(word[1:]))
    return "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items())


# The three letters whose lower case re.IGNORECASE does not match as ``str.lower`` gives it.
_CASE_EXCEPTIONS = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})


def caseless(text: str) -> str:
    """``text`` lower-cased, letter for letter (offsets stay): a pattern of lower-case words
    matches it where the same pattern with ``re.IGNORECASE`` matches ``text``, several times
    quicker (checked over every Unicode character)."""
    if "İ" in text or "ı" in text or "ſ" in text:  # (a scan for each is quicker than translating)
        text = text.translate(_CASE_EXCEPTIONS)
    return text.lower()


@lru_cache(maxsize=200_000)
def strip_possessive(text: str) -> str:
    """``Okafor’s`` -> ``Okafor``, ``Workers’`` -> ``Workers`` (keeps the original characters otherwise)."""
    return re.sub(r"['’]s?$", "", text.strip())


# -- people's names -----------------------------------------------------------------------

# Words that open a surname rather than end the given names ("Ursula von der Leyen").
NAME_PARTICLES = frozenset(
    """von van der den de da das di do dos du des del della dei le la al el bin bint ben ibn ter ten mac st abu
    ould ag""".split()
)
HONORIFICS = frozenset("mr mrs ms miss dr sir dame lord lady prof mx".split())
# What "Mr." or "Mrs." before a surname says of the person (HONORIFICS has them all).
HONORIFIC_SEX = {"mr": "male", "mrs": "female", "ms": "female", "miss": "female"}
# Nouns for a person that a place before them makes a description of someone the story is
# about ("Spiro man", "Brooklyn mother"), with the sex they tell when they tell one.
PERSON_NOUNS = {
    "man": "male", "woman": "female", "mother": "female", "mom": "female", "mum": "female", "father": "male",
    "dad": "male", "boy": "male", "girl": "female", "teen": None, "teenager": None, "toddler": None,
    "grandmother": "female", "grandfather": "male", "wife": "female", "husband": "male", "native": None,
}
# Words after a surname that are part of the name ("Arcade Joseph Comeaux Jr.").
NAME_SUFFIXES = frozenset("jr jnr sr snr ii iii iv".split())
# Prefixes English glues to a word with a hyphen ("co-op", "ex-wife", "re-run"): capitalised, the
# first part of such a word is not a name part like "Jae" in "Jae-in".
HYPHEN_PREFIXES = frozenset("co ex re pre non pro anti post mid sub semi multi self".split())

# -- holidays ------------------------------------------------------------------------------------

# Days and seasons of the calendar named like people ("Easter Weekend", "Christmas Eve", "Boxing Day",
# "D-Day"): the words before a last word of HOLIDAY_ENDS that make the whole a named day, not a name.
# Holidays news dates things by ("over Easter", "before Christmas"): days, never a person's name alone.
HOLIDAYS = frozenset("christmas easter thanksgiving halloween passover hanukkah hanukah ramadan eid diwali pentecost hogmanay".split())
HOLIDAY_WORDS = HOLIDAYS | frozenset(
    """boxing labor labour memorial independence election inauguration veterans armistice
    remembrance valentine mother father new year lunar""".split()
)
HOLIDAY_ENDS = frozenset("day eve weekend week holiday holidays year".split())


@lru_cache(maxsize=1)
def _given_name_detector():
    """gender-guesser's dictionary of about 44,000 given names (a file shipped inside the package,
    read once: nothing is downloaded)."""
    from gender_guesser.detector import Detector

    return Detector(case_sensitive=False)


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """The dictionary's given names, folded."""
    return frozenset(n if n.isascii() else fold(n) for n in _given_name_detector().names if n.isalpha())


@lru_cache(maxsize=8192)
def given_name_gender(name: str) -> str | None:
    """"male" or "female" when the dictionary is sure enough of a given name."""
    gender = _given_name_detector().get_gender(name.capitalize())
    return gender.removeprefix("mostly_") if gender in ("male", "female", "mostly_male", "mostly_female") else None


# -- what the words around a name say it names -----------------------------------------------

# Nouns that follow a name, or its possessive, only when it names an organisation: what a company
# owns, employs or makes ("Aer Lingus shares", "China Eastern's board", "Intel processors",
# "McDonnell Douglas jets"). A person has no shareholders, and people are not sold by the dozen.
ORGANISATION_NOUNS = frozenset(
    """shares stock stocks shareholders stockholders employee employees executive executives subsidiary
    subsidiaries board ceo cfo coo jets jetliners airliners aircraft planes airplanes
    processors chips microprocessors computers laptops notebooks smartphones handsets software cars
    trucks vehicles engines fleet products""".split()
)
# A company's legal form, the last word of its name: what follows is another name ("officer of
# Apple Inc. Steve Jobs", "Acme Corp. Chairman Jane Doe"). Folded, without the period.
LEGAL_FORMS = frozenset("inc incorporated corp ltd llc llp plc gmbh nv bv".split())
# Last words of a firm named by its partners ("Burkhardt & Associates", "Harlow & Sons").
FIRM_ENDS = frozenset("associates sons brothers partners".split())
# Nouns in the singular after a name that make it a product's: "the Internet Explorer browser",
# "a Fix It tool" (a maker is named before plural nouns: "Intel processors", ORGANISATION_NOUNS).
PRODUCT_NOUNS = frozenset("browser app application tool smartphone handset tablet laptop console sedan".split())
# Words after "executive" that make it no company's executive ("the Trump executive order").
NOT_AN_EXECUTIVE = frozenset("order orders branch privilege privileges action actions power powers producer producers".split())


# -- titles and roles -------------------------------------------------------------------------

# Words that head a title or role ("Minister", "chief", "Colonel"), courtesy titles and their
# abbreviations included. The entity finder splits them from the names they stand before.
TITLE_HEADS = frozenset(
    """minister president vice-president premier chancellor secretary secretary-general
    undersecretary chief head leader spokesperson spokesman spokeswoman ambassador envoy director
    director-general commissioner governor mayor senator congressman congresswoman representative
    king queen prince princess emir sheikh sultan crown colonel general lieutenant captain major
    sergeant corporal commander commander-in-chief admiral marshal brigadier officer chairman chairwoman
    chairperson chair ceo cfo coo founder co-founder judge pope cardinal bishop archbishop imam
    ayatollah rabbi reverend rev rev. dr dr. mr mr. mrs mrs. ms ms. miss mx sir dame lord lady professor
    prof prof. col col. gen gen. lt lt. maj maj. capt capt. sgt sgt. cmdr cmdr. adm adm. sen sen. rep rep.
    gov gov. pres pres. amb amb. supt supt. insp insp. det det. hon hon. adviser advisor aide coordinator
    negotiator prosecutor attorney-general attorney lawyer analyst researcher journalist reporter
    correspondent editor economist spokesperson deputy counsellor counselor superintendent inspector
    detective constable counterpart mp mps mep lawmaker legislator councillor councilor councilman
    councilwoman councilmember ruler strongman
    dictator warlord mufti patriarch manager coach"""
    .split()
)
# Words that can precede a title head inside a role ("interim", "Foreign", "policy").
ROLE_MODIFIERS = frozenset(
    """interim acting former ex ex- deputy vice prime incumbent sitting caretaker current retired serving
    provisional honorary embattled unelected foreign defence defense interior home finance
    economy economic justice health education trade energy security affairs policy state armed army
    navy air force military senior junior top chief general first then outgoing incoming new newly
    elected appointed designate assistant associate executive managing regional national international
    opposition party transitional veteran longtime long-time exiled ousted late field staff joint special
    high cabinet government communications information environment agriculture transport labour labor
    culture sports tourism digital development cooperation minister ministers secretary president
    commander director head leader presidential royal supreme permanent principal lead parliamentary
    immigration treasury budget planning industry mines mining oil petroleum water foreign-policy
    counterterrorism counter-terrorism intelligence police public press media human rights
    humanitarian relations""".split()
)
# Lowercase words allowed inside a role only between other role words.
ROLE_LINKERS = frozenset({"of", "for", "and", "the"})
# The titles and title qualifiers a writer puts right before a name ("Justice", "Manager",
# "Foreign Minister"): when one opens a sentence it is capitalised like the name and may end up
# inside the name's span. Narrower than TITLE_HEADS | ROLE_MODIFIERS (in which it lies), whose
# words such as "security" or "state" also open the names of organisations.
TITLE_WORDS = frozenset(
    """president vice minister secretary senator governor mayor judge justice chancellor premier
    general colonel captain lieutenant major sergeant commander admiral marshal chief director
    manager coach chairman chairwoman chairperson ceo spokesman spokeswoman spokesperson ambassador
    envoy prosecutor attorney inspector superintendent commissioner deputy interim acting former
    prime foreign defence defense interior finance health pope bishop archbishop cardinal rabbi
    imam sheikh professor detective constable rep sen gov gen col capt lt sgt supt insp det cmdr""".split()
)

# The last word of a role held by one person at a time, as in "North Korean leader" or "Apple CEO";
# a role with such a head and no name after it stands for whoever the story says holds it.
OFFICE_HEADS = frozenset(
    """leader president premier chancellor minister secretary director chief ceo chairman chairwoman
    chair governor mayor dictator ruler king queen head founder co-founder ambassador commander
    spokesman spokeswoman spokesperson""".split()
)
# The heads that all name a country's leader: "the North Korean leader" is its "dictator" too.
LEADER_HEADS = frozenset("leader president premier chancellor dictator ruler king queen prime-minister".split())
# The titles that let "the minister said" refer back to a person introduced with that role.
BACK_REFERENCE_TITLES = frozenset(
    """minister president premier chancellor secretary ambassador envoy commander general
    colonel governor mayor senator chairman chairwoman chair leader king queen prince chief director
    spokesman spokeswoman spokesperson foreign defence defense""".split()
)


@lru_cache(maxsize=1)
def titles() -> frozenset[str]:
    """Every word that stands before a name as its title: TITLE_HEADS and nameparser's list of
    about 800 titles ("actress", "coach", "mountaineer"), as single folded words."""
    from nameparser.config.titles import TITLES  # (the list alone: nameparser's parser is not needed)

    return frozenset(fold(t) for t in TITLES if t.isalpha()) | TITLE_HEADS


# -- speech verbs -----------------------------------------------------------------------------

# Verbs that report what someone said, each with its forms (base, -s, past, -ing; "-" for none)
# and what the rules may read into them:
#   q  the verb attributes a quotation ("“…,” Silva warned");
#   r  it reports speech without quotation marks ("Silva warned the ministry ...");
#   p  a name right before it is a person's ("Okafor said": organisations post and estimate too).
_SPEECH_VERB_TABLE = """
say says said saying qrp; tell tells told telling qrp; add adds added adding qrp; state states stated stating qrp;
assert asserts asserted asserting qrp; argue argues argued arguing qrp; claim claims claimed claiming qrp;
call calls called calling qr; describe describes described describing qr; warn warns warned warning qrp;
insist insists insisted insisting qrp; note notes noted noting qrp; write writes wrote writing qrp;
declare declares declared declaring qrp; announce announces announced announcing qrp; urge urges urged urging qrp;
accuse accuses accused accusing qr; deny denies denied denying qrp; explain explains explained explaining qrp;
reply replies replied replying qrp; respond responds responded responding qrp; remark remarks remarked - q;
acknowledge acknowledges acknowledged - qrp; admit admits admitted - qrp; tweet tweets tweeted tweeting qrp;
comment comments commented - q; brand brands branded branding q; dub dubs dubbed - q; label labels labelled - q;
- - labeled - q; term terms termed - q; vow vows vowed - qr; promise promises promised - qr; pledge pledges pledged - qr;
stress stresses stressed - qr; emphasise - emphasised - qr; emphasize - emphasized - qr; suggest suggests suggested - qr;
confirm confirms confirmed - qrp; reiterate reiterates reiterated - qr; ask asks asked asking qrp;
demand demands demanded - q; praise - praised - qr; criticise - criticised - qr; criticize - criticized - qr;
condemn - condemned - qr; denounce - denounced - q; hail hails hailed - q; characterise - characterised - q;
characterize - characterized - q; quote - quoted - q; cite - cited - q; continue - continued - q;
conclude - concluded - q; recall - recalled - qrp; predict - predicted - qr; threaten - threatened - q;
disagree disagrees disagreed - q; agree agrees agreed - q; retort retorts retorted - q; speak - spoke - p;
allege - alleged - r; blame - blamed - r; counter - countered - r; dismiss - dismissed - r; estimate - estimated - r;
indicate - indicated - r; maintain - maintained - r; post - posted - r; question - questioned - r;
reject - rejected - r; repeat - repeated - r; reveal - revealed - r; welcome - welcomed - r
"""


def _speech_verbs(use: str, finite_only: bool) -> frozenset[str]:
    """The forms of the verbs marked ``use``; with ``finite_only``, those that can follow a
    subject ("said", "says"), not "say" or "saying"."""
    forms: set[str] = set()
    for entry in _SPEECH_VERB_TABLE.split(";"):
        *words, uses = entry.split()
        if use in uses:
            chosen = words[1:3] if finite_only else words
            forms.update(w for w in chosen if w != "-")
    return frozenset(forms)


# Every form of a verb that attributes a quotation ("say", "says", "said", "saying").
QUOTE_VERBS = _speech_verbs("q", finite_only=False)
# Verbs after a name that report what the person said ("Petrova said the ministry ...").
REPORTING_VERBS = _speech_verbs("r", finite_only=True)
# Verbs that make the name before them a person's ("Okafor said").
PERSON_SPEECH_VERBS = _speech_verbs("p", finite_only=True)

# The forms of "say" after which a sentence's last words are its speaker ("..., said Okafor.").
SAID_FORMS = frozenset({"said", "says"})

# Words that may stand between a name and its reporting verb ("Petrova has also said ...").
SPEECH_VERB_LEADS = frozenset("has had have also then later publicly repeatedly".split())
# Words after a reporting verb that lead into a date rather than into what was said ("said late on Thursday").
SPEECH_DATE_LEADS = frozenset({"", "on", "late on", "in", "last"})
# Words that, between a comma and a name, start another clause rather than a title
# (", and Petrova said" is no attribution of what comes before the comma).
CLAUSE_CONJUNCTIONS = frozenset("and but or while as when after before because so then who which".split())


# -- negation and the predicates it denies -----------------------------------------------

# Words that deny what follows them ("did not hire", "denied hiring", "is unlikely to meet").
NEGATION_WORDS = frozenset(
    """not never denied deny denies denying refused refuses refuse unlikely cannot can't won't didn't doesn't
    don't isn't aren't wasn't weren't hasn't haven't hadn't wouldn't couldn't shouldn't""".split()
)
# Words that negate a noun ("no meeting") or an act ("without"): near a predicate, they keep a
# clause from affirming it, though they deny no act themselves.
NEGATING_WORDS = NEGATION_WORDS | {"no", "without"}
# Words that make a clause a possibility, a condition or a question, not a statement of fact.
HEDGE_WORDS = frozenset("might may could would should if whether can".split())
# Adverbs between a negation and the verb it negates ("has not already discussed", "did not yet
# sign"): the verb is the predicate, not the adverb. ("did not also rescind" is no denial of
# rescinding: it grants one act and denies another, so "also" stays the predicate there.)
NEGATION_ADVERBS = ("already", "yet", "ever", "even")
# Words between a negation and what it negates ("denied that it had hired").
NEGATION_GAP_WORDS = frozenset(
    """that it he she they we i you had has have been be being was were is are to any the a an also
    so personally directly himself herself itself themselves""".split()
) | frozenset(NEGATION_ADVERBS)
# Auxiliaries a "not" follows ("was not", "did not") and verbs that deny ("denied sending").
NEGATED_AUXILIARIES = ("was", "were", "is", "are", "has", "have", "had", "did", "does", "do", "will", "would", "could", "can")
NEGATED_CONTRACTIONS = ("wasn", "weren", "isn", "aren", "hasn", "haven", "hadn", "didn", "doesn", "don", "won", "couldn", "can")
DENYING_VERBS = ("denied", "denies", "deny", "rejected", "rejects")
# Words whose presence makes a clause a negative one, whatever they negate (with "n't").
CLAUSE_NEGATIONS = ("not", "never", "no", "nor", "neither", "denied", "denies", "deny", "without")
# Acts affirmed or denied in the same words: each line one family (the detectors stem them).
ACT_FAMILIES = (
    "hire hired hiring employ employed recruit recruited brought bring bringing",
    "name named naming include included includes list listed",
    "meet met meeting see visit visited",
    "confirm confirmed acknowledge acknowledged admit admitted",
    "attend attended join joined participate participated",
    "sign signed agree agreed approve approved accept accepted",
    "kill killed die died",
    "resign resigned quit step stepped",
)
# Acts an outlet may credit to one doer and another outlet to another ("were released by
# Republican officials" / "the Justice Department released copies"): each line one family, the
# forms that take an object after the doer or a doer after "by" (``detectors.agent``). Acts that
# many do side by side are left out: several send letters, provide information, announce one
# decision together ("Locke announced" / "Salazar announced"), so two doers need not conflict. A
# leak and a release are two acts (leaked to the press by one, released by another).
AGENT_ACTS = (
    "released",
    "leaked",
)
# Bodies named by their kind alone ("Police", "the Ministry", "Officials"): which kind of doer, not
# which one (``detectors.agent``: "killed by Police" and "killed by NYPD officers" agree).
INSTITUTION_NOUNS = (
    "police authorities authority officials official government army military troops forces prosecutors "
    "prosecutor court ministry department agency officers investigators administration spokesman "
    "spokeswoman spokesperson"
).split()
# Words that may stand between a doer and its act ("the ministry had released", "X also sent").
AGENT_ACT_LEADS = frozenset("has have had also then later quietly".split())
# What an entity is affirmed or denied to have done, broader: being involved covers helping,
# supplying, paying (the first family, which the others of involvement join: see ``claim``).
INVOLVEMENT_FAMILIES = (
    "involved involvement involve assistance assist assisted help helped support supported backing backed aid "
    "aided soliciting solicit solicited requested request contracted contract hired hire sponsored sponsor "
    "cooperation cooperate cooperated participate participated participation role behind engaged engagement "
    "sent send sending supplied supply supplying provided provide providing delivered deliver delivery",
    "knew know known aware informed notified",
    "responsible responsibility blamed blame caused cause orchestrated ordered order carried",
    "present presence deployed deploy deployment stationed operating operate operations",
    "killed kill died dead death deaths",
    "attacked attack struck strike bombed bomb shelled shelling",
    "paid pay payment paying funded fund funding financed finance",
    "sold sell sale selling bought buy purchased purchase",
    "agreed agree agreement signed sign accepted accept approved approve",
    "met meet meeting talks talked",
)
# Words that make what follows them an allegation or the matter of an inquiry ("the investigation
# into the Kremlin's meddling", "allegedly paid", "accused of bribing"): said to be looked into, not
# said to have happened, so no affirmation against another outlet's denial.
ALLEGATION_WORDS = (
    "investigation investigations probe probes inquiry inquiries allegation allegations alleged allegedly "
    "accusation accusations accused accusing accuses suspected suspicion suspicions"
).split()
# What news says a source did not do for the reporter, not about the story ("could not be
# reached", "did not respond to a request for comment"): never a denial of the story's facts.
REPORTER_BOILERPLATE = frozenset(
    """reached reach respond responded return returned comment commented available specify specified elaborate
    elaborated disclose disclosed identify identified say said immediately""".split()
)
# ... and the words an entity's denial of an involvement may also leave open ("not clear", "not named").
UNSTATED_WORDS = frozenset("clear known name named".split())
# Nouns a name before them qualifies ("the Trump campaign"): what is said is of the group.
GROUP_NOUNS = (
    "campaign administration team organisation organization family government camp aides officials "
    "associates allies supporters lawyers company group"
).split()


# -- how a name is used: the words around it --------------------------------------------------
# (``annotate.nlp.name_cues`` makes its patterns of these words.)

# A capital where something happens or someone goes, by the word before it ("in Moscow", "flew to
# Seoul", "the capital, Seoul") ...
CITY_BEFORE = frozenset(
    "in at to from into near outside inside around across via through visit visits visited visiting capital,".split()
)
# ... or by the city's own things after its possessive ("Moscow's mayor", "Seoul's subway").
CITY_NOUNS = frozenset(
    "mayor city streets residents airport airports subway metro police suburbs downtown centre center council".split()
)
# A capital acting as its country's government, by the word before it ("ties with Washington",
# "talks between Seoul and ...") ...
ACTOR_BEFORE = frozenset("with between against on by".split())
# ... or by a verb after it (besides any verb in "-ed": "Pyongyang signaled"): "Moscow has denied".
ACTOR_VERBS = frozenset(
    """has have had is was will would could can may might must should did does also says said wants denies
    insists claims warns accuses rejects responds""".split()
)
# Auxiliaries between a capital and its verb of speech, the strongest sign of the state: "Moscow has
# denied", "Tehran also said" (the verbs are REPORTING_VERBS).
SPEECH_AUXILIARIES = frozenset("has have had also".split())
# Words after "the American" that make it a person, not an adjective ("the American was", "the
# American, who"); besides punctuation and a possessive.
AFTER_A_PERSON = frozenset(
    """was is had has who would will could did in on at after before to from with and but as for by said says
    then again""".split()
)
# A person's role near their name (``annotate.nlp.name_cues.role_cues``). A role that ends in one
# of these words is cut short ("spokesman for Mr. Moon"), not an office; a title read before a name
# never starts with one.
ROLE_DANGLING = frozenset("for of to at by with from in on mr mrs ms dr the a an and".split())
# "Trump's former campaign manager Paul Manafort": the offices a title written right before a name
# may end with, and the words that may qualify them, in the order they are tried.
ROLE_BEFORE_OFFICES = tuple(
    """manager chairman chairwoman chair chairperson adviser advisor director secretary spokesman spokeswoman
    spokesperson minister aide attorney counsel lawyer deputy strategist treasurer ambassador governor
    mayor""".split()
)
ROLE_BEFORE_QUALIFIERS = tuple(
    "former then- acting interim deputy senior chief top campaign personal political national security economic foreign policy".split()
)


# -- calendar words ---------------------------------------------------------------------------

# Month names and the abbreviations news writes, lowercase -> month number; weekdays -> 0 (Monday)..6.
MONTH_ABBREVIATIONS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}  # fmt: skip
MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    **MONTH_ABBREVIATIONS,
}  # fmt: skip
WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3,
    "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip


# -- sentence rules ---------------------------------------------------------------------------

# Abbreviated titles ("Col. Ahmed Diallo", "said Ms. Silva"): their period ends no sentence.
TITLE_ABBREVIATIONS = frozenset(
    "Mr Mrs Ms Dr Prof Gen Col Lt Maj Capt Sgt Cpl Adm Cmdr Brig Sen Rep Gov Pres Amb Rev Hon Supt Insp Det".split()
)
# Every abbreviation whose period does not end a sentence (a single capital, "J.", is one too).
ABBREVIATIONS = TITLE_ABBREVIATIONS | frozenset(
    "St Jr Sr Mt Ft No Nos Vol Inc Ltd Co Corp vs etc".split()
) | frozenset(m.capitalize() for m in MONTH_ABBREVIATIONS)


# -- the states of the US ------------------------------------------------------------------------

# A place news names as often as a country (the entity finder's gazetteer reads them as GPE).
US_STATES = tuple(
    """Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|
    Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|
    Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|
    North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|
    South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming""".replace(
        "\n", ""
    ).replace("    ", "").split("|")
)
# American news follows a lawmaker's name with party and state: "Bob Goodlatte (R-Va.)",
# "Adam Schiff, D-Calif.", "Bernie Sanders, I-Vt.". That tag is not a name of its own.
PARTY_LETTERS = frozenset("R D I".split())
# The states as news writes them in that tag, lower case without a final period: AP's
# abbreviations, postal codes and full names (AP writes eight states in full).
US_STATE_FORMS = frozenset(
    """ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo mont
    neb nev n.h n.j n.m n.y n.c n.d okla ore pa r.i s.c s.d tenn tex vt va wash w.va wis wyo d.c
    al ak az ar ca co ct de fl ga hi id il in ia ks ky la me md ma mi mn ms mo mt ne nv nh nj nm ny
    nc nd oh ok or pa ri sc sd tn tx ut vt va wa wv wi wy dc""".split()
) | frozenset(state.lower() for state in US_STATES)


# -- countries, nationalities and capitals ----------------------------------------------------

# Countries and their adjectives, the one table of them: name | demonym[, more demonyms]
# (";" separates entries). The entity finder's gazetteer and the keys below read it.
COUNTRY_TABLE = """
Afghanistan|Afghan; Albania|Albanian; Algeria|Algerian; Andorra|Andorran; Angola|Angolan;
Argentina|Argentine,Argentinian; Armenia|Armenian; Australia|Australian; Austria|Austrian;
Azerbaijan|Azerbaijani,Azeri; Bahamas|Bahamian; Bahrain|Bahraini; Bangladesh|Bangladeshi;
Barbados|Barbadian; Belarus|Belarusian; Belgium|Belgian; Belize|Belizean; Benin|Beninese;
Bhutan|Bhutanese; Bolivia|Bolivian; Bosnia|Bosnian; Bosnia and Herzegovina|Bosnian;
Botswana|Botswanan; Brazil|Brazilian; Brunei|Bruneian; Bulgaria|Bulgarian;
Burkina Faso|Burkinabe,Burkinabè; Burundi|Burundian; Cambodia|Cambodian; Cameroon|Cameroonian;
Canada|Canadian; Cape Verde|Cape Verdean; Central African Republic|Central African; Chad|Chadian;
Chile|Chilean; China|Chinese; Colombia|Colombian; Comoros|Comorian; Congo|Congolese;
Democratic Republic of Congo|Congolese; Democratic Republic of the Congo|Congolese; DR Congo|Congolese; DRC|Congolese;
Costa Rica|Costa Rican; Croatia|Croatian; Cuba|Cuban; Cyprus|Cypriot; Czech Republic|Czech; Czechia|Czech;
Denmark|Danish; Djibouti|Djiboutian; Dominica|Dominican; Dominican Republic|Dominican;
Ecuador|Ecuadorian; Egypt|Egyptian; El Salvador|Salvadoran; Equatorial Guinea|Equatoguinean;
Eritrea|Eritrean; Estonia|Estonian; Eswatini|Swazi; Ethiopia|Ethiopian; Fiji|Fijian;
Finland|Finnish; France|French; Gabon|Gabonese; Gambia|Gambian; Georgia|Georgian; Germany|German;
Ghana|Ghanaian; Greece|Greek; Grenada|Grenadian; Guatemala|Guatemalan; Guinea|Guinean;
Guinea-Bissau|Bissau-Guinean; Guyana|Guyanese; Haiti|Haitian; Honduras|Honduran; Hungary|Hungarian;
Iceland|Icelandic; India|Indian; Indonesia|Indonesian; Iran|Iranian; Iraq|Iraqi; Ireland|Irish;
Israel|Israeli; Italy|Italian; Ivory Coast|Ivorian; Côte d'Ivoire|Ivorian; Jamaica|Jamaican;
Japan|Japanese; Jordan|Jordanian; Kazakhstan|Kazakh; Kenya|Kenyan; Kiribati|I-Kiribati;
Kosovo|Kosovar; Kuwait|Kuwaiti; Kyrgyzstan|Kyrgyz; Laos|Lao,Laotian; Latvia|Latvian;
Lebanon|Lebanese; Lesotho|Basotho; Liberia|Liberian; Libya|Libyan; Liechtenstein|Liechtensteiner;
Lithuania|Lithuanian; Luxembourg|Luxembourgish; Madagascar|Malagasy; Malawi|Malawian;
Malaysia|Malaysian; Maldives|Maldivian; Mali|Malian; Malta|Maltese; Marshall Islands|Marshallese;
Mauritania|Mauritanian; Mauritius|Mauritian; Mexico|Mexican; Micronesia|Micronesian;
Moldova|Moldovan; Monaco|Monegasque; Mongolia|Mongolian; Montenegro|Montenegrin; Morocco|Moroccan;
Mozambique|Mozambican; Myanmar|Burmese; Burma|Burmese; Namibia|Namibian; Nauru|Nauruan;
Nepal|Nepali,Nepalese; Netherlands|Dutch; Holland|Dutch; New Zealand|New Zealander; Nicaragua|Nicaraguan;
Niger|Nigerien; Nigeria|Nigerian; North Korea|North Korean; North Macedonia|Macedonian;
Norway|Norwegian; Oman|Omani; Pakistan|Pakistani; Palau|Palauan; Palestine|Palestinian;
Panama|Panamanian; Papua New Guinea|Papua New Guinean; Paraguay|Paraguayan; Peru|Peruvian;
Philippines|Filipino,Philippine; Poland|Polish; Portugal|Portuguese; Qatar|Qatari;
Romania|Romanian; Russia|Russian; Russian Federation|Russian; Rwanda|Rwandan; Samoa|Samoan;
San Marino|Sammarinese; Saudi Arabia|Saudi; Senegal|Senegalese; Serbia|Serbian; Seychelles|Seychellois;
Sierra Leone|Sierra Leonean; Singapore|Singaporean; Slovakia|Slovak; Slovenia|Slovenian,Slovene;
Solomon Islands|Solomon Islander; Somalia|Somali; South Africa|South African; South Korea|South Korean;
Korea|Korean; South Sudan|South Sudanese; Spain|Spanish; Sri Lanka|Sri Lankan; Sudan|Sudanese;
Suriname|Surinamese; Sweden|Swedish; Switzerland|Swiss; Syria|Syrian; Taiwan|Taiwanese;
Tajikistan|Tajik; Tanzania|Tanzanian; Thailand|Thai; Timor-Leste|Timorese; East Timor|Timorese;
Togo|Togolese; Tonga|Tongan; Trinidad and Tobago|Trinidadian; Tunisia|Tunisian; Turkey|Turkish;
Türkiye|Turkish; Turkmenistan|Turkmen; Tuvalu|Tuvaluan; Uganda|Ugandan; Ukraine|Ukrainian;
United Arab Emirates|Emirati; UAE|Emirati; United Kingdom|British; UK|British; U.K.|British;
Britain|British; Great Britain|British; England|English; Scotland|Scottish; Wales|Welsh;
Northern Ireland|Northern Irish; United States|American; United States of America|American;
US|American; U.S.|American; USA|American; U.S.A.|American; America|American; Uruguay|Uruguayan;
Uzbekistan|Uzbek; Vanuatu|Vanuatuan; Vatican|Vatican; Venezuela|Venezuelan; Vietnam|Vietnamese;
Yemen|Yemeni; Zambia|Zambian; Zimbabwe|Zimbabwean; Greenland|Greenlandic; Hong Kong|Hong Konger;
Puerto Rico|Puerto Rican; Western Sahara|Sahrawi; Crimea|Crimean; Chechnya|Chechen;
Soviet Union|Soviet; USSR|Soviet; Gaza|Gazan; West Bank; Tibet|Tibetan; Kurdistan|Kurdish
"""
# Other words for a country or continent that are not in the table's demonym column.
_MORE_DEMONYMS = {"us": "united states", "u.s.": "united states", "uk": "united kingdom", "european": "europe",
                  "african": "africa", "asian": "asia"}


@lru_cache(maxsize=1)
def _country_table() -> tuple[frozenset[str], dict[str, str], dict[str, str]]:
    """(folded country names, folded demonym -> folded country, folded other name -> folded
    country) from ``COUNTRY_TABLE``, ``_NEWS_ALIASES`` and ISO 3166 (``iso_countries``)."""
    countries: set[str] = set()
    aliases = dict(_NEWS_ALIASES)
    demonyms: dict[str, str] = dict(_MORE_DEMONYMS)
    for entry in COUNTRY_TABLE.split(";"):
        name, _, adjectives = entry.strip().partition("|")
        country = fold(name)
        if not country:
            continue
        countries.add(country)
        for adjective in adjectives.split(","):
            if adjective.strip():
                demonyms.setdefault(fold(adjective), aliases.get(country, country))
    # ISO's countries and territories: names of a country the table knows become its aliases
    # ("French Republic" -> "france"); the others are countries of their own ("saint lucia").
    for names in iso_countries():
        keys = [fold(n) for n in names]
        known = next((aliases.get(k, k) for k in keys if k in countries or k in aliases), None)
        if known is None:
            known = keys[0]
            countries.add(known)
        for key in keys:
            if key != known and key not in countries:
                aliases.setdefault(key, known)
    return frozenset(countries), demonyms, aliases


def iso_countries_file() -> Path | None:
    """pycountry's ISO 3166-1 data file, found without importing pycountry."""
    spec = importlib.util.find_spec("pycountry")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "databases" / "iso3166-1.json"
    return path if path.is_file() else None


@lru_cache(maxsize=1)
def iso_countries() -> tuple[tuple[str, ...], ...]:
    """The countries and territories of ISO 3166-1, each as the names it is written by: common
    name, name, official name ("Saint Lucia"; "France", "French Republic"), without ISO's
    inverted forms ("Korea, Republic of") and notes in brackets.

    Read from the data file pycountry ships (nothing is downloaded); the file is read without
    importing pycountry, whose import costs ten times more than reading it."""
    path = iso_countries_file()
    if path is None:
        return ()
    out: list[tuple[str, ...]] = []
    for entry in json.loads(path.read_text(encoding="utf-8"))["3166-1"]:
        names = []
        for field in ("common_name", "name", "official_name"):
            name = _SPACE.sub(" ", re.sub(r"\([^)]*\)", "", entry.get(field) or "")).strip()
            if name and "," not in name and name not in names:
                names.append(name)
        if names:
            out.append(tuple(names))
    return tuple(out)

# "Argentine Republic", "Republic of Korea", "Kingdom of Spain" -> the country.
_STATE_FORM_PREFIX = re.compile(
    r"^(?:(?:the\s+)?(?:(?:federal|islamic|people's|united|arab|socialist|federative)\s+)*"
    r"(?:republic|kingdom|state|states|federation|commonwealth|principality|sultanate|emirate)\s+of\s+)(.+)$"
)
_STATE_FORM_SUFFIX = re.compile(r"^(.+?)\s+(?:federation|republic|federal republic|kingdom)$")


# Other names of countries news writes, folded -> the folded name used as the key (ISO's official
# names are added to them in ``COUNTRY_ALIASES``). General.
_NEWS_ALIASES = {
    "britain": "united kingdom", "great britain": "united kingdom", "uk": "united kingdom",
    "us": "united states", "usa": "united states", "america": "united states",
    "united states of america": "united states", "holland": "netherlands", "burma": "myanmar",
    "cote divoire": "ivory coast", "cote d'ivoire": "ivory coast", "czech republic": "czechia",
    "turkiye": "turkey", "drc": "democratic republic of the congo", "dr congo": "democratic republic of the congo",
    "uae": "united arab emirates", "emirates": "united arab emirates", "swaziland": "eswatini",
    "north macedonia": "macedonia", "persia": "iran", "the netherlands": "netherlands",
    "dprk": "north korea", "rok": "south korea", "prc": "china",
    "cabo verde": "cape verde", "brunei darussalam": "brunei", "federated states of micronesia": "micronesia",
    "state of palestine": "palestine", "holy see": "vatican",
}


# Capitals and the countries they stand for when a story says "Pyongyang said" or "talks between
# Washington and Tehran": capital|country (";" separates entries), countries as the table names them.
CAPITAL_TABLE = """
Kabul|Afghanistan; Tirana|Albania; Algiers|Algeria; Luanda|Angola; Buenos Aires|Argentina; Yerevan|Armenia;
Canberra|Australia; Vienna|Austria; Baku|Azerbaijan; Manama|Bahrain; Dhaka|Bangladesh; Minsk|Belarus;
Brussels|Belgium; Sarajevo|Bosnia and Herzegovina; Brasilia|Brazil; Brasília|Brazil; Sofia|Bulgaria;
Phnom Penh|Cambodia; Ottawa|Canada; Santiago|Chile; Beijing|China; Bogota|Colombia; Bogotá|Colombia;
Kinshasa|Democratic Republic of the Congo; Zagreb|Croatia; Havana|Cuba; Nicosia|Cyprus; Prague|Czechia;
Copenhagen|Denmark; Quito|Ecuador; Cairo|Egypt; Addis Ababa|Ethiopia; Helsinki|Finland; Paris|France;
Tbilisi|Georgia; Berlin|Germany; Accra|Ghana; Athens|Greece; Budapest|Hungary; Reykjavik|Iceland;
New Delhi|India; Jakarta|Indonesia; Tehran|Iran; Baghdad|Iraq; Dublin|Ireland; Rome|Italy; Tokyo|Japan;
Amman|Jordan; Astana|Kazakhstan; Nairobi|Kenya; Pristina|Kosovo; Bishkek|Kyrgyzstan; Riga|Latvia;
Beirut|Lebanon; Tripoli|Libya; Vilnius|Lithuania; Kuala Lumpur|Malaysia; Bamako|Mali; Mexico City|Mexico;
Chisinau|Moldova; Ulaanbaatar|Mongolia; Rabat|Morocco; Naypyidaw|Myanmar; Kathmandu|Nepal;
The Hague|Netherlands; Wellington|New Zealand; Managua|Nicaragua; Niamey|Niger; Abuja|Nigeria;
Pyongyang|North Korea; Oslo|Norway; Muscat|Oman; Islamabad|Pakistan; Ramallah|Palestine; Lima|Peru;
Manila|Philippines; Warsaw|Poland; Lisbon|Portugal; Doha|Qatar; Bucharest|Romania; Moscow|Russia;
Kigali|Rwanda; Riyadh|Saudi Arabia; Dakar|Senegal; Belgrade|Serbia; Mogadishu|Somalia; Pretoria|South Africa;
Seoul|South Korea; Juba|South Sudan; Madrid|Spain; Khartoum|Sudan; Stockholm|Sweden; Bern|Switzerland;
Damascus|Syria; Taipei|Taiwan; Dushanbe|Tajikistan; Dodoma|Tanzania; Bangkok|Thailand; Tunis|Tunisia;
Ankara|Turkey; Ashgabat|Turkmenistan; Kampala|Uganda; Kyiv|Ukraine; Kiev|Ukraine; Abu Dhabi|United Arab Emirates;
London|United Kingdom; Washington|United States; Montevideo|Uruguay; Tashkent|Uzbekistan; Caracas|Venezuela;
Hanoi|Vietnam; Sanaa|Yemen; Lusaka|Zambia; Harare|Zimbabwe; Jerusalem|Israel; Tel Aviv|Israel
"""


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    pairs = (entry.strip().partition("|") for entry in CAPITAL_TABLE.split(";"))
    return {fold(city): fold(country) for city, _, country in pairs if city}


def country_of_capital(name: str) -> str | None:
    """The country (folded) whose capital ``name`` is: "Pyongyang" -> "north korea"."""
    return _capitals().get(fold(name))


@lru_cache(maxsize=200_000)
def country_core(name: str) -> str | None:
    """The country inside a formal state name: "Argentine Republic" -> "argentine".

    Returns the folded core (possibly a demonym; resolve it with
    ``demonym_candidates``) or None when the name is not a state form.
    """
    f = fold(name)
    m = _STATE_FORM_PREFIX.match(f) or _STATE_FORM_SUFFIX.match(f)
    if not m:
        return None
    core = m.group(1).strip()
    return core or None


@lru_cache(maxsize=100_000)
def demonym_candidates(word: str) -> tuple[str, ...]:
    """Places a demonym or adjective may stand for: "peruvian" -> ["peru", ...].

    Suffix rules give candidates; the caller keeps the one that is a known
    place in the corpus. "Peru's" (possessive) folds to "peru" already.
    """
    w = fold(word)
    out = [w]
    country = _country_table()[1].get(w)
    if country:
        out.append(country)
    for suffix, repl in (("ians", "ia"), ("ian", "ia"), ("ans", "a"), ("an", "a"), ("an", ""),
                         ("ns", ""), ("n", ""), ("ese", ""), ("ese", "a"), ("ish", ""), ("i", ""),
                         ("ic", "ia"), ("ean", "ea"), ("ean", "e"), ("ian", "a"), ("ian", "y"), ("ian", ""), ("ian", "e")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            out.append(w[: len(w) - len(suffix)] + repl)
    return tuple(dict.fromkeys(out))


def country_of_demonym(word: str) -> str | None:
    """The country (folded, as ``COUNTRY_ALIASES`` keys it) a nationality word stands for:
    "Russian", "Russians" -> "russia"; "North Korean" -> "north korea"; None for other words."""
    demonyms = _country_table()[1]
    w = fold(word)
    country = demonyms.get(w) or (demonyms.get(w[:-1]) if w.endswith("s") else None)
    return _country_table()[2].get(country, country) if country else None


@lru_cache(maxsize=100_000)
def place_of(word: str, places: frozenset[str]) -> str | None:
    """The known place (folded) that ``word`` names or describes, if any."""
    for c in demonym_candidates(word):
        if c in places:
            return c
    return None


def __getattr__(name: str) -> object:
    """The country tables, built on first use (a warm start that reads the cache never needs them):

    - ``COUNTRIES``: country names (folded, whole: "cape verde", never "cape"), so "Chilean" or
      "Peru's" is read as a nationality even when the country itself is not named in the story;
      and the continents;
    - ``COUNTRY_ALIASES``: other names of countries, folded -> the folded name used as the key
      ("burma" -> "myanmar", "french republic" -> "france")."""
    if name == "COUNTRIES":
        value: object = _countries()
    elif name == "COUNTRY_ALIASES":
        value = _country_table()[2]
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


def is_demonym_word(word: str) -> bool:
    """A capitalised nationality adjective of a known country ("Chilean", "French")."""
    if not word[:1].isupper():
        return False
    w = fold(word)
    countries = _countries()
    return w not in countries and place_of(w, countries) is not None


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    return _country_table()[0] | frozenset(("europe", "africa", "asia"))


# -- numbers: the words that write, qualify and count a quantity ----------------------------

# Number words and their values ("twenty-five", "a dozen", "1.2bn").
ONES_AND_TEENS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
NUMBER_SCALES: dict[str, int] = {
    "dozen": 12, "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000, "k": 1_000, "m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000,
    "bn": 1_000_000_000, "b": 1_000_000_000, "tn": 1_000_000_000_000, "trn": 1_000_000_000_000,
}  # fmt: skip
CURRENCIES: dict[str, str] = {
    "$": "dollars", "us$": "dollars", "usd": "dollars", "dollar": "dollars", "dollars": "dollars",
    "€": "euros", "eur": "euros", "euro": "euros", "euros": "euros",
    "£": "pounds", "gbp": "pounds", "pound": "pounds", "pounds": "pounds",
    "¥": "yen", "yen": "yen",
}  # fmt: skip
QUALIFIERS = (
    "more than", "over", "at least", "fewer than", "less than", "about", "around", "nearly",
    "up to", "almost", "roughly", "approximately", "some", "an estimated", "close to",
    "at most", "as many as", "as few as", "under", "just over", "just under", "well over",
    "upwards of", "in excess of", "no more than", "no fewer than", "no less than",
    "an additional", "another",
)  # fmt: skip

# Nouns that tell what an uncounted number counts ("the 700 still stationed there").
CONTEXT_NOUNS = (
    "troops", "troop", "soldiers", "soldier", "forces", "servicemen", "personnel",
    "peacekeepers", "fighters", "militants", "mercenaries", "people", "civilians",
    "refugees", "migrants", "residents", "casualties", "deaths", "workers", "police",
    "officers", "prisoners", "hostages", "voters", "votes", "cases", "children", "death toll",
)  # fmt: skip
# Synonyms that count the same thing, mapped to one canonical plural.
COUNT_SYNONYMS = {
    "soldiers": "troops", "troop": "troops", "forces": "troops", "servicemen": "troops",
    "servicewomen": "troops", "personnel": "troops", "persons": "people",
    "fatalities": "deaths", "dead": "deaths", "death toll": "deaths",
}  # fmt: skip
IRREGULAR_PLURALS = {
    "people": "people", "person": "people", "men": "men", "man": "men", "women": "women",
    "woman": "women", "children": "children", "child": "children", "police": "police",
    "personnel": "personnel", "staff": "staff", "aircraft": "aircraft", "cattle": "cattle",
    "livestock": "livestock", "sheep": "sheep", "media": "media", "data": "data",
    "dead": "dead", "wounded": "wounded", "injured": "injured", "feet": "feet", "foot": "feet",
    "ammunition": "ammunition", "equipment": "equipment",
}  # fmt: skip
# Measures written short, by the plural a reader would say.
UNIT_ABBREVIATIONS = {
    "km": "kilometres", "kms": "kilometres", "m": "metres", "cm": "centimetres", "mm": "millimetres",
    "kg": "kilograms", "kgs": "kilograms", "g": "grams", "t": "tonnes", "lb": "pounds", "lbs": "pounds",
    "mi": "miles", "ft": "feet", "mph": "mph", "kph": "kph", "ha": "hectares", "sq": "square",
    "mw": "megawatts", "gw": "gigawatts", "kw": "kilowatts", "bpd": "barrels a day",
}  # fmt: skip
# Words that end the noun phrase after a number: what follows is not what it counts.
NOUN_PHRASE_ENDS = frozenset(
    """a an the of and or but nor to in on at by for with from as than that this these those which
    who whom whose is are was were be been being have has had will would can could may might must
    shall should do does did not no so if then there here it its their his her our your my we they
    he she you i them us him me per each every all both any some more most less fewer into onto
    upon over under between among about around after before since until while when where whether
    also only just even still yet again ago later earlier out up down off away back against toward
    towards through during without within across behind beyond plus minus times""".split()
)
FRACTIONS = frozenset("half halves third thirds quarter quarters fifth fifths tenth tenths".split())
NOT_PLURAL_ENDINGS = ("ss", "us", "is", "ous", "ics", "ness")


# -- content words: what the detectors compare ------------------------------------------------

# Words that carry no content of their own in a statement.
STOPWORDS = frozenset(
    """a an the and or but if of to in on at by for with from as into onto over under about after before
    than then that this these those there here it its it's he she they them his her their our we you your i me
    my mine is are was were be been being am do does did done have has had having will would can could shall
    should may might must not no nor so such too very just also only even still yet more most less least
    some any all each every both either neither other another which who whom whose what when where why how
    while though although because since until unless up down out off again further once own same s t
    said says say told tell added adding according mr mrs ms much many really quite rather""".split()
)
INDEFINITE_ARTICLES = frozenset({"a", "an"})
# What names a work (films, shows, books are not people or places): "the film X", "starred in X";
# and what a title follows, a comma or opening quotes between: "his book, A Higher Loyalty,".
WORK_NOUNS = frozenset("film films movie movies sitcom album albums song songs novel documentary musical".split())
WORK_VERBS = frozenset("starred starring appeared appearing cameo".split())
TITLE_NOUNS = WORK_NOUNS | frozenset("book books memoir memoirs biography autobiography".split())
# Words whose change alters the wording, not what is said ("and", "the", "that").
WORDING_WORDS = frozenset(
    """a an the and or but of to in on at by for with from as that this these those it its is are was
    were be been has have had do does did so then there here very just also""".split()
)
# The marks of a clock time written in capitals or not ("10:30 AM EDT", "3 pm").
MERIDIEMS = frozenset({"am", "pm"})
# Whole month and weekday names (not "may", "mar": words of their own too): dates, not what a
# sentence is about.
CALENDAR_WORDS = frozenset(m for m in MONTHS if m not in MONTH_ABBREVIATIONS) | frozenset(WEEKDAYS)
# Compass points: "the South", "South Lawn" name a region or a part of a name, not a person.
COMPASS_POINTS = frozenset("north south east west".split())
WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)
# A word (``WORD``) or a figure ("1,000", "3.5"): the units of an article's word stream.
WORD_OR_FIGURE = re.compile(r"[^\W\d_][\w'’-]*|\d[\d,.]*", re.UNICODE)
# What ends a clause inside a sentence: one of these characters, or a hyphen between spaces.
CLAUSE_BREAK_CHARS = ",;:—–()"
# Words so common in news that sharing them says nothing about two statements.
GENERIC = frozenset(
    "country countri government people year time state official way part thing today week month day "
    "report news group".split()
)


# Suffixes ``stem`` takes off, the first that fits wins; grouped by their last letter, so a word
# is only tried against those it can end with.
_SUFFIXES = (("ies", "y"), ("ments", ""), ("ment", ""), ("ings", ""), ("ing", ""), ("ied", "y"), ("ed", ""),
             ("sses", "ss"), ("xes", "x"), ("ches", "ch"), ("shes", "sh"), ("s", ""), ("ly", ""))  # fmt: skip
_SUFFIXES_ENDING_IN: dict[str, tuple[tuple[str, str], ...]] = {
    last: tuple(pair for pair in _SUFFIXES if pair[0][-1] == last) for last in {suffix[-1] for suffix, _ in _SUFFIXES}
}


@lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    """A crude English stem, enough to meet "companies" with "company", "abandoning" with "abandonment"."""
    w = fold(word).replace("'", "")
    for suffix, repl in _SUFFIXES_ENDING_IN.get(w[-1:], ()):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: len(w) - len(suffix)] + repl
            break
    # close / closes / closed / closing all end up "clos"
    return w[:-1] if w.endswith("e") and len(w) > 3 else w


@lru_cache(maxsize=100_000)
def content_stem(word: str) -> str | None:
    """A word as the detectors compare it: its stem, a nationality as its country ("Peruvian"
    -> "peru"); None for a stop word, a month or weekday, a word under three letters, or one
    that does not start with a letter."""
    if not word[:1].isalpha():
        return None  # a figure, a sign, a piece of a word ("'s", "n't")
    w = fold(word).replace("'", "")
    if not w or w in STOPWORDS or w in CALENDAR_WORDS or len(w) < 3:
        return None
    if word[:1].isupper():
        country = country_of_demonym(word)
        if country:
            return country
    return stem(w)


# -- quantities -------------------------------------------------------------------------------

# What happened to what is counted, by the words that say it: name, pattern of words.
QUANTITY_EVENTS = (
    ("killed", r"kill\w*|dead|deaths?|died|dies|fatalit\w*|death\s+toll|lives|bodies|perished"),
    ("injured", r"injur\w*|wounded|hurt|hospitali[sz]ed"),
    ("detained", r"detain\w*|detention|arrest\w*|held|custody|jailed"),
    ("displaced", r"displaced|homeless|fled|flee\w*|refugees"),
    ("evacuated", r"evacuat\w*"),
    ("missing", r"missing|unaccounted"),
    ("rescued", r"rescued|saved|pulled\s+alive"),
)
# What a sum of money is: paid (a fee, a price, damages), only offered (a bid), earned, charged.
MONEY_EVENTS = (
    ("paid", r"fee|paid|pay|paying|price|cost|costs|damages|compensation|fine|fined|award\w*"),
    ("offered", r"bids?|offer\w*|propos\w*"),
    ("earned", r"revenue|sales|profit|earn\w*|income"),
    ("charged", r"charges?|write-?downs?|loss\w*"),
)
# Ways of naming one counted thing -> the thing.
COUNTED_THINGS = {
    "rescuer": "rescuer", "rescue worker": "rescuer", "rescue team member": "rescuer", "firefighter": "firefighter",
    "protester": "protester", "protestor": "protester", "demonstrator": "protester",
    "people": "people", "person": "people", "individual": "people", "death": "people", "fatality": "people",
    "dead": "people", "victim": "people", "casualty": "people", "injured": "people", "wounded": "people",
    "soldier": "troop", "troop": "troop", "force": "troop", "personnel": "troop",
    "home": "home", "house": "home", "building": "building", "worker": "worker", "employee": "worker",
    "job": "job", "student": "student", "child": "child", "children": "child",
}  # fmt: skip
# Lengths in kilometres.
LENGTHS = {"kilometres": 1.0, "kilometers": 1.0, "km": 1.0, "metres": 0.001, "meters": 0.001, "miles": 1.609}
CURRENCY_NAMES = frozenset({"dollars", "euros", "pounds", "yen"})
# Times, ages and "others" (a different group each time) are not things counted in a story.
NOT_COUNTED_THINGS = frozenset("year month week day hour minute second decade century season game round other".split())
# Words that end a listed item: "blankets from the depot".
PREPOSITIONS = frozenset({"from", "to", "for", "with", "in", "on", "at", "by", "into", "over", "under", "of", "via",
                          "across"})


# -- the words of a story -----------------------------------------------------------------------

# A word as story grouping counts it: four letters or more ("well-known" is two, "don't" and
# figures none).
STORY_WORD_MIN = 4  # letters: shorter words say nothing of an event
STORY_WORD = re.compile(rf"[^\W\d_][^\W\d_'’-]{{{STORY_WORD_MIN - 1},}}")
# Function words and reporting verbs every article has; they describe no event.
STORY_STOPWORDS = frozenset(
    """
    about above after again against also although among another because been before
    being below between both could does doing down during each either even every
    from further have having here however into itself just last least less like made
    make many more most much must near never next once only other others over
    same says said should since some such than that their theirs them then there
    these they this those though through told under until upon very want were what
    when where whether which while whom whose will with within without would year
    years your week weeks month months today yesterday tomorrow according added
    reported reports report including news statement spokesman spokeswoman
    people time first second third monday tuesday wednesday thursday friday
    saturday sunday january february march april june july august september
    october november december
    """.split()
)


def normalise(text: str) -> str:
    """Case- and accent-folded, so "Müller" and "Muller" are one term."""
    folded = text.casefold()
    if folded.isascii():
        return folded.strip()
    return strip_accents(folded).strip()


def story_word_counts(text: str) -> dict[str, int]:
    """How often each word of ``text`` (``STORY_WORD``, ``normalise``d, no ``STORY_STOPWORDS``)
    is written, in the order of first use (story grouping breaks ties between equal weights by it)."""
    # A word never spans whitespace: the text's whitespace-separated chunks are counted (in C),
    # and each distinct chunk is read once, not each of its repeats ("the", "said", names).
    counts: dict[str, int] = {}
    known = _CHUNK_WORDS
    if len(known) > 200_000:
        known.clear()
    for chunk, times in Counter(text.split()).items():
        words = known.get(chunk)
        if words is None:
            words = known[chunk] = _chunk_story_words(chunk)
        for word in words:
            counts[word] = counts.get(word, 0) + times
    return counts


_CHUNK_WORDS: dict[str, tuple[str, ...]] = {}  # chunk -> its story words (a plain dict: the quickest look-up)
# Marks around a word ("said,", "“Government”"): none is a letter, nor decomposes into one.
_MARKS_AROUND = ".,;:!?\"'()“”‘’"


def _chunk_story_words(chunk: str) -> tuple[str, ...]:
    """The story words of one whitespace-separated chunk of a text. Most chunks of an article
    are one word of ASCII letters between marks: that word, lower-cased, without a regex search
    (the cost of reading each new chunk)."""
    core = chunk.strip(_MARKS_AROUND)
    if core.isascii() and core.isalpha():
        word = core.lower()
        return (word,) if len(word) >= STORY_WORD_MIN and word not in STORY_STOPWORDS else ()
    return tuple(w for w in STORY_WORD.findall(normalise(chunk)) if w not in STORY_STOPWORDS)


def sentence_spans(text: str, starts: list[int]) -> list[tuple[int, int]]:
    """Sentence (start, end) offsets from where sentences start (``Analysis.sentences``),
    whitespace trimmed, never empty."""
    ends = [*starts[1:], len(text)]
    return [span for span in (trimmed(text, start, end) for start, end in zip(starts, ends)) if span[1] > span[0]]


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """``text[start:end]`` without the whitespace at either end, as offsets (empty: start == end)."""
    if start >= end or not (text[start].isspace() or text[end - 1].isspace()):
        return start, end  # (most sentences: nothing to trim)
    piece = text[start:end]
    left = len(piece) - len(piece.lstrip())  # (str.strip's whitespace is str.isspace's)
    if left == len(piece):
        return end, end
    return start + left, start + len(piece.rstrip())


class Sentences:
    """The sentence around an offset, for many offsets of one text (``starts``: where its
    sentences start): (start, end), whitespace trimmed, each sentence trimmed once; an offset in
    the whitespace between two sentences has a sentence of one character."""

    def __init__(self, text: str, starts: list[int]) -> None:
        self.text, self.starts = text, starts
        self.trimmed: dict[int, tuple[int, int]] = {}

    def around(self, offset: int) -> tuple[int, int]:
        k = bisect_right(self.starts, offset) - 1
        span = self.trimmed.get(k)
        if span is None:
            starts = self.starts
            span = self.trimmed[k] = trimmed(self.text, starts[k] if k >= 0 else 0,
                                             starts[k + 1] if k + 1 < len(starts) else len(self.text))
        start, end = span
        return span if start <= offset < end else (offset, min(len(self.text), offset + 1))
