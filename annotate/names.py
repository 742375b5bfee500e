"""Name normalisation: the keys that let two spellings of one name meet.

Pure functions over strings. ``fold`` removes what never distinguishes
two names (case, accents, apostrophe style, possessive 's, dots in
abbreviations); ``translit_key`` goes further and merges common
transliteration variants (Yuri / Yury, Zelensky / Zelenskyy) so blocking
by surname still brings them together.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz import fuzz

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'"})
_DASHES = re.compile(r"[\u2010-\u2015\u2212-]")
_POSSESSIVE = re.compile(r"(?:'s|s')$|'$", re.IGNORECASE)
_SPACE = re.compile(r"\s+")

# Words that do not carry a name's identity ("the Pentagon" = "Pentagon").
_LEADING_ARTICLES = ("the ",)
# Small words skipped when building an acronym ("Bank of England" -> "BE").
ACRONYM_SKIP = {"of", "the", "and", "for", "on", "in", "at", "to", "de", "du", "des", "la", "le", "&"}

# Generic words that follow an organisation's proper name: "Vantor Group" is
# also called "Vantor". A general word list, not names.
ORG_SUFFIXES = {
    "group", "company", "co", "corporation", "corp", "inc", "ltd", "llc", "plc", "gmbh", "sa", "ag",
    "party", "movement", "organisation", "organization", "agency", "foundation", "institute",
    "association", "union", "network", "front", "army", "forces", "force", "brigade", "militia",
    "ministry", "department", "office", "bank", "university", "holdings", "media", "news",
}
# Words after a company's own name that do not change which company it is: "Apple Inc.",
# "Apple Computer" and "Apple" are one company; "Apple Corps" is another. A general word list.
CORPORATE_WORDS = frozenset(
    """inc incorporated corp corporation co company ltd limited llc plc gmbh sa ag nv holdings group
    computer computers electronics software airlines airways motors industries technologies systems
    communications international enterprises pharmaceuticals airplanes aircraft aerospace""".split()
)
# Last words that make a name an organisation's whatever the finder guessed: no person
# is called "X Mining" or "X Securities". A general word list.
ORG_HEAD_WORDS = ORG_SUFFIXES | {
    "mining", "securities", "systems", "technologies", "technology", "energy", "airlines", "airways", "motors",
    "pharmaceuticals", "capital", "partners", "united", "fc", "industries", "logistics", "telecom",
    "resources", "petroleum", "railways", "studios", "labs", "solutions", "services", "ventures", "investments",
    "insurance", "trust", "club", "council", "committee", "tribunal", "commission", "police", "authority",
    "ministry", "school", "college", "hospital", "airport", "federation", "league", "society",
}
# Bodies of an organisation that a reader files under the organisation
# itself ("UN General Assembly" is the United Nations speaking).
ORG_ORGANS = {
    "general", "assembly", "security", "council", "secretary", "secretariat", "commission",
    "parliament", "court", "summit", "mission", "office", "envoy", "spokesperson", "spokesman",
    "spokeswoman", "chief", "agency", "committee", "headquarters", "delegation", "human", "rights",
    "national",
}

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
def _country_table() -> tuple[frozenset[str], dict[str, str]]:
    """(folded country names, folded demonym -> folded country) from ``COUNTRY_TABLE``."""
    countries: set[str] = set()
    demonyms: dict[str, str] = dict(_MORE_DEMONYMS)
    for entry in COUNTRY_TABLE.split(";"):
        name, _, adjectives = entry.strip().partition("|")
        country = fold(name)
        if not country:
            continue
        countries.add(country)
        for adjective in adjectives.split(","):
            if adjective.strip():
                demonyms.setdefault(fold(adjective), COUNTRY_ALIASES.get(country, country))
    return frozenset(countries), demonyms

# "Argentine Republic", "Republic of Korea", "Kingdom of Spain" -> the country.
_STATE_FORM_PREFIX = re.compile(
    r"^(?:(?:the\s+)?(?:(?:federal|islamic|people's|united|arab|socialist|federative)\s+)*"
    r"(?:republic|kingdom|state|states|federation|commonwealth|principality|sultanate|emirate)\s+of\s+)(.+)$"
)
_STATE_FORM_SUFFIX = re.compile(r"^(.+?)\s+(?:federation|republic|federal republic|kingdom)$")


# Latin letters that Unicode does not decompose into a base letter and an accent.
_UNDECOMPOSABLE = str.maketrans({
    "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th",
    "ß": "ss", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ı": "i",
})


def strip_accents(text: str) -> str:
    """"Sørensen" -> "Sorensen", "Łukasz" -> "Lukasz", "Ndiayé" -> "Ndiaye"."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSABLE))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form of a name."""
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


@lru_cache(maxsize=200_000)
def strip_possessive(text: str) -> str:
    """``Okafor’s`` -> ``Okafor`` (keeps the original characters otherwise)."""
    return re.sub(r"(?:['’]s|s['’]|['’])$", "", text.strip())


def tokens(text: str) -> list[str]:
    return fold(text).split()


@lru_cache(maxsize=100_000)
def translit_key(word: str) -> str:
    """A rough phonetic key merging common romanisation variants of one word."""
    w = fold(word).replace(" ", "")
    w = re.sub(r"c(?=[eiy])", "s", w.replace("ch", "\x00"))
    w = w.replace("c", "k").replace("\x00", "ch")
    for a, b in (("kh", "h"), ("ph", "f"), ("ck", "k"), ("ou", "u"), ("w", "v"), ("ts", "c"),
                 ("zh", "j"), ("dj", "j"), ("y", "i"), ("ii", "i"), ("ie", "i"), ("ei", "i"),
                 ("ey", "i"), ("iy", "i"), ("x", "ks"), ("q", "k")):
        w = w.replace(a, b)
    return re.sub(r"([a-z])\1+", r"\1", w)


