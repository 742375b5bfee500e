"""``corpus-tui report``: the JSON/YAML contract, the text report, errors and hostile text."""

from __future__ import annotations

import io
import json
import re
from dataclasses import fields
from pathlib import Path

import pytest
import yaml

from annotate.model import DISCREPANCY_KINDS, MENTION_KINDS, MENTION_TYPES
from tui.cli import main

ROOT = Path(__file__).resolve().parent.parent


def report(capsys, *args: str) -> tuple[int, str, str]:
    rc = main(["report", *args, "--no-cache"])
    out, err = capsys.readouterr()
    return rc, out, err


@pytest.fixture(scope="module")
def seed_json():
    import contextlib

    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        rc = main(["report", str(ROOT / "corpus"), "--format", "json", "--no-cache"])
    assert rc == 0
    return json.loads(buf.getvalue())


def test_json_follows_the_contract(seed_json):
    data = seed_json
    assert set(data) >= {"articles", "mentions", "entities", "discrepancies", "engine", "corroborations", "problems",
                         "statements"}
    texts = {}
    for a in data["articles"]:
        assert set(a) >= {"id", "path", "title", "source", "published", "text"}
        texts[a["id"]] = a["text"]
    assert len(texts) == 2
    entity_ids = {e["id"] for e in data["entities"]}
    mention_ids = set()
    for m in data["mentions"]:
        assert m["kind"] in MENTION_KINDS
        # each kind has its own fields and no other kind's (a quote has no role, a name no speaker)
        assert set(m) == {f.name for f in fields(MENTION_TYPES[m["kind"]])}
        assert set(m) >= {"id", "article", "start", "end", "text", "kind", "label", "value"}
        assert texts[m["article"]][m["start"]:m["end"]] == m["text"]
        if m["kind"] == "entity":
            assert m["entity"] in entity_ids
        if m["kind"] == "quote" and m["speaker"] is not None:
            assert m["speaker"] in entity_ids and m["speaker_name"]
        mention_ids.add(m["id"])
    assert {m["kind"] for m in data["mentions"]} == set(MENTION_KINDS)
    for e in data["entities"]:
        assert set(e) == {"id", "name", "label", "mentions"} and set(e["mentions"]) <= mention_ids
    assert data["discrepancies"]
    for d in data["discrepancies"]:
        assert set(d) >= {"id", "kind", "summary", "severity", "evidence", "subject", "values"}
        assert re.fullmatch(r"[0-9a-f]{12}", d["id"])
        assert d["kind"] in DISCREPANCY_KINDS and d["severity"] in ("high", "medium", "low")
        for value in d["values"].values():
            assert set(value) == {"text", "reported"} and value["reported"] == bool(value["text"])
        # every article that says something shows where; a silent one may have no evidence
        assert {e["article"] for e in d["evidence"]} >= {k for k, v in d["values"].items() if v["reported"]}
        for e in d["evidence"]:
            assert texts[e["article"]][e["start"]:e["end"]] == e["text"]
    assert any(not v["reported"] for d in data["discrepancies"] for v in d["values"].values())
    assert set(data["engine"]) == {"version", "pipeline"}
    # who said what: every quote of a linked speaker, and reported speech
    for s in data["statements"]:
        assert texts[s["article"]][s["start"]:s["end"]] == s["text"] and s["speaker"] in entity_ids
    assert {s["quoted"] for s in data["statements"]} == {True, False}
    assert {(s["article"], s["start"], s["speaker"]) for s in data["statements"] if s["quoted"]} == {
        (m["article"], m["start"], m["speaker"]) for m in data["mentions"] if m["kind"] == "quote" and m["speaker"]
    }


def test_yaml_says_the_same_as_json(capsys, seed_json):
    rc, out, _ = report(capsys, str(ROOT / "corpus"), "--format", "yaml")
    assert rc == 0
    assert yaml.safe_load(out) == seed_json


def test_text_report_groups_discrepancies_and_has_no_colour_in_a_pipe(capsys, seed_json):
    rc, out, _ = report(capsys, str(ROOT / "corpus"))
    assert rc == 0
    assert "\x1b" not in out
    assert "Discrepancies (" in out and "Names spelled differently" in out and "Linked across articles" in out
    for d in seed_json["discrepancies"]:
        assert d["id"] in out
    # aligned: every evidence line starts in the same column
    columns = {len(line) - len(line.lstrip()) for line in out.splitlines() if re.match(r"\s+[A-Z]\s+\d+-\d+", line)}
    assert len(columns) == 1


