"""Discrepancies found by aligning what the articles say, on small stories written for
these tests. The articles are annotated and linked by the engine and compared as one
story (as the engine does once it has grouped them), and each test asserts what a
reader sees in the report."""

from __future__ import annotations

import time

from annotate.compare.discrepancies import detect
from annotate.engine import annotate_articles
from annotate.compare.linking import link_entities
from annotate.model import Article, Discrepancy


def story(*texts: str) -> list[Article]:
    return [Article(f"a{i}", f"a{i}.md", f"a{i}", text) for i, text in enumerate(texts)]


def compare(articles: list[Article]) -> list[Discrepancy]:
    read = annotate_articles(articles)
    mentions, sentences = read.mentions, read.sentences
    return detect(articles, mentions, link_entities(articles, mentions), sentences=sentences)[0]


def findings(*texts: str, kind: str | None = None) -> list[Discrepancy]:
    return [d for d in compare(story(*texts)) if kind is None or d.kind == kind]


def test_a_misquote_is_found_with_a_word_diff_whoever_the_quote_is_given_to():
    a = ('Mayor Ines Calderon spoke after the flood. "The bridge will be rebuilt before the winter '
         'and every family will be back home," Calderon said on Monday.')
    b = ('Officials gathered in the town hall on Monday. "The bridge will be rebuilt before the spring '
         'and every family will be back home," the mayor told reporters.')
    (d,) = findings(a, b, kind="quote")
    assert d.severity == "high"
    assert "[winter → spring]" in d.summary
    assert {e.article for e in d.evidence} == {"a0", "a1"}


def test_a_partial_quote_is_corroboration_not_a_difference():
    a = ('"The bridge will be rebuilt before the winter and every family will be back home," '
         'Mayor Ines Calderon said.')
    b = 'Mayor Ines Calderon promised that "every family will be back home" once the bridge is rebuilt.'
    assert not findings(a, b, kind="quote")


def test_a_function_word_more_in_a_long_verbatim_quote_is_a_medium_finding():
    a = ('Governor Paul Okafor wrote: "The new levee is finished and the river can rise again without '
         'flooding a single street in the old town this year."')
    b = ('Governor Paul Okafor wrote: "The new levee is finished and the river can rise again without '
         'flooding a single street in old town this year."')
    (d,) = findings(a, b, kind="quote")
    assert d.severity == "medium"


def test_scare_quotes_are_not_statements():
    a = 'Senator Mara Quist called the plan a "disaster" and left the hearing.'
    b = 'Senator Mara Quist called the plan a "catastrophe" before leaving.'
    assert not findings(a, b, kind="quote")


def test_no_omission_says_only_that_someone_is_quoted_in_one_article():
    a = ('Coach Lena Haddad said the team "played with courage from the first whistle to the last". '
         'The club won 2-1.')
    b = 'Coach Lena Haddad watched the club win 2-1 in front of a full stadium.'
    assert not findings(a, b, kind="omission")


def test_a_middle_initial_alone_is_not_a_name_finding():
    a = "Senator Michael T. Brandt opened the inquiry. Brandt said the hearing would last a week."
    b = "Senator Michael Brandt opened the inquiry on Tuesday. Brandt promised a short hearing."
    assert not findings(a, b, kind="name_variant")


def test_a_surname_misspelled_once_is_found():
    a = ("Prosecutors charged Andreas Vasilopoulos on Monday. Vasilopoulos denied the charges. "
         "Lawyers for Vasilopoulos asked for bail. Vasilopolous and two aides will appear in court in May.")
    b = "Andreas Vasilopoulos was charged on Monday, prosecutors said. Vasilopoulos denies wrongdoing."
    (d,) = findings(a, b, kind="name_variant")
    assert "Vasilopolous" in d.summary
    assert any(e.text == "Vasilopolous" for e in d.evidence)


def _engine_findings(*texts: str, kind: str) -> list[Discrepancy]:
    """What the whole engine reports (names an article writes alone found with the corpus in view)."""
    from annotate.engine import analyse

    return [d for d in analyse(story(*texts)).discrepancies if d.kind == kind]


