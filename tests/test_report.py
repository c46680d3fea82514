"""The event report: numbers that match the log, escaped texts, damage reported, CLI codes."""

from __future__ import annotations

import csv
import io
import json
import re
import stat
from html import unescape
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from printing import pdf_pages, pdf_text, print_to_pdf
from session_sample import PACK, START, sample_commands, sample_events

from game.cli import main
from game.core.catalogue import say
from game.core.eventlog import EventLog, read_log
from game.core.events import upgrade, valid
from game.core.pack import Pack, load_pack
from game.core.report import (
    VoteTally,
    build_report,
    default_report_path,
    points_for,
    render_csv,
    render_html,
    write_report,
)

ROOT = Path(__file__).resolve().parents[1]
XSS = "<script>alert(1)</script>"


@pytest.fixture(scope="module")
def pack() -> Pack:
    result = load_pack(ROOT / PACK)
    assert result.pack is not None
    return result.pack


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))


def pick(rows: list[dict[str, str]], record: str, **match: str) -> list[dict[str, str]]:
    return [r for r in rows if r["record"] == record
            and all(r[k] == v for k, v in match.items())]


def visible_text(page: str) -> str:
    """The page's text as a reader sees it: tags gone, entities read, spaces collapsed."""
    body = re.split(r"<body[^>]*>", page, maxsplit=1)[1]
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", body)).split())


def session_value(rows: list[dict[str, str]], item: str) -> str:
    (row,) = pick(rows, "session", item=item)
    return row["value"]


def test_csv_numbers_match_the_session(tmp_path: Path) -> None:
    html_path, csv_path = write_report(sample_events(), tmp_path / "report.html")
    assert csv_path == tmp_path / "report.csv" and html_path.is_file()
    rows = csv_rows(csv_path.read_text(encoding="utf-8-sig"))

    assert session_value(rows, "date") == "2024-05-14"
    assert session_value(rows, "start") == "10:00"
    assert session_value(rows, "end") == "11:05"
    assert session_value(rows, "duration_minutes") == "65"
    assert session_value(rows, "participants") == "24"
    assert session_value(rows, "teams") == "2"
    assert session_value(rows, "scenarios_played") == "2"
    assert session_value(rows, "skipped_lines") == "0"
    assert session_value(rows, "ended_cleanly") == "yes"
    assert session_value(rows, "place") == "Youth centre, Mary"

    # The story: the undone choice is not in the path; degrees shown from 1.
    choices = pick(rows, "choice", scenario="job-offer-istanbul")
    assert [(c["item"], c["value"], c["degree"], c["degree_label"]) for c in choices] == [
        ("1:offer", "2", "1", "Safe"), ("2:contract", "2", "2", "Some risk")]
    risk = {r["item"]: r["value"] for r in pick(rows, "risk_points")}
    assert risk == {"total": "1", "safest": "0", "riskiest": "6"}
    assert pick(rows, "outcome")[0]["value"] == "safe"

    # The deck: ratings and points per team, deck and session scores.
    ratings = {(r["item"], r["team"]): (r["degree"], r["value"]) for r in pick(rows, "rating")}
    assert ratings == {("1", "Lions"): ("4", "2"), ("1", "Eagles"): ("3", "1"),
                       ("2", "Lions"): ("2", "1"), ("2", "Eagles"): ("4", "0"),
                       ("3", "Lions"): ("3", "2"), ("3", "Eagles"): ("3", "2")}
    assert [r["degree"] for r in pick(rows, "card")] == ["4", "1", "3"]
    assert {r["team"]: r["value"] for r in pick(rows, "deck_score")} == {"Lions": "5",
                                                                        "Eagles": "3"}
    assert {r["team"]: r["value"] for r in pick(rows, "team")} == {"Lions": "5", "Eagles": "3"}
    assert [r["item"] for r in pick(rows, "sign")] == ["passport-kept", "unknown-recruiter"]


