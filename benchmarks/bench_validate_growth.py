"""How validate time grows with hostile input: it must grow in proportion, never with the square.

Three inputs, each doubled a few times within the 1 MiB file limit:

- a story of N broken steps (each a word instead of a mapping: one error per step),
- a story of N steps whose choices all lead to steps that do not exist (two errors,
  and a "did you mean" search, per step),
- a step text that is one unbroken word of N characters (cut across lines to count them).

Prints the median time of `load_pack` (what `validate` runs) for each size, and the
growth factor per doubling: about 2 is linear, about 4 would be quadratic.

    python benchmarks/bench_validate_growth.py [--runs 5]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from game.core.pack import load_pack  # noqa: E402
from game.core.yamlfile import MAX_FILE_BYTES  # noqa: E402
from tests.packtools import STORY_YAML, write_pack  # noqa: E402

HEAD = "kind: story\ntitle: t\nsummary: s\nsteps:\n"


def broken_steps(n: int) -> str:
    return HEAD + "".join(f"  s{i}: x\n" for i in range(n))


def broken_next(n: int) -> str:
    choice = "{{text: a, risk: 0, feedback: f, next: n{i}}}"
    return HEAD + "".join(
        f"  s{i}: {{text: t, choices: [{choice.format(i=i)}, {choice.format(i=i)}]}}\n"
        for i in range(n))


def long_word(n: int) -> str:
    return STORY_YAML.replace("A stranger offers a job abroad.", "x" * n)


CASES: list[tuple[str, Callable[[int], str], list[int]]] = [
    ("broken steps", broken_steps, [7_500, 15_000, 30_000, 60_000]),
    ("steps with a broken next", broken_next, [1_000, 2_000, 4_000, 8_000]),
    ("characters in one word", long_word, [125_000, 250_000, 500_000, 1_000_000]),
]


def once(folder: Path) -> float:
    started = time.perf_counter()
    result = load_pack(folder, "pack")
    elapsed = time.perf_counter() - started
    assert result.problems, "the hostile input must be reported"
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for label, make, sizes in CASES:
            folders: dict[int, Path] = {}
            for n in sizes:
                text = make(n)
                if len(text.encode("utf-8")) > MAX_FILE_BYTES:
                    print(f"{label:>26}: {n:>9,} skipped (over the 1 MiB file limit)")
                    continue
                folders[n] = write_pack(Path(tmp) / f"{label[:5]}-{n}", {"story.yaml": text})
            # Rounds over every size, so a busy moment on the machine hits all sizes alike.
            times: dict[int, list[float]] = {n: [] for n in folders}
            for _ in range(args.runs):
                for n, folder in folders.items():
                    times[n].append(once(folder))
            previous: float | None = None
            for n in folders:
                seconds = statistics.median(times[n])
                growth = f"  x{seconds / previous:4.2f} for x2 input" if previous else ""
                per = seconds / n * 1000
                print(f"{label:>26}: {n:>9,}  median {seconds:7.3f} s  ({per * 1000:6.1f} ms "
                      f"per 1,000){growth}")
                previous = seconds
            shutil.rmtree(Path(tmp), ignore_errors=True)
            Path(tmp).mkdir(exist_ok=True)


if __name__ == "__main__":
    main()
