"""The typed event vocabulary (issue 8.4, issue 15.3-4) and the report of what a session
ended with (issue 14.1): an old log resumes and reports, every line is checked before it
is replayed, a line written twice is replayed once, the rating cursor survives a crash."""

from __future__ import annotations

import json
from pathlib import Path

from controller_play import EXAMPLE, controller, play_story, send

from game.core.commands import Action
from game.core.eventlog import read_log, session_logs
from game.core.events import VOCABULARY, checked, upgrade, valid
from game.core.pack import load_pack
from game.core.report import build_report, render_html
from game.core.session import ScreenKind

TESTS = Path(__file__).resolve().parent
OLD_LOG = TESTS / "logs" / "v1-crashed-in-a-deck.jsonl"
"""Written by version 1 of the log (degrees and teams from 0): a story played to its
end, then card 1 of the deck rated by Lions (exact) and Eagles (one away) and revealed,
then card 2 rated by Lions only; the game was killed there."""


def old_log_in(data: Path) -> Path:
    """The version 1 log in `data`'s sessions folder, pointing at the example pack here."""
    folder = data / "sessions"
    folder.mkdir(parents=True)
    target = folder / "20261202-062109-abcdef.jsonl"
    text = OLD_LOG.read_text(encoding="utf-8").replace(
        '"tests/packs/format-example"', json.dumps(str(EXAMPLE)))
    target.write_text(text, encoding="utf-8")
    return target


def test_a_version_1_log_resumes_where_it_stopped(tmp_path: Path) -> None:
    old = old_log_in(tmp_path / "data")
    control = controller(tmp_path / "data")
    view = control.view()
    assert view.resume is not None and "Safe or risky?, card 2/3" in view.resume
    send(control, Action.CONFIRM)
    view = control.view()
    assert view.screen is ScreenKind.RATING and view.card == 2
    assert [(t.name, t.points, t.rating) for t in view.teams] == [
        ("Lions", 2, 2), ("Eagles", 1, None)]
    assert view.cursor == 1  # Eagles' turn
    send(control, Action.NUMBER, 1)
    control.close()
    assert session_logs(tmp_path / "data") == [old]
    lines = old.read_text(encoding="utf-8").splitlines()
    last = json.loads(lines[-1])
    assert last["v"] == 2 and last["type"] == "rating"
    assert (last["team"], last["degree"], last["team_name"]) == (2, 1, "Eagles")
    assert read_log(old).skipped_lines == 0  # both versions read in one file


def test_a_version_1_log_still_makes_its_report() -> None:
    pack = load_pack(EXAMPLE).pack
    assert pack is not None
    events = read_log(OLD_LOG).events
    report = build_report(events, pack=pack)
    story, deck = report.scenarios
    assert story.finished and story.total == 6 and [r.degree for r in story.path] == [3, 3]
    assert not deck.finished and [c.degree for c in deck.cards] == [3]
    assert deck.cards[0].ratings == {"Lions": 3, "Eagles": 2}
    assert report.team_scores == {"Lions": 2, "Eagles": 1}
    assert report.participants == 24 and report.teams == ["Lions", "Eagles"]
    page = render_html(report)
    assert "4 Danger" in page  # a degree shown as on screen, numbered from 1


def test_every_event_the_game_writes_is_in_the_vocabulary(tmp_path: Path) -> None:
    control = controller(tmp_path / "data")
    send(control, Action.SET_TEAMS, 2)
    send(control, Action.START_FRESH)
    play_story(control)
    send(control, Action.NUMBER, 2)  # the deck
    send(control, Action.NUMBER, 1)
    send(control, Action.UP)
    send(control, Action.NUMBER, 2)
    send(control, Action.CONTINUE)  # revealed
    send(control, Action.LANGUAGE)
    send(control, Action.END_SESSION)
    control.close()
    events = read_log(session_logs(tmp_path / "data")[0]).events
    kinds = {e["type"] for e in events}
    assert kinds <= set(VOCABULARY)
    assert {"select_team", "rating", "reveal", "choice", "scenario_end", "session_end",
            "language"} <= kinds
    assert all(valid(e) for e in events)
    assert [e["seq"] for e in events] == list(range(1, len(events) + 1))


