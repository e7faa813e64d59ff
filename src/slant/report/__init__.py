"""Renderers: a ``Comparison`` as JSON, terminal text, Markdown or one HTML file.

Every renderer reads only the ``Comparison`` (through ``report.view``) and
computes nothing new; ``report.json`` is the ``slant.compare/1`` serialisation.
``view.build_view`` assembles the view from one ``*_view`` module per group of sections (they never
import ``view``); the terminal renderer's section printers live in the ``terminal_*`` modules.
"""
