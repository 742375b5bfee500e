"""Stories: articles about the same event are grouped; unrelated articles are not."""

from __future__ import annotations

from pathlib import Path

import generate
import pytest

from annotate.corpus.loading import load_corpus
from annotate.model import Article, EntityMention
from annotate.compare.stories import group_stories
from tests.pilot import wait_for_engine

ROOT = Path(__file__).resolve().parents[1]


def _linked(folders):
    from annotate.engine import annotate_articles
    from annotate.compare.linking import link_entities

    articles = load_corpus(folders).articles
    mentions = annotate_articles(articles).mentions
    link_entities(articles, mentions)
    return articles, mentions


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    folder = tmp_path_factory.mktemp("stories")
    manifest = generate.generate(folder, 120, seed=23)
    articles, mentions = _linked([folder])
    id_of = {Path(a.path).name: a.id for a in articles}
    truth = [sorted(id_of[f] for f in s.files) for s in manifest.stories]
    return articles, mentions, truth


def _article(article_id: str, text: str) -> Article:
    return Article(id=article_id, path=f"{article_id}.txt", title=text.split("\n")[0], text=text)


def test_the_two_seed_articles_are_one_story():
    articles, mentions = _linked([ROOT / "corpus"])
    assert group_stories(articles, mentions) == [[a.id for a in articles]]


REALISTIC = sorted(p for p in (ROOT / "tests" / "data" / "realistic").iterdir() if p.is_dir())


@pytest.mark.parametrize("folder", REALISTIC, ids=lambda p: p.name)
def test_a_small_set_of_reports_of_one_event_is_one_story(folder):
    # In a corpus of 2-3 reports the words they all share weigh least; they must still join.
    articles, mentions = _linked([folder])
    assert group_stories(articles, mentions) == [[a.id for a in articles]]


def test_unrelated_small_sets_stay_apart():
    folders = REALISTIC + [ROOT / "corpus"]
    articles, mentions = _linked(folders)
    folder_of = {a.id: Path(a.path).parent.name for a in articles}
    stories = group_stories(articles, mentions)
    assert sorted(sorted({folder_of[a] for a in s}) for s in stories) == sorted([f.name] for f in folders)


def test_generated_stories_are_recovered_exactly(generated):
    articles, mentions, truth = generated
    found = group_stories(articles, mentions)
    assert sorted(found) == sorted(truth)


def test_grouping_does_not_depend_on_file_order(generated):
    articles, mentions, truth = generated
    shuffled = list(reversed(articles))
    assert sorted(sorted(s) for s in group_stories(shuffled, mentions)) == sorted(truth)


def test_stories_list_articles_in_corpus_order_and_each_article_once(generated):
    articles, mentions, _ = generated
    found = group_stories(articles, mentions)
    order = {a.id: i for i, a in enumerate(articles)}
    assert sorted(a for s in found for a in s) == sorted(order)
    assert all(s == sorted(s, key=order.get) for s in found)
    assert [order[s[0]] for s in found] == sorted(order[s[0]] for s in found)


def test_an_unrelated_article_stays_alone_beside_a_story():
    seeds = load_corpus([ROOT / "corpus"]).articles
    other = _article(
        "bakery",
        "Village bakery wins regional bread prize\n\nThe family bakery on Elm Street won the "
        "county sourdough competition for the third time, judges announced, praising its crust "
        "and the owner's patience with slow fermentation and rye flour.",
    )
    found = group_stories([*seeds, other], [])
    assert [["bakery"]] == [s for s in found if "bakery" in s]
    assert len(found) == 2


