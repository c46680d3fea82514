"""The volunteers' app as a volunteer gets it: built, zipped, unzipped elsewhere, run with
an empty environment (`env -i`: no venv, no Python on PATH) from another folder.

Slow (a PyInstaller build), so deselected by default; `.ci/run` runs it as its own step:
`python -m pytest -m build`. It needs Xvfb and xdotool (`.ci/run` installs them).
"""

from __future__ import annotations

import json
import os
import re
import select
import socket
import stat
import subprocess
import sys
import threading
import time
import urllib.request
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from game.build import PROGRAM, app_name, package_data, project_version, system_name
from tests.xwindows import xvfb

ROOT = Path(__file__).resolve().parents[1]
BUILD_COMMAND = [sys.executable, "-m", "game.build"]
"""Exactly what .github/workflows/app.yml runs on each system."""

pytestmark = pytest.mark.build


@pytest.fixture(scope="module")
def app_zip() -> Path:
    """The zip `python -m game.build` makes, built once for this module."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run(BUILD_COMMAND, cwd=ROOT, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    archive = ROOT / "dist" / f"{app_name(project_version(), system_name())}.zip"
    assert archive.is_file(), done.stdout
    return archive


@pytest.fixture
def app(app_zip: Path, tmp_path: Path) -> Path:
    """A fresh copy of the app's folder, unzipped onto a "USB stick" in a temporary place."""
    stick = tmp_path / "usb stick"
    _unzip(app_zip, stick)
    folder = stick / app_zip.stem
    assert (folder / PROGRAM).is_file()
    return folder


def _unzip(archive: Path, into: Path) -> None:
    # zipfile drops the permission bits; `unzip` and file managers keep them.
    with zipfile.ZipFile(archive) as zf:
        for info in zf.infolist():
            target = Path(zf.extract(info, into))
            mode = info.external_attr >> 16
            if mode and not info.is_dir():
                target.chmod(stat.S_IMODE(mode))


def _run(app: Path, *args: str, home: Path, cwd: Path,
         env: tuple[str, ...] = ()) -> subprocess.CompletedProcess[str]:
    cwd.mkdir(parents=True, exist_ok=True)
    command = ["env", "-i", f"HOME={home}", *env, str(app / PROGRAM), *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=300)


def test_the_folder_holds_what_a_volunteer_needs(app: Path) -> None:
    readme = (app / "README.txt").read_text(encoding="utf-8")
    for words in ("Copy this whole folder", "Скопируйте всю эту папку",
                  "Bu bukjany tutuşlygyna", "press C"):
        assert words in readme
    licences = sorted(p.name for p in (app / "licences").iterdir())
    assert licences == ["LGPL-2.1.txt", "LICENSE-degrees-of-risk.txt", "OFL.txt",
                        "THIRD-PARTY-NOTICES.txt"]
    notices = (app / "licences" / "THIRD-PARTY-NOTICES.txt").read_text(encoding="utf-8")
    for package in ("pygame-ce", "pydantic", "PyYAML", "platformdirs", "Python "):
        assert f"== {package}" in notices
    shipped = sorted(p.name for p in (ROOT / "scenarios").glob("*.yaml"))
    assert sorted(p.name for p in (app / "scenarios").glob("*.yaml")) == shipped
    bundled = {p.relative_to(app).as_posix() for p in app.rglob("*")}
    assert "_internal/assets/fonts/NotoSans-Regular.ttf" in bundled
    assert "_internal/assets/fonts/OFL.txt" in bundled
    assert not [p for p in bundled if p.endswith("freesansbold.ttf") or "/tkinter/" in p]
    # Every non-Python file under game/ ships, where the code next to it looks for it.
    for source, target in package_data():
        assert f"_internal/{target}/{source.name}" in bundled
    cldr = {p.rsplit("/", 1)[1] for p in bundled if "/babel/locale-data/" in p}
    assert {"root.dat", "en.dat", "ru.dat", "tk.dat"} <= cldr and "de.dat" not in cldr


