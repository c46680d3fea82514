"""Shared drawing for overlays: an opaque scrim and a centred panel (pushdown layers)."""

from __future__ import annotations

import pygame

from game.ui.screens.base import Ctx
from game.ui.text import Block, column
from game.ui.widgets import PAD


def panel(surface: pygame.Surface, ctx: Ctx, blocks: list[Block], width: float = 0.84) -> None:
    """Cover the screen (opaque, so contrast holds) and draw `blocks` in a centred panel."""
    surface.fill(ctx.theme.scrim)
    pad = ctx.gap(0.03)
    inner = int(width * ctx.width)
    fitted = column(blocks, ctx.height - 4 * pad)
    height = sum(b.height for b in fitted)
    box = pygame.Rect((ctx.width - inner) // 2 - pad, (ctx.height - height) // 2 - pad,
                      inner + 2 * pad, height + 2 * pad)
    box.clamp_ip(surface.get_rect())
    pygame.draw.rect(surface, ctx.theme.panel, box, border_radius=ctx.gap(PAD))
    pygame.draw.rect(surface, ctx.theme.panel_edge, box, width=3, border_radius=ctx.gap(PAD))
    y = box.y + pad
    clip = surface.get_clip()
    surface.set_clip(box)
    for block in fitted:
        block.draw(surface, box.x + pad, y)
        y += block.height
    surface.set_clip(clip)
