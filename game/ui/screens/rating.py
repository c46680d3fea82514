"""Entering the teams' degrees for a card: each team's degree, the team to enter highlighted."""

from __future__ import annotations

import pygame

from game.core.commands import Action, Command
from game.core.session import DeckPlay
from game.ui.screens.base import LADDER, Ctx, Screen
from game.ui.screens.step import text_with_picture
from game.ui.text import Block, Painted, Paragraph, Spacer, line_px, plain_text
from game.ui.theme import risk_colours
from game.ui.widgets import PAD, degree_label, legend, scenario_header


def card_progress(ctx: Ctx) -> str:
    """'card 3/13' for the footer."""
    deck, play = ctx.session.deck, ctx.session.play
    if deck is None or not isinstance(play, DeckPlay):
        return ""
    return f"{ctx.say('card_n', n=play.card + 1, m=len(deck.cards))}"


def card_layout(ctx: Ctx) -> list[Block]:
    """A card and its entry, the same before the first degree and after it (no jump): the
    card's text (and picture), every team with the degree it gave and the one to enter
    highlighted, the hint, and the scale."""
    card, play = ctx.session.card, ctx.session.play
    if card is None or not isinstance(play, DeckPlay):
        return []
    header = scenario_header(ctx)
    teams = team_cells(ctx, ctx.session.current_ratings(), play.team)
    scale = legend(ctx)
    hint = plain_text(ctx.fonts, ctx.say("rate_hint", m=len(ctx.session.pack.info.risk_scale)),
                      ctx.body_px, False, ctx.theme.muted, ctx.content_width, max_lines=1)
    used = (sum(b.height for b in header) + teams.height + scale.height + hint.height
            + ctx.gap(0.07))
    body = text_with_picture(ctx, "card_text", ctx.text(card.text), card.image,
                             ctx.bottom - ctx.top - used)
    return [*header, *body, Spacer(ctx.gap(0.03)), teams, Spacer(ctx.gap(0.03)), hint,
            Spacer(ctx.gap(0.01)), scale]


def team_label(ctx: Ctx, index: int) -> str:
    """A team's name, or 'The room' when the whole room plays as one."""
    name = ctx.session.team_names[index]
    return name or ctx.say("room")


def team_names(ctx: Ctx, room: int, bold: bool | list[bool] = False) -> list[Paragraph] | None:
    """Every team's name on one line of `room` pixels, or None when one is too long."""
    names = []
    for i in range(len(ctx.session.team_names)):
        weight = bold[i] if isinstance(bold, list) else bold
        para = plain_text(ctx.fonts, team_label(ctx, i), ctx.body_px, weight, ctx.theme.text,
                          max(1, room))
        if len(para.lines) > 1:
            return None
        names.append(para)
    return names


def wrapped_team_names(ctx: Ctx, room: int, bold: bool | list[bool] = False) -> list[Paragraph]:
    """Every team's name in `room` pixels on up to two lines (a name longer still is cut)."""
    return [plain_text(ctx.fonts, team_label(ctx, i), ctx.body_px,
                       bold[i] if isinstance(bold, list) else bold, ctx.theme.text,
                       max(1, room), max_lines=2)
            for i in range(len(ctx.session.team_names))]


def team_cells(ctx: Ctx, ratings: tuple[int | None, ...], current: int) -> Painted:
    """One cell per team: its name, and the degree it gave (number and label, or just
    the number, which the legend below explains, when the label leaves the name no room)."""
    count = len(ratings)
    columns = 1 if count <= 3 else 2
    rows = (count + columns - 1) // columns
    gap = int(0.02 * ctx.width)
    pad = ctx.gap(PAD)
    cell_w = (ctx.content_width - gap * (columns - 1)) // columns
    colours = risk_colours(len(ctx.session.pack.info.risk_scale))
    theme = ctx.theme
    scale = ctx.session.pack.info.risk_scale
    bold = [i == current and count > 1 for i in range(count)]

    def chip_w(text: str) -> int:
        return ctx.fonts.width(text, ctx.body_px, True) + 2 * pad

    widest = max(chip_w(degree_label(ctx, d)) for d in range(len(scale)))
    names = team_names(ctx, cell_w - widest - 3 * pad, bold)
    with_labels = names is not None
    if names is None:
        widest = max(chip_w(str(d + 1)) for d in range(len(scale)))
        names = wrapped_team_names(ctx, cell_w - widest - 3 * pad, bold)
    cell_h = max(line_px(ctx.body_px), max(p.height for p in names)) + 2 * pad

    def paint(surface: pygame.Surface, rect: pygame.Rect) -> None:
        for i, degree in enumerate(ratings):
            col, line = i // rows, i % rows
            cell = pygame.Rect(rect.x + col * (cell_w + gap),
                               rect.y + line * (cell_h + pad), cell_w, cell_h)
            on = bold[i]
            pygame.draw.rect(surface, theme.focus if on else theme.panel, cell,
                             border_radius=pad)
            ink = theme.on_focus if on else theme.text
            if degree is None:
                value = "–"
            else:
                value = degree_label(ctx, degree) if with_labels else str(degree + 1)
            swatch_w = chip_w(value)
            name = names[i]
            name.colour = ink
            name.draw(surface, cell.x + pad, cell.y + (cell_h - name.height) // 2)
            chip_h = line_px(ctx.body_px) + pad
            chip = pygame.Rect(cell.right - pad - swatch_w, cell.centery - chip_h // 2,
                               swatch_w, chip_h)
            if degree is not None:
                pygame.draw.rect(surface, colours[degree], chip, border_radius=pad)
                pygame.draw.rect(surface, theme.text, chip, width=2, border_radius=pad)
                chip_ink = theme.text_on(colours[degree])
            else:
                chip_ink = ink
            image = ctx.fonts.render(value, ctx.body_px, True, chip_ink)
            surface.blit(image, image.get_rect(center=chip.center))
            ctx.target(cell, Command(Action.SELECT, i))

    return Painted(ctx.content_width, rows * cell_h + (rows - 1) * pad, paint)


class RatingScreen(Screen):
    """Number keys give the highlighted team's degree; Up/Down or a click pick another team."""

    ladder = LADDER

    def layout(self, ctx: Ctx) -> list[Block]:
        return card_layout(ctx)

    def footer(self, ctx: Ctx) -> str:
        return card_progress(ctx)
