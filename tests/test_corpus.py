"""Corpus loading: folders and files, front matter, titles, ids, offsets."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from annotate.corpus.loading import CorpusError, LoadedCorpus, load_corpus, slug

REPO = Path(__file__).resolve().parent.parent


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_bundled_corpus_loads_both_articles_with_titles_from_first_line():
    loaded = load_corpus([REPO / "corpus"])
    assert isinstance(loaded, LoadedCorpus)
    assert loaded.problems == []
    titles = {a.title for a in loaded.articles}
    assert titles == {
        "Mali Turns to Moscow for Military Assistance",
        "Mali receives helicopters and weapons from Russia",
    }
    for article in loaded.articles:
        raw = Path(article.path).read_text(encoding="utf-8")
        assert article.text == raw  # no front matter: text unchanged, offsets match the file
        assert article.source is None and article.published is None and article.url is None


def test_folder_is_read_in_sorted_order_with_ids_from_file_names(tmp_path):
    write(tmp_path / "b-second.txt", "Second\n\nText.\n")
    write(tmp_path / "A First Story.md", "# First\n\nText.\n")
    write(tmp_path / "c.html", "<p>ignored</p>")
    loaded = load_corpus([tmp_path])
    assert [a.id for a in loaded.articles] == ["a-first-story", "b-second"]
    assert loaded.articles[0].title == "First"  # Markdown heading marks are not part of the title
    assert loaded.articles[0].text == "# First\n\nText.\n"


def test_ids_are_stable_across_loads_and_independent_of_argument_order(tmp_path):
    one = write(tmp_path / "one.txt", "One\n\nText.\n")
    two = write(tmp_path / "two.txt", "Two\n\nText.\n")
    first = {a.id: a.title for a in load_corpus([one, two]).articles}
    second = {a.id: a.title for a in load_corpus([two, one]).articles}
    assert first == second == {"one": "One", "two": "Two"}


def test_list_of_files_and_folders_reads_each_file_once(tmp_path):
    a = write(tmp_path / "a.txt", "Alpha\n\nText.\n")
    write(tmp_path / "sub" / "b.txt", "Beta\n\nText.\n")
    loaded = load_corpus([a, tmp_path, a])
    assert sorted(x.id for x in loaded.articles) == ["a", "sub/b"]


def test_ids_come_from_the_path_in_the_corpus_and_never_change_when_files_are_added(tmp_path):
    write(tmp_path / "bbc" / "story.txt", "BBC\n\nThe minister spoke.\n")
    write(tmp_path / "cnn" / "story.txt", "CNN\n\nThe minister spoke.\n")
    before = {a.path: a.id for a in load_corpus([tmp_path]).articles}
    assert sorted(before.values()) == ["bbc/story", "cnn/story"]
    write(tmp_path / "aljazeera" / "story.txt", "AJ\n\nThe minister spoke.\n")
    write(tmp_path / "bbc" / "Story.md", "BBC again\n\nThe minister spoke.\n")  # a twin in one folder
    after = {a.path: a.id for a in load_corpus([tmp_path]).articles}
    assert after[str(tmp_path / "cnn" / "story.txt")] == "cnn/story"
    assert after[str(tmp_path / "aljazeera" / "story.txt")] == "aljazeera/story"
    assert len(set(after.values())) == len(after)
    assert "cnn/story" not in {i for p, i in after.items() if p != str(tmp_path / "cnn" / "story.txt")}


def test_the_same_name_in_two_folders_named_on_the_command_line_gets_each_folders_name(tmp_path):
    write(tmp_path / "x" / "story.txt", "X\n\nText.\n")
    write(tmp_path / "y" / "story.txt", "Y\n\nText.\n")
    loaded = load_corpus([tmp_path / "x", tmp_path / "y"])
    assert [a.id for a in loaded.articles] == ["x/story", "y/story"]
    assert all(p.severity == "warning" and "already used" in p.message for p in loaded.problems)


def test_front_matter_gives_metadata_and_is_not_part_of_the_text(tmp_path):
    path = write(
        tmp_path / "story.md",
        "---\ntitle: The real title\nsource: Example News\npublished: 2022-01-31\n"
        "url: https://example.org/story\n---\nFirst line of the body\n\nMore.\n",
    )
    (article,) = load_corpus([path]).articles
    assert article.title == "The real title"
    assert article.source == "Example News"
    assert article.published == dt.date(2022, 1, 31)
    assert article.url == "https://example.org/story"
    assert article.text == "First line of the body\n\nMore.\n"


def test_front_matter_without_title_falls_back_to_first_line(tmp_path):
    path = write(tmp_path / "s.txt", "---\nsource: Wire\n---\n\n\n  Headline here  \nBody.\n")
    (article,) = load_corpus([path]).articles
    assert article.title == "Headline here"
    assert article.source == "Wire"


def test_published_timestamp_keeps_its_date(tmp_path):
    path = write(tmp_path / "s.txt", "---\npublished: 2022-01-31T23:10:00+00:00\n---\nTitle\n")
    loaded = load_corpus([path])
    assert loaded.articles[0].published == dt.date(2022, 1, 31)
    assert loaded.problems == []


@pytest.mark.parametrize("value", ["yesterday", "31/01/2022", "2022-13-01", "[2022, 1]"])
def test_published_that_is_not_a_date_is_a_warning_and_none(tmp_path, value):
    path = write(tmp_path / "s.md", f"---\npublished: {value}\n---\nTitle\n")
    loaded = load_corpus([path])
    assert loaded.articles[0].published is None
    (problem,) = loaded.problems
    assert problem.path == str(path) and "not a date" in problem.message


def test_front_matter_values_are_data_never_code(tmp_path):
    path = write(tmp_path / "s.md", "---\ntitle: !!python/object/apply:os.system ['echo hacked']\n---\nBody\n")
    loaded = load_corpus([path])
    assert loaded.articles[0].title == "Body"
    assert "not valid YAML" in loaded.problems[0].message


def test_long_first_line_is_shortened_as_a_title_but_kept_in_the_text(tmp_path):
    line = "word " * 1000
    path = write(tmp_path / "long.txt", line + "\n")
    (article,) = load_corpus([path]).articles
    assert len(article.title) <= 200 and article.title.endswith("…")
    assert article.text == line + "\n"


def test_explicit_file_with_another_extension_is_read(tmp_path):
    path = write(tmp_path / "story.text", "Explicit\n\nText.\n")
    assert load_corpus([path]).articles[0].title == "Explicit"


def test_missing_path_is_an_error_naming_it_but_other_paths_still_load(tmp_path):
    good = write(tmp_path / "good.txt", "Good\n\nText.\n")
    missing = tmp_path / "nope.txt"
    loaded = load_corpus([missing, good])
    assert [a.id for a in loaded.articles] == ["good"]
    assert [str(p) for p in loaded.problems] == [f"{missing}: no such file or folder"]


def test_nothing_loadable_raises_corpus_error_with_every_reason(tmp_path):
    write(tmp_path / "empty.txt", "")
    missing = tmp_path / "missing"
    with pytest.raises(CorpusError) as info:
        load_corpus([tmp_path, missing])
    message = str(info.value)
    assert "empty.txt" in message and "empty" in message
    assert str(missing) in message and "no such file" in message
    assert len(info.value.problems) == 2


def test_folder_without_articles_is_a_clear_error(tmp_path):
    (tmp_path / "page.pdf").write_bytes(b"%PDF-1.7")
    with pytest.raises(CorpusError, match=r"no \.txt, \.md or \.html articles.*page\.pdf"):
        load_corpus([tmp_path])


def test_no_paths_is_an_error():
    with pytest.raises(CorpusError, match="no corpus path"):
        load_corpus([])


@pytest.mark.parametrize(
    ("stem", "expected"),
    [("Mixed Case_name", "mixed-case-name"), ("  --  ", "article"), ("Überblick 2024", "überblick-2024"), ("خبر", "خبر")],
)
def test_slug(stem, expected):
    assert slug(stem) == expected


def test_metadata_is_one_line_and_free_of_control_codes(tmp_path):
    path = write(tmp_path / "s.md", '---\ntitle: "Evil \\e]0;pwned\\a title\\nsecond line"\nsource: "\\e[2JWire"\n---\nBody\n')
    (article,) = load_corpus([path]).articles
    assert article.title == "Evil \u241b]0;pwned\u2407 title second line"
    assert article.source == "\u241b[2JWire"


def test_markdown_rule_at_the_top_is_not_mistaken_for_front_matter(tmp_path):
    text = "---\n\nOpening paragraph. Nothing here is metadata.\n\n---\n\nSecond part.\n"
    path = write(tmp_path / "rules.md", text)
    loaded = load_corpus([path])
    assert loaded.articles[0].text == text  # nothing lost
    assert loaded.articles[0].title == "Opening paragraph. Nothing here is metadata."


def test_empty_front_matter_is_removed_silently(tmp_path):
    path = write(tmp_path / "e.md", "---\n---\nTitle\n\nBody.\n")
    loaded = load_corpus([path])
    assert loaded.articles[0].text == "Title\n\nBody.\n" and loaded.problems == []


def test_same_folder_named_twice_is_read_once_without_complaint(tmp_path):
    write(tmp_path / "a.txt", "Alpha\n\nText.\n")
    loaded = load_corpus([tmp_path, tmp_path / "."])
    assert [a.id for a in loaded.articles] == ["a"] and loaded.problems == []
