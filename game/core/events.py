"""The session log's vocabulary: every event the game writes, replays and reports, once.

One numbering convention (docs/session-log.md): every number the room sees is written as
the room sees it, from 1: a choice, a degree of the scale, a card, a team. Version 1 logs
counted degrees and teams from 0; `upgrade` turns their lines into version 2, so old logs
resume and report like new ones. `checked` validates each line against its type's
fields before anything replays it: a line of an unknown type, or with a field of the
wrong shape, is skipped and counted; a line whose sequence number `seq` is not above
the one before it (a line written twice) is skipped too, so it is never replayed twice.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping
from dataclasses import MISSING, dataclass, fields
from typing import Any, ClassVar, TypeGuard

VERSION = 2
READABLE = (1, 2)
"""Log versions this game reads (version 1: degrees and teams counted from 0)."""


@dataclass(frozen=True)
class Event:
    """What every event has: the log version `v`, the time `t`, its `seq` (from 1, one
    more for each event of the log; absent in version 1) and its `type`."""

    TYPE: ClassVar[str] = ""
    REPLAYED: ClassVar[bool] = False
    """True for commands (replayed on resume), False for facts derived from them."""


@dataclass(frozen=True)
class SessionStart(Event):
    """The session begins: the pack, language, head count and teams set on the title."""

    TYPE: ClassVar[str] = "session_start"
    pack: str = ""
    pack_title: str = ""
    language: str = ""
    languages: list[str] | None = None
    participants: int | None = None
    teams: list[str] | None = None
    place: str | None = None
    organisation: str | None = None
    facilitator: str | None = None


@dataclass(frozen=True)
class DetailsSet(Event):
    """Who runs the event and where (for the report), changed after the session began."""

    TYPE: ClassVar[str] = "details"
    REPLAYED: ClassVar[bool] = True
    organisation: str | None = None
    place: str | None = None
    facilitator: str | None = None


@dataclass(frozen=True)
class ScenarioStart(Event):
    """A scenario is opened from the menu (or an author's preview starts at `step`)."""

    TYPE: ClassVar[str] = "scenario_start"
    REPLAYED: ClassVar[bool] = True
    scenario: str
    kind: str = ""
    title: str = ""
    step: str | None = None


@dataclass(frozen=True)
class ChoiceTaken(Event):
    """Choice `choice` (from 1) is taken on `step`; `degree` (from 1) is its degree."""

    TYPE: ClassVar[str] = "choice"
    REPLAYED: ClassVar[bool] = True
    choice: int
    scenario: str = ""
    step: str = ""
    degree: int | None = None
    label: str = ""
    next: str = ""
    signs: list[str] | None = None


@dataclass(frozen=True)
class Rating(Event):
    """Team `team` (from 1) rates card `card` (from 1) at degree `degree` (from 1)."""

    TYPE: ClassVar[str] = "rating"
    REPLAYED: ClassVar[bool] = True
    team: int
    degree: int
    scenario: str = ""
    card: int | None = None
    team_name: str = ""


@dataclass(frozen=True)
class TeamSelected(Event):
    """The rating cursor moves to team `team` (from 1): the next degree is for it."""

    TYPE: ClassVar[str] = "select_team"
    REPLAYED: ClassVar[bool] = True
    team: int
    scenario: str = ""
    card: int | None = None


@dataclass(frozen=True)
class Reveal(Event):
    """A card's degree is shown: the pack's `degree`, each team's rating and points."""

    TYPE: ClassVar[str] = "reveal"
    scenario: str = ""
    card: int | None = None
    degree: int | None = None
    ratings: dict[str, int | None] | None = None
    points: dict[str, int] | None = None


@dataclass(frozen=True)
class Advance(Event):
    """Continue: the room leaves screen `screen`."""

    TYPE: ClassVar[str] = "advance"
    REPLAYED: ClassVar[bool] = True
    screen: str = ""


@dataclass(frozen=True)
class Undo(Event):
    """Back: screen `screen` is undone."""

    TYPE: ClassVar[str] = "undo"
    REPLAYED: ClassVar[bool] = True
    screen: str = ""


@dataclass(frozen=True)
class ToMenu(Event):
    """The scenario is left for the menu (unfinished)."""

    TYPE: ClassVar[str] = "menu"
    REPLAYED: ClassVar[bool] = True


@dataclass(frozen=True)
class LanguageSet(Event):
    """Every text is shown in `language` from now on."""

    TYPE: ClassVar[str] = "language"
    REPLAYED: ClassVar[bool] = True
    language: str


@dataclass(frozen=True)
class ScenarioEnd(Event):
    """A scenario's result: a story's path and risk, a deck's cards; `complete` False for
    one partly played when the session ended."""

    TYPE: ClassVar[str] = "scenario_end"
    scenario: str = ""
    kind: str = ""
    title: str = ""
    signs: list[str] | None = None
    team_scores: dict[str, int] | None = None
    outcome: str | None = None
    total: int | None = None
    safest: int | None = None
    riskiest: int | None = None
    path: list[dict[str, Any]] | None = None
    cards: list[dict[str, Any]] | None = None
    complete: bool = True


@dataclass(frozen=True)
class TeamsSet(Event):
    """The title's options changed after the session began."""

    TYPE: ClassVar[str] = "teams"
    REPLAYED: ClassVar[bool] = True
    teams: list[str]
    participants: int | None = None


@dataclass(frozen=True)
class SessionEnd(Event):
    """The summary is shown: the session's length, team scores and scenarios played."""

    TYPE: ClassVar[str] = "session_end"
    REPLAYED: ClassVar[bool] = True
    duration_s: int | None = None
    team_scores: dict[str, int] | None = None
    scenarios: list[str] | None = None


@dataclass(frozen=True)
class RoomOpened(Event):
    """The room of phones opened with this code (shown on the projector, never a phone's);
    replayed, so a resumed session reopens the same room and its phones rejoin."""

    TYPE: ClassVar[str] = "room"
    REPLAYED: ClassVar[bool] = True
    code: str


@dataclass(frozen=True)
class VotesCounted(Event):
    """The room's phones voted on the question on screen: its counts so far, never who
    voted. `counts[0]` is option 1 (a choice or a degree as numbered on screen); `teams`
    gives each team's counts when the room plays in teams. Replayed: a resume has them."""

    TYPE: ClassVar[str] = "votes"
    REPLAYED: ClassVar[bool] = True
    question: str
    counts: list[int]
    scenario: str = ""
    step: str | None = None
    card: int | None = None
    teams: dict[str, list[int]] | None = None


@dataclass(frozen=True)
class VotesRevealed(VotesCounted):
    """The facilitator showed how the room voted: the final counts; voting is closed."""

    TYPE: ClassVar[str] = "votes_revealed"


VOCABULARY: dict[str, type[Event]] = {
    kind.TYPE: kind for kind in (
        SessionStart, DetailsSet, ScenarioStart, ChoiceTaken, Rating, TeamSelected, Reveal, Advance,
        Undo, ToMenu, LanguageSet, ScenarioEnd, TeamsSet, SessionEnd, VotesCounted,
        VotesRevealed, RoomOpened)
}

# ------------------------------------------------------------------ checking shapes

Check = Callable[[object], bool]


def _is_int(value: object) -> TypeGuard[int]:
    # bool is an int in Python; in a log it is never a count, a degree or a team.
    return isinstance(value, int) and not isinstance(value, bool)


def _checker(shape: Any) -> Check:
    """A function telling whether a value (as JSON gives it) has `shape`, a field's type;
    built once per field, so checking a line costs a few calls, not a look at its type."""
    import types
    import typing

    origin: Any = typing.get_origin(shape)
    if origin in (typing.Union, types.UnionType):
        options = [_checker(option) for option in typing.get_args(shape)]
        return lambda value: any(check(value) for check in options)
    if shape is type(None):
        return lambda value: value is None
    if shape is bool:
        return lambda value: isinstance(value, bool)
    if shape is int:
        return _is_int
    if shape is str:
        return lambda value: isinstance(value, str)
    if origin is list:
        item = _checker(typing.get_args(shape)[0])
        return lambda value: isinstance(value, list) and all(item(v) for v in value)
    if origin is dict:
        key_shape, item_shape = typing.get_args(shape)
        key, item = _checker(key_shape), _checker(item_shape)
        return lambda value: isinstance(value, dict) and all(
            key(k) and item(v) for k, v in value.items())
    return lambda value: True  # Any


def _shapes(kind: type[Event]) -> tuple[tuple[str, Check, bool], ...]:
    """Each field's name, its check, and whether it must be there (it has no default)."""
    import typing

    hints = typing.get_type_hints(kind)
    return tuple((f.name, _checker(hints[f.name]),
                  f.default is MISSING and f.default_factory is MISSING) for f in fields(kind))


@functools.cache
def _shapes_of(name: str) -> tuple[tuple[str, Check, bool], ...] | None:
    # Built on first use, not at import: the first frame does not wait for it.
    kind = VOCABULARY.get(name)
    return _shapes(kind) if kind is not None else None


def valid(event: Mapping[str, Any]) -> bool:
    """True when `event` is of a known type and every field it has is of its shape (the
    fields replay needs are there). Fields not in the vocabulary are let through."""
    shapes = _shapes_of(str(event.get("type")))
    if shapes is None:
        return False
    for name, check, required in shapes:
        if name not in event:
            if required:
                return False
        elif not check(event[name]):
            return False
    seq = event.get("seq")
    return seq is None or _is_int(seq)


# ------------------------------------------------------------------ old logs


def _plus_one(value: object) -> object:
    return value + 1 if _is_int(value) else value


def _ratings_plus_one(value: object) -> object:
    if not isinstance(value, dict):
        return value
    return {k: _plus_one(v) for k, v in value.items()}


def upgrade(event: dict[str, Any]) -> dict[str, Any]:
    """`event` in the current numbering: a version 1 line (degrees and teams from 0) is
    rewritten from 1 (a copy); a current one is returned as it is."""
    if event.get("v") != 1:
        return event
    new = dict(event, v=VERSION)
    kind = new.get("type")
    if kind in ("choice", "reveal"):
        new["degree"] = _plus_one(new.get("degree"))
    if kind == "reveal":
        new["ratings"] = _ratings_plus_one(new.get("ratings"))
    if kind in ("rating", "select_team"):
        new["team"] = _plus_one(new.get("team"))
        if kind == "rating":
            new["degree"] = _plus_one(new.get("degree"))
    if kind == "scenario_end":
        if isinstance(new.get("path"), list):
            new["path"] = [dict(row, degree=_plus_one(row.get("degree")))
                           if isinstance(row, dict) else row for row in new["path"]]
        if isinstance(new.get("cards"), list):
            new["cards"] = [dict(row, degree=_plus_one(row.get("degree")),
                                 ratings=_ratings_plus_one(row.get("ratings")))
                            if isinstance(row, dict) else row for row in new["cards"]]
    for key in ("degree", "ratings", "team", "path", "cards"):
        if key in new and new[key] is None and key not in event:
            del new[key]  # a field the line did not have stays absent
    return new


@dataclass
class Checked:
    """A log's events that may be replayed and reported, and how many were left out."""

    events: list[dict[str, Any]]
    skipped: int = 0
    duplicates: int = 0


def checked(events: Iterable[dict[str, Any]]) -> Checked:
    """Every event upgraded to the current numbering and validated, in order; malformed
    or unknown lines and repeated sequence numbers are left out and counted. Linear."""
    kept: list[dict[str, Any]] = []
    skipped = duplicates = 0
    last_seq = 0
    for raw in events:
        event = upgrade(raw)
        if not valid(event):
            skipped += 1
            continue
        seq = event.get("seq")
        if isinstance(seq, int):
            if seq <= last_seq:
                duplicates += 1
                continue
            last_seq = seq
        kept.append(event)
    return Checked(kept, skipped, duplicates)
