"""A card of a deck: the situation, and the degree scale the teams choose from."""

from __future__ import annotations

from game.core.session import DeckPlay
from game.ui.screens.base import LADDER, Ctx, Screen
from game.ui.screens.step import text_with_picture
from game.ui.text import Block, Spacer, plain_text
from game.ui.widgets import legend, scenario_header


def card_progress(ctx: Ctx) -> str:
    """'card 3/13' for the footer."""
    deck, play = ctx.session.deck, ctx.session.play
    if deck is None or not isinstance(play, DeckPlay):
        return ""
    return f"{ctx.say('card_n', n=play.card + 1, m=len(deck.cards))}"


class CardScreen(Screen):
    """The room reads the card; number keys enter each team's degree at once."""

    ladder = LADDER

    def layout(self, ctx: Ctx) -> list[Block]:
        card = ctx.session.card
        if card is None:
            return []
        header = scenario_header(ctx)
        scale = legend(ctx)
        hint = plain_text(ctx.fonts, ctx.say("rate_hint", m=len(ctx.session.pack.info.risk_scale)),
                          ctx.body_px, False, ctx.theme.muted, ctx.content_width, max_lines=1)
        used = (sum(b.height for b in header) + scale.height + hint.height + ctx.gap(0.06))
        body = text_with_picture(ctx, "card_text", ctx.text(card.text), card.image,
                                 ctx.bottom - ctx.top - used)
        return [*header, *body, Spacer(ctx.gap(0.04)), hint, Spacer(ctx.gap(0.01)), scale]

    def footer(self, ctx: Ctx) -> str:
        return card_progress(ctx)
