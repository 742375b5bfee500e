"""`corpus-tui export` (W3C Web Annotation JSON-LD) and the report's annotation section."""

from __future__ import annotations

import json

from annotate.notes import annotation_file as af
from annotate.notes.anchoring import make_anchor
from annotate.notes.annotations import Link, MentionEdit, Note, annotations_for_report, verdict_for
from annotate.corpus.loading import load_corpus
from annotate.model import Analysis, Discrepancy, EngineInfo, Evidence
from annotate.notes.web_annotation import run_export
from tui.cli import main

FIRST = "Ministers meet\n\nThe defence minister confirmed four helicopters arrived on Monday.\n"
SECOND = "Helicopters delivered\n\nFive helicopters were delivered, the defence minister said.\n"


def make_corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "first.txt").write_text(FIRST, encoding="utf-8")
    (folder / "second.txt").write_text(SECOND, encoding="utf-8")
    articles = {a.path.rsplit("/", 1)[-1]: a for a in load_corpus([folder]).articles}
    return folder, articles["first.txt"], articles["second.txt"]


def span(article, words):
    start = article.text.index(words)
    return make_anchor(article.id, article.text, start, start + len(words))


def discrepancy(first, second) -> Discrepancy:
    s1, s2 = first.text.index("four"), second.text.index("Five")
    return Discrepancy(
        id="number:helicopters:abc",
        kind="number",
        subject="helicopters",
        summary="helicopters: four vs five",
        severity="high",
        values={first.id: "four", second.id: "five"},
        evidence=[Evidence(first.id, s1, s1 + 4, "four"), Evidence(second.id, s2, s2 + 4, "Five")],
    )


def write_annotations(folder, first, second):
    items = [
        Note(id="note-1", targets=(span(first, "four helicopters"),), text="Check the count", tags=("numbers",)),
        verdict_for(discrepancy(first, second), "confirmed", "two outlets, two counts"),
        Link(id="link-1", a=span(first, "defence minister"), b=span(second, "defence minister")),
        MentionEdit(id="mention-1", action="add", target=span(first, "Monday"), label="DATE"),
    ]
    af.save(folder / "annotations.yaml", items, expected=None)
    return items


def test_export_writes_w3c_web_annotations(tmp_path):
    folder, first, second = make_corpus(tmp_path)
    write_annotations(folder, first, second)
    out = tmp_path / "out.jsonld"
    assert run_export([str(folder), "-o", str(out)]) == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert doc["type"] == "AnnotationCollection" and doc["total"] == 4
    by_id = {a["id"]: a for a in doc["first"]["items"]}
    note = by_id["urn:corpus-tui:note-1"]
    assert note["type"] == "Annotation" and note["motivation"] == "commenting"
    assert {"value": "numbers", "purpose": "tagging"}.items() <= note["body"][1].items()
    quote, position = note["target"]["selector"]
    assert quote["type"] == "TextQuoteSelector" and quote["exact"] == "four helicopters"
    assert first.text[position["start"] : position["end"]] == "four helicopters"
    assert note["target"]["source"].startswith("file://") and note["target"]["source"].endswith("first.txt")
    verdict = by_id["urn:corpus-tui:verdict:number:helicopters:abc"]
    assert verdict["motivation"] == "assessing" and len(verdict["target"]) == 2
    assert by_id["urn:corpus-tui:link-1"]["motivation"] == "linking"


def test_export_follows_edited_articles(tmp_path):
    folder, first, second = make_corpus(tmp_path)
    write_annotations(folder, first, second)
    (folder / "first.txt").write_text(FIRST.replace("\n\n", "\n\nA new opening paragraph.\n\n", 1), encoding="utf-8")
    out = tmp_path / "out.jsonld"
    assert main(["export", str(folder), "-o", str(out)]) == 0
    edited = load_corpus([folder / "first.txt"]).articles[0].text
    note = json.loads(out.read_text())["first"]["items"][0]
    position = note["target"]["selector"][1]
    assert edited[position["start"] : position["end"]] == "four helicopters"


