"""The shipped Noto Sans fonts, and caches so text is rendered once, not every frame."""

from __future__ import annotations

import weakref
from collections import OrderedDict

import pygame

from game.core.fitting import Measure, wrap
from game.core.fontmetrics import BOLD_FONT, REGULAR_FONT
from game.ui.theme import Colour

_LINE_CACHE_SIZE = 600
_WRAP_CACHE_SIZE = 4000


class Fonts:
    """Font objects per (pixel size, bold) and an LRU of rendered line surfaces."""

    def __init__(self) -> None:
        if not pygame.font.get_init():
            pygame.font.init()
        self._fonts: dict[tuple[int, bool], pygame.font.Font] = {}
        self._lines: OrderedDict[tuple[str, int, bool, Colour], pygame.Surface] = OrderedDict()
        self._texts: weakref.WeakKeyDictionary[pygame.Surface, tuple[str, int, bool]] = (
            weakref.WeakKeyDictionary())
        self._widths: dict[tuple[int, bool], _Widths] = {}
        self._wrapped: dict[tuple[str, int, bool, int], tuple[str, ...]] = {}

    def font(self, px: int, bold: bool = False) -> pygame.font.Font:
        """The shipped font at `px` pixels (never a system font or pygame's default)."""
        key = (max(1, px), bold)
        font = self._fonts.get(key)
        if font is None:
            font = pygame.font.Font(BOLD_FONT if bold else REGULAR_FONT, key[0])
            self._fonts[key] = font
        return font

    def measure_at(self, px: int, bold: bool) -> Measure:
        """A line-width function for `core.fitting.wrap`, measured by pygame itself.

        Widths of words are remembered per size: a screen is laid out at a few sizes
        (see `screens.base.fitting_scale`), and its words come back on every frame.
        """
        key = (max(1, px), bold)
        widths = self._widths.get(key)
        if widths is None:
            widths = self._widths[key] = _Widths(self.font(px, bold))
        return widths.__getitem__

    def wrap(self, text: str, px: int, bold: bool, width: int) -> list[str]:
        """`text` wrapped to `width` pixels at `px` (`core.fitting.wrap`), remembered: a
        screen lays out the same texts on every frame, and at a few sizes to choose one."""
        key = (text, max(1, px), bold, width)
        lines = self._wrapped.get(key)
        if lines is None:
            lines = tuple(wrap(text, self.measure_at(px, bold), width))
            if len(self._wrapped) >= _WRAP_CACHE_SIZE:
                self._wrapped.clear()
            self._wrapped[key] = lines
        return list(lines)

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
        """Forget rendered lines and widths (after a resize most sizes change anyway)."""
        self._lines.clear()
        self._widths.clear()
        self._wrapped.clear()


class _Widths(dict[str, float]):
    """Widths of short texts (words) at one font size, measured once."""

    def __init__(self, font: pygame.font.Font) -> None:
        super().__init__()
        self._font = font

    def __missing__(self, text: str) -> float:
        width = float(self._font.size(text)[0])
        if len(text) <= 40 and len(self) < 20_000:
            self[text] = width
        return width
