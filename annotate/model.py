"""The engine's typed output: articles, mentions, entities, discrepancies.

Everything the engine produces is one of these small classes. The report
command serialises them (see README "Report JSON"), the app renders them.
Offsets are Unicode code points into ``Article.text``, end exclusive, so
``article.text[m.start:m.end] == m.text`` always holds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

# What a loaded corpus is (``Article``) and what could not be used (``Problem``) live in a
# module of their own, light to import: the reader shows the articles before this one loads.
from annotate.corpus.article import DOCUMENTED as _DOCUMENTED, Article, Problem

MENTION_KINDS: tuple[str, ...] = ("entity", "number", "quote", "date")

DiscrepancyKind = Literal["name_variant", "role", "number", "date", "quote", "claim", "omission"]
DISCREPANCY_KINDS: tuple[str, ...] = (
    "name_variant",
    "role",
    "number",
    "date",
    "quote",
    "claim",
    "omission",
)
# How the report and the reader head each kind's findings.
KIND_TITLES: dict[str, str] = {
    "name_variant": "Names spelled differently",
    "role": "Titles and roles",
    "number": "Numbers",
    "date": "Dates",
    "quote": "Quotes",
    "claim": "Contradicting claims",
    "omission": "Reported by one article only",
}


def kind_title(kind: str) -> str:
    """The heading of a kind of discrepancy ("name_variant" -> "Names spelled differently")."""
    return KIND_TITLES.get(kind, kind.replace("_", " ").capitalize())


Severity = Literal["high", "medium", "low"]


@dataclass(slots=True)
class MentionBase:
    """What every mention has: a span of an article and the label the engine gave it.

    Each kind adds its own fields and ``kind``, which tells them apart in the report
    (the last field, so the four classes are built positionally without it).
    """

    __pydantic_config__ = _DOCUMENTED

    id: str
    """``article:`` + the kind's letter + ``start-end``: stable across runs."""
    article: str
    """The Article.id."""
    start: int
    end: int
    text: str
    """The span's words: ``article.text[start:end]``."""
    label: str
    """The name's type (PERSON, ORG, GPE, ...), or CARDINAL, MONEY, PERCENT, DATE, QUOTE, ..."""


CapitalUse = Literal["city", "state", "state_voice"]


@dataclass(frozen=True, slots=True)
class NameCues:
    """What the words around a name say of how it is used, as the pipeline read them
    (``ct_name_cues``): linking and the role detector read them here, never the article's text.
    A field is null (or false) when the words say nothing of it."""

    __pydantic_config__ = _DOCUMENTED

    honorific: str | None = None
    """The courtesy title written right before a person's name, folded (``mr``, ``mrs``, ``ms``,
    ``dr``, ...): "Mrs. Trump" tells which Trump."""
    nationality: str | None = None
    """A nationality written before a person's name, at most two lowercase words away, as the
    article writes it: "American" in "American challenger Tony Thompson"."""
    nationality_noun: bool = False
    """True for a nationality word that stands for a person ("the 40-year-old American was ..."),
    not one that qualifies a noun ("the American troops")."""
    defined_acronym: str | None = None
    """The short form the article defines in brackets right after the name: "SIA" in "Singapore
    Airlines (SIA)"."""
    capital_use: CapitalUse | None = None
    """For a capital's name, what the words around it make of it: ``city``, the place where
    something happens ("in Moscow", "flew to Seoul", "Moscow's mayor"); ``state``, its country's
    government acting ("ties with Moscow", "Moscow has ..."); ``state_voice``, the government
    speaking or owning ("Moscow said", "Pyongyang's program"). Null when they tell neither, and
    for other names."""
    role_start: int | None = None
    """Where the mention's ``role`` is written (a character offset into the article): at the start
    of its span ("Defence Minister Ana Ferreyra"), right before it, or in the appositive after it
    ("Marco Groje, the acting police chief"). Null when there is no role or it is not near."""
    role_end: int | None = None
    """Where ``role`` ends; null when ``role_start`` is."""
    role_possessed: bool = False
    """True when a possessive follows the role, so it names someone else's office ("Flynn, the
    president's first national security adviser": "president" is not Flynn's role)."""
    role_before: str | None = None
    """When the person has no role of their own (none, someone else's, or one cut short such as
    "spokesman for"), a title written right before the name: "former campaign manager" in
    "Trump's former campaign manager Paul Manafort"."""
    role_before_start: int | None = None
    """Where ``role_before`` is written; null when it is."""


