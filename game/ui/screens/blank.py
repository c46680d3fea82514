"""The blank screen: all black, so the room looks at the facilitator; any key returns."""

from __future__ import annotations

import pygame

from game.ui.screens.base import Ctx, Screen


class BlankScreen(Screen):
    """Nothing at all: a projector showing black."""

    def draw(self, surface: pygame.Surface, ctx: Ctx) -> None:
        surface.fill(ctx.theme.blank)
