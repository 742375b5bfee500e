"""The loader on the generated bad-input corpus: every case decoded or named with a reason."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from bad_input import BadCorpus, build_bad_corpus, is_root

from annotate.corpus.loading import CorpusError, load_corpus
from annotate.corpus.safe_text import visible


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


def test_duplicate_ids_are_told_apart_by_their_own_paths_with_a_warning(bad, loaded):
    ids = [a.id for a in loaded.articles]
    assert len(ids) == len(set(ids))
    assert _article(loaded, bad, "Same Story.txt").id == "same-story-txt"
    assert _article(loaded, bad, "same_story.md").id == "same-story-md"


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
    real_open = os.open

    def fake_open(path, *args, **kwargs):
        if os.fspath(path).endswith("locked.txt"):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fspath(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", fake_open)
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


# --- `corpus-tui report` on the bad corpus ------------------------------------------


@pytest.fixture(scope="module")
def small_bad(tmp_path_factory) -> BadCorpus:
    """The bad corpus without the multi-megabyte files: the engine runs on all of it."""
    return build_bad_corpus(tmp_path_factory.mktemp("small-bad"), huge=False)


def _controls(text: str) -> str:
    return "".join(c for c in text if (ord(c) < 32 and c not in "\n") or 0x7F <= ord(c) < 0xA0)


def test_report_names_every_bad_file_on_stderr_and_succeeds(small_bad, capsys):
    import json

    from tui.cli import main

    status = main(["report", "--no-cache", "--format", "json", str(small_bad.root)])
    out, err = capsys.readouterr()
    assert status == 0
    for case in small_bad.skipped:
        lines = [line for line in err.splitlines() if visible(case.name) in line]
        assert any(case.reason in line for line in lines), (case.name, err)
    assert _controls(err) == ""
    data = json.loads(out)
    loaded = {a["path"]: a for a in data["articles"]}
    for case in small_bad.loading:  # every good article is in the report with its exact text
        # Names that are not UTF-8 are shown as their escaped bytes.
        path = str(small_bad.root / case.name).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        assert loaded[path]["text"] == case.text
    texts = {a["id"]: a["text"] for a in data["articles"]}
    assert data["mentions"], "the engine found nothing in the good articles"
    for m in data["mentions"]:
        assert texts[m["article"]][m["start"] : m["end"]] == m["text"]


def test_text_report_of_bad_corpus_writes_no_control_codes(small_bad, capsys):
    from tui.cli import main

    assert main(["report", "--no-cache", str(small_bad.root)]) == 0
    out, err = capsys.readouterr()
    assert _controls(out) == "" and _controls(err) == ""


def test_report_fails_only_when_nothing_loads(small_bad, capsys):
    from tui.cli import main

    unusable = [small_bad.root / c.name for c in small_bad.skipped]
    assert main(["report", "--no-cache", *map(str, unusable)]) != 0
    err = capsys.readouterr().err
    for case in small_bad.skipped:
        assert visible(case.name) in err
    assert _controls(err) == ""


# --- the app on the bad corpus ------------------------------------------------------


async def test_app_stays_up_and_names_every_skipped_file(small_bad, monkeypatch):
    from tests.pilot import record_notifications, wait_for_engine
    from tui.app import CorpusApp

    app = CorpusApp([small_bad.root], use_cache=False)
    messages = record_notifications(app, monkeypatch)
    async with app.run_test(size=(160, 50), notifications=True) as pilot:
        await wait_for_engine(pilot)
        assert app.is_running and app.return_code is None
        assert len(app.articles) == len(small_bad.loading)
        held = [str(p) for p in app.problems]
        for case in small_bad.skipped:
            assert any(visible(str(small_bad.root / case.name)) in p and case.reason in p for p in held), case.name
        assert messages, "the user was not told that files were skipped"
        assert not any(_controls(m) for m in messages)
        # One summary toast, not one per file, and it says how many and which key lists them.
        skipped_toasts = [m for m in messages if "skipped" in m]
        assert len(skipped_toasts) == 1, skipped_toasts
        assert f"{len(small_bad.skipped)} files skipped" in skipped_toasts[0]
        assert "press p" in skipped_toasts[0]
        # p lists every problem: each skipped file by name, with its reason, shown inert.
        await pilot.press("p")
        await pilot.pause()
        from tui.screens.problems import ProblemsScreen

        assert isinstance(app.screen, ProblemsScreen)
        listing = app.screen.query_one("#problems")
        shown = "\n".join(str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count))
        assert not _controls(shown)
        for case in small_bad.skipped:
            assert visible(str(small_bad.root / case.name)) in shown and case.reason in shown, case.name
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ProblemsScreen)
        # Offsets are exact in what the app shows: every mention's text is the article's.
        texts = {a.id: a.text for a in app.articles}
        for m in app.analysis.mentions:
            assert texts[m.article][m.start : m.end] == m.text
        await pilot.press("q")
    assert app.return_code == 0


async def test_app_with_nothing_loadable_exits_with_the_reasons(small_bad):
    from tui.app import CorpusApp

    empty = small_bad.root / "empty.txt"
    app = CorpusApp([empty, small_bad.root / "does-not-exist"], use_cache=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
    assert app.return_code == 1


# --- the engine on what the loader lets through --------------------------------------


def test_engine_keeps_offsets_exact_on_every_odd_article(small_bad):
    from annotate.engine import analyse

    articles = load_corpus([small_bad.root]).articles
    analysis = analyse(articles)
    texts = {a.id: a.text for a in articles}
    for m in analysis.mentions:
        assert texts[m.article][m.start : m.end] == m.text, m
    found = {m.article for m in analysis.mentions}
    for name in ("windows-1252", "utf16-bom", "invalid-utf8", "rtl-mixed", "emoji-combining", "quotes", "hostile"):
        assert name in found, f"nothing found in {name}"  # each has numbers the engine reads


def test_engine_reads_an_article_longer_than_a_million_characters(tmp_path):
    from annotate.engine import analyse

    # spaCy refuses texts over nlp.max_length (1,000,000) by default; the loader accepts 20 MB.
    sentence = "Officials said 40 people met in Geneva on 3 May. "
    path = tmp_path / "long.txt"
    path.write_text("A long article\n\n" + sentence * (1_050_000 // len(sentence)) + "The end came on 4 June.\n")
    (article,) = load_corpus([path]).articles
    assert len(article.text) > 1_000_000
    analysis = analyse([article])
    last = [m for m in analysis.mentions if m.start > len(article.text) - 30]
    assert last, "mentions stop before the end of a long article"
    for m in analysis.mentions:
        assert article.text[m.start : m.end] == m.text


# --- any bytes at all -----------------------------------------------------------------

_text_like = st.one_of(
    st.binary(max_size=600),
    st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.tuples(st.text(max_size=200), st.sampled_from(["utf-16", "cp1252", "latin-1", "cp1251", "utf-8-sig"])).map(
        lambda te: te[0].encode(te[1], "replace")
    ),
    st.tuples(st.text(max_size=100), st.text(max_size=100)).map(lambda tt: f"---\n{tt[0]}\n---\n{tt[1]}".encode()),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=_text_like)
def test_any_bytes_load_or_are_skipped_with_a_reason(tmp_path, data):
    path = tmp_path / "any.txt"
    path.write_bytes(data)
    try:
        loaded = load_corpus([path])
    except CorpusError as error:
        assert error.problems and all(p.path == str(path) for p in error.problems)
        return
    (article,) = loaded.articles
    assert article.text.strip() and "\r" not in article.text and "\0" not in article.text
    article.text.encode("utf-8")  # no lone surrogates: the text can always be shown and saved
    assert article.title and "\n" not in article.title
