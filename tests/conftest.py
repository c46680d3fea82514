"""Headless test setup: no window, no sound device, before pygame is ever imported."""

import os
import sys
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def pytest_terminal_summary(terminalreporter, exitstatus, config):  # type: ignore[no-untyped-def]
    """Say in one line which system programs were missing, and how to get them."""
    from system_tools import INSTALL, missing_seen

    if missing_seen:
        packages = " ".join(sorted({INSTALL.get(p, p) for p in missing_seen}))
        terminalreporter.write_line(
            f"Skipped the tests that need {', '.join(sorted(missing_seen))} (not installed): "
            f"apt-get install {packages}, or run .ci/run; in CI they are required.",
            yellow=True)