def test_html_shows_the_same_numbers(tmp_path: Path) -> None:
    html_path, _ = write_report(sample_events(), tmp_path / "report.html")
    page = html_path.read_text(encoding="utf-8")
    text = visible_text(page)
    assert ("Date May 14, 2024 Time 10:00 – 11:05 Duration 1 h 05 min "
            "Place Youth centre, Mary Participants 24 Teams Lions, Eagles "
            "Team scores Lions 5 · Eagles 3 Language English") in text
    assert "Scenarios covered A job offer in Istanbul (story) — safe " \
           "Safe or risky? (card deck) — 3 cards rated" in text
    assert "Risk points: 1 (safest path: 0; riskiest path: 6)" in text
    # No pack: the log's ids made readable.
    assert "1 Offer Choice 2 1 Safe 2 Contract Choice 2 2 Some risk" in text
    # Card 1, pack says 4 Danger: Lions 4 (+2), Eagles 3 (+1).
    assert text.count("1 4 Danger 4 +2 3 +1") == 1
    assert "Points 5 3" in text  # the deck's total row
    # Nothing a partner does not need: no count of zero skipped lines.
    assert "skipped" not in text.lower() and "did not end cleanly" not in text
    # Self-contained: nothing fetched from anywhere.
    assert "http" not in page.replace('charset="utf-8"', "")
    assert "<link" not in page and "<script" not in page and "<img" not in page


def test_the_summary_comes_first_and_the_details_start_a_new_page(pack: Pack) -> None:
    page = render_html(build_report(sample_events(), pack=pack))
    text = visible_text(page)
    order = ["Event report", "Date", "Scenarios covered", "Warning signs discussed",
             "Cards the room misjudged most", "Details", "1. A job offer in Istanbul"]
    assert [text.index(word) for word in order] == sorted(text.index(w) for w in order)
    assert '<section class="page details">' in page
    assert ".page { break-before: page;" in page


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_summary_prints_on_the_first_a4_page(pack: Pack, lang: str,
                                                 tmp_path: Path) -> None:
    report = build_report(sample_events(), pack=pack, lang=lang)
    pdf = print_to_pdf(render_html(report), tmp_path)
    first, second = " ".join(pdf_text(pdf, 1).split()), " ".join(pdf_text(pdf, 2).split())
    for key in ("report", "covered", "signs", "misjudged"):
        assert say(f"report.{key}", lang) in first, key
    assert say("report.details", lang) not in first
    assert second.startswith(say("report.details", lang))
    assert pdf_pages(pdf) == 2


def test_the_cards_the_room_misjudged_most_are_named(pack: Pack) -> None:
    text = visible_text(render_html(build_report(sample_events(), pack=pack)))
    # Card 2: the pack says 1 Safe, Lions said 2 and Eagles 4: two degrees off on average.
    # Card 1 (half a degree off) and card 3 (exact) are not misjudged.
    assert ("Cards the room misjudged most A licensed agency gives you a contract in your "
            "language. (Safe or risky?) Pack's degree: 1 Safe · the room said: Lions 2, "
            "Eagles 4 — rated riskier than it is Details") in text


def test_the_pack_adds_sign_titles_and_choice_texts(pack: Pack) -> None:
    page = render_html(build_report(sample_events(), pack=pack))
    text = visible_text(page)
    assert "Warning signs discussed Someone keeps your passport A recruiter you cannot " \
           "check" in text
    assert "Ask for a written contract and check the agency" in text
    assert "A woman Aýna does not know offers her a waitress job in Istanbul." in text
    # The pack's words, never its ids.
    for identifier in ("passport-kept", "unknown-recruiter", "job-offer-istanbul",
                       "safe-or-risky"):
        assert identifier not in text, identifier
    rows = csv_rows(render_csv(build_report(sample_events(), pack=pack)))
    assert {r["item"]: r["value"] for r in pick(rows, "sign")} == {
        "passport-kept": "Someone keeps your passport",
        "unknown-recruiter": "A recruiter you cannot check"}


def test_organisation_and_facilitator_from_the_log_head_the_report() -> None:
    events = sample_commands()
    events[0] |= {"organisation": "Youth Union", "facilitator": "Aýna Muradowa"}
    text = visible_text(render_html(build_report(events)))
    assert "Place Youth centre, Mary Organisation Youth Union Facilitator Aýna Muradowa" in text
    plain = visible_text(render_html(build_report(sample_commands())))
    assert "Organisation" not in plain and "Facilitator" not in plain


