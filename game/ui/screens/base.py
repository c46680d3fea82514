"""The screen base class and the drawing context every screen receives."""

from __future__ import annotations

from dataclasses import dataclass, field

import pygame

from game.core.layout import BODY, MARGIN
from game.core.model import Deck, Story, Text
from game.core.session import Session
from game.ui.fonts import Fonts
from game.ui.images import Pictures
from game.ui.keymap import Command
from game.ui.state import UiState
from game.ui.text import Paragraph, font_px, line_px, slot_text
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


@dataclass
class Ctx:
    """What a screen needs to draw: the session, the UI state, fonts, theme, size and time."""

    session: Session
    ui: UiState
    fonts: Fonts
    pictures: Pictures
    theme: Theme
    size: tuple[int, int]
    now: float
    shown_at: float
    targets: list[Target] = field(default_factory=list)
    marks: dict[str, pygame.Rect] = field(default_factory=dict)
    animating: bool = False

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
        """A size given as a fraction of the window height, in pixels."""
        return font_px(fraction, self.height)

    @property
    def body_px(self) -> int:
        return self.px(BODY)

    @property
    def body_line(self) -> int:
        return line_px(self.body_px)

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
                         width, align)


class Screen:
    """One screen of the game: draws the session; may handle commands of its own."""

    def on_show(self, ctx: Ctx) -> None:
        """Called when the session arrives on this screen (not on redraws)."""

    def draw(self, surface: pygame.Surface, ctx: Ctx) -> None:
        """Draw the whole screen; register clickable rectangles with `ctx.target`."""
        raise NotImplementedError

    def handle(self, command: Command, ctx: Ctx) -> bool:
        """Handle a command that means something special here; False to let the app route it."""
        return False

    def footer(self, ctx: Ctx) -> str:
        """Where the room is, for the small footer (e.g. 'step 2', 'card 3/13')."""
        return ""
