"""The facts about the language live in ``annotate.nlp.language``, and the narrower lists agree with the wider."""

from annotate.nlp import language
from annotate.nlp.components import gazetteer
from annotate.nlp.language import fold


def test_one_fold_for_the_finder_and_for_linking():
    """The entity finder keys its lists with the same ``fold`` as linking: one spelling, one key."""
    assert gazetteer.fold is language.fold
    assert fold("Guinea-Bissau") == fold("Guinea Bissau")
    assert fold("Sørensen") == fold("Sorensen") == "sorensen"
    assert fold("U.S.") == fold("US")


def test_a_plural_possessive_keeps_the_plural():
    """"Reuters’ report" is Reuters: only the apostrophe goes, not the name's last letter."""
    assert fold("Reuters’") == fold("Reuters") == "reuters"
    assert fold("Okafor’s") == "okafor"
    assert language.strip_possessive("James’") == "James"


def test_narrow_title_lists_lie_inside_the_wide_ones():
    wide = language.TITLE_HEADS | language.ROLE_MODIFIERS
    assert language.TITLE_WORDS <= wide
    assert language.BACK_REFERENCE_TITLES <= wide
    assert language.OFFICE_HEADS <= language.TITLE_HEADS


def test_speech_verbs_come_from_one_table():
    assert language.PERSON_SPEECH_VERBS <= language.REPORTING_VERBS | {"spoke"}
    assert {"said", "says", "told"} <= language.PERSON_SPEECH_VERBS
    assert "saying" in language.QUOTE_VERBS and "saying" not in language.REPORTING_VERBS
    # organisations post and estimate: only verbs of people make the name before them a person's
    assert "posted" in language.REPORTING_VERBS and "posted" not in language.PERSON_SPEECH_VERBS


def test_a_country_of_several_words_is_one_name():
    assert "cape verde" in language.COUNTRIES and "cape" not in language.COUNTRIES
    assert language.country_of_demonym("Salvadoran") == "el salvador"
    assert not language.is_demonym_word("Cape")
    assert language.country_of_capital("Pyongyang") == "north korea"


def test_iso_names_widen_the_country_table():
    """ISO 3166 (pycountry's data) brings the countries the hand table lacked, and its official
    names are the same countries as the table's."""
    assert {"saint lucia", "sao tome and principe", "antigua and barbuda"} <= language.COUNTRIES
    assert language.COUNTRY_ALIASES["french republic"] == "france"
    assert language.COUNTRY_ALIASES["cabo verde"] == "cape verde"
    assert "cabo verde" not in language.COUNTRIES  # one country, one key
