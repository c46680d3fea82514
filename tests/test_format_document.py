"""docs/pack-format.md's own examples, put together, are a pack that validates with --strict.

Each YAML example that is a whole file says so on its first line (`# pack.yaml`); the test
writes those files into a folder, adds the pictures they name, and runs `validate --strict`.
An example that contradicts another (a sign the glossary lacks, a scenario list naming a
sign) fails here, at the document's line.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from game.cli import main
from game.core.pack import load_pack
from tests import picturefiles

DOCUMENT = Path(__file__).resolve().parents[1] / "docs" / "pack-format.md"
_FILE_LINE = re.compile(r"# ([a-z0-9-]+\.yaml)")


def examples() -> list[tuple[int, str]]:
    """Every ```yaml block of the document: the line it starts on, and its text."""
    blocks, current, start = [], None, 0
    for number, line in enumerate(DOCUMENT.read_text(encoding="utf-8").splitlines(), 1):
        if current is None and line.startswith("```yaml"):
            current, start = [], number + 1
        elif current is not None and line.startswith("```"):
            blocks.append((start, "\n".join(current) + "\n"))
            current = None
        elif current is not None:
            current.append(line)
    return blocks


def build(folder: Path) -> dict[str, int]:
    """The document's whole-file examples written into `folder`: file name -> its line."""
    written: dict[str, int] = {}
    for line, text in examples():
        match = _FILE_LINE.fullmatch(text.split("\n", 1)[0])
        if match is None:
            continue
        name = match.group(1)
        assert name not in written, f"{name} is given twice (lines {written[name]}, {line})"
        (folder / name).write_text(text, encoding="utf-8")
        written[name] = line
        for image in re.findall(r"image: (\S+)", text):
            (folder / image).parent.mkdir(parents=True, exist_ok=True)
            (folder / image).write_bytes(picturefiles.png(64, 48))
    return written


def test_the_documents_examples_form_a_pack_valid_under_strict(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    written = build(tmp_path)
    assert set(written) == {"pack.yaml", "warning-signs.yaml", "job-offer-istanbul.yaml",
                            "safe-or-risky.yaml"}
    assert main(["validate", "--strict", str(tmp_path)]) == 0, capsys.readouterr().out
    assert capsys.readouterr().out.strip() == "ok: 2 scenarios in 4 files, no problems"
    pack = load_pack(tmp_path).pack
    assert pack is not None and list(pack.scenarios) == ["job-offer-istanbul", "safe-or-risky"]
    assert sorted(pack.signs) == ["passport-kept", "unknown-recruiter"]


def test_every_other_example_is_yaml_that_parses() -> None:
    # The examples that are not whole files (the forms of a text) still parse; the one of
    # texts shows `title:` three ways, so it is read as a stream of its lines' forms.
    others = [(line, text) for line, text in examples()
              if not _FILE_LINE.fullmatch(text.split("\n", 1)[0])]
    assert others
    for line, text in others:
        for chunk in re.split(r"\n(?=title:)", text):
            assert isinstance(yaml.safe_load(chunk), dict), (line, chunk)
