"""The facilitator's notes for the current scenario (or the one under the menu cursor)."""

from __future__ import annotations

import pygame

from game.ui.screens.base import Ctx, Screen
from game.ui.screens.overlay import panel
from game.ui.text import Block, Spacer
from game.ui.widgets import heading


class NotesScreen(Screen):
    """N shows and hides them; the game goes on underneath."""

    def draw(self, surface: pygame.Surface, ctx: Ctx) -> None:
        scenario = ctx.scenario
        if scenario is None:
            ids = ctx.session.scenario_ids
            cursor = ctx.controller.menu_cursor
            scenario = ctx.session.pack.scenarios[ids[cursor]] if 0 <= cursor < len(ids) else None
        title = ctx.text(scenario.title) if scenario is not None else ""
        notes = ctx.text(scenario.notes) if scenario is not None else ""
        blocks: list[Block] = [heading(ctx, ctx.say("notes")).clipped(1)]
        if title:
            blocks.append(ctx.slot("scenario_title", title, ctx.theme.muted).clipped(2))
        blocks += [Spacer(ctx.gap(0.02)), ctx.slot("notes", notes or ctx.say("no_notes"))]
        panel(surface, ctx, blocks, 0.88)
