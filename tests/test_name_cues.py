"""How a name is used, found by the pipeline (``ct_name_cues``, ``ct_nested``) and recorded on its
mention; linking reads those fields and never an article's text."""

from __future__ import annotations

from dataclasses import replace

from annotate.compare.linking import cluster_entities, is_office
from annotate.engine import analyse
from annotate.model import NO_CUES, Article, EntityMention, NameCues
from annotate.nlp.extract import extract_mentions
from annotate.nlp.name_cues import role_cues
from annotate.nlp.pipeline import build_pipeline


def names(text: str) -> list[EntityMention]:
    article = Article(id="a", path="a.txt", title="a", text=text)
    return [m for m in extract_mentions(build_pipeline(None)(text), article) if m.kind == "entity"]


def found(text: str, name: str, nth: int = 0) -> EntityMention:
    return [m for m in names(text) if m.text == name][nth]


def cues(text: str, name: str, nth: int = 0) -> NameCues:
    """The cues the pipeline read around the name (``NO_CUES`` when it read none)."""
    return found(text, name, nth).cues or NO_CUES


def test_the_honorific_before_a_name():
    text = "Mrs. Okafor met Mr Bello and Amina Yusuf."
    assert cues(text, "Okafor").honorific == "mrs"
    assert cues(text, "Bello").honorific == "mr"
    assert cues(text, "Amina Yusuf").honorific is None


def test_the_nationality_written_before_a_person_and_a_nationality_standing_for_one():
    text = ("American challenger Tony Thompson lost to Wladimir Klitschko. The 40-year-old American was "
            "beaten, American officials said.")
    assert cues(text, "Tony Thompson").nationality == "American"
    assert cues(text, "Wladimir Klitschko").nationality is None  # "lost to": not two lowercase words away
    first, noun, adjective = (m for m in names(text) if m.text == "American")
    assert [(m.cues or NO_CUES).nationality_noun for m in (first, noun, adjective)] == [False, True, False]
    assert first.cues is None and adjective.cues is None  # a name whose words say nothing has no cues


def test_a_short_form_defined_in_brackets_after_a_name():
    text = "Singapore Airlines (SIA) bought jets from Boeing."
    assert cues(text, "Singapore Airlines").defined_acronym == "SIA"
    assert cues(text, "Boeing").defined_acronym is None


def test_a_capital_is_the_city_or_its_country_s_government_by_the_words_around_it():
    text = "Moscow has denied it. Talks with Moscow stalled. Envoys met in Moscow. Moscow's mayor spoke."
    uses = [(m.cues or NO_CUES).capital_use for m in names(text) if m.text == "Moscow"]
    assert uses == ["state_voice", "state", "city", "city"]
    assert cues("A Moscow-based group spoke.", "Moscow").capital_use == "city"  # a longer name
    assert cues("MOSCOW, Russia - Officials spoke.", "MOSCOW").capital_use == "city"  # a dateline
    assert cues("Ghana has denied it.", "Ghana").capital_use is None  # no capital


def test_an_office_is_a_mention_of_its_own_kind_over_its_holder():
    text = "North Korean leader Kim Jong Un met Apple CEO Tim Cook. Ivo Brandt said the Brandt administration agreed."
    office, holder = found(text, "North Korean leader"), found(text, "North Korean")
    assert office.office and is_office(office) and office.role is None and office.label == "NORP"
    assert not holder.office and not is_office(holder)
    assert found(text, "Apple CEO").office
    assert found(text, "Kim Jong Un").role == "North Korean leader"  # a person's role is still its title
    assert not found(text, "Brandt administration").office  # a government is no office


CORPUS = [
    "Russia denied the report. Velmora Airways (VAW) bought jets from Boeing. "
    "American challenger Tony Thompson lost to Wladimir Klitschko.",
    "Moscow said on Monday it had no part in it. VAW said the jets arrive in May. "
    "Klitschko beat Tony Thompson, stopping the 40-year-old American in the sixth round.",
    "John Harlan met Mary Harlan in Paris. Mrs. Harlan said the talks went well.",
    "John Harlan spoke. Mary Harlan spoke.",
    "Now the American actress Lohan is back at the clinic.",
    "Lindsay Lohan checked into a clinic.",
]


def _analysis():
    articles = [Article(id=f"a{i}", path=f"a{i}.txt", title=f"a{i}", text=t) for i, t in enumerate(CORPUS)]
    return articles, analyse(articles)


