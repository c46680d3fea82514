"""Colours as roles (data), chosen for a washed-out projector: every text/background pair ≥ 7:1.

The risk scale uses a sequence that falls steadily in lightness from safe to
danger (so it reads in greyscale and for every kind of colour blindness) and is
always drawn with the degree's number and label on it.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.core.palette import risk_hex

Colour = tuple[int, int, int]


def hex_colour(value: str) -> Colour:
    """'#RRGGBB' as an (r, g, b) tuple."""
    value = value.lstrip("#")
    return (int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16))


def relative_luminance(colour: Colour) -> float:
    """WCAG 2 relative luminance of an sRGB colour."""

    def channel(c: int) -> float:
        v = c / 255
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = colour
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: Colour, b: Colour) -> float:
    """WCAG contrast ratio between two colours (1 to 21)."""
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@dataclass(frozen=True)
class Theme:
    """Colour roles of every screen; the pairs in `TEXT_PAIRS` are the ones text is drawn with."""

    background: Colour = (0x10, 0x14, 0x18)  # #101418
    text: Colour = (0xF2, 0xF2, 0xF2)  # #F2F2F2
    muted: Colour = (0xC8, 0xCD, 0xD2)  # #C8CDD2
    accent: Colour = (0xFF, 0xD4, 0x79)  # #FFD479
    panel: Colour = (0x1E, 0x26, 0x2D)  # #1E262D
    panel_edge: Colour = (0x5A, 0x66, 0x70)  # #5A6670
    focus: Colour = (0xFF, 0xD4, 0x79)  # #FFD479
    on_focus: Colour = (0x10, 0x14, 0x18)  # #101418
    dark_text: Colour = (0x00, 0x00, 0x00)  # #000000
    light_text: Colour = (0xFF, 0xFF, 0xFF)  # #FFFFFF
    blank: Colour = (0x00, 0x00, 0x00)  # #000000
    scrim: Colour = (0x0A, 0x0D, 0x10)  # #0A0D10
    safe: Colour = (0xC8, 0xF5, 0xB4)  # #C8F5B4
    harmed: Colour = (0xF0, 0x7C, 0x4A)  # #F07C4A
    helped: Colour = (0x9C, 0xC8, 0xFF)  # #9CC8FF
    error: Colour = (0xFF, 0x9E, 0x9E)  # #FF9E9E

    def text_on(self, fill: Colour) -> Colour:
        """Black or white, whichever contrasts more with `fill`."""
        dark, light = self.dark_text, self.light_text
        return dark if contrast(dark, fill) >= contrast(light, fill) else light


THEME = Theme()

# Text roles drawn on backgrounds roles: (text role, background role).
TEXT_PAIRS: tuple[tuple[str, str], ...] = (
    ("text", "background"), ("muted", "background"), ("accent", "background"),
    ("error", "background"), ("text", "panel"), ("muted", "panel"), ("accent", "panel"),
    ("on_focus", "focus"), ("text", "scrim"), ("muted", "scrim"), ("accent", "scrim"),
    ("error", "scrim"), ("error", "panel"), ("dark_text", "safe"), ("dark_text", "harmed"),
    ("dark_text", "helped"), ("text", "blank"),
)


def risk_colours(degrees: int) -> list[Colour]:
    """One colour per degree of a scale of `degrees` (3 to 7), lowest risk first."""
    # One palette for every front end: the phones show the same colours (game/core/palette.py).
    return [hex_colour(c) for c in risk_hex(degrees)]
