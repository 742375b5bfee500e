"""Reading keys as a demanding reader presses them on real news (MEANTIME, ECB+, NewsWCL50
and saved pages): each test asserts what the reader sees after the keys."""

from __future__ import annotations

import pytest

from tests.pilot import wait_for_engine


@pytest.mark.parametrize(("tabs", "words", "tab"), [(2, "person", "entities"), (1, "number", "discrepancies")])
async def test_enter_in_the_filter_then_enter_picks_the_first_entry_shown(corpus, tabs, words, tab):
    """f, words, enter (to the list), enter: nothing was highlighted in the filtered list, so
    the second enter did nothing at all (MEANTIME apple: "person", enter, enter, then n said
    "Put the cursor on a name first")."""
    from tui.app import CorpusApp

    app = CorpusApp([corpus])
    async with app.run_test(size=(160, 50)) as pilot:
        await wait_for_engine(pilot)
        await pilot.press(*(["v"] * tabs), "f", *words, "enter")
        await pilot.pause()
        listing = app.sidebar.entities if tab == "entities" else app.sidebar.discrepancies
        first = next(listing.get_option_at_index(i).id for i in range(listing.option_count) if listing.get_option_at_index(i).id)
        await pilot.press("enter")
        await pilot.pause()
        if tab == "entities":
            assert app.reading.entity == first
            assert " · 1 of " in app.status.said
        else:
            assert app.reading.discrepancy == first
            assert app.status.said.startswith("Discrepancy ")


HARBOUR = (
    "The regional council voted on Tuesday to approve the new harbour expansion plan after a long debate. "
    "Council leader Maria Okafor said the project would create 1,200 jobs over five years. "
)


def _hostile_page(reference: str) -> str:
    """A saved article whose headline and text hold a character reference (``&#x1b;``...)."""
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8">'
        "<title>Harbour plan approved | Wire</title>"
        '<meta property="og:site_name" content="Wire"><meta property="article:published_time" content="2024-05-14">'
        f"</head><body><article><h1>Harbour plan {reference}]0;owned{reference} approved</h1><p>{HARBOUR}It said {reference}[31mred.</p>"
        f"<p>{HARBOUR}</p><p>{HARBOUR}</p></article></body></html>"
    )


@pytest.mark.parametrize("reference", ["&#x1b;", "&#27;", "&#0;", "&#xD800;", "&#xFFFF;", "&#x7;"])
def test_a_page_with_a_reference_to_a_control_character_is_still_an_article(tmp_path, capsys, monkeypatch, reference):
    """A saved page with ``&#x1b;`` (the start of a terminal sequence), ``&#0;`` or a lone
    surrogate in it was skipped whole: "no article text found on the page". It is imported,
    without those characters."""
    from tui.cli import main

    monkeypatch.setenv("CORPUS_TUI_CACHE_DIR", str(tmp_path / "cache"))
    page = tmp_path / "hostile.html"
    page.write_text(_hostile_page(reference), encoding="utf-8")
    assert main(["import", str(page), "-o", str(tmp_path / "out")]) == 0
    err = capsys.readouterr().err
    assert "skipped" not in err
    [written] = (tmp_path / "out").glob("*.md")
    text = written.read_text(encoding="utf-8")
    assert "title: Harbour plan ]0;owned approved" in text
    assert "It said [31mred." in text
    assert not any(ord(c) < 32 and c not in "\n" for c in text)


async def test_a_key_name_with_a_typo_in_keys_toml_is_reported_and_the_key_kept(corpus, tmp_path, monkeypatch):
    """"mention.next" = "shft+f2" (or "ctrl+alt+shift+nonsense") took ] away and gave the
    action a key no terminal sends, without a word: ] did nothing, and the footer showed
    "alt+shift+^nonsense Mention". The line is reported and ] keeps working."""
    from tests.pilot import terminal_frame
    from tui.app import CorpusApp

    config = tmp_path / "config"
    config.mkdir()
    monkeypatch.setenv("CORPUS_TUI_CONFIG_DIR", str(config))
    (config / "keys.toml").write_text('"mention.next" = "shft+f2"\n"entity.next" = "f2"\n', encoding="utf-8")
    app = CorpusApp([corpus])
    async with app.run_test(size=(160, 50)) as pilot:
        await wait_for_engine(pilot)
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert app.reading.cursor(app.reading.article) is not None
        await pilot.press("p")
        await pilot.pause()
        shown = " ".join(" ".join(terminal_frame(app)[0]).split())
        assert "'mention.next': 'shft+f2' is not a key" in shown and "it keeps 'right_square_bracket'" in shown
        assert "entity.next" not in shown  # f2 is a key: taken without a word


