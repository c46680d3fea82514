"""Cross-checks: the rules of scenario-format.md that one file's model cannot see alone."""

from __future__ import annotations

import difflib
import errno
import re
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from game.core.countries import ALIASES, NAMES, is_country
from game.core.fontmetrics import REGULAR_FONT, load_metrics
from game.core.layout import REFERENCE_SIZE, Room, room
from game.core.model import ID_PATTERN, LANG_PATTERN, Deck, Degree, PackInfo, Story, Text
from game.core.pictures import PictureError, inspect_picture
from game.core.problems import Problem, Severity
from game.core.wording import (
    Suggester,
    at,
    did_you_mean,
    field_name,
    first_foreign,
    non_latin,
)
from game.core.yamlfile import PLACEHOLDER as PLACEHOLDER  # where `new` takes it from
from game.core.yamlfile import Loc, YamlDoc, cannot_read, character_name

WARNING = Severity.WARNING
LONG_WORD = 40
"""A word longer than this (a pasted link, a run of letters) is named when a text overflows."""
ID_RULE = "use lowercase letters, digits and single dashes, like 'job-offer-2'"


def id_rule(word: str) -> str:
    """How to write an id, naming a character that only looks Latin when `word` has one,
    else suggesting the id the author probably meant (`Home Safe` -> `home-safe`)."""
    foreign = non_latin(word)
    if foreign:
        return f"{ID_RULE} ({foreign})"
    suggestion = as_id(word)
    return f"{ID_RULE} (write '{suggestion}')" if suggestion else ID_RULE


def as_id(word: str) -> str:
    """`word` made kebab-case (`Story - Copy` -> `story-copy`), or `` if nothing is left."""
    return re.sub(r"[^a-z0-9]+", "-", word.lower()).strip("-")


@dataclass
class PackContext:
    """What every scenario is checked against: the pack's languages, scale and glossary."""

    folder: Path
    languages: list[str]
    scale: list[Degree]
    sign_ids: set[str] = field(default_factory=set)
    has_glossary: bool = False
    sign_suggester: Suggester | None = None
    glossary_misnamed: str | None = None
    """The name of a glossary that is not read (`warning-signs.yml`), to say so."""
    help_places: set[str] | None = None
    """Countries that pack.yaml's help contacts name in `where` (None: pack.yaml unread)."""
    display_checks: bool = True
    """Whether to warn about texts that do not fit a screen or that the font cannot draw."""
    picture_problems: dict[Path, str | None] = field(default_factory=dict)
    """What `check_picture` found for each picture file, read once however often it is used."""

    @property
    def languages_held(self) -> bool:
        """pack.yaml lists a code that is not a language code (`EN`): every text would be
        reported against it, so the texts' languages wait until that one error is fixed."""
        return not all(LANG_PATTERN.fullmatch(lang) for lang in self.languages)

    @property
    def default(self) -> str:
        return self.languages[0]

    def scale_range(self) -> str:
        first, last = self.scale[0], self.scale[-1]
        return (f"use 0 ({first.label.in_language(self.default, self.default)}) to "
                f"{len(self.scale) - 1} ({last.label.in_language(self.default, self.default)})")


def texts(obj: Any, loc: Loc = ()) -> Iterator[tuple[Loc, Text]]:
    """Every translatable text in a model, with where it was written."""
    if type(obj) is Text:
        yield loc, obj
    elif isinstance(obj, BaseModel):
        for name, value in obj.__dict__.items():
            if value is not None and type(value) is not str and type(value) is not int:
                yield from texts(value, (*loc, name))
    elif isinstance(obj, dict):
        for key, value in obj.items():
            yield from texts(value, (*loc, key))
    elif isinstance(obj, list):
        for i, value in enumerate(obj):
            yield from texts(value, (*loc, i))


