"""Offices after a name: the quick test that skips the words after most names (none of them may
end an office) never skips an office."""

import pytest

from annotate.nlp.offices import _ROLE_AFTER, _may_end_office, office_tail, offices_in


def _plain_office_length(role_words: str) -> int:
    words = role_words.split()
    for n in range(len(words), 0, -1):
        if office_tail(words[:n]):
            return n
    return 0


@pytest.mark.parametrize(
    "after",
    [
        "'s supreme leader said",
        " prime minister Ana",
        " Prime Minister",
        " chief executive officer",
        " CEO Steve Jobs",
        " ex-president of",
        " then-director and",
        " director.",
        " said on Monday",
        " and its",
        "'s former chief",
        " foreign minister",
        " leaders",
    ],
)
def test_the_quick_test_never_skips_an_office(after):
    words = _ROLE_AFTER.match(after).group(1)
    n = _plain_office_length(words)
    assert not n or any(map(_may_end_office, words.split()))
    assert not n or _may_end_office(words.split()[n - 1])
    text = "Korea" + after
    found = offices_in(text, [(0, 5, "GPE")])
    assert bool(found) == bool(n)


def test_offices_in_finds_the_longest_office_after_a_holder():
    text = "North Korea's supreme leader met the former FBI director and Apple CEO Tim Cook."
    entities = [(0, 11, "GPE"), (44, 47, "ORG"), (61, 66, "ORG"), (71, 79, "PERSON")]
    found = offices_in(text, entities)
    assert [text[start:end] for start, end, _, _ in found] == [
        "North Korea's supreme leader",
        "former FBI director",
        "Apple CEO",
    ]


def test_an_office_ending_a_sentence_leaves_the_period_out():
    text = "He misled others about a conversation with a Russian ambassador. The Russian leader. Apple's Sen."
    russian, again, apple = text.index("Russian"), text.rindex("Russian"), text.index("Apple")
    entities = [(russian, russian + 7, "NORP"), (again, again + 7, "NORP"), (apple, apple + 5, "ORG")]
    found = offices_in(text, entities)
    assert [text[start:end] for start, end, _, _ in found] == ["Russian ambassador", "Russian leader"]


def test_an_office_is_on_the_holders_line_and_has_no_clause_word_before_its_head():
    # a title line ending in "Iran" above "President Trump and Melania Trump ...", and "the
    # J.C.P.O.A. as President Trump": neither is an office (both were, and linking gave them to
    # Melania Trump)
    for text, holder, label in [
        ("Trump signals a new deal to constrain Iran\nPresident Trump and Melania Trump arrived.", "Iran", "GPE"),
        ("He kept the J.C.P.O.A. as President Trump said.", "J.C.P.O.A.", "ORG"),
    ]:
        at = text.index(holder)
        assert offices_in(text, [(at, at + len(holder), label)]) == [], text


def test_an_office_in_capitals_ending_a_sentence_leaves_the_period_out_too():
    text = "Tom Enders became Airbus CEO. He said so."
    at = text.index("Airbus")
    assert [text[start:end] for start, end, _, _ in offices_in(text, [(at, at + 6, "ORG")])] == ["Airbus CEO"]
