"""Debrief: one screen per warning sign met: what it is, why it is dangerous, what to do."""

from __future__ import annotations

import pygame

from game.ui.screens.base import Ctx, Screen
from game.ui.text import Block, Spacer, draw_column, plain_text


class DebriefSignScreen(Screen):
    """The warning sign of the session's page among the signs met in this scenario."""

    def draw(self, surface: pygame.Surface, ctx: Ctx) -> None:
        met = ctx.session.signs_met()
        page = ctx.session.page
        if not 0 <= page < len(met):
            return
        sign = ctx.session.pack.signs[met[page]]
        theme = ctx.theme

        def label(text: str) -> Block:
            return plain_text(ctx.fonts, text, ctx.body_px, True, theme.muted,
                              ctx.content_width, max_lines=1)

        blocks: list[Block] = [
            label(f"{ctx.say('sign')} {page + 1}/{len(met)}"),
            ctx.slot("sign_title", ctx.text(sign.title), theme.accent),
            Spacer(ctx.gap(0.025)), label(ctx.say("why")),
            ctx.slot("sign_explanation", ctx.text(sign.explanation)),
            Spacer(ctx.gap(0.025)), label(ctx.say("what")),
            ctx.slot("sign_advice", ctx.text(sign.advice)),
        ]
        draw_column(surface, blocks, ctx.left, ctx.top, ctx.bottom)

    def footer(self, ctx: Ctx) -> str:
        return f"{ctx.say('sign')} {ctx.session.page + 1}/{len(ctx.session.signs_met())}"
