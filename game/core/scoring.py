"""Scoring: a story's risk total against its safest and riskiest paths; card points for teams."""

from __future__ import annotations

from dataclasses import dataclass

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
    """Risk totals (sums of degree positions) of the safest and riskiest ways to an ending.

    Walked with a stack of its own, not recursion: a valid story of thousands of steps in
    a chain must not exhaust Python's call stack. A step that leads back to itself (only
    in a story the validator refused) counts as an ending where the loop closes.
    """
    steps = story.steps
    best: dict[str, tuple[int, int]] = {}
    first = start or story.start_step
    stack = [first]
    open_steps: set[str] = set()
    while stack:
        step_id = stack[-1]
        if step_id in best:
            stack.pop()
            continue
        step = steps.get(step_id)
        choices = step.choices if step is not None else None
        if not choices:
            best[step_id] = (0, 0)
            stack.pop()
            continue
        waiting = [c.next for c in choices
                   if c.next not in best and c.next not in open_steps and c.next in steps]
        if waiting and step_id not in open_steps:
            open_steps.add(step_id)
            stack.extend(waiting)
            continue
        open_steps.discard(step_id)
        lows, highs = [], []
        for choice in choices:
            low, high = best.get(choice.next, (0, 0))
            lows.append(choice.risk + low)
            highs.append(choice.risk + high)
        best[step_id] = (min(lows), max(highs))
        stack.pop()
    low, high = best.get(first, (0, 0))
    return PathRange(low, high)


def average_degree(degrees: list[int] | tuple[int, ...]) -> float | None:
    """The path's risk on the scale the room sees: the mean of its degrees numbered from 1
    (a path of 1 + 3 + 1 is 1.7), None for a path with no step. Risk points count the
    lowest degree as 0, which a room reading 1 to 4 on the screen would misread."""
    if not degrees:
        return None
    return sum(d + 1 for d in degrees) / len(degrees)
