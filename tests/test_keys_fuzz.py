"""Random key presses from a facilitator's keyboard and clicker never reach the error screen.

Bounded (a fixed number of examples and keys), so it runs in CI like any other test; the
reliability trial that found the superscript "²" and a NUL typed on the title did the same
at a much larger scale."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.ui.pilot import Pilot
from game.ui.state import Overlay

ROOT = Path(__file__).resolve().parents[1]
KEYS = ["return", "space", "right", "left", "up", "down", "page down", "page up", "backspace",
        "escape", "f5", "shift+f5", "1", "2", "3", "4", "5", "9", "a", "c", "d", "b", ".",
        "l", "n", "t", "h", "f1", "+", "-", "tab", "delete", "home", "end", "q", "x"]
TYPED = ["²", "\x00", "\x0b", "٣", "Ә", "🙂", "<b>", "9" * 40, " ", "é"]


@settings(max_examples=80, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(KEYS),
                          st.sampled_from(TYPED).map(lambda text: "text:" + text)),
                min_size=1, max_size=60))
def test_random_keys_never_show_the_error_screen(keys: list[str]) -> None:
    pilot = Pilot(ROOT / "tests" / "packs" / "format-example", (1024, 768))
    for key in keys:
        if key.startswith("text:"):
            pilot.type(key[len("text:"):])
        else:
            pilot.press(key)
        assert pilot.overlay is not Overlay.ERROR, (key, pilot.app.ui.error_text)
        if pilot.app.ui.quit_requested:
            break  # quitting (asked once, then confirmed) is a way out, not a failure
