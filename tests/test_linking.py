"""Cross-article entity linking, over hand-built mentions (no spaCy needed)."""

from __future__ import annotations

import subprocess
import sys

from annotate.compare.linking import link_entities
from annotate.model import MENTION_TYPES, NO_CUES, Article, Mention, NameCues
from annotate.nlp.name_cues import name_cues


def art(aid: str, text: str) -> Article:
    return Article(id=aid, path=f"{aid}.txt", title=aid, text=text)


def ment(a: Article, phrase: str, label: str = "PERSON", nth: int = 0, kind: str = "entity", **kw) -> Mention:
    """A mention of ``phrase``; a name with the cues the pipeline reads around it alone (its
    honorific, use as a capital or nationality noun, short form in brackets)."""
    start = -1
    for _ in range(nth + 1):
        start = a.text.index(phrase, start + 1)
    end = start + len(phrase)
    kw.setdefault("value", phrase if kind in ("entity", "quote") else None)
    if kind == "entity":
        for row in name_cues(a.text, [(start, end, label, kw.get("office", False), kw.get("role"))]):
            honorific, _nationality, noun, acronym, use = row[3:8]
            cues = NameCues(honorific, None, noun, acronym, use)
            kw.setdefault("cues", None if cues == NO_CUES else cues)
    return MENTION_TYPES[kind](id=f"{a.id}:{kind[0]}{start}-{end}", article=a.id, start=start, end=end, text=phrase, label=label, **kw)


def office(a: Article, phrase: str, label: str, nth: int = 0) -> Mention:
    """An office over its holder's name, as ``ct_nested`` finds it."""
    return ment(a, phrase, label, nth, office=True, value=phrase)


def entity_of(mentions: list[Mention], article: str, text: str) -> str | None:
    found = {m.entity for m in mentions if m.article == article and m.text == text and m.kind == "entity"}
    assert len(found) == 1, (article, text, found)
    return found.pop()


def test_transliteration_variants_and_surnames_link_across_articles():
    a = art("a", "Foreign Minister Dmitri Peskovsky spoke. Peskovsky left.")
    b = art("b", "Dmitry Peskovsky said so. Later Peskovsky’s aide spoke.")
    ms = [ment(a, "Dmitri Peskovsky"), ment(a, "Peskovsky", nth=1), ment(b, "Dmitry Peskovsky"), ment(b, "Peskovsky’s")]
    entities = link_entities([a, b], ms)
    assert len({m.entity for m in ms}) == 1
    (e,) = entities
    assert e.label == "PERSON" and e.name in ("Dmitri Peskovsky", "Dmitry Peskovsky")
    assert sorted(e.mentions) == sorted(m.id for m in ms)


def test_middle_names_and_accents_link():
    a = art("a", "Prime Minister Amadou Toumani Traoré spoke.")
    b = art("b", "Amadou Traore spoke.")
    ms = [ment(a, "Amadou Toumani Traoré"), ment(b, "Amadou Traore")]
    (e,) = link_entities([a, b], ms)
    assert e.name == "Amadou Toumani Traoré"  # the fullest form names the entity


def test_a_shared_surname_goes_to_the_most_prominent_person():
    """"Trump" after "Melania Trump" is the president named in every article, not the spouse."""
    a = art("a", "John Harlan met Mary Harlan. Harlan said nothing.")
    b = art("b", "John Harlan spoke.")
    ms = [ment(a, "John Harlan"), ment(a, "Mary Harlan"), ment(a, "Harlan", nth=2), ment(b, "John Harlan")]
    link_entities([a, b], ms)
    john, mary, bare, john_b = (m.entity for m in ms)
    assert john == john_b
    assert john != mary
    assert bare == john


def test_a_shared_surname_of_two_equally_prominent_people_is_not_guessed():
    a = art("a", "John Harlan met Mary Harlan. Harlan said nothing.")
    ms = [ment(a, "John Harlan"), ment(a, "Mary Harlan"), ment(a, "Harlan", nth=2)]
    link_entities([a], ms)
    john, mary, bare = (m.entity for m in ms)
    assert john != mary and bare not in (john, mary)


def test_lone_surname_links_to_the_only_person_with_it():
    a = art("a", "Olena Marchuk arrived.")
    b = art("b", "Marchuk arrived.")
    ms = [ment(a, "Olena Marchuk"), ment(b, "Marchuk")]
    link_entities([a, b], ms)
    assert ms[0].entity == ms[1].entity


