"""Text fitting: greedy word wrap with an injected measure, shared by renderer and validator."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from itertools import accumulate, repeat
from operator import add

Measure = Callable[[str], float]
"""Width in pixels of one line of text."""

NO_BREAK = ("\u00a0", "\u202f", "\u2007")
"""Spaces a line never breaks at ("1 · Howpsuz" held together), though Python's split
takes them for spaces."""
_BREAKABLE = re.compile(r"[^\S\u00a0\u202f\u2007]+")


_DIGIT_GAP = re.compile(r"\d\s+\+?\d")
"""A space between two groups of digits, as in a phone number written "+90 312 157 11 12"."""
_NUMBER_GROUP = re.compile(r"\+?\d[\d()\-.]*[,;.:]?")


def words_of(text: str) -> list[str]:
    """The words of `text` between the spaces a line may break at.

    A phone number written in groups of digits stays one word: a line never ends inside
    "+90 312 157 11 12", where a reader at the back would dial half of it."""
    if not any(space in text for space in NO_BREAK):
        words = text.split()  # the common case, at str.split's speed
    else:
        words = [w for w in _BREAKABLE.split(text) if w]
    if _DIGIT_GAP.search(text) is None:
        return words
    held: list[str] = []
    for word in words:
        if (held and _NUMBER_GROUP.fullmatch(word) and held[-1][-1:].isdigit()
                and _NUMBER_GROUP.fullmatch(held[-1].rsplit(" ", 1)[-1])):
            held[-1] += " " + word
        else:
            held.append(word)
    return held


def wrap(text: str, measure: Measure, width: float) -> list[str]:
    """Split `text` into lines no wider than `width`.

    Breaks at spaces; keeps the writer's line breaks; a word wider than a whole
    line is split between characters rather than cut off. Widths are taken to add
    up word by word (each word is measured once), and each line's end is found by
    bisecting the running total: the validator wraps every text of a pack.
    """
    lines: list[str] = []
    for paragraph in text.replace("\r\n", "\n").split("\n"):
        words = words_of(paragraph)
        if not words:
            lines.append("")
            continue
        for start, stop in _breaks(words, measure, width):
            if stop > start:
                lines.append(" ".join(words[start:stop]))
            else:
                lines.extend(_split_word(words[start], measure, width))
    while len(lines) > 1 and not lines[-1]:
        lines.pop()
    return lines


def count_lines(text: str, measure: Measure, width: float) -> int:
    """How many lines `wrap` would make of `text`, without building them."""
    count = 0
    for paragraph in text.replace("\r\n", "\n").split("\n"):
        words = words_of(paragraph)
        if not words:
            count += 1
            continue
        for start, stop in _breaks(words, measure, width):
            count += 1 if stop > start else len(_split_word(words[start], measure, width))
    return count


def _breaks(words: list[str], measure: Measure, width: float) -> list[tuple[int, int]]:
    """Greedy line breaks as (first word, word after the last) pairs; (i, i) marks a word
    wider than a line on its own, to be cut between characters."""
    space = measure(" ")
    sizes = list(map(measure, words))
    if sum(sizes) + space * (len(words) - 1) <= width:
        return [(0, len(words))]
    ends = [0.0, *accumulate(map(add, sizes, repeat(space)))]
    breaks = []
    start = 0
    while start < len(words):
        stop = bisect_right(ends, ends[start] + width + space, lo=start + 1) - 1
        if stop > start:
            breaks.append((start, stop))
            start = stop
        else:
            breaks.append((start, start))
            start += 1
    return breaks


def _split_word(word: str, measure: Measure, width: float) -> list[str]:
    """A word wider than a line, cut between characters into lines that fit.

    Each line's piece is found by measuring in halves around a guess (the length of the
    line before): a few measures of about a line's length each, so a 1 MB word without a
    space is cut in linear time, not remeasured from its start for every line.
    """
    pieces = []
    start = 0
    guess = 1
    while start < len(word):
        guess = _fitting_length(word, start, measure, width, guess)
        pieces.append(word[start:start + guess])
        start += guess
    return pieces or [word]


def _fitting_length(word: str, start: int, measure: Measure, width: float, guess: int) -> int:
    """How many characters of `word` from `start` fit in `width` (at least one: a single
    character wider than the line still takes a line of its own).

    Gallops from `guess` (steps of 1, 2, 4, ... up while the piece fits, or down while it
    does not), then bisects the last step.
    """
    rest = len(word) - start

    def fits(length: int) -> bool:
        return measure(word[start:start + length]) <= width

    first = min(max(guess, 1), rest)
    step = 1
    if fits(first):
        good = first
        while good < rest:
            trial = min(rest, good + step)
            if not fits(trial):
                bad = trial
                break
            good = trial
            step *= 2
        else:
            return good
    else:
        bad = first
        while True:
            trial = bad - step
            if trial <= 1:
                good = 1
                break
            if fits(trial):
                good = trial
                break
            bad = trial
            step *= 2
    while bad - good > 1:
        mid = (good + bad) // 2
        if fits(mid):
            good = mid
        else:
            bad = mid
    return good
