"""The one owner of a session's life: commands in, a plain description of the screen out.

Front ends (the pygame window, tests, later the phones' server and a presenter window)
are equal clients: they `send` commands (`game.core.commands`) and draw `view()`. They
never call `Session` themselves. The controller also owns what surrounds the session:
the title's options, the cursors that a clicker moves, recording to the session log,
the offer to resume a session that did not end, and the report written on the
end-of-session event (never while a frame is drawn).
"""

from __future__ import annotations

import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from game.core import roomplay
from game.core.commands import TITLE_ONLY, Action, Command
from game.core.event_details import EventDetails, load_details, save_details
from game.core.eventlog import EventLog
from game.core.pack import Pack
from game.core.recorder import SessionRecorder
from game.core.resume import ResumeOffer, find_offer, resume
from game.core.session import ScreenKind, Session, State, StoryPlay
from game.core.title import TitleOptions, TitleRow, digits_only

if TYPE_CHECKING:
    from game.core.view import View

TeamName = Callable[[int, str], str]
"""The default name of team n (from 1) in a language: the front end's wording."""


def _team_n(n: int, lang: str) -> str:
    return f"Team {n}"


@dataclass(frozen=True)
class Notice:
    """Something the facilitator should read in the footer: a wording key of the front
    end (`resume_failed`, `log_not_saved`, `report_kept`...), the file it is about (the
    wording's `{name}`) and, for the terminal, the full detail."""

    key: str
    detail: str = ""
    name: str = ""