def test_a_given_name_alone_where_the_others_write_the_family_name_is_found():
    """One outlet calls Kim Jong Un "Jong-un", as if it were his surname, where the others write
    "Kim": the sidebar lists it with the names spelled differently, pointing at both uses."""
    a = ("North Korean leader Kim Jong-un met the envoy in Pyongyang on Sunday. Kim said the talks "
         "went well and Kim promised a summit.")
    b = ("President Donald Trump said Kim Jong Un was ready to talk. Trump added that he had not "
         "spoken with Kim himself.")
    c = "Trump denied speaking to Jong-un before the summit, the White House said on Sunday."
    (d,) = _engine_findings(a, b, c, kind="name_variant")
    assert d.summary == 'Called "Jong-un" (a2) where a0, a1 write "Kim"'
    assert d.severity == "low"
    assert {(e.article, e.text) for e in d.evidence} == {("a2", "Jong-un"), ("a0", "Kim"), ("a1", "Kim")}


def test_a_surname_alone_where_another_writes_the_full_name_is_no_finding():
    """"Trump" against "Donald Trump" is style; so is an article that writes both parts alone."""
    a = "President Donald Trump met the envoy on Sunday. Trump said the talks went well."
    b = "Donald Trump met the envoy on Sunday, the White House said."
    c = "Trump met the envoy on Sunday. Donald, as his friends call him, smiled and Trump left."
    assert not _engine_findings(a, b, c, kind="name_variant")


def test_a_surname_another_person_of_the_story_bears_is_no_finding():
    """"Peterson" alone may be Laci Peterson's husband, whom the story also names: not a way of
    calling her."""
    a = "Laci Peterson vanished from her home in Modesto on Christmas Eve. Laci was eight months pregnant."
    b = "Scott Peterson was convicted of murdering Laci Peterson in Modesto. Laci was eight months pregnant."
    c = ("The jury in Modesto convicted Laci Peterson's husband. Peterson showed no emotion when the "
         "verdict was read.")
    assert not _engine_findings(a, b, c, kind="name_variant")


def test_a_title_without_its_opening_article_is_a_low_name_finding_a_subtitle_is_none():
    a = "Former FBI director Nora Feld toured on Monday to promote her memoir, A Quiet Duty, in New York."
    b = 'Nora Feld spoke about her new book, "A Quiet Duty," in Boston on Monday.'
    c = "Feld promoted a book, Quiet Duty: Service, Loyalty, and the Law, in Chicago on Monday."
    (d,) = findings(a, b, c, kind="name_variant")
    assert d.summary == 'Title written "A Quiet Duty" (a0, a1) vs "Quiet Duty" (a2)'
    assert d.severity == "low"
    assert {e.article for e in d.evidence} == {"a0", "a1", "a2"}
    d = "A Quiet Duty: Service, Loyalty, and the Law"
    assert not findings(a, f"Feld promoted a book, {d}, in Chicago on Monday.", kind="name_variant")


def test_acronyms_and_chair_or_chairman_are_one_role():
    a = "C.I.A. director Nora Feld met the committee. DNC Chairman Tom Alvarez was there too."
    b = "CIA Director Nora Feld met the committee, and so did DNC Chair Tom Alvarez."
    c = "Central Intelligence Agency Director Nora Feld spoke first."
    assert not findings(a, b, c, kind="role")


def test_a_role_of_someone_else_in_apposition_is_not_the_persons_role():
    a = "Flynn Harper, the president's first security adviser, resigned on Friday."
    b = "Former security adviser Flynn Harper resigned on Friday."
    assert not [d for d in findings(a, b, kind="role") if "president" in d.summary.lower()]


def test_a_title_before_the_name_after_a_possessive_is_compared():
    a = "The suit names Trask's former campaign manager Paul Vinter and two others."
    b = "Former campaign chairman Paul Vinter is named in the suit."
    (d,) = findings(a, b, kind="role")
    assert "manager" in d.summary and "chairman" in d.summary


def test_the_report_lists_the_most_severe_findings_first():
    a = ('Senator Michael T. Brandt said: "The dam will hold through the whole winter and nobody has to leave." '
         'Brandt is the committee chairman.')
    b = ('Senator Michael Brandt said: "The dam will hold through the whole summer and nobody has to leave." '
         'Brandt is the committee chair.')
    found = compare(story(a, b))
    order = {"high": 0, "medium": 1, "low": 2}
    assert [order[d.severity] for d in found] == sorted(order[d.severity] for d in found)


