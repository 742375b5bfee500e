"""Build the spaCy pipeline: a blank English pipeline (or a trained one) plus our rules.

With no model, ``spacy.blank("en")`` plus rule components works offline. With
``model`` naming an installed trained pipeline (a package name or a path),
its NER and parser run first and the rules fill in what they miss. Nothing is
ever downloaded.
"""

from __future__ import annotations

import importlib
import re
from functools import lru_cache

import spacy
from spacy.language import Language

from annotate.corpus.loading import MAX_FILE_BYTES
from annotate.nlp.language import ABBREVIATIONS

# Our components, in run order: (module under annotate.nlp.components, factory name).
# Quotes and reported speech run late because they look up speakers among the entities;
# negations after them, outside quotes.
RULE_COMPONENTS: tuple[tuple[str, str], ...] = (
    ("sentences", "ct_sentences"),
    ("entities", "ct_entities"),
    ("nested", "ct_nested"),
    ("cues", "ct_name_cues"),
    ("numbers", "ct_numbers"),
    ("dates", "ct_dates"),
    ("quotes", "ct_quotes"),
    ("speech", "ct_speech"),
    ("words", "ct_words"),
    ("stream", "ct_stream"),
    ("context", "ct_context"),
    ("negation", "ct_negation"),
)

_BLANK_PREFIX = "blank:"


class ModelNotFoundError(LookupError):
    """``--model`` named a spaCy pipeline that is not installed."""


@lru_cache(maxsize=4)
def build_pipeline(model: str | None = None) -> Language:
    """The pipeline for ``model`` (None = blank English + rules); cached per name."""
    nlp = _base_pipeline(model)
    # The rule components are linear, so long articles the loader accepts are fine.
    nlp.max_length = MAX_FILE_BYTES + 1
    _tune_tokenizer(nlp)
    for module, factory in RULE_COMPONENTS:
        if factory in nlp.pipe_names or not _factory_available(module, factory):
            continue
        if factory == "ct_sentences":
            # First: a trained parser that runs later keeps the boundaries already set.
            nlp.add_pipe(factory, first=True)
        else:
            nlp.add_pipe(factory)
    return nlp


def pipeline_name(nlp: Language) -> str:
    """A short name for reports: "blank:en+rules" or "en_core_web_sm-3.8.0+rules"."""
    meta = nlp.meta
    trained = any(name not in {f for _, f in RULE_COMPONENTS} for name in nlp.pipe_names)
    if trained:
        base = f"{meta.get('lang', nlp.lang)}_{meta.get('name', 'pipeline')}-{meta.get('version', '0.0.0')}"
    else:
        base = f"blank:{nlp.lang}"
    return base + "+rules"


def _base_pipeline(model: str | None) -> Language:
    if model is None:
        return spacy.blank("en")
    if model.startswith(_BLANK_PREFIX):
        return spacy.blank(model[len(_BLANK_PREFIX) :] or "en")
    try:
        return spacy.load(model)
    except OSError as exc:  # spaCy's "E050: Can't find model" is an OSError
        raise ModelNotFoundError(
            f"spaCy pipeline {model!r} is not installed (no package or folder by that name). "
            f"Install it with 'python -m spacy download {model}' or 'pip install ...', "
            "or run without --model to use the built-in rules."
        ) from exc


# A period glued between a number and a capitalised word ("on May 12.The move")
# is a sentence end; the stock infixes only split it after a letter.
# (Each of the two patterns starts with the period, looking behind it after: the regex engine
# skips an alternative whose first character does not match without trying it, and these are
# tried at every character of every chunk the tokenizer splits.)
_GLUED_PERIOD = r"\.(?<=[0-9]\.)(?=[A-Z][a-z])"
# A sentence-final period after a camel-case name ("... owns SpaceX.") is not part of
# the name; the stock suffixes keep a period after a capital ("U.S.").
_CAMEL_CASE_PERIOD = r"\.$(?<=[a-z][A-Z]\.)"
# A dateline's closing bracket glued to a dash and the first word ("WASHINGTON (Reuters)-The
# Democratic Party"): the bracket and the dash are tokens of their own, so no name runs across them.
_GLUED_BRACKET_DASH = r"\)(?=[-\u2013\u2014][A-Za-z])|(?<=\))[-\u2013\u2014](?=[A-Za-z])"


def _tune_tokenizer(nlp: Language) -> None:
    """Add the abbreviations (``annotate.nlp.language``) and the splits above to the pipeline's own rules."""
    tokenizer = nlp.tokenizer
    for abbreviation in sorted(ABBREVIATIONS):
        # (one the stock rules split from its period would end a sentence inside "Col. Ahmed
        # Diallo" or "No. 5": ``ct_sentences`` ends one after a period that is a token of its own)
        if f"{abbreviation}." not in tokenizer.rules:
            tokenizer.add_special_case(f"{abbreviation}.", [{"ORTH": f"{abbreviation}."}])
    if tokenizer.infix_finditer is not None:
        pattern = tokenizer.infix_finditer.__self__.pattern
        if _GLUED_PERIOD not in pattern:
            tokenizer.infix_finditer = re.compile(f"{pattern}|{_GLUED_PERIOD}|{_GLUED_BRACKET_DASH}").finditer
    if tokenizer.suffix_search is not None:
        pattern = tokenizer.suffix_search.__self__.pattern
        if _CAMEL_CASE_PERIOD not in pattern:
            tokenizer.suffix_search = re.compile(f"{pattern}|{_CAMEL_CASE_PERIOD}").search


def _factory_available(module: str, factory: str) -> bool:
    """Import ``annotate.nlp.components.<module>`` (which registers the factory) if it exists."""
    try:
        importlib.import_module(f"annotate.nlp.components.{module}")
    except ModuleNotFoundError as exc:
        if exc.name != f"annotate.nlp.components.{module}":
            raise  # the module exists but is broken: say so, don't hide it
        return False
    return Language.has_factory(factory)
