"""Fixtures for the ingest tests: the folder of hand-written input files."""

from __future__ import annotations

from pathlib import Path

import pytest

from slant.settings import Settings


@pytest.fixture(scope="session")
def ingest_data() -> Path:
    """tests/data/ingest: small inputs written for these tests (no real news text)."""
    return Path(__file__).resolve().parent.parent / "data" / "ingest"


@pytest.fixture
def settings() -> Settings:
    return Settings()
