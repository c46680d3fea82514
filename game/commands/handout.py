"""`handout`: write the pack's warning signs and help contacts as a printable booklet."""

from __future__ import annotations

import sys
from pathlib import Path

from game.commands import pack_for_print
from game.core.handout import write_handout
from game.core.pack import PACK_FILE


def run_handout(pack_arg: str | None, lang: str | None, out: str | None) -> int:
    """Write the A4 booklet of a pack in one language (default: the pack's first).

    Exit 0 when written; 1 when pack.yaml or warning-signs.yaml has errors (all
    errors are printed) or the file cannot be written; 2 when the folder does
    not exist or the pack has no such language. Errors only in scenario files do
    not stop it: the booklet prints none of their text.
    """
    job = pack_for_print(pack_arg, lang, "handout")
    if isinstance(job, int):
        return job
    pack, shown, lang = job.pack, job.shown, job.lang
    if job.result.errors:
        print(f"note: {len(job.result.errors)} error(s) in scenario files; they do not change "
              f"the handout (python main.py validate {shown})", file=sys.stderr)
    target = Path(out) if out else Path(f"handout-{lang}.html")
    try:
        write_handout(pack, lang, target)
    except OSError as exc:
        print(f"{target}: error: cannot write the handout ({exc.strerror or exc})",
              file=sys.stderr)
        return 1
    print(f"wrote {target}: {len(pack.signs)} warning signs, {len(pack.info.help)} help "
          f"contacts, in {lang}")
    unfilled = [c.contact for c in pack.info.help if c.placeholder]
    if unfilled:
        # Printed for 40 people to take home: a placeholder must not be what they keep.
        print(f"warning: {len(unfilled)} help contact(s) still a placeholder "
              f"({', '.join(repr(c) for c in unfilled)}): write the number confirmed locally "
              f"in {PACK_FILE} before printing", file=sys.stderr)
    if not pack.signs or not pack.info.help:
        print("warning: the pack has no warning signs or no help contacts; the booklet is "
              "incomplete", file=sys.stderr)
    return 0
