"""The core never imports pygame: a pack loads and a story plays with pygame blocked."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

SCRIPT = """
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name == "pygame" or name.startswith("pygame."):
            raise ImportError("pygame is blocked in the core")
sys.meta_path.insert(0, Block())
from pathlib import Path
import importlib
# Every module of the core and of the commands, found on disk, not listed by hand.
for folder in ("game/core", "game/commands"):
    for path in sorted(Path(folder).rglob("*.py")):
        parts = list(path.with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        importlib.import_module(".".join(parts))
from game.core.pack import load_pack
from game.core.session import Session
result = load_pack(Path(sys.argv[1]))
session = Session(result.pack)
session.advance()
session.start_scenario("job-offer-istanbul")
assert session.choose(1)
core = [m for m in sys.modules if m.startswith("game.core.")]
assert len(core) >= 20, core
print("ok", len(result.pack.scenarios), "pygame" in sys.modules)
"""


def test_the_core_loads_and_plays_with_pygame_blocked() -> None:
    done = subprocess.run([sys.executable, "-c", SCRIPT, "tests/packs/format-example"],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok 2 False"


def test_validate_runs_with_pygame_blocked() -> None:
    script = SCRIPT.split("from pathlib")[0] + (
        "from game.cli import main\nsys.exit(main(['validate', 'tests/packs/format-example']))")
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "no problems" in done.stdout
