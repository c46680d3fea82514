"""Where the game's own files are: beside the source, or beside the built app's program.

The built app (`python -m game.build`) is one folder a volunteer copies from a USB
stick and starts with a double-click, from whatever working directory the system
picks. So it finds its pack by the program's own location, never by the working
directory; its fonts and package data sit in the bundle, next to the modules, where
`__file__` already points.
"""

from __future__ import annotations

import sys
from pathlib import Path

SOURCE_ROOT = Path(__file__).resolve().parents[2]
"""The project folder when run from source (in the built app: the bundle's folder)."""

PACK_FOLDER_NAME = "scenarios"


def program_folder() -> Path | None:
    """The folder holding the built app's program, or None when run from source."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return None


def default_pack() -> tuple[Path, str]:
    """The pack played when none is named, and how messages name it.

    The built app plays the editable `scenarios/` next to its program; from source,
    `scenarios/` in the working directory when there is one (an author's checkout),
    else the project's own pack.
    """
    program = program_folder()
    if program is not None:
        folder = program / PACK_FOLDER_NAME
        return folder, str(folder)
    if Path(PACK_FOLDER_NAME, "pack.yaml").is_file():
        return Path(PACK_FOLDER_NAME), PACK_FOLDER_NAME
    folder = SOURCE_ROOT / PACK_FOLDER_NAME
    return folder, str(folder)
