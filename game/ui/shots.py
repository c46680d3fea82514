"""`shots`: every distinct screen of a pack rendered headless to PNG, to review before an event.

Driven through the real app (the same commands, session and screens as a game),
so what the files show is what the projector will show.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame

from game.core.model import Deck, Story
from game.core.questions import current_question
from game.core.session import ScreenKind
from game.core.votes import PhoneVote, RoomVotes
from game.phones.room import RoomState
from game.ui.app import load_for_play
from game.ui.keymap import Action, Command
from game.ui.pilot import Pilot
from game.ui.state import Overlay

SHOT_TEAMS = ["Team A", "Team B"]
"""Decks are shot with two teams, so ratings, points and the scoreboard all show."""


class Shooter:
    """Saves numbered PNGs of the pilot's frames into one folder per scenario.

    `shoot_every_screen` calls `into` and `shot`; a subclass that does something
    else with each frame (the layout tests check it) walks the same screens.
    """

    def __init__(self, pilot: Pilot, out: Path) -> None:
        self.pilot = pilot
        self.out = out
        self.written = 0
        self.folder = out
        self.count = 0

    def into(self, name: str) -> None:
        """Put the next shots in the folder `name` under `out`."""
        self.folder = self.out / name
        self.count = 0
        self.folder.mkdir(parents=True, exist_ok=True)

    def shot(self, name: str) -> None:
        self.count += 1
        surface = self.pilot.frame()
        safe = "".join(c if c.isalnum() or c in "-_" else "-" for c in name)
        pygame.image.save(surface, str(self.folder / f"{self.count:02d}-{safe}.png"))
        self.written += 1

    def do(self, action: Action, number: int = 0) -> None:
        self.pilot.app.dispatch(Command(action, number))
        self.pilot.app.handle_event(pygame.event.Event(pygame.USEREVENT))

    def send(self, action: Action, number: int = 0) -> None:
        """A command straight to the controller, with no frame (getting somewhere fast)."""
        self.pilot.app.controller.send(Command(action, number))

    def open(self, sid: str) -> None:
        """Leave for the menu and start scenario `sid` from its first step."""
        self.send(Action.TO_MENU)
        self.send(Action.SELECT, self.pilot.app.session.scenario_ids.index(sid))


def _paths_to_steps(story: Story) -> Iterator[tuple[str, list[int]]]:
    """Every step reachable from the start, with one list of choices that leads there."""
    start = story.start_step
    seen = {start}
    queue: list[tuple[str, list[int]]] = [(start, [])]
    while queue:
        step_id, path = queue.pop(0)
        yield step_id, path
        for i, choice in enumerate(story.steps[step_id].choices or []):
            if choice.next not in seen:
                seen.add(choice.next)
                queue.append((choice.next, [*path, i]))


def _shoot_story(s: Shooter, sid: str, story: Story) -> None:
    app = s.pilot.app
    for step_id, path in _paths_to_steps(story):
        s.open(sid)
        for choice in path:
            s.send(Action.NUMBER, choice + 1)
            s.send(Action.CONTINUE)
        step = story.steps[step_id]
        if step.choices:
            s.shot(f"step-{step_id}")
            for i in range(len(step.choices)):
                s.do(Action.NUMBER, i + 1)
                s.shot(f"feedback-{step_id}-{i + 1}")
                s.do(Action.BACK)
            continue
        s.shot(f"ending-{step_id}")
        s.do(Action.CONTINUE)
        _shoot_debrief(s, f"after-{step_id}")
        if app.session.played().count(sid) > 1:
            s.do(Action.BACK)  # undo finishing it again: the summary lists it once


def _shoot_deck(s: Shooter, sid: str, deck: Deck) -> None:
    app = s.pilot.app
    s.open(sid)
    teams = len(app.session.team_names)
    scale = len(app.session.pack.info.risk_scale)
    for n, card in enumerate(deck.cards, start=1):
        s.shot(f"card-{n}")
        for team in range(teams):
            # The first team exact, the next one degree away, and so on, inside the scale.
            guess = card.risk + team if card.risk + team < scale else card.risk - team
            s.do(Action.NUMBER, guess + 1)
        s.shot(f"rating-{n}")
        s.do(Action.CONTINUE)
        s.shot(f"reveal-{n}")
        if app.session.screen is ScreenKind.SCOREBOARD or teams > 1:
            s.do(Action.CONTINUE)
            if app.session.screen is ScreenKind.SCOREBOARD:
                s.shot(f"scoreboard-{n}")
                s.do(Action.CONTINUE)
        elif n < len(deck.cards):
            s.do(Action.CONTINUE)
    _shoot_debrief(s, "deck")


def _shoot_debrief(s: Shooter, detail: str) -> None:
    app = s.pilot.app
    names = {ScreenKind.DEBRIEF_PATH: "debrief-path", ScreenKind.DEBRIEF_SIGN: "debrief-sign",
             ScreenKind.DEBRIEF_QUESTIONS: "debrief-questions",
             ScreenKind.DEBRIEF_HELP: "debrief-help"}
    while app.session.screen in names:
        kind = app.session.screen
        page = f"-{app.session.page + 1}" if kind is ScreenKind.DEBRIEF_SIGN else ""
        s.shot(f"{names[kind]}{page}-{detail}")
        s.do(Action.CONTINUE)


def _shoot_language(pack_dir: Path, out: Path, size: tuple[int, int], lang: str) -> int:
    pilot = Pilot(pack_dir, size, lang, teams=SHOT_TEAMS)
    s = Shooter(pilot, out / lang)
    shoot_every_screen(s)
    return s.written


def shoot_phones(s: Shooter) -> None:
    """The room of phones without a server: the join screen (and without a network), then a
    first step with phones' votes, as a count and as revealed, and back to the menu."""
    app = s.pilot.app
    base = "http://192.168.137.1:8765"
    app.ui.phones = RoomState(True, (base,), "ACDE", f"{base}/?room=ACDE", phones=17)
    app.ui.open(Overlay.JOIN)
    s.shot("overlay-join")
    app.ui.phones = RoomState(problem="no network")
    s.shot("overlay-join-no-network")
    app.ui.close()
    app.ui.phones = RoomState(True, (base,), "ACDE", f"{base}/?room=ACDE", phones=17)
    first = next(iter(app.session.pack.scenarios))
    s.open(first)
    question = current_question(app.session)
    if question is not None:
        votes = tuple(PhoneVote(question.id, f"shot-phone-{i:010d}", (i * 5) % 7 % len(
            question.options), i % len(question.teams) if question.teams else None)
            for i in range(13))
        app.controller.send(Command(Action.VOTES, votes=votes))
        s.shot("phones-voted")
        s.do(Action.CONFIRM if app.session.screen is ScreenKind.STEP else Action.CONTINUE)
        s.shot("phones-revealed")
    app.ui.phones = RoomState()
    s.send(Action.TO_MENU)
    app.session.votes = RoomVotes()  # the scenarios' own shots show their steps without votes


