"""Linking as real news writes names: the whole engine over short articles, as a reader sees the
entities (the failures found on the ECB+, NewsWCL50 and MEANTIME development sets)."""

from __future__ import annotations

from annotate.engine import analyse
from annotate.model import Article


def run(*texts: str):
    articles = [Article(id=f"a{i}", path=f"a{i}.txt", title=f"a{i}", text=t) for i, t in enumerate(texts)]
    return analyse(articles)


def entity_named(analysis, name: str):
    found = [e for e in analysis.entities if e.name == name]
    assert len(found) == 1, [e.name for e in analysis.entities]
    return found[0]


def articles_of(analysis, entity) -> set[str]:
    by_id = {m.id: m for m in analysis.mentions}
    return {by_id[m].article for m in entity.mentions}


def texts_of(analysis, entity) -> list[str]:
    by_id = {m.id: m for m in analysis.mentions}
    return [by_id[m].text for m in entity.mentions]


def test_hyphenated_korean_names_stay_whole_and_the_family_name_alone_links():
    an = run("Kim Jong-un met South Korean President Moon Jae-in on Friday.",
             "Kim said the talks went well. Moon Jae-in agreed and Kim smiled.")
    kim = entity_named(an, "Kim Jong-un")
    assert articles_of(an, kim) == {"a0", "a1"} and texts_of(an, kim).count("Kim") == 2
    assert entity_named(an, "Moon Jae-in").label == "PERSON"
    assert not [e for e in an.entities if e.name in ("Kim Jong", "Moon Jae")]


def test_a_name_part_written_with_a_hyphen_links_to_the_person_whose_name_it_ends_or_starts():
    """"Jong-un" alone is Kim Jong Un's given name, "Jean-Claude" Jean-Claude Juncker's, "Smith-Jones"
    Mary Smith-Jones's surname: each one word of a name, not a given name and a surname."""
    an = run("North Korean leader Kim Jong Un met Jean-Claude Juncker and Mary Smith-Jones in Brussels.",
             "Trump denied speaking to Jong-un. Jean-Claude kept silent and Smith-Jones left.",
             "Claude Monet painted water lilies.")
    assert {"Kim Jong Un", "Jong-un"} <= set(texts_of(an, entity_named(an, "Kim Jong Un")))
    assert set(texts_of(an, entity_named(an, "Jean-Claude Juncker"))) == {"Jean-Claude Juncker", "Jean-Claude"}
    assert set(texts_of(an, entity_named(an, "Mary Smith-Jones"))) == {"Mary Smith-Jones", "Smith-Jones"}
    assert texts_of(an, entity_named(an, "Claude Monet")) == ["Claude Monet"]


def test_a_title_opening_a_sentence_is_not_part_of_the_name():
    an = run("Actress Tara Reid checked into a clinic in Malibu on Monday.",
             "Tara Reid has entered rehab, her representative said.")
    reid = entity_named(an, "Tara Reid")
    assert articles_of(an, reid) == {"a0", "a1"}
    assert not [e for e in an.entities if "Actress" in e.name]


def test_a_surname_goes_to_the_prominent_person_not_the_spouse_named_nearby():
    an = run("Melania Trump greeted the guests at the White House. Trump said the visit was a success.",
             "Donald Trump hosted the French president. Trump praised the visit.",
             "Donald Trump spoke to reporters on Tuesday about the visit.")
    donald = entity_named(an, "Donald Trump")
    melania = entity_named(an, "Melania Trump")
    assert texts_of(an, melania) == ["Melania Trump"]
    assert "a0" in articles_of(an, donald)


def test_a_surname_alone_in_an_article_links_to_the_person_named_in_full_elsewhere():
    an = run("Lindsay Lohan checked into a rehab clinic on Thursday night.",
             "Now that Lohan is back at the clinic, the judge will decide. Lohan declined to comment.")
    lohan = entity_named(an, "Lindsay Lohan")
    assert articles_of(an, lohan) == {"a0", "a1"} and texts_of(an, lohan).count("Lohan") == 2


