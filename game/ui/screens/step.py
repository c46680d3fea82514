"""A story step: the situation, an optional picture, and 2–4 numbered choices."""

from __future__ import annotations

import pygame

from game.core.layout import SLOTS
from game.core.model import Step
from game.ui.screens.base import Ctx, Screen
from game.ui.text import Block, Painted, Spacer, column, draw_column
from game.ui.widgets import choice_button, picture, scenario_header

PICTURE_WIDTH = 0.30
"""A picture beside the text takes this much of the window width."""


def current_step(ctx: Ctx) -> Step | None:
    """The story step the room is on."""
    story, play = ctx.session.story, ctx.session.play
    if story is None or play is None or not hasattr(play, "step"):
        return None
    return story.steps.get(getattr(play, "step", ""))


def text_with_picture(ctx: Ctx, kind: str, text: str, image: str | None,
                      room: int) -> list[Block]:
    """The step's (or card's) text and its picture in `room` pixels of height.

    The picture goes beside the text when the text still fits its slot's lines in
    the narrower column; otherwise below it, in whatever height is left.
    """
    full = ctx.slot(kind, text)
    if not image:
        return [full]
    path = ctx.session.pack.image_path(image)
    gap = int(0.02 * ctx.width)
    pic_w = int(PICTURE_WIDTH * ctx.width)
    narrow = ctx.slot(kind, text, width=ctx.content_width - pic_w - gap)
    if len(narrow.lines) <= SLOTS[kind].lines:
        height = max(min(room, int(0.34 * ctx.height)), narrow.height)
        pic = picture(ctx, path, pic_w, height)

        def paint(surface: pygame.Surface, rect: pygame.Rect) -> None:
            narrow.draw(surface, rect.x, rect.y)
            pic.height = rect.height
            pic.draw(surface, rect.right - pic_w, rect.y)

        return [Painted(ctx.content_width, height, paint, flexible=True,
                        min_height=narrow.height)]
    left = room - full.height - ctx.gap(0.015)
    blocks: list[Block] = [full]
    if left >= int(0.12 * ctx.height):
        blocks += [Spacer(ctx.gap(0.015)), picture(ctx, path, ctx.content_width,
                                                   min(left, int(0.3 * ctx.height)))]
    return blocks


class StepScreen(Screen):
    """The group reads the situation and picks a choice with 1–4 (or a click)."""

    def draw(self, surface: pygame.Surface, ctx: Ctx) -> None:
        step = current_step(ctx)
        if step is None:
            return
        header = scenario_header(ctx)
        buttons: list[Block] = []
        for i, choice in enumerate(step.choices or []):
            if buttons:
                buttons.append(Spacer(ctx.gap(0.015)))
            buttons.append(choice_button(ctx, i + 1, ctx.text(choice.text)))
        top = ctx.top
        bottom = ctx.bottom
        head_h = sum(b.height for b in header)
        buttons = column(buttons, bottom - top - head_h - ctx.body_line * 2)
        choices_h = sum(b.height for b in buttons)
        room = bottom - top - head_h - choices_h - ctx.gap(0.03)
        body = text_with_picture(ctx, "step_text", ctx.text(step.text), step.image, room)
        blocks = [*header, *body, Spacer(ctx.gap(0.03)), *buttons]
        draw_column(surface, blocks, ctx.left, top, bottom)

    def footer(self, ctx: Ctx) -> str:
        result = ctx.session.story_result()
        n = len(result.path) + 1 if result else 1
        return ctx.say("step_n", n=n)
