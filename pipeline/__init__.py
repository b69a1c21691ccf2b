"""Extraction pipeline for French strategic plans and activity reports."""

__version__ = "0.1.0"
