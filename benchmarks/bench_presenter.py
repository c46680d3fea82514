"""The presenter view's cost under a real X display: two windows against one, side by side.

Prints a table; it is a measurement, not a test. At each size (the room's window; the
presenter window opens at its own size on the display), alternating one run of each:

(b) CPU on a static screen: utime+stime from /proc/<pid>/stat over N s on the title
    screen, in % of one core, `--window WxH` against `--presenter --window WxH`;
    median of the runs.
(c) frame time while the risk meter animates: the game starts at the first story's first
    step (`--scenario`) and xdotool presses 1 (the feedback screen, whose meter moves for
    0.8 s) and Backspace in turn. The game runs under a wrapper that times each turn of
    the loop that drew something (`Windows.draw`: both windows' drawing and flips), and
    counts the frames of each window: the presenter window copies only the room's settled
    frames, so it draws a few frames where the room draws dozens.

Xvfb is started on a free display when DISPLAY is unset, and stopped after.

    python benchmarks/bench_presenter.py [--runs 3] [--cpu-seconds 8] [--sizes 1280x720,1920x1080]
"""

from __future__ import annotations

import argparse
import json
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_frames import (  # noqa: E402  (the harness of the one-window benchmark)
    Runner,
    cpu_seconds,
    first_story,
    p95,
    x_display,
    xdotool,
)


def timed_game(size: tuple[int, int], scenario: str, presenter: bool, out: str) -> None:
    """The real game loop, with each drawing turn of `Windows.draw` timed."""
    from game.cli import main
    from game.ui import windows as windows_module

    frames: list[list[float]] = []
    draw = windows_module.Windows.draw

    def timed_draw(self: windows_module.Windows) -> None:
        room_before = self.room_frames
        laptop_before = self.view.frames if self.view is not None else 0
        app_dirty = self.app.needs_frame()
        begin = time.perf_counter()
        draw(self)
        end = time.perf_counter()
        laptop = (self.view.frames if self.view is not None else 0) - laptop_before
        if app_dirty or laptop:
            frames.append([end - begin, 1.0 if self.app.animating else 0.0,
                           1.0 if app_dirty else 0.0, float(laptop),
                           float(self.room_frames - room_before)])

    windows_module.Windows.draw = timed_draw  # type: ignore[method-assign]
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    args = ["--window", f"{size[0]}x{size[1]}", "--scenario", scenario]
    try:
        main([*args, "--presenter"] if presenter else args)
    finally:
        Path(out).write_text(json.dumps(frames), encoding="utf-8")


def game(runner: Runner, size: tuple[int, int], presenter: bool) -> list[str]:
    command = runner.game(size)
    return [*command, "--presenter"] if presenter else command


def cpu(runner: Runner, command: list[str], seconds: float) -> float:
    """% of one core over `seconds`, after a second to settle."""
    process, _ = runner.start(command)
    try:
        time.sleep(1.0)
        before = cpu_seconds(process.pid)
        begin = time.monotonic()
        time.sleep(seconds)
        return 100 * (cpu_seconds(process.pid) - before) / (time.monotonic() - begin)
    finally:
        runner.stop(process)


def animated(runner: Runner, display: str, size: tuple[int, int], scenario: str,
             presenter: bool, presses: int) -> list[list[float]]:
    """The drawing turns of a game while the meter moves: [seconds, moving, room, laptop]."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as out:
        path = out.name
    command = [sys.executable, __file__, "--timed-game", f"{size[0]}x{size[1]}", scenario,
               "1" if presenter else "0", path]
    process, _ = runner.start(command)
    try:
        time.sleep(0.8)
        # Keys go to the window under the pointer (no window manager): either acts.
        xdotool(display, "mousemove", "960", "540")
        for _ in range(presses):
            xdotool(display, "key", "1")
            time.sleep(1.1)
            xdotool(display, "key", "BackSpace")
            time.sleep(0.3)
    finally:
        runner.stop(process)
    frames: list[list[float]] = json.loads(Path(path).read_text(encoding="utf-8"))
    Path(path).unlink()
    return frames


def measure(sizes: list[tuple[int, int]], runs: int, seconds: float, presses: int) -> None:
    scenario = first_story()
    rows: list[tuple[str, ...]] = []
    with x_display() as display, tempfile.TemporaryDirectory() as data:
        runner = Runner(display, Path(data))
        print(f"display {display}; python {sys.version.split()[0]}; scenario {scenario}",
              flush=True)
        for size in sizes:
            name = f"{size[0]}×{size[1]}"
            one, two = [], []
            for _ in range(runs):
                one.append(cpu(runner, game(runner, size, False), seconds))
                two.append(cpu(runner, game(runner, size, True), seconds))
            print(f"{name} (b) one {[round(v, 2) for v in one]} two "
                  f"{[round(v, 2) for v in two]}", flush=True)
            rows.append((name, f"(b) CPU, static screen, {seconds:.0f} s, median %",
                         f"{statistics.median(one):.2f}", f"{statistics.median(two):.2f}",
                         f"{statistics.median(two) / max(0.01, statistics.median(one)):.2f}×"))
            single = animated(runner, display, size, scenario, False, presses)
            double = animated(runner, display, size, scenario, True, presses)
            a = [f[0] * 1000 for f in single if f[1]]
            b = [f[0] * 1000 for f in double if f[1]]
            rows.append((name, f"(c) frame while the meter moves, median ms ({len(a)}/{len(b)})",
                         f"{statistics.median(a):.2f}", f"{statistics.median(b):.2f}",
                         f"{statistics.median(b) / statistics.median(a):.2f}×"))
            rows.append((name, "(c) frame while the meter moves, p95 ms", f"{p95(a):.2f}",
                         f"{p95(b):.2f}", f"{p95(b) / p95(a):.2f}×"))
            own = [f[0] * 1000 for f in double if f[3]]
            rows.append((name, f"(c) a turn where the presenter window drew, median ms "
                               f"({len(own)})", "", f"{statistics.median(own):.2f}", ""))
            room = sum(1 for f in double if f[2])
            laptop = sum(int(f[3]) for f in double)
            rows.append((name, "(c) frames drawn: room's window / presenter window", "",
                         f"{room} / {laptop}", ""))
            print(f"{name} (c) done", flush=True)
    heads = ("size", "measure", "one window", "with presenter", "ratio")
    widths = [max(len(str(r[i])) for r in [heads, *rows]) for i in range(5)]
    print()
    for row in [heads, tuple("-" * w for w in widths), *rows]:
        print("  ".join(str(cell).ljust(w) for cell, w in zip(row, widths)).rstrip())


def _size(text: str) -> tuple[int, int]:
    width, height = (int(v) for v in text.lower().split("x"))
    return width, height


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="CPU runs of each, alternating")
    parser.add_argument("--cpu-seconds", type=float, default=8.0)
    parser.add_argument("--presses", type=int, default=6, help="choices pressed for (c)")
    parser.add_argument("--sizes", default="1280x720,1920x1080")
    parser.add_argument("--timed-game", nargs=4, metavar=("WxH", "SCENARIO", "PRESENTER", "OUT"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.timed_game:
        size, scenario, presenter, out = args.timed_game
        timed_game(_size(size), scenario, presenter == "1", out)
    else:
        measure([_size(s) for s in args.sizes.split(",")], args.runs, args.cpu_seconds,
                args.presses)


if __name__ == "__main__":
    main()