def test_long_articles_of_repeated_sentences_are_compared_fast():
    a = ('Interior Minister Ana Ferreyra said "we will not leave anyone behind" after the quake killed at least '
         '41 people in Cusco. Police detained 12 protesters on Thursday, the ministry said. ') * 1200
    b = ('"We will leave no one behind," Interior Minister Ana Ferreyra said as the death toll rose to 45 in '
         'Cusco. 14 people were detained, police said on Wednesday. ') * 200
    articles = story(a, b)
    read = annotate_articles(articles)
    mentions, sentences = read.mentions, read.sentences
    entities = link_entities(articles, mentions)
    started = time.perf_counter()
    found, _ = detect(articles, mentions, entities, sentences=sentences)
    assert time.perf_counter() - started < 3.0
    assert [d for d in found if d.kind == "quote"]


# -- quantities as frames -----------------------------------------------------------------

QUAKE_A = ("A magnitude 6.1 earthquake struck the mountain province of Valdora on Thursday, killing at least 41 "
           "people, officials said. About 180 people were injured. The quake hit at a depth of 10 km, the "
           "seismological institute said. About 600 rescuers were searching collapsed homes in the provincial "
           "capital. Police detained 12 protesters who blocked the road to the airport. Nurses at the main "
           "hospital accepted a 4 percent increase after a two-day strike.")
QUAKE_B = ("The death toll from the magnitude 6.3 earthquake in Valdora has risen to 45, the interior ministry "
           "said on Friday. More than 500 rescue workers were combing the rubble. The quake struck at a depth of "
           "12 kilometres. In the provincial capital, 14 people were detained after protesters blocked the "
           "airport road. Nurses ended their strike after being offered a 6 percent raise.")


def quake_findings() -> dict[str, Discrepancy]:
    import datetime as dt

    articles = [Article("a", "a.md", "a", QUAKE_A, published=dt.date(2024, 3, 7)),
                Article("b", "b.md", "b", QUAKE_B, published=dt.date(2024, 3, 7))]
    return {" / ".join(e.text for e in d.evidence): d for d in compare(articles) if d.kind == "number"}


def test_figures_of_the_same_thing_conflict_and_a_grown_toll_is_an_update():
    found = quake_findings()
    assert found["6.1 / 6.3"].severity == "high"
    assert found["10 km / 12 kilometres"].severity == "high"
    assert found["4 percent / 6 percent"].severity == "high"
    assert found["12 protesters / 14 people"].severity == "high"
    toll = found["at least 41 people / 45"]
    assert toll.severity == "medium" and "update" in toll.summary
    assert found["About 600 rescuers / More than 500 rescue workers"].severity == "low"


def test_the_dead_and_the_injured_are_not_one_figure():
    found = quake_findings()
    assert not [k for k in found if "41" in k and "180" in k]
    import datetime as dt

    a = Article("a", "a.md", "a", "The storm killed at least 41 people in Valdora.", published=dt.date(2024, 3, 7))
    b = Article("b", "b.md", "b", "About 180 people were injured by the storm in Valdora.", published=dt.date(2024, 3, 7))
    read = annotate_articles([a, b])
    mentions, sentences = read.mentions, read.sentences
    _, agreed = detect([a, b], mentions, link_entities([a, b], mentions), sentences=sentences)
    assert not [c for c in agreed if {e.text for e in c.evidence} >= {"at least 41 people", "About 180 people"}]


def test_a_figure_rounded_or_inside_a_bound_agrees():
    found = findings("Officials said 4,012 people were evacuated from the valley and at least 30 homes were destroyed.",
                     "About 4,000 people were evacuated from the valley, where 32 homes were destroyed.", kind="number")
    assert not found


# -- claims: polarity and modality of aligned clauses -----------------------------------------


def test_expected_against_unlikely_is_a_claim():
    a = "The Japanese prime minister is expected to meet Queen Elizabeth during his visit to London next week."
    b = "The Japanese prime minister is unlikely to meet Queen Elizabeth II, palace officials said on Monday."
    (d,) = findings(a, b, kind="claim")
    assert {e.article for e in d.evidence} == {"a0", "a1"}