def test_the_rooms_votes_are_shown_when_phones_were_used() -> None:
    report = build_report(sample_commands())
    assert "How the room voted" not in visible_text(render_html(report))
    assert pick(csv_rows(render_csv(report)), "vote") == []
    report.votes = [VoteTally("A job offer in Istanbul", "Aýna gets an offer <b>",
                              [("1 Safe", 3), ("2 Some risk", 9), ("4 Danger", 12)])]
    votes = pick(csv_rows(render_csv(report)), "vote")
    assert [(r["item"], r["degree_label"], r["value"]) for r in votes] == [
        ("Aýna gets an offer <b>", "1 Safe", "3"), ("Aýna gets an offer <b>", "2 Some risk", "9"),
        ("Aýna gets an offer <b>", "4 Danger", "12")]
    text = visible_text(render_html(report))
    assert ("How the room voted (phones) Step or card Votes Voters Aýna gets an offer <b> "
            "(A job offer in Istanbul) 1 Safe: 3 · 2 Some risk: 9 · 4 Danger: 12 24") in text


def test_report_is_in_the_sessions_language(pack: Pack) -> None:
    events = sample_events(language="ru")
    page = render_html(build_report(events, pack=pack))
    assert '<html lang="ru">' in page
    assert "Отчёт о мероприятии" in page
    assert "Степени риска" in page  # the pack's title in Russian
    assert "Кто-то забирает ваш паспорт" in page
    assert "1 Безопасно" in page
    assert "1 ч 05 мин" in page
    assert "Event report" not in page

    # Switched to Russian during the session: the report follows the language at the end.
    switched = [*sample_events()[:-1], {"v": 1, "t": "2024-05-14T11:04:00+05:00",
                                        "type": "language", "language": "ru"},
                sample_events()[-1]]
    assert build_report(switched).lang == "ru"
    # An unknown language falls back to English words.
    assert "Event report" in render_html(build_report(sample_events(language="fr")))


def test_titles_and_team_names_are_escaped(tmp_path: Path) -> None:
    events = sample_events(pack_title=f"Pack {XSS}", story_title=f"Story {XSS}",
                           teams=(f"Team {XSS}", "=HYPERLINK(\"http://x\")"))
    html_path, csv_path = write_report(events, tmp_path / "r.html", source=f"{XSS}.jsonl")
    page = html_path.read_text(encoding="utf-8")
    assert "<script" not in page
    assert "Pack &lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Story &lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Team &lt;script&gt;alert(1)&lt;/script&gt;" in page
    rows = csv_rows(csv_path.read_text(encoding="utf-8-sig"))
    # A spreadsheet must not run a team name as a formula.
    assert {r["team"] for r in pick(rows, "team")} == {f"Team {XSS}", "'=HYPERLINK(\"http://x\")"}


def test_a_torn_log_still_reports_and_says_how_many_lines_were_skipped(tmp_path: Path) -> None:
    log = EventLog(tmp_path, clock=lambda: START)
    for command in sample_commands(end=False):
        log.record(command)
    log.close()
    assert log.path is not None
    with open(log.path, "ab") as handle:
        handle.write(b"garbage\n" + b'{"v":1,"t":"2024-05-14T11:00:00+05:00","type":"ratin')
    out = tmp_path / "out" / "torn.html"
    assert main(["report", str(log.path), "--out", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert "2 unreadable lines of the session log were skipped." in visible_text(page)
    assert "did not end cleanly" in page
    rows = csv_rows(out.with_suffix(".csv").read_text(encoding="utf-8-sig"))
    assert session_value(rows, "skipped_lines") == "2"
    assert session_value(rows, "ended_cleanly") == "no"
    # Without session_end the team scores come from the cards themselves.
    assert {r["team"]: r["value"] for r in pick(rows, "team")} == {"Lions": "5", "Eagles": "3"}


def test_an_undo_from_the_debrief_replaces_the_scenarios_result() -> None:
    events = sample_commands()
    story_end = next(i for i, e in enumerate(events) if e["type"] == "scenario_end")
    first = dict(events[story_end], total=4, path=[{"step": "offer", "choice": 1, "degree": 3},
                                                   {"step": "ticket", "choice": 2,
                                                    "degree": 1}])
    events[story_end:story_end] = [first, {"type": "undo", "screen": "menu"}]
    report = build_report(events)
    stories = [s for s in report.scenarios if s.kind == "story"]
    assert len(stories) == 1 and stories[0].total == 1


def test_unfinished_scenario_is_listed_as_not_finished() -> None:
    events = [*sample_commands(end=False),
              {"type": "scenario_start", "scenario": "job-offer-istanbul", "kind": "story",
               "title": "Again", "step": None}]
    report = build_report(events)
    assert [s.finished for s in report.scenarios] == [True, True, False]
    assert len(report.finished_scenarios) == 2
    assert "not finished" in render_html(report)


def test_the_whole_room_as_one_team_is_named() -> None:
    events = sample_commands(teams=("", "B"))
    for event in events:
        if event["type"] == "session_start":
            event["teams"] = []
    page = render_html(build_report(events))
    assert "Team scores Whole room 5 · B 3" in visible_text(page)


def test_card_points_follow_the_scoring_rule_and_unknowns_score_nothing() -> None:
    assert [points_for(2, r) for r in (2, 1, 3, 0, None)] == [2, 1, 1, 0, 0]
    assert points_for(None, 2) == 0


def test_report_files_are_readable_by_everyone(tmp_path: Path) -> None:
    html_path, csv_path = write_report(sample_events(), tmp_path / "r.html")
    assert stat.S_IMODE(html_path.stat().st_mode) == 0o644
    assert stat.S_IMODE(csv_path.stat().st_mode) == 0o644


def test_default_report_path_is_beside_the_sessions() -> None:
    log = Path("/data/sessions/20240514-100000-abcdef.jsonl")
    assert default_report_path(log) == Path("/data/reports/20240514-100000-abcdef.html")


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 50) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner,
                                                                 max_size=3),
    max_leaves=8)
