"""`validate`: check a pack and print every problem, then a one-line total."""

from __future__ import annotations

import sys

from game.cli import _pack_arg
from game.core.pack import PackFolderMissing, load_pack
from game.core.problems import summary_line


def run_validate(pack_arg: str | None, *, strict: bool) -> int:
    """Print every problem of the pack as `path:line:col: severity: message`.

    Exit 0 when valid, 1 on errors (or on warnings with `strict`), 2 when the
    folder does not exist.
    """
    folder, shown = _pack_arg(pack_arg)
    try:
        result = load_pack(folder, shown)
    except PackFolderMissing:
        print(f"{shown}: error: no such pack folder", file=sys.stderr)
        return 2
    for problem in result.problems:
        print(problem.format())
    loaded = len(result.pack.scenarios) if result.pack else 0
    print(summary_line(result.problems, result.files, loaded))
    if result.errors or (strict and result.warnings):
        return 1
    return 0
