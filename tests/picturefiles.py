"""Tiny picture files written byte by byte: real small pictures, and bombs that only
declare an enormous size (a header is all the validator reads, so it is all a test needs)."""

from __future__ import annotations

import struct
import zlib


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png(width: int, height: int, *, palette: bool = False, pixels: bool = True) -> bytes:
    """A PNG: true colour, or 8-bit palette (with a transparent colour 0); `pixels=False`
    writes only a small IDAT, as a bomb does (its pixels would be zeros anyway)."""
    colour_type = 3 if palette else 2
    out = b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8,
                                                                colour_type, 0, 0, 0))
    if palette:
        colours = [(0, 0, 0), (230, 40, 40), (40, 90, 230), (250, 210, 30)]
        out += _chunk(b"PLTE", b"".join(bytes(c) for c in colours))
        out += _chunk(b"tRNS", b"\x00")
    if pixels:
        rows = b"".join(
            b"\x00" + (bytes(1 + (x * 3 // width) for x in range(width)) if palette else
                       b"".join(bytes((x * 255 // width, y * 255 // height, 128))
                                for x in range(width)))
            for y in range(height))
        data = zlib.compress(rows)
    else:
        data = zlib.compress(b"\x00" * 1024)
    return out + _chunk(b"IDAT", data) + _chunk(b"IEND", b"")


def undecodable_png(width: int, height: int) -> bytes:
    """A PNG whose structure and checksums are whole but whose pixels are not zlib data:
    its header passes every check, only decoding it fails."""
    good = png(width, height, palette=True)
    start = good.index(b"IDAT") + 4
    length = int.from_bytes(good[start - 8:start - 4], "big")
    return good[:start - 8] + _chunk(b"IDAT", b"\x55" * length) + _chunk(b"IEND", b"")


def gif(width: int, height: int) -> bytes:
    """A GIF of three coloured bands, its pixels LZW-coded without compression (a clear code
    every 126 codes keeps the code width at 8 bits)."""
    colours = [(20, 20, 20), (230, 40, 40), (40, 160, 60), (40, 90, 230)] + [(0, 0, 0)] * 124
    out = b"GIF89a" + struct.pack("<HHBBB", width, height, 0x80 | 0x70 | 6, 0, 0)
    out += b"".join(bytes(c) for c in colours)
    out += b"\x2c" + struct.pack("<HHHHB", 0, 0, width, height, 0)
    pixels = [1 + (x * 3 // width) for _y in range(height) for x in range(width)]
    codes: list[int] = []
    for i in range(0, len(pixels), 126):
        codes += [128, *pixels[i:i + 126]]
    codes.append(129)
    data = bytes(codes)
    blocks = b"".join(bytes([len(data[i:i + 255])]) + data[i:i + 255]
                      for i in range(0, len(data), 255))
    return out + b"\x07" + blocks + b"\x00" + b"\x3b"


def gif_bomb() -> bytes:
    """A GIF that declares 65535×65535 pixels in 35 bytes."""
    return (b"GIF89a" + struct.pack("<HHBBB", 65535, 65535, 0, 0, 0)
            + b"\x2c" + struct.pack("<HHHHB", 0, 0, 65535, 65535, 0) + b"\x02\x02\x44\x01\x00\x3b")


def webp(width: int, height: int) -> bytes:
    """A lossless WebP header declaring width × height (with a few bytes of data)."""
    bits = (width - 1) | ((height - 1) << 14)
    body = b"\x2f" + struct.pack("<I", bits) + b"\x00" * 5
    chunk = b"VP8L" + struct.pack("<I", len(body)) + body
    return b"RIFF" + struct.pack("<I", 4 + len(chunk)) + b"WEBP" + chunk


def bmp(width: int, height: int, *, pixels: bool = True) -> bytes:
    """A 24-bit BMP; `pixels=False` writes the header only, as a bomb does."""
    row = ((24 * width + 31) // 32) * 4
    data = b"\x80" * (row * height) if pixels else b""
    header = struct.pack("<IiiHHIIiiII", 40, width, height, 1, 24, 0, len(data), 2835, 2835, 0, 0)
    return b"BM" + struct.pack("<IHHI", 14 + len(header) + len(data), 0, 0, 54) + header + data


def svg(width: str | None, height: str | None, view_box: str | None = None) -> bytes:
    """An SVG whose root element declares the given width, height and viewBox."""
    attributes = "".join(f' {name}="{value}"' for name, value in
                         (("width", width), ("height", height), ("viewBox", view_box))
                         if value is not None)
    return (f'<svg xmlns="http://www.w3.org/2000/svg"{attributes}>'
            '<rect width="99999" height="99999" fill="#2a7"/></svg>').encode()  # clipped
