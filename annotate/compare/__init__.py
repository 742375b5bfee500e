"""Comparing articles: linking mentions into entities, grouping stories, aligning statements, detecting discrepancies.

Pure functions over the engine's model (``annotate.model``)."""
