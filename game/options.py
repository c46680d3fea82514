"""The options of a game and where its pack is: shared by the command line and the game.

A module of its own so that `cli`, `ui.app` and `commands.*` all import it and none of
them imports another (no import loop), and so that `run_game` gets typed options rather
than an argparse namespace.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from game.core.places import default_pack

DEFAULT_PACK = Path(__file__).resolve().parents[1] / "scenarios"
MIN_WINDOW = (320, 240)


class BadSize(ValueError):
    """A window size that is not WxH, or is too small."""


def pack_location(value: str | None) -> tuple[Path, str]:
    """The pack folder a command line names (default: see `core.places.default_pack`: the
    built app's own `scenarios/`, else `scenarios/` here, else the shipped pack), and how
    to name it in messages (as the user typed it)."""
    if value is None:
        return default_pack()
    return Path(value), value


def parse_size(text: str) -> tuple[int, int]:
    """`1280x720` as (1280, 720); raises BadSize with a sentence for anything else."""
    try:
        width, height = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise BadSize(f"'{text}' is not a size like 1280x720") from None
    if width < MIN_WINDOW[0] or height < MIN_WINDOW[1]:
        raise BadSize(f"'{text}' is too small (at least {MIN_WINDOW[0]}x{MIN_WINDOW[1]})")
    return width, height


@dataclass(frozen=True)
class PlayOptions:
    """How to play: the pack, the first language, a window (None: full screen), the data
    folder (None: the user's), and an author's preview of one scenario (and step)."""

    pack: str | None = None
    lang: str | None = None
    window: tuple[int, int] | None = None
    data_dir: Path | None = None
    scenario: str | None = None
    step: str | None = None
    presenter: bool = False
    """A presenter window on the laptop beside the room's (see game/ui/windows.py)."""
    phones: bool = False
    """Open the room for phones at start (the pause menu can open it later too)."""
    port: int | None = None
    """The phones' port (None: 8765, or the next free one)."""
    phones_address: str | None = None
    """Serve the phones on this address only (None: every local address)."""