def test_a_denial_without_not_is_a_claim():
    a = "The airline has brought in replacement crews from Lisbon to keep its Madrid flights running."
    b = "The airline denied that it had hired replacement crews from Lisbon during the strike."
    (d,) = findings(a, b, kind="claim")
    assert d.severity == "high"


def test_a_denial_of_something_else_is_not_a_claim():
    a = "The airline has brought in replacement crews from Lisbon to keep its Madrid flights running."
    b = "The airline did not cancel any Madrid flights, its spokesman Rui Costa said."
    assert not findings(a, b, kind="claim")


def test_quoted_denials_are_not_the_outlets_claims():
    a = 'Mayor Ines Calderon said: "We did not close the Harbour Bridge to traffic on Monday."'
    b = "The city closed the Harbour Bridge to traffic on Monday after the storm."
    assert not findings(a, b, kind="claim")


# -- dates ------------------------------------------------------------------------------------


def test_relative_weekdays_for_the_same_event_are_compared():
    import datetime as dt

    a = Article("a", "a.md", "a", "Dock workers at the port of Valmera walked off the job on Thursday, the first day "
                "of a strike over pay.", published=dt.date(2024, 5, 10))
    b = Article("b", "b.md", "b", "The strike by dock workers at the port of Valmera began on Wednesday, the union "
                "said.", published=dt.date(2024, 5, 10))
    (d,) = [d for d in compare([a, b]) if d.kind == "date"]
    assert "2024-05-09" in d.summary and "2024-05-08" in d.summary


def test_the_same_weekday_seen_from_two_publication_dates_agrees():
    import datetime as dt

    a = Article("a", "a.md", "a", "Dock workers at the port of Valmera walked off the job on Thursday, the first day "
                "of a strike over pay.", published=dt.date(2024, 5, 10))
    b = Article("b", "b.md", "b", "The strike by dock workers at the port of Valmera began on Thursday, the union "
                "said.", published=dt.date(2024, 5, 11))
    assert not [d for d in compare([a, b]) if d.kind == "date"]


def test_sums_paid_are_compared_and_a_bid_is_another_sum():
    a = "Northbay United signed the striker Tomas Berger from Ostrava for a fee of 45 million euros on Monday."
    b = ("Northbay United signed Tomas Berger on Monday, paying Ostrava 50 million euros. Ostrava had turned down "
         "an earlier bid of 38 million euros.")
    (d,) = findings(a, b, kind="number")
    assert {v.text for v in d.values.values()} == {"45 million euros", "50 million euros"}


# -- omissions --------------------------------------------------------------------------------


def test_a_toll_most_outlets_give_and_one_leaves_out_is_an_omission():
    import datetime as dt

    texts = ["A magnitude 6.1 earthquake struck Valdora on Thursday, killing at least 41 people, officials said.",
             "The magnitude 6.1 quake in Valdora on Thursday killed at least 41 people, the ministry said.",
             "An earthquake shook Valdora on Thursday. Rescuers searched collapsed homes through the night."]
    articles = [Article(f"a{i}", f"a{i}.md", f"a{i}", t, published=dt.date(2024, 3, 7)) for i, t in enumerate(texts)]
    found = [d for d in compare(articles) if d.kind == "omission"]
    assert {d.subject for d in found} == {"magnitude", "number of people killed"}
    assert all(not d.values["a2"].reported for d in found)


def test_a_detail_one_outlet_of_three_gives_is_not_an_omission():
    import datetime as dt

    texts = ["The storm hit Valdora on Thursday. Officials said 35 schools were closed and 120 homes destroyed.",
             "The storm hit Valdora on Thursday and destroyed 120 homes, officials said.",
             "About 120 homes were destroyed when the storm hit Valdora on Thursday."]
    articles = [Article(f"a{i}", f"a{i}.md", f"a{i}", t, published=dt.date(2024, 3, 7)) for i, t in enumerate(texts)]
    assert not [d for d in compare(articles) if d.kind == "omission"]