def test_validate_finds_the_pack_beside_the_program(app: Path, tmp_path: Path) -> None:
    home, elsewhere = tmp_path / "home", tmp_path / "elsewhere"
    developer = subprocess.run([sys.executable, "main.py", "validate", "scenarios"], cwd=ROOT,
                               capture_output=True, text=True, env=dict(os.environ,
                                                                        PYTHONPATH=str(ROOT)))
    done = _run(app, "validate", home=home, cwd=elsewhere)
    assert (done.returncode, done.stdout.splitlines()[-1]) == (
        developer.returncode, developer.stdout.splitlines()[-1])
    assert done.returncode == 0, done.stdout  # the shipped pack has no errors

    # A volunteer edits scenarios/ beside the program: the app plays (and checks) that one.
    pack = app / "scenarios"
    first = re.search(r"^scenarios:\n  - (\S+)", (pack / "pack.yaml").read_text("utf-8"),
                      re.MULTILINE)
    assert first is not None
    (pack / f"{first.group(1)}.yaml").unlink()
    done = _run(app, "validate", home=home, cwd=elsewhere)
    assert done.returncode == 1
    assert re.match(rf"{re.escape(str(pack / 'pack.yaml'))}:\d+:5: error: scenarios entry 1: "
                    rf"'{first.group(1)}' names no scenario file", done.stdout), done.stdout


def test_shots_of_one_scenario(app: Path, tmp_path: Path) -> None:
    pack = app / "scenarios"
    text = (pack / "pack.yaml").read_text("utf-8")
    listed = re.search(r"^scenarios:\n((?:  - \S+\n)+)", text, re.MULTILINE)
    assert listed is not None
    ids = re.findall(r"- (\S+)", listed.group(1))
    keep = ids[0]
    (pack / "pack.yaml").write_text(text.replace(listed.group(0), f"scenarios:\n  - {keep}\n"),
                                    "utf-8")
    for other in ids[1:]:
        (pack / f"{other}.yaml").unlink()
    out = tmp_path / "shots"
    done = _run(app, "shots", "--out", str(out), "--lang", "en", "--size", "1024x768",
                home=tmp_path / "home", cwd=tmp_path / "elsewhere")
    assert done.returncode == 0, done.stderr
    folders = sorted(p.name for p in (out / "en").iterdir())
    assert f"01-{keep}" in folders and len([f for f in folders if f[:2] not in ("00", "99")]) == 1
    pictures = sorted((out / "en" / f"01-{keep}").glob("*.png"))
    assert len(pictures) > 10
    assert _png_size(pictures[0]) == (1024, 768)
    assert done.stdout.strip().startswith(f"wrote {len(list(out.rglob('*.png')))} screenshots")


def _png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    return int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")


@pytest.fixture
def display() -> Iterator[str]:
    """A virtual X display (Xvfb) at 1024x768, as a projector laptop would have."""
    with xvfb("1024x768", tools=("Xvfb", "xdotool")) as shown:
        yield shown


