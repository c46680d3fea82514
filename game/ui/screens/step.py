"""A story step: the situation, an optional picture, and 2–4 numbered choices."""

from __future__ import annotations

from collections.abc import Hashable

import pygame

from game.core.model import Step
from game.ui.screens.base import LADDER, Ctx, Screen
from game.ui.text import Block, Painted, Spacer, column, measuring, misfit
from game.ui.widgets import choice_button, picture, scenario_header

PICTURE_WIDTH = 0.30
"""A picture beside the text takes this much of the window width."""
PICTURE_MIN = 0.12
"""A picture below the text is shown when at least this much of the height is left for it."""


def current_step(ctx: Ctx) -> Step | None:
    """The story step the room is on."""
    story, play = ctx.session.story, ctx.session.play
    if story is None or play is None or not hasattr(play, "step"):
        return None
    return story.steps.get(getattr(play, "step", ""))


def step_key(ctx: Ctx) -> Hashable:
    """What a step's or an ending's layout depends on: the scenario and the step."""
    play = ctx.session.play
    return (getattr(play, "scenario", None), getattr(play, "step", None))


def text_with_picture(ctx: Ctx, kind: str, text: str, image: str | None,
                      room: int) -> list[Block]:
    """The step's (or card's) text and its picture in `room` pixels of height.

    The picture goes beside the text when the text still fits its slot's lines in
    the narrower column; otherwise below it, in whatever height is left (a text
    larger than the body size that leaves no room for the picture misfits).
    """
    full = ctx.slot(kind, text)
    if not image:
        return [full]
    path = ctx.session.pack.image_path(image)
    gap = int(0.02 * ctx.width)
    pic_w = int(PICTURE_WIDTH * ctx.width)
    with measuring() as too_long:
        narrow = ctx.slot(kind, text, width=ctx.content_width - pic_w - gap)
    if not too_long:
        height = max(min(room, int(0.34 * ctx.height)), narrow.height)
        pic = picture(ctx, path, pic_w, height, align="right")

        def paint(surface: pygame.Surface, rect: pygame.Rect) -> None:
            narrow.draw(surface, rect.x, rect.y)
            pic.height = rect.height
            pic.draw(surface, rect.right - pic_w, rect.y)

        return [Painted(ctx.content_width, height, paint, flexible=True,
                        min_height=narrow.height)]
    left = room - full.height - ctx.gap(0.015)
    blocks: list[Block] = [full]
    if left >= int(PICTURE_MIN * ctx.height):
        blocks += [Spacer(ctx.gap(0.015)), picture(ctx, path, ctx.content_width,
                                                   min(left, int(0.3 * ctx.height)),
                                                   align="left")]
    else:
        misfit("no room left for the picture")
    return blocks


class StepScreen(Screen):
    """The group reads the situation and picks a choice with 1–4 (or a click)."""

    ladder = LADDER

    def fit_key(self, ctx: Ctx) -> Hashable:
        return step_key(ctx)

    def layout(self, ctx: Ctx) -> list[Block]:
        step = current_step(ctx)
        if step is None:
            return []
        header = scenario_header(ctx)
        buttons: list[Block] = []
        for i, choice in enumerate(step.choices or []):
            if buttons:
                buttons.append(Spacer(ctx.gap(0.015)))
            buttons.append(choice_button(ctx, i + 1, ctx.text(choice.text),
                                         selected=ctx.controller.choice_cursor == i))
        top = ctx.top
        bottom = ctx.bottom
        head_h = sum(b.height for b in header)
        buttons = column(buttons, bottom - top - head_h - ctx.body_line * 2)
        choices_h = sum(b.height for b in buttons)
        room = bottom - top - head_h - choices_h - ctx.gap(0.03)
        body = text_with_picture(ctx, "step_text", ctx.text(step.text), step.image, room)
        return [*header, *body, Spacer(ctx.gap(0.03)), *buttons]

    def footer(self, ctx: Ctx) -> str:
        result = ctx.session.story_result()
        n = len(result.path) + 1 if result else 1
        step = ctx.say("step_n", n=n)
        if ctx.controller.choice_cursor is None:
            return step
        return f"{step} · {ctx.say('choose_hint')}"
