"""Entering the teams' degrees for a card: each team's degree, the team to enter highlighted."""

from __future__ import annotations

import pygame

from game.core.session import DeckPlay
from game.ui.keymap import Action, Command
from game.ui.screens.base import Ctx, Screen
from game.ui.screens.card import card_progress
from game.ui.text import Block, Painted, Spacer, draw_column, line_px, plain_text
from game.ui.theme import risk_colours
from game.ui.widgets import PAD, degree_label, legend, scenario_header


def team_label(ctx: Ctx, index: int) -> str:
    """A team's name, or 'The room' when the whole room plays as one."""
    name = ctx.session.team_names[index]
    return name or ctx.say("room")


class RatingScreen(Screen):
    """Number keys give the highlighted team's degree; Up/Down or a click pick another team."""

    def draw(self, surface: pygame.Surface, ctx: Ctx) -> None:
        deck, play = ctx.session.deck, ctx.session.play
        if deck is None or not isinstance(play, DeckPlay):
            return
        card = deck.cards[play.card]
        ratings = ctx.session.current_ratings()
        header = scenario_header(ctx)
        teams = self._teams(ctx, ratings, play.team)
        scale = legend(ctx)
        text = ctx.slot("card_text", ctx.text(card.text))
        blocks: list[Block] = [*header, text, Spacer(ctx.gap(0.03)), teams,
                               Spacer(ctx.gap(0.03)), scale]
        draw_column(surface, blocks, ctx.left, ctx.top, ctx.bottom)

    def _teams(self, ctx: Ctx, ratings: tuple[int | None, ...], current: int) -> Painted:
        count = len(ratings)
        columns = 1 if count <= 3 else 2
        rows = (count + columns - 1) // columns
        gap = int(0.02 * ctx.width)
        pad = ctx.gap(PAD)
        cell_w = (ctx.content_width - gap * (columns - 1)) // columns
        cell_h = line_px(ctx.body_px) + 2 * pad
        colours = risk_colours(len(ctx.session.pack.info.risk_scale))
        theme = ctx.theme

        def paint(surface: pygame.Surface, rect: pygame.Rect) -> None:
            for i, degree in enumerate(ratings):
                col, line = i // rows, i % rows
                cell = pygame.Rect(rect.x + col * (cell_w + gap),
                                   rect.y + line * (cell_h + pad), cell_w, cell_h)
                on = i == current and count > 1
                pygame.draw.rect(surface, theme.focus if on else theme.panel, cell,
                                 border_radius=pad)
                ink = theme.on_focus if on else theme.text
                value = degree_label(ctx, degree) if degree is not None else "–"
                swatch_w = ctx.fonts.width(value, ctx.body_px, True) + 2 * pad
                name_w = cell_w - swatch_w - 3 * pad
                name = plain_text(ctx.fonts, team_label(ctx, i), ctx.body_px, on, ink,
                                  max(1, name_w), max_lines=1)
                name.draw(surface, cell.x + pad, cell.y + pad)
                chip = pygame.Rect(cell.right - pad - swatch_w, cell.y + pad // 2,
                                   swatch_w, cell_h - pad)
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

    def handle(self, command: Command, ctx: Ctx) -> bool:
        play = ctx.session.play
        if not isinstance(play, DeckPlay):
            return False
        count = len(ctx.session.team_names)
        if command.action is Action.SELECT:
            ctx.session.select_team(command.number)
            return True
        if command.action in (Action.UP, Action.DOWN) and count > 1:
            step = -1 if command.action is Action.UP else 1
            ctx.session.select_team((play.team + step) % count)
            return True
        return False

    def footer(self, ctx: Ctx) -> str:
        return card_progress(ctx)