def test_a_line_of_the_wrong_shape_is_skipped_and_counted_not_replayed() -> None:
    good = {"v": 2, "seq": 1, "type": "choice", "choice": 1}
    wrong = [
        {"v": 2, "seq": 2, "type": "choice", "choice": "1"},  # a string where a number goes
        {"v": 2, "seq": 3, "type": "choice"},  # no choice at all
        {"v": 2, "seq": 4, "type": "rating", "team": True, "degree": 1},  # a bool
        {"v": 2, "seq": 5, "type": "teams", "teams": "Lions"},  # not a list
        {"v": 2, "seq": 6, "type": "party"},  # not in the vocabulary
        {"v": 2, "seq": "7", "type": "menu"},  # a seq that is not a number
    ]
    result = checked([good, *wrong])
    assert result.events == [good] and result.skipped == len(wrong)


def test_a_duplicated_last_advance_does_not_move_the_room_on(tmp_path: Path) -> None:
    data = tmp_path / "data"
    first = controller(data)
    send(first, Action.START_FRESH)
    send(first, Action.NUMBER, 1)  # the story: its first step
    send(first, Action.NUMBER, 1)  # a choice: its feedback
    send(first, Action.CONTINUE)  # the next step
    first.close()
    log = session_logs(data)[0]
    lines = log.read_text(encoding="utf-8").splitlines()
    assert json.loads(lines[-1])["type"] == "advance"
    log.write_text("\n".join([*lines, lines[-1]]) + "\n", encoding="utf-8")  # written twice

    read = read_log(log)
    assert read.skipped_lines == 1
    second = controller(data)
    send(second, Action.RESUME)
    assert second.view().screen is ScreenKind.STEP and second.view().step == 2


def test_the_rating_cursor_survives_a_crash(tmp_path: Path) -> None:
    # Issue 15.4: Up/Down on the rating screen was not logged, so one undo after a resume
    # landed elsewhere than before the crash.
    data = tmp_path / "data"
    first = controller(data)
    send(first, Action.SET_TEAMS, 3)
    send(first, Action.START_FRESH)
    send(first, Action.NUMBER, 2)  # the deck
    send(first, Action.NUMBER, 1)
    send(first, Action.NUMBER, 2)
    send(first, Action.UP)
    send(first, Action.UP)  # back to the first team, to correct it
    before = first.view()
    first.close()
    second = controller(data)
    send(second, Action.RESUME)
    assert second.view() == before and before.cursor == 0
    send(second, Action.NUMBER, 3)  # the first team's rating corrected, not the third's
    assert [t.rating for t in second.view().teams] == [3, 2, None]


def test_the_report_after_an_undo_says_what_the_session_ended_with(tmp_path: Path) -> None:
    # Issue 14.1: Enter on the title, back to it, 25 participants and 3 teams, play: the
    # report said "Participants: not given", "Teams: none", and listed an undone story.
    data = tmp_path / "data"
    control = controller(data)
    send(control, Action.START_FRESH)
    send(control, Action.NUMBER, 1)  # a story started...
    send(control, Action.BACK)  # ...and undone
    send(control, Action.BACK)  # back to the title
    assert control.screen is ScreenKind.TITLE
    send(control, Action.SET_PARTICIPANTS, 25)
    send(control, Action.SET_TEAMS, 3)
    send(control, Action.START_FRESH)
    send(control, Action.NUMBER, 2)  # the deck, card 1 for all three teams
    for degree in (4, 3, 1):
        send(control, Action.NUMBER, degree)
    send(control, Action.CONTINUE)  # revealed
    send(control, Action.END_SESSION)
    assert control.report_path is not None
    pack = control.session.pack
    report = build_report(control.recorder.log.events if control.recorder else [], pack=pack)
    assert report.participants == 25
    assert report.teams == ["Team 1", "Team 2", "Team 3"]
    assert [s.scenario for s in report.scenarios] == ["safe-or-risky"]  # once, partly played
    assert not report.scenarios[0].finished
    assert report.team_scores == {"Team 1": 2, "Team 2": 1, "Team 3": 0}
    page = control.report_path.read_text(encoding="utf-8")
    assert "25" in page and "Team 3" in page and "A job offer in Istanbul" not in page


def test_upgrading_is_idempotent_and_keeps_a_current_line() -> None:
    line = {"v": 2, "seq": 3, "type": "rating", "team": 1, "degree": 2}
    assert upgrade(line) is line
    old = {"v": 1, "type": "rating", "team": 0, "degree": 1}
    assert upgrade(old) == {"v": 2, "type": "rating", "team": 1, "degree": 2}
    assert upgrade(upgrade(old)) == upgrade(old)
