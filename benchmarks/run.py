"""corpus-tui benchmarks: start-up, engine throughput, scaling to 1,000 articles, navigation.

    python benchmarks/run.py            # full run (a few minutes on 2 cores)
    python benchmarks/run.py --quick    # under a minute: fewer repeats, smaller corpora

Prints a table, then a last line of ``key=value`` figures (see the README,
"Benchmarks", for each definition and its target). Every timing of the app
is a whole process started in a pseudo-terminal, from spawn until the text
is on the terminal, next to the same measurement of a minimal Textual app.
Corpora come from ``benchmarks/generate.py`` (seeded, so runs compare).
Each measurement runs in a fresh process, so peak memory is that phase's own.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import re
import select
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

PTY_SIZE = (50, 160)  # rows, columns
TARGETS = {  # key: (comparison, target)
    "tti_warm_ratio": ("<=", 1.5),
    "tti_cold_ratio": ("<=", 2.0),
    "ready_cold_ratio": ("<=", 3.0),
    "engine_ratio": (">=", 0.2),
    "growth_1000_500": ("<=", 2.3),
    "peak_mib_1000": ("<=", 1024),
    "nav_ms_p50": ("<=", 50),
}

MINIMAL_APP = """
from textual.app import App
from textual.widgets import Footer, Static

class Minimal(App):
    def compose(self):
        yield Static("benchmark baseline: a minimal Textual app")
        yield Footer()

Minimal().run()
"""
MINIMAL_NEEDLE = "benchmark baseline: a minimal"

# The real app, with one addition: it writes a file once the engine's results
# are applied and painted (highlights and sidebar filled).
READY_APP = """
import os, sys
from tui.app import CorpusApp

_apply = CorpusApp.apply_analysis

def apply_analysis(self, analysis):
    _apply(self, analysis)
    self.call_after_refresh(lambda: open(os.environ["BENCH_READY_FILE"], "w").close())

CorpusApp.apply_analysis = apply_analysis
from tui.cli import main
sys.exit(main(sys.argv[1:]))
"""

_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-_]|[\x00-\x08\x0b-\x1f]")


# -- processes in a pseudo-terminal --------------------------------------------------


def run_in_pty(argv: list[str], env: dict[str, str], needles: list[str] = (), ready_file: Path | None = None,
               timeout: float = 120.0) -> float:
    """Seconds from spawn until every needle is on the terminal (and ``ready_file`` exists)."""
    import fcntl
    import pty
    import struct
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", PTY_SIZE[0], PTY_SIZE[1], 0, 0))
    env = {**env, "TERM": "xterm-256color", "COLUMNS": str(PTY_SIZE[1]), "LINES": str(PTY_SIZE[0])}
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env, cwd=ROOT,
                            start_new_session=True, close_fds=True)
    os.close(slave)
    seen = ""
    pending = list(needles)
    try:
        while True:
            if time.perf_counter() - start > timeout:
                raise TimeoutError(f"{argv[-1]}: not ready after {timeout:.0f}s (waiting for {pending or ready_file}); "
                                   f"screen ends: {_ESCAPES.sub('', seen)[-300:]!r}")
            ready, _, _ = select.select([master], [], [], 0.005)
            if ready:
                try:
                    chunk = os.read(master, 1 << 16)
                except OSError:
                    chunk = b""
                if not chunk and proc.poll() is not None:
                    raise RuntimeError(f"{argv} exited early ({proc.returncode}): {_ESCAPES.sub('', seen)[-500:]}")
                seen += chunk.decode("utf-8", "replace")
                text = _ESCAPES.sub("", seen)
                pending = [n for n in pending if n not in text]
            elif proc.poll() is not None:
                raise RuntimeError(f"{argv} exited early ({proc.returncode}): {_ESCAPES.sub('', seen)[-500:]}")
            if not pending and (ready_file is None or ready_file.exists()):
                return time.perf_counter() - start
    finally:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait()
        os.close(master)


def _title_needles(folder: Path, count: int = 2) -> list[str]:
    """The start of the first articles' titles: what the app shows first."""
    from annotate.corpus.loading import load_corpus

    articles = load_corpus([folder]).articles[:count]
    return [a.title[:20] for a in articles]


