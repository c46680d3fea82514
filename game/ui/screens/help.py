"""The help overlay: the key table, from the keymap itself, page by page at body size."""

from __future__ import annotations

import pygame

from game.ui.keymap import HELP_ROWS
from game.ui.screens.base import Ctx, Screen
from game.ui.screens.overlay import panel
from game.ui.text import Block, Painted, Spacer, plain_text
from game.ui.widgets import heading

PANEL = 0.92
"""The help panel's width: the key table at body size fits a 4:3 projector in every language."""


class HelpScreen(Screen):
    """Every key and what it does, at the projector's body size: when the table is longer
    than the screen, it is split into pages (Enter, PageDown: the next; any other key
    closes), never shrunk below what the back row reads."""

    def draw(self, surface: pygame.Surface, ctx: Ctx) -> None:
        width = int(PANEL * ctx.width)
        keys_w = int(width * 0.38)
        gap = int(0.02 * ctx.width)
        theme = ctx.theme
        px = ctx.body_px
        rows = []
        for keys, wording in HELP_ROWS:
            left = plain_text(ctx.fonts, keys, px, True, theme.accent, keys_w, max_lines=2)
            right = plain_text(ctx.fonts, ctx.say(wording), px, False, theme.text,
                               width - keys_w - gap, max_lines=3)
            rows.append((left, right, max(left.height, right.height)))
        title = heading(ctx, ctx.say("keys")).clipped(1)
        more = plain_text(ctx.fonts, ctx.say("page", n=1, m=9), px, False, theme.muted, width,
                          max_lines=1)
        room = (ctx.height - 4 * ctx.gap(0.03) - title.height - 2 * ctx.gap(0.015)
                - more.height)  # as `panel`, with a line saying which page this is
        pages: list[list[tuple[Block, Block, int]]] = [[]]
        used = 0
        for row in rows:
            if pages[-1] and used + row[2] > room:
                pages.append([])
                used = 0
            pages[-1].append(row)
            used += row[2]
        ui = ctx.ui
        ui.help_pages = len(pages)
        ui.help_page = min(ui.help_page, len(pages) - 1)
        shown = pages[ui.help_page]

        def paint(surface: pygame.Surface, rect: pygame.Rect) -> None:
            y = rect.y
            for left, right, height in shown:
                left.draw(surface, rect.x, y)
                right.draw(surface, rect.x + keys_w + gap, y)
                y += height

        blocks: list[Block] = [title, Spacer(ctx.gap(0.015)),
                               Painted(width, sum(r[2] for r in shown), paint)]
        if len(pages) > 1:
            blocks += [Spacer(ctx.gap(0.015)),
                       plain_text(ctx.fonts, ctx.say("page", n=ui.help_page + 1, m=len(pages))
                                  + (" · PgDn" if ui.help_page + 1 < len(pages) else ""),
                                  px, False, theme.muted, width, max_lines=1)]
        panel(surface, ctx, blocks, PANEL)
