"""A card of a deck: the situation, the teams that will rate it, and the degree scale."""

from __future__ import annotations

from game.ui.screens.base import LADDER, Ctx, Screen
from game.ui.screens.rating import card_layout, card_progress
from game.ui.text import Block

__all__ = ["CardScreen", "card_progress"]


class CardScreen(Screen):
    """The room reads the card; number keys enter each team's degree at once. Laid out as
    the rating that follows it, every team already in view with the first one highlighted,
    so nothing moves when the first degree is typed."""

    ladder = LADDER

    def layout(self, ctx: Ctx) -> list[Block]:
        return card_layout(ctx)

    def footer(self, ctx: Ctx) -> str:
        return card_progress(ctx)