def _app_argv(folder: Path, ready: bool = False) -> list[str]:
    if ready:
        return [sys.executable, "-c", READY_APP, str(folder)]
    return [sys.executable, "-m", "tui.cli", str(folder)]


def _median_run(times: int, measure) -> float:
    return statistics.median(measure() for _ in range(times))


# -- child tasks (run in fresh processes) ----------------------------------------------


def child_engine(folder: str) -> dict:
    """Annotate, link and detect over a generated corpus; phases, peak memory, recall."""
    import resource

    import generate
    from annotate.corpus.loading import load_corpus
    from annotate.engine import analyse

    started = time.perf_counter()
    articles = load_corpus([folder]).articles
    load = time.perf_counter() - started
    # spaCy's import and the pipeline's construction are paid once whatever the
    # size: timed apart, so the phases' growth with size is not flattered by them.
    from annotate.nlp.pipeline import build_pipeline

    started = time.perf_counter()
    build_pipeline(None)
    pipeline = time.perf_counter() - started
    timings: dict[str, float] = {}
    analysis = analyse(articles, use_cache=True, timings=timings)
    manifest = generate.load_manifest(Path(folder))
    recall = score_plants(analysis, manifest)
    id_of = {Path(a.path).name: a.id for a in articles}
    truth = {frozenset(id_of[f] for f in s.files) for s in manifest.stories}
    exact = len(truth & {frozenset(s) for s in analysis.stories}) / len(truth)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"load": load, "pipeline": pipeline, **timings, "peak_mib": peak, **recall,
            "found": len(analysis.discrepancies), "story_count": len(analysis.stories),
            "stories_exact": exact}


def child_throughput(folder: str) -> dict:
    """Tokens per second: the engine's pipeline + extraction against spacy.blank("en"),
    on the same text and from the same cold start.

    Each nlp object has its own vocabulary and tokenizer cache, so neither run
    is flattered by words the other has seen. spacy.blank takes a fraction of a
    second: it is timed on two fresh instances before the engine and two after,
    and the engine is compared with their median, so both sides see the same
    spell of this shared machine."""
    import spacy

    from annotate.corpus.loading import load_corpus
    from annotate.nlp.pipeline import build_pipeline
    from annotate.workers import annotate_serially

    articles = load_corpus([folder]).articles
    texts = [a.text for a in articles]
    build_pipeline(None)
    tokens = sum(len(doc) for doc in spacy.blank("en").pipe(texts))

    def blank_seconds() -> float:
        blank = spacy.blank("en")
        started = time.perf_counter()
        for _doc in blank.pipe(texts):
            pass
        return time.perf_counter() - started

    blank = [blank_seconds(), blank_seconds()]
    started = time.perf_counter()
    for _ in annotate_serially(articles, None):
        pass
    engine_seconds = time.perf_counter() - started
    blank += [blank_seconds(), blank_seconds()]
    return {"engine_tps": tokens / engine_seconds, "blank_tps": tokens / statistics.median(blank)}


def child_nav(folder: str, presses: int) -> dict:
    """Median latency of ``n`` (next mention of the same entity) with a warm cache."""
    import asyncio

    from tui.app import CorpusApp

    async def drive() -> list[float]:
        app = CorpusApp([Path(folder)])
        async with app.run_test(size=(PTY_SIZE[1], PTY_SIZE[0])) as pilot:
            deadline = time.monotonic() + 600
            while app.analysis is None and time.monotonic() < deadline:
                await pilot.pause(0.05)
            assert app.analysis is not None, "the engine did not finish"
            # The entity with mentions in the most articles: n crosses articles every time.
            article_of = {m.id: m.article for m in app.analysis.mentions}
            entity = max(app.analysis.entities, key=lambda e: len({article_of[m] for m in e.mentions}))
            app.select_entity(entity.id)
            await pilot.pause()
            # Latency = key press to the last screen repaint it causes. The Pilot
            # round trip (press + wait until idle) is reported too: it adds the
            # harness's own polling, 60-90 ms even for a minimal Textual app.
            screen = app.screen
            painted: list[float] = []
            refresh = screen._compositor_refresh

            def timed_refresh() -> None:
                refresh()
                painted.append(time.perf_counter())

            screen._compositor_refresh = timed_refresh
            latencies, round_trips = [], []
            for _ in range(presses):
                painted.clear()
                started = time.perf_counter()
                await pilot.press("n")
                await pilot.pause()
                round_trips.append((time.perf_counter() - started) * 1000)
                if painted:
                    latencies.append((painted[-1] - started) * 1000)
            return latencies, round_trips

    latencies, round_trips = asyncio.run(drive())
    return {
        "nav_ms_p50": statistics.median(latencies),
        "nav_ms_max": max(latencies),
        "nav_pilot_ms_p50": statistics.median(round_trips),
    }


