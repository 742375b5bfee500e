"""Findings' summaries name articles by the labels the reader shows (A, B), never by their ids."""

import pytest

from annotate.corpus.labels import with_labels

LABELS = {"cnn": "A", "cnn-2": "B", "times": "C"}


@pytest.mark.parametrize(
    "summary, expected",
    [
        ('"5" (cnn) vs "6" (cnn-2, times)', '"5" (A) vs "6" (B, C)'),
        ("Only cnn gives 5; cnn-2 does not mention it", "Only A gives 5; B does not mention it"),
        ('cnn / cnn-2: "x"; times: "y"', 'A / B: "x"; C: "y"'),
        # name_variant's other part of a name: one article, or several, write the usual part
        ('Called "Jong-un" (cnn) where times writes "Kim"', 'Called "Jong-un" (A) where C writes "Kim"'),
        ('Called "Jong-un" (cnn) where cnn-2, times write "Kim"', 'Called "Jong-un" (A) where B, C write "Kim"'),
        ('"times" (times)', '"times" (C)'),  # quoted words are the articles' own
    ],
)
def test_every_summary_shape_names_articles_by_label(summary, expected):
    assert with_labels(summary, LABELS, LABELS) == expected
