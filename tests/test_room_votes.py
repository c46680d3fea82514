"""The room's phone votes through the controller, with no pygame and no server: counted for
the question on screen only, shown as a count until revealed, Enter takes the room's choice,
each team's degree from its phones, keys always win, and a resume restores the counts."""

from __future__ import annotations

import json
from pathlib import Path

from game.core.commands import Action, Command
from game.core.controller import Controller
from game.core.questions import current_question
from game.core.session import ScreenKind
from game.core.votes import PhoneVote
from tests.controller_play import controller, send, set_up


def _votes(control: Controller, options: list[int], team: int | None = None,
           prefix: str = "phone") -> bool:
    """Phones voting `options` (from 1) on the question on screen."""
    question = current_question(control.session)
    assert question is not None
    return control.send(Command(Action.VOTES, votes=tuple(
        PhoneVote(question.id, f"{prefix}-{team}-{i:012d}", option - 1, team)
        for i, option in enumerate(options))))


def _log(data_dir: Path) -> list[dict[str, object]]:
    (log,) = (data_dir / "sessions").glob("*.jsonl")
    return [json.loads(line) for line in log.read_text().splitlines()]


def _story(data_dir: Path | None) -> Controller:
    control = controller(data_dir)
    send(control, Action.START_FRESH)
    send(control, Action.NUMBER, 1)
    assert control.screen is ScreenKind.STEP
    return control


def test_the_projector_gets_a_count_then_the_distribution_then_the_room_s_choice(
        tmp_path: Path) -> None:
    control = _story(tmp_path)
    assert _votes(control, [2, 2, 1, 2, 1])
    room = control.view().room
    assert room is not None and room.total == 5 and not room.revealed
    assert control.screen is ScreenKind.STEP  # nothing advances because votes arrived
    assert send(control, Action.CONFIRM)  # Enter: the reveal
    room = control.view().room
    assert room is not None and room.revealed
    assert room.counts[:2] == (2, 3) and room.shares[:2] == (40, 60) and room.top == (1,)
    assert not _votes(control, [1, 1, 1], prefix="late")  # closed at the reveal
    assert send(control, Action.CONFIRM)  # Enter again: the room's most common choice
    assert control.screen is ScreenKind.FEEDBACK
    assert control.session.play is not None
    assert control.session.play.path[-1].choice == 1  # type: ignore[union-attr]
    events = _log(tmp_path)
    votes = [e for e in events if e["type"] in ("votes", "votes_revealed")]
    assert votes[-1]["counts"][:2] == [2, 3]
    text = json.dumps(events)
    assert "phone-" not in text and "late-" not in text  # counts only, never a phone's token


def test_a_number_key_overrides_the_room_and_without_votes_enter_does_as_before(
        tmp_path: Path) -> None:
    control = _story(None)
    assert not send(control, Action.CONFIRM)  # no phones: Enter without a highlight waits
    _votes(control, [1, 1, 1])
    send(control, Action.CONFIRM)
    assert send(control, Action.NUMBER, 2)
    assert control.session.play.path[-1].choice == 1  # type: ignore[union-attr]


def test_votes_for_another_question_or_out_of_range_are_ignored() -> None:
    control = _story(None)
    question = current_question(control.session)
    assert question is not None
    stale = PhoneVote("s.other.step.0", "phone-a-000000000001", 0)
    wrong = PhoneVote(question.id, "phone-b-000000000001", 9)
    assert not control.send(Command(Action.VOTES, votes=(stale, wrong)))
    room = control.view().room
    assert room is not None and room.total == 0
    send(control, Action.NUMBER, 1)  # the room moves on: the step's question is closed
    assert not control.send(Command(Action.VOTES, votes=(
        PhoneVote(question.id, "phone-c-000000000001", 0),)))


def test_each_team_takes_its_phones_most_common_degree_keys_win_ties_wait(
        tmp_path: Path) -> None:
    control = controller(tmp_path)
    set_up(control)  # Lions and Tigers
    send(control, Action.NUMBER, 2)  # the deck
    assert control.screen is ScreenKind.CARD
    _votes(control, [3, 3, 1], team=0)
    _votes(control, [2, 4], team=1)  # a tie
    assert send(control, Action.CONTINUE)  # the reveal of the room's votes
    ratings = control.session.current_ratings()
    assert ratings == (2, None)
    notice = control.take_notice()
    assert notice is not None and notice.key == "phones_tied" and "Tigers" in notice.name
    assert send(control, Action.NUMBER, 4)  # the facilitator decides the tie
    assert control.session.current_ratings() == (2, 3)
    assert send(control, Action.CONTINUE)
    assert control.screen is ScreenKind.REVEAL
    reveal = next(e for e in _log(tmp_path) if e["type"] == "votes_revealed")
    assert reveal["teams"] == {"Lions": [1, 0, 2, 0], "Tigers": [0, 1, 0, 1]}


def test_a_key_pressed_for_a_team_before_the_reveal_is_kept(tmp_path: Path) -> None:
    control = controller(None)
    set_up(control)
    send(control, Action.NUMBER, 2)
    send(control, Action.NUMBER, 1)  # Lions by key: degree 1
    _votes(control, [4, 4], team=0)
    _votes(control, [2], team=1)
    send(control, Action.CONTINUE)
    assert control.session.current_ratings() == (0, 1)


def test_a_resumed_session_has_the_counts_and_a_changed_vote_is_not_counted_twice(
        tmp_path: Path) -> None:
    first = _story(tmp_path)
    first.send(Command(Action.ROOM_OPENED, text="ACDE"))
    _votes(first, [1, 2, 2])
    before = first.view().room
    first.close()  # the crash
    second = controller(tmp_path)
    send(second, Action.CONFIRM)  # resume
    assert second.screen is ScreenKind.STEP
    after = second.view().room
    assert after is not None and before is not None and after.counts == before.counts
    assert second.session.room_code == "ACDE"  # the same room: its phones rejoin by themselves
    question = current_question(second.session)
    assert question is not None
    # The phone that voted 2 changes to 1 after the restart, saying what it had.
    second.send(Command(Action.VOTES, votes=(
        PhoneVote(question.id, "phone-new-token-0001", 0, None, 1),)))
    room = second.view().room
    assert room is not None and room.counts[:2] == (2, 1) and room.total == 3
