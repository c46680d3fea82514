"""The session log: one JSON object a line, fsynced, that survives a power cut.

The format is docs/session-log.md. Writing never stops the game: when the data
folder cannot be written, the log keeps its events in memory and says so once.
Reading never fails on a damaged file: torn or corrupt lines are skipped and
counted, and files in the folder that are not session logs are ignored.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import tempfile
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from io import FileIO
from pathlib import Path
from typing import Any

from game.core.events import READABLE, VERSION, checked

LOG_VERSION = VERSION
APP_NAME = "degrees-of-risk"
SESSIONS_FOLDER = "sessions"
RESERVED_KEYS = frozenset({"v", "t", "seq", "type"})
LOG_NAME = re.compile(r"(\d{8}-\d{6})-[0-9a-f]{6}\.jsonl")

Event = dict[str, Any]
Clock = Callable[[], datetime]


FALLBACK_FOLDER = "degrees-of-risk-data"
"""The data folder's name where the user's own cannot be used (see `choose_data_dir`)."""


def default_data_dir() -> Path:
    """The user's own data folder for logs and reports (it may not exist yet).

    Raises RuntimeError when there is none: no HOME and no passwd entry (an
    arbitrary container user). `choose_data_dir` falls back instead.
    """
    import platformdirs  # imported here: only the code paths that need it pay for it

    try:
        found = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    except (KeyError, OSError) as exc:  # some versions let the passwd lookup's error out
        raise RuntimeError(f"no home folder: {exc}") from exc
    if not found.is_absolute():  # an unexpanded "~": older versions do not raise
        raise RuntimeError(f"no home folder: {found} is not a full path")
    return found


@dataclass(frozen=True)
class DataFolder:
    """Where logs and reports are kept, and `note`, why, when it is not the user's own."""

    path: Path
    note: str | None = None


def choose_data_dir(beside: Path | None = None) -> DataFolder:
    """The data folder: the user's own (`default_data_dir`) when there is one that can
    be written. Otherwise (no HOME, no passwd entry, a home that cannot be written)
    a `degrees-of-risk-data` folder in the working directory, beside the pack folder
    `beside`, or in the temporary folder: the first that already exists (so `report`
    finds what the game wrote), else the first that can be made. Never raises;
    `note` names the folder and the reason, for stderr.
    """
    try:
        own = default_data_dir()
    except Exception as exc:  # whatever platformdirs raises: the game must still start
        problem = str(exc)
    else:
        if _can_hold(own):
            return DataFolder(own)
        problem = f"{own} cannot be written"
    candidates: list[Path] = []
    with contextlib.suppress(OSError):  # the working directory itself may be gone
        candidates.append(Path.cwd() / FALLBACK_FOLDER)
    if beside is not None:
        with contextlib.suppress(OSError, RuntimeError):
            candidates.append(beside.resolve().parent / FALLBACK_FOLDER)
    user = os.getuid() if hasattr(os, "getuid") else 0
    candidates.append(Path(tempfile.gettempdir()) / f"{FALLBACK_FOLDER}-{user}")
    chosen = next((c for c in candidates if _is_dir(c) and _can_hold(c)), None)
    chosen = chosen or next((c for c in candidates if _can_hold(c)), candidates[0])
    return DataFolder(chosen, f"note: {problem}; session logs and reports are kept in {chosen} "
                              "(choose another folder with --data-dir)")


def _is_dir(folder: Path) -> bool:
    try:
        return folder.is_dir()
    except OSError:
        return False


def _can_hold(folder: Path) -> bool:
    """True when `folder` is a folder this user can write in, or could be made (its
    nearest existing parent is one). Creates nothing."""
    probe = folder
    try:
        while not probe.exists():
            if probe.parent == probe:
                return False
            probe = probe.parent
        return probe.is_dir() and os.access(probe, os.W_OK | os.X_OK)
    except OSError:
        return False


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


@dataclass(frozen=True)
class LogNotice:
    """Something the facilitator should know about where the session is kept.

    `key` names the on-screen wording (`log_not_saved`, `log_saved_again`,
    `log_recreated`, `report_kept`), `name` the file it is about (for the
    wording's `{name}`), `text` says it all in English, paths included (stderr).
    """

    key: str
    name: str
    text: str


