"""How long one logged event costs (write + flush + fsync), against a 60 Hz frame.

The game logs every command before the screen moves on, so the worst event must
fit in a frame (16.7 ms) or the room sees a stutter. Run on the laptop of the
event, on its own disk: `python benchmarks/bench_eventlog.py [--events N] [--dir D]`.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from game.core.eventlog import EventLog

FRAME_MS = 1000 / 60


def measure(data_dir: Path, count: int) -> tuple[float, list[float]]:
    """Milliseconds for the first event (it creates the file) and per append for `count`
    typical events after it, each fsynced."""
    log = EventLog(data_dir)
    begin = time.perf_counter()
    log.append("session_start", pack="scenarios", pack_title="Степени риска", language="ru",
               languages=["en", "ru", "tk"], participants=30, teams=["A", "B", "C"],
               place=None)
    first = (time.perf_counter() - begin) * 1000
    times: list[float] = []
    for i in range(count):
        begin = time.perf_counter()
        log.append("rating", scenario="cards-before-you-go", card=i % 12 + 1, team=i % 3,
                   team_name="ABC"[i % 3], degree=i % 4)
        times.append((time.perf_counter() - begin) * 1000)
    log.close()
    if log.warning:
        raise SystemExit(f"the log could not be written: {log.warning}")
    return first, times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1000)
    parser.add_argument("--dir", help="data folder to write in (default: a temporary one)")
    args = parser.parse_args()
    if args.dir:
        first, times = measure(Path(args.dir), args.events)
    else:
        with tempfile.TemporaryDirectory() as folder:
            first, times = measure(Path(folder), args.events)
    median, worst = statistics.median(times), max(times)
    p99 = statistics.quantiles(times, n=100)[98] if len(times) >= 100 else worst
    print(f"{len(times)} events, each written, flushed and fsynced")
    print(f"median {median:.3f} ms   p99 {p99:.3f} ms   worst {worst:.3f} ms   "
          f"(60 Hz frame budget {FRAME_MS:.1f} ms)")
    print(f"first event (creates the file): {first:.3f} ms")
    print(f"worst under one frame: {'yes' if max(worst, first) < FRAME_MS else 'NO'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
