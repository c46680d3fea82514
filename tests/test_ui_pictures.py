"""Pictures in the game: decoded when the pack loads, kept small, 8-bit ones drawn, broken
ones replaced by the placeholder; through the Pilot and `shots`, as a facilitator sees them."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pygame
import pytest

from game.core.session import ScreenKind
from game.ui import images
from game.ui.images import Pictures
from game.ui.pilot import Pilot, load_playable
from game.ui.shots import run_shots
from game.ui.theme import THEME
from tests import picturefiles as files
from tests.packtools import write_pack

PICTURES = Path(__file__).parent / "packs" / "pictures"
"""A story with a palette PNG and a GIF, a deck with the GIF, an SVG and a PNG whose pixels
are damaged (made by tests/picturefiles.py; `python main.py shots --pack` shows them)."""
# The palette PNG's bands, left to right (tests/picturefiles.png), and the GIF's.
PALETTE_BANDS = [(230, 40, 40), (40, 90, 230), (250, 210, 30)]
GIF_BANDS = [(230, 40, 40), (40, 160, 60), (40, 90, 230)]


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    return Path(shutil.copytree(PICTURES, tmp_path / "pack"))


def test_the_pictures_pack_holds_what_the_builders_make() -> None:
    made = {"palette.png": files.png(300, 200, palette=True), "bands.gif": files.gif(150, 100),
            "drawing.svg": files.svg("300", "200"),
            "damaged.png": files.undecodable_png(300, 200)}
    assert {name: (PICTURES / "images" / name).read_bytes() for name in made} == made


def bands(pilot: Pilot) -> list[tuple[int, int, int]]:
    """The colours at the left, middle and right of the picture drawn on this frame."""
    [image] = [d for d in pilot.drawn.items if d.kind == "image" and d.name == "picture"]
    frame = pilot.snapshot()
    box = image.box
    return [tuple(frame.get_at((box.x + box.width * k // 6, box.centery)))[:3]
            for k in (1, 3, 5)]


def open_step(pilot: Pilot, step: str) -> None:
    """Show `step` of the story, as the menu and the keys would."""
    pilot.press("return")
    assert pilot.session.start_scenario("story", step)
    pilot.frame()


def open_card(pilot: Pilot, number: int) -> None:
    """Show card `number` (from 1) of the deck, rating each card before it."""
    pilot.press("return")
    assert pilot.session.start_scenario("deck")
    play = pilot.session.play
    while not (pilot.screen is ScreenKind.CARD and play is not None
               and getattr(play, "card", -1) == number - 1):
        if not pilot.session.advance():
            assert pilot.session.rate(0)
        play = pilot.session.play
    pilot.frame()


def test_a_palette_png_on_a_step_is_drawn_not_the_error_screen(pack: Path) -> None:
    pilot = Pilot(pack, (1024, 768))
    open_step(pilot, "offer")
    assert pilot.overlay is None and pilot.screen is ScreenKind.STEP
    assert bands(pilot) == PALETTE_BANDS


def test_a_gif_on_an_ending_is_drawn(pack: Path) -> None:
    pilot = Pilot(pack, (1024, 768))
    open_step(pilot, "home-safe")
    assert pilot.overlay is None and pilot.screen is ScreenKind.ENDING
    assert bands(pilot) == GIF_BANDS


@pytest.mark.parametrize("size", [(1024, 768), (1920, 1080)])
def test_a_gif_and_an_svg_on_cards_are_drawn(pack: Path, size: tuple[int, int]) -> None:
    pilot = Pilot(pack, size)
    open_card(pilot, 1)
    assert pilot.overlay is None
    assert bands(pilot) == GIF_BANDS
    open_card(pilot, 2)
    assert pilot.overlay is None
    # The SVG's fill #2a7, within smoothscale's rounding of a picture with an alpha channel.
    assert all(max(abs(a - b) for a, b in zip(colour, (0x22, 0xAA, 0x77), strict=True)) <= 4
               for colour in bands(pilot))


def test_a_picture_that_fails_to_decode_shows_the_placeholder(pack: Path) -> None:
    pilot = Pilot(pack, (1024, 768))
    open_card(pilot, 3)
    assert pilot.overlay is None and pilot.screen is ScreenKind.CARD
    assert "picture missing" in " ".join(d.text for d in pilot.drawn.texts())
    box = pilot.app.marks["picture"]
    assert pilot.snapshot().get_at((box.x + 10, box.y + 10))[:3] == THEME.panel


def test_pictures_are_decoded_when_the_pack_loads_never_when_a_step_shows(
        pack: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    decoded: list[str] = []
    real_load, real_svg = pygame.image.load, pygame.image.load_sized_svg
    monkeypatch.setattr(pygame.image, "load",
                        lambda f, *a: decoded.append(Path(f).name) or real_load(f, *a))
    monkeypatch.setattr(pygame.image, "load_sized_svg",
                        lambda f, s: decoded.append(Path(f).name) or real_svg(f, s))
    pilot = Pilot(pack, (1024, 768))
    assert pilot.screen is ScreenKind.TITLE
    pilot.app.pictures.wait()  # the worker decodes them while the title screen shows
    assert sorted(decoded) == ["bands.gif", "damaged.png", "drawing.svg", "palette.png"]
    decoded.clear()
    for number in (1, 2, 3):
        pilot.session.to_menu()
        open_card(pilot, number)
    pilot.session.to_menu()
    open_step(pilot, "offer")
    assert pilot.drawn.widgets()  # frames were drawn, with their pictures
    assert decoded == []


def test_a_bomb_that_slipped_past_validate_is_never_decoded(
        pack: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The file is replaced after the pack was checked: the game checks the header again.
    loaded = load_playable(pack)
    (pack / "images" / "bands.gif").write_bytes(files.gif_bomb())
    decoded: list[str] = []
    real_load = pygame.image.load
    monkeypatch.setattr(pygame.image, "load",
                        lambda f, *a: decoded.append(Path(f).name) or real_load(f, *a))
    pictures = Pictures()
    pictures.load_pack(loaded, (1024, 768))
    pictures.wait()
    assert "palette.png" in decoded and "bands.gif" not in decoded
    assert pictures.fitted(pack / "images" / "bands.gif", 300, 200) is None


def test_load_pack_returns_before_the_pictures_are_decoded(
        pack: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The first picture's decoder is held back: the pack still loads, and a step showing
    # another picture waits for nothing but its own.
    release = threading.Event()
    real_decode = images._decode

    def slow(path: Path, bound: tuple[int, int]) -> pygame.Surface | None:
        if path.name == "palette.png":
            assert release.wait(10)
        return real_decode(path, bound)

    monkeypatch.setattr(images, "_decode", slow)
    pictures = Pictures()
    pictures.load_pack(load_playable(pack), (1024, 768))  # returns at once
    gif = pictures.fitted(pack / "images" / "bands.gif", 300, 200)  # decoded on demand
    assert gif is not None and gif.get_size() == (300, 200)
    release.set()
    pictures.wait()
    assert pictures.fitted(pack / "images" / "palette.png", 300, 200) is not None


def test_a_reload_forgets_the_old_pictures(pack: Path) -> None:
    pictures = Pictures()
    pictures.load_pack(load_playable(pack), (1024, 768))
    pictures.wait()
    (pack / "images" / "bands.gif").write_bytes(files.gif_bomb())  # the file changed
    pictures.load_pack(load_playable(pack), (1024, 768), background=False)
    assert pictures.fitted(pack / "images" / "bands.gif", 300, 200) is None


def test_a_large_picture_is_kept_at_screen_size_not_full_size(tmp_path: Path) -> None:
    folder = write_pack(tmp_path / "pack", {
        "story.yaml": (PICTURES / "story.yaml").read_text(encoding="utf-8")})
    (folder / "images").mkdir()
    (folder / "images" / "palette.png").write_bytes(files.png(4000, 3000, palette=True))
    (folder / "images" / "bands.gif").write_bytes(files.gif(40, 30))
    pictures = Pictures()
    pictures.load_pack(load_playable(folder), (1024, 768), background=False)
    kept = pictures.load(folder / "images" / "palette.png")
    assert kept is not None and kept.get_size() == (1024, 768)
    small = pictures.load(folder / "images" / "bands.gif")
    assert small is not None and small.get_size() == (40, 30)  # never enlarged
    fitted = pictures.fitted(folder / "images" / "palette.png", 300, 300)
    assert fitted is not None and fitted.get_size() == (300, 225)
    # A 4K window keeps it at a projector's size at most: 1440×1080, not 4000×3000 (46 MB).
    pictures.load_pack(load_playable(folder), (3840, 2160), background=False)
    kept = pictures.load(folder / "images" / "palette.png")
    assert kept is not None and kept.get_size() == (1440, 1080)


def test_shots_draw_every_screen_of_a_pack_with_8_bit_pictures(
        pack: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_shots(str(pack), tmp_path / "shots", (1024, 768), "en") == 0
    assert "Only 24-bit" not in capsys.readouterr().err
    card = pygame.image.load(str(tmp_path / "shots" / "en" / "01-deck" / "01-card-1.png"))
    # The GIF's red band, right of the text column; the error screen has no red there.
    assert card.get_at((720, 220))[:3] == (230, 40, 40)
