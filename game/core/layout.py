"""Where text goes on a projected screen, in proportions of the window.

One table, `SLOTS`, gives each kind of text its width (a fraction of the window
width), its size (a fraction of the window height) and the most lines it may
take. The screens reserve exactly that room, and the validator warns when a
text would need more lines at 1024×768 than its slot has: one rule for both,
so a pack that validates never overflows.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from game.core.fitting import Measure, count_lines, words_of, wrap
from game.core.fontmetrics import BOLD_FONT, REGULAR_FONT, FontMetrics, load_metrics

MeasureAt = Callable[[int, bool], Measure]
"""Gives a line-measuring function for a pixel size and weight (injected by the caller)."""

BODY = 0.04
"""Body text height as a fraction of the window height (product rule: at least 4%)."""
LINE_SPACING = 1.2
"""Line advance as a multiple of the font size."""
REFERENCE_SIZE = (1024, 768)
"""The smallest supported projector size; the validator checks fit at this size."""
MARGIN = 0.04
"""Outer margin, as a fraction of the window width (sides) and height (top, bottom)."""


@dataclass(frozen=True)
class Slot:
    """The room one kind of text has on its screen."""

    width: float
    lines: int
    size: float = BODY
    bold: bool = False

    def font_px(self, window_height: int) -> int:
        return max(1, math.ceil(self.size * window_height))

    def line_px(self, window_height: int) -> int:
        return math.ceil(self.font_px(window_height) * LINE_SPACING)

    def width_px(self, window_width: int) -> int:
        return int(self.width * window_width)


SLOTS: dict[str, Slot] = {
    # title screen and headings
    "pack_title": Slot(0.90, 3, 0.075, bold=True),
    "heading": Slot(0.92, 2, 0.055, bold=True),
    # menu entries
    "menu_title": Slot(0.84, 2, BODY, bold=True),
    "summary": Slot(0.84, 2),
    # story
    "scenario_title": Slot(0.92, 2, BODY, bold=True),
    "step_text": Slot(0.92, 6),
    "choice": Slot(0.84, 2),
    "feedback": Slot(0.92, 7),
    "degree_label": Slot(0.40, 1, BODY, bold=True),
    "degree_meaning": Slot(0.92, 2),
    # card deck
    "card_text": Slot(0.92, 6),
    "explanation": Slot(0.92, 7),
    # debrief
    "sign_title": Slot(0.92, 2, 0.05, bold=True),
    "sign_explanation": Slot(0.92, 7),
    "sign_advice": Slot(0.92, 6),
    "question": Slot(0.92, 3),
    "help_name": Slot(0.92, 2, BODY, bold=True),
    "help_contact": Slot(0.92, 1, BODY, bold=True),
    "help_note": Slot(0.92, 2),
    # facilitator overlay
    "notes": Slot(0.84, 11),
}


@lru_cache(maxsize=64)
def font_file_measure(size: int, bold: bool) -> Measure:
    """Measure with the shipped fonts' own advance widths (no pygame; slightly generous)."""
    return _WordWidths(load_metrics(BOLD_FONT if bold else REGULAR_FONT), size).__getitem__


class _WordWidths(dict[str, int]):
    """Widths of words at one size, remembered: a pack repeats its words thousands of times."""

    def __init__(self, metrics: FontMetrics, size: int) -> None:
        super().__init__()
        self._metrics = metrics
        self._size = size

    def __missing__(self, text: str) -> int:
        width = self._metrics.width(text, self._size)
        if len(text) <= 40:
            self[text] = width
        return width


def fit_lines(kind: str, text: str, measure_at: MeasureAt, window: tuple[int, int]) -> list[str]:
    """`text` wrapped as the screen will draw it in slot `kind` at `window` size."""
    slot = SLOTS[kind]
    measure = measure_at(slot.font_px(window[1]), slot.bold)
    return wrap(text, measure, slot.width_px(window[0]))


@dataclass(frozen=True)
class Room:
    """One slot's room at one window size, with its measure: ready for many texts."""

    slot: str
    measure: Measure
    width: int
    lines: int
    space: float

    def lines_for(self, text: str) -> int:
        """How many lines `text` takes in this room."""
        return count_lines(text, self.measure, self.width)

    def overflows(self, text: str) -> bool:
        """Whether `text` needs more lines than the slot has (cheap bounds first: the
        validator asks this of every text of a pack, in every language)."""
        if "\n" not in text:
            words = words_of(text)
            if not words:
                return False
            sizes = list(map(self.measure, words))
            total = sum(sizes) + self.space * (len(sizes) - 1)
            if total <= self.width:
                return False
            # Each full line is wider than the room less the word that did not fit.
            spare = self.width - self.space - max(sizes)
            if spare > 0 and 1 + total / spare <= self.lines:
                return False
        return self.lines_for(text) > self.lines


@lru_cache(maxsize=256)
def room(kind: str, measure_at: MeasureAt = font_file_measure,
         window: tuple[int, int] = REFERENCE_SIZE) -> Room:
    """The room of slot `kind` at `window` size, measured with `measure_at`."""
    slot = SLOTS[kind]
    measure = measure_at(slot.font_px(window[1]), slot.bold)
    return Room(kind, measure, slot.width_px(window[0]), slot.lines, measure(" "))


def overflow(kind: str, text: str, measure_at: MeasureAt = font_file_measure,
             window: tuple[int, int] = REFERENCE_SIZE) -> int:
    """How many lines `text` needs beyond its slot's room (0 when it fits): the rule the
    validator warns by."""
    slot_room = room(kind, measure_at, window)
    return max(0, slot_room.lines_for(text) - slot_room.lines) if slot_room.overflows(text) else 0
