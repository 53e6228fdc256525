"""Exported JSON Schemas stay in sync with the models; the reply schema obeys OpenAI strict rules."""

import json
from pathlib import Path

import pytest

from summarizer.backends.schemas import strict_schema, violations
from summarizer.extract.reply import reply_schema
from summarizer.models.export import render, schemas

SCHEMAS = Path(__file__).resolve().parents[1] / "schemas"


@pytest.mark.parametrize("name", sorted(schemas()))
def test_exported_schema_is_in_sync(name: str) -> None:
    path = SCHEMAS / name
    assert path.exists(), f"{name} missing: run python -m summarizer.models.export"
    assert path.read_text(encoding="utf-8") == render(schemas()[name]), f"{name} drifted: re-export"


def test_no_stale_schema_files() -> None:
    assert sorted(p.name for p in SCHEMAS.glob("*.json")) == sorted(schemas())


@pytest.mark.parametrize("style", ["sentence", "quote"])
def test_reply_schema_satisfies_openai_strict_rules(style: str) -> None:
    schema = reply_schema(style)
    assert violations(schema) == []
    text = json.dumps(schema)
    assert "$ref" not in text and "$defs" not in text and '"default"' not in text


def test_violations_detects_each_rule() -> None:
    bad = {
        "type": "object",
        "properties": {"a": {"type": "string", "default": "x"}, "b": {"$ref": "#/$defs/B"}},
        "required": ["a"],
        "$defs": {"B": {"type": "object", "properties": {}}},
    }
    found = violations(bad)
    assert any("additionalProperties" in v for v in found)
    assert any("every property must be required" in v for v in found)
    assert any("default" in v for v in found) and any("$ref" in v for v in found)
    fixed = strict_schema(bad)
    assert violations(fixed) == []
    assert fixed["properties"]["b"] == {
        "type": "object",
        "properties": {},
        "required": [],
        "additionalProperties": False,
    }


def test_optional_fields_become_anyof_null_and_property_names_survive() -> None:
    schema = strict_schema(
        {"type": "object", "properties": {"format": {"anyOf": [{"type": "string"}, {"type": "null"}], "default": None}}}
    )
    assert schema["properties"]["format"] == {"anyOf": [{"type": "string"}, {"type": "null"}]}
    assert schema["required"] == ["format"]