_SLOT_OF_FIELD = {
    "pack": {"title": "pack_title", "label": "degree_label", "meaning": "degree_meaning",
             "name": "help_name", "note": "help_note"},
    "signs": {"title": "sign_title", "explanation": "sign_explanation", "advice": "sign_advice"},
    "story": {"title": "menu_title", "summary": "summary", "notes": "notes",
              "text": "step_text", "feedback": "feedback", "questions": "question"},
    "cards": {"title": "menu_title", "summary": "summary", "notes": "notes",
              "text": "card_text", "explanation": "explanation", "questions": "question"},
}


def _slot_for(file_kind: str, loc: Loc) -> str | None:
    if file_kind == "story" and "choices" in loc and loc[-1] == "text":
        return "choice"
    name = "questions" if "questions" in loc else field_name(loc)
    return _SLOT_OF_FIELD[file_kind].get(name)


def check_texts(model: BaseModel, doc: YamlDoc, file_kind: str,
                ctx: PackContext, prefix: Loc = ()) -> list[Problem]:
    """Languages of every text (missing, unknown, first one absent) and whether it fits.

    `prefix` is where `model` sits in the file (a warning sign under its id)."""
    if not ctx.languages or ctx.languages_held:
        return check_placeholders(model, doc, prefix)
    problems: list[Problem] = []
    placeholders: list[Loc] = []
    default = ctx.default
    listed = set(ctx.languages)
    others = ctx.languages[1:]
    first_missing: Callable[[str], object] = (
        load_metrics(REGULAR_FONT).first_missing if ctx.display_checks else _nothing_missing)
    for loc, text in texts(model, prefix):
        value = text.root
        by_lang = {default: value} if isinstance(value, str) else value
        if not isinstance(value, str) and (default not in value or not listed.issuperset(value)):
            problems += _language_problems(loc, value, doc, file_kind, ctx)
        if default in by_lang and len(by_lang) <= len(others):
            for lang in others:
                if lang not in by_lang:
                    problems.append(doc.problem(loc, at(
                        loc, file_kind, f"no '{lang}' translation{_for(loc)} "
                        f"(shown in '{default}')"), severity=WARNING))
        slot_room = _room(file_kind, loc) if ctx.display_checks else None
        if any(_is_placeholder(string) for string in by_lang.values()):
            placeholders.append(loc)
        for lang, string in by_lang.items():
            if lang not in listed:
                continue
            if first_missing(string) is not None:
                missing = sorted(set(string).difference(load_metrics(REGULAR_FONT).covered))
                shown = ", ".join(f"'{c}' (U+{ord(c):04X})" for c in missing[:5])
                problems.append(doc.problem(loc, at(
                    loc, file_kind, f"the '{lang}' text{_for(loc)} has characters the game's "
                    f"font cannot draw: {shown}; they would show as boxes"), severity=WARNING))
            if slot_room is not None and slot_room.overflows(string):
                longest = max(map(len, string.split()), default=0)
                word = (f"; it holds a word of {longest:,} characters without a space, which "
                        "is cut across lines" if longest > LONG_WORD else "")
                problems.append(doc.problem(loc, at(
                    loc, file_kind, f"the '{lang}' text{_for(loc)} is too long for one projected "
                    f"screen: it needs {slot_room.lines_for(string)} lines where "
                    f"{slot_room.lines} fit at {REFERENCE_SIZE[0]}×{REFERENCE_SIZE[1]}{word} "
                    "(shorten it"
                    + (", or split it into two steps)" if slot_room.slot == "step_text" else ")")),
                    severity=WARNING))
    return _placeholder_reminder(placeholders, doc) + problems




def check_placeholders(model: BaseModel, doc: YamlDoc, prefix: Loc = ()) -> list[Problem]:
    """One reminder for the texts that still start with TODO, at the first, naming every line
    (`check_texts` makes it in its own pass; this is for a file whose languages are held)."""
    if not doc.may_hold_placeholder:
        return []
    found = [loc for loc, text in texts(model, prefix)
             if any(map(_is_placeholder, [text.root] if isinstance(text.root, str)
                        else text.root.values()))]
    return _placeholder_reminder(found, doc)