def score_plants(analysis, manifest) -> dict:
    """Planted discrepancies found: same kind, evidence on the planted words in the odd
    article and (except omissions) in at least one other article of the story."""
    from collections import Counter

    id_of = {Path(a.path).name: a.id for a in analysis.articles}
    text_of = {a.id: a.text for a in analysis.articles}
    by_kind: dict[str, list] = {}
    for d in analysis.discrepancies:
        by_kind.setdefault(d.kind, []).append(d)

    def spans(article_id: str, phrase: str) -> list[tuple[int, int]]:
        text, found, at = text_of[article_id], [], 0
        while (at := text.find(phrase, at)) >= 0:
            found.append((at, at + len(phrase)))
            at += 1
        return found

    def covers(d, article_id: str, phrase: str) -> bool:
        targets = spans(article_id, phrase)
        return any(e.article == article_id and any(e.start < b and a < e.end for a, b in targets)
                   for e in d.evidence)

    planted, found = Counter(), Counter()
    for plant in manifest.plants:
        planted[plant.kind] += 1
        odd = id_of[plant.odd]
        others = [(id_of[f], p) for f, p in plant.values.items() if f != plant.odd]
        for d in by_kind.get(plant.kind, ()):
            if covers(d, odd, plant.values[plant.odd]) and (
                not others or any(covers(d, a, p) for a, p in others)
            ):
                found[plant.kind] += 1
                break
    total = sum(planted.values())
    result = {"recall": sum(found.values()) / total if total else 0.0}
    result.update({f"recall_{k}": found[k] / planted[k] for k in sorted(planted)})
    return result


