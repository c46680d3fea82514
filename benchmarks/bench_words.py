"""What the words catalogue and the printed documents cost, side by side in one run.

The screens ask for their words on every frame: `say` (one YAML file per language, a
fallback chain) is timed against a plain dict lookup, the way the words were kept
before. The report, the handout and the guide are rendered from their templates for
the default pack in each language. Medians of several runs; `python
benchmarks/bench_words.py`.
"""

from __future__ import annotations

import statistics
import sys
import time
import timeit
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from game.core.catalogue import say  # noqa: E402
from game.core.guide import render_guide  # noqa: E402
from game.core.handout import render_handout  # noqa: E402
from game.core.pack import load_pack  # noqa: E402
from game.core.report import build_report, render_html  # noqa: E402

FRAME_US = 1e6 / 60
CALLS_PER_FRAME = 60  # a busy screen (the help overlay) asks for about this many words


def per_call_us(function: object, number: int = 20000) -> float:
    """Median microseconds per call over 7 runs."""
    runs = timeit.repeat(function, number=number, repeat=7)  # type: ignore[arg-type]
    return statistics.median(runs) / number * 1e6


def median_ms(function: object, runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        begin = time.perf_counter()
        function()  # type: ignore[operator]
        times.append((time.perf_counter() - begin) * 1000)
    return statistics.median(times)


def main() -> None:
    english = {"start": "Press Enter to start", "points": "{n} points"}

    def dict_say() -> str:
        return english.get("start") or ""

    say("start", "ru")  # the file is read once, on the first word
    words = per_call_us(lambda: say("start", "ru"))
    region = per_call_us(lambda: say("start", "ru-RU"))
    plural = per_call_us(lambda: say("points", "ru", n=3))
    plain = per_call_us(dict_say)
    print(f"say(key, 'ru'):        {words:6.2f} us  ({words / plain:4.1f}x a dict lookup, "
          f"{plain:.2f} us)")
    print(f"say(key, 'ru-RU'):     {region:6.2f} us  (the fallback chain)")
    print(f"say(key, 'ru', n=3):   {plural:6.2f} us  (a plural form)")
    print(f"{CALLS_PER_FRAME} words a frame:    {CALLS_PER_FRAME * region / FRAME_US:6.2%} "
          f"of a 60 Hz frame")

    pack = load_pack(ROOT / "scenarios").pack
    assert pack is not None
    from session_sample import sample_events

    events = sample_events()
    for lang in pack.languages:
        report = median_ms(lambda lang=lang: render_html(build_report(events, pack=pack,
                                                                      lang=lang)))
        handout = median_ms(lambda lang=lang: render_handout(pack, lang))
        guide = median_ms(lambda lang=lang: render_guide(pack, lang), runs=5)
        print(f"{lang}: report {report:6.1f} ms · handout {handout:6.1f} ms · "
              f"guide {guide:6.1f} ms")


if __name__ == "__main__":
    main()
