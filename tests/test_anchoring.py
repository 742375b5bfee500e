"""Re-anchoring: a span stays on the same words when the article is edited elsewhere."""

from __future__ import annotations

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from annotate.notes.anchoring import CONTEXT_CHARS, accept, make_anchor, refresh, resolve, text_hash

ARTICLE = (
    "Officials in the capital confirmed the delivery of four helicopters on Thursday.\n\n"
    "The defence minister said the aircraft would help the army. \"This is a new chapter,\" "
    "he told reporters, adding that more equipment would follow.\n\n"
    "Critics said the deal would isolate the government from its former partners.\n"
)


def span_of(text: str, words: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(words, start + 1)
    return start, start + len(words)


def test_unchanged_text_is_anchored_in_place():
    start, end = span_of(ARTICLE, "defence minister")
    r = resolve(make_anchor("a", ARTICLE, start, end), ARTICLE)
    assert (r.status, r.start, r.end) == ("anchored", start, end)


def test_inserted_paragraph_before_moves_the_span_to_the_same_words():
    start, end = span_of(ARTICLE, "defence minister")
    edited = "A new first paragraph, added after the note was written.\n\n" + ARTICLE
    r = resolve(make_anchor("a", ARTICLE, start, end), edited)
    assert r.status == "moved"
    assert edited[r.start : r.end] == "defence minister"
    assert r.start == start + len("A new first paragraph, added after the note was written.\n\n")


def test_repeated_words_follow_their_context_not_the_old_position():
    # "the army" vs another "the" nearby: anchor the second "said", then shift it.
    start, end = span_of(ARTICLE, "said", occurrence=1)  # "Critics said"
    edited = ARTICLE.replace("Officials", "Officials speaking on condition of anonymity")
    r = resolve(make_anchor("a", ARTICLE, start, end), edited)
    assert edited[r.start - 8 : r.end] == "Critics said"


def test_changed_word_inside_the_span_is_found_fuzzily_and_shown_as_changed():
    start, end = span_of(ARTICLE, "This is a new chapter")
    edited = "Intro.\n\n" + ARTICLE.replace("This is a new chapter", "This is a whole new chapter")
    anchor = make_anchor("a", ARTICLE, start, end)
    r = resolve(anchor, edited)
    assert r.status == "changed"
    assert r.text == "This is a whole new chapter" and r.was == "This is a new chapter"
    assert refresh(r, edited) == anchor  # the saved quote stays until the reader accepts
    accepted = accept(r, edited)
    assert accepted.exact == "This is a whole new chapter" and edited[accepted.start : accepted.end] == accepted.exact


def test_a_changed_number_is_changed_not_moved_and_keeps_the_saved_words():
    text = "Officials said more than 5,000 soldiers were deployed to the region last week, and more would follow."
    start, end = span_of(text, "more than 5,000 soldiers")
    anchor = make_anchor("a", text, start, end)
    edited = text.replace("5,000", "6,000")
    r = resolve(anchor, edited)
    assert (r.status, r.text, r.was) == ("changed", "more than 6,000 soldiers", "more than 5,000 soldiers")
    assert refresh(r, edited).exact == "more than 5,000 soldiers"


@given(st.data())
@settings(max_examples=60, deadline=None)
def test_fuzzy_placements_start_and_end_on_word_edges(data):
    words = ["the", "first", "time", "President", "Emmanuel", "Macron", "visited", "Bamako", "said", "army",
             "officials", "on", "Thursday", "in", "a", "statement", "after", "talks"]
    text = " ".join(data.draw(st.lists(st.sampled_from(words), min_size=30, max_size=60))) + "."
    n = len(text.split(" "))
    first = data.draw(st.integers(0, n - 6))
    span_words = text.split(" ")[first : first + data.draw(st.integers(3, 5))]
    exact = " ".join(span_words)
    start = len(" ".join(text.split(" ")[:first])) + (1 if first else 0)
    anchor = make_anchor("a", text, start, start + len(exact))
    # One word of the span edited, and text added before it so the position moves.
    victim = data.draw(st.integers(0, len(span_words) - 1))
    edited_words = list(span_words)
    edited_words[victim] = data.draw(st.sampled_from(["Mr", "newly", "the", "Sahel", "xq"]))
    assume(edited_words != span_words)
    edited = "An added opening sentence. " + text[:start] + " ".join(edited_words) + text[start + len(exact) :]
    r = resolve(anchor, edited)
    if r.status == "changed":
        assert r.start == 0 or not edited[r.start - 1].isalnum()
        assert r.end == len(edited) or not edited[r.end].isalnum()
        assert not edited[r.start].isspace() and not edited[r.end - 1].isspace()


def test_the_stress_example_snaps_to_whole_words():
    text = "It was, for the first time, President Emmanuel Macron who spoke in Bamako about the army."
    start, end = span_of(text, "the first time, President")
    anchor = make_anchor("a", text, start, end)
    edited = "Yesterday: " + text.replace("for the first time", "for thi first time")
    r = resolve(anchor, edited)
    assert r.status == "changed"
    assert r.text == "thi first time, President"


def test_deleted_words_are_orphaned_but_kept():
    start, end = span_of(ARTICLE, "Critics said the deal would isolate the government from its former partners.")
    anchor = make_anchor("a", ARTICLE, start, end)
    edited = ARTICLE[:start] + "Nothing else happened."
    r = resolve(anchor, edited)
    assert r.status == "orphaned"
    assert r.anchor == anchor and r.start is None


def test_missing_article_is_orphaned():
    anchor = make_anchor("a", ARTICLE, 0, 9)
    assert resolve(anchor, None).status == "orphaned"


def test_anchor_records_w3c_selectors():
    start, end = span_of(ARTICLE, "four helicopters")
    a = make_anchor("a", ARTICLE, start, end)
    assert a.exact == "four helicopters"
    assert a.prefix == ARTICLE[start - CONTEXT_CHARS : start] and len(a.prefix) == CONTEXT_CHARS
    assert a.suffix == ARTICLE[end : end + CONTEXT_CHARS]
    assert a.sha256 == text_hash(ARTICLE)


# -- property-based: random edits elsewhere ------------------------------------

WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzé", min_size=1, max_size=9)
SEP = st.sampled_from([" ", " ", " ", ", ", ".\n", "\n\n", " — "])
FEW_WORDS = st.sampled_from(["the", "minister", "said", "army", "a", "deal", "of"])


@st.composite
def article_and_span(draw, words=WORD):
    parts = draw(st.lists(st.tuples(words, SEP), min_size=3, max_size=60))
    text = "".join(w + s for w, s in parts)
    bounds, pos = [], 0
    for w, s in parts:
        bounds.append((pos, pos + len(w)))
        pos += len(w) + len(s)
    i = draw(st.integers(0, len(bounds) - 1))
    j = draw(st.integers(i, min(i + 3, len(bounds) - 1)))
    return text, bounds[i][0], bounds[j][1]


@st.composite
def edits_elsewhere(draw, text: str, start: int, end: int, gap: int):
    """Apply 1-5 random inserts/deletes/replacements, none within ``gap`` of the span."""
    for _ in range(draw(st.integers(1, 5))):
        regions = []
        if start - gap > 0:
            regions.append((0, start - gap))
        if end + gap < len(text):
            regions.append((end + gap, len(text)))
        if not regions:
            break
        lo, hi = draw(st.sampled_from(regions))
        pos = draw(st.integers(lo, hi))
        cut = draw(st.integers(0, hi - pos))
        insert = draw(st.text(alphabet="abcdefghij klmnop\n,.", max_size=40))
        text = text[:pos] + insert + text[pos + cut :]
        if pos <= start:
            shift = len(insert) - cut
            start, end = start + shift, end + shift
    return text, start, end


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_edits_anywhere_outside_a_unique_span_keep_it_on_the_same_words(data):
    text, start, end = data.draw(article_and_span())
    anchor = make_anchor("a", text, start, end)
    edited, new_start, new_end = data.draw(edits_elsewhere(text, start, end, gap=0))
    assume(_occurrences(edited, anchor.exact) == 1)
    r = resolve(anchor, edited)
    assert r.placed
    assert (r.start, r.end) == (new_start, new_end)
    assert edited[r.start : r.end] == anchor.exact


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_edits_beyond_the_context_keep_repeated_words_on_the_right_occurrence(data):
    # Few distinct words: the exact text repeats, only the context tells them apart.
    text, start, end = data.draw(article_and_span(words=FEW_WORDS))
    anchor = make_anchor("a", text, start, end)
    edited, new_start, new_end = data.draw(edits_elsewhere(text, start, end, gap=CONTEXT_CHARS))
    assume(_occurrences(edited, anchor.prefix + anchor.exact + anchor.suffix) == 1)
    r = resolve(anchor, edited)
    assert (r.start, r.end) == (new_start, new_end)
    assert r.status == ("anchored" if new_start == start else "moved")


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=300), st.data())
def test_any_edit_never_raises_and_stays_in_bounds(text, data):
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    anchor = make_anchor("a", text, start, end)
    pos = data.draw(st.integers(0, len(text)))
    cut = data.draw(st.integers(0, len(text) - pos))
    edited = text[:pos] + data.draw(st.text(max_size=50)) + text[pos + cut :]
    r = resolve(anchor, edited)
    if r.placed:
        assert 0 <= r.start < r.end <= len(edited)
        assert r.text == edited[r.start : r.end]
    else:
        assert r.anchor == anchor


def test_a_huge_saved_quote_that_no_longer_matches_is_orphaned_quickly():
    import time

    text = ("The minister spoke at length about the budget and the army. " * 20_000)[:1_000_000]
    anchor = make_anchor("a", text, 0, 200_000)
    edited = text.replace("budget", "budgets")
    started = time.perf_counter()
    assert resolve(anchor, edited).status == "orphaned"
    assert time.perf_counter() - started < 5


def _occurrences(text: str, words: str) -> int:
    """Where ``words`` stand in ``text``, overlaps included: "aaaa" stands twice in "aaaaa",
    which ``str.count`` counts once, so the span would not be unique."""
    return sum(1 for i in range(len(text) - len(words) + 1) if text.startswith(words, i))
