"""Referents: fills ``Comparison.referents``, every thing the articles name, each mention grouped across articles.

Reads the parsed articles, their MiniLM states, the actors (names never split) and the facts (aligned slots).
"""
