"""Pack pictures: decoded in the background as soon as the pack loads, kept no larger than
the screen, scaled once per box; a picture that cannot be shown is None (the screen draws
its placeholder).

Decoding a large picture takes a noticeable time (a 4096×4096 PNG about half a second), so
it is never left to the frame that first shows the step: `load_pack` hands the pack's
pictures, in the order the scenarios show them, to one worker thread (SDL decodes without
holding Python's lock, so the title screen stays responsive). A step shown before its
picture is ready waits for that one picture only. Before decoding, the header is checked
(game.core.pictures): a picture bomb, a damaged file or a text named .png never reaches
the decoder. A decoded picture is shrunk at once to fit the screen, so a 4096×4096 photo
does not stay in memory at full size; palette and 16-bit pictures (GIFs, palette PNGs)
become 32-bit, which smoothscale needs.
"""

from __future__ import annotations

import threading
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pygame

from game.core.model import Story
from game.core.pack import Pack
from game.core.pictures import PictureError, inspect_picture

SIZES_KEPT = 2
"""Scaled copies kept per picture: the step's box and one other (after a resize)."""
KEPT_AT_MOST = (1920, 1080)
"""The largest a decoded picture is kept: a projector's size. On a 4K screen a picture, which
fills at most a third of it, is enlarged a little rather than kept at 33 MB."""


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
        self._lock = threading.Lock()
        self._waiting: list[Path] = []
        """Pictures of the pack not yet handed to the worker, in the order they are shown."""
        self._running: dict[Path, Future[None]] = {}
        self._generation = 0
        """Which `load_pack` the worker's results belong to: a reload makes older ones stale."""
        self._pool: ThreadPoolExecutor | None = None

    def load_pack(self, pack: Pack, window: tuple[int, int], *, background: bool = True) -> None:
        """Forget the pictures of any earlier pack and start decoding every picture of `pack`:
        in the background (the default), or all of them now.

        `window` is the window's size: pictures are kept no larger than it or the largest
        screen (which a window can be made as large as), whichever is larger, and never
        larger than KEPT_AT_MOST.
        """
        self.clear()
        self._bound = _largest_screen(window)
        paths = images_of(pack)
        if not background:
            for path in paths:
                self.load(path)
            return
        with self._lock:
            self._waiting = paths
            generation = self._generation
        self._hand_on(generation)

    def _hand_on(self, generation: int) -> None:
        # One picture at a time: at exit, or after a reload, at most one decode is awaited.
        with self._lock:
            if generation != self._generation or not self._waiting:
                return
            path = self._waiting.pop(0)
            if self._pool is None:
                self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pictures")
            try:
                future = self._pool.submit(self._decode_for, path, generation, self._bound)
            except RuntimeError:  # the interpreter is shutting down: nothing left to show
                return
            self._running[path] = future
        future.add_done_callback(lambda _done: self._hand_on(generation))

    def _decode_for(self, path: Path, generation: int, bound: tuple[int, int]) -> None:
        try:
            image = _decode(path, bound)
        except Exception:  # whatever goes wrong, the step shows the placeholder, never a crash
            image = None
        with self._lock:
            if generation == self._generation:
                self._loaded[path] = image
            self._running.pop(path, None)

    def wait(self) -> None:
        """Until every picture of the pack is decoded (for `shots` and tests)."""
        while True:
            with self._lock:
                running = list(self._running.values())
                if not running and not self._waiting:
                    return
            for future in running:
                future.result()

    def load(self, path: Path) -> pygame.Surface | None:
        """The picture at `path`, or None when it is missing, damaged, too large or cannot be
        decoded. Decoded by the worker, or now when it was not reached yet (the step shows
        before the worker got there) or is not one of the pack's."""
        with self._lock:
            if path in self._loaded:
                return self._loaded[path]
            future = self._running.get(path)
            if future is None and path in self._waiting:
                self._waiting.remove(path)
        if future is not None:
            future.result()
            with self._lock:
                if path in self._loaded:
                    return self._loaded[path]
        image = _decode(path, self._bound)
        with self._lock:
            self._loaded[path] = image
        return image

    def fitted(self, path: Path, width: int, height: int) -> pygame.Surface | None:
        """The picture scaled to fit inside width × height, keeping its proportions."""
        sizes = self._scaled.setdefault(path, {})
        if (width, height) in sizes:
            return sizes[(width, height)]
        image = self.load(path)
        if image is None or width <= 0 or height <= 0:
            return None
        scaled = pygame.transform.smoothscale(image, _fit(image.get_size(), (width, height)))
        if pygame.display.get_init() and pygame.display.get_surface() is not None:
            scaled = scaled.convert_alpha()  # the display's own format blits fastest
        if len(sizes) >= SIZES_KEPT:
            del sizes[next(iter(sizes))]
        sizes[(width, height)] = scaled
        return scaled

    def clear(self) -> None:
        """Forget every picture and stop decoding the rest (before a pack reload)."""
        with self._lock:
            self._generation += 1
            self._waiting = []
            self._loaded.clear()
        self._scaled.clear()


def _largest_screen(window: tuple[int, int]) -> tuple[int, int]:
    """The window or the largest screen, whichever is larger, but at most KEPT_AT_MOST."""
    sizes = [window]
    if pygame.display.get_init():
        sizes += pygame.display.get_desktop_sizes()
    return (min(max(w for w, _ in sizes), KEPT_AT_MOST[0]),
            min(max(h for _, h in sizes), KEPT_AT_MOST[1]))


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
    return image


def _smooth_scalable(image: pygame.Surface) -> pygame.Surface:
    """`image` as 24 or 32 bits a pixel, which smoothscale needs (a GIF or a palette PNG is
    8): drawn onto a transparent 32-bit surface, so a transparent colour stays transparent."""
    if image.get_bitsize() in (24, 32):
        return image
    out = pygame.Surface(image.get_size(), pygame.SRCALPHA, 32)
    out.blit(image, (0, 0))
    return out
