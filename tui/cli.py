"""The ``corpus-tui`` command: open the reader, or print a report without the UI.

Imports stay lazy so ``--help`` and the first screen are quick (spaCy is only
imported by the engine, which runs in a worker).
"""

from __future__ import annotations

import argparse
import gc
import sys
from pathlib import Path

from annotate import __version__
from annotate.compare.story_modes import STORY_MODES  # light: no spaCy, no numpy

STORIES_HELP = (
    "how articles are grouped into stories, whose reports are compared: 'auto' (default) by what "
    "they report, so a folder of one event's reports is one story and a folder of different events "
    "is split; 'one' all articles are one story; 'folders' each subfolder is a story"
)


def default_corpus() -> Path:
    """``./corpus`` when it exists, else the sample corpus shipped in the package."""
    here = Path("corpus")
    if here.is_dir():
        return here
    # A wheel ships it as package data (pyproject maps tui/sample_corpus to
    # corpus/); an editable install finds it beside the package.
    package = Path(__file__).resolve().parent
    for candidate in (package / "sample_corpus", package.parent / "corpus"):
        if candidate.is_dir():
            return candidate
    return here


def _app_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="corpus-tui",
        description="Read articles side by side and see where they disagree.",
        epilog="Commands: 'corpus-tui report PATH...' prints the engine's findings; "
        "'corpus-tui export PATH...' writes annotations as W3C Web Annotation JSON-LD; "
        "'corpus-tui import SOURCE... [-o FOLDER]' turns saved web pages and links into article files; "
        "'corpus-tui cache [info|clear]' shows or empties the engine cache. "
        "Run 'corpus-tui COMMAND --help' for their options.",
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help="article files or folders (default: ./corpus, else the bundled sample)")
    p.add_argument("--model", metavar="NAME", help="an installed trained spaCy pipeline to use with the rules (e.g. en_core_web_sm)")
    p.add_argument("--annotations", metavar="PATH", help="annotation file (default: annotations.yaml in the corpus folder)")
    p.add_argument("--stories", choices=STORY_MODES, default="auto", help=STORIES_HELP)
    p.add_argument("--no-cache", action="store_true", help="neither read nor write the engine cache")
    p.add_argument("--version", action="version", version=f"corpus-tui {__version__}")
    return p


def _report_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="corpus-tui report", description="Print what the engine finds, without the UI.")
    p.add_argument("paths", nargs="*", metavar="PATH", help="article files or folders")
    p.add_argument("--format", choices=("text", "json", "yaml"), default="text")
    p.add_argument("--schema", action="store_true", help="print the JSON Schema of the json/yaml report and exit")
    p.add_argument("--model", metavar="NAME", help="an installed trained spaCy pipeline to use with the rules")
    p.add_argument("--annotations", metavar="PATH", help="annotation file to include (default: annotations.yaml beside the corpus)")
    p.add_argument("--jobs", type=int, default=1, metavar="N", help="worker processes for annotation")
    p.add_argument("--stories", choices=STORY_MODES, default="auto", help=STORIES_HELP)
    p.add_argument("--no-cache", action="store_true", help="neither read nor write the engine cache")
    return p


def main(argv: list[str] | None = None) -> int:
    from annotate.collector import tune_for_batch_work

    tune_for_batch_work()
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "report":
        from annotate.report import run_report

        parser = _report_parser()
        args = parser.parse_args(argv[1:])
        if not args.paths and not args.schema:
            parser.error("give at least one PATH (or --schema)")
        return run_report(args)
    if argv and argv[0] == "export":
        from annotate.notes.web_annotation import run_export

        return run_export(argv[1:])
    if argv and argv[0] == "import":
        from annotate.corpus.importer import run_import

        return run_import(argv[1:])
    if argv and argv[0] == "cache":
        from annotate.cache import run_cache_command

        return run_cache_command(argv[1:])
    args = _app_parser().parse_args(argv)
    paths = [Path(p) for p in args.paths] or [default_corpus()]
    from .app import CorpusApp

    app = CorpusApp(paths, model=args.model, annotations=args.annotations, use_cache=not args.no_cache,
                    stories=args.stories)
    # What exists now (modules, the loaded corpus) lives as long as the app: freeze it, or
    # the first full collection scans it all in the middle of the first paint (~17 ms).
    gc.freeze()
    app.run()
    return app.return_code or 0


if __name__ == "__main__":
    sys.exit(main())
