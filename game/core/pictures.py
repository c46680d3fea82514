"""What a picture file is (format, width, height), read from its header without decoding it.

A picture of a few kilobytes can declare 30000×30000 pixels and decode to gigabytes:
the game would freeze when the step shows it. Reading the header costs a few bytes, so
the validator (and the game, before it decodes anything) refuses a picture larger than
MAX_SIDE pixels on a side, and a file that is damaged, cut short or not a picture at
all. The structure is walked to its end marker (PNG chunks with their checksums, JPEG
segments, GIF blocks, RIFF chunks, the BMP pixel array), which finds a truncated file
without decoding its pixels. No pygame here: the core stays testable without it.
"""

from __future__ import annotations

import re
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

MAX_SIDE = 4096
"""The most pixels a picture may have on each side (documented in docs/pack-format.md).

4096×4096 decodes to 64 MiB, a fraction of a second; the projector shows 1920×1080."""

FORMATS = "PNG, JPEG, GIF, WebP, BMP or SVG"
"""The formats the validator reads and the game draws, as the messages name them."""

_CHUNK = 1 << 20
_SVG_HEAD = 64 * 1024
_SVG_DPI = 96.0


@dataclass(frozen=True)
class PictureInfo:
    """A picture's format and declared size in pixels."""

    format: str
    width: int
    height: int


class PictureError(Exception):
    """The file cannot be shown: the message is a plain sentence about the file, to follow
    "image 'images/x.png' ..."."""


def inspect_picture(path: Path, max_side: int = MAX_SIDE) -> PictureInfo:
    """The format and size of the picture at `path`, after checking it can be shown.

    Raises PictureError when it is a folder, unreadable, empty, not a picture in one of
    FORMATS, damaged or cut short, or larger than `max_side` on a side (the message gives
    both sizes). The size is checked before the rest of the file is read, so a picture
    bomb costs a few bytes.
    """
    if path.is_dir():
        raise PictureError("is a folder, not a picture: name the picture file inside it")
    try:
        with path.open("rb") as handle:
            return _inspect(handle, max_side)
    except OSError as exc:
        raise PictureError(f"cannot be read: {exc.strerror or exc}") from None


def _inspect(handle: BinaryIO, max_side: int) -> PictureInfo:
    head = handle.read(64)
    if not head:
        raise PictureError("is an empty file, not a picture")
    reader = _FORMATS_BY_MAGIC.get(_magic(head))
    if reader is None:
        raise PictureError(_not_a_picture(head + handle.read(448)))
    handle.seek(0)
    info = reader(handle, max_side)
    return info


def _magic(head: bytes) -> str:
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if head.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "GIF"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WebP"
    if head[:2] == b"BM":
        return "BMP"
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith((b"<?xml", b"<svg", b"<!--", b"<!doctype svg")):
        return "SVG"
    return ""


