"""JSON Schema transforms: pydantic's schema → what OpenAI strict mode and llama.cpp accept.

OpenAI strict rules: every property required, ``additionalProperties: false`` on every object,
optional fields as ``anyOf [T, null]``, no ``default``/``format``-style keywords it rejects, and
``$ref`` inlined (some OpenAI-compatible servers reject refs).
"""

from __future__ import annotations

import copy
import hashlib
import json
from typing import Any

_DROP = {
    "default",
    "title",
    "examples",
    "format",
    "pattern",
    "minLength",
    "maxLength",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "uniqueItems",
    "minItems",
    "maxItems",
    "discriminator",
}


_BOUNDS = {"maxLength", "maxItems", "minLength"}


def strict_schema(schema: dict[str, Any], *, keep_bounds: bool = False) -> dict[str, Any]:
    """Return a self-contained strict copy of a pydantic JSON Schema.

    ``keep_bounds`` keeps length/item bounds for grammar-constrained decoders (llama.cpp).
    """
    defs = schema.get("$defs", {})
    drop = _DROP - _BOUNDS if keep_bounds else _DROP

    def walk(node: Any) -> Any:
        if isinstance(node, list):
            return [walk(n) for n in node]
        if not isinstance(node, dict):
            return node
        if "$ref" in node:
            name = node["$ref"].split("/")[-1]
            merged = {**copy.deepcopy(defs[name]), **{k: v for k, v in node.items() if k != "$ref"}}
            return walk(merged)
        out = {
            k: ({name: walk(sub) for name, sub in v.items()} if k == "properties" else walk(v))
            for k, v in node.items()
            if k not in drop and k != "$defs"
        }
        if out.get("type") == "object" or "properties" in out:
            out["type"] = "object"
            props = out.get("properties", {})
            out["required"] = list(props)
            out["additionalProperties"] = False
        if "allOf" in out and len(out["allOf"]) == 1:
            inner = out.pop("allOf")[0]
            out = {**inner, **out}
        return out

    return walk(schema)


def violations(schema: Any, path: str = "$") -> list[str]:
    """List strict-mode rule violations (empty when the schema is acceptable)."""
    found: list[str] = []
    if isinstance(schema, dict):
        if "$ref" in schema or "$defs" in schema:
            found.append(f"{path}: $ref/$defs not inlined")
        if schema.get("type") == "object":
            props = schema.get("properties", {})
            if schema.get("additionalProperties") is not False:
                found.append(f"{path}: additionalProperties must be false")
            if sorted(schema.get("required", [])) != sorted(props):
                found.append(f"{path}: every property must be required")
        for key in _DROP & set(schema):
            if key != "title":
                found.append(f"{path}: unsupported keyword {key}")
        for key, value in schema.items():
            if key == "properties" and isinstance(value, dict):
                for name, sub in value.items():
                    found.extend(violations(sub, f"{path}.{name}"))
            elif isinstance(value, (dict, list)):
                found.extend(violations(value, f"{path}.{key}"))
    elif isinstance(schema, list):
        for i, item in enumerate(schema):
            found.extend(violations(item, f"{path}[{i}]"))
    return found


def canonical_hash(value: Any) -> str:
    """sha256 of canonical JSON: how schemas (and prompts) are identified in logs and outputs."""
    return hashlib.sha256(json.dumps(value, sort_keys=True, separators=(",", ":")).encode()).hexdigest()
