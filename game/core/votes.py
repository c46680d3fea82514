"""The room's votes from phones, as plain data: what is asked now, and how the room answered.

A `Question` is what the projector asks at this moment (a story step's choices, or
the risk scale for a card), published to the phones. A `Tally` holds one vote per
phone per question; a phone may change its vote until the reveal. Everything here is
pure: a vote makes a new `Tally`, so a tally can sit in the session's state and in a
test without a server. Phones are known by a random token only while the game runs;
the log and the report keep counts (`Tally.counts`), never tokens.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Literal

QuestionKind = Literal["choices", "scale"]
MAX_OPTIONS = 9
"""A question never has more options than number keys (story steps have 2-4, scales 3-7)."""


@dataclass(frozen=True)
class Option:
    """One option as the projector shows it: its number (from 1), its text per language,
    and for a degree of the scale its colour ('#RRGGBB') and the text colour on it."""

    number: int
    text: Mapping[str, str]
    colour: str | None = None
    ink: str | None = None


@dataclass(frozen=True)
class Question:
    """What the room is asked now; `id` changes whenever the question does, so a vote for
    a question no longer on the projector can be told apart and ignored."""

    id: str
    kind: QuestionKind
    options: tuple[Option, ...]
    title: Mapping[str, str] = field(default_factory=dict)
    teams: tuple[str, ...] = ()
    open: bool = True
    """False once the facilitator revealed the room's votes: no more changes."""
    languages: tuple[str, ...] = ("en",)

    def as_json(self) -> dict[str, object]:
        """The question as the phone page reads it (plain JSON types only)."""
        return {
            "id": self.id, "kind": self.kind, "open": self.open,
            "title": dict(self.title), "teams": list(self.teams),
            "languages": list(self.languages),
            "options": [{"number": o.number, "text": dict(o.text), "colour": o.colour,
                         "ink": o.ink} for o in self.options],
        }


@dataclass(frozen=True)
class Ballot:
    """One phone's vote: an option (from 0) and, with teams, the phone's team (from 0)."""

    option: int
    team: int | None = None


@dataclass(frozen=True)
class Tally:
    """The votes on one question: one ballot per phone token, plus `carried` counts.

    `carried` holds votes whose phones are not known any more (restored from the
    session log after a crash): per team (None for a room without teams), a count
    per option. They count like any other vote.
    """

    options: int
    ballots: Mapping[str, Ballot] = field(default_factory=dict)
    carried: Mapping[int | None, tuple[int, ...]] = field(default_factory=dict)

    def vote(self, token: str, option: int, team: int | None = None,
             was: int | None = None) -> Tally:
        """This tally with `token`'s vote for `option` (from 0), replacing its earlier one.

        `was` is the option the phone says it had voted before the game restarted:
        if the phone is not known and such a carried vote exists, the phone takes
        it back, so a vote changed after a resume is not counted twice.
        An option out of range leaves the tally as it is.
        """
        if not 0 <= option < self.options:
            return self
        carried = dict(self.carried)
        if token not in self.ballots and was is not None and 0 <= was < self.options:
            row = list(carried.get(team, ()))
            if was < len(row) and row[was] > 0:
                row[was] -= 1
                carried[team] = tuple(row)
        ballots = dict(self.ballots)
        ballots[token] = Ballot(option, team)
        return replace(self, ballots=ballots, carried=carried)

    def counts(self, team: int | None = None, *, every_team: bool = False) -> tuple[int, ...]:
        """Votes per option (from 0); of one `team`, or of the whole room with `every_team`."""
        counts = [0] * self.options
        for ballot in self.ballots.values():
            if every_team or ballot.team == team:
                counts[ballot.option] += 1
        for who, row in self.carried.items():
            if every_team or who == team:
                for i, n in enumerate(row[: self.options]):
                    counts[i] += n
        return tuple(counts)

    def room_counts(self) -> tuple[int, ...]:
        """Votes per option of the whole room, every team together."""
        return self.counts(every_team=True)

    @property
    def total(self) -> int:
        """How many phones voted (the whole room)."""
        return sum(self.room_counts())

    def teams_counts(self) -> dict[int | None, tuple[int, ...]]:
        """Votes per option for each team that voted (None: phones without a team)."""
        teams = {b.team for b in self.ballots.values()} | set(self.carried)
        return {t: self.counts(t) for t in sorted(teams, key=lambda t: -1 if t is None else t)}

    def restored(self, counts: Mapping[int | None, tuple[int, ...]]) -> Tally:
        """A tally holding `counts` (as logged) as carried votes, with no phone known."""
        return Tally(self.options, {}, {t: tuple(row[: self.options]) + (0,) * max(
            0, self.options - len(row)) for t, row in counts.items()})


