"""Shared fixtures: an isolated environment for every test, paths to seeds and examples, models loaded once."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
DATA = ROOT.parent / "shared" / "data"
EXAMPLES = ROOT / "src" / "slant" / "examples"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden/ from current output")


@pytest.fixture(autouse=True)
def _isolated_env(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test gets its own HOME and caches and no hub access."""
    home = tmp_path_factory.mktemp("home")
    for var in ("HOME", "XDG_CACHE_HOME", "HF_HOME"):
        monkeypatch.setenv(var, str(home / var.lower()))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("TRANSFORMERS_OFFLINE", "1")
    monkeypatch.delenv("SLANT_EMBEDDER", raising=False)


@pytest.fixture(scope="session")
def seeds() -> tuple[Path, Path]:
    """The two copyrighted seed articles (left, right), read in place; skip when absent."""
    left = SEEDS / "000_0a7d3b92a7d33c65.txt"
    right = SEEDS / "002_4f038c8934361eee.txt"
    if not (left.is_file() and right.is_file()):
        pytest.skip("../shared/seeds is not available")
    return left, right


@pytest.fixture(scope="session")
def examples() -> Path:
    """Folder of the bundled example articles and their gold annotations."""
    return EXAMPLES


@pytest.fixture(scope="session")
def update_golden(pytestconfig: pytest.Config) -> bool:
    return bool(pytestconfig.getoption("--update-golden"))


@pytest.fixture(scope="session")
def seed_comparison(seeds: tuple[Path, Path]):  # type: ignore[no-untyped-def]
    """slant.compare on the two seed articles, computed once per test session."""
    import slant

    return slant.compare(slant.read_articles([str(seeds[0]), str(seeds[1])]))


@pytest.fixture(scope="session")
def harbor_comparison(examples: Path):  # type: ignore[no-untyped-def]
    """slant.compare on the bundled demo pair, computed once per test session."""
    import slant

    return slant.compare(slant.read_articles([str(examples / "harbor_left.txt"), str(examples / "harbor_right.txt")]))
