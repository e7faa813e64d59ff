"""Analyses: one subpackage per report section, each module one pure function over the Comparison.

Packages depend one way: ``quotes`` (speech verbs, quotation marks, outlet names) sits below
``actors``, ``language``, ``portrayal`` and ``judgement``; ``facts`` stands alone. ``pipeline.py``
registers every analysis and orders them by what they require and provide.
"""
