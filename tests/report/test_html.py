"""report.html: one self-contained page, everything from an article escaped."""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser

import pytest

from slant import __version__
from slant.report.html import render_html, safe_url

from .fixtures import (
    HOSTILE,
    make_bare_comparison,
    make_comparison,
    make_comparison3,
    make_empty_comparison,
    make_hostile_comparison,
)

VOID = {"meta", "br", "img", "input", "link", "hr", "col", "wbr", "area", "base", "source"}


class _Checker(HTMLParser):
    """Records tags, attributes and script bodies, and whether every element closes in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self.errors: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in VOID:
            self.stack.append(tag)
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"unexpected </{tag}> with open {self.stack[-3:]}")
        else:
            self.stack.pop()
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)


def parse(html: str) -> _Checker:
    checker = _Checker()
    checker.feed(html)
    checker.close()
    return checker


@pytest.mark.parametrize(
    "make",
    [make_comparison, make_comparison3, make_bare_comparison, make_empty_comparison, make_hostile_comparison],
    ids=lambda m: m.__name__,
)
def test_html_well_formed(make: object) -> None:
    checker = parse(render_html(make()))  # type: ignore[operator]
    assert not checker.errors and not checker.stack


def test_html_hostile_text_is_escaped() -> None:
    html = render_html(make_hostile_comparison())
    for raw in (
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<svg onload",
        "<iframe",
        "</span></td><div",
    ):
        assert raw not in html
    for escaped in (
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "&lt;img src=x onerror=alert(1)&gt;",
        "&lt;iframe src=javascript:alert(1)&gt;",
        "Broken &lt;/span&gt;&lt;/td&gt;&lt;div title=&#34;x&gt; markup &amp; entities &amp;lt;b&amp;gt; remain.",
    ):
        assert escaped in html


def test_html_hostile_text_adds_no_elements_or_handlers() -> None:
    checker = parse(render_html(make_hostile_comparison()))
    names = {tag for tag, _ in checker.tags}
    assert not names & {"img", "svg", "iframe", "object", "embed", "link", "i"}
    assert names <= {tag for tag, _ in parse(render_html(make_comparison())).tags}
    assert [tag for tag, _ in checker.tags].count("script") == 1
    for _, attrs in checker.tags:
        assert not any(name.startswith("on") for name in attrs)
        assert all("javascript:" not in (attrs.get(key) or "") for key in ("href", "src", "action"))


def test_html_script_is_static_and_pinned_by_csp() -> None:
    html = render_html(make_hostile_comparison())
    (script,) = parse(html).scripts
    for line in HOSTILE:
        assert line not in script
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in html
    assert script == parse(render_html(make_comparison())).scripts[0]


def test_html_self_contained() -> None:
    html = render_html(make_comparison())
    checker = parse(html)
    assert not [tag for tag, attrs in checker.tags if tag in {"link", "img", "iframe"} or "src" in attrs]
    assert "@import" not in html and "url(" not in html
    assert "default-src 'none'" in html


def test_html_generator_meta() -> None:
    assert f'<meta name="generator" content="slant {__version__}">' in render_html(make_comparison())


def test_html_sentences_carry_fact_ids_for_linking() -> None:
    checker = parse(render_html(make_comparison()))
    spans = {a["data-sentence"]: a for tag, a in checker.tags if tag == "span" and "data-sentence" in a}
    assert spans["a1.s1"]["data-fact"] == spans["a2.s1"]["data-fact"] == "f1"
    assert spans["a1.s1"]["class"] == "s shared"
    assert spans["a1.s2"]["class"] == "s contradiction"
    assert "data-fact" not in spans["a1.s3"]


def test_html_unique_sentence_tooltip_names_the_outlet() -> None:
    checker = parse(render_html(make_comparison()))
    spans = {a["data-sentence"]: a for tag, a in checker.tags if tag == "span" and "data-sentence" in a}
    assert spans["a1.s4"]["title"] == "only in Harbor Daily"
    assert spans["a2.s3"]["title"] == "only in Metro Ledger"


def test_html_contradiction_shows_the_other_value() -> None:
    html = render_html(make_comparison())
    assert '<span class="conflict-note" title="contradicted by">&ne; Metro Ledger: 25</span>' in html
    assert '<span class="conflict-note" title="contradicted by">&ne; Harbor Daily: 40</span>' in html


def test_html_columns_stack_on_narrow_screens() -> None:
    html = render_html(make_comparison3())
    assert 'style="--cols: 3"' in html
    narrow = re.search(r"@media \(max-width: [0-9.]+rem\) \{(.*?)\n\}", html, re.S)
    assert narrow and ".columns { grid-template-columns: 1fr; }" in narrow.group(1)


def test_html_boilerplate_struck_through() -> None:
    assert "<del>Support local journalism: donate today.</del>" in render_html(make_comparison())


@pytest.mark.parametrize(
    "url, expected",
    [
        ("https://example.org/a", "https://example.org/a"),
        ("http://example.org", "http://example.org"),
        ("javascript:alert(1)", None),
        (" JaVaScRiPt:alert(1)", None),
        ("data:text/html,<b>", None),
        ("//example.org", None),
        (None, None),
    ],
)
def test_html_safe_url(url: str | None, expected: str | None) -> None:
    assert safe_url(url) == expected


def test_html_links_only_http_urls() -> None:
    comparison = make_comparison()
    comparison.articles[0].url = "https://example.org/fire?a=1&b=<2>"
    html = render_html(comparison)
    assert 'href="https://example.org/fire?a=1&amp;b=&lt;2&gt;"' in html
