"""Validate a pack of 1000 scenarios versus only parsing its files with yaml.CSafeLoader.

Both run as whole processes, alternating, so start-up costs count on both sides.
Prints the median of each and their ratio (target: validate <= 1.5 x the bare parse).

    python benchmarks/bench_validate.py [--scenarios 1000] [--pairs 5]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "scenarios"
FALLBACK = ROOT / "tests" / "packs" / "format-example"

PARSE_ONLY = """
import sys, yaml
from pathlib import Path
for path in sorted(Path(sys.argv[1]).glob("*.yaml")):
    yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
"""


def make_pack(target: Path, count: int) -> None:
    """A pack of `count` scenarios: copies of the default pack's stories and decks."""
    source = SOURCE if (SOURCE / "pack.yaml").is_file() else FALLBACK
    scenarios = sorted(p for p in source.glob("*.yaml")
                       if p.name not in ("pack.yaml", "warning-signs.yaml"))
    target.mkdir(parents=True)
    info = yaml.load((source / "pack.yaml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    info.pop("scenarios", None)  # the copies are listed by nobody: menu order is alphabetical
    (target / "pack.yaml").write_text(yaml.safe_dump(info, allow_unicode=True), encoding="utf-8")
    shutil.copy(source / "warning-signs.yaml", target / "warning-signs.yaml")
    if (source / "images").is_dir():
        shutil.copytree(source / "images", target / "images")
    for i in range(count):
        original = scenarios[i % len(scenarios)]
        shutil.copy(original, target / f"{original.stem}-{i:04d}.yaml")


def timed(command: list[str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if done.returncode not in (0, 1) or done.stderr.strip():
        raise SystemExit(f"{command} failed:\n{done.stderr}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scenarios", type=int, default=1000)
    parser.add_argument("--pairs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        pack = Path(tmp) / "pack"
        make_pack(pack, args.scenarios)
        size = sum(p.stat().st_size for p in pack.glob("*.yaml"))
        validate = [sys.executable, "main.py", "validate", str(pack)]
        parse = [sys.executable, "-c", PARSE_ONLY, str(pack)]
        timed(validate)  # warm the file cache and bytecode once
        validate_times, parse_times = [], []
        for _ in range(args.pairs):
            parse_times.append(timed(parse))
            validate_times.append(timed(validate))
        v, p = statistics.median(validate_times), statistics.median(parse_times)
        print(f"pack: {args.scenarios} scenarios, {size / 1e6:.1f} MB of YAML")
        print(f"bare CSafeLoader parse : median {p:.3f} s over {args.pairs} runs")
        print(f"validate               : median {v:.3f} s over {args.pairs} runs")
        print(f"ratio validate / parse : {v / p:.2f} (target <= 1.5)")


if __name__ == "__main__":
    main()