NO_CUES = NameCues()  # what a name without cues reads as: ``mention.cues or NO_CUES``


@dataclass(slots=True)
class EntityMention(MentionBase):
    """A name of a person, place or organisation, or an office that stands for a person."""

    __pydantic_config__ = _DOCUMENTED

    value: str
    """The name without its role: the fullest form of it in the same article when the span
    is a short form ("Musa" -> "Bello Musa")."""
    role: str | None = None
    """The title or role given with the name, before it or in apposition
    ("Interim Defence Minister")."""
    entity: str | None = None
    """The Entity.id of the cross-article cluster, once linked."""
    office: bool = False
    """True for an office named by the country or organisation that holds it ("the North Korean
    leader", "Apple's chief executive", "former FBI director"): it stands for whoever holds the
    office, and linking gives it to the person the story says holds it. Its span covers the
    holder's name, which is a mention of its own; its label is the holder's."""
    cues: NameCues | None = None
    """What the words around the name say of how it is used (its honorific, a nationality before
    it, a capital's use, where its role is written, ...); null for most names, whose words say
    none of it."""
    kind: Literal["entity"] = "entity"
    """Which kind of mention this is (``entity``, ``number``, ``quote`` or ``date``)."""


@dataclass(slots=True)
class NumberMention(MentionBase):
    """A figure."""

    __pydantic_config__ = _DOCUMENTED

    value: int | float | list[int | float] | None
    """A number, ``[low, high]`` for a range, or null for a vague amount ("thousands")."""
    counts: str | None = None
    """What is counted ("helicopters")."""
    qualifier: str | None = None
    """``more than``, ``fewer than``, ``about``, ``range``, ``vague``, ..."""
    unit: str | None = None
    """What kind of quantity: ``count``, ``percent``, ``magnitude``, ``km`` (lengths converted) or a
    currency; null when it is no comparable quantity (an age, a time, a bare figure whose noun is
    guessed from afar)."""
    thing: str | None = None
    """What a count counts, as a class ("rescue workers" -> ``rescuer``; ``people`` is any person)."""
    event: str | None = None
    """What happened to it, as the words next to it say: ``killed``, ``injured``, ``detained``, ...;
    ``increase`` or ``decrease`` for a share, ``depth`` or ``distance`` for a length, ``paid``,
    ``offered``, ... for a sum."""
    grew: bool = False
    """The sentence says the figure rose ("has risen to 45"): a later total."""
    near: list[str] = field(default_factory=list)
    """Stems of the content words within 40 characters either side, in its sentence ("kill");
    empty for a figure without a value or that counts nothing (it is grouped with no other)."""
    listed: list[str] = field(default_factory=list)
    """Nouns listed with what it counts ("three trucks, tents and blankets" -> ``tents``, ``blankets``)."""
    listed_end: int | None = None
    """Where that list ends in the article's text."""
    kind: Literal["number"] = "number"
    """Which kind of mention this is (``entity``, ``number``, ``quote`` or ``date``)."""


