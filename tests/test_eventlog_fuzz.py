"""Any bytes in a session log: read_log, the resume offer, `report` and a resumed log never
fail, and every readable line is kept (issue 15, item 3). Bounded, so it runs in CI."""

from __future__ import annotations

import contextlib
import io
import json
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.cli import main
from game.core.eventlog import EventLog, read_log, unfinished_session

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 2**70) | st.floats() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner,
                                                                 max_size=3),
    max_leaves=10)
event_types = st.sampled_from(["session_start", "scenario_start", "choice", "rating",
                               "reveal", "advance", "undo", "menu", "language", "teams",
                               "scenario_end", "session_end", "unknown", ""])
field_names = st.sampled_from(["pack", "pack_title", "language", "languages", "participants",
                               "teams", "scenario", "kind", "title", "step", "choice",
                               "degree", "card", "team", "ratings", "points", "path",
                               "cards", "team_scores", "scenarios", "t", "v", "type", "seq"])


def dumped(value: Any) -> bytes:
    return json.dumps(value).encode()


events = st.builds(
    lambda v, kind, fields: dumped({**fields, "v": v, "type": kind}),
    st.sampled_from([1, 1, 1, 2, True, "1", None]), event_types,
    st.dictionaries(field_names, json_values, max_size=5))
deep = st.integers(1, 3000).flatmap(lambda n: st.sampled_from([
    b"[" * n + b"]" * n,
    b'{"v":1,"type":"menu","x":' + b"[" * n + b"]" * n + b"}",
    b'{"v":1,"type":"menu","x":' + b'{"a":' * n + b"1" + b"}" * n + b"}",
    b"[" * n]))
lines = st.one_of(
    events, events, events,
    st.binary(max_size=40),
    json_values.map(dumped),
    deep,
    st.tuples(events, st.integers(0, 60)).map(lambda torn: torn[0][:torn[1]]),  # a power cut
    st.builds(lambda line: b"\xef\xbb\xbf" + line, events),  # a byte order mark
    st.sampled_from([b"", b"   ", b"\r", b"\x00", "\u2028".encode(), b"\xff\xfe"]))
START = dumped({"v": 1, "t": "2024-05-14T10:00:00+05:00", "type": "session_start",
                "pack": "no/such/pack", "pack_title": "T", "language": "en", "teams": ["A"]})


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.booleans(), st.lists(lines, max_size=12), st.sampled_from([b"\n", b"\r\n"]),
       st.booleans())
def test_any_log_is_read_offered_reported_and_resumed_without_failing(
        starts: bool, body: list[bytes], newline: bytes, ends_with_newline: bool) -> None:
    content = newline.join([START, *body] if starts else body)
    if ends_with_newline:
        content += newline
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        path = data / "sessions" / "20240514-100000-abcdef.jsonl"
        path.parent.mkdir()
        path.write_bytes(content)

        read = read_log(path)
        nonblank = [raw for raw in content.split(b"\n") if raw.strip()]
        assert len(read.events) + read.skipped_lines == len(nonblank)
        for event in read.events:
            assert isinstance(event, dict) and isinstance(event["type"], str)
            assert event["v"] == 2 and event["v"] is not True  # read in the current numbering
        offered = unfinished_session(data)
        assert (offered is not None) == (read.start is not None and not read.ended_cleanly)

        out = data / "out" / "report.html"
        with contextlib.redirect_stdout(io.StringIO()), \
                contextlib.redirect_stderr(io.StringIO()) as err:
            code = main(["report", str(path), "--out", str(out)])
        assert "Traceback" not in err.getvalue()
        assert code == (0 if read.events else 1)
        assert out.is_file() == bool(read.events)

        log = EventLog.resume(path)
        added = log.append("menu")
        log.close()
        again = read_log(path)
        assert log.warning is None
        assert again.events == [*read.events, added]
        assert again.skipped_lines == read.skipped_lines
