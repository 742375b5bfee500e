"""General word lists the entity finder classifies names with.

Nothing here is about any particular story: world capitals and large
cities, regions, well-known international bodies and news organisations,
kind words ("... Group", "... Airport"), sentence openers and common given
names. Countries and their adjectives (widened by ISO 3166's names from
``pycountry``), the states of the US, titles and speech verbs come from ``annotate.nlp.language``.
The lists are plain strings, parsed once on first use (``lexicon()``), so
importing this module costs nothing. Two maintained packages widen them:
``gender-guesser``'s dictionary of about 44,000 given names (so "Tara Reid"
is a person and "Actress" before it is not part of the name) and
``nameparser``'s titles ("Actress", "Coach", "Mountaineer" before a name).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from annotate.nlp.language import (
    COUNTRY_TABLE,
    MONTHS,
    WEEKDAYS,
    NAME_PARTICLES,
    PERSON_SPEECH_VERBS,
    ROLE_MODIFIERS,
    TITLE_HEADS,
    US_STATES,
    fold,
    given_names,
    iso_countries,
    strip_accents,
    titles,
)


# Peoples, faiths and political groupings (NORP) that are not a country's adjective.
_NORP = """
Arab Arabs Berber Tuareg Fulani Peul Kurd Kurds Pashtun Hazara Uyghur Uighur Rohingya Hutu Tutsi
Amhara Oromo Tigrayan Yoruba Igbo Hausa Zulu Xhosa Maasai Bedouin Basque Catalan Flemish Walloon
Roma Slav Slavic Persian Sikh Hindu Hindus Muslim Muslims Christian Christians Catholic Catholics
Protestant Protestants Orthodox Jew Jews Jewish Buddhist Buddhists Sunni Sunnis Shia Shiite Shiites
Alawite Druze Evangelical Islamic Islamist Islamists Jihadist Jihadists Salafist Democrat Democrats
Republican Republicans Conservative Conservatives Labour Liberal Liberals Socialist Socialists
Communist Communists Green Greens Bolshevik Maoist Marxist Nazi Nazis Western Westerners
European Europeans African Africans Asian Asians Latin Latino Latina Hispanic Caribbean Arctic
Scandinavian Nordic Baltic Balkan Sahelian Maghrebi Gulf Pacific Atlantic
"""
# Adjectives of multi-word regions (NORP).
_REGIONAL_ADJECTIVES = """
West African|East African|North African|Southern African|Sub-Saharan|sub-Saharan|Middle Eastern|
Latin American|South American|North American|Central American|Central Asian|South Asian|
Southeast Asian|East Asian|Eastern European|Western European|Central European|Northern European|
Southern European
"""

# World capitals and large cities (GPE).
_CITIES = """
Kabul|Tirana|Algiers|Luanda|Buenos Aires|Yerevan|Canberra|Sydney|Melbourne|Vienna|Baku|Manama|Dhaka|
Minsk|Brussels|Porto-Novo|Cotonou|Thimphu|La Paz|Sarajevo|Gaborone|Brasilia|Brasília|Rio de Janeiro|
Sao Paulo|São Paulo|Sofia|Ouagadougou|Gitega|Bujumbura|Phnom Penh|Yaounde|Yaoundé|Douala|Ottawa|
Toronto|Montreal|Vancouver|Bangui|N'Djamena|Ndjamena|Santiago|Beijing|Shanghai|Hong Kong|Shenzhen|
Guangzhou|Wuhan|Bogota|Bogotá|Kinshasa|Brazzaville|Goma|San Jose|Zagreb|Havana|Nicosia|Prague|
Copenhagen|Djibouti|Santo Domingo|Quito|Cairo|Alexandria|San Salvador|Malabo|Asmara|Tallinn|
Addis Ababa|Helsinki|Paris|Marseille|Lyon|Libreville|Banjul|Tbilisi|Berlin|Munich|Hamburg|Frankfurt|
Accra|Athens|Guatemala City|Conakry|Bissau|Georgetown|Port-au-Prince|Tegucigalpa|Budapest|Reykjavik|
New Delhi|Delhi|Mumbai|Kolkata|Bangalore|Jakarta|Tehran|Baghdad|Mosul|Basra|Erbil|Dublin|Jerusalem|
Tel Aviv|Rome|Milan|Naples|Florence|Venice|Abidjan|Yamoussoukro|Kingston|Tokyo|Osaka|Amman|Astana|
Almaty|Nairobi|Mombasa|Pristina|Kuwait City|Bishkek|Vientiane|Riga|Beirut|Maseru|Monrovia|Tripoli|
Benghazi|Vilnius|Antananarivo|Lilongwe|Kuala Lumpur|Male|Bamako|Valletta|
Nouakchott|Port Louis|Mexico City|Chisinau|Ulaanbaatar|Podgorica|Rabat|Casablanca|Maputo|Naypyidaw|
Yangon|Windhoek|Kathmandu|Amsterdam|The Hague|Rotterdam|Wellington|Auckland|Managua|Niamey|Abuja|
Lagos|Kano|Maiduguri|Pyongyang|Skopje|Oslo|Muscat|Islamabad|Karachi|Lahore|Ramallah|Panama City|
Port Moresby|Asuncion|Asunción|Lima|Manila|Warsaw|Lisbon|Doha|Bucharest|Moscow|St Petersburg|
St. Petersburg|Saint Petersburg|Kigali|Riyadh|Jeddah|Mecca|Medina|Dakar|Belgrade|Freetown|Mogadishu|
Pretoria|Johannesburg|Cape Town|Durban|Seoul|Juba|Madrid|Barcelona|Colombo|Khartoum|Omdurman|
Stockholm|Geneva|Zurich|Bern|Damascus|Aleppo|Idlib|Taipei|Dushanbe|Dodoma|Dar es Salaam|Bangkok|
Lome|Lomé|Tunis|Ankara|Istanbul|Ashgabat|Kampala|Kyiv|Kiev|Kharkiv|Odesa|Odessa|Mariupol|Donetsk|
Luhansk|Abu Dhabi|Dubai|London|Manchester|Birmingham|Edinburgh|Glasgow|Cardiff|Belfast|Washington|
New York|Los Angeles|Chicago|San Francisco|Boston|Houston|Miami|Montevideo|Tashkent|Caracas|Hanoi|
Ho Chi Minh City|Sanaa|Sana'a|Aden|Lusaka|Harare|Gaza City|Kandahar|Herat|Tunis|Benghazi|Misrata|
Brussels|Strasbourg|Luxembourg|Monaco|Singapore|Vatican City|Sevastopol|Minneapolis|Atlanta|Seattle|
Dallas|Philadelphia|Detroit|Kandahar|Karbala|Najaf|Tabriz|Isfahan|Mashhad|Haifa|Hebron|Nablus|Jenin
"""

# Continents, sub-regions, seas, deserts and other non-political places (LOC).
_REGIONS = """
Africa|Europe|Asia|Oceania|Antarctica|North America|South America|Latin America|Central America|
Middle East|Near East|Far East|West Africa|East Africa|North Africa|Southern Africa|Central Africa|
Horn of Africa|Sub-Saharan Africa|sub-Saharan Africa|Sahel|Sahara|Maghreb|Levant|Balkans|Caucasus|
Central Asia|South Asia|Southeast Asia|East Asia|Eastern Europe|Western Europe|Central Europe|
Northern Europe|Southern Europe|Scandinavia|Siberia|Arctic|Antarctic|Mediterranean|Atlantic|Pacific|
Indian Ocean|Red Sea|Black Sea|Baltic|Caribbean|Persian Gulf|Gulf|Lake Chad|Niger River|Nile|
Amazon|Himalayas|Alps|Andes|Donbas|Donbass|Kashmir|Darfur|Tigray|Sinai|Golan Heights|Korean Peninsula|
Arabian Peninsula|Iberian Peninsula|Lake Victoria|Euphrates|
Tigris|Danube|Rhine|Mekong|Yangtze|English Channel|Strait of Hormuz|Suez Canal|
South China Sea|Taiwan Strait|Gulf of Aden|Gulf of Guinea|Global South|Global North
"""

# Well-known organisations (ORG): name | abbreviations.
_ORGS = """
United Nations|UN|U.N.; UN Security Council|UNSC; Security Council; General Assembly;
European Union|EU|E.U.; European Commission; European Parliament; Council of Europe;
North Atlantic Treaty Organization|NATO|Nato; North Atlantic Treaty Organisation;
African Union|AU; Economic Community of West African States|ECOWAS|Ecowas;
Southern African Development Community|SADC; Arab League; League of Arab States;
Organisation of Islamic Cooperation|OIC; Organization of American States|OAS;
Association of Southeast Asian Nations|ASEAN; Shanghai Cooperation Organisation|SCO;
Gulf Cooperation Council|GCC; Commonwealth; G7; G8; G20; BRICS; OPEC;
World Health Organization|WHO; World Health Organisation; World Bank; International Monetary Fund|IMF;
World Trade Organization|WTO; International Criminal Court|ICC; International Court of Justice|ICJ;
UNICEF; UNESCO; UNHCR; World Food Programme|WFP; UNIFIL; Interpol; Europol;
International Committee of the Red Cross|ICRC; Red Cross; Red Crescent; Doctors Without Borders|MSF;
Medecins Sans Frontieres; Médecins Sans Frontières; Amnesty International; Human Rights Watch|HRW;
International Atomic Energy Agency|IAEA; Organisation for Economic Co-operation and Development|OECD;
Organization for Security and Co-operation in Europe|OSCE; International Energy Agency|IEA;
Islamic State|ISIS|ISIL|Daesh; al-Qaeda|al-Qaida|Al-Qaeda|Al Qaeda|al Qaeda; Taliban;
Hamas; Hezbollah; Boko Haram; al-Shabab|al-Shabaab|Al-Shabaab; Houthis; Houthi;
Kremlin; White House; Pentagon; Elysee|Elysée|Élysée; Downing Street; Quai d'Orsay; State Department;
Foreign Office; Congress; Senate; Parliament; Bundestag; Duma; State Duma; Knesset; Politburo;
Reuters; Associated Press|AP; Agence France-Presse|AFP; Bloomberg; BBC; CNN; Al Jazeera;
New York Times; Washington Post; Wall Street Journal; Financial Times; Guardian; Le Monde; Der Spiegel;
TASS; RIA Novosti; Xinhua; Sputnik; RT; Interfax; France 24; Deutsche Welle|DW; Voice of America|VOA;
Radio France Internationale|RFI; NPR; Fox News; NBC; CBS; ABC; Sky News; Euronews; Anadolu;
Google; Apple; Microsoft; Amazon; Meta; Facebook; Twitter; X Corp; Telegram; WhatsApp; YouTube; TikTok;
Gazprom; Rosneft; Rosatom; Total; TotalEnergies; Shell; BP; ExxonMobil; Boeing; Airbus; Rostec;
FBI; CIA; NSA; KGB; FSB; GRU; SVR; MI6; MI5; Mossad; Pentagon; NASA; Roscosmos
"""

# Last words that make a capitalised sequence an organisation, place, facility or event.
ORG_SUFFIXES = frozenset(
    """group company companies corporation corp corp. inc inc. ltd ltd. llc plc co co. party parties
    ministry ministries agency agencies union council assembly international organisation organization
    association federation front movement army forces force navy guard guards police service services
    office department institute institution university college school academy foundation fund bank
    commission committee court tribunal parliament senate congress cabinet government administration
    times post news press network networks media radio television tv channel airlines airways brigade
    brigades battalion regiment division coalition alliance league bureau authority authorities board
    club society trust centre center church mission missions command corps cooperative consortium
    holdings industries systems technologies labs laboratories partners herald observer tribune wire
    daily gazette journal chronicle telegraph express mail mirror standard monitor review weekly
    magazine broadcasting reserve community communities clinic clinics recovery rehab devices survey
    patrol program programme
    """.split()
)
# First words that make a capitalised sequence an organisation ("Radio X", "Ministry of Y", "Air Canada").
ORG_PREFIXES = frozenset(
    """radio bank university ministry department office committee council institute
    federation union association league agency commission federal central royal supreme
    air""".split()
)
# Courtesy titles: they mark a person but are not a role worth comparing.
FAC_SUFFIXES = frozenset(
    """airport airbase base stadium arena bridge palace square tower towers hospital prison jail dam port
    harbour harbor station mosque cathedral temple synagogue hotel building embassy consulate camp
    highway motorway road avenue boulevard street plaza museum library terminal pipeline refinery plant
    mine checkpoint barracks theater theatre blvd ave hut""".split()
)
LOC_SUFFIXES = frozenset(
    """desert river mountains mountain mount lake sea ocean gulf valley region basin coast plateau strait
    island islands peninsula delta forest plain plains canal bay cape hills highlands beach zone strip
    glacier reef canyon gorge falls""".split()
)
EVENT_SUFFIXES = frozenset(
    """war wars summit conference olympics games cup championship championships revolution uprising
    spring festival election elections referendum massacre crisis offensive operation accords accord
    agreement treaty talks protests battle siege bowl""".split()
)
# Words of place names in many languages ("Varenna Alta", "Porto Alegre", "Villa Gesell"): a name
# of plain words with one of them and no given name is a place, not a person.
PLACE_NAME_WORDS = frozenset(
    """alta alto bassa basso nuova nuovo nueva nuevo vieja viejo vila villa ville monte porto puerto
    santa santo sao ciudad bad neu ober nieder unter sankt sainte marina lido borgo""".split()
)
# Last words of the names of product lines ("MacBook Pro", "iPad Mini", "Galaxy S9 Plus").
PRODUCT_SUFFIXES = frozenset("pro mini plus".split())
# Last words of the names of laws ("Endangered Species Act", "Second Amendment").
LAW_SUFFIXES = frozenset("act amendment".split())
# Last words of the names of districts and towns ("Fulton County", "Kandahar Province").
PLACE_SUFFIXES = frozenset("county district province parish borough township prefecture municipality governorate".split())
# First words of place names ("South Kordofan", "West Papua", "Fort Smith", "New Orleans"): a name of
# plain words opening with one of them and with no given name after it is a place.
PLACE_PREFIXES = frozenset(
    """north south east west upper lower northern southern eastern western central new fort mount mt
    port point""".split()
)
# Lowercase nouns after a place's name ("Sudan's Blue Nile state", "Bukit Sama village") or before
# it with "of" ("the district of Bener Meriah").
PLACE_NOUNS = frozenset(
    """state province district county village town township city region governorate prefecture
    municipality neighborhood neighbourhood suburb""".split()
)
# "Czech" + "Republic" is still the country, not an organisation.
GPE_SUFFIXES = frozenset("federation republic kingdom emirates states city province state".split())

# Nouns that introduce an organisation's name ("news platform X", "the agency X").
ORG_INTRODUCERS = frozenset(
    """platform outlet newspaper paper daily weekly agency broadcaster website site channel network
    magazine journal company firm group organisation organization ngo charity party militia
    movement brand bank airline operator contractor manufacturer startup start-up publication
    tabloid station retailer maker carrier supplier chipmaker automaker carmaker planemaker
    conglomerate subsidiary insurer lender""".split()
)
# Name particles that join capitalised words ("Ibn", "de", "van der").
PARTICLES = NAME_PARTICLES

MONTHS_AND_DAYS = frozenset(MONTHS) | frozenset(WEEKDAYS)

# Capitalised words that open sentences and are not names.
SENTENCE_OPENERS = frozenset(
    """according although however meanwhile nevertheless nonetheless moreover furthermore therefore thus
    still yet also instead indeed overall today yesterday tomorrow tonight earlier later last next this
    these those there here then when while where after before since until despite following amid
    amidst responding speaking asked asking writing citing sources officials critics analysts
    observers experts residents witnesses some many several most few both each every other another
    such even only just but and or so if as at in on by for from with without within under over into
    about against between through during among toward towards his her its their our my your a an the
    he she it they we you i one two three four five six seven eight nine ten first second third
    separately similarly additionally currently recently previously initially finally eventually
    ultimately subsequently likewise unlike like per source file photo image reporting editing
    update updated read watch listen related more see share advertisement
    officials diplomats investors lawmakers legislators analysts critics residents witnesses protesters
    demonstrators activists authorities police experts observers scientists researchers doctors nurses
    workers farmers voters students teachers soldiers troops rebels militants insurgents fighters locals
    villagers citizens opponents supporters leaders ministers economists traders bankers executives
    shareholders regulators prosecutors lawyers judges investigators organisers organizers campaigners
    unions employers businesses companies markets parents families survivors victims relatives
    neighbours neighbors officers agencies journalists reporters editors spokespeople donors
    negotiators mediators delegates envoys allies partners members users customers consumers
    passengers pilots crews engineers miners residents regional local business aid""".split()
)

# Common given names from many languages: a first word here makes a sequence a person.
_GIVEN_NAMES = """
Aaron Abdel Abdul Abdoulaye Abdullah Abdou Abu Adam Adama Adel Adrian Ahmad Ahmed Aisha Alain Alan Albert
Alberto Aleksandr Aleksei Alex Alexander Alexandre Alexei Alexey Ali Alice Alicia Alison Amadou Amanda
Amina Aminata Amir Amy Ana Anatoly Andre Andrea Andreas Andrei Andrew Andrey Andrzej Angela Angelina
Ann Anna Anne Annalena Anthony Antoine Anton Antonio Antony Arnaud Arthur Ashraf Aung Baba
Bakary Barack Barbara Bashar Benjamin Benoit Benoît Bernard Bill Bola Boris Brian Bruno
Carl Carlos Caroline Catherine Cecilia Charles Charlotte Chen Cheikh Chris Christian Christine Christopher
Claire Claude Claudia Cyril Cyrille Daniel Daouda David Denis Dennis Diego Dmitri Dmitry Dominic
Donald Ebrahim Edward Elena Elizabeth Emmanuel Emma Enrique Eric Erik Fatima Fatou Felix Fernando
Florence Francesca Francis Francisco Francois François Frank Frederic Frédéric Gabriel Gennady George
Georges Gerald Gerhard Giorgia Giuseppe Gustavo Hamid Hans Hassan Heinrich Helen Henri Henry Hillary
Hussein Ibrahim Igor Ilham Imran Isabel Isabelle Ismail Ivan Jack Jacob Jacques Jake James Jan Jane
Janet Jean Jeff Jennifer Jens Jeremy Jerome Jérôme Jessica Jim Joan Joe Johan Johann John Jonathan
Jorge Jose José Joseph Juan Julia Julian Julie Justin Kamala Karim Karl Kate Katherine Keir
Kemi Kevin Khalid Kim Klaus Kofi Kwame Lamine Laura Laurent Lee Leila Leon Liam Liz Louis Luc Lucas
Luis Luiz Macky Mahamadou Mahmoud Mamadou Marc Marco Margaret Maria Marie Marine Mario Mark Martin
Mary Matteo Matthew Maria Mehmet Michael Michel Michelle Miguel Mikhail Mohamed Mohammad Mohammed
Moussa Muhammad Muhammadu Mustafa Nadia Nancy Narendra Natalia Nathalie Nicolas Nikolai Nicola Nicole
Nina Noah Olaf Olena Oleg Olga Oliver Olivier Omar Oumar Ousmane Pablo Patrick Paul Pavel Pedro Peter
Petr Philippe Pierre Pyotr Rachel Rafael Ramzan Rania Recep Richard Rishi Robert Roberto Roch Roman
Rosa Ruth Ryan Saad Said Salif Salma Salman Sam Samuel Sara Sarah Scott Sebastian Sébastien Seydou
Sergei Sergey Sergio Sheikh Simon Sophie Stefan Stephen Steve Steven Sultan Susan Sylvie Tatiana
Thomas Tim Timothy Tony Ursula Valentina Valery Vasily Victor Viktor Vincent Vladimir
Volodymyr Walter Wang Wei William Xavier Xi Yaya Yevgeny Yoweri Youssef Yuri Yusuf Zainab Zhang
"""


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Lookups keyed by ``fold()``-ed text."""

    labels: dict[str, str]  # exact names -> label (GPE, NORP, LOC, ORG)
    given_names: frozenset[str]  # the short list above, always trusted
    more_given_names: frozenset[str]  # gender-guesser's, minus common words: anchors a name in a run
    titles: frozenset[str]  # words that stand before a name as its title ("actress", "coach")
    longest: int  # most words in any name, to bound lookups
    names: dict[str, str]  # every name as listed -> the label of its folded form
    # Acronyms listed in capitals that are common words too ("WHO", "US"): a name only when
    # written in capitals ("Who knows", "Us and them" name nothing).
    word_acronyms: frozenset[str]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    labels: dict[str, str] = {}
    listed: list[str] = []

    def add(name: str, label: str) -> None:
        key = fold(name.strip())
        if key:
            labels.setdefault(key, label)
            listed.append(name.strip())

    for entry in COUNTRY_TABLE.split(";"):
        name, _, adjectives = entry.strip().partition("|")
        add(name, "GPE")
        for adjective in adjectives.split(","):
            add(adjective, "NORP")
            if adjective.strip()[-1:] in ("n", "i"):
                add(adjective.strip() + "s", "NORP")  # "Russians", "Iraqis"
    for entry in _ORGS.split(";"):
        for name in entry.split("|"):
            add(name, "ORG")
    for name in _CITIES.split("|"):
        add(name, "GPE")
    for name in US_STATES:
        add(name, "GPE")
    for name in _REGIONS.split("|"):
        add(name, "LOC")
    for name in _NORP.split():
        add(name, "NORP")
    for name in _REGIONAL_ADJECTIVES.split("|"):
        add(name, "NORP")
    for names in iso_countries():  # ISO 3166's countries and territories the lists above lack
        for name in names:
            add(name, "GPE")
    longest = max(len(k.split()) for k in labels)
    given = frozenset(fold(n) for n in _GIVEN_NAMES.split())
    from spacy.lang.en.stop_words import STOP_WORDS  # (here: importing this module stays light)

    title_words = titles()
    not_names = STOP_WORDS | SENTENCE_OPENERS | PERSON_SPEECH_VERBS | PARTICLES | MONTHS_AND_DAYS | TITLE_HEADS | ROLE_MODIFIERS | title_words | labels.keys()
    more = frozenset(n for n in _dictionary_given_names() if n not in not_names and len(n) > 2) | given
    names = {name: labels[fold(name)] for name in listed}
    word_acronyms = frozenset(fold(n) for n in listed if n.isupper() and n.isalpha() and fold(n) in STOP_WORDS)
    return Lexicon(labels=labels, given_names=given, more_given_names=more, titles=title_words, longest=longest,
                   names=names, word_acronyms=word_acronyms)


