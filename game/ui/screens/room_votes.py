"""How the room voted, once the facilitator reveals it: a bar per choice or degree with its
number, colour, count and share, the room's (and each team's) most common answer."""

from __future__ import annotations

import pygame

from game.core.votes import RoomSummary
from game.ui.screens.base import Ctx, Screen
from game.ui.text import plain_text
from game.ui.theme import hex_colour
from game.ui.widgets import PAD, footer, heading

BAR_SHARE = 0.42
"""Part of the width the bars take; the options' texts have the rest."""


def hint(ctx: Ctx, summary: RoomSummary) -> str:
    """What the facilitator can do now, in their words."""
    m = len(summary.question.options)
    if summary.question.kind == "scale":
        return ctx.say("room_reveal")
    if len(summary.top) == 1:
        return ctx.say("take_room", n=summary.top[0] + 1, m=m)
    return ctx.say("take_tie", m=m) if summary.top else ctx.say("take_none", m=m)


def team_lines(ctx: Ctx, summary: RoomSummary) -> list[str]:
    """Per team, the degree its phones chose most (or that it is a tie)."""
    lines = []
    for i, name in enumerate(summary.question.teams):
        top = summary.team_top[i] if i < len(summary.team_top) else ()
        if not top:
            lines.append(ctx.say("team_none", team=name))
        elif len(top) > 1:
            lines.append(ctx.say("team_tie", team=name))
        else:
            option = summary.question.options[top[0]]
            label = option.text.get(ctx.lang) or next(iter(option.text.values()), "")
            lines.append(ctx.say("team_took", team=name, degree=f"{option.number} · {label}"))
    return lines


class RoomVotesScreen(Screen):
    """Drawn over the step or card; Enter takes the room's choice (see the controller)."""

    def draw(self, surface: pygame.Surface, ctx: Ctx) -> None:
        from game.ui.room import current_summary

        theme = ctx.theme
        surface.fill(theme.scrim)
        summary = current_summary(ctx)
        x, y = ctx.left, ctx.top
        width = ctx.content_width
        title = heading(ctx, ctx.say("room_votes")).clipped(1)
        title.draw(surface, x, y)
        if summary is None:
            return
        total = plain_text(ctx.fonts, ctx.say("votes_total", n=summary.total), ctx.body_px,
                           True, theme.muted, width // 3, align="right", max_lines=1)
        total.draw(surface, x + width - total.width, y + title.height - total.height)
        y += title.height + ctx.gap(0.025)
        options = summary.question.options
        footer_lines = team_lines(ctx, summary)
        foot_h = len(footer_lines) * ctx.body_line + ctx.gap(0.02)
        room = ctx.bottom - y - foot_h
        gap = ctx.gap(0.012)
        row_h = max(ctx.body_line, min(int(ctx.body_line * 2.2), (room - gap * len(options))
                                       // max(1, len(options))))
        bar_w = int(BAR_SHARE * width)
        badge = row_h if row_h < ctx.body_line * 2 else int(ctx.body_line * 1.6)
        text_w = width - bar_w - badge - 2 * ctx.gap(PAD) * 2
        px = ctx.body_px
        for i, option in enumerate(options):
            row = pygame.Rect(x, y, width, row_h)
            top = i in summary.top
            fill = hex_colour(option.colour) if option.colour else theme.accent
            ink = hex_colour(option.ink) if option.ink else theme.on_focus
            badge_rect = pygame.Rect(row.x, row.centery - badge // 2, badge, badge)
            pygame.draw.rect(surface, fill, badge_rect, border_radius=badge // 5)
            number = ctx.fonts.render(str(option.number), ctx.body_px, True, ink)
            surface.blit(number, number.get_rect(center=badge_rect.center))
            label = option.text.get(ctx.lang) or next(iter(option.text.values()), "")
            para = plain_text(ctx.fonts, label, px, top, theme.text if top else theme.muted,
                              text_w, max_lines=max(1, row_h // max(1, int(px * 1.25))))
            tx = badge_rect.right + 2 * ctx.gap(PAD)
            para.draw(surface, tx, row.centery - para.height // 2)
            bx = x + width - bar_w
            share = summary.shares[i]
            count = summary.counts[i]
            bar = pygame.Rect(bx, row.centery - row_h // 4, max(3, bar_w * share // 100),
                              max(6, row_h // 2))
            pygame.draw.rect(surface, theme.panel, (bx, bar.y, bar_w, bar.height),
                             border_radius=4)
            pygame.draw.rect(surface, fill, bar, border_radius=4)
            if top:
                pygame.draw.rect(surface, theme.focus, bar.inflate(6, 6), width=3,
                                 border_radius=6)
            words = ctx.fonts.render(f"{count} · {share}%", px, True, ink if bar.width > bar_w
                                     // 2 else theme.text)
            spot = (bar.right - words.get_width() - 8 if bar.width > bar_w // 2
                    else bar.right + 10)
            surface.blit(words, (spot, bar.centery - words.get_height() // 2))
            ctx.mark(f"room-option-{option.number}", row)
            y += row_h + gap
        y = ctx.bottom - foot_h + ctx.gap(0.02)
        for line in footer_lines:  # each team's degree, for the room to see
            para = plain_text(ctx.fonts, line, ctx.body_px, False, theme.text, width,
                              max_lines=1)
            para.draw(surface, x, y)
            y += ctx.body_line
        footer(surface, ctx, hint(ctx, summary))  # what the facilitator can do now
