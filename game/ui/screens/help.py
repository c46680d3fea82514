"""The help overlay: the key table, from the keymap itself."""

from __future__ import annotations

import pygame

from game.ui.keymap import HELP_ROWS
from game.ui.screens.base import FOOTER, Ctx, Screen
from game.ui.screens.overlay import panel
from game.ui.text import Block, Painted, Spacer, font_px, plain_text
from game.ui.widgets import heading

PANEL = 0.92
"""The help panel's width: the key table at body size fits a 4:3 projector in every language."""


class HelpScreen(Screen):
    """Every key and what it does; any key closes it."""

    def draw(self, surface: pygame.Surface, ctx: Ctx) -> None:
        width = int(PANEL * ctx.width)
        keys_w = int(width * 0.38)
        gap = int(0.02 * ctx.width)
        theme = ctx.theme
        head = heading(ctx, ctx.say("keys")).clipped(1)
        room = ctx.height - 4 * ctx.gap(0.03) - head.height - ctx.gap(0.015)  # as `panel`
        px = ctx.body_px
        smallest = font_px(FOOTER, ctx.height)
        while True:
            # Body size when the table fits; smaller (never below the footer's) when the
            # keys outgrow the window: the facilitator reads it, and it must fit whole.
            rows = []
            for keys, wording in HELP_ROWS:
                left = plain_text(ctx.fonts, keys, px, True, theme.accent, keys_w, max_lines=2)
                right = plain_text(ctx.fonts, ctx.say(wording), px, False, theme.text,
                                   width - keys_w - gap, max_lines=3)
                rows.append((left, right, max(left.height, right.height)))
            if sum(r[2] for r in rows) <= room or px <= smallest:
                break
            px -= 1

        def paint(surface: pygame.Surface, rect: pygame.Rect) -> None:
            y = rect.y
            for left, right, height in rows:
                left.draw(surface, rect.x, y)
                right.draw(surface, rect.x + keys_w + gap, y)
                y += height

        blocks: list[Block] = [head, Spacer(ctx.gap(0.015)),
                               Painted(width, sum(r[2] for r in rows), paint)]
        panel(surface, ctx, blocks, PANEL)
