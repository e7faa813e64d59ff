"""Language: fills ``language`` (loaded words, biased sentences, framing marks), ``profiles`` and ``terms``.

Reads the parsed articles, the quotes (speech is not a scare quote) and the actors (word choice per referent).
"""
