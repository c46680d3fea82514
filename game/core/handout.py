"""The participant handout: one A4 sheet, printed on both sides, that people take home.

Help contacts first and large (grouped by the country they serve when the pack says
so), then every warning sign of the pack in a line or two with what to do. Rendered
from the `handout.html.j2` template with the shared stylesheet; every text escaped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from game.core.catalogue import country_name, say
from game.core.documents import render, user_template_folders
from game.core.files import write_atomic
from game.core.helplines import contacts_by_country
from game.core.model import HelpContact
from game.core.pack import Pack

# Above this many contacts the help box takes three narrower columns, so that the sheet
# still holds every sign on its back.
MANY_CONTACTS = 8
LONG_CONTACT = 16  # characters; "08000 121 700" and "www.iom.int" stay large


@dataclass
class ContactLine:
    """A help contact as printed: its number or address, who it is, and what it is for."""

    contact: str
    name: str
    note: str = ""

    @property
    def long(self) -> bool:
        """An address rather than a number: printed smaller so it breaks at most once."""
        return len(self.contact) > LONG_CONTACT


@dataclass
class ContactGroup:
    """The contacts serving one country ('' name: everywhere, or the pack does not say)."""

    name: str
    contacts: list[ContactLine] = field(default_factory=list)


@dataclass
class SignLine:
    """A warning sign as printed: its title and what to do."""

    title: str
    advice: str


def word(lang: str, key: str) -> str:
    """The handout's word for `key` in `lang` (the catalogue's `handout.key`)."""
    return say(f"handout.{key}", lang)


def contact_groups(pack: Pack, lang: str) -> list[ContactGroup]:
    """The pack's help contacts by the countries they serve, each printed once.

    In the order of `helplines.contacts_by_country` (the home country first, then the
    others as pack.yaml names them, those for anywhere last, headed so); a contact that
    serves several countries (112) is printed once, under all their names together,
    where the first of them comes. A pack without `where:` prints one group without a
    heading, as written.
    """
    grouped = contacts_by_country(pack)
    if len(grouped) <= 1:
        return [ContactGroup("", [_line(pack, c, lang) for _, cs in grouped for c in cs])]
    by_places: dict[tuple[str, ...], list[HelpContact]] = {}
    seen: set[int] = set()
    for _, contacts in grouped:
        for contact in contacts:
            if id(contact) in seen:
                continue
            seen.add(id(contact))
            places = tuple(dict.fromkeys(code.lower() for code in contact.where))
            by_places.setdefault(places, []).append(contact)
    return [ContactGroup(" · ".join(country_name(c, lang) for c in places) if places
                         else word(lang, "everywhere"),
                         [_line(pack, c, lang) for c in contacts])
            for places, contacts in by_places.items()]


def _line(pack: Pack, contact: HelpContact, lang: str) -> ContactLine:
    return ContactLine(contact.contact, pack.text(contact.name, lang),
                       pack.text(contact.note, lang) if contact.note is not None else "")


def sign_lines(pack: Pack, lang: str) -> list[SignLine]:
    """Every warning sign of the pack, in the order of warning-signs.yaml."""
    return [SignLine(_sentence(pack.text(sign.title, lang)), pack.text(sign.advice, lang))
            for sign in pack.signs.values()]


def _sentence(title: str) -> str:
    # "Someone keeps your passport." but "Too good to be true?" keeps its own mark.
    title = title.strip()
    return title if title[-1:] in ".?!…" else f"{title}."


def render_handout(pack: Pack, lang: str, folders: Sequence[Path] | None = None) -> str:
    """The handout of `pack` in `lang` as one HTML page with A4 print styles.

    Texts missing in `lang` fall back to the pack's first language. `folders`:
    where an association's own templates are looked for first.
    """
    return render("handout.html.j2", lang, "handout", folders=folders,
                  title=pack.text(pack.info.title, lang), groups=contact_groups(pack, lang),
                  signs=sign_lines(pack, lang), many=MANY_CONTACTS)


def write_handout(pack: Pack, lang: str, out: Path) -> Path:
    """Write the handout to `out` (replaced whole, folders created, mode 0644).

    Templates in the pack's or the data folder's `templates/` win over the built-in
    ones. Raises OSError when it cannot be written.
    """
    page = render_handout(pack, lang, user_template_folders(pack.folder))
    return write_atomic(out, page, newline="\n")
