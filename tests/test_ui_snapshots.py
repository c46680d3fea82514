"""Reference images of every kind of screen, at 1024×768 and 1920×1080 (Textual-style snapshots).

Each screen is reached by key presses in the format-example pack (stable content,
apart from the default pack's ongoing edits), in English, with two teams, on
the pilot's manual clock (every animation settled, the duration on the summary
fixed). It must match tests/snapshots/<screen>-<W>x<H>.png: a pixel differs when
a colour channel differs by more than 40; the test fails when more than 0.5% of
the pixels differ, and writes the actual image and a diff (differences in
magenta over the faded actual image) to a temporary folder named in the message.

To update the references after a change meant to alter how screens look:

    UPDATE_SNAPSHOTS=1 .venv/bin/python -m pytest tests/test_ui_snapshots.py

It rewrites only the images that differ (or are missing) and names them in a
warning. Then LOOK at every one of them (`git status tests/snapshots`, open each
PNG) as a participant at the back of the hall would: readable, nothing cut off or
overlapping. A reference updated without looking at it tests nothing. Without
UPDATE_SNAPSHOTS nothing is ever written to tests/snapshots.

Beside each PNG lies a text snapshot, `<screen>-<W>x<H>.json`: every text drawn, in
drawing order, with its box. A changed character fails even where few pixels move (a
digit, an accent); a box may move by at most BOX_TOLERANCE pixels. UPDATE_SNAPSHOTS=1
rewrites it too; read its diff (`git diff tests/snapshots`) as you look at the PNG.
"""

from __future__ import annotations

import json
import os
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pygame
import pytest

from game.core.commands import Action, Command
from game.core.questions import current_question
from game.core.session import ScreenKind
from game.core.votes import PhoneVote
from game.phones.room import RoomState
from game.ui.pilot import Pilot
from game.ui.state import Overlay

EXAMPLE = Path(__file__).parent / "packs" / "format-example"
SNAPSHOTS = Path(__file__).parent / "snapshots"
SIZES = [(1024, 768), (1920, 1080)]
TEAMS = ["Eagles", "Owls"]
CHANNEL_TOLERANCE = 40
"""A pixel differs when one of its channels differs by more than this."""
MAX_DIFFERENT = 0.005
"""The share of differing pixels above which the screen no longer matches."""
MAGENTA = (255, 0, 255)
UPDATE = os.environ.get("UPDATE_SNAPSHOTS") == "1"
BOX_TOLERANCE = 2
"""How many pixels a text's box may move before the text snapshot no longer matches."""


def _story_path(pilot: Pilot) -> None:
    """The first story by its riskiest path: passport sent, then going anyway."""
    pilot.press("return", "return", "1", "return", "1", "return")  # → the ending


def _until(pilot: Pilot, screen: ScreenKind) -> None:
    for _ in range(10):
        if pilot.screen is screen:
            return
        pilot.press("return")
    raise AssertionError(f"never reached {screen}")


def _summary(pilot: Pilot) -> None:
    _story_path(pilot)
    _until(pilot, ScreenKind.MENU)
    pilot.press("escape", "3", "3")
    session = pilot.session
    assert session.ended_at is not None
    session.started_at = session.ended_at - 47 * 60  # a fixed duration on the summary


def _error(pilot: Pilot) -> None:
    pilot.press("return", "return")
    pilot.app.ui.error_text = "ExampleError: what the error screen shows"
    pilot.app.ui.open(Overlay.ERROR)


def _room(pilot: Pilot) -> None:
    # The room of phones as the projector shows it, without a server: a fixed address and code.
    base = "http://192.168.137.1:8765"
    pilot.app.ui.phones = RoomState(True, (base,), "ACDE", f"{base}/?room=ACDE", phones=17)


def _join(pilot: Pilot) -> None:
    pilot.press("return", "return")
    _room(pilot)
    pilot.app.ui.open(Overlay.JOIN)


def _room_votes(pilot: Pilot) -> None:
    pilot.press("return", "return")
    _room(pilot)
    question = current_question(pilot.session)
    assert question is not None
    votes = tuple(PhoneVote(question.id, f"snapshot-phone-{i:04d}", option)
                  for i, option in enumerate([1, 1, 1, 0, 1, 0, 1, 1, 1, 1, 0, 1, 1]))
    pilot.app.send(Command(Action.VOTES, votes=votes))
    pilot.press("return")  # Enter: how the room voted