def spellings(name: str) -> set[str]:
    """The ways a listed name is written that ``fold`` counts as one (but "the" before it): with
    and without accents, a hyphen or a space between two words, either apostrophe."""
    out = {name, strip_accents(name)}
    out |= {n.replace("-", " ") for n in out} | {n.replace(" ", "-") for n in out if n.count(" ") == 1}
    out |= {n.replace("'", "’") for n in out}
    return out


def _dictionary_given_names() -> set[str]:
    """gender-guesser's given names (its data ships with the package: nothing is downloaded)."""
    return set(given_names())


# -- what a name looks like -----------------------------------------------------------------

_NAME_PREFIX = frozenset({"d", "l", "o", "al", "el", "ad", "as", "an", "ar", "at", "az", "ash", "mc", "mac"})


def capitalised(word: str) -> bool:
    """Starts like a name: "Oslo", "U.K.", "d'Ivoire", "Łukasz", a product such as "iPhone" (not "the")."""
    if word[:1].isupper():
        return True
    if len(word) > 2 and word[0] == "i" and word[1].isupper() and word[2:].isalpha():
        return True  # "iPod", "iTunes"
    for mark in ("'", "’"):
        head, _, tail = word.partition(mark)
        if tail[:1].isupper() and head.lower() in _NAME_PREFIX:
            return True
    return False
