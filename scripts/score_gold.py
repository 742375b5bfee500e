"""Score the engine against the seed gold (tests/data/seeds.yaml) and print the result.

    python scripts/score_gold.py [--corpus corpus] [--gold tests/data/seeds.yaml] [--model NAME]

Prints precision and recall per discrepancy kind, then what the gold
expects for entities, quotes, numbers and dates and whether the engine has
it. ``tests/test_gold.py`` asserts on the same ``score`` result.

Matching rules (whitespace folded everywhere):

- a gold phrase is located in its article's text (every occurrence);
- a discrepancy matches a gold item when the kinds are equal and, for every
  article the gold names, one of the discrepancy's evidence spans in that
  article overlaps the gold phrase;
- precision counts a discrepancy as right when it matches a required or an
  acceptable item; recall counts required items found;
- an agreement is flagged when a discrepancy that matches no gold item has
  evidence overlapping the agreement's phrase in every article it names;
- a cluster is linked when every entity mention whose text is one of its
  forms (possessive stripped) belongs to one and the same entity, distinct
  from every other cluster's.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from annotate.compare.detectors.number import counted_key, qualifier_class  # noqa: E402
from annotate.model import DISCREPANCY_KINDS, Analysis, Discrepancy, Mention  # noqa: E402
from annotate.nlp.names import strip_possessive  # noqa: E402


def fold_ws(text: str) -> str:
    return " ".join(text.split())


def locate(text: str, phrase: str) -> list[tuple[int, int]]:
    """Every occurrence of ``phrase`` in ``text``, any run of whitespace matching any other."""
    words = phrase.split()
    if not words:
        return []
    pattern = r"\s+".join(re.escape(w) for w in words)
    return [(m.start(), m.end()) for m in re.finditer(pattern, text)]


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


@dataclass
class KindScore:
    found: int = 0
    correct: int = 0
    required: int = 0
    recalled: int = 0

    @property
    def precision(self) -> float | None:
        return self.correct / self.found if self.found else None

    @property
    def recall(self) -> float | None:
        return self.recalled / self.required if self.required else None


@dataclass
class GoldScore:
    kinds: dict[str, KindScore] = field(default_factory=lambda: {k: KindScore() for k in DISCREPANCY_KINDS})
    missed: list[str] = field(default_factory=list)  # required discrepancies not found
    false_alarms: list[str] = field(default_factory=list)  # found, matching no gold item
    agreements_flagged: list[str] = field(default_factory=list)
    clusters_unlinked: list[str] = field(default_factory=list)
    clusters_checked: int = 0
    quotes_wrong: list[str] = field(default_factory=list)
    quotes_checked: int = 0
    numbers_wrong: list[str] = field(default_factory=list)
    numbers_checked: int = 0
    dates_missed: list[str] = field(default_factory=list)
    dates_checked: int = 0


class GoldError(Exception):
    pass


def load_gold(path: Path) -> dict:
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f)


def article_map(analysis: Analysis, gold: dict) -> dict[str, str]:
    """Gold letter (A, B) -> article id, by title."""
    out = {}
    for letter, title in gold["articles"].items():
        ids = [a.id for a in analysis.articles if fold_ws(a.title) == fold_ws(title)]
        if len(ids) != 1:
            raise GoldError(f"gold article {letter} ({title!r}) matches {len(ids)} loaded articles")
        out[letter] = ids[0]
    return out


def score(analysis: Analysis, gold: dict) -> GoldScore:
    letters = article_map(analysis, gold)
    texts = {letter: analysis.article(aid).text for letter, aid in letters.items()}
    result = GoldScore()
    _score_discrepancies(analysis, gold, letters, texts, result)
    cluster_ids = _score_entities(analysis, gold, letters, result)
    _score_quotes(analysis, gold, letters, texts, cluster_ids, result)
    _score_numbers(analysis, gold, letters, texts, result)
    _score_dates(analysis, gold, letters, texts, result)
    return result


def matches(d: Discrepancy, item: dict, letters: dict[str, str], texts: dict[str, str]) -> bool:
    if d.kind != item.get("kind", d.kind):
        return False
    for letter, phrase in (item.get("values") or {}).items():
        spans = locate(texts[letter], phrase)
        if not spans:
            raise GoldError(f"gold phrase {phrase!r} is not in article {letter}")
        ev = [(e.start, e.end) for e in d.evidence if e.article == letters[letter]]
        if not any(_overlaps(s, e) for s in spans for e in ev):
            return False
    return True


def _score_discrepancies(analysis: Analysis, gold: dict, letters, texts, result: GoldScore) -> None:
    section = gold.get("discrepancies") or {}
    required = section.get("required") or []
    acceptable = section.get("acceptable") or []
    story_ids = set(letters.values())
    found = [d for d in analysis.discrepancies if {e.article for e in d.evidence} <= story_ids]
    for item in required:
        result.kinds[item["kind"]].required += 1
        if any(matches(d, item, letters, texts) for d in found):
            result.kinds[item["kind"]].recalled += 1
        else:
            result.missed.append(f"{item['id']} ({item['kind']}): {item.get('subject')}")
    unmatched: list[Discrepancy] = []
    for d in found:
        score = result.kinds.setdefault(d.kind, KindScore())
        score.found += 1
        if any(matches(d, item, letters, texts) for item in required + acceptable):
            score.correct += 1
        else:
            unmatched.append(d)
            result.false_alarms.append(f"{d.kind}: {d.summary}")
    for agreement in section.get("agreements") or []:
        item = {"values": agreement["values"]}
        for d in unmatched:
            if matches(d, item, letters, texts):
                result.agreements_flagged.append(f"{agreement['subject']} <- {d.kind}: {d.summary}")


def _entity_mentions(analysis: Analysis, article_id: str) -> list[Mention]:
    return [m for m in analysis.mentions if m.article == article_id and m.kind == "entity"]


def _score_entities(analysis: Analysis, gold: dict, letters, result: GoldScore) -> dict[str, str | None]:
    """Check every gold cluster; return gold name -> the engine's entity id (None when split or missing)."""
    per_article = {letter: _entity_mentions(analysis, aid) for letter, aid in letters.items()}
    labels = {e.id: e.label for e in analysis.entities}
    ids: dict[str, str | None] = {}
    owner: dict[str, str] = {}
    for cluster in gold.get("entities") or []:
        name = cluster["name"]
        result.clusters_checked += 1
        seen: set[str | None] = set()
        problems = []
        for letter in letters:
            for form in cluster.get(letter) or []:
                hits = [m for m in per_article[letter] if fold_ws(strip_possessive(m.text)) == fold_ws(form)]
                if not hits:
                    problems.append(f"{letter} has no entity mention {form!r}")
                seen.update(m.entity for m in hits)
        if len(seen) > 1:
            problems.append(f"split over {sorted(str(s) for s in seen)}")
        entity = next(iter(seen)) if len(seen) == 1 else None
        if entity is not None:
            if entity in owner:
                problems.append(f"merged with {owner[entity]!r} as {entity}")
            owner.setdefault(entity, name)
            if labels.get(entity) != cluster.get("label", labels.get(entity)):
                problems.append(f"label {labels.get(entity)} (gold {cluster['label']})")
        ids[name] = entity if not problems else entity
        if problems:
            result.clusters_unlinked.append(f"{name}: " + "; ".join(problems))
    return ids


