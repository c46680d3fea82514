"""The editor schema (`schema`) checked with jsonschema, as a YAML language server reads files.

Files are read as YAML 1.2, the way editors read them (`contact: 112` is a number there);
every file of every test pack passes, and each rule a schema can express fails with its
key in the error's path (a missing or unknown key: named in the message, at its mapping).
"""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any, ClassVar

import pytest
import yaml
from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match

from game.cli import main
from game.commands.schema import DESCRIPTIONS, schema_for
from game.core.pack import PACK_FILE, SIGNS_FILE, load_pack
from tests.packtools import PACK_HEAD, PACK_YAML, SIGNS_YAML, STORY_YAML

ROOT = Path(__file__).resolve().parents[1]
PACKS = sorted(p for p in (ROOT / "tests" / "packs").iterdir() if (p / PACK_FILE).is_file())
PACKS.append(ROOT / "scenarios")
DECK_YAML = """\
kind: cards
title: Rate it
summary: Two cards
cards:
  - text: A licensed agency gives you a contract.
    risk: 0
    explanation: That is how it should be.
  - text: The employer keeps your passport.
    risk: 3
    signs: [passport-kept]
    explanation: Nobody may keep your passport.
    image: images/passport.png
"""


class Yaml12Loader(yaml.SafeLoader):
    """YAML 1.2's core schema, as editors read files: `no` is a word, `02` a number."""

    yaml_implicit_resolvers: ClassVar[dict[Any, Any]] = {}


for _tag, _pattern, _first in [
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("int", r"^[-+]?[0-9]+$", list("-+0123456789")),
    ("float", r"^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)(?:[eE][-+]?[0-9]+)?$", list("-+.0123456789")),
]:
    Yaml12Loader.add_implicit_resolver(f"tag:yaml.org,2002:{_tag}", re.compile(_pattern), _first)


def read(text: str) -> Any:
    return yaml.load(text, Loader=Yaml12Loader)  # a SafeLoader: constructs no objects


def which(path: Path) -> str:
    return {PACK_FILE: "pack", SIGNS_FILE: "signs"}.get(path.name, "scenario")


def errors(kind: str, data: Any, schema: dict[str, Any] | None = None) -> list[tuple[Any, str]]:
    validator = Draft202012Validator(schema or schema_for(kind))
    return [(tuple(e.absolute_path), e.message) for e in validator.iter_errors(data)]


def test_the_schemas_are_valid_json_schemas() -> None:
    for kind in ("scenario", "pack", "signs"):
        Draft202012Validator.check_schema(schema_for(kind))


@pytest.mark.parametrize("folder", PACKS, ids=lambda p: p.name)
def test_every_file_of_every_test_pack_passes_its_schema(folder: Path) -> None:
    pack = load_pack(folder).pack
    assert pack is not None
    files = sorted(folder.glob("*.yaml"))
    assert len(files) >= 3
    for path in files:
        data = read(path.read_text(encoding="utf-8"))
        for schema in (schema_for(which(path)), schema_for(which(path), pack)):
            assert errors(which(path), data, schema) == [], path


def test_contacts_written_as_numbers_pass_as_the_validator_takes_them() -> None:
    data = read(PACK_HEAD + "help:\n  - name: Police\n    contact: 02\n"
                "  - name: Emergency\n    contact: 112\n")
    assert data["help"][0]["contact"] == 2  # what an editor sees
    assert errors("pack", data) == []
    data["help"][0]["contact"] = ["02"]
    assert [path for path, _ in errors("pack", data)] == [("help", 0, "contact")]


def test_words_and_numbers_as_texts_pass() -> None:
    data = read(PACK_YAML.replace("title: Test pack", "title: 2024").replace(
        "label: Safe", "label: no"))
    assert errors("pack", data) == []


def broken(base: str, change: Any) -> Any:
    data = copy.deepcopy(read(base))
    change(data)
    return data


def _set(path: tuple[Any, ...], value: Any) -> Any:
    def change(data: Any) -> None:
        for key in path[:-1]:
            data = data[key]
        data[path[-1]] = value
    return change


def _drop(path: tuple[Any, ...]) -> Any:
    def change(data: Any) -> None:
        for key in path[:-1]:
            data = data[key]
        del data[path[-1]]
    return change


OFFER = ("steps", "offer")
CHOICE = (*OFFER, "choices", 0)


