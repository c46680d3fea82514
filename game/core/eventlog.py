"""The session log: one JSON object a line, fsynced, that survives a power cut.

The format is docs/session-log.md. Writing never stops the game: when the data
folder cannot be written, the log keeps its events in memory and says so once.
Reading never fails on a damaged file: torn or corrupt lines are skipped and
counted, and files in the folder that are not session logs are ignored.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import IO, Any

LOG_VERSION = 1
APP_NAME = "degrees-of-risk"
SESSIONS_FOLDER = "sessions"
RESERVED_KEYS = frozenset({"v", "t", "type"})
LOG_NAME = re.compile(r"(\d{8}-\d{6})-[0-9a-f]{6}\.jsonl")

Event = dict[str, Any]
Clock = Callable[[], datetime]


def default_data_dir() -> Path:
    """The user's data folder for logs and reports (it may not exist yet)."""
    import platformdirs  # imported here: only the code paths that need it pay for it

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def _now() -> datetime:
    return datetime.now().astimezone()


def _aware(moment: datetime) -> datetime:
    # A naive time is the laptop's local time; an aware one keeps its own offset.
    return moment if moment.tzinfo is not None else moment.astimezone()


def timestamp(moment: datetime) -> str:
    """`moment` as the log writes it: ISO 8601 with its UTC offset, to the second."""
    return _aware(moment).isoformat(timespec="seconds")


def parse_time(value: Any) -> datetime | None:
    """A log's `t` as a datetime, or None when it is missing or not a time."""
    if not isinstance(value, str):
        return None
    try:
        # Python 3.10 does not read a trailing "Z"; the log never writes one, a hand edit might.
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


class EventLog:
    """Appends the events of one session to `sessions/<YYYYMMDD-HHMMSS>-<6 hex>.jsonl`.

    The file is created at the first event. Every `append` is written, flushed and
    fsynced before it returns, so a crash loses at most the event being written.
    All events are also kept in `events`, whatever happens to the disk.

    Nothing here raises on a disk problem: if the folder cannot be created or a
    write fails, the log goes on in memory only, `warning` says why (for the
    facilitator) and `take_warning()` hands that message over exactly once.
    """

    def __init__(self, data_dir: Path | None, *, clock: Clock = _now) -> None:
        """A log for a new session under `data_dir`; `None` keeps it in memory only
        (previews and tests), without a warning."""
        self.data_dir = data_dir
        self.path: Path | None = None
        self.events: list[Event] = []
        self.warning: str | None = None
        self._warning_taken = False
        self._clock = clock
        self._file: IO[bytes] | None = None
        self._memory_only = data_dir is None

    @classmethod
    def resume(cls, path: Path, *, clock: Clock = _now) -> EventLog:
        """Go on writing an existing log (after a crash): its readable events are
        loaded into `events` and new events are appended to the same file."""
        log = cls(path.parent.parent, clock=clock)
        try:
            read = read_log(path)
        except OSError as exc:
            log._fail(f"cannot read {path}", exc)
            return log
        log.events = read.events
        log.path = path
        try:
            handle = open(path, "ab")  # noqa: SIM115 - kept open for the whole session
            if path.stat().st_size and not _ends_with_newline(path):
                # A torn last line: end it, so the next event starts on a line of its own
                # and only the torn fragment stays unreadable.
                handle.write(b"\n")
                _sync(handle)
        except OSError as exc:
            log._fail(f"cannot write {path}", exc)
            return log
        log._file = handle
        return log

    @property
    def memory_only(self) -> bool:
        """True when events are no longer (or never were) written to disk."""
        return self._memory_only

    def append(self, event_type: str, /, **fields: Any) -> Event:
        """Record one event (`"v"` and `"t"` added) and return it.

        It is on disk (fsynced) when this returns, unless the log is memory-only.
        Values JSON cannot hold are written as strings. Raises ValueError only for
        a programming error: a field named v, t or type.
        """
        reserved = RESERVED_KEYS.intersection(fields)
        if reserved:
            raise ValueError(f"event fields may not be named {', '.join(sorted(reserved))}")
        moment = self._clock()
        event: Event = {"v": LOG_VERSION, "t": timestamp(moment), "type": event_type, **fields}
        self.events.append(event)
        if not self._memory_only:
            self._write(event, moment)
        return event

    def record(self, event: Mapping[str, Any]) -> None:
        """`append` for an event given whole, `{"type": ..., **fields}`: the shape
        `Session` sends to its sink, so `Session(sink=log.record)` logs every command."""
        fields = dict(event)
        event_type = fields.pop("type", None)
        self.append(str(event_type), **fields)

    def take_warning(self) -> str | None:
        """The warning for the facilitator the first time it is asked for, then None."""
        if self.warning is None or self._warning_taken:
            return None
        self._warning_taken = True
        return self.warning

    def close(self) -> None:
        """Close the file; the events stay readable in `events`."""
        if self._file is not None:
            # Everything was fsynced already: a failing close loses nothing.
            with contextlib.suppress(OSError):
                self._file.close()
            self._file = None

    def __enter__(self) -> EventLog:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _write(self, event: Event, moment: datetime) -> None:
        line = json.dumps(event, ensure_ascii=False, separators=(",", ":"), default=str)
        try:
            if self._file is None:
                self._file = self._create(moment)
            self._file.write(line.encode("utf-8") + b"\n")
            _sync(self._file)
        except (OSError, ValueError) as exc:  # ValueError: the file was closed under us
            where = self.path if self.path is not None else self.data_dir
            self._fail(f"cannot write the session log in {where}", exc)

    def _create(self, moment: datetime) -> IO[bytes]:
        assert self.data_dir is not None
        folder = self.data_dir / SESSIONS_FOLDER
        folder.mkdir(parents=True, exist_ok=True)
        stamp = _aware(moment).strftime("%Y%m%d-%H%M%S")
        for _ in range(8):
            path = folder / f"{stamp}-{os.urandom(3).hex()}.jsonl"
            try:
                handle = open(path, "xb")  # noqa: SIM115 - kept open for the whole session
            except FileExistsError:
                continue  # two sessions in the same second with the same 6 hex: draw again
            self.path = path
            _sync_folder(folder)
            return handle
        raise FileExistsError(f"no free log name in {folder}")

    def _fail(self, what: str, exc: BaseException) -> None:
        self.close()
        self._memory_only = True
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        if self.warning is None:
            self.warning = (f"The session log cannot be saved ({what}: {reason}). The game goes "
                            "on; this session is kept in memory only and cannot be resumed "
                            "after a crash.")


