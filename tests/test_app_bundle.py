"""What the app build takes in, and where the built app looks for its pack (fast; the build
itself is tested in test_built_app.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from game.build import (
    app_name,
    catalogue_languages,
    package_data,
    pyinstaller_command,
    runtime_distributions,
    trim_cldr,
)
from game.cli import pack_location
from game.core import places


def test_every_non_python_file_under_game_is_package_data(tmp_path: Path) -> None:
    files = ["game/__init__.py", "game/report/templates/report.html.j2",
             "game/locale/ru/LC_MESSAGES/game.mo", "game/phones/page.js",
             "game/__pycache__/cli.cpython-311.pyc", "game/core/model.py"]
    for name in files:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", "utf-8")
    found = [(p.relative_to(tmp_path).as_posix(), target) for p, target in package_data(tmp_path)]
    assert found == [("game/locale/ru/LC_MESSAGES/game.mo", "game/locale/ru/LC_MESSAGES"),
                     ("game/phones/page.js", "game/phones"),
                     ("game/report/templates/report.html.j2", "game/report/templates")]


def test_the_build_bundles_fonts_and_leaves_out_what_the_game_never_uses(tmp_path: Path) -> None:
    command = pyinstaller_command(tmp_path)
    sep = ";" if sys.platform == "win32" else ":"
    datas = [command[i + 1] for i, arg in enumerate(command) if arg == "--add-data"]
    assert f"{places.SOURCE_ROOT / 'assets' / 'fonts'}{sep}assets/fonts" in datas
    excluded = {command[i + 1] for i, arg in enumerate(command) if arg == "--exclude-module"}
    assert {"tkinter", "pytest", "hypothesis", "unittest", "game.build"} <= excluded
    assert command[command.index("--name") + 1] == "degrees-of-risk"
    assert "--onedir" in command and command[-1].endswith("main.py")


def test_the_zip_is_named_by_version_and_system() -> None:
    assert app_name("0.1.0", "windows") == "degrees-of-risk-0.1.0-windows"


def test_notices_cover_every_runtime_dependency_and_theirs() -> None:
    names = {d.metadata["Name"].lower().replace("_", "-") for d in runtime_distributions()}
    assert {"pygame-ce", "pydantic", "pydantic-core", "pyyaml", "platformdirs",
            "typing-extensions", "annotated-types"} <= names
    assert not names & {"pytest", "hypothesis", "mypy", "pyinstaller"}


def test_the_built_app_plays_the_pack_beside_its_program_whatever_the_cwd(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    program = tmp_path / "usb" / "degrees-of-risk"
    cwd = tmp_path / "elsewhere"
    (cwd / "scenarios").mkdir(parents=True)
    (cwd / "scenarios" / "pack.yaml").write_text("title: other\n", "utf-8")
    monkeypatch.chdir(cwd)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(program))
    folder = (tmp_path / "usb" / "scenarios").resolve()
    assert places.program_folder() == program.parent.resolve()
    assert pack_location(None) == (folder, str(folder))
    assert pack_location("my-pack") == (Path("my-pack"), "my-pack")


def test_from_source_the_pack_in_the_working_folder_comes_first(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert places.program_folder() is None
    assert pack_location(None) == (places.SOURCE_ROOT / "scenarios",
                                   str(places.SOURCE_ROOT / "scenarios"))
    (tmp_path / "scenarios").mkdir()
    (tmp_path / "scenarios" / "pack.yaml").write_text("title: mine\n", "utf-8")
    assert pack_location(None) == (Path("scenarios"), "scenarios")


def test_the_app_keeps_the_cldr_data_of_the_languages_it_speaks(tmp_path: Path) -> None:
    for name in ("root.dat", "en.dat", "en_GB.dat", "ru.dat", "ru_UA.dat", "tk.dat",
                 "de.dat", "uz_Latn.dat", "meta.txt"):
        (tmp_path / name).write_text("x", "utf-8")
    trim_cldr(tmp_path, catalogue_languages())
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "en.dat", "en_GB.dat", "meta.txt", "root.dat", "ru.dat", "ru_UA.dat", "tk.dat"]
