"""Screens shown over the reader: help, the articles list, command palette commands."""
