"""``corpus-tui report``: the engine's findings without the UI, as text, JSON or YAML.

JSON/YAML follow the documented contract (README "Report JSON"); see
``analysis_to_dict``. Text is for a person at a terminal: grouped by kind,
aligned, coloured only when stdout is a terminal. Article text is data: it
is never parsed as markup and control characters are made visible.

Loader problems and articles the engine failed on go to stderr; the exit status is non-zero only when nothing
could be read (1) or the command itself is wrong (2: unknown ``--model``).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, TextIO

from annotate.corpus.labels import article_labels, with_labels
from annotate.corpus.outlets import outlet_list
from annotate.model import DISCREPANCY_KINDS, Analysis, Discrepancy, kind_title
from annotate.corpus.safe_text import escape_invisible, needs_escape, visible

SEVERITY_STYLES = {"high": "bold red", "medium": "yellow", "low": "dim"}


def run_report(args: argparse.Namespace) -> int:
    from annotate.corpus.loading import load_corpus_for_command
    from annotate.engine import analyse

    if getattr(args, "schema", False):
        from annotate.schema import report_schema

        sys.stdout.write(json.dumps(report_schema(), ensure_ascii=False, indent=2) + "\n")
        return 0
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
            stories=getattr(args, "stories", "auto") or "auto",
            paths=args.paths,
        )
    except LookupError as e:  # pipeline.ModelNotFoundError: --model names nothing installed
        print(f"corpus-tui report: {visible(str(e))}", file=sys.stderr)
        return 2
    finally:
        if bar:
            bar.close()  # the phase line, before the report
    found = [p for p in analysis.problems if p not in corpus.problems]  # (the engine's: an article it failed on)
    for problem in found:
        print(f"corpus-tui report: {problem.severity}: {problem}", file=sys.stderr)
    analysis.problems = list(corpus.problems) + found
    analysis, annotations = _with_annotations(args, analysis)
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
    """YAML likewise: a string holding such characters is double-quoted, and they are escaped.
    A string of several lines (an article's text, a note) is a ``|`` block, line for line as
    the article has it (folded, every paragraph break read as two blank lines)."""
    import yaml

    class Dumper(yaml.SafeDumper):
        pass

    def represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
        style = '"' if needs_escape(value) else ("|" if "\n" in value else None)  # PyYAML quotes what a block cannot hold
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)

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
        from annotate.progress import terminal_progress
    except ImportError:
        return None
    return terminal_progress()


def _with_annotations(args: argparse.Namespace, analysis: Analysis) -> tuple[Analysis, dict | None]:
    """The analysis with the reader's links and mention edits applied (as the app shows it),
    and the annotation file as report data (None when there is none)."""
    try:
        from annotate.notes.annotation_file import AnnotationFileError, default_path
        from annotate.notes.annotations import annotations_for_report, load_placed
        from annotate.notes.reader_edits import mention_edits, with_reader_edits
    except ImportError:
        return analysis, None
    explicit = getattr(args, "annotations", None)
    path = Path(explicit) if explicit else default_path(args.paths)
    if not explicit and not path.exists():
        return analysis, None
    try:
        placed = load_placed(path, {a.id: a.text for a in analysis.articles})
    except AnnotationFileError as e:
        print(f"corpus-tui report: annotations: {visible(str(e))}", file=sys.stderr)
        return analysis, annotations_for_report(analysis, path)
    analysis = with_reader_edits(analysis, mention_edits(placed.items))
    return analysis, annotations_for_report(analysis, path, placed)


def _attach_verdicts(data: dict, annotations: dict) -> None:
    verdicts = annotations.get("verdicts") or {}
    for d in data["discrepancies"]:
        v = verdicts.get(d["id"])
        if v:
            d["verdict"] = {"verdict": v.get("verdict"), "note": v.get("note")}


# -- JSON / YAML ---------------------------------------------------------------------
def analysis_to_dict(analysis: Analysis) -> dict[str, Any]:
    """The report contract (``annotate.schema``): plain dicts, lists, strings and numbers only."""
    from annotate.schema import report_data

    return report_data(analysis)


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
    letters = article_labels(a.id for a in analysis.articles)  # the app labels its columns the same way
    # Every story the report lists below ("Story 3 of 45"), and how many are one article alone.
    stories = analysis.stories or ([[a.id for a in analysis.articles]] if analysis.articles else [])
    alone = sum(1 for story in stories if len(story) == 1)
    stories_told = _count(len(stories), "story", "stories") + (f" ({alone} of one article)" if alone and len(stories) > 1 else "")
    console.print(
        Text.assemble(
            ("corpus-tui report", "bold"),
            f"  {_count(len(analysis.articles), 'article')} · {_count(len(analysis.entities), 'entity', 'entities')} · "
            f"{_count(len(analysis.discrepancies), 'discrepancy', 'discrepancies')} · {stories_told} · "
            f"engine {analysis.engine.version} ({visible(analysis.engine.pipeline)})",
        )
    )

    console.print(_heading("Articles"))
    rows = []
    for a in analysis.articles:
        source = _clean(a.source, 30) if a.source else "source not stated"
        date = a.published.isoformat() if a.published else "date not stated"
        rows.append((letters[a.id], _clean(a.id, 40), _clean(a.title, 70), f"{source} · {date}"))
    # The title gives way when the line is full, never the label, the id or the date.
    widths = [max((len(row[n]) for row in rows), default=1) for n in range(4)]
    title_width = max(12, min(widths[2], console.width - widths[0] - widths[1] - widths[3] - 6))
    table = Table.grid(padding=(0, 2))
    table.add_column(no_wrap=True, min_width=widths[0])
    table.add_column(no_wrap=True, min_width=widths[1])
    table.add_column(no_wrap=True, overflow="ellipsis", width=title_width)
    table.add_column(no_wrap=True, min_width=widths[3])
    for label, article_id, title, meta in rows:
        table.add_row(Text(label, style="bold"), Text(article_id, style="cyan"), Text(title), Text(meta, style="dim"))
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
            Text("   ".join(f"{letters[aid]}: " + ", ".join(_clean(f, 60) for f in fs) for aid, fs in forms.items())),
        )
    console.print(table)

    verdicts = (annotations or {}).get("verdicts") or {}
    label_width = max(map(len, letters.values()), default=1)  # "AD" beside "X": the offsets still line up
    console.print(_heading(f"Discrepancies ({len(analysis.discrepancies)})"))
    if not analysis.discrepancies:
        console.print(Text("  none found", style="dim"))
    for story, items in _by_story(analysis, analysis.discrepancies, lambda d: [*(e.article for e in d.evidence), *d.values]):
        if story is not None:  # several stories: which articles each finding compares
            console.print(_story_heading(analysis, story, letters, _count(len(items), "discrepancy", "discrepancies")))
        by_kind: dict[str, list[Discrepancy]] = defaultdict(list)
        for d in items:
            by_kind[d.kind].append(d)
        for kind in DISCREPANCY_KINDS:
            kind_items = by_kind.get(kind)
            if not kind_items:
                continue
            console.print(Text(f"  {kind_title(kind)} ({len(kind_items)})", style="bold underline"))
            for d in kind_items:
                line = Text("    ")
                line.append(f"{d.severity:<6}", style=SEVERITY_STYLES.get(d.severity, ""))
                line.append(" ")
                # Whole (A, B as in the evidence below): a quote's summary ends with what differs.
                line.append(_clean(with_labels(d.summary, letters, d.values), 600))
                line.append(f"  [{d.id}]", style="dim")
                verdict = verdicts.get(d.id)
                if verdict:
                    line.append(f"  {verdict.get('verdict')}", style="magenta")
                _print_hanging(console, line, 11)
                for e in d.evidence:
                    ev = Text("           ")
                    ev.append(f"{letters.get(e.article, '?'):<{label_width}} {e.start:>6}-{e.end:<6} ", style="dim")
                    hang = ev.cell_len
                    ev.append(_clean(e.text, 100), style="italic")
                    _print_hanging(console, ev, hang)

    if analysis.corroborations:
        console.print(_heading(f"Told the same way ({len(analysis.corroborations)})"))
        for story, items in _by_story(analysis, analysis.corroborations, lambda c: [e.article for e in c.evidence]):
            if story is not None:
                console.print(_story_heading(analysis, story, letters, _count(len(items), "fact")))
            for c in items:
                line = Text("    ")
                line.append(_clean(c.subject, 50), style="green")
                line.append(": " + " = ".join(f'{letters.get(e.article, "?")} "{_clean(e.text, 50)}"' for e in c.evidence))
                _print_hanging(console, line, 6)

    if annotations is not None:
        counts = annotations.get("counts") or {}
        console.print(_heading("Annotations"))
        if annotations.get("error"):
            line = Text("    the file could not be read, so nothing of it is listed (it is left as it is): ", style="bold")
            line.append(_clean(annotations["error"], 400), style="")
            _print_hanging(console, line, 4)
            return
        kinds = [
            _count(len(annotations.get("notes") or []), "note"),
            _count(len(verdicts), "verdict"),
            _count(len(annotations.get("links") or []), "link"),
            _count(len(annotations.get("unlinks") or []), "unlink"),
            _count(len(annotations.get("mentions") or []), "mention edit"),
        ]
        console.print(Text("    " + ", ".join(kinds) + "; spans " + ", ".join(f"{k} {v}" for k, v in counts.items())))
        for line in _annotation_lines(annotations, letters):
            _print_hanging(console, line, 13)


def _annotation_lines(annotations: dict, letters: dict[str, str]):
    """Each annotation on its own lines: what it is, then each span with its position and status."""
    from rich.text import Text

    label_width = max(map(len, letters.values()), default=1)

    def span(target: dict) -> Text:
        line = Text("        ")
        status = target.get("status", "")
        line.append(f"{status:<9}", style="bold" if status == "orphaned" else "dim")
        where = f"{target.get('start')}-{target.get('end')}" if target.get("start") is not None else "not found"
        line.append(f"{letters.get(target.get('article', ''), '?'):<{label_width}} {where:<13} ", style="dim")
        line.append(f"“{_clean(target.get('text'), 80)}”", style="italic")
        saved = target.get("saved") or {}
        if status != "anchored" and saved:
            line.append(f"  (saved at {saved.get('start')}-{saved.get('end')}", style="dim")
            if saved.get("exact") != target.get("text"):
                line.append(f", was “{_clean(saved.get('exact'), 60)}”", style="dim")
            line.append(")", style="dim")
        return line

    for note in annotations.get("notes") or []:
        head = Text("    note     ")
        head.append(_clean(note.get("text") or "", 100) or "(tags only)")
        if note.get("tags"):
            head.append("  #" + " #".join(_clean(t, 30) for t in note["tags"]), style="dim")
        head.append(f"  [{note.get('id')}]", style="dim")
        yield head
        yield from (span(t) for t in note.get("targets") or [])
    for discrepancy_id, verdict in (annotations.get("verdicts") or {}).items():
        head = Text(f"    verdict  {verdict.get('verdict')}: ")
        head.append(_clean(with_labels(verdict.get("summary") or discrepancy_id, letters, letters), 100))
        if verdict.get("note"):
            head.append(f" — {_clean(verdict['note'], 80)}", style="italic")
        head.append(f"  [{discrepancy_id}]" + ("" if verdict.get("current", True) else " no longer reported"), style="dim")
        yield head
    for kind in ("links", "unlinks"):
        for link in annotations.get(kind) or []:
            yield Text(f"    {kind[:-1]:<8} " + _clean(link.get("note") or "", 80) + f"  [{link.get('id')}]")
            yield from (span(link[side]) for side in ("a", "b") if link.get(side))
    for edit in annotations.get("mentions") or []:
        action = "added" if edit.get("action") == "add" else "removed"
        yield Text(f"    mention  {action} {_clean(edit.get('label') or '', 30)}  [{edit.get('id')}]")
        if edit.get("target"):
            yield span(edit["target"])


def _by_story(analysis: Analysis, items: list, articles_of) -> list[tuple[int | None, list]]:
    """(the story's place in ``analysis.stories``, its ``items``) for each story that has
    some, in that order (``articles_of(item)``: the article ids an item is about); one group
    without a story when the corpus is one story (the report then reads as before)."""
    stories = analysis.stories
    if len(stories) < 2:
        return [(None, list(items))]
    story_of = {article_id: n for n, story in enumerate(stories) for article_id in story}
    groups: dict[int, list] = defaultdict(list)
    for item in items:
        where = [story_of[a] for a in articles_of(item) if a in story_of]
        groups[where[0] if where else len(stories)].append(item)
    return [(n if n < len(stories) else None, groups[n]) for n in sorted(groups)]


def _story_heading(analysis: Analysis, story: int, letters: dict[str, str], count: str):
    """'Story 2 of 5: F, G, H, I, J (8 discrepancies)', numbered as the app's } walks them."""
    from rich.text import Text

    names = outlet_list([letters[a] for a in analysis.stories[story]], most=8)
    return Text(f"\n  Story {story + 1} of {len(analysis.stories)}: {names} ({count})", style="bold")


def _print_hanging(console, line, hang: int) -> None:
    """``line`` on a terminal: wrapped with its continuation lines indented by ``hang`` cells,
    so a long summary or quote stays under its own column, not back at the margin. Piped,
    one line (for grep and diff)."""
    from rich.text import Text

    width = console.width - hang
    if console.soft_wrap or width < 30 or line.cell_len <= console.width:
        console.print(line)
        return
    lead, body = line[:hang], line[hang:]
    for n, part in enumerate(body.wrap(console, width)):
        part.rstrip()
        console.print(Text.assemble(lead if n == 0 else " " * hang, part))


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def _heading(title: str):
    from rich.text import Text

    return Text("\n" + title, style="bold")


def _clean(text: str | None, limit: int) -> str:
    """One line of data, control characters made visible, shortened to ``limit``."""
    flat = " ".join(visible(text or "").split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


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
