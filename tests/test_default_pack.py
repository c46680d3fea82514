"""The shipped pack teaches what content.md asks: every outcome, every sign, every ILO indicator."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from game.core.model import ILO_INDICATORS, Deck, Story
from game.core.pack import Pack, load_pack

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def pack() -> Pack:
    result = load_pack(ROOT / "scenarios", "scenarios")
    assert [p.format() for p in result.problems] == []  # validate --strict passes
    assert result.pack is not None
    return result.pack


def _endings_reachable(story: Story) -> set[str]:
    outcomes: set[str] = set()
    todo, seen = [story.start_step], set()
    while todo:
        step_id = todo.pop()
        if step_id in seen:
            continue
        seen.add(step_id)
        step = story.steps[step_id]
        if step.choices:
            todo += [c.next for c in step.choices]
        elif step.outcome:
            outcomes.add(step.outcome)
    return outcomes


def test_the_pack_has_three_languages_and_a_scale_of_four_or_five(pack: Pack) -> None:
    assert pack.languages == ["en", "ru", "tk"]
    assert len(pack.info.risk_scale) in (4, 5)
    assert all(d.meaning is not None for d in pack.info.risk_scale)


def test_every_story_reaches_all_three_outcomes(pack: Pack) -> None:
    stories = {sid: s for sid, s in pack.scenarios.items() if isinstance(s, Story)}
    assert len(stories) >= 6
    for sid, story in stories.items():
        assert _endings_reachable(story) == {"safe", "harmed", "helped"}, sid
        assert sum(1 for s in story.steps.values() if s.choices) >= 4, sid
        assert story.notes is not None and story.questions, sid


def test_decks_have_24_cards_using_every_degree_three_times(pack: Pack) -> None:
    decks = [s for s in pack.scenarios.values() if isinstance(s, Deck)]
    assert len(decks) >= 2
    cards = [c for d in decks for c in d.cards]
    assert len(cards) >= 24
    counts = Counter(c.risk for c in cards)
    assert all(counts[d] >= 3 for d in range(len(pack.info.risk_scale))), counts
    assert all(d.notes is not None and d.questions for d in decks)


def test_every_sign_is_met_somewhere_and_all_ilo_indicators_are_covered(pack: Pack) -> None:
    met: set[str] = set()
    for scenario in pack.scenarios.values():
        if isinstance(scenario, Story):
            for step in scenario.steps.values():
                for choice in step.choices or []:
                    met.update(choice.signs)
        else:
            for card in scenario.cards:
                met.update(card.signs)
    assert len(pack.signs) >= 15
    assert met == set(pack.signs)
    assert {s.indicator for s in pack.signs.values()} >= set(ILO_INDICATORS)


def test_help_contacts_invent_no_phone_numbers(pack: Pack) -> None:
    import re

    for contact in pack.info.help:
        digits = re.sub(r"\D", "", contact.contact)
        assert digits in ("", "02", "112"), contact.contact
