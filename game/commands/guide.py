"""`guide`: write the facilitator's guide of a pack (session plans, answers, safeguarding)."""

from __future__ import annotations

import sys
from pathlib import Path

from game.commands import pack_for_print
from game.core.guide import write_guide


def run_guide(pack_arg: str | None, lang: str | None, out: str | None) -> int:
    """Write the printable guide of a pack in one language (default: the pack's first).

    Exit 0 when written; 1 when pack.yaml or warning-signs.yaml has errors or the
    file cannot be written; 2 when the folder does not exist or the pack has no
    such language. A scenario with errors is left out of the guide, with a note.
    """
    job = pack_for_print(pack_arg, lang, "guide")
    if isinstance(job, int):
        return job
    pack, shown, lang = job.pack, job.shown, job.lang
    if pack.left_out:
        print(f"note: left out because of errors: {', '.join(sorted(pack.left_out))} "
              f"(python main.py validate {shown})", file=sys.stderr)
    target = Path(out) if out else Path(f"guide-{lang}.html")
    try:
        write_guide(pack, lang, target)
    except OSError as exc:
        print(f"{target}: error: cannot write the guide ({exc.strerror or exc})",
              file=sys.stderr)
        return 1
    print(f"wrote {target}: {len(pack.scenarios)} scenarios, 60- and 90-minute plans, "
          f"in {lang}")
    return 0
