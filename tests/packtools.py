"""Helpers to write small packs for tests, with exact line numbers under control."""

from __future__ import annotations

import textwrap
from pathlib import Path

from game.core.pack import LoadResult, load_pack
from game.core.problems import Problem

PACK_HEAD = """\
title: Test pack
languages: [en]
risk_scale:
  - label: Safe
  - label: Some risk
  - label: High risk
  - label: Danger
"""
"""pack.yaml without help contacts, for tests that write their own."""

PACK_YAML = PACK_HEAD + """\
help:
  - name: Hotline
    contact: "+993 12 000000"
"""
"""A clean pack.yaml: validate warns when no help contact has a phone number."""

SIGNS_YAML = """\
passport-kept:
  title: Someone keeps your passport
  explanation: Without it you cannot leave.
  advice: Never hand it over.
  indicator: retention-of-identity-documents
"""

STORY_YAML = """\
kind: story
title: A job offer
summary: Aýna gets a message
steps:
  offer:
    text: A stranger offers a job abroad.
    choices:
      - text: Send the passport
        risk: 3
        signs: [passport-kept]
        feedback: Sharing documents gives power away.
        next: harmed
      - text: Check the agency
        risk: 0
        feedback: Good.
        next: home-safe
  home-safe:
    text: Safe at home.
    outcome: safe
  harmed:
    text: Harmed. The hotline can help.
    outcome: harmed
"""


def write_pack(folder: Path, files: dict[str, str | bytes | None]) -> Path:
    """Write a pack: the defaults above, overridden by `files` (None removes a default)."""
    contents: dict[str, str | bytes | None] = {
        "pack.yaml": PACK_YAML,
        "warning-signs.yaml": SIGNS_YAML,
        "story.yaml": STORY_YAML,
    }
    contents.update(files)
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in contents.items():
        if content is None:
            continue
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content), encoding="utf-8")
    return folder


def load(folder: Path) -> LoadResult:
    return load_pack(folder, "pack")


def find(result: LoadResult, path: str, *words: str, severity: str | None = None) -> Problem:
    """The one problem in `path` whose message holds every word; fails listing all problems."""
    for problem in result.problems:
        if problem.path != f"pack/{path}":
            continue
        if severity is not None and problem.severity.value != severity:
            continue
        if all(w in problem.message for w in words):
            return problem
    listing = "\n".join(p.format() for p in result.problems) or "(no problems)"
    raise AssertionError(f"no problem in {path} with {words!r}; got:\n{listing}")