SCREENS: dict[str, tuple[Callable[[Pilot], None], ScreenKind, Overlay | None]] = {
    "title": (lambda p: None, ScreenKind.TITLE, None),
    "menu": (lambda p: p.press("return"), ScreenKind.MENU, None),
    "step": (lambda p: p.press("return", "return"), ScreenKind.STEP, None),
    "feedback": (lambda p: p.press("return", "return", "1"), ScreenKind.FEEDBACK, None),
    "ending": (_story_path, ScreenKind.ENDING, None),
    "card": (lambda p: p.press("return", "2"), ScreenKind.CARD, None),
    "rating": (lambda p: p.press("return", "2", "4"), ScreenKind.RATING, None),
    "reveal": (lambda p: p.press("return", "2", "4", "3", "return"), ScreenKind.REVEAL, None),
    "scoreboard": (lambda p: p.press("return", "2", "4", "3", "return", "return"),
                   ScreenKind.SCOREBOARD, None),
    "debrief-path": (lambda p: (_story_path(p), p.press("return")), ScreenKind.DEBRIEF_PATH,
                     None),
    "debrief-sign": (lambda p: (_story_path(p), p.press("return", "return")),
                     ScreenKind.DEBRIEF_SIGN, None),
    "debrief-questions": (lambda p: (_story_path(p), _until(p, ScreenKind.DEBRIEF_QUESTIONS)),
                          ScreenKind.DEBRIEF_QUESTIONS, None),
    "debrief-help": (lambda p: (_story_path(p), _until(p, ScreenKind.DEBRIEF_HELP)),
                     ScreenKind.DEBRIEF_HELP, None),
    "summary": (_summary, ScreenKind.SUMMARY, None),
    "pause": (lambda p: p.press("return", "return", "escape"), ScreenKind.STEP, Overlay.PAUSE),
    "help": (lambda p: p.press("return", "return", "h"), ScreenKind.STEP, Overlay.HELP),
    "notes": (lambda p: p.press("return", "return", "n"), ScreenKind.STEP, Overlay.NOTES),
    "error": (_error, ScreenKind.STEP, Overlay.ERROR),
    "join": (_join, ScreenKind.STEP, Overlay.JOIN),
    "room-votes": (_room_votes, ScreenKind.STEP, None),
}


def render(name: str, size: tuple[int, int]) -> Pilot:
    """The pilot on screen `name` at `size`, reached by key presses from a fresh start."""
    pilot = Pilot(EXAMPLE, size, "en", teams=TEAMS)
    reach, screen, overlay = SCREENS[name]
    reach(pilot)
    assert (pilot.screen, pilot.overlay) == (screen, overlay), f"{name}: not the screen meant"
    pilot.frame()
    return pilot


def words_and_boxes(pilot: Pilot) -> list[dict[str, Any]]:
    """Every text of the last frame, in drawing order, with its box [x, y, w, h]."""
    return [{"text": t.text, "px": t.px, "box": [t.box.x, t.box.y, t.box.w, t.box.h]}
            for t in pilot.drawn.texts()]


def text_differences(actual: list[dict[str, Any]], expected: list[dict[str, Any]]) -> list[str]:
    """What differs between two text snapshots, one line each (empty: they match)."""
    said = [str(t["text"]) for t in actual]
    meant = [str(t["text"]) for t in expected]
    if said != meant:
        gone = [t for t in meant if t not in said]
        new = [t for t in said if t not in meant]
        return [f"words drawn differ: now {new!r}, before {gone!r}" if gone or new
                else "the same words in another order"]
    moved = []
    for now, then in zip(actual, expected):
        shift = max(abs(a - b) for a, b in zip(now["box"], then["box"]))
        if shift > BOX_TOLERANCE or now["px"] != then["px"]:
            moved.append(f"'{now['text']}' moved or resized: {then['box']} {then['px']} px "
                         f"-> {now['box']} {now['px']} px")
    return moved


def different_pixels(actual: pygame.Surface, expected: pygame.Surface,
                     diff: pygame.Surface) -> int:
    """How many pixels differ by more than the tolerance; marks them magenta on `diff`."""
    width, height = actual.get_size()
    same = pygame.transform.threshold(
        diff, actual, None, (CHANNEL_TOLERANCE,) * 3 + (255,), MAGENTA, 1, expected, False)
    return width * height - int(same)


