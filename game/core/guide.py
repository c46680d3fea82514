"""The facilitator's guide: a printable document built from the pack.

Two session plans (60 and 90 minutes) made of the pack's scenarios and their
lengths, what to do if a participant discloses a personal situation, and for each
scenario its notes, how every degree is defended (the degree and the signs of each
choice or card, with the pack's explanation) and the discussion questions with the
expected answers (`answers:` beside `questions:`, when the pack gives them).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.core.documents import render, user_template_folders
from game.core.files import write_atomic
from game.core.handout import ContactGroup, contact_groups
from game.core.model import Deck, Story
from game.core.pack import Pack, ScenarioModel

# How long things take in a room, in minutes: reading a step aloud, the room deciding and
# the feedback (per choice on the longest path); a card read, rated and revealed; the
# debrief after a scenario. Rough on purpose: the plan says "about".
STEP_MINUTES = 3
CARD_MINUTES = 2
STORY_DEBRIEF_MINUTES = 6
DECK_DEBRIEF_MINUTES = 4
OPENING_MINUTES = 5
CLOSING_MINUTES = {60: 5, 90: 10}
PLAN_LENGTHS = (60, 90)
DISCUSSION_MINUTES = 5  # the shortest open discussion worth a line of the plan


@dataclass
class Defence:
    """One choice or card: what it says, its degree, the signs it carries, why."""

    text: str
    degree: str
    signs: list[str]
    why: str


@dataclass
class Situation:
    """A story step with its choices (a deck has one situation per card)."""

    text: str
    choices: list[Defence]


@dataclass
class Question:
    """A discussion question and the answer the pack expects ('' when it gives none)."""

    text: str
    answer: str


@dataclass
class GuideScenario:
    """A scenario as the guide describes it."""

    id: str
    title: str
    kind: str
    summary: str
    notes: str
    minutes: int
    length: str
    situations: list[Situation] = field(default_factory=list)
    cards: list[Defence] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)


@dataclass
class PlanRow:
    """One block of a session plan: from and to (minutes), what, and the scenario if any."""

    start: int
    end: int
    what: str
    scenario: GuideScenario | None = None


@dataclass
class Plan:
    """A session plan of `minutes`, and the scenarios that did not fit it."""

    minutes: int
    rows: list[PlanRow]
    also: list[GuideScenario]


def choice_steps(story: Story) -> tuple[int, int]:
    """The fewest and the most choices on a way from the start to an ending.

    Walked without recursion (a story may be a chain of 1,500 steps); a step met
    again on the way (a loop) ends that way.
    """
    memo: dict[str, tuple[int, int]] = {}
    on_way: set[str] = set()
    stack: list[tuple[str, bool]] = [(story.start_step, False)]
    while stack:
        step_id, done = stack.pop()
        step = story.steps.get(step_id)
        if step is None or not step.choices:
            memo[step_id] = (0, 0)
            continue
        if done:
            on_way.discard(step_id)
            found = [memo[c.next] for c in step.choices if c.next in memo]
            memo[step_id] = (1 + min((f[0] for f in found), default=0),
                             1 + max((f[1] for f in found), default=0))
            continue
        if step_id in memo or step_id in on_way:
            continue
        on_way.add(step_id)
        stack.append((step_id, True))
        stack += [(c.next, False) for c in step.choices
                  if c.next not in memo and c.next not in on_way]
    return memo.get(story.start_step, (0, 0))


def scenario_minutes(model: ScenarioModel) -> int:
    """About how long a scenario takes with a room, debrief included."""
    if isinstance(model, Story):
        return choice_steps(model)[1] * STEP_MINUTES + STORY_DEBRIEF_MINUTES
    return len(model.cards) * CARD_MINUTES + DECK_DEBRIEF_MINUTES


def session_plan(scenarios: Sequence[GuideScenario], minutes: int, lang: str,
                 say: Any) -> Plan:
    """A plan of `minutes`: the opening, the scenarios in menu order that fit, the closing.

    The pack's first story goes in first (the heart of the game), then its first deck
    when the time allows, then the others in menu order; a shorter scenario fills a
    gap a longer one cannot; time left over goes to open discussion.
    """
    closing = CLOSING_MINUTES.get(minutes, 10)
    budget = minutes - OPENING_MINUTES - closing
    first_story = next((s for s in scenarios if s.kind == "story"), None)
    first_deck = next((s for s in scenarios if s.kind == "cards"), None)
    wanted = [s for s in (first_story, first_deck) if s is not None]
    wanted += [s for s in scenarios if s not in wanted]
    chosen: list[GuideScenario] = []
    for scenario in wanted:
        if scenario.minutes <= budget - sum(s.minutes for s in chosen):
            chosen.append(scenario)
    chosen.sort(key=lambda s: list(scenarios).index(s))
    rows = [PlanRow(0, OPENING_MINUTES, say("guide.plan_opening", lang))]
    at = OPENING_MINUTES
    for scenario in chosen:
        rows.append(PlanRow(at, at + scenario.minutes, scenario.title, scenario))
        at += scenario.minutes
    spare = minutes - closing - at
    if spare >= DISCUSSION_MINUTES:
        rows.append(PlanRow(at, at + spare, say("guide.plan_discussion", lang)))
        at += spare
    # A few spare minutes are not a block of their own: the closing takes them.
    rows.append(PlanRow(at, minutes, say("guide.plan_closing", lang)))
    return Plan(minutes, rows, [s for s in scenarios if s not in chosen])


def questions_of(pack: Pack, model: ScenarioModel, lang: str) -> list[Question]:
    """The discussion questions of `model`, each with its expected answer (or '').

    `answers:` goes beside `questions:` in the pack, one answer per question in order;
    a question without one says so in the guide.
    """
    answers = list(model.answers)
    return [Question(pack.text(q, lang),
                     pack.text(answers[i], lang) if i < len(answers) else "")
            for i, q in enumerate(model.questions)]


def _degree(pack: Pack, risk: int, lang: str) -> str:
    scale = pack.info.risk_scale
    name = pack.text(scale[risk].label, lang) if 0 <= risk < len(scale) else "?"
    return f"{risk + 1} {name}"


def _signs(pack: Pack, ids: Sequence[str], lang: str) -> list[str]:
    return [pack.text(pack.signs[s].title, lang) if s in pack.signs else s for s in ids]


def guide_scenario(pack: Pack, sid: str, model: ScenarioModel, lang: str,
                   say: Any) -> GuideScenario:
    """One scenario of the pack as the guide shows it."""
    shown = GuideScenario(sid, pack.text(model.title, lang), model.kind,
                          pack.text(model.summary, lang), pack.text(model.notes, lang),
                          scenario_minutes(model), "",
                          questions=questions_of(pack, model, lang))
    if isinstance(model, Deck):
        shown.cards = [Defence(pack.text(c.text, lang), _degree(pack, c.risk, lang),
                               _signs(pack, c.signs, lang), pack.text(c.explanation, lang))
                       for c in model.cards]
        shown.length = say("guide.length_cards", lang, n=len(model.cards))
        return shown
    fewest, most = choice_steps(model)
    shown.situations = [
        Situation(pack.text(step.text, lang),
                  [Defence(pack.text(c.text, lang), _degree(pack, c.risk, lang),
                           _signs(pack, c.signs, lang), pack.text(c.feedback, lang))
                   for c in step.choices or []])
        for step in model.steps.values() if step.choices]
    shown.length = say("guide.length_story", lang, low=fewest, high=most,
                       n=len(shown.situations))
    return shown


@dataclass
class Guide:
    """Everything the guide shows, in one language."""

    lang: str
    title: str
    scale: list[tuple[str, str]]
    scenarios: list[GuideScenario]
    plans: list[Plan]
    help: list[ContactGroup]


def build_guide(pack: Pack, lang: str) -> Guide:
    """The guide of `pack` in `lang` (texts missing in `lang` in the pack's first language)."""
    from game.core.catalogue import say

    scenarios = [guide_scenario(pack, sid, model, lang, say)
                 for sid, model in pack.scenarios.items()]
    scale = [(f"{n}. {pack.text(d.label, lang)}", pack.text(d.meaning, lang))
             for n, d in enumerate(pack.info.risk_scale, start=1)]
    plans = [session_plan(scenarios, minutes, lang, say) for minutes in PLAN_LENGTHS]
    return Guide(lang, pack.text(pack.info.title, lang), scale, scenarios, plans,
                 contact_groups(pack, lang))


def render_guide(pack: Pack, lang: str, folders: Sequence[Path] | None = None) -> str:
    """The guide as one printable HTML page (A4), every text escaped by the template."""
    return render("guide.html.j2", lang, "guide", folders=folders, g=build_guide(pack, lang))


def write_guide(pack: Pack, lang: str, out: Path) -> Path:
    """Write the guide to `out` (replaced whole, folders created, mode 0644); returns it.

    Raises OSError when it cannot be written.
    """
    page = render_guide(pack, lang, user_template_folders(pack.folder))
    return write_atomic(out, page, newline="\n")
