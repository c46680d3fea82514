"""Which warning signs a choice missed and which belong to the situation: no blame.

A sign is "missed" only where the person could have done otherwise: on a story step
where some other choice does not carry it, taken at a degree above the safest. A sign
that every choice of its step carries is the situation's (the person is already forced
to work, the passport already taken): the room reads it as "signs in this situation",
never as something the person ignored. A card of a deck describes a situation, not a
choice, so its signs are always the situation's.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from game.core.model import Deck, Step, Story
from game.core.session import DeckResult, PathEntry, StoryResult


class SignKind(str, Enum):
    """How a warning sign was met."""

    MISSED = "missed"  # a free choice carried it, at a risky degree
    NOTICED = "noticed"  # a free choice carried it, at the safest degree
    SITUATION = "situation"  # every choice of its step carries it, or a card shows it


@dataclass(frozen=True)
class SignMet:
    """A warning sign met in a scenario: how, and where (the choice's or card's index)."""

    sign: str
    kind: SignKind
    step: str | None = None
    """The step whose choice met it (a story), None for a card."""
    index: int = 0
    """The choice taken (from 0) on that step, or the card (from 0) of a deck."""


def situation_signs(step: Step) -> frozenset[str]:
    """The signs every choice of `step` carries: the situation's, whatever is chosen."""
    choices = step.choices or []
    if not choices:
        return frozenset()
    common = set(choices[0].signs)
    for choice in choices[1:]:
        common &= set(choice.signs)
    return frozenset(common)


def choice_signs(step: Step, index: int, degree: int) -> list[SignMet]:
    """The signs of choice `index` of `step`, each with how it was met (in the pack's order)."""
    choices = step.choices or []
    if not 0 <= index < len(choices):
        return []
    shared = situation_signs(step)
    free = SignKind.MISSED if degree > 0 else SignKind.NOTICED
    return [SignMet(s, SignKind.SITUATION if s in shared else free, None, index)
            for s in choices[index].signs]


def signs_of_path(story: Story, path: tuple[PathEntry, ...]) -> list[SignMet]:
    """Every sign met along `path`, once each, where it was first met. A sign missed by a
    later free choice counts as missed even if the situation showed it first."""
    met: dict[str, SignMet] = {}
    for entry in path:
        step = story.steps.get(entry.step)
        if step is None:
            continue
        for found in choice_signs(step, entry.choice, entry.degree):
            found = SignMet(found.sign, found.kind, entry.step, entry.choice)
            before = met.get(found.sign)
            if before is None or (before.kind is SignKind.SITUATION
                                  and found.kind is not SignKind.SITUATION):
                met[found.sign] = found
    return list(met.values())


def signs_of_cards(deck: Deck, result: DeckResult) -> list[SignMet]:
    """Every sign the revealed cards show, once each, at the first card showing it."""
    met: dict[str, SignMet] = {}
    for card in result.cards:
        if card.card < len(deck.cards):
            for sign in deck.cards[card.card].signs:
                met.setdefault(sign, SignMet(sign, SignKind.SITUATION, None, card.card))
    return list(met.values())


def signs_met(scenario: Story | Deck | None, result: StoryResult | DeckResult | None,
              known: set[str] | None = None) -> list[SignMet]:
    """The signs a scenario's debrief shows, how each was met (only those in `known`, the
    pack's glossary, when given)."""
    if isinstance(scenario, Story) and isinstance(result, StoryResult):
        found = signs_of_path(scenario, result.path)
    elif isinstance(scenario, Deck) and isinstance(result, DeckResult):
        found = signs_of_cards(scenario, result)
    else:
        found = []
    return [m for m in found if known is None or m.sign in known]
