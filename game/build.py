"""`python -m game.build`: the volunteers' app, one folder (and its zip) that needs no Python.

PyInstaller in one-folder mode (it starts faster than one-file and antivirus flags it
less often) makes `dist/degrees-of-risk-<version>-<system>/`:

    degrees-of-risk(.exe)   the program (`main.py`, every command)
    _internal/              Python, the libraries, the fonts and the game's package data
    scenarios/              the default pack, editable; the app plays it by default
    README.txt              what a volunteer does with the folder, in en/ru/tk
    licences/               the game's, the fonts' (OFL) and the bundled libraries' notices

then zips it beside it. The same command on Linux, Windows and macOS; the release
workflow (.github/workflows/app.yml) and tests/test_built_app.py run exactly it.
"""

from __future__ import annotations

import argparse
import importlib.metadata as metadata
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROGRAM = "degrees-of-risk"
BUNDLE_FILES = ROOT / "bundle"

EXCLUDED_MODULES = (
    # Never imported by the game; some come in through optional imports of the libraries.
    "tkinter", "_tkinter", "unittest", "pydoc", "doctest", "pdb", "lib2to3", "idlelib",
    "pytest", "_pytest", "hypothesis", "mypy", "setuptools", "pkg_resources", "pip",
    "numpy", "PIL", "game.build",
)
"""Modules kept out of the app: a smaller folder starts sooner from a slow USB stick."""

NOT_PACKAGE_DATA = (".py", ".pyc", ".pyo")
DROPPED_FILES = ("freesansbold.ttf",)
"""pygame's default font (GPL): the game draws only with the shipped Noto Sans."""

CLDR_FOLDER = Path("_internal") / "babel" / "locale-data"
"""Babel's CLDR data, one file per locale (35 MB in all): the app keeps the languages it
has words for (game/core/locales/*.yaml), which is where counts and dates are said."""

SYSTEMS = {"linux": "linux", "win32": "windows", "darwin": "macos"}


def system_name() -> str:
    """The system the app is built for, as the zip's name says it: linux, windows, macos."""
    return SYSTEMS.get(sys.platform, sys.platform)


def project_version() -> str:
    """The version in pyproject.toml (the app's folder and zip carry it)."""
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    found = re.search(r'^version\s*=\s*"([^"]+)"', text, re.MULTILINE)
    if found is None:
        raise SystemExit("pyproject.toml: no version = \"...\" line")
    return found.group(1)


def app_name(version: str, system: str) -> str:
    """The folder's and the zip's name: `degrees-of-risk-<version>-<system>`."""
    return f"{PROGRAM}-{version}-{system}"


def package_data(root: Path = ROOT) -> list[tuple[Path, str]]:
    """Every file under game/ that is not Python source (templates, locale data, web
    pages, ...), with the folder it goes to in the bundle: the same place beside the
    modules, so code that finds it by `__file__` or importlib.resources finds it there."""
    found: list[tuple[Path, str]] = []
    for path in sorted((root / "game").rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts:
            continue
        if path.suffix in NOT_PACKAGE_DATA:
            continue
        found.append((path, path.parent.relative_to(root).as_posix()))
    return found


def pyinstaller_command(work: Path) -> list[str]:
    """The PyInstaller command line: one folder, the fonts and package data, no extras."""
    sep = ";" if sys.platform == "win32" else ":"
    datas = [(ROOT / "assets" / "fonts", "assets/fonts"), *package_data()]
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--onedir",
               "--log-level", "WARN", "--name", PROGRAM,
               "--distpath", str(work / "dist"), "--workpath", str(work / "work"),
               "--specpath", str(work)]
    for source, target in datas:
        command += ["--add-data", f"{source}{sep}{target}"]
    for module in EXCLUDED_MODULES:
        command += ["--exclude-module", module]
    command.append(str(ROOT / "main.py"))
    return command


def runtime_distributions() -> list[metadata.Distribution]:
    """The installed distributions the game runs on: pyproject's dependencies and theirs."""
    from packaging.requirements import Requirement  # PyInstaller's own dependency

    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    block = re.search(r"^dependencies\s*=\s*\[(.*?)\]", text, re.MULTILINE | re.DOTALL)
    wanted = re.findall(r'"([^"]+)"', block.group(1)) if block else []
    seen: dict[str, metadata.Distribution] = {}
    while wanted:
        requirement = Requirement(wanted.pop())
        if requirement.marker is not None and not requirement.marker.evaluate({"extra": ""}):
            continue
        key = requirement.name.lower().replace("_", "-")
        if key in seen:
            continue
        try:
            dist = metadata.distribution(requirement.name)
        except metadata.PackageNotFoundError:
            continue
        seen[key] = dist
        wanted += dist.requires or []
    return sorted(seen.values(), key=lambda d: d.metadata["Name"].lower())