def test_a_name_suffix_keeps_the_surname():
    an = run("Arcade Joseph Comeaux Jr., 49, escaped from a prison van on Monday.",
             "Comeaux was serving a life sentence, officials said.")
    person = [e for e in an.entities if e.name.startswith("Arcade Joseph Comeaux")]
    assert len(person) == 1 and person[0].label == "PERSON"
    assert articles_of(an, person[0]) == {"a0", "a1"}


def test_nationality_words_are_the_country_and_two_joined_names_are_not_a_person():
    an = run("Russia denied the report on Monday.",
             "Russian officials rejected the Trump-Russia inquiry.")
    russia = entity_named(an, "Russia")
    assert articles_of(an, russia) == {"a0", "a1"}
    assert not [e for e in an.entities if e.label == "PERSON" and "Russia" in e.name]


def test_a_familiar_short_given_name_is_the_same_person():
    an = run("The 76ers hired Maurice Cheeks as head coach on Saturday.",
             "Mo Cheeks will coach the team next season.")
    cheeks = entity_named(an, "Maurice Cheeks")
    assert articles_of(an, cheeks) == {"a0", "a1"}


def test_companies_and_their_products_are_not_people():
    an = run("Apple Computer said its sales rose. SIA said it would buy five Boeing 737s.",
             "Boeing said the 737 was selling well. The Airbus A380 flew to Singapore, and the A380 landed.")
    labels = {e.name: e.label for e in an.entities}
    assert labels["Apple Computer"] == "ORG" and labels["SIA"] == "ORG"
    assert labels["Boeing 737s"] == "PRODUCT" and labels["Boeing"] == "ORG"
    a380 = [e for e in an.entities if "A380" in e.name]
    assert len(a380) == 1 and a380[0].label == "PRODUCT" and len(a380[0].mentions) == 2


def test_a_headline_in_title_case_gives_the_name_it_opens_with():
    an = run("Lindsay Lohan Checks Into Rehab, Checks Out Two Minutes Later\nShe left the clinic on Friday.",
             "Lindsay Lohan checked into a clinic in Newport Beach.")
    lohan = entity_named(an, "Lindsay Lohan")
    assert articles_of(an, lohan) == {"a0", "a1"}
    assert not [e for e in an.entities if "Checks" in e.name]


def test_a_surname_that_is_also_a_title_is_a_name():
    an = run("The 76ers President and General Manager Billy King announced the hire.",
             "Billy King spun the coaching door again on Tuesday.")
    king = entity_named(an, "Billy King")
    assert articles_of(an, king) == {"a0", "a1"}


def test_the_nationality_standing_for_a_person_is_that_person():
    an = run("Wladimir Klitschko stopped American challenger Tony Thompson in the sixth round.",
             "Klitschko beat Tony Thompson, stopping the 40-year-old American in the sixth round. "
             "American officials were pleased.")
    thompson = entity_named(an, "Tony Thompson")
    assert "American" in texts_of(an, thompson)
    assert [m.text for m in an.mentions if m.text == "American" and m.entity == thompson.id] == ["American"]


def test_a_place_and_a_person_noun_describe_the_person_the_article_is_about():
    an = run("Jury Convicts Spiro Man In Shooting Death\nChristopher Simpson was convicted on Friday. "
             "Simpson shot Ka'Loni Flynn in November, prosecutors said.",
             "A Spiro man was found guilty. Christopher Simpson will be sentenced in June.")
    simpson = entity_named(an, "Christopher Simpson")
    described = [t for t in texts_of(an, simpson) if t.lower() == "spiro man"]
    assert len(described) == 2 and articles_of(an, simpson) == {"a0", "a1"}


