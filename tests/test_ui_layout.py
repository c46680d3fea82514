"""Every screen of the shipped pack fits the projector: nothing off the window, cut or overlapping.

At 1024×768, 1280×720, 1366×768, 1920×1080 and 2560×1440, in every language of
the shipped pack, the pilot walks every screen `shots` renders (every step,
choice, ending, card, rating, reveal, debrief page, the title, menu, overlays
and summary) and a few crowded cases besides (six teams with long names, every
scenario's notes, the menu's last page). The drawing code records where each
text line and widget landed (`game.ui.drawlog`); each frame must have:

- every text's ink inside the window and not cut by a clip,
- every text at least the body size, 4% of the window height (the footer,
  meant for the facilitator, excepted),
- no two texts, no two widgets, and no text and a widget it is not part of,
  overlapping.

A failure names the screen, the size, the language and the two blocks. The
pilots here record each frame without painting its pixels (`paint=False`): the
checks read the record alone.
"""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.core.layout import BODY
from game.core.model import Deck
from game.core.readiness import Finding, Verdict
from game.core.resume import ResumeOffer, Stop
from game.core.session import ScreenKind
from game.ui import shots
from game.ui.drawlog import RecordingSurface, layout_problems
from game.ui.fonts import Fonts
from game.ui.keymap import Action
from game.ui.pilot import Pilot, load_playable
from game.ui.state import Overlay
from game.ui.text import Painted, plain_text

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "scenarios"
SIZES = [(1024, 768), (1280, 720), (1366, 768), (1920, 1080), (2560, 1440)]
LANGUAGES = load_playable(SHIPPED).languages
LONG_TEAMS = ["Ashgabat Team 01", "WOMEN MAKE WAVES", "Школа №12 Ашхаба", "Мамаджанова Гуля",
              "Ýaş tebigatçylar", "Balkan Youth 006"]
"""Six teams (the most there can be) with names of the 16 letters a name may have, among
them wide capitals and Cyrillic."""


class LayoutCheck(shots.Shooter):
    """Walks the screens as `shots` does, checking each frame's layout instead of saving it."""

    def __init__(self, pilot: Pilot, lang: str) -> None:
        super().__init__(pilot, Path("."))
        self.lang = lang
        self.where = ""
        self.problems: list[str] = []
        self.kinds: set[str] = set()

    def into(self, name: str) -> None:
        self.where = name

    def shot(self, name: str) -> None:
        pilot = self.pilot
        pilot.frame()
        overlay = pilot.overlay
        self.kinds.add(overlay.value if overlay else pilot.screen.value)
        width, height = pilot.app.size
        assert pilot.drawn.items or overlay is Overlay.BLANK, f"{name}: nothing recorded"
        for problem in layout_problems(pilot.drawn, (width, height), BODY * height):
            self.problems.append(f"{self.where}/{name} at {width}×{height} in {self.lang}: "
                                 f"{problem}")


def _crowded(check: LayoutCheck, size: tuple[int, int], lang: str) -> None:
    """Screens the shots walk does not reach: six long team names, notes, the menu's end."""
    app = check.pilot.app
    session = app.session
    check.into("extra")
    for sid in session.scenario_ids:
        session.to_menu()
        session.start_scenario(sid)
        app.ui.open(Overlay.NOTES)
        check.shot(f"notes-{sid}")
        app.ui.close()
    session.to_menu()
    app.controller.menu_cursor = len(session.scenario_ids)  # "End the session", on the last page
    check.shot("menu-last-entry")
    app.ui.open(Overlay.PAUSE)
    app.ui.pause_cursor, app.ui.quit_armed = 3, True
    check.shot("pause-quit-armed")
    app.ui.close()
    app.ui.reload_problems = [f"scenario-{n}.yaml:{n}:3: error: a problem found on reload, "
                              "long enough to wrap onto a second line of the panel"
                              for n in range(1, 30)]
    app.ui.open(Overlay.RELOAD_ERRORS)
    check.shot("reload-errors-many")
    app.ui.close()
    app.ui.readiness = _worst_readiness()
    app.ui.open(Overlay.CHECK)
    check.shot("check-all-wrong")
    app.ui.close()

    teams = Pilot(SHIPPED, size, lang, teams=LONG_TEAMS, paint=False)
    six = LayoutCheck(teams, lang)
    six.into("six-teams")
    teams.app.controller.title.cursor = 4 + 5  # typing the last team's name
    six.shot("title")
    teams.app.controller.title.cursor = 0
    six.do(Action.CONTINUE)
    for sid, scenario in teams.session.pack.scenarios.items():
        if isinstance(scenario, Deck):
            six.into(f"six-teams-{sid}")
            shots._shoot_deck(six, sid, scenario)
    teams.session.end_session()
    shots.shoot_summary(six)
    check.problems += six.problems
    check.kinds |= six.kinds


