"""The engine's stages, run in order: pipeline -> mentions -> entities -> discrepancies.

Each stage is a plain function in its own module and can be tested alone:

- ``annotate.pipeline.build_pipeline(model)`` -> spaCy ``Language``
- ``annotate.extract.extract_mentions(doc, article)`` -> ``list[Mention]``
- ``annotate.linking.link_entities(articles, mentions)`` -> ``list[Entity]``
  (also fills ``Mention.entity`` and quote speakers)
- ``annotate.discrepancies.detect(articles, mentions, entities)``
  -> ``(list[Discrepancy], list[Corroboration])``
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from . import __version__
from .model import Analysis, Article, EngineInfo, Mention

Progress = Callable[[int, int], None]  # (articles done, total)


def annotate_articles(
    articles: Sequence[Article], model: str | None = None, progress: Progress | None = None
) -> tuple[list[Mention], str]:
    """Run the spaCy pipeline over each article; return mentions and the pipeline's name."""
    from .extract import extract_mentions
    from .pipeline import build_pipeline, pipeline_name

    nlp = build_pipeline(model)
    mentions: list[Mention] = []
    docs = (_make_doc(nlp, a) for a in articles)
    for i, (article, doc) in enumerate(zip(articles, nlp.pipe(docs, batch_size=16)), 1):
        mentions.extend(extract_mentions(doc, article))
        if progress:
            progress(i, len(articles))
    return mentions, pipeline_name(nlp)


def _make_doc(nlp, article: Article):
    doc = nlp.make_doc(article.text)
    doc.user_data["published"] = article.published
    return doc


def analyse(
    articles: Sequence[Article], model: str | None = None, progress: Progress | None = None
) -> Analysis:
    """The whole engine over a loaded corpus."""
    from .discrepancies import detect
    from .linking import link_entities

    mentions, pipeline = annotate_articles(articles, model, progress)
    entities = link_entities(articles, mentions)
    discrepancies, corroborations = detect(articles, mentions, entities)
    return Analysis(
        articles=list(articles),
        mentions=mentions,
        entities=entities,
        discrepancies=discrepancies,
        corroborations=corroborations,
        engine=EngineInfo(version=__version__, pipeline=pipeline),
    )
