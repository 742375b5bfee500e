"""``corpus-tui report``: the engine's findings without the UI, as text, JSON or YAML.

JSON/YAML follow the documented contract (README "Report JSON"); see
``analysis_to_dict``. Text is for a person at a terminal: grouped by kind,
aligned, coloured only when stdout is a terminal. Article text is data: it
is never parsed as markup and control characters are made visible.

Loader problems go to stderr; the exit status is non-zero only when nothing
could be read (1) or the command itself is wrong (2: unknown ``--model``).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, TextIO

from .model import DISCREPANCY_KINDS, Analysis, Discrepancy, Evidence
from .safe_text import escape_invisible, needs_escape, visible

KIND_TITLES = {
    "name_variant": "Names spelled differently",
    "role": "Titles and roles",
    "number": "Numbers",
    "date": "Dates",
    "quote": "Quotes",
    "claim": "Contradicting claims",
    "omission": "Reported by one article only",
}
SEVERITY_STYLES = {"high": "bold red", "medium": "yellow", "low": "dim"}


def run_report(args: argparse.Namespace) -> int:
    from .corpus import load_corpus_for_command
    from .engine import analyse

    corpus = load_corpus_for_command(args.paths, "report")
    if corpus is None:
        return 1
    bar = _progress()
    try:
        analysis = analyse(
            corpus.articles,
            model=getattr(args, "model", None),
            progress=bar,
            use_cache=not getattr(args, "no_cache", False),
            jobs=max(1, getattr(args, "jobs", 1) or 1),
            stage=bar.stage if bar else None,
        )
    except LookupError as e:  # pipeline.ModelNotFoundError: --model names nothing installed
        print(f"corpus-tui report: {visible(str(e))}", file=sys.stderr)
        return 2
    finally:
        if bar:
            bar.close()  # the phase line, before the report
    analysis.problems = list(corpus.problems) + [p for p in analysis.problems if p not in corpus.problems]
    annotations = _annotations(args, analysis)
    fmt = getattr(args, "format", "text") or "text"
    out = sys.stdout
    if fmt == "text":
        render_text(analysis, out, annotations=annotations)
    else:
        data = analysis_to_dict(analysis)
        if annotations is not None:
            _attach_verdicts(data, annotations)
            data["annotations"] = annotations
        write_utf8(out, to_json(data) if fmt == "json" else to_yaml(data))
    return 0


def to_json(data: Any) -> str:
    """JSON with no raw control, bidi or surrogate characters (they are ``\\u`` escapes)."""
    return escape_invisible(json.dumps(data, ensure_ascii=False, indent=2)) + "\n"


def to_yaml(data: Any) -> str:
    """YAML likewise: a string holding such characters is double-quoted, and they are escaped."""
    import yaml

    class Dumper(yaml.SafeDumper):
        pass

    def represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"' if needs_escape(value) else None)

    Dumper.add_representer(str, represent_str)
    return escape_invisible(yaml.dump(data, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=100))


def write_utf8(out: TextIO, text: str) -> None:
    """Machine-readable output is UTF-8 whatever the locale says (a strict or ASCII locale
    would fail on the first accented letter)."""
    buffer = getattr(out, "buffer", None)
    if buffer is None:
        out.write(text)
        return
    out.flush()
    buffer.write(text.encode("utf-8"))
    buffer.flush()


def _progress():
    try:
        from .progress import terminal_progress
    except ImportError:
        return None
    return terminal_progress()


def _annotations(args: argparse.Namespace, analysis: Analysis) -> dict | None:
    """The reader's annotation file, resolved against this corpus (None when there is none)."""
    try:
        from .annotation_file import default_path
        from .annotations import annotations_for_report
    except ImportError:
        return None
    explicit = getattr(args, "annotations", None)
    path = Path(explicit) if explicit else default_path(args.paths)
    if not explicit and not path.exists():
        return None
    data = annotations_for_report(analysis, path)
    if data.get("error"):
        print(f"corpus-tui report: annotations: {visible(str(data['error']))}", file=sys.stderr)
    return data


