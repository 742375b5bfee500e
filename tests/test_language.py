"""The facts about the language live in ``annotate.nlp.language``, and the narrower lists agree with the wider."""

from hypothesis import given, settings
from hypothesis import strategies as st

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


def test_caseless_text_matches_as_ignorecase_does():
    """``caseless`` lets the context rules match lower-case patterns without ``re.IGNORECASE``:
    for every character, the same length, the same class, the same letter."""
    import re
    import string
    import sys

    letter = re.compile("[a-z]", re.IGNORECASE)
    classes = [re.compile(c) for c in (r"\w", r"\s", r"\d")]
    for cp in range(sys.maxunicode + 1):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        c = chr(cp)
        low = language.caseless(c)
        assert len(low) == 1, hex(cp)
        if letter.fullmatch(c) or low in string.ascii_lowercase:
            assert [x for x in string.ascii_lowercase if re.fullmatch(x, c, re.IGNORECASE)] == [low], hex(cp)
        elif cp < 0x3000 or cp % 7 == 0:  # (the classes of a sample of the rest: the test stays quick)
            assert [bool(p.match(c)) for p in classes] == [bool(p.match(low)) for p in classes], hex(cp)


@given(st.text(alphabet="ab É\u0301\u0308¨øß’'-\u00a0\n1ﬁ½²İıſ.,“”\"()", max_size=40))
@settings(max_examples=400, deadline=None)
def test_quick_forms_give_the_plain_definitions(text):
    """The engine's quicker ways of folding and counting words agree with their plain definitions."""
    import unicodedata
    from collections import Counter

    decomposed = unicodedata.normalize("NFKD", text.translate(language._UNDECOMPOSABLE))
    assert language.strip_accents(text) == "".join(c for c in decomposed if not unicodedata.combining(c))
    counts = Counter(language.STORY_WORD.findall(language.normalise(text)))
    for stopword in language.STORY_STOPWORDS:
        counts.pop(stopword, None)
    assert list(language.story_word_counts(text).items()) == list(counts.items())


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=1, max_size=8))
@settings(max_examples=300, deadline=None)
def test_a_plain_word_folds_as_any_other_text(word):
    """``fold``'s quick path for a plain word gives what its general path does (a trailing space
    takes the general path and is trimmed)."""
    assert language.fold(word) == language.fold(word + " ")


@given(st.text(alphabet="ab \t\n\u00a0\u2003\u200b\u3000.", max_size=30), st.integers(-2, 32), st.integers(-2, 32))
@settings(max_examples=400, deadline=None)
def test_trimmed_drops_the_whitespace_that_str_isspace_names(text, start, end):
    """``trimmed``'s quick form gives the offsets of the character-by-character definition."""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    s, e = start, end
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    assert language.trimmed(text, start, end) == (s, e)


@given(st.text(alphabet="abcdeghilmnstxy'É", max_size=12))
@settings(max_examples=500, deadline=None)
def test_stem_takes_off_the_first_suffix_that_fits(word):
    """``stem`` tries only the suffixes a word can end with, with the same result as trying them all in order."""
    w = fold(word).replace("'", "")
    for suffix, repl in language._SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: len(w) - len(suffix)] + repl
            break
    assert language.stem(word) == (w[:-1] if w.endswith("e") and len(w) > 3 else w)