event_types = st.sampled_from(["session_start", "scenario_start", "choice", "rating",
                               "reveal", "advance", "undo", "menu", "language",
                               "scenario_end", "session_end", "unknown"])
field_names = st.sampled_from(["pack_title", "language", "participants", "teams", "place",
                               "scenario", "kind", "title", "step", "choice", "degree",
                               "label", "card", "ratings", "points", "outcome", "total",
                               "safest", "riskiest", "path", "cards", "signs",
                               "team_scores", "duration_s", "t"])


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(st.tuples(event_types, st.dictionaries(field_names, json_values, max_size=6)),
                max_size=12))
def test_any_damaged_log_still_makes_a_report(raw: list[tuple[str, dict[str, Any]]]) -> None:
    events = [{"v": 1, "type": kind, **fields} for kind, fields in raw]
    report = build_report(events, skipped_lines=3)
    page = render_html(report)
    # The 3 lines the log could not read, and every line of the wrong shape, are counted.
    malformed = sum(not valid(upgrade(e)) for e in events)
    assert report.skipped_lines == 3 + malformed
    assert f"{3 + malformed} unreadable lines of the session log were skipped." in (
        visible_text(page))
    assert render_csv(report).startswith("record,")


def test_a_real_session_through_the_core_reports_what_the_screen_showed(pack: Pack,
                                                                        tmp_path: Path) -> None:
    from game.core.session import Session

    log = EventLog(tmp_path)
    session = Session(pack, teams=["Lions", "Eagles"], participants=30, sink=log.record)
    session.begin()
    session.advance()
    session.start_scenario("job-offer-istanbul")
    session.choose(1)  # offer: written contract, risk 0
    session.advance()
    session.choose(0)  # contract: sign and keep a copy, risk 0
    for _ in range(20):
        if not session.advance():
            break
    session.end_session()
    log.close()
    assert log.path is not None
    read = read_log(log.path)
    rows = csv_rows(render_csv(build_report(read.events, pack=pack)))
    assert session_value(rows, "participants") == "30"
    assert session_value(rows, "scenarios_played") == "1"
    assert {r["item"]: r["value"] for r in pick(rows, "risk_points")} == {
        "total": "0", "safest": "0", "riskiest": "6"}


# --- the command line ---------------------------------------------------------------------


def write_sample_log(data_dir: Path, **options: Any) -> Path:
    times = iter(e["t"] for e in sample_events(**options))
    from datetime import datetime

    log = EventLog(data_dir, clock=lambda: datetime.fromisoformat(next(times)))
    for command in sample_commands(**options):
        log.record(command)
    log.close()
    assert log.path is not None
    return log.path


def test_report_of_a_data_folder_uses_its_latest_session(tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]
                                                         ) -> None:
    # Packs that are gone since: the report uses the log's own titles.
    write_sample_log(tmp_path, pack_title="Older", pack="gone")
    events = sample_events(pack_title="Newest", pack="gone")
    later = tmp_path / "sessions" / "20250101-090000-abcdef.jsonl"
    later.write_text("".join(json.dumps(e) + "\n" for e in events), encoding="utf-8")
    out = tmp_path / "r.html"
    assert main(["report", str(tmp_path), "--out", str(out)]) == 0
    assert "Newest" in out.read_text(encoding="utf-8")
    assert out.with_suffix(".csv").is_file()
    assert "wrote" in capsys.readouterr().out