@pytest.mark.parametrize("name", list(SCREENS))
@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_screen_matches_its_reference(name: str, size: tuple[int, int],
                                      tmp_path: Path) -> None:
    pilot = render(name, size)
    actual = pilot.snapshot()
    reference = SNAPSHOTS / f"{name}-{size[0]}x{size[1]}.png"
    _check_words(pilot, reference.with_suffix(".json"))
    if not reference.exists():
        if UPDATE:
            _write(actual, reference)
            return
        pygame.image.save(actual, str(tmp_path / reference.name))
        pytest.fail(f"no reference image {reference.name}; the screen as drawn now is "
                    f"{tmp_path / reference.name}. Look at it, then create the reference "
                    f"with UPDATE_SNAPSHOTS=1 (see this file's docstring)")
    expected = pygame.image.load(str(reference))
    if expected.get_size() != actual.get_size():
        if UPDATE:
            _write(actual, reference)
            return
        pytest.fail(f"{reference.name} is {expected.get_size()}, the screen {size}")
    diff = actual.copy()
    diff.fill((96, 96, 96), special_flags=pygame.BLEND_RGB_MULT)  # faded, for context
    count = different_pixels(actual, expected, diff)
    share = count / (size[0] * size[1])
    if share <= MAX_DIFFERENT:
        return
    if UPDATE:
        _write(actual, reference)
        return
    stem = reference.stem
    pygame.image.save(actual, str(tmp_path / f"{stem}-actual.png"))
    pygame.image.save(diff, str(tmp_path / f"{stem}-diff.png"))
    pytest.fail(f"{name} at {size[0]}×{size[1]}: {count} pixels ({share:.2%}) differ from "
                f"{reference.relative_to(SNAPSHOTS.parent.parent)} (at most "
                f"{MAX_DIFFERENT:.1%} may).\n  actual: {tmp_path / (stem + '-actual.png')}\n"
                f"  diff (magenta): {tmp_path / (stem + '-diff.png')}\nIf the change is meant, "
                f"look at the actual image, then update with UPDATE_SNAPSHOTS=1 (see the "
                f"docstring of tests/test_ui_snapshots.py).")


def _check_words(pilot: Pilot, reference: Path) -> None:
    words = words_and_boxes(pilot)
    if reference.exists():
        problems = text_differences(words, json.loads(reference.read_text(encoding="utf-8")))
        if not problems:
            return
        if not UPDATE:
            pytest.fail(f"{reference.name}: the words on screen changed:\n  "
                        + "\n  ".join(problems) + "\nIf meant, look at the screen, then "
                        "update with UPDATE_SNAPSHOTS=1.")
    elif not UPDATE:
        pytest.fail(f"no text snapshot {reference.name}; create it with UPDATE_SNAPSHOTS=1")
    reference.write_text(json.dumps(words, ensure_ascii=False, indent=1) + "\n",
                         encoding="utf-8")
    warnings.warn(f"wrote {reference}: read it before committing it", stacklevel=2)


def test_a_changed_character_fails_the_text_snapshot() -> None:
    before = [{"text": "Risk points: 6", "px": 31, "box": [10, 10, 200, 30]}]
    assert text_differences(before, before) == []
    nudged = [{"text": "Risk points: 6", "px": 31, "box": [11, 10, 201, 30]}]
    assert text_differences(nudged, before) == []
    changed = [{"text": "Risk points: 8", "px": 31, "box": [10, 10, 200, 30]}]
    assert text_differences(changed, before) == [
        "words drawn differ: now ['Risk points: 8'], before ['Risk points: 6']"]
    moved = [{"text": "Risk points: 6", "px": 31, "box": [10, 40, 200, 30]}]
    assert len(text_differences(moved, before)) == 1


def _write(surface: pygame.Surface, reference: Path) -> None:
    reference.parent.mkdir(parents=True, exist_ok=True)
    pygame.image.save(surface, str(reference))
    warnings.warn(f"wrote {reference}: look at it before committing it", stacklevel=2)


def test_the_comparison_counts_pixels_beyond_the_tolerance() -> None:
    a = pygame.Surface((10, 10))
    b = pygame.Surface((10, 10))
    a.fill((100, 100, 100))
    b.fill((100, 100, 100))
    b.set_at((0, 0), (100 + CHANNEL_TOLERANCE, 100, 100))  # within the tolerance
    b.set_at((1, 0), (100, 100 + CHANNEL_TOLERANCE + 1, 100))  # beyond it
    b.set_at((2, 0), (0, 100, 100))  # beyond it
    diff = pygame.Surface((10, 10))
    diff.fill((0, 0, 0))
    assert different_pixels(a, b, diff) == 2
    assert diff.get_at((1, 0))[:3] == MAGENTA and diff.get_at((0, 0))[:3] == (0, 0, 0)


def test_every_kind_of_screen_has_a_snapshot() -> None:
    every = {k.value for k in ScreenKind} | {o.value for o in Overlay}
    shown = {s.value for _, s, o in SCREENS.values() if o is None}
    shown |= {o.value for _, _, o in SCREENS.values() if o is not None}
    # The blank screen is black by definition; reload errors share the error panel's look;
    # the check's lines are this machine's (paths, free space, addresses): its words are
    # tested in test_check.py, its fit at every size in test_ui_layout.py.
    assert every - shown == {Overlay.BLANK.value, Overlay.RELOAD_ERRORS.value,
                             Overlay.CHECK.value}