def test_hedged_or_identity_negations_are_not_claims():
    a = "The club would not have placed Bush Carter on the injured list if the knee had healed."
    b = "The club placed Bush Carter on the injured list on Monday."
    assert not findings(a, b, kind="claim")
    a = "This wasn't Sam Mitchell, whose team lost to Toronto on Sunday."
    b = "Coach Sam Mitchell of Toronto lost on Sunday."
    assert not findings(a, b, kind="claim")
    a = "It is unclear whether or not Pierre Thomas will get more carries against Atlanta."
    b = "Pierre Thomas will get more carries against Atlanta, the coach said."
    assert not findings(a, b, kind="claim")


def test_a_word_written_as_one_or_two_is_not_a_misquote():
    a = '"The regime\'s endgame is to either capture the oil fields or destroy them," John Prendergast said.'
    b = '"The regime\'s end game is to either capture the oil fields or destroy them," John Prendergast said.'
    assert not findings(a, b, kind="quote")


def test_the_same_words_given_to_two_people_are_flagged():
    a = ('"We will rebuild every school in the valley before the rains come," Governor Ana Ruiz said on Monday.')
    b = ('"We will rebuild every school in the valley before the rains come," Mayor Tomas Berg said on Monday.')
    (d,) = [d for d in findings(a, b, kind="quote") if "attributed" in d.summary]
    assert "Ana Ruiz" in d.summary and "Tomas Berg" in d.summary
    a = '"for the foreseeable future" the plant stays open, Governor Ana Ruiz said.'
    b = 'Mayor Tomas Berg said the road stays closed "for the foreseeable future".'
    assert not [d for d in findings(a, b, kind="quote") if "attributed" in d.summary]


def test_the_sidebar_lists_the_most_severe_of_a_kind_first():
    from annotate.model import Analysis, EngineInfo, Evidence
    from tui.widgets.reading_index import ReadingIndex

    a, b = story("Figures: 10 and 12. Later 40 and 41.", "Figures: 10 and 12. Later 40 and 41.")

    def finding(i: str, severity: str, start: int) -> Discrepancy:
        ev = [Evidence(x.id, start, start + 2, x.text[start:start + 2]) for x in (a, b)]
        return Discrepancy(i, "number", i, i, severity, {a.id: "x", b.id: "y"}, ev)

    low, high = finding("early-low", "low", 9), finding("late-high", "high", 26)
    analysis = Analysis([a, b], [], [], [low, high], EngineInfo("0", "test"))
    assert [d.id for d in ReadingIndex.build([a, b], analysis).discrepancies] == ["late-high", "early-low"]


def test_an_unresolved_relative_date_does_not_make_two_facts():
    a = "The navy carried out 16 tests of the new torpedo between February and December 2017, officials said."
    b = "The navy carried out over 20 torpedo tests last year, officials said."
    (d,) = findings(a, b, kind="number")
    assert {v.text for v in d.values.values()} == {"16 tests", "over 20 torpedo tests"}


def test_a_name_qualifying_a_group_is_not_the_subject_of_a_claim():
    a = ("President Donald Trump criticised the suit. The lawsuit is targeting the Russians, the Trump campaign "
         "and WikiLeaks for the hacking.")
    b = "Officials told President Donald Trump on Monday that Trump is not the target of the inquiry into the hacking."
    assert not findings(a, b, kind="claim")


def test_a_statement_runs_on_across_a_hard_wrapped_line():
    """The detectors read the pipeline's sentences (``Analysis.sentences``): a line broken
    mid-sentence does not cut what someone said."""
    from annotate.engine import analyse

    a = ("Floods hit the river town of Valdora on Monday, and the regional government\n"
         "declared an emergency. Interior Minister Ana Ferreyra said the army would\n"
         "rebuild the bridge before the winter and that every family would be home.\n")
    b = ("Floods hit the river town of Valdora on Monday. Interior Minister Ana Ferreyra said the\n"
         "army would not rebuild the bridge before the spring.\n")
    analysis = analyse(story(a, b))
    said = {s.article: " ".join(s.text.split()) for s in analysis.statements}
    assert said == {
        "a0": "the army would rebuild the bridge before the winter and that every family would be home",
        "a1": "the army would not rebuild the bridge before the spring",
    }
    assert analysis.sentences == {"a0": [0, a.index("Interior")], "a1": [0, b.index("Interior")]}
