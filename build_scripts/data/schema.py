"""JSON Schema for the data files, so editors get completion and checks in their editor."""
from __future__ import annotations

import json
from functools import lru_cache

from pydantic import TypeAdapter

from build_scripts.data.model import COLLECTIONS, BriefingInfo


def briefing_schema() -> dict:
    """One schema for any data file: a mapping of optional collections (and the briefing block)."""
    defs: dict = {}
    properties: dict = {}
    info = TypeAdapter(BriefingInfo).json_schema(ref_template="#/$defs/{model}")
    defs.update(info.pop("$defs", {}))
    defs["BriefingInfo"] = info
    properties["briefing"] = {"$ref": "#/$defs/BriefingInfo"}
    for name, model in COLLECTIONS.items():
        schema = TypeAdapter(model).json_schema(ref_template="#/$defs/{model}", by_alias=True)
        defs.update(schema.pop("$defs", {}))
        defs[model.__name__] = schema
        properties[name] = {"type": "array", "items": {"$ref": f"#/$defs/{model.__name__}"}}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Briefing data file",
        "type": "object",
        "additionalProperties": False,
        "properties": properties,
        "$defs": defs,
    }


@lru_cache(maxsize=1)
def schema_text() -> str:
    """The schema as the file editors' tools read (schema/briefing.schema.json) and the site publishes;
    it depends only on the code, so it is made once per process."""
    return json.dumps(briefing_schema(), indent=2, sort_keys=True) + "\n"
