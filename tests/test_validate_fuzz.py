"""Random damage to valid packs never makes the validator raise: only its own problem reports."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.core.pack import load_pack
from game.core.problems import Problem, Severity

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "tests" / "packs" / "format-example"
FILES = sorted(p.name for p in EXAMPLE.glob("*.yaml"))
FUZZ = settings(max_examples=60, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])


def _fresh_pack(tmp_path: Path, name: str) -> Path:
    folder = tmp_path / name
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(EXAMPLE, folder)
    return folder


def _assert_only_problems(folder: Path) -> None:
    result = load_pack(folder, "pack")
    for problem in result.problems:
        assert isinstance(problem, Problem)
        assert problem.severity in (Severity.ERROR, Severity.WARNING)
        assert problem.line >= 0 and problem.col >= 0
        assert problem.message and "Traceback" not in problem.message
        assert problem.format().startswith("pack/")


@FUZZ
@given(file=st.sampled_from(FILES), data=st.data())
def test_truncated_files(tmp_path: Path, file: str, data: st.DataObject) -> None:
    folder = _fresh_pack(tmp_path, "truncated")
    raw = (folder / file).read_bytes()
    cut = data.draw(st.integers(0, len(raw)))
    (folder / file).write_bytes(raw[:cut])
    _assert_only_problems(folder)


@FUZZ
@given(file=st.sampled_from(FILES), junk=st.binary(min_size=1, max_size=40), data=st.data())
def test_random_bytes_inserted(tmp_path: Path, file: str, junk: bytes,
                               data: st.DataObject) -> None:
    folder = _fresh_pack(tmp_path, "bytes")
    raw = (folder / file).read_bytes()
    at = data.draw(st.integers(0, len(raw)))
    (folder / file).write_bytes(raw[:at] + junk + raw[at:])
    _assert_only_problems(folder)


@FUZZ
@given(file=st.sampled_from(FILES), text=st.text(max_size=300))
def test_random_text_as_a_file(tmp_path: Path, file: str, text: str) -> None:
    folder = _fresh_pack(tmp_path, "text")
    (folder / file).write_text(text, encoding="utf-8")
    _assert_only_problems(folder)


YAML_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner,
                                                                max_size=3),
    max_leaves=8)


def _paths(value: Any, here: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [here]
    if isinstance(value, dict):
        for key, sub in value.items():
            found += _paths(sub, (*here, key))
    elif isinstance(value, list):
        for i, sub in enumerate(value):
            found += _paths(sub, (*here, i))
    return found


@FUZZ
@given(file=st.sampled_from(FILES), data=st.data(), replacement=YAML_VALUES,
       delete=st.booleans())
def test_deleted_keys_and_swapped_types(tmp_path: Path, file: str, data: st.DataObject,
                                        replacement: Any, delete: bool) -> None:
    folder = _fresh_pack(tmp_path, "mutated")
    tree = yaml.load((folder / file).read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    path = data.draw(st.sampled_from(_paths(tree)[1:]))
    parent = tree
    for key in path[:-1]:
        parent = parent[key]
    if delete:
        del parent[path[-1]]
    else:
        parent[path[-1]] = replacement
    (folder / file).write_text(yaml.safe_dump(tree, allow_unicode=True), encoding="utf-8")
    _assert_only_problems(folder)


@FUZZ
@given(yaml_text=st.lists(st.sampled_from([
    "a: &x [1, 2]", "b: *x", "c: !!python/object:os.system x", "d: {e: f, g}", "- h",
    "  i: j", "k: |", "  l", "<<: *x", "m: !custom n", "o: 'p", "q: [r, {s: t}]",
    "kind: story", "kind: cards", "steps: {}", "cards: []", "title: ~", "? complex",
    "--- ", "...", "\t tab: x", "risk: 1e400", "risk: .nan",
]), max_size=12))
def test_random_yaml_documents(tmp_path: Path, yaml_text: list[str]) -> None:
    folder = _fresh_pack(tmp_path, "yaml")
    (folder / "job-offer-istanbul.yaml").write_text("\n".join(yaml_text), encoding="utf-8")
    (folder / "pack.yaml").write_text("\n".join(reversed(yaml_text)) + "\n" +
                                      (EXAMPLE / "pack.yaml").read_text(encoding="utf-8"),
                                      encoding="utf-8")
    _assert_only_problems(folder)
