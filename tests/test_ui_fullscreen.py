"""F11 from a window back to full screen fills the screen, without a window manager too
(issue 14.14). A real X server (Xvfb, no window manager) shows what a projector laptop
booted into the game shows; the dummy video driver cannot (it has no window position)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from system_tools import require

ROOT = Path(__file__).resolve().parents[1]
XVFB = shutil.which("Xvfb")

CHILD = """
import sys, time
sys.path.insert(0, sys.argv[1])
import pygame
from game.ui.app import open_window
pygame.display.init()
surface = open_window((640, 480))
pygame.Window.from_display_module().position = (200, 150)  # where a window was dragged
surface.fill((0, 0, 255)); pygame.display.flip(); time.sleep(0.3); pygame.event.pump()
surface = open_window(None)  # F11: back to full screen
surface.fill((255, 0, 0)); pygame.display.flip(); time.sleep(0.3); pygame.event.pump()
pygame.display.flip()
print("ready", surface.get_size(), flush=True)
time.sleep(5)
"""


def test_f11_from_a_window_fills_the_screen_from_its_corner(tmp_path: Path) -> None:
    require("Xvfb")
    display = f":{90 + os.getpid() % 9}"
    server = subprocess.Popen([str(XVFB), display, "-screen", "0", "1024x768x24"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    child = None
    try:
        time.sleep(1.0)
        env = dict(os.environ, DISPLAY=display, SDL_VIDEODRIVER="x11", SDL_AUDIODRIVER="dummy")
        child = subprocess.Popen([sys.executable, "-c", CHILD, str(ROOT)], env=env,
                                 stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line.startswith("ready (1024, 768)"), line
        shot = tmp_path / "root.xwd"
        with shot.open("wb") as out:
            subprocess.run(["xwd", "-root", "-silent", "-display", display], stdout=out,
                           check=True, timeout=20)
        import pygame

        ppm = subprocess.run(["xwdtopnm", str(shot)], capture_output=True, check=True,
                             timeout=20).stdout
        (tmp_path / "root.ppm").write_bytes(ppm)
        image = pygame.image.load(str(tmp_path / "root.ppm"))
        # Red from corner to corner: no offset, nothing cut at the right or the bottom.
        for x, y in ((2, 2), (1021, 2), (2, 765), (1021, 765), (512, 384)):
            assert tuple(image.get_at((x, y)))[:3] == (255, 0, 0), (x, y)
    finally:
        if child is not None:
            child.kill()
            child.wait(timeout=10)
        server.terminate()
        server.wait(timeout=10)
