"""Renderers: a ``Comparison`` as JSON, terminal text, Markdown or one HTML file.

Every renderer reads only the ``Comparison`` (through ``report.view``) and
computes nothing new; ``report.json`` is the ``slant.compare/1`` serialisation.
"""
