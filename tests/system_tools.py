"""Programs from the system (not from pip) that some tests drive: Chromium, Xvfb, ...

On a developer's laptop without them, those tests are skipped with the command that
installs them, and the run ends with one line naming what was left out; in CI (the
environment variable CI is set, as `.ci/run` has it) a missing program fails the test,
so nothing is ever silently left untested there.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser

CHROMIUM = "/usr/bin/chromium"

INSTALL = {
    "chromium": "chromium",
    "pdfinfo": "poppler-utils",
    "pdftoppm": "poppler-utils",
    "Xvfb": "xvfb",
    "xdotool": "xdotool",
    "xwd": "x11-apps",
    "zbarimg": "zbar-tools",
    "tesseract": "tesseract-ocr",
}
"""Each program and the Debian package that brings it."""

missing_seen: set[str] = set()
"""Programs a test needed and did not find (for the summary at the end of the run)."""


def require(*programs: str) -> None:
    """Skip the calling test (fail it in CI) unless every program is on PATH."""
    missing = [p for p in programs if shutil.which(p) is None
               and not (p == "chromium" and os.path.exists("/usr/bin/chromium"))]
    if not missing:
        return
    packages = sorted({INSTALL.get(p, p) for p in missing})
    how = f"apt-get install {' '.join(packages)} (or run .ci/run, which installs them)"
    if os.environ.get("CI"):
        pytest.fail(f"needs {', '.join(missing)}: {how}")
    missing_seen.update(missing)
    pytest.skip(f"needs {', '.join(missing)}: {how}")


@contextmanager
def chromium() -> Iterator[Browser]:
    """Debian's Chromium driven by Playwright (never a browser Playwright downloads)."""
    from playwright.sync_api import sync_playwright

    require("chromium")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            yield launched
        finally:
            launched.close()