def _attach_verdicts(data: dict, annotations: dict) -> None:
    verdicts = annotations.get("verdicts") or {}
    for d in data["discrepancies"]:
        v = verdicts.get(d["id"])
        if v:
            d["verdict"] = {"verdict": v.get("verdict"), "note": v.get("note")}


# -- JSON / YAML ---------------------------------------------------------------------
def analysis_to_dict(analysis: Analysis) -> dict[str, Any]:
    """The report contract: plain dicts, lists, strings and numbers only."""
    return {
        "articles": [
            {
                "id": a.id,
                "path": _printable_path(a.path),
                "title": a.title,
                "source": a.source,
                "published": a.published.isoformat() if a.published else None,
                "url": a.url,
                "encoding": a.encoding,
                "text": a.text,
            }
            for a in analysis.articles
        ],
        "mentions": [
            {
                "id": m.id,
                "article": m.article,
                "start": m.start,
                "end": m.end,
                "text": m.text,
                "kind": m.kind,
                "label": m.label,
                "entity": m.entity,
                "value": _plain(m.value),
                "speaker": m.speaker,
                "role": m.role,
                "counts": m.counts,
                "qualifier": m.qualifier,
                "granularity": m.granularity,
            }
            for m in analysis.mentions
        ],
        "entities": [{"id": e.id, "name": e.name, "label": e.label, "mentions": list(e.mentions)} for e in analysis.entities],
        "discrepancies": [
            {
                "id": d.id,
                "kind": d.kind,
                "subject": d.subject,
                "summary": d.summary,
                "severity": d.severity,
                "values": dict(d.values),
                "evidence": [_evidence(e) for e in d.evidence],
            }
            for d in analysis.discrepancies
        ],
        "corroborations": [{"subject": c.subject, "evidence": [_evidence(e) for e in c.evidence]} for c in analysis.corroborations],
        "stories": [list(s) for s in analysis.stories],
        "problems": [{"path": _printable_path(p.path), "message": p.message, "severity": p.severity} for p in analysis.problems],
        "engine": {"version": analysis.engine.version, "pipeline": analysis.engine.pipeline},
    }


