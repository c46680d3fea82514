"""The facilitator's guide: plans that add up, every question and degree, safeguarding."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from markupsafe import escape
from printing import pdf_pages, pdf_text, print_to_pdf

from game.cli import main
from game.core.catalogue import say
from game.core.guide import (
    build_guide,
    choice_steps,
    questions_of,
    render_guide,
    scenario_minutes,
)
from game.core.model import Card, Choice, Deck, Step, Story, Text
from game.core.pack import Pack, load_pack

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "tests" / "packs" / "format-example"


@pytest.fixture(scope="module")
def pack() -> Pack:
    result = load_pack(ROOT / "scenarios")
    assert result.pack is not None and not result.errors
    return result.pack


@pytest.mark.parametrize("lang", ["en", "ru", "tk"])
def test_the_guide_has_safeguarding_plans_questions_and_every_degree(pack: Pack,
                                                                     lang: str) -> None:
    page = render_guide(pack, lang)
    assert f'<html lang="{lang}">' in page
    for key in ("safe_title", "safe_probe_head", "safe_private_head", "safe_refer_head",
                "safe_confidential_head", "safe_step_out_head", "safe_say"):
        assert escape(say(f"guide.{key}", lang)) in page, key
    for minutes in (60, 90):
        assert escape(say("guide.plan_title", lang, n=minutes)) in page
    for model in pack.scenarios.values():
        assert escape(pack.text(model.title, lang)) in page
        for question in model.questions:
            assert escape(pack.text(question, lang)) in page
        if isinstance(model, Story):
            for step in model.steps.values():
                for choice in step.choices or []:
                    assert escape(pack.text(choice.text, lang)) in page
                    assert escape(pack.text(choice.feedback, lang)) in page
        else:
            for card in model.cards:
                assert escape(pack.text(card.explanation, lang)) in page
    # The safeguarding comes before the plans and the scenarios.
    assert page.index(escape(say("guide.safe_title", lang))) < page.index(
        escape(say("guide.plan_title", lang, n=60)))


@pytest.mark.parametrize("minutes", [60, 90])
def test_each_plan_fills_its_time_without_gaps_or_overlaps(pack: Pack, minutes: int) -> None:
    plan = next(p for p in build_guide(pack, "en").plans if p.minutes == minutes)
    assert plan.rows[0].start == 0 and plan.rows[-1].end == minutes
    assert all(a.end == b.start for a, b in zip(plan.rows, plan.rows[1:]))
    played = [r.scenario for r in plan.rows if r.scenario is not None]
    assert any(s.kind == "story" for s in played)
    assert all(r.end - r.start == r.scenario.minutes for r in plan.rows if r.scenario)
    # Whatever did not fit is offered for another session; nothing is lost.
    assert len(played) + len(plan.also) == len(pack.scenarios)


def test_the_90_minute_plan_has_a_story_and_a_deck(pack: Pack) -> None:
    plan = build_guide(pack, "en").plans[1]
    kinds = [r.scenario.kind for r in plan.rows if r.scenario is not None]
    assert "story" in kinds and "cards" in kinds


def test_lengths_come_from_the_scenarios(pack: Pack) -> None:
    deck = next(m for m in pack.scenarios.values() if isinstance(m, Deck))
    assert scenario_minutes(deck) == len(deck.cards) * 2 + 4
    story = pack.scenarios["waitress-istanbul"]
    assert isinstance(story, Story)
    fewest, most = choice_steps(story)
    assert 1 <= fewest <= most <= len(story.steps)
    assert scenario_minutes(story) == most * 3 + 6


def chain_story(length: int) -> Story:
    steps = {f"s{i}": Step(text=Text("t"), choices=[
        Choice(text=Text("a"), risk=0, feedback=Text("f"), next=f"s{i + 1}"),
        Choice(text=Text("b"), risk=1, feedback=Text("f"), next="end")])
        for i in range(length)}
    steps[f"s{length}"] = Step(text=Text("t"), outcome="safe")
    steps["end"] = Step(text=Text("t"), outcome="harmed")
    return Story(kind="story", title=Text("T"), summary=Text("S"), steps=steps)


def test_a_long_chain_is_walked_without_recursion() -> None:
    assert choice_steps(chain_story(1500)) == (1, 1500)
    assert choice_steps(chain_story(2)) == (1, 2)


def test_expected_answers_are_shown_beside_their_questions(pack: Pack) -> None:
    model = Deck(kind="cards", title=Text("T"), summary=Text("S"),
                 cards=[Card(text=Text("c"), risk=0, explanation=Text("e"))],
                 questions=[Text("Why?"), Text("Who?")],
                 answers=[Text({"en": "Because.", "ru": "Потому что."})])
    asked = questions_of(pack, model, "ru")
    assert [(q.text, q.answer) for q in asked] == [("Why?", "Потому что."), ("Who?", "")]
    without = [m for m in pack.scenarios.values() if len(m.answers) < len(m.questions)]
    page = render_guide(pack, "en")
    assert ("No expected answer given in the pack." in page) == bool(without)
    for model in pack.scenarios.values():
        for answer in model.answers:
            assert escape(pack.text(answer, "en")) in page


def test_guide_command_writes_guide_lang_html_here(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["guide", "--pack", str(EXAMPLE), "--lang", "ru"]) == 0
    out = tmp_path / "guide-ru.html"
    assert "Руководство ведущего" in out.read_text("utf-8")
    assert stat.S_IMODE(out.stat().st_mode) == 0o644
    assert "wrote guide-ru.html" in capsys.readouterr().out
    assert main(["guide", "--pack", str(EXAMPLE), "--lang", "tk"]) == 2
    assert "no language 'tk'; it has: en, ru" in capsys.readouterr().err
    assert main(["guide", "--pack", str(tmp_path / "nope")]) == 2


@pytest.mark.parametrize("lang", ["en", "ru", "tk"])
def test_the_safeguarding_prints_whole_on_the_first_page(pack: Pack, lang: str,
                                                         tmp_path: Path) -> None:
    """Headless Chromium prints the guide: what to do on a disclosure is read first."""
    pdf = print_to_pdf(render_guide(pack, lang), tmp_path)
    first = " ".join(pdf_text(pdf, 1).split())
    for key in ("safe_title", "safe_step_out_head"):
        assert " ".join(say(f"guide.{key}", lang).split()) in first, key
    assert say("guide.safe_say", lang).split()[-1] in first  # its last word too
    assert pdf_pages(pdf) > 2