def test_report_defaults_to_report_html_here(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    log = write_sample_log(tmp_path / "data", pack=str(ROOT / PACK))
    monkeypatch.chdir(tmp_path)
    assert main(["report", str(log)]) == 0
    assert (tmp_path / "report.csv").is_file()
    # The session's pack is still there: the warning signs get their titles.
    assert "Someone keeps your passport" in (tmp_path / "report.html").read_text("utf-8")


def test_report_defaults_to_the_users_data_folder(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    import game.core.eventlog as eventlog

    monkeypatch.setattr(eventlog, "default_data_dir", lambda: tmp_path / "data")
    out = tmp_path / "r.html"
    assert main(["report", "--out", str(out)]) == 1
    assert "no session log" in capsys.readouterr().err
    write_sample_log(tmp_path / "data")
    assert main(["report", "--out", str(out)]) == 0
    assert out.is_file()


def test_report_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(tmp_path / "missing")]) == 2
    assert "no such file or folder" in capsys.readouterr().err
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["report", str(empty)]) == 1
    assert "no session log" in capsys.readouterr().err
    junk = tmp_path / "junk.jsonl"
    junk.write_bytes(b"\x00\x01 not a log\n")
    assert main(["report", str(junk)]) == 1
    assert "no readable event" in capsys.readouterr().err
    log = write_sample_log(tmp_path / "data")
    assert main(["report", str(log), "--out", str(tmp_path / "r.csv")]) == 2
    blocker = tmp_path / "file.txt"
    blocker.write_text("x")
    assert main(["report", str(log), "--out", str(blocker / "r.html")]) == 1
    assert "cannot write" in capsys.readouterr().err


def whole_day(pack: Pack) -> list[dict[str, Any]]:
    """Every scenario of `pack` played by six teams, as the log of a long event day."""
    from game.core.session import ScreenKind, Session

    events: list[dict[str, Any]] = []
    teams = ["Lions", "Eagles", "Wolves", "Owls", "Bears", "Foxes"]
    session = Session(pack, teams=teams, participants=40, sink=events.append)
    session.set_details("Youth Union of Turkmenistan", "Mary, school 5", "Aýna Muradowa")
    session.begin()
    session.advance()
    turn = 0
    for sid in pack.scenarios:
        session.start_scenario(sid)
        while session.screen is not ScreenKind.MENU:
            turn += 1
            if session.screen is ScreenKind.STEP:
                story = session.story
                assert story is not None and session.play is not None
                session.choose(turn % len(story.steps[session.play.step].choices or [1]))
            elif session.screen is ScreenKind.RATING:
                for team in range(len(teams)):
                    session.rate((turn + team) % 4, team)
                session.advance()
            elif not session.advance():
                break
    session.end_session()
    return events


def test_votes_from_the_log_name_the_scenario_by_its_title(pack: Pack) -> None:
    events = sample_events()
    events.insert(-1, {"v": 1, "t": "2024-05-14T11:00:00+05:00", "type": "votes_revealed",
                       "question": "job-offer-istanbul/offer", "scenario": "job-offer-istanbul",
                       "step": "offer", "counts": [3, 9]})
    text = visible_text(render_html(build_report(events, pack=pack)))
    assert "How the room voted (phones)" in text
    assert "(A job offer in Istanbul)" in text and "job-offer-istanbul" not in text
    text = visible_text(render_html(build_report(events)))  # no pack: the log's title
    assert "(A job offer in Istanbul)" in text and "job-offer-istanbul" not in text


@pytest.mark.parametrize("lang", ["en", "ru", "tk"])
def test_a_whole_days_summary_still_prints_on_one_page(lang: str, tmp_path: Path) -> None:
    result = load_pack(ROOT / "scenarios")
    assert result.pack is not None
    report = build_report(whole_day(result.pack), pack=result.pack, lang=lang)
    assert len(report.finished_scenarios) == len(result.pack.scenarios)
    report.votes = [VoteTally(report.scenarios[0].title, "Aýna gets a message",
                              [("1", 3), ("2", 9), ("3", 12), ("4", 8)])] * 2
    pdf = print_to_pdf(render_html(report), tmp_path)
    first, second = pdf_text(pdf, 1), " ".join(pdf_text(pdf, 2).split())
    assert say("report.votes", lang) in " ".join(first.split())
    assert second.startswith(say("report.details", lang))
