"""`schema`: the JSON Schema of the pack format, for editors with a YAML language server.

The schema is pydantic's, from the models, with what an editor needs added: a description
on every key (the words of docs/pack-format.md, shown when the author hovers a key), the
patterns of ids and language codes, the range of `risk`, and the rules about endings. A
scenario is told apart by its `kind` (if/then), so a broken story gets the story's own
errors, not "not valid under any of the given schemas". Values an editor reads as numbers
or booleans (YAML 1.2: `contact: 112`, `title: 2024`) are accepted, as the validator reads
every value as written. With a pack, `risk` ends at its scale's top, texts take only its
languages and `signs` only its warning signs.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from game.core.files import write_atomic
from game.core.model import ID_PATTERN, ILO_INDICATORS, LANG_PATTERN, Glossary, PackInfo, Scenario
from game.core.pack import Pack, PackFolderMissing, load_pack
from game.core.pictures import FORMATS, MAX_SIDE

_TITLES = {
    "scenario": "Degrees of Risk scenario (story or card deck)",
    "pack": "Degrees of Risk pack.yaml",
    "signs": "Degrees of Risk warning-signs.yaml",
}
MAX_DEGREES = 7
"""A risk scale has at most 7 degrees: without a pack, `risk` goes from 0 to 6."""

ID = f"^{ID_PATTERN.pattern}$"
LANG = f"^{LANG_PATTERN.pattern}$"
COUNTRY = "^[A-Za-z]{2}$"
IMAGE = r"^[^/\\\x00-\x1f][^\\\x00-\x1f]*$"
"""Inside the pack: not absolute, no Windows backslashes, no control characters."""
SCALAR = ["string", "number", "boolean"]
"""What a YAML 1.2 editor may read a one-word text as; the validator reads it as written."""

_TEXT = "text: one string in the pack's first language, or one line per language (en: ...)"
_ID = "lowercase letters, digits and single dashes, like job-offer-2"
_BOTH = ("a step has either choices or an outcome, not both: remove the outcome, or the "
         "choices to make it an ending")
# Editors built on VS Code's JSON language service (the YAML language server among them) show
# `patternErrorMessage` and `errorMessage` instead of a bare regular expression.
_PATTERN_SAYS = {
    ID: "An id: " + _ID,
    LANG: "A language code: two or three lowercase letters, like en, ru, tk, or pt-br",
    COUNTRY: "A two-letter ISO 3166-1 country code, like tr (Türkiye), ru (Russia), gb (the UK)",
    IMAGE: "A path inside the pack folder with forward slashes, like images/photo.png",
}


def _matching(pattern: str) -> dict[str, Any]:
    """A string that matches `pattern`, with the words an editor shows when it does not."""
    return {"type": "string", "pattern": pattern, "patternErrorMessage": _PATTERN_SAYS[pattern]}
_IMAGE = (f"a picture inside the pack folder, e.g. `images/phone.png`: {FORMATS}, at most "
          f"{MAX_SIDE}×{MAX_SIDE} pixels")

# Each key's description: the "meaning" column of docs/pack-format.md, word for word first
# (tests/test_schema.py holds the two together), then what else helps in a hover.
DESCRIPTIONS: dict[str, dict[str, str]] = {
    "PackInfo": {
        "title": "the pack's title, on the title screen",
        "languages": "at least one; the first is the default; codes in lower case (`[EN, RU]` "
                     "is one error, and the texts' languages are checked once it is fixed). "
                     "Language codes: two or three lowercase letters, optionally a region "
                     "(`pt-br`)",
        "risk_scale": "3 to 7 degrees, lowest risk first; a degree is referred to by its "
                      "position, from 0",
        "scenarios": "the menu order; a scenario not listed is shown last (with a warning); "
                     "without it, alphabetical",
        "home": "where the participants live, e.g. `tm`: its contacts come right after the "
                "destination's",
        "help": "who to call, shown at the end of every debrief and in the handout",
    },
    "Degree": {
        "label": "the degree's name, shown with its number and colour",
        "meaning": "one line explaining the degree",
    },
    "HelpContact": {
        "name": "who it is",
        "contact": "phone, address or website (a placeholder such as `TODO` or `...` is a "
                   "warning)",
        "note": "e.g. \"free and confidential\"",
        "where": "the countries it serves, e.g. `[tr]`; left out: everywhere",
    },
    "WarningSign": {
        "title": "what the sign is",
        "explanation": "why it is a warning sign",
        "advice": "what to do instead: what to check, whom to call",
        "indicator": "one of the 11 ILO forced-labour indicators",
    },
    "Story": {
        "kind": "`story`: one person through a migration situation, step by step",
        "title": "in the menu and on every screen of the story",
        "summary": "one line in the menu",
        "notes": "for the facilitator only (key N)",
        "start": "the first step; default the first one written",
        "steps": "step id → step. Step ids: " + _ID,
        "questions": "discussion questions for the debrief",
        "answers": "what a facilitator expects to hear, one per question in the same order "
                   "(for the facilitator's guide; never shown to the room); more answers than "
                   "questions is an error",
        "destination": "where the story happens, e.g. `tr`: its help contacts are shown first "
                       "(see pack.yaml)",
    },
    "Step": {
        "text": "the situation",
        "image": _IMAGE,
        "choices": "the options; an ending has no `choices` key at all (2 to 4 choices)",
        "outcome": "how it ends: required on an ending (a step without choices)",
    },
    "Choice": {
        "text": "the option",
        "risk": "its degree: a position on the pack's scale, from 0, in digits only (`0_0`, "
                "`+3`, `3.0`, `0x3` are refused)",
        "signs": "warning signs this choice misses or notices; a sign that every choice of "
                 "the step lists is the situation's (see below) (ids from warning-signs.yaml)",
        "feedback": "shown after the choice: the tactic, and the safer way",
        "next": "where the story goes (a step id)",
    },
    "Deck": {
        "kind": "`cards`: the room rates each situation on the risk scale",
        "title": "in the menu and on every screen of the deck",
        "summary": "one line in the menu",
        "notes": "for the facilitator only (key N)",
        "cards": "the situations to rate",
        "questions": "discussion questions for the debrief",
        "answers": "what a facilitator expects to hear, one per question in the same order "
                   "(for the facilitator's guide; never shown to the room); more answers than "
                   "questions is an error",
        "destination": "where the story happens, e.g. `tr`: its help contacts are shown first "
                       "(see pack.yaml)",
    },
    "Card": {
        "text": "the situation",
        "risk": "the degree the debrief defends (digits only, as for a choice): a position on "
                "the pack's scale, from 0",
        "signs": "the warning signs in it (ids from warning-signs.yaml)",
        "explanation": "why that degree",
        "image": _IMAGE,
    },
}


def schema_for(which: str, pack: Pack | None = None) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a scenario file, pack.yaml or warning-signs.yaml;
    with `pack`, narrowed to its scale, languages and warning signs."""
    if which == "pack":
        schema = PackInfo.model_json_schema()
    elif which == "signs":
        schema = Glossary.model_json_schema()
    else:
        schema = TypeAdapter(Scenario).json_schema()
    defs: dict[str, Any] = schema.setdefault("$defs", {})
    if which == "pack":
        defs["PackInfo"] = {k: v for k, v in schema.items() if k != "$defs"}
    top = len(pack.info.risk_scale) - 1 if pack else MAX_DEGREES - 1
    languages = list(pack.languages) if pack else None
    signs = sorted(pack.signs) if pack and pack.signs else None
    for name, model in defs.items():
        if name in DESCRIPTIONS:
            _annotate(name, model, top, signs, pack is not None)
    defs["Text"] = _text_schema(languages)
    if which == "pack":
        schema = {"$defs": defs, **defs.pop("PackInfo")}
    elif which == "signs":
        schema = {"$defs": defs, "type": "object", "propertyNames": _matching(ID),
                  "additionalProperties": {"$ref": "#/$defs/WarningSign"},
                  "description": "warning-sign id → its explanation. Ids: " + _ID}
    else:
        schema = {"$defs": defs, **_by_kind()}
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": _TITLES[which], **schema}


