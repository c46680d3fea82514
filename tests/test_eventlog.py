"""The session log: every event on disk at once, damage skipped, a bad disk never fatal."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from flaky_disk import FlakyDisk, disk_fixture  # noqa: F401 - the disk fixture
from session_sample import START, fixed_clock, sample_commands

from game.cli import main
from game.core import eventlog
from game.core.eventlog import (
    DataFolder,
    EventLog,
    LogNotice,
    choose_data_dir,
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
    assert second == {"v": 2, "t": "2024-05-14T10:00:05+05:00", "seq": 2, "type": "choice",
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
        '{"v": 3, "type": "menu"}',        # a future format
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


def kinds(notices: list[LogNotice]) -> list[str]:
    return [n.key for n in notices]


def test_a_full_disk_is_written_out_whole_when_space_returns(tmp_path: Path,
                                                             disk: FlakyDisk) -> None:
    log = EventLog(tmp_path, clock=lambda: START)
    log.append("session_start", pack="p", pack_title="T")
    assert log.path is not None
    disk.full = 2
    log.append("scenario_start", scenario="s", kind="story", title="S", step=None)
    assert log.memory_only
    log.append("choice", scenario="s", step="a", choice=1, degree=0)  # tried again: still full
    assert disk.refused == 2 and disk.full == 0
    # What a crash now would leave: the start and one torn line (cut back before each try).
    on_disk = read_log(log.path)
    assert [e["type"] for e in on_disk.events] == ["session_start"]
    assert on_disk.skipped_lines == 1
    (lost,) = log.take_notices()
    assert lost.key == "log_not_saved" and lost.name == log.path.name
    assert "No space left on device" in lost.text and "memory only" in lost.text

    log.append("advance", screen="feedback")  # space is back: everything goes out
    assert not log.memory_only and log.warning is None
    read = read_log(log.path)
    assert read.events == log.events and read.skipped_lines == 0
    assert len(log.path.read_bytes().splitlines()) == 4
    (back,) = log.take_notices()
    assert back.key == "log_saved_again" and back.name == log.path.name
    assert str(log.path) in back.text
    log.close()


def test_a_disk_that_stays_full_warns_once_and_keeps_every_event(tmp_path: Path,
                                                                 disk: FlakyDisk) -> None:
    log = EventLog(tmp_path, clock=lambda: START)
    log.append("session_start", pack="p", pack_title="T")
    disk.full = 1000
    for _ in range(5):
        log.append("menu")
    assert disk.refused == 5  # every event tried the disk again
    assert len(log.events) == 6 and log.memory_only
    assert kinds(log.take_notices()) == ["log_not_saved"]
    assert log.take_notices() == []
    assert log.warning is not None and "memory only" in log.warning


def test_the_last_events_go_out_at_close_when_space_is_back(tmp_path: Path,
                                                            disk: FlakyDisk) -> None:
    log = EventLog(tmp_path, clock=lambda: START)
    log.append("session_start", pack="p", pack_title="T")
    disk.full = 1
    log.append("session_end", duration_s=60, team_scores={}, scenarios=[])
    assert log.path is not None and not read_log(log.path).ended_cleanly
    log.close()  # the game is quit: one more try
    read = read_log(log.path)
    assert read.ended_cleanly and read.skipped_lines == 0 and read.events == log.events


def test_a_failing_fsync_mid_session_is_not_fatal(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    log = EventLog(tmp_path, clock=lambda: START)
    log.append("session_start", pack="p", pack_title="T")

    def disk_full(fd: int) -> None:  # delayed allocation: the write took it, fsync refuses
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    log.append("menu")
    assert log.memory_only
    assert log.warning is not None and "No space left on device" in log.warning
    monkeypatch.undo()
    log.append("advance", screen="menu")
    assert [e["type"] for e in log.events] == ["session_start", "menu", "advance"]
    assert not log.memory_only
    assert log.path is not None and read_log(log.path).events == log.events
    assert kinds(log.take_notices()) == ["log_not_saved", "log_saved_again"]


def test_a_folder_that_could_not_be_made_is_made_when_it_can(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("a file where the data folder should be")
    log = EventLog(blocker, clock=lambda: START)
    log.append("session_start", pack="p", pack_title="T")
    assert log.memory_only and log.path is None
    blocker.unlink()  # the facilitator moves the file away
    log.append("menu")
    assert log.path is not None and log.path.parent == blocker / "sessions"
    assert read_log(log.path).events == log.events
    assert kinds(log.take_notices()) == ["log_not_saved", "log_saved_again"]


def test_a_torn_log_resumed_on_a_full_disk_gets_its_newline_when_space_returns(
        tmp_path: Path, disk: FlakyDisk) -> None:
    path = write_log(tmp_path, START, [start_event(), {"type": "menu"}])
    with open(path, "ab") as handle:
        handle.write(b'{"v":1,"type":"adv')  # the power cut
    disk.full = 1
    log = EventLog.resume(path, clock=lambda: START)
    log.append("advance", screen="menu")
    assert log.memory_only
    log.append("menu")
    read = read_log(path)
    assert [e["type"] for e in read.events] == ["session_start", "menu", "advance", "menu"]
    assert read.skipped_lines == 1  # the torn fragment alone, nothing glued to it
    log.close()


# ------------------------------------------------- the log deleted while playing


@pytest.mark.parametrize("gone", ["file", "sessions folder", "data folder"])
def test_a_log_deleted_while_playing_is_written_again_from_memory(tmp_path: Path,
                                                                  gone: str) -> None:
    data = tmp_path / "data"
    log = EventLog(data, clock=lambda: START)
    log.append("session_start", pack="p", pack_title="T")
    log.append("menu")
    path = log.path
    assert path is not None
    if gone == "file":
        path.unlink()
    else:
        shutil.rmtree(path.parent if gone == "sessions folder" else data)
    log.append("advance", screen="menu")
    assert log.path == path  # the same name: the report and a resume find it as before
    read = read_log(path)
    assert read.events == log.events and read.skipped_lines == 0
    (notice,) = log.take_notices()
    assert notice.key == "log_recreated" and notice.name == path.name
    assert "deleted" in notice.text and str(path) in notice.text
    assert unfinished_session(data) is not None


def test_another_file_put_under_the_logs_name_is_left_alone(tmp_path: Path) -> None:
    log = EventLog(tmp_path, clock=lambda: START)
    log.append("session_start", pack="p", pack_title="T")
    old = log.path
    assert old is not None
    copy = old.read_bytes()
    old.unlink()
    old.write_bytes(copy)  # an older copy put back by hand: not this log's file any more
    log.append("menu")
    assert old.read_bytes() == copy
    assert log.path is not None and log.path != old and log.path.parent == old.parent
    assert read_log(log.path).events == log.events
    assert kinds(log.take_notices()) == ["log_recreated"]


def test_a_log_deleted_where_nothing_can_be_written_waits_in_memory(tmp_path: Path) -> None:
    data = tmp_path / "data"
    log = EventLog(data, clock=lambda: START)
    log.append("session_start", pack="p", pack_title="T")
    path = log.path
    assert path is not None
    shutil.rmtree(data)
    data.write_text("a file where the data folder was")
    log.append("menu")
    assert log.memory_only and kinds(log.take_notices()) == ["log_not_saved"]
    data.unlink()
    log.append("advance", screen="menu")
    assert log.path == path and read_log(path).events == log.events
    assert kinds(log.take_notices()) == ["log_recreated"]


def test_a_resumed_log_deleted_is_written_again_with_its_events(tmp_path: Path) -> None:
    path = write_log(tmp_path, START, [start_event(), {"type": "menu"}])
    log = EventLog.resume(path, clock=lambda: START)
    path.unlink()
    log.append("advance", screen="menu")
    log.close()
    assert [e["type"] for e in read_log(path).events] == ["session_start", "menu", "advance"]


# ----------------------------------------------------------- reports kept


def test_a_report_another_run_wrote_is_kept_and_this_one_gets_a_new_name(
        tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    reports.mkdir()
    earlier = reports / "20240514-100000-abcdef.html"
    earlier.write_text("the complete report")
    log = EventLog(tmp_path)
    target = log.report_target(earlier)
    assert target == reports / "20240514-100000-abcdef-2.html"
    (notice,) = log.take_notices()
    assert notice.key == "report_kept" and notice.name == earlier.name
    assert str(earlier) in notice.text and str(target) in notice.text
    target.write_text("this run's report")
    # Ending again in the same run replaces this run's own report, and says nothing new.
    assert log.report_target(earlier) == target and log.take_notices() == []
    # A third run finds both, and keeps both.
    assert EventLog(tmp_path).report_target(earlier) == reports / "20240514-100000-abcdef-3.html"
    assert earlier.read_text() == "the complete report"


def test_a_report_with_only_its_csv_left_is_kept_too(tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    out.with_suffix(".csv").write_text("a;b")
    assert EventLog(tmp_path).report_target(out) == tmp_path / "r-2.html"
    assert EventLog(tmp_path).report_target(tmp_path / "new.html") == tmp_path / "new.html"


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


# ------------------------------------------------------------ damaged lines


def test_a_deeply_nested_line_is_skipped_and_the_session_still_offered(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_log(tmp_path, START, sample_commands(end=False))
    with open(path, "ab") as handle:
        # Deeper than the JSON parser's own limit (RecursionError) and deeper than the log's.
        handle.write(b'{"v":1,"type":"menu","x":' + b"[" * 200_000 + b"]" * 200_000 + b"}\n")
        handle.write(b'{"v":1,"type":"menu","x":' + b"[" * 40 + b"]" * 40 + b"}\n")
        handle.write(b'[' * 200_000 + b"\n")
    read = read_log(path)
    assert read.skipped_lines == 3
    assert read.events[-1]["type"] == "advance"
    info = unfinished_session(tmp_path)
    assert info is not None and info.path == path and info.skipped_lines == 3
    out = tmp_path / "report.html"
    assert main(["report", str(path), "--out", str(out)]) == 0
    assert "3 broken line(s) of the log were skipped" in capsys.readouterr().out


def test_nesting_up_to_the_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    inner = "[" * (eventlog.MAX_DEPTH - 1) + "]" * (eventlog.MAX_DEPTH - 1)
    path.write_text('{"v":1,"type":"menu","x":' + inner + "}\n")
    assert len(read_log(path).events) == 1


def test_a_byte_order_mark_before_the_first_line_does_not_hide_the_session(
        tmp_path: Path) -> None:
    path = write_log(tmp_path, START, sample_commands(end=False))
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())  # saved again by Notepad
    read = read_log(path)
    assert read.skipped_lines == 0 and read.events[0]["type"] == "session_start"
    info = unfinished_session(tmp_path)
    assert info is not None and info.path == path


def test_a_version_of_true_is_not_version_one(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text('{"v":true,"type":"menu"}\n{"v":1.0,"type":"menu"}\n')
    read = read_log(path)
    assert read.skipped_lines == 1 and len(read.events) == 1


# ------------------------------------------------------------- data folder


def no_home(monkeypatch: pytest.MonkeyPatch) -> None:
    """What an arbitrary container user has: no HOME, no XDG variable, no passwd entry."""
    import pwd

    def no_entry(uid: int) -> Any:
        raise KeyError(f"getpwuid(): uid not found: {uid}")

    for name in ("HOME", "XDG_DATA_HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(pwd, "getpwuid", no_entry)


def test_without_a_home_the_data_folder_is_in_the_working_directory(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    no_home(monkeypatch)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(RuntimeError, match="home"):
        default_data_dir()
    chosen = choose_data_dir(beside=tmp_path / "packs" / "mine")
    assert chosen.path == tmp_path / "degrees-of-risk-data"
    assert chosen.note is not None
    assert f"kept in {tmp_path / 'degrees-of-risk-data'}" in chosen.note
    assert "--data-dir" in chosen.note


def test_without_a_home_nor_a_writable_working_directory_it_goes_beside_the_pack(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    no_home(monkeypatch)
    locked = tmp_path / "locked"
    locked.mkdir()
    monkeypatch.chdir(locked)
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: Path(p) != locked and real_access(p, mode))
    pack = tmp_path / "packs" / "mine"
    pack.mkdir(parents=True)
    chosen = choose_data_dir(beside=pack)
    assert chosen.path == tmp_path / "packs" / "degrees-of-risk-data"
    # And where a data folder was made already, that one is found again (for `report`).
    (locked / "degrees-of-risk-data").mkdir()
    monkeypatch.setattr(os, "access", real_access)
    assert choose_data_dir(beside=pack).path == locked / "degrees-of-risk-data"


def test_a_home_that_cannot_be_written_falls_back_too(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home"
    home.write_text("not a folder")  # HOME=/nonexistent or a file: nothing can be made there
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.chdir(tmp_path)
    chosen = choose_data_dir()
    assert chosen.path == tmp_path / "degrees-of-risk-data"
    assert chosen.note is not None and "cannot be written" in chosen.note


def test_the_users_own_folder_needs_no_note(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    chosen = choose_data_dir(beside=tmp_path)
    assert chosen == DataFolder(tmp_path / "share" / "degrees-of-risk")


NO_HOME_CHILD = """
import pwd, sys
def no_entry(uid):
    raise KeyError(f"getpwuid(): uid not found: {uid}")
