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
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable
from pathlib import Path

import pygame
import pytest

from game.core.session import ScreenKind
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
}


def render(name: str, size: tuple[int, int]) -> pygame.Surface:
    """The screen `name` at `size`, reached by key presses from a fresh start."""
    pilot = Pilot(EXAMPLE, size, "en", teams=TEAMS)
    reach, screen, overlay = SCREENS[name]
    reach(pilot)
    assert (pilot.screen, pilot.overlay) == (screen, overlay), f"{name}: not the screen meant"
    return pilot.frame()


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
    actual = render(name, size)
    reference = SNAPSHOTS / f"{name}-{size[0]}x{size[1]}.png"
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