class EventLog:
    """Appends the events of one session to `sessions/<YYYYMMDD-HHMMSS>-<6 hex>.jsonl`.

    The file is created at the first event. Every `append` is written and fsynced
    before it returns, so a crash loses at most the event being written. All
    events are also kept in `events`, whatever happens to the disk: that copy is
    complete, and it is what puts the file right again.

    Nothing here raises on a disk problem. When a write fails (a full disk, the
    folder gone read-only) the log goes on in memory and every later event tries
    again: the first write that succeeds cuts the file back to its last complete
    line and writes every event it lacks. Before each write the file is checked
    to be the one this log opened (one `stat`); when it, its folder or the data
    folder was deleted, it is written again from memory. Each change is a
    `LogNotice` for the facilitator (`take_notices()`).
    """

    def __init__(self, data_dir: Path | None, *, clock: Clock = _now) -> None:
        """A log for a new session under `data_dir`; `None` keeps it in memory only
        (previews and tests), without a warning."""
        self.data_dir = data_dir
        self.path: Path | None = None
        self.events: list[Event] = []
        self.warning: str | None = None
        """Why the log is not on disk now (English, with the path), or None when it is."""
        self._clock = clock
        self._file: FileIO | None = None
        self._identity: tuple[int, int] | None = None  # (st_dev, st_ino) of the file opened
        self._on_disk = 0  # events[:_on_disk] are in the file, fsynced
        self._size = 0  # the file's size after the last fsync: where the next line goes
        self._open_line = False  # the file ends in a torn line: a newline goes first
        self._failing = False
        self._notices: list[LogNotice] = []
        self._reports: dict[Path, Path] = {}  # report asked for -> where it went

    @classmethod
    def resume(cls, path: Path, *, clock: Clock = _now) -> EventLog:
        """Go on writing an existing log (after a crash): its readable events are
        loaded into `events` and new events are appended to the same file."""
        log = cls(path.parent.parent, clock=clock)
        try:
            read = read_log(path)
            info = path.stat()
        except OSError as exc:
            # Nothing known on disk: the next event writes the session to a new file.
            log._lost(f"cannot read {path}", exc)
            return log
        log.events = read.events
        log.path = path
        log._on_disk = len(read.events)
        log._identity = (info.st_dev, info.st_ino)
        log._size = info.st_size
        try:
            # A torn last line is ended before the next event, so that event starts on a
            # line of its own and only the torn fragment stays unreadable.
            log._open_line = bool(info.st_size) and not _ends_with_newline(path)
            handle = open(path, "r+b", buffering=0)  # noqa: SIM115 - kept for the session
            handle.seek(info.st_size)
            log._file = handle
        except OSError as exc:
            log._drop_file()
            log._lost(f"cannot write {path}", exc)
        return log

    @property
    def memory_only(self) -> bool:
        """True when events are not (or never were) written to disk at the moment."""
        return self.data_dir is None or self._failing

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
        # seq: one more than the last event's (a resumed version 1 log has none: its count),
        # so a line written twice is recognised on replay and not replayed twice.
        last = self.events[-1].get("seq") if self.events else 0
        seq = (last if isinstance(last, int) else len(self.events)) + 1
        event: Event = {"v": LOG_VERSION, "t": timestamp(moment), "seq": seq,
                        "type": event_type, **fields}
        self.events.append(event)
        if self.data_dir is not None:
            self._save(moment)
        return event

    def record(self, event: Mapping[str, Any]) -> None:
        """`append` for an event given whole, `{"type": ..., **fields}`: the shape
        `Session` sends to its sink, so `Session(sink=log.record)` logs every command."""
        fields = dict(event)
        event_type = fields.pop("type", None)
        self.append(str(event_type), **fields)

    def take_notices(self) -> list[LogNotice]:
        """What happened to the file since last asked (oldest first), each told once."""
        notices, self._notices = self._notices, []
        return notices

    def take_warning(self) -> str | None:
        """The text of the newest notice not yet taken (see `take_notices`), or None."""
        notices = self.take_notices()
        return notices[-1].text if notices else None

    def report_target(self, out_html: Path) -> Path:
        """Where this session's report goes: `out_html`, unless a report this log did
        not write is there already (an earlier run of the session, before a crash and
        a resume from a shorter log): that one is kept, and this one goes to the first
        free `<name>-2.html`, `-3`, ... (CSV beside it), with a notice naming both."""
        if out_html in self._reports:
            return self._reports[out_html]  # this run's own report, written again: replace it
        target, n = out_html, 1
        while _report_there(target):
            n += 1
            target = out_html.with_name(f"{out_html.stem}-{n}{out_html.suffix}")
        if target != out_html:
            self._notices.append(LogNotice(
                "report_kept", out_html.name,
                f"An earlier report of this session is kept at {out_html}; this one is "
                f"written to {target}."))
        self._reports[out_html] = target
        return target

    def close(self) -> None:
        """Close the file; the events stay readable in `events`. Events the disk did
        not take yet get one more try first."""
        if self.data_dir is not None and self._on_disk < len(self.events):
            self._save(self._clock())
        self._drop_file()

    def __enter__(self) -> EventLog:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------ writing
    def _save(self, moment: datetime) -> None:
        """Write every event the file lacks; on failure note it and go on in memory."""
        if self._on_disk >= len(self.events):
            return
        was_failing = self._failing
        gone: Path | None = None
        try:
            if self._file is not None and not self._still_there():
                gone = self.path
                self._drop_file()
            if self._file is None:
                gone = self._open(moment) or gone
            assert self._file is not None
            pending = self.events[self._on_disk:]
            data = b"".join(_line(event) for event in pending)
            if self._open_line:
                data = b"\n" + data
            _write_all(self._file, data)
            os.fsync(self._file.fileno())
        except (OSError, ValueError) as exc:  # ValueError: the file was closed under us
            self._drop_file()
            where = self.path if self.path is not None else self._folder()
            self._lost(f"cannot write the session log in {where}", exc)
            return
        self._on_disk = len(self.events)
        self._size += len(data)
        self._open_line = False
        self._failing = False
        self.warning = None
        assert self.path is not None
        if gone is not None:
            self._notices.append(LogNotice(
                "log_recreated", self.path.name,
                f"The session log {gone} was deleted while playing; the whole session is "
                f"written again from memory to {self.path}."))
        elif was_failing:
            self._notices.append(LogNotice(
                "log_saved_again", self.path.name,
                f"The session log is saved again: {self.path} holds the whole session."))

    def _open(self, moment: datetime) -> Path | None:
        """Open the file for the next write: create it, reopen it after a failed
        write (cut back to its last complete line), or write it again when it is
        gone. Returns the path that was lost, if any."""
        if self.path is None:
            self._create(moment)
            return None
        try:
            info = os.stat(self.path)
        except (FileNotFoundError, NotADirectoryError):
            lost = self.path
            self._create(moment, lost)
            return lost
        if (info.st_dev, info.st_ino) != self._identity:
            # Another file under our name (copied back by hand?): not ours to cut.
            lost = self.path
            self._create(moment)
            return lost
        handle = open(self.path, "r+b", buffering=0)  # noqa: SIM115 - kept for the session
        try:
            # A failed write may have left part of a line: cut back to the last whole one.
            handle.truncate(self._size)
            handle.seek(self._size)
        except OSError:
            handle.close()
            raise
        self._file = handle
        return None

    def _create(self, moment: datetime, path: Path | None = None) -> None:
        """A new file at `path` (a deleted log's own name) or at a new name, holding
        nothing yet: every event in memory is pending."""
        folder = self._folder()
        folder.mkdir(parents=True, exist_ok=True)
        stamp = _aware(moment).strftime("%Y%m%d-%H%M%S")
        names = [path] if path is not None else []
        names += [folder / f"{stamp}-{os.urandom(3).hex()}.jsonl" for _ in range(8)]
        for candidate in names:
            try:
                handle = open(candidate, "xb", buffering=0)  # noqa: SIM115 - kept open
            except FileExistsError:
                continue  # two sessions in the same second with the same 6 hex: draw again
            info = os.fstat(handle.fileno())
            self._file, self.path = handle, candidate
            self._identity = (info.st_dev, info.st_ino)
            self._on_disk, self._size, self._open_line = 0, 0, False
            _sync_folder(folder)
            return
        raise FileExistsError(f"no free log name in {folder}")

    def _folder(self) -> Path:
        if self.path is not None:
            return self.path.parent
        assert self.data_dir is not None
        return self.data_dir / SESSIONS_FOLDER

    def _still_there(self) -> bool:
        """True when our file is still at `path` (one stat, cheap beside the fsync)."""
        assert self.path is not None
        try:
            info = os.stat(self.path)
        except (FileNotFoundError, NotADirectoryError):
            return False
        return (info.st_dev, info.st_ino) == self._identity

    def _drop_file(self) -> None:
        if self._file is not None:
            # Unbuffered, and everything that counts was fsynced: a failing close loses nothing.
            with contextlib.suppress(OSError):
                self._file.close()
            self._file = None

    def _lost(self, what: str, exc: BaseException) -> None:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        self.warning = (f"The session log cannot be saved ({what}: {reason}). The game goes "
                        "on; this session is kept in memory only until the disk takes it "
                        "again, and cannot be resumed after a crash until then.")
        if not self._failing:
            self._failing = True
            name = self.path.name if self.path is not None else str(self._folder())
            self._notices.append(LogNotice("log_not_saved", name, self.warning))


