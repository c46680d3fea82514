"""When a screen fails: say so plainly, and go back to the menu with any key."""

from __future__ import annotations

import pygame

from game.ui.screens.base import Ctx, Screen
from game.ui.screens.overlay import panel
from game.ui.text import Block, Spacer, plain_text


class ErrorScreen(Screen):
    """The failure in one line, for the facilitator; nothing is lost, the menu is one key away."""

    def draw(self, surface: pygame.Surface, ctx: Ctx) -> None:
        width = int(0.84 * ctx.width)
        theme = ctx.theme
        blocks: list[Block] = [
            plain_text(ctx.fonts, ctx.say("error"), ctx.px(0.05), True, theme.error, width,
                       max_lines=2),
            Spacer(ctx.gap(0.02)),
            plain_text(ctx.fonts, ctx.ui.error_text, ctx.body_px, False, theme.muted, width,
                       max_lines=4),
            Spacer(ctx.gap(0.03)),
            plain_text(ctx.fonts, ctx.say("error_back"), ctx.body_px, False, theme.text, width,
                       max_lines=2),
        ]
        panel(surface, ctx, blocks, 0.84)
