"""Text fitting: greedy word wrap with an injected measure, shared by renderer and validator."""

from __future__ import annotations

from collections.abc import Callable

Measure = Callable[[str], float]
"""Width in pixels of one line of text."""


def wrap(text: str, measure: Measure, width: float) -> list[str]:
    """Split `text` into lines no wider than `width`.

    Breaks at spaces; keeps the writer's line breaks; a word wider than a whole
    line is split between characters rather than cut off.
    """
    lines: list[str] = []
    for paragraph in text.replace("\r\n", "\n").split("\n"):
        words = paragraph.split()
        if not words:
            lines.append("")
            continue
        line = ""
        for word in words:
            candidate = f"{line} {word}" if line else word
            if measure(candidate) <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
            line = word
            while measure(line) > width and len(line) > 1:
                cut = _longest_prefix(line, measure, width)
                lines.append(line[:cut])
                line = line[cut:]
        lines.append(line)
    while len(lines) > 1 and not lines[-1]:
        lines.pop()
    return lines


def _longest_prefix(word: str, measure: Measure, width: float) -> int:
    low, high = 1, len(word)
    while low < high:
        mid = (low + high + 1) // 2
        if measure(word[:mid]) <= width:
            low = mid
        else:
            high = mid - 1
    return low
