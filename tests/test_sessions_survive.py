"""Issue 5, sessions that survive: every session logs, a killed game resumes exactly,
declining keeps the old log, a data folder that cannot be written costs nothing,
and the end of a session writes the event report.

The game is built by `build_app`, the same construction `run_game` uses before its
window loop, and driven by key presses through the real event handler.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pygame
import pytest
from flaky_disk import FlakyDisk, disk_fixture  # noqa: F401 - the disk fixture

from game.core.eventlog import EventLog, read_log, session_logs, unfinished_session
from game.core.session import ScreenKind
from game.ui.app import App, build_app
from game.ui.drawlog import RecordingSurface, layout_problems
from game.ui.pilot import ManualClock, Pilot, load_playable
from game.ui.state import Overlay
from game.ui.theme import THEME
from game.ui.wording import say

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
EXAMPLE = TESTS / "packs" / "format-example"
SIZE = (1024, 768)


class AppPilot(Pilot):
    """The Pilot's keys and frames, on an app built as `run_game` builds it."""

    def __init__(self, app: App, clock: ManualClock) -> None:
        super().__init__(app.pack_folder, app.size)  # the Pilot's own surface and set-up,
        self.clock = clock  # then the app under test in place of the Pilot's plain one
        self.app = app
        self.surface = RecordingSurface(app.size, app.fonts, self.paint)  # its words recorded
        self.frame()


def start(data_dir: Path | None, pack: Path = EXAMPLE, scenario: str | None = None,
          size: tuple[int, int] = SIZE) -> AppPilot:
    """The game on `pack` with its session log under `data_dir`, at its first frame."""
    if not pygame.display.get_init():
        pygame.display.init()
    pygame.font.init()
    clock = ManualClock()
    app = build_app(load_playable(pack), pack, str(pack), size, data_dir=data_dir,
                    scenario=scenario, clock=clock)
    return AppPilot(app, clock)


def play(pilot: Pilot, keys: list[str]) -> None:
    """Press `keys`; "text:..." types text (team names, participants)."""
    for key in keys:
        if key.startswith("text:"):
            pilot.type(key[len("text:"):])
        else:
            pilot.press(key)


def state_of(pilot: Pilot) -> dict[str, Any]:
    """Where the room is, in a form two processes can compare."""
    session = pilot.session
    play_ = session.play
    story = session.story_result()
    return {
        "screen": session.screen.value,
        "scenario": play_.scenario if play_ is not None else None,
        "step": getattr(play_, "step", None),
        "path": [[e.step, e.choice, e.degree] for e in getattr(play_, "path", ())],
        "card": getattr(play_, "card", None),
        "ratings": list(session.current_ratings()),
        "risk_total": story.total if story is not None else None,
        "teams": list(session.teams),
        "participants": session.participants,
        "language": session.language,
        "team_scores": session.team_scores(),
        "played": session.played(),
        # The whole state and the undo history: equal reprs are equal frozen dataclasses.
        "state": repr(session.state),
        "history": repr(session.history),
    }


# A child process: build the game exactly as run_game does, press the keys, say where the
# room is, then "ready", and wait to be killed.
CHILD = """
import json, sys, time
from pathlib import Path
sys.path[:0] = [sys.argv[1], sys.argv[2]]
import test_sessions_survive as t
pilot = t.start(Path(sys.argv[3]))
t.play(pilot, json.loads(sys.argv[4]))
print(json.dumps(t.state_of(pilot)), flush=True)
print("ready", flush=True)
time.sleep(120)
"""


def run_and_kill(data_dir: Path, keys: list[str]) -> dict[str, Any]:
    """Play `keys` in a child process, SIGKILL it right after it says "ready"; returns
    where its room was."""
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy",
               PYGAME_HIDE_SUPPORT_PROMPT="1")
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(ROOT), str(TESTS), str(data_dir), json.dumps(keys)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    watchdog = threading.Timer(60, proc.kill)
    watchdog.start()
    try:
        assert proc.stdout is not None
        state_line = proc.stdout.readline()
        ready = proc.stdout.readline()
        if ready.strip() != "ready":
            proc.kill()
            _, err = proc.communicate()
            pytest.fail(f"the child did not get ready: {state_line!r} {ready!r}\n{err}")
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    finally:
        watchdog.cancel()
        if proc.poll() is None:
            proc.kill()
        if proc.stdout is not None:
            proc.stdout.close()
        if proc.stderr is not None:
            proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL
    state: dict[str, Any] = json.loads(state_line)
    return state


