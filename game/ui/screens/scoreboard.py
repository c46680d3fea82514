"""Between cards: the teams sorted by points over the whole session."""

from __future__ import annotations

import pygame

from game.ui.screens.base import Ctx, Screen
from game.ui.screens.card import card_progress
from game.ui.screens.rating import team_label
from game.ui.text import Block, Painted, Spacer, draw_column, line_px, plain_text
from game.ui.widgets import PAD, heading


def standings(ctx: Ctx) -> list[tuple[str, int]]:
    """(team, points), most points first; ties keep the teams' own order."""
    scores = ctx.session.team_scores()
    order = sorted(range(len(scores)), key=lambda i: -scores[i])
    return [(team_label(ctx, i), scores[i]) for i in order]


def score_rows(ctx: Ctx, rows: list[tuple[str, int]]) -> Painted:
    """One bar per team: rank, name, a bar as long as its share of the best, the points."""
    pad = ctx.gap(PAD)
    row_h = line_px(ctx.body_px) + 2 * pad
    best = max((p for _, p in rows), default=0) or 1
    theme = ctx.theme

    def paint(surface: pygame.Surface, rect: pygame.Rect) -> None:
        name_w = int(rect.width * 0.42)
        for i, (name, pts) in enumerate(rows):
            y = rect.y + i * (row_h + pad)
            row = pygame.Rect(rect.x, y, rect.width, row_h)
            pygame.draw.rect(surface, theme.panel, row, border_radius=pad)
            label = plain_text(ctx.fonts, f"{i + 1}. {name}", ctx.body_px, i == 0, theme.text,
                               name_w - 2 * pad, max_lines=1)
            label.draw(surface, row.x + pad, row.y + pad)
            points = ctx.fonts.render(ctx.say("points", n=pts), ctx.body_px, True, theme.accent)
            surface.blit(points, (row.right - pad - points.get_width(), row.y + pad))
            bar_x = row.x + name_w
            bar_room = row.right - 3 * pad - points.get_width() - bar_x
            bar = pygame.Rect(bar_x, row.y + pad, max(0, int(bar_room * pts / best)),
                              row_h - 2 * pad)
            pygame.draw.rect(surface, theme.accent, bar, border_radius=pad)

    return Painted(ctx.content_width, len(rows) * (row_h + pad), paint)


class ScoreboardScreen(Screen):
    """Who leads so far (only shown when there are teams)."""

    def draw(self, surface: pygame.Surface, ctx: Ctx) -> None:
        blocks: list[Block] = [heading(ctx, ctx.say("scoreboard")), Spacer(ctx.gap(0.03)),
                               score_rows(ctx, standings(ctx))]
        draw_column(surface, blocks, ctx.left, ctx.top, ctx.bottom)

    def footer(self, ctx: Ctx) -> str:
        return card_progress(ctx)
