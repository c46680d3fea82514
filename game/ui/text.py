"""Text blocks laid out through the core's slots, and a column that never spills off the window.

Every pack text is wrapped by `game.core.layout` (the validator's own rule) with
a pygame measure, so what validates is what fits. Should a text still need more
room than the screen has left (a pack that was not validated, an odd window),
the column squeezes its gaps and then ends the longest text with "…": nothing is
ever drawn outside the window or over something else.

A screen may draw its texts larger than the body size when there is room: it
lays itself out at each size of a short ladder, biggest first, inside
`measuring()`, and keeps the first size at which nothing `misfit` (no slot text
needs more lines than its slot has, no text was shortened) and the column `fits`
(see `largest`). The smallest size, the validator's, is always the fallback.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field, replace

import pygame

from game.core.layout import LINE_SPACING, SLOTS
from game.ui.drawlog import paragraph_drawn, who, widget_drawn
from game.ui.fonts import Fonts
from game.ui.theme import Colour

ELLIPSIS = "…"


class Misfit(Exception):
    """Raised by `misfit` inside `measuring(stop=True)`: the layout need not be finished."""


_MISFITS: ContextVar[tuple[list[str], bool] | None] = ContextVar("misfits", default=None)


@contextmanager
def measuring(stop: bool = False) -> Iterator[list[str]]:
    """Collect, in the list it gives, what does not fit among the texts laid out inside.

    With `stop`, the first misfit raises `Misfit` (which the `with` lets through)
    instead: a size already lost is not laid out to the end. Nested uses collect
    separately: an inner one (a text tried beside a picture) hides its findings
    from the outer one.
    """
    found: list[str] = []
    token = _MISFITS.set((found, stop))
    try:
        yield found
    finally:
        _MISFITS.reset(token)


def misfit(reason: str) -> None:
    """Note that the layout being measured does not fit (nothing happens outside `measuring`)."""
    measured = _MISFITS.get()
    if measured is not None:
        found, stop = measured
        found.append(reason)
        if stop:
            raise Misfit(reason)


def fits(heights: Sequence[int], available: int) -> bool:
    """Whether blocks of these heights stack into `available` pixels without squeezing."""
    return sum(heights) <= available


def largest(ladder: Sequence[float], fits_at: Callable[[float], bool]) -> float:
    """The largest scale of `ladder` at which `fits_at` says yes; else the smallest scale.

    The smallest is the validator's size, which a validated pack always fits, so it is
    never asked about.
    """
    ordered = sorted(ladder)
    for scale in reversed(ordered[1:]):
        if fits_at(scale):
            return scale
    return ordered[0]


def font_px(fraction: float, window_height: int) -> int:
    """A font size given as a fraction of the window height, in pixels."""
    return max(1, math.ceil(fraction * window_height))


def line_px(px: int) -> int:
    """The line advance of a font of `px` pixels."""
    return math.ceil(px * LINE_SPACING)


class Block:
    """Something with a height that a column places: text, a meter, a row of buttons."""

    height: int = 0
    flexible: bool = False

    def draw(self, surface: pygame.Surface, x: int, y: int) -> None:
        """Draw with the top-left corner at (x, y)."""

    def shrunk(self, height: int) -> Block:
        """A version no taller than `height` (only flexible blocks shrink)."""
        return self


@dataclass
class Paragraph(Block):
    """Lines of text already wrapped, drawn with one font and colour."""

    fonts: Fonts
    lines: list[str]
    px: int
    bold: bool
    colour: Colour
    width: int
    align: str = "left"
    flexible: bool = True
    name: str = "text"
    """What the text is (its slot), for layout checks' messages."""

    @property
    def line_height(self) -> int:
        return line_px(self.px)

    @property
    def height(self) -> int:  # type: ignore[override]
        return len(self.lines) * self.line_height

    @property
    def text_width(self) -> int:
        """Width of the widest line drawn."""
        return max((self.fonts.width(line, self.px, self.bold) for line in self.lines), default=0)

    def draw(self, surface: pygame.Surface, x: int, y: int) -> None:
        with paragraph_drawn(surface, self.name):
            for i, line in enumerate(self.lines):
                if not line:
                    continue
                image = self.fonts.render(line, self.px, self.bold, self.colour)
                dx = 0
                if self.align == "center":
                    dx = (self.width - image.get_width()) // 2
                elif self.align == "right":
                    dx = self.width - image.get_width()
                # A little of the line advance goes above the glyphs, so lines sit centred.
                top = y + i * self.line_height + (self.line_height - image.get_height()) // 2
                surface.blit(image, (x + max(0, dx), top))

    def shrunk(self, height: int) -> Paragraph:
        keep = max(1, height // self.line_height)
        return self.clipped(keep)

    def clipped(self, max_lines: int) -> Paragraph:
        """At most `max_lines` lines, the last ending in "…" when text was left out."""
        if len(self.lines) <= max_lines:
            return self
        misfit(f"{self.name} cut to {max_lines} lines")
        lines = self.lines[:max_lines]
        last = lines[-1].rstrip()
        while last and self.fonts.width(last + ELLIPSIS, self.px, self.bold) > self.width:
            last = last[:-1].rstrip()
        lines[-1] = last + ELLIPSIS
        return replace(self, lines=lines)


def slot_text(fonts: Fonts, kind: str, text: str, window: tuple[int, int], colour: Colour,
              width: int | None = None, align: str = "left",
              scale: float = 1.0) -> Paragraph:
    """`text` wrapped exactly as the validator wraps slot `kind` (optionally narrower).

    At `scale` 1 this is the validator's own wrap (`core.layout.fit_lines`); larger,
    the font grows and the width stays, and a text needing more lines than its slot
    has is noted as a misfit.
    """
    slot = SLOTS[kind]
    px = font_px(slot.size * scale, window[1])
    if width is None:
        width = slot.width_px(window[0])
    lines = fonts.wrap(text, px, slot.bold, width)
    if len(lines) > slot.lines:
        misfit(f"{kind} needs {len(lines)} lines, its slot has {slot.lines}")
    return Paragraph(fonts, lines, px, slot.bold, colour, width, align, name=kind)


def plain_text(fonts: Fonts, text: str, px: int, bold: bool, colour: Colour, width: int,
               align: str = "left", max_lines: int | None = None) -> Paragraph:
    """The game's own words (not the pack's), wrapped to `width`."""
    lines = fonts.wrap(text, px, bold, width)
    para = Paragraph(fonts, lines, px, bold, colour, width, align)
    return para.clipped(max_lines) if max_lines else para


@dataclass
class Spacer(Block):
    """Empty room between blocks; shrinks first when room runs short."""

    height: int = 0
    flexible: bool = False


@dataclass
class Painted(Block):
    """A block drawn by a function given its rectangle (meters, buttons, pictures)."""

    width: int
    height: int = 0
    paint: Callable[[pygame.Surface, pygame.Rect], None] = field(default=lambda s, r: None)
    flexible: bool = False
    min_height: int = 0

    def draw(self, surface: pygame.Surface, x: int, y: int) -> None:
        rect = pygame.Rect(x, y, self.width, self.height)
        with widget_drawn(surface, who(self.paint.__qualname__), rect):
            self.paint(surface, rect)

    def shrunk(self, height: int) -> Painted:
        return replace(self, height=max(self.min_height, height)) if self.flexible else self


def column(blocks: list[Block], available: int) -> list[Block]:
    """The blocks made to fit `available` pixels: gaps shrink first, then flexible blocks."""
    total = sum(b.height for b in blocks)
    if total <= available:
        return blocks
    excess = total - available
    spacers = [b for b in blocks if isinstance(b, Spacer)]
    room = sum(s.height for s in spacers)
    out: list[Block] = list(blocks)
    if room:
        keep = max(0.0, 1 - excess / room)
        out = [Spacer(int(b.height * keep)) if isinstance(b, Spacer) else b for b in out]
        excess = sum(b.height for b in out) - available
    while excess > 0:
        flex = [i for i, b in enumerate(out) if b.flexible and b.height > 0]
        if not flex:
            break
        i = max(flex, key=lambda j: out[j].height)
        before = out[i].height
        out[i] = out[i].shrunk(before - excess)
        if out[i].height >= before:
            out[i].flexible = False
        excess = sum(b.height for b in out) - available
    return out


def draw_column(surface: pygame.Surface, blocks: list[Block], x: int, top: int,
                bottom: int, valign: str = "top") -> list[int]:
    """Place `blocks` one under another between `top` and `bottom`; returns each block's y."""
    fitted = column(blocks, bottom - top)
    total = sum(b.height for b in fitted)
    y = top
    if valign == "center":
        y = top + max(0, (bottom - top - total) // 2)
    ys = []
    # A last guard: whatever could not be made to fit stays out of the footer and the window.
    clip = surface.get_clip()
    surface.set_clip(pygame.Rect(0, top, surface.get_width(), bottom - top).clip(clip))
    try:
        for block in fitted:
            ys.append(y)
            block.draw(surface, x, y)
            y += block.height
    finally:
        surface.set_clip(clip)
    return ys
