"""The join screen: how phones join the room (QR code, the address in large letters, the
room code), or, without a network, why they cannot and that the game plays on."""

from __future__ import annotations

import pygame

from game.phones.room import RoomState
from game.ui.screens.base import Ctx, Screen
from game.ui.text import Paragraph, font_px, plain_text
from game.ui.widgets import footer, heading

ADDRESS = 0.075
"""The address's letter size: a phone's owner at the back types it from the screen."""
CODE = 0.12
"""The room code's letter size."""


def _biggest(ctx: Ctx, text: str, fraction: float, width: int, colour: tuple[int, int, int],
             ) -> Paragraph:
    """`text` on one line, as large as `fraction` of the height allows within `width`."""
    px = font_px(fraction, ctx.height)
    while px > 12 and ctx.fonts.width(text, px, True) > width:
        px -= 2
    return plain_text(ctx.fonts, text, px, True, colour, width, max_lines=1)


class JoinScreen(Screen):
    """Shown when the room opens (and from the pause menu); any key closes it."""

    def __init__(self) -> None:
        super().__init__()
        self._qr: tuple[str, int, pygame.Surface] | None = None

    def qr(self, url: str, size: int) -> pygame.Surface:
        """The QR code of `url`, made once per address and size."""
        if self._qr is None or self._qr[:2] != (url, size):
            from game.ui.qr import qr_surface  # segno is imported when a room opens

            self._qr = (url, size, qr_surface(url, size))
        return self._qr[2]

    def draw(self, surface: pygame.Surface, ctx: Ctx) -> None:
        theme = ctx.theme
        surface.fill(theme.scrim)
        view: RoomState = ctx.ui.phones
        x, y = ctx.left, ctx.top
        if not view.open or not view.join_url or not view.urls:
            width = ctx.content_width
            title = heading(ctx, ctx.say("phones_title")).clipped(1)
            title.draw(surface, x, y)
            y += title.height + ctx.gap(0.03)
            message = (ctx.say("phones_none") if view.problem in (None, "no network")
                       else ctx.say("phones_failed", reason=view.problem))
            para = plain_text(ctx.fonts, message, ctx.body_px, False, theme.text, width,
                              max_lines=8)
            para.draw(surface, x, y)
            ctx.mark("phones-problem", pygame.Rect(x, y, width, para.height))
        else:
            side = min(int(0.78 * (ctx.bottom - ctx.top)), int(0.40 * ctx.width))
            code = self.qr(view.join_url, side)
            top = ctx.top + (ctx.bottom - ctx.top - code.get_height()) // 2
            qr_rect = code.get_rect(topleft=(x, top))
            surface.blit(code, qr_rect)
            ctx.mark("phones-qr", qr_rect)
            gap = int(0.03 * ctx.width)
            tx = qr_rect.right + gap
            width = ctx.width - ctx.left - tx
            blocks: list[tuple[Paragraph, str | None, int]] = [
                (heading(ctx, ctx.say("phones_title")).clipped(2), None, ctx.gap(0.02)),
                (plain_text(ctx.fonts, ctx.say("phones_scan"), ctx.body_px, False, theme.text,
                            width, max_lines=3), None, ctx.gap(0.015)),
                (_biggest(ctx, view.urls[0].removeprefix("http://"), ADDRESS, width,
                          theme.accent), "phones-address", ctx.gap(0.03)),
                (plain_text(ctx.fonts, ctx.say("phones_code"), ctx.body_px, False, theme.muted,
                            width, max_lines=1), None, 0),
                (_biggest(ctx, " ".join(view.code), CODE, width, theme.accent), "phones-code",
                 ctx.gap(0.03)),
                (plain_text(ctx.fonts, ctx.say("phones_wifi"), ctx.body_px, False, theme.muted,
                            width, max_lines=4), None, ctx.gap(0.015)),
                (plain_text(ctx.fonts, ctx.say("phones_joined", n=view.phones),
                            ctx.body_px, True, theme.text, width, max_lines=1), "phones-joined",
                 0),
            ]
            total = sum(p.height + after for p, _, after in blocks)
            y = max(ctx.top, ctx.top + (ctx.bottom - ctx.top - total) // 2)
            for para, mark, after in blocks:
                para.draw(surface, tx, y)
                if mark:
                    ctx.mark(mark, pygame.Rect(tx, y, para.text_width, para.height))
                y += para.height + after
        footer(surface, ctx, ctx.say("phones_close_hint"))  # the facilitator's line
