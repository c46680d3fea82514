"""The session: what has been played, where the room is now, and undo of any step.

Data flows one way: the front end turns keys into the commands below; a command
changes the session; the screen draws `Session.screen` and the views derived
from it. Every command is also sent to an event sink (the session log) as a
journal that `replay` turns back into the same session after a crash.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from enum import Enum
from typing import Any

from game.core.model import Card, Deck, Story
from game.core.pack import Pack
from game.core.scoring import PathRange, card_points, path_range
from game.core.votes import RoomVotes

EventSink = Callable[[dict[str, Any]], None]
MAX_TEAMS = 6


class ScreenKind(str, Enum):
    TITLE = "title"
    MENU = "menu"
    STEP = "step"
    FEEDBACK = "feedback"
    ENDING = "ending"
    CARD = "card"
    RATING = "rating"
    REVEAL = "reveal"
    SCOREBOARD = "scoreboard"
    DEBRIEF_PATH = "debrief-path"
    DEBRIEF_SIGN = "debrief-sign"
    DEBRIEF_QUESTIONS = "debrief-questions"
    DEBRIEF_HELP = "debrief-help"
    SUMMARY = "summary"


@dataclass(frozen=True)
class PathEntry:
    """One choice taken in a story: at `step`, choice `choice` (from 0), of degree `degree`."""

    step: str
    choice: int
    degree: int


@dataclass(frozen=True)
class StoryPlay:
    scenario: str
    step: str
    path: tuple[PathEntry, ...] = ()


@dataclass(frozen=True)
class DeckPlay:
    scenario: str
    card: int = 0
    team: int = 0
    ratings: tuple[tuple[int | None, ...], ...] = ()
    """Per card, per team: the degree the team gave (None until entered)."""


Play = StoryPlay | DeckPlay


@dataclass(frozen=True)
class StoryResult:
    """A story played to its end, as the debrief and the report show it."""

    scenario: str
    path: tuple[PathEntry, ...]
    outcome: str | None
    total: int
    safest: int
    riskiest: int
    signs: tuple[str, ...]
    complete: bool = True
    """False for a story left unfinished when the session ended."""


@dataclass(frozen=True)
class CardResult:
    card: int
    degree: int
    ratings: tuple[int | None, ...]
    points: tuple[int, ...]


@dataclass(frozen=True)
class DeckResult:
    """A deck played (to its end or so far): every revealed card and the points it gave."""

    scenario: str
    cards: tuple[CardResult, ...]
    signs: tuple[str, ...]
    complete: bool = True
    """False for a deck partly played when the session ended: its points still count."""


Result = StoryResult | DeckResult


@dataclass(frozen=True)
class Finished:
    """The scenarios finished so far, oldest first, as a linked list that every undo
    snapshot shares: finishing one more costs the same at the thousandth as at the
    first, and so does the team's total (`scores` is kept as it grows), so a session
    replays in time and memory linear in the length of its log."""

    last: Result | None = None
    before: Finished | None = None
    count: int = 0
    scores: tuple[int, ...] = ()
    """Card points per team (by position) over every deck finished."""

    def add(self, result: Result) -> Finished:
        """These results and `result` after them (this one is unchanged)."""
        scores = list(self.scores)
        if isinstance(result, DeckResult):
            for card in result.cards:
                for i, points in enumerate(card.points):
                    if i >= len(scores):
                        scores.append(0)
                    scores[i] += points
        return Finished(result, self, self.count + 1, tuple(scores))

    def __len__(self) -> int:
        return self.count

    def __iter__(self) -> Iterator[Result]:
        return iter(self.results())

    def __getitem__(self, index: int) -> Result:
        if index == -1 and self.last is not None:
            return self.last
        return self.results()[index]

    def results(self) -> tuple[Result, ...]:
        """Every result, oldest first."""
        found: list[Result] = []
        node: Finished | None = self
        while node is not None and node.last is not None:
            found.append(node.last)
            node = node.before
        return tuple(reversed(found))


@dataclass(frozen=True)
class State:
    """Everything that undo restores; one immutable snapshot per command."""

    screen: ScreenKind = ScreenKind.TITLE
    page: int = 0
    play: Play | None = None
    finished: Finished = Finished()


@dataclass
class Session:
    """One event: the pack, the teams, the room's progress, and its history for undo."""

    pack: Pack
    teams: list[str] = field(default_factory=list)
    participants: int | None = None
    language: str = ""
    place: str | None = None
    organisation: str | None = None
    facilitator: str | None = None
    sink: EventSink | None = None
    clock: Callable[[], float] = time.time
    state: State = field(default_factory=State)
    history: list[State] = field(default_factory=list)
    started_at: float = 0.0
    ended_at: float | None = None
    begun: bool = False
    votes: RoomVotes = field(default_factory=RoomVotes)
    room_code: str | None = None
    """The code of the room of phones this session opened (kept by a resume, so phones
    that joined before a crash join again without scanning anew)."""
    """The room's phone votes per question (not undone by back: a vote is not a step)."""

    def __post_init__(self) -> None:
        if not self.language or self.language not in self.pack.languages:
            self.language = self.pack.default_language
        self.teams = [t.strip() for t in self.teams if t.strip()][:MAX_TEAMS]
        self.started_at = self.clock()

    # ----------------------------------------------------------------- views

    @property
    def screen(self) -> ScreenKind:
        return self.state.screen

    @property
    def page(self) -> int:
        return self.state.page

    @property
    def play(self) -> Play | None:
        return self.state.play

    @property
    def team_names(self) -> list[str]:
        """The teams that rate cards; the whole room counts as one when none were named."""
        return self.teams or [""]

    @property
    def scenario_ids(self) -> list[str]:
        return list(self.pack.scenarios)

    @property
    def story(self) -> Story | None:
        play = self.play
        if isinstance(play, StoryPlay):
            scenario = self.pack.scenarios.get(play.scenario)
            return scenario if isinstance(scenario, Story) else None
        return None

    @property
    def deck(self) -> Deck | None:
        play = self.play
        if isinstance(play, DeckPlay):
            scenario = self.pack.scenarios.get(play.scenario)
            return scenario if isinstance(scenario, Deck) else None
        return None

    @property
    def card(self) -> Card | None:
        """The card of the deck being played, if a deck is."""
        deck, play = self.deck, self.play
        if deck is None or not isinstance(play, DeckPlay) or play.card >= len(deck.cards):
            return None
        return deck.cards[play.card]

    def played(self) -> list[str]:
        """Ids of the scenarios finished so far, in the order played."""
        return [r.scenario for r in self.state.finished]

    def next_unplayed(self) -> int:
        """Menu position of the first scenario not played yet (0 when all were)."""
        done = set(self.played())
        for i, sid in enumerate(self.scenario_ids):
            if sid not in done:
                return i
        return 0

    def story_result(self) -> StoryResult | None:
        """The current story's path so far, its risk total and the range of totals."""
        story, play = self.story, self.play
        if story is None or not isinstance(play, StoryPlay):
            return None
        start = play.path[0].step if play.path else play.step
        span: PathRange = path_range(story, start)
        signs = _unique(s for e in play.path
                        for s in _choice_signs(story, e))
        ending = story.steps.get(play.step)
        outcome = ending.outcome if ending is not None and ending.is_ending else None
        return StoryResult(play.scenario, play.path, outcome,
                           sum(e.degree for e in play.path), span.safest, span.riskiest, signs)

    def deck_result(self) -> DeckResult | None:
        """The current deck's revealed cards with each team's rating and points."""
        deck, play = self.deck, self.play
        if deck is None or not isinstance(play, DeckPlay):
            return None
        revealed = play.card + (1 if self.screen in _REVEALED else 0)
        cards = []
        for i in range(min(revealed, len(deck.cards))):
            ratings = self._ratings_for(play, i)
            answer = deck.cards[i].risk
            points = tuple(0 if r is None else card_points(r, answer) for r in ratings)
            cards.append(CardResult(i, answer, ratings, points))
        signs = _unique(s for c in cards for s in deck.cards[c.card].signs)
        return DeckResult(play.scenario, tuple(cards), signs)

    def current_result(self) -> Result | None:
        return self.story_result() or self.deck_result()

    def current_ratings(self) -> tuple[int | None, ...]:
        """The ratings entered so far for the current card, one per team."""
        play = self.play
        if not isinstance(play, DeckPlay):
            return ()
        return self._ratings_for(play, play.card)

    def team_scores(self) -> list[int]:
        """Points of each team over the whole session, the current deck's reveals included."""
        done = self.state.finished.scores
        scores = [done[i] if i < len(done) else 0 for i in range(len(self.team_names))]
        current = self.deck_result()
        if current is not None:
            for card in current.cards:
                for i, pts in enumerate(card.points[: len(scores)]):
                    scores[i] += pts
        return scores

    def signs_met(self) -> tuple[str, ...]:
        """Warning signs the current scenario's debrief explains, in the order met."""
        result = self.current_result()
        return tuple(s for s in result.signs if s in self.pack.signs) if result else ()

    def duration(self) -> float:
        end = self.ended_at if self.ended_at is not None else self.clock()
        return max(0.0, end - self.started_at)

    # -------------------------------------------------------------- commands

    def begin(self) -> bool:
        """Record the start of the session (teams, participants, language) in the log, once:
        a second call does nothing and returns False."""
        if self.begun:
            return False
        self.begun = True
        self._emit("session_start", pack=str(self.pack.folder.resolve()),
                   pack_title=self.pack.text(self.pack.info.title, self.language),
                   language=self.language, languages=list(self.pack.languages),
                   participants=self.participants, teams=list(self.teams), place=self.place,
                   organisation=self.organisation, facilitator=self.facilitator)
        return True

    def configure(self, teams: list[str], participants: int | None) -> bool:
        """Set the teams and the head count; logged once the session has begun."""
        names = [t.strip() for t in teams if t.strip()][:MAX_TEAMS]
        if names == self.teams and participants == self.participants:
            return False
        self.teams, self.participants = names, participants
        if self.begun:
            self._emit("teams", teams=list(names), participants=participants)
        return True

    def set_details(self, organisation: str | None, place: str | None,
                    facilitator: str | None) -> bool:
        """Set who runs the event and where (for the report); logged once it has begun."""
        given = tuple((v.strip() if isinstance(v, str) else "") or None
                      for v in (organisation, place, facilitator))
        if given == (self.organisation, self.place, self.facilitator):
            return False
        self.organisation, self.place, self.facilitator = given
        if self.begun:
            self._emit("details", organisation=self.organisation, place=self.place,
                       facilitator=self.facilitator)
        return True

    def set_language(self, lang: str) -> bool:
        """Show every text in `lang` from now on (not undone by back)."""
        if lang not in self.pack.languages or lang == self.language:
            return False
        self.language = lang
        self._emit("language", language=lang)
        return True

    def next_language(self) -> str:
        langs = self.pack.languages
        self.set_language(langs[(langs.index(self.language) + 1) % len(langs)])
        return self.language

    def start_scenario(self, scenario_id: str, step: str | None = None) -> bool:
        """Play `scenario_id` from its start (or from `step`, for authors' previews)."""
        scenario = self.pack.scenarios.get(scenario_id)
        if scenario is None:
            return False
        if isinstance(scenario, Story):
            first = step if step in scenario.steps else scenario.start_step
            screen = ScreenKind.ENDING if not scenario.steps[first].choices else ScreenKind.STEP
            play: Play = StoryPlay(scenario_id, first)
        else:
            play = DeckPlay(scenario_id, ratings=tuple(
                (None,) * len(self.team_names) for _ in scenario.cards))
            screen = ScreenKind.CARD
            step = None
        self._push(State(screen, 0, play, self.state.finished))
        self._emit("scenario_start", scenario=scenario_id,
                   kind="story" if isinstance(scenario, Story) else "cards",
                   title=self.pack.text(scenario.title, self.language), step=step)
        return True

    def choose(self, index: int) -> bool:
        """Take choice `index` (from 0) on a story step; shows its degree and feedback."""
        story, play = self.story, self.play
        if self.screen is not ScreenKind.STEP or story is None or not isinstance(play, StoryPlay):
            return False
        choices = story.steps[play.step].choices or []
        if not 0 <= index < len(choices):
            return False
        choice = choices[index]
        entry = PathEntry(play.step, index, choice.risk)
        self._push(replace(self.state, screen=ScreenKind.FEEDBACK,
                           play=replace(play, path=(*play.path, entry))))
        degree = self.pack.info.risk_scale[choice.risk]
        self._emit("choice", scenario=play.scenario, step=play.step, choice=index + 1,
                   degree=choice.risk + 1, label=self.pack.text(degree.label, self.language),
                   next=choice.next, signs=list(choice.signs))
        return True

    def rate(self, degree: int, team: int | None = None) -> bool:
        """Enter `degree` (a position from 0) for `team` (default: the next team to rate)."""
        deck, play = self.deck, self.play
        if (deck is None or not isinstance(play, DeckPlay)
                or self.screen not in (ScreenKind.CARD, ScreenKind.RATING)):
            return False
        if not 0 <= degree < len(self.pack.info.risk_scale):
            return False
        who = play.team if team is None else team
        if not 0 <= who < len(self.team_names):
            return False
        ratings = list(play.ratings)
        row = list(ratings[play.card])
        row[who] = degree
        ratings[play.card] = tuple(row)
        waiting = [i for i, r in enumerate(row) if r is None]
        later = [i for i in waiting if i > who]
        next_team = later[0] if later else (waiting[0] if waiting else who)
        self._push(replace(self.state, screen=ScreenKind.RATING,
                           play=replace(play, ratings=tuple(ratings), team=next_team)))
        self._emit("rating", scenario=play.scenario, card=play.card + 1, team=who + 1,
                   team_name=self.team_names[who], degree=degree + 1)
        return True

    def select_team(self, team: int) -> bool:
        """Move the rating cursor to `team`, to correct its rating. Logged: it decides which
        team the next degree is for, so a resumed session must have it too."""
        play = self.play
        if (not isinstance(play, DeckPlay) or self.screen is not ScreenKind.RATING
                or not 0 <= team < len(self.team_names) or team == play.team):
            return False
        self.state = replace(self.state, play=replace(play, team=team))
        self._emit("select_team", scenario=play.scenario, card=play.card + 1, team=team + 1)
        return True

    def advance(self) -> bool:
        """Continue to the next screen; False where the room must decide first."""
        nxt = self._next_state()
        if nxt is None:
            return False
        left = self.screen
        finishing = nxt.screen is ScreenKind.MENU and self.play is not None
        if finishing:
            self._emit_scenario_end()
        self._push(nxt)
        self._emit("advance", screen=left.value)
        if nxt.screen is ScreenKind.REVEAL:
            self._emit_reveal()
        return True

    def back(self) -> bool:
        """Undo the last step, choice or rating; False at the very start."""
        if not self.history:
            return False
        undone = self.screen
        self.state = self.history.pop()
        if undone is ScreenKind.SUMMARY:
            self.ended_at = None
        self._emit("undo", screen=undone.value)
        return True

    def to_menu(self) -> bool:
        """Leave the current scenario (unfinished) for the menu."""
        if self.screen is ScreenKind.MENU:
            return False
        self._push(State(ScreenKind.MENU, 0, None, self.state.finished))
        self._emit("menu")
        return True

    def end_session(self) -> bool:
        """Show the session summary and close the log with the totals.

        A scenario being played is kept as partly played: a deck's revealed cards keep
        their points, a story its path so far."""
        if self.screen is ScreenKind.SUMMARY:
            return False
        finished = self.state.finished
        current = self.current_result()
        if current is not None and (current.cards if isinstance(current, DeckResult)
                                    else current.path):
            self._emit_scenario_end(complete=False)
            finished = finished.add(replace(current, complete=False))
        self._push(State(ScreenKind.SUMMARY, 0, None, finished))
        self.ended_at = self.clock()
        if self.sink is not None:  # not while replaying: the list costs as much as the log
            names = self.team_names
            self._emit("session_end", duration_s=round(self.duration()),
                       team_scores=dict(zip(names, self.team_scores())),
                       scenarios=[r.scenario for r in finished])
        return True

    def open_room(self, code: str) -> bool:
        """Note that the room of phones opened with `code` (logged once per code)."""
        if code == self.room_code:
            return False
        self.room_code = code
        self._emit("room", code=code)
        return True

    def set_votes(self, votes: RoomVotes, event: str, **fields: Any) -> None:
        """Keep the room's phone votes and log their counts as `event` (never who voted)."""
        self.votes = votes
        self._emit(event, **fields)

    def reload(self, pack: Pack) -> None:
        """Use a freshly loaded pack, keeping the room's place where it still exists."""
        self.pack = pack
        if self.language not in pack.languages:
            self.language = pack.default_language
        if not self._valid(self.state):
            self.history = [s for s in self.history if self._valid(s)]
            self.state = State(ScreenKind.MENU, 0, None, self.state.finished)

    # ------------------------------------------------------------- internals

    def _push(self, state: State) -> None:
        self.history.append(self.state)
        self.state = state

    def _emit(self, event_type: str, **fields: Any) -> None:
        if self.sink is not None:
            self.sink({"type": event_type, **fields})

    def _ratings_for(self, play: DeckPlay, card: int) -> tuple[int | None, ...]:
        row = play.ratings[card] if card < len(play.ratings) else ()
        return tuple(row) + (None,) * (len(self.team_names) - len(row))

    def _debrief_screens(self) -> list[tuple[ScreenKind, int]]:
        screens = [(ScreenKind.DEBRIEF_PATH, 0)]
        if self.signs_met():  # one overview of every sign met (the front end opens each)
            screens.append((ScreenKind.DEBRIEF_SIGN, 0))
        scenario = self.pack.scenarios.get(self.play.scenario) if self.play else None
        if scenario is not None and scenario.questions:
            screens.append((ScreenKind.DEBRIEF_QUESTIONS, 0))
        if self.pack.info.help:
            screens.append((ScreenKind.DEBRIEF_HELP, 0))
        return screens

    def _next_state(self) -> State | None:
        state, screen = self.state, self.screen
        if screen is ScreenKind.TITLE:
            return State(ScreenKind.MENU, 0, None, state.finished)
        if screen is ScreenKind.MENU or screen is ScreenKind.SUMMARY:
            return None
        play = state.play
        if isinstance(play, StoryPlay):
            story = self.story
            if story is None:
                return None
            if screen is ScreenKind.FEEDBACK:
                last = play.path[-1]
                choices = story.steps[last.step].choices or []
                target = choices[last.choice].next
                kind = ScreenKind.STEP if story.steps[target].choices else ScreenKind.ENDING
                return replace(state, screen=kind, play=replace(play, step=target))
            if screen is ScreenKind.ENDING:
                return replace(state, screen=ScreenKind.DEBRIEF_PATH, page=0)
        if isinstance(play, DeckPlay):
            deck = self.deck
            if deck is None:
                return None
            if screen is ScreenKind.CARD:
                return replace(state, screen=ScreenKind.RATING)
            if screen is ScreenKind.RATING:
                return replace(state, screen=ScreenKind.REVEAL)
            last_card = play.card + 1 >= len(deck.cards)
            if screen is ScreenKind.REVEAL and len(self.team_names) > 1:
                return replace(state, screen=ScreenKind.SCOREBOARD)
            if screen in (ScreenKind.REVEAL, ScreenKind.SCOREBOARD):
                if last_card:
                    return replace(state, screen=ScreenKind.DEBRIEF_PATH, page=0)
                return replace(state, screen=ScreenKind.CARD,
                               play=replace(play, card=play.card + 1, team=0))
        screens = self._debrief_screens()
        here = (screen, state.page)
        if here in screens:
            i = screens.index(here)
            if i + 1 < len(screens):
                kind, page = screens[i + 1]
                return replace(state, screen=kind, page=page)
            result = self.current_result()
            finished = state.finished.add(result) if result is not None else state.finished
            return State(ScreenKind.MENU, 0, None, finished)
        return None

    def _emit_reveal(self) -> None:
        if self.sink is None:
            return  # replaying: a fact derived from the commands, not needed again
        result = self.deck_result()
        play = self.play
        if result is None or not result.cards or not isinstance(play, DeckPlay):
            return
        card = result.cards[-1]
        names = self.team_names
        self._emit("reveal", scenario=play.scenario, card=card.card + 1, degree=card.degree + 1,
                   ratings=dict(zip(names, _from_one(card.ratings))),
                   points=dict(zip(names, card.points)))

    def _emit_scenario_end(self, complete: bool = True) -> None:
        if self.sink is None:
            return  # replaying: a fact derived from the commands, not needed again
        result = self.current_result()
        play = self.play
        if result is None or play is None:
            return
        scenario = self.pack.scenarios[play.scenario]
        fields: dict[str, Any] = {
            "scenario": play.scenario,
            "title": self.pack.text(scenario.title, self.language),
            "signs": list(result.signs),
        }
        names = self.team_names
        if isinstance(result, StoryResult):
            fields.update(kind="story", outcome=result.outcome, total=result.total,
                          safest=result.safest, riskiest=result.riskiest,
                          path=[{"step": e.step, "choice": e.choice + 1, "degree": e.degree + 1}
                                for e in result.path])
        else:
            fields.update(kind="cards", cards=[
                {"card": c.card + 1, "degree": c.degree + 1,
                 "ratings": dict(zip(names, _from_one(c.ratings)))}
                for c in result.cards])
        scores = self.team_scores()
        fields["team_scores"] = dict(zip(names, scores))
        if not complete:
            fields["complete"] = False
        self._emit("scenario_end", **fields)

    def _valid(self, state: State) -> bool:
        play = state.play
        if play is None:
            return True
        scenario = self.pack.scenarios.get(play.scenario)
        if isinstance(play, StoryPlay):
            return (isinstance(scenario, Story) and play.step in scenario.steps
                    and all(e.step in scenario.steps for e in play.path))
        return isinstance(scenario, Deck) and play.card < len(scenario.cards)


