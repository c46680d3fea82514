"""Pack pictures, loaded once and scaled once per size; a missing or broken one is None."""

from __future__ import annotations

from pathlib import Path

import pygame


class Pictures:
    """A cache of pictures by path, and of their scaled copies by (path, box size)."""

    def __init__(self) -> None:
        self._loaded: dict[Path, pygame.Surface | None] = {}
        self._scaled: dict[tuple[Path, int, int], pygame.Surface] = {}

    def load(self, path: Path) -> pygame.Surface | None:
        """The picture at `path`, or None when it is missing or cannot be read."""
        if path not in self._loaded:
            try:
                self._loaded[path] = pygame.image.load(str(path))
            except (pygame.error, OSError, ValueError):
                self._loaded[path] = None
        return self._loaded[path]

    def fitted(self, path: Path, width: int, height: int) -> pygame.Surface | None:
        """The picture scaled to fit inside width × height, keeping its proportions."""
        key = (path, width, height)
        if key in self._scaled:
            return self._scaled[key]
        image = self.load(path)
        if image is None or width <= 0 or height <= 0:
            return None
        iw, ih = image.get_size()
        if iw == 0 or ih == 0:
            return None
        scale = min(width / iw, height / ih)
        size = (max(1, int(iw * scale)), max(1, int(ih * scale)))
        scaled = pygame.transform.smoothscale(image.convert_alpha() if pygame.display.get_init()
                                              and pygame.display.get_surface() else image, size)
        self._scaled[key] = scaled
        return scaled

    def clear(self) -> None:
        """Forget every picture (after a pack reload)."""
        self._loaded.clear()
        self._scaled.clear()
