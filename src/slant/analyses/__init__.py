"""Analyses: one subpackage per report section, each module one pure function over the Comparison.

Packages depend one way: ``quotes`` (speech verbs, quotation marks, outlet names) sits below
``actors``, ``referents``, ``language``, ``portrayal`` and ``judgement``; ``referents`` below
``language`` (terms are its word-choice view); ``facts`` stands alone. ``pipeline.py`` registers
every analysis and orders them by what they require and provide.
"""
