"""The presenter view: what the facilitator sees on the laptop while the room sees the projector.

It draws, onto any surface, the room's screen in small (the very frame the audience window
shows, scaled: the same code drew it), what comes next (a step's choices with the degree
each carries and where each leads, a card's answer, the next step or card), the scenario's
notes and discussion questions, the timer, the session clock, the step or card count, the
keys, the full report path and a reload's errors with their full paths. The pause menu,
help, notes and check overlays are drawn here, over it, and never on the projector while
the presenter view is on. Text is never smaller than 1.8% of the window's height.

It redraws only when its own content changed (`needs_frame`): a settled frame of the room,
the timer's second, the session clock's minute, its own size. The window itself is
`game.ui.windows`'s; this module knows nothing of displays.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING

import pygame

from game.core import roomplay
from game.core.commands import Command
from game.core.model import Deck, Story
from game.core.session import DeckPlay, ScreenKind, StoryPlay
from game.ui.fonts import Fonts
from game.ui.keymap import HELP_ROWS, PRESENTER_ROWS
from game.ui.screens.base import Ctx
from game.ui.state import Overlay
from game.ui.text import font_px, line_px, plain_text
from game.ui.theme import Colour

if TYPE_CHECKING:
    from game.ui.app import App

SMALLEST = 0.018
"""No text of the presenter view is smaller than this fraction of its height."""
SMALL = 0.021
BODY = 0.026
HEADING = 0.032
MARGIN = 0.02
ROOM_WIDTH = 0.46
"""The room's screen in small takes this fraction of the presenter window's width."""

AUDIENCE_OVERLAYS = frozenset({Overlay.BLANK, Overlay.ERROR})
"""Overlays the room sees while the presenter view is on (black, or a failure's message);
every other overlay (pause, help, notes, reload errors, check) is the facilitator's alone."""
SHOWN_ANYWAY = frozenset({Overlay.NOTES, Overlay.RELOAD_ERRORS})
"""Overlays the presenter view's own sections already show (the notes; the reload's errors
with their full paths): not drawn over them."""


def audience_overlay(overlay: Overlay | None, presenter_on: bool) -> Overlay | None:
    """The overlay the projector draws: all of them without a presenter view; with one,
    only those the room may see (else the room sees the screen underneath)."""
    if overlay is None or not presenter_on or overlay in AUDIENCE_OVERLAYS:
        return overlay
    return None


def clock_text(seconds: float) -> str:
    """Elapsed time as h:mm (the session clock moves once a minute: no redraw each second)."""
    minutes = int(seconds) // 60
    return f"{minutes // 60}:{minutes % 60:02d}"


def excerpt(text: str, limit: int = 90) -> str:
    """The first words of `text`, on one line, cut with "…" after `limit` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


class PresenterView:
    """Draws the facilitator's screen for an `App` and takes the clicks made on it."""

    def __init__(self, app: App, size: tuple[int, int]) -> None:
        self.app = app
        self.size = size
        self.fonts = Fonts()
        self.targets: list[tuple[pygame.Rect, Command]] = []
        self.dirty = True
        self.frames = 0
        """Frames drawn (the benchmark and the tests count them)."""
        self._drawn: Hashable = None

    # ------------------------------------------------------------ redraws
    def resize(self, size: tuple[int, int]) -> None:
        """The presenter window has a new size: lay it out again."""
        self.size = size
        self.fonts.clear()
        self.dirty = True

    def content(self, room_frames: int) -> Hashable:
        """Everything the view shows that can change: equal keys, equal pictures."""
        app = self.app
        ui = app.ui
        timer = ui.timer.text() if ui.timer.shown else ""
        # The votes book is replaced on every vote: its identity says the tally moved.
        return (room_frames, timer, clock_text(app.session.duration()), self.size,
                app.session.language, id(app.session.votes))

    def needs_frame(self, room_frames: int) -> bool:
        """Whether to redraw now; `room_frames` counts the room's settled frames (a frame
        drawn while the meter moves is not one: the small copy waits for it to stop)."""
        return self.dirty or self.content(room_frames) != self._drawn

    # ------------------------------------------------------------- events
    def click(self, pos: tuple[int, int], button: int = 1) -> None:
        """A click in the presenter window: an item of an overlay drawn there (the pause
        menu's entries), else nothing (a stray click on the laptop never moves the room)."""
        self.dirty = True
        if button != 1:
            return
        for rect, command in reversed(self.targets):
            if rect.collidepoint(pos):
                self.app.dispatch(command)
                return

    # ------------------------------------------------------------ drawing
    def draw(self, surface: pygame.Surface, room: pygame.Surface | None,
             room_frames: int = 0) -> None:
        """Draw the presenter view onto `surface`; `room` is the audience window's frame."""
        app = self.app
        self._drawn = self.content(room_frames)
        self.dirty = False
        self.frames += 1
        try:
            self._draw(surface, room)
        except Exception as exc:  # the laptop's view must never stop the room's game
            app.fail(exc)
            surface.fill(app.theme.background)

    def _ctx(self) -> Ctx:
        app = self.app
        return Ctx(app.session, app.ui, self.fonts, app.pictures, app.theme, self.size,
                   app.clock(), app.shown_at, app.controller, send=app.send)

    def _draw(self, surface: pygame.Surface, room: pygame.Surface | None) -> None:
        app, ui = self.app, self.app.ui
        width, height = self.size
        theme = app.theme
        surface.fill(theme.background)
        margin = int(MARGIN * height)
        ctx = self._ctx()
        writer = _Writer(surface, self.fonts, height)
        # The top line: where the room is, the timer and the session clock.
        times = [ctx.say("presenter_clock", time=clock_text(app.session.duration()))]
        if ui.timer.shown:
            times.insert(0, ctx.say("presenter_timer", time=ui.timer.text()))
        used = writer.right("   ".join(times), width - margin, margin, HEADING, theme.accent)
        top = writer.line(self._where(ctx), margin, margin, width - 3 * margin - used, HEADING,
                          theme.accent, bold=True)
        y = top + margin // 2
        # Left: the room's screen in small, then the keys.
        left_w = int(ROOM_WIDTH * width)
        y_left = writer.line(self._room_label(), margin, y, left_w, SMALL, theme.muted)
        if room is not None:
            rw, rh = room.get_size()
            small_h = max(1, rh * left_w // max(1, rw))
            small = pygame.transform.smoothscale(room, (left_w, small_h))
            surface.blit(small, (margin, y_left))
            pygame.draw.rect(surface, theme.panel_edge,
                             (margin - 1, y_left - 1, left_w + 2, small_h + 2), 1)
            y_left += small_h + margin
        y_left = writer.line(ctx.say("presenter_keys"), margin, y_left, left_w, BODY,
                             theme.accent, bold=True)
        # Two columns of keys, a key and what it does in up to two lines each.
        rows = [f"{keys}: {ctx.say(what)}" for keys, what in (*PRESENTER_ROWS, *HELP_ROWS)]
        cell = (left_w - margin) // 2
        for i in range(0, len(rows), 2):
            below = [writer.para(text, margin + n * (cell + margin), y_left, cell, SMALL,
                                 theme.text, height - margin, max_lines=2)
                     for n, text in enumerate(rows[i:i + 2])]
            y_left = max(below)
        # Right: what comes next, the notes, the questions, the report, the reload's errors.
        x = margin * 2 + left_w
        right_w = width - x - margin
        bottom = height - margin
        for heading, lines in self._sections(ctx):
            if y >= bottom:
                break
            y = writer.line(heading, x, y, right_w, BODY, theme.accent, bold=True, bottom=bottom)
            for text, colour, size in lines:
                y = writer.para(text, x, y, right_w, size, colour or theme.text, bottom)
            y += margin // 2
        # A facilitator's overlay (pause, help, notes, check, reload errors) over it all.
        self.targets = []
        overlay = ui.overlay
        if overlay is not None and overlay not in AUDIENCE_OVERLAYS | SHOWN_ANYWAY:
            app.overlays[overlay].draw(surface, ctx)
            self.targets = [(t.rect, t.command) for t in ctx.targets]

    def _room_label(self) -> str:
        app = self.app
        lang = app.session.language
        from game.ui.wording import say

        if app.ui.overlay is Overlay.BLANK:
            return say("presenter_room_black", lang)
        return say("presenter_room", lang)

    def _where(self, ctx: Ctx) -> str:
        session = ctx.session
        scenario = ctx.scenario
        parts = [ctx.say("presenter_title")]
        if scenario is not None:
            parts.append(ctx.text(scenario.title))
        play = session.play
        if isinstance(play, StoryPlay):
            parts.append(ctx.say("presenter_step", n=len(play.path) + (
                1 if session.screen is ScreenKind.STEP else 0)))
        elif isinstance(play, DeckPlay) and isinstance(scenario, Deck):
            parts.append(ctx.say("presenter_card", n=play.card + 1, m=len(scenario.cards)))
        return " · ".join(p for p in parts if p)

    def _sections(self, ctx: Ctx) -> list[tuple[str, list[tuple[str, Colour | None, float]]]]:
        """The right column's sections: heading, then (text, colour, size) lines."""
        session, theme, ui = ctx.session, ctx.theme, ctx.ui
        sections: list[tuple[str, list[tuple[str, Colour | None, float]]]] = []
        if ui.reload_full and ui.overlay is Overlay.RELOAD_ERRORS:
            sections.append((ctx.say("presenter_reload"),
                             [(line, theme.error, SMALL) for line in ui.reload_full]))
        tally = self._tally(ctx)
        if tally:
            sections.append(tally)
        upcoming = self._next(ctx)
        if upcoming:
            sections.append(upcoming)
        scenario = ctx.scenario
        if scenario is None and session.screen is ScreenKind.MENU:
            ids = session.scenario_ids
            cursor = ctx.controller.menu_cursor
            scenario = session.pack.scenarios[ids[cursor]] if 0 <= cursor < len(ids) else None
        if scenario is not None:
            notes = ctx.text(scenario.notes) if scenario.notes is not None else ""
            sections.append((ctx.say("notes"), [(notes or ctx.say("no_notes"), None, BODY)]))
            questions = [ctx.text(q) for q in scenario.questions]
            if questions:
                sections.append((ctx.say("presenter_questions"),
                                 [(f"{n}. {q}", None, BODY)
                                  for n, q in enumerate(questions, 1)]))
        report = ctx.controller.report_path
        if session.screen is ScreenKind.SUMMARY and report is not None:
            sections.append((ctx.say("summary"),
                             [(ctx.say("presenter_report", path=str(report)), None, SMALL)]))
        return sections

    def _tally(self, ctx: Ctx) -> tuple[str, list[tuple[str, Colour | None, float]]] | None:
        """The phones' votes on the question on screen, before the room sees them."""
        found = roomplay.summary(ctx.session)
        if found is None or found.revealed or found.total == 0:
            return None
        lines: list[tuple[str, Colour | None, float]] = []
        for option, count, share in zip(found.question.options, found.counts, found.shares,
                                        strict=False):
            label = option.text.get(ctx.lang) or next(iter(option.text.values()), "")
            colour = ctx.theme.accent if option.number - 1 in found.top else None
            lines.append((ctx.say("presenter_vote", n=option.number, text=excerpt(label, 60),
                                  count=count, share=share), colour, BODY))
        return ctx.say("presenter_tally", n=found.total), lines

    def _next(self, ctx: Ctx) -> tuple[str, list[tuple[str, Colour | None, float]]] | None:
        """What comes next: the choices and where each leads, a card's answer, the next
        step or card. None where the next screen is the same for everyone (debriefs)."""
        session, theme = ctx.session, ctx.theme
        play, scenario = session.play, ctx.scenario
        scale = session.pack.info.risk_scale

        def degree(n: int) -> str:
            return f"{n + 1} · {ctx.text(scale[n].label)}" if 0 <= n < len(scale) else ""

        screen = session.screen
        if isinstance(play, StoryPlay) and isinstance(scenario, Story):
            if screen is ScreenKind.STEP:
                step = scenario.steps[play.step]
                lines: list[tuple[str, Colour | None, float]] = []
                cursor = ctx.controller.choice_cursor
                for i, choice in enumerate(step.choices or []):
                    colour = theme.focus if i == cursor else None
                    lines.append((f"{i + 1}. {ctx.text(choice.text)}", colour, BODY))
                    following = scenario.steps.get(choice.next)
                    then = excerpt(ctx.text(following.text)) if following is not None else ""
                    lines.append((f"{degree(choice.risk)} · "
                                  + ctx.say("presenter_leads_to", text=then), theme.muted,
                                  SMALL))
                return ctx.say("presenter_choices"), lines
            if screen is ScreenKind.FEEDBACK and play.path:
                last = play.path[-1]
                choice = (scenario.steps[last.step].choices or [])[last.choice]
                following = scenario.steps.get(choice.next)
                if following is not None:
                    return ctx.say("presenter_next"), [(excerpt(ctx.text(following.text), 240),
                                                        None, BODY)]
        if isinstance(play, DeckPlay) and isinstance(scenario, Deck):
            cards = scenario.cards
            if screen in (ScreenKind.CARD, ScreenKind.RATING) and play.card < len(cards):
                answer = ctx.say("presenter_answer", degree=degree(cards[play.card].risk))
                return ctx.say("presenter_next"), [(answer, theme.accent, BODY)]
            if screen is ScreenKind.REVEAL and play.card + 1 < len(cards):
                card = cards[play.card + 1]
                return ctx.say("presenter_next"), [
                    (excerpt(ctx.text(card.text), 240), None, BODY),
                    (ctx.say("presenter_answer", degree=degree(card.risk)), theme.muted, SMALL)]
        return None


class _Writer:
    """Lines and paragraphs of the presenter view, at sizes never below `SMALLEST`."""

    def __init__(self, surface: pygame.Surface, fonts: Fonts, height: int) -> None:
        self.surface = surface
        self.fonts = fonts
        self.height = height

    def px(self, fraction: float) -> int:
        return font_px(max(SMALLEST, fraction), self.height)

    def line(self, text: str, x: int, y: int, width: int, size: float, colour: Colour,
             bold: bool = False, bottom: int | None = None) -> int:
        """One line, cut to `width` with "…"; the y below it (nothing drawn past `bottom`)."""
        return self.para(text, x, y, width, size, colour, bottom, bold=bold, max_lines=1)

    def para(self, text: str, x: int, y: int, width: int, size: float, colour: Colour,
             bottom: int | None = None, bold: bool = False, max_lines: int | None = None) -> int:
        """A wrapped paragraph, as many lines as fit above `bottom`; the y below it."""
        px = self.px(size)
        room = ((bottom - y) // line_px(px)) if bottom is not None else 999
        lines = min(room, max_lines or 999)
        if lines <= 0:
            return y
        para = plain_text(self.fonts, text, px, bold, colour, width, max_lines=lines)
        para.draw(self.surface, x, y)
        return y + para.height

    def right(self, text: str, right: int, y: int, size: float, colour: Colour) -> int:
        """One line ending at `right` (the timer and the clock); its width."""
        image = self.fonts.render(text, self.px(size), True, colour)
        self.surface.blit(image, (right - image.get_width(), y))
        return int(image.get_width())
