"""The annotation file: round trips, readable YAML, atomic saves, hostile input."""

from __future__ import annotations

import os
from pathlib import Path
import time

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from annotate.notes import annotation_file as af
from annotate.notes.anchoring import make_anchor
from annotate.notes.annotations import Link, MentionEdit, Note, Unlink, Verdict
from annotate.model import Evidence

TEXT = 'Intro line.\nThe minister said "we will decide" on Monday.\nSecond paragraph: 4,000 troops.\n'


def anchor(words: str, article: str = "a"):
    start = TEXT.index(words)
    return make_anchor(article, TEXT, start, start + len(words))


def sample_items():
    return [
        Note(
            id="note-1",
            targets=(anchor("The minister"), anchor("4,000 troops")),
            text="Two lines:\nthe second one.",
            tags=("check", "numbers"),
            created="2026-01-02T10:00:00Z",
        ),
        Verdict(
            discrepancy="number:troops:1a2b",
            verdict="explained",
            note="One counts soldiers, the other all personnel.",
            summary="troops: 4,000 vs 3,000",
            evidence=(Evidence("a", 58, 70, "4,000 troops"), Evidence("b", 10, 22, "3,000 troops")),
            created="2026-01-02T10:01:00Z",
        ),
        Link(id="link-1", a=anchor("The minister"), b=anchor("minister", "b"), created="2026-01-02T10:02:00Z"),
        Unlink(id="unlink-1", a=anchor("Monday"), b=anchor("Monday", "b"), note="different Mondays"),
        MentionEdit(id="mention-1", action="add", target=anchor("Second paragraph"), label="EVENT"),
        MentionEdit(id="mention-2", action="remove", target=anchor("Intro")),
    ]


def test_round_trip_keeps_every_field(tmp_path):
    path = tmp_path / "annotations.yaml"
    items = sample_items()
    af.save(path, items, expected=None)
    loaded = af.load(path)
    assert sorted(loaded.items, key=lambda i: i.id) == sorted(items, key=lambda i: i.id)
    assert loaded.fingerprint == af.fingerprint(path)


def test_file_is_readable_block_yaml_with_stable_order(tmp_path):
    text = af.dumps(sample_items())
    assert text == af.dumps(list(reversed(sample_items())))  # order does not depend on insertion
    assert "{" not in text and "[" not in text  # block style only
    assert "text: |-\n      Two lines:\n      the second one." in text  # multi-line note as a block
    data = yaml.safe_load(text)
    assert data["version"] == 1
    assert list(data) == ["version", "notes", "verdicts", "links", "unlinks", "mentions"]
    assert data["verdicts"]["number:troops:1a2b"]["evidence"][0]["text"] == "4,000 troops"
    target = data["notes"][0]["targets"][0]
    assert list(target) == ["article", "sha256", "start", "end", "exact", "prefix", "suffix"]
    assert target["exact"] == "The minister" and target["prefix"] == "Intro line.\n"


@settings(max_examples=150, deadline=None)
@given(note=st.text(), tag=st.text(min_size=1), exact=st.text(min_size=1))
def test_any_text_round_trips_exactly(note, tag, exact):
    text = "before " + exact + " after"
    a = make_anchor("a", text, 7, 7 + len(exact))
    item = Note(id="n", targets=(a,), text=note, tags=(tag,))
    assert af.parse(af.dumps([item])) == [item]


def test_missing_file_is_empty(tmp_path):
    loaded = af.load(tmp_path / "annotations.yaml")
    assert loaded.items == [] and loaded.fingerprint is None


def test_save_keeps_previous_file_as_backup(tmp_path):
    path = tmp_path / "annotations.yaml"
    first = af.save(path, sample_items()[:1], expected=None)
    old = path.read_bytes()
    af.save(path, sample_items(), expected=first)
    assert af.backup_path(path).read_bytes() == old
    assert len(af.load(path).items) == len(sample_items())