def test_films_and_clinics_are_not_people_and_particle_names_stay_whole():
    an = run("Tara Reid starred in Mean Girls and Van Wilder before checking into Morningside Recovery. "
             "Crown Prince Mohammed bin Salman met Mayor Bill de Blasio and Ursula von der Leyen.")
    labels = {e.name: e.label for e in an.entities}
    assert "Mean Girls" not in labels and "Van Wilder" not in labels
    assert labels["Morningside Recovery"] == "ORG"
    for name in ("Mohammed bin Salman", "Bill de Blasio", "Ursula von der Leyen"):
        assert labels[name] == "PERSON"


def test_the_north_is_the_one_northern_country_of_the_story():
    an = run("North Korea said it would stop its tests. Sanctions on the North will stay, the South said.",
             "South Korea welcomed the move by North Korea.")
    north = entity_named(an, "North Korea")
    assert "North" in texts_of(an, north) and articles_of(an, north) == {"a0", "a1"}
    assert "South" in texts_of(an, entity_named(an, "South Korea"))


def test_products_written_with_a_small_i_are_products_and_their_plural_is_the_same():
    an = run("Apple sold more iPods than ever. The iPod Nano comes in two colors.",
             "The iPod is still popular, Apple said.")
    ipod = [e for e in an.entities if e.name.startswith("iPod") and e.name != "iPod Nano"]
    assert len(ipod) == 1 and ipod[0].label == "PRODUCT" and articles_of(an, ipod[0]) == {"a0", "a1"}
    assert entity_named(an, "iPod Nano").label == "PRODUCT"


def test_a_nickname_with_a_capital_man_is_not_a_description():
    an = run("Donald Trump met Kim Jong-un. Trump once called him Rocket Man. Trump said the talks went well.")
    trump = entity_named(an, "Donald Trump")
    assert "Rocket Man" not in texts_of(an, trump)


def test_a_model_number_and_its_name_are_one_product():
    an = run('Boeing 787 "Dreamliner" makes maiden flight\nThe release of the "Dreamliner" is late.',
             "The 787 Dreamliner landed in Everett. About 300 Americans watched.")
    dreamliner = [e for e in an.entities if "Dreamliner" in e.name]
    assert len(dreamliner) == 1 and dreamliner[0].label == "PRODUCT"
    assert articles_of(an, dreamliner[0]) == {"a0", "a1"} and len(dreamliner[0].mentions) == 3


def test_a_given_name_no_list_knows_stays_in_the_name():
    an = run("Speaking in Damirt, Emeka Mena Sashas, the finance director, said the cuts were needed.",
             "Emeka Sashas, the finance director, declined to comment.")
    assert [e.name for e in an.entities if "Sashas" in e.name] == ["Emeka Mena Sashas"]


def test_a_town_named_with_a_place_word_is_not_a_person():
    an = run("A landslide devastates Varenna Alta, officials said.", "Rescuers reached Varenna Alta on Monday.")
    town = entity_named(an, "Varenna Alta")
    assert town.label == "GPE"


def test_two_holders_of_one_office_in_two_articles_stay_two_people():
    """Two Airbus spokesmen (or two chief executives, years apart) share the office's words, not a
    name: each office joins the person named with it, and no "Name spelled" finding pairs them."""
    an = run("Airbus will fund the investigation into the crash of the Air France jet over the Atlantic. "
             "The move was unprecedented, said Airbus spokesman Stefan Schaffrath on Monday. "
             "Investigators are searching the Atlantic for the flight recorders of the Airbus A330.",
             "Airbus has fixed the speed sensors of the A330 after the Air France crash over the Atlantic. "
             "The issue has been resolved, according to Airbus spokesman Jaime Perez-Guerra. "
             "Investigators are still searching the Atlantic for the flight recorders.")
    schaffrath, perez = entity_named(an, "Stefan Schaffrath"), entity_named(an, "Jaime Perez-Guerra")
    assert schaffrath.id != perez.id
    assert articles_of(an, schaffrath) == {"a0"} and articles_of(an, perez) == {"a1"}
    assert not [d for d in an.discrepancies if d.kind == "name_variant"]


