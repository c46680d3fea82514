"""The discussion timer: started and paused by the facilitator; it never advances the game."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class DiscussionTimer:
    """Elapsed time of a discussion, counted only while running."""

    clock: Callable[[], float] = field(default=time.monotonic)
    _banked: float = 0.0
    _since: float | None = None

    @property
    def running(self) -> bool:
        return self._since is not None

    @property
    def shown(self) -> bool:
        """Whether it is worth a corner of the screen (started at least once)."""
        return self.running or self._banked > 0

    def toggle(self) -> None:
        """Start when paused, pause when running."""
        if self._since is None:
            self._since = self.clock()
        else:
            self._banked += self.clock() - self._since
            self._since = None

    def elapsed(self) -> float:
        """Seconds counted so far."""
        running = self.clock() - self._since if self._since is not None else 0.0
        return self._banked + running

    def text(self) -> str:
        """The time as m:ss, with a pause sign while paused."""
        seconds = int(self.elapsed())
        shown = f"{seconds // 60}:{seconds % 60:02d}"
        return shown if self.running else f"‖ {shown}"
