"""Debrief, last screen: where to get help, large enough to copy down from the back row."""

from __future__ import annotations

from collections.abc import Hashable

import pygame

from game.core.helplines import contacts_for
from game.core.layout import SLOTS
from game.core.model import HelpContact
from game.ui.screens.base import FIXED, Ctx, Screen
from game.ui.text import Block, Painted, Paragraph, Spacer, plain_text

CONTACT = 0.075
"""A contact's size, one or two on the screen: the largest text of the debrief (the
headings of the other screens are 5.5%), what the room must copy down from the back row."""
GRID_SIZES = (0.062, 0.056, 0.05, 0.045)
"""A contact's sizes in the two-column grid (three contacts or more), largest first: the
largest that lets every contact fit; each above the body size (4%) and this screen's
heading (body size too)."""


class DebriefHelpScreen(Screen):
    """The help contacts that fit the scenario (its destination's first, then home's, then
    those for everywhere): name, contact (largest), note; two columns beyond two."""

    ladder = FIXED  # one text size across the debrief's screens

    def fit_key(self, ctx: Ctx) -> Hashable:
        scenario = ctx.session.story or ctx.session.deck
        return scenario.destination if scenario else None  # which contacts are shown

    def _contacts(self, ctx: Ctx) -> list[HelpContact]:
        session = ctx.session
        return contacts_for(session.pack, session.story or session.deck)

    def layout(self, ctx: Ctx) -> list[Block]:
        contacts = self._contacts(ctx)
        # The heading at body size: the contacts, not the words over them, are the largest.
        head = plain_text(ctx.fonts, ctx.say("help"), ctx.body_px, True, ctx.theme.accent,
                          ctx.content_width, max_lines=2)
        blocks: list[Block] = [head, Spacer(ctx.gap(0.03))]
        if len(contacts) <= 2:
            for i, contact in enumerate(contacts):
                if i:
                    blocks.append(Spacer(ctx.gap(0.05)))
                blocks += self._contact(ctx, contact, ctx.content_width, CONTACT)
        else:
            # The largest size at which every contact fits the screen (all above the body
            # size, so the contacts stay the debrief's largest text).
            room = ctx.bottom - ctx.top - sum(b.height for b in blocks) - ctx.overhang
            for size in GRID_SIZES:
                grid = self._grid(ctx, list(contacts), size)
                if grid.height <= room:
                    break
            blocks.append(grid)
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
        px = ctx.px(size)
        if contact.placeholder:  # a "TODO" is for the facilitator, never for the room
            number = plain_text(ctx.fonts, ctx.say("contact_ask_facilitator"), ctx.body_px,
                                True, theme.accent, width, max_lines=max(3, most("help_note")))
        else:
            number = plain_text(ctx.fonts, contact.contact, px, True, theme.accent,
                                width, max_lines=max(2, most("help_contact")))
        number.flexible = False  # the number is what the room must be able to copy down
        parts = [name, number]
        if contact.note is not None:
            parts.append(plain_text(ctx.fonts, ctx.text(contact.note), ctx.body_px, False,
                                    theme.muted, width, max_lines=max(3, most("help_note"))))
        return parts

    def _grid(self, ctx: Ctx, contacts: list[HelpContact], size: float) -> Painted:
        """Two contacts a row; a contact too long for half the width (a web address) has a
        row of its own, so it never breaks in the middle."""
        gap = int(0.03 * ctx.width)
        cell_w = (ctx.content_width - gap) // 2
        px = ctx.px(size)
        rows: list[list[list[Paragraph]]] = []
        open_row = False  # the last row holds one half-width contact: the next joins it
        for contact in contacts:
            if not contact.placeholder and ctx.fonts.width(contact.contact, px, True) > cell_w:
                rows.append([self._contact(ctx, contact, ctx.content_width, size)])
                open_row = False
            elif open_row:
                rows[-1].append(self._contact(ctx, contact, cell_w, size))
                open_row = False
            else:
                rows.append([self._contact(ctx, contact, cell_w, size)])
                open_row = True
        row_gap = ctx.gap(0.04)
        heights = [max(sum(p.height for p in cell) for cell in row) for row in rows]

        def paint(surface: pygame.Surface, rect: pygame.Rect) -> None:
            y = rect.y
            for row, row_h in zip(rows, heights):
                for col, cell in enumerate(row):
                    py = y
                    for para in cell:
                        para.draw(surface, rect.x + col * (cell_w + gap), py)
                        py += para.height
                y += row_h + row_gap

        return Painted(ctx.content_width, sum(heights) + row_gap * (len(rows) - 1), paint)
