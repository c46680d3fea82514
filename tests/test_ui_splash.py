"""The first frame: the window opens on the pack's title before the pack is loaded."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pygame
import pytest

from game.options import PlayOptions
from game.ui.fonts import Fonts
from game.ui.splash import draw_title, pack_title, show_title
from game.ui.theme import THEME

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "tests" / "packs" / "format-example"


class RecordingFonts(Fonts):
    """Fonts that remember every line of text they render: the words drawn on screen."""

    def __init__(self) -> None:
        super().__init__()
        self.drawn: list[str] = []

    def render(self, text: str, px: int, bold: bool,
               colour: tuple[int, int, int]) -> pygame.Surface:
        self.drawn.append(text)
        return super().render(text, px, bold, colour)


def _pack(tmp_path: Path, text: str) -> Path:
    (tmp_path / "pack.yaml").write_text(text, encoding="utf-8")
    return tmp_path / "pack.yaml"


def test_the_title_is_read_in_the_language_asked_else_the_packs_first(tmp_path: Path) -> None:
    pack_yaml = _pack(tmp_path, "title:\n  en: Degrees of Risk\n  ru: Степени риска\n"
                                "languages: [ru, en]\n")
    assert pack_title(pack_yaml, "en") == "Degrees of Risk"
    assert pack_title(pack_yaml, None) == "Степени риска"
    assert pack_title(pack_yaml, "tk") == "Степени риска"
    assert pack_title(_pack(tmp_path, "title: Plain\n"), None) == "Plain"


@pytest.mark.parametrize("text", ["title: [unclosed\n", "- a list\n", "languages: [en]\n",
                                  "title: {en: ''}\n"])
def test_a_pack_yaml_without_a_readable_title_gives_no_early_frame(tmp_path: Path,
                                                                   text: str) -> None:
    assert pack_title(_pack(tmp_path, text), None) is None
    assert pack_title(tmp_path / "missing" / "pack.yaml", None) is None


def test_the_first_frame_shows_the_packs_title_in_the_title_colours() -> None:
    pygame.display.init()
    pygame.font.init()
    try:
        surface = pygame.Surface((1024, 768))
        fonts = RecordingFonts()
        draw_title(surface, fonts, "Degrees of Risk")
        assert fonts.drawn == ["Degrees of Risk"]
        assert surface.get_at((5, 5))[:3] == THEME.background
        assert any(surface.get_at((x, y))[:3] == THEME.accent
                   for x in range(0, 1024, 2) for y in range(40, 200, 2))
    finally:
        pygame.quit()


def test_the_window_opens_on_the_title_except_for_a_preview_or_a_presenter(
        tmp_path: Path) -> None:
    try:
        assert show_title(PlayOptions(pack=str(EXAMPLE), window=(640, 480))) is True
        surface = pygame.display.get_surface()
        assert surface is not None and surface.get_size() == (640, 480)
        pygame.quit()
        for options in (PlayOptions(pack=str(EXAMPLE), window=(640, 480), scenario="x"),
                        PlayOptions(pack=str(EXAMPLE), window=(640, 480), presenter=True),
                        PlayOptions(pack=str(tmp_path / "no-such-pack"), window=(640, 480))):
            assert show_title(options) is False
            assert not pygame.display.get_init() or pygame.display.get_surface() is None
    finally:
        pygame.quit()


def test_a_pack_whose_yaml_is_invalid_still_prints_its_errors_after_the_early_frame(
        tmp_path: Path) -> None:
    # The title reads with a bare loader, but the full validation refuses the pack: the
    # early window closes and the errors print with file:line:col, as before.
    (tmp_path / "pack.yaml").write_text("title: Broken\nlanguages: [en]\nrisk_scale: 3\n",
                                        encoding="utf-8")
    env = {"SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "PYTHONPATH": str(ROOT),
           "HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "--pack", str(tmp_path),
                             "--window", "640x480", "--data-dir", str(tmp_path / "data")],
                            cwd=tmp_path, env=env, capture_output=True, text=True,
                            timeout=120, check=False)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr, result.stderr
    assert f"{tmp_path}/pack.yaml:3:" in result.stderr, result.stderr
    assert "the pack cannot be played until pack.yaml is fixed" in result.stderr
