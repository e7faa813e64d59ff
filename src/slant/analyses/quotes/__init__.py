"""Quotes: fills ``Comparison.quotes`` (who said what, with which verb) and ``sources`` (outlets cited).

Reads the parsed articles and the actors; its speech-verb, quotation-mark and outlet helpers serve the other sections.
"""
