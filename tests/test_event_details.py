"""Organisation, place and facilitator: remembered for the next session, logged, reported."""

from __future__ import annotations

import json
import stat
from pathlib import Path
from typing import Any

import pytest

from game.core.event_details import (
    DETAILS_FILE,
    MAX_LENGTH,
    EventDetails,
    load_details,
    save_details,
)
from game.core.pack import Pack, load_pack
from game.core.report import build_report, render_csv
from game.core.session import Session, replay

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def pack() -> Pack:
    result = load_pack(ROOT / "tests" / "packs" / "format-example")
    assert result.pack is not None
    return result.pack


def test_details_are_remembered_for_the_next_session(tmp_path: Path) -> None:
    assert load_details(tmp_path) == EventDetails()  # nothing yet: nothing asked again
    details = EventDetails("Youth Union", "Mary, school 5", "Aýna Muradowa")
    path = save_details(tmp_path / "data", details)
    assert path == tmp_path / "data" / DETAILS_FILE
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    assert load_details(tmp_path / "data") == details
    assert "Aýna" in path.read_text("utf-8")  # readable, not \\u-escaped


@pytest.mark.parametrize("content", ["{not json", "[1, 2]", '{"place": 5}', "\xff\xfe"])
def test_a_damaged_file_only_costs_the_remembered_answers(tmp_path: Path,
                                                          content: str) -> None:
    (tmp_path / DETAILS_FILE).write_text(content, encoding="latin-1")
    assert load_details(tmp_path) == EventDetails()


def test_values_are_kept_to_one_short_line(tmp_path: Path) -> None:
    save_details(tmp_path, EventDetails("Union\n\tof\x07 youth", "x" * 500, "  Aý  na "))
    loaded = load_details(tmp_path)
    assert loaded.organisation == "Union of youth"
    assert loaded.place == "x" * MAX_LENGTH
    assert loaded.facilitator == "Aý na"


def recorded(pack: Pack) -> tuple[Session, list[dict[str, Any]]]:
    events: list[dict[str, Any]] = []
    session = Session(pack, teams=["A", "B"], sink=events.append)
    return session, events


def test_details_given_before_the_start_are_in_the_start_event(pack: Pack) -> None:
    session, events = recorded(pack)
    session.set_details("Youth Union", "Mary", None)
    session.begin()
    start = events[0]
    assert (start["organisation"], start["place"], start["facilitator"]) == (
        "Youth Union", "Mary", None)
    report = build_report(events)
    assert (report.organisation, report.place, report.facilitator) == (
        "Youth Union", "Mary", None)


def test_a_change_after_the_start_is_logged_reported_and_replayed(pack: Pack) -> None:
    session, events = recorded(pack)
    session.begin()
    assert session.set_details("Youth Union", " Mary ", "Aýna") is True
    assert session.set_details("Youth Union", "Mary", "Aýna") is False  # no change, no event
    assert [e["type"] for e in events] == ["session_start", "details"]
    report = build_report(events)
    assert (report.organisation, report.place, report.facilitator) == (
        "Youth Union", "Mary", "Aýna")
    rows = {r.split(",")[2]: r.split(",")[-1] for r in render_csv(report).splitlines()[1:]
            if r.startswith("session,")}
    assert rows["organisation"] == "Youth Union" and rows["facilitator"] == "Aýna"
    again = Session(pack, teams=["A", "B"])
    replay(again, [*events, {"type": "details", "place": 7}])
    assert (again.organisation, again.place, again.facilitator) == (None, None, None)
    replay(again, events)
    assert (again.organisation, again.place, again.facilitator) == ("Youth Union", "Mary",
                                                                    "Aýna")


def test_a_remembered_file_is_plain_json(tmp_path: Path) -> None:
    save_details(tmp_path, EventDetails(place="Mary"))
    assert json.loads((tmp_path / DETAILS_FILE).read_text("utf-8")) == {
        "organisation": "", "place": "Mary", "facilitator": ""}