def _by_kind() -> dict[str, Any]:
    # Decided by `kind` first, so an editor reports the errors of the story or the deck the
    # file says it is (a root oneOf would only say that it matches neither).
    return {
        "type": "object",
        "required": ["kind"],
        "properties": {"kind": {"enum": ["story", "cards"], "description":
                                "`story` (steps with choices) or `cards` (a deck to rate)"}},
        "allOf": [
            {"if": {"required": ["kind"], "properties": {"kind": {"const": kind}}},
             "then": {"$ref": f"#/$defs/{model}"}}
            for kind, model in (("story", "Story"), ("cards", "Deck"))],
    }


def _annotate(name: str, model: dict[str, Any], top: int, signs: list[str] | None,
              pack_scale: bool) -> None:
    properties: dict[str, Any] = model["properties"]
    for key, prop in properties.items():
        prop.pop("title", None)
        description = DESCRIPTIONS[name].get(key)
        if description is not None:
            prop["description"] = description[0].upper() + description[1:] + "."
        target = _non_null(prop)
        if key == "risk":
            target.update(minimum=0, maximum=top)
            prop["description"] += (f" On this pack's scale: 0 to {top}." if pack_scale else
                                    f" At most {top}: a scale has at most {MAX_DEGREES} degrees.")
        elif key in ("start", "next"):
            target.update(_matching(ID))
        elif key in ("scenarios", "signs"):
            target["items"] = ({"enum": signs} if key == "signs" and signs else _matching(ID))
            if key == "scenarios":
                target["uniqueItems"] = True  # the validator refuses a scenario listed twice
        elif key == "steps":
            target["propertyNames"] = _matching(ID)
        elif key == "languages":
            target["items"] = _matching(LANG)
            target["uniqueItems"] = True
        elif key in ("home", "destination"):
            target.update(_matching(COUNTRY), examples=["tr", "ru", "gb"])
        elif key == "where":
            target["items"] = _matching(COUNTRY)
        elif key == "contact":
            target.update(type=["string", "integer"], minLength=1)
        elif key == "image":
            target.update(_matching(IMAGE))
        elif key == "indicator":
            target["enum"] = list(ILO_INDICATORS)
        _nullable(prop)
    if name == "Step":
        # An ending (no choices) needs an outcome; a step with choices has none.
        model["if"] = {"required": ["choices"], "properties": {"choices": {"type": "array"}}}
        model["then"] = {"properties": {"outcome": {"not": {}, "errorMessage": _BOTH}}}
        model["else"] = {"required": ["outcome"]}


