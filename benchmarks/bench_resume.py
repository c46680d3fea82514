"""How long a resume takes as a log grows: 1,000, 10,000 and 100,000 events.

A resume reads the log (each line checked against the event vocabulary) and replays it
through a fresh Session. Both must grow linearly with the log: the time per event should
stay about the same from the smallest log to the largest. (Before the scenarios finished
were shared between undo snapshots, a 16 MB log took 32 s and a 100 MB one never ended.)
Run: `python benchmarks/bench_resume.py [--sizes 1000,10000,100000] [--repeat 3]`.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from game.core.eventlog import EventLog, read_log
from game.core.pack import Pack, load_pack
from game.core.resume import rebuilt_session
from game.core.session import ScreenKind, Session

PACK = Path(__file__).resolve().parents[1] / "tests" / "packs" / "format-example"


def session_events(pack: Pack, count: int) -> list[dict[str, object]]:
    """At least `count` events of a long session: the story and the deck, over and over."""
    log = EventLog(None)
    session = Session(pack, teams=["Lions", "Tigers", "Eagles"], sink=log.record)
    session.begin()
    session.advance()
    ids = session.scenario_ids
    n = 0
    while len(log.events) < count:
        session.start_scenario(ids[n % len(ids)])
        n += 1
        while session.screen is not ScreenKind.MENU:
            if session.screen is ScreenKind.STEP:
                session.choose(n % 2)
            elif session.screen is ScreenKind.CARD:
                for team in range(3):
                    session.rate((n + team) % 4)
            else:
                session.advance()
    return log.events[:count]


def measure(path: Path, pack: Pack, repeat: int) -> float:
    """Median seconds to read the log at `path` and rebuild its session."""
    times = []
    for _ in range(repeat):
        begin = time.perf_counter()
        read = read_log(path)
        session = rebuilt_session(pack, read.events)
        times.append(time.perf_counter() - begin)
        assert session.screen is not ScreenKind.TITLE
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    result = load_pack(PACK)
    assert result.pack is not None
    pack = result.pack
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"{'events':>8} {'MB':>7} {'resume s':>9} {'µs/event':>9}")
    first: float | None = None
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            path = Path(folder) / f"log-{size}.jsonl"
            lines = (json.dumps(e, ensure_ascii=False, separators=(",", ":"))
                     for e in session_events(pack, size))
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
            seconds = measure(path, pack, args.repeat)
            per_event = seconds / size * 1e6
            first = first or per_event
            print(f"{size:>8} {path.stat().st_size / 1e6:>7.1f} {seconds:>9.3f} "
                  f"{per_event:>9.1f}   ×{per_event / first:.2f} per event vs the smallest")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
