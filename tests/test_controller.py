"""One core, many front ends (issue 8): the controller alone plays, resumes and reports.

A second front end can be written against the core alone: these tests drive a whole
session with commands and read only the controller's view, with no pygame at all.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from controller_play import (
    EXAMPLE,
    controller,
    main,
    play_cards,
    play_story,
    send,
    set_up,
)

from game.core.commands import Action
from game.core.eventlog import read_log, session_logs
from game.core.session import ScreenKind

ROOT = Path(__file__).resolve().parents[1]

BLOCK_PYGAME = """
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name == "pygame" or name.startswith("pygame."):
            raise ImportError("pygame is blocked in the core")
sys.meta_path.insert(0, Block())
sys.path.insert(0, "tests")
from pathlib import Path
import controller_play
print(controller_play.main(Path(sys.argv[1])))
print("pygame" in sys.modules)
"""


def test_a_story_and_a_deck_play_to_the_summary_and_resume_with_no_pygame(
        tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-c", BLOCK_PYGAME, str(tmp_path / "data")],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "summary: Lions 2, Tigers 2; played: A job offer in Istanbul + Safe or risky?",
        "False"]


def test_the_same_session_in_process_writes_one_log_and_its_report(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert main(data).startswith("summary: Lions 2, Tigers 2")
    logs = session_logs(data)
    assert len(logs) == 1  # the resume went on writing the same file
    events = read_log(logs[0]).events
    assert events[0]["type"] == "session_start" and events[-1]["type"] == "session_end"
    html = (data / "reports" / f"{logs[0].stem}.html").read_text(encoding="utf-8")
    assert "Lions" in html and "Tigers" in html and "24" in html


def test_the_view_shows_choices_by_number_and_the_scale_in_the_language(
        tmp_path: Path) -> None:
    control = controller(None)
    send(control, Action.SET_LANGUAGE, text="ru")
    send(control, Action.START_FRESH)
    send(control, Action.NUMBER, 1)
    view = control.view()
    assert view.screen is ScreenKind.STEP and view.language == "ru"
    assert [d.label for d in view.scale] == ["Безопасно", "Есть риск", "Высокий риск", "Опасно"]
    assert [c.number for c in view.items] == [1, 2, 3][: len(view.items)]
    assert view.scenario == "job-offer-istanbul" and view.step == 1
    send(control, Action.CONTINUE)  # a clicker's PageDown highlights the first choice
    assert control.view().cursor == 0
    send(control, Action.CONFIRM)  # and F5 takes it
    feedback = control.view()
    assert feedback.screen is ScreenKind.FEEDBACK and feedback.texts[0] == view.items[0].text
    assert feedback.degree is not None and 1 <= feedback.degree <= 4


def test_a_view_is_plain_data_that_cannot_be_changed() -> None:
    import dataclasses

    view = controller(None).view()
    try:
        view.screen = ScreenKind.MENU  # type: ignore[misc]
    except dataclasses.FrozenInstanceError:
        pass
    else:
        raise AssertionError("a view must be immutable")
    assert view.screen is ScreenKind.TITLE and view.pack_title == "Degrees of Risk"


def test_after_a_resume_changing_the_teams_on_the_title_is_logged(tmp_path: Path) -> None:
    # Bug (issue 8, item 3): "begun" was kept twice; a resumed session had not begun in
    # Session, so 3 teams changed to 2 after a resume wrote no `teams` event.
    data = tmp_path / "data"
    first = controller(data)
    send(first, Action.SET_TEAMS, 3)
    send(first, Action.START_FRESH)
    play_cards(first, cards=1)
    first.close()

    second = controller(data)
    send(second, Action.RESUME)
    assert len(second.session.team_names) == 3
    send(second, Action.TO_MENU)
    while second.screen is not ScreenKind.TITLE:
        assert send(second, Action.BACK)
    assert second.title.team_count == 3  # the title shows what the session has
    send(second, Action.SET_TEAMS, 2)
    send(second, Action.START_FRESH)
    second.close()
    events = read_log(session_logs(data)[0]).events
    teams = [e for e in events if e["type"] == "teams"]
    assert teams and teams[-1]["teams"] == ["Team 1", "Team 2"]
    assert sum(e["type"] == "session_start" for e in events) == 1

    third = controller(data)
    send(third, Action.RESUME)
    assert third.session.team_names == ["Team 1", "Team 2"]


def test_begin_twice_logs_the_start_once() -> None:
    control = controller(None)
    session = control.session
    assert session.begin() is True
    assert session.begin() is False
    assert control.recorder is not None
    send(control, Action.START_FRESH)
    starts = [e for e in control.recorder.log.events if e["type"] == "session_start"]
    assert len(starts) == 1


def test_a_deck_ended_in_the_middle_keeps_its_points_and_is_listed(tmp_path: Path) -> None:
    control = controller(tmp_path / "data")
    set_up(control)
    play_story(control)
    play_cards(control, cards=2)  # card 1: Lions 0, Tigers 0; card 2: Lions 2, Tigers 1
    assert [t.points for t in control.view().teams] == [2, 1]
    send(control, Action.END_SESSION)
    summary = control.view()
    assert summary.screen is ScreenKind.SUMMARY
    assert [t.points for t in summary.teams] == [2, 1]
    assert summary.played == ("A job offer in Istanbul", "Safe or risky?")
    assert EXAMPLE.is_dir()