def _skeleton(word: str) -> str:
    return re.sub(r"[aeiouy]", "", translit_key(word))


def same_given_name(a: str, b: str) -> bool:
    """Given names that are one name: equal, transliteration variants, or an initial.

    Daniel / Daniela, Paul / Paula are two people: a name plus a final
    vowel is not a spelling variant.
    """
    fa, fb = fold(a), fold(b)
    if fa == fb:
        return True
    if not fa or not fb:
        return False
    if len(fa) == 1 or len(fb) == 1:
        return fa[0] == fb[0]
    short, long_ = sorted((fa, fb), key=len)
    if long_[:-1] == short and long_[-1] in "ae":
        return False
    if translit_key(fa) == translit_key(fb):
        return True
    # Mohammed / Muhammad: same consonants, enough of them to mean something.
    skeleton = _skeleton(fa)
    if len(skeleton) >= 4 and skeleton == _skeleton(fb):
        return True
    return fuzz.ratio(translit_key(fa), translit_key(fb)) >= 85


# Words that open a surname rather than end the given names ("Ursula von der Leyen").
NAME_PARTICLES = frozenset(
    """von van der den de da das di do dos du des del della dei le la al el bin bint ben ibn ter ten mac st abu
    ould ag""".split()
)
HONORIFICS = frozenset("mr mrs ms miss dr sir dame lord lady prof mx".split())
# What "Mr." or "Mrs." before a surname says of the person.
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
# Titles a writer puts before a name ("Justice", "Manager", "Coach"). When one opens a
# sentence it is capitalised like the name and may end up inside the name's span.
# A general word list.
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


def split_person(words: list[str]) -> tuple[list[str], str]:
    """(given names, surname) of a folded person name; honorifics dropped.

    "anna petrova" -> (["anna"], "petrova"); "ursula von der leyen" ->
    (["ursula"], "von der leyen"); "petrova" -> ([], "petrova").
    """
    words = [w for w in words if w not in HONORIFICS] or words
    while len(words) > 2 and words[-1] in NAME_SUFFIXES:
        words = words[:-1]  # "arcade joseph comeaux jr": the surname is "comeaux"
    if words and words[0] in NAME_PARTICLES:
        return [], " ".join(words)
    for i in range(1, len(words) - 1):
        if words[i] in NAME_PARTICLES:
            return words[:i], " ".join(words[i:])
    return words[:-1], words[-1] if words else ""


def is_acronym(text: str) -> bool:
    """``UN``, ``U.K.``, ``NATO``: short, all capitals (dots allowed)."""
    letters = text.replace(".", "").replace("&", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


def acronym(name: str) -> str | None:
    """Initials of a multi-word name's significant words, lower case ("United Nations" -> "un")."""
    words = [w for w in fold(name).split() if w not in ACRONYM_SKIP]
    if len(words) < 2:
        return None
    return "".join(w[0] for w in words)


def acronym_key(text: str) -> str:
    return text.replace(".", "").replace("&", "").casefold()


# Other names of countries, folded -> the folded name used as the key. General.
COUNTRY_ALIASES = {
    "britain": "united kingdom", "great britain": "united kingdom", "uk": "united kingdom",
    "us": "united states", "usa": "united states", "america": "united states",
    "united states of america": "united states", "holland": "netherlands", "burma": "myanmar",
    "cote divoire": "ivory coast", "cote d'ivoire": "ivory coast", "czech republic": "czechia",
    "turkiye": "turkey", "drc": "democratic republic of the congo", "dr congo": "democratic republic of the congo",
    "uae": "united arab emirates", "emirates": "united arab emirates", "swaziland": "eswatini",
    "north macedonia": "macedonia", "persia": "iran", "the netherlands": "netherlands",
    "dprk": "north korea", "rok": "south korea", "prc": "china",
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
    return COUNTRY_ALIASES.get(country, country) if country else None


@lru_cache(maxsize=100_000)
def place_of(word: str, places: frozenset[str]) -> str | None:
    """The known place (folded) that ``word`` names or describes, if any."""
    for c in demonym_candidates(word):
        if c in places:
            return c
    return None


# Country names (folded, whole: "cape verde", never "cape"), so "Chilean" or "Peru's" is read as a
# nationality even when the country itself is not named in the story; and the continents.
COUNTRIES = _country_table()[0] | frozenset(("europe", "africa", "asia"))


def is_demonym_word(word: str) -> bool:
    """A capitalised nationality adjective of a known country ("Chilean", "French")."""
    if not word[:1].isupper():
        return False
    w = fold(word)
    return w not in COUNTRIES and place_of(w, COUNTRIES) is not None


_BRITISH = ((r"our$", "or"), (r"ence$", "ense"), (r"is(e|ed|es|ing|ation|ations)$", r"iz\1"), (r"tre$", "ter"),
            (r"ogue$", "og"), (r"lled$", "led"), (r"lling$", "ling"))


@lru_cache(maxsize=200_000)
def spelling_key(word: str) -> str:
    """British and American spellings of a word meet: defence/defense, organisation/organization."""
    w = fold(word)
    for pattern, repl in _BRITISH:
        w = re.sub(pattern, repl, w)
    return w


@lru_cache(maxsize=200_000)
def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "x"