@dataclass(slots=True)
class QuoteMention(MentionBase):
    """Words in quotation marks."""

    __pydantic_config__ = _DOCUMENTED

    value: str
    """The quoted words."""
    speaker_name: str | None = None
    """Who said them, as the article names them (its fullest form of the name), or null."""
    speaker: str | None = None
    """The Entity.id of who said them: that of the entity mention at ``speaker_start``-``speaker_end``,
    else the entity ``speaker_name`` was linked to; or null."""
    speaker_start: int | None = None
    """Where the name the quote is attributed by is in the article ("Trump" in "..., Trump said",
    or the name "he" stands for): the span of an entity mention, or null."""
    speaker_end: int | None = None
    """The end of that name (exclusive, as every ``end``), or null."""
    kind: Literal["quote"] = "quote"
    """Which kind of mention this is (``entity``, ``number``, ``quote`` or ``date``)."""


@dataclass(slots=True)
class DateMention(MentionBase):
    """A date."""

    __pydantic_config__ = _DOCUMENTED

    value: str | None
    """ISO ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or ``YYYY-Www`` (a week), or null when it
    cannot be resolved."""
    granularity: str | None = None
    """``day``, ``week``, ``month``, ``year`` or ``unresolved``."""
    near: list[str] = field(default_factory=list)
    """Stems of the content words within 60 characters either side, in its sentence, and its
    figures (``#12``): what happened then; empty for a year or a date without a value (neither
    dates one event)."""
    kind: Literal["date"] = "date"
    """Which kind of mention this is (``entity``, ``number``, ``quote`` or ``date``)."""


# A mention of any kind; ``kind`` says which (and is the tag of the report's union).
Mention = EntityMention | NumberMention | QuoteMention | DateMention
MENTION_TYPES: dict[str, type[MentionBase]] = {
    "entity": EntityMention,
    "number": NumberMention,
    "quote": QuoteMention,
    "date": DateMention,
}


@dataclass(frozen=True, slots=True)
class ReportedSpeech:
    """Words an article says someone said without quotation marks, as the pipeline read them:
    "Petrova said the ministry ...", "According to Petrova, ...", "..., Petrova said." The
    speaker is where their name is written: a person the pipeline named, or a lone capitalised
    word that the corpus may show to be a name ("King said ..." where only other articles write
    "Tomas King"). Who that is across articles is known once the corpus's names are found and
    linked (``Statement``)."""

    __pydantic_config__ = _DOCUMENTED

    article: str
    start: int
    end: int
    text: str
    """The words said: ``article.text[start:end]``."""
    speaker_start: int
    """Where the name of who said them starts: the span of the person's entity mention, once
    the corpus's names are found (``annotate.compare.detectors.speech.find_statements``)."""
    speaker_end: int


@dataclass(frozen=True, slots=True)
class ArticleWords:
    """The words of one article that the detectors compare across a story, read by the pipeline
    (``ct_words``), so that no later stage searches an article's text."""

    __pydantic_config__ = _DOCUMENTED

    words: list[str] = field(default_factory=list)
    """Its content words as written, distinct and sorted: no stop words, months or weekdays, nothing
    under three letters."""
    capitalised: dict[str, list[int]] = field(default_factory=dict)
    """Each capitalised word of five letters or more (the shape of a surname) and where it is
    written (offsets into the text), in order: a name written once with a letter changed is
    told from one the story writes again and again."""
    counts: dict[str, int] = field(default_factory=dict)
    """How often it writes each word story grouping compares, case- and accent-folded (letters
    only, four or more, no function or reporting words), in the order of first use."""


@dataclass(frozen=True, slots=True)
class WordStream:
    """Every word of one article in order, and its clauses, as the pipeline read them
    (``ct_stream``): what a detector reads when it looks at the words around a mention or at the
    clause it stands in, so that no later stage splits an article's text. Kept in the engine
    cache, not written in the report."""

    __pydantic_config__ = _DOCUMENTED

    words: list[str] = field(default_factory=list)
    """The words as written, in order: runs of letters, digits, hyphens and apostrophes that
    start with a letter ("Kremlin's", "well-known", "didn't"), and figures ("1,000")."""
    starts: list[int] = field(default_factory=list)
    """Where each word starts (an offset into the text); it ends ``len(word)`` later."""
    clause_starts: list[int] = field(default_factory=list)
    """Where each clause starts, in order: at its sentence's start, or past the spaces after a
    comma, semicolon, colon, dash, bracket or spaced hyphen in the sentence."""
    clause_ends: list[int] = field(default_factory=list)
    """Where each clause's words end: before the spaces and sentence-final punctuation (. ! ?)
    in front of the break that closes it."""
    clause_breaks: list[int] = field(default_factory=list)
    """Where the break that closes each clause starts, or its sentence's end."""


