"""What the room is asked now, derived from the session: the `Question` the phones show.

A story step asks for one of its choices; a card (while it is being rated) asks for a
degree of the pack's risk scale, with the projector's numbers, labels and colours.
Each appearance of a step or card has its own id, so a vote sent for a screen the
room has left is told apart and ignored. The same question stays published, closed,
while the projector shows what came of it (the feedback, the reveal), so a phone
shows "the answers are shown" rather than going blank.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

from game.core.model import Text
from game.core.pack import Pack
from game.core.palette import ink_on, risk_hex
from game.core.session import DeckPlay, ScreenKind, Session, StoryPlay
from game.core.votes import Option, Question, RoomSummary, RoomVotes, summarize

_SAFE = re.compile(r"[a-z0-9-]{1,40}")
_OPEN = (ScreenKind.STEP, ScreenKind.CARD, ScreenKind.RATING)


def _part(name: str) -> str:
    # Ids go over the wire and back: anything unusual becomes a short hash of itself.
    return name if _SAFE.fullmatch(name) else "h" + hashlib.sha1(name.encode()).hexdigest()[:10]


def _texts(pack: Pack, text: Text) -> dict[str, str]:
    return {lang: pack.text(text, lang) for lang in pack.languages}


def question_id(session: Session) -> str | None:
    """The id of the question on screen now (open or just closed), None when none is."""
    play, screen = session.play, session.screen
    if isinstance(play, StoryPlay):
        if screen is ScreenKind.STEP:
            return f"s.{_part(play.scenario)}.{_part(play.step)}.{len(play.path)}"
        if screen is ScreenKind.FEEDBACK and play.path:
            last = play.path[-1]
            return f"s.{_part(play.scenario)}.{_part(last.step)}.{len(play.path) - 1}"
        return None
    if isinstance(play, DeckPlay) and screen in (ScreenKind.CARD, ScreenKind.RATING,
                                                 ScreenKind.REVEAL, ScreenKind.SCOREBOARD):
        return f"c.{_part(play.scenario)}.{play.card + 1}"
    return None


def question_options(session: Session) -> int:
    """How many options the question on screen has (0 when there is none)."""
    question = current_question(session)
    return len(question.options) if question is not None else 0


def current_question(session: Session, revealed: Iterable[str] = ()) -> Question | None:
    """The question the phones show now; closed once revealed or once the room moved on to
    what came of it. None on every other screen."""
    qid = question_id(session)
    if qid is None:
        return None
    pack, play = session.pack, session.play
    is_open = session.screen in _OPEN and qid not in set(revealed)
    scenario = pack.scenarios[play.scenario] if play is not None else None
    title = _texts(pack, scenario.title) if scenario is not None else {}
    languages = tuple(pack.languages)
    if isinstance(play, StoryPlay):
        story = session.story
        step_id = play.step if session.screen is ScreenKind.STEP else play.path[-1].step
        step = story.steps.get(step_id) if story is not None else None
        if step is None or not step.choices:
            return None
        options = tuple(Option(i + 1, _texts(pack, c.text)) for i, c in enumerate(step.choices))
        return Question(qid, "choices", options, title, (), is_open, languages)
    scale = pack.info.risk_scale
    colours = risk_hex(len(scale))
    options = tuple(Option(i + 1, _texts(pack, d.label), colours[i], ink_on(colours[i]))
                    for i, d in enumerate(scale))
    return Question(qid, "scale", options, title, tuple(session.teams), is_open, languages)


def room_summary(session: Session, votes: RoomVotes) -> RoomSummary | None:
    """How the room voted on the question on screen now (None when there is none)."""
    question = current_question(session, votes.revealed)
    if question is None:
        return None
    tally = votes.tally(question.id, len(question.options))
    return summarize(question, tally, question.id in votes.revealed)
