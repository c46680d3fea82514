"""After a choice: the choice taken, the meter moving to its degree, the feedback, the signs."""

from __future__ import annotations

from collections.abc import Hashable

from game.core.session import StoryPlay
from game.core.signs import SignKind, choice_signs
from game.ui.screens.base import LADDER, Ctx, Screen
from game.ui.text import Block, Spacer
from game.ui.widgets import choice_button, degree_badge, meter, scenario_header, sign_titles


class FeedbackScreen(Screen):
    """What the choice means: its degree (number, label, colour) and why."""

    ladder = LADDER

    def fit_key(self, ctx: Ctx) -> Hashable:
        play = ctx.session.play
        if not isinstance(play, StoryPlay) or not play.path:
            return None
        return (play.scenario, play.path[-1])

    def layout(self, ctx: Ctx) -> list[Block]:
        story, play = ctx.session.story, ctx.session.play
        if story is None or not isinstance(play, StoryPlay) or not play.path:
            return []
        taken = play.path[-1]
        choice = (story.steps[taken.step].choices or [])[taken.choice]
        blocks: list[Block] = [*scenario_header(ctx)]
        blocks += [choice_button(ctx, taken.choice + 1, ctx.text(choice.text), selected=True),
                   Spacer(ctx.gap(0.025)), meter(ctx, taken.degree), Spacer(ctx.gap(0.01)),
                   degree_badge(ctx, taken.degree), Spacer(ctx.gap(0.02)),
                   ctx.slot("feedback", ctx.text(choice.feedback))]
        # Only a free choice can miss a sign; those of the situation are named as such.
        met = choice_signs(story.steps[taken.step], taken.choice, taken.degree)
        own = [m.sign for m in met if m.kind is not SignKind.SITUATION]
        given = [m.sign for m in met if m.kind is SignKind.SITUATION]
        label = ctx.say("signs_missed" if taken.degree > 0 else "signs_noticed")
        for key, ids in ((label, own), (ctx.say("signs_situation"), given)):
            signs = sign_titles(ctx, key, ids)
            if signs:
                blocks += [Spacer(ctx.gap(0.02)), *signs]
        return blocks

    def footer(self, ctx: Ctx) -> str:
        result = ctx.session.story_result()
        return ctx.say("step_n", n=len(result.path)) if result else ""
