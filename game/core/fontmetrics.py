"""Advance widths read straight from a TrueType file, so the core can measure text without pygame.

Only the tables needed for measuring are read: `head` (units per em), `hhea`
(metric count), `hmtx` (advances) and `cmap` (formats 4 and 12).
"""

from __future__ import annotations

import math
import re
import struct
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

ASSETS = Path(__file__).resolve().parents[2] / "assets"
REGULAR_FONT = ASSETS / "fonts" / "NotoSans-Regular.ttf"
BOLD_FONT = ASSETS / "fonts" / "NotoSans-Bold.ttf"


class FontMetrics:
    """Advance widths of one font, by character."""

    def __init__(self, data: bytes) -> None:
        tables = _table_offsets(data)
        self.units_per_em: int = struct.unpack_from(">H", data, tables["head"] + 18)[0]
        metric_count = struct.unpack_from(">H", data, tables["hhea"] + 34)[0]
        hmtx = tables["hmtx"]
        advances = [struct.unpack_from(">H", data, hmtx + 4 * i)[0] for i in range(metric_count)]
        self._glyph_of = _read_cmap(data, tables["cmap"])
        self._advances = advances
        self.covered = frozenset(map(chr, self._glyph_of)) | frozenset("\n\r\t")
        """Every character the font draws (others show as an empty box)."""
        self.first_missing = _not_in(self.covered)
        """Finds the first character of a text that the font cannot draw (None if none)."""
        self._tables: dict[int, _Widths] = {}

    def char_width(self, char: str, size: int) -> int:
        """Width in pixels of `char` at pixel `size`, rounded up (hinting rounds each advance)."""
        glyph = self._glyph_of.get(ord(char), 0)
        advance: int = self._advances[min(glyph, len(self._advances) - 1)]
        return math.ceil(advance * size / self.units_per_em)

    def width(self, text: str, size: int) -> int:
        """Width in pixels of one line of `text` at pixel `size`, without kerning."""
        table = self._tables.get(size)
        if table is None:
            table = self._tables[size] = _Widths(self, size)
        return int(sum(map(table.__getitem__, text)))


class _Widths(dict[str, int]):
    """Character -> width at one size, filled on first use (the validator's hot path)."""

    def __init__(self, metrics: FontMetrics, size: int) -> None:
        super().__init__()
        self._metrics = metrics
        self._size = size

    def __missing__(self, char: str) -> int:
        width = self[char] = self._metrics.char_width(char, self._size)
        return width


def _not_in(chars: frozenset[str]) -> Callable[[str], re.Match[str] | None]:
    """A search for any character outside `chars`: a regex class runs in C, a set does not."""
    codes = sorted(map(ord, chars))
    ranges: list[tuple[int, int]] = []
    for code in codes:
        if ranges and code == ranges[-1][1] + 1:
            ranges[-1] = (ranges[-1][0], code)
        else:
            ranges.append((code, code))
    spans = "".join(re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "")
                    for a, b in ranges)
    return re.compile(f"[^{spans}]").search


@lru_cache(maxsize=4)
def load_metrics(path: Path) -> FontMetrics:
    """The metrics of the font file at `path`, read once per process."""
    return FontMetrics(path.read_bytes())


def _table_offsets(data: bytes) -> dict[str, int]:
    count = struct.unpack_from(">H", data, 4)[0]
    offsets = {}
    for i in range(count):
        tag, _checksum, offset, _length = struct.unpack_from(">4sIII", data, 12 + 16 * i)
        offsets[tag.decode("latin-1")] = offset
    return offsets


def _read_cmap(data: bytes, cmap: int) -> dict[int, int]:
    count = struct.unpack_from(">H", data, cmap + 2)[0]
    best: tuple[int, int] | None = None
    for i in range(count):
        platform, encoding, offset = struct.unpack_from(">HHI", data, cmap + 4 + 8 * i)
        fmt = struct.unpack_from(">H", data, cmap + offset)[0]
        if platform in (0, 3) and fmt in (4, 12) and (best is None or fmt > best[0]):
            best = (fmt, cmap + offset)
        del encoding
    if best is None:
        raise ValueError("the font has no Unicode character map")
    fmt, at = best
    return _cmap12(data, at) if fmt == 12 else _cmap4(data, at)


def _cmap4(data: bytes, at: int) -> dict[int, int]:
    seg_count = struct.unpack_from(">H", data, at + 6)[0] // 2
    ends = struct.unpack_from(f">{seg_count}H", data, at + 14)
    starts_at = at + 16 + 2 * seg_count
    starts = struct.unpack_from(f">{seg_count}H", data, starts_at)
    deltas = struct.unpack_from(f">{seg_count}h", data, starts_at + 2 * seg_count)
    range_at = starts_at + 4 * seg_count
    ranges = struct.unpack_from(f">{seg_count}H", data, range_at)
    glyphs: dict[int, int] = {}
    for i in range(seg_count):
        for code in range(starts[i], ends[i] + 1):
            if code == 0xFFFF:
                continue
            if ranges[i] == 0:
                glyph = (code + deltas[i]) & 0xFFFF
            else:
                where = range_at + 2 * i + ranges[i] + 2 * (code - starts[i])
                glyph = struct.unpack_from(">H", data, where)[0]
                if glyph:
                    glyph = (glyph + deltas[i]) & 0xFFFF
            if glyph:
                glyphs[code] = glyph
    return glyphs


def _cmap12(data: bytes, at: int) -> dict[int, int]:
    groups = struct.unpack_from(">I", data, at + 12)[0]
    glyphs: dict[int, int] = {}
    for i in range(groups):
        start, end, first = struct.unpack_from(">III", data, at + 16 + 12 * i)
        for code in range(start, end + 1):
            glyphs[code] = first + code - start
    return glyphs
