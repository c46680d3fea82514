"""`new` and `schema`: the authoring commands a facilitator runs before an event."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from game.cli import main
from game.core.pack import load_pack

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "tests" / "packs" / "format-example"


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    folder = tmp_path / "pack"
    shutil.copytree(EXAMPLE, folder)
    return folder


@pytest.mark.parametrize("kind", ["story", "cards"])
def test_new_writes_a_template_that_loads_with_warnings_at_most(
        pack: Path, kind: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "my-scenario", "--kind", kind, "--pack", str(pack)]) == 0
    written = pack / "my-scenario.yaml"
    assert written.read_text(encoding="utf-8").startswith("# A ")
    result = load_pack(pack)
    assert result.errors == []
    assert result.pack is not None and "my-scenario" in result.pack.scenarios
    assert f"kind: {kind}" in written.read_text(encoding="utf-8")
    assert "add 'my-scenario' to 'scenarios'" in capsys.readouterr().out


def test_new_never_overwrites_a_file(pack: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = (pack / "job-offer-istanbul.yaml").read_bytes()
    assert main(["new", "job-offer-istanbul", "--pack", str(pack)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert (pack / "job-offer-istanbul.yaml").read_bytes() == before


def test_new_refuses_an_id_that_is_not_kebab_case(
        pack: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "My Story", "--pack", str(pack)]) == 2
    assert "not a valid scenario id" in capsys.readouterr().err
    assert not (pack / "My Story.yaml").exists()


def test_schema_describes_every_key_of_a_scenario(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "scenario.schema.json"
    assert main(["schema", "--out", str(out)]) == 0
    schema = json.loads(out.read_text(encoding="utf-8"))
    defs = schema["$defs"]
    assert set(defs["Story"]["properties"]) == {
        "kind", "title", "summary", "notes", "start", "steps", "questions", "answers",
        "destination"}
    assert set(defs["Choice"]["properties"]) == {"text", "risk", "signs", "feedback", "next"}
    assert defs["Choice"]["additionalProperties"] is False
    assert set(defs["Card"]["properties"]) == {"text", "risk", "signs", "explanation", "image"}


@pytest.mark.parametrize(("which", "keys"), [
    ("pack", {"title", "languages", "risk_scale", "scenarios", "home", "help"}),
    ("signs", None),
])
def test_schema_of_pack_and_signs_files(which: str, keys: set[str] | None,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "--file", which]) == 0
    schema = json.loads(capsys.readouterr().out)
    if keys is not None:
        assert set(schema["properties"]) == keys
        assert set(schema["required"]) == {"title", "languages", "risk_scale"}
    else:
        assert schema["additionalProperties"]["$ref"].endswith("WarningSign")
