"""Where every text and widget of a frame landed, so tests can check a layout by its rectangles.

A `RecordingSurface` is an off-screen pygame surface that remembers what is
drawn on it: each text line blitted (its ink, its size, who drew it), grouped by
paragraph, and each widget's rectangle, nested as they were drawn. The pilot
draws on one; the game's window is a plain surface, so play pays nothing for it.
Filling the whole surface starts the record again, as it hides everything
drawn before (a new frame, an overlay's scrim, the blank screen).

`layout_problems` reads a record and names what a person at the back of the
hall would notice: text off the window or cut by a clip, text smaller than the
body size, and two blocks drawn over each other.
"""

from __future__ import annotations

import math
import sys
import weakref
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pygame

from game.core.layout import LINE_SPACING

if TYPE_CHECKING:
    from game.ui.fonts import Fonts

_INK: weakref.WeakKeyDictionary[pygame.Surface, pygame.Rect] = weakref.WeakKeyDictionary()


def ink_of(image: pygame.Surface) -> pygame.Rect:
    """The bounding box of an image's visible pixels (remembered per image)."""
    rect = _INK.get(image)
    if rect is None:
        rect = image.get_bounding_rect()
        _INK[image] = rect
    return rect


def who(qualname: str) -> str:
    """A drawing function's readable name: 'choice_button' for 'choice_button.<locals>.paint'."""
    return qualname.split(".<locals>")[0]


@dataclass
class Drawn:
    """One thing drawn: a line of text, a widget's rectangle, or another image."""

    kind: str
    """'text', 'widget' or 'image'."""
    name: str
    """Who drew it: a paragraph's slot, or the drawing function."""
    block: int
    """Things with the same block are one block (the lines of one paragraph)."""
    parents: tuple[int, ...]
    """Blocks of the widgets it was drawn inside, outermost first."""
    box: pygame.Rect
    """Where it was put: the blitted image's rectangle, or the widget's rectangle."""
    clip: pygame.Rect
    """The surface's clip at the time: what lies outside it was not drawn."""
    text: str = ""
    px: int = 0
    area: pygame.Rect | None = None
    image: pygame.Surface | None = field(default=None, repr=False)

    @property
    def ink(self) -> pygame.Rect:
        """What the image would show: its visible pixels where they were put (a widget: its box)."""
        if self.image is None:
            return pygame.Rect(self.box)
        ink = ink_of(self.image)
        return ink.move(self.box.x - (self.area.x if self.area else 0),
                        self.box.y - (self.area.y if self.area else 0))

    @property
    def rect(self) -> pygame.Rect:
        """What can be seen: the ink within the area blitted and the clip."""
        ink = self.ink
        if self.area is not None:
            ink = ink.clip(self.box)
        return ink.clip(self.clip)

    @property
    def room(self) -> pygame.Rect:
        """The room it takes in the layout: a text's line box, else what can be seen.

        A line box is as wide as the ink and as tall as the line advance, placed as
        a paragraph places its lines; a descender may reach a little beyond it, as
        in any typesetting.
        """
        if self.kind != "text" or self.image is None:
            return self.rect
        advance = math.ceil(self.px * LINE_SPACING)
        top = self.box.y - (advance - self.image.get_height()) // 2
        visible = self.rect
        return pygame.Rect(visible.x, top, visible.w, advance).clip(self.clip)

    @property
    def cut(self) -> bool:
        """Whether some of its ink was left out (by the clip, or by blitting part of it)."""
        if self.area is None and self.clip.contains(self.box):
            return False  # the whole image was drawn, so all of its ink
        ink = self.ink
        return ink.width > 0 and ink.height > 0 and self.rect != ink

    def inside(self, window: pygame.Rect) -> bool:
        """Whether its ink lies inside `window`."""
        if self.area is None and window.contains(self.box):
            return True  # the ink lies within the image
        return bool(window.contains(self.ink))

    @property
    def outline(self) -> pygame.Rect:
        """A rectangle holding `rect`, found without looking at the pixels (the image's box)."""
        return self.box.clip(self.clip)

    @property
    def outline_room(self) -> pygame.Rect:
        """A rectangle holding `room`, found without looking at the pixels."""
        if self.kind != "text" or self.image is None:
            return self.outline
        advance = math.ceil(self.px * LINE_SPACING)
        top = self.box.y - (advance - self.image.get_height()) // 2
        outline = self.outline
        return pygame.Rect(outline.x, top, outline.w, advance).clip(self.clip)

    def describe(self) -> str:
        r = self.ink
        what = f"'{_excerpt(self.text)}' " if self.text else ""
        size = f", {self.px} px" if self.px else ""
        return f"{self.kind} {what}({self.name}{size}) at x={r.x} y={r.y} w={r.w} h={r.h}"


