"""`report`: rebuild the event report (HTML and CSV) from a session log."""

from __future__ import annotations

import sys
from pathlib import Path

from game.core.eventlog import LogRead, choose_data_dir, latest_log, read_log
from game.core.pack import Pack, load_pack
from game.core.report import write_report


def run_report(source: str | None, out: str | None) -> int:
    """Write the report of a session log, or of the latest session in a data folder.

    `source` is a .jsonl log or a data folder (default: the user's data folder);
    `out` the HTML file (default report.html), the CSV goes beside it. Exit 0 when
    written, 1 when there is no readable log or the files cannot be written, 2
    when `source` does not exist or `out` is not usable.
    """
    if source is None:
        chosen = choose_data_dir()
        if chosen.note:  # no home folder (a container's user): say where it looked instead
            print(chosen.note, file=sys.stderr)
        data_dir = chosen.path
        log = latest_log(data_dir)
        if log is None:
            _error(f"{data_dir}: no session log yet (play a session first, or name a log file "
                   "or data folder)")
            return 1
    else:
        path = Path(source)
        if not path.exists():
            _error(f"{source}: no such file or folder")
            return 2
        if path.is_dir():
            found = latest_log(path)
            if found is None:
                _error(f"{source}: no session log in this folder")
                return 1
            log = found
        else:
            log = path

    out_html = Path(out) if out else Path("report.html")
    if out_html.suffix.lower() == ".csv":
        _error(f"{out}: --out names the HTML file; the CSV is written beside it")
        return 2
    try:
        read = read_log(log)
    except OSError as exc:
        _error(f"{log}: cannot read it ({exc.strerror or exc})")
        return 1
    if not read.events:
        _error(f"{log}: no readable event in this file ({read.skipped_lines} broken lines); "
               "is it a session log?")
        return 1

    try:
        html, csv = write_report(read.events, out_html, skipped_lines=read.skipped_lines,
                                 pack=_session_pack(read), source=log.name)
    except OSError as exc:
        _error(f"{out_html}: cannot write the report ({exc.strerror or exc})")
        return 1
    print(f"wrote {html} and {csv} from {log}")
    if read.skipped_lines:
        print(f"note: {read.skipped_lines} broken line(s) of the log were skipped")
    return 0


def _session_pack(read: LogRead) -> Pack | None:
    """The session's pack, when its folder is still there, for titles and texts."""
    start = read.start
    folder = start.get("pack") if start else None
    if not isinstance(folder, str) or not Path(folder).is_dir():
        return None
    try:
        return load_pack(Path(folder)).pack
    except Exception:  # the pack only adds titles: a broken one must not cost the report
        return None


def _error(message: str) -> None:
    print(f"error: {message}", file=sys.stderr)