def test_export_gives_the_collection_and_its_page_an_id(tmp_path):
    folder, first, second = make_corpus(tmp_path)
    write_annotations(folder, first, second)
    out = tmp_path / "out.jsonld"
    assert run_export([str(folder), "-o", str(out)]) == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["id"] == (folder / "annotations.yaml").resolve().as_uri()
    assert doc["first"]["id"].startswith(doc["id"]) and doc["first"]["id"] != doc["id"]
    assert doc["first"]["partOf"] == doc["id"]


def test_export_places_verdict_evidence_in_the_edited_text_with_context(tmp_path):
    folder, first, second = make_corpus(tmp_path)
    write_annotations(folder, first, second)
    (folder / "first.txt").write_text(FIRST.replace("\n\n", "\n\nA new opening paragraph.\n\n", 1), encoding="utf-8")
    out = tmp_path / "out.jsonld"
    assert run_export([str(folder), "-o", str(out)]) == 0
    edited = load_corpus([folder / "first.txt"]).articles[0].text
    verdict = next(a for a in json.loads(out.read_text())["first"]["items"] if a["motivation"] == "assessing")
    target = next(t for t in verdict["target"] if t["source"].endswith("first.txt"))
    quote, position = target["selector"]
    assert edited[position["start"] : position["end"]] == "four"
    assert quote["prefix"] == edited[max(0, position["start"] - 32) : position["start"]]
    assert quote["suffix"] == edited[position["end"] : position["end"] + 32]


def test_export_refuses_a_broken_file_and_leaves_it(tmp_path, capsys):
    folder, first, second = make_corpus(tmp_path)
    (folder / "annotations.yaml").write_text("version: 1\nnotes: [\n")
    assert run_export([str(folder)]) == 1
    assert "annotations.yaml, line" in capsys.readouterr().err
    assert (folder / "annotations.yaml").read_text() == "version: 1\nnotes: [\n"


def test_report_data_has_positions_statuses_and_verdicts(tmp_path):
    folder, first, second = make_corpus(tmp_path)
    write_annotations(folder, first, second)
    edited = first.__class__(**{**{f: getattr(first, f) for f in first.__slots__}, "text": "Intro.\n" + first.text})
    analysis = Analysis(
        articles=[edited, second],
        mentions=[],
        entities=[],
        discrepancies=[discrepancy(first, second)],
        engine=EngineInfo("0", "test"),
    )
    data = annotations_for_report(analysis, folder / "annotations.yaml")
    assert data["error"] is None
    target = data["notes"][0]["targets"][0]
    assert target["status"] == "moved" and data["notes"][0]["status"] == "moved"
    assert edited.text[target["start"] : target["end"]] == "four helicopters"
    assert data["verdicts"]["number:helicopters:abc"]["verdict"] == "confirmed"
    assert data["verdicts"]["number:helicopters:abc"]["current"] is True
    assert data["links"][0]["b"]["status"] == "anchored"
    assert data["counts"] == {"anchored": 1, "moved": 3, "changed": 0, "orphaned": 0}


def test_report_data_names_a_broken_file(tmp_path):
    folder, first, second = make_corpus(tmp_path)
    (folder / "annotations.yaml").write_text("version: 9\n")
    analysis = Analysis(articles=[first, second], mentions=[], entities=[], discrepancies=[], engine=EngineInfo("0", "t"))
    data = annotations_for_report(analysis, folder / "annotations.yaml")
    assert "line 1" in data["error"] and "newer" in data["error"]
    assert data["notes"] == []


def test_text_report_lists_each_annotation_with_its_positions_and_status(tmp_path, capsys):
    folder, first, second = make_corpus(tmp_path)
    write_annotations(folder, first, second)
    (folder / "first.txt").write_text(FIRST.replace("\n\n", "\n\nA new opening paragraph.\n\n", 1), encoding="utf-8")
    edited = load_corpus([folder / "first.txt"]).articles[0].text
    assert main(["report", str(folder), "--no-cache"]) == 0
    out = capsys.readouterr().out
    section = out[out.index("\nAnnotations") :]
    start = edited.index("four helicopters")
    assert "Check the count" in section
    assert f"moved    A {start}-{start + len('four helicopters')}" in section
    assert "“four helicopters”" in section and "verdict  confirmed" in section