def _excerpt(text: str, limit: int = 48) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class DrawLog:
    """What has been drawn since the surface was last filled, in drawing order."""

    def __init__(self) -> None:
        self.items: list[Drawn] = []
        self._blocks = 0
        self._widgets: list[int] = []
        self._paragraph: tuple[int, str] | None = None

    def clear(self) -> None:
        self.items.clear()
        self._widgets.clear()
        self._paragraph = None

    def _next_block(self) -> int:
        self._blocks += 1
        return self._blocks

    @contextmanager
    def widget(self, name: str, rect: pygame.Rect, clip: pygame.Rect) -> Iterator[None]:
        """Record a widget; what is drawn inside the `with` belongs to it."""
        block = self._next_block()
        self.items.append(Drawn("widget", name, block, tuple(self._widgets), pygame.Rect(rect),
                                pygame.Rect(clip)))
        self._widgets.append(block)
        try:
            yield
        finally:
            self._widgets.pop()

    @contextmanager
    def paragraph(self, name: str) -> Iterator[None]:
        """The lines blitted inside the `with` are one block of text named `name`."""
        outer = self._paragraph
        self._paragraph = (self._next_block(), name)
        try:
            yield
        finally:
            self._paragraph = outer

    def blit(self, image: pygame.Surface, box: pygame.Rect, area: pygame.Rect | None,
             clip: pygame.Rect, caller: str, text: tuple[str, int, bool] | None) -> None:
        """Record one blit of `image` at `box` (text when `text` says what it shows)."""
        if text is None:
            self.items.append(Drawn("image", caller, self._next_block(), tuple(self._widgets),
                                    box, clip, area=area, image=image))
            return
        if self._paragraph is not None:
            block, name = self._paragraph
        else:
            block, name = self._next_block(), caller
        self.items.append(Drawn("text", name, block, tuple(self._widgets), box, clip,
                                text=text[0], px=text[1], area=area, image=image))

    def current_widget(self) -> str | None:
        """The name of the innermost widget being drawn, if any."""
        if not self._widgets:
            return None
        block = self._widgets[-1]
        return next((d.name for d in reversed(self.items)
                     if d.kind == "widget" and d.block == block), None)

    def texts(self) -> list[Drawn]:
        return [d for d in self.items if d.kind == "text" and d.text.strip()]

    def widgets(self) -> list[Drawn]:
        return [d for d in self.items if d.kind == "widget" and d.box.w > 0 and d.box.h > 0]


class RecordingSurface(pygame.Surface):
    """An off-screen surface that keeps a `DrawLog` of what is blitted onto it.

    With `paint` False it keeps the log and leaves its pixels alone (no fill, no
    blit): for checks that read the log only, at a fraction of the cost. Its
    copies (made by pygame without calling `__init__`) keep no log.
    """

    log: DrawLog | None = None
    fonts: Fonts | None = None
    paint: bool = True

    def __init__(self, size: tuple[int, int], fonts: Fonts | None = None,
                 paint: bool = True) -> None:
        super().__init__(size)
        self.log = DrawLog()
        self.fonts = fonts
        self.paint = paint

    def fill(self, color: Any, rect: Any = None, special_flags: int = 0) -> pygame.Rect:
        if self.log is not None and (rect is None
                                     or pygame.Rect(rect).contains(self.get_rect())):
            self.log.clear()
        if not self.paint:
            return pygame.Rect(rect) if rect is not None else self.get_rect()
        return super().fill(color, rect, special_flags)

    def blit(self, source: pygame.Surface, dest: Any = (0, 0), area: Any = None,
             special_flags: int = 0) -> pygame.Rect:
        if self.paint or self.log is None:
            done = super().blit(source, dest, area, special_flags)
        else:
            done = pygame.Rect(0, 0, 0, 0)
        if self.log is None:
            return done
        origin = dest if isinstance(dest, (pygame.Rect, pygame.FRect)) else pygame.Rect(
            dest[0], dest[1], 0, 0)
        x, y = int(origin.x), int(origin.y)
        part = pygame.Rect(area) if area is not None else None
        size = part.size if part is not None else source.get_size()
        code = sys._getframe(1).f_code
        qualname = getattr(code, "co_qualname", None)  # Python 3.11+
        # Before 3.11 a closure only knows it is "paint": name it after its widget instead.
        caller = who(qualname) if qualname else (self.log.current_widget() or code.co_name)
        text = self.fonts.rendered(source) if self.fonts is not None else None
        self.log.blit(source, pygame.Rect((x, y), size), part, self.get_clip(), caller, text)
        return done


