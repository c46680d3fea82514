"""Debrief, last screen: where to get help, large enough to copy down from the back row."""

from __future__ import annotations

import pygame

from game.ui.screens.base import Ctx, Screen
from game.ui.text import Block, Spacer, draw_column, plain_text
from game.ui.widgets import heading


class DebriefHelpScreen(Screen):
    """The pack's help contacts: name, contact (largest), note."""

    def draw(self, surface: pygame.Surface, ctx: Ctx) -> None:
        contacts = ctx.session.pack.info.help
        theme = ctx.theme
        blocks: list[Block] = [heading(ctx, ctx.say("help")), Spacer(ctx.gap(0.03))]
        for i, contact in enumerate(contacts):
            if i:
                blocks.append(Spacer(ctx.gap(0.035)))
            blocks.append(ctx.slot("help_name", ctx.text(contact.name)))
            blocks.append(plain_text(ctx.fonts, contact.contact, ctx.px(0.06), True,
                                     theme.accent, ctx.content_width, max_lines=2))
            if contact.note is not None:
                blocks.append(ctx.slot("help_note", ctx.text(contact.note), theme.muted))
        draw_column(surface, blocks, ctx.left, ctx.top, ctx.bottom)
