"""What is on screen now, as plain immutable data that any front end can draw.

The pygame window, a presenter window, the phones' page and the tests read the same
`View`: the kind of screen, the pack's texts in the session's language, the choices
with the numbers the room says, the risk scale, the teams with their ratings and
points, the cursors a clicker moves. Overlays (help, pause, a blank screen) are a
front end's own and are not part of it. The program's own words (headings, hints) are
the front end's: it knows them from the screen kind.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from game.core.model import Deck, Story, Text
from game.core.questions import room_summary
from game.core.session import DeckPlay, ScreenKind, Session, StoryPlay
from game.core.title import TitleRow
from game.core.votes import RoomSummary

if TYPE_CHECKING:
    from game.core.controller import Controller


@dataclass(frozen=True)
class Item:
    """A numbered thing the room can pick: a choice, a menu entry (number from 1)."""

    number: int
    text: str
    done: bool = False


@dataclass(frozen=True)
class Degree:
    """One degree of the risk scale, numbered as the room sees it (from 1)."""

    number: int
    label: str


@dataclass(frozen=True)
class Team:
    """A team (or the whole room): its points so far and its rating of the current card."""

    number: int
    name: str
    points: int
    rating: int | None = None
    """The degree it gave the current card (from 1), None until entered."""
    card_points: int | None = None
    """What the current card gave it, once revealed."""


@dataclass(frozen=True)
class TitleLine:
    """One option row of the title screen and its value as typed or chosen."""

    row: str
    value: str
    team: int = 0


@dataclass(frozen=True)
class View:
    """The screen now. Numbers are as shown on screen: choices, degrees, cards from 1."""

    screen: ScreenKind
    language: str
    languages: tuple[str, ...]
    pack_title: str
    scenario: str | None = None
    scenario_title: str = ""
    texts: tuple[str, ...] = ()
    """The pack's texts of this screen, top to bottom (a step's text, a card's, feedback)."""
    items: tuple[Item, ...] = ()
    """What can be picked by number: a step's choices, the menu's scenarios (then the
    session's end as the last entry)."""
    cursor: int | None = None
    """The highlighted item (from 0): the clicker's choice, the menu entry, the title row,
    the team being rated."""
    scale: tuple[Degree, ...] = ()
    degree: int | None = None
    """The degree shown: of the choice taken (feedback) or the pack's for a revealed card."""
    teams: tuple[Team, ...] = ()
    card: int | None = None
    cards: int | None = None
    step: int | None = None
    """Which choice of the story this is (from 1)."""
    path: tuple[tuple[str, int, int], ...] = ()
    """The story's path so far: (choice text, choice number, degree number)."""
    risk: tuple[int, int, int] | None = None
    """The path's risk points, the safest and the riskiest possible."""
    outcome: str | None = None
    signs: tuple[str, ...] = ()
    """Titles of the warning signs this screen shows (met on the path, or the one open)."""
    title_lines: tuple[TitleLine, ...] = ()
    resume: str | None = None
    """The session offered for resume: its pack, start time, and where it stopped."""
    played: tuple[str, ...] = ()
    report: str | None = None
    room: RoomSummary | None = None
    """How the room's phones voted on the question on screen (None: no question). Front
    ends show only `room.total` until `room.revealed`, so nobody follows the crowd."""


def describe(controller: Controller) -> View:
    """The view of `controller`'s session now (never changes anything)."""
    session = controller.session
    pack, lang = session.pack, session.language
    text = pack.text
    screen = session.screen
    scale = tuple(Degree(i + 1, text(d.label, lang)) for i, d in enumerate(pack.info.risk_scale))
    scores = session.team_scores()
    base = dict(screen=screen, language=lang, languages=tuple(pack.languages),
                pack_title=text(pack.info.title, lang), scale=scale,
                played=tuple(text(pack.scenarios[r.scenario].title, lang)
                             for r in session.state.finished if r.scenario in pack.scenarios),
                room=room_summary(session, session.votes))
    teams = tuple(Team(i + 1, name, scores[i] if i < len(scores) else 0)
                  for i, name in enumerate(session.team_names))
    play = session.play
    if play is not None and play.scenario in pack.scenarios:
        scenario = pack.scenarios[play.scenario]
        base.update(scenario=play.scenario, scenario_title=text(scenario.title, lang))
    if screen is ScreenKind.TITLE:
        opts = controller.title
        values = {TitleRow.LANGUAGE: lang, TitleRow.PARTICIPANTS: opts.participants,
                  TitleRow.TEAMS: str(opts.team_count)}
        typed = {TitleRow.TEAM_NAME: opts.team_names, TitleRow.DETAIL: opts.details}
        lines = tuple(TitleLine(row.value, typed[row][i] if row in typed
                                else values.get(row, ""), i) for row, i in opts.rows())
        offer = controller.offer
        resume = None
        if offer is not None:
            stop = offer.stop
            where = stop.scenario or ""
            if stop.step is not None:
                where += f", step {stop.step}"
            elif stop.card is not None:
                where += f", card {stop.card}/{stop.cards}"
            resume = f"{offer.pack}, {offer.when} – {where} ({stop.when})".replace(" – (", " (")
        return View(**base, title_lines=lines, cursor=opts.cursor,  # type: ignore[arg-type]
                    resume=resume, teams=teams)
    if screen is ScreenKind.MENU:
        done = set(session.played())
        items = [Item(i + 1, text(pack.scenarios[sid].title, lang), sid in done)
                 for i, sid in enumerate(session.scenario_ids)]
        items.append(Item(len(items) + 1, ""))  # the session's end: the front end's words
        return View(**base, items=tuple(items), cursor=controller.menu_cursor,  # type: ignore[arg-type]
                    teams=teams)
    if screen is ScreenKind.SUMMARY:
        report = str(controller.report_path) if controller.report_path else None
        return View(**base, teams=teams, report=report)  # type: ignore[arg-type]
    story, deck = session.story, session.deck
    if isinstance(play, StoryPlay) and isinstance(story, Story):
        return View(**base, **_story(session, story, play, lang),  # type: ignore[arg-type]
                    cursor=controller.choice_cursor if screen is ScreenKind.STEP else None,
                    teams=teams)
    if isinstance(play, DeckPlay) and isinstance(deck, Deck):
        return View(**base, **_deck(session, deck, play, teams, lang))  # type: ignore[arg-type]
    return View(**base, teams=teams)  # type: ignore[arg-type]


