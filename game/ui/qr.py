"""A QR code as a pygame surface: dark modules on white, with the quiet zone scanners need."""

from __future__ import annotations

import pygame

QUIET = 4
"""Modules of white border around the code: the QR standard's quiet zone."""


def qr_matrix(text: str) -> list[list[bool]]:
    """The modules of `text`'s QR code (True: dark), without the quiet zone."""
    import segno  # imported here: only the join screen needs it

    code = segno.make(text, error="m", micro=False)
    return [[bool(v) for v in row] for row in code.matrix]


def qr_surface(text: str, size: int) -> pygame.Surface:
    """`text` as a square QR code at most `size` pixels wide, every module a whole number of
    pixels (a blurred module is what makes a phone fail to read a projected code)."""
    matrix = qr_matrix(text)
    modules = len(matrix) + 2 * QUIET
    scale = max(1, size // modules)
    surface = pygame.Surface((modules * scale, modules * scale))
    surface.fill((255, 255, 255))
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                surface.fill((0, 0, 0), ((x + QUIET) * scale, (y + QUIET) * scale, scale, scale))
    return surface
