"""The title asks (optionally) for the organisation, the place and the facilitator."""

from __future__ import annotations

from pathlib import Path

from controller_play import EXAMPLE, controller, send

from game.core.commands import Action
from game.core.event_details import EventDetails, load_details, save_details
from game.core.eventlog import read_log, session_logs
from game.core.report import build_report
from game.core.session import ScreenKind
from game.core.title import TitleRow
from game.ui.pilot import Pilot


def test_details_set_on_the_title_are_logged_and_remembered(tmp_path: Path) -> None:
    data = tmp_path / "data"
    control = controller(data)
    assert control.title.details == ["", "", ""]
    send(control, Action.SET_DETAIL, 1, "Youth Union")
    send(control, Action.SET_DETAIL, 2, "Mary\x00, school 5")  # a pasted NUL is refused
    send(control, Action.START_FRESH)
    assert control.screen is ScreenKind.MENU
    start = read_log(session_logs(data)[0]).events[0]
    assert (start["organisation"], start["place"], start["facilitator"]) == (
        "Youth Union", "Mary, school 5", None)
    assert load_details(data) == EventDetails("Youth Union", "Mary, school 5", "")
    # The next session starts with them, to confirm or change.
    again = controller(data)
    assert again.title.details == ["Youth Union", "Mary, school 5", ""]


def test_typing_on_a_detail_row_fills_it_and_backspace_erases(tmp_path: Path) -> None:
    control = controller(tmp_path / "data")
    control.title.cursor = control.title.index_of(TitleRow.DETAIL) + 2  # the facilitator
    assert send(control, Action.TYPE, text="Aýnaa")
    send(control, Action.ERASE)
    assert control.title.details[2] == "Aýna"
    send(control, Action.NEXT_FIELD)  # on from the last row: back to the top
    assert control.title.row() == (TitleRow.START, 0)
    send(control, Action.CONTINUE)
    report = build_report(read_log(session_logs(tmp_path / "data")[0]).events)
    assert report.facilitator == "Aýna" and report.organisation is None


def test_a_resumed_session_shows_its_own_details(tmp_path: Path) -> None:
    data = tmp_path / "data"
    first = controller(data)
    send(first, Action.SET_DETAIL, 3, "Aýna")
    send(first, Action.START_FRESH)
    send(first, Action.NUMBER, 1)  # into the first scenario, then the program "crashes"
    save_details(data, EventDetails(facilitator="Someone else"))
    again = controller(data)
    assert again.offer is not None and send(again, Action.RESUME)
    assert again.title.details == ["", "", "Aýna"]


def test_the_title_shows_the_rows_and_the_letters_typed() -> None:
    pilot = Pilot(EXAMPLE, (1024, 768))
    shown = " ".join(t.text for t in pilot.drawn.texts())
    assert "Organisation: – Place: – Facilitator: –" in shown
    pilot.press("down", "down", "down", "down")  # language, participants, teams, then on
    assert pilot.app.controller.title.row() == (TitleRow.DETAIL, 0)
    pilot.type("Youth Union")
    pilot.press("l")  # a letter in a name, not the language key
    shown = " ".join(t.text for t in pilot.drawn.texts())
    assert "Youth Unionl_" in shown and pilot.app.controller.session.language == "en"
    pilot.press("backspace", "down")
    shown = " ".join(t.text for t in pilot.drawn.texts())
    assert "Youth Union _ Facilitator: –" in shown  # the place is being typed now
