"""Plain-words wording of problems: where in a file a value is, and pydantic errors rephrased."""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel, ValidationError

from game.core.model import (
    Card,
    Choice,
    Deck,
    Degree,
    HelpContact,
    PackInfo,
    Step,
    Story,
    WarningSign,
)
from game.core.yamlfile import Loc


def did_you_mean(word: str, options: Iterable[str]) -> str:
    """` (did you mean 'x'?)` when an option is close to `word`, else ``.

    A word with a letter that only looks Latin (a Cyrillic `о` in `hоme`) gets that
    letter named instead: a suggestion would look exactly like what was typed.
    """
    foreign = non_latin(word) or _stray_space(word)
    if foreign:
        return f" ({foreign})"
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


class Suggester:
    """`did_you_mean` against one list of options, asked many times (every `next` of a
    story against its steps).

    Each suggestion compares the word with every option, so a file with thousands of
    broken references against thousands of ids would take minutes. The comparisons are
    budgeted: once `budget` are spent, later references get no suggestion (the error
    itself is still reported). A pack written by hand never comes near it.
    """

    def __init__(self, options: Iterable[str], budget: int = 100_000) -> None:
        self.options = list(options)
        self.budget = budget
        self._said: dict[str, str] = {}

    def __call__(self, word: str) -> str:
        """` (did you mean 'x'?)`, or a note on a look-alike letter, or ``."""
        if word in self._said:
            return self._said[word]
        foreign = non_latin(word) or _stray_space(word)
        if foreign:
            said = f" ({foreign})"
        elif self.budget >= len(self.options):
            self.budget -= len(self.options)
            said = did_you_mean(word, self.options)
        else:
            said = ""
        self._said[word] = said
        return said


def first_foreign(word: str) -> int | None:
    """Where (from 0) the first character of `word` that is not ASCII is, or None."""
    return next((i for i, c in enumerate(word) if not c.isascii()), None)


def non_latin(word: str) -> str:
    """Which character of an id is not a plain Latin letter, digit or dash, and where;
    `` when there is none."""
    for i, char in enumerate(word):
        if char.isascii():
            continue
        name = unicodedata.name(char, "").lower() or "a character"
        category = unicodedata.category(char)
        if char.isspace() or category in ("Zs", "Cf"):
            what = f"an invisible {name} (U+{ord(char):04X})"
        else:
            what = f"'{char}', {name} (U+{ord(char):04X})"
        unlike = "the plain dash '-'" if category == "Pd" else "a Latin letter"
        return (f"character {i + 1} is {what}, not {unlike}: ids use only a-z, 0-9 and '-'; "
                "delete it and type it again on a Latin keyboard layout")
    return ""


def _stray_space(word: str) -> str:
    if word != word.strip():
        return "it has a space at its start or end, inside the quotes: remove the space"
    return ""


def where(loc: Loc, file_kind: str) -> str:
    """The place of `loc` in plain words: `step 'offer', choice 2` or `card 3`."""
    parts: list[str] = []
    items = list(loc)
    if file_kind == "signs" and items:
        parts.append(f"warning sign '{items.pop(0)}'")
    i = 0
    while i < len(items):
        seg = items[i]
        nxt = items[i + 1] if i + 1 < len(items) else None
        label = _CONTAINERS.get(str(seg))
        if label and nxt is not None:
            if seg == "steps":
                parts.append(f"step '{nxt}'")
            elif seg == "risk_scale":
                parts.append(f"risk_scale degree {nxt}")
            else:
                parts.append(f"{label} {int(nxt) + 1}" if isinstance(nxt, int) else label)
            i += 2
            continue
        i += 1
    return ", ".join(parts)


_CONTAINERS = {
    "steps": "step",
    "choices": "choice",
    "cards": "card",
    "risk_scale": "degree",
    "help": "help contact",
    "questions": "question",
    "languages": "languages entry",
    "scenarios": "scenarios entry",
    "signs": "signs entry",
}


def field_name(loc: Loc) -> str:
    """The last key named in `loc` (`next`, `title`), or `` for a list item."""
    for seg in reversed(loc):
        if isinstance(seg, str) and seg not in ("steps",):
            return seg
    return ""


def at(loc: Loc, file_kind: str, detail: str) -> str:
    """`detail` prefixed with where it happens, the way every message reads."""
    place = where(loc, file_kind)
    return f"{place}: {detail}" if place else detail


def _model_at(file_kind: str, loc: Loc) -> type[BaseModel] | None:
    """Which model the mapping at `loc` is, to list the keys it accepts."""
    shape = tuple("#" if isinstance(s, int) else str(s) for s in loc)
    if file_kind == "pack":
        pack_models: dict[tuple[str, ...], type[BaseModel]] = {
            (): PackInfo, ("risk_scale", "#"): Degree, ("help", "#"): HelpContact}
        return pack_models.get(shape)
    if file_kind == "signs":
        return WarningSign if len(loc) == 1 else None
    if file_kind == "story":
        if not shape:
            return Story
        if len(shape) == 2 and shape[0] == "steps":
            return Step
        if len(shape) == 4 and shape[0] == "steps" and shape[2] == "choices":
            return Choice
        return None
    if file_kind == "cards":
        deck_models: dict[tuple[str, ...], type[BaseModel]] = {(): Deck, ("cards", "#"): Card}
        return deck_models.get(shape)
    return None


_COUNTS = {
    "choices": "a step needs 2 to 4 choices (an ending has no 'choices' key at all, "
               "and an 'outcome' instead)",
    "risk_scale": "the risk scale needs 3 to 7 degrees",
    "cards": "a deck needs at least one card",
    "languages": "list at least one language, like [en, ru, tk]",
    "steps": "a story needs at least one step",
}


