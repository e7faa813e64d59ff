"""Judgement: fills ``lean`` (left / center / right from wording) and ``summary`` (neutral, cited).

Reads the sentences for lean, and the facts, language marks and terms for the summary.
"""
