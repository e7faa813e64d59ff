"""report.json: the slant.compare/1 serialisation, its round trip and its JSON Schema."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings

from slant.errors import InputError
from slant.model import Comparison
from slant.report import json as report_json
from slant.report.json import build_schema, from_dict, from_json, schema, to_dict, to_json, write_schema

from .fixtures import (
    make_bare_comparison,
    make_comparison,
    make_comparison3,
    make_empty_comparison,
    make_hostile_comparison,
)
from .strategies import comparisons

DOCS = Path(__file__).resolve().parents[2] / "docs" / "schema.md"
SHIPPED = Path(report_json.__file__).resolve().parent.parent / "data" / "schema" / report_json.SCHEMA_FILE
ALL = [make_comparison, make_comparison3, make_bare_comparison, make_empty_comparison, make_hostile_comparison]


def test_json_has_the_documented_shape() -> None:
    data = to_dict(make_comparison())
    assert data["schema"] == "slant.compare/1"
    assert {"id", "source", "title", "outlet", "sentences", "boilerplate"} <= set(data["articles"][0])
    assert {"id", "text", "start", "end"} <= set(data["articles"][0]["sentences"][0])
    assert {"text", "start", "end"} <= set(data["articles"][0]["boilerplate"][0])
    fact = data["facts"][0]
    assert {"id", "status", "score", "evidence", "articles", "missing", "coverage", "conflicts"} <= set(fact)
    assert list(fact["evidence"][0]) == ["article", "sentence", "text", "start", "end"]
    assert {"article", "speaker", "mention", "verb", "text", "direct", "anonymous"} <= set(data["quotes"][0])
    assert {"article", "outlet", "sentence"} <= set(data["sources"][0])
    assert {"id", "name", "type", "mentions"} <= set(data["actors"][0])
    assert {"article", "text", "start", "end"} <= set(data["actors"][0]["mentions"][0])
    assert {"version", "analyses", "settings", "warnings", "timings"} <= set(data["provenance"])


def test_json_evidence_text_is_article_slice() -> None:
    comparison = make_comparison()
    data = to_dict(comparison)
    texts = {a["id"]: a["text"] for a in data["articles"]}
    evidence = [ev for fact in data["facts"] for ev in fact["evidence"]]
    assert evidence and all(ev["text"] == texts[ev["article"]][ev["start"] : ev["end"]] for ev in evidence)
    assert evidence[0]["text"] == "A fire destroyed a warehouse on River Street on Monday night"


def test_json_analyses_not_run_are_null() -> None:
    data = json.loads(to_json(make_bare_comparison()))
    assert [data[key] for key in ("facts", "quotes", "sources", "actors", "provenance")] == [None] * 5


def test_json_indent_none_is_one_line() -> None:
    assert "\n" not in to_json(make_comparison(), indent=None)


@pytest.mark.parametrize("make", ALL, ids=lambda make: make.__name__)
def test_json_round_trips(make: Any) -> None:
    comparison = make()
    assert from_json(to_json(comparison)) == comparison
    assert from_dict(to_dict(comparison)) == comparison


def test_json_derived_text_ignored_on_load() -> None:
    data = to_dict(make_comparison())
    data["facts"][0]["evidence"][0]["text"] = "tampered"
    assert to_dict(from_dict(data))["facts"][0]["evidence"][0]["text"] != "tampered"


@pytest.mark.parametrize(
    "data, message",
    [
        ({"schema": "slant.compare/2", "articles": []}, "slant.compare/1"),
        ({"articles": []}, "slant.compare/1"),
        ({"schema": "slant.compare/1", "articles": [{"id": "a1"}]}, "articles.0"),
        ([1, 2], "JSON object"),
    ],
)
def test_json_from_dict_rejects_bad_documents(data: Any, message: str) -> None:
    with pytest.raises(InputError, match=re.escape(message)):
        from_dict(data)


def test_json_from_json_rejects_non_json() -> None:
    with pytest.raises(InputError, match="Not JSON"):
        from_json("{not json")


def test_json_shipped_schema_is_generated(update_golden: bool) -> None:
    if update_golden:
        write_schema(SHIPPED)
    assert schema() == build_schema(), "run `pytest tests/report --update-golden` to regenerate the schema"
    assert SHIPPED.read_text(encoding="utf-8") == report_json.schema_text(build_schema())


def test_json_schema_declares_derived_text() -> None:
    generated = build_schema()
    assert generated["properties"]["schema"]["const"] == "slant.compare/1"
    assert "text" in generated["$defs"]["Evidence"]["properties"]
    assert "text" not in generated["$defs"]["Evidence"]["required"]


@pytest.mark.parametrize("make", ALL, ids=lambda make: make.__name__)
def test_json_output_validates_against_schema(make: Any) -> None:
    jsonschema.Draft202012Validator(build_schema()).validate(to_dict(make()))


def test_json_schema_rejects_wrong_status() -> None:
    data = to_dict(make_comparison())
    data["facts"][0]["status"] = "maybe"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(build_schema()).validate(data)


def test_json_schema_doc_names_every_field() -> None:
    doc = DOCS.read_text(encoding="utf-8")
    generated = build_schema()
    models = [generated, *generated["$defs"].values()]
    fields = {name for model in models for name in model.get("properties", {})}
    missing = sorted(name for name in fields if f"`{name}`" not in doc)
    assert not missing, f"docs/schema.md does not describe: {missing}"
    assert all(f"## {name}" in doc or f"### {name}" in doc for name in generated["$defs"] if name != "Comparison")


@settings(max_examples=60, deadline=None)
@given(comparisons())
def test_json_round_trips_any_comparison(comparison: Comparison) -> None:
    data = json.loads(to_json(comparison))
    assert from_dict(data) == comparison
    jsonschema.Draft202012Validator(build_schema()).validate(data)
