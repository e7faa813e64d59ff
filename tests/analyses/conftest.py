"""Fixtures shared by the analysis tests."""

from __future__ import annotations

import pytest

from slant.nlp.resources import Resources


@pytest.fixture(scope="session")
def nlp_resources() -> Resources:
    """Model handle with the spaCy pipeline loaded once for the whole session."""
    resources = Resources()
    resources.nlp  # noqa: B018 (load the pipeline once for the session)
    return resources