def test_text_report_is_coloured_on_a_terminal():
    from annotate.corpus.loading import load_corpus
    from annotate.model import Analysis, ArticleValue, Discrepancy, EngineInfo, Evidence
    from annotate.report import render_text

    articles = load_corpus([ROOT / "corpus"]).articles
    a = articles[0]
    d = Discrepancy("0123456789ab", "number", "x", "summary", "high", {a.id: ArticleValue(a.text[:4])}, [Evidence(a.id, 0, 4, a.text[:4])])
    analysis = Analysis(articles, [], [], [d], EngineInfo("0", "p"))
    buf = io.StringIO()
    render_text(analysis, buf, color=True)
    assert "\x1b[" in buf.getvalue()


def test_article_text_is_never_markup_or_control_codes(tmp_path, capsys):
    hostile = "Title [bold red]loud[/] \x1b]0;owned\x07\n\nJohn Smith said [@click=app.quit]x[/] and \x1b[2J cleared.\n"
    (tmp_path / "one.txt").write_text(hostile, encoding="utf-8")
    (tmp_path / "two.txt").write_text("Other [link=file:///etc/passwd]title[/link]\n\nJohn Smith spoke.\n", encoding="utf-8")
    rc, out, _ = report(capsys, str(tmp_path))
    assert rc == 0
    assert "[bold red]loud[/]" in out and "[link=file:///etc/passwd]title[/link]" in out
    assert "\x1b" not in out and "\x07" not in out
    rc, out, _ = report(capsys, str(tmp_path), "--format", "json")
    texts = [a["text"] for a in json.loads(out)["articles"]]
    assert any("[@click=app.quit]" in t for t in texts)  # JSON keeps the data exactly


def test_bad_files_go_to_stderr_and_do_not_fail_the_run(tmp_path, capsys):
    (tmp_path / "good.txt").write_text("A title\n\nMaria Duarte spoke in Lisbon.\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    rc, out, err = report(capsys, str(tmp_path), "--format", "json")
    assert rc == 0
    assert "empty.txt" in err
    assert [a["id"] for a in json.loads(out)["articles"]] == ["good"]


def test_nothing_readable_is_an_error(tmp_path, capsys):
    rc, out, err = report(capsys, str(tmp_path / "missing"))
    assert rc == 1
    assert out == ""
    assert "missing" in err


def test_report_labels_articles_as_the_app_does_and_a_redirected_report_keeps_whole_dates(tmp_path, capsys):
    from tui.app import CorpusApp

    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(30):
        title = f"A rather long headline about the council budget vote number {n} and what it means for everyone"
        front = f"---\ntitle: {title}\nsource: The Northern Evening Chronicle and Gazette\npublished: 2022-03-01\n---\n"
        (folder / f"story-{n:02d}.md").write_text(front + f"The council met on Tuesday for vote {n}.\n", encoding="utf-8")
    rc, out, _ = report(capsys, str(folder))
    assert rc == 0
    labels = CorpusApp([folder]).labels
    rows = {line.split()[1]: line for line in out.splitlines() if line.split()[1:2] and line.split()[1] in labels}
    assert len(rows) == 30
    for article_id, line in rows.items():
        assert line.split()[0] == labels[article_id]  # "AB" in both, not "B1" in one
        assert line.rstrip().endswith("2022-03-01")


def test_the_header_counts_the_stories_the_report_lists(tmp_path, capsys):
    """The header's count of stories is the "of N" of the stories below, those of one article too."""
    for folder, text in (("quake", "An earthquake struck Varenna on Monday, killing 12 people, officials said."),
                         ("quake2", "A quake hit Varenna on Monday and killed 12 people, the mayor said."),
                         ("budget", "The Zarovian parliament passed the 2027 budget after a long debate.")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "a.txt").write_text(text, encoding="utf-8")
    rc, out, _ = report(capsys, str(tmp_path), "--stories", "folders")
    assert rc == 0
    assert "3 stories (3 of one article)" in out.splitlines()[0]