@pytest.mark.parametrize("failing", ["write", "fsync", "replace"])
def test_a_save_failing_half_way_leaves_the_old_file_intact(tmp_path, monkeypatch, failing):
    path = tmp_path / "annotations.yaml"
    fp = af.save(path, sample_items()[:2], expected=None)
    before = path.read_bytes()

    def boom(*args, **kwargs):
        raise OSError(28, "No space left on device")

    if failing == "write":
        real_fdopen = os.fdopen

        class HalfWriter:
            def __init__(self, f):
                self.f = f

            def __enter__(self):
                return self

            def __exit__(self, *exc):
                self.f.close()

            def write(self, data):
                self.f.write(data[: len(data) // 2])
                raise OSError(28, "No space left on device")

            def __getattr__(self, name):
                return getattr(self.f, name)

        monkeypatch.setattr(af.os, "fdopen", lambda *a, **k: HalfWriter(real_fdopen(*a, **k)))
    elif failing == "fsync":
        monkeypatch.setattr(af.os, "fsync", boom)
    else:
        monkeypatch.setattr(af.os, "replace", boom)
    with pytest.raises(af.AnnotationSaveError, match="previous file is unchanged"):
        af.save(path, sample_items(), expected=fp)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(".bak")) == ["annotations.yaml"]


def test_file_changed_on_disk_is_not_clobbered(tmp_path):
    path = tmp_path / "annotations.yaml"
    fp = af.save(path, sample_items()[:1], expected=None)
    path.write_text(path.read_text() + "# edited by hand in another editor\n")
    edited = path.read_bytes()
    with pytest.raises(af.FileChangedError):
        af.save(path, sample_items(), expected=fp)
    assert path.read_bytes() == edited
    af.save(path, sample_items(), expected=fp, force=True)  # the user chose to overwrite
    assert len(af.load(path).items) == len(sample_items())


def test_file_created_by_someone_else_after_loading_is_not_clobbered(tmp_path):
    path = tmp_path / "annotations.yaml"
    assert af.load(path).fingerprint is None
    path.write_text("version: 1\n")
    with pytest.raises(af.FileChangedError):
        af.save(path, sample_items(), expected=None)


def test_symlinked_file_is_saved_through_the_link(tmp_path):
    real = tmp_path / "real.yaml"
    fp = af.save(real, [], expected=None)
    link = tmp_path / "annotations.yaml"
    link.symlink_to(real)
    af.save(link, sample_items(), expected=fp)
    assert link.is_symlink() and len(af.load(real).items) == len(sample_items())


# -- malformed and hostile files -------------------------------------------------


def error_for(tmp_path, content: str | bytes) -> af.AnnotationFileError:
    path = tmp_path / "annotations.yaml"
    if isinstance(content, str):
        content = content.encode()
    path.write_bytes(content)
    with pytest.raises(af.AnnotationFileError) as info:
        af.load(path)
    assert path.read_bytes() == content  # loading never touches the file
    return info.value


def valid_text() -> str:
    return af.dumps(sample_items())


def test_broken_yaml_names_the_line(tmp_path):
    text = valid_text().replace("    text: |-", "    text: [unclosed", 1)
    err = error_for(tmp_path, text)
    assert err.line is not None and "not valid YAML" in str(err)
    assert f"line {err.line}" in str(err)


def test_wrong_type_names_line_and_field(tmp_path):
    lines = valid_text().splitlines(keepends=True)
    i = next(n for n, line in enumerate(lines) if line.strip().startswith("start:"))
    lines[i] = lines[i].split(":")[0] + ": twelve\n"
    err = error_for(tmp_path, "".join(lines))
    assert err.line == i + 1
    assert err.field == "notes[0].targets[0].start"
    assert "whole number" in str(err) and "twelve" in str(err)


def test_unknown_verdict_is_refused_with_its_field(tmp_path):
    err = error_for(tmp_path, valid_text().replace("verdict: explained", "verdict: maybe"))
    assert err.field == "verdicts.number:troops:1a2b.verdict"
    assert "confirmed, dismissed, explained" in str(err)


def test_missing_required_field(tmp_path):
    err = error_for(tmp_path, "version: 1\nnotes:\n  - id: n1\n    text: hi\n")
    assert err.field == "notes[0].targets" and err.line == 3


def test_unknown_field_is_refused_so_nothing_is_lost_on_save(tmp_path):
    err = error_for(tmp_path, "version: 1\ncolour: blue\n")
    assert err.field == "colour" and err.line == 2


def test_duplicate_keys_are_refused(tmp_path):
    err = error_for(tmp_path, "version: 1\nversion: 1\n")
    assert "twice" in str(err) and err.line == 2


def test_duplicate_ids_are_refused(tmp_path):
    text = valid_text().replace("id: link-1", "id: note-1")
    assert "used twice" in str(error_for(tmp_path, text))


def test_not_a_mapping(tmp_path):
    assert "expected a mapping" in str(error_for(tmp_path, "- just\n- a list\n"))


def test_newer_schema_is_refused(tmp_path):
    err = error_for(tmp_path, "version: 2\nnotes: []\nfuture_section: {}\n")
    assert isinstance(err, af.NewerSchemaError)
    assert err.field == "version" and err.line == 1 and "newer corpus-tui" in str(err)


def test_python_tags_are_not_executed(tmp_path):
    err = error_for(tmp_path, "version: 1\nnotes: !!python/object/apply:os.system ['echo pwned']\n")
    assert err.line == 2


def test_not_utf8(tmp_path):
    err = error_for(tmp_path, b"version: 1\nnotes:\n  - id: caf\xe9\n")
    assert "UTF-8" in str(err) and err.line == 3


def test_billion_laughs_is_refused_quickly(tmp_path):
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        lines.append(f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]")
    began = time.monotonic()
    err = error_for(tmp_path, "\n".join(lines) + "\n")
    assert time.monotonic() - began < 2
    assert "alias" in str(err) and err.line == 2


def test_deep_nesting_is_refused(tmp_path):
    err = error_for(tmp_path, "version: 1\nnotes: " + "[" * 5000 + "]" * 5000 + "\n")
    assert "nested" in str(err)


def test_oversized_file_is_refused_without_parsing(tmp_path):
    path = tmp_path / "annotations.yaml"
    with open(path, "wb") as f:
        f.write(b"version: 1\n")
        f.seek(af.MAX_BYTES + 10)
        f.write(b"\n")
    began = time.monotonic()
    with pytest.raises(af.AnnotationFileError, match="limited to"):
        af.load(path)
    assert time.monotonic() - began < 1


def test_empty_file_is_empty(tmp_path):
    path = tmp_path / "annotations.yaml"
    path.write_text("# nothing yet\n")
    assert af.load(path).items == []


def test_default_path_is_in_the_corpus_folder(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    assert af.default_path([tmp_path]) == tmp_path / "annotations.yaml"
    assert af.default_path([tmp_path / "a.txt"]) == tmp_path / "annotations.yaml"


@settings(max_examples=100, deadline=None)
@given(
    key=st.text(min_size=1, max_size=20),
    article=st.text(min_size=1, max_size=20),
    label=st.sampled_from(["PERSON", "null", "true", "1e3", "0x1F", "~", "- x", "#x", "a: b"]),
    note=st.text(max_size=80),
)
def test_every_kind_round_trips_with_awkward_ids(key, article, label, note):
    """Ids and labels that YAML would read as numbers, booleans or null stay text."""
    text = "The minister said so."
    a = make_anchor(article, text, 4, 12)
    items = [
        Note(id=key, targets=(a,), text=note, tags=(label,)),
        Verdict(discrepancy=label + key, verdict="dismissed", note=note, evidence=(Evidence(article, 4, 12, "minister"),)),
        Link(id=key + "-l", a=a, b=a, note=note),
        Unlink(id=key + "-u", a=a, b=a),
        MentionEdit(id=key + "-m", action="add", target=a, label=label),
    ]
    assert sorted(af.parse(af.dumps(items)), key=lambda i: i.id) == sorted(items, key=lambda i: i.id)


# -- what the loader would refuse is never written; special files; backups --------


def test_an_empty_span_is_refused_with_line_and_field(tmp_path):
    text = af.dumps(sample_items()).replace("exact: The minister", "exact: ''", 1)
    e = error_for(tmp_path, text)
    assert e.field == "notes[0].targets[0].exact" and e.line is not None
    assert "empty" in str(e)
    start = text.index("start:", text.index("notes:"))
    same = text[:start] + text[start:].replace("end:", "end: 0 #", 1).replace("start:", "start: 0 #", 1)
    assert error_for(tmp_path, same).field == "notes[0].targets[0].end"


def test_report_and_export_explain_an_empty_span_instead_of_crashing(tmp_path, capsys):
    from annotate.report import run_report
    from annotate.notes.web_annotation import run_export
    import argparse

    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text(TEXT)
    (corpus / "annotations.yaml").write_text(af.dumps(sample_items()[:1]).replace("exact: The minister", "exact: ''"))
    args = argparse.Namespace(paths=[str(corpus)], format="json", model=None, jobs=1, no_cache=True, annotations=None)
    assert run_report(args) == 0
    out = capsys.readouterr()
    assert "field 'notes[0].targets[0].exact'" in out.err
    assert run_export([str(corpus)]) == 1
    assert "field 'notes[0].targets[0].exact'" in capsys.readouterr().err


def test_a_named_pipe_is_refused_at_once(tmp_path):
    path = tmp_path / "annotations.yaml"
    os.mkfifo(path)
    started = time.monotonic()
    with pytest.raises(af.AnnotationFileError, match="not a regular file"):
        af.load(path)
    assert time.monotonic() - started < 2
    assert af.fingerprint(path) != None  # noqa: E711 - never "no file", never equal to a saved one


def test_a_link_to_an_endless_device_is_refused(tmp_path):
    path = tmp_path / "annotations.yaml"
    path.symlink_to("/dev/zero")
    with pytest.raises(af.AnnotationFileError, match="not a regular file"):
        af.load(path)


def test_a_note_the_loader_would_refuse_is_not_saved(tmp_path):
    from dataclasses import replace

    path = tmp_path / "annotations.yaml"
    fp = af.save(path, sample_items()[:1], expected=None)
    before = path.read_bytes()
    bad = replace(sample_items()[0], id="note-bad", text="pasted \udcff byte")
    with pytest.raises(af.AnnotationSaveError, match="note-bad") as info:
        af.save(path, [bad], expected=fp)
    assert "U+DCFF" in str(info.value) and not str(info.value).startswith("[Errno")
    huge = [replace(sample_items()[0], id=f"note-{n}", text="x" * 100_000) for n in range(90)]
    with pytest.raises(af.AnnotationSaveError, match="MB"):
        af.save(path, huge, expected=fp)
    assert path.read_bytes() == before
    assert af.load(path).items  # still loads


def test_a_disk_full_message_reads_as_a_sentence(tmp_path, monkeypatch):
    path = tmp_path / "annotations.yaml"

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(af.os, "fsync", full)
    with pytest.raises(af.AnnotationSaveError) as info:
        af.save(path, sample_items(), expected=None)
    assert str(info.value).startswith("could not save") and "No space left on device" in str(info.value)


def test_backups_keep_the_files_mode_and_several_generations(tmp_path):
    path = tmp_path / "annotations.yaml"
    fp = af.save(path, sample_items()[:1], expected=None)
    os.chmod(path, 0o644)
    versions = [path.read_bytes()]
    for n in range(2, 6):
        fp = af.save(path, sample_items()[:n], expected=fp)
        versions.append(path.read_bytes())
    assert os.stat(af.backup_path(path)).st_mode & 0o777 == 0o644
    assert af.backup_path(path).read_bytes() == versions[-2]
    assert af.backup_path(path, 2).read_bytes() == versions[-3]
    assert af.backup_path(path, 4).read_bytes() == versions[0]


def test_temporary_files_of_a_killed_save_are_removed_by_the_next(tmp_path):
    import subprocess
    import sys

    path = tmp_path / "annotations.yaml"
    fp = af.save(path, sample_items()[:1], expected=None)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    pid = int(dead.stdout)
    left = [tmp_path / f".annotations.yaml.{pid}.abc123.tmp", tmp_path / f".annotations.yaml.{pid}.xyz.bak.tmp"]
    for stale in left:
        stale.write_text("half a file")
    alive = tmp_path / f".annotations.yaml.{os.getppid()}.live.tmp"  # another instance, saving now
    alive.write_text("being written")
    mine = tmp_path / "notes.tmp"  # not ours at all
    mine.write_text("keep")
    af.save(path, sample_items(), expected=fp)
    assert not any(p.exists() for p in left)
    assert alive.exists() and mine.exists()


# -- the typed format: every refusal names the file, the line and the field -------------


def _edited(old: str, new: str) -> tuple[str, int]:
    """A valid file with its first ``old`` replaced by ``new``, and the line of the edit."""
    text = valid_text()
    at = text.index(old)
    return text[:at] + new + text[at + len(old) :], text.count("\n", 0, at) + 1


@pytest.mark.parametrize(
    "old, new, field",
    [
        ("start: ", "start: twelve #", "notes[0].targets[0].start"),  # wrong type
        ("verdict: explained", "verdict: maybe", "verdicts.number:troops:1a2b.verdict"),  # unknown verdict kind
        ("action: add", "action: move", "mentions[0].action"),
        ("    a:\n", "    c:\n", "links[0].c"),  # a misspelt field
        ("end: ", "end: 0 #", "notes[0].targets[0].end"),  # a bad anchor: not after its start
        ("exact: The minister", "exact: ''", "notes[0].targets[0].exact"),  # a bad anchor: no words
        ("label: EVENT", "label: ''", "mentions[0].label"),  # an added mention without a label
    ],
    ids=["wrong-type", "unknown-verdict", "unknown-action", "unknown-field", "end-before-start", "empty-span", "no-label"],
)
def test_a_bad_file_is_refused_naming_file_line_and_field(tmp_path, old, new, field):
    text, line = _edited(old, new)
    err = error_for(tmp_path, text)
    assert (err.line, err.field) == (line, field)
    assert str(err).startswith(f"{tmp_path / 'annotations.yaml'}, line {line}, field '{field}': ")


def test_a_missing_field_is_named_on_the_line_of_what_lacks_it(tmp_path):
    text = valid_text()
    link = text.index("- id: link-1")
    a_at, b_at = text.index("    a:\n", link), text.index("    b:\n", link)
    err = error_for(tmp_path, text[:a_at] + text[b_at:])  # the link's first span is gone
    assert err.field == "links[0].a" and err.line == text.count("\n", 0, link) + 1
    assert "this field is required (a mention span)" in str(err)


def test_a_span_that_is_not_a_mapping_is_refused(tmp_path):
    text = valid_text()
    a_at, b_at = text.index("    a:\n"), text.index("    b:\n")
    err = error_for(tmp_path, text[:a_at] + "    a: the minister\n" + text[b_at:])
    assert err.field == "links[0].a" and err.line == text.count("\n", 0, a_at) + 1
    assert "expected a mapping of fields, found the text 'the minister'" in str(err)


def test_the_first_problem_in_the_file_is_the_one_named(tmp_path):
    text, line = _edited("start: ", "start: twelve #")
    text = text.replace("verdict: explained", "verdict: maybe")
    assert error_for(tmp_path, text).line == line


def test_the_files_schema_in_docs_is_generated_from_the_format():
    import json

    import jsonschema

    from annotate.notes.annotation_format import json_schema

    schema = json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    docs = Path(__file__).resolve().parent.parent / "docs" / "annotations.schema.json"
    assert json.loads(docs.read_text(encoding="utf-8")) == schema, (
        "regenerate: python -c 'import json; from annotate.notes.annotation_format import json_schema; "
        "print(json.dumps(json_schema(), indent=2, ensure_ascii=False))' > docs/annotations.schema.json"
    )
    jsonschema.validate(yaml.safe_load(valid_text()), schema, cls=jsonschema.Draft202012Validator)
    broken = yaml.safe_load(valid_text().replace("verdict: explained", "verdict: maybe"))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema, cls=jsonschema.Draft202012Validator)


def test_the_file_and_the_records_have_the_same_fields():
    """A field added to a record but not to the file's format would be lost on save."""
    from dataclasses import fields

    from annotate.notes import annotation_format as fmt
    from annotate.notes.anchoring import Anchor

    def names(cls) -> set[str]:
        return {f.name for f in fields(cls)}

    assert names(Anchor) == set(fmt.AnchorEntry.model_fields)
    assert names(Evidence) == set(fmt.EvidenceEntry.model_fields)
    assert names(Note) == set(fmt.NoteEntry.model_fields)
    assert names(Link) == names(Unlink) == set(fmt.PairEntry.model_fields)
    assert names(MentionEdit) == set(fmt.MentionEntry.model_fields)
    assert names(Verdict) == {"discrepancy", *fmt.VerdictEntry.model_fields}