_REVEALED = (ScreenKind.REVEAL, ScreenKind.SCOREBOARD, ScreenKind.DEBRIEF_PATH,
             ScreenKind.DEBRIEF_SIGN, ScreenKind.DEBRIEF_QUESTIONS, ScreenKind.DEBRIEF_HELP)


def _choice_signs(story: Story, entry: PathEntry) -> list[str]:
    choices = story.steps[entry.step].choices or []
    return list(choices[entry.choice].signs) if entry.choice < len(choices) else []


def _from_one(ratings: Iterable[int | None]) -> list[int | None]:
    """Degrees as the log writes them, numbered from 1 like on screen (None: not rated)."""
    return [None if r is None else r + 1 for r in ratings]


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


_REPLAYED: dict[str, Callable[[Session, dict[str, Any]], Any]] = {
    "scenario_start": lambda s, e: s.start_scenario(e["scenario"], e.get("step")),
    "choice": lambda s, e: s.choose(int(e["choice"]) - 1),
    "rating": lambda s, e: s.rate(int(e["degree"]) - 1, int(e["team"]) - 1),
    "select_team": lambda s, e: s.select_team(int(e["team"]) - 1),
    "advance": lambda s, e: s.advance(),
    "undo": lambda s, e: s.back(),
    "menu": lambda s, e: s.to_menu(),
    "language": lambda s, e: s.set_language(str(e["language"])),
    "session_end": lambda s, e: s.end_session(),
    "teams": lambda s, e: s.configure(list(e["teams"]), e.get("participants")),
    "details": lambda s, e: s.set_details(e.get("organisation"), e.get("place"),
                                          e.get("facilitator")),
    "room": lambda s, e: s.open_room(str(e["code"])),
    "votes": lambda s, e: _replay_votes(s, e),
    "votes_revealed": lambda s, e: _replay_votes(s, e, reveal=True),
}


