"""Scoring: a story's risk total against its safest and riskiest paths; card points for teams."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from game.core.model import Story

EXACT_POINTS = 2
CLOSE_POINTS = 1


def card_points(guess: int, answer: int) -> int:
    """Points for a team that rated a card `guess` when the pack says `answer`.

    The rule shown on every reveal: the pack's degree exactly, 2 points; one degree
    away, 1 point; further, nothing.
    """
    distance = abs(guess - answer)
    if distance == 0:
        return EXACT_POINTS
    if distance == 1:
        return CLOSE_POINTS
    return 0


@dataclass(frozen=True)
class PathRange:
    """The smallest and largest risk totals over every complete path of a story."""

    safest: int
    riskiest: int


def path_range(story: Story, start: str | None = None) -> PathRange:
    """Risk totals (sums of degree positions) of the safest and riskiest ways to an ending."""
    steps = story.steps

    @cache
    def best(step_id: str) -> tuple[int, int]:
        step = steps[step_id]
        if not step.choices:
            return (0, 0)
        lows, highs = [], []
        for choice in step.choices:
            low, high = best(choice.next)
            lows.append(choice.risk + low)
            highs.append(choice.risk + high)
        return (min(lows), max(highs))

    low, high = best(start or story.start_step)
    return PathRange(low, high)
