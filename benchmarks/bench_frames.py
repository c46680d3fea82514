"""The game's window under a real X11 display, side by side with a bare pygame-ce window.

Prints a table; it is a measurement, not a test. At 1280×720 and 1920×1080:

(a) launch to first frame: from starting the process to its first
    `pygame.display.flip()` (the game prints it with DOR_REPORT_FIRST_FRAME=1),
    median of alternating runs; target at most 1.5× the bare window. The first
    frame is the pack's title (game/ui/splash.py); the title screen with its options
    (the game prints `title-frame`) is shown on the next line, for what it costs.
(b) CPU on a static screen: utime+stime from /proc/<pid>/stat over 10 s on the
    title screen, in % of one core; target at most 1%, shown beside a naive
    loop that redraws and flips 60 times a second.
(c) frame time while the risk meter animates: the game starts at the first
    story's first step (`--scenario`), and xdotool presses 1 (a choice: the
    feedback screen, whose meter moves for 0.8 s) and Backspace (undo) in turn.
    The game runs under a wrapper that times each frame from the start of
    `App.draw` to the end of `pygame.display.flip()`, so the real `run_game`
    loop is measured without changing it; median and p95 of the frames drawn
    while the meter moved, against the bare window's frame (12 lines blitted and
    a flip); target at most 1.2×.

Xvfb is started on a free display when DISPLAY is unset, and stopped after.
Both windows use SDL_AUDIODRIVER=dummy (the game goes on silent without a sound
device anyway), the same Python, and the game's own fonts.

    python benchmarks/bench_frames.py [--runs 5] [--cpu-seconds 10] [--sizes 1280x720,1920x1080]

`--before DIR` also launches an older copy of the game (`git archive <commit> | tar -x -C
DIR`) in the same alternating runs, so (a) is quoted before and after side by side;
`--start-only` measures (a) alone.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TICKS = os.sysconf("SC_CLK_TCK")
LINES = 12
SAMPLE = "Aýna, 19, gets a message: a waitress job in Istanbul · Предложение работы"


# ------------------------------------------------------------------ the two windows

def bare_window(size: tuple[int, int], naive: bool, frames_out: str | None,
                seconds: float) -> None:
    """A window with 12 lines of text: flip once and idle (or, naive, flip 60×/s)."""
    import pygame

    from game.core.fontmetrics import REGULAR_FONT

    pygame.display.init()
    pygame.font.init()
    screen = pygame.display.set_mode(size, pygame.RESIZABLE)
    font = pygame.font.Font(REGULAR_FONT, max(1, int(0.04 * size[1])))
    lines = [font.render(f"{n}. {SAMPLE}", True, (242, 242, 242)) for n in range(1, LINES + 1)]
    step = int(size[1] * 0.9 / LINES)

    def draw() -> None:
        screen.fill((16, 20, 24))
        for n, line in enumerate(lines):
            screen.blit(line, (int(0.04 * size[0]), int(0.04 * size[1]) + n * step))

    draw()
    pygame.display.flip()
    print(f"first-frame {time.time():.6f}", flush=True)
    clock = pygame.time.Clock()
    times: list[tuple[float, float]] = []
    end = time.perf_counter() + seconds if seconds else None
    while end is None or time.perf_counter() < end:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                return
        if naive:
            begin = time.perf_counter()
            draw()
            drawn = time.perf_counter()
            pygame.display.flip()
            done = time.perf_counter()
            times.append((done - begin, done - drawn))
        clock.tick(60)
    if frames_out:
        Path(frames_out).write_text(json.dumps(times), encoding="utf-8")


def timed_game(size: tuple[int, int], scenario: str, frames_out: str) -> None:
    """The real game loop, with each frame timed from App.draw's start to flip's end."""
    import pygame

    from game.cli import main
    from game.ui import app as app_module

    frames: list[list[float]] = []
    draw, flip = app_module.App.draw, pygame.display.flip

    def timed_draw(self: app_module.App, surface: pygame.Surface) -> None:
        begin = time.perf_counter()
        draw(self, surface)
        frames.append([begin, 0.0, 1.0 if self.animating else 0.0])

    def timed_flip() -> None:
        flip()
        if frames and not frames[-1][1]:
            frames[-1][1] = time.perf_counter()

    app_module.App.draw = timed_draw  # type: ignore[method-assign]
    pygame.display.flip = timed_flip
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        main(["--window", f"{size[0]}x{size[1]}", "--scenario", scenario])
    finally:
        Path(frames_out).write_text(json.dumps(frames), encoding="utf-8")


# ------------------------------------------------------------------ the harness

@contextmanager
def x_display() -> Iterator[str]:
    """DISPLAY if set; else an Xvfb on a free display number, stopped afterwards."""
    if os.environ.get("DISPLAY"):
        yield os.environ["DISPLAY"]
        return
    number = next(n for n in range(99, 200) if not Path(f"/tmp/.X{n}-lock").exists())
    server = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", "1920x1080x24",
                               "-nolisten", "tcp"], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    try:
        socket = Path(f"/tmp/.X11-unix/X{number}")
        for _ in range(100):
            if socket.exists():
                break
            time.sleep(0.05)
        else:
            raise RuntimeError("Xvfb did not start")
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


class Runner:
    """Starts the game or the bare window as a process on the display."""

    def __init__(self, display: str, data_dir: Path) -> None:
        self.env = {**os.environ, "DISPLAY": display, "SDL_VIDEODRIVER": "x11",
                    "SDL_AUDIODRIVER": "dummy", "PYGAME_HIDE_SUPPORT_PROMPT": "1",
                    "DOR_REPORT_FIRST_FRAME": "1"}
        self.data_dir = data_dir

    def game(self, size: tuple[int, int], root: Path = ROOT) -> list[str]:
        return [sys.executable, str(root / "main.py"), "--window", f"{size[0]}x{size[1]}",
                "--data-dir", str(self.data_dir)]

    def bare(self, size: tuple[int, int], *extra: str) -> list[str]:
        return [sys.executable, __file__, "--bare", f"{size[0]}x{size[1]}", *extra]

    def start(self, command: list[str],
              title: list[float] | None = None) -> tuple[subprocess.Popen[str], float]:
        """Start `command`; returns it and the seconds from launch to its first flip (the
        pack's title, game/ui/splash.py). With `title`, waits on for the title screen with
        its options (the game's line `title-frame`) and appends its seconds there."""
        launched = time.time()
        root = Path(command[1]).parent if command[1].endswith("main.py") else ROOT
        env = {**self.env, "PYTHONPATH": str(root)}  # each copy of the game imports itself
        process = subprocess.Popen(command, cwd=root, env=env, stdout=subprocess.PIPE,
                                   stderr=subprocess.DEVNULL, text=True)
        assert process.stdout is not None
        first: float | None = None
        for line in process.stdout:
            if line.startswith("first-frame ") and first is None:
                first = float(line.split()[1]) - launched
                if title is None:
                    return process, first
            if line.startswith("title-frame ") and first is not None and title is not None:
                title.append(float(line.split()[1]) - launched)
                return process, first
        process.wait()
        raise RuntimeError(f"{command[1]} ended before its first frame")

    @staticmethod
    def stop(process: subprocess.Popen[str]) -> None:
        if process.poll() is None:
            process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time of a process so far, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime, stime (fields 14, 15)


def cpu_share(runner: Runner, command: list[str], seconds: float) -> float:
    """% of one core the process uses over `seconds`, after a second to settle."""
    process, _ = runner.start(command)
    try:
        time.sleep(1.0)
        before = cpu_seconds(process.pid)
        begin = time.monotonic()
        time.sleep(seconds)
        used = cpu_seconds(process.pid) - before
        return 100 * used / (time.monotonic() - begin)
    finally:
        runner.stop(process)


def xdotool(display: str, *args: str) -> None:
    subprocess.run(["xdotool", *args], env={**os.environ, "DISPLAY": display}, check=True)


def animated_frames(runner: Runner, display: str, size: tuple[int, int], scenario: str,
                    presses: int) -> list[float]:
    """Milliseconds per frame (draw start → flip end) of the game while the meter moves."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as out:
        path = out.name
    command = [sys.executable, __file__, "--timed-game", f"{size[0]}x{size[1]}", scenario, path]
    process, _ = runner.start(command)
    try:
        time.sleep(0.5)
        xdotool(display, "mousemove", str(size[0] // 2), str(size[1] // 2))
        for _ in range(presses):
            xdotool(display, "key", "1")  # a choice: the feedback screen, the meter moves
            time.sleep(1.1)
            xdotool(display, "key", "BackSpace")  # undo, back to the step
            time.sleep(0.3)
    finally:
        runner.stop(process)
    frames = json.loads(Path(path).read_text(encoding="utf-8"))
    Path(path).unlink()
    return [(end - begin) * 1000 for begin, end, moving in frames if moving and end]


def bare_frames(runner: Runner, size: tuple[int, int], seconds: float) -> tuple[list[float],
                                                                                list[float]]:
    """Milliseconds per frame of the bare window: whole frame, and the flip alone."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as out:
        path = out.name
    process, _ = runner.start(runner.bare(size, "--naive", "--frames", path,
                                          "--seconds", str(seconds)))
    process.wait(timeout=seconds + 30)
    times = json.loads(Path(path).read_text(encoding="utf-8"))
    Path(path).unlink()
    return [t[0] * 1000 for t in times], [t[1] * 1000 for t in times]


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]


def first_story() -> str:
    from game.core.model import Story
    from game.core.pack import load_pack

    pack = load_pack(ROOT / "scenarios").pack
    assert pack is not None, "the shipped pack does not load"
    return next(sid for sid, s in pack.scenarios.items() if isinstance(s, Story))


def measure(sizes: list[tuple[int, int]], runs: int, seconds: float, presses: int,
            before: Path | None = None, start_only: bool = False) -> None:
    scenario = first_story()
    rows: list[tuple[str, str, str, str, str]] = []
    with x_display() as display, tempfile.TemporaryDirectory() as data:
        runner = Runner(display, Path(data))
        print(f"display {display}; python {sys.version.split()[0]}; scenario {scenario}",
              flush=True)
        for size in sizes:
            name = f"{size[0]}×{size[1]}"
            game_starts: list[float] = []
            bare_starts: list[float] = []
            old_starts: list[float] = []
            titles: list[float] = []  # the title screen with its options, after the first
            launches = [(runner.game(size), game_starts), (runner.bare(size), bare_starts)]
            if before is not None:
                launches.append((runner.game(size, before), old_starts))
            for _ in range(runs):
                for command, starts in launches:
                    process, seconds_to_frame = runner.start(
                        command, titles if starts is game_starts else None)
                    runner.stop(process)
                    starts.append(seconds_to_frame * 1000)
            game_start, bare_start = statistics.median(game_starts), statistics.median(bare_starts)
            if old_starts:
                old_start = statistics.median(old_starts)
                rows.append((name, "(a) before: launch → first frame, median ms",
                             f"{old_start:.0f}", f"{bare_start:.0f}",
                             f"{old_start / bare_start:.2f}×"))
            rows.append((name, "(a) launch → first frame, median ms",
                         f"{game_start:.0f}", f"{bare_start:.0f}",
                         f"{game_start / bare_start:.2f}× (target ≤ 1.5×)"))
            title_start = statistics.median(titles) * 1000
            rows.append((name, "(a) launch → title with its options, median ms",
                         f"{title_start:.0f}", f"{bare_start:.0f}",
                         f"{title_start / bare_start:.2f}×"))
            print(f"{name} (a) game {[round(s) for s in game_starts]} "
                  f"bare {[round(s) for s in bare_starts]} "
                  f"before {[round(s) for s in old_starts]}", flush=True)
            if start_only:
                continue

            game_cpu = cpu_share(runner, runner.game(size), seconds)
            naive_cpu = cpu_share(runner, runner.bare(size, "--naive"), seconds)
            rows.append((name, f"(b) CPU, static screen, {seconds:.0f} s",
                         f"{game_cpu:.2f}%", f"{naive_cpu:.1f}% (naive 60/s)",
                         "target ≤ 1%"))
            print(f"{name} (b) game {game_cpu:.2f}% naive {naive_cpu:.1f}%", flush=True)

            moving = animated_frames(runner, display, size, scenario, presses)
            bare_all, bare_flip = bare_frames(runner, size, 4.0)
            ratio = statistics.median(moving) / statistics.median(bare_all)
            rows.append((name, f"(c) frame while the meter moves, median ms ({len(moving)} fr.)",
                         f"{statistics.median(moving):.2f}",
                         f"{statistics.median(bare_all):.2f}",
                         f"{ratio:.2f}× (target ≤ 1.2×)"))
            rows.append((name, "(c) frame while the meter moves, p95 ms",
                         f"{p95(moving):.2f}", f"{p95(bare_all):.2f}",
                         f"{p95(moving) / p95(bare_all):.2f}×"))
            rows.append((name, "    bare window: the flip alone, median / p95 ms", "",
                         f"{statistics.median(bare_flip):.2f} / {p95(bare_flip):.2f}", ""))
            print(f"{name} (c) done", flush=True)
    heads = ("size", "measure", "game", "bare window", "ratio")
    widths = [max(len(str(r[i])) for r in [heads, *rows]) for i in range(5)]
    print()
    for row in [heads, tuple("-" * w for w in widths), *rows]:
        print("  ".join(str(cell).ljust(w) for cell, w in zip(row, widths)).rstrip())


def _size(text: str) -> tuple[int, int]:
    width, height = (int(v) for v in text.lower().split("x"))
    return width, height


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="launches of each window for (a)")
    parser.add_argument("--cpu-seconds", type=float, default=10.0)
    parser.add_argument("--presses", type=int, default=8, help="choices pressed for (c)")
    parser.add_argument("--sizes", default="1280x720,1920x1080")
    parser.add_argument("--before", type=Path, help="an older copy of the game to launch too")
    parser.add_argument("--start-only", action="store_true", help="measure (a) alone")
    # Internal: the windows the harness starts.
    parser.add_argument("--bare", type=_size, help=argparse.SUPPRESS)
    parser.add_argument("--naive", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--frames", help=argparse.SUPPRESS)
    parser.add_argument("--seconds", type=float, default=0.0, help=argparse.SUPPRESS)
    parser.add_argument("--timed-game", nargs=3, metavar=("WxH", "SCENARIO", "OUT"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.bare:
        bare_window(args.bare, args.naive, args.frames, args.seconds)
    elif args.timed_game:
        size, scenario, out = args.timed_game
        timed_game(_size(size), scenario, out)
    else:
        measure([_size(s) for s in args.sizes.split(",")], args.runs, args.cpu_seconds,
                args.presses, args.before, args.start_only)


if __name__ == "__main__":
    main()