@dataclass(frozen=True, slots=True)
class Negation:
    """An act an article's own words say did not, will not or is unlikely to happen ("does not
    name Trump as a defendant", "denied that it had hired replacement crews"), as the pipeline
    read it (``ct_negation``): outside quotes, with a name among the words after the predicate."""

    __pydantic_config__ = _DOCUMENTED

    article: str
    start: int
    end: int
    """The words around it, ``article.text[start:end]``: from two words before the negation to
    ten words after the predicate."""
    predicate: str
    """The stem of the negated word ("hir" of "hired")."""
    context: tuple[str, ...]
    """Stems of the content words after the predicate, up to ten words on, sorted."""
    names: tuple[str, ...]
    """The stems among ``context`` of words written as names (capitalised inside the sentence)."""


@dataclass(frozen=True, slots=True)
class Denial:
    """A negation right after what it is said of, as the pipeline read it (``ct_negation``):
    "the ministry was not involved", "Norvale, the operator, has not conceded defeat", "the
    regional airport was not damaged"; outside quotes."""

    __pydantic_config__ = _DOCUMENTED

    article: str
    subject_ends: tuple[int, ...]
    """Where the name of what is denied may end: an entity mention ending at one of them is the
    subject (up to two lower-case words or an appositive may follow it before the negation)."""
    phrase: str
    """An unnamed subject's two words ("regional airport", after "the"), else ""."""
    predicate: str
    """The stem of the negated word ("involv" of "was not involved")."""
    end: int
    """Where the negated words end."""
    clause_starts: tuple[int, ...]
    """Where the sentence's clauses start up to the subject (the sentence's start, then after
    each comma, dash or bracket): the denial's clause starts at the last one before the subject's
    name."""
    clause_end: int
    """Where the denial's clause ends."""
    words: tuple[tuple[int, str], ...]
    """The words from the first clause start to ``clause_end``: (offset, word)."""


@dataclass(frozen=True, slots=True)
class Statement:
    """Who said what: words an article attributes to a linked person, quoted (a ``QuoteMention``
    with a speaker) or reported without quotation marks ("Petrova said the ministry ...")."""

    __pydantic_config__ = _DOCUMENTED

    article: str
    speaker: str
    """The Entity.id of who said it."""
    start: int
    end: int
    text: str
    """The words said: ``article.text[start:end]`` (for a quote, the quoted words)."""
    quoted: bool
    """True for words in quotation marks, False for reported speech."""


@dataclass(frozen=True, slots=True)
class ArticleReading:
    """What the spaCy pipeline read in one article: the input of linking and of the detectors,
    and what the engine cache keeps per article (not part of the report as such)."""

    mentions: list[Mention]
    sentences: list[int]
    """Where the article's sentences start."""
    reported: list[ReportedSpeech]
    words: ArticleWords
    pipeline: str
    """The pipeline's name (``EngineInfo.pipeline``)."""
    negations: list[Negation] = field(default_factory=list)
    denials: list[Denial] = field(default_factory=list)
    stream: WordStream = field(default_factory=WordStream)
    failure: str | None = None
    """Why the pipeline could not read the article (a fault in corpus-tui): then nothing else was read."""


