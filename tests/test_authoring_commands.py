"""`new` and `schema`: the authoring commands a facilitator runs before an event."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from game.cli import main
from game.core.pack import load_pack
from tests.packtools import STORY_YAML, write_pack

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
    assert "added 'my-scenario' to 'scenarios' in" in capsys.readouterr().out


def _own_problems(pack: Path, name: str) -> list[str]:
    """What `validate` says about `name` and its listing, as path:line:col messages."""
    return [p.format() for p in load_pack(pack, "pack").problems
            if p.path == f"pack/{name}" or name in p.message]


@pytest.mark.parametrize("kind", ["story", "cards"])
def test_new_in_a_two_language_pack_leaves_only_the_placeholder_reminder(
        pack: Path, kind: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert load_pack(pack).pack.languages == ["en", "ru"]  # type: ignore[union-attr]
    assert main(["new", "my-scenario", "--kind", kind, "--pack", str(pack)]) == 0
    written = pack / "my-scenario.yaml"
    text = written.read_text(encoding="utf-8")
    assert '  en: "My scenario"\n  ru: "TODO (ru): My scenario"\n' in text
    count = {"story": 11, "cards": 8}[kind]
    problems = _own_problems(pack, "my-scenario.yaml")
    # No missing translation, no unlisted scenario (`new` listed it): only the reminder.
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"pack/my-scenario.yaml:8:3: warning: {count} texts still "
                                  "start with TODO, a placeholder to replace (lines 8, 11, 14, ")
    capsys.readouterr()
    # Replaced by the author: validate --strict is clean.
    written.write_text(text.replace("TODO (ru): ", "").replace("TODO: ", ""), encoding="utf-8")
    assert main(["validate", "--strict", str(pack)]) == 0, capsys.readouterr().out


@pytest.mark.parametrize(("listed", "after"), [
    ("scenarios: [job-offer-istanbul, safe-or-risky]   # menu order\n",
     "scenarios: [job-offer-istanbul, safe-or-risky, my-scenario]   # menu order\n"),
    ("scenarios:\n  - job-offer-istanbul\n  - safe-or-risky    # the deck\n",
     "scenarios:\n  - job-offer-istanbul\n  - safe-or-risky    # the deck\n  - my-scenario\n"),
])
@pytest.mark.parametrize("ending", ["\n", "\r\n"])
def test_new_lists_the_scenario_in_the_menu_changing_nothing_else(
        pack: Path, listed: str, after: str, ending: str,
        capsys: pytest.CaptureFixture[str]) -> None:
    info = pack / "pack.yaml"
    original = info.read_text(encoding="utf-8").replace(
        "scenarios: [job-offer-istanbul, safe-or-risky]\n", listed)
    info.write_bytes(original.replace("\n", ending).encode("utf-8"))
    assert main(["new", "my-scenario", "--pack", str(pack)]) == 0
    assert info.read_bytes() == original.replace(listed, after).replace(
        "\n", ending).encode("utf-8")
    assert "added 'my-scenario' to 'scenarios'" in capsys.readouterr().out
    assert not list(pack.glob(".pack.yaml*"))


def test_new_leaves_a_list_it_cannot_safely_change_and_says_what_to_do(
        pack: Path, capsys: pytest.CaptureFixture[str]) -> None:
    info = pack / "pack.yaml"
    spread = info.read_text(encoding="utf-8").replace(
        "scenarios: [job-offer-istanbul, safe-or-risky]",
        "scenarios: [job-offer-istanbul,\n            safe-or-risky\n]")
    info.write_text(spread, encoding="utf-8")
    assert main(["new", "my-scenario", "--pack", str(pack)]) == 0
    assert info.read_text(encoding="utf-8") == spread
    assert f"add 'my-scenario' to 'scenarios' in {pack}/pack.yaml to place it in the menu" \
        in capsys.readouterr().out


def test_new_in_a_pack_without_a_menu_list_is_clean_but_for_the_reminder(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    degrees = "".join(f"  - label: {{tk: {w}, ru: {w}, en: {w}}}\n"
                      for w in ("Howpsuz", "Az", "Köp", "Howp"))
    folder = write_pack(tmp_path / "pack", {
        "pack.yaml": f"title: {{tk: Synag, ru: Тест, en: Test}}\nlanguages: [tk, ru, en]\n"
                     f"risk_scale:\n{degrees}help:\n"
                     "  - {name: {tk: Hotline, ru: Hotline, en: Hotline}, contact: '112'}\n",
        "story.yaml": None, "warning-signs.yaml": None})
    assert main(["new", "first-story", "--pack", str(folder)]) == 0
    capsys.readouterr()
    assert main(["validate", "--strict", str(folder)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"{folder}/first-story.yaml:8:3: warning: 11 texts still start "
                             "with TODO")
    assert out[1:] == ["0 errors, 1 warning in 2 files (1 scenario)"]
    text = (folder / "first-story.yaml").read_text(encoding="utf-8")
    assert '  - tk: "TODO: A question for the group\'s discussion?"\n' \
        '    ru: "TODO (ru): A question' in text


def test_a_text_starting_with_todo_is_a_reminder_at_its_line(tmp_path: Path) -> None:
    story = STORY_YAML.replace("feedback: Good.", "feedback: TODO explain why")
    result = load_pack(write_pack(tmp_path, {"story.yaml": story}), "pack")
    [problem] = result.problems
    assert problem.format() == ("pack/story.yaml:15:19: warning: a text still starts with TODO, "
                                "a placeholder to replace (line 15): write the real text in "
                                "its place")
    assert result.pack is not None and "story" in result.pack.scenarios


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