@pytest.mark.parametrize(("kind", "base", "change", "path"), [
    ("scenario", STORY_YAML, _set((*CHOICE, "risk"), 9), (*CHOICE, "risk")),
    ("scenario", STORY_YAML, _set((*CHOICE, "risk"), -1), (*CHOICE, "risk")),
    ("scenario", STORY_YAML, _set((*CHOICE, "risk"), "high"), (*CHOICE, "risk")),
    ("scenario", STORY_YAML, _set((*CHOICE, "next"), "Home Safe"), (*CHOICE, "next")),
    ("scenario", STORY_YAML, _set((*CHOICE, "signs"), ["Passport_Kept"]), (*CHOICE, "signs", 0)),
    ("scenario", STORY_YAML, _set((*CHOICE, "text"), {"EN": "Send it"}), (*CHOICE, "text")),
    ("scenario", STORY_YAML, _set((*CHOICE, "text"), ""), (*CHOICE, "text")),
    ("scenario", STORY_YAML, _set((*CHOICE, "feedback"), ["a", "list"]), (*CHOICE, "feedback")),
    ("scenario", STORY_YAML, _set(("start",), "Offer"), ("start",)),
    ("scenario", STORY_YAML, _set(("kind",), "storry"), ("kind",)),
    ("scenario", STORY_YAML, _set((*OFFER, "choices"), []), (*OFFER, "choices")),
    ("scenario", STORY_YAML, lambda d: d["steps"]["offer"]["choices"].extend(
        d["steps"]["offer"]["choices"] * 2), (*OFFER, "choices")),
    ("scenario", STORY_YAML, _set((*OFFER, "outcome"), "safe"), (*OFFER, "outcome")),
    ("scenario", STORY_YAML, _set(("steps", "harmed", "outcome"), "saved"),
     ("steps", "harmed", "outcome")),
    ("scenario", STORY_YAML, _set((*OFFER, "image"), "C:\\photos\\offer.png"), (*OFFER, "image")),
    ("scenario", STORY_YAML, _set((*OFFER, "image"), "/etc/passwd"), (*OFFER, "image")),
    ("scenario", STORY_YAML, _set(("destination",), "turkey"), ("destination",)),
    ("scenario", STORY_YAML, _set(("steps",), {}), ("steps",)),
    ("scenario", DECK_YAML, _set(("cards",), []), ("cards",)),
    ("scenario", DECK_YAML, _set(("cards", 1, "risk"), 7), ("cards", 1, "risk")),
    ("scenario", DECK_YAML, _set(("cards", 1, "signs"), "passport-kept"), ("cards", 1, "signs")),
    ("pack", PACK_YAML, _set(("languages",), ["EN"]), ("languages", 0)),
    ("pack", PACK_YAML, _set(("languages",), []), ("languages",)),
    ("pack", PACK_YAML, _set(("languages",), ["en", "en"]), ("languages",)),
    ("pack", PACK_YAML, _set(("risk_scale",), [{"label": "Safe"}, {"label": "Danger"}]),
     ("risk_scale",)),
    ("pack", PACK_YAML, lambda d: d["risk_scale"].extend(d["risk_scale"]), ("risk_scale",)),
    ("pack", PACK_YAML, _set(("scenarios",), ["Story One"]), ("scenarios", 0)),
    ("pack", PACK_YAML, _set(("home",), "Turkmenistan"), ("home",)),
    ("pack", PACK_YAML, _set(("risk_scale", 0, "label"), {"en": ""}), ("risk_scale", 0, "label")),
    ("signs", SIGNS_YAML, _set(("passport-kept", "indicator"), "passport"),
     ("passport-kept", "indicator")),
    ("signs", SIGNS_YAML, _set(("passport-kept", "advice"), None), ("passport-kept", "advice")),
])
def test_a_broken_rule_fails_with_its_key_in_the_path(
        kind: str, base: str, change: Any, path: tuple[Any, ...]) -> None:
    found = errors(kind, broken(base, change))
    assert found, "the schema accepted the broken file"
    assert any(p[:len(path)] == path for p, _ in found), found


