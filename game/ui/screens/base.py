"""The screen base class and the drawing context every screen receives."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence

import pygame

from game.core.commands import Action, Command
from game.ui.context import FOOTER, FOOTER_BAND, Ctx, Target
from game.ui.text import (
    Block,
    Misfit,
    draw_column,
    fits,
    largest,
    measuring,
)

__all__ = ["FIXED", "FOOTER", "FOOTER_BAND", "LADDER", "Ctx", "Layout", "PagedScreen", "Screen",
           "Target", "fitting_scale"]

_FIT_MEMORY = 256
"""Scales remembered per screen (then forgotten all at once)."""
LADDER = (1.0, 1.15, 1.3, 1.45)
"""Text scales a screen of the pack's texts tries, biggest first: body text at 4%, 4.6%,
5.2% or 5.8% of the height, headings alike. 1.0 is the validator's size, the fallback."""
FIXED = (1.0,)
"""The ladder of screens that keep body text at 4% (menus, overlays, the title)."""


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
