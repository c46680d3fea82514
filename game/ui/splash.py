"""The first frame, before the pack is loaded: the room's window opens on the pack's title.

Importing the pack's models (pydantic), the screens and loading and validating the whole
pack take most of the start-up; a projector that stays black for that long looks broken.
So the window opens first on the pack's title, read from pack.yaml with a bare YAML
loader, and the game (`run_game`) then loads everything and draws the full title screen,
its options, and the offer to resume, in the same window. This module imports only
pygame, PyYAML and the fonts: nothing of the pack's models.

A preview (`--scenario`) and a presenter view start as before, with no early frame: the
one starts on a step, the other places its windows itself. A pack.yaml that cannot be
read gives no early frame either, so its errors print exactly as before.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pygame
import yaml

from game.options import PlayOptions, pack_location
from game.ui.fonts import Fonts
from game.ui.theme import THEME
from game.ui.windows import open_window

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def pack_title(pack_yaml: Path, lang: str | None) -> str | None:
    """The title in pack.yaml, in `lang` or else the pack's first language (None when the
    file cannot be read or has no title: the full load then says why)."""
    try:
        data = yaml.load(pack_yaml.read_text(encoding="utf-8"), Loader=_LOADER)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None
    if not isinstance(data, dict):
        return None
    title = data.get("title")
    if isinstance(title, str):
        return title.strip() or None
    if not isinstance(title, dict):
        return None
    languages = data.get("languages")
    order = [lang] if lang else []
    order += [code for code in languages if isinstance(code, str)] if isinstance(
        languages, list) else []
    for code in [*order, *title]:
        text = title.get(code)
        if isinstance(text, str) and text.strip():
            return text.strip()
    return None


def show_title(options: PlayOptions) -> bool:
    """Open the room's window as `run_game` will and show the pack's title on it; False,
    with no window opened, for a preview, a presenter view or an unreadable pack.yaml."""
    if options.scenario or options.presenter:
        return False
    folder, _ = pack_location(options.pack)
    title = pack_title(folder / "pack.yaml", options.lang)
    if title is None:
        return False
    pygame.display.init()
    pygame.font.init()
    pygame.display.set_caption("Degrees of Risk")
    surface = open_window(options.window)
    draw_title(surface, Fonts(), title)
    pygame.display.flip()
    if os.environ.get("DOR_REPORT_FIRST_FRAME") == "1":  # benchmarks/bench_frames.py
        print(f"first-frame {time.time():.6f}", flush=True)
    return True


def draw_title(surface: pygame.Surface, fonts: Fonts, title: str) -> None:
    """The pack's title in the title screen's colours, centred, wrapped to the width."""
    width, height = surface.get_size()
    surface.fill(THEME.background)
    # About where and how large the title screen draws it, so little moves when the
    # options appear under it.
    px = max(12, height // 9)
    lines = fonts.wrap(title, px, True, width * 8 // 10)
    line_px = px * 5 // 4
    y = max(0, height * 3 // 20 - line_px * len(lines) // 2)
    for line in lines:
        image = fonts.render(line, px, True, THEME.accent)
        surface.blit(image, ((width - image.get_width()) // 2, y))
        y += line_px
