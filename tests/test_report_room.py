"""The event report says how the room voted from phones on each step and card."""

from __future__ import annotations

from game.core.report import build_report, render_html, room_lines

EVENTS = [
    {"type": "session_start", "t": "2026-12-02T10:00:00+05:00", "pack_title": "Demo",
     "language": "en", "teams": [], "participants": 30},
    {"type": "scenario_start", "scenario": "job", "kind": "story", "title": "The job offer"},
    {"type": "votes", "scenario": "job", "step": "offer", "question": "s.job.offer.0",
     "counts": [2, 1, 0]},
    {"type": "votes", "scenario": "job", "step": "offer", "question": "s.job.offer.0",
     "counts": [3, 13, 5]},
    {"type": "choice", "scenario": "job", "step": "offer", "choice": 2, "degree": 0,
     "label": "Safe"},
    {"type": "scenario_end", "scenario": "job", "kind": "story", "title": "The job offer",
     "path": [{"step": "offer", "choice": 2, "degree": 0}], "total": 0, "safest": 0,
     "riskiest": 3},
    {"type": "scenario_start", "scenario": "deck", "kind": "cards", "title": "Cards"},
    {"type": "votes", "scenario": "deck", "card": 1, "question": "c.deck.1",
     "counts": [1, 2, 5, "<b>", -4]},
    {"type": "scenario_end", "scenario": "deck", "kind": "cards", "title": "Cards",
     "cards": [{"card": 1, "degree": 2, "ratings": {"": 2}}]},
]


def test_the_report_gives_the_room_s_most_common_answer_with_its_share() -> None:
    report = build_report(EVENTS)
    story, deck = report.scenarios
    assert story.path[0].room == (3, 13, 5)
    assert room_lines(report, story) == [
        "Step 1: 62% chose 2 (13 of the room's 21 votes)"]
    # Damaged counts in a log are read as nothing, never as text.
    assert deck.cards[0].room == (1, 2, 5, 0, 0)
    assert room_lines(report, deck) == ["Card 1: 62% gave 3 (5 of the room's 8 votes)"]
    html = render_html(report)
    assert "How the room voted from phones" in html and "<b>" not in html


def test_a_session_without_phones_has_no_room_section() -> None:
    events = [e for e in EVENTS if e["type"] != "votes"]
    report = build_report(events)
    assert all(room_lines(report, s) == [] for s in report.scenarios)
    assert "How the room voted" not in render_html(report)
