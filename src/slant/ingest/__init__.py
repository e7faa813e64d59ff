"""Ingest: files, stdin and records -> Article. (Placeholder until the ingest layer lands; the ingest engineer replaces this file.)"""


def read_articles(*args, **kwargs):  # type: ignore[no-untyped-def]
    raise NotImplementedError