def test_shared_names_join_articles_whose_words_differ():
    """Two short reports in different words about the same people: the entities link them."""
    a = _article("a", "Port talks resume\n\nNegotiators met again at the harbour on Monday.")
    b = _article("b", "Dock dispute: second round\n\nUnion and owners sat down once more.")
    c = _article("c", "Orchard harvest early\n\nGrowers picked apples two weeks ahead of schedule.")

    def entity(article: str, name: str, n: int) -> EntityMention:
        return EntityMention(id=f"{article}:e{n}", article=article, start=0, end=1, text=name[0],
                             label="PERSON", value=name)

    names = ["Ilse Varkonen", "Tobias Prenn", "Harbour Workers Federation"]
    mentions = [entity(x, name, i) for x in ("a", "b") for i, name in enumerate(names)]
    assert group_stories([a, b, c], mentions) == [["a", "b"], ["c"]]
    assert group_stories([a, b, c], []) == [["a"], ["b"], ["c"]]


def test_no_articles_no_stories():
    assert group_stories([], []) == []


def test_the_engine_compares_articles_only_within_their_story(tmp_path, monkeypatch):
    """Two unrelated events in one folder: the detectors never see both at once."""
    import annotate.compare.discrepancies
    from annotate.engine import analyse

    manifest = generate.generate(tmp_path, 10, seed=31)
    assert len(manifest.stories) >= 2
    articles = [*load_corpus([tmp_path]).articles, *load_corpus([ROOT / "corpus"]).articles]
    real = annotate.compare.discrepancies.detect
    calls: list[list[str]] = []

    def recording(story_articles, mentions, entities, statements, sentences, words, negations, denials, streams):
        ids = {a.id for a in story_articles}
        calls.append(sorted(ids))
        assert {m.article for m in mentions} <= ids
        assert all(mid.split(":")[0] in ids for e in entities for mid in e.mentions)
        assert {s.article for s in statements} <= ids
        assert set(sentences) == ids and set(words) == ids and set(streams) == ids
        assert {x.article for x in [*negations, *denials]} <= ids
        return real(story_articles, mentions, entities, statements, sentences, words, negations, denials, streams)

    monkeypatch.setattr(annotate.compare.discrepancies, "detect", recording)
    analysis = analyse(articles)
    assert sorted(calls) == sorted(sorted(s) for s in analysis.stories if len(s) > 1)
    assert len(analysis.stories) == len(manifest.stories) + 1
    story_of = {a: n for n, s in enumerate(analysis.stories) for a in s}
    for d in analysis.discrepancies:
        assert len({story_of[e.article] for e in d.evidence}) == 1


def test_many_outlets_on_one_story_make_one_story(tmp_path):
    """150 reports of one event among 150 others: its names are in too many articles to
    pair them all, yet the reports still come together, and nothing else joins them."""
    manifest = generate.generate(tmp_path, 300, seed=5, largest=150)
    articles, mentions = _linked([tmp_path])
    id_of = {Path(a.path).name: a.id for a in articles}
    big = {id_of[f] for f in manifest.stories[0].files}
    found = max(group_stories(articles, mentions), key=len)
    assert set(found) <= big
    assert len(found) >= 0.95 * len(big)


FIVE_OUTLETS = ROOT / "tests" / "data" / "stories" / "ferry-five-outlets"


def test_a_folder_of_five_outlets_on_one_event_is_one_story():
    """Five outlets, five angles (wire, local, broadcaster, business, analysis) on one
    ferry sinking: few words in common, yet one story, so they are compared."""
    articles, mentions = _linked([FIVE_OUTLETS])
    assert len(articles) == 5
    assert group_stories(articles, mentions) == [[a.id for a in articles]]


def test_short_unrelated_imported_pages_that_share_only_common_words_stay_apart(tmp_path, capsys):
    """Five short pages from different outlets on five events (a bus fare vote, a mine
    strike, a budget, a flood, a wildfire), imported as a user would: they share words
    ("voted", "budget", "workers") and a month, but no name, so each is its own story."""
    from annotate.corpus.importer import run_import

    assert run_import([str(ROOT / "tests" / "data" / "pages"), "-o", str(tmp_path)]) == 0
    articles, mentions = _linked([tmp_path])
    assert len(articles) == 5
    assert group_stories(articles, mentions) == [[a.id] for a in articles]


