"""Where linking loses pairs on a development set: gold chains split over several entities
(recall), and entities that join several gold chains (precision), biggest first.

    python benchmarks/linking_losses.py                          # newswcl50, top 25 of each
    python benchmarks/linking_losses.py benchmarks/data/ecb 10

Runs `corpus-tui report` (the one beside this Python, or $CORPUS_TUI) on each topic, as the
scorer does, and prints for each loss its lost pairs out of its pairs and the most common
words of each part.
"""

from __future__ import annotations

import os
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "eval"))

import linking_eval  # noqa: E402
import score_linking  # noqa: E402
from linking_eval import _cross_document_pairs as cross_pairs  # noqa: E402


def losses(groups: dict[str, list[tuple[linking_eval.Matched, str]]], part_of) -> list[tuple]:
    """(pairs lost, group, pairs, parts) for each group whose mentions' parts break its pairs."""
    rows = []
    for group, items in groups.items():
        total = cross_pairs([m.gold.doc for m, _ in items])
        parts: dict[str | None, list] = defaultdict(list)
        for m, text in items:
            parts[part_of(m)].append((m, text))
        kept = sum(cross_pairs([m.gold.doc for m, _ in p]) for key, p in parts.items() if key)
        if total - kept:
            shown = sorted(((len(p), key, Counter(t for _, t in p).most_common(4)) for key, p in parts.items()),
                           key=lambda row: -row[0])
            rows.append((total - kept, group, total, shown))
    return sorted(rows, key=lambda row: -row[0])


def main() -> None:
    set_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "data" / "newswcl50"
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    os.environ.setdefault("CORPUS_TUI", str(Path(sys.executable).with_name("corpus-tui")))
    chains, clusters = defaultdict(list), defaultdict(list)
    for topic in score_linking.load_topics(set_dir):
        for m in linking_eval.evaluate_topic(topic, score_linking.LABELS, 600).matched:
            text = topic.files[m.gold.doc][m.gold.start : m.gold.end]
            chains[m.gold.chain].append((m, text))
            if m.cluster:
                clusters[m.cluster].append((m, text))
    for title, rows in (("gold chains split (recall)", losses(chains, lambda m: m.cluster)),
                        ("entities joining chains (precision)", losses(clusters, lambda m: m.gold.chain))):
        print(f"== {title}")
        for lost, group, total, shown in rows[:top]:
            print(f"{lost:6d}/{total:6d} {group}")
            for count, key, texts in shown[:6]:
                print(f"        {count:4d} {key} {texts}")


if __name__ == "__main__":
    main()
