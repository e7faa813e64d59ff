"""Actors: fills ``Comparison.actors``, the people, groups and places named, merged across articles.

Reads the parsed articles (entities and proper-noun runs) and the title and role words of ``quotes.speech``.
"""
