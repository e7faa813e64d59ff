"""Analyses: one module per analysis, each a pure function over the Comparison (see pipeline.py)."""