def _score_quotes(analysis: Analysis, gold: dict, letters, texts, cluster_ids, result: GoldScore) -> None:
    for letter, items in (gold.get("quotes") or {}).items():
        quotes = [m for m in analysis.mentions if m.article == letters[letter] and m.kind == "quote"]
        for item in items:
            result.quotes_checked += 1
            spans = locate(texts[letter], item["starts"])
            hit = next((q for q in quotes if any(q.start <= s < q.end for s, _ in spans)), None)
            if hit is None:
                result.quotes_wrong.append(f"{letter}: no quote starting {item['starts']!r}")
                continue
            want = cluster_ids.get(item["speaker"])
            if want is None or hit.speaker != want:
                result.quotes_wrong.append(
                    f"{letter}: {item['starts']!r} speaker {hit.speaker!r}, gold {item['speaker']} ({want})"
                )


def _same_value(got, want) -> bool:
    if isinstance(want, list):
        return isinstance(got, (list, tuple)) and [float(x) for x in got] == [float(x) for x in want]
    if want is None:
        return got is None
    return isinstance(got, (int, float)) and not isinstance(got, bool) and float(got) == float(want)


def _score_numbers(analysis: Analysis, gold: dict, letters, texts, result: GoldScore) -> None:
    for letter, items in (gold.get("numbers") or {}).items():
        numbers = [m for m in analysis.mentions if m.article == letters[letter] and m.kind == "number"]
        for item in items:
            result.numbers_checked += 1
            spans = locate(texts[letter], item["text"])
            hits = [n for n in numbers if any(_overlaps((n.start, n.end), s) for s in spans)]
            ok = [
                n
                for n in hits
                if _same_value(n.value, item.get("value"))
                and counted_key(n.counts) == counted_key(item.get("counts"))
                and ("qualifier" not in item or qualifier_class(n.qualifier) == qualifier_class(item["qualifier"]))
            ]
            if not ok:
                got = [(n.text, n.value, n.counts, n.qualifier) for n in hits]
                result.numbers_wrong.append(f"{letter}: {item['text']!r} -> {got or 'not found'}")