def test_different_given_names_do_not_link():
    a = art("a", "Peter Novak spoke.")
    b = art("b", "Tomas Novak spoke.")
    ms = [ment(a, "Peter Novak"), ment(b, "Tomas Novak")]
    link_entities([a, b], ms)
    assert ms[0].entity != ms[1].entity


def test_abbreviations_case_and_state_forms():
    a = art("a", "The U.K. and the UN General Assembly met the Ardent group in the Republic of Korea.")
    b = art("b", "The United Kingdom, the United Nations, the Ardent Group and Ardent, and Korea.")
    ms = [
        ment(a, "U.K.", "GPE"), ment(a, "UN General Assembly", "ORG"), ment(a, "Ardent group", "ORG"),
        ment(a, "Republic of Korea", "GPE"),
        ment(b, "United Kingdom", "GPE"), ment(b, "United Nations", "ORG"), ment(b, "Ardent Group", "ORG"),
        ment(b, "Ardent", "ORG", nth=1), ment(b, "Korea", "GPE"),
    ]
    entities = link_entities([a, b], ms)
    assert entity_of(ms, "a", "U.K.") == entity_of(ms, "b", "United Kingdom")
    assert entity_of(ms, "a", "UN General Assembly") == entity_of(ms, "b", "United Nations")
    assert entity_of(ms, "a", "Ardent group") == entity_of(ms, "b", "Ardent Group") == entity_of(ms, "b", "Ardent")
    assert entity_of(ms, "a", "Republic of Korea") == entity_of(ms, "b", "Korea")
    names = {e.id: e.name for e in entities}
    assert names[entity_of(ms, "b", "United Nations")] == "United Nations"
    assert names[entity_of(ms, "b", "Korea")] == "Korea"
    assert names[entity_of(ms, "b", "Ardent Group")] == "Ardent Group"
    assert len(entities) == 4


def test_federation_form_of_a_demonym_links_to_the_country():
    a = art("a", "Arms came from the Russian Federation.")
    b = art("b", "Arms came from Russia.")
    ms = [ment(a, "Russian Federation", "GPE"), ment(b, "Russia", "GPE")]
    (e,) = link_entities([a, b], ms)
    assert e.name == "Russia"


def test_nationality_word_is_not_the_organisation():
    a = art("a", "European leaders met the European Union.")
    ms = [ment(a, "European", "NORP"), ment(a, "European Union", "ORG")]
    link_entities([a], ms)
    assert ms[0].entity != ms[1].entity


def test_quote_speakers_become_entity_ids():
    a = art("a", "Minister Lena Ostrova said “we will stay”. Ostrova added more.")
    ms = [
        ment(a, "Lena Ostrova"),
        ment(a, "Ostrova", nth=1),
        ment(a, "we will stay", kind="quote", label="QUOTE", speaker_name="Lena Ostrova"),
        ment(a, "more", kind="quote", label="QUOTE", speaker_name="Ostrova"),
    ]
    link_entities([a], ms)
    assert ms[2].speaker == ms[0].entity == ms[3].speaker
    assert ms[2].speaker is not None and ms[2].speaker.startswith("person:")


def test_ids_are_stable_whatever_the_order():
    a = art("a", "Dmitri Peskovsky met Olena Marchuk in Kyiv.")
    b = art("b", "Marchuk and Dmitry Peskovsky in Kyiv.")

    def run(order):
        ms = [ment(a, "Dmitri Peskovsky"), ment(a, "Olena Marchuk"), ment(a, "Kyiv", "GPE"),
              ment(b, "Marchuk"), ment(b, "Dmitry Peskovsky"), ment(b, "Kyiv", "GPE")]
        link_entities(order, list(reversed(ms)))
        return sorted((m.id, m.entity) for m in ms)

    assert run([a, b]) == run([a, b])
    first = dict(run([a, b]))
    assert first["a:e0-16"] == first["b:e12-28"]


def test_linking_scales_without_comparing_all_pairs():
    # 1,000 articles x 12 mentions: blocking keeps this to well under a second
    # on a laptop; here we only check that the result is right.
    articles, mentions = [], []
    for i in range(1000):
        a = art(f"a{i}", f"Person{i % 50} Surname{i % 50} met Agency{i % 30} Group in City{i % 20}.")
        articles.append(a)
        mentions += [ment(a, f"Person{i % 50} Surname{i % 50}"), ment(a, f"Agency{i % 30} Group", "ORG"), ment(a, f"City{i % 20}", "GPE")]
    entities = link_entities(articles, mentions)
    assert len(entities) == 50 + 30 + 20


