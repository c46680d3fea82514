"""After Ctrl+R on a pack with errors: the errors, while the previous pack goes on."""

from __future__ import annotations

import pygame

from game.ui.screens.base import Ctx, Screen
from game.ui.screens.overlay import panel
from game.ui.text import Block, Spacer, line_px, plain_text


class ReloadErrorsScreen(Screen):
    """Each problem as validate prints it, as many as fit; any key closes."""

    def draw(self, surface: pygame.Surface, ctx: Ctx) -> None:
        width = int(0.9 * ctx.width)
        theme = ctx.theme
        title = plain_text(ctx.fonts, ctx.say("reload_failed"), ctx.body_px, True, theme.error,
                           width, max_lines=2)
        px = ctx.body_px
        room = ctx.height - title.height - 6 * ctx.gap(0.03) - 2 * line_px(px)
        blocks: list[Block] = [title, Spacer(ctx.gap(0.02))]
        used = 0
        problems = ctx.ui.reload_problems
        for i, problem in enumerate(problems):
            para = plain_text(ctx.fonts, problem, px, False, theme.text, width, max_lines=3)
            if used + para.height > room:
                blocks.append(plain_text(ctx.fonts, ctx.say("reload_more", n=len(problems) - i),
                                         px, False, theme.muted, width, max_lines=1))
                break
            blocks.append(para)
            used += para.height
        blocks += [Spacer(ctx.gap(0.02)),
                   plain_text(ctx.fonts, ctx.say("any_key"), px, False, theme.muted, width,
                              max_lines=1)]
        panel(surface, ctx, blocks, 0.9)
