"""A JSON Schema for claim front matter, published so editors can check a claim as it is typed
(e.g. VS Code's YAML extension). It is generated from the same field lists and registries that
`check` uses; `check` stays the authority (quotes, spans, sourcing and dates need the article and
the registries, which a schema can't express)."""

from __future__ import annotations

from .claims import FIGURE_UNITS, ID_PATTERN, KINDS, OPTIONAL, REQUIRED
from .registry import Registry

_TEXT = {"type": "string", "minLength": 1}
_DATE = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}


def claim_schema(reg: Registry) -> dict:
    sources = {"enum": sorted(reg.sources)}
    props = {
        "id": {"type": "string", "pattern": ID_PATTERN.pattern},
        "article": {"enum": sorted(reg.articles)},
        "title": {**_TEXT, "maxLength": 120},
        "quote": _TEXT, "section": _TEXT,
        "kind": {"enum": sorted(KINDS)},
        "verdict": {"enum": sorted(reg.verdicts), "description": "write 'false' in quotes"},
        "rule": {"enum": sorted(reg.rules)},
        "summary": {**_TEXT, "maxLength": 300},
        "techniques": {"oneOf": [{"const": "none"}, {"type": "array", "minItems": 1, "items": {
            "type": "object", "additionalProperties": False, "required": ["id", "span"],
            "properties": {"id": {"enum": sorted(reg.techniques)}, "span": _TEXT}}}]},
        "sources": {"type": "array", "items": sources},
        "published": _DATE, "reviewed": _DATE,
        "reviewers": {"type": "array", "minItems": 1, "items": _TEXT},
        "covers": {"type": "array", "items": _TEXT},
        "advisory": {"enum": ["violence"]},
        "corrections": {"type": "array", "items": {
            "type": "object", "additionalProperties": False, "required": ["date", "change", "reason"],
            "properties": {"date": _DATE, "change": _TEXT, "reason": _TEXT,
                           "from_verdict": {"enum": sorted(reg.verdicts)}}}},
        "searched": _TEXT,
        "people": {"type": "array", "items": {"enum": sorted(reg.people)}},
        "figures": {"type": "array", "items": {
            "type": "object", "additionalProperties": False,
            "required": ["article", "credited", "record", "sources", "gap"],
            "properties": {"article": _TEXT, "credited": _TEXT, "record": _TEXT, "gap": _TEXT,
                           "sources": {"type": "array", "minItems": 1, "items": sources},
                           "label": {**_TEXT, "maxLength": 60},
                           "article_number": {"type": "integer", "minimum": 0},
                           "record_number": {"type": "integer", "minimum": 0},
                           "unit": {"enum": sorted(FIGURE_UNITS)}}}},
        "description": _TEXT,
    }
    assert set(props) == REQUIRED | OPTIONAL, "the schema must describe exactly the fields check accepts"
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Claim by Claim: claim page front matter",
        "description": "Generated from scripts/content; `python -m scripts check` is the authority.",
        "type": "object", "additionalProperties": False,
        "required": sorted(REQUIRED), "properties": props,
    }
