"""The screen base class and the drawing context every screen receives."""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

import pygame

from game.core.commands import Action, Command
from game.core.controller import Controller
from game.core.layout import BODY, MARGIN
from game.core.model import Deck, Story, Text
from game.core.session import Session
from game.ui.fonts import Fonts
from game.ui.images import Pictures
from game.ui.state import UiState
from game.ui.text import (
    Block,
    Misfit,
    Paragraph,
    draw_column,
    fits,
    font_px,
    largest,
    line_px,
    measuring,
    slot_text,
)
from game.ui.theme import Theme
from game.ui.wording import say

FOOTER = 0.028
"""Footer text size (progress, language, timer): small on purpose, for the facilitator."""
FOOTER_BAND = 0.05
"""Height of the band at the bottom that holds the footer, as a fraction of the window."""
_FIT_MEMORY = 256
"""Scales remembered per screen (then forgotten all at once)."""
LADDER = (1.0, 1.15, 1.3, 1.45)
"""Text scales a screen of the pack's texts tries, biggest first: body text at 4%, 4.6%,
5.2% or 5.8% of the height, headings alike. 1.0 is the validator's size, the fallback."""
FIXED = (1.0,)
"""The ladder of screens that keep body text at 4% (menus, overlays, the title)."""


@dataclass
class Target:
    """A clickable rectangle and the command a click on it gives."""

    rect: pygame.Rect
    command: Command


def _nowhere(command: Command) -> None:
    """The `send` of a context that drives nothing (a layout measured alone)."""


@dataclass
class Ctx:
    """What a screen needs to draw: the session (read only), the controller's cursors and
    options, the window's state, fonts, theme, size and time; `send` hands a command to
    the controller, the only way a screen changes anything beyond its own pages."""

    session: Session
    ui: UiState
    fonts: Fonts
    pictures: Pictures
    theme: Theme
    size: tuple[int, int]
    now: float
    shown_at: float
    controller: Controller
    send: Callable[[Command], None] = _nowhere
    targets: list[Target] = field(default_factory=list)
    marks: dict[str, pygame.Rect] = field(default_factory=dict)
    animating: bool = False
    scale: float = 1.0
    """Text size relative to the body size (4%): 1 unless a screen found room for more."""

    # ------------------------------------------------------------ wording
    @property
    def lang(self) -> str:
        return self.session.language

    def say(self, key: str, **values: object) -> str:
        """The game's own wording in the session's language."""
        return say(key, self.lang, **values)

    def text(self, text: Text | None) -> str:
        """A pack text in the session's language."""
        return self.session.pack.text(text, self.lang)

    @property
    def scenario(self) -> Story | Deck | None:
        return self.session.story or self.session.deck

    # ------------------------------------------------------------- geometry
    @property
    def width(self) -> int:
        return self.size[0]

    @property
    def height(self) -> int:
        return self.size[1]

    def px(self, fraction: float) -> int:
        """A text size given as a fraction of the window height, in pixels, at `scale`."""
        return font_px(fraction * self.scale, self.height)

    @contextmanager
    def at_scale(self, scale: float) -> Iterator[None]:
        """Lay out and draw texts `scale` times their size inside the `with`."""
        before, self.scale = self.scale, scale
        try:
            yield
        finally:
            self.scale = before

    @property
    def body_px(self) -> int:
        return self.px(BODY)

    @property
    def body_line(self) -> int:
        return line_px(self.body_px)

    @property
    def overhang(self) -> int:
        """How far a body line's descenders may reach below its line box (the font's glyph
        box is taller than the line advance): room a full column keeps free at its foot."""
        px = self.body_px
        return max(0, math.ceil((self.fonts.font(px).get_height() - line_px(px)) / 2))

    @property
    def left(self) -> int:
        return int(MARGIN * self.width)

    @property
    def content_width(self) -> int:
        return self.width - 2 * self.left

    @property
    def top(self) -> int:
        return int(MARGIN * self.height)

    @property
    def bottom(self) -> int:
        """The lowest y of content: the footer band lies below it."""
        return self.height - int(FOOTER_BAND * self.height)

    def gap(self, fraction: float = 0.02) -> int:
        return int(fraction * self.height)

    # ------------------------------------------------------------- helpers
    def progress(self, duration: float) -> float:
        """0 → 1 over `duration` seconds since the screen was shown; keeps frames coming."""
        t = (self.now - self.shown_at) / duration if duration > 0 else 1.0
        if t < 1:
            self.animating = True
        return max(0.0, min(1.0, t))

    def target(self, rect: pygame.Rect, command: Command) -> None:
        """Make `rect` clickable for `command` (the last drawn wins on overlap)."""
        self.targets.append(Target(pygame.Rect(rect), command))

    def mark(self, name: str, rect: pygame.Rect) -> None:
        """Name where something was drawn, so tests can find it by name, not by pixel."""
        self.marks[name] = pygame.Rect(rect)

    def slot(self, kind: str, text: str, colour: tuple[int, int, int] | None = None,
             width: int | None = None, align: str = "left") -> Paragraph:
        """A pack text laid out in its slot (see game.core.layout.SLOTS)."""
        return slot_text(self.fonts, kind, text, self.size, colour or self.theme.text,
                         width, align, self.scale)


