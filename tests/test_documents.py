"""Printed documents: one stylesheet, restyled without Python, written whole and shareable."""

from __future__ import annotations

import ast
import shutil
import stat
from pathlib import Path

import pytest

from game.cli import main
from game.core import eventlog
from game.core.documents import TEMPLATES, render, template_folders
from game.core.files import write_atomic

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "tests" / "packs" / "format-example"
OWN_STYLE = "body { font-family: 'Our Font'; color: #a00; }\n"


def test_the_three_documents_share_one_stylesheet() -> None:
    style = (TEMPLATES / "style.css").read_text("utf-8")
    for template in ("report.html.j2", "handout.html.j2", "guide.html.j2"):
        source = (TEMPLATES / template).read_text("utf-8")
        assert source.startswith('{% extends "base.html.j2" %}'), template
        assert "<style" not in source, template  # no second stylesheet
    assert '{% include "style.css" %}' in (TEMPLATES / "base.html.j2").read_text("utf-8")
    assert style.strip() in render("handout.html.j2", "en", "handout", title="T", groups=[],
                                   signs=[])


def test_a_pack_restyles_the_handout_without_python(tmp_path: Path) -> None:
    folder = tmp_path / "pack"
    shutil.copytree(EXAMPLE, folder)
    (folder / "templates").mkdir()
    (folder / "templates" / "style.css").write_text(OWN_STYLE, encoding="utf-8")
    out = tmp_path / "h.html"
    assert main(["handout", "--pack", str(folder), "--out", str(out)]) == 0
    page = out.read_text("utf-8")
    assert OWN_STYLE.strip() in page
    assert "The one stylesheet" not in page  # the built-in one is replaced, not added to
    assert main(["validate", str(folder)]) == 0  # the folder is no scenario to the validator


def test_the_data_folder_restyles_every_pack(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "data"
    (data / "templates").mkdir(parents=True)
    (data / "templates" / "style.css").write_text(OWN_STYLE, encoding="utf-8")
    monkeypatch.setattr(eventlog, "default_data_dir", lambda: data)
    out = tmp_path / "h.html"
    assert main(["handout", "--pack", str(EXAMPLE), "--out", str(out)]) == 0
    assert OWN_STYLE.strip() in out.read_text("utf-8")
    # The pack's own folder wins over the data folder's.
    assert template_folders(EXAMPLE, data) == [data / "templates", TEMPLATES]


def test_documents_are_written_whole_and_readable_by_everyone(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "doc.html"
    write_atomic(target, "first")
    assert target.read_text("utf-8") == "first"
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    with pytest.raises(TypeError):
        write_atomic(target, None)  # type: ignore[arg-type]
    assert target.read_text("utf-8") == "first"  # a failed write leaves the old file
    assert [p.name for p in target.parent.iterdir()] == ["doc.html"]  # and no temp file


def test_the_package_ships_every_locale_and_template_file() -> None:
    """pyproject's package-data must name every data file the core reads (a wheel or a
    PyInstaller build without them could not print, nor say a word)."""
    # Read by hand: tomllib is Python 3.11+, and the project runs on 3.10.
    text = (ROOT / "pyproject.toml").read_text("utf-8")
    line = next(t for t in text.splitlines() if t.startswith('"game.core" = ['))
    patterns = ast.literal_eval(line.split("=", 1)[1].strip())
    core = ROOT / "game" / "core"
    shipped = {p for pattern in patterns for p in core.glob(pattern)}
    data = {p for folder in ("locales", "templates") for p in (core / folder).iterdir()
            if p.is_file()}
    assert data and data <= shipped, sorted(str(p) for p in data - shipped)
