"""`handout`: write the pack's warning signs and help contacts as a printable booklet."""

from __future__ import annotations

import sys
from pathlib import Path

from game.commands import load_named_pack
from game.core.checks import PLACEHOLDER
from game.core.handout import write_handout
from game.core.pack import PACK_FILE, SIGNS_FILE


def run_handout(pack_arg: str | None, lang: str | None, out: str | None) -> int:
    """Write the A4 booklet of a pack in one language (default: the pack's first).

    Exit 0 when written; 1 when pack.yaml or warning-signs.yaml has errors (all
    errors are printed) or the file cannot be written; 2 when the folder does
    not exist or the pack has no such language. Errors only in scenario files do
    not stop it: the booklet prints none of their text.
    """
    result, shown = load_named_pack(pack_arg)
    if result is None:
        return 2
    in_booklet = [p for p in result.errors if Path(p.path).name in (PACK_FILE, SIGNS_FILE)]
    if result.pack is None or in_booklet:
        for problem in result.errors:
            print(problem.format(), file=sys.stderr)
        print(f"error: the handout needs {PACK_FILE} and {SIGNS_FILE} without errors; fix the "
              f"above (python main.py validate {shown})", file=sys.stderr)
        return 1
    pack = result.pack
    if result.errors:
        print(f"note: {len(result.errors)} error(s) in scenario files; they do not change the "
              f"handout (python main.py validate {shown})", file=sys.stderr)

    lang = lang or pack.default_language
    if lang not in pack.languages:
        print(f"error: the pack has no language '{lang}'; it has: {', '.join(pack.languages)}",
              file=sys.stderr)
        return 2
    target = Path(out) if out else Path(f"handout-{lang}.html")
    try:
        write_handout(pack, lang, target)
    except OSError as exc:
        print(f"{target}: error: cannot write the handout ({exc.strerror or exc})",
              file=sys.stderr)
        return 1
    print(f"wrote {target}: {len(pack.signs)} warning signs, {len(pack.info.help)} help "
          f"contacts, in {lang}")
    unfilled = [c.contact for c in pack.info.help if c.contact.lstrip().startswith(PLACEHOLDER)]
    if unfilled:
        # Printed for 40 people to take home: a placeholder must not be what they keep.
        print(f"warning: {len(unfilled)} help contact(s) still a placeholder "
              f"({', '.join(repr(c) for c in unfilled)}): write the number confirmed locally "
              f"in {PACK_FILE} before printing", file=sys.stderr)
    if not pack.signs or not pack.info.help:
        print("warning: the pack has no warning signs or no help contacts; the booklet is "
              "incomplete", file=sys.stderr)
    return 0