def _signs(session: Session, ids: tuple[str, ...], lang: str) -> tuple[str, ...]:
    pack = session.pack
    return tuple(pack.text(pack.signs[s].title, lang) for s in ids if s in pack.signs)


def _story(session: Session, story: Story, play: StoryPlay, lang: str) -> dict[str, object]:
    text, screen = session.pack.text, session.screen
    step = story.steps[play.step]
    result = session.story_result()
    fields: dict[str, object] = {"step": len(play.path) + 1}
    if result is not None:
        fields["path"] = tuple(
            (text((story.steps[e.step].choices or [])[e.choice].text, lang), e.choice + 1,
             e.degree + 1) for e in result.path)
        fields["risk"] = (result.total, result.safest, result.riskiest)
        fields["outcome"] = result.outcome
    if screen is ScreenKind.STEP:
        fields["texts"] = (text(step.text, lang),)
        fields["items"] = tuple(Item(i + 1, text(c.text, lang))
                                for i, c in enumerate(step.choices or []))
    elif screen is ScreenKind.FEEDBACK and play.path:
        last = play.path[-1]
        choice = (story.steps[last.step].choices or [])[last.choice]
        fields.update(texts=(text(choice.text, lang), text(choice.feedback, lang)),
                      degree=last.degree + 1, step=len(play.path),
                      signs=_signs(session, tuple(choice.signs), lang))
    elif screen is ScreenKind.ENDING:
        fields["texts"] = (text(step.text, lang),)
    else:
        fields.update(_debrief(session, story.questions, lang))
    return fields


def _deck(session: Session, deck: Deck, play: DeckPlay, teams: tuple[Team, ...],
          lang: str) -> dict[str, object]:
    text, screen = session.pack.text, session.screen
    fields: dict[str, object] = {"card": play.card + 1, "cards": len(deck.cards)}
    ratings = session.current_ratings()
    result = session.deck_result()
    revealed = None
    if result is not None and result.cards and result.cards[-1].card == play.card:
        revealed = result.cards[-1]
    fields["teams"] = tuple(
        Team(t.number, t.name, t.points,
             None if i >= len(ratings) or ratings[i] is None else (ratings[i] or 0) + 1,
             revealed.points[i] if revealed is not None and i < len(revealed.points) else None)
        for i, t in enumerate(teams))
    card = deck.cards[play.card] if play.card < len(deck.cards) else None
    if screen in (ScreenKind.CARD, ScreenKind.RATING) and card is not None:
        fields["texts"] = (text(card.text, lang),)
        if screen is ScreenKind.RATING:
            fields["cursor"] = play.team
    elif screen is ScreenKind.REVEAL and card is not None:
        fields.update(texts=(text(card.text, lang), text(card.explanation, lang)),
                      degree=card.risk + 1, signs=_signs(session, tuple(card.signs), lang))
    elif screen is ScreenKind.SCOREBOARD:
        pass
    else:
        fields.update(_debrief(session, deck.questions, lang))
    return fields


def _debrief(session: Session, questions: list[Text], lang: str) -> dict[str, object]:
    pack, screen = session.pack, session.screen
    met = session.signs_met()
    if screen is ScreenKind.DEBRIEF_SIGN:  # the overview: every sign and what to do
        return {"signs": _signs(session, met, lang),
                "texts": tuple(pack.text(pack.signs[s].advice, lang) for s in met
                               if s in pack.signs)}
    if screen is ScreenKind.DEBRIEF_QUESTIONS:
        return {"texts": tuple(pack.text(q, lang) for q in questions)}
    if screen is ScreenKind.DEBRIEF_HELP:
        return {"texts": tuple(f"{pack.text(c.name, lang)}: {c.contact}"
                               for c in pack.info.help)}
    return {"signs": _signs(session, met, lang)}
