"""Debrief: the scenario's discussion questions."""

from __future__ import annotations

import pygame

from game.ui.screens.base import Ctx, Screen
from game.ui.text import Block, Spacer, draw_column
from game.ui.widgets import heading


class DebriefQuestionsScreen(Screen):
    """The questions, numbered, for the room to discuss (the timer T helps pace it)."""

    def draw(self, surface: pygame.Surface, ctx: Ctx) -> None:
        scenario = ctx.scenario
        questions = scenario.questions if scenario is not None else []
        blocks: list[Block] = [heading(ctx, ctx.say("questions")), Spacer(ctx.gap(0.03))]
        for n, question in enumerate(questions, start=1):
            if n > 1:
                blocks.append(Spacer(ctx.gap(0.025)))
            blocks.append(ctx.slot("question", f"{n}. {ctx.text(question)}"))
        draw_column(surface, blocks, ctx.left, ctx.top, ctx.bottom)
