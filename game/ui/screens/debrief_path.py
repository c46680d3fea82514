"""Debrief, first screen: the path taken (or the cards), and its average degree on the scale."""

from __future__ import annotations

import pygame

from game.core.layout import SLOTS
from game.core.scoring import average_degree
from game.core.session import DeckResult, StoryResult
from game.ui.screens.base import FIXED, Ctx, PagedScreen
from game.ui.screens.rating import team_label
from game.ui.text import Block, Painted, Paragraph, Spacer, line_px, misfit, plain_text
from game.ui.theme import risk_colours
from game.ui.widgets import PAD, decimal, degree_label, heading, meter


def _chip(ctx: Ctx, surface: pygame.Surface, text: str, degree: int | None, right: int,
          top: int, height: int) -> int:
    """A degree's number on its colour, right-aligned at `right`; returns its left edge."""
    pad = ctx.gap(PAD)
    colours = risk_colours(len(ctx.session.pack.info.risk_scale))
    width = ctx.fonts.width(text, ctx.body_px, True) + 2 * pad
    box = pygame.Rect(right - width, top, width, height)
    ink = ctx.theme.text
    if degree is not None:
        pygame.draw.rect(surface, colours[degree], box, border_radius=pad)
        pygame.draw.rect(surface, ctx.theme.text, box, width=2, border_radius=pad)
        ink = ctx.theme.text_on(colours[degree])
    image = ctx.fonts.render(text, ctx.body_px, True, ink)
    surface.blit(image, image.get_rect(center=box.center))
    return box.x


DECK_LINES = 2
"""Lines of a card's text in the deck review (the rest ends with "…": the room saw it whole)."""


class DebriefPathScreen(PagedScreen):
    """Each step with the choice and its degree; for a deck, each card and the teams' degrees.

    Rows that do not fit go on further pages, turned by Continue and Back; text
    larger than the body size is used only when every row fits on one page.
    """

    ladder = FIXED  # one text size across the debrief's screens

    def layout(self, ctx: Ctx) -> list[Block]:
        result = ctx.session.current_result()
        blocks: list[Block] = [heading(ctx, ctx.say("your_path" if isinstance(
            result, StoryResult) else "deck_review")), Spacer(ctx.gap(0.02))]
        room = ctx.bottom - ctx.top - sum(b.height for b in blocks)
        if isinstance(result, StoryResult):
            blocks += self._story(ctx, result, room)
        elif isinstance(result, DeckResult):
            blocks += self._deck(ctx, result, room)
        return blocks

    def _rows(self, ctx: Ctx, rows: list[tuple[str, list[tuple[str, int | None]]]],
              room: int, lines: int) -> Painted:
        """Rows of a label (up to `lines` lines, as the slot allows) and degree chips, paged."""
        pad = ctx.gap(PAD)
        theme = ctx.theme
        laid: list[tuple[Paragraph, list[tuple[str, int | None]], int]] = []
        for label, chips in rows:
            chips_w = sum(ctx.fonts.width(text, ctx.body_px, True) + 3 * pad for text, _ in chips)
            para = plain_text(ctx.fonts, label, ctx.body_px, False, theme.text,
                              max(1, ctx.content_width - chips_w - 2 * pad), max_lines=lines)
            laid.append((para, chips, para.height + 2 * pad))
        # Rows that do not fit go on further pages of this screen, turned by Continue.
        pages: list[list[int]] = [[]]
        used = 0
        for i, (_, _, height) in enumerate(laid):
            if pages[-1] and used + height + pad > room:
                pages.append([])
                used = 0
            pages[-1].append(i)
            used += height + pad
        ctx.ui.subpages = len(pages)
        if len(pages) > 1:
            misfit(f"the rows take {len(pages)} pages")
        shown = [laid[i] for i in pages[min(ctx.ui.subpage, len(pages) - 1)]]

        def paint(surface: pygame.Surface, rect: pygame.Rect) -> None:
            y = rect.y
            for para, chips, height in shown:
                row = pygame.Rect(rect.x, y, rect.width, height)
                pygame.draw.rect(surface, theme.panel, row, border_radius=pad)
                right = row.right - pad
                chip_h = line_px(ctx.body_px) + pad
                for text, degree in reversed(chips):
                    right = _chip(ctx, surface, text, degree, right,
                                  row.centery - chip_h // 2, chip_h) - pad
                para.draw(surface, row.x + pad, row.y + pad)
                y += height + pad

        return Painted(ctx.content_width, sum(h + pad for _, _, h in shown), paint)

    def _story(self, ctx: Ctx, result: StoryResult, room: int) -> list[Block]:
        story = ctx.session.story
        if story is None:
            return []
        rows: list[tuple[str, list[tuple[str, int | None]]]] = []
        for entry in result.path:
            choices = story.steps[entry.step].choices or []
            text = ctx.text(choices[entry.choice].text) if entry.choice < len(choices) else ""
            # No number before the choice: beside the degree's number it would be misread.
            rows.append((text, [(degree_label(ctx, entry.degree), entry.degree)]))
        average = average_degree([e.degree for e in result.path])
        if average is None:
            return []
        scale = ctx.session.pack.info.risk_scale
        total = plain_text(ctx.fonts, ctx.say("path_average", avg=decimal(ctx, average),
                                              m=len(scale)),
                           ctx.body_px, True, ctx.theme.accent, ctx.content_width, max_lines=2)
        # The path's risk on the room's own scale: the meter, pointing at the average.
        bar = meter(ctx, average - 1, animate=False)
        gap = Spacer(ctx.gap(0.03))
        rows_block = self._rows(ctx, rows, room - 2 * gap.height - total.height - bar.height,
                                SLOTS["choice"].lines)
        return [rows_block, gap, total, Spacer(ctx.gap(0.01)), bar]

    def _deck(self, ctx: Ctx, result: DeckResult, room: int) -> list[Block]:
        deck = ctx.session.deck
        if deck is None:
            return []
        rows: list[tuple[str, list[tuple[str, int | None]]]] = []
        teams = len(ctx.session.team_names)
        for card in result.cards:
            text = ctx.text(deck.cards[card.card].text)
            chips: list[tuple[str, int | None]] = []
            chips += [("–" if r is None else str(r + 1), r) for r in card.ratings]
            chips.append((f"= {card.degree + 1}", card.degree))
            rows.append((f"{card.card + 1}. {text}", chips))
        names = " · ".join(team_label(ctx, i) for i in range(teams))
        columns = plain_text(ctx.fonts, ctx.say("deck_columns", teams=names), ctx.body_px,
                             False, ctx.theme.muted, ctx.content_width, max_lines=3)
        gap = Spacer(ctx.gap(0.01))
        return [columns, gap, self._rows(ctx, rows, room - columns.height - gap.height,
                                         DECK_LINES)]