def _replay_votes(session: Session, event: dict[str, Any], reveal: bool = False) -> bool:
    """The room's counts as logged (the phones themselves are not known any more)."""
    question = str(event["question"])
    counts = tuple(int(n) for n in event["counts"])
    teams = event.get("teams") or {}
    by_team: dict[int | None, tuple[int, ...]] = {}
    if isinstance(teams, dict) and teams:
        for name, row in teams.items():
            if name in session.teams:
                by_team[session.teams.index(name)] = tuple(int(n) for n in row)
    else:
        by_team[None] = counts
    votes = session.votes.with_counts(question, len(counts), by_team)
    session.votes = votes.reveal(question) if reveal else votes
    return True


def replay(session: Session, events: Iterable[dict[str, Any]]) -> int:
    """Apply a log's command events to a fresh `session`; returns how many were applied.

    The events are in the log's current numbering (from 1, see `game.core.events`),
    checked as `read_log` checks them. The session's sink is detached while
    replaying, so nothing is logged twice. Events that no longer apply (a pack
    changed since) are skipped, never fatal. Linear in the number of events.
    """
    sink, session.sink = session.sink, None
    applied = 0
    try:
        for event in events:
            command = _REPLAYED.get(str(event.get("type")))
            if command is None:
                continue
            try:
                if command(session, event):
                    applied += 1
            except (KeyError, ValueError, TypeError, IndexError):
                continue
    finally:
        session.sink = sink
    return applied
