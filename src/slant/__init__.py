"""slant: see how news outlets cover the same event.

Public API::

    import slant
    comparison = slant.compare(slant.read_articles(["left.txt", "right.html"]))
"""

from __future__ import annotations

import logging

__version__ = "0.1.0"

from slant.errors import (  # noqa: E402 (after __version__, which pipeline reads)
    FetchError,
    InputError,
    ModelUnavailableError,
    PipelineError,
    SlantError,
    StoreError,
)
from slant.ingest import read_articles  # noqa: E402
from slant.model import Article, Comparison  # noqa: E402
from slant.pipeline import compare  # noqa: E402
from slant.settings import Settings  # noqa: E402

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