async def test_a_key_taken_from_another_action_says_which_runs_and_what_the_other_lost(corpus, tmp_path, monkeypatch):
    """"entity.next" = "d": the problem said "key 'd' is bound to entity.next and
    discrepancy.next; only one of them can work", and the reader could not tell that d now
    walks names and that nothing selects the next finding any more."""
    from tui.app import CorpusApp
    from tui.keymap import load_keymap

    keys = tmp_path / "keys.toml"
    keys.write_text('"entity.next" = "d"\n', encoding="utf-8")
    _, problems = load_keymap(keys)
    assert problems == [f"{keys}: key 'd' now does entity.next, as this file says; discrepancy.next has no key left (give it one here)"]
    monkeypatch.setenv("CORPUS_TUI_CONFIG_DIR", str(tmp_path))
    app = CorpusApp([corpus])
    async with app.run_test(size=(160, 50)) as pilot:
        await wait_for_engine(pilot)
        await pilot.press("d")
        await pilot.pause()
        assert app.reading.discrepancy is None  # as the message says: d walks names now


COOK = {
    "a.txt": "Apple names new chief\n\nApple said on Monday that Timothy D. Cook would run the company. Tim told staff in "
    "an email that the company would keep its focus. Analysts at Goldman said the shares rose 2 percent.\n",
    "b.txt": "Apple picks Cook\n\nApple said on Monday that Tim Cook would run the company. Cook told staff in an email "
    "that the company would keep its focus. Analysts said the shares rose 2 percent.\n",
}


async def test_two_findings_about_one_name_are_told_apart_in_coverage(tmp_path):
    """MEANTIME apple: the Coverage tab had two rows "name: Timothy D. Cook" (a spelling, and
    a part of the name one outlet calls him by) that read the same. Each gives the words."""
    from tests.pilot import terminal_frame
    from tui.app import CorpusApp

    for name, text in COOK.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    app = CorpusApp([tmp_path])
    async with app.run_test(size=(160, 50)) as pilot:
        await wait_for_engine(pilot)
        await pilot.press("v", "v", "v")
        await pilot.pause()
        shown = "\n".join(terminal_frame(app)[0])
        assert shown.count("name: Timothy D. Cook") == 2
        assert "(“Timothy D. Cook” / “Tim" in shown  # wrapped under the label
        assert "(“Tim” / “Cook”)" in shown


@pytest.mark.parametrize(
    ("meta", "said"),
    [
        ("", "the page does not say its encoding; read as cp1252 (detected)"),
        ('<meta charset="utf-8">', "the page says it is utf-8, but is not; read as cp1252 (detected)"),
        ('<meta charset="windows-1252">', None),
    ],
)
def test_a_saved_page_whose_encoding_was_guessed_says_so(tmp_path, monkeypatch, meta, said):
    """A saved page in Windows-1252 that declares no charset, or a wrong one, was read by a
    guess without a word (a wrong guess garbles every curly quote: "fishermenâ€™s"); a
    .txt file in the same encoding is listed under Problems with the encoding it was read as."""
    from annotate.corpus.loading import load_corpus

    monkeypatch.setenv("CORPUS_TUI_CACHE_DIR", str(tmp_path / "cache"))
    page = (
        f"<!DOCTYPE html><html><head>{meta}<title>Café owners fear harbour dredging</title></head><body><article>"
        f"<h1>Café owners fear harbour dredging</h1><p>{HARBOUR}</p><p>Café owner Zoë Müller said the dredging was "
        f"“a disaster for the bay”. {HARBOUR.replace('Tuesday', 'Monday')}</p></article></body></html>"
    )
    (tmp_path / "cafe.html").write_bytes(page.encode("cp1252"))
    loaded = load_corpus([tmp_path])
    [article] = loaded.articles
    assert "Zoë Müller said the dredging was “a disaster for the bay”" in article.text
    notes = [p.message for p in loaded.problems]
    assert notes == ([said] if said else [])
