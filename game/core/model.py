"""The pack format as pydantic models: the contract with facilitators (scenario-format.md)."""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal, get_args

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, RootModel, model_validator
from pydantic_core import PydanticCustomError

from game.core.catalogue import pick

ID_PATTERN = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
LANG_PATTERN = re.compile(r"[a-z]{2,3}(-[a-z0-9]{2,8})?")

Indicator = Literal[
    "abuse-of-vulnerability",
    "deception",
    "restriction-of-movement",
    "isolation",
    "physical-and-sexual-violence",
    "intimidation-and-threats",
    "retention-of-identity-documents",
    "withholding-of-wages",
    "debt-bondage",
    "abusive-working-and-living-conditions",
    "excessive-overtime",
]
ILO_INDICATORS: tuple[str, ...] = get_args(Indicator)
"""The 11 ILO indicators of forced labour, as ids (ILO, 2012)."""
Outcome = Literal["safe", "harmed", "helped"]
OUTCOMES: tuple[Outcome, ...] = ("safe", "harmed", "helped")
_DIGITS = re.compile(r"[0-9]+")


def _risk_number(value: Any) -> Any:
    # Only the digits a facilitator types: pydantic (like YAML 1.1) would also take 0_0, +3,
    # 3.0 or Arabic-Indic digits as a number, and the author would never see the slip.
    if isinstance(value, str):
        if not _DIGITS.fullmatch(value):
            raise PydanticCustomError("int_parsing", "not a whole number")
        return int(value)
    return value


RiskNumber = Annotated[int, BeforeValidator(_risk_number)]
"""A degree as written in `risk`: ASCII digits only."""


class Text(RootModel[str | dict[str, str]]):
    """A translatable text: a plain string (the pack's first language) or language -> string."""

    @model_validator(mode="before")
    @classmethod
    def _one_clear_error(cls, value: Any) -> Any:
        # One message in plain words instead of pydantic's one-per-union-member.
        if isinstance(value, str):
            if not value.strip():
                raise ValueError("the text is empty")
            return value
        if isinstance(value, dict):
            if not value:
                raise ValueError("the text has no language in it")
            for lang, text in value.items():
                if text is None:
                    glued = _GLUED.fullmatch(str(lang))
                    if glued:
                        raise PydanticCustomError(
                            "text_split",
                            "'{lang}:' needs a space after its colon: write it like this: "
                            "{suggestion}",
                            {"key": str(lang), "lang": glued.group(1),
                             "suggestion": _rejoined(_unglued(value))})
                    if not LANG_PATTERN.fullmatch(str(lang)):
                        raise PydanticCustomError(
                            "text_split",
                            "a comma split this one-line text before '{key}': put the whole "
                            "text in quotes, like this: {suggestion}",
                            {"key": str(lang), "suggestion": _rejoined(value)})
                    raise ValueError(f"the '{lang}' text is empty")
                if not isinstance(text, str):
                    raise ValueError(f"the '{lang}' text should be a string, not a "
                                     f"{'list' if isinstance(text, list) else 'mapping'}")
                if not text.strip():
                    raise ValueError(f"the '{lang}' text is empty")
            return value
        if isinstance(value, list):
            raise ValueError("should be a text (a string, or language: string lines), "
                             "not a list")
        raise ValueError("should be a text (a string, or language: string lines)")

    def in_language(self, lang: str, default: str) -> str:
        """The text in `lang`, else by the catalogue's fallback chain (`uz-Latn` -> `uz`),
        else in the pack's first language `default`."""
        value = self.root
        if isinstance(value, str):
            return value
        if value.get(lang):  # the common case, drawn every frame: no chain to build
            return value[lang]
        return pick(value, lang, default) or next(iter(value.values()), "")

    def languages(self, default: str) -> set[str]:
        """Languages this text is written in (a plain string counts as `default`)."""
        return {default} if isinstance(self.root, str) else set(self.root)


_GLUED = re.compile(r"([a-z]{2,3}(?:-[a-z0-9]{2,8})?):(\S.*)", re.DOTALL)


def _unglued(split: dict[Any, Any]) -> dict[str, Any]:
    """{en:Good} read as one key `en:Good` with no value, split back into en -> Good."""
    result: dict[str, Any] = {}
    for key, text in split.items():
        glued = _GLUED.fullmatch(str(key)) if text is None else None
        if glued:
            result[glued.group(1)] = glued.group(2)
        else:
            result[str(key)] = text
    return result