def test_quotes_of_a_surname_used_alone_before_a_relatives_full_name_stay_with_that_person():
    """"President Trump ... Melania Trump, the first lady ... 'X,' Trump said": the quotes are his
    (they were all given to Melania Trump, the only Trump the article names in full, while linking
    gave every "Trump" to the president the corpus names most), and "Mr." never takes a woman's
    full name; "Mrs. Trump" does (NewsWCL50 event 4)."""
    an = run(
        "President Trump warned Iran on Tuesday. He welcomed Emmanuel Macron with Melania Trump, the first lady. "
        '"Your visit comes at a critical time," Trump said. Mr. Trump added: "You can mark it down." '
        '"It was lovely," Mrs. Trump said.',
        "President Donald Trump warned Iran on Tuesday as he welcomed Emmanuel Macron to Washington. "
        "Trump called the Iran deal insane. Trump and Macron then met the press.",
        "Donald Trump and Emmanuel Macron disagree on Iran. Donald Trump wants a new deal with Iran.",
    )
    donald, melania = entity_named(an, "Donald Trump"), entity_named(an, "Melania Trump")
    spoke = {s.text: s.speaker for s in an.statements if s.article == "a0"}
    assert spoke["Your visit comes at a critical time"] == donald.id
    assert spoke["You can mark it down."] == donald.id
    assert spoke["It was lovely"] == melania.id


def test_a_company_named_like_a_person_is_one_organisation_across_articles():
    # Only the second article says what Varrow Kessling is (twice: the corpus reads it as a company
    # as often as a person); the others read it the same way, and the lone first word ("Tarnex
    # processors" elsewhere) is no person taken from "Tarnex Core Duo".
    an = run("Last month, Varrow Kessling and Orbis won the tanker contract. The laptops run on Tarnex Core Duo processors.",
             "Los Angeles based Varrow Kessling said its shares rose. Varrow Kessling employees cheered. "
             "The new laptops use Tarnex processors.",
             "Quorran Vesk said he would stay, and Vesk thanked the staff of Varrow Kessling.")
    kessling = entity_named(an, "Varrow Kessling")
    assert kessling.label == "ORG" and articles_of(an, kessling) == {"a0", "a1", "a2"}
    by_id = {m.id: m for m in an.mentions}
    assert {by_id[m].label for m in kessling.mentions} == {"ORG"}
    assert entity_named(an, "Quorran Vesk").label == "PERSON"
    assert not [m for m in an.mentions if m.kind == "entity" and m.text == "Tarnex" and m.label == "PERSON"]


def test_a_companys_legal_form_ends_its_name_before_the_name_of_a_person():
    """"officer of Halvard Inc. Nora Lindqvist": one company and one person, not one name."""
    an = run("The co-founder and former chief executive officer of Halvard Inc. Nora Lindqvist has died, "
             "the company said on Thursday.",
             "Nora Lindqvist, who built Halvard Inc. into a giant, died at 61. Halvard Inc. shares fell.")
    lindqvist = entity_named(an, "Nora Lindqvist")
    assert lindqvist.label == "PERSON" and articles_of(an, lindqvist) == {"a0", "a1"}
    halvard = entity_named(an, "Halvard Inc.")
    assert halvard.label == "ORG" and articles_of(an, halvard) == {"a0", "a1"}
    assert not [e for e in an.entities if "Lindqvist" in e.name and "Halvard" in e.name]


def test_an_office_keeps_its_companys_whole_name():
    """"Microsoft Corporation CEO Anil Varma": the company is "Microsoft Corporation" (as it is
    "Microsoft" elsewhere), not "Microsoft" with the rest of the office."""
    an = run("Microsoft Corporation CEO Anil Varma announced the purchase on Tuesday.",
             "Microsoft said the purchase would close next year, Anil Varma told analysts.")
    microsoft = entity_named(an, "Microsoft Corporation")
    assert microsoft.label == "ORG" and set(texts_of(an, microsoft)) >= {"Microsoft Corporation", "Microsoft"}
    assert articles_of(an, entity_named(an, "Anil Varma")) == {"a0", "a1"}