@dataclass(slots=True)
class Entity:
    """A cluster of mentions of one real-world thing, across articles."""

    __pydantic_config__ = _DOCUMENTED

    id: str
    """The label and a slug of the name (``person:sergei-lavrov``)."""
    name: str
    """The fullest common form of the name."""
    label: str
    mentions: list[str] = field(default_factory=list)
    """The ids of its mentions."""


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where an article says it: a span of its text."""

    article: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class ArticleValue:
    """What one article says about a discrepancy's subject: its words, or nothing at all."""

    __pydantic_config__ = _DOCUMENTED

    text: str
    """The article's words ("" when it does not report it)."""
    reported: bool = True
    """False when the article is silent on it (the other side of an omission)."""


NOT_REPORTED = ArticleValue("", reported=False)


@dataclass(slots=True)
class Discrepancy:
    """Where articles disagree (or one is silent), with evidence in each article."""

    __pydantic_config__ = _DOCUMENTED

    id: str
    """The first 12 hex digits of sha1(kind, normalised subject, sorted article ids, sorted
    normalised values): the same from one run to the next, so a verdict survives a re-run."""
    kind: DiscrepancyKind
    subject: str
    """What it is about ("number of people killed")."""
    summary: str
    """One line for a reader, naming the outlets on each side."""
    severity: Severity
    values: dict[str, ArticleValue]
    """What each article says, by article id."""
    evidence: list[Evidence] = field(default_factory=list)


@dataclass(slots=True)
class Corroboration:
    """The same fact told the same way in several articles: not a discrepancy."""

    subject: str
    evidence: list[Evidence] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class EngineInfo:
    __pydantic_config__ = _DOCUMENTED

    version: str
    pipeline: str
    """``blank:en+rules``, or the trained pipeline's name (``--model``)."""


# The fields of ``Analysis`` that hold what the pipeline read for the detectors to compare, not
# what the engine found: kept with the analysis (the engine cache keeps them, and the reader's edits
# compare a story again with them) but left out of the report (``annotate.schema``), whose contract
# is the findings. Each is re-read from the article's text by the same rules, and its detectors'
# findings (statements, discrepancies) are in the report.
ENGINE_READING: tuple[str, ...] = ("reported", "negations", "denials", "words", "streams")


@dataclass(slots=True)
class Analysis:
    """Everything the engine knows about one corpus: the report's fields, then the pipeline's
    reading the detectors compare (``ENGINE_READING``, not in the report)."""

    __pydantic_config__ = _DOCUMENTED

    articles: list[Article]
    mentions: list[Mention]
    """Every mention the engine found; ``kind`` says which fields it has."""
    entities: list[Entity]
    discrepancies: list[Discrepancy]
    """Most severe first."""
    engine: EngineInfo
    corroborations: list[Corroboration] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    """Files that could not be read, and why."""
    stories: list[list[str]] = field(default_factory=list)
    """The article ids of each story: articles are compared within their story."""
    statements: list[Statement] = field(default_factory=list)
    """Who said what in each article, quoted or reported, in article order."""
    sentences: dict[str, list[int]] = field(default_factory=dict)
    """Where each article's sentences start, by article id: offsets into its text, in order, the
    first 0. A sentence runs to the next start (or the end of the text); every stage splits an
    article this one way (the pipeline's ``ct_sentences``)."""
    reported: list[ReportedSpeech] = field(default_factory=list)
    """Reported speech as the pipeline found it, in article order (``statements`` holds that of
    linked people, by entity). Not in the report."""
    negations: list[Negation] = field(default_factory=list)
    """The acts each article's own words negate, as the pipeline found them, in article order.
    Not in the report."""
    denials: list[Denial] = field(default_factory=list)
    """What each article's own words deny of a named or unnamed subject, in article order. Not in
    the report."""
    words: dict[str, ArticleWords] = field(default_factory=dict)
    """The words of each article the detectors compare, by article id (the pipeline's
    ``ct_words``). Not in the report."""
    streams: dict[str, WordStream] = field(default_factory=dict)
    """Every word and clause of each article, by article id (the pipeline's ``ct_stream``). Not in
    the report."""

    def article(self, article_id: str) -> Article:
        for a in self.articles:
            if a.id == article_id:
                return a
        raise KeyError(article_id)
