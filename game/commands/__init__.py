"""The command-line commands that need no window: each module runs one."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from game.core.pack import PACK_FILE, SIGNS_FILE, LoadResult, Pack, PackFolderMissing, load_pack
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


@dataclass(frozen=True)
class PrintJob:
    """What a printed document (the handout, the guide) is made of."""

    pack: Pack
    shown: str
    lang: str
    result: LoadResult


def pack_for_print(pack_arg: str | None, lang: str | None, what: str) -> PrintJob | int:
    """The pack and language that the document `what` is printed from, or the exit code
    after saying why not on stderr: 2 for no such folder or language, 1 when pack.yaml or
    warning-signs.yaml has errors (every document needs both; all errors are printed)."""
    result, shown = load_named_pack(pack_arg)
    if result is None:
        return 2
    needed = [p for p in result.errors if Path(p.path).name in (PACK_FILE, SIGNS_FILE)]
    if result.pack is None or needed:
        for problem in result.errors:
            print(problem.format(), file=sys.stderr)
        print(f"error: the {what} needs {PACK_FILE} and {SIGNS_FILE} without errors; fix the "
              f"above (python main.py validate {shown})", file=sys.stderr)
        return 1
    pack = result.pack
    lang = lang or pack.default_language
    if lang not in pack.languages:
        print(f"error: the pack has no language '{lang}'; it has: {', '.join(pack.languages)}",
              file=sys.stderr)
        return 2
    return PrintJob(pack, shown, lang, result)
