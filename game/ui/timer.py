"""The discussion timer: a count-down the facilitator sets and starts; it never advances the game.

T shows it and starts it (T again pauses and restarts it); + and − change its length by
half a minute, running or not. A new screen of the session puts it away, reset to its
length: each step's discussion gets its own. At zero it stays at 0:00, and nothing
happens by itself.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

STEP_SECONDS = 30
"""What + and − add or take away."""
SHORTEST, LONGEST = 30.0, 60 * 60.0
DEFAULT_SECONDS = 120.0
"""A first discussion of two minutes (the facilitator changes it with + and −)."""


@dataclass
class DiscussionTimer:
    """A count-down of `length` seconds, counted only while running."""

    clock: Callable[[], float] = field(default=time.monotonic)
    length: float = DEFAULT_SECONDS
    shown: bool = False
    """On screen: from the first T until the session moves to another screen."""
    _banked: float = 0.0
    _since: float | None = None

    @property
    def running(self) -> bool:
        """Counting down now (not paused, not at zero)."""
        return self._since is not None and self.remaining() > 0

    def toggle(self) -> None:
        """Show and start when hidden; pause when running; go on when paused."""
        if not self.shown:
            self.shown = True
            self._banked, self._since = 0.0, self.clock()
        elif self._since is None:
            self._since = self.clock()
        else:
            self._banked += self.clock() - self._since
            self._since = None

    def adjust(self, steps: int) -> None:
        """Half a minute more (`steps` 1) or less (-1), within half a minute and an hour;
        shows the timer (paused) when it was hidden, so its length can be set first."""
        if not self.shown:
            self.shown, self._banked, self._since = True, 0.0, None
        self.length = max(SHORTEST, min(LONGEST, self.length + steps * STEP_SECONDS))

    def reset(self) -> None:
        """Put the timer away at its full length (a new step of the session)."""
        self.shown, self._banked, self._since = False, 0.0, None

    def elapsed(self) -> float:
        """Seconds counted so far."""
        running = self.clock() - self._since if self._since is not None else 0.0
        return self._banked + running

    def remaining(self) -> float:
        """Seconds left, never below zero."""
        return max(0.0, self.length - self.elapsed())

    def text(self) -> str:
        """The time left as m:ss (rounded up: 0:00 only at the end), a pause sign while
        paused."""
        seconds = int(-(-self.remaining() // 1))
        shown = f"{seconds // 60}:{seconds % 60:02d}"
        paused = self._since is None and seconds > 0
        return f"‖ {shown}" if paused else shown
