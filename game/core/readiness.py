"""Is this laptop ready for the event? The facts, judged: one `Finding` per thing to check.

A finding holds a wording key and its values, not words: the front ends (the `check`
command, the title screen's C) say it in the chosen language. Each finding that is not
fine has a wording that says what to do.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from game.core.model import HelpContact
from game.core.pack import LoadResult

MIN_SCREEN = (1024, 720)
"""The smallest width and height the layout is made and tested for (1024×768, 1280×720)."""

LOW_SPACE = 50_000_000
"""Below this many free bytes the data folder is called short of space: a session log is
a few hundred kilobytes, a report a few megabytes with its pictures."""


class Verdict(str, Enum):
    OK = "ok"
    NOTE = "note"  # fine for some events: read it (one display may be a mirrored projector)
    FIX = "fix"  # something to put right before the event


@dataclass(frozen=True)
class Finding:
    """One line of the check: a verdict, and the wording key and values that say it."""

    verdict: Verdict
    words: str
    values: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Screens:
    """The displays as the system reports them: sizes, first the one the game opens on.
    `missing` says why there is none that shows (no display server, a dummy driver)."""

    sizes: tuple[tuple[int, int], ...] = ()
    missing: str | None = None


def screen_findings(screens: Screens) -> list[Finding]:
    """The main screen's size, and whether a second display (the projector) is connected."""
    if screens.missing is not None or not screens.sizes:
        return [Finding(Verdict.FIX, "check_no_display",
                        {"reason": screens.missing or "no display"})]
    width, height = screens.sizes[0]
    size = f"{width}×{height}"
    small = width < MIN_SCREEN[0] or height < MIN_SCREEN[1]
    found = [Finding(Verdict.FIX, "check_screen_small", {"size": size}) if small
             else Finding(Verdict.OK, "check_screen", {"size": size})]
    if len(screens.sizes) > 1:
        second = screens.sizes[1]
        found.append(Finding(Verdict.OK, "check_projector",
                             {"size": f"{second[0]}×{second[1]}"}))
    else:
        found.append(Finding(Verdict.NOTE, "check_one_display"))
    return found


def fonts_finding(problem: str | None) -> Finding:
    """Whether the shipped fonts load (`problem`: why not)."""
    if problem is None:
        return Finding(Verdict.OK, "check_fonts")
    return Finding(Verdict.FIX, "check_fonts_bad", {"reason": problem})


def data_folder_finding(folder: Path) -> Finding:
    """Whether the session logs and reports can be written in `folder`, and its free
    space. Makes the folder when it is missing (the game would), writes and removes a
    probe file in it."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".check-", delete=True) as probe:
            probe.write(b"ready?")
            probe.flush()
            os.fsync(probe.fileno())
        free = shutil.disk_usage(folder).free
    except OSError as exc:
        return Finding(Verdict.FIX, "check_data_bad",
                       {"path": str(folder), "reason": exc.strerror or str(exc)})
    if free < LOW_SPACE:
        return Finding(Verdict.FIX, "check_data_low", {"path": str(folder), "free": free})
    return Finding(Verdict.OK, "check_data", {"path": str(folder), "free": free})


def pack_finding(result: LoadResult | None, shown: str, command: str) -> Finding:
    """Whether the pack validates: its problems counted, and the command that lists them.
    `result` None: the folder does not exist."""
    values: dict[str, object] = {"pack": shown, "command": command}
    if result is None:
        return Finding(Verdict.FIX, "check_pack_missing", values)
    errors, warnings = len(result.errors), len(result.warnings)
    values.update(errors=errors, warnings=warnings)
    if result.pack is None:
        return Finding(Verdict.FIX, "check_pack_broken", values)
    values["ready"] = len(result.pack.scenarios)
    if errors:
        values["left_out"] = len(result.pack.left_out)
        return Finding(Verdict.FIX, "check_pack_errors", values)
    if warnings:
        return Finding(Verdict.NOTE, "check_pack_warnings", values)
    return Finding(Verdict.OK, "check_pack", values)


def help_finding(contacts: list[HelpContact], pack_file: str) -> Finding:
    """Whether the help contacts are real: none left holding a placeholder."""
    if not contacts:
        return Finding(Verdict.FIX, "check_help_none", {"file": pack_file})
    waiting = [c.contact for c in contacts if c.placeholder]
    if waiting:
        return Finding(Verdict.FIX, "check_help_placeholders",
                       {"n": len(waiting), "contacts": ", ".join(f"'{c}'" for c in waiting),
                        "file": pack_file})
    return Finding(Verdict.OK, "check_help", {"n": len(contacts)})


def network_finding(addresses: list[str]) -> Finding:
    """Where phones can reach this laptop; a note when it is on no network (the game
    itself needs none)."""
    if not addresses:
        return Finding(Verdict.NOTE, "check_no_network")
    return Finding(Verdict.OK, "check_network", {"addresses": ", ".join(addresses)})


def ready(findings: list[Finding]) -> bool:
    """True when nothing needs fixing (notes are for reading)."""
    return all(f.verdict is not Verdict.FIX for f in findings)


def free_space(free: int) -> tuple[str, float]:
    """`free` bytes as a wording key (`check_gb` or `check_mb`) and the number to show."""
    if free >= 1_000_000_000:
        return "check_gb", round(free / 1e9, 1)
    return "check_mb", float(round(free / 1e6))