def test_a_datelines_bracket_and_dash_end_the_agency_name():
    """"WASHINGTON (Reuters)-The Green Party sued ...": the party's name starts after the dash."""
    an = run("WASHINGTON (Reuters)-The Green Party sued the state election board on Friday.",
             "The Green Party said the lawsuit would be heard next month.")
    party = entity_named(an, "Green Party")
    assert party.label == "ORG" and articles_of(an, party) == {"a0", "a1"}
    assert not [e for e in an.entities if ")" in e.name]


def test_names_joined_by_an_ampersand_are_one_firm_when_they_end_like_one():
    """"Nordic Aerospace & Defence Company (NADC)" is one company, its short form too; "WBA & IBO"
    stay two bodies."""
    an = run("The tanker went to Nordic Aerospace & Defence Company (NADC), whose bid the WBA & IBO panels backed.",
             "NADC said it would build the tankers in Ohio. The consultancy Marlow & Associates advised it.",
             "Marlow & Associates declined to comment.")
    nadc = entity_named(an, "Nordic Aerospace & Defence Company")
    assert nadc.label == "ORG" and articles_of(an, nadc) == {"a0", "a1"}
    firm = entity_named(an, "Marlow & Associates")
    assert firm.label == "ORG" and articles_of(an, firm) == {"a1", "a2"}
    assert not [e for e in an.entities if "WBA" in e.name and "IBO" in e.name]


def test_a_one_word_company_found_once_is_found_wherever_its_article_writes_it_alone():
    """The article tells what Skyvane is once ("the budget airline, Skyvane,"); its other uses there,
    which say nothing of it, are the same company."""
    an = run("The budget airline, Skyvane, said on Monday it would buy ten jets. At present Skyvane has 91 "
             "aircraft, and the order lifts the fleet that Skyvane flies to 40 cities.",
             "The order was confirmed by the budget airline, Skyvane, on Tuesday.")
    skyvane = entity_named(an, "Skyvane")
    assert skyvane.label == "ORG" and articles_of(an, skyvane) == {"a0", "a1"}
    assert len(skyvane.mentions) == 4


def test_a_nickname_blending_a_given_name_and_a_surname_is_that_person():
    """Tabloids call Jolene Vance "JoVa": the starts of her given name and surname, each with its
    capital. A blend two people fit ("DaMo": Dana Morrow and Daniel Moss) joins neither."""
    an = run("Singer Jolene Vance checked into a clinic in Malibu on Monday, her publicist said.",
             "JoVa has been ordered to spend 90 days in rehab. DaMo fans gathered outside.",
             "Dana Morrow and Daniel Moss were seen at the clinic.")
    vance = entity_named(an, "Jolene Vance")
    assert set(texts_of(an, vance)) == {"Jolene Vance", "JoVa"}
    assert texts_of(an, entity_named(an, "Dana Morrow")) == ["Dana Morrow"]
    assert texts_of(an, entity_named(an, "Daniel Moss")) == ["Daniel Moss"]


def test_a_man_described_by_his_town_is_the_man_the_article_names_not_a_name_of_unknown_sex():
    """"Tulsa man" is Brandon Keel, though the article names Ny'Asia Dorne Pell (a given name that tells
    no sex) more often."""
    an = run("Tulsa man convicted of killing pregnant girlfriend\n"
             "A jury found Brandon Keel guilty on Thursday of killing Ny'Asia Dorne Pell. "
             "Pell was pregnant, prosecutors said. Keel shot Pell in May.",
             "Brandon Keel will be sentenced next month.")
    keel = entity_named(an, "Brandon Keel")
    assert "Tulsa man" in texts_of(an, keel) and articles_of(an, keel) == {"a0", "a1"}
    assert "Tulsa man" not in texts_of(an, entity_named(an, "Ny'Asia Dorne Pell"))
