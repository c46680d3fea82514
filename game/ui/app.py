"""The game window: keys become commands, commands change the session, the screen draws it.

The loop is frugal: it flips the display only when something changed or an
animation runs (the meter, a running timer once a second), so an idle screen
on a laptop's battery costs about nothing.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame

from game.core import roomplay
from game.core.controller import Controller
from game.core.eventlog import DataFolder, choose_data_dir
from game.core.pack import Pack, PackFolderMissing, load_pack
from game.core.session import MAX_TEAMS, EventSink, ScreenKind, Session, State
from game.options import PlayOptions, pack_location
from game.phones.room import RoomState
from game.ui import signals
from game.ui.fonts import Fonts
from game.ui.images import Pictures
from game.ui.keymap import Action, Command, command_for_event, title_command
from game.ui.presenter import audience_overlay
from game.ui.room import voted_badge
from game.ui.screens import overlay_screens, session_screens
from game.ui.screens.base import Ctx, Screen
from game.ui.screens.room_votes import RoomVotesScreen
from game.ui.state import Overlay, TitleRow, UiState
from game.ui.theme import THEME, Theme
from game.ui.timer import DiscussionTimer
from game.ui.widgets import footer, timer_badge
from game.ui.windows import Windows
from game.ui.windows import open_window as open_window  # where it was before (tests)
from game.ui.wording import say

if TYPE_CHECKING:
    from game.phones.host import PhoneHost

FPS = 60
IDLE_FPS = 30
MIN_SIZE = (640, 480)
NOTICE_SECONDS = 3.0
WARNING_SECONDS = 15.0
"""How long the one-time warning about the session log stays in the footer."""

# Overlays that any key (or click) closes, as the product asks of help and the blank screen.
_CLOSED_BY_ANY_KEY = (Overlay.BLANK, Overlay.HELP, Overlay.RELOAD_ERRORS, Overlay.NOTES,
                      Overlay.CHECK, Overlay.JOIN)
_ASKING = (ScreenKind.STEP, ScreenKind.CARD, ScreenKind.RATING)
"""Screens on which the room's phones vote: the count, then the distribution, show here."""


def create_session(pack: Pack, language: str | None = None,
                   sink: EventSink | None = None, *, teams: Sequence[str] = (),
                   participants: int | None = None, place: str | None = None) -> Session:
    """A plain session of `pack` (tests and `shots`; the game builds it in `Controller`)."""
    return Session(pack, teams=list(teams), participants=participants, language=language or "",
                   place=place, sink=sink)


def short_paths(line: str, shown: str, folder: Path) -> str:
    """`line` with the pack's location cut to the pack folder's name: what the projector
    shows ("default/pack.yaml:3:1: ..."), never where the files live on this laptop."""
    for prefix in sorted({shown, str(folder), str(folder.resolve())}, key=len, reverse=True):
        if prefix and prefix not in (".", folder.name):
            line = line.replace(prefix.rstrip("/\\"), folder.resolve().name)
    return line


_TIMER_KEYS = {pygame.K_PLUS: 1, pygame.K_EQUALS: 1, pygame.K_KP_PLUS: 1,
               pygame.K_MINUS: -1, pygame.K_KP_MINUS: -1}
"""The timer's +/− keys (= is + without Shift on most keyboards)."""


def _team_name(n: int, lang: str) -> str:
    return say("team_n", lang, n=n)