def _rejoined(split: dict[Any, Any]) -> str:
    """The one-line text a comma split, written back as the author should type it:
    {en: Wait, check first} -> {en: "Wait, check first"}."""
    parts: dict[str, list[str]] = {}
    current: list[str] | None = None
    for key, text in split.items():
        if text is None and current is not None and not LANG_PATTERN.fullmatch(str(key)):
            current.append(str(key))
        else:
            current = parts.setdefault(str(key), [] if text is None else [str(text)])
    inner = ", ".join(f"{lang}: {_quoted(', '.join(words))}" for lang, words in parts.items())
    return "{" + inner + "}"


def _quoted(text: str) -> str:
    if '"' not in text:
        return f'"{text}"'
    doubled = text.replace("'", "''")
    return f"'{doubled}'"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Degree(_Strict):
    """One degree of the risk scale; its position (from 0) is what `risk` refers to."""

    label: Text
    meaning: Text | None = None


class HelpContact(_Strict):
    """Who to call, shown at the end of every debrief."""

    name: Text
    contact: str
    note: Text | None = None
    where: list[str] = Field(default_factory=list)
    """Country codes (ISO 3166-1 alpha-2) it serves; empty: everywhere."""

    @property
    def placeholder(self) -> bool:
        """Whether `contact` is still to be filled in (empty, TODO in any case, or `...`):
        the validator warns, and the projector never shows it as if it were a number."""
        value = self.contact.strip()
        return not value or "todo" in value.lower() or "..." in value or "…" in value


class PackInfo(_Strict):
    """pack.yaml: what the pack is."""

    title: Text
    languages: list[str] = Field(min_length=1)
    risk_scale: list[Degree] = Field(min_length=3, max_length=7)
    scenarios: list[str] | None = None
    home: str | None = None
    """The participants' country (a code): its contacts follow the destination's."""
    help: list[HelpContact] = Field(default_factory=list)

    @property
    def default_language(self) -> str:
        return self.languages[0]


class WarningSign(_Strict):
    """An entry of warning-signs.yaml, explained in the debrief."""

    title: Text
    explanation: Text
    advice: Text
    indicator: Indicator | None = None


class Glossary(RootModel[dict[str, WarningSign]]):
    """warning-signs.yaml: warning-sign id -> its explanation."""


class Choice(_Strict):
    """One option of a story step."""

    text: Text
    risk: RiskNumber
    signs: list[str] = Field(default_factory=list)
    feedback: Text
    next: str


class Step(_Strict):
    """A situation with 2 to 4 choices, or an ending (no choices, an outcome)."""

    text: Text
    image: str | None = None
    choices: list[Choice] | None = Field(default=None, min_length=2, max_length=4)
    outcome: Outcome | None = None

    @property
    def is_ending(self) -> bool:
        return not self.choices


class Story(_Strict):
    """A story scenario: one person through a migration situation."""

    kind: Literal["story"]
    title: Text
    summary: Text
    notes: Text | None = None
    start: str | None = None
    steps: dict[str, Step] = Field(min_length=1)
    questions: list[Text] = Field(default_factory=list)
    answers: list[Text] = Field(default_factory=list)
    """What a facilitator expects to hear, one per question (for the guide)."""
    destination: str | None = None
    """The country where it happens (a code): its help contacts come first."""

    @property
    def start_step(self) -> str:
        return self.start or next(iter(self.steps))


class Card(_Strict):
    """One situation of a card deck, rated by the room."""

    text: Text
    risk: RiskNumber
    signs: list[str] = Field(default_factory=list)
    explanation: Text
    image: str | None = None


class Deck(_Strict):
    """A card deck: the "rate the risk" activity."""

    kind: Literal["cards"]
    title: Text
    summary: Text
    notes: Text | None = None
    cards: list[Card] = Field(min_length=1)
    questions: list[Text] = Field(default_factory=list)
    answers: list[Text] = Field(default_factory=list)
    """What a facilitator expects to hear, one per question (for the guide)."""
    destination: str | None = None
    """The country where it happens (a code): its help contacts come first."""


Scenario = Annotated[Story | Deck, Field(discriminator="kind")]