def _score_dates(analysis: Analysis, gold: dict, letters, texts, result: GoldScore) -> None:
    for letter, phrases in (gold.get("dates") or {}).items():
        dates = [m for m in analysis.mentions if m.article == letters[letter] and m.kind == "date"]
        for phrase in phrases:
            result.dates_checked += 1
            spans = locate(texts[letter], phrase)
            if not any(_overlaps((d.start, d.end), s) for d in dates for s in spans):
                result.dates_missed.append(f"{letter}: {phrase!r}")


def _pct(x: float | None) -> str:
    return "   -" if x is None else f"{100 * x:3.0f}%"


def render(result: GoldScore) -> str:
    lines = [f"{'kind':<14}{'found':>6}{'right':>6}{'precision':>11}{'required':>10}{'recalled':>10}{'recall':>8}"]
    total = KindScore()
    for kind, s in result.kinds.items():
        lines.append(
            f"{kind:<14}{s.found:>6}{s.correct:>6}{_pct(s.precision):>11}{s.required:>10}{s.recalled:>10}{_pct(s.recall):>8}"
        )
        total.found += s.found
        total.correct += s.correct
        total.required += s.required
        total.recalled += s.recalled
    lines.append(
        f"{'all':<14}{total.found:>6}{total.correct:>6}{_pct(total.precision):>11}{total.required:>10}"
        f"{total.recalled:>10}{_pct(total.recall):>8}"
    )

    def section(title: str, checked: int | None, problems: list[str]) -> None:
        head = f"\n{title}: " + (f"{checked - len(problems)}/{checked} ok" if checked is not None else f"{len(problems)}")
        lines.append(head)
        lines.extend(f"  - {p}" for p in problems)

    section("missed required discrepancies", None, result.missed)
    section("false alarms (match no required or acceptable item)", None, result.false_alarms)
    section("agreements flagged", None, result.agreements_flagged)
    section("entity clusters", result.clusters_checked, result.clusters_unlinked)
    section("quotes with speaker", result.quotes_checked, result.quotes_wrong)
    section("numbers with value and counts", result.numbers_checked, result.numbers_wrong)
    section("dates found", result.dates_checked, result.dates_missed)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--corpus", default=str(ROOT / "corpus"))
    p.add_argument("--gold", default=str(ROOT / "tests" / "data" / "seeds.yaml"))
    p.add_argument("--model", default=None)
    args = p.parse_args(argv)
    from annotate.corpus.loading import load_corpus
    from annotate.engine import analyse

    corpus = load_corpus([args.corpus])
    analysis = analyse(corpus.articles, model=args.model)
    print(render(score(analysis, load_gold(Path(args.gold)))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
