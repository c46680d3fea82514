"""Which help contacts fit a scenario, and in what order: where the story happens comes first."""

from __future__ import annotations

from game.core.model import Deck, HelpContact, Story
from game.core.pack import Pack


def _places(contact: HelpContact) -> set[str]:
    return {code.lower() for code in contact.where}


def contacts_for(pack: Pack, scenario: Story | Deck | None) -> list[HelpContact]:
    """The contacts to show after `scenario`: those for its destination, then those for the
    pack's home country, then those that serve everywhere (no `where`), each in pack order.

    A contact for another country does not fit and is left out; a contact is shown once.
    A pack without `where`, `home` and `destination` shows every contact, as written.
    """
    info = pack.info
    destination = (scenario.destination or "").lower() if scenario is not None else ""
    home = (info.home or "").lower()
    # By position, not by value: two contacts may be written alike.
    order: list[int] = []
    for wanted in (destination, home):
        if wanted:
            order += [i for i, c in enumerate(info.help) if wanted in _places(c) and i not in order]
    order += [i for i, c in enumerate(info.help) if not c.where and i not in order]
    return [info.help[i] for i in order]


def contacts_by_country(pack: Pack) -> list[tuple[str | None, list[HelpContact]]]:
    """The contacts grouped by the country they serve, for the handout: the home country
    first, then the others in the order pack.yaml first names them, then (code None) those
    that serve everywhere. A contact that serves several countries is under each of them."""
    info = pack.info
    home = (info.home or "").lower()
    codes: list[str] = [home] if home and any(home in _places(c) for c in info.help) else []
    for contact in info.help:
        for code in contact.where:
            if code.lower() not in codes:
                codes.append(code.lower())
    groups: list[tuple[str | None, list[HelpContact]]] = [
        (code, [c for c in info.help if code in _places(c)]) for code in codes]
    everywhere = [c for c in info.help if not c.where]
    if everywhere:
        groups.append((None, everywhere))
    return groups