def _child(task: str, *args: str, env: dict[str, str]) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", task, *args], env=env, cwd=ROOT,
                         capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(f"{task} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


# -- the run ------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="corpus-tui benchmarks")
    p.add_argument("--quick", action="store_true", help="fewer repeats and smaller corpora: under a minute")
    p.add_argument("--sizes", help="comma-separated corpus sizes (default 250,500,1000; quick 50,100,200)")
    p.add_argument("--work", type=Path, help="folder for generated corpora and caches (default: a temporary one)")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.child:
        from annotate.collector import tune_for_batch_work

        tune_for_batch_work()  # as `corpus-tui` does: a child stands in for the command
        task, *rest = args.child
        result = {"engine": lambda: child_engine(rest[0]),
                  "throughput": lambda: child_throughput(rest[0]),
                  "nav": lambda: child_nav(rest[0], int(rest[1]))}[task]()
        print(json.dumps(result))
        return 0

    import generate

    # The app is timed from this source tree (PYTHONPATH below). Compile it as an installed
    # package is at install time, or with PYTHONDONTWRITEBYTECODE set every start would
    # compile every module again (~25 ms).
    for package in ("annotate", "tui"):
        compileall.compile_dir(ROOT / package, quiet=1)

    sizes = [int(s) for s in (args.sizes or ("20,40,80" if args.quick else "250,500,1000")).split(",")]
    # Start-up launches (each a fraction of a second) and scaling rounds: a median of many,
    # as one process in a few on this shared machine runs 20-50% slower than the rest.
    repeats = 1 if args.quick else 9
    rounds = 1 if args.quick else 7
    work = args.work or Path(tempfile.mkdtemp(prefix="corpus-tui-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    figures: dict[str, float] = {}
    rows: list[tuple[str, str]] = []
    base_env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}

    def env_with_cache(name: str, fresh: bool = False) -> dict[str, str]:
        folder = work / "caches" / name
        if fresh and folder.exists():
            shutil.rmtree(folder)
        return {**base_env, "CORPUS_TUI_CACHE_DIR": str(folder)}

    def note(label: str, value: str) -> None:
        rows.append((label, value))
        print(f"  {label:<44} {value}", file=sys.stderr, flush=True)

    print(f"corpus-tui benchmarks ({'quick' if args.quick else 'full'}; work folder {work})", file=sys.stderr)

    # -- start-up on corpus/ --
    corpus = ROOT / "corpus"
    needles = _title_needles(corpus)
    warm_env = env_with_cache("tti-warm", fresh=True)
    ready_file = work / "ready"
    ready_file.unlink(missing_ok=True)
    run_in_pty(_app_argv(corpus, ready=True), {**warm_env, "BENCH_READY_FILE": str(ready_file)}, needles, ready_file)
    # In turns, so that a slower spell of this shared machine touches all three alike.
    times: dict[str, list[float]] = {"minimal": [], "cold": [], "warm": []}
    for _ in range(repeats):
        times["minimal"].append(run_in_pty([sys.executable, "-c", MINIMAL_APP], base_env, [MINIMAL_NEEDLE]))
        times["cold"].append(run_in_pty(_app_argv(corpus), env_with_cache("tti-cold", fresh=True), needles))
        times["warm"].append(run_in_pty(_app_argv(corpus), warm_env, needles))
    minimal, cold, warm = (statistics.median(times[k]) for k in ("minimal", "cold", "warm"))
    note("minimal Textual app on screen (s)", f"{minimal:.3f}")
    note("corpus-tui: both articles on screen, cold (s)", f"{cold:.3f}")
    note("corpus-tui: both articles on screen, warm (s)", f"{warm:.3f}")

    def ready_cold() -> float:
        ready_file.unlink(missing_ok=True)
        env = {**env_with_cache("ready-cold", fresh=True), "BENCH_READY_FILE": str(ready_file)}
        return run_in_pty(_app_argv(corpus, ready=True), env, needles, ready_file)

    readies, blanks = [], []
    for _ in range(max(1, repeats // 2 + 1)):  # in turns too
        readies.append(ready_cold())
        blanks.append(_time_process([sys.executable, "-c", "import spacy; spacy.blank('en')"], base_env))
    ready, blank = statistics.median(readies), statistics.median(blanks)
    note("corpus-tui: highlights and sidebar, cold (s)", f"{ready:.3f}")
    note("python -c 'import spacy; spacy.blank(\"en\")' (s)", f"{blank:.3f}")
    figures["tti_warm_ratio"] = warm / minimal
    figures["tti_cold_ratio"] = cold / minimal
    figures["ready_cold_ratio"] = ready / blank

    # -- engine throughput --
    folder = work / f"throughput-{args.seed}"
    if not (folder / "manifest.json").exists():
        generate.generate(folder, 30 if args.quick else 120, args.seed + 100)
    # Each run is a fresh process (a cold engine, as on a first launch), with its own ratio of
    # engine to blank speed measured side by side. This shared machine's speed drifts by tens
    # of percent within seconds: the figure is the median of five processes' ratios.
    runs = [_child("throughput", str(folder), env=base_env) for _ in range(1 if args.quick else 5)]
    engine_tps = statistics.median(r["engine_tps"] for r in runs)
    blank_tps = statistics.median(r["blank_tps"] for r in runs)
    note("engine tokens/s  (spacy.blank tokens/s), medians", f"{engine_tps:.0f}  ({blank_tps:.0f})")
    figures["engine_ratio"] = statistics.median(r["engine_tps"] / r["blank_tps"] for r in runs)

    # -- scaling --
    folders = {size: work / f"corpus-{size}-{args.seed}" for size in sizes}
    for size, folder in folders.items():
        if not (folder / "manifest.json").exists():
            generate.generate(folder, size, args.seed)
    # Each run cold (a fresh cache); the last one fills the cache for the app below. Rounds go
    # through every size in turn, so a spell in which this shared machine runs slower touches
    # every size alike, not one; the table shows each phase's best round (as timeit does: other
    # work only ever slows a run down, so the fastest is the closest to the code's own cost).
    runs: dict[int, list[dict]] = {size: [] for size in sizes}
    for round_ in range(rounds):
        # Smallest first, then largest first: a size does not always come after the same one.
        order = list(folders.items())
        for size, folder in order[::-1] if round_ % 2 else order:
            runs[size].append(_child("engine", str(folder), env=env_with_cache(f"size-{size}", fresh=True)))
    per_size: dict[int, dict] = {}
    for size, folder in folders.items():
        env = env_with_cache(f"size-{size}")
        result = {**runs[size][-1], **{k: min(r.get(k, 0.0) for r in runs[size])
                                       for k in ("load", "pipeline", "annotate", "stories", "link", "discrepancies")}}
        result["peak_mib"] = max(r["peak_mib"] for r in runs[size])
        first = _title_needles(folder, 1)
        result["app_open"] = _median_run(max(1, repeats // 2), lambda: run_in_pty(_app_argv(folder), env, first))
        per_size[size] = result
        note(f"{size} articles: load/spaCy/annotate/compare/stories/link/detect (s)",
             " / ".join(f"{result.get(k, 0):.2f}"
                        for k in ("load", "pipeline", "annotate", "stories", "link", "discrepancies")))
        note(f"{size} articles: peak MiB, app open (s), recall",
             f"{result['peak_mib']:.0f}, {result['app_open']:.2f}, {result['recall']:.2f}")
        note(f"{size} articles: stories (share exactly right), discrepancies",
             f"{result['story_count']} ({result['stories_exact']:.2f}), {result['found']}")
        for k in ("annotate", "link", "discrepancies", "peak_mib", "app_open"):
            figures[f"{k}_{size}" if k != "peak_mib" else f"peak_mib_{size}"] = result.get(k, 0.0)
    big, mid = sizes[-1], sizes[-2] if len(sizes) > 1 else sizes[-1]
    phases = ("annotate", "stories", "link", "discrepancies")
    # A floor of 50 ms so a phase that takes no time cannot make a meaningless ratio.
    # Growth from the rounds' own ratios (the two sizes run one after the other), the median
    # of them: the best time of each size apart would favour the shorter runs, which more
    # often fall entirely in a quiet spell of this shared machine.
    def ratio(k: str, r: int) -> float:
        return max(runs[big][r].get(k, 0), 0.05) / max(runs[mid][r].get(k, 0), 0.05)

    ratios = {k: statistics.median(ratio(k, r) for r in range(len(runs[big]))) for k in phases}
    note(f"growth {big}/{mid} per phase (median of the rounds)",
         " / ".join(f"{k} {v:.2f}" for k, v in ratios.items()))
    figures[f"growth_{big}_{mid}"] = max(ratios.values())
    figures[f"recall_{big}"] = per_size[big]["recall"]
    figures[f"stories_exact_{big}"] = per_size[big]["stories_exact"]
    for key, value in per_size[big].items():
        if key.startswith("recall_"):
            note(f"{big} articles: {key.replace('_', ' ')}", f"{value:.2f}")

    # -- navigation --
    nav = _child("nav", str(work / f"corpus-{big}-{args.seed}"), "15" if args.quick else "40",
                 env=env_with_cache(f"size-{big}"))
    note(f"{big} articles: n latency p50 / max (ms)", f"{nav['nav_ms_p50']:.1f} / {nav['nav_ms_max']:.1f}")
    figures["nav_ms_p50"] = nav["nav_ms_p50"]
    figures["nav_pilot_ms_p50"] = nav["nav_pilot_ms_p50"]

    _print_table(rows, figures)
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)
    print(" ".join(f"{k}={_fmt(v)}" for k, v in figures.items()))
    return 0


def _time_process(argv: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(argv, env=env, cwd=ROOT, check=True, capture_output=True)
    return time.perf_counter() - started


def _print_table(rows: list[tuple[str, str]], figures: dict[str, float]) -> None:
    print(f"{'measurement':<52} value")
    print("-" * 72)
    for label, value in rows:
        print(f"{label:<52} {value}")
    print("-" * 72)
    print(f"{'figure':<24} {'value':>10}  target   verdict")
    for key, value in figures.items():
        target = TARGETS.get(key)
        verdict = ""
        if target:
            op, limit = target
            ok = value <= limit if op == "<=" else value >= limit
            verdict = f"{op} {limit:<6} {'ok' if ok else 'MISSED'}"
        print(f"{key:<24} {_fmt(value):>10}  {verdict}")


def _fmt(value: float) -> str:
    return f"{value:.3f}" if abs(value) < 100 else f"{value:.0f}"


if __name__ == "__main__":
    sys.exit(main())