def only_log(data_dir: Path) -> Path:
    logs = session_logs(data_dir)
    assert len(logs) == 1, logs
    return logs[0]


def resume(data_dir: Path) -> AppPilot:
    """Start the game again, see the offer, press R."""
    pilot = start(data_dir)
    offer = pilot.app.controller.offer
    assert offer is not None
    assert offer.pack == "Degrees of Risk"
    pilot.press("r")
    assert pilot.app.controller.offer is None
    assert pilot.app.session.begun
    return pilot


# ---------------------------------------------------------------- (a) a killed story


def test_a_killed_game_resumes_at_the_same_choice(tmp_path: Path) -> None:
    data = tmp_path / "data"
    before = run_and_kill(data, ["return", "return", "2"])
    assert before["screen"] == "feedback"

    log = only_log(data)
    events = read_log(log).events
    assert [e["type"] for e in events] == ["session_start", "advance", "scenario_start",
                                          "choice"]
    assert events[-1]["choice"] == 2 and events[-1]["step"] == before["path"][0][0]

    info = unfinished_session(data)
    assert info is not None and info.path == log and info.pack_title == "Degrees of Risk"
    pilot = resume(data)
    after = state_of(pilot)
    assert pilot.screen is ScreenKind.FEEDBACK
    for key in ("screen", "scenario", "step", "path", "risk_total", "teams", "state",
                "history"):
        assert after[key] == before[key], key
    assert after["risk_total"] == 0  # choice 2 of the first step: the lowest degree

    # The resumed session goes on in the same file, and undo reaches back before the crash.
    pilot.press("return")
    assert pilot.screen is ScreenKind.STEP
    assert only_log(data) == log
    assert read_log(log).events[-1]["type"] == "advance"
    pilot.press("backspace", "backspace")
    assert pilot.screen is ScreenKind.STEP and pilot.session.story_result().path == ()  # type: ignore[union-attr]


# ------------------------------------------------------------ (b) teams and a deck


TEAM_KEYS = ["down", "down", "text:24", "down", "right", "down", "text:Lions", "return",
             "text:Tigers", "return", "return"]
"""Title: 24 participants, two teams named Lions and Tigers, then start."""


def test_two_teams_rating_a_deck_resume_with_their_scores(tmp_path: Path) -> None:
    data = tmp_path / "data"
    # The deck (menu entry 2); card 1: Lions 3, Tigers 4, reveal, scoreboard; card 2: Lions 1.
    keys = [*TEAM_KEYS, "2", "3", "4", "return", "return", "return", "1"]
    before = run_and_kill(data, keys)
    assert before["teams"] == ["Lions", "Tigers"] and before["participants"] == 24
    assert before["screen"] == "rating" and before["card"] == 1
    assert before["ratings"] == [0, None]
    assert before["team_scores"] == [1, 2]  # the answer is 4: one away, exact

    start_event = read_log(only_log(data)).events[0]
    assert start_event["teams"] == ["Lions", "Tigers"] and start_event["participants"] == 24

    pilot = resume(data)
    after = state_of(pilot)
    for key in ("screen", "scenario", "card", "ratings", "teams", "participants",
                "team_scores", "state", "history"):
        assert after[key] == before[key], key
    # The title shows the resumed teams, so going back there and on keeps them.
    assert pilot.app.controller.title.team_count == 2
    assert pilot.app.controller.title.team_names[:2] == ["Lions", "Tigers"]

    pilot.press("1", "return")  # Tigers give 1 (the answer): +2
    assert pilot.screen is ScreenKind.REVEAL
    assert pilot.session.team_scores() == [3, 4]
    reveal = read_log(only_log(data)).events[-1]
    assert reveal["type"] == "reveal" and reveal["points"] == {"Lions": 2, "Tigers": 2}


