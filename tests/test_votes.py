"""The room's tallies: one vote per phone per question, changeable, counted per team."""

from __future__ import annotations

from game.core.votes import (
    Option,
    PhoneVote,
    Question,
    RoomVotes,
    Tally,
    most_common,
    shares,
    summarize,
)


def test_a_phone_has_one_vote_and_may_change_it() -> None:
    tally = Tally(3).vote("phone-a", 0).vote("phone-b", 2).vote("phone-a", 2)
    assert tally.room_counts() == (0, 0, 2)
    assert tally.total == 2


def test_a_vote_out_of_range_is_not_counted() -> None:
    tally = Tally(3).vote("phone-a", 3).vote("phone-b", -1)
    assert tally.room_counts() == (0, 0, 0)


def test_votes_are_counted_per_team_and_for_the_whole_room() -> None:
    tally = (Tally(4).vote("a", 1, team=0).vote("b", 1, team=0).vote("c", 3, team=1)
             .vote("d", 2, team=1))
    assert tally.counts(0) == (0, 2, 0, 0)
    assert tally.counts(1) == (0, 0, 1, 1)
    assert tally.room_counts() == (0, 2, 1, 1)
    assert tally.teams_counts() == {0: (0, 2, 0, 0), 1: (0, 0, 1, 1)}


def test_most_common_names_every_option_of_a_tie_and_none_without_votes() -> None:
    assert most_common((0, 3, 1)) == (1,)
    assert most_common((2, 0, 2)) == (0, 2)
    assert most_common((0, 0, 0)) == ()


def test_shares_are_whole_percentages_that_sum_to_100() -> None:
    assert shares((1, 1, 1)) == (34, 33, 33)
    assert shares((5, 3, 0)) == (63, 37, 0)
    assert shares((0, 0)) == (0, 0)


def test_restored_counts_count_and_a_phone_that_says_what_it_had_takes_it_back() -> None:
    # After a crash the log gives counts only; a phone changing its vote must not count twice.
    tally = Tally(3).restored({None: (2, 1)})
    assert tally.room_counts() == (2, 1, 0)
    changed = tally.vote("phone-a", 2, was=0)
    assert changed.room_counts() == (1, 1, 1)
    again = changed.vote("phone-a", 1, was=0)  # now known: its ballot moves, nothing else
    assert again.room_counts() == (1, 2, 0)


def test_a_claim_of_a_vote_that_was_never_carried_takes_nothing() -> None:
    tally = Tally(3).restored({None: (0, 1, 0)}).vote("phone-a", 1, was=0)
    assert tally.room_counts() == (0, 2, 0)


def test_a_revealed_question_takes_no_more_votes() -> None:
    book = RoomVotes().with_vote(PhoneVote("q1", "a", 0), 2).reveal("q1")
    later = book.with_vote(PhoneVote("q1", "b", 1), 2).with_vote(PhoneVote("q1", "a", 1), 2)
    assert later.tally("q1", 2).room_counts() == (1, 0)
    assert later.with_vote(PhoneVote("q2", "a", 1), 2).tally("q2", 2).room_counts() == (0, 1)


def test_logged_counts_restore_a_question_s_tally() -> None:
    book = RoomVotes().with_counts("q1", 3, {0: (1, 2, 0), 1: (0, 0, 4)})
    assert book.tally("q1", 3).counts(1) == (0, 0, 4)
    assert book.tally("q1", 3).room_counts() == (1, 2, 4)


def test_a_summary_gives_the_room_s_and_each_team_s_most_common_vote() -> None:
    question = Question("c.deck.1", "scale", tuple(Option(i, {"en": str(i)}) for i in (1, 2, 3)),
                        teams=("Red", "Blue"))
    tally = (Tally(3).vote("a", 0, 0).vote("b", 0, 0).vote("c", 1, 1).vote("d", 2, 1)
             .vote("e", 2, 0))
    summary = summarize(question, tally, revealed=True)
    assert summary.counts == (2, 1, 2) and summary.total == 5
    assert summary.shares == (40, 20, 40)
    assert summary.top == (0, 2)
    assert summary.team_top == ((0,), (1, 2))  # Blue is a tie: the facilitator decides
