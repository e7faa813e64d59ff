"""The ``slant.compare/1`` JSON: the model serialised, plus the text of each evidence span, and its JSON Schema.

``to_dict`` is ``Comparison.model_dump`` with one addition: every evidence
object carries ``text``, the ``article.text[start:end]`` it points at, so a
reader need not slice. ``from_dict`` ignores that derived field, so
``from_dict(to_dict(c)) == c``. Within ``slant.compare/1`` fields are only
added, never renamed or removed (docs/schema.md).
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from slant.errors import InputError
from slant.model import SCHEMA, Comparison

SCHEMA_FILE = "slant.compare-1.schema.json"
_SCHEMA_DIR = ("data", "schema")
_EVIDENCE_TEXT = {
    "type": "string",
    "title": "Text",
    "description": "Derived on output: the article text between start and end. Ignored on load.",
}


def to_dict(comparison: Comparison) -> dict[str, Any]:
    """Serialise a comparison as a ``slant.compare/1`` document.

    Args:
        comparison: the comparison to serialise.

    Returns:
        A JSON-ready dict; fields of analyses that did not run are None.
    """
    data: dict[str, Any] = comparison.model_dump(mode="json", by_alias=True)
    texts = {art.id: art.text for art in comparison.articles}
    for fact in data.get("facts") or ():
        fact["evidence"] = [
            {
                "article": ev["article"],
                "sentence": ev["sentence"],
                "text": texts.get(ev["article"], "")[ev["start"] : ev["end"]],
                **{key: value for key, value in ev.items() if key not in ("article", "sentence")},
            }
            for ev in fact["evidence"]
        ]
    return data


def to_json(comparison: Comparison, indent: int | None = 2) -> str:
    """Serialise a comparison as ``slant.compare/1`` JSON text.

    Args:
        comparison: the comparison to serialise.
        indent: spaces per level; None for one line.

    Returns:
        The JSON text (UTF-8 characters are kept, not escaped).

    Raises:
        ValueError: a number is NaN or infinite, which JSON cannot hold (an analysis bug).
    """
    return json.dumps(to_dict(comparison), indent=indent, ensure_ascii=False, allow_nan=False)


def from_dict(data: dict[str, Any]) -> Comparison:
    """Load a comparison from a ``slant.compare/1`` document.

    Derived fields (the ``text`` of evidence) and unknown fields are ignored.

    Args:
        data: the parsed JSON document.

    Returns:
        The comparison.

    Raises:
        InputError: the document is not ``slant.compare/1`` or does not fit the model.
    """
    if not isinstance(data, dict):
        raise InputError(f"A {SCHEMA} document is a JSON object, not {type(data).__name__}.")
    found = data.get("schema")
    if found != SCHEMA:
        raise InputError(f"Expected a {SCHEMA} document, found schema {found!r}; was it written by slant?")
    try:
        return Comparison.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise InputError(
            f"Not a valid {SCHEMA} document: {where}: {first['msg']} ({exc.error_count()} problem(s) in all)."
        ) from exc


def from_json(text: str | bytes) -> Comparison:
    """Load a comparison from ``slant.compare/1`` JSON text.

    Raises:
        InputError: the text is not JSON, or not a valid ``slant.compare/1`` document.
    """
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise InputError(f"Not JSON: {exc}; expected a {SCHEMA} document.") from exc
    return from_dict(data)


def build_schema() -> dict[str, Any]:
    """Generate the JSON Schema of ``slant.compare/1`` from the model.

    It is pydantic's schema of ``Comparison`` (by alias) with the document's
    name, ``schema`` pinned to ``slant.compare/1`` and the derived ``text`` of
    evidence added.

    Returns:
        The JSON Schema (draft 2020-12).
    """
    generated = Comparison.model_json_schema(by_alias=True)
    result: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": SCHEMA,
        **{key: value for key, value in generated.items() if key != "title"},
    }
    result["properties"]["schema"]["const"] = SCHEMA
    evidence = result["$defs"]["Evidence"]
    props = evidence["properties"]
    evidence["properties"] = {
        **{key: props[key] for key in ("article", "sentence")},
        "text": _EVIDENCE_TEXT,
        **{key: value for key, value in props.items() if key not in ("article", "sentence")},
    }
    return result


def schema_text(document: dict[str, Any]) -> str:
    """The text a schema is shipped as: two-space indent, trailing newline."""
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def schema() -> dict[str, Any]:
    """Return the shipped JSON Schema of ``slant.compare/1``.

    Returns:
        The parsed ``data/schema/slant.compare-1.schema.json``.
    """
    path = resources.files("slant").joinpath(*_SCHEMA_DIR, SCHEMA_FILE)
    loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


def write_schema(path: Path | None = None) -> Path:
    """Regenerate the shipped schema file from the model.

    Args:
        path: where to write; the package's ``data/schema/`` file by default.

    Returns:
        The path written.
    """
    target = path or Path(__file__).resolve().parent.parent.joinpath(*_SCHEMA_DIR, SCHEMA_FILE)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(schema_text(build_schema()), encoding="utf-8")
    return target


if __name__ == "__main__":  # python -m slant.report.json regenerates the shipped schema
    write_schema()