def _is_placeholder(string: str) -> bool:
    return string.startswith(PLACEHOLDER) or (string[:1].isspace()
                                              and string.lstrip().startswith(PLACEHOLDER))


def _placeholder_reminder(found: list[Loc], doc: YamlDoc) -> list[Problem]:
    if not found:
        return []
    lines = sorted({doc.where(loc)[0] for loc in found})
    shown = ", ".join(str(n) for n in lines[:12]) + (", ..." if len(lines) > 12 else "")
    count = f"{len(found)} texts still start" if len(found) > 1 else "a text still starts"
    return [doc.problem(found[0], f"{count} with {PLACEHOLDER}, a placeholder to replace "
                        f"(line{'s' if len(lines) > 1 else ''} {shown}): write the real text "
                        "in its place", severity=WARNING)]


def _nothing_missing(_text: str) -> None:
    return None


def _for(loc: Loc) -> str:
    name = "" if "questions" in loc else field_name(loc)
    return f" for {name}" if name else ""


def _language_problems(loc: Loc, value: dict[str, str], doc: YamlDoc, file_kind: str,
                       ctx: PackContext) -> list[Problem]:
    problems = []
    for lang in value:
        if not LANG_PATTERN.fullmatch(lang):
            problems.append(doc.problem((*loc, lang), at(
                loc, file_kind, f"'{lang}'{_for(loc)} is not a language code (two or "
                f"three lowercase letters, like en, ru, tk, or pt-br){_lower_case(lang)}"),
                key=True))
        elif lang not in ctx.languages:
            problems.append(doc.problem((*loc, lang), at(
                loc, file_kind, f"language '{lang}'{_for(loc)} is not listed in pack.yaml "
                f"languages ({', '.join(ctx.languages)}){did_you_mean(lang, ctx.languages)}"),
                key=True))
    if ctx.default not in value and ctx.default.upper() not in map(str.upper, value):
        problems.append(doc.problem(loc, at(
            loc, file_kind, f"no '{ctx.default}' text{_for(loc)}: every text needs the "
            f"pack's first language, '{ctx.default}'")))
    return problems


def _lower_case(code: str) -> str:
    lower = code.lower()
    return f": write '{lower}'" if lower != code and LANG_PATTERN.fullmatch(lower) else ""


def _room(file_kind: str, loc: Loc) -> Room | None:
    slot = _slot_for(file_kind, loc)
    return room(slot) if slot is not None else None


