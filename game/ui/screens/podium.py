"""The teams' podium at the end of the session: first in the middle, ties share a place.

Places are counted by points, alike points alike place (1, 1, 2: two teams share the
first step and the next team stands on the second). The three first places stand on
steps of three heights, second on the left and third on the right as on any podium;
the teams after them follow in a line under it. Every name at body size at least.
"""

from __future__ import annotations

import pygame

from game.ui.screens.base import Ctx
from game.ui.screens.rating import team_label
from game.ui.text import Block, Painted, Paragraph, plain_text
from game.ui.widgets import PAD

STEP_HEIGHTS = {1: 1.0, 2: 0.7, 3: 0.5}
"""Each step's height against the first's."""
COLUMNS = (2, 1, 3)
"""The places from left to right."""


def places(scores: list[int]) -> list[int]:
    """Each team's place (from 1) by its points: teams with as many points share a place,
    and the next score takes the next place."""
    distinct = sorted(set(scores), reverse=True)
    return [distinct.index(s) + 1 for s in scores]


def podium(ctx: Ctx, room: int) -> list[Block]:
    """The podium in about `room` pixels of height, then the other teams' line."""
    scores = ctx.session.team_scores()
    ranks = places(scores)
    theme, pad = ctx.theme, ctx.gap(PAD)
    gap = int(0.02 * ctx.width)
    col_w = (ctx.content_width - 2 * gap) // 3
    name_px = ctx.body_px
    first_px = ctx.px(0.06)
    # The teams on each step, in their own order; each name on its line.
    standing: dict[int, list[int]] = {p: [i for i, r in enumerate(ranks) if r == p]
                                      for p in (1, 2, 3)}
    names: dict[int, list[Paragraph]] = {
        p: [plain_text(ctx.fonts, team_label(ctx, i), first_px if p == 1 else name_px, True,
                       theme.accent if p == 1 else theme.text, col_w, "center", max_lines=2)
            for i in standing[p]] for p in (1, 2, 3)}
    points = {p: plain_text(ctx.fonts, ctx.say("points", n=scores[standing[p][0]]),
                            name_px, True, theme.on_focus, col_w - 2 * pad, "center",
                            max_lines=1) for p in (1, 2, 3) if standing[p]}
    tallest_names = max((sum(n.height for n in names[p]) for p in (1, 2, 3)), default=0)
    step_max = max(int(0.16 * ctx.height),
                   min(int(0.42 * ctx.height), room - tallest_names - pad))
    height = step_max + tallest_names + pad

    def paint(surface: pygame.Surface, rect: pygame.Rect) -> None:
        ctx.mark("podium", rect)
        for col, place in enumerate(COLUMNS):
            if not standing[place]:
                continue
            x = rect.x + col * (col_w + gap)
            step_h = int(step_max * STEP_HEIGHTS[place])
            step = pygame.Rect(x, rect.bottom - step_h, col_w, step_h)
            fill = theme.focus if place == 1 else theme.panel
            pygame.draw.rect(surface, fill, step, border_radius=pad)
            pygame.draw.rect(surface, theme.panel_edge, step, width=2, border_radius=pad)
            number = ctx.fonts.render(str(place), ctx.px(0.08 if place == 1 else 0.06), True,
                                      theme.on_focus if place == 1 else theme.text)
            surface.blit(number, number.get_rect(midtop=(step.centerx, step.y + pad)))
            ctx.mark(f"podium-{place}", step)
            pts = points.get(place)
            if pts is not None and step.height >= number.get_height() + pts.height + 2 * pad:
                pts.colour = theme.on_focus if place == 1 else theme.accent
                pts.draw(surface, step.x + pad, step.bottom - pad - pts.height)
            y = step.y - pad - sum(n.height for n in names[place])
            for para in names[place]:
                para.draw(surface, x, y)
                y += para.height

    blocks: list[Block] = [Painted(ctx.content_width, height, paint)]
    rest = [i for i, r in enumerate(ranks) if r > 3]
    if rest:
        line = " · ".join(f"{ranks[i]}. {team_label(ctx, i)} {ctx.say('points', n=scores[i])}"
                          for i in sorted(rest, key=lambda i: ranks[i]))
        blocks.append(plain_text(ctx.fonts, line, name_px, False, theme.text,
                                 ctx.content_width, "center", max_lines=2))
    return blocks
