"""The join screen's QR code reads back as the address, and the laptop's addresses are ones a
phone can reach."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pygame
import pytest

from game.core import network
from game.ui.qr import QUIET, qr_matrix, qr_surface


def test_the_qr_surface_decodes_to_the_join_address(tmp_path: Path) -> None:
    url = "http://192.168.137.1:8765/?room=ACDE"
    surface = qr_surface(url, 300)
    assert shutil.which("zbarimg"), "zbar-tools (Debian) reads QR codes: .ci/run installs it"
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


def test_addresses_a_phone_cannot_reach_are_left_out_and_a_hotspot_comes_first() -> None:
    found = network.ordered(["127.0.0.1", "169.254.3.4", "8.8.8.8", "192.168.1.20",
                             "10.42.0.1", "192.168.1.20", "0.0.0.0", "not an address"])
    assert found == ["10.42.0.1", "192.168.1.20", "8.8.8.8"]


def test_local_addresses_never_raise_and_hold_only_reachable_ones(
        monkeypatch: pytest.MonkeyPatch) -> None:
    assert all(network.usable(a) for a in network.local_addresses())

    def broken() -> list[str]:
        raise OSError("no network")

    monkeypatch.setattr(network, "_interface_addresses", broken)
    monkeypatch.setattr(network, "_host_addresses", lambda: ["127.0.1.1"])
    assert network.local_addresses() == []