def test_engine_stages_after_annotation_do_not_import_spacy():
    code = (
        "import sys\n"
        "import annotate.compare.linking, annotate.compare.discrepancies, annotate.report\n"
        "print('spacy' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_other_names_of_places_and_organisations_link():
    a = art("a", "In Kyiv, Britain's Ministry of Defence said so.")
    b = art("b", "In Kiev, the United Kingdom's Defence Ministry said so.")
    ms = [ment(a, "Kyiv", "GPE"), ment(a, "Britain", "GPE"), ment(a, "Ministry of Defence", "ORG"),
          ment(b, "Kiev", "GPE"), ment(b, "United Kingdom", "GPE"), ment(b, "Defence Ministry", "ORG")]
    link_entities([a, b], ms)
    assert ms[0].entity == ms[3].entity
    assert ms[1].entity == ms[4].entity
    assert ms[2].entity == ms[5].entity


def test_surname_particles_first_names_and_gendered_given_names():
    a = art("a", "Ursula von der Leyen met Xi Jinping. Xi smiled. Daniel Kovac watched. Bashar al-Assad left. Assad")
    b = art("b", "Von der Leyen spoke. Daniela Kovac watched.")
    ms = [ment(a, "Ursula von der Leyen"), ment(a, "Xi Jinping"), ment(a, "Xi", nth=1), ment(a, "Daniel Kovac"),
          ment(b, "Von der Leyen"), ment(b, "Daniela Kovac"), ment(a, "Bashar al-Assad"), ment(a, "Assad", nth=1)]
    link_entities([a, b], ms)
    ursula, xi, xi_short, daniel, vdl, daniela, bashar, assad = (m.entity for m in ms)
    assert bashar == assad
    assert ursula == vdl
    assert xi == xi_short
    assert daniel != daniela


def test_bodies_join_their_organisation_but_not_a_nationality():
    a = art("a", "The European Parliament and European leaders met the UN Security Council.")
    b = art("b", "The United Nations and the European Union.")
    ms = [ment(a, "European Parliament", "ORG"), ment(a, "European", "NORP", nth=1), ment(a, "UN Security Council", "ORG"),
          ment(b, "United Nations", "ORG"), ment(b, "European Union", "ORG")]
    link_entities([a, b], ms)
    parliament, european, council, un, eu = (m.entity for m in ms)
    assert council == un
    assert parliament != european and eu != european


def test_letters_without_a_decomposition_fold_like_accents():
    a = art("a", "Goalkeeper Emil Sørensen signed.")
    b = art("b", "Emil Sorensen signed.")
    (e,) = link_entities([a, b], [ment(a, "Emil Sørensen"), ment(b, "Emil Sorensen")])
    assert len(e.mentions) == 2


def test_a_surname_misspelt_by_one_outlet_links():
    a = art("a", "Jorge Villacorta, the agency head, spoke.")
    b = art("b", "Agency chief Jorge Villacorda spoke.")
    (e,) = link_entities([a, b], [ment(a, "Jorge Villacorta"), ment(b, "Jorge Villacorda")])
    assert len(e.mentions) == 2


def test_near_surnames_in_one_article_are_two_people():
    a = art("a", "Jorge Villacorta and Jorge Villacorda both spoke.")
    b = art("b", "Jorge Villacorda spoke.")
    ms = [ment(a, "Jorge Villacorta"), ment(a, "Jorge Villacorda"), ment(b, "Jorge Villacorda")]
    entities = link_entities([a, b], ms)
    assert len(entities) == 2


def test_short_surnames_one_letter_apart_stay_apart():
    a = art("a", "John Hart spoke.")
    b = art("b", "John Hurt spoke.")
    assert len(link_entities([a, b], [ment(a, "John Hart"), ment(b, "John Hurt")])) == 2


def test_a_title_left_inside_a_name_is_not_part_of_the_name():
    a = art("a", "Justice Helena Marchetti wrote the ruling.")
    b = art("b", "Chief Justice Helena Marchetti wrote it.")
    ma = ment(a, "Justice Helena Marchetti")
    mb = ment(b, "Helena Marchetti")
    (e,) = link_entities([a, b], [ma, mb])
    assert len(e.mentions) == 2 and e.name == "Helena Marchetti"


def test_a_title_before_a_one_word_name_stays():
    a = art("a", "Prince Harry spoke.")
    m = ment(a, "Prince Harry")
    link_entities([a], [m])
    assert m.text == "Prince Harry" and m.role is None


def test_a_person_named_like_a_company_is_an_organisation():
    a = art("a", "Ardmore Mining denied it. Kate Moss appealed.")
    ms = [ment(a, "Ardmore Mining"), ment(a, "Kate Moss")]
    entities = {e.name: e for e in link_entities([a], ms)}
    assert entities["Ardmore Mining"].label == "ORG"
    assert entities["Kate Moss"].label == "PERSON"


def test_an_office_without_a_name_is_the_person_the_story_gives_it():
    a = art("a", "Zarovian leader Ivo Brandt met envoys. Brandt said talks would go on.")
    b = art("b", "The Zarovian leader said on Tuesday that talks would go on, the Zarovian embassy said.")
    c = art("c", "Former Velmax CEO Ana Ruiz left. The former Velmax CEO said nothing.")
    ms = [ment(a, "Ivo Brandt", role="Zarovian leader"), ment(a, "Brandt"),
          ment(b, "Zarovian", "NORP"), office(b, "Zarovian leader", "NORP"), ment(b, "Zarovian", "NORP", nth=1),
          ment(c, "Ana Ruiz", role="Former Velmax CEO"), ment(c, "Velmax", "ORG", nth=1),
          office(c, "former Velmax CEO", "ORG")]
    link_entities([a, b, c], ms)
    leader = ms[3]
    assert leader.entity == entity_of(ms, "a", "Ivo Brandt")
    assert ms[2].entity == ms[4].entity != leader.entity  # "Zarovian" in it stays the nation's
    assert ms[7].entity == entity_of(ms, "c", "Ana Ruiz") != ms[6].entity


def test_an_office_two_people_hold_equally_or_nobody_holds_stays_apart():
    a = art("a", "Zarovian President Ivo Brandt and Zarovian President Eda Lind met. The Zarovian president spoke.")
    b = art("b", "The Kestrian leader spoke.")
    ms = [ment(a, "Ivo Brandt", role="Zarovian President"), ment(a, "Eda Lind", role="Zarovian President"),
          ment(a, "Zarovian", "NORP", nth=2), office(a, "Zarovian president", "NORP"),
          ment(b, "Kestrian", "NORP"), office(b, "Kestrian leader", "NORP")]
    entities = {e.id: e for e in link_entities([a, b], ms)}
    people = {ms[0].entity, ms[1].entity}
    assert ms[3].entity not in people and ms[3].entity != ms[2].entity  # neither person, nor the nation
    assert ms[5].entity != ms[4].entity and entities[ms[5].entity].label == "PERSON"


def test_a_capital_that_acts_is_its_country_and_a_capital_where_things_happen_is_the_city():
    a = art("a", "Norway said on Monday that talks with Sweden would resume.")
    b = art("b", "Stockholm has rejected the plan, and ties with Stockholm are cold.")
    c = art("c", "Envoys met in Stockholm. Ties with Stockholm are cold.")  # the city's name here
    d = art("d", "Flights go to Bergen, and Stockholm. Stockholm's new mayor spoke.")
    # A capital that speaks or owns is the state even where the article also writes the city.
    e = art("e", "Envoys met in Stockholm. Stockholm has rejected the plan and Stockholm's envoy left.")
    ms = [ment(a, "Norway", "GPE"), ment(a, "Sweden", "GPE"),
          ment(b, "Stockholm", "GPE"), ment(b, "Stockholm", "GPE", nth=1),
          ment(c, "Stockholm", "GPE"), ment(c, "Stockholm", "GPE", nth=1),
          ment(d, "Stockholm", "GPE"), ment(d, "Stockholm", "GPE", nth=1),
          ment(e, "Stockholm", "GPE"), ment(e, "Stockholm", "GPE", nth=1), ment(e, "Stockholm", "GPE", nth=2)]
    for m in ms:
        m.value = m.text
    link_entities([a, b, c, d, e], ms)
    sweden = ms[1].entity
    assert [m.entity == sweden for m in ms[2:]] == [True, True, False, False, False, False, False, True, True]
    assert len({m.entity for m in ms[4:9]}) == 1  # the city, in all three articles


def test_a_capital_whose_words_tell_nothing_is_read_as_its_article_reads_it():
    a = art("a", "Norway and Sweden met.")
    c = art("c", "Sanctions will constrain Stockholm's plans and restrain Stockholm.")
    ms = [ment(a, "Norway", "GPE"), ment(a, "Sweden", "GPE"), ment(c, "Stockholm", "GPE"), ment(c, "Stockholm", "GPE", nth=1)]
    link_entities([a, c], ms)
    assert ms[2].entity == ms[3].entity == ms[1].entity  # the second tells nothing: as the first


def test_a_nationality_s_office_before_a_name_is_the_person_s_and_a_company_stays_itself():
    a = art("a", "Zarovian President Ivo Brandt met Velmax CEO Ana Ruiz and the Zarovian embassy.")
    b = art("b", "Velmax said that Ivo Brandt agreed.")
    ms = [ment(a, "Zarovian", "NORP"), office(a, "Zarovian President", "NORP"), ment(a, "Ivo Brandt"),
          ment(a, "Velmax", "ORG"), office(a, "Velmax CEO", "ORG"), ment(a, "Ana Ruiz"),
          ment(a, "Zarovian", "NORP", nth=1), ment(b, "Velmax", "ORG"), ment(b, "Ivo Brandt")]
    ms[2].role, ms[5].role = "Zarovian President", "Velmax CEO"
    link_entities([a, b], ms)
    assert ms[1].entity == ms[2].entity == ms[8].entity  # the office before a name is that person's
    assert ms[4].entity == ms[5].entity  # "Velmax CEO" is Ana Ruiz ...
    assert ms[3].entity == ms[7].entity != ms[5].entity  # ... and "Velmax" in it the company
    assert ms[0].entity == ms[6].entity != ms[2].entity


def test_a_leader_s_administration_is_the_country_not_the_person():
    a = art("a", "Zarovia President Ivo Brandt spoke. The Brandt administration said Zarovia would act.")
    b = art("b", "Ivo Brandt left. The Lind government said nothing.")
    ms = [ment(a, "Zarovia", "GPE"), office(a, "Zarovia President", "GPE"), ment(a, "Ivo Brandt"),
          ment(a, "Brandt", nth=1), ment(a, "Brandt administration", "ORG"), ment(a, "Zarovia", "GPE", nth=1),
          ment(b, "Ivo Brandt"), ment(b, "Lind"), ment(b, "Lind government", "ORG")]
    for m in ms:
        m.value = m.text
    entities = {e.id: e for e in link_entities([a, b], ms)}
    assert ms[4].entity == ms[5].entity != ms[2].entity  # the administration is the country
    assert ms[3].entity == ms[2].entity  # and "Brandt" in it is the person
    assert entities[ms[8].entity].label == "ORG" and ms[8].entity != ms[7].entity


def test_a_country_s_body_however_the_country_is_written_and_its_short_form():
    a = art("a", "The U.S. Air Force chose a tanker. The United States Air Force said so.")
    b = art("b", "The US Air Force and the Peru Air Force met. The Air Force said the deal holds.")
    c = art("c", "The Air Force will decide.")
    ms = [ment(a, "U.S. Air Force", "ORG"), ment(a, "United States Air Force", "ORG"),
          ment(b, "US Air Force", "ORG"), ment(b, "Peru Air Force", "ORG"), ment(b, "Air Force", "ORG", nth=2),
          ment(c, "Air Force", "ORG")]
    link_entities([a, b, c], ms)
    assert len({ms[i].entity for i in (0, 1, 2, 4, 5)}) == 1  # the most prominent country's air force
    assert ms[3].entity != ms[0].entity


def test_a_short_form_defined_in_brackets_is_the_name_but_a_ticker_is_not():
    a = art("a", "Velmora Airways (VAW) bought jets. Boeing (BW) sold them.")
    b = art("b", "VAW said the jets arrive in May. BW fell.")
    ms = [ment(a, "Velmora Airways", "ORG"), ment(a, "Boeing", "ORG"), ment(b, "VAW", "ORG"), ment(b, "BW", "ORG")]
    link_entities([a, b], ms)
    assert ms[0].entity == ms[2].entity
    assert ms[1].entity != ms[3].entity


def test_a_direction_read_as_a_place_is_not_also_a_name():
    """'the North' in a story about North Korea is the country, once, even when someone named
    in full has 'North' for a surname (no two mentions on one span: the report's ids are unique)."""
    from annotate.nlp.corpus_names import with_name_mentions

    first = art("a", "Envoys met in North Korea. Oliver North said the talks went well.")
    second = art("b", "The North said little. Officials in the North declined to comment.")
    mentions = [
        ment(first, "North Korea", "GPE"),
        ment(first, "Oliver North", "PERSON"),
    ]
    out = with_name_mentions([first, second], mentions)
    spans = [(m.article, m.start, m.end) for m in out if m.kind == "entity"]
    assert len(spans) == len(set(spans))
    assert any(m.article == "b" and m.text == "North" and m.label == "GPE" for m in out)


def test_linking_changes_no_mention_and_writes_the_clusters_in_one_place():
    """Linking is a pure function of the pipeline's mentions: spans, labels, names and roles stay
    as the pipeline found them (so every mention id still encodes its span)."""
    from dataclasses import astuple

    from annotate.compare.linking import assign_links, cluster_entities

    a = art("a", "Justice Helena Marchetti met Zarovian President Ivo Brandt. Pyongyang has denied it.")
    b = art("b", "The Brandt administration and North Korea spoke. The Zarovian leader left.")
    ms = [ment(a, "Justice Helena Marchetti"), ment(a, "Zarovian", "NORP"), office(a, "Zarovian President", "NORP"),
          ment(a, "Ivo Brandt", role="Zarovian President"), ment(a, "Pyongyang", "GPE"),
          ment(b, "Brandt"), ment(b, "Brandt administration", "ORG"), ment(b, "North Korea", "GPE"),
          ment(b, "Zarovian", "NORP", nth=0), office(b, "Zarovian leader", "NORP"),
          ment(a, "Ivo Brandt", kind="quote")]
    ms[-1].speaker_name = "Ivo Brandt"
    before = [astuple(m) for m in ms]
    links = cluster_entities([a, b], ms)
    assert [astuple(m) for m in ms] == before
    assign_links(ms, links)
    assert all(m.id == f"{m.article}:{m.kind[0]}{m.start}-{m.end}" for m in ms)
    assert ms[9].entity == ms[3].entity == ms[-1].speaker and ms[4].entity == ms[7].entity


def test_a_son_named_with_jr_beside_his_father_is_another_person_but_a_jr_alone_is_the_same():
    a = art("a", "Donald Trump Jr. met lawyers. Donald Trump denied it. Trump said so.")
    b = art("b", "Donald Trump spoke.")
    c = art("c", "Arcade Joseph Comeaux Jr escaped.")
    d = art("d", "Arcade Joseph Comeaux was caught. Comeaux was armed.")
    ms = [ment(a, "Donald Trump Jr."), ment(a, "Donald Trump", nth=1), ment(a, "Trump", nth=2), ment(b, "Donald Trump"),
          ment(c, "Arcade Joseph Comeaux Jr"), ment(d, "Arcade Joseph Comeaux"), ment(d, "Comeaux", nth=1)]
    link_entities([a, b, c, d], ms)
    assert ms[0].entity != ms[1].entity == ms[2].entity == ms[3].entity
    assert ms[4].entity == ms[5].entity == ms[6].entity


def test_nested_names_from_the_pipeline_keep_the_company_and_give_the_office_to_the_person():
    """"Apple CEO Steve Jobs": "Apple" stays the company, "Apple CEO" is Jobs; in another article
    "the Apple chief executive" with no name is Jobs too, and "Boeing" inside "Boeing Commercial
    Airplanes" is the company Boeing."""
    from annotate.engine import analyse

    a = art("a", "Apple CEO Steve Jobs unveiled the phone. Boeing Commercial Airplanes ordered it.")
    b = art("b", "Apple's chief executive spoke in Cupertino. Apple shares rose. Boeing said so.")
    analysis = analyse([a, b])
    entity = {(m.article, m.text): m.entity for m in analysis.mentions if m.kind == "entity"}
    assert entity[("a", "Apple")] == entity[("b", "Apple")] != entity[("a", "Steve Jobs")]
    assert entity[("a", "Apple CEO")] == entity[("a", "Steve Jobs")] == entity[("b", "Apple's chief executive")]
    assert entity[("a", "Boeing")] == entity[("b", "Boeing")]


def test_a_person_s_campaign_is_an_organisation_of_its_own_across_articles():
    """"Trump campaign officials", "officials in Trump's campaign": the campaign, not the person."""
    from annotate.engine import analyse

    a = art("a", "Ivo Brandt won. Brandt campaign officials met on Monday.")
    b = art("b", "Ivo Brandt spoke. Officials in Brandt's campaign denied it.")
    mentions = [m for m in analyse([a, b]).mentions if m.kind == "entity"]
    entity = {(m.article, m.text): m.entity for m in mentions}
    assert entity[("a", "Brandt campaign")] == entity[("b", "Brandt's campaign")] != entity[("a", "Ivo Brandt")]
    assert entity[("a", "Ivo Brandt")] == entity[("b", "Ivo Brandt")]


def test_the_finder_keeps_names_to_the_people_they_name():
    """A Title Case common noun after a name, a capitalised word after a colon and quote mark, two
    surnames joined by a hyphen, a surname after "from", and a maker's model after its possessive."""
    from annotate.engine import analyse

    a = art("a", "Donald Trump met Shinzo Abe and Emmanuel Macron. The memos were out. It is basically: "
                 "‘Whatever Trump says goes.’ The Trump-Abe summit began. He got a kiss from Macron. "
                 "\"James Comey Memos just out,\" a tweet said. Boeing sold Boeing's 747 to James Comey.")
    found = {(m.text, m.label) for m in analyse([a]).mentions if m.kind == "entity"}
    assert {("James Comey", "PERSON"), ("Trump", "PERSON"), ("Abe", "PERSON"), ("Macron", "PERSON"),
            ("747", "PRODUCT")} <= found
    assert not {t for t, _ in found} & {"James Comey Memos", "Whatever Trump", "Trump-Abe"}


def test_a_name_read_as_a_company_elsewhere_in_the_corpus_is_one_everywhere_unless_marked_as_a_person():
    from annotate.nlp.corpus_labels import with_corpus_labels

    a = art("a", "Varrow Kessling and Orbis won. Dara Quill and Mr. Brann Tolle met.")
    b = art("b", "Varrow Kessling shares fell. The Dara Quill fund and Brann Tolle Group grew.")
    mentions = [ment(a, "Varrow Kessling"), ment(a, "Dara Quill"), ment(a, "Brann Tolle"),
                ment(b, "Varrow Kessling", "ORG"), ment(b, "Dara Quill", "ORG"), ment(b, "Brann Tolle", "ORG")]
    before = [m.label for m in mentions]
    out = with_corpus_labels(mentions)
    assert [m.label for m in out] == ["ORG", "PERSON", "PERSON", "ORG", "ORG", "ORG"]
    assert [m.label for m in mentions] == before  # new mentions, the pipeline's unchanged


def test_one_articles_slip_does_not_make_a_person_a_company_across_the_corpus():
    from annotate.nlp.corpus_labels import with_corpus_labels

    arts = [art(x, "PJ Tolliver was fired on Monday.") for x in "abc"]
    mentions = [ment(arts[0], "PJ Tolliver", "ORG"), ment(arts[1], "PJ Tolliver"), ment(arts[2], "PJ Tolliver")]
    assert [m.label for m in with_corpus_labels(mentions)] == ["ORG", "PERSON", "PERSON"]


def test_a_day_or_a_compass_point_in_a_guessed_name_is_not_spread_as_a_name():
    """A run the finder took for a person ("Early Tuesday", "South Lawn") does not make every
    "Tuesday" or "South" of the corpus a person; a surname still is one."""
    from annotate.nlp.corpus_names import with_name_mentions

    first = art("a", "Early Tuesday aides gathered. Reporters waited on the South Lawn. Lindsay Lohan arrived.")
    second = art("b", "Officials met on Tuesday. Envoys from the South came. Now that Lohan is back, fans cheer.")
    mentions = [ment(first, "Early Tuesday", "PERSON"), ment(first, "South Lawn", "PERSON"),
                ment(first, "Lindsay Lohan", "PERSON")]
    added = [m.text for m in with_name_mentions([first, second], mentions) if m.article == "b"]
    assert added == ["Lohan"]
