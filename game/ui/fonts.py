"""The shipped Noto Sans fonts, and caches so text is rendered once, not every frame."""

from __future__ import annotations

import weakref
from collections import OrderedDict

import pygame

from game.core.fitting import Measure
from game.core.fontmetrics import BOLD_FONT, REGULAR_FONT
from game.ui.theme import Colour

_LINE_CACHE_SIZE = 600


class Fonts:
    """Font objects per (pixel size, bold) and an LRU of rendered line surfaces."""

    def __init__(self) -> None:
        if not pygame.font.get_init():
            pygame.font.init()
        self._fonts: dict[tuple[int, bool], pygame.font.Font] = {}
        self._lines: OrderedDict[tuple[str, int, bool, Colour], pygame.Surface] = OrderedDict()
        self._texts: weakref.WeakKeyDictionary[pygame.Surface, tuple[str, int, bool]] = (
            weakref.WeakKeyDictionary())

    def font(self, px: int, bold: bool = False) -> pygame.font.Font:
        """The shipped font at `px` pixels (never a system font or pygame's default)."""
        key = (max(1, px), bold)
        font = self._fonts.get(key)
        if font is None:
            font = pygame.font.Font(BOLD_FONT if bold else REGULAR_FONT, key[0])
            self._fonts[key] = font
        return font

    def measure_at(self, px: int, bold: bool) -> Measure:
        """A line-width function for `core.layout.fit_lines`, measured by pygame itself."""
        font = self.font(px, bold)
        return lambda line: float(font.size(line)[0])

    def width(self, text: str, px: int, bold: bool = False) -> int:
        """Width in pixels of one line of `text`."""
        return int(self.font(px, bold).size(text)[0])

    def render(self, text: str, px: int, bold: bool, colour: Colour) -> pygame.Surface:
        """One line of text as a surface, from the cache when it was drawn before."""
        key = (text, px, bold, colour)
        surface = self._lines.get(key)
        if surface is not None:
            self._lines.move_to_end(key)
            return surface
        surface = self.font(px, bold).render(text, True, colour)
        self._lines[key] = surface
        self._texts[surface] = (text, px, bold)
        if len(self._lines) > _LINE_CACHE_SIZE:
            self._lines.popitem(last=False)
        return surface

    def rendered(self, image: pygame.Surface) -> tuple[str, int, bool] | None:
        """The text, pixel size and weight of an image made by `render` (None for any other)."""
        return self._texts.get(image)

    def clear(self) -> None:
        """Forget rendered lines (after a resize most sizes change anyway)."""
        self._lines.clear()