def check_pack_info(info: PackInfo, doc: YamlDoc, scenario_ids: list[str],
                    ctx: PackContext, help_positions: list[int] | None = None) -> list[Problem]:
    """pack.yaml: language codes, the menu list, help contacts, and every text.

    `help_positions` says where each of `info.help` was written (broken contacts are
    left out of it); by default, one after the other."""
    problems: list[Problem] = []
    seen: set[str] = set()
    bad = [i for i, lang in enumerate(info.languages) if not LANG_PATTERN.fullmatch(lang)]
    if bad:
        # One error for the list, however many entries are wrong: every text of the pack
        # would otherwise be reported against the wrong codes too (they wait, see above).
        codes = [info.languages[i] for i in bad]
        lowered = [c.lower() for c in info.languages]
        fix = (f": write [{', '.join(lowered)}]" if all(LANG_PATTERN.fullmatch(c)
                                                       for c in lowered) else "")
        which = (f"languages entry {bad[0] + 1}: '{codes[0]}' is not a language code"
                 if len(bad) == 1 else
                 f"languages: {', '.join(repr(c) for c in codes)} are not language codes")
        problems.append(doc.problem(("languages", bad[0]), f"{which} (two or three lowercase "
                        f"letters, like en, ru, tk, or pt-br){fix}; the languages of the "
                        "pack's texts are checked once this is fixed"))
    for i, lang in enumerate(info.languages):
        if lang in seen:
            problems.append(doc.problem(("languages", i),
                                        f"languages entry {i + 1}: '{lang}' is listed twice"))
        seen.add(lang)
    if info.scenarios is not None:
        listed: set[str] = set()
        suggest = Suggester(scenario_ids)
        for i, sid in enumerate(info.scenarios):
            loc = ("scenarios", i)
            if sid in listed:
                problems.append(doc.problem(loc, f"scenarios entry {i + 1}: '{sid}' is listed "
                                            "twice"))
            elif sid not in scenario_ids:
                problems.append(doc.problem(loc, f"scenarios entry {i + 1}: '{sid}' names no "
                                f"scenario file ({sid}.yaml){suggest(sid)}",
                                char=first_foreign(sid)))
            listed.add(sid)
        for sid in scenario_ids:
            if sid not in listed:
                problems.append(doc.problem(("scenarios",), f"{sid}.yaml is not listed in "
                                "scenarios, so the menu shows it last (add it to the list)",
                                severity=WARNING, key=True))
    positions = help_positions if help_positions is not None else range(len(info.help))
    for i, contact in zip(positions, info.help):
        if contact.placeholder:
            problems.append(doc.problem(("help", i, "contact"), f"help contact {i + 1}: contact "
                            f"'{contact.contact}' is still a placeholder: write the real phone "
                            "number, address or website", severity=WARNING))
        problems += check_texts(contact, doc, "pack", ctx, ("help", i))
    problems += check_places_of_help(info, doc, list(positions))
    problems += check_help_phone(info, doc)
    problems += check_texts(info.model_copy(update={"help": []}), doc, "pack", ctx)
    return problems


_NOT_A_PHONE = re.compile(r"\S+@\S+|\w+://\S+|www\.\S+", re.IGNORECASE)
PHONE_DIGITS = 3
"""Digits a contact needs to be a number a room can dial (the shortest lines: 112, 157)."""


def is_phone_number(contact: str) -> bool:
    """Whether `contact` holds a number to dial: three digits or more once e-mail addresses
    and web addresses (which may hold digits too) are taken out."""
    rest = _NOT_A_PHONE.sub(" ", contact)
    return sum(ch.isdigit() for ch in rest) >= PHONE_DIGITS


def check_help_phone(info: PackInfo, doc: YamlDoc) -> list[Problem]:
    """pack.yaml: a warning when no help contact has a phone number. The room leaves with
    the help screen's image: a website alone cannot be called from a lost phone's SIM."""
    if any(is_phone_number(c.contact) for c in info.help):
        return []
    where: Loc = ("help",) if info.help else ()
    what = ("no help contact has a phone number" if info.help else "there are no help "
            "contacts")
    return [doc.problem(where, f"help: {what}; add at least one line people can call "
                        "(contact: \"+993 12 000000\")", severity=WARNING, key=True)]


def check_glossary_ids(signs: dict[str, Any], doc: YamlDoc) -> list[Problem]:
    """warning-signs.yaml: every id is kebab-case."""
    return [doc.problem((sid,), f"warning sign id '{sid}' is not valid: {id_rule(sid)}",
                        key=True, char=first_foreign(sid))
            for sid in signs if not ID_PATTERN.fullmatch(sid)]


def _check_signs(signs: list[str], loc: Loc, doc: YamlDoc, file_kind: str,
                 ctx: PackContext) -> list[Problem]:
    problems = []
    for j, sid in enumerate(signs):
        if sid not in ctx.sign_ids:
            if ctx.sign_suggester is None:
                ctx.sign_suggester = Suggester(sorted(ctx.sign_ids))
            where_defined = ("warning-signs.yaml" if ctx.has_glossary
                             else "warning-signs.yaml, which this pack does not have")
            if ctx.glossary_misnamed:
                where_defined += (f" ({ctx.glossary_misnamed} is not read: rename it to "
                                  "warning-signs.yaml)")
            problems.append(doc.problem((*loc, "signs", j), at(
                loc, file_kind, f"warning sign '{sid}' is not in {where_defined}"
                f"{ctx.sign_suggester(sid)}"), char=first_foreign(sid)))
    return problems


