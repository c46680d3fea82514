"""Printing pages as a browser does: headless Chromium to PDF, poppler to count and read."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from system_tools import require


def print_to_pdf(page: str, folder: Path) -> Path:
    """The page printed by headless Chromium (as a browser's Print, A4 from @page)."""
    html = folder / "page.html"
    html.write_text(page, encoding="utf-8")
    pdf = folder / "page.pdf"
    require("chromium", "pdfinfo")
    browser = shutil.which("chromium") or "/usr/bin/chromium"
    subprocess.run([browser, "--headless=new", "--no-sandbox", "--disable-gpu",
                    "--no-pdf-header-footer", f"--user-data-dir={folder / 'profile'}",
                    f"--print-to-pdf={pdf}", html.as_uri()],
                   check=True, capture_output=True, timeout=120)
    return pdf


def pdf_pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True,
                          timeout=60).stdout
    return int(next(line.split()[-1] for line in info.splitlines()
                    if line.startswith("Pages:")))


def pdf_text(pdf: Path, page: int) -> str:
    return subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"],
                          check=True, capture_output=True, text=True, timeout=60).stdout
