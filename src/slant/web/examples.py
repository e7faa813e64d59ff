"""The bundled example sets (``slant/examples/NAME_SIDE.txt``) the page offers to try."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from slant.errors import NotFoundError
from slant.model import Article
from slant.settings import Settings

FIRST = ("harbor", "shelter", "fire", "tax", "books")
"""Shown first, in this order: the README's example, then the other hand-written events."""


@lru_cache(maxsize=1)
def example_sets() -> dict[str, tuple[tuple[str, str], ...]]:
    """Example name -> ((file name, text), ...) for every name with two or more article files."""
    folder = resources.files("slant").joinpath("examples")
    groups: dict[str, list[tuple[str, str]]] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.is_file() and entry.name.endswith(".txt") and "_" in entry.name:
            groups.setdefault(entry.name.rsplit("_", 1)[0], []).append((entry.name, entry.read_text("utf-8")))
    named = {name: tuple(files) for name, files in groups.items() if len(files) >= 2}
    order = [n for n in FIRST if n in named] + sorted(n for n in named if n not in FIRST)
    return {name: named[name] for name in order}


def example_articles(name: str, settings: Settings) -> list[Article]:
    """The articles of one example set, read like files.

    Raises:
        NotFoundError: no example of that name.
    """
    from slant.ingest.text import article_from_text

    files = example_sets().get(name)
    if files is None:
        raise NotFoundError(f"{name}: no such example")
    return [article_from_text(text, file, settings, article_id=f"a{k}") for k, (file, text) in enumerate(files, 1)]
