"""The game window: keys become commands, commands change the session, the screen draws it.

The loop is frugal: it flips the display only when something changed or an
animation runs (the meter, a running timer once a second), so an idle screen
on a laptop's battery costs about nothing.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame

from game.core.eventlog import (
    DataFolder,
    EventLog,
    LogInfo,
    choose_data_dir,
    parse_time,
    unfinished_session,
)
from game.core.pack import Pack, PackFolderMissing, load_pack
from game.core.session import EventSink, ScreenKind, Session, State, replay
from game.ui.fonts import Fonts
from game.ui.images import Pictures
from game.ui.keymap import Action, Command, command_for_event
from game.ui.screens import overlay_screens, session_screens
from game.ui.screens.base import Ctx, Screen
from game.ui.state import Overlay, ResumeOffer, UiState
from game.ui.theme import THEME, Theme
from game.ui.timer import DiscussionTimer
from game.ui.widgets import footer
from game.ui.wording import say

FPS = 60
IDLE_FPS = 30
MIN_SIZE = (640, 480)
NOTICE_SECONDS = 3.0
WARNING_SECONDS = 15.0
"""How long the one-time warning about the session log stays in the footer."""

# Overlays that any key (or click) closes, as the product asks of help and the blank screen.
_CLOSED_BY_ANY_KEY = (Overlay.BLANK, Overlay.HELP, Overlay.RELOAD_ERRORS, Overlay.NOTES)


def create_session(pack: Pack, language: str | None = None,
                   sink: EventSink | None = None, *, teams: Sequence[str] = (),
                   participants: int | None = None, place: str | None = None) -> Session:
    """The one place a Session is made; the session log plugs in here as `sink`."""
    return Session(pack, teams=list(teams), participants=participants, language=language or "",
                   place=place, sink=sink)


class SessionRecorder:
    """The session's event sink: writes every event to the session log (flushed, fsynced).

    Events before `session_start` (a language changed on the title screen) are
    held back and written right after it, so that a log file always begins with
    its session_start and a title screen left without starting writes nothing.
    On a resume the recorder is pointed at the old log (`switch`).
    """

    def __init__(self, log: EventLog) -> None:
        self.log = log
        self.started = False
        self.skipped_lines = 0
        self._held: list[dict[str, Any]] = []

    def __call__(self, event: dict[str, Any]) -> None:
        if not self.started:
            if event.get("type") != "session_start":
                self._held.append(dict(event))
                return
            self.started = True
            self.log.record(event)
            for held in self._held:
                self.log.record(held)
            self._held.clear()
            return
        self.log.record(event)

    def switch(self, log: EventLog, skipped_lines: int = 0) -> None:
        """Go on writing `log` (a resumed session's own log, its session_start already in it)."""
        self.log.close()
        self.log = log
        self.started = True
        self.skipped_lines = skipped_lines
        self._held.clear()

    def take_warning(self) -> str | None:
        return self.log.take_warning()

    def close(self) -> None:
        self.log.close()


class App:
    """The game, independent of any window: handles events and draws onto a given surface."""

    def __init__(self, session: Session, pack_folder: Path, pack_shown: str,
                 size: tuple[int, int], clock: Callable[[], float] = time.monotonic,
                 theme: Theme = THEME, resume: ResumeOffer | None = None) -> None:
        self.session = session
        self.pack_folder = pack_folder
        self.pack_shown = pack_shown
        self.size = size
        self.clock = clock
        self.theme = theme
        self.fonts = Fonts()
        self.pictures = Pictures()
        self.ui = UiState(timer=DiscussionTimer(clock), resume=resume)
        self.screens = session_screens()
        self.overlays = overlay_screens()
        self.dirty = True
        self.animating = False
        self.shown_at = clock()
        self.targets: list[tuple[pygame.Rect, Command]] = []
        self.marks: dict[str, pygame.Rect] = {}
        self.toggle_fullscreen: Callable[[], None] = lambda: None
        self.data_dir: Path | None = None
        """Where the event report is written at the end (None: no report, e.g. a preview)."""
        self.recorder: SessionRecorder | None = None
        """The session log, when this app keeps one (see `build_app`)."""
        self._seen: State | None = None
        self._last_second = -1

    # ------------------------------------------------------------ queries
    @property
    def running(self) -> bool:
        return not self.ui.quit_requested

    def screen(self) -> Screen:
        """The screen drawn on top: an overlay when one is open, else the session's screen."""
        overlay = self.ui.overlay
        return self.overlays[overlay] if overlay else self.screens[self.session.screen]

    def context(self) -> Ctx:
        return Ctx(self.session, self.ui, self.fonts, self.pictures, self.theme, self.size,
                   self.clock(), self.shown_at)

    def needs_frame(self) -> bool:
        """Whether the display must be redrawn now (a change, an animation, the timer's second)."""
        if self.ui.timer.running:
            second = int(self.ui.timer.elapsed())
            if second != self._last_second:
                self._last_second = second
                self.dirty = True
        return self.dirty or self.animating

    # ------------------------------------------------------------- events
    def handle_event(self, event: pygame.event.Event) -> None:
        """Handle one pygame event; a failure shows the error screen instead of crashing."""
        try:
            self._handle_event(event)
        except Exception as exc:
            self.fail(exc)
        self._notice_screen_change()

    def _handle_event(self, event: pygame.event.Event) -> None:
        kind = event.type
        if kind == pygame.VIDEORESIZE:
            self.resize((event.w, event.h))
            return
        if kind in (pygame.WINDOWEXPOSED, pygame.WINDOWRESTORED, pygame.WINDOWSHOWN,
                    pygame.WINDOWFOCUSGAINED):
            self.dirty = True
            return
        if kind == pygame.MOUSEBUTTONDOWN:
            self.click(event.pos, event.button)
            return
        if kind not in (pygame.KEYDOWN, pygame.TEXTINPUT, pygame.QUIT):
            return
        if self.ui.overlay is Overlay.BLANK and kind == pygame.KEYDOWN:
            self.ui.close(Overlay.BLANK)
            self.dirty = True
            return
        if self.ui.overlay is None and self.session.screen is ScreenKind.TITLE:
            if self._resume_key(event):
                return
            title = self.screens[ScreenKind.TITLE]
            key_hook = getattr(title, "key", None)
            if key_hook is not None and key_hook(event, self.context()):
                self.dirty = True
                return
        command = command_for_event(event)
        if command is not None:
            self.dispatch(command)

    def _resume_key(self, event: pygame.event.Event) -> bool:
        offer = self.ui.resume
        if (offer is None or event.type != pygame.KEYDOWN or event.key != pygame.K_r
                or event.mod & pygame.KMOD_CTRL):
            return False
        session = offer.resume()
        self.ui.resume = None
        if session is not None:
            self.session = session
            self.ui.begun = True
        self.dirty = True
        return True

    def click(self, pos: tuple[int, int], button: int = 1) -> None:
        """A mouse click: the item under it, else continue (right button: back)."""
        self.dirty = True
        if self.ui.overlay is Overlay.BLANK:
            self.ui.close(Overlay.BLANK)
            return
        if button == 3:
            self.dispatch(Command(Action.BACK))
            return
        if button != 1:
            return
        for rect, command in reversed(self.targets):
            if rect.collidepoint(pos):
                self.dispatch(command)
                return
        self.dispatch(Command(Action.CONTINUE))

    def dispatch(self, command: Command) -> None:
        """Carry out a command: global keys first, then the overlay, then the screen."""
        self.dirty = True
        ui, session = self.ui, self.session
        if command.action is Action.CONFIRM and (ui.overlay is not None
                                                 or session.screen is not ScreenKind.STEP):
            command = Command(Action.CONTINUE)
        action = command.action
        top = ui.overlay
        if action is Action.QUIT:
            if ui.quit_armed and top is Overlay.PAUSE:
                ui.quit_requested = True
            else:
                ui.open(Overlay.PAUSE)
                ui.pause_cursor = 3
                ui.quit_armed = True
            return
        if top in (Overlay.ERROR,):
            ui.close(Overlay.ERROR)
            session.to_menu()
            return
        if action is Action.FULLSCREEN:
            self.toggle_fullscreen()
            return
        if action is Action.RELOAD:
            self.reload()
            return
        if action is Action.TIMER:
            ui.timer.toggle()
            return
        if action is Action.LANGUAGE:
            session.next_language()
            return
        if action is Action.PAUSE:
            if top is None:
                ui.open(Overlay.PAUSE)
                ui.pause_cursor, ui.quit_armed = 0, False
            else:
                ui.close()
            return
        toggles = {Action.BLANK: Overlay.BLANK, Action.HELP: Overlay.HELP,
                   Action.NOTES: Overlay.NOTES}
        if action in toggles:
            overlay = toggles[action]
            if top is overlay:
                ui.close()
            else:
                ui.open(overlay)
            return
        if top in _CLOSED_BY_ANY_KEY:
            ui.close()
            return
        ctx = self.context()
        if top is not None:
            self.overlays[top].handle(command, ctx)
            return
        if self.screens[session.screen].handle(command, ctx):
            return
        self._route(command)

    def _route(self, command: Command) -> None:
        session = self.session
        action = command.action
        if action is Action.CONTINUE:
            session.advance()
        elif action is Action.BACK:
            session.back()
        elif action is Action.NUMBER:
            if session.screen is ScreenKind.STEP:
                session.choose(command.number - 1)
            elif session.screen in (ScreenKind.CARD, ScreenKind.RATING):
                session.rate(command.number - 1)

    def resize(self, size: tuple[int, int]) -> None:
        """Lay everything out again for a new window size."""
        self.size = (max(MIN_SIZE[0], size[0]), max(MIN_SIZE[1], size[1]))
        self.fonts.clear()
        self.dirty = True

    def reload(self) -> None:
        """Ctrl+R: load the pack again; on errors keep playing the old one and show them."""
        try:
            result = load_pack(self.pack_folder, self.pack_shown, display_checks=False)
        except PackFolderMissing as exc:
            self.ui.reload_problems = [str(exc)]
            self.ui.open(Overlay.RELOAD_ERRORS)
            return
        broken = set(self.session.pack.scenarios) & set(result.pack.left_out if result.pack
                                                        else {})
        if result.pack is None or broken:
            self.ui.reload_problems = [p.format() for p in result.errors]
            self.ui.open(Overlay.RELOAD_ERRORS)
            return
        self.session.reload(result.pack)
        self.pictures.clear()
        self.ui.notice = say("reloaded", self.session.language)
        self.ui.notice_until = self.clock() + NOTICE_SECONDS

    def fail(self, exc: BaseException) -> None:
        """Show the error screen for a failure inside a screen; the session stays intact."""
        traceback.print_exception(type(exc), exc, exc.__traceback__, file=sys.stderr)
        self.ui.error_text = f"{type(exc).__name__}: {exc}"
        self.ui.overlays = [Overlay.ERROR]
        self.dirty = True

    def _notice_screen_change(self) -> None:
        self._keep_log()
        state = self.session.state
        if state is self._seen:
            return
        before, self._seen = self._seen, state
        self.shown_at = self.clock()
        self.screens[self.session.screen].on_show(self.context())
        self.dirty = True
        if self.session.screen is ScreenKind.SUMMARY and (
                before is None or before.screen is not ScreenKind.SUMMARY):
            self.write_report()
            self._keep_log()  # at once: a report kept under a new name is said now

    def _keep_log(self) -> None:
        """After every command: the session's start logged, the one-time warning shown."""
        ui = self.ui
        try:
            if not ui.begun and self.session.screen is not ScreenKind.TITLE:
                # The title was left another way than its Enter (Esc, back to the menu):
                # the log still starts with the session.
                ui.begun = True
                self.session.begin()
            if ui.begun and ui.resume is not None:
                ui.resume = None  # a new session started: the offer to resume is declined
            notices = self.recorder.log.take_notices() if self.recorder is not None else []
        except Exception:  # bookkeeping must never cost the room its screen
            traceback.print_exc()
            return
        for notice in notices:  # what was kept where: all on stderr, the newest on screen
            print(notice.text, file=sys.stderr)
            ui.log_warning = notice.text
            ui.notice = say(notice.key, self.session.language, name=notice.name)
            ui.notice_until = self.clock() + WARNING_SECONDS
            self.dirty = True

    def write_report(self) -> None:
        """Write the event report (HTML + CSV) into <data dir>/reports; the summary shows
        where, or why it could not be written. Never raises."""
        # Imported here: the report is needed once, at the end, not before the first frame.
        from game.core.report import default_report_path, write_report

        ui = self.ui
        ui.report_path, ui.report_error = None, None
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
            ui.report_error = say("report_failed", self.session.language, where=out.parent,
                                  reason=reason)
            print(ui.report_error, file=sys.stderr)
            if not isinstance(exc, OSError):
                traceback.print_exception(type(exc), exc, exc.__traceback__, file=sys.stderr)
            return
        ui.report_path = html

    # ------------------------------------------------------------ drawing
    def draw(self, surface: pygame.Surface) -> None:
        """Draw the current screen (and overlay) onto `surface`, never raising."""
        self._notice_screen_change()
        try:
            self._draw(surface)
        except Exception as exc:
            self.fail(exc)
            try:
                self._draw(surface)
            except Exception as again:
                surface.fill(self.theme.background)
                traceback.print_exception(type(again), again, again.__traceback__)
        self.dirty = False

    def _draw(self, surface: pygame.Surface) -> None:
        ctx = self.context()
        surface.fill(self.theme.background)
        base = self.screens[self.session.screen]
        overlay = self.ui.overlay
        if overlay is None or (overlay is not Overlay.BLANK and overlay is not Overlay.ERROR):
            base.draw(surface, ctx)
        if overlay is None:
            footer(surface, ctx, base.footer(ctx))
        else:
            ctx.targets = []  # only the overlay's items are clickable
            self.overlays[overlay].draw(surface, ctx)
        self.targets = [(t.rect, t.command) for t in ctx.targets]
        self.marks = ctx.marks
        self.animating = ctx.animating


def _open_window(size: tuple[int, int] | None) -> pygame.Surface:
    if size is None:
        return pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
    return pygame.display.set_mode(size, pygame.RESIZABLE)


def _init_sound() -> None:
    # No sound device (a projector laptop, a container): the game goes on silent.
    with contextlib.suppress(pygame.error):
        pygame.mixer.init()


def load_for_play(pack_arg: str | None) -> tuple[Pack | None, Path, str, list[str]]:
    """The pack to play, its folder and name, and the formatted problems of pack.yaml."""
    from game.cli import pack_location

    folder, shown = pack_location(pack_arg)
    try:
        result = load_pack(folder, shown, display_checks=False)
    except PackFolderMissing:
        return None, folder, shown, [f"{shown}: error: no such pack folder"]
    if result.pack is None:
        return None, folder, shown, [p.format() for p in result.problems if p.is_error]
    return result.pack, folder, shown, []


def build_app(pack: Pack, folder: Path, shown: str, size: tuple[int, int], *,
              language: str | None = None, data_dir: Path | None = None,
              scenario: str | None = None, step: str | None = None,
              clock: Callable[[], float] = time.monotonic) -> App:
    """The game as `run_game` sets it up, without a window: the session, its log under
    `data_dir`, and the offer to resume the last session when it did not end cleanly.

    A preview (`scenario`) starts at that scenario and keeps its log in memory only:
    an author's try-out is not an event, so it never shows up as a session to
    resume nor in the association's reports. `data_dir` None does the same for a
    real session (no log on disk, no offer, no report).
    """
    preview = bool(scenario)
    disk = None if preview else data_dir
    recorder = SessionRecorder(EventLog(disk))
    session = create_session(pack, language, recorder)
    if scenario:
        session.advance()
        session.start_scenario(scenario, step)
    app = App(session, folder, shown, size, clock=clock)
    app.recorder = recorder
    app.data_dir = disk
    if disk is not None:
        app.ui.resume = resume_offer(app, disk)
    return app


def resume_offer(app: App, data_dir: Path) -> ResumeOffer | None:
    """The offer to resume the newest session in `data_dir` if it did not end cleanly.

    Only a session of the pack being played is offered (same folder once resolved):
    its steps and cards are what the log's places refer to. Another pack's session
    is named on stderr with the way to resume it. Never raises.
    """
    try:
        info = unfinished_session(data_dir)
    except Exception:  # a folder the game cannot read must not stop the game
        traceback.print_exc()
        return None
    if info is None:
        return None
    pack = app.session.pack
    when = _when(info.started or info.last_event)
    if not _same_folder(info.pack, pack.folder):
        print(f"note: the last session ({info.pack_title or '?'}, {when}) did not end "
              f"cleanly; it played another pack ({info.pack}). Start the game with "
              f"--pack {info.pack} to resume it.", file=sys.stderr)
        return None

    def resume() -> Session | None:
        try:
            # The pack as it is now (Ctrl+R may have reloaded it on the title).
            session = resumed_session(app.session.pack, info, app.recorder)
        except Exception:
            traceback.print_exc()
            app.ui.notice = say("resume_failed", app.session.language)
            app.ui.notice_until = app.clock() + WARNING_SECONDS
            return None
        app.ui.title.match(session.teams, session.participants)
        return session

    title = info.pack_title or pack.text(pack.info.title, app.session.language)
    return ResumeOffer(pack=title, when=when, resume=resume)


def resumed_session(pack: Pack, info: LogInfo, recorder: SessionRecorder | None) -> Session:
    """The session of an unfinished log rebuilt exactly (teams, participants and language
    from its session_start, then every command replayed); new events go on into the
    same log file."""
    log = EventLog.resume(info.path)
    try:
        session = _rebuilt(pack, info, log, recorder)
    except BaseException:
        log.close()
        raise
    if recorder is not None:
        recorder.switch(log, info.skipped_lines)
    else:
        session.sink = log.record
    return session


def _rebuilt(pack: Pack, info: LogInfo, log: EventLog,
             recorder: SessionRecorder | None) -> Session:
    if not log.events:  # the file could not be read again: what was read at start
        log.events = list(info.events)
    start = next((e for e in log.events if e.get("type") == "session_start"), {})
    teams = start.get("teams")
    people = start.get("participants")
    language = start.get("language")
    place = start.get("place")
    session = create_session(
        pack, language if isinstance(language, str) else None, recorder,
        teams=[t for t in teams if isinstance(t, str)] if isinstance(teams, list) else [],
        participants=people if isinstance(people, int) and not isinstance(people, bool)
        else None,
        place=place if isinstance(place, str) else None)
    replay(session, log.events)
    started = parse_time(start.get("t"))
    if started is not None:
        session.started_at = started.timestamp()  # the duration counts from the real start
    return session


def _same_folder(logged: str | None, folder: Path) -> bool:
    if not logged:
        return False
    try:
        return Path(logged).resolve() == folder.resolve()
    except (OSError, ValueError, RuntimeError):
        return False


def _when(moment: datetime | None) -> str:
    """A log's time as the title screen names it: local date and time to the minute."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment is not None else "?"


def run_game(args: argparse.Namespace) -> int:
    """Play a pack in a window (full screen unless --window); returns the exit code."""
    pack, folder, shown, problems = load_for_play(getattr(args, "pack", None))
    if pack is None:
        for line in problems:
            print(line, file=sys.stderr)
        print(f"{shown}: the pack cannot be played until pack.yaml is fixed", file=sys.stderr)
        return 1
    scenario = getattr(args, "scenario", None)
    if scenario and scenario not in pack.scenarios:
        known = ", ".join(pack.scenarios) or "none"
        print(f"{shown}: error: no scenario '{scenario}' that loads (scenarios: {known})",
              file=sys.stderr)
        return 1
    data_arg = getattr(args, "data_dir", None)
    chosen = DataFolder(Path(data_arg)) if data_arg else choose_data_dir(beside=folder)
    if chosen.note:  # no home folder (a container's user): say where the logs go instead
        print(chosen.note, file=sys.stderr)
    data_dir = chosen.path

    window = _parse_window(getattr(args, "window", None))
    pygame.display.init()
    pygame.font.init()
    _init_sound()
    pygame.display.set_caption("Degrees of Risk")
    surface = _open_window(window)
    pygame.key.set_repeat(0)
    app = build_app(pack, folder, shown, surface.get_size(), language=getattr(args, "lang", None),
                    data_dir=data_dir, scenario=scenario, step=getattr(args, "step", None))
    state = {"window": window or (1280, 720), "fullscreen": window is None}

    def toggle() -> None:
        nonlocal surface
        state["fullscreen"] = not state["fullscreen"]
        surface = _open_window(None if state["fullscreen"] else state["window"])  # type: ignore[arg-type]
        app.resize(surface.get_size())

    app.toggle_fullscreen = toggle
    clock = pygame.time.Clock()
    # benchmarks/bench_frames.py times launch to first frame; read once, not every frame.
    report_first_frame = os.environ.get("DOR_REPORT_FIRST_FRAME") == "1"
    try:
        while app.running:
            for event in pygame.event.get():
                app.handle_event(event)
                if event.type == pygame.VIDEORESIZE and not state["fullscreen"]:
                    state["window"] = app.size
                    surface = pygame.display.get_surface() or surface
            if surface.get_size() != app.size:
                app.resize(surface.get_size())
            if app.needs_frame():
                app.draw(surface)
                pygame.display.flip()
                if report_first_frame:
                    report_first_frame = False
                    print(f"first-frame {time.time():.6f}", flush=True)
            # Idle (nothing animating), waking 30 times a second still answers a key within
            # a frame a room can notice, at half the cost of polling at 60 on battery.
            clock.tick(FPS if app.animating or app.ui.timer.running else IDLE_FPS)
    finally:
        if app.recorder is not None:
            app.recorder.close()
        pygame.quit()
    return 0


def _parse_window(value: object) -> tuple[int, int] | None:
    if value is None:
        return None
    if isinstance(value, tuple):
        return (int(value[0]), int(value[1]))
    from game.cli import _size

    return _size(str(value))