def test_killed_just_after_the_rating_cursor_moved_resumes_on_the_same_team(
        tmp_path: Path) -> None:
    # Issue 15.4: Up on the rating screen (to correct a team's degree) is in the log, so a
    # kill right after it resumes with the cursor on that team and the same undo history.
    data = tmp_path / "data"
    keys = [*TEAM_KEYS, "2", "3", "up"]  # the deck; Lions give 3; back up to Lions
    before = run_and_kill(data, keys)
    assert before["screen"] == "rating" and before["ratings"] == [2, None]
    pilot = resume(data)
    after = state_of(pilot)
    for key in ("screen", "card", "ratings", "state", "history"):
        assert after[key] == before[key], key
    pilot.press("1")  # the correction lands on Lions, as it would have before the kill
    assert pilot.session.current_ratings()[:2] == (0, None)


# ------------------------------------------------------------------ (c) declining


def crashed_session(data: Path) -> Path:
    """A session played up to a choice and abandoned (as a crash leaves it)."""
    pilot = start(data)
    play(pilot, ["return", "return", "1"])
    assert pilot.app.controller.recorder is not None
    pilot.app.controller.recorder.close()
    return only_log(data)


@pytest.mark.parametrize("decline", [["down", "return"], ["escape", "2"]],
                         ids=["start-new", "pause-menu"])
def test_declining_keeps_the_old_log_and_starts_a_new_one(tmp_path: Path,
                                                          decline: list[str]) -> None:
    data = tmp_path / "data"
    old = crashed_session(data)
    old_bytes = old.read_bytes()

    pilot = start(data)
    assert pilot.app.controller.offer is not None
    play(pilot, decline)
    assert pilot.screen is ScreenKind.MENU
    assert pilot.app.controller.offer is None  # the offer is gone: R does nothing any more
    logs = session_logs(data)
    assert len(logs) == 2 and old in logs
    new = next(p for p in logs if p != old)
    assert read_log(new).events[0]["type"] == "session_start"
    pilot.press("return", "2", "backspace", "backspace", "backspace")
    assert pilot.screen is ScreenKind.TITLE
    pilot.press("r")
    assert pilot.screen is ScreenKind.TITLE  # no resume of the old one under a new log
    assert old.read_bytes() == old_bytes

    # Now the new session is the last one: it is what the next start offers.
    assert pilot.app.controller.recorder is not None
    pilot.app.controller.recorder.close()
    info = unfinished_session(data)
    assert info is not None and info.path == new


def test_a_title_left_without_starting_writes_nothing(tmp_path: Path) -> None:
    data = tmp_path / "data"
    pilot = start(data)
    pilot.press("l", "l")  # a language changed on the title: held until the session starts
    assert not session_logs(data)
    pilot.press("return")
    events = read_log(only_log(data)).events
    assert [e["type"] for e in events] == ["session_start", "language", "language", "advance"]


# ----------------------------------------------------------- (d) unwritable folder