def _worst_readiness() -> list[Finding]:
    """The check's longest lines: everything wrong, long paths, many addresses."""
    data = "C:\\Users\\Volunteer\\AppData\\Local\\degrees-of-risk"
    return [Finding(Verdict.FIX, "check_screen_small", {"size": "800×600"}),
            Finding(Verdict.NOTE, "check_one_display"),
            Finding(Verdict.FIX, "check_fonts_bad", {"reason": "NotoSans-Bold.ttf: Permission "
                                                               "denied"}),
            Finding(Verdict.FIX, "check_data_bad", {"path": data, "reason": "Read-only file "
                                                                            "system"}),
            Finding(Verdict.FIX, "check_pack_errors",
                    {"errors": 12, "left_out": 3, "command": "degrees-of-risk validate"}),
            Finding(Verdict.FIX, "check_help_placeholders",
                    {"n": 2, "contacts": "'+993 ...', 'TODO'", "file": "scenarios/pack.yaml"}),
            Finding(Verdict.OK, "check_network",
                    {"addresses": "192.168.1.20, 10.0.0.5, 172.16.0.4"})]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_every_screen_fits(size: tuple[int, int], lang: str) -> None:
    pilot = Pilot(SHIPPED, size, lang, teams=shots.SHOT_TEAMS, paint=False)
    check = LayoutCheck(pilot, lang)
    shots.shoot_every_screen(check)
    _crowded(check, size, lang)
    every_kind = {k.value for k in ScreenKind} | {o.value for o in Overlay}
    assert every_kind <= check.kinds, f"never drawn: {sorted(every_kind - check.kinds)}"
    shown = "\n".join(check.problems[:25])
    more = len(check.problems) - 25
    assert not check.problems, (f"{len(check.problems)} layout problems:\n{shown}"
                                + (f"\n… and {more} more" if more > 0 else ""))


# ---------------------------------------------------------------- the checker itself

SIZE = (400, 300)
PX = 20


def _surface() -> tuple[RecordingSurface, Fonts]:
    fonts = Fonts()
    surface = RecordingSurface(SIZE, fonts)
    surface.fill((0, 0, 0))
    return surface, fonts


def _problems(surface: RecordingSurface) -> list[str]:
    return layout_problems(surface.log, SIZE, PX)


def test_the_checker_passes_text_stacked_in_a_column() -> None:
    surface, fonts = _surface()
    first = plain_text(fonts, "Sign here and go", PX, False, (255, 255, 255), 300)
    second = plain_text(fonts, "Ýüpek ýoly gyzykly", PX, True, (255, 255, 255), 300)
    first.draw(surface, 10, 10)
    second.draw(surface, 10, 10 + first.height)
    assert _problems(surface) == []
    assert [d.text for d in surface.log.texts()] == ["Sign here and go", "Ýüpek ýoly gyzykly"]


def test_the_checker_names_two_texts_drawn_over_each_other() -> None:
    surface, fonts = _surface()
    plain_text(fonts, "Keep your passport", PX, False, (255, 255, 255), 300).draw(surface, 10, 10)
    plain_text(fonts, "Ask for a contract", PX, False, (255, 255, 255), 300).draw(surface, 30, 14)
    [problem] = _problems(surface)
    assert "'Keep your passport'" in problem and "overlaps" in problem
    assert "'Ask for a contract'" in problem


