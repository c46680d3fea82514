"""Pictures: what the frame that first shows a step costs, before and after loading at pack load.

Prints a table; it is a measurement, not a test. For a photo-like PNG of each size:

(a) header check: `inspect_picture` (what `validate` and the game do before decoding);
(b) full decode: `pygame.image.load` (what the validator avoids);
(c) first frame, old way: decode and smoothscale to the step's picture box on the frame
    that first shows it (the game before pictures were loaded with the pack);
(d) first frame, new way: `Pictures.fitted` from the picture decoded at pack load;
(e) memory kept per picture: the full decoded size against the screen-sized copy kept.

Medians of alternating runs, measured side by side in one process; the ratio (c)/(d) is
what the projector no longer freezes for.

    python benchmarks/bench_pictures.py [--runs 7] [--sizes 1024,2048,4096]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import zlib
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from game.core.pictures import inspect_picture  # noqa: E402
from game.ui.images import Pictures  # noqa: E402
from tests.picturefiles import _chunk  # noqa: E402

BOX = (460, 260)
"""About the picture box beside a step's text at 1920×1080."""
WINDOW = (1920, 1080)


def photo_png(side: int) -> bytes:
    """A side × side RGB PNG of gradients with noise (compresses like a photo, not a flat fill)."""
    gradient = bytes(x * 255 // side for x in range(side))
    small = bytes(b & 31 for b in range(256))
    rows = bytearray()
    for y in range(side):
        row = bytearray(side * 3)
        row[0::3] = gradient
        row[1::3] = bytes([y * 255 // side]) * side
        row[2::3] = os.urandom(side).translate(small)
        rows += b"\x00" + row
    header = (side.to_bytes(4, "big") * 2) + bytes([8, 2, 0, 0, 0])
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header)
            + _chunk(b"IDAT", zlib.compress(bytes(rows), 6)) + _chunk(b"IEND", b""))


def timed(action: Callable[..., object], *args: object) -> float:
    start = time.perf_counter()
    action(*args)
    return time.perf_counter() - start


def old_first_frame(path: Path) -> None:
    image = pygame.image.load(str(path)).convert_alpha()  # as the old `fitted` did
    iw, ih = image.get_size()
    scale = min(BOX[0] / iw, BOX[1] / ih)
    pygame.transform.smoothscale(image, (int(iw * scale), int(ih * scale)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--sizes", default="1024,2048,4096")
    args = parser.parse_args()
    pygame.display.init()
    pygame.display.set_mode((64, 64))  # a display, so pictures are converted as in the game
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"picture box {BOX[0]}×{BOX[1]}, window {WINDOW[0]}×{WINDOW[1]}, "
          f"median of {args.runs} runs")
    print(f"{'picture':>11} {'file':>8} {'header':>9} {'decode':>9} {'old 1st':>9} "
          f"{'new 1st':>9} {'old/new':>8} {'kept MB':>15}")
    with tempfile.TemporaryDirectory() as tmp:
        for side in sizes:
            path = Path(tmp) / f"photo-{side}.png"
            path.write_bytes(photo_png(side))
            header, decode, old, new = [], [], [], []
            for _ in range(args.runs):
                header.append(timed(inspect_picture, path))
                decode.append(timed(pygame.image.load, str(path)))
                old.append(timed(old_first_frame, path))
                pictures = Pictures(screen=WINDOW)
                pictures.load(path)  # at pack load: not timed as part of the frame
                new.append(timed(pictures.fitted, path, *BOX))
            kept = pictures.load(path)
            assert kept is not None
            full_mb = side * side * 4 / 2**20
            kept_mb = kept.get_width() * kept.get_height() * 4 / 2**20
            med = statistics.median
            print(f"{side:>5}×{side:<5} {path.stat().st_size / 2**20:>6.1f}MB "
                  f"{med(header) * 1e3:>7.2f}ms {med(decode) * 1e3:>7.1f}ms "
                  f"{med(old) * 1e3:>7.1f}ms {med(new) * 1e3:>7.2f}ms "
                  f"{med(old) / med(new):>7.0f}× {full_mb:>6.1f} → {kept_mb:>5.1f}")


if __name__ == "__main__":
    main()
