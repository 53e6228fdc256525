"""JSON Schemas of every output file, exported into schemas/ (a test keeps them in sync).

Run ``python -m summarizer.models.export`` after changing a model.
"""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path
from typing import Any

# file name → "module:Class"; entries whose module does not exist yet are skipped.
OUTPUTS = {
    "document.schema.json": "summarizer.models.document:DocumentResult",
    "run.schema.json": "summarizer.models.run:RunReport",
    "merged.schema.json": "summarizer.models.merge:MergeResult",
    "eval.schema.json": "summarizer.models.evaluation:EvalReport",
}


def schemas() -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for filename, target in OUTPUTS.items():
        module_name, cls_name = target.split(":")
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError:
            continue
        model = getattr(module, cls_name)
        schema = model.model_json_schema(by_alias=True, mode="serialization")
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["$id"] = filename
        out[filename] = schema
    return out


def render(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def export(directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for filename, schema in schemas().items():
        path = directory / filename
        path.write_text(render(schema), encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "schemas"
    for p in export(target):
        print(p)