def most_common(counts: tuple[int, ...]) -> tuple[int, ...]:
    """The options (from 0) with the most votes: one, several on a tie, none without votes."""
    top = max(counts, default=0)
    if top == 0:
        return ()
    return tuple(i for i, n in enumerate(counts) if n == top)


def shares(counts: tuple[int, ...]) -> tuple[int, ...]:
    """Each option's share of the votes in whole percent (largest remainder, so they sum to
    100; all zero without votes)."""
    total = sum(counts)
    if total == 0:
        return tuple(0 for _ in counts)
    exact = [100 * n / total for n in counts]
    floors = [int(x) for x in exact]
    left = 100 - sum(floors)
    order = sorted(range(len(counts)), key=lambda i: (floors[i] - exact[i], i))
    for i in order[:left]:
        floors[i] += 1
    return tuple(floors)


@dataclass(frozen=True)
class PhoneVote:
    """A vote as a phone sent it, handed to the game loop as a command: for question
    `question`, option `option` (from 0), by phone `token` of team `team` (from 0)."""

    question: str
    token: str
    option: int
    team: int | None = None
    was: int | None = None


@dataclass(frozen=True)
class RoomVotes:
    """Every question's tally in a session, and which questions the facilitator revealed."""

    tallies: Mapping[str, Tally] = field(default_factory=dict)
    revealed: frozenset[str] = frozenset()

    def tally(self, question: str, options: int) -> Tally:
        """The tally of `question` (an empty one with `options` options if nobody voted)."""
        found = self.tallies.get(question)
        return found if found is not None else Tally(options)

    def with_vote(self, vote: PhoneVote, options: int) -> RoomVotes:
        """These votes with `vote` counted on its question (of `options` options); a vote on
        a revealed question changes nothing."""
        if vote.question in self.revealed:
            return self
        tallies = dict(self.tallies)
        tallies[vote.question] = self.tally(vote.question, options).vote(
            vote.token, vote.option, vote.team, vote.was)
        return replace(self, tallies=tallies)

    def with_counts(self, question: str, options: int,
                    counts: Mapping[int | None, tuple[int, ...]]) -> RoomVotes:
        """These votes with `question`'s tally replaced by logged `counts` (a resume)."""
        tallies = dict(self.tallies)
        tallies[question] = Tally(options).restored(counts)
        return replace(self, tallies=tallies)

    def reveal(self, question: str) -> RoomVotes:
        """These votes with `question` revealed: its distribution shown, its voting closed."""
        return replace(self, revealed=self.revealed | {question})


@dataclass(frozen=True)
class RoomSummary:
    """How the room voted on a question, as the projector and the report show it."""

    question: Question
    counts: tuple[int, ...]
    shares: tuple[int, ...]
    """Each option's share in whole percent."""
    total: int
    top: tuple[int, ...]
    """The room's most common options (from 0): one, several on a tie, none without votes."""
    team_top: tuple[tuple[int, ...], ...]
    """Per team of the question, its phones' most common options (same rule)."""
    revealed: bool


def summarize(question: Question, tally: Tally, revealed: bool) -> RoomSummary:
    """The room's votes on `question` as counts, shares and most common options."""
    counts = tally.room_counts()
    team_top = tuple(most_common(tally.counts(i)) for i in range(len(question.teams)))
    return RoomSummary(question, counts, shares(counts), sum(counts), most_common(counts),
                       team_top, revealed)
