"""A card revealed: the pack's degree on the meter, why, the signs, and each team's points."""

from __future__ import annotations

import pygame

from game.core.session import DeckPlay
from game.ui.screens.base import LADDER, Ctx, Screen
from game.ui.screens.card import card_progress
from game.ui.screens.rating import team_names, wrapped_team_names
from game.ui.text import Block, Painted, Paragraph, Spacer, line_px, plain_text
from game.ui.theme import risk_colours
from game.ui.widgets import PAD, degree_badge, meter, scenario_header, sign_titles


class RevealScreen(Screen):
    """The answer and the points, with the scoring rule in view: exact +2 · one away +1."""

    ladder = LADDER

    def layout(self, ctx: Ctx) -> list[Block]:
        deck, play = ctx.session.deck, ctx.session.play
        result = ctx.session.deck_result()
        if deck is None or not isinstance(play, DeckPlay) or result is None or not result.cards:
            return []
        shown = result.cards[-1]
        card = deck.cards[shown.card]
        # The card stays in view: the room argues about the answer with its words in sight.
        blocks: list[Block] = [*scenario_header(ctx),
                               ctx.slot("card_text", ctx.text(card.text), ctx.theme.muted),
                               Spacer(ctx.gap(0.015)), meter(ctx, shown.degree),
                               Spacer(ctx.gap(0.01)), degree_badge(ctx, shown.degree),
                               Spacer(ctx.gap(0.02)),
                               ctx.slot("explanation", ctx.text(card.explanation))]
        # A card shows a situation nobody chose: its signs are never "ignored".
        signs = sign_titles(ctx, ctx.say("signs_situation"), card.signs)
        if signs:
            blocks += [Spacer(ctx.gap(0.02)), *signs]
        blocks += [Spacer(ctx.gap(0.03)),
                   plain_text(ctx.fonts, f"{ctx.say('ratings')}  ({ctx.say('scoring_rule')})",
                              ctx.body_px, True, ctx.theme.muted, ctx.content_width,
                              max_lines=2),
                   Spacer(ctx.gap(0.008)), self._points(ctx, shown.ratings, shown.points)]
        return blocks

    def _points(self, ctx: Ctx, ratings: tuple[int | None, ...],
                points: tuple[int, ...]) -> Painted:
        """Each team's degree and points, in as many columns (up to 3) as leave every
        name whole on one line; in two columns, a name too long still wraps."""
        count = len(ratings)
        gap = int(0.015 * ctx.width)
        pad = ctx.gap(PAD)
        scale = len(ctx.session.pack.info.risk_scale)
        # The chip shows a degree's number, the score "+2": room for the widest of each.
        side = (max(ctx.fonts.width(str(d + 1), ctx.body_px, True) for d in range(scale))
                + ctx.fonts.width("+2", ctx.body_px, True) + 6 * pad)

        def width_of(columns: int) -> int:
            return (ctx.content_width - gap * (columns - 1)) // columns

        names: list[Paragraph] | None = None
        columns = min(count, 3)
        while columns > 0 and names is None:
            names = team_names(ctx, width_of(columns) - side)
            if names is None:
                columns -= 1
        if names is None:
            columns = min(count, 2)
            names = wrapped_team_names(ctx, width_of(columns) - side)
        rows = (count + columns - 1) // columns
        cell_w = width_of(columns)
        cell_h = max(line_px(ctx.body_px), max(p.height for p in names)) + 2 * pad
        colours = risk_colours(scale)
        theme = ctx.theme

        def paint(surface: pygame.Surface, rect: pygame.Rect) -> None:
            for i, (degree, pts) in enumerate(zip(ratings, points)):
                col, line = i % columns, i // columns
                cell = pygame.Rect(rect.x + col * (cell_w + gap), rect.y + line * (cell_h + pad),
                                   cell_w, cell_h)
                pygame.draw.rect(surface, theme.panel, cell, border_radius=pad)
                score = f"+{pts}"
                score_img = ctx.fonts.render(score, ctx.body_px, True, theme.accent)
                number = "–" if degree is None else str(degree + 1)
                chip_w = ctx.fonts.width(number, ctx.body_px, True) + 2 * pad
                chip_h = line_px(ctx.body_px) + pad
                chip = pygame.Rect(cell.right - pad - score_img.get_width() - pad - chip_w,
                                   cell.centery - chip_h // 2, chip_w, chip_h)
                if degree is not None:
                    pygame.draw.rect(surface, colours[degree], chip, border_radius=pad)
                    pygame.draw.rect(surface, theme.text, chip, width=2, border_radius=pad)
                ink = theme.text_on(colours[degree]) if degree is not None else theme.text
                num = ctx.fonts.render(number, ctx.body_px, True, ink)
                surface.blit(num, num.get_rect(center=chip.center))
                surface.blit(score_img, (cell.right - pad - score_img.get_width(),
                                         cell.centery - score_img.get_height() // 2))
                name = names[i]
                name.draw(surface, cell.x + pad, cell.y + (cell_h - name.height) // 2)

        return Painted(ctx.content_width, rows * cell_h + (rows - 1) * pad, paint)

    def footer(self, ctx: Ctx) -> str:
        return card_progress(ctx)
