"""slant: see how news outlets cover the same event.

Public API::

    import slant
    comparison = slant.compare(slant.read_articles(["left.txt", "right.html"]))
"""

from __future__ import annotations

import logging

from slant.errors import (
    FetchError,
    InputError,
    ModelUnavailableError,
    PipelineError,
    SlantError,
    StoreError,
)
from slant.ingest import read_articles
from slant.model import Article, Comparison
from slant.pipeline import compare
from slant.settings import Settings
from slant.version import __version__ as __version__

logging.getLogger(__name__).addHandler(logging.NullHandler())


__all__ = [
    "Article",
    "Comparison",
    "FetchError",
    "InputError",
    "ModelUnavailableError",
    "PipelineError",
    "Settings",
    "SlantError",
    "StoreError",
    "compare",
    "read_articles",
]
