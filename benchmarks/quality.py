"""How well the engine reads real news: every development set, each figure beside its baseline.

    python benchmarks/quality.py                 # all sets (a few minutes)
    python benchmarks/quality.py linking stories # some of them: linking, stories, discrepancies
    python benchmarks/quality.py --no-baseline   # corpus-tui only

The sets are in benchmarks/data (real news nobody here wrote, with gold; see its README for
sources and licences). The scorers in benchmarks/eval run `corpus-tui report FOLDER --format json`
exactly as a user's script would, check the report contract, and print one line of key=value
figures; this script runs them on corpus-tui (the one beside this Python) and on the trivial
baselines of benchmarks/baselines.py, and prints the main figures side by side, with the
baselines published with the sets and the targets the engine is held to.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
EVAL = HERE / "eval"

# (group, set name, scorer arguments, figures shown, targets)
SETS = [
    ("linking", "linking/ecb", ["score_linking.py", "{data}/ecb"],
     ["pair_f1", "pair_precision", "pair_recall", "b3_f1", "contract_errors"], {"pair_f1": 0.92}),
    ("linking", "linking/newswcl50", ["score_linking.py", "{data}/newswcl50"],
     ["pair_f1", "pair_precision", "pair_recall", "b3_f1", "contract_errors"], {"pair_f1": 0.75}),
    ("linking", "linking/meantime", ["score_linking.py", "{data}/meantime"],
     ["pair_f1", "pair_precision", "pair_recall", "b3_f1", "contract_errors"], {"pair_f1": 0.75}),
    ("stories", "stories/ecb", ["score_stories.py", "{stories}/ecb"],
     ["b3_f1", "b3_precision", "b3_recall", "predicted_stories", "singletons", "contract_errors"], {"b3_f1": 0.92}),
    ("stories", "stories/newswcl50", ["score_stories.py", "{stories}/newswcl50"],
     ["b3_f1", "b3_precision", "b3_recall", "predicted_stories", "singletons", "contract_errors"], {"b3_f1": 0.97}),
    ("discrepancies", "discrepancies/newswcl50",
     ["discrepancies.py", "--corpus", "{data}/newswcl50", "--key", "{data}/newswcl50/key.yaml"],
     ["recall", "precision", "false_alarms", "predicted", "contract_errors",
      *(f"recall_{kind}" for kind in ("quote", "number", "date", "name_variant", "role", "claim", "omission"))],
     {"recall": 0.6, "precision": 0.7}),
]

# The devkit's own thirty-line baselines, as published with the sets (its README); ours in
# benchmarks/baselines.py follow the same recipe but come out a little lower on linking.
PUBLISHED_BASELINE = {
    ("linking/ecb", "pair_f1"): 0.826, ("linking/ecb", "b3_f1"): 0.864,
    ("linking/newswcl50", "pair_f1"): 0.608, ("linking/newswcl50", "b3_f1"): 0.628,
    ("linking/meantime", "pair_f1"): 0.645, ("linking/meantime", "b3_f1"): 0.693,
    ("stories/ecb", "b3_f1"): 0.867,
}


def stories_sets(root: Path) -> None:
    """The story sets: every article of a corpus in one folder, beside its stories.json."""
    for name in ("ecb", "newswcl50"):
        articles = root / name / "articles"
        articles.mkdir(parents=True)
        shutil.copy(DATA / name / "stories.json", root / name / "stories.json")
        for path in (DATA / name).glob("*/*.txt"):
            shutil.copy(path, articles / path.name)


def score(tool: str, arguments: list[str], places: dict[str, Path]) -> dict[str, str]:
    command = [sys.executable, str(EVAL / arguments[0])]
    command += [a.format(**{k: str(v) for k, v in places.items()}) for a in arguments[1:]]
    run = subprocess.run(command, capture_output=True, text=True,
                         env={**os.environ, "CORPUS_TUI": tool})
    lines = [line for line in run.stdout.splitlines() if "=" in line]
    if not lines:
        return {"error": (run.stderr.strip().splitlines() or ["no output"])[-1]}
    return dict(item.split("=", 1) for item in lines[-1].split() if "=" in item)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("groups", nargs="*", help="linking, stories, discrepancies (default: all)")
    parser.add_argument("--no-baseline", action="store_true", help="score corpus-tui only")
    parser.add_argument("--json", metavar="FILE", help="also write every figure to FILE")
    args = parser.parse_args()
    unknown = set(args.groups) - {group for group, *_ in SETS}
    if unknown:
        parser.error(f"unknown set group: {', '.join(sorted(unknown))}")

    here = Path(sys.executable).parent
    engine = shlex.quote(str(here / "corpus-tui")) if (here / "corpus-tui").exists() else "corpus-tui"
    baseline = f"{shlex.quote(sys.executable)} {shlex.quote(str(HERE / 'baselines.py'))}"
    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="corpus-tui-quality-") as tmp:
        places = {"data": DATA, "stories": Path(tmp)}
        stories_sets(Path(tmp))
        print(f"{'set':<24} {'figure':<18} {'corpus-tui':>10} {'baseline':>9} {'published':>9} {'target':>7}")
        for group, name, arguments, shown, targets in SETS:
            if args.groups and group not in args.groups:
                continue
            ours = score(engine, arguments, places)
            theirs = {} if args.no_baseline else score(baseline, arguments, places)
            results[name] = {"corpus-tui": ours, "baseline": theirs}
            if "error" in ours:
                print(f"{name:<24} error: {ours['error']}")
                continue
            for figure in shown:
                target = targets.get(figure)
                published = PUBLISHED_BASELINE.get((name, figure), "")
                print(f"{name:<24} {figure:<18} {ours.get(figure, '-'):>10} "
                      f"{theirs.get(figure, '-'):>9} {published:>9} {'' if target is None else target:>7}")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
