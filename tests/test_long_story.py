"""No recursion on pack data (issue 8, item 5): a valid story of 1,500 steps in a chain
(about 200 KB) loads, validates, is shot and plays to its debrief, where the walks over
the story (`checks._check_graph`, `scoring.path_range`) used to raise RecursionError."""

from __future__ import annotations

from pathlib import Path

import pytest
from packtools import PACK_YAML, SIGNS_YAML

from game.commands.validate import run_validate
from game.core.commands import Action, Command
from game.core.model import Story
from game.core.pack import load_pack
from game.core.scoring import path_range
from game.core.session import ScreenKind
from game.ui.pilot import Pilot
from game.ui.shots import _paths_to_steps

STEPS = 1500


def chain_story(steps: int) -> str:
    """A story whose steps follow one another: every step has two choices to the next."""
    lines = ["kind: story", "title: A very long road", "summary: One step after another",
             "steps:"]
    for n in range(steps):
        lines += [f"  s{n}:", f"    text: Step {n} of the long road, one more decision to take."]
        if n == steps - 1:
            lines.append("    outcome: safe")
            continue
        lines.append("    choices:")
        for risk in (0, 3):
            lines += [f"      - text: Go on carefully (risk {risk})", f"        risk: {risk}",
                      "        feedback: What this choice means on the way.",
                      f"        next: s{n + 1}"]
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def long_pack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("long")
    (folder / "pack.yaml").write_text(PACK_YAML, encoding="utf-8")
    (folder / "warning-signs.yaml").write_text(SIGNS_YAML, encoding="utf-8")
    text = chain_story(STEPS)
    assert len(text.encode()) > 190_000
    (folder / "long-road.yaml").write_text(text, encoding="utf-8")
    return folder


def test_a_long_chain_validates(long_pack: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_validate(str(long_pack), strict=False) == 0
    out = capsys.readouterr().out
    assert "RecursionError" not in out and "0 errors" in out


def test_a_long_chain_scores_its_safest_and_riskiest_path(long_pack: Path) -> None:
    result = load_pack(long_pack)
    assert result.pack is not None and not result.pack.left_out
    story = result.pack.scenarios["long-road"]
    assert isinstance(story, Story)
    span = path_range(story)
    assert (span.safest, span.riskiest) == (0, 3 * (STEPS - 1))
    assert sum(1 for _ in _paths_to_steps(story)) == STEPS  # what `shots` walks


def test_a_long_chain_plays_to_its_debrief(long_pack: Path) -> None:
    pilot = Pilot(long_pack, paint=False)
    pilot.press("return", "1")
    assert pilot.screen is ScreenKind.STEP
    control = pilot.app.controller
    for _ in range(STEPS - 2):  # most of the way without drawing every frame
        control.send(Command(Action.NUMBER, 2))
        control.send(Command(Action.CONTINUE))
    pilot.press("2")
    assert pilot.screen is ScreenKind.FEEDBACK
    pilot.press("return")
    assert pilot.screen is ScreenKind.ENDING
    pilot.press("return")
    assert pilot.screen is ScreenKind.DEBRIEF_PATH and pilot.overlay is None
    view = control.view()
    assert view.risk == (3 * (STEPS - 1), 0, 3 * (STEPS - 1))
