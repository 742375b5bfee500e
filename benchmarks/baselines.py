"""The trivial baselines the quality benchmark compares corpus-tui with.

    python benchmarks/baselines.py report FOLDER --format json

Prints a report in corpus-tui's JSON contract, so the same scorers read it:

- linking: runs of capitalised words, clustered by their last word;
- stories: TF-IDF vectors of each article's words (stop words dropped, log-scaled counts), joined by
  average-linkage clustering while two clusters' mean cosine is at least 0.15;
- discrepancies: none.

About thirty lines each, on purpose: an engine worth its code beats them by a wide margin.
"""

from __future__ import annotations

import json
import math
import re
import sys
from collections import Counter
from pathlib import Path

import numpy
from spacy.lang.en.stop_words import STOP_WORDS

CAPITALISED_RUN = re.compile(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*")
WORD = re.compile(r"[a-z][a-z'-]+")
STORY_COSINE = 0.15


def load(folder: Path) -> list[dict]:
    articles = []
    for path in sorted(folder.rglob("*")):
        if path.suffix in {".txt", ".md"} and path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            title = text.strip().splitlines()[0] if text.strip() else path.stem
            articles.append({"id": path.stem, "path": str(path), "title": title, "source": None,
                             "published": None, "text": text})
    return articles


def link(articles: list[dict]) -> tuple[list[dict], list[dict]]:
    mentions, members = [], {}
    for article in articles:
        for match in CAPITALISED_RUN.finditer(article["text"]):
            last = match.group().split()[-1].strip(".'’-").lower()
            mention = {"id": f"{article['id']}:{match.start()}", "article": article["id"],
                       "start": match.start(), "end": match.end(), "text": match.group(),
                       "kind": "entity", "label": "PERSON", "entity": f"e-{last}"}
            mentions.append(mention)
            members.setdefault(mention["entity"], []).append(mention["id"])
    entities = [{"id": key, "name": key[2:], "label": "PERSON", "mentions": ids}
                for key, ids in members.items()]
    return mentions, entities


def group(articles: list[dict]) -> list[list[str]]:
    bags = [Counter(w for w in WORD.findall(a["text"].lower()) if w not in STOP_WORDS)
            for a in articles]
    document_frequency = Counter(w for bag in bags for w in bag)
    vocabulary = {w: i for i, w in enumerate(document_frequency)}
    vectors = numpy.zeros((len(articles), len(vocabulary)))
    for row, bag in enumerate(bags):
        for word, count in bag.items():
            idf = math.log(len(articles) / document_frequency[word]) + 1
            vectors[row, vocabulary[word]] = (1 + math.log(count)) * idf
    vectors /= numpy.maximum(numpy.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    similarity = vectors @ vectors.T  # summed over member pairs once clusters grow
    clusters = {i: [i] for i in range(len(articles))}
    while len(clusters) > 1:
        keys = list(clusters)
        best, pair = STORY_COSINE, None
        for x, a in enumerate(keys):
            for b in keys[x + 1:]:
                mean = similarity[a, b] / (len(clusters[a]) * len(clusters[b]))
                if mean >= best:
                    best, pair = mean, (a, b)
        if pair is None:
            break
        a, b = pair
        clusters[a] += clusters.pop(b)
        similarity[a, :] += similarity[b, :]
        similarity[:, a] += similarity[:, b]
    return [[articles[i]["id"] for i in members] for members in clusters.values()]


def main() -> int:
    if len(sys.argv) < 3 or sys.argv[1] != "report":
        print(__doc__, file=sys.stderr)
        return 2
    articles = load(Path(sys.argv[2]))
    mentions, entities = link(articles)
    report = {"engine": {"version": "baseline", "pipeline": "baseline"}, "articles": articles,
              "mentions": mentions, "entities": entities, "discrepancies": [],
              "stories": group(articles)}
    json.dump(report, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