def test_the_checker_finds_text_off_the_window_cut_or_too_small() -> None:
    surface, fonts = _surface()
    plain_text(fonts, "Off the edge", PX, False, (255, 255, 255), 300).draw(surface, 350, 10)
    surface.set_clip(pygame.Rect(0, 100, 400, 30))
    plain_text(fonts, "Cut by the clip", PX, False, (255, 255, 255), 300).draw(surface, 10, 115)
    surface.set_clip(None)
    plain_text(fonts, "Too small", PX // 2, False, (255, 255, 255), 300).draw(surface, 10, 200)
    problems = _problems(surface)
    assert len(problems) == 3
    assert "'Off the edge'" in problems[0] and "goes off the 400×300 window" in problems[0]
    assert "'Cut by the clip'" in problems[1] and "cut off" in problems[1]
    assert "'Too small'" in problems[2] and "smaller than body text" in problems[2]


def test_text_inside_its_widget_is_fine_but_not_over_another() -> None:
    surface, fonts = _surface()
    label = plain_text(fonts, "1 · Safe", PX, True, (0, 0, 0), 100)

    def badge(surface: pygame.Surface, rect: pygame.Rect) -> None:
        pygame.draw.rect(surface, (200, 240, 180), rect)
        label.draw(surface, rect.x + 4, rect.y + 4)

    Painted(200, 40, badge).draw(surface, 10, 10)
    Painted(200, 40, badge).draw(surface, 10, 60)
    assert _problems(surface) == []
    plain_text(fonts, "Stray", PX, False, (255, 255, 255), 100).draw(surface, 150, 70)
    [problem] = _problems(surface)
    assert "'Stray'" in problem and "widget (test_text_inside_its_widget" in problem


def test_a_whole_fill_starts_the_record_again() -> None:
    surface, fonts = _surface()
    plain_text(fonts, "Under the scrim", PX, False, (255, 255, 255), 300).draw(surface, 10, 10)
    surface.fill((10, 10, 10))
    plain_text(fonts, "Over it", PX, False, (255, 255, 255), 300).draw(surface, 10, 10)
    assert [d.text for d in surface.log.texts()] == ["Over it"]


def test_a_screen_drawn_over_itself_fails_naming_screen_and_blocks(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The check catches a real screen gone wrong: feedback blocks drawn all at the top."""
    from game.ui.screens import base

    def stacked(surface: pygame.Surface, blocks: list, x: int, top: int, bottom: int,
                valign: str = "top") -> list[int]:
        for block in blocks:
            block.draw(surface, x, top)
        return [top] * len(blocks)

    monkeypatch.setattr(base, "draw_column", stacked)
    pilot = Pilot(SHIPPED, (1024, 768), "en")
    check = LayoutCheck(pilot, "en")
    check.into("01-waitress-istanbul")
    pilot.press("return", "return", "1")
    assert pilot.screen is ScreenKind.FEEDBACK
    check.shot("feedback-offer-1")
    assert check.problems
    assert check.problems[0].startswith("01-waitress-istanbul/feedback-offer-1 at 1024×768 in en:")
    assert any("overlaps widget (meter)" in p for p in check.problems)


def test_a_frame_recorded_without_painting_records_what_a_painted_one_does() -> None:
    painted = Pilot(SHIPPED, (1024, 768), "ru", teams=shots.SHOT_TEAMS)
    recorded = Pilot(SHIPPED, (1024, 768), "ru", teams=shots.SHOT_TEAMS, paint=False)
    for pilot in (painted, recorded):
        pilot.press("return", "return", "2")  # a feedback: meter, badge, texts
    assert painted.screen is recorded.screen is ScreenKind.FEEDBACK

    def record(pilot: Pilot) -> list[tuple[str, str, str, tuple[int, ...], tuple[int, ...]]]:
        return [(d.kind, d.name, d.text, tuple(d.box), tuple(d.clip))
                for d in pilot.drawn.items]

    assert record(recorded) == record(painted) and record(painted)
    assert recorded.snapshot().get_at((10, 10)) != painted.snapshot().get_at((10, 10))


# --------------------------------------------- issue 14.11: every language at 1024×768


def _legend_numbers(pilot: Pilot) -> list[tuple[str, pygame.Rect]]:
    """The degree numbers the scale under a card draws, with where each cell's first line is."""
    count = len(pilot.session.pack.info.risk_scale)
    area = pilot.app.marks["legend"]
    found = []
    for t in pilot.drawn.texts():
        if area.contains(t.box):
            first = t.text.replace("\xa0", " ").split(" ")[0]
            if first.isdigit() and 1 <= int(first) <= count:
                found.append((first, pygame.Rect(t.box)))
    return found


@pytest.mark.parametrize("lang", ["en", "ru", "tk"])
def test_the_scale_runs_left_to_right_in_one_row_and_never_parts_a_number_from_its_word(
        lang: str) -> None:
    pilot = Pilot(SHIPPED, (1024, 768), lang, paint=False)
    pilot.press("return", "8")  # a deck's first card, the scale under it
    assert pilot.screen is ScreenKind.CARD
    numbers = _legend_numbers(pilot)
    count = len(pilot.session.pack.info.risk_scale)
    assert [n for n, _ in numbers] == [str(i + 1) for i in range(count)]  # in order
    xs = [box.x for _, box in numbers]
    assert xs == sorted(xs) and len(set(xs)) == count  # left to right
    tops = [box.y for _, box in numbers]
    assert max(tops) - min(tops) < pilot.app.context().body_line  # one row
    for t in pilot.drawn.texts():  # no line ends on a number and its dot: "1 ·" / "Howpsuz"
        line = t.text.replace("\xa0", " ").strip()
        assert not (line.endswith("·") and line[:-1].strip().isdigit()), (t.name, line)
    assert not layout_problems(pilot.drawn, (1024, 768), BODY * 768 * 0.99)


@pytest.mark.parametrize("lang", ["en", "ru", "tk"])
def test_default_team_names_and_the_outcomes_are_in_the_language(lang: str) -> None:
    from game.ui.wording import say

    pilot = Pilot(SHIPPED, (1024, 768), lang, paint=False)
    pilot.press("down", "down", "down", "right", "right")  # three teams, none named
    pilot.press("up", "up", "up", "return")
    assert pilot.session.team_names == [say("team_n", lang, n=n) for n in (1, 2, 3)]
    if lang != "en":
        assert "Team 1" not in pilot.session.team_names
    for outcome in ("safe", "harmed", "helped"):
        assert "(" not in say(f"outcome_{outcome}", lang)  # no "ПОСТРАДАЛ(А)": neutral words


@pytest.mark.parametrize("lang", ["en", "ru", "tk"])
def test_the_title_says_how_to_reach_the_menu_and_the_resume_offer_stays_on_its_line(
        lang: str, tmp_path: Path) -> None:
    from game.ui.wording import say

    pilot = Pilot(SHIPPED, (1024, 768), lang, paint=False)
    texts = pilot.drawn.texts()
    hint = [t for t in texts if t.text.startswith(say("esc_menu", lang))]
    assert hint and hint[0].name == "footer"  # small, for whoever looks for the way out
    # The resume offer: whole (never cut with "…"), its key held to its verb.
    title = pilot.session.pack.text(pilot.session.pack.info.title, lang)
    stop = Stop("Работа официанткой в Стамбуле", 3, None, None, "14.05. 10:42")
    pilot.app.controller.set_offer(ResumeOffer(None, title, "14.05. 10:00", stop,  # type: ignore[arg-type]
                                               True))
    pilot.frame()
    key = say("resume", lang, time="", pack="").split()[0]  # "Enter:"
    lines = [t.text.replace("\xa0", " ") for t in pilot.drawn.texts()]
    assert any(line.startswith(f"{key} ") for line in lines), lines  # with what follows
    assert not any(line.rstrip().endswith(key) for line in lines)
    assert not any("…" in line for line in lines), lines
    assert not layout_problems(pilot.drawn, (1024, 768), BODY * 768 * 0.99)