def third_party_notices() -> str:
    """The notices of everything bundled: Python, and each runtime distribution's licence
    text as its package ships it."""
    parts = [f"Third-party software in Degrees of Risk {project_version()} ({system_name()})",
             ""]
    python_licence = _python_licence()
    parts += [f"== Python {sys.version.split()[0]} (PSF License) ==",
              python_licence.read_text(encoding="utf-8", errors="replace") if python_licence
              else "https://docs.python.org/3/license.html", ""]
    for dist in runtime_distributions():
        meta = dist.metadata
        licence = _field(dist, "License-Expression") or _licence_classifier(dist) or "see below"
        parts.append(f"== {meta['Name']} {dist.version} ({licence}) ==")
        texts = [f for f in dist.files or () if _is_licence_file(str(f))]
        for file in texts:
            parts.append(file.read_text(encoding="utf-8"))
        if meta["Name"].lower() == "pygame-ce":
            parts.append((BUNDLE_FILES / "licences" / "pygame-ce-libraries.txt")
                         .read_text(encoding="utf-8"))
        elif not texts:
            parts.append(_field(dist, "Home-page") or _field(dist, "Project-URL"))
        parts.append("")
    return "\n".join(parts)


def _python_licence() -> Path | None:
    base = Path(sys.base_prefix)
    version = f"python{sys.version_info[0]}.{sys.version_info[1]}"
    for candidate in (base / "LICENSE.txt", base / "lib" / version / "LICENSE.txt",
                      Path("/usr/share/doc") / version / "copyright"):
        if candidate.is_file():
            return candidate
    return None


def _field(dist: metadata.Distribution, key: str) -> str:
    # get_all: a missing field is None, where [] warns (and will raise) on Python 3.12+.
    values = dist.metadata.get_all(key) or []
    return str(values[0]) if values else ""


def _licence_classifier(dist: metadata.Distribution) -> str:
    for classifier in dist.metadata.get_all("Classifier") or []:
        if classifier.startswith("License ::"):
            return str(classifier.split("::")[-1].strip())
    return ""


def _is_licence_file(name: str) -> bool:
    leaf = name.rsplit("/", 1)[-1].upper()
    return ".dist-info" in name and leaf.startswith(("LICENSE", "LICENCE", "COPYING", "NOTICE"))


def build(out: Path) -> Path:
    """Build the app into `out/<name>/` and zip it as `out/<name>.zip`; returns the zip."""
    name = app_name(project_version(), system_name())
    work = ROOT / "build" / "app" / system_name()
    started = time.monotonic()
    subprocess.run(pyinstaller_command(work), check=True)
    folder = out / name
    if folder.exists():
        shutil.rmtree(folder)
    out.mkdir(parents=True, exist_ok=True)
    shutil.move(str(work / "dist" / PROGRAM), str(folder))
    for leaf in DROPPED_FILES:
        for path in folder.rglob(leaf):
            path.unlink()
    trim_cldr(folder / CLDR_FOLDER, catalogue_languages())
    shutil.copytree(ROOT / "scenarios", folder / "scenarios",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    readme = (BUNDLE_FILES / "README.txt").read_text(encoding="utf-8")
    _write_text(folder / "README.txt", readme.format(version=project_version(),
                                                     system=system_name()))
    licences = folder / "licences"
    licences.mkdir()
    shutil.copyfile(ROOT / "LICENSE", licences / "LICENSE-degrees-of-risk.txt")
    shutil.copyfile(ROOT / "assets" / "fonts" / "OFL.txt", licences / "OFL.txt")
    shutil.copyfile(BUNDLE_FILES / "licences" / "LGPL-2.1.txt", licences / "LGPL-2.1.txt")
    _write_text(licences / "THIRD-PARTY-NOTICES.txt", third_party_notices())
    archive = Path(shutil.make_archive(str(out / name), "zip", root_dir=out, base_dir=name))
    size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    print(f"built {folder} ({size / 1e6:.0f} MB) and {archive.name} "
          f"({archive.stat().st_size / 1e6:.0f} MB) in {time.monotonic() - started:.0f} s")
    return archive


def catalogue_languages(root: Path = ROOT) -> set[str]:
    """The languages the program has its own words in: one locales/<code>.yaml each."""
    return {p.stem.split("-")[0].lower() for p in (root / "game" / "core" / "locales")
            .glob("*.yaml")}


def trim_cldr(locale_data: Path, languages: set[str]) -> None:
    """Remove the CLDR locales of every other language from `locale_data` (root, which all
    inherit from, stays). A pack in another language still plays; its counts and dates
    follow English, as they do for any language Babel does not know."""
    if not locale_data.is_dir():
        return
    keep = {"root", *languages}
    for path in locale_data.glob("*.dat"):
        if path.stem.split("_")[0].lower() not in keep:
            path.unlink()


def _write_text(path: Path, text: str) -> None:
    # CRLF on Windows, so Notepad on an old laptop shows the lines; LF elsewhere.
    path.write_text(text, encoding="utf-8", newline="\r\n" if sys.platform == "win32" else "\n")


def main(argv: list[str] | None = None) -> int:
    """Build the app for this system; returns the exit code."""
    parser = argparse.ArgumentParser(prog="python -m game.build",
                                     description="Build the volunteers' app (one folder, "
                                                 "zipped) for this system with PyInstaller.")
    parser.add_argument("--out", default=str(ROOT / "dist"),
                        help="where the folder and the zip go (default: dist/)")
    args = parser.parse_args(argv)
    build(Path(args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
