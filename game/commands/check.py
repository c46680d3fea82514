"""`check`: is this laptop ready for the event? One line per thing, in plain words and the
chosen language, each saying what to do when it is not fine (also C on the title screen)."""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

from game.core.catalogue import FALLBACK, say
from game.core.eventlog import choose_data_dir
from game.core.fontmetrics import BOLD_FONT, REGULAR_FONT
from game.core.network import local_ipv4_addresses
from game.core.pack import LoadResult, PackFolderMissing, load_pack
from game.core.places import default_pack
from game.core.readiness import (
    Finding,
    Screens,
    Verdict,
    data_folder_finding,
    fonts_finding,
    free_space,
    help_finding,
    network_finding,
    pack_finding,
    ready,
    screen_findings,
)

FONT_SAMPLE = "Degrees Ýýŋ Žž Çç Şş Ää Öö Üü Ňň Жж Ыы"
"""Letters of the three languages, rendered once to prove the fonts draw."""

_NO_SCREEN_DRIVERS = ("dummy", "offscreen")


def program_command() -> str:
    """How a volunteer starts this program from a command prompt in its folder."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).stem
    if Path(sys.argv[0]).name == "main.py":
        return "python main.py"
    return "degrees-of-risk"


def screens_now() -> Screens:
    """The displays the system reports right now (pygame's display is opened for it when
    it is not open yet, and closed again)."""
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame

    opened = not pygame.display.get_init()
    try:
        if opened:
            pygame.display.init()
        driver = pygame.display.get_driver()
        if driver in _NO_SCREEN_DRIVERS:
            return Screens(missing=f"video driver '{driver}'")
        return Screens(tuple((int(w), int(h)) for w, h in pygame.display.get_desktop_sizes()))
    except pygame.error as exc:
        return Screens(missing=str(exc) or "no display")
    finally:
        if opened:
            pygame.display.quit()


def font_problem(fonts: tuple[Path, ...] = (REGULAR_FONT, BOLD_FONT)) -> str | None:
    """Why the shipped fonts cannot draw the three languages' letters, or None when they can."""
    import pygame

    if not pygame.font.get_init():
        pygame.font.init()
    for path in fonts:
        try:
            path.open("rb").close()  # names the system's reason (missing, no permission)
            pygame.font.Font(path, 24).render(FONT_SAMPLE, True, (255, 255, 255))
        except (OSError, pygame.error) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            return f"{path.name}: {reason}"
    return None


def load_checked(folder: Path, shown: str) -> LoadResult | None:
    """The pack as `validate` checks it (every rule), or None when the folder is missing."""
    try:
        return load_pack(folder, shown)
    except PackFolderMissing:
        return None


def gather(result: LoadResult | None, shown: str, data_dir: Path, screens: Screens, *,
           fonts: tuple[Path, ...] = (REGULAR_FONT, BOLD_FONT),
           addresses: list[str] | None = None) -> list[Finding]:
    """Every finding, in the order a volunteer sets up: screens, fonts, data folder, the
    pack (`load_checked`), its help contacts, the network for phones."""
    findings = [*screen_findings(screens), fonts_finding(font_problem(fonts)),
                data_folder_finding(data_dir)]
    findings.append(pack_finding(result, shown, validate_command(shown)))
    if result is not None and result.pack is not None:
        # Named from the pack's folder (scenarios/pack.yaml): the volunteer is in the game's
        # folder, and the line stays short enough for one screen.
        findings.append(help_finding(list(result.pack.info.help),
                                     f"{Path(shown).name}/pack.yaml"))
    findings.append(network_finding(local_ipv4_addresses() if addresses is None
                                    else addresses))
    return findings


def validate_command(shown: str) -> str:
    """The command that lists the pack's problems: `validate` alone for the default pack."""
    default, _ = default_pack()
    with contextlib.suppress(OSError, RuntimeError):
        if Path(shown).resolve() == default.resolve():
            return f"{program_command()} validate"
    return f'{program_command()} validate "{shown}"' if " " in shown else \
        f"{program_command()} validate {shown}"


def finding_text(finding: Finding, lang: str) -> str:
    """The finding in words, in `lang`."""
    values = dict(finding.values)
    free = values.get("free")
    if isinstance(free, int):
        unit, amount = free_space(free)
        values["free"] = say(unit, lang, n=f"{amount:g}")
    return say(finding.words, lang, **values)


def verdict_word(verdict: Verdict, lang: str) -> str:
    """OK, NOTE or FIX, in `lang`."""
    return say(f"check_{verdict.value}", lang)


def summary_text(findings: list[Finding], lang: str) -> str:
    """The last line: ready, or how many things to fix."""
    if ready(findings):
        return say("check_ready", lang)
    return say("check_not_ready", lang, n=sum(f.verdict is Verdict.FIX for f in findings))


def run_check(pack_arg: str | None, data_dir_arg: str | None, lang_arg: str | None) -> int:
    """Print the check; exit 0 when the laptop is ready, 1 when something needs fixing."""
    from game.options import pack_location

    folder, shown = pack_location(pack_arg)
    data_dir = Path(data_dir_arg) if data_dir_arg else choose_data_dir(beside=folder).path
    result = load_checked(folder, shown)
    pack = result.pack if result is not None else None
    lang = lang_arg or (pack.default_language if pack is not None else FALLBACK)
    findings = gather(result, shown, data_dir, screens_now())
    width = max(len(verdict_word(v, lang)) for v in Verdict) + 2
    print(say("check_heading", lang))
    for finding in findings:
        print(f"{verdict_word(finding.verdict, lang):<{width}}{finding_text(finding, lang)}")
    print(summary_text(findings, lang))
    return 0 if ready(findings) else 1

