"""Help where the story happens: `where`, `home`, `destination` and `answers`, checked and shown."""

from __future__ import annotations

from pathlib import Path

from game.core.helplines import contacts_by_country, contacts_for
from game.core.session import ScreenKind
from game.ui.pilot import Pilot
from tests.packtools import STORY_YAML, find, load, write_pack

PACK_WITH_PLACES = """\
title: Test pack
languages: [en]
risk_scale: [{label: Safe}, {label: Some risk}, {label: High risk}, {label: Danger}]
home: tm
help:
  - name: Police at home
    contact: "02"
    where: [tm]
  - name: Website for all
    contact: www.example.org
  - name: Thai police
    contact: "191"
    where: [th]
  - name: Migration line
    contact: "157"
    where: [TR]
  - name: Emergency
    contact: "112"
    where: [tr, ru]
"""


def _story(destination: str | None = None, extra: str = "") -> str:
    head = STORY_YAML.replace("summary: Aýna gets a message\n",
                              "summary: Aýna gets a message\n"
                              + (f"destination: {destination}\n" if destination else "")
                              + extra)
    return head


def _names(contacts: list) -> list[str]:  # type: ignore[type-arg]
    return [str(c.name.root) for c in contacts]


def test_contacts_for_the_destination_come_first_then_home_then_everywhere(
        tmp_path: Path) -> None:
    result = load(write_pack(tmp_path, {"pack.yaml": PACK_WITH_PLACES,
                                        "story.yaml": _story("tr")}))
    assert result.problems == []
    assert result.pack is not None
    story = result.pack.scenarios["story"]
    assert _names(contacts_for(result.pack, story)) == [
        "Migration line", "Emergency", "Police at home", "Website for all"]
    # No destination: home, then everywhere; the Thai and Turkish lines do not fit.
    assert _names(contacts_for(result.pack, None)) == ["Police at home", "Website for all"]


def test_a_pack_without_places_shows_every_contact_as_written(tmp_path: Path) -> None:
    pack = PACK_WITH_PLACES.replace("home: tm\n", "")
    for key in ("    where: [tm]\n", "    where: [th]\n", "    where: [TR]\n",
                "    where: [tr, ru]\n"):
        pack = pack.replace(key, "")
    result = load(write_pack(tmp_path, {"pack.yaml": pack}))
    assert result.problems == [] and result.pack is not None
    assert _names(contacts_for(result.pack, result.pack.scenarios["story"])) == [
        "Police at home", "Website for all", "Thai police", "Migration line", "Emergency"]


def test_the_handout_groups_contacts_by_country_home_first_everywhere_last(
        tmp_path: Path) -> None:
    result = load(write_pack(tmp_path, {"pack.yaml": PACK_WITH_PLACES}))
    assert result.pack is not None
    groups = [(code, _names(cs)) for code, cs in contacts_by_country(result.pack)]
    assert groups == [("tm", ["Police at home"]), ("th", ["Thai police"]),
                      ("tr", ["Migration line", "Emergency"]), ("ru", ["Emergency"]),
                      (None, ["Website for all"])]


def test_the_debrief_help_screen_draws_the_destinations_contacts_first(tmp_path: Path) -> None:
    folder = write_pack(tmp_path, {"pack.yaml": PACK_WITH_PLACES, "story.yaml": _story("tr")})
    pilot = Pilot(folder, (1024, 768), paint=False)
    pilot.press("return", "return", "2")
    for _ in range(12):
        if pilot.screen is ScreenKind.DEBRIEF_HELP:
            break
        pilot.press("return")
    assert pilot.screen is ScreenKind.DEBRIEF_HELP
    shown = " ".join(t.text for t in pilot.drawn.texts())
    words = ("Migration line 157", "Emergency 112", "Police at home 02", "Website for all")
    order = [shown.index(word) for word in words]
    assert order == sorted(order), shown
    assert "Thai police" not in shown and "191" not in shown


# ------------------------------------------------------------------ the validator


def test_an_unknown_country_in_where_is_an_error_with_the_code_meant(tmp_path: Path) -> None:
    pack = PACK_WITH_PLACES.replace("where: [th]", "where: [uk]")
    problem = find(load(write_pack(tmp_path, {"pack.yaml": pack})), "pack.yaml",
                   "help contact 3, where entry 1", "'uk' is not a country code",
                   "did you mean 'gb'?", severity="error")
    assert (problem.line, problem.col) == (13, 13)


def test_a_country_name_instead_of_a_code_suggests_the_code(tmp_path: Path) -> None:
    problem = find(load(write_pack(tmp_path, {"pack.yaml": PACK_WITH_PLACES,
                                              "story.yaml": _story("Turkiye")})),
                   "story.yaml", "destination: 'Turkiye' is not a country code",
                   "did you mean 'tr'?", severity="error")
    assert (problem.line, problem.col) == (4, 14)


def test_an_unknown_home_is_an_error(tmp_path: Path) -> None:
    pack = PACK_WITH_PLACES.replace("home: tm", "home: tkm")
    problem = find(load(write_pack(tmp_path, {"pack.yaml": pack})), "pack.yaml",
                   "home: 'tkm' is not a country code", severity="error")
    assert (problem.line, problem.col) == (4, 7)


def test_a_destination_no_contact_serves_is_a_warning(tmp_path: Path) -> None:
    result = load(write_pack(tmp_path, {"pack.yaml": PACK_WITH_PLACES,
                                        "story.yaml": _story("ae")}))
    problem = find(result, "story.yaml", "destination 'ae': no help contact",
                   "where: [ae]", severity="warning")
    assert (problem.line, problem.col) == (4, 14)
    assert result.pack is not None and "story" in result.pack.scenarios


def test_more_answers_than_questions_is_an_error_at_the_extra_answer(tmp_path: Path) -> None:
    extra = ("questions:\n  - Why?\nanswers:\n  - Because the pay was too high.\n"
             "  - An extra answer.\n")
    result = load(write_pack(tmp_path, {"story.yaml": _story(extra=extra)}))
    problem = find(result, "story.yaml", "answers: 2 answers for 1 question",
                   "answer 2 has no question", severity="error")
    assert (problem.line, problem.col) == (8, 5)
    assert result.pack is not None and "story" in result.pack.left_out


def test_answers_as_many_as_the_questions_load_in_every_language(tmp_path: Path) -> None:
    extra = "questions:\n  - Why?\n  - Who?\nanswers:\n  - Because the pay was too high.\n"
    result = load(write_pack(tmp_path, {"story.yaml": _story(extra=extra)}))
    assert result.problems == []
    assert result.pack is not None
    story = result.pack.scenarios["story"]
    assert [a.root for a in story.answers] == ["Because the pay was too high."]
