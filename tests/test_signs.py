"""How warning signs were met: missed by a free choice, or the situation's (issue 14.6)."""

from __future__ import annotations

from pathlib import Path

from game.core.session import PathEntry
from game.core.signs import SignKind, signs_of_path, situation_signs
from game.ui.pilot import load_playable
from tests.packtools import write_pack
from tests.test_ui_event import FORCED_SIGNS, FORCED_STORY


def test_signs_on_every_choice_are_the_situations_the_others_a_free_choices(
        tmp_path: Path) -> None:
    pack = load_playable(write_pack(tmp_path / "pack", {"warning-signs.yaml": FORCED_SIGNS,
                                                         "story.yaml": FORCED_STORY}))
    story = pack.scenarios["story"]
    assert situation_signs(story.steps["offer"]) == {"cannot-leave"}  # type: ignore[union-attr]
    met = signs_of_path(story, (PathEntry("offer", 0, 3),))  # type: ignore[arg-type]
    assert [(m.sign, m.kind) for m in met] == [("cannot-leave", SignKind.SITUATION),
                                                ("passport-kept", SignKind.MISSED)]
    safest = signs_of_path(story, (PathEntry("offer", 0, 0),))  # type: ignore[arg-type]
    assert safest[1].kind is SignKind.NOTICED  # taken at the safest degree: noticed