def _printable_path(path: str) -> str:
    """File names that are not valid UTF-8 reach us with lone surrogates; show their bytes."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _evidence(e: Evidence) -> dict[str, Any]:
    return {"article": e.article, "start": e.start, "end": e.end, "text": e.text}


def _plain(value: Any) -> Any:
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


# -- text ----------------------------------------------------------------------------
def render_text(analysis: Analysis, out: TextIO, *, annotations: dict | None = None, color: bool | None = None) -> None:
    """The human report. Colour only when ``out`` is a terminal (or ``color`` says so)."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    tty = out.isatty() if color is None else color
    console = Console(
        file=out,
        force_terminal=tty,
        no_color=not tty,
        color_system="auto" if tty else None,
        width=None if tty else 120,
        markup=False,
        emoji=False,
        highlight=False,
        soft_wrap=not tty,  # piped: one line per item, for grep and diff
    )
    letters = _article_letters(analysis)
    n_stories = len([s for s in analysis.stories if len(s) > 1]) or (1 if len(analysis.articles) > 1 else 0)
    console.print(
        Text.assemble(
            ("corpus-tui report", "bold"),
            f"  {_count(len(analysis.articles), 'article')} · {_count(len(analysis.entities), 'entity', 'entities')} · "
            f"{_count(len(analysis.discrepancies), 'discrepancy', 'discrepancies')} · {_count(n_stories, 'story', 'stories')} · "
            f"engine {analysis.engine.version} ({visible(analysis.engine.pipeline)})",
        )
    )

    console.print(_heading("Articles"))
    table = Table.grid(padding=(0, 2))
    for _ in range(4):
        table.add_column()
    for a in analysis.articles:
        meta = " · ".join(x for x in (a.source, a.published.isoformat() if a.published else None) if x) or "no source or date"
        table.add_row(
            Text(letters[a.id], style="bold"),
            Text(_clean(a.id, 40), style="cyan"),
            Text(_clean(a.title, 70)),
            Text(_clean(meta, 40), style="dim"),
        )
    console.print(table)

    shared = _linked_entities(analysis)
    console.print(_heading(f"Linked across articles ({len(shared)})"))
    table = Table.grid(padding=(0, 2))
    table.add_column()
    table.add_column(style="dim")
    table.add_column()
    for entity, forms in shared:
        table.add_row(
            Text(_clean(entity.name, 40), style="bold"),
            Text(entity.label),
            Text("   ".join(f"{letters[aid]}: " + ", ".join(_clean(f, 30) for f in fs) for aid, fs in forms.items())),
        )
    console.print(table)

    verdicts = (annotations or {}).get("verdicts") or {}
    by_kind: dict[str, list[Discrepancy]] = defaultdict(list)
    for d in analysis.discrepancies:
        by_kind[d.kind].append(d)
    console.print(_heading(f"Discrepancies ({len(analysis.discrepancies)})"))
    if not analysis.discrepancies:
        console.print(Text("  none found", style="dim"))
    for kind in DISCREPANCY_KINDS:
        items = by_kind.get(kind)
        if not items:
            continue
        console.print(Text(f"  {KIND_TITLES.get(kind, kind)} ({len(items)})", style="bold underline"))
        for d in items:
            line = Text("    ")
            line.append(f"{d.severity:<6}", style=SEVERITY_STYLES.get(d.severity, ""))
            line.append(" ")
            line.append(_clean(d.summary, 200))
            line.append(f"  [{d.id}]", style="dim")
            verdict = verdicts.get(d.id)
            if verdict:
                line.append(f"  {verdict.get('verdict')}", style="magenta")
            console.print(line)
            for e in d.evidence:
                ev = Text("           ")
                ev.append(f"{letters.get(e.article, '?')} {e.start:>6}-{e.end:<6} ", style="dim")
                ev.append(_clean(e.text, 100), style="italic")
                console.print(ev)

    if analysis.corroborations:
        console.print(_heading(f"Told the same way ({len(analysis.corroborations)})"))
        for c in analysis.corroborations:
            line = Text("    ")
            line.append(_clean(c.subject, 50), style="green")
            line.append(": " + " = ".join(f'{letters.get(e.article, "?")} "{_clean(e.text, 50)}"' for e in c.evidence))
            console.print(line)

    if annotations is not None:
        counts = annotations.get("counts") or {}
        console.print(_heading("Annotations"))
        console.print(
            Text(
                f"    {len(annotations.get('notes') or [])} notes, {len(verdicts)} verdicts; spans "
                + ", ".join(f"{k} {v}" for k, v in counts.items())
            )
        )


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def _heading(title: str):
    from rich.text import Text

    return Text("\n" + title, style="bold")


def _clean(text: str | None, limit: int) -> str:
    """One line of data, control characters made visible, shortened to ``limit``."""
    flat = " ".join(visible(text or "").split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _article_letters(analysis: Analysis) -> dict[str, str]:
    """Short names for articles in the text report: A, B, ... Z, then A1, B1, ..."""
    out = {}
    for i, a in enumerate(analysis.articles):
        letter = chr(ord("A") + i % 26)
        out[a.id] = letter if i < 26 else f"{letter}{i // 26}"
    return out


def _linked_entities(analysis: Analysis):
    """Entities seen in two or more articles, with the forms each article uses."""
    by_id = {m.id: m for m in analysis.mentions}
    out = []
    for e in analysis.entities:
        forms: dict[str, Counter] = defaultdict(Counter)
        for mid in e.mentions:
            m = by_id.get(mid)
            if m:
                forms[m.article][m.text] += 1
        if len(forms) > 1:
            order = {a.id: i for i, a in enumerate(analysis.articles)}
            out.append((e, {aid: [f for f, _ in c.most_common()] for aid, c in sorted(forms.items(), key=lambda kv: order.get(kv[0], 0))}))
    return out
