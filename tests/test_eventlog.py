"""The session log: every event on disk at once, damage skipped, a bad disk never fatal."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from session_sample import START, fixed_clock, sample_commands

from game.core.eventlog import (
    EventLog,
    default_data_dir,
    latest_log,
    read_log,
    session_logs,
    unfinished_session,
)

TZ = timezone(timedelta(hours=5))


def write_log(data_dir: Path, when: datetime, commands: list[dict[str, Any]]) -> Path:
    """A log written by EventLog, every event at `when`."""
    log = EventLog(data_dir, clock=lambda: when)
    for command in commands:
        log.record(command)
    log.close()
    assert log.path is not None
    return log.path


def start_event(title: str = "Degrees of Risk") -> dict[str, Any]:
    return {"type": "session_start", "pack": "scenarios", "pack_title": title,
            "language": "en", "languages": ["en"], "participants": None, "teams": [],
            "place": None}


def test_each_event_is_on_disk_fsynced_when_append_returns(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    synced: list[int] = []
    real_fsync = os.fsync

    def counting_fsync(fd: int) -> None:
        synced.append(fd)
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", counting_fsync)
    log = EventLog(tmp_path, clock=fixed_clock([START, START + timedelta(seconds=5)]))
    first = log.append("session_start", pack="p", pack_title="T", language="en",
                       languages=["en"], participants=12, teams=["A"], place=None)
    assert log.path is not None
    assert log.path.parent == tmp_path / "sessions"
    assert re.fullmatch(r"20240514-100000-[0-9a-f]{6}\.jsonl", log.path.name)
    # Read back while the file is still open: what a power cut right now would leave.
    assert read_log(log.path).events == [first]
    file_syncs = len(synced)
    assert file_syncs >= 1

    second = log.append("choice", scenario="s", step="a", choice=2, degree=1, label="Some risk",
                        next="b", signs=["x"])
    assert len(synced) > file_syncs
    lines = log.path.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == [first, second]
    assert second == {"v": 1, "t": "2024-05-14T10:00:05+05:00", "type": "choice",
                      "scenario": "s", "step": "a", "choice": 2, "degree": 1,
                      "label": "Some risk", "next": "b", "signs": ["x"]}
    assert log.events == [first, second]
    assert log.warning is None and not log.memory_only
    log.close()


def test_local_time_has_an_offset_and_names_the_file(tmp_path: Path) -> None:
    with EventLog(tmp_path) as log:
        event = log.append("menu")
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", event["t"])
    assert log.path is not None and log.path.name.startswith(
        datetime.fromisoformat(event["t"]).strftime("%Y%m%d-%H%M%S"))


def test_record_takes_the_sessions_sink_shape_and_odd_values_become_text(tmp_path: Path) -> None:
    log = EventLog(tmp_path, clock=lambda: START)
    log.record({"type": "session_start", "pack": Path("scenarios"), "pack_title": "Степени",
                "teams": ["Türkmen"]})
    log.close()
    assert log.path is not None
    assert "Степени" in log.path.read_text(encoding="utf-8")  # UTF-8, not \u escapes
    (event,) = read_log(log.path).events
    assert event["pack"] == "scenarios" and event["type"] == "session_start"


def test_reserved_field_names_are_a_programming_error() -> None:
    log = EventLog(None)
    with pytest.raises(ValueError, match="type"):
        log.append("menu", type="x")


def test_torn_last_line_is_skipped_and_counted(tmp_path: Path) -> None:
    path = write_log(tmp_path, START, [start_event(), {"type": "menu"}])
    with open(path, "ab") as handle:
        handle.write(b'{"v":1,"t":"2024-05-14T10:00:00+05:00","type":"cho')  # power cut
    read = read_log(path)
    assert [e["type"] for e in read.events] == ["session_start", "menu"]
    assert read.skipped_lines == 1


def test_corrupt_lines_anywhere_are_skipped_and_counted(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    good = json.dumps({"v": 1, "t": "2024-05-14T10:00:00+05:00", "type": "menu"})
    path.write_bytes("\n".join([
        good,
        "not json",
        '["a list"]',
        '{"v": 1, "t": "x"}',              # no type
        '{"v": 2, "type": "menu"}',        # a future format
        "",                                # blank lines are not damage
        good,
    ]).encode() + b"\n\xff\xfe\n")
    read = read_log(path)
    assert len(read.events) == 2
    assert read.skipped_lines == 5


def test_resume_goes_on_after_a_torn_line_without_gluing_to_it(tmp_path: Path) -> None:
    path = write_log(tmp_path, START, [start_event(), {"type": "menu"}])
    with open(path, "ab") as handle:
        handle.write(b'{"v":1,"type":"adv')
    log = EventLog.resume(path, clock=lambda: START)
    assert [e["type"] for e in log.events] == ["session_start", "menu"]
    log.append("advance", screen="menu")
    log.close()
    read = read_log(path)
    assert [e["type"] for e in read.events] == ["session_start", "menu", "advance"]
    assert read.skipped_lines == 1
    assert log.path == path and log.warning is None


def test_unwritable_data_folder_keeps_the_session_in_memory_and_warns_once(
        tmp_path: Path) -> None:
    blocker = tmp_path / "file.txt"
    blocker.write_text("a file where a folder should be")
    data_dir = blocker / "sub"  # cannot be created, even by root
    log = EventLog(data_dir)
    first = log.append("session_start", pack="p", pack_title="T")
    second = log.append("menu")
    assert log.events == [first, second]
    assert log.memory_only and log.path is None
    assert log.warning is not None and "memory only" in log.warning
    assert log.take_warning() == log.warning
    assert log.take_warning() is None  # shown once
    assert not (tmp_path / "sessions").exists()


def test_a_failing_write_mid_session_is_not_fatal(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    log = EventLog(tmp_path, clock=lambda: START)
    log.append("session_start", pack="p", pack_title="T")

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    log.append("menu")
    monkeypatch.undo()
    log.append("advance", screen="menu")
    assert [e["type"] for e in log.events] == ["session_start", "menu", "advance"]
    assert log.memory_only
    assert log.warning is not None and "No space left on device" in log.warning
    assert log.path is not None
    # What reached the disk before the failure is still a readable log.
    assert read_log(log.path).events[0]["type"] == "session_start"


def test_memory_only_log_without_a_folder_has_no_warning() -> None:
    log = EventLog(None)
    log.append("menu")
    assert log.memory_only and log.warning is None and log.take_warning() is None


def test_unfinished_session_is_offered_with_title_and_start(tmp_path: Path) -> None:
    when = datetime(2024, 5, 14, 14, 5, 0, tzinfo=TZ)
    path = write_log(tmp_path, when, sample_commands(pack_title="Степени риска", end=False))
    info = unfinished_session(tmp_path)
    assert info is not None
    assert info.path == path
    assert info.pack_title == "Степени риска"
    assert info.pack == "tests/packs/format-example"
    assert info.language == "en"
    assert info.started == when
    assert info.events[-1]["type"] == "advance" and not info.ended_cleanly


def test_a_clean_session_is_not_offered(tmp_path: Path) -> None:
    write_log(tmp_path, START, sample_commands(end=True))
    assert unfinished_session(tmp_path) is None
    assert latest_log(tmp_path) is not None


def test_only_the_newest_session_is_offered(tmp_path: Path) -> None:
    write_log(tmp_path, START, sample_commands(end=False))  # crashed yesterday
    write_log(tmp_path, START + timedelta(days=1), sample_commands(end=True))
    assert unfinished_session(tmp_path) is None


def test_foreign_and_corrupt_files_are_ignored(tmp_path: Path) -> None:
    crashed = write_log(tmp_path, START, sample_commands(end=False))
    sessions = tmp_path / "sessions"
    (sessions / "notes.txt").write_text("hello")
    (sessions / "backup.jsonl").write_text(json.dumps(start_event()) + "\n")
    (sessions / "20990101-000000-abcdef.jsonl").write_bytes(b"\x00\xff garbage \n")
    (sessions / "20990101-000001-abcdef.jsonl").mkdir()
    (sessions / "20990101-000002-abcdef.jsonl").write_bytes(b"")
    (tmp_path / "reports").mkdir()
    assert latest_log(tmp_path) == crashed
    info = unfinished_session(tmp_path)
    assert info is not None and info.path == crashed


def test_missing_or_odd_data_folders_find_nothing(tmp_path: Path) -> None:
    assert unfinished_session(tmp_path / "nothing") is None
    assert latest_log(tmp_path / "nothing") is None
    blocker = tmp_path / "file.txt"
    blocker.write_text("x")
    assert unfinished_session(blocker) is None
    assert session_logs(blocker) == []


def test_latest_log_is_the_newest_by_start_time(tmp_path: Path) -> None:
    older = write_log(tmp_path, START, sample_commands())
    newer = write_log(tmp_path, START + timedelta(hours=3), sample_commands())
    assert latest_log(tmp_path) == newer
    assert session_logs(tmp_path) == [newer, older]
    # The sessions folder itself may be given too.
    assert latest_log(tmp_path / "sessions") == newer


def test_default_data_dir_is_the_users_own() -> None:
    assert default_data_dir().name == "degrees-of-risk"


def test_core_modules_never_import_pygame() -> None:
    code = ("import sys; sys.modules['pygame'] = None\n"
            "import game.core.eventlog, game.core.report, game.core.handout\n"
            "import game.commands.report, game.commands.handout\n")
    root = Path(__file__).resolve().parents[1]
    result = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0, result.stderr
