"""Between cards: the teams sorted by points over the whole session."""

from __future__ import annotations

import pygame

from game.ui.screens.base import LADDER, Ctx, Screen
from game.ui.screens.card import card_progress
from game.ui.screens.rating import team_label
from game.ui.text import Block, Painted, Spacer, line_px, plain_text
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
    texts = [f"{i + 1}. {name}" for i, (name, _) in enumerate(rows)]
    # The names' column: 42% of the width, up to 60% for long names (the bars give way).
    widest = max((ctx.fonts.width(t, ctx.body_px, True) for t in texts), default=0)
    name_w = min(int(ctx.content_width * 0.6),
                 max(int(ctx.content_width * 0.42), widest + 3 * pad))
    labels = [plain_text(ctx.fonts, text, ctx.body_px, i == 0, theme.text, name_w - 2 * pad,
                         max_lines=1) for i, text in enumerate(texts)]

    def paint(surface: pygame.Surface, rect: pygame.Rect) -> None:
        for i, (label, (_, pts)) in enumerate(zip(labels, rows)):
            y = rect.y + i * (row_h + pad)
            row = pygame.Rect(rect.x, y, rect.width, row_h)
            pygame.draw.rect(surface, theme.panel, row, border_radius=pad)
            label.draw(surface, row.x + pad, row.y + pad)
            # Centred on the row as the name is (a line box centres its glyphs the same way).
            points = ctx.fonts.render(ctx.say("points", n=pts), ctx.body_px, True, theme.accent)
            surface.blit(points, (row.right - pad - points.get_width(),
                                  row.centery - points.get_height() // 2))
            bar_x = row.x + name_w
            bar_room = row.right - 3 * pad - points.get_width() - bar_x
            bar = pygame.Rect(bar_x, row.y + pad, max(0, int(bar_room * pts / best)),
                              row_h - 2 * pad)
            pygame.draw.rect(surface, theme.accent, bar, border_radius=pad)

    return Painted(ctx.content_width, len(rows) * (row_h + pad), paint)


class ScoreboardScreen(Screen):
    """Who leads so far (only shown when there are teams)."""

    ladder = LADDER

    def layout(self, ctx: Ctx) -> list[Block]:
        return [heading(ctx, ctx.say("scoreboard")), Spacer(ctx.gap(0.03)),
                score_rows(ctx, standings(ctx))]

    def footer(self, ctx: Ctx) -> str:
        return card_progress(ctx)
