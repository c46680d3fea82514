"""A story's ending: the outcome in words (and a shape and colour), what happened, and the
path's average degree on the meter."""

from __future__ import annotations

from collections.abc import Hashable

from game.core.scoring import average_degree
from game.ui.screens.base import LADDER, Ctx, Screen
from game.ui.screens.step import current_step, step_key, text_with_picture
from game.ui.text import Block, Spacer, plain_text
from game.ui.widgets import decimal, meter, outcome_badge, scenario_header


class EndingScreen(Screen):
    """Safe, harmed or helped: labelled, never told by colour alone."""

    ladder = LADDER

    def fit_key(self, ctx: Ctx) -> Hashable:
        return step_key(ctx)

    def layout(self, ctx: Ctx) -> list[Block]:
        step = current_step(ctx)
        if step is None:
            return []
        header = scenario_header(ctx)
        label = plain_text(ctx.fonts, ctx.say("ending"), ctx.body_px, True, ctx.theme.muted,
                           ctx.content_width, max_lines=1)
        badge = outcome_badge(ctx, step.outcome or "")
        # Where the path ended on the room's own scale: its average degree on the meter.
        result = ctx.session.story_result()
        average = average_degree([e.degree for e in result.path]) if result else None
        path: list[Block] = []
        if average is not None:
            scale = len(ctx.session.pack.info.risk_scale)
            path = [Spacer(ctx.gap(0.04)),
                    plain_text(ctx.fonts, ctx.say("path_average", avg=decimal(ctx, average),
                                                  m=scale), ctx.body_px, True,
                               ctx.theme.accent, ctx.content_width, max_lines=2),
                    Spacer(ctx.gap(0.01)), meter(ctx, average - 1)]
        used = (sum(b.height for b in header) + label.height + badge.height + ctx.gap(0.05)
                + sum(b.height for b in path))
        body = text_with_picture(ctx, "step_text", ctx.text(step.text), step.image,
                                 ctx.bottom - ctx.top - used)
        return [*header, label, Spacer(ctx.gap(0.01)), badge, Spacer(ctx.gap(0.04)), *body,
                *path]

    def footer(self, ctx: Ctx) -> str:
        return ctx.say("ending")
