"""Rendering pages, tables, charts, cards and downloads from checked content only."""
