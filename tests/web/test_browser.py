"""The pages in a real browser: Playwright driving Debian's Chromium (installed by `make test`).

Compares the bundled example pair through the form, checks the highlights, the cross-links between
columns and the explanations on hover, the phone-width layout, that hostile article text never runs,
and saves the screenshots the README shows (docs/img/).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .conftest import Served, serve
from .test_pages import HOSTILE, HOSTILE_OTHER

pytestmark = pytest.mark.slow

CHROMIUM = Path(os.environ.get("SLANT_CHROMIUM", "/usr/bin/chromium"))
IMAGES = Path(__file__).resolve().parents[2] / "docs" / "img"
ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is missing: `make test` installs Debian's chromium", allow_module_level=True)


@pytest.fixture(scope="module")
def site(store: Path) -> Iterator[Served]:
    served = serve(db=store)
    yield served
    served.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.set_default_timeout(120_000)
    dialogs: list[str] = []
    tab.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    tab.dialogs = dialogs
    yield tab
    context.close()


def expect(locator: Any) -> Any:
    from playwright.sync_api import expect as playwright_expect

    playwright_expect.set_options(timeout=120_000)
    return playwright_expect(locator)


def _compare_example(page: Any, site: Served, name: str = "harbor") -> None:
    page.goto(site.url + "/")
    page.select_option("#example", name)
    expect(page.locator("#status")).to_contain_text("loaded")  # (no wait_for_function: the page's CSP forbids eval)
    page.click("#submit")
    page.wait_for_url("**/reports/*")


def test_compare_the_example_pair_highlights_and_links_facts(page: Any, site: Served) -> None:
    _compare_example(page, site)
    IMAGES.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(IMAGES / "report-top.png"))
    columns = page.locator("article.col")
    assert columns.count() == 2
    for k in range(2):
        assert columns.nth(k).locator(".s.shared").count() > 0
    assert page.locator(".s.unique").count() > 0
    first = columns.nth(0).locator(".s.shared").first
    first.hover()
    assert columns.nth(1).locator(".s.hl").count() > 0  # its counterpart lights up in the other column
    page.mouse.move(0, 0)
    assert page.locator(".s.hl").count() == 0
    first.click()
    pinned = columns.nth(1).locator(".s.pinned")
    assert pinned.count() > 0
    facts = set(first.get_attribute("data-fact").split())
    assert facts & set(pinned.first.get_attribute("data-fact").split())
    mark = page.locator("article.col mark.m").first
    assert mark.get_attribute("title")  # an explanation on hover
    assert page.locator("#summary li").count() > 0
    assert page.locator("#portrayal table").count() == 1 and page.locator("#terms").count() == 1
    assert page.locator("#lean .leanbar").count() == 2
    page.evaluate("document.getElementById('articles').scrollIntoView()")
    page.screenshot(path=str(IMAGES / "compare-desktop.png"))
    assert page.dialogs == []


def test_report_fits_a_phone_screen(browser: Any, site: Served) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(120_000)
    try:
        page.goto(site.url + "/")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        page.screenshot(path=str(IMAGES / "form-phone.png"))
        _compare_example(page, site)
        boxes = [page.locator("article.col").nth(k).bounding_box() for k in range(2)]
        assert boxes[1]["y"] >= boxes[0]["y"] + boxes[0]["height"] - 1  # columns stack
        assert boxes[0]["width"] <= 390
        assert page.evaluate("document.documentElement.scrollWidth") <= 391
        page.locator("article.col").nth(0).scroll_into_view_if_needed()
        page.screenshot(path=str(IMAGES / "compare-phone.png"))
    finally:
        context.close()


def test_hostile_article_text_is_shown_never_run(page: Any, site: Served) -> None:
    page.goto(site.url + "/")
    page.click("#add")
    assert page.locator("fieldset.article").count() == 3
    page.locator("fieldset.article").nth(2).locator("button.remove").click()
    assert page.locator("fieldset.article").count() == 2
    texts = page.locator("textarea[name=text]")
    texts.nth(0).fill(HOSTILE)
    texts.nth(1).fill(HOSTILE_OTHER)
    page.locator("details").nth(0).locator("summary").click()
    page.locator("input[name=outlet]").nth(0).fill('<img src=x onerror="window.__pwned = 6">Gazette')
    page.click("#submit")
    page.wait_for_url("**/reports/*")
    page.wait_for_load_state("load")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.dialogs == []
    assert page.locator("script").count() == 1  # the report's own, pinned by hash
    assert page.locator("img, svg, article.col a").count() == 0
    shown = page.locator("article.col").nth(0).inner_text()
    assert "window.__pwned = 1" in shown and "<script>" in shown
    assert '<img src=x onerror="window.__pwned = 6">Gazette' in page.locator("table.summary").inner_text()
    for element in page.locator("article.col *").all():
        for name in element.evaluate("e => e.getAttributeNames()"):
            assert not name.startswith("on")
    exported = site.client.get(page.url.replace(site.url, "") + ".html").text  # the downloadable report
    page.set_content(exported)
    page.wait_for_load_state("load")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert "<script>" in page.locator("article.col").nth(0).inner_text()
    assert page.dialogs == []


def test_file_upload_fills_the_text_box(page: Any, site: Served, tmp_path: Path) -> None:
    upload = tmp_path / "story.txt"
    upload.write_text("Uploaded article text <b>bold?</b>\n", encoding="utf-8")
    page.goto(site.url + "/")
    page.locator("fieldset.article").nth(1).locator("input[type=file]").set_input_files(str(upload))
    expect(page.locator("textarea").nth(1)).to_have_value("Uploaded article text <b>bold?</b>\n")


def test_stories_page_shows_coverage_and_opens_a_story(page: Any, site: Served) -> None:
    page.goto(site.url + "/stories")
    rows = page.locator("tr[data-story]")
    assert rows.count() > 0
    assert page.locator(".cover span").count() > 0
    page.screenshot(path=str(IMAGES / "stories-desktop.png"))
    page.select_option("select[name=blindspot]", "any")
    page.click("form.filters button")
    page.wait_for_url("**/stories?*blindspot=any*")
    for badge in page.locator("tr[data-story]").all():
        assert badge.locator(".badge.blind").count() > 0
    page.goto(site.url + "/stories")
    multi = next(
        row for row in page.locator("tr[data-story]").all() if int(row.locator("td.num").inner_text().split()[0]) >= 2
    )
    multi.locator("a").click()
    page.wait_for_url("**/stories/st-*")
    assert page.locator("article.col").count() >= 2