pwd.getpwuid = no_entry  # as for a uid with no passwd entry (os.setuid cannot reach pyenv)
sys.path.insert(0, sys.argv[1])
if sys.argv[2] == "game":
    import pygame
    pygame.event.get = lambda *a, **k: [pygame.event.Event(pygame.QUIT)]  # quit at once
from game.cli import main
sys.exit(main(sys.argv[3:]))
"""


@pytest.mark.parametrize("what", ["report", "game"])
def test_the_game_and_report_start_without_home_and_say_where(tmp_path: Path,
                                                             what: str) -> None:
    root = Path(__file__).resolve().parents[1]
    env = {k: v for k, v in os.environ.items() if k not in ("HOME", "XDG_DATA_HOME")}
    env.update(SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PYTHONPATH=str(root))
    args = ["report"] if what == "report" else ["--pack", str(root / "tests" / "packs" /
                                                             "format-example"),
                                                  "--window", "640x480"]
    result = subprocess.run([sys.executable, "-c", NO_HOME_CHILD, str(root), what, *args],
                            cwd=tmp_path, env=env, capture_output=True, text=True,
                            timeout=120, check=False)
    assert "Traceback" not in result.stderr, result.stderr
    assert f"kept in {tmp_path / 'degrees-of-risk-data'}" in result.stderr
    if what == "report":
        assert result.returncode == 1
        assert f"{tmp_path / 'degrees-of-risk-data'}: no session log yet" in result.stderr
    else:
        assert result.returncode == 0, result.stderr
