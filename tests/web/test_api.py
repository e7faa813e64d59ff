"""REST API: compare returns what the library returns, malformed requests get one-line 4xx JSON, stories."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

import slant
from slant.report.json import to_dict
from slant.settings import Settings

from .conftest import Served, example_text, serve

pytestmark = pytest.mark.slow

HARBOR = [example_text("harbor_left.txt"), example_text("harbor_right.txt")]


def test_health_reports_version_schema_and_readiness(web: Served) -> None:
    got = web.client.get("/api/health")
    assert got.status_code == 200
    assert got.json() == {
        "status": "ok",
        "version": slant.__version__,
        "schema": "slant.compare/1",
        "ready": True,
        "pending": 0,
        "stories": False,
    }
    assert got.headers["x-content-type-options"] == "nosniff"
    assert "default-src 'none'" in got.headers["content-security-policy"]


def test_compare_returns_the_library_comparison(web: Served, harbor_comparison: slant.Comparison) -> None:
    got = web.client.post("/api/compare", json={"articles": [{"text": t} for t in HARBOR]})
    assert got.status_code == 200, got.text
    body = got.json()
    assert body["schema"] == "slant.compare/1"
    expected = to_dict(harbor_comparison)
    # The same articles and findings as the library gives for the same texts read from files;
    # only where they came from (article N vs the file name) and the stage timings differ.
    for doc in (body, expected):
        assert doc["provenance"].pop("timings")
        for article in doc["articles"]:
            article.pop("source")
    assert body == expected


def test_compare_takes_title_outlet_and_html(web: Served) -> None:
    html = (
        "<html><head><title>Page title</title></head><body><article>"
        + "".join(f"<p>{p}</p>" for p in HARBOR[1].split("\n\n")[1:])
        + "</article></body></html>"
    )
    got = web.client.post(
        "/api/compare",
        json={
            "articles": [
                {"text": HARBOR[0], "outlet": "Bay Daily", "title": "Council approves overhaul"},
                {"html": html, "outlet": "Harbor Times"},
            ]
        },
    )
    assert got.status_code == 200, got.text
    articles = got.json()["articles"]
    assert [a["outlet"] for a in articles] == ["Bay Daily", "Harbor Times"]
    assert articles[0]["title"] == "Council approves overhaul"
    assert "<p>" not in articles[1]["text"]
    assert articles[1]["text"].startswith(HARBOR[1].split("\n\n")[1][:40])


@pytest.mark.parametrize(
    ("fmt", "media", "marker"), [("md", "text/markdown", "# "), ("html", "text/html", "<!DOCTYPE html>")]
)
def test_compare_renders_other_report_formats(web: Served, fmt: str, media: str, marker: str) -> None:
    got = web.client.post(f"/api/compare?format={fmt}", json={"articles": [{"text": t} for t in HARBOR]})
    assert got.status_code == 200
    assert got.headers["content-type"].startswith(media)
    assert marker in got.text


@pytest.mark.parametrize(
    ("body", "content_type", "status", "message"),
    [
        (b"{", "application/json", 400, "not valid JSON (line 1, column 2"),
        (b"", "application/json", 400, "the request body is empty"),
        (b"\xff\xfe{}", "application/json", 400, "not UTF-8"),
        (b"[" * 100_000, "application/json", 400, "nested too deeply"),
        (b'{"articles": []}', "application/json", 422, "articles: List should have at least 2 items"),
        (b"[1, 2]", "application/json", 422, "body: Input should be a valid dictionary"),
        (
            b'{"articles": [{"text": "a", "url": "b"}, {"text": "c"}]}',
            "application/json",
            422,
            "articles.0: give exactly one of text, html or url (got text, url)",
        ),
        (
            b'{"articles": [{}, {"text": "c"}]}',
            "application/json",
            422,
            "articles.0: give exactly one of text, html or url",
        ),
        (
            b'{"articles": [{"text": 5}, {"text": "c"}]}',
            "application/json",
            422,
            "articles.0.text: Input should be a valid string",
        ),
        (
            b'{"articles": [{"txt": "a"}, {"text": "c"}]}',
            "application/json",
            422,
            "articles.0.txt: Extra inputs are not permitted",
        ),
        (b'{"articles": "two"}', "application/json", 422, "articles: Input should be a valid list"),
        (json.dumps({"articles": [{"text": "x"}] * 9}).encode(), "application/json", 422, "at most 8 articles"),
        (b'{"articles": [{"text": "hi"}, {"text": "there"}]}', "application/json", 400, "article 1: "),
        (b'{"articles": [{"text": "\\u0000\\u0001\\u0002"}, {"text": "c"}]}', "application/json", 400, "article 1: "),
        (b"articles=1", "application/x-www-form-urlencoded", 400, "Content-Type: application/json"),
        (b"{}", "text/plain", 400, "Content-Type: application/json"),
    ],
)
def test_malformed_compare_requests_get_one_line_4xx(
    web: Served, body: bytes, content_type: str, status: int, message: str
) -> None:
    got = web.client.post("/api/compare", content=body, headers={"content-type": content_type})
    assert got.status_code == status, got.text
    error = got.json()["error"]
    assert message in error
    assert "\n" not in error and "Traceback" not in error


def test_requests_over_the_body_cap_get_413_announced_or_streamed() -> None:
    served = serve(Settings(web_max_body_bytes=1000))
    try:
        announced = served.client.post(
            "/api/compare", content=b"x" * 1001, headers={"content-type": "application/json"}
        )
        assert announced.status_code == 413
        assert announced.json() == {"error": "the request body is over 1,000 bytes"}

        def chunks() -> Iterator[bytes]:  # no Content-Length: chunked transfer encoding
            for _ in range(10):
                yield b"y" * 500

        streamed = served.client.post("/api/compare", content=chunks(), headers={"content-type": "application/json"})
        assert streamed.status_code == 413
        assert "over 1,000 bytes" in streamed.json()["error"]
        assert served.client.get("/api/health").status_code == 200
    finally:
        served.close()


@pytest.mark.parametrize(
    ("method", "path", "status", "message"),
    [
        ("GET", "/api/nope", 404, "no such endpoint: GET /api/nope"),
        ("GET", "/api/compare", 405, "GET is not allowed on /api/compare"),
        ("DELETE", "/api/health", 405, "DELETE is not allowed"),
        ("GET", "/api/stories", 404, "no story store"),
        ("GET", "/api/stories/st-x", 404, "no story store"),
        ("GET", "/api/stories?limit=0", 422, "limit: Input should be greater than or equal to 1"),
        ("GET", "/api/stories?blindspot=up", 422, "blindspot: Input should be"),
    ],
)
def test_other_bad_requests_get_json_errors(web: Served, method: str, path: str, status: int, message: str) -> None:
    got = web.client.request(method, path)
    assert got.status_code == status
    assert message in got.json()["error"]


def test_openapi_and_docs_describe_the_endpoints(web: Served) -> None:
    spec = web.client.get("/api/openapi.json").json()
    assert {"/api/health", "/api/compare", "/api/stories", "/api/stories/{story_id}", "/api/examples"} <= set(
        spec["paths"]
    )
    body = spec["paths"]["/api/compare"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert "articles" in json.dumps(body)
    docs = web.client.get("/api/docs")
    assert docs.status_code == 200
    assert "POST /api/compare" in docs.text
    assert "<script" not in docs.text  # readable without any script from a CDN


def test_examples_endpoint_lists_the_bundled_sets(web: Served) -> None:
    examples = web.client.get("/api/examples").json()["examples"]
    assert examples[0]["name"] == "harbor"
    assert [a["text"] for a in examples[0]["articles"]] == HARBOR


@pytest.fixture(scope="module")
def web_store(store: Path) -> Iterator[Served]:
    served = serve(db=store)
    yield served
    served.close()


def test_stories_lists_coverage_and_filters_blindspots(web_store: Served) -> None:
    stories = web_store.client.get("/api/stories").json()["stories"]
    assert stories
    for story in stories:
        assert set(story["lean"]) == {"left", "center", "right"}
        assert sum(story["lean"].values()) <= story["articles"]
        assert abs(sum(story["shares"].values()) - 1) < 1e-9 or sum(story["lean"].values()) == 0
    blind = web_store.client.get("/api/stories?blindspot=any").json()["stories"]
    assert all(s["blindspots"] for s in blind)
    assert {s["id"] for s in blind} == {s["id"] for s in stories if s["blindspots"]}
    assert web_store.client.get("/api/stories?limit=1").json()["stories"] == stories[:1]
    entity = stories[0]["entities"][0]
    named = web_store.client.get("/api/stories", params={"entity": entity}).json()["stories"]
    assert stories[0]["id"] in {s["id"] for s in named}
    assert web_store.client.get("/api/stories?since=not-a-date").status_code == 400


def test_story_detail_gives_articles_and_comparison(web_store: Served) -> None:
    stories = web_store.client.get("/api/stories").json()["stories"]
    story = next(s for s in stories if s["articles"] >= 2)
    bare = web_store.client.get(f"/api/stories/{story['id']}?compare=false").json()
    assert bare["story"]["id"] == story["id"]
    assert len(bare["articles"]) == story["articles"]
    assert "comparison" not in bare
    full = web_store.client.get(f"/api/stories/{story['id']}").json()
    assert full["comparison"]["schema"] == "slant.compare/1"
    assert len(full["comparison"]["articles"]) == min(6, story["articles"])
    missing = web_store.client.get("/api/stories/st-000000000000")
    assert missing.status_code == 404
    assert "no such story" in missing.json()["error"]


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(["articles", "text", "html", "url", "title", "outlet", "x"]), inner, max_size=4
        )
    ),
    max_leaves=12,
)


@given(body=JSON)
@hsettings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_json_body_gets_a_4xx_or_a_comparison_never_a_5xx(web: Served, body: object) -> None:
    got = web.client.post("/api/compare", json=body)
    assert got.status_code in (200, 400, 422), got.text
    if got.status_code != 200:
        assert set(got.json()) == {"error"}
