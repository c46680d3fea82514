"""Pack pictures: decoded when the pack loads, kept no larger than the screen, scaled once
per box; a picture that cannot be shown is None (the screen draws its placeholder).

Decoding a large picture takes a noticeable time, so it happens once when the pack loads
(`load_pack`), never on the frame that first shows the step. Before decoding, the header
is checked (game.core.pictures): a picture bomb, a damaged file or a text named .png is
never handed to the decoder. A decoded picture is shrunk at once to fit the screen, so a
4096×4096 photo does not stay in memory at full size; palette and 16-bit pictures (GIFs,
palette PNGs) become 32-bit, which smoothscale needs.
"""

from __future__ import annotations

from pathlib import Path

import pygame

from game.core.model import Story
from game.core.pack import Pack
from game.core.pictures import PictureError, inspect_picture

SIZES_KEPT = 2
"""Scaled copies kept per picture: the step's box and one other (after a resize)."""


def images_of(pack: Pack) -> list[Path]:
    """Every picture file the pack's scenarios show, each once, in the order they appear."""
    seen: dict[Path, None] = {}
    for scenario in pack.scenarios.values():
        items = scenario.steps.values() if isinstance(scenario, Story) else scenario.cards
        for item in items:
            if item.image:
                seen.setdefault(pack.image_path(item.image), None)
    return list(seen)


class Pictures:
    """The pack's pictures by path, and their scaled copies by box size."""

    def __init__(self, screen: tuple[int, int] = (1920, 1080)) -> None:
        """`screen`: the largest a picture is kept at (`load_pack` sets it from the window)."""
        self._loaded: dict[Path, pygame.Surface | None] = {}
        self._scaled: dict[Path, dict[tuple[int, int], pygame.Surface]] = {}
        self._bound = screen

    def load_pack(self, pack: Pack, window: tuple[int, int]) -> None:
        """Forget the pictures of any earlier pack and decode every picture of `pack` now.

        `window` is the window's size: pictures are kept no larger than it or the largest
        screen (which a window can be made as large as), whichever is larger.
        """
        self.clear()
        self._bound = _largest_screen(window)
        for path in images_of(pack):
            self.load(path)

    def load(self, path: Path) -> pygame.Surface | None:
        """The picture at `path` (decoded now unless it was at load time), or None when it is
        missing, damaged, too large or cannot be decoded."""
        if path not in self._loaded:
            self._loaded[path] = _decode(path, self._bound)
        return self._loaded[path]

    def fitted(self, path: Path, width: int, height: int) -> pygame.Surface | None:
        """The picture scaled to fit inside width × height, keeping its proportions."""
        sizes = self._scaled.setdefault(path, {})
        if (width, height) in sizes:
            return sizes[(width, height)]
        image = self.load(path)
        if image is None or width <= 0 or height <= 0:
            return None
        scaled = pygame.transform.smoothscale(image, _fit(image.get_size(), (width, height)))
        if len(sizes) >= SIZES_KEPT:
            del sizes[next(iter(sizes))]
        sizes[(width, height)] = scaled
        return scaled

    def clear(self) -> None:
        """Forget every picture (before a pack reload)."""
        self._loaded.clear()
        self._scaled.clear()


def _largest_screen(window: tuple[int, int]) -> tuple[int, int]:
    sizes = [window]
    if pygame.display.get_init():
        sizes += pygame.display.get_desktop_sizes()
    return max(w for w, _ in sizes), max(h for _, h in sizes)


def _fit(size: tuple[int, int], box: tuple[int, int]) -> tuple[int, int]:
    scale = min(box[0] / size[0], box[1] / size[1])
    return max(1, int(size[0] * scale)), max(1, int(size[1] * scale))


def _decode(path: Path, bound: tuple[int, int]) -> pygame.Surface | None:
    try:
        info = inspect_picture(path)
    except PictureError:
        return None
    try:
        if info.format == "SVG":
            # Drawn at the size it is kept, not at its declared size: a vector stays sharp.
            image = pygame.image.load_sized_svg(str(path), _fit((info.width, info.height),
                                                                bound))
        else:
            image = pygame.image.load(str(path))
        image = _smooth_scalable(image)
        if image.get_width() > bound[0] or image.get_height() > bound[1]:
            image = pygame.transform.smoothscale(image, _fit(image.get_size(), bound))
    except (pygame.error, OSError, ValueError, MemoryError):
        return None
    if pygame.display.get_init() and pygame.display.get_surface() is not None:
        image = image.convert_alpha()  # the display's own format blits fastest
    return image


def _smooth_scalable(image: pygame.Surface) -> pygame.Surface:
    """`image` as 24 or 32 bits a pixel, which smoothscale needs (a GIF or a palette PNG is
    8): drawn onto a transparent 32-bit surface, so a transparent colour stays transparent."""
    if image.get_bitsize() in (24, 32):
        return image
    out = pygame.Surface(image.get_size(), pygame.SRCALPHA, 32)
    out.blit(image, (0, 0))
    return out