def _check_risk(risk: int, loc: Loc, doc: YamlDoc, file_kind: str,
                ctx: PackContext) -> list[Problem]:
    if not ctx.scale or 0 <= risk < len(ctx.scale):
        return []
    return [doc.problem((*loc, "risk"), at(loc, file_kind, f"risk {risk} is outside the pack's "
                        f"risk scale: {ctx.scale_range()}"))]


MAX_NAME_BYTES = 255
"""The longest file or folder name the file systems a pack travels on accept."""


def check_image(image: str | None, loc: Loc, doc: YamlDoc, file_kind: str,
                ctx: PackContext) -> list[Problem]:
    """An `image` must exist and stay inside the pack folder.

    Whatever the path holds (a NUL, a name of thousands of characters, a link that loops
    or leads out), the answer is a problem at the `image` line, never an exception.
    """
    if image is None:
        return []
    shown = image if len(image) <= 60 else f"{image[:40]}…{image[-10:]}"

    def refuse(detail: str) -> list[Problem]:
        return [doc.problem((*loc, "image"), at(loc, file_kind, f"image '{shown}' {detail}"))]

    odd = next((c for c in image if ord(c) < 32 or ord(c) == 127), None)
    if odd is not None:
        return refuse(f"holds an invisible control character {character_name(odd)}: delete it "
                      "and type the path again, like images/photo.png")
    if "\\" in image:
        return refuse(f"uses backslashes, as Windows writes paths; write it with forward "
                      f"slashes: {image.replace(chr(92), '/')}")
    longest = max((len(part.encode("utf-8")) for part in image.split("/")), default=0)
    if longest > MAX_NAME_BYTES:
        return refuse(f"has a name of {longest:,} bytes; a file name may have at most "
                      f"{MAX_NAME_BYTES}: rename the picture to a short name, like "
                      "images/photo.png")
    root = ctx.folder.resolve()
    try:
        target = (ctx.folder / image).resolve()
    except RuntimeError:  # before Python 3.13, a symlink loop while resolving
        return refuse(_LOOP)
    except OSError as exc:
        return refuse(_os_detail(exc))
    if Path(image).is_absolute() or not target.is_relative_to(root):
        return refuse("points outside the pack folder; put the picture in the pack's images/ "
                      "folder and write a path like images/photo.png")
    try:
        mode = target.stat().st_mode
        exists = True
    except OSError as exc:
        if exc.errno not in (errno.ENOENT, errno.ENOTDIR):
            return refuse(_os_detail(exc))
        exists = False
    if not exists:
        try:
            near = [str(p.relative_to(root)) for p in target.parent.glob("*")] \
                if target.parent.is_dir() else []
        except OSError:
            near = []
        return refuse(f"does not exist in the pack folder{did_you_mean(image, near)}")
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        return refuse("is not a picture file (a pipe or a device has that name): put the "
                      "picture file itself in the pack's images/ folder")
    return check_picture(target, image, loc, doc, file_kind, ctx)


def check_picture(target: Path, image: str, loc: Loc, doc: YamlDoc, file_kind: str,
                  ctx: PackContext) -> list[Problem]:
    """The picture file is one the game can show: readable, whole, and not too large."""
    if target not in ctx.picture_problems:
        try:
            inspect_picture(target)
            ctx.picture_problems[target] = None
        except PictureError as exc:
            ctx.picture_problems[target] = str(exc)
    problem = ctx.picture_problems[target]
    if problem is None:
        return []
    return [doc.problem((*loc, "image"), at(loc, file_kind, f"image '{image}' {problem}"))]


_LOOP = "is a link that leads round in a loop; replace the link with the picture itself"


