"""Pages on the server side: the form posts and redirects to a report, exports, errors keep the input,
hostile article text comes back escaped, every page carries a strict Content-Security-Policy."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from slant.report.json import from_dict

from .conftest import Served, example_text, serve

pytestmark = pytest.mark.slow

HOSTILE = (
    "Council hall meeting ends in dispute over budget\n\n"
    "The city council met on Monday <script>window.__pwned = 1; alert('x')</script> to debate the budget "
    'for the coming year. <img src=x onerror="window.__pwned = 2"> Members argued for hours. '
    '<a href="javascript:window.__pwned = 3">read more</a> and <b onmouseover="window.__pwned = 4">hover</b>.\n\n'
    "The mayor said the plan would cut the deficit by 12 percent, while critics said the cuts would hurt libraries "
    "and parks across the city. </textarea><svg onload=window.__pwned=5> A final vote is expected next week.\n"
)
HOSTILE_OTHER = (
    "Budget fight at city hall\n\n"
    "The city council debated the budget on Monday. The mayor said the plan would cut the deficit by 15 percent. "
    "Critics said the cuts would hurt libraries and parks. A vote is expected next week, council members said.\n"
)
RAW_MARKUP = re.compile(r"<(script|img|svg|b)\b[^>]*(onerror|onload|onmouseover|window\.__pwned)", re.I)


def _form(*texts: str, **extra: list[str]) -> dict[str, list[str]]:
    n = len(texts)
    return {
        "url": [""] * n,
        "text": list(texts),
        "title": extra.get("title", [""] * n),
        "outlet": extra.get("outlet", [""] * n),
    }


def test_index_is_a_form_that_works_without_script(web: Served) -> None:
    page = web.client.get("/")
    assert page.status_code == 200
    html = page.text
    assert '<form id="compare" method="post" action="/reports"' in html
    assert html.count('name="text"') == 2 and html.count('name="url"') == 2
    policy = page.headers["content-security-policy"]
    assert "script-src 'sha256-" in policy and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    assert "frame-ancestors 'none'" in policy
    assert page.headers["x-frame-options"] == "DENY"


def test_form_compares_and_redirects_to_the_report_with_exports(web: Served) -> None:
    left, right = example_text("harbor_left.txt"), example_text("harbor_right.txt")
    posted = web.client.post("/reports", data=_form(left, right, outlet=["Bay Daily", "Harbor Times"]))
    assert posted.status_code == 303
    where = posted.headers["location"]
    assert re.fullmatch(r"/reports/[A-Za-z0-9_-]+", where)
    report = web.client.get(where)
    assert report.status_code == 200
    assert "Bay Daily" in report.text and 'class="s shared' in report.text
    for label, path in (("JSON", f"{where}.json"), ("Markdown", f"{where}.md"), ("HTML", f"{where}.html")):
        assert f'<a href="{path}">Export {label}</a>' in report.text
    exported = web.client.get(f"{where}.json")
    assert exported.headers["content-disposition"] == f'attachment; filename="slant-{where.rsplit("/", 1)[1]}.json"'
    comparison = from_dict(exported.json())
    assert [a.outlet for a in comparison.articles] == ["Bay Daily", "Harbor Times"]
    assert web.client.get(f"{where}.md").text.startswith("# ")
    assert "<!DOCTYPE html>" in web.client.get(f"{where}.html").text
    assert web.client.get(f"{where}.pdf").status_code == 404


def test_form_with_one_article_shows_the_error_and_keeps_the_input(web: Served) -> None:
    text = "Only one <article> & nothing else"
    got = web.client.post("/reports", data=_form(text, ""))
    assert got.status_code == 400
    assert 'role="alert"' in got.text and "give at least two articles" in got.text
    assert "Only one &lt;article&gt; &amp; nothing else</textarea>" in got.text


def test_form_errors_name_the_article(web: Served) -> None:
    got = web.client.post("/reports", data=_form(example_text("harbor_left.txt"), "too short"))
    assert got.status_code == 400
    assert "article 2:" in got.text


def test_form_with_a_refused_link_says_why(web: Served) -> None:
    items = _form("", example_text("harbor_right.txt"))
    items["url"][0] = "http://127.0.0.1:9/admin"
    got = web.client.post("/reports", data=items)
    assert got.status_code == 422
    assert "article 1: http://127.0.0.1:9/admin: refused: 127.0.0.1 is a loopback address" in got.text
    assert 'value="http://127.0.0.1:9/admin"' in got.text  # the form keeps what the user typed


def test_unknown_report_and_page_are_404_pages(web: Served) -> None:
    gone = web.client.get("/reports/nope")
    assert gone.status_code == 404 and "is gone" in gone.text
    assert web.client.get("/nowhere").status_code == 404


def test_hostile_text_is_escaped_in_the_report_and_exports(web: Served) -> None:
    posted = web.client.post("/reports", data=_form(HOSTILE, HOSTILE_OTHER))
    assert posted.status_code == 303, posted.text
    where = posted.headers["location"]
    for path in (where, f"{where}.html"):
        page = web.client.get(path)
        assert page.status_code == 200
        assert not RAW_MARKUP.search(page.text), RAW_MARKUP.search(page.text)
        assert 'href="javascript:' not in page.text
        assert "&lt;script&gt;" in page.text or "window.__pwned = 1" not in page.text
        assert "script-src 'sha256-" in page.headers["content-security-policy"]
    api = web.client.post("/api/compare?format=html", json={"articles": [{"text": HOSTILE}, {"text": HOSTILE_OTHER}]})
    assert api.status_code == 200 and not RAW_MARKUP.search(api.text)
    data = web.client.post("/api/compare", json={"articles": [{"text": HOSTILE}, {"text": HOSTILE_OTHER}]}).json()
    assert "<script>" in data["articles"][0]["text"]  # JSON keeps the text as it was, for clients to escape
    assert json.loads(json.dumps(data)) == data


def test_stories_page_without_store_explains_how_to_get_one(web: Served) -> None:
    page = web.client.get("/stories")
    assert page.status_code == 200
    assert "slant serve --db" in page.text


def test_stories_pages_show_coverage_bars_and_story_reports(store: Path) -> None:
    served = serve(db=store)
    try:
        page = served.client.get("/stories")
        assert page.status_code == 200
        assert page.text.count('class="cover"') >= 1
        ids = re.findall(r'<tr data-story="(st-[0-9a-f]+)">', page.text)
        assert ids
        blind = served.client.get("/stories?blindspot=any")
        assert blind.status_code == 200
        assert set(re.findall(r'<tr data-story="(st-[0-9a-f]+)">', blind.text)) <= set(ids)
        bad = served.client.get("/stories?blindspot=up")
        assert bad.status_code == 400 and "blindspot" in bad.text
        multi = next(
            i for i in ids if served.client.get(f"/api/stories/{i}?compare=false").json()["story"]["articles"] >= 2
        )
        report = served.client.get(f"/stories/{multi}")
        assert report.status_code == 200
        assert 'class="s shared' in report.text or 'class="s unique' in report.text
        assert served.client.get("/stories/st-000000000000").status_code == 404
    finally:
        served.close()
