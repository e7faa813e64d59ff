"""Portrayal: fills ``voices`` and each actor's ``portrayal`` (tone toward them, references, stated side).

Reads the actors, the quotes and the parsed articles; tone comes from the NewsMTSC-trained sentiment model.
"""
