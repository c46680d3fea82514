"""Debrief: one screen per warning sign met: what it is, why it is dangerous, what to do."""

from __future__ import annotations

from collections.abc import Hashable

from game.ui.screens.base import LADDER, Ctx, Screen
from game.ui.text import Block, Spacer, plain_text


class DebriefSignScreen(Screen):
    """The warning sign of the session's page among the signs met in this scenario."""

    ladder = LADDER

    def fit_key(self, ctx: Ctx) -> Hashable:
        met, page = ctx.session.signs_met(), ctx.session.page
        return (met[page] if 0 <= page < len(met) else None, page, len(met))

    def layout(self, ctx: Ctx) -> list[Block]:
        met = ctx.session.signs_met()
        page = ctx.session.page
        if not 0 <= page < len(met):
            return []
        sign = ctx.session.pack.signs[met[page]]
        theme = ctx.theme

        def label(text: str) -> Block:
            return plain_text(ctx.fonts, text, ctx.body_px, True, theme.muted,
                              ctx.content_width, max_lines=1)

        return [
            label(f"{ctx.say('sign')} {page + 1}/{len(met)}"),
            ctx.slot("sign_title", ctx.text(sign.title), theme.accent),
            Spacer(ctx.gap(0.025)), label(ctx.say("why")),
            ctx.slot("sign_explanation", ctx.text(sign.explanation)),
            Spacer(ctx.gap(0.025)), label(ctx.say("what")),
            ctx.slot("sign_advice", ctx.text(sign.advice)),
        ]

    def footer(self, ctx: Ctx) -> str:
        return f"{ctx.say('sign')} {ctx.session.page + 1}/{len(ctx.session.signs_met())}"
