"""Debrief, last screen: where to get help, large enough to copy down from the back row."""

from __future__ import annotations

from collections.abc import Hashable

import pygame

from game.core.helplines import contacts_for
from game.core.layout import SLOTS
from game.core.model import HelpContact
from game.ui.screens.base import LADDER, Ctx, Screen
from game.ui.text import Block, Painted, Paragraph, Spacer, plain_text
from game.ui.widgets import heading


class DebriefHelpScreen(Screen):
    """The help contacts that fit the scenario (its destination's first, then home's, then
    those for everywhere): name, contact (largest), note; two columns beyond two."""

    ladder = LADDER

    def fit_key(self, ctx: Ctx) -> Hashable:
        scenario = ctx.session.story or ctx.session.deck
        return scenario.destination if scenario else None  # which contacts are shown

    def _contacts(self, ctx: Ctx) -> list[HelpContact]:
        session = ctx.session
        return contacts_for(session.pack, session.story or session.deck)

    def layout(self, ctx: Ctx) -> list[Block]:
        contacts = self._contacts(ctx)
        head = heading(ctx, ctx.say("help"))
        blocks: list[Block] = [head, Spacer(ctx.gap(0.03))]
        if len(contacts) <= 2:
            for i, contact in enumerate(contacts):
                if i:
                    blocks.append(Spacer(ctx.gap(0.05)))
                blocks += self._contact(ctx, contact, ctx.content_width, 0.06)
        else:
            blocks.append(self._grid(ctx, list(contacts)))
        return blocks

    def _contact(self, ctx: Ctx, contact: HelpContact, width: int,
                 size: float) -> list[Paragraph]:
        """Name, contact and note in `width`: in half the slot's width (the grid), a text
        takes up to twice its slot's lines and one for the breaks between words."""
        theme = ctx.theme

        def most(kind: str) -> int:
            lines = SLOTS[kind].lines
            return lines if width >= SLOTS[kind].width_px(ctx.width) else 2 * lines + 1

        name = plain_text(ctx.fonts, ctx.text(contact.name), ctx.body_px, True, theme.text,
                          width, max_lines=max(3, most("help_name")))
        number = plain_text(ctx.fonts, contact.contact, ctx.px(size), True, theme.accent,
                            width, max_lines=max(2, most("help_contact")))
        number.flexible = False  # the number is what the room must be able to copy down
        parts = [name, number]
        if contact.note is not None:
            parts.append(plain_text(ctx.fonts, ctx.text(contact.note), ctx.body_px, False,
                                    theme.muted, width, max_lines=max(3, most("help_note"))))
        return parts

    def _grid(self, ctx: Ctx, contacts: list[HelpContact]) -> Painted:
        gap = int(0.03 * ctx.width)
        cell_w = (ctx.content_width - gap) // 2
        cells = [self._contact(ctx, c, cell_w, 0.05) for c in contacts]
        row_gap = ctx.gap(0.04)
        heights = [sum(p.height for p in cell) for cell in cells]
        rows = [max(heights[i:i + 2]) for i in range(0, len(cells), 2)]

        def paint(surface: pygame.Surface, rect: pygame.Rect) -> None:
            y = rect.y
            for r, row_h in enumerate(rows):
                for col in range(2):
                    i = 2 * r + col
                    if i >= len(cells):
                        break
                    py = y
                    for para in cells[i]:
                        para.draw(surface, rect.x + col * (cell_w + gap), py)
                        py += para.height
                y += row_h + row_gap

        return Painted(ctx.content_width, sum(rows) + row_gap * (len(rows) - 1), paint)
