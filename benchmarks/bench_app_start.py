"""Start-up of the built app against the developer install, side by side, and its size.

Prints a table; it is a measurement, not a test. Launch to first frame: from just
before the process is started to its first `pygame.display.flip()` (the game prints
it with DOR_REPORT_FIRST_FRAME=1), the two alternating, each with the same empty
environment (`env -i`, plus DISPLAY, HOME and the report switch) and its own fresh
data folder; median and spread of the runs after a first, unmeasured one of each
(the first start of the day reads from a slow disk or USB stick: that run is shown
apart). Target: the built app within 1.5x of the developer install.

    python benchmarks/bench_app_start.py [--runs 9] [--app dist/degrees-of-risk-...-linux]

Without --app it uses the folder `python -m game.build` made (building it if missing).
"""

from __future__ import annotations

import argparse
import os
import select
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.bench_frames import x_display  # noqa: E402
from game.build import PROGRAM, app_name, project_version, system_name  # noqa: E402

WINDOW = "1280x720"


def first_frame(command: list[str], cwd: Path, display: str, home: Path) -> float:
    """Seconds from starting `command` to its first frame; the process is then ended."""
    env = ["env", "-i", f"HOME={home}", f"DISPLAY={display}", "DOR_REPORT_FIRST_FRAME=1"]
    started = time.time()
    game = subprocess.Popen([*env, *command, "--window", WINDOW, "--data-dir",
                             str(home / "data")], cwd=cwd, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)
    try:
        assert game.stdout is not None
        ready, _, _ = select.select([game.stdout], [], [], 60)
        line = game.stdout.readline() if ready else ""
        if not line.startswith("first-frame "):
            raise RuntimeError(f"{command[0]}: no first frame ({line!r})")
        return float(line.split()[1]) - started
    finally:
        game.terminate()
        try:
            game.wait(timeout=10)
        except subprocess.TimeoutExpired:
            game.kill()
            game.wait()


def folder_size(folder: Path) -> int:
    """Bytes on disk of the files in `folder`, each counted once (links not followed)."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--app", help="the built app's folder (default: the one in dist/)")
    args = parser.parse_args()
    app = Path(args.app) if args.app else ROOT / "dist" / app_name(project_version(),
                                                                     system_name())
    if not (app / PROGRAM).is_file():
        subprocess.run([sys.executable, "-m", "game.build"], cwd=ROOT, check=True)
    commands = {
        "developer install (python main.py)": ([sys.executable, "main.py"], ROOT),
        "built app (one folder)": ([str(app / PROGRAM)], Path(tempfile.gettempdir())),
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    first: dict[str, float] = {}
    with x_display() as display, tempfile.TemporaryDirectory() as tmp:
        for run in range(args.runs + 1):
            for name, (command, cwd) in commands.items():
                home = Path(tmp) / f"home-{run}-{len(times[name])}-{name[:3]}"
                home.mkdir()
                took = first_frame(command, cwd, display, home)
                if run == 0:
                    first[name] = took
                else:
                    times[name].append(took)
    print(f"Launch to first frame, {WINDOW} window, {args.runs} alternating runs each "
          f"(after one unmeasured), {os.cpu_count()} cores:")
    medians = {}
    for name, values in times.items():
        medians[name] = statistics.median(values)
        print(f"  {name:<36} median {medians[name] * 1000:6.0f} ms  "
              f"(min {min(values) * 1000:.0f}, max {max(values) * 1000:.0f}; "
              f"first run {first[name] * 1000:.0f} ms)")
    dev, built = medians.values()
    print(f"  ratio built / developer: {built / dev:.2f}x (target at most 1.5x)")
    archive = app.with_name(app.name + ".zip")
    print(f"Size on disk: {app.name}/ {folder_size(app) / 1e6:.0f} MB "
          f"(_internal {folder_size(app / '_internal') / 1e6:.0f} MB, program "
          f"{(app / PROGRAM).stat().st_size / 1e6:.1f} MB)"
          + (f"; zip {archive.stat().st_size / 1e6:.0f} MB" if archive.is_file() else ""))


if __name__ == "__main__":
    main()
