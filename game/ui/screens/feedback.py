"""After a choice: the choice taken, the meter moving to its degree, the feedback, the signs."""

from __future__ import annotations

import pygame

from game.core.session import StoryPlay
from game.ui.screens.base import Ctx, Screen
from game.ui.text import Block, Spacer, draw_column
from game.ui.widgets import choice_button, degree_badge, meter, scenario_header, sign_titles


class FeedbackScreen(Screen):
    """What the choice means: its degree (number, label, colour) and why."""

    def draw(self, surface: pygame.Surface, ctx: Ctx) -> None:
        story, play = ctx.session.story, ctx.session.play
        if story is None or not isinstance(play, StoryPlay) or not play.path:
            return
        taken = play.path[-1]
        choice = (story.steps[taken.step].choices or [])[taken.choice]
        blocks: list[Block] = [*scenario_header(ctx)]
        blocks += [choice_button(ctx, taken.choice + 1, ctx.text(choice.text), selected=True),
                   Spacer(ctx.gap(0.025)), meter(ctx, taken.degree), Spacer(ctx.gap(0.01)),
                   degree_badge(ctx, taken.degree), Spacer(ctx.gap(0.02)),
                   ctx.slot("feedback", ctx.text(choice.feedback))]
        label = ctx.say("signs_ignored" if taken.degree > 0 else "signs_noticed")
        signs = sign_titles(ctx, label, choice.signs)
        if signs:
            blocks += [Spacer(ctx.gap(0.02)), *signs]
        draw_column(surface, blocks, ctx.left, ctx.top, ctx.bottom)

    def footer(self, ctx: Ctx) -> str:
        result = ctx.session.story_result()
        return ctx.say("step_n", n=len(result.path)) if result else ""
