"""The room's phones in the game: votes counted for the question on screen, the reveal, and
each team's degree taken from its phones. The controller calls these; the facilitator
always leads (nothing advances because votes arrived) and keys always win over phones.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from game.core.questions import current_question, room_summary
from game.core.session import DeckPlay, ScreenKind, Session, StoryPlay
from game.core.votes import PhoneVote, Question, RoomSummary


def _place(session: Session) -> dict[str, Any]:
    """Where the question is, for the log and the report: the scenario and its step or card."""
    play = session.play
    if isinstance(play, StoryPlay):
        step = play.step if session.screen is ScreenKind.STEP else play.path[-1].step
        return {"scenario": play.scenario, "step": step}
    if isinstance(play, DeckPlay):
        return {"scenario": play.scenario, "card": play.card + 1}
    return {}


def _counts(session: Session, question: Question) -> dict[str, Any]:
    tally = session.votes.tally(question.id, len(question.options))
    fields: dict[str, Any] = {"question": question.id, "counts": list(tally.room_counts())}
    if question.teams:
        fields["teams"] = {name: list(tally.counts(i)) for i, name in enumerate(question.teams)}
    return fields


def take_votes(session: Session, votes: Sequence[PhoneVote]) -> bool:
    """Count `votes` that are for the open question on screen (any other is ignored: a
    stale page, a revealed question); logs the question's counts once. True if one counted."""
    question = current_question(session, session.votes.revealed)
    if question is None or not question.open:
        return False
    book, counted = session.votes, False
    options = len(question.options)
    for vote in votes:
        if vote.question != question.id or not 0 <= vote.option < options:
            continue
        team = vote.team if question.teams else None
        if question.teams and (team is None or not 0 <= team < len(question.teams)):
            continue
        if team != vote.team:
            vote = PhoneVote(vote.question, vote.token, vote.option, team, vote.was)
        book = book.with_vote(vote, options)
        counted = True
    if counted:
        session.votes = book
        session.set_votes(book, "votes", **_place(session), **_counts(session, question))
    return counted


def summary(session: Session) -> RoomSummary | None:
    """How the room voted on the question on screen (None: no question)."""
    return room_summary(session, session.votes)


def reveal(session: Session) -> bool:
    """Show the room's votes on the question on screen and close its voting; False when
    there is no open question or no phone voted (then keys go on as without phones)."""
    found = summary(session)
    if found is None or found.revealed or found.total == 0:
        return False
    question = found.question
    session.set_votes(session.votes.reveal(question.id), "votes_revealed", **_place(session),
                      **_counts(session, question))
    return True


def team_degrees(session: Session) -> tuple[bool, list[str]]:
    """Give each team that has no degree yet its phones' most common one (with no teams the
    room's); returns whether any was given and the teams left to the facilitator (a tie)."""
    found = summary(session)
    play = session.play
    if found is None or not isinstance(play, DeckPlay):
        return False, []
    ratings = session.current_ratings()
    given, tied = False, []
    names = session.team_names
    tops = found.team_top if found.question.teams else (found.top,)
    for team, top in enumerate(tops[: len(names)]):
        if team < len(ratings) and ratings[team] is not None:
            continue  # a key was pressed for this team: keys win
        if len(top) == 1:
            given = session.rate(top[0], team) or given
        elif top:
            tied.append(names[team])
    return given, tied
