"""The drawing context every screen and widget receives: what to draw and how big.

A module of its own so that widgets use it without importing the screens (the screens
build on the widgets, never the other way round).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import pygame

from game.core.commands import Command
from game.core.controller import Controller
from game.core.layout import BODY, MARGIN
from game.core.model import Deck, Story, Text
from game.core.session import Session
from game.ui.fonts import Fonts
from game.ui.images import Pictures
from game.ui.state import UiState
from game.ui.text import (
    Paragraph,
    font_px,
    line_px,
    slot_text,
)
from game.ui.theme import Theme
from game.ui.wording import say

FOOTER = 0.028
"""Footer text size (progress, language, timer): small on purpose, for the facilitator."""
FOOTER_BAND = 0.05
"""Height of the band at the bottom that holds the footer, as a fraction of the window."""

@dataclass
class Target:
    """A clickable rectangle and the command a click on it gives."""

    rect: pygame.Rect
    command: Command


def _nowhere(command: Command) -> None:
    """The `send` of a context that drives nothing (a layout measured alone)."""


@dataclass
class Ctx:
    """What a screen needs to draw: the session (read only), the controller's cursors and
    options, the window's state, fonts, theme, size and time; `send` hands a command to
    the controller, the only way a screen changes anything beyond its own pages."""

    session: Session
    ui: UiState
    fonts: Fonts
    pictures: Pictures
    theme: Theme
    size: tuple[int, int]
    now: float
    shown_at: float
    controller: Controller
    send: Callable[[Command], None] = _nowhere
    targets: list[Target] = field(default_factory=list)
    marks: dict[str, pygame.Rect] = field(default_factory=dict)
    animating: bool = False
    scale: float = 1.0
    """Text size relative to the body size (4%): 1 unless a screen found room for more."""

    # ------------------------------------------------------------ wording
    @property
    def lang(self) -> str:
        return self.session.language

    def say(self, key: str, **values: object) -> str:
        """The game's own wording in the session's language."""
        return say(key, self.lang, **values)

    def text(self, text: Text | None) -> str:
        """A pack text in the session's language."""
        return self.session.pack.text(text, self.lang)

    @property
    def scenario(self) -> Story | Deck | None:
        return self.session.story or self.session.deck

    # ------------------------------------------------------------- geometry
    @property
    def width(self) -> int:
        return self.size[0]

    @property
    def height(self) -> int:
        return self.size[1]

    def px(self, fraction: float) -> int:
        """A text size given as a fraction of the window height, in pixels, at `scale`."""
        return font_px(fraction * self.scale, self.height)

    @contextmanager
    def at_scale(self, scale: float) -> Iterator[None]:
        """Lay out and draw texts `scale` times their size inside the `with`."""
        before, self.scale = self.scale, scale
        try:
            yield
        finally:
            self.scale = before

    @property
    def body_px(self) -> int:
        return self.px(BODY)

    @property
    def body_line(self) -> int:
        return line_px(self.body_px)

    @property
    def overhang(self) -> int:
        """How far a body line's descenders may reach below its line box (the font's glyph
        box is taller than the line advance): room a full column keeps free at its foot."""
        px = self.body_px
        return max(0, math.ceil((self.fonts.font(px).get_height() - line_px(px)) / 2))

    @property
    def left(self) -> int:
        return int(MARGIN * self.width)

    @property
    def content_width(self) -> int:
        return self.width - 2 * self.left

    @property
    def top(self) -> int:
        return int(MARGIN * self.height)

    @property
    def bottom(self) -> int:
        """The lowest y of content: the footer band lies below it."""
        return self.height - int(FOOTER_BAND * self.height)

    def gap(self, fraction: float = 0.02) -> int:
        return int(fraction * self.height)

    # ------------------------------------------------------------- helpers
    def progress(self, duration: float) -> float:
        """0 → 1 over `duration` seconds since the screen was shown; keeps frames coming."""
        t = (self.now - self.shown_at) / duration if duration > 0 else 1.0
        if t < 1:
            self.animating = True
        return max(0.0, min(1.0, t))

    def target(self, rect: pygame.Rect, command: Command) -> None:
        """Make `rect` clickable for `command` (the last drawn wins on overlap)."""
        self.targets.append(Target(pygame.Rect(rect), command))

    def mark(self, name: str, rect: pygame.Rect) -> None:
        """Name where something was drawn, so tests can find it by name, not by pixel."""
        self.marks[name] = pygame.Rect(rect)

    def slot(self, kind: str, text: str, colour: tuple[int, int, int] | None = None,
             width: int | None = None, align: str = "left") -> Paragraph:
        """A pack text laid out in its slot (see game.core.layout.SLOTS)."""
        return slot_text(self.fonts, kind, text, self.size, colour or self.theme.text,
                         width, align, self.scale)