def _accent_pixels_in_footer(pilot: Pilot) -> int:
    surface = pilot.frame(settle=False)
    w, h = surface.get_size()
    band = pygame.Rect(w // 2, h - int(0.05 * h), w // 2, int(0.05 * h))
    return sum(1 for x in range(band.left, band.right, 2) for y in range(band.top, band.bottom)
               if tuple(surface.get_at((x, y)))[:3] == THEME.accent)


def test_an_unwritable_data_folder_warns_once_and_keeps_the_session(tmp_path: Path) -> None:
    blocker = tmp_path / "file.txt"
    blocker.write_text("a file, not a folder")
    data = blocker / "sub"
    pilot = start(data)
    assert pilot.app.controller.offer is None
    pilot.press("return")
    ui = pilot.app.ui
    assert pilot.screen is ScreenKind.MENU
    warning = pilot.app.controller.log_warning
    assert warning is not None and "memory only" in warning
    assert ui.notice == say("log_not_saved", "en")
    assert _accent_pixels_in_footer(pilot) > 0  # the notice is drawn in the footer
    recorder = pilot.app.controller.recorder
    assert recorder is not None and recorder.take_warning() is None

    play(pilot, ["return", "1", "return", "1"])
    pilot.clock.advance(60)
    assert _accent_pixels_in_footer(pilot) == 0  # shown once: gone, and not back
    assert ui.notice == say("log_not_saved", "en") and pilot.clock() > ui.notice_until
    log = pilot.app.controller.recorder.log
    assert log.memory_only and log.path is None
    assert [e["type"] for e in log.events] == ["session_start", "advance", "scenario_start",
                                              "choice", "advance", "choice"]
    assert blocker.read_text() == "a file, not a folder"

    # The end of the session: the report cannot be written either; the summary says so.
    pilot.press("escape", "3", "3")
    assert pilot.screen is ScreenKind.SUMMARY and pilot.overlay is None
    assert pilot.app.controller.report_path is None
    error = pilot.app.controller.report_error
    assert error is not None and error[0] == data / "reports" and error[1]
    assert "report" in pilot.app.marks


# ------------------------------------------------------------------ (e) the report


def test_ending_the_session_writes_the_report_and_the_summary_shows_where(
        tmp_path: Path) -> None:
    data = tmp_path / "data"
    pilot = start(data)
    play(pilot, [*TEAM_KEYS, "1", "2", "return", "2", "space", "right", "return", "return",
                 "return"])
    assert pilot.screen is ScreenKind.MENU and pilot.session.played() == ["job-offer-istanbul"]
    pilot.press("escape", "3", "3")  # the pause menu's third item ends the session
    assert pilot.screen is ScreenKind.SUMMARY
    ui = pilot.app.controller
    log = only_log(data)
    assert ui.report_error is None
    assert ui.report_path == data / "reports" / f"{log.stem}.html"
    html = ui.report_path.read_text(encoding="utf-8")
    assert "Degrees of Risk" in html and "Lions" in html and "24" in html
    csv = ui.report_path.with_suffix(".csv")
    assert csv.is_file() and "job-offer-istanbul" in csv.read_text(encoding="utf-8-sig")

    # The projector says the report is saved and its short name; never the folder it is in.
    drawn = " ".join(t.text for t in pilot.drawn.texts())
    assert f"The event report is saved: {ui.report_path.name}" in drawn
    assert str(data) not in drawn and str(tmp_path) not in drawn
    rect = pilot.app.marks["report"]
    h = SIZE[1]
    assert rect.height >= 0.04 * h  # at least one line of body text (4% of the height)
    assert rect.bottom <= h - int(0.05 * h)  # above the footer band
    assert read_log(log).ended_cleanly
    assert unfinished_session(data) is None  # a clean end: nothing to offer next time

    # Back from the summary and ending again writes the report again, in the same place.
    first = ui.report_path
    pilot.press("backspace")
    assert pilot.screen is ScreenKind.MENU and ui.report_path is not None
    pilot.press("down", "return")  # the menu's last entry ends the session too
    assert pilot.screen is ScreenKind.SUMMARY
    assert ui.report_path == first and first.is_file()


def test_a_report_that_cannot_be_written_is_a_message(tmp_path: Path) -> None:
    data = tmp_path / "data"
    pilot = start(data)
    pilot.press("return")
    (data / "reports").write_text("a file where the reports folder should be")
    pilot.press("escape", "3", "3")
    assert pilot.screen is ScreenKind.SUMMARY and pilot.overlay is None
    assert pilot.app.controller.report_error is not None
    assert "report" in pilot.app.marks


# ---------------------------------------------------------------- bad input


def test_a_torn_last_line_and_foreign_files_do_not_stop_the_resume(tmp_path: Path) -> None:
    data = tmp_path / "data"
    log = crashed_session(data)
    with open(log, "ab") as handle:
        handle.write(b'{"v":1,"t":"2024-05-01T10:0')  # the power cut mid-write
    sessions = data / "sessions"
    (sessions / "notes.txt").write_text("not a log")
    (sessions / "29991231-235959-abcdef.jsonl").write_bytes(b"\xff\xfe garbage\n{[")
    (sessions / "29991231-235959-000000.jsonl").mkdir()
    (data / "reports").mkdir()
    (data / "reports" / "stray.html").write_text("<p>")

    pilot = resume(data)
    assert pilot.screen is ScreenKind.FEEDBACK
    assert pilot.session.story_result().total == 3  # type: ignore[union-attr]
    pilot.press("return")
    read = read_log(log)
    assert read.skipped_lines == 1 and read.events[-1]["type"] == "advance"


def test_a_session_of_another_pack_is_not_offered(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "other-pack"
    shutil.copytree(EXAMPLE, other)
    data = tmp_path / "data"
    pilot = start(data, pack=other)
    play(pilot, ["return", "return", "1"])
    pilot = start(data)
    assert pilot.app.controller.offer is None
    assert f"--pack {other.resolve()}" in capsys.readouterr().err
    assert start(data, pack=other).app.controller.offer is not None


def test_a_preview_writes_no_log_and_offers_nothing(tmp_path: Path) -> None:
    data = tmp_path / "data"
    crashed_session(data)
    before = {p: p.read_bytes() for p in session_logs(data)}
    pilot = start(data, scenario="safe-or-risky")
    assert pilot.screen is ScreenKind.CARD and pilot.app.controller.offer is None
    pilot.press("1", "return", "escape", "3", "3")
    assert pilot.screen is ScreenKind.SUMMARY
    assert {p: p.read_bytes() for p in session_logs(data)} == before
    assert not (data / "reports").exists()
    assert pilot.app.controller.recorder is not None
    assert pilot.app.controller.recorder.log.events[0]["type"] == "session_start"


def test_a_log_gone_before_r_resumes_from_memory_with_the_warning(tmp_path: Path) -> None:
    data = tmp_path / "data"
    log = crashed_session(data)
    pilot = start(data)
    log.unlink()  # gone between the offer and the key,
    log.mkdir()  # and in its place something that cannot be read or written
    pilot.press("r")
    assert pilot.screen is ScreenKind.FEEDBACK  # from the events read at start
    assert pilot.app.ui.notice == say("log_not_saved", "en")
    recorder = pilot.app.controller.recorder
    assert recorder is not None and recorder.log.memory_only


def test_a_resume_that_fails_starts_fresh_with_a_notice(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "data"
    log = crashed_session(data)
    old_bytes = log.read_bytes()
    pilot = start(data)

    def broken(*args: object) -> int:
        raise RuntimeError("a bug in replay")

    monkeypatch.setattr("game.core.resume.replay", broken)
    pilot.press("r")
    assert pilot.screen is ScreenKind.TITLE and pilot.overlay is not Overlay.ERROR
    assert pilot.app.ui.notice == say("resume_failed", "en") and pilot.app.controller.offer is None
    pilot.press("return")
    assert pilot.screen is ScreenKind.MENU
    assert len(session_logs(data)) == 2 and log.read_bytes() == old_bytes


# ------------------------------------------------- a full disk, a deleted log (issue 15)


def log_of(pilot: Pilot) -> EventLog:
    """The session log the game writes (where the app keeps it)."""
    recorder = pilot.app.controller.recorder
    assert recorder is not None
    return recorder.log


def report_of(pilot: Pilot) -> Path | None:
    """Where the summary says the report went."""
    return pilot.app.controller.report_path



def footer_words(pilot: Pilot) -> str:
    """The words of the frame's footer, after checking nothing in it collides or overflows."""
    pilot.frame(settle=False)
    problems = [p for p in layout_problems(pilot.drawn, pilot.app.size, 0) if "footer" in p]
    assert problems == []
    return " ".join(d.text for d in pilot.drawn.texts() if d.name == "footer")


STORY_TO_MENU = ["1", "2", "return", "2", "space", "right", "return", "return", "return"]
"""The story from the menu to its end and back to the menu (choice 2, then 2 again)."""


def test_a_full_disk_mid_session_loses_nothing_once_space_returns(
        tmp_path: Path, disk: FlakyDisk) -> None:
    data = tmp_path / "data"
    pilot = start(data)
    play(pilot, ["return", "1"])
    log = only_log(data)
    disk.full = 2
    pilot.press("2")
    assert pilot.app.ui.notice == say("log_not_saved", "en")
    assert say("log_not_saved", "en") in footer_words(pilot)
    pilot.press("return")
    assert disk.full == 0  # space again
    pilot.press("2")
    assert pilot.app.ui.notice == say("log_saved_again", "en", name=log.name)
    assert say("log_saved_again", "en", name=log.name) in footer_words(pilot)
    read = read_log(log)
    assert read.events == log_of(pilot).events and read.skipped_lines == 0
    pilot.press("escape", "3", "3")
    assert read_log(log).ended_cleanly and unfinished_session(data) is None


def test_a_resume_from_a_shorter_log_never_replaces_the_complete_report(
        tmp_path: Path, disk: FlakyDisk) -> None:
    data = tmp_path / "data"
    pilot = start(data)
    play(pilot, [*TEAM_KEYS, *STORY_TO_MENU])
    disk.full = 10**6  # full from here on: the log stops growing on disk
    play(pilot, ["2", "3", "4", "return", "return", "return", "escape", "3", "3"])
    first = report_of(pilot)
    assert pilot.screen is ScreenKind.SUMMARY and first is not None  # from the memory copy
    complete = first.with_suffix(".csv").read_text(encoding="utf-8-sig")
    assert "job-offer-istanbul" in complete and "safe-or-risky" in complete
    kept = first.read_bytes()
    # The laptop dies with the disk still full; later, with space, the game starts again.
    disk.full = 0
    pilot = resume(data)
    assert pilot.session.played() == ["job-offer-istanbul"]  # the log on disk is shorter
    pilot.press("escape", "3", "3")
    second = report_of(pilot)
    assert second == first.with_name(f"{first.stem}-2.html")
    assert second.is_file() and first.read_bytes() == kept
    assert first.with_suffix(".csv").read_text(encoding="utf-8-sig") == complete
    assert pilot.app.ui.notice == say("report_kept", "en", name=first.name)
    assert say("report_kept", "en", name=first.name) in footer_words(pilot)


def test_the_data_folder_deleted_while_playing_is_rewritten_and_resumable(
        tmp_path: Path) -> None:
    data = tmp_path / "data"
    pilot = start(data)
    play(pilot, ["return", "1"])
    log = only_log(data)
    shutil.rmtree(data)
    pilot.press("2")
    assert pilot.app.ui.notice == say("log_recreated", "en", name=log.name)
    assert say("log_recreated", "en", name=log.name) in footer_words(pilot)
    assert read_log(log).events == log_of(pilot).events
    before = state_of(pilot)
    log_of(pilot).close()  # as a crash leaves it
    after = state_of(resume(data))
    assert after["state"] == before["state"] and after["history"] == before["history"]


def test_a_long_notice_in_a_small_window_is_drawn_whole(tmp_path: Path) -> None:
    data = tmp_path / "data"
    pilot = start(data, size=(640, 480))
    play(pilot, ["l", "return", "1", "t"])  # Russian, the discussion timer running
    assert pilot.session.language == "ru" and pilot.app.ui.timer.running
    log = only_log(data)
    shutil.rmtree(data)
    pilot.press("2")
    notice = say("log_recreated", "ru", name=log.name)
    words = footer_words(pilot)  # nothing off the window, nothing drawn over another
    assert notice in words  # (the timer is drawn large at the top, not in the footer)


# ------------------------------------------------------- killed inside the write


KILL_CHILD = """
import json, os, signal, sys
from io import FileIO
from pathlib import Path
sys.path[:0] = [sys.argv[1], sys.argv[2]]
import test_sessions_survive as t
from game.core import eventlog
kill_at, torn = int(sys.argv[5]), sys.argv[6] == "torn"
writes = 0

class Dying(FileIO):
    # The log's file: its kill_at-th write dies half way through the line (a torn
    # write), or right after the whole line went out and before its fsync.
    def write(self, data):
        global writes
        writes += 1
        if writes == kill_at:
            data = bytes(data)
            if torn:
                super().write(data[:len(data) // 2])
            else:
                super().write(data)
            os.kill(os.getpid(), signal.SIGKILL)
        return super().write(data)

real_open = open
def dying_open(file, mode="r", buffering=-1, **kwargs):
    return Dying(file, mode) if buffering == 0 else real_open(file, mode, buffering, **kwargs)

eventlog.open = dying_open
pilot = t.start(Path(sys.argv[3]))
for key in json.loads(sys.argv[4]):
    t.play(pilot, [key])
    print(json.dumps(len(t.log_of(pilot).events)), flush=True)
print("not killed", flush=True)
"""

DECK_KEYS = [*TEAM_KEYS, "2", "3", "4", "return", "return", "return", "1"]


def reference_run(data: Path) -> tuple[list[dict[str, Any]], list[tuple[int, dict[str, Any]]]]:
    """The deck played without a kill: its events, and after each key how many events
    were logged and where the room was."""
    pilot = start(data)
    after: list[tuple[int, dict[str, Any]]] = []
    for key in DECK_KEYS:
        play(pilot, [key])
        after.append((len(log_of(pilot).events), state_of(pilot)))
    events = list(log_of(pilot).events)
    log_of(pilot).close()
    return events, after


def without_time(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: v for k, v in e.items() if k != "t"} for e in events]


@pytest.mark.parametrize("torn", [False, True], ids=["before-fsync", "torn-line"])
def test_killed_inside_the_write_no_completed_action_is_lost(tmp_path: Path,
                                                             torn: bool) -> None:
    events, after = reference_run(tmp_path / "reference")
    # Kill while writing the last event of a key that logs one command event alone:
    # the rating of the first card and the reveal's advance (one of each kind of screen).
    single = [i for i in range(1, len(after)) if after[i][0] == after[i - 1][0] + 1]
    chosen = [i for i in single if DECK_KEYS[i] in ("3", "4")][:1] + single[-1:]
    assert len(chosen) == 2
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy",
               PYGAME_HIDE_SUPPORT_PROMPT="1")
    for n, key_index in enumerate(chosen):
        data = tmp_path / f"killed-{n}"
        kill_at = after[key_index][0]  # the kill_at-th event is the kill_at-th write
        result = subprocess.run(
            [sys.executable, "-c", KILL_CHILD, str(ROOT), str(TESTS), str(data),
             json.dumps(DECK_KEYS), str(kill_at), "torn" if torn else "whole"],
            capture_output=True, text=True, env=env, cwd=ROOT, timeout=120, check=False)
        assert result.returncode == -signal.SIGKILL, result.stderr
        completed = [int(line) for line in result.stdout.split()]
        assert completed == [count for count, _ in after[:key_index]]  # died in that key

        read = read_log(only_log(data))
        kept = kill_at if not torn else kill_at - 1
        # Every completed action is on disk, in order, and no whole line is damaged:
        # the torn write leaves one unreadable fragment, skipped and counted.
        assert without_time(read.events) == without_time(events[:kept])
        assert read.skipped_lines == (1 if torn else 0)
        pilot = resume(data)
        state = state_of(pilot)
        expected = after[key_index if not torn else key_index - 1][1]
        for field in ("screen", "card", "ratings", "team_scores", "state", "history"):
            assert state[field] == expected[field], (key_index, field)
        # The resumed log goes on on a line of its own: the same key again is logged whole.
        play(pilot, [DECK_KEYS[key_index]])
        log_of(pilot).close()
        again = read_log(only_log(data))
        assert without_time(again.events[:kill_at]) == without_time(events[:kill_at])
        assert again.skipped_lines == read.skipped_lines
