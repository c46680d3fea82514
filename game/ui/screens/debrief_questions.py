"""Debrief: the scenario's discussion questions."""

from __future__ import annotations

from collections.abc import Hashable

from game.ui.screens.base import FIXED, Ctx, Screen
from game.ui.text import Block, Spacer
from game.ui.widgets import heading


class DebriefQuestionsScreen(Screen):
    """The questions, numbered, for the room to discuss (the timer T helps pace it)."""

    ladder = FIXED  # one text size across the debrief's screens

    def fit_key(self, ctx: Ctx) -> Hashable:
        return getattr(ctx.session.play, "scenario", None)

    def layout(self, ctx: Ctx) -> list[Block]:
        scenario = ctx.scenario
        questions = scenario.questions if scenario is not None else []
        blocks: list[Block] = [heading(ctx, ctx.say("questions")), Spacer(ctx.gap(0.03))]
        for n, question in enumerate(questions, start=1):
            if n > 1:
                blocks.append(Spacer(ctx.gap(0.025)))
            blocks.append(ctx.slot("question", f"{n}. {ctx.text(question)}"))
        return blocks