def _non_null(prop: dict[str, Any]) -> dict[str, Any]:
    """The schema of the value itself, inside pydantic's anyOf [value, null] for an
    optional key (see `_nullable`)."""
    for option in prop.get("anyOf", []):
        if option.get("type") != "null":
            return option  # type: ignore[no-any-return]
    return prop


def _nullable(prop: dict[str, Any]) -> None:
    """An optional key may be left empty (`notes:`), as the validator allows: instead of
    pydantic's anyOf [value, null], whose error would only say "not valid under any of
    the given schemas", null joins the value's own type, so its errors stay specific."""
    options = prop.get("anyOf")
    if not options or len(options) != 2 or {"type": "null"} not in options:
        return
    value = next(o for o in options if o != {"type": "null"})
    del prop["anyOf"]
    if "$ref" in value:
        prop.update({"if": {"type": "null"}, "else": value})
        return
    prop.update(value)
    prop["type"] = [prop["type"], "null"] if isinstance(prop.get("type"), str) else prop["type"]
    if "enum" in prop:
        prop["enum"] = [*prop["enum"], None]


def _text_schema(languages: list[str] | None) -> dict[str, Any]:
    words = {"type": SCALAR, "minLength": 1, "pattern": r"\S"}
    names: dict[str, Any] = {"enum": languages} if languages else _matching(LANG)
    # if/then/else rather than anyOf: a broken text gets the error of the form it is in.
    return {
        "description": _TEXT[0].upper() + _TEXT[1:] + ".",
        "if": {"type": "object"},
        "then": {"minProperties": 1, "propertyNames": names, "additionalProperties": words},
        "else": words,
    }


def run_schema(out: str | None, which: str, pack_arg: str | None = None) -> int:
    """Print the schema, or write it to `out`; with `pack_arg`, narrowed to that pack.

    Exit 0; 1 when the file cannot be written; 2 when the pack cannot be read."""
    pack = None
    if pack_arg is not None:
        try:
            result = load_pack(Path(pack_arg), pack_arg, display_checks=False)
        except PackFolderMissing:
            print(f"{pack_arg}: error: no such pack folder", file=sys.stderr)
            return 2
        if result.pack is None:
            for problem in result.errors:
                print(problem.format(), file=sys.stderr)
            print(f"{pack_arg}: error: pack.yaml cannot be read, so the schema cannot be "
                  "narrowed to this pack (fix it, or leave out --pack)", file=sys.stderr)
            return 2
        pack = result.pack
    text = json.dumps(schema_for(which, pack), indent=2, ensure_ascii=False) + "\n"
    if out is None:
        sys.stdout.write(text)
        return 0
    try:
        write_atomic(Path(out), text, newline="\n")  # whole or not at all, like every document
    except OSError as exc:
        print(f"{out}: error: cannot write the schema: {exc.strerror}", file=sys.stderr)
        return 1
    print(f"wrote {out}")
    return 0