def recording(surface: pygame.Surface) -> DrawLog | None:
    """The log of `surface` when it keeps one (never for the game's window)."""
    return surface.log if isinstance(surface, RecordingSurface) else None


def widget_drawn(surface: pygame.Surface, name: str,
                 rect: pygame.Rect) -> AbstractContextManager[None]:
    """Around a widget's painting: records it on a recording surface, else nothing."""
    log = recording(surface)
    return log.widget(name, rect, surface.get_clip()) if log is not None else nullcontext()


def paragraph_drawn(surface: pygame.Surface, name: str) -> AbstractContextManager[None]:
    """Around a paragraph's lines: one block on a recording surface, else nothing."""
    log = recording(surface)
    return log.paragraph(name) if log is not None else nullcontext()


def layout_problems(log: DrawLog, size: tuple[int, int], min_px: float,
                    small_ok: tuple[str, ...] = ("footer",)) -> list[str]:
    """What is wrong with a frame's layout, one line each (none when all is well).

    Every text's ink lies inside the window and was not cut by a clip; every text
    (but those drawn by `small_ok`, the facilitator's footer) is at least `min_px`;
    no two texts of different blocks, no two widgets, and no text and a widget it
    is not inside, overlap.
    """
    window = pygame.Rect((0, 0), size)
    problems: list[str] = []
    texts = log.texts()
    for t in texts:
        if not t.inside(window):
            problems.append(f"{t.describe()} goes off the {size[0]}×{size[1]} window")
        elif t.cut:
            problems.append(f"{t.describe()} is cut off (only {tuple(t.rect)} is drawn)")
        if t.px < min_px and t.name not in small_ok:
            problems.append(f"{t.describe()} is smaller than body text ({min_px:.1f} px)")
    widgets = log.widgets()
    for w in widgets:
        if not window.contains(w.box):
            problems.append(f"{w.describe()} goes off the {size[0]}×{size[1]} window")
    seen: set[tuple[int, int]] = set()

    def clash(a: Drawn, b: Drawn) -> None:
        pair = (min(a.block, b.block), max(a.block, b.block))
        if pair not in seen:
            seen.add(pair)
            problems.append(f"{a.describe()} overlaps {b.describe()}")

    # Texts clash when their glyphs' boxes do; a text clashes with a widget when its line
    # box does (a widget's box includes its margins, which a descender may reach into).
    # Images' boxes find the candidates; only those have their pixels looked at.
    outlines = [t.outline for t in texts]
    for i, t in enumerate(texts):
        for j in outlines[i].collidelistall(outlines[i + 1:]):
            other = texts[i + 1 + j]
            if other.block != t.block and t.rect.colliderect(other.rect):
                clash(t, other)
    widget_rects = [w.box for w in widgets]
    for i, w in enumerate(widgets):
        for j in w.box.collidelistall(widget_rects[i + 1:]):
            other = widgets[i + 1 + j]
            if w.block not in other.parents and other.block not in w.parents:
                clash(w, other)
    for t in texts:
        for j in t.outline_room.collidelistall(widget_rects):
            if widgets[j].block not in t.parents and t.room.colliderect(widget_rects[j]):
                clash(t, widgets[j])
    return problems
