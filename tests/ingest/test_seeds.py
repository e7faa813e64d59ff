"""The two real seed articles, read in place (copyrighted: no seed text is copied into these tests)."""

from __future__ import annotations

from pathlib import Path

from slant.ingest import read_articles


def _lines(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_seed_left_donation_appeal_is_one_block_over_its_last_line(seeds: tuple[Path, Path]) -> None:
    left, _ = seeds
    (article,) = read_articles([left])
    last = _lines(left)[-1]
    (block,) = article.boilerplate
    assert block.kind == "donation"
    assert block.text == last
    assert (block.start, block.end) == (len(article.text) - len(last), len(article.text))
    assert article.text[block.start - 1] == "\n"  # nothing of the reporting before it


def test_seed_left_first_line_is_a_lede_not_a_title(seeds: tuple[Path, Path]) -> None:
    left, _ = seeds
    (article,) = read_articles([left])
    assert article.title is None
    assert article.text.startswith(_lines(left)[0])


def test_seed_right_first_line_is_its_title(seeds: tuple[Path, Path]) -> None:
    _, right = seeds
    (article,) = read_articles([right])
    first, second = _lines(right)[:2]
    assert article.title == first
    assert article.title.startswith("Los Angeles Becomes")
    assert article.text.startswith(second)


def test_seed_right_has_no_boilerplate(seeds: tuple[Path, Path]) -> None:
    _, right = seeds
    (article,) = read_articles([right])
    assert article.boilerplate == []


def test_seeds_read_together_are_a1_and_a2_without_warnings(seeds: tuple[Path, Path]) -> None:
    articles = read_articles(list(seeds))
    assert [a.id for a in articles] == ["a1", "a2"]
    assert [a.warnings for a in articles] == [[], []]