def _sync(handle: IO[bytes]) -> None:
    handle.flush()
    os.fsync(handle.fileno())


def _sync_folder(folder: Path) -> None:
    # A new file's name lives in its folder: without this a power cut can lose the file
    # even though its content was fsynced. Not possible (nor needed) on Windows.
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _ends_with_newline(path: Path) -> bool:
    with open(path, "rb") as handle:
        handle.seek(-1, os.SEEK_END)
        return handle.read(1) == b"\n"


@dataclass
class LogRead:
    """The readable events of a log, in order, and how many lines could not be read."""

    events: list[Event]
    skipped_lines: int = 0

    @property
    def start(self) -> Event | None:
        """The session_start event, if there is one."""
        return next((e for e in self.events if e["type"] == "session_start"), None)

    @property
    def ended_cleanly(self) -> bool:
        """True when the last readable event is session_end."""
        return bool(self.events) and self.events[-1]["type"] == "session_end"


def read_log(path: Path) -> LogRead:
    """Every readable event of the log at `path`.

    A line that is not a JSON object of version 1 with a string `type` (a torn
    last line, a bad byte, a hand edit gone wrong) is skipped and counted; blank
    lines are ignored. Raises OSError only when the file itself cannot be read.
    """
    data = path.read_bytes()
    events: list[Event] = []
    skipped = 0
    for raw in data.split(b"\n"):
        if not raw.strip():
            continue
        event = _parse_line(raw)
        if event is None:
            skipped += 1
        else:
            events.append(event)
    return LogRead(events, skipped)


def _parse_line(raw: bytes) -> Event | None:
    try:
        value = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    if not isinstance(value, dict) or not isinstance(value.get("type"), str):
        return None
    if value.get("v") != LOG_VERSION:
        return None
    return value


@dataclass
class LogInfo:
    """A session log found in the data folder, with what a resume offer shows."""

    path: Path
    pack: str | None
    pack_title: str
    language: str | None
    started: datetime | None
    last_event: datetime | None
    events: list[Event] = field(repr=False)
    skipped_lines: int = 0

    @property
    def ended_cleanly(self) -> bool:
        return bool(self.events) and self.events[-1]["type"] == "session_end"


def session_logs(data_dir: Path) -> list[Path]:
    """The session log files under `data_dir`, newest first.

    Looks in `data_dir/sessions` (or in `data_dir` itself when it has no such
    folder, so the sessions folder can be given too). Only files named like a
    log count; anything else there is ignored, and an unreadable folder gives [].
    """
    folder = data_dir / SESSIONS_FOLDER
    if not folder.is_dir():
        folder = data_dir
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    found: list[tuple[str, int, Path]] = []
    for path in entries:
        match = LOG_NAME.fullmatch(path.name)
        if match is None:
            continue
        try:
            if not path.is_file():
                continue
            mtime = path.stat().st_mtime_ns
        except OSError:
            continue
        # The name's time orders sessions; the file time breaks a tie within a second.
        found.append((match.group(1), mtime, path))
    found.sort(reverse=True)
    return [path for _, _, path in found]


def _readable_logs(data_dir: Path) -> Iterator[LogInfo]:
    for path in session_logs(data_dir):
        try:
            read = read_log(path)
        except OSError:
            continue
        start = read.start
        if start is None:
            continue  # a corrupt file, or one torn before its first event: not a session
        title = start.get("pack_title")
        pack = start.get("pack")
        language = start.get("language")
        yield LogInfo(
            path=path,
            pack=pack if isinstance(pack, str) else None,
            pack_title=title if isinstance(title, str) else "",
            language=language if isinstance(language, str) else None,
            started=parse_time(start.get("t")),
            last_event=parse_time(read.events[-1].get("t")),
            events=read.events,
            skipped_lines=read.skipped_lines,
        )


def latest_log(data_dir: Path) -> Path | None:
    """The newest session log under `data_dir` that has a readable session_start."""
    info = next(_readable_logs(data_dir), None)
    return info.path if info is not None else None


def unfinished_session(data_dir: Path) -> LogInfo | None:
    """The session to offer to resume: the newest session, if it did not end cleanly.

    Only the newest session counts: once a new session has started, an older
    crashed one is history, not something to offer at every start. Corrupt and
    foreign files are skipped; nothing here raises.
    """
    info = next(_readable_logs(data_dir), None)
    if info is None or info.ended_cleanly:
        return None
    return info