_OTHER_FORMATS = [
    (b"II*\x00", "a TIFF picture"), (b"MM\x00*", "a TIFF picture"),
    (b"\x00\x00\x00\x0cjP", "a JPEG 2000 picture"), (b"qoif", "a QOI picture"),
    (b"8BPS", "a Photoshop file"), (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (perhaps a Word or PowerPoint file)"),
]


def _not_a_picture(head: bytes) -> str:
    for magic, what in _OTHER_FORMATS:
        if head.startswith(magic):
            return f"is {what}, which the game does not show: save it as {FORMATS}"
    if head[4:12] in (b"ftypavif", b"ftypheic", b"ftypheix", b"ftypmif1"):
        return f"is an AVIF or HEIC picture, which the game does not show: save it as {FORMATS}"
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A letter cut in two at the end of the sample is still text; a bad byte earlier is not.
        text = head[:exc.start].decode("utf-8") if exc.start >= len(head) - 3 else ""
    if text.strip() and all(c.isprintable() or c in "\t\r\n" for c in text):
        start = text.strip().splitlines()[0][:30]
        return (f"is a text file, not a picture (it starts with '{start}'): use a real "
                f"picture, saved as {FORMATS}")
    return f"is not a picture the game can show, or it is damaged: save it again as {FORMATS}"


def _too_big(fmt: str, width: int, height: int, max_side: int, *, sized: bool = True) -> None:
    """Refuse more than `max_side` pixels on a side; with `sized`, also a size of zero."""
    if width > max_side or height > max_side:
        fix = ("give its <svg> element a smaller width and height" if fmt == "SVG"
               else "save it smaller")
        raise PictureError(
            f"is {width}×{height} pixels, larger than a picture may be ({max_side}×{max_side} "
            f"at most; the projector shows 1920×1080): {fix}, for example "
            f"{_smaller(width, height)} pixels")
    if sized and (width <= 0 or height <= 0):
        raise PictureError(f"is a damaged {fmt} file: it declares a size of {width}×{height} "
                           "pixels; save it again")


def _smaller(width: int, height: int) -> str:
    scale = min(1920 / max(width, 1), 1080 / max(height, 1))
    return f"{max(1, round(width * scale))}×{max(1, round(height * scale))}"


def _cut_short(fmt: str) -> PictureError:
    return PictureError(f"is a {fmt} file that is cut short or damaged (perhaps an unfinished "
                        "download or copy): copy or save it again")


def _exact(handle: BinaryIO, size: int, fmt: str) -> bytes:
    data = handle.read(size)
    if len(data) != size:
        raise _cut_short(fmt)
    return data


# ------------------------------------------------------------------ PNG


def _png(handle: BinaryIO, max_side: int) -> PictureInfo:
    handle.seek(8)
    length, kind = struct.unpack(">I4s", _exact(handle, 8, "PNG"))
    if kind != b"IHDR" or length != 13:
        raise PictureError("is a damaged PNG file (its header is missing): save it again")
    ihdr = _exact(handle, 13, "PNG")
    width, height = struct.unpack(">II", ihdr[:8])
    _too_big("PNG", width, height, max_side)
    crc = zlib.crc32(b"IHDR" + ihdr)
    seen_data = False
    while True:
        if struct.unpack(">I", _exact(handle, 4, "PNG"))[0] != crc:
            raise PictureError("is a damaged PNG file (a checksum does not match): save it "
                               "again")
        if kind == b"IEND":
            break
        head = handle.read(8)
        if len(head) != 8:
            raise _cut_short("PNG")
        length, kind = struct.unpack(">I4s", head)
        if length > 0x7FFFFFFF or not kind.isalpha():
            raise PictureError("is a damaged PNG file: save it again")
        seen_data = seen_data or kind == b"IDAT"
        crc = zlib.crc32(kind)
        left = length
        while left:
            piece = handle.read(min(left, _CHUNK))
            if not piece:
                raise _cut_short("PNG")
            crc = zlib.crc32(piece, crc)
            left -= len(piece)
    if not seen_data:
        raise PictureError("is a damaged PNG file (it has no pixels): save it again")
    return PictureInfo("PNG", width, height)


# ------------------------------------------------------------------ JPEG

_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


def _jpeg(handle: BinaryIO, max_side: int) -> PictureInfo:
    handle.seek(2)
    size: tuple[int, int] | None = None
    while True:
        byte = _exact(handle, 1, "JPEG")
        if byte != b"\xff":
            raise PictureError("is a damaged JPEG file: save it again")
        marker = _exact(handle, 1, "JPEG")[0]
        while marker == 0xFF:  # fill bytes before a marker
            marker = _exact(handle, 1, "JPEG")[0]
        if marker in (0x01, *range(0xD0, 0xD8)):
            continue
        if marker == 0xD9:
            raise _cut_short("JPEG")
        length = struct.unpack(">H", _exact(handle, 2, "JPEG"))[0]
        if length < 2:
            raise PictureError("is a damaged JPEG file: save it again")
        body = _exact(handle, length - 2, "JPEG")
        if marker in _SOF:
            if len(body) < 5:
                raise PictureError("is a damaged JPEG file: save it again")
            height, width = struct.unpack(">HH", body[1:5])
            _too_big("JPEG", width, height, max_side)
            size = (width, height)
        elif marker == 0xDA:
            break
    if size is None:
        raise PictureError("is a damaged JPEG file (it declares no size): save it again")
    # The compressed pixels never hold FF D9 except as the end marker (an FF in the data
    # is followed by 00), so a file without it after the scan is cut short.
    tail = b""
    while True:
        piece = handle.read(_CHUNK)
        if not piece:
            raise _cut_short("JPEG")
        if b"\xff\xd9" in tail[-1:] + piece:
            return PictureInfo("JPEG", *size)
        tail = piece


# ------------------------------------------------------------------ GIF


def _gif(handle: BinaryIO, max_side: int) -> PictureInfo:
    head = _exact(handle, 13, "GIF")
    width, height, flags = struct.unpack("<HHB", head[6:11])
    _too_big("GIF", width, height, max_side, sized=False)  # some encoders write a 0×0 screen
    data = handle.read()
    pos = 3 * 2 ** ((flags & 7) + 1) if flags & 0x80 else 0
    frames = 0
    try:
        while True:
            block = data[pos]
            pos += 1
            if block == 0x3B:
                break
            if block == 0x21:
                pos = _gif_sub_blocks(data, pos + 1)
            elif block == 0x2C:
                fw, fh, fflags = struct.unpack("<HHB", data[pos + 4:pos + 9])
                # A frame may be larger than the screen it is drawn on; it decodes whole.
                width, height = max(width, fw), max(height, fh)
                _too_big("GIF", width, height, max_side)
                pos += 9
                if fflags & 0x80:
                    pos += 3 * 2 ** ((fflags & 7) + 1)
                pos = _gif_sub_blocks(data, pos + 1)
                frames += 1
            else:
                raise PictureError("is a damaged GIF file: save it again")
    except (IndexError, struct.error):
        if not frames:
            raise _cut_short("GIF") from None
    if not frames:
        raise PictureError("is a damaged GIF file (it has no picture in it): save it again")
    return PictureInfo("GIF", width, height)


def _gif_sub_blocks(data: bytes, pos: int) -> int:
    while True:
        size = data[pos]
        pos += 1
        if size == 0:
            return pos
        pos += size
        if pos > len(data):
            raise IndexError(pos)


# ------------------------------------------------------------------ WebP


def _webp(handle: BinaryIO, max_side: int) -> PictureInfo:
    riff_size = struct.unpack("<I", _exact(handle, 12, "WebP")[4:8])[0]
    kind, length = struct.unpack("<4sI", _exact(handle, 8, "WebP"))
    body = handle.read(min(length, 30))
    if kind == b"VP8X" and len(body) >= 10:
        width = 1 + int.from_bytes(body[4:7], "little")
        height = 1 + int.from_bytes(body[7:10], "little")
    elif kind == b"VP8L" and len(body) >= 5 and body[0] == 0x2F:
        bits = int.from_bytes(body[1:5], "little")
        width, height = 1 + (bits & 0x3FFF), 1 + ((bits >> 14) & 0x3FFF)
    elif kind == b"VP8 " and len(body) >= 10 and body[3:6] == b"\x9d\x01\x2a":
        width = int.from_bytes(body[6:8], "little") & 0x3FFF
        height = int.from_bytes(body[8:10], "little") & 0x3FFF
    else:
        raise PictureError("is a damaged WebP file: save it again")
    _too_big("WebP", width, height, max_side)
    handle.seek(0, 2)
    if handle.tell() < riff_size + 8 or handle.tell() < 20 + length:
        raise _cut_short("WebP")
    return PictureInfo("WebP", width, height)


# ------------------------------------------------------------------ BMP


def _bmp(handle: BinaryIO, max_side: int) -> PictureInfo:
    head = _exact(handle, 18, "BMP")
    offset, header_size = struct.unpack("<II", head[10:18])
    if header_size == 12:
        width, height, _planes, bits = struct.unpack("<HHHH", _exact(handle, 8, "BMP"))
        compression = 0
    elif header_size >= 40:
        width, height, _planes, bits, compression = struct.unpack(
            "<iiHHI", _exact(handle, 16, "BMP"))
    else:
        raise PictureError("is a damaged BMP file: save it again")
    height = abs(height)  # negative: rows stored top down
    _too_big("BMP", width, height, max_side)
    handle.seek(0, 2)
    end = handle.tell()
    needed = offset + (((bits * width + 31) // 32) * 4 * height if compression in (0, 3) else 1)
    if end < needed:
        raise _cut_short("BMP")
    return PictureInfo("BMP", width, height)


# ------------------------------------------------------------------ SVG

_SVG_TAG = re.compile(rb"<svg\b([^>]*)>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"([\w:.-]+)\s*=\s*(\"[^\"]*\"|'[^']*')")
_LENGTH = re.compile(r"\s*([0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\s*(px|pt|pc|mm|cm|in|em|ex|%)?\s*")
_UNIT = {None: 1.0, "px": 1.0, "pt": _SVG_DPI / 72, "pc": _SVG_DPI / 6, "mm": _SVG_DPI / 25.4,
         "cm": _SVG_DPI / 2.54, "in": _SVG_DPI, "em": 16.0, "ex": 8.0}


def _svg(handle: BinaryIO, max_side: int) -> PictureInfo:
    # Only the start tag is read, with a pattern: never an XML parser, which entities
    # (a "billion laughs") could make expand without end.
    match = _SVG_TAG.search(handle.read(_SVG_HEAD))
    if match is None:
        raise PictureError("is not an SVG picture (no <svg> element near its start): save it "
                           f"as {FORMATS}")
    attributes = {name.lower(): value[1:-1] for name, value in
                  _ATTRIBUTE.findall(match.group(1).decode("utf-8", errors="replace"))}
    box = [float(v) for v in re.split(r"[\s,]+", attributes.get("viewbox", "").strip()) if v]
    view = (box[2], box[3]) if len(box) == 4 else None
    width = _svg_length(attributes.get("width"), view[0] if view else None)
    height = _svg_length(attributes.get("height"), view[1] if view else None)
    if width is None or height is None:
        raise PictureError("is an SVG picture that declares no size: give its <svg> element "
                           "a width and a height, or a viewBox")
    _too_big("SVG", round(width), round(height), max_side)
    return PictureInfo("SVG", round(width), round(height))


def _svg_length(value: str | None, view: float | None) -> float | None:
    # As the game's SVG renderer does: a missing or relative length falls back to the
    # viewBox; units convert at 96 dots per inch.
    match = _LENGTH.fullmatch(value) if value is not None else None
    if match is None or match.group(2) == "%":
        return view * float(match.group(1)) / 100 if match and view is not None else view
    return float(match.group(1)) * _UNIT[match.group(2)]


_FORMATS_BY_MAGIC = {"PNG": _png, "JPEG": _jpeg, "GIF": _gif, "WebP": _webp, "BMP": _bmp,
                     "SVG": _svg}