def test_the_game_plays_a_step_writes_its_log_and_reports_it(app: Path, tmp_path: Path,
                                                               display: str) -> None:
    home, elsewhere = tmp_path / "home", tmp_path / "elsewhere"
    elsewhere.mkdir()
    done = _run(app, "check", "--lang", "ru", home=home, cwd=elsewhere,
                env=(f"DISPLAY={display}",))
    out = done.stdout.splitlines()
    # Whether the shipped pack's help contacts are all filled in is the content's business.
    data = home / ".local" / "share" / "degrees-of-risk"
    assert out[:4] == ["Готов ли ноутбук?", "OK         Экран: 1024×768",
                       "ВНИМАНИЕ   Один дисплей: подключите проектор и проверьте снова (если он "
                       "уже показывает этот экран, всё в порядке)",
                       "OK         Шрифты загружаются (Noto Sans, латиница и кириллица)"]
    assert out[4].startswith(f"OK         Журналы и отчёты: {data} (свободно ")
    command = ["env", "-i", f"HOME={home}", f"DISPLAY={display}", "DOR_REPORT_FIRST_FRAME=1",
               str(app / PROGRAM)]
    game = subprocess.Popen(command, cwd=elsewhere, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        ready, _, _ = select.select([game.stdout], [], [], 60)
        assert ready and game.stdout is not None
        assert game.stdout.readline().startswith("first-frame ")  # the pack's title
        _title_screen(game)
        # Enter: the menu; Enter: the first scenario's first step; 1: its first choice.
        _keys(display, "Return", "Return", "1")
        logs = home / ".local" / "share" / "degrees-of-risk" / "sessions"
        events = _wait_for_event(logs, "choice")
        # Esc, 4: the pause menu's "quit", which asks once.
        _keys(display, "Escape", "4", "Return", "Return")
        assert game.wait(timeout=30) == 0
    finally:
        if game.poll() is None:
            game.kill()
            game.wait()
    stderr = game.stderr.read() if game.stderr else ""
    assert "Traceback" not in stderr, stderr
    start = next(e for e in events if e["type"] == "session_start")
    assert start["pack"] == str(app / "scenarios")
    scenario = next(e for e in events if e["type"] == "scenario_start")
    choice = next(e for e in events if e["type"] == "choice")
    assert (choice["scenario"], choice["choice"]) == (scenario["scenario"], 1)  # as shown

    out = tmp_path / "report" / "event.html"
    done = _run(app, "report", "--out", str(out), home=home, cwd=elsewhere)
    assert done.returncode == 0, done.stderr
    html = out.read_text("utf-8")
    assert scenario["title"] in html
    assert out.with_suffix(".csv").is_file()


def _title_screen(game: subprocess.Popen[str]) -> None:
    """Wait for the title screen with its options (after the early frame of the pack's
    title, keys would wait for the pack to load). Bounded: the game is killed after 60 s."""
    assert game.stdout is not None
    watchdog = threading.Timer(60, game.kill)
    watchdog.start()
    try:
        for line in iter(game.stdout.readline, ""):
            if line.startswith("title-frame "):
                return
    finally:
        watchdog.cancel()
    raise AssertionError("the title screen did not show within 60 s")


def _keys(display: str, *keys: str) -> None:
    subprocess.run(["xdotool", "mousemove", "512", "384", "key", "--delay", "300", *keys],
                   env=dict(os.environ, DISPLAY=display), check=True, timeout=30)


def _wait_for_event(folder: Path, kind: str) -> list[dict[str, object]]:
    """The events of the one session log in `folder`, once one of `kind` is in it."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        logs = sorted(folder.glob("*.jsonl")) if folder.is_dir() else []
        if logs:
            events = [json.loads(line) for line in logs[-1].read_text("utf-8").splitlines()
                      if line.strip()]
            if any(e.get("type") == kind for e in events):
                assert len(logs) == 1
                return events
        time.sleep(0.2)
    raise AssertionError(f"no '{kind}' event in a session log under {folder} within 30 s")


def test_phones_get_their_page_from_the_built_app(app: Path, tmp_path: Path,
                                                  display: str) -> None:
    with socket.socket() as probe:  # a free port on loopback, for this run only
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = ["env", "-i", f"HOME={tmp_path / 'home'}", f"DISPLAY={display}",
               "DOR_REPORT_FIRST_FRAME=1", str(app / PROGRAM), "--phones", "127.0.0.1",
               "--port", str(port)]
    game = subprocess.Popen(command, cwd=tmp_path, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        ready, _, _ = select.select([game.stdout], [], [], 60)
        assert ready and game.stdout is not None
        assert game.stdout.readline().startswith("first-frame ")
        page = _get(f"http://127.0.0.1:{port}/")
        script = _get(f"http://127.0.0.1:{port}/page.js")
    finally:
        game.terminate()
        game.wait(timeout=30)
    assert "<title>Degrees of Risk</title>" in page
    assert (app / "_internal" / "game" / "phones" / "static" / "page.js").read_text(
        "utf-8") == script


def _get(url: str) -> str:
    """The body of `url`, retried while the phones' server starts (it has its own thread)."""
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as answer:
                return str(answer.read().decode("utf-8"))
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)