def test_linking_reads_the_cues_on_the_mentions_and_no_text():
    articles, analysis = _analysis()
    entity = {(m.article, m.text): m.entity for m in analysis.mentions if m.kind == "entity"}
    assert entity[("a1", "Moscow")] == entity[("a0", "Russia")]  # "Moscow said": the state
    assert entity[("a1", "VAW")] == entity[("a0", "Velmora Airways")]  # defined in brackets
    assert entity[("a1", "American")] == entity[("a0", "Tony Thompson")]  # "the 40-year-old American"
    assert entity[("a2", "Harlan")] == entity[("a3", "Mary Harlan")]  # "Mrs. Harlan"
    assert entity[("a4", "Lohan")] == entity[("a5", "Lindsay Lohan")]
    # The articles' text is never read: blanked, the same entities.
    blank = [replace(a, text="") for a in articles]
    assert cluster_entities(blank, analysis.mentions).entities == analysis.entities


def test_without_the_cues_those_links_are_not_made():
    articles, analysis = _analysis()
    plain = [
        replace(m, cues=replace(m.cues, honorific=None, nationality=None, nationality_noun=False, defined_acronym=None,
                                capital_use=None) if m.cues else None)
        if m.kind == "entity" else m
        for m in analysis.mentions
    ]  # fmt: skip
    entity_of = {mid: e.id for e in cluster_entities(articles, plain).entities for mid in e.mentions}
    by_text = {(m.article, m.text): entity_of[m.id] for m in plain if m.kind == "entity"}
    assert by_text[("a1", "Moscow")] != by_text[("a0", "Russia")]
    assert by_text[("a1", "VAW")] != by_text[("a0", "Velmora Airways")]
    assert by_text[("a1", "American")] != by_text[("a0", "Tony Thompson")]
    assert by_text[("a2", "Harlan")] != by_text[("a3", "Mary Harlan")]


def test_a_name_the_corpus_finds_has_its_cues_too():
    """"the American actress Lohan" in an article that never writes "Lindsay Lohan": the name is
    found with the corpus in view (``annotate.nlp.corpus_names``), its nationality with it."""
    _, analysis = _analysis()
    lohan = next(m for m in analysis.mentions if m.article == "a4" and m.text == "Lohan")
    assert lohan.cues.nationality == "American"


# -- where a person's role is written (the role detector compares these, never the text) --------
def test_a_role_written_before_the_name_is_placed_on_the_mention():
    text = "Acting Health Minister Ana Ruiz said the clinics would reopen."
    m = next(m for m in names(text) if m.label == "PERSON")
    assert m.role == "Acting Health Minister"
    assert text[m.cues.role_start:m.cues.role_end] == "Acting Health Minister"
    assert not m.cues.role_possessed and m.cues.role_before is None


def test_a_role_in_an_appositive_after_the_name_is_placed_on_the_mention():
    text = "Marco Groje, the acting police chief, said the road was closed."
    m = found(text, "Marco Groje")
    assert m.cues.role_start is not None and m.cues.role_start > m.end
    assert text[m.cues.role_start:m.cues.role_end] == m.role
    assert "police chief" in m.role and not m.cues.role_possessed


def test_a_title_after_someones_possessive_is_the_persons_role_or_the_role_read_before_the_name():
    text = "Trump's former campaign manager Paul Manafort was charged on Monday."
    m = found(text, "Paul Manafort")
    assert text[m.cues.role_start:m.cues.role_end] == m.role and m.role.endswith("former campaign manager")
    assert not m.cues.role_possessed and m.cues.role_before is None
    # When the finder gives the person no role, the title right before the name is read instead.
    start = text.index("Paul Manafort")
    role_start, role_end, possessed, before, before_start = role_cues(text, start, start + 13, None)
    assert (role_start, role_end, possessed) == (None, None, False)
    assert before == "former campaign manager" and text[before_start:].startswith(before)


def test_a_role_followed_by_a_possessive_is_someone_elses():
    text = "Michael Flynn, the president's first national security adviser, resigned on Monday."
    m = found(text, "Michael Flynn")
    assert m.role == "president" and m.cues.role_possessed  # the president's office, not Flynn's
    assert text[m.cues.role_start:m.cues.role_end] == "president"
    assert role_cues(text, 0, 13, "first national security adviser")[2] is False
