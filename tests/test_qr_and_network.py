"""The join screen's QR code reads back as the address, and the laptop's addresses are ones a
phone can reach."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pygame
from system_tools import require

from game.phones.host import PhoneHost, hotspot_first
from game.ui.qr import QUIET, qr_matrix, qr_surface


def test_the_qr_surface_decodes_to_the_join_address(tmp_path: Path) -> None:
    url = "http://192.168.137.1:8765/?room=ACDE"
    surface = qr_surface(url, 300)
    require("zbarimg")
    shot = tmp_path / "qr.png"
    pygame.image.save(surface, str(shot))
    done = subprocess.run(["zbarimg", "--raw", "-q", str(shot)], capture_output=True,
                          text=True, timeout=60)
    assert done.stdout.strip() == url


def test_every_module_is_whole_pixels_inside_a_white_quiet_zone() -> None:
    url = "http://10.42.0.1:8765/?room=ACDE"
    modules = len(qr_matrix(url)) + 2 * QUIET
    surface = qr_surface(url, 300)
    assert surface.get_width() == surface.get_height()
    assert surface.get_width() % modules == 0 and surface.get_width() <= 300
    assert surface.get_at((1, 1))[:3] == (255, 255, 255)
    scale = surface.get_width() // modules
    assert surface.get_at((QUIET * scale, QUIET * scale))[:3] == (0, 0, 0)  # a finder's corner


def test_a_hotspot_s_own_address_is_shown_first() -> None:
    assert hotspot_first(["192.168.1.20", "10.42.0.1", "172.16.0.5"]) == [
        "10.42.0.1", "192.168.1.20", "172.16.0.5"]
    assert hotspot_first(["10.42.0.1", "192.168.137.1"]) == ["192.168.137.1", "10.42.0.1"]


def test_no_network_is_a_message_and_the_game_plays_on() -> None:
    said: list[str] = []
    host = PhoneHost(0, addresses=lambda: [], print_to=said.append)
    state = host.open()
    assert not state.open and state.problem == "no network" and not host.is_open
    assert said and said[0].startswith("phones: no network: phones cannot join")
