"""The JSON Schema on disk matches the model, and the shipped data validates against it."""
from __future__ import annotations

import json
import re

import jsonschema
import yaml

from build_scripts.data.schema import briefing_schema

from .conftest import MINI, ROOT

SCHEMA_FILE = ROOT / "schema" / "briefing.schema.json"


class NoDatesLoader(yaml.SafeLoader):
    """Like the YAML language server: numbers are numbers, but dates stay text."""


NoDatesLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def test_schema_on_disk_is_current():
    expected = json.dumps(briefing_schema(), indent=2, sort_keys=True) + "\n"
    assert SCHEMA_FILE.read_text() == expected, "run `make schema` and commit schema/briefing.schema.json"


def test_every_data_file_validates_against_the_schema():
    validator = jsonschema.Draft202012Validator(briefing_schema())
    for path in [*sorted((ROOT / "data").glob("*.yaml")), *sorted(MINI.glob("*.yaml"))]:
        document = yaml.load(path.read_text(), Loader=NoDatesLoader)  # noqa: S506 (safe subclass)
        errors = sorted(validator.iter_errors(document), key=str)
        assert not errors, f"{path.name}: {errors[0].message} at {list(errors[0].absolute_path)}"


def test_schema_rejects_an_unknown_field():
    validator = jsonschema.Draft202012Validator(briefing_schema())
    bad = {"events": [{"id": "x", "sumary": "typo"}]}
    assert any("sumary" in e.message for e in validator.iter_errors(bad))


def test_every_data_field_is_documented_in_the_editors_guide():
    guide = (ROOT / "docs" / "editors.md").read_text()
    for name in briefing_schema()["properties"]:
        assert f"{name}" in guide, f"collection {name} is not in docs/editors.md"
    for model in ("Event", "Source", "Copy", "Codebook", "Code"):
        for field in briefing_schema()["$defs"][model]["properties"]:
            key = re.compile(rf"^\s*(?:- )?{re.escape(field)}:", re.MULTILINE)  # a YAML key, not a word in prose
            assert key.search(guide), f"{model} field {field} is not in the guide's examples"