def test_a_mixed_folder_of_clearly_different_events_still_splits(tmp_path):
    """One folder holding the ferry reports, the earthquake reports and the election
    reports: three stories, each whole."""
    sources = [FIVE_OUTLETS, ROOT / "tests" / "data" / "realistic" / "earthquake",
               ROOT / "tests" / "data" / "realistic" / "election"]
    event_of = {}
    for source in sources:
        for path in source.glob("*.md"):
            target = tmp_path / f"{source.name}-{path.name}"
            target.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
            event_of[target.name] = source.name
    articles, mentions = _linked([tmp_path])
    event = {a.id: event_of[Path(a.path).name] for a in articles}
    found = group_stories(articles, mentions)
    assert sorted(sorted({event[a] for a in s}) for s in found) == sorted([s.name] for s in sources)
    assert len(found) == 3


def test_two_events_of_one_kind_months_apart_are_two_stories(tmp_path):
    """The same kind of event told in the same words, a year apart: two stories."""
    body = ("Flooding closed the river road at Kessel after two days of rain, and the "
            "council opened the sports hall for families whose houses were flooded. "
            "Firefighters pumped water from the cellars of the old town all night.")
    for n, (outlet, published) in enumerate([("a", "2021-03-02"), ("b", "2021-03-03"), ("c", "2022-04-10"),
                                             ("d", "2022-04-11")]):
        (tmp_path / f"{outlet}.md").write_text(
            f"---\ntitle: Floods in Kessel\nsource: Outlet {outlet}\npublished: {published}\n---\n{body} ({n})\n",
            encoding="utf-8")
    articles, mentions = _linked([tmp_path])
    assert group_stories(articles, mentions) == [["a", "b"], ["c", "d"]]


def test_the_stories_mode_one_puts_every_article_in_one_story(tmp_path):
    from annotate.compare.story_modes import given_stories

    articles = load_corpus(REALISTIC[:2]).articles
    assert given_stories("one", articles) == [[a.id for a in articles]]
    assert given_stories("auto", articles) is None


def test_the_stories_mode_folders_makes_each_subfolder_a_story(tmp_path):
    from annotate.compare.story_modes import given_stories

    for folder in ("quake", "vote"):
        (tmp_path / folder / "deeper").mkdir(parents=True)
    (tmp_path / "quake" / "one.md").write_text("Quake one\n\nThe ground shook.\n", encoding="utf-8")
    (tmp_path / "quake" / "deeper" / "two.md").write_text("Quake two\n\nThe ground shook again.\n", encoding="utf-8")
    (tmp_path / "vote" / "three.md").write_text("Vote three\n\nPolls closed.\n", encoding="utf-8")
    (tmp_path / "loose.md").write_text("Loose\n\nAn article beside the folders.\n", encoding="utf-8")
    articles = load_corpus([tmp_path]).articles
    stories = given_stories("folders", articles, [tmp_path])
    # ids are paths inside the corpus (README "Corpus format")
    assert sorted(sorted(s) for s in stories) == [["loose"], ["quake/deeper/two", "quake/one"], ["vote/three"]]


