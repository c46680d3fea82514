"""`validate`: check a pack and print every problem, then a one-line total."""

from __future__ import annotations

import gc
import sys

from game.commands import load_named_pack
from game.core.problems import summary_line


def run_validate(pack_arg: str | None, *, strict: bool) -> int:
    """Print every problem of the pack as `path:line:col: severity: message`.

    Exit 0 when valid, 1 on errors (or on warnings with `strict`), 2 when the
    folder does not exist.
    """
    # A one-shot command: what is read stays until exit, so the cyclic collector would
    # only scan it again for nothing (a sixth of a large run), now or at exit.
    gc.disable()
    # A console or a file in a Windows code page cannot take every letter of a message
    # (a Russian text, a Cyrillic file name): a letter it cannot show becomes '?', and
    # the rest of the report still prints.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
    result, _shown = load_named_pack(pack_arg)
    gc.freeze()
    if result is None:
        return 2
    for problem in result.problems:
        print(problem.format())
    loaded = len(result.pack.scenarios) if result.pack else 0
    print(summary_line(result.problems, result.files, loaded))
    if result.errors or (strict and result.warnings):
        return 1
    return 0
