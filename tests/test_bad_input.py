"""The loader on the generated bad-input corpus: every case decoded or named with a reason."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from bad_input import BadCorpus, build_bad_corpus, is_root

from annotate.corpus import CorpusError, load_corpus
from annotate.safe_text import visible


@pytest.fixture(scope="module")
def bad(tmp_path_factory) -> BadCorpus:
    return build_bad_corpus(tmp_path_factory.mktemp("bad"))


@pytest.fixture(scope="module")
def loaded(bad):
    return load_corpus([bad.root])


def _article(loaded, bad: BadCorpus, name: str):
    path = str(bad.root / name)
    matches = [a for a in loaded.articles if a.path == path]
    assert len(matches) == 1, f"{name} did not load exactly once"
    return matches[0]


def _problems(loaded, bad: BadCorpus, name: str) -> list[str]:
    path = str(bad.root / name)
    return [p.message for p in loaded.problems if p.path == path]


def test_every_good_or_repairable_file_loads_with_the_exact_expected_text(bad, loaded):
    for case in bad.loading:
        article = _article(loaded, bad, case.name)
        assert article.text == case.text, case.name
        if case.title is not None:
            assert article.title == case.title, case.name
        if case.encoding is not None:
            assert article.encoding == case.encoding, case.name


def test_every_unusable_file_is_skipped_with_a_message_naming_it_and_the_reason(bad, loaded):
    loaded_paths = {a.path for a in loaded.articles}
    for case in bad.skipped:
        assert str(bad.root / case.name) not in loaded_paths, case.name
        messages = _problems(loaded, bad, case.name)
        assert messages, f"no problem reported for {case.name}"
        assert any(case.reason in m for m in messages), (case.name, messages)


def test_repaired_files_carry_a_warning_with_the_reason(bad, loaded):
    for case in bad.loading:
        if case.reason:
            messages = _problems(loaded, bad, case.name)
            assert any(case.reason in m for m in messages), (case.name, messages)


def test_clean_files_carry_no_warning(bad, loaded):
    for name in ("good.txt", "utf8-bom.txt", "utf16-bom.txt", "crlf.txt", "cr.txt", "rtl-mixed.txt", "hostile.txt"):
        assert _problems(loaded, bad, name) == [], name


def test_detected_encoding_is_named(bad, loaded):
    (message,) = _problems(loaded, bad, "windows-1252.txt")
    assert "cp1252" in message
    assert _article(loaded, bad, "latin-1.txt").encoding == "cp1252"  # Latin-1 is a subset


def test_line_ends_are_normalised_so_offsets_count_one_character_per_line_break(bad, loaded):
    for article in loaded.articles:
        assert "\r" not in article.text and "\0" not in article.text


def test_duplicate_ids_get_a_suffix_and_a_warning(bad, loaded):
    ids = [a.id for a in loaded.articles]
    assert len(ids) == len(set(ids))
    assert _article(loaded, bad, "Same Story.txt").id == "same-story"
    assert _article(loaded, bad, "same_story.md").id == "same-story-2"


def test_broken_front_matter_warning_says_where(bad, loaded):
    (message,) = _problems(loaded, bad, "broken-front-matter.md")
    assert "line 3" in message


def test_alias_bomb_front_matter_is_refused_quickly(bad, loaded):
    article = _article(loaded, bad, "alias-bomb.md")
    assert article.title == "Body title line"  # the bomb's title alias is not expanded


def test_huge_files_load_whole(bad, loaded):
    assert len(_article(loaded, bad, "five-mb.txt").text) >= 5 * 1024 * 1024
    assert _article(loaded, bad, "ten-thousand-lines.txt").text.count("\n") == 10_000
    assert len(_article(loaded, bad, "one-mb-line.txt").text) >= 1024 * 1024


def test_folder_symlink_loop_is_reported_not_followed(bad, loaded):
    nested = [a for a in loaded.articles if a.title == "Nested article"]
    assert len(nested) == 1
    assert any("loop" in p.message for p in loaded.problems if p.path.endswith("parent-loop"))


def test_hidden_and_non_article_files_are_ignored(bad, loaded):
    names = {Path(a.path).name for a in loaded.articles}
    assert ".hidden.txt" not in names and "notes.html" not in names


def test_problems_name_files_inside_the_corpus(bad, loaded):
    for problem in loaded.problems:
        assert problem.path.startswith(str(bad.root))


def test_each_bad_file_alone_raises_a_clear_error(bad):
    for case in bad.skipped:
        with pytest.raises(CorpusError) as info:
            load_corpus([bad.root / case.name])
        assert visible(case.name) in str(info.value) and case.reason in str(info.value)


@pytest.mark.skipif(is_root(), reason="root can read files without permission")
def test_unreadable_file_is_skipped_with_permission_denied(bad, loaded):
    (message,) = _problems(loaded, bad, "unreadable.txt")
    assert "permission denied" in message


def test_read_error_from_the_system_is_reported_and_others_still_load(tmp_path, monkeypatch):
    # Injects the error the OS gives a non-root user, so this runs as root too.
    locked = tmp_path / "locked.txt"
    locked.write_text("Locked\n\ntext\n")
    (tmp_path / "open.txt").write_text("Open\n\ntext\n")
    real_open = Path.open

    def fake_open(self, *args, **kwargs):
        if self.name == "locked.txt":
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", fake_open)
    result = load_corpus([tmp_path])
    assert [a.title for a in result.articles] == ["Open"]
    assert [str(p) for p in result.problems] == [f"{locked}: skipped: permission denied"]


def test_hostile_file_names_give_plain_ids_and_are_named_exactly_in_problems(bad, loaded):
    from bad_input import HOSTILE_NAME_EMPTY, HOSTILE_NAME_GOOD

    article = _article(loaded, bad, HOSTILE_NAME_GOOD)
    assert all(c.isalnum() or c == "-" for c in article.id)
    assert _problems(loaded, bad, HOSTILE_NAME_EMPTY)  # the real name, so the user can find the file


def test_corpus_error_message_shows_hostile_names_without_control_codes(bad):
    from bad_input import HOSTILE_NAME_EMPTY

    with pytest.raises(CorpusError) as info:
        load_corpus([bad.root / HOSTILE_NAME_EMPTY])
    message = str(info.value)
    assert "\x1b" not in message
    assert "[@click=app.quit]\u241b[2Jempty.txt" in message