def _two_event_folders(tmp_path: Path) -> Path:
    """A corpus folder with the ferry reports and the earthquake reports in subfolders."""
    corpus = tmp_path / "corpus"
    for source in (FIVE_OUTLETS, ROOT / "tests" / "data" / "realistic" / "earthquake"):
        (corpus / source.name).mkdir(parents=True)
        for path in source.glob("*.md"):
            (corpus / source.name / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    return corpus


def _report_stories(capsys, *args: str) -> list[list[str]]:
    import json

    from tui.cli import main

    assert main(["report", *args, "--format", "json", "--no-cache"]) == 0
    return json.loads(capsys.readouterr().out)["stories"]


def test_report_groups_by_the_stories_option(tmp_path, capsys):
    corpus = _two_event_folders(tmp_path)
    articles = load_corpus([corpus]).articles
    ferry = sorted(a.id for a in articles if "ferry" in a.path)
    quake = sorted(a.id for a in articles if "earthquake" in a.path)
    assert sorted(map(sorted, _report_stories(capsys, str(corpus)))) == sorted([ferry, quake])
    assert _report_stories(capsys, str(corpus), "--stories", "one") == [[a.id for a in articles]]
    assert sorted(map(sorted, _report_stories(capsys, str(corpus), "--stories", "folders"))) == sorted([ferry, quake])
    # Articles directly in the folder given are one story of their own.
    assert len(_report_stories(capsys, str(corpus / FIVE_OUTLETS.name), "--stories", "folders")) == 1


def test_report_rejects_an_unknown_stories_mode(capsys):
    from tui.cli import main

    with pytest.raises(SystemExit):
        main(["report", str(ROOT / "corpus"), "--stories", "several"])
    assert "--stories" in capsys.readouterr().err


def test_the_engine_cache_keeps_each_stories_mode_apart(tmp_path, monkeypatch):
    from annotate.engine import analyse

    monkeypatch.setenv("CORPUS_TUI_CACHE_DIR", str(tmp_path / "cache"))
    corpus = _two_event_folders(tmp_path)
    articles = load_corpus([corpus]).articles
    assert len(analyse(articles, use_cache=True).stories) == 2
    assert len(analyse(articles, use_cache=True, stories="one").stories) == 1
    assert len(analyse(articles, use_cache=True).stories) == 2  # not the cached 'one'




@pytest.mark.parametrize("mode, stories", [("auto", 2), ("folders", 2), ("one", 1)])
async def test_the_app_groups_by_the_stories_option(tmp_path, monkeypatch, mode, stories):
    from tui.app import CorpusApp

    monkeypatch.setenv("CORPUS_TUI_CACHE_DIR", str(tmp_path / "cache"))
    corpus = _two_event_folders(tmp_path)
    app = CorpusApp([corpus], stories=mode)
    async with app.run_test(size=(160, 50)) as pilot:
        await wait_for_engine(pilot)
        if stories == 1:
            assert "story" not in app.status.said
            await pilot.press("}")
            assert app.status.said == "All articles are one story"
        else:
            assert "story 1 of 2" in app.status.said
            first = set(app.reading.shown[: app.column_count])
            await pilot.press("}")
            assert "story 2 of 2" in app.status.said
            assert first.isdisjoint(app.reading.shown[: app.column_count])


def test_the_pipeline_counts_the_words_story_grouping_compares():
    from annotate.nlp.extract import extract_words
    from annotate.nlp.language import story_word_counts
    from annotate.nlp.pipeline import build_pipeline

    text = "Müller met MULLER's aides. Muller said: don't panic, the well-known aides met 12 times in 2024."
    counts = story_word_counts(text)
    # Folded (case, accents), in order of first use; stop words, short words and figures left out.
    assert list(counts.items()) == [("muller", 3), ("aides", 2), ("panic", 1), ("well", 1), ("known", 1), ("times", 1)]
    assert extract_words(build_pipeline(None)(text)).counts == counts  # ct_words counts them, same order


def test_stories_are_grouped_by_the_words_the_pipeline_counted_not_by_the_text():
    from annotate.model import ArticleWords

    a = _article("a", "Harbour strike\n\nDockers walked out.")
    b = _article("b", "Orchard harvest\n\nGrowers picked apples.")
    c = _article("c", "Budget vote\n\nThe council voted.")
    assert group_stories([a, b, c], []) == [["a"], ["b"], ["c"]]
    shared = {"dockers": 3, "harbour": 2, "strike": 2, "walkout": 1}
    words = {x.id: ArticleWords(counts=shared) for x in (a, b)}
    # a and b share every counted word: one story, though their texts share none; c, without
    # the pipeline's words, is counted from its text by the same rule.
    assert group_stories([a, b, c], [], words) == [["a", "b"], ["c"]]