@pytest.mark.parametrize(("kind", "base", "change", "at", "words"), [
    ("scenario", STORY_YAML, _drop((*CHOICE, "feedback")), CHOICE, "'feedback' is a required"),
    ("scenario", STORY_YAML, lambda d: d["steps"]["offer"]["choices"][1].update(feedbak="x"),
     (*OFFER, "choices", 1), "'feedbak' was unexpected"),
    ("scenario", STORY_YAML, _drop(("steps", "harmed", "outcome")), ("steps", "harmed"),
     "'outcome' is a required"),
    ("scenario", STORY_YAML, _drop(("kind",)), (), "'kind' is a required"),
    ("scenario", STORY_YAML, lambda d: d["steps"].update({"Home_Safe": d["steps"]["harmed"]}),
     ("steps",), "'Home_Safe' does not match"),
    ("signs", SIGNS_YAML, lambda d: d.update({"Passport Kept": d["passport-kept"]}), (),
     "'Passport Kept' does not match"),
    ("pack", PACK_YAML, _drop(("risk_scale",)), (), "'risk_scale' is a required"),
])
def test_a_missing_or_unknown_key_is_named_at_its_mapping(
        kind: str, base: str, change: Any, at: tuple[Any, ...], words: str) -> None:
    found = errors(kind, broken(base, change))
    assert any(p == at and words in m for p, m in found), found


def test_a_broken_story_gets_the_storys_own_error_not_a_root_one_of() -> None:
    data = broken(STORY_YAML, _set((*CHOICE, "risk"), 9))
    validator = Draft202012Validator(schema_for("scenario"))
    error = best_match(validator.iter_errors(data))
    assert tuple(error.absolute_path) == (*CHOICE, "risk")
    assert error.message == "9 is greater than the maximum of 6"
    assert all("any of the given schemas" not in m for _, m in errors("scenario", data))


def test_with_a_pack_risk_ends_at_its_top_and_texts_take_only_its_languages(
        tmp_path: Path) -> None:
    pack = load_pack(ROOT / "tests" / "packs" / "format-example").pack
    assert pack is not None
    top = len(pack.info.risk_scale) - 1
    schema = schema_for("scenario", pack)
    assert errors("scenario", broken(STORY_YAML, _set((*CHOICE, "risk"), top + 1)), schema)
    assert not errors("scenario", broken(STORY_YAML, _set((*CHOICE, "risk"), top)), schema)
    unlisted = next(code for code in ("de", "fr", "es") if code not in pack.languages)
    text = {pack.default_language: "Send it", unlisted: "..."}
    assert (*CHOICE, "text") in [p for p, _ in errors(
        "scenario", broken(STORY_YAML, _set((*CHOICE, "text"), text)), schema)]
    assert main(["schema", "--pack", str(tmp_path / "nowhere")]) == 2


def test_every_key_has_a_description() -> None:
    for kind in ("scenario", "pack", "signs"):
        schema = schema_for(kind)
        models = {name: d for name, d in schema["$defs"].items() if "properties" in d}
        if kind == "pack":
            models["PackInfo"] = schema
        for name, model in models.items():
            for key, prop in model["properties"].items():
                assert prop.get("description"), f"{kind}: {name}.{key} has no description"


# The tables of docs/pack-format.md: key column -> (model, field).
_PREFIX = {"risk_scale[]": "Degree", "help[]": "HelpContact", "steps.<id>": "Step",
           "...choices[]": "Choice", "cards[]": "Card"}
_SECTION = {"pack.yaml": "PackInfo", "warning-signs.yaml": "WarningSign",
            "A story (`kind: story`)": "Story", "A card deck (`kind: cards`)": "Deck"}


def doc_meanings() -> list[tuple[str, str, str]]:
    text = (ROOT / "docs" / "pack-format.md").read_text(encoding="utf-8")
    found = []
    section = ""
    for line in text.splitlines():
        if line.startswith("## "):
            section = _SECTION.get(line[3:].strip(), "")
        match = re.fullmatch(r"\| `([^`]+)` \| [^|]* \| [^|]* \| (.+) \|", line)
        if not section or match is None:
            continue
        key, meaning = match.groups()
        model = section
        for prefix, name in _PREFIX.items():
            if key.startswith(prefix + "."):
                model, key = name, key[len(prefix) + 1:]
        found.append((model, key, meaning.strip()))
    return found


def test_the_descriptions_are_the_format_documents_words() -> None:
    meanings = doc_meanings()
    assert len(meanings) >= 35
    differ = []
    for model, key, meaning in meanings:
        described = DESCRIPTIONS[model].get(key, "")
        if model == "WarningSign" and key == "indicator":
            meaning = meaning.split(":")[0]  # the document lists the 11 ids after it
        if not described.startswith(meaning):
            differ.append(f"{model}.{key}: the document says {meaning!r}")
    assert differ == [], "update game/commands/schema.py DESCRIPTIONS:\n" + "\n".join(differ)
