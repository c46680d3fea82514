"""A synthetic session log of the format-example pack, with known totals, for the tests.

The room (teams Lions and Eagles, 24 participants) plays the story job-offer-istanbul,
changes its mind once (undo), then the deck safe-or-risky:

story: offer -> choice 2 (degree 1), contract -> choice 2 (degree 2): 1 risk point,
       safest path 0, riskiest 6, ending safe.
cards: card 1 pack 4: Lions 4 (+2), Eagles 3 (+1)
       card 2 pack 1: Lions 2 (+1), Eagles 4 (+0)
       card 3 pack 3: Lions 3 (+2), Eagles 3 (+2)   -> Lions 5, Eagles 3
Numbers as the log writes them (version 2): from 1, as on screen.
Started 2024-05-14 10:00 (+05:00), ended 11:05: 65 minutes.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from typing import Any

from game.core.eventlog import EventLog

PACK = "tests/packs/format-example"  # as the game logs it, relative to where it ran
START = datetime(2024, 5, 14, 10, 0, 0, tzinfo=timezone(timedelta(hours=5)))


def clock_from(start: datetime, step: timedelta) -> Iterator[datetime]:
    moment = start
    while True:
        yield moment
        moment += step


def fixed_clock(times: list[datetime]) -> Any:
    it = iter(times)
    return lambda: next(it)


def sample_commands(*, pack_title: str = "Degrees of Risk", pack: str = PACK,
                    story_title: str = "A job offer in Istanbul",
                    teams: tuple[str, ...] = ("Lions", "Eagles"),
                    language: str = "en", end: bool = True) -> list[dict[str, Any]]:
    """The session's events without v and t, in order."""
    a, b = teams
    events: list[dict[str, Any]] = [
        {"type": "session_start", "pack": pack, "pack_title": pack_title, "language": language,
         "languages": ["en", "ru"], "participants": 24, "teams": list(teams),
         "place": "Youth centre, Mary"},
        {"type": "advance", "screen": "title"},
        {"type": "scenario_start", "scenario": "job-offer-istanbul", "kind": "story",
         "title": story_title, "step": None},
        # A wrong key: choice 1 (Danger), undone, then choice 2. Degrees, choices, cards
        # and teams are numbered from 1, as on screen (docs/session-log.md).
        {"type": "choice", "scenario": "job-offer-istanbul", "step": "offer", "choice": 1,
         "degree": 4, "label": "Danger", "next": "ticket",
         "signs": ["unknown-recruiter", "passport-kept"]},
        {"type": "undo", "screen": "feedback"},
        {"type": "choice", "scenario": "job-offer-istanbul", "step": "offer", "choice": 2,
         "degree": 1, "label": "Safe", "next": "contract", "signs": []},
        {"type": "advance", "screen": "feedback"},
        {"type": "choice", "scenario": "job-offer-istanbul", "step": "contract", "choice": 2,
         "degree": 2, "label": "Some risk", "next": "home-safe", "signs": []},
        {"type": "advance", "screen": "feedback"},
        {"type": "advance", "screen": "ending"},
        {"type": "advance", "screen": "debrief-path"},
        {"type": "advance", "screen": "debrief-questions"},
        {"type": "scenario_end", "scenario": "job-offer-istanbul", "kind": "story",
         "title": story_title, "outcome": "safe", "total": 1, "safest": 0, "riskiest": 6,
         "path": [{"step": "offer", "choice": 2, "degree": 1},
                  {"step": "contract", "choice": 2, "degree": 2}],
         "signs": [], "team_scores": {a: 0, b: 0}},
        {"type": "advance", "screen": "debrief-help"},
        {"type": "scenario_start", "scenario": "safe-or-risky", "kind": "cards",
         "title": "Safe or risky?", "step": None},
    ]
    cards = [(4, 4, 3, 2, 1), (1, 2, 4, 1, 0), (3, 3, 3, 2, 2)]
    for number, (pack_degree, ra, rb, pa, pb) in enumerate(cards, start=1):
        events += [
            {"type": "rating", "scenario": "safe-or-risky", "card": number, "team": 1,
             "team_name": a, "degree": ra},
            {"type": "rating", "scenario": "safe-or-risky", "card": number, "team": 2,
             "team_name": b, "degree": rb},
            {"type": "advance", "screen": "rating"},
            {"type": "reveal", "scenario": "safe-or-risky", "card": number,
             "degree": pack_degree, "ratings": {a: ra, b: rb}, "points": {a: pa, b: pb}},
            {"type": "advance", "screen": "reveal"},
            {"type": "advance", "screen": "scoreboard"},
        ]
    events += [
        {"type": "advance", "screen": "debrief-path"},
        {"type": "advance", "screen": "debrief-sign"},
        {"type": "advance", "screen": "debrief-sign"},
        {"type": "advance", "screen": "debrief-questions"},
        {"type": "scenario_end", "scenario": "safe-or-risky", "kind": "cards",
         "title": "Safe or risky?",
         "cards": [{"card": n, "degree": d, "ratings": {a: ra, b: rb}}
                   for n, (d, ra, rb, _, _) in enumerate(cards, start=1)],
         "signs": ["passport-kept", "unknown-recruiter"], "team_scores": {a: 5, b: 3}},
        {"type": "advance", "screen": "debrief-help"},
    ]
    if end:
        events.append({"type": "session_end", "duration_s": 3900,
                       "team_scores": {a: 5, b: 3},
                       "scenarios": ["job-offer-istanbul", "safe-or-risky"]})
    return events


def sample_events(**options: Any) -> list[dict[str, Any]]:
    """The session's events as the log holds them (v and t added): 10:00 to 11:05."""
    commands = sample_commands(**options)
    last = len(commands) - 1
    times = [START + timedelta(seconds=round(3900 * i / last)) for i in range(len(commands))]
    log = EventLog(None, clock=fixed_clock(times))
    for command in commands:
        log.record(command)
    return log.events
