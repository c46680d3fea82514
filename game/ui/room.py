"""The room of phones on the projector: the small "N of M phones voted" count, and how the
room voted on the question on screen. What the screens read about the room itself is
`game.phones.host.RoomState`: addresses, code, counts, never anything a phone wrote."""

from __future__ import annotations

import pygame

from game.core.questions import room_summary
from game.core.votes import RoomSummary, RoomVotes
from game.ui.screens.base import FOOTER_BAND, Ctx


def voted_badge(surface: pygame.Surface, ctx: Ctx, text: str) -> None:
    """`text` ("7 of 12 phones voted") in a pill in the middle of the footer band, below
    the screen's own text (never over the pack's words)."""
    band = int(FOOTER_BAND * ctx.height)
    px = ctx.body_px  # for the room to read, as large as any text of the screen
    image = ctx.fonts.render(text, px, True, ctx.theme.on_focus)
    pad = max(3, ctx.gap(0.006))
    height = min(band, image.get_height())
    box = pygame.Rect(0, 0, image.get_width() + 6 * pad, height)
    box.midbottom = (ctx.width // 2, ctx.height - max(2, (band - height) // 2))
    pygame.draw.rect(surface, ctx.theme.focus, box, border_radius=box.height // 2)
    surface.blit(image, image.get_rect(center=box.center))
    ctx.mark("phones-voted", box)


def current_summary(ctx: Ctx) -> RoomSummary | None:
    """How the room voted on the question on screen (None: no question, or no phones)."""
    votes = getattr(ctx.session, "votes", None)
    if not isinstance(votes, RoomVotes):
        return None
    return room_summary(ctx.session, votes)