class App:
    """The projector's window without the window: turns pygame events into commands for the
    controller, keeps the overlays, and draws what is on screen onto a given surface."""

    def __init__(self, session: Session | Controller, pack_folder: Path, pack_shown: str,
                 size: tuple[int, int], clock: Callable[[], float] = time.monotonic,
                 theme: Theme = THEME) -> None:
        self.controller = (session if isinstance(session, Controller)
                           else Controller(session, team_name=_team_name, clock=clock))
        self.pack_folder = pack_folder
        self.pack_shown = pack_shown
        self.size = size
        self.window_size = size
        """The window's real size; smaller than MIN_SIZE, the app shows one line and idles."""
        self.clock = clock
        self.theme = theme
        self.fonts = Fonts()
        self.pictures = Pictures()
        self.pictures.load_pack(self.session.pack, size)  # now, not on the frame showing one
        self.ui = UiState(timer=DiscussionTimer(clock))
        self.screens = session_screens()
        self.overlays = overlay_screens()
        self.dirty = True
        self.animating = False
        self.shown_at = clock()
        self.targets: list[tuple[pygame.Rect, Command]] = []
        self.marks: dict[str, pygame.Rect] = {}
        self.toggle_fullscreen: Callable[[], None] = lambda: None
        self.toggle_presenter: Callable[[], None] = lambda: None
        """P or the pause menu: the presenter window on or off (game/ui/windows.py)."""
        self.swap_displays: Callable[[], None] = lambda: None
        self._seen: State | None = None
        self._last_second = -1
        self.phones: PhoneHost | None = None
        """The room of phones, once opened (--phones or the pause menu)."""
        self.phones_port: int | None = None
        self.phones_loopback = False
        """Bind the phones' server to 127.0.0.1 alone (tests, benchmarks)."""
        self.phones_address: str | None = None
        """Serve the phones on this address only (None: every local address)."""
        self.room_votes = RoomVotesScreen()

    # ------------------------------------------------------------ queries
    @property
    def session(self) -> Session:
        """The session being played (the controller's: a resume replaces it)."""
        return self.controller.session

    @property
    def running(self) -> bool:
        return not self.ui.quit_requested

    @property
    def too_small(self) -> bool:
        """The window is too small to draw a screen in: one line asks for a larger one."""
        return self.window_size[0] < MIN_SIZE[0] or self.window_size[1] < MIN_SIZE[1]

    def screen(self) -> Screen:
        """The screen drawn on top: an overlay when one is open, else the session's screen."""
        overlay = self.ui.overlay
        return self.overlays[overlay] if overlay else self.screens[self.session.screen]

    def context(self) -> Ctx:
        return Ctx(self.session, self.ui, self.fonts, self.pictures, self.theme, self.size,
                   self.clock(), self.shown_at, self.controller,
                   send=self.send)

    def needs_frame(self) -> bool:
        """Whether the display must be redrawn now (a change, an animation, the timer's second)."""
        if self.too_small:
            return self.dirty
        timer = self.ui.timer
        if timer.shown:
            # A redraw a second while it counts, the last one at zero (then it rests).
            second = int(min(timer.elapsed(), timer.length))
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
        if self._timer_key(event):
            return
        command = self._clicker_key(event)
        if command is not None:
            self.dispatch(command)
            return
        if self.ui.overlay is None and self.session.screen is ScreenKind.TITLE:
            if self._check_key(event):
                return
            command = self._title_key(event)
            if command is not None:
                self.send(command)
                return
        command = command_for_event(event)
        if command is not None:
            self.dispatch(command)

    def _check_key(self, event: pygame.event.Event) -> bool:
        """C on the title (but in a team's name): is this laptop ready? (screens/check.py)"""
        if (event.type != pygame.KEYDOWN or event.key != pygame.K_c
                or event.mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT)
                or self.controller.title.row()[0] is TitleRow.TEAM_NAME):
            return False
        self.ui.readiness = None  # checked afresh each time: the volunteer fixed something
        self.ui.open(Overlay.CHECK)
        self.dirty = True
        return True

    def _timer_key(self, event: pygame.event.Event) -> bool:
        """+ and − set the discussion timer's length (half a minute a press), off the title
        (where a name may hold a dash). True when the key was the timer's."""
        if (event.type != pygame.KEYDOWN or self.session.screen is ScreenKind.TITLE
                or self.ui.overlay is not None):
            return False
        step = _TIMER_KEYS.get(int(event.key), 0)
        if not step:
            return False
        self.ui.timer.adjust(step)
        self.dirty = True
        return True

    def _clicker_key(self, event: pygame.event.Event) -> Command | None:
        """A clicker alone runs the event: on a list (the title's options, the menu, the
        pause menu) PageDown and PageUp move the highlight and F5 (or Enter) takes it; on
        the title, F5 on an option changes it (one team more, round to one; the next
        language). None: the key means what it means everywhere."""
        if event.type != pygame.KEYDOWN or event.mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT):
            return None
        key, overlay = int(event.key), self.ui.overlay
        screen = self.session.screen
        on_list = overlay is Overlay.PAUSE or (
            overlay is None and screen in (ScreenKind.TITLE, ScreenKind.MENU))
        if on_list and key in (pygame.K_PAGEDOWN, pygame.K_PAGEUP):
            return Command(Action.DOWN if key == pygame.K_PAGEDOWN else Action.UP)
        if overlay is None and screen is ScreenKind.TITLE and key == pygame.K_F5:
            title = self.controller.title
            row, _team = title.row()
            if row is TitleRow.TEAMS:
                return Command(Action.SET_TEAMS, title.team_count % MAX_TEAMS + 1)
            if row is TitleRow.LANGUAGE:
                return Command(Action.ADJUST, 1)
        return None

    def _title_key(self, event: pygame.event.Event) -> Command | None:
        row, _team = self.controller.title.row()
        command = title_command(event, row)
        if command is not None:
            return command
        if (self.controller.offer is not None and event.type == pygame.KEYDOWN
                and event.key == pygame.K_r and not event.mod & pygame.KMOD_CTRL):
            return Command(Action.RESUME)
        return None

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
        if self.ui.overlay is not None and self._shown_overlay() is None:
            return  # the facilitator's overlay is on the laptop: the room's window waits
        for rect, command in reversed(self.targets):
            if rect.collidepoint(pos):
                self.dispatch(command)
                return
        self.dispatch(Command(Action.CONTINUE))

    def send(self, command: Command) -> None:
        """Hand a command to the controller (the one place the session changes); the
        presenter view's commands (from the pause menu) go to the windows instead."""
        self.dirty = True
        if command.action is Action.PRESENTER:
            self.toggle_presenter()
            return
        self.controller.send(command)
        self._take_notices()
        if self.phones is not None:
            self.phones.publish(self.session)  # the phones follow the projector at once

    def dispatch(self, command: Command) -> None:
        """Carry out a command: the window's own first (overlays, full screen, timer), then
        the screen's paging, then the controller."""
        self.dirty = True
        ui = self.ui
        if command.action is Action.CONFIRM and (
                ui.overlay is not None or self.session.screen is not ScreenKind.STEP):
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
            self.send(Command(Action.TO_MENU))
            return
        if action is Action.FULLSCREEN:
            self.toggle_fullscreen()
            return
        if action is Action.PRESENTER:
            self.toggle_presenter()
            return
        if action is Action.SWAP_DISPLAYS:
            self.swap_displays()
            return
        if action is Action.RELOAD:
            self.reload()
            return
        if action is Action.TIMER:
            ui.timer.toggle()
            return
        if action is Action.LANGUAGE:
            self.send(command)
            return
        if action is Action.PAUSE:
            if top is None:
                ui.open(Overlay.PAUSE)
                ui.pause_cursor, ui.quit_armed, ui.end_armed = 0, False, False
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
                ui.help_page = 0
            return
        if (top is Overlay.HELP and action in (Action.CONTINUE, Action.CONFIRM, Action.DOWN)
                and ui.help_page + 1 < ui.help_pages):
            ui.help_page += 1  # the key table is longer than a projected screen: its next page
            return
        if top in _CLOSED_BY_ANY_KEY:
            ui.close()
            return
        ctx = self.context()
        if top is not None:
            self.overlays[top].handle(command, ctx)
            self._phones_request()
            return
        if self.screens[self.session.screen].handle(command, ctx):
            return
        self.send(command)

    # ------------------------------------------------------------- phones
    def open_room(self) -> None:
        """Open the room for phones and show how to join (or why they cannot); never raises."""
        from game.phones.host import LOOPBACK, PhoneHost, local_addresses  # loaded only now
        from game.phones.server import DEFAULT_PORT

        if self.phones is None:
            port = DEFAULT_PORT if self.phones_port is None else self.phones_port
            only = self.phones_address
            self.phones = PhoneHost(port, loopback_only=self.phones_loopback or only == LOOPBACK,
                                    addresses=(lambda: [only]) if only else local_addresses,
                                    code=self.session.room_code)
        self.ui.phones = self.phones.open()
        if self.ui.phones.open:  # logged: a resume reopens this room, its phones rejoin
            self.send(Command(Action.ROOM_OPENED, text=self.phones.room.code))
        self.phones.publish(self.session)
        self.ui.open(Overlay.JOIN)
        self.dirty = True

    def close_room(self) -> None:
        """Close the room: phones can no longer vote; the counts stay in the session."""
        if self.phones is not None:
            self.phones.close()
        self.ui.phones = RoomState()
        self.dirty = True

    def poll_phones(self) -> None:
        """Once a loop: the votes that arrived go to the controller as one command, and the
        phones learn what the projector asks. Quick, never blocking, never raising."""
        phones = self.phones
        if phones is None:
            return
        try:
            logged = self.session.room_code
            if phones.is_open and logged and logged != phones.room.code:
                # A session resumed after the room opened: its own room comes back, so the
                # phones that joined before the crash rejoin without scanning again.
                self.ui.phones = phones.adopt(logged)
                self.dirty = True
            if phones.poll(self.send, self.session):
                self.ui.phones = phones.state
                self.dirty = True
        except Exception:  # the room must never cost the projector its screen
            traceback.print_exc()

    def _phones_request(self) -> None:
        request, self.ui.phones_request = self.ui.phones_request, None
        if request == "open":
            self.open_room()
        elif request == "close":
            self.close_room()

    def resize(self, size: tuple[int, int]) -> None:
        """Lay everything out again for a new window size."""
        self.window_size = size
        self.size = (max(MIN_SIZE[0], size[0]), max(MIN_SIZE[1], size[1]))
        self.fonts.clear()
        self.dirty = True

    def reload(self) -> None:
        """Ctrl+R: load the pack again; on errors keep playing the old one and show them."""
        try:
            result = load_pack(self.pack_folder, self.pack_shown, display_checks=False)
        except PackFolderMissing as exc:
            self.ui.reload_problems = [str(exc)]
            self.ui.reload_full = [str(exc)]
            self.ui.open(Overlay.RELOAD_ERRORS)
            return
        broken = set(self.session.pack.scenarios) & set(result.pack.left_out if result.pack
                                                        else {})
        if result.pack is None or broken:
            full = [p.format() for p in result.errors]
            for line in full:  # the full paths are the facilitator's, in the terminal
                print(line, file=sys.stderr)
            self.ui.reload_problems = [short_paths(line, self.pack_shown, self.pack_folder)
                                       for line in full]
            self.ui.reload_full = full
            self.ui.open(Overlay.RELOAD_ERRORS)
            return
        self.session.reload(result.pack)
        self.pictures.load_pack(result.pack, self.size)
        self.ui.notice = say("reloaded", self.session.language)
        self.ui.notice_until = self.clock() + NOTICE_SECONDS

    def fail(self, exc: BaseException) -> None:
        """Show the error screen for a failure inside a screen; the session stays intact."""
        traceback.print_exception(type(exc), exc, exc.__traceback__, file=sys.stderr)
        self.ui.error_text = f"{type(exc).__name__}: {exc}"
        self.ui.overlays = [Overlay.ERROR]
        self.dirty = True

    def _take_notices(self) -> None:
        notice = self.controller.take_notice()
        while notice is not None:
            self.ui.notice = say(notice.key, self.session.language, name=notice.name)
            self.ui.notice_until = self.clock() + WARNING_SECONDS
            notice = self.controller.take_notice()

    def _notice_screen_change(self) -> None:
        state = self.session.state
        if state is self._seen:
            return
        self._seen = state
        self.shown_at = self.clock()
        self.ui.timer.reset()  # each step's discussion gets its own count-down
        self.screens[self.session.screen].on_show(self.context())
        self.dirty = True

    # ------------------------------------------------------------ drawing
    def draw(self, surface: pygame.Surface) -> None:
        """Draw the current screen (and overlay) onto `surface`, never raising.

        Drawing changes nothing but the picture: no command, no file written."""
        self._notice_screen_change()
        try:
            if self.too_small:
                self._draw_too_small(surface)
            else:
                self._draw(surface)
        except Exception as exc:
            self.fail(exc)
            try:
                self._draw(surface)
            except Exception as again:
                surface.fill(self.theme.background)
                traceback.print_exception(type(again), again, again.__traceback__)
        self.dirty = False

    def _draw_too_small(self, surface: pygame.Surface) -> None:
        surface.fill(self.theme.background)
        text = say("window_too_small", self.session.language)
        height = max(1, surface.get_height())
        image = self.fonts.render(text, max(6, min(24, height // 2)), False, self.theme.text)
        surface.blit(image, (2, max(0, (height - image.get_height()) // 2)))
        self.targets, self.marks, self.animating = [], {}, False

    def _draw(self, surface: pygame.Surface) -> None:
        ctx = self.context()
        surface.fill(self.theme.background)
        base = self.screens[self.session.screen]
        overlay = self._shown_overlay()
        if overlay is None or (overlay is not Overlay.BLANK and overlay is not Overlay.ERROR):
            base.draw(surface, ctx)
        if overlay is None:
            room = roomplay.summary(self.session) if self.session.screen in _ASKING else None
            if room is not None and room.revealed:
                self.room_votes.draw(surface, ctx)  # over the step or card, until it is taken
            else:
                footer(surface, ctx, base.footer(ctx))
            timer_badge(surface, ctx)
            if self.ui.phones.open and room is not None and room.question.open:
                phones = max(self.ui.phones.phones, room.total)
                voted_badge(surface, ctx, say("phones_voted", self.session.language,
                                              n=room.total, m=phones))
        else:
            ctx.targets = []  # only the overlay's items are clickable
            self.overlays[overlay].draw(surface, ctx)
        self.targets = [(t.rect, t.command) for t in ctx.targets]
        self.marks = ctx.marks
        self.animating = ctx.animating


    def _shown_overlay(self) -> Overlay | None:
        """The overlay this window draws: with the presenter view on, the facilitator's
        overlays (pause, help, notes...) are drawn there, and the room sees its screen."""
        return audience_overlay(self.ui.overlay, bool(self.ui.presenter))


def _init_sound() -> None:
    # No sound device (a projector laptop, a container): the game goes on silent.
    with contextlib.suppress(pygame.error):
        pygame.mixer.init()


def load_for_play(pack_arg: str | None) -> tuple[Pack | None, Path, str, list[str]]:
    """The pack to play, its folder and name, and the formatted problems of pack.yaml."""
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
    """The game as `run_game` sets it up, without a window: the controller with the
    session, its log under `data_dir`, and the offer to resume a session that did not end.

    A preview (`scenario`) starts at that scenario and keeps its log in memory only:
    an author's try-out is not an event, so it never shows up as a session to
    resume nor in the association's reports. `data_dir` None does the same for a
    real session (no log on disk, no offer, no report).
    """
    controller = Controller.for_pack(pack, language=language, data_dir=data_dir,
                                     preview=bool(scenario), team_name=_team_name, clock=clock)
    if scenario:
        controller.session.advance()
        controller.session.start_scenario(scenario, step)
    return App(controller, folder, shown, size, clock=clock)


class _Stop:
    """SIGTERM and Ctrl+C end the game as quitting does: the loop ends, the log is closed."""

    def __init__(self, app: App) -> None:
        self.app = app

    def __call__(self, signum: int, frame: FrameType | None) -> None:
        self.app.ui.quit_requested = True


def run_game(options: PlayOptions) -> int:
    """Play a pack in a window (full screen unless `options.window`); the exit code."""
    pack, folder, shown, problems = load_for_play(options.pack)
    if pack is None:
        for line in problems:
            print(line, file=sys.stderr)
        if not any("no such pack folder" in line for line in problems):
            print(f"{shown}: the pack cannot be played until pack.yaml is fixed",
                  file=sys.stderr)
        return 1
    problem = (language_problem(pack, shown, options.lang)
               or preview_problem(pack, shown, options.scenario, options.step))
    if problem:
        print(problem, file=sys.stderr)
        return 1
    chosen = (DataFolder(options.data_dir) if options.data_dir is not None
              else choose_data_dir(beside=folder))
    if chosen.note:  # no home folder (a container's user): say where the logs go instead
        print(chosen.note, file=sys.stderr)
    data_dir = chosen.path

    pygame.display.init()
    pygame.font.init()
    _init_sound()
    pygame.display.set_caption("Degrees of Risk")
    windows = Windows(options.window, options.presenter)
    pygame.key.set_repeat(0)
    app = build_app(pack, folder, shown, windows.surface.get_size(), language=options.lang,
                    data_dir=data_dir, scenario=options.scenario, step=options.step)
    app.phones_port, app.phones_address = options.port, options.phones_address
    windows.attach(app)
    if options.phones:
        app.open_room()  # the join screen shows over the title; any key closes it
    stop = _Stop(app)
    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGTERM, signal.SIGINT)}
    if signals.pending:  # a signal came while the pack loaded: end as quitting does
        stop(signals.pending[0], None)
    clock = pygame.time.Clock()
    # benchmarks/bench_frames.py times launch to first frame; read once, not every frame.
    report_first_frame = os.environ.get("DOR_REPORT_FIRST_FRAME") == "1"
    try:
        while app.running:
            for event in pygame.event.get():
                windows.handle(event)
            app.poll_phones()
            drew = app.needs_frame()
            windows.draw()
            if drew and report_first_frame:
                report_first_frame = False
                # The title screen with its options (after the pack's title, game/ui/splash.py).
                now = time.time()
                print(f"first-frame {now:.6f}\ntitle-frame {now:.6f}", flush=True)
            # Idle (nothing animating), waking 30 times a second still answers a key within
            # a frame a room can notice, at half the cost of polling at 60 on battery.
            clock.tick(FPS if windows.busy else IDLE_FPS)
    finally:
        app.close_room()
        app.controller.close()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        signals.release()
        pygame.quit()
    return 0


def language_problem(pack: Pack, shown: str, lang: str | None) -> str | None:
    """Why `--lang` cannot be played (None: it can, or none was given): a language the pack
    has no texts in is an error naming the pack's languages, never a silent English."""
    if lang is None or lang in pack.languages:
        return None
    known = ", ".join(pack.languages)
    return f"{shown}: error: the pack has no language '{lang}' (its languages: {known})"


def preview_problem(pack: Pack, shown: str, scenario: str | None,
                    step: str | None) -> str | None:
    """Why `--scenario`/`--step` cannot be previewed, with the names to choose from (None:
    they can). A step without a scenario, a step of a card deck, or an unknown name is an
    error, never silently ignored."""
    from difflib import get_close_matches

    from game.core.model import Story

    def hint(name: str, known: Sequence[str]) -> str:
        close = get_close_matches(name, list(known), n=1)
        return f" (did you mean '{close[0]}'?)" if close else ""

    if step and not scenario:
        return f"{shown}: error: --step needs --scenario (the story the step belongs to)"
    if not scenario:
        return None
    if scenario not in pack.scenarios:
        if scenario in pack.left_out:
            why = "\n".join(p.format() for p in pack.left_out[scenario] if p.is_error)
            return (f"{shown}: error: scenario '{scenario}' cannot be previewed, it has "
                    f"errors:\n{why}")
        known = ", ".join(pack.scenarios) or "none"
        return (f"{shown}: error: no scenario '{scenario}' that loads"
                f"{hint(scenario, list(pack.scenarios))} (scenarios: {known})")
    story = pack.scenarios[scenario]
    if step is None:
        return None
    if not isinstance(story, Story):
        return f"{shown}: error: --step is for stories; '{scenario}' is a card deck"
    if step not in story.steps:
        steps = ", ".join(story.steps)
        return (f"{shown}: error: story '{scenario}' has no step '{step}'"
                f"{hint(step, list(story.steps))} (steps: {steps})")
    return None
