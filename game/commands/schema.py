"""`schema`: the JSON Schema of the pack format, for editors with a YAML language server."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from game.core.model import Glossary, PackInfo, Scenario

_TITLES = {
    "scenario": "Degrees of Risk scenario (story or card deck)",
    "pack": "Degrees of Risk pack.yaml",
    "signs": "Degrees of Risk warning-signs.yaml",
}


def schema_for(which: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a scenario file, pack.yaml or warning-signs.yaml."""
    if which == "pack":
        schema = PackInfo.model_json_schema()
    elif which == "signs":
        schema = Glossary.model_json_schema()
    else:
        schema = TypeAdapter(Scenario).json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = _TITLES[which]
    return schema


def run_schema(out: str | None, which: str) -> int:
    """Print the schema, or write it to `out`; exit 0, or 1 when the file cannot be written."""
    text = json.dumps(schema_for(which), indent=2, ensure_ascii=False) + "\n"
    if out is None:
        sys.stdout.write(text)
        return 0
    try:
        Path(out).write_text(text, encoding="utf-8")
    except OSError as exc:
        print(f"{out}: error: cannot write the schema: {exc.strerror}", file=sys.stderr)
        return 1
    print(f"wrote {out}")
    return 0