def _os_detail(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return _LOOP
    if exc.errno == errno.ENAMETOOLONG:
        return "is a path too long for the file system: use a short path, like images/photo.png"
    return f"{cannot_read(exc, 'it')}"


def check_story(story: Story, doc: YamlDoc, ctx: PackContext) -> list[Problem]:
    """A story: ids, start, choices, endings, targets, and the shape of its step graph."""
    problems: list[Problem] = []
    steps = story.steps
    suggest = Suggester(steps)
    for sid in steps:
        if not ID_PATTERN.fullmatch(sid):
            problems.append(doc.problem(("steps", sid), f"step id '{sid}' is not valid: "
                                        f"{id_rule(sid)}", key=True, char=first_foreign(sid)))
    if story.start is not None and story.start not in steps:
        problems.append(doc.problem(("start",), f"start '{story.start}' is not a step of this "
                                    f"story{suggest(story.start)}",
                                    char=first_foreign(story.start)))
    edges: dict[str, list[tuple[int, str]]] = {}
    for sid, step in steps.items():
        loc: Loc = ("steps", sid)
        problems += check_image(step.image, loc, doc, "story", ctx)
        if step.choices and step.outcome:
            problems.append(doc.problem((*loc, "outcome"), at(loc, "story", "a step has either "
                            "choices or an outcome, not both: remove the outcome, or the choices "
                            "to make it an ending"), key=True))
        if not step.choices:
            if step.outcome is None:
                problems.append(doc.problem(loc, at(loc, "story", "an ending (a step without "
                                "choices) needs an outcome: safe, harmed or helped"), key=True))
            continue
        edges[sid] = []
        for i, choice in enumerate(step.choices):
            cloc: Loc = (*loc, "choices", i)
            problems += _check_risk(choice.risk, cloc, doc, "story", ctx)
            problems += _check_signs(choice.signs, cloc, doc, "story", ctx)
            if choice.next not in steps:
                problems.append(doc.problem((*cloc, "next"), at(
                    cloc, "story", f"next '{choice.next}' is not a step of this story"
                    f"{suggest(choice.next)}"), char=first_foreign(choice.next)))
            else:
                edges[sid].append((i, choice.next))
    problems += _check_graph(story, edges, doc)
    problems += check_answers_and_destination(story, doc, ctx)
    problems += check_texts(story, doc, "story", ctx)
    return problems


def _check_graph(story: Story, edges: dict[str, list[tuple[int, str]]],
                 doc: YamlDoc) -> list[Problem]:
    problems: list[Problem] = []
    start = story.start_step
    if start not in story.steps:
        return problems
    # Loops: a choice that leads back to a step on the current path. A depth-first walk
    # with its own stack, not recursion: a story of thousands of steps in a chain is valid.
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(root: str) -> None:
        state[root] = 1
        stack: list[tuple[str, int]] = [(root, 0)]
        while stack:
            sid, next_edge = stack[-1]
            targets = edges.get(sid, [])
            if next_edge >= len(targets):
                state[sid] = 2
                stack.pop()
                continue
            stack[-1] = (sid, next_edge + 1)
            i, target = targets[next_edge]
            if state.get(target) == 1:
                problems.append(doc.problem(("steps", sid, "choices", i, "next"), at(
                    ("steps", sid, "choices", i), "story", f"next '{target}' leads back to an "
                    "earlier step and makes a loop; stories only move forward")))
            elif target not in state:
                state[target] = 1
                stack.append((target, 0))

    for sid in [start, *story.steps]:
        if sid not in state:
            visit(sid)
    reachable = _closure([start], lambda s: [t for _, t in edges.get(s, [])])
    for sid in story.steps:
        if sid not in reachable:
            problems.append(doc.problem(("steps", sid), f"step '{sid}' can never be reached: "
                            "no choice leads to it", key=True, severity=WARNING))
    reverse: dict[str, list[str]] = {}
    for sid, targets in edges.items():
        for _, target in targets:
            reverse.setdefault(target, []).append(sid)
    endings = [sid for sid, step in story.steps.items() if step.is_ending]
    finishing = _closure(endings, lambda s: reverse.get(s, []))
    for sid in story.steps:
        if sid not in finishing:
            problems.append(doc.problem(("steps", sid), f"step '{sid}' can never reach an ending: "
                            "every path from it goes round in a loop", key=True))
    return problems


def _closure(seeds: list[str], neighbours: Any) -> set[str]:
    seen = set(seeds)
    todo = list(seeds)
    while todo:
        for nxt in neighbours(todo.pop()):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


def check_deck(deck: Deck, doc: YamlDoc, ctx: PackContext) -> list[Problem]:
    """A card deck: every card's degree, signs and picture, and every text."""
    problems: list[Problem] = []
    for i, card in enumerate(deck.cards):
        loc: Loc = ("cards", i)
        problems += _check_risk(card.risk, loc, doc, "cards", ctx)
        problems += _check_signs(card.signs, loc, doc, "cards", ctx)
        problems += check_image(card.image, loc, doc, "cards", ctx)
    problems += check_answers_and_destination(deck, doc, ctx)
    problems += check_texts(deck, doc, "cards", ctx)
    return problems


# ------------------------------------------------------------ where help is, and answers


def _country_problem(code: str, loc: Loc, doc: YamlDoc, what: str) -> list[Problem]:
    """An unknown country code, with the code meant when one is close or a common mix-up."""
    if is_country(code):
        return []
    low = code.lower()
    by_name = {name.lower(): c for c, names in NAMES.items() for name in names}
    named = difflib.get_close_matches(low, list(by_name), n=1, cutoff=0.75)
    if low in ALIASES:
        hint = f" (did you mean '{ALIASES[low]}'?)"
    elif named:  # a country's name written instead of its code: 'turkey', 'Россия'
        hint = f" (did you mean '{by_name[named[0]]}'?)"
    else:
        hint = did_you_mean(low, NAMES)
    return [doc.problem(loc, f"{what}: '{code}' is not a country code: use the two-letter "
                        f"ISO 3166-1 code, like tr (Türkiye), ru (Russia), gb (the UK){hint}")]


def check_places_of_help(info: PackInfo, doc: YamlDoc,
                         positions: list[int] | None = None) -> list[Problem]:
    """pack.yaml: `home` and every help contact's `where` are country codes.

    `positions` says where each of `info.help` was written (see `check_pack_info`)."""
    problems: list[Problem] = []
    if info.home is not None:
        problems += _country_problem(info.home, ("home",), doc, "home")
    for i, contact in zip(positions if positions is not None else range(len(info.help)),
                          info.help):
        for j, code in enumerate(contact.where):
            problems += _country_problem(code, ("help", i, "where", j), doc,
                                         f"help contact {i + 1}, where entry {j + 1}")
    return problems


def check_answers_and_destination(scenario: Story | Deck, doc: YamlDoc,
                                  ctx: PackContext) -> list[Problem]:
    """A scenario: no more answers than questions; a destination that is a country and
    that some help contact serves."""
    problems: list[Problem] = []
    extra = len(scenario.answers) - len(scenario.questions)
    if extra > 0:
        n = len(scenario.questions)
        problems.append(doc.problem(("answers", n), f"answers: {len(scenario.answers)} answers "
                        f"for {n} question{'' if n == 1 else 's'}: answer {n + 1} has no "
                        "question (answers go in the order of the questions, one each)"))
    code = scenario.destination
    if code is not None:
        unknown = _country_problem(code, ("destination",), doc, "destination")
        problems += unknown
        if not unknown and ctx.help_places is not None and code.lower() not in ctx.help_places:
            problems.append(doc.problem(("destination",), f"destination '{code}': no help "
                            "contact in pack.yaml is for this country, so the debrief shows only "
                            f"home and general contacts (add one with where: [{code.lower()}])",
                            severity=WARNING))
    return problems
