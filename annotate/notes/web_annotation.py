"""``corpus-tui export``: the reader's annotations as W3C Web Annotation JSON-LD.

One ``AnnotationCollection`` holding every note, verdict, link, unlink and
mention edit, each targeting article spans with a ``TextQuoteSelector``
(exact, prefix, suffix) and a ``TextPositionSelector`` (start, end in code
points), placed in the articles' current text. W3C has no term for a span
that can no longer be found, so such spans keep their saved selectors and the
collection's ``comment`` lists them. A verdict targets the evidence it judged,
found again in the current text the same way (with prefix and suffix).

The collection and its page have an ``id`` (the W3C model requires one): the
annotation file's URI when exported from a file, else a URN derived from the
annotations' ids.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from annotate.notes.anchoring import Anchor, Resolution, make_anchor, resolve
from annotate.notes.annotations import Annotation, Link, MentionEdit, MentionPair, Note, Verdict, reanchor
from annotate.model import Article, Evidence
from annotate.corpus.safe_text import escape_invisible, visible

CONTEXT = "http://www.w3.org/ns/anno.jsonld"


def to_collection(items: Sequence[Annotation], articles: Sequence[Article], collection_id: str | None = None) -> dict:
    """The JSON-LD document for ``items`` placed in ``articles``."""
    texts = {a.id: a.text for a in articles}
    sources = {a.id: _source(a) for a in articles}
    placed = reanchor(items, texts)
    lost: set[str] = set()
    annotations = [_annotation(item, placed.resolutions.get(item.id, ()), sources, texts, lost) for item in items]
    orphaned = sorted(lost | {i for i, rs in placed.resolutions.items() if any(not r.placed for r in rs)})
    if collection_id is None:
        digest = hashlib.sha256("\n".join(sorted(item.id for item in items)).encode("utf-8")).hexdigest()[:16]
        collection_id = f"urn:corpus-tui:collection:{digest}"
    collection: dict = {
        "@context": CONTEXT,
        "id": collection_id,
        "type": "AnnotationCollection",
        "label": "corpus-tui annotations",
        "total": len(annotations),
        "first": {
            "id": f"{collection_id}#page-1",
            "type": "AnnotationPage",
            "partOf": collection_id,
            "startIndex": 0,
            "items": annotations,
        },
    }
    if orphaned:
        collection["comment"] = "Spans not found in the current article text (saved selectors kept): " + ", ".join(
            orphaned
        )
    return collection


WEB_SCHEMES = ("http://", "https://")


def _source(article: Article) -> str:
    """The article's web address when it has one, else its file. Only a web address: a
    front-matter ``url`` of ``javascript:...`` or ``data:...`` would run in a viewer."""
    url = (article.url or "").strip()
    if url.lower().startswith(WEB_SCHEMES) and not any(c.isspace() or not c.isprintable() for c in url):
        return url
    return Path(article.path).resolve().as_uri()


def to_json_ld(collection: dict) -> str:
    """The document's text. No raw control or bidi characters; and ``<``, ``>``, ``&``
    escaped, so it can be embedded in an HTML ``<script>`` (a note saying
    ``</script>`` cannot end it)."""
    text = json.dumps(collection, ensure_ascii=False, indent=2)
    return escape_invisible(text).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") + "\n"


def _annotation(
    item: Annotation, resolved: Sequence[Resolution], sources: Mapping[str, str], texts: Mapping[str, str], lost: set[str]
) -> dict:
    out: dict = {"id": f"urn:corpus-tui:{item.id}", "type": "Annotation"}
    bodies: list[dict] = []
    targets = [_target(r, sources) for r in resolved]
    if isinstance(item, Note):
        out["motivation"] = "commenting" if item.text else "tagging"
        if item.text:
            bodies.append(_text(item.text, "commenting"))
        bodies += [_text(tag, "tagging") for tag in item.tags]
    elif isinstance(item, Verdict):
        out["motivation"] = "assessing"
        bodies.append(_text(item.verdict, "assessing"))
        bodies.append(_text(f"discrepancy {item.discrepancy}: {item.summary}".rstrip(": "), "identifying"))
        if item.note:
            bodies.append(_text(item.note, "commenting"))
        targets = [_evidence_target(e, sources, texts, lost, item.id) for e in item.evidence]
    elif isinstance(item, MentionPair):
        out["motivation"] = "linking"
        same = isinstance(item, Link)
        bodies.append(_text("same entity" if same else "not the same entity", "linking"))
        if item.note:
            bodies.append(_text(item.note, "commenting"))
    elif isinstance(item, MentionEdit):
        if item.action == "add":
            out["motivation"] = "identifying"
            bodies.append(_text(item.label, "classifying"))
        else:
            out["motivation"] = "editing"
            bodies.append(_text("not a mention" + (f" ({item.label})" if item.label else ""), "editing"))
    created = getattr(item, "created", "")
    if created:
        out["created"] = created
    modified = getattr(item, "modified", "")
    if modified:
        out["modified"] = modified
    if bodies:
        out["body"] = bodies[0] if len(bodies) == 1 else bodies
    out["target"] = targets[0] if len(targets) == 1 else targets
    return out


def _text(value: str, purpose: str) -> dict:
    return {"type": "TextualBody", "value": value, "format": "text/plain", "purpose": purpose}


def _target(r: Resolution, sources: Mapping[str, str]) -> dict:
    a: Anchor = r.anchor
    start, end = (r.start, r.end) if r.placed else (a.start, a.end)
    exact = r.text if r.placed and r.text is not None else a.exact
    quote: dict = {"type": "TextQuoteSelector", "exact": exact}
    if a.prefix:
        quote["prefix"] = a.prefix
    if a.suffix:
        quote["suffix"] = a.suffix
    return {
        "source": sources.get(a.article, f"urn:corpus-tui:article:{a.article}"),
        "selector": [quote, {"type": "TextPositionSelector", "start": start, "end": end}],
    }


def _evidence_target(e: Evidence, sources: Mapping[str, str], texts: Mapping[str, str], lost: set[str], item_id: str) -> dict:
    """The judged evidence where it is now (the article may have been edited since the verdict)."""
    text = texts.get(e.article)
    saved = Anchor(e.article, "", e.start, e.end, e.text)
    found = resolve(saved, text) if e.text else None
    if found is None or not found.placed or text is None or found.start is None or found.end is None:
        lost.add(item_id)
        return _target(Resolution(saved, "orphaned"), sources)
    fresh = make_anchor(e.article, text, found.start, found.end)
    return _target(Resolution(fresh, "anchored", fresh.start, fresh.end, fresh.exact), sources)


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="corpus-tui export",
        description="Write the reader's annotations as W3C Web Annotation JSON-LD.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders (the corpus)")
    p.add_argument("--annotations", metavar="PATH", help="annotation file (default: annotations.yaml in the corpus folder)")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")
    return p


def run_export(argv: Sequence[str]) -> int:
    """Exit status: 0 written, 1 the annotation file or corpus could not be read."""
    from annotate.notes.annotation_file import AnnotationFileError, default_path, load
    from annotate.corpus.loading import load_corpus_for_command

    args = _parser().parse_args(list(argv))
    path = Path(args.annotations) if args.annotations else default_path(args.paths)
    try:
        loaded = load(path)
    except AnnotationFileError as e:
        print(f"corpus-tui export: {e}", file=sys.stderr)
        return 1
    if loaded.fingerprint is None:
        print(f"corpus-tui export: no annotation file at {visible(str(path))}", file=sys.stderr)
        return 1
    corpus = load_corpus_for_command(args.paths, "export")
    if corpus is None:
        return 1
    collection = to_collection(loaded.items, corpus.articles, collection_id=path.resolve().as_uri())
    document = to_json_ld(collection)
    if args.output:
        try:
            Path(args.output).write_text(document, encoding="utf-8")
        except OSError as e:
            print(f"corpus-tui export: cannot write {visible(args.output)}: {e.strerror or e}", file=sys.stderr)
            return 1
    else:
        from annotate.report import write_utf8

        write_utf8(sys.stdout, document)
    return 0
