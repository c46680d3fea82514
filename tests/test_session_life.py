"""The session's life as a facilitator meets it: resume by Enter, typing on the title,
a window too small, the preview's errors, and a signal ending the game cleanly.

Issues 14 (items 2, 3), 15 (items 10, 12) and 9 (items 13, 14).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from controller_play import controller, play_cards, send, set_up
from test_sessions_survive import EXAMPLE, crashed_session, start

from game.core.commands import Action
from game.core.eventlog import session_logs
from game.core.session import ScreenKind
from game.ui.app import language_problem, preview_problem
from game.ui.pilot import Pilot, load_playable

ROOT = Path(__file__).resolve().parents[1]


# ------------------------------------------------------------ 14.3: hard to lose


@pytest.mark.parametrize("key", ["return", "f5"])
def test_enter_and_f5_resume_the_session_that_did_not_end(tmp_path: Path, key: str) -> None:
    data = tmp_path / "data"
    log = crashed_session(data)
    pilot = start(data)
    texts = " ".join(t.text for t in pilot.drawn.texts()).replace("\xa0", " ")
    assert "Enter: resume the session of" in texts
    assert "It stopped at: A job offer in Istanbul, step" in texts
    assert "Start a new session" in texts
    pilot.press(key)
    assert pilot.screen is not ScreenKind.TITLE and pilot.screen is not ScreenKind.MENU
    assert session_logs(data) == [log]  # the same log goes on


def test_a_declined_session_stays_and_is_offered_again_not_by_default(tmp_path: Path) -> None:
    data = tmp_path / "data"
    old = crashed_session(data)
    old_bytes = old.read_bytes()
    pilot = start(data)
    pilot.press("down", "return")  # "Start a new session"
    assert pilot.screen is ScreenKind.MENU
    pilot.press("escape", "3", "3")  # end it: the new session ends cleanly
    pilot.app.controller.close()
    assert old.read_bytes() == old_bytes

    again = start(data)
    offer = again.app.controller.offer
    assert offer is not None and offer.info.path == old and not offer.recent
    texts = " ".join(t.text for t in again.drawn.texts()).replace("\xa0", " ")
    assert "Resume the session of" in texts and "Enter: resume" not in texts
    again.press("return")  # Enter now starts a new session: the old one is not the default
    assert again.screen is ScreenKind.MENU and old.read_bytes() == old_bytes
    again.press("escape", "3", "3")
    again.app.controller.close()

    third = start(data)
    third.press("up", "return")  # still there: resumed from the title at last
    assert third.app.controller.offer is None
    assert third.screen is ScreenKind.FEEDBACK
    from game.commands.report import run_report

    assert run_report(str(old), str(tmp_path / "old.html")) == 0


def test_the_offer_says_where_a_deck_stopped(tmp_path: Path) -> None:
    data = tmp_path / "data"
    first = controller(data)
    set_up(first)
    play_cards(first, cards=2)
    first.close()
    view = controller(data).view()
    assert view.resume is not None and "Safe or risky?, card 2/3" in view.resume


# ----------------------------------------------------------- 14.2: end mid-deck


def test_end_the_session_asks_once_and_keeps_a_deck_partly_played(tmp_path: Path) -> None:
    pilot = Pilot(EXAMPLE, teams=["Lions", "Tigers"])
    pilot.press("return", "2")  # the deck
    pilot.press("1", "2", "return", "return")  # card 1 rated and revealed, scoreboard
    pilot.press("return", "1", "1", "return")  # card 2: both "Safe", revealed (exact)
    assert pilot.screen is ScreenKind.REVEAL
    pilot.press("escape", "3")
    assert pilot.screen is ScreenKind.REVEAL and pilot.overlay is not None  # asks first
    texts = " ".join(t.text for t in pilot.drawn.texts())
    assert "again" in texts.lower()
    pilot.press("3")
    assert pilot.screen is ScreenKind.SUMMARY
    texts = " ".join(t.text for t in pilot.drawn.texts())
    for _page in range(3):  # the podium first, then the scenarios played, page by page
        if "Safe or risky?" in texts or pilot.screen is not ScreenKind.SUMMARY:
            break
        pilot.press("pagedown")
        texts += " " + " ".join(t.text for t in pilot.drawn.texts())
    assert "Lions" in texts and "Safe or risky?" in texts
    assert [t.points for t in pilot.app.controller.view().teams] == [2, 2]


# --------------------------------------------------------- 15.10: title input


def test_a_superscript_two_and_a_nul_never_reach_the_session() -> None:
    pilot = Pilot(EXAMPLE)
    pilot.press("down", "down")  # participants
    pilot.type("2²5")
    pilot.press("down", "right")  # 2 teams
    pilot.press("down")  # the first team's name
    pilot.type("Li\x00on\x0bs")
    pilot.press("up", "up", "up", "up")  # back to "start"
    texts = " ".join(t.text for t in pilot.drawn.texts())
    assert "Participants: 25" in texts and "1. Lions" in texts
    pilot.press("return")
    assert pilot.screen is ScreenKind.MENU and pilot.overlay is None
    assert pilot.session.participants == 25
    assert pilot.session.teams == ["Lions", "Team 2"]


def test_a_failure_on_the_title_never_drops_the_options(tmp_path: Path) -> None:
    control = controller(tmp_path / "data")
    send(control, Action.SET_TEAMS, 3)
    send(control, Action.SET_PARTICIPANTS, 30)
    send(control, Action.SET_LANGUAGE, text="xx")  # refused: no such language
    send(control, Action.SET_TEAM_NAME, 9, "Nine")  # refused: no ninth team
    send(control, Action.TYPE, text="\x00")  # nothing typed where the cursor is
    send(control, Action.START_FRESH)
    assert control.session.participants == 30 and len(control.session.teams) == 3
    assert control.recorder is not None
    start = control.recorder.log.events[0]
    assert start["participants"] == 30 and len(start["teams"]) == 3


# ------------------------------------------------------- 15.12: a tiny window


def test_a_window_too_small_shows_one_line_and_idles() -> None:
    pilot = Pilot(EXAMPLE)
    pilot.resize(10, 10)
    app = pilot.app
    app.resize((10, 10))
    app.draw(pilot.surface)
    texts = [t.text for t in pilot.drawn.texts()]
    assert texts == ["Make the window larger"]
    assert not app.needs_frame()  # nothing to redraw until something changes
    pilot.press("return")
    assert not app.needs_frame() or app.dirty  # a key redraws once, then idles again
    app.draw(pilot.surface)
    assert not app.needs_frame()
    app.resize((1024, 768))
    app.draw(pilot.surface)
    assert any("Scenarios" in t.text for t in pilot.drawn.texts())


# ----------------------------------------------------- 9.13: preview errors


def test_preview_errors_name_the_choices() -> None:
    pack = load_playable(EXAMPLE)
    shown = "tests/packs/format-example"
    assert preview_problem(pack, shown, None, "offer") == (
        f"{shown}: error: --step needs --scenario (the story the step belongs to)")
    assert preview_problem(pack, shown, "job-offer-istanbl", None) == (
        f"{shown}: error: no scenario 'job-offer-istanbl' that loads (did you mean "
        "'job-offer-istanbul'?) (scenarios: job-offer-istanbul, safe-or-risky)")
    assert preview_problem(pack, shown, "safe-or-risky", "offer") == (
        f"{shown}: error: --step is for stories; 'safe-or-risky' is a card deck")
    story = pack.scenarios["job-offer-istanbul"]
    steps = list(story.steps)  # type: ignore[union-attr]
    wrong = steps[1][:-1] + "x"
    message = preview_problem(pack, shown, "job-offer-istanbul", wrong)
    assert message == (f"{shown}: error: story 'job-offer-istanbul' has no step '{wrong}' "
                       f"(did you mean '{steps[1]}'?) (steps: {', '.join(steps)})")
    assert preview_problem(pack, shown, "job-offer-istanbul", steps[1]) is None


def test_an_unknown_language_is_an_error_naming_the_packs_languages(tmp_path: Path) -> None:
    pack = load_playable(EXAMPLE)
    shown = "tests/packs/format-example"
    assert language_problem(pack, shown, "xx") == (
        f"{shown}: error: the pack has no language 'xx' (its languages: en, ru)")
    assert language_problem(pack, shown, "ru") is None
    assert language_problem(pack, shown, None) is None
    done = subprocess.run([sys.executable, "main.py", "--pack", str(EXAMPLE), "--lang", "xx",
                           "--data-dir", str(tmp_path)],
                          cwd=ROOT, capture_output=True, text=True, timeout=60,
                          env=dict(os.environ, SDL_VIDEODRIVER="dummy"))
    assert done.returncode == 1
    assert "no language 'xx' (its languages: en, ru)" in done.stderr


def test_a_missing_pack_folder_is_one_message(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "main.py", "--pack", str(tmp_path / "nowhere")],
                          cwd=ROOT, capture_output=True, text=True, timeout=60,
                          env=dict(os.environ, SDL_VIDEODRIVER="dummy"))
    assert done.returncode == 1
    assert done.stderr.strip() == f"{tmp_path / 'nowhere'}: error: no such pack folder"


# ----------------------------------------------------------- 9.14: signals


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_ends_the_game_as_quitting_does(tmp_path: Path, signum: int) -> None:
    data = tmp_path / "data"
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy",
               DOR_REPORT_FIRST_FRAME="1")
    proc = subprocess.Popen([sys.executable, "main.py", "--pack", str(EXAMPLE), "--window",
                             "--data-dir", str(data)], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().startswith("first-frame")
        # At once: the pack may still be loading behind its title (game/ui/signals.py).
        proc.send_signal(signum)
        _out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0, err
    assert "Traceback" not in err
    assert session_logs(data) == []  # the title was never left: nothing to keep
