"""The reader's links, unlinks and mention edits change `report` exactly as they change the app."""

from __future__ import annotations

import json
from pathlib import Path

from annotate.notes import annotation_file as af
from annotate.notes.anchoring import make_anchor
from annotate.notes.annotations import MentionEdit, Unlink
from tests.pilot import wait_for_engine
from tui.app import CorpusApp
from tui.cli import main

def report(folder: Path, capsys) -> dict:
    capsys.readouterr()
    assert main(["report", str(folder), "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def anchor(data: dict, piece: dict):
    text = next(a["text"] for a in data["articles"] if a["id"] == piece["article"])
    return make_anchor(piece["article"], text, piece["start"], piece["end"])


def entity_at(data: dict, piece: dict) -> str | None:
    return next(
        m["entity"] for m in data["mentions"]
        if m["kind"] == "entity" and (m["article"], m["start"], m["end"]) == (piece["article"], piece["start"], piece["end"])
    )


def name_finding(data: dict) -> dict:
    """A spelling finding between two linked mentions in two articles."""
    for d in data["discrepancies"]:
        if d["kind"] == "name_variant" and len({e["article"] for e in d["evidence"]}) == 2:
            return d
    raise AssertionError("the seed corpus should have a name spelled two ways")


async def test_an_unlink_in_the_file_removes_the_name_finding_in_report_and_app(corpus, capsys):
    before = report(corpus, capsys)
    finding = name_finding(before)
    first, second = finding["evidence"][0], finding["evidence"][-1]
    assert entity_at(before, first) == entity_at(before, second)

    af.save(corpus / "annotations.yaml", [Unlink("unlink-1", anchor(before, first), anchor(before, second))], expected=None)
    after = report(corpus, capsys)
    assert finding["id"] not in {d["id"] for d in after["discrepancies"]}
    assert entity_at(after, first) != entity_at(after, second)
    assert len(after["discrepancies"]) < len(before["discrepancies"])

    app = CorpusApp([corpus])
    async with app.run_test(size=(160, 50)) as pilot:
        await wait_for_engine(pilot)
        shown = {d.id for d in app.index.discrepancies}
        assert shown == {d["id"] for d in after["discrepancies"]}


def test_a_removed_mention_stops_being_evidence(corpus, capsys):
    before = report(corpus, capsys)
    finding = next(d for d in before["discrepancies"] if d["kind"] == "number")
    piece = finding["evidence"][0]
    af.save(corpus / "annotations.yaml", [MentionEdit("mention-1", "remove", anchor(before, piece))], expected=None)
    after = report(corpus, capsys)
    cited = {(e["article"], e["start"], e["end"]) for d in after["discrepancies"] for e in d["evidence"]}
    assert (piece["article"], piece["start"], piece["end"]) not in cited
    assert (piece["article"], piece["start"], piece["end"]) not in {
        (m["article"], m["start"], m["end"]) for m in after["mentions"] if m["kind"] == "number"
    }


def test_a_removed_name_no_longer_says_what_the_article_reports(corpus, capsys):
    before = report(corpus, capsys)
    said = next(s for s in before["statements"] if not s["quoted"])
    names = [m for m in before["mentions"]
             if m["kind"] == "entity" and m["article"] == said["article"] and m["entity"] == said["speaker"]]
    speaker = min(names, key=lambda m: min(abs(m["start"] - said["end"]), abs(m["end"] - said["start"])))
    af.save(corpus / "annotations.yaml", [MentionEdit("mention-1", "remove", anchor(before, speaker))], expected=None)
    after = report(corpus, capsys)
    where = (said["article"], said["start"], said["end"])
    assert where not in {(s["article"], s["start"], s["end"]) for s in after["statements"]}
    assert len(after["statements"]) == len(before["statements"]) - 1
