"""Contrast on a washed-out projector: every text colour on its background at least 7:1."""

import pytest

from game.ui.theme import TEXT_PAIRS, THEME, contrast, relative_luminance, risk_colours


@pytest.mark.parametrize(("text", "background"), TEXT_PAIRS)
def test_every_text_role_pair_is_at_least_7_to_1(text: str, background: str) -> None:
    ratio = contrast(getattr(THEME, text), getattr(THEME, background))
    assert ratio >= 7.0, f"{text} on {background}: {ratio:.2f}"


@pytest.mark.parametrize("degrees", range(3, 8))
def test_text_on_every_risk_colour_is_at_least_7_to_1(degrees: int) -> None:
    for colour in risk_colours(degrees):
        assert contrast(THEME.text_on(colour), colour) >= 7.0, colour


@pytest.mark.parametrize("degrees", range(3, 8))
def test_risk_colours_darken_steadily_so_they_read_without_hue(degrees: int) -> None:
    lightness = [relative_luminance(c) for c in risk_colours(degrees)]
    assert lightness == sorted(lightness, reverse=True)
    assert len(set(lightness)) == degrees


def test_contrast_matches_wcag_examples() -> None:
    assert contrast((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)
    assert contrast((119, 119, 119), (255, 255, 255)) == pytest.approx(4.48, abs=0.01)
