"""`corpus-tui report --schema`: a valid JSON Schema, the same as docs/, and reports that follow it."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import jsonschema
import pytest

from tui.cli import main

ROOT = Path(__file__).resolve().parent.parent
REAL_STORY = ROOT / "benchmarks" / "data" / "newswcl50" / "0"  # five real outlets, one event


def printed(capsys, *args: str) -> dict:
    capsys.readouterr()
    assert main(["report", *args]) == 0
    return json.loads(capsys.readouterr().out)


def test_schema_is_valid_and_is_the_one_in_docs(capsys):
    schema = printed(capsys, "--schema")
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema == json.loads((ROOT / "docs" / "report.schema.json").read_text(encoding="utf-8"))
    assert schema["properties"]["schema_version"] == {"const": 4}


@pytest.mark.parametrize("corpus", [ROOT / "corpus", REAL_STORY], ids=["bundled", "real-five-outlets"])
def test_reports_validate_against_the_schema(corpus, capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("CORPUS_TUI_CACHE_DIR", str(tmp_path))
    schema = printed(capsys, "--schema")
    report = printed(capsys, str(corpus), "--format", "json")
    jsonschema.validate(report, schema, cls=jsonschema.Draft202012Validator)
    assert report["discrepancies"] and report["entities"]
    # a name's cues are one object, there only when its words say something of its use
    names = [m for m in report["mentions"] if m["kind"] == "entity"]
    with_cues = [m for m in names if m["cues"] is not None]
    assert with_cues and len(with_cues) < len(names) / 2
    assert all(any(m["cues"].values()) for m in with_cues)
    # what the pipeline read for the detectors is the engine's, not the report's
    assert not {"words", "reported", "negations", "denials"} & set(report)


def test_a_report_that_breaks_the_contract_does_not_validate(capsys):
    schema = printed(capsys, "--schema")
    report = printed(capsys, str(ROOT / "corpus"), "--format", "json", "--no-cache")

    def broken(change) -> None:
        bad = copy.deepcopy(report)
        change(bad)
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(bad, schema, cls=jsonschema.Draft202012Validator)

    broken(lambda r: r["mentions"][0].update(start="twelve"))
    # the report has the fields the schema lists and no other, at every level
    broken(lambda r: r.update(words={}))
    broken(lambda r: r["mentions"][0].update(honorific="mr"))
    cued = next(m for m in report["mentions"] if m["kind"] == "entity" and m["cues"])
    broken(lambda r: next(m for m in r["mentions"] if m["id"] == cued["id"])["cues"].update(capital_use="town"))
    # each kind has its own fields: a quote relabelled a name lacks a name's role and entity
    broken(lambda r: next(m for m in r["mentions"] if m["kind"] == "quote").update(kind="entity"))
    # what an article says is typed: a silent article is {"text": "", "reported": false}, no magic words
    omission = next(d for d in report["discrepancies"] if d["kind"] == "omission")
    broken(lambda r: next(d for d in r["discrepancies"] if d["id"] == omission["id"])["values"].update(
        {article: "not reported" for article, value in omission["values"].items() if not value["reported"]}))
