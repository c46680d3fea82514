"""Scoring and the session's flow, without a window: the numbers a room would see."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from game.core.pack import Pack, load_pack
from game.core.scoring import card_points, path_range
from game.core.session import ScreenKind, Session, replay

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "tests" / "packs" / "format-example"


@pytest.fixture(scope="module")
def pack() -> Pack:
    result = load_pack(EXAMPLE)
    assert result.pack is not None
    return result.pack


def test_card_points_reward_right_and_close_answers() -> None:
    assert [card_points(g, 2) for g in range(4)] == [0, 1, 2, 1]


def test_the_safest_and_riskiest_paths_of_a_story(pack: Pack) -> None:
    story = pack.scenarios["job-offer-istanbul"]
    span = path_range(story)  # type: ignore[arg-type]
    assert (span.safest, span.riskiest) == (0, 6)


def test_enter_enter_reaches_the_first_step_of_the_first_scenario(pack: Pack) -> None:
    session = Session(pack)
    assert session.screen is ScreenKind.TITLE
    session.advance()
    assert session.screen is ScreenKind.MENU
    session.start_scenario(session.scenario_ids[session.next_unplayed()])
    assert session.screen is ScreenKind.STEP
    assert session.play is not None and session.play.step == "offer"  # type: ignore[union-attr]


def test_a_story_path_scores_its_total_against_the_range(pack: Pack) -> None:
    session = Session(pack)
    session.start_scenario("job-offer-istanbul")
    assert session.choose(0)  # degree 3, to 'ticket'
    assert session.screen is ScreenKind.FEEDBACK
    assert session.advance() and session.screen is ScreenKind.STEP
    assert session.choose(1)  # degree 1, to 'helped'
    session.advance()
    assert session.screen is ScreenKind.ENDING
    result = session.story_result()
    assert result is not None
    assert (result.total, result.safest, result.riskiest, result.outcome) == (4, 0, 6, "helped")
    assert result.signs == ("unknown-recruiter", "passport-kept")


def test_debrief_screens_follow_the_ending_then_the_menu(pack: Pack) -> None:
    session = Session(pack)
    session.start_scenario("job-offer-istanbul")
    session.choose(0)
    session.advance()
    session.choose(1)
    session.advance()
    seen = []
    while session.advance():
        seen.append((session.screen, session.page))
    assert seen == [
        (ScreenKind.DEBRIEF_PATH, 0), (ScreenKind.DEBRIEF_SIGN, 0),  # one overview of both
        (ScreenKind.DEBRIEF_QUESTIONS, 0), (ScreenKind.DEBRIEF_HELP, 0), (ScreenKind.MENU, 0)]
    assert session.played() == ["job-offer-istanbul"]
    assert session.next_unplayed() == 1


def test_undo_takes_back_a_choice_and_a_step(pack: Pack) -> None:
    session = Session(pack)
    session.start_scenario("job-offer-istanbul")
    session.choose(0)
    session.advance()
    assert session.back() and session.screen is ScreenKind.FEEDBACK
    assert session.back() and session.screen is ScreenKind.STEP
    result = session.story_result()
    assert result is not None and result.path == ()
    session.choose(1)
    result = session.story_result()
    assert result is not None and result.total == 0


def test_choices_out_of_range_and_on_the_wrong_screen_do_nothing(pack: Pack) -> None:
    session = Session(pack)
    assert not session.choose(0)
    session.start_scenario("job-offer-istanbul")
    assert not session.choose(2)
    assert not session.choose(-1)
    assert not session.advance()  # the room must decide first
    assert session.screen is ScreenKind.STEP


def test_two_teams_rate_cards_and_score(pack: Pack) -> None:
    session = Session(pack, teams=["Eagles", "Owls"])
    session.start_scenario("safe-or-risky")
    assert session.rate(3)  # Eagles: exact on a degree-3 card
    assert session.rate(2)  # Owls: one away
    assert session.current_ratings() == (3, 2)
    session.advance()
    assert session.screen is ScreenKind.REVEAL
    assert session.team_scores() == [2, 1]
    session.advance()
    assert session.screen is ScreenKind.SCOREBOARD
    session.advance()
    assert session.screen is ScreenKind.CARD
    session.rate(0, team=1)  # Owls first: exact on a degree-0 card
    assert session.rate(3)  # then Eagles: three away
    session.advance()
    assert session.team_scores() == [2, 3]
    assert not session.rate(7)  # outside the scale
    session.back()
    session.back()
    assert session.team_scores() == [2, 1]  # the reveal is undone


def test_the_room_is_one_team_when_none_are_named(pack: Pack) -> None:
    session = Session(pack)
    session.start_scenario("safe-or-risky")
    session.rate(3)
    session.advance()
    assert session.team_scores() == [2]
    session.advance()
    assert session.screen is ScreenKind.CARD  # no scoreboard for a single team


def test_language_switch_is_kept_when_undoing(pack: Pack) -> None:
    session = Session(pack, language="en")
    session.start_scenario("job-offer-istanbul")
    session.choose(0)
    assert session.next_language() == "ru"
    session.back()
    assert session.language == "ru"


def test_replaying_the_journal_restores_the_exact_session(pack: Pack) -> None:
    events: list[dict[str, Any]] = []
    live = Session(pack, teams=["A", "B"], sink=events.append)
    live.begin()
    live.advance()
    live.start_scenario("job-offer-istanbul")
    live.choose(0)
    live.advance()
    live.choose(1)
    while live.advance():
        pass
    live.start_scenario("safe-or-risky")
    live.rate(3)
    live.rate(1)
    live.advance()
    live.back()
    live.rate(2, team=1)
    live.advance()
    restored = Session(pack, teams=["A", "B"])
    replay(restored, events)
    assert restored.state == live.state
    assert restored.team_scores() == live.team_scores() == [2, 1]
    assert restored.played() == ["job-offer-istanbul"]
    assert restored.back() and restored.screen is ScreenKind.RATING  # undo works after resume


def test_reload_keeps_the_place_when_the_step_still_exists(pack: Pack) -> None:
    session = Session(pack)
    session.start_scenario("job-offer-istanbul")
    session.choose(1)
    fresh = load_pack(EXAMPLE).pack
    assert fresh is not None
    session.reload(fresh)
    assert session.screen is ScreenKind.FEEDBACK


def test_end_session_summarises_and_logs(pack: Pack) -> None:
    events: list[dict[str, Any]] = []
    clock = iter([100.0, 160.0, 400.0]).__next__
    session = Session(pack, teams=["A"], sink=events.append, clock=clock)
    session.end_session()
    assert session.screen is ScreenKind.SUMMARY
    assert events[-1]["type"] == "session_end"
    assert events[-1]["duration_s"] == 60


def test_teams_changed_after_the_start_are_logged_and_replayed(pack: Pack) -> None:
    events: list[dict[str, Any]] = []
    live = Session(pack, teams=["A"], sink=events.append)
    live.configure(["A", "B"], 20)  # before the start: part of session_start, not logged
    assert events == []
    live.begin()
    live.configure(["Lions", "Tigers"], 22)
    assert events[-1] == {"type": "teams", "teams": ["Lions", "Tigers"], "participants": 22}
    restored = Session(pack, teams=["A", "B"], participants=20)
    replay(restored, events)
    assert (restored.teams, restored.participants) == (["Lions", "Tigers"], 22)