class Controller:
    """Carries out commands on one session and describes what is on screen."""

    def __init__(self, session: Session, *, recorder: SessionRecorder | None = None,
                 data_dir: Path | None = None, offer: ResumeOffer | None = None,
                 team_name: TeamName = _team_n,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.session = session
        self.recorder = recorder
        if recorder is not None and session.sink is None:
            session.sink = recorder
        self.data_dir = data_dir
        """Where the event report is written at the end (None: no report, e.g. a preview)."""
        self.team_name = team_name
        self.clock = clock
        self.title = TitleOptions()
        self.menu_cursor = 0
        self.choice_cursor: int | None = None
        """The choice a clicker has highlighted on a story step (None: none yet)."""
        self.offer: ResumeOffer | None = None
        self.report_path: Path | None = None
        """The event report written when the session reached its summary."""
        self.report_error: tuple[Path, str] | None = None
        """Where the event report could not be written and why, for the summary."""
        self.log_warning: str | None = None
        self.notices: list[Notice] = []
        self._seen: State | None = session.state
        self.set_offer(offer)

    # ----------------------------------------------------------- building
    @classmethod
    def for_pack(cls, pack: Pack, *, language: str | None = None,
                 data_dir: Path | None = None, preview: bool = False,
                 team_name: TeamName = _team_n,
                 clock: Callable[[], float] = time.monotonic) -> Controller:
        """A new session of `pack` with its log under `data_dir` (memory only for a preview
        or without a folder) and the offer to resume a session of it that did not end."""
        disk = None if preview else data_dir
        recorder = SessionRecorder(EventLog(disk))
        session = Session(pack, language=language or "", sink=recorder)
        offer = None
        if disk is not None:
            offer = find_offer(disk, pack, note=lambda text: print(text, file=sys.stderr))
        controller = cls(session, recorder=recorder, data_dir=disk, offer=offer,
                         team_name=team_name, clock=clock)
        if disk is not None:  # last time's organisation, place and facilitator, to confirm
            remembered = load_details(disk)
            controller.title.details = [remembered.organisation, remembered.place,
                                        remembered.facilitator]
        return controller

    def set_offer(self, offer: ResumeOffer | None) -> None:
        """Offer `offer` on the title (None: no offer); Enter resumes a recent one."""
        self.offer = offer
        self.title.offer = offer is not None
        self.title.cursor = 0 if offer is not None and offer.recent else (
            self.title.index_of(TitleRow.START))

    # ------------------------------------------------------------ queries
    @property
    def screen(self) -> ScreenKind:
        """The session's screen."""
        return self.session.screen

    def view(self) -> View:
        """What is on screen now, as plain immutable data in the session's language."""
        from game.core.view import describe  # only front ends that read views pay for it

        return describe(self)

    def take_notice(self) -> Notice | None:
        """The oldest notice not yet shown, once."""
        return self.notices.pop(0) if self.notices else None

    # ------------------------------------------------------------ commands
    def send(self, command: Command) -> bool:
        """Carry out `command` where the room is now; True when it changed something.

        Commands that mean nothing here are ignored. The bookkeeping after it (the log's
        first line, the report on the session's end, the log's warning) never raises.
        """
        try:
            changed = self._carry_out(command)
        finally:
            self._after()
        return changed

    def _carry_out(self, command: Command) -> bool:
        session, action = self.session, command.action
        screen = session.screen
        if action is Action.VOTES:
            return roomplay.take_votes(session, command.votes)
        if action is Action.ROOM_OPENED:
            return session.open_room(command.text)
        if action is Action.LANGUAGE:
            before = session.language
            return session.next_language() != before
        if action is Action.SET_LANGUAGE:
            return session.set_language(command.text)
        if action is Action.TO_MENU:
            return session.to_menu()
        if action is Action.END_SESSION:
            return session.end_session()
        if screen is ScreenKind.TITLE:
            return self._title(command)
        if action in TITLE_ONLY:
            return False
        if action is Action.CONFIRM and screen is not ScreenKind.STEP:
            action = Action.CONTINUE
        if screen is ScreenKind.MENU:
            return self._menu(action, command.number)
        if screen is ScreenKind.STEP:
            handled = self._step(action, command.number)
            if handled is not None:
                return handled
        if screen in (ScreenKind.CARD, ScreenKind.RATING):
            handled = self._cards(action, command.number)
            if handled is not None:
                return handled
        if action is Action.CONTINUE:
            return session.advance()
        if action is Action.BACK:
            return session.back()
        return False

    def _title(self, command: Command) -> bool:
        opts, action = self.title, command.action
        row, team = opts.row()
        count = len(opts.rows())
        if action is Action.UP:
            opts.cursor = (opts.cursor - 1) % count
        elif action is Action.DOWN:
            opts.cursor = (opts.cursor + 1) % count
        elif action is Action.SELECT:
            opts.cursor = max(0, min(count - 1, command.number))
        elif action is Action.ADJUST:
            return self._adjust(row, command.number)
        elif action is Action.TYPE:
            if row is TitleRow.PARTICIPANTS:
                digits = digits_only(command.text)
                opts.participants = (opts.participants + digits)[:4]
                return bool(digits)
            if row is TitleRow.TEAM_NAME:
                return opts.set_team_name(team, opts.team_names[team] + command.text)
            if row is TitleRow.DETAIL:
                return opts.set_detail(team, opts.details[team] + command.text)
            return False
        elif action is Action.ERASE:
            if row is TitleRow.PARTICIPANTS:
                opts.participants = opts.participants[:-1]
            elif row is TitleRow.TEAM_NAME:
                opts.team_names[team] = opts.team_names[team][:-1]
            elif row is TitleRow.DETAIL:
                opts.details[team] = opts.details[team][:-1]
            else:
                return False
        elif action is Action.NEXT_FIELD:
            # Enter in a name goes on to the next name of the same kind; after the last one
            # back to "start", so that names then Enter, Enter start the session.
            rows = opts.rows()
            following = rows[opts.cursor + 1][0] if opts.cursor + 1 < count else None
            opts.cursor = opts.cursor + 1 if following is row else opts.index_of(
                TitleRow.START)
        elif action is Action.SET_PARTICIPANTS:
            opts.set_participants(max(0, command.number))
        elif action is Action.SET_TEAMS:
            opts.set_team_count(command.number)
        elif action is Action.SET_TEAM_NAME:
            return opts.set_team_name(command.number - 1, command.text)
        elif action is Action.SET_DETAIL:
            return opts.set_detail(command.number - 1, command.text)
        elif action is Action.NUMBER and row is TitleRow.TEAMS:
            opts.set_team_count(command.number)
        elif action is Action.RESUME:
            return self._resume()
        elif action is Action.START_FRESH:
            return self._leave_title()
        elif action in (Action.CONTINUE, Action.CONFIRM):
            if row is TitleRow.RESUME:
                return self._resume()
            return self._leave_title()
        else:
            return False
        return True

    def _adjust(self, row: TitleRow, step: int) -> bool:
        opts, session = self.title, self.session
        if row is TitleRow.LANGUAGE:
            langs = session.pack.languages
            return session.set_language(
                langs[(langs.index(session.language) + step) % len(langs)])
        if row is TitleRow.TEAMS:
            opts.set_team_count(opts.team_count + step)
            return True
        if row is TitleRow.PARTICIPANTS:
            opts.set_participants(max(0, (opts.participant_count() or 0) + step))
            return True
        return False

    def _leave_title(self) -> bool:
        """Apply the options (teams, participants), log the start once, go on to the menu.

        A session offered for resume and not taken stays on disk, untouched."""
        opts, session = self.title, self.session
        session.configure(opts.teams(lambda n: self.team_name(n, session.language)),
                          opts.participant_count())
        session.set_details(*opts.details)
        self._remember_details()
        if self.offer is not None:
            self.set_offer(None)
        session.begin()
        return session.advance()

    def _resume(self) -> bool:
        offer = self.offer
        if offer is None:
            return False
        self.set_offer(None)
        try:
            # The pack as it is now (Ctrl+R may have reloaded it on the title).
            session, log = resume(self.session.pack, offer.info)
        except Exception as exc:
            traceback.print_exc()
            self.notices.append(Notice("resume_failed", str(exc)))
            return False
        if self.recorder is not None:
            self.recorder.switch(log, offer.info.skipped_lines)
            session.sink = self.recorder
        else:
            session.sink = log.record
        self.session = session
        self.title.match(session.teams, session.participants)
        self.title.details = [session.organisation or "", session.place or "",
                              session.facilitator or ""]
        self._seen = None
        return True

    def _remember_details(self) -> None:
        """Keep the title's organisation, place and facilitator for the next session."""
        if self.data_dir is None:
            return
        details = EventDetails(*self.title.details)
        if details == load_details(self.data_dir):
            return
        try:
            save_details(self.data_dir, details)
        except OSError as exc:  # only saves typing next time: say so, never stop the room
            print(f"note: the event's details are not remembered ({exc})", file=sys.stderr)

    def _menu(self, action: Action, number: int) -> bool:
        session = self.session
        count = len(session.scenario_ids) + 1  # the last entry ends the session
        if action is Action.UP:
            self.menu_cursor = (self.menu_cursor - 1) % count
        elif action is Action.DOWN:
            self.menu_cursor = (self.menu_cursor + 1) % count
        elif action in (Action.CONTINUE, Action.CONFIRM):
            return self._open(self.menu_cursor)
        elif action is Action.SELECT:
            self.menu_cursor = max(0, min(count - 1, number))
            return self._open(self.menu_cursor)
        elif action is Action.NUMBER:
            if not 1 <= number <= len(session.scenario_ids):
                return False
            self.menu_cursor = number - 1
            return self._open(number - 1)
        elif action is Action.BACK:
            return session.back()
        else:
            return False
        return True

    def _open(self, index: int) -> bool:
        ids = self.session.scenario_ids
        if 0 <= index < len(ids):
            return self.session.start_scenario(ids[index])
        if index == len(ids):
            return self.session.end_session()
        return False

    def _step(self, action: Action, number: int) -> bool | None:
        """A clicker picks a choice: Continue highlights the next one, Confirm takes it."""
        story, play = self.session.story, self.session.play
        step = (story.steps.get(play.step) if story is not None and isinstance(play, StoryPlay)
                else None)
        count = len(step.choices or []) if step is not None else 0
        if not count:
            return None
        if action is Action.CONTINUE:
            self.choice_cursor = 0 if self.choice_cursor is None else (
                (self.choice_cursor + 1) % count)
            return True
        if action is Action.CONFIRM:
            if self.choice_cursor is None:
                return self._room_choice()
            chosen, self.choice_cursor = self.choice_cursor, None
            return self.session.choose(chosen)
        if action is Action.BACK and self.choice_cursor is not None:
            self.choice_cursor = None
            return True
        if action is Action.NUMBER:
            self.choice_cursor = None
            return self.session.choose(number - 1)
        return None

    def _room_choice(self) -> bool:
        """Enter on a step the phones voted on: first show how the room voted, then take the
        room's most common choice (a tie: the facilitator picks with the number keys)."""
        found = roomplay.summary(self.session)
        if found is None or found.total == 0:
            return False
        if not found.revealed:
            return roomplay.reveal(self.session)
        if len(found.top) == 1:
            return self.session.choose(found.top[0])
        self.notices.append(Notice("take_tie_notice"))
        return False

    def _room_degrees(self) -> bool:
        """Continue on a card the phones rated: show how the room voted and give each team
        its phones' most common degree; the next Continue reveals the answer."""
        session = self.session
        found = roomplay.summary(session)
        if found is None or found.total == 0 or found.revealed:
            return False
        roomplay.reveal(session)
        _given, tied = roomplay.team_degrees(session)
        if tied:
            self.notices.append(Notice("phones_tied", ", ".join(tied), ", ".join(tied)))
        return True

    def _cards(self, action: Action, number: int) -> bool | None:
        session = self.session
        if action is Action.CONTINUE and self._room_degrees():
            return True
        if action is Action.NUMBER:
            return session.rate(number - 1)
        if session.screen is not ScreenKind.RATING:
            return None
        play = session.play
        count = len(session.team_names)
        if action is Action.SELECT:
            return session.select_team(number)
        if action in (Action.UP, Action.DOWN) and count > 1 and play is not None:
            step = -1 if action is Action.UP else 1
            return session.select_team((getattr(play, "team", 0) + step) % count)
        return None

    # ---------------------------------------------------------- bookkeeping
    def _after(self) -> None:
        """After every command: cursors reset on a new screen, the session's start logged,
        the report written on the end-of-session event, the log's warning passed on."""
        try:
            session = self.session
            if not session.begun and session.screen is not ScreenKind.TITLE:
                # The title was left another way than its Enter (the pause menu's "menu"):
                # the log still starts with the session.
                if self.offer is not None:
                    self.set_offer(None)
                session.begin()
            state = session.state
            if state is not self._seen:
                before, self._seen = self._seen, state
                self.choice_cursor = None
                if session.screen is ScreenKind.MENU and (
                        before is None or before.screen is not ScreenKind.MENU):
                    self.menu_cursor = session.next_unplayed()
            recorder = self.recorder
            if recorder is not None and recorder.take_ended():
                self.write_report()
            taken = recorder.log.take_notices() if recorder is not None else []
        except Exception:  # bookkeeping must never cost the room its screen
            traceback.print_exc()
            return
        for notice in taken:  # what was kept where: all on stderr, each on screen in turn
            print(notice.text, file=sys.stderr)
            self.log_warning = notice.text
            self.notices.append(Notice(notice.key, notice.text, notice.name))

    def write_report(self) -> None:
        """Write the event report (HTML + CSV) into <data dir>/reports; `report_path` says
        where, or `report_error` why it could not be written. Never raises."""
        # Imported here: the report is needed once, at the end, not before the first frame.
        from game.core.report import default_report_path, write_report

        self.report_path, self.report_error = None, None
        recorder, data_dir = self.recorder, self.data_dir
        if recorder is None or data_dir is None:
            return  # a preview, or a test without a data folder: no report
        log = recorder.log
        if log.path is not None:
            out = default_report_path(log.path)
        else:
            stamp = datetime.fromtimestamp(self.session.started_at).strftime("%Y%m%d-%H%M%S")
            out = data_dir / "reports" / f"{stamp}-memory.html"
        out = log.report_target(out)  # never over an earlier run's report
        try:
            html, _csv = write_report(log.events, out, skipped_lines=recorder.skipped_lines,
                                      pack=self.session.pack,
                                      source=log.path.name if log.path is not None else None)
        except Exception as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            self.report_error = (out.parent, reason)
            print(f"the event report could not be written in {out.parent}: {reason}",
                  file=sys.stderr)
            if not isinstance(exc, OSError):
                traceback.print_exception(type(exc), exc, exc.__traceback__, file=sys.stderr)
            return
        self.report_path = html
        print(f"the event report is saved: {html}", file=sys.stderr)

    def close(self) -> None:
        """End of the program (quit, a signal): the log closed, everything on disk."""
        if self.recorder is not None:
            self.recorder.close()
