"""The command-line commands that need no window: each module runs one."""

from __future__ import annotations

import sys

from game.core.pack import LoadResult, PackFolderMissing, load_pack
from game.options import pack_location


def load_named_pack(pack_arg: str | None) -> tuple[LoadResult | None, str]:
    """The pack named on the command line, and how to name it in messages.

    None (after saying so on stderr) when the folder does not exist: the
    commands then exit 2, a usage error.
    """
    folder, shown = pack_location(pack_arg)
    try:
        return load_pack(folder, shown), shown
    except PackFolderMissing:
        print(f"{shown}: error: no such pack folder", file=sys.stderr)
        return None, shown
