"""The risk scale's colours as plain hex, for every front end (the projector, the phones).

A sequence that falls steadily in lightness from safe to danger, so it reads in
greyscale and for every kind of colour blindness; each holds black or white text at
7:1 or more. `game/ui/theme.py` draws with these same colours.
"""

from __future__ import annotations

# Lowest to highest risk: light green, yellow, amber, orange, dark red, wine, dark purple.
RISK_STOPS = ("#C8F5B4", "#F2E14B", "#F5A623", "#F07C4A", "#A51C1C", "#6E1245", "#3F1A5C")
RISK_PICKS: dict[int, tuple[int, ...]] = {
    3: (0, 2, 4),
    4: (0, 1, 3, 4),
    5: (0, 1, 2, 3, 4),
    6: (0, 1, 2, 3, 4, 6),
    7: (0, 1, 2, 3, 4, 5, 6),
}
DARK_INK = "#000000"
LIGHT_INK = "#FFFFFF"


def risk_hex(degrees: int) -> list[str]:
    """One '#RRGGBB' colour per degree of a scale of `degrees` (3 to 7), lowest risk first."""
    n = min(7, max(3, degrees))
    colours = [RISK_STOPS[i] for i in RISK_PICKS[n]]
    return colours + [colours[-1]] * max(0, degrees - n)


def _luminance(colour: str) -> float:
    def channel(c: int) -> float:
        v = c / 255
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    value = colour.lstrip("#")
    r, g, b = (int(value[i:i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def ink_on(fill: str) -> str:
    """Black or white text, whichever contrasts more with `fill` ('#RRGGBB')."""
    lum = _luminance(fill)
    return DARK_INK if (lum + 0.05) / 0.05 >= 1.05 / (lum + 0.05) else LIGHT_INK