Layout = Callable[["Ctx"], list[Block]]
"""A screen's blocks, top to bottom, laid out at the context's scale."""


def fitting_scale(ctx: Ctx, layouts: Sequence[Layout], available: int,
                  ladder: Sequence[float] = LADDER) -> float:
    """The largest scale of `ladder` at which every layout fits `available` pixels of height.

    A layout fits when no text in it misfits (a slot text needing more lines than its
    slot has, a text shortened with "…", a picture left out; see `text.measuring`)
    and its blocks stack into `available` without squeezing. Laid out, never drawn.
    """

    def fits_at(scale: float) -> bool:
        for layout in layouts:
            try:
                with ctx.at_scale(scale), measuring(stop=True):
                    blocks = layout(ctx)
                    room = available - ctx.overhang
            except Misfit:
                return False
            if not fits([b.height for b in blocks], room):
                return False
        return True

    return largest(ladder, fits_at)


class Screen:
    """One screen of the game: draws the session; may handle commands of its own.

    Most screens are one column of blocks (`layout`) drawn between the top margin
    and the footer, at the largest text scale of `ladder` that fits; others
    override `draw`. Screens in `partners` show the same text one after another
    (a card, then its rating): a size fits only when it fits them all, so the
    text keeps its size from one to the next.
    """

    ladder: tuple[float, ...] = FIXED
    valign = "top"

    def __init__(self) -> None:
        self.partners: list[Screen] = []
        self._scales: dict[Hashable, float] = {}
        self._pack: object = None

    def on_show(self, ctx: Ctx) -> None:
        """Called when the session arrives on this screen (not on redraws)."""

    def layout(self, ctx: Ctx) -> list[Block]:
        """The screen's blocks, top to bottom, at `ctx.scale`; built anew for every frame."""
        raise NotImplementedError

    def fit_key(self, ctx: Ctx) -> Hashable:
        """What `layout` depends on besides the language, window size, pack and teams: the
        scale found for one key serves every frame with it. By default the whole state."""
        ui = ctx.ui
        control = ctx.controller
        return (ctx.session.state, ui.subpage, control.report_path, control.report_error)

    def draw(self, surface: pygame.Surface, ctx: Ctx) -> None:
        """Draw the whole screen; register clickable rectangles with `ctx.target`."""
        with ctx.at_scale(self.scale(ctx)):
            draw_column(surface, self.layout(ctx), ctx.left, ctx.top, ctx.bottom, self.valign)

    def scale(self, ctx: Ctx) -> float:
        """The text scale to draw at: found once per `fit_key`, not on every frame (the
        meter's animation redraws without laying the screen out at every size)."""
        if len(self.ladder) == 1:
            return self.ladder[0]
        session = ctx.session
        if self._pack is not session.pack or len(self._scales) >= _FIT_MEMORY:
            self._scales.clear()
            self._pack = session.pack  # kept, so a reloaded pack is never taken for it
        key = (self.fit_key(ctx), *(p.fit_key(ctx) for p in self.partners), ctx.lang,
               ctx.size, tuple(session.team_names))
        scale = self._scales.get(key)
        if scale is None:
            layouts = [self.layout, *(p.layout for p in self.partners)]
            scale = self._scales[key] = fitting_scale(ctx, layouts, ctx.bottom - ctx.top,
                                                      self.ladder)
        return scale

    def handle(self, command: Command, ctx: Ctx) -> bool:
        """Handle a command that means something special here; False to let the app route it."""
        return False

    def footer(self, ctx: Ctx) -> str:
        """Where the room is, for the small footer (e.g. 'step 2', 'card 3/13')."""
        return ""


class PagedScreen(Screen):
    """A screen whose rows may run over several pages: Continue and Back turn them first."""

    def on_show(self, ctx: Ctx) -> None:
        ctx.ui.subpage = 0
        ctx.ui.subpages = 1

    def handle(self, command: Command, ctx: Ctx) -> bool:
        ui = ctx.ui
        if command.action is Action.CONTINUE and ui.subpage + 1 < ui.subpages:
            ui.subpage += 1
            return True
        if command.action is Action.BACK and ui.subpage > 0:
            ui.subpage -= 1
            return True
        return False

    def footer(self, ctx: Ctx) -> str:
        ui = ctx.ui
        return ctx.say("page", n=ui.subpage + 1, m=ui.subpages) if ui.subpages > 1 else ""