_ID_LISTS = frozenset(("signs", "scenarios", "languages", "where"))
_EMPTY_HINTS = {
    "next": "write the id of the step this choice leads to",
    "start": "write the id of the first step, or remove the line",
    "contact": "write the phone number, address or website",
}


def describe_error(error: Any, file_kind: str, scale_size: int | None) -> tuple[Loc, str, bool]:
    """A pydantic error as (location, message, at-the-key?) in a facilitator's words."""
    loc: Loc = tuple(error["loc"])
    kind = error["type"]
    name = field_name(loc)
    given = error.get("input")
    if kind == "missing":
        model = _model_at(file_kind, loc[:-1])
        hint = ""
        if model is Step:
            hint = " (every step has a text)"
        return loc[:-1], at(loc[:-1], file_kind, f"missing required key '{name}'{hint}"), False
    if kind == "extra_forbidden":
        model = _model_at(file_kind, loc[:-1])
        options = list(model.model_fields) if model else []
        detail = f"unknown key '{name}'{did_you_mean(name, options)}"
        if options and not did_you_mean(name, options):
            detail += f"; the keys here are: {', '.join(options)}"
        return loc, at(loc[:-1], file_kind, detail), True
    if kind in ("too_short", "too_long"):
        count = error.get("ctx", {}).get("actual_length")
        rule = _COUNTS.get(name, f"'{name}' has the wrong number of items")
        has = f" (this one has {count})" if count is not None else ""
        return loc, at(loc, file_kind, f"{rule}{has}"), False
    if kind in ("int_parsing", "int_type", "int_from_float"):
        scale = f", from 0 to {scale_size - 1}" if scale_size else ""
        if given is None:
            return loc, at(loc, file_kind, f"{name} is empty: write a degree of the risk "
                           f"scale{scale}"), False
        return loc, at(loc, file_kind,
                       f"{name} should be a whole number: a degree of the risk scale{scale} "
                       f"(not '{given}')"), False
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        options = [o.strip(" '") for o in str(expected).replace(" or ", ",").split(",")]
        return loc, at(loc, file_kind,
                       f"{name} '{given}' is not one of: {', '.join(options)}"
                       f"{did_you_mean(str(given), options)}"), False
    if kind == "text_split":
        key = error.get("ctx", {}).get("key", "")
        return (*loc, key), at(loc, file_kind, f"{name}: {error.get('msg', '')}"), True
    if kind == "value_error":
        message = str(error.get("msg", "")).removeprefix("Value error, ")
        return loc, at(loc, file_kind, f"{name}: {message}" if name else message), False
    if kind == "dict_type" and loc[-1:] == ("steps",) and isinstance(given, list):
        first = given[0] if given else None
        sid = str(first["id"]) if isinstance(first, dict) and "id" in first else "offer"
        return loc, (f"steps should be a mapping from step id to step, not a list: write each "
                     f"step as its id and a colon ('{sid}:'), with its text and choices "
                     f"indented under it, instead of '- id: {sid}'"), False
    if kind == "list_type" and isinstance(given, dict) and any(
            str(k).startswith("-") for k in given):
        dashed = next(str(k) for k in given if str(k).startswith("-"))
        return loc, at(loc, file_kind, f"{name} should be a list, but its dash has no space "
                       f"after it: write '- {dashed[1:]}:', not '{dashed}:'"), False
    if kind in ("model_type", "dict_type") and given is None and len(loc) == 2 \
            and loc[0] == "steps":
        return loc, at(loc, file_kind, "the step is empty: write its text, and its choices or "
                       "its outcome, indented under it"), False
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        what = "a mapping (key: value lines)"
        return loc, at(loc, file_kind, f"{name or 'this'} should be {what}, not "
                       f"{_shape(given)}"), False
    if kind == "list_type":
        fix = (f": write [{given}]" if isinstance(given, str) and name in _ID_LISTS
               and "[" not in given else "")
        return loc, at(loc, file_kind, f"{name} should be a list, like [a, b], not "
                       f"{_shape(given)}{fix}"), False
    if kind == "string_type":
        if given is None:
            what = _EMPTY_HINTS.get(name, "write its value after the colon")
            return loc, at(loc, file_kind, f"{name} is empty: {what}"), False
        return loc, at(loc, file_kind, f"{name} should be a single value, not "
                       f"{_shape(given)}"), False
    return loc, at(loc, file_kind, f"{name}: {error.get('msg', kind)}"), False


def _shape(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return f"'{value}'"


def errors_of(exc: ValidationError) -> list[Any]:
    """pydantic's errors, without the echo of the whole input, one per cause: a key typed
    wrongly (`Summary`, `feedbak`) is reported as unknown, with the key it should be, and
    not also as that key missing."""
    errors = list(exc.errors(include_url=False))
    missing: dict[tuple[Any, ...], list[str]] = {}
    for error in errors:
        if error["type"] == "missing" and error["loc"]:
            missing.setdefault(tuple(error["loc"][:-1]), []).append(str(error["loc"][-1]))
    if not missing:
        return errors
    typo_of: set[tuple[Any, ...]] = set()
    for error in errors:
        loc = tuple(error["loc"])
        if error["type"] == "extra_forbidden" and loc[:-1] in missing:
            close = difflib.get_close_matches(str(loc[-1]).lower(), missing[loc[:-1]], n=1,
                                              cutoff=0.6)
            if close:
                typo_of.add((*loc[:-1], close[0]))
    return [e for e in errors if not (e["type"] == "missing" and tuple(e["loc"]) in typo_of)]
