"""Finding a session that did not end, saying where it stopped, and rebuilding it.

A session that did not end cleanly (a crash, a kill, a power cut) is offered on the
title screen. Declining it never deletes it: the log stays in the data folder, `report`
still finds it, and the title offers it again at the next start (as a choice, no longer
as the default, once a newer session has been played).
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from game.core.eventlog import EventLog, LogInfo, parse_time, read_log, session_logs
from game.core.pack import Pack
from game.core.session import DeckPlay, Session, StoryPlay, replay

LOOK_BACK = 20
"""How many of the newest logs are read for a session to offer (a start reads no more)."""


@dataclass(frozen=True)
class Stop:
    """Where a session stopped: its scenario (title in the session's language), the step
    (the n-th choice to make) or the card (n of m), and the time of its last event."""

    scenario: str | None
    step: int | None
    card: int | None
    cards: int | None
    when: str


@dataclass(frozen=True)
class ResumeOffer:
    """A session that did not end, found on disk.

    `pack` is its pack's title and `when` its start (local time); `stop` where it
    stopped; `recent` is True when it is the newest session of the data folder (then
    Enter resumes it), False for an older one that was declined (offered, not default).
    """

    info: LogInfo
    pack: str
    when: str
    stop: Stop
    recent: bool


def local_time(moment: datetime | None) -> str:
    """A log's time as the title screen names it: local date and time to the minute."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment is not None else "?"


def _info(path: Path) -> LogInfo | None:
    try:
        read = read_log(path)
    except OSError:
        return None
    start = read.start
    if start is None:
        return None  # a corrupt file, or one torn before its first event: not a session
    title, pack, language = start.get("pack_title"), start.get("pack"), start.get("language")
    return LogInfo(path=path, pack=pack if isinstance(pack, str) else None,
                   pack_title=title if isinstance(title, str) else "",
                   language=language if isinstance(language, str) else None,
                   started=parse_time(start.get("t")),
                   last_event=parse_time(read.events[-1].get("t")),
                   events=read.events, skipped_lines=read.skipped_lines)


def find_offer(data_dir: Path, pack: Pack,
               note: Callable[[str], None] = lambda _: None) -> ResumeOffer | None:
    """The session to offer: the newest of `pack` among the newest logs that did not end.

    Only a session of the pack being played is offered (same folder once resolved): its
    steps and cards are what the log's places refer to. When the newest session of all
    is another pack's and did not end, `note` is told how to resume it. Never raises.
    """
    try:
        paths = session_logs(data_dir)[:LOOK_BACK]
    except Exception:  # a folder the game cannot read must not stop the game
        traceback.print_exc()
        return None
    for position, path in enumerate(paths):
        info = _info(path)
        if info is None or info.ended_cleanly:
            continue
        if not _same_folder(info.pack, pack.folder):
            if position == 0:
                note(f"note: the last session ({info.pack_title or '?'}, "
                     f"{local_time(info.started or info.last_event)}) did not end cleanly; "
                     f"it played another pack ({info.pack}). Start the game with "
                     f"--pack {info.pack} to resume it.")
            continue
        try:
            stop = where_it_stopped(pack, info)
        except Exception:  # a log that cannot be replayed is still offered
            traceback.print_exc()
            stop = Stop(None, None, None, None, local_time(info.last_event))
        return ResumeOffer(info, info.pack_title or pack.text(pack.info.title, ""),
                           local_time(info.started or info.last_event), stop, position == 0)
    return None


def where_it_stopped(pack: Pack, info: LogInfo) -> Stop:
    """Replay the log in memory only and name the scenario, the step or card, the time."""
    session = rebuilt_session(pack, info.events)
    when = local_time(info.last_event)
    play = session.play
    if play is None:
        return Stop(None, None, None, None, when)
    title = pack.text(pack.scenarios[play.scenario].title, session.language)
    if isinstance(play, StoryPlay):
        return Stop(title, len(play.path) + 1, None, None, when)
    assert isinstance(play, DeckPlay)
    deck = session.deck
    return Stop(title, None, play.card + 1, len(deck.cards) if deck else None, when)


def rebuilt_session(pack: Pack, events: list[dict[str, object]],
                    sink: Callable[[dict[str, object]], None] | None = None) -> Session:
    """The session of a log rebuilt exactly: teams, participants and language from its
    session_start, then every command replayed. It has begun (its start is logged)."""
    start = next((e for e in events if e.get("type") == "session_start"), {})
    teams, people = start.get("teams"), start.get("participants")
    language, place = start.get("language"), start.get("place")
    session = Session(
        pack, teams=[t for t in teams if isinstance(t, str)] if isinstance(teams, list) else [],
        participants=people if isinstance(people, int) and not isinstance(people, bool)
        else None,
        language=language if isinstance(language, str) else "",
        place=place if isinstance(place, str) else None, sink=sink)
    # Who ran it, as at the start (a later `details` event is replayed like any command).
    organisation, facilitator = start.get("organisation"), start.get("facilitator")
    session.organisation = organisation if isinstance(organisation, str) else None
    session.facilitator = facilitator if isinstance(facilitator, str) else None
    session.begun = True
    replay(session, events)
    started = parse_time(start.get("t"))
    if started is not None:
        session.started_at = started.timestamp()  # the duration counts from the real start
    return session


def resume(pack: Pack, info: LogInfo) -> tuple[Session, EventLog]:
    """Rebuild the session of `info` and open its log to go on writing the same file."""
    log = EventLog.resume(info.path)
    try:
        if not log.events:  # the file could not be read again: what was read at start
            log.events = list(info.events)
        session = rebuilt_session(pack, log.events)
    except BaseException:
        log.close()
        raise
    return session, log


def _same_folder(logged: str | None, folder: Path) -> bool:
    if not logged:
        return False
    try:
        return Path(logged).resolve() == folder.resolve()
    except (OSError, ValueError, RuntimeError):
        return False
