"""A pack that validates never overflows: the renderer's pygame measure agrees with the validator.

Every text of every shipped and test pack is wrapped in its slot at 1024×768 twice: with the
validator's font-file measure and with pygame's own font. Whenever the validator says it fits,
the pygame wrap fits too, in every language.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path

import pygame
import pytest

from game.core.checks import _slot_for, texts
from game.core.fitting import Measure
from game.core.fontmetrics import BOLD_FONT, REGULAR_FONT
from game.core.layout import REFERENCE_SIZE, SLOTS, fit_lines, font_file_measure
from game.core.model import Story
from game.core.pack import load_pack

ROOT = Path(__file__).resolve().parents[1]
PACKS = [ROOT / "scenarios", *sorted((ROOT / "tests" / "packs").iterdir())]


@cache
def _pygame_measure(size: int, bold: bool) -> Measure:
    pygame.font.init()
    font = pygame.font.Font(str(BOLD_FONT if bold else REGULAR_FONT), size)
    return lambda line: float(font.size(line)[0])


def _all_texts(folder: Path) -> list[tuple[str, str, str]]:
    result = load_pack(folder)
    assert result.pack is not None
    pack = result.pack
    found: list[tuple[str, str, str]] = []
    for sid, scenario in pack.scenarios.items():
        kind = "story" if isinstance(scenario, Story) else "cards"
        for loc, text in texts(scenario):
            slot = _slot_for(kind, loc)
            if slot:
                found += [(f"{sid}{loc}", slot, text.in_language(lang, pack.default_language))
                          for lang in pack.languages]
    for sid, sign in pack.signs.items():
        for loc, text in texts(sign):
            slot = _slot_for("signs", (sid, *loc))
            if slot:
                found += [(f"{sid}{loc}", slot, text.in_language(lang, pack.default_language))
                          for lang in pack.languages]
    return found


@pytest.mark.parametrize("folder", PACKS, ids=[p.name for p in PACKS])
def test_what_the_validator_accepts_fits_when_drawn(folder: Path) -> None:
    checked = 0
    core: Callable[[int, bool], Measure] = font_file_measure
    for where, slot, text in _all_texts(folder):
        room = SLOTS[slot].lines
        if len(fit_lines(slot, text, core, REFERENCE_SIZE)) > room:
            continue  # the validator warns about this one
        drawn = fit_lines(slot, text, _pygame_measure, REFERENCE_SIZE)
        assert len(drawn) <= room, (where, slot, drawn)
        checked += 1
    assert checked > 0
