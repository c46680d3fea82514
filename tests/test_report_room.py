"""The event report says how the room voted from phones on each step and card."""

from __future__ import annotations

import json
from pathlib import Path

from game.core.commands import Action
from game.core.pack import load_pack
from game.core.report import build_report, render_html
from tests.controller_play import EXAMPLE, controller, send
from tests.test_room_votes import _votes


def _events(data_dir: Path) -> list[dict[str, object]]:
    (log,) = (data_dir / "sessions").glob("*.jsonl")
    return [json.loads(line) for line in log.read_text().splitlines()]


def test_the_report_gives_the_room_s_most_common_answer_with_its_share(tmp_path: Path) -> None:
    control = controller(tmp_path)
    send(control, Action.START_FRESH)
    send(control, Action.NUMBER, 1)
    _votes(control, [2, 2, 1, 2, 2, 1, 2, 2])
    send(control, Action.CONFIRM)
    send(control, Action.CONFIRM)
    send(control, Action.TO_MENU)
    send(control, Action.NUMBER, 2)  # the deck, the whole room as one team
    _votes(control, [3, 3, 4])
    send(control, Action.CONTINUE)
    send(control, Action.END_SESSION)
    control.close()
    pack = load_pack(EXAMPLE).pack
    report = build_report(_events(tmp_path), pack=pack)
    step, card = report.votes
    assert step.lead == "75% chose 2 — Ask for a written contract and check the agency"
    assert [count for _, count in step.options] == [2, 6]
    assert card.lead == "67% chose 3 — High risk" and card.total == 3
    html = render_html(report)
    assert "How the room voted (phones)" in html and "75% chose 2" in html
    assert "phone-" not in html  # counts only, never a phone's token


def test_a_session_without_phones_has_no_room_section(tmp_path: Path) -> None:
    control = controller(tmp_path)
    send(control, Action.START_FRESH)
    send(control, Action.NUMBER, 1)
    send(control, Action.NUMBER, 2)
    send(control, Action.END_SESSION)
    control.close()
    report = build_report(_events(tmp_path), pack=load_pack(EXAMPLE).pack)
    assert report.votes == []
    assert "How the room voted" not in render_html(report)