def shoot_every_screen(s: Shooter) -> None:
    """Bring the shooter's pilot to every distinct screen of its pack and `shot` each one."""
    app = s.pilot.app
    s.into("00-session")
    s.shot("title")
    app.controller.title.cursor = 3
    s.shot("title-options")
    app.controller.title.cursor = 0
    s.do(Action.CONTINUE)
    s.shot("menu")
    for overlay in (Overlay.HELP, Overlay.PAUSE, Overlay.NOTES, Overlay.BLANK):
        app.ui.open(overlay)
        s.shot(f"overlay-{overlay.value}")
        app.ui.close()
    app.ui.reload_problems = ["pack.yaml:3:5: error: an example of what Ctrl+R shows when "
                              "the pack on disk has an error"]
    app.ui.open(Overlay.RELOAD_ERRORS)
    s.shot("overlay-reload-errors")
    app.ui.close()
    app.ui.error_text = "ExampleError: what the error screen shows"
    app.ui.open(Overlay.ERROR)
    s.shot("overlay-error")
    app.ui.close()
    shoot_phones(s)
    for n, (sid, scenario) in enumerate(app.session.pack.scenarios.items(), start=1):
        s.into(f"{n:02d}-{sid}")
        if isinstance(scenario, Story):
            _shoot_story(s, sid, scenario)
        else:
            _shoot_deck(s, sid, scenario)
    s.into("99-end")
    s.send(Action.TO_MENU)
    s.send(Action.END_SESSION)
    shoot_summary(s)


def shoot_summary(s: Shooter) -> None:
    """The session's summary, every page of it (a long session's list takes more than one)."""
    app = s.pilot.app
    s.shot("summary")
    page = 1
    while app.ui.subpage + 1 < app.ui.subpages:
        s.do(Action.CONTINUE)
        page += 1
        s.shot(f"summary-{page}")


def run_shots(pack: str | None, out: Path, size: tuple[int, int], lang: str | None) -> int:
    """Render every screen of the pack at `size` into `out`/<lang>/...; returns the exit code."""
    loaded, folder, shown, problems = load_for_play(pack)
    if loaded is None:
        for line in problems:
            print(line, file=sys.stderr)
        return 1
    if lang is not None and lang not in loaded.languages:
        print(f"{shown}: error: language '{lang}' is not one of the pack's: "
              f"{', '.join(loaded.languages)}", file=sys.stderr)
        return 2
    written = 0
    for code in [lang] if lang else loaded.languages:
        written += _shoot_language(folder, out, size, code)
    print(f"wrote {written} screenshots to {out}")
    return 0
