"""Helpers for tests under a real X display (Xvfb): windows of a process, what they show.

`xdotool` finds and types into windows; a window's picture is read with `xwd` (its XWD
format parsed here, as netpbm's converter misreads a 24-bit Xvfb's colours) and read
back as words by `tesseract`; `close` asks a window to close as a window manager does
(WM_DELETE_WINDOW), through Xlib by ctypes.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import select
import struct
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pygame
from system_tools import require

TOOLS = ("Xvfb", "xdotool", "xwd", "tesseract")


@contextmanager
def xvfb(size: str = "2560x1440", tools: tuple[str, ...] = TOOLS) -> Iterator[str]:
    """A virtual X display (by default large enough for two windows side by side); its
    DISPLAY. `tools`: the programs the test needs beside it."""
    require(*tools)
    read, write = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", f"{size}x24",
                               "-nolisten", "tcp"], pass_fds=[write], stderr=subprocess.DEVNULL)
    os.close(write)
    try:
        ready, _, _ = select.select([read], [], [], 30)
        assert ready, "Xvfb did not start within 30 s"
        yield ":" + os.read(read, 32).decode().strip()
    finally:
        os.close(read)
        server.terminate()
        server.wait(timeout=10)


def xdo(display: str, *args: str) -> str:
    """Run xdotool on `display`; its output."""
    done = subprocess.run(["xdotool", *args], env={**os.environ, "DISPLAY": display},
                          capture_output=True, text=True, timeout=30)
    return done.stdout.strip()


def windows_of(display: str, pid: int) -> dict[str, int]:
    """The mapped windows of process `pid` by their title."""
    found: dict[str, int] = {}
    for line in xdo(display, "search", "--onlyvisible", "--pid", str(pid)).split():
        found[xdo(display, "getwindowname", line)] = int(line)
    return found


def wait_for(test: object, seconds: float = 15.0) -> None:
    """Wait until `test()` is true (bounded: fails after `seconds`)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if test():  # type: ignore[operator]
            return
        time.sleep(0.1)
    raise AssertionError(f"not true within {seconds} s: {test}")


def type_into(display: str, window: int, *keys: str) -> None:
    """Focus `window` and press `keys` there, one by one (as a facilitator would)."""
    xdo(display, "windowfocus", "--sync", str(window))
    for key in keys:
        xdo(display, "key", "--window", str(window), key)
        time.sleep(0.25)
    time.sleep(0.4)


def picture(display: str, window: int) -> pygame.Surface:
    """What `window` shows now, read with xwd (a ZPixmap of 32-bit pixels)."""
    data = subprocess.run(["xwd", "-silent", "-id", str(window)], capture_output=True,
                          env={**os.environ, "DISPLAY": display}, timeout=30, check=True).stdout
    fields = struct.unpack(">25I", data[:100])
    header, width, height = fields[0], fields[4], fields[5]
    bits, per_line, colours = fields[11], fields[12], fields[19]
    assert bits == 32, f"xwd gave {bits}-bit pixels"
    start = header + 12 * colours
    rows = data[start:start + per_line * height]
    image = pygame.image.frombuffer(rows, (per_line // 4, height), "BGRA")
    return image.subsurface((0, 0, width, height)).copy()


def ocr(image: pygame.Surface, save: Path) -> str:
    """The words tesseract reads in `image` (saved to `save`, a PNG kept for a look)."""
    pygame.image.save(image, str(save))
    done = subprocess.run(["tesseract", str(save), "-", "-l", "eng"], capture_output=True,
                          text=True, timeout=60)
    return " ".join(done.stdout.split())


class _ClientMessage(ctypes.Structure):
    _fields_ = [("type", ctypes.c_int), ("serial", ctypes.c_ulong),
                ("send_event", ctypes.c_int), ("display", ctypes.c_void_p),
                ("window", ctypes.c_ulong), ("message_type", ctypes.c_ulong),
                ("format", ctypes.c_int), ("data", ctypes.c_long * 5)]


class _Event(ctypes.Union):
    _fields_ = [("client", _ClientMessage), ("pad", ctypes.c_long * 24)]


def close(display: str, window: int) -> None:
    """Ask `window` to close, as a window manager's close button does (WM_DELETE_WINDOW)."""
    name = ctypes.util.find_library("X11")
    assert name, "libX11 not found"
    xlib = ctypes.CDLL(name)
    xlib.XOpenDisplay.restype = ctypes.c_void_p
    xlib.XOpenDisplay.argtypes = [ctypes.c_char_p]
    xlib.XInternAtom.restype = ctypes.c_ulong
    xlib.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
    xlib.XSendEvent.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_long,
                                ctypes.POINTER(_Event)]
    xlib.XFlush.argtypes = [ctypes.c_void_p]
    xlib.XCloseDisplay.argtypes = [ctypes.c_void_p]
    conn = xlib.XOpenDisplay(display.encode())
    assert conn, f"cannot open {display}"
    try:
        event = _Event()
        event.client.type = 33  # ClientMessage
        event.client.window = window
        event.client.message_type = xlib.XInternAtom(conn, b"WM_PROTOCOLS", 0)
        event.client.format = 32
        event.client.data[0] = xlib.XInternAtom(conn, b"WM_DELETE_WINDOW", 0)
        event.client.data[1] = 0  # CurrentTime
        xlib.XSendEvent(conn, window, 0, 0, ctypes.byref(event))
        xlib.XFlush(conn)
    finally:
        xlib.XCloseDisplay(conn)
