"""Who runs the event and where: remembered in the data folder for the next session.

The organisation, the place and the facilitator are optional; the title screen asks
for them, the session logs them (for the report) and they are kept in
`event-details.json` so that the next session starts with the same answers.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from game.core.files import write_atomic

DETAILS_FILE = "event-details.json"
MAX_LENGTH = 80  # a line of the report's first page


@dataclass(frozen=True)
class EventDetails:
    """The organisation, the place and the facilitator ('' when not given)."""

    organisation: str = ""
    place: str = ""
    facilitator: str = ""

    def cleaned(self) -> EventDetails:
        """Each value on one line, without control characters, at most MAX_LENGTH long."""
        return EventDetails(*(clean(v) for v in (self.organisation, self.place,
                                                  self.facilitator)))


def clean(value: object) -> str:
    """A typed or stored value as one short line ('' for anything not a text)."""
    if not isinstance(value, str):
        return ""
    text = "".join(ch if ch.isprintable() else " " for ch in value)
    return " ".join(text.split())[:MAX_LENGTH]


def load_details(data_dir: Path) -> EventDetails:
    """The details remembered in `data_dir`; empty ones when none are, or the file is
    damaged (it only saves typing: never worth an error)."""
    try:
        raw = json.loads((data_dir / DETAILS_FILE).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return EventDetails()
    if not isinstance(raw, dict):
        return EventDetails()
    return EventDetails(*(clean(raw.get(k)) for k in ("organisation", "place", "facilitator")))


def save_details(data_dir: Path, details: EventDetails) -> Path:
    """Remember `details` for the next session; returns the file. Raises OSError."""
    text = json.dumps(asdict(details.cleaned()), ensure_ascii=False, indent=2) + "\n"
    return write_atomic(data_dir / DETAILS_FILE, text, newline="\n")
