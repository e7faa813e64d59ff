"""Facts: fills ``Comparison.facts`` (shared, unique, contradicted) and ``informational``.

Reads the parsed articles, their sentence vectors and the actors; claim units are aligned across articles.
"""