def _line(event: Event) -> bytes:
    text = json.dumps(event, ensure_ascii=False, separators=(",", ":"), default=str)
    return text.encode("utf-8") + b"\n"


def _write_all(handle: FileIO, data: bytes) -> None:
    """Write all of `data` to an unbuffered file: a raw write may take only part."""
    view = memoryview(data)
    while view:
        written = handle.write(view)
        if not written:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        view = view[written:]


def _report_there(out_html: Path) -> bool:
    return out_html.exists() or out_html.with_suffix(".csv").exists()


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

    A line that is not a JSON object of version 1 or 2 with a string `type` (a torn
    last line, a bad byte, a hand edit gone wrong, a value nested deeper than
    `MAX_DEPTH`) is skipped and counted; blank lines are ignored, and so is a
    UTF-8 byte order mark (an editor's) before a line. Raises OSError only when
    the file itself cannot be read.
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
    # Each line against the event vocabulary, in the current numbering; a repeated seq
    # (a line written twice) is left out too.
    good = checked(events)
    return LogRead(good.events, skipped + good.skipped + good.duplicates)


MAX_DEPTH = 32
"""How deeply a log line's values may nest. The deepest event the game writes
nests 4 deep; a line deeper than this is damage, and is skipped before any code
that walks it (the report, a rewrite of the log) could recurse into it."""


BOM = b"\xef\xbb\xbf"


def _parse_line(raw: bytes) -> Event | None:
    if raw.startswith(BOM):
        raw = raw[len(BOM):]  # a byte order mark (Notepad's) is not part of the JSON
    try:
        value = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None  # RecursionError: nested deeper than the parser's own limit
    if not isinstance(value, dict) or not isinstance(value.get("type"), str):
        return None
    if value.get("v") not in READABLE or isinstance(value.get("v"), bool):
        return None
    # Fewer brackets than the limit cannot nest deeper (a bracket inside a string only
    # costs the exact walk): the bytes count is free beside the parse.
    if raw.count(b"[") + raw.count(b"{") > MAX_DEPTH and _deeper_than(value, MAX_DEPTH):
        return None
    return value


def _deeper_than(value: object, limit: int) -> bool:
    """True when `value` nests more than `limit` lists or objects deep (no recursion)."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > limit:
            return True
        for child in item.values() if isinstance(item, dict) else item:
            if isinstance(child, (dict, list)):
                stack.append((child, depth + 1))
    return False


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
