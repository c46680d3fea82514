"""The session's event sink: every event the session sends goes to the session log."""

from __future__ import annotations

from typing import Any

from game.core.eventlog import EventLog


class SessionRecorder:
    """Writes every event to the session log (flushed, fsynced).

    Events before `session_start` (a language changed on the title screen) are
    held back and written right after it, so that a log file always begins with
    its session_start and a title screen left without starting writes nothing.
    On a resume the recorder is pointed at the old log (`switch`). `ended` turns
    True when a session_end passes, so the controller writes the report then.
    """

    def __init__(self, log: EventLog) -> None:
        self.log = log
        self.started = False
        self.skipped_lines = 0
        self.ended = False
        self._held: list[dict[str, Any]] = []

    def __call__(self, event: dict[str, Any]) -> None:
        if event.get("type") == "session_end":
            self.ended = True
        if not self.started:
            if event.get("type") != "session_start":
                self._held.append(dict(event))
                return
            self.started = True
            self.log.record(event)
            for held in self._held:
                self.log.record(held)
            self._held.clear()
            return
        self.log.record(event)

    def switch(self, log: EventLog, skipped_lines: int = 0) -> None:
        """Go on writing `log` (a resumed session's own log, its session_start already in it)."""
        self.log.close()
        self.log = log
        self.started = True
        self.skipped_lines = skipped_lines
        self._held.clear()

    def take_ended(self) -> bool:
        """True once after a session_end was recorded."""
        ended, self.ended = self.ended, False
        return ended

    def take_warning(self) -> str | None:
        """The log's warning for the facilitator, the first time it is asked for."""
        return self.log.take_warning()

    def close(self) -> None:
        """Close the log file (every event is on disk already)."""
        self.log.close()
