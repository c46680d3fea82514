"""Every path of every story and every card of every deck, played by key presses.

For the shipped pack and the format example, each root-to-ending path of each
story (enumerated from the model, not from the game) is played through the
pilot with real key events, and every screen reached is checked in order:
step → feedback → … → ending → debrief path → one screen per warning sign met
→ questions → help → menu. The risk total must be the sum of the degrees chosen,
the safest and riskiest totals those of `game.core.scoring.path_range`, and the
debrief's sign screens exactly the signs met. Every frame is drawn (a drawing
error shows the error screen, which fails the test), and the texts a test
expects on screen are looked for among the texts drawn (recorded without painting
pixels, which nothing here looks at).

Continue is pressed with a different key on each path (Enter, Space, Right,
PageDown, as from a keyboard or a clicker).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from game.core.helplines import contacts_for
from game.core.model import Deck, Story
from game.core.pack import Pack
from game.core.scoring import path_range
from game.core.session import DeckResult, ScreenKind, StoryResult
from game.ui.pilot import Pilot, load_playable
from game.ui.state import Overlay
from game.ui.wording import say

ROOT = Path(__file__).resolve().parents[1]
PACKS = {"shipped": ROOT / "scenarios",
         "format-example": Path(__file__).parent / "packs" / "format-example"}
SIZE = (1024, 768)
CONTINUE_KEYS = ("return", "space", "right", "page down")
TEAMS = ["Eagles", "Owls", "Foxes"]
"""Three teams rate each card: exactly, one degree away, two away (2, 1 and 0 points)."""

_loaded: dict[str, Pack] = {}


def pack_of(name: str) -> Pack:
    if name not in _loaded:
        _loaded[name] = load_playable(PACKS[name])
    return _loaded[name]


def story_paths(story: Story) -> list[list[int]]:
    """Every root-to-ending path of `story`, as lists of choice positions (from 0)."""
    paths: list[list[int]] = []

    def walk(step_id: str, path: list[int], visiting: tuple[str, ...]) -> None:
        assert step_id not in visiting, f"a loop through {' → '.join((*visiting, step_id))}"
        choices = story.steps[step_id].choices
        if not choices:
            paths.append(path)
            return
        for i, choice in enumerate(choices):
            walk(choice.next, [*path, i], (*visiting, step_id))

    walk(story.start_step, [], ())
    return paths


def _cases(kind: type) -> Iterator[tuple[str, str]]:
    for name in PACKS:
        for sid, scenario in pack_of(name).scenarios.items():
            if isinstance(scenario, kind):
                yield name, sid


STORIES = list(_cases(Story))
DECKS = list(_cases(Deck))


def _signs_in_order(pack: Pack, sign_lists: list[list[str]]) -> list[str]:
    """The warning signs met, once each, in the order met (those the glossary explains)."""
    met = dict.fromkeys(s for signs in sign_lists for s in signs)
    return [s for s in met if s in pack.signs]


class Player:
    """A pilot, the keys it presses, and the screens it reached."""

    def __init__(self, pilot: Pilot) -> None:
        self.pilot = pilot
        self.reached: list[str] = []
        self.go_on = "return"

    def open_scenario(self, index: int) -> str:
        """From the menu, open the scenario at `index`: its number key up to 9, else the
        cursor moved down to it and Enter (the menu numbers only nine)."""
        if index < 9:
            return self.press(str(index + 1))
        moves = (index - self.pilot.app.controller.menu_cursor) % (
            len(self.pilot.session.scenario_ids) + 1)
        for _ in range(moves):
            self.pilot.press("down")  # the menu again: not a screen of the scenario
        return self.press("return")

    def press(self, key: str) -> str:
        """Press `key`, draw the frame, and note the screen it leads to."""
        self.pilot.press(key)
        assert self.pilot.overlay is None, (
            f"after '{key}': the {self.pilot.overlay} overlay: {self.pilot.app.ui.error_text}")
        here = self.where()
        self.reached.append(here)
        return here

    def where(self) -> str:
        session = self.pilot.session
        play = session.play
        screen = session.screen
        if screen in (ScreenKind.STEP, ScreenKind.ENDING):
            return f"{screen.value}:{getattr(play, 'step', '')}"
        if screen is ScreenKind.DEBRIEF_SIGN:  # the overview, turned page by page
            return f"{screen.value}:{self.pilot.app.ui.subpage + 1}"
        if screen in (ScreenKind.CARD, ScreenKind.REVEAL):
            return f"{screen.value}:{getattr(play, 'card', '?') + 1}"
        return screen.value

    def shown(self) -> str:
        """Every text of the last frame, its lines joined by spaces (no-break spaces, which
        hold a degree's number to its word, read as spaces)."""
        return " ".join(d.text for d in self.pilot.drawn.texts()).replace("\xa0", " ")

    def debrief(self, scenario: Story | Deck, signs: list[str]) -> list[str]:
        """Play the debrief through to the menu; the screens it should reach, in order."""
        pack = self.pilot.session.pack
        lang = self.pilot.session.language
        expected: list[str] = []
        while self.pilot.screen is ScreenKind.DEBRIEF_PATH:
            expected.append("debrief-path")
            self.press(self.go_on)
        seen = ""
        while signs and self.pilot.screen is ScreenKind.DEBRIEF_SIGN:
            expected.append(f"debrief-sign:{self.pilot.app.ui.subpage + 1}")
            seen += " " + self.shown()
            self.press(self.go_on)
        for sign in signs:  # every sign met is on the overview's pages
            title = pack.text(pack.signs[sign].title, lang)
            assert " ".join(title.split()) in seen, f"'{title}' is not on screen"
        if scenario.questions:
            expected.append("debrief-questions")
            if self.reached[-1] == expected[-1]:
                self.press(self.go_on)
        if contacts_for(pack, scenario):
            expected.append("debrief-help")
            if self.reached[-1] == expected[-1]:
                contact = contacts_for(pack, scenario)[0].contact  # the destination's first
                assert contact in self.shown(), f"the help contact {contact} is not on screen"
                self.press(self.go_on)
        expected.append("menu")
        return expected


@pytest.mark.parametrize(("pack_name", "sid"), STORIES, ids=[f"{p}-{s}" for p, s in STORIES])
def test_every_path_of_a_story(pack_name: str, sid: str) -> None:
    pack = pack_of(pack_name)
    story = pack.scenarios[sid]
    assert isinstance(story, Story)
    index = list(pack.scenarios).index(sid)
    lang = pack.default_language
    span = path_range(story)
    player = Player(Pilot(PACKS[pack_name], SIZE, paint=False))
    assert player.press("return") == "menu"
    paths = story_paths(story)
    for n, path in enumerate(paths):
        player.reached = []
        player.go_on = CONTINUE_KEYS[n % len(CONTINUE_KEYS)]
        expected: list[str] = []
        step_id = story.start_step
        player.open_scenario(index)
        degrees: list[int] = []
        sign_lists: list[list[str]] = []
        for choice_index in path:
            expected.append(f"step:{step_id}")
            choice = (story.steps[step_id].choices or [])[choice_index]
            degrees.append(choice.risk)
            sign_lists.append(list(choice.signs))
            if player.reached[-1] != expected[-1]:
                break
            player.press(str(choice_index + 1))
            expected.append("feedback")
            if player.reached[-1] != expected[-1]:
                break
            label = pack.text(pack.info.risk_scale[choice.risk].label, lang)
            assert f"{choice.risk + 1} · {label}" in player.shown()
            player.press(player.go_on)
            step_id = choice.next
        else:
            ending = story.steps[step_id]
            expected.append(f"ending:{step_id}")
            if player.reached[-1] == expected[-1]:
                player.press(player.go_on)
                result = player.pilot.session.current_result()
                assert isinstance(result, StoryResult)
                assert result.path and [e.choice for e in result.path] == path
                assert result.outcome == ending.outcome
                assert (result.total, result.safest, result.riskiest) == (
                    sum(degrees), span.safest, span.riskiest), f"path {path}"
                average = sum(d + 1 for d in degrees) / len(degrees)  # on the room's scale
                total = say("path_average", lang, m=len(pack.info.risk_scale),
                            avg=f"{average:.1f}".replace(".", say("decimal_point", lang)))
                assert " ".join(total.split()) in player.shown()
                signs = _signs_in_order(pack, sign_lists)
                assert list(player.pilot.session.signs_met()) == signs
                expected += player.debrief(story, signs)
        assert player.reached == expected, (
            f"{pack_name}/{sid}, path {[i + 1 for i in path]} (choices pressed): the screens "
            f"reached differ from the story's")
        finished = player.pilot.session.state.finished[-1]
        assert isinstance(finished, StoryResult) and finished.scenario == sid
        assert finished.total == sum(degrees)
    assert player.pilot.session.played() == [sid] * len(paths)


@pytest.mark.parametrize("teams", [None, TEAMS], ids=["the-room", "three-teams"])
@pytest.mark.parametrize(("pack_name", "sid"), DECKS, ids=[f"{p}-{s}" for p, s in DECKS])
def test_every_card_of_a_deck(pack_name: str, sid: str, teams: list[str] | None) -> None:
    pack = pack_of(pack_name)
    deck = pack.scenarios[sid]
    assert isinstance(deck, Deck)
    lang = pack.default_language
    scale = len(pack.info.risk_scale)
    count = len(teams) if teams else 1
    player = Player(Pilot(PACKS[pack_name], SIZE, teams=teams, paint=False))
    player.press("return")
    player.open_scenario(list(pack.scenarios).index(sid))
    expected: list[str] = []
    scores = [0] * count
    for n, card in enumerate(deck.cards, start=1):
        expected.append(f"card:{n}")
        player.go_on = CONTINUE_KEYS[n % len(CONTINUE_KEYS)]
        # Team t is t degrees away from the pack's answer, inside the scale.
        guesses = tuple(card.risk + t if card.risk + t < scale else card.risk - t
                        for t in range(count))
        for guess in guesses:
            player.press(str(guess + 1))
            expected.append("rating")
        assert player.pilot.session.current_ratings() == guesses
        player.press(player.go_on)
        expected.append(f"reveal:{n}")
        result = player.pilot.session.deck_result()
        assert isinstance(result, DeckResult)
        revealed = result.cards[-1]
        points = (2, 1, 0)[:count]
        assert (revealed.card, revealed.degree, revealed.ratings, revealed.points) == (
            n - 1, card.risk, guesses, points)
        label = pack.text(pack.info.risk_scale[card.risk].label, lang)
        assert f"{card.risk + 1} · {label}" in player.shown()
        scores = [s + p for s, p in zip(scores, points)]
        player.press(player.go_on)
        if teams:
            expected.append("scoreboard")
            assert player.pilot.session.team_scores() == scores
            assert say("points", lang, n=scores[0]) in player.shown()
            player.press(player.go_on)
    expected.append("debrief-path")
    signs = _signs_in_order(pack, [list(c.signs) for c in deck.cards])
    if player.reached[-1] == expected[-1]:
        assert list(player.pilot.session.signs_met()) == signs
        expected.pop()
        expected += player.debrief(deck, signs)
    assert player.reached[1:] == expected, f"{pack_name}/{sid}: the screens reached differ"
    assert player.pilot.session.played() == [sid]
    assert player.pilot.session.team_scores() == scores
    player.pilot.press("escape")
    assert player.pilot.overlay is Overlay.PAUSE
    player.pilot.press("3", "3")  # end the session (it asks once)
    assert player.pilot.screen is ScreenKind.SUMMARY and player.pilot.overlay is None


def test_paths_are_enumerated_from_the_model() -> None:
    """The format example's story: two choices, each leading to a step with two more."""
    story = pack_of("format-example").scenarios["job-offer-istanbul"]
    assert isinstance(story, Story)
    assert story_paths(story) == [[0, 0], [0, 1], [1, 0], [1, 1]]
