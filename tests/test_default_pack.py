"""The shipped pack teaches what content.md asks: every outcome, every sign, every ILO indicator."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from game.core.helplines import contacts_for
from game.core.model import ILO_INDICATORS, Deck, Story
from game.core.pack import Pack, load_pack

ROOT = Path(__file__).resolve().parents[1]

# The one reminder the shipped pack gives on purpose: the two hotlines in Turkmenistan that
# IOM supports are named without numbers, which the facilitator confirms before the event.
REMINDER = ("scenarios/pack.yaml:", "help contact 7: contact 'TODO: ask IOM' is "
            "still a placeholder")


@pytest.fixture(scope="module")
def pack() -> Pack:
    result = load_pack(ROOT / "scenarios", "scenarios")
    problems = [p.format() for p in result.problems]
    assert len(problems) == 1 and all(part in problems[0] for part in REMINDER), problems
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


# content.md's table of checked contacts (December 2026): every number in the pack is one of
# these, in the country the table gives it.
CHECKED = {"157": {"tr"}, "903121571112": {"tr"}, "112": {"tr", "ru", "gb"},
           "08000121700": {"gb"}, "999": {"gb", "ae"}, "191": {"th"}, "1155": {"th"},
           "1300": {"th"}, "02": {"tm"}}


def test_help_contacts_are_only_the_checked_ones_each_where_it_serves(pack: Pack) -> None:
    for contact in pack.info.help:
        texts = [contact.contact, *(contact.note.root.values() if contact.note and
                                    isinstance(contact.note.root, dict) else [])]
        for text in texts:
            for number in re.findall(r"\+?\d[\d ]*\d|\d", text):
                digits = re.sub(r"\D", "", number)
                assert digits in CHECKED, (number, contact.contact)
                assert set(contact.where) <= CHECKED[digits] or not contact.where, contact
    assert pack.info.home == "tm"


def test_every_story_says_where_it_happens_and_shows_that_countrys_help_first(
        pack: Pack) -> None:
    for sid, scenario in pack.scenarios.items():
        if isinstance(scenario, Deck):
            continue
        assert scenario.destination is not None, sid
        first = contacts_for(pack, scenario)[0]
        assert scenario.destination in first.where, (sid, first.contact)


def test_every_question_has_an_answer_for_the_guide(pack: Pack) -> None:
    for sid, scenario in pack.scenarios.items():
        assert len(scenario.answers) == len(scenario.questions), sid


def test_every_scenarios_notes_say_the_degree_rates_the_situation_not_the_person(
        pack: Pack) -> None:
    words = {"en": "not the person", "ru": "не человека", "tk": "adama däl"}
    for sid, scenario in pack.scenarios.items():
        assert scenario.notes is not None, sid
        for lang, phrase in words.items():
            assert phrase in pack.text(scenario.notes, lang), (sid, lang)


# ------------------------------------------------------------------ degrees a facilitator defends
#
# The pack's rule (docs/default-pack.md): a step that checks, refuses or reaches help is Safe;
# going along with one sign is Some risk, with several High risk, once there are signs of
# trafficking or forced labour Danger. Two things would contradict it, and are looked for:
# the same warning signs met by the same kind of act at different degrees; and a step towards
# help (calling, texting or telling someone who can help) above Safe. The kind of act is read
# from the choice's first verb, in English.

REACH = {"call", "text", "message", "tell", "report", "borrow", "ask"}
CHECK = {"ask", "check", "look", "find", "write", "compare", "stop", "refuse", "say", "block",
         "offer", "agree", "save", "photograph", "hang", "confront", "demand", "apply"}
HELPER = re.compile(r"\b(police|embassy|consulate|hotline|helpline|iom|112|157|family|mother|"
                    r"sister|brother|parents|operator|mum|adviser)\b", re.I)
LEAD_IN = re.compile(r"^(at [^,]+, |quietly |secretly |politely |first |then )+", re.I)


def _act(text: str) -> str:
    """`reach` (towards help), `check`, `along` (goes along), or `along+` (with a safeguard)."""
    words = re.findall(r"[a-z]+", LEAD_IN.sub("", text.lower()))
    verb = words[0] if words else ""
    if verb in REACH and HELPER.search(text):
        return "reach"
    if verb in CHECK or verb in REACH:
        return "check"
    return "along+" if re.search(r", (but|then)\b", text) else "along"


def _acts(pack: Pack) -> list[tuple[str, str, frozenset[str], int]]:
    """(where, kind of act, signs, degree) of every choice and card; a card is a situation
    one goes along with."""
    rows = []
    for sid, scenario in pack.scenarios.items():
        if isinstance(scenario, Story):
            for step_id, step in scenario.steps.items():
                for i, c in enumerate(step.choices or []):
                    rows.append((f"{sid}/{step_id}#{i + 1}", _act(pack.text(c.text, "en")),
                                 frozenset(c.signs), c.risk))
        else:
            rows += [(f"{sid}#{i + 1}", "along", frozenset(c.signs), c.risk)
                     for i, c in enumerate(scenario.cards)]
    return rows


def test_the_same_signs_and_kind_of_act_have_one_degree_across_the_pack(pack: Pack) -> None:
    degrees: dict[tuple[str, frozenset[str]], dict[int, list[str]]] = defaultdict(dict)
    for where, act, signs, risk in _acts(pack):
        if act != "check":  # checking is Safe or, when it leaves a sign unchecked, Some risk
            degrees[(act, signs)].setdefault(risk, []).append(where)
    contradictions = {f"{act} {sorted(signs)}": found
                      for (act, signs), found in degrees.items() if len(found) > 1}
    assert contradictions == {}


def test_a_step_towards_help_is_safe_everywhere(pack: Pack) -> None:
    above = [(where, risk) for where, act, _signs, risk in _acts(pack)
             if act == "reach" and risk != 0]
    assert above == []


def test_the_contradiction_finder_sees_the_examples_of_the_review() -> None:
    assert _act("Secretly text her mother where she is and ask for help") == "reach"
    assert _act("Tell her older sister Maýsa before deciding anything") == "reach"
    assert _act("At the mall, quietly ask another nanny to lend her a phone") == "check"
    assert _act("Send the passport photo: the job could go to someone else") == "along"
    assert _act("Fly, but leave passport copies and a code word with her family") == "along+"


def test_the_second_edition_has_a_study_story_and_the_bad_job_deck(pack: Pack) -> None:
    study = pack.scenarios["study-turkiye"]
    assert isinstance(study, Story) and study.destination == "tr"
    deck = pack.scenarios["cards-bad-job"]
    assert isinstance(deck, Deck) and len(deck.cards) >= 12
    signs = {s for card in deck.cards for s in card.signs}
    assert {"irregular-crossing", "locked-in", "wages-withheld"} <= signs
    # Every explanation but the fair job's says what help fits the case.
    fits = [c for c in deck.cards if "What fits" in pack.text(c.explanation, "en")]
    assert len(fits) == len(deck.cards) - 1
