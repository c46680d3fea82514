"""`new`: write a commented template scenario that validates, never overwriting a file."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from game.core.checks import PLACEHOLDER
from game.core.model import ID_PATTERN
from game.core.pack import PACK_FILE, load_pack
from game.core.yamlfile import parse_yaml_text
from game.options import pack_location

# In the templates, a line `@: "..."` is a text: it becomes one line per language of the
# pack, each starting with TODO (the validator reminds the author of every one left);
# `@!:` keeps the first language's words as they are (the title, made from the id).
STORY_TEMPLATE = """\
# A story: one person through a migration situation.
# Every text has one line per language of the pack ({languages}):
# replace each text that starts with TODO; `validate` lists the lines of those left.
# Put a text in "quotes" when it holds ': ' or ' #'.
# Check it with:  python main.py validate {pack}
kind: story
title:
  @!: "{title}"
summary:
  @: "One line for the menu: who, where, what happens"
notes:
  @: "For the facilitator only: what to ask the group, how to defend each degree"
start: offer                 # the first step (default: the first one written)
steps:
  offer:                     # a step id: lowercase letters, digits and dashes
    text:
      @: "The situation, readable aloud in under 30 seconds."
    # image: images/offer.png    # optional picture inside the pack folder
    choices:                 # 2 to 4 choices
      - text:
          @: "The safer choice"
        risk: 0              # a degree of the risk scale: 0 ({low}) to {top} ({high})
        # signs: [{sign_example}]   # warning-sign ids from warning-signs.yaml{sign_list}
        feedback:
          @: "Why this is safer, and what to check."
        next: home-safe
      - text:
          @: "The riskier choice"
        risk: {top}
        feedback:
          @: "The trafficker's tactic explained, without blaming the person."
        next: harmed
  home-safe:                 # an ending: no choices, an outcome instead
    text:
      @: "What happened, and where help is."
    outcome: safe            # safe | harmed | helped
  harmed:
    text:
      @: "What happened, what could still be done, and where help is."
    outcome: harmed
questions:
  - @: "A question for the group's discussion?"
"""

CARDS_TEMPLATE = """\
# A card deck: the room (or each team) rates each situation on the risk scale.
# Every text has one line per language of the pack ({languages}):
# replace each text that starts with TODO; `validate` lists the lines of those left.
# Put a text in "quotes" when it holds ': ' or ' #'.
# Check it with:  python main.py validate {pack}
kind: cards
title:
  @!: "{title}"
summary:
  @: "One line for the menu"
notes:
  @: "For the facilitator only: how to run the deck"
cards:                       # at least one card
  - text:
      @: "A licensed agency gives you a contract in your language before you leave."
    risk: 0                  # the degree the debrief defends: 0 ({low}) to {top} ({high})
    explanation:
      @: "Why this degree: the signs to look for, and the safer step."
  - text:
      @: "Your new employer asks to keep your passport for safe keeping."
    risk: {top}
    # signs: [{sign_example}]   # warning-sign ids from warning-signs.yaml{sign_list}
    explanation:
      @: "Nobody may keep your passport: it is how people are controlled."
    # image: images/passport.png  # optional picture inside the pack folder
questions:
  - @: "Which card did the teams disagree on most, and why?"
"""
_TEXT_LINE = re.compile(r'(?P<indent> *)(?P<dash>- )?@(?P<keep>!?): "(?P<words>[^"]*)"')


def in_languages(template: str, languages: list[str]) -> str:
    """Each `@:` text line of `template` as one line per language, marked TODO to replace."""
    out = []
    for line in template.splitlines(keepends=True):
        match = _TEXT_LINE.fullmatch(line.rstrip("\n"))
        if match is None:
            out.append(line)
            continue
        indent, words = match["indent"], match["words"]
        for i, lang in enumerate(languages):
            lead = indent + (match["dash"] or "") if i == 0 else indent + " " * len(
                match["dash"] or "")
            if i == 0:
                text = words if match["keep"] else f"{PLACEHOLDER}: {words}"
            else:
                text = f"{PLACEHOLDER} ({lang}): {words}"
            out.append(f'{lead}{lang}: "{text}"\n')
    return "".join(out)


def run_new(scenario_id: str, kind: str, pack_arg: str | None) -> int:
    """Write `<pack>/<id>.yaml` from a template; exit 2 on a bad id, folder or existing file."""
    folder, shown = pack_location(pack_arg)
    if not ID_PATTERN.fullmatch(scenario_id):
        print(f"error: '{scenario_id}' is not a valid scenario id: use lowercase letters, "
              "digits and single dashes, like job-offer-2", file=sys.stderr)
        return 2
    if not (folder / PACK_FILE).is_file():
        print(f"{shown}: error: not a pack folder (it has no {PACK_FILE})", file=sys.stderr)
        return 2
    target = folder / f"{scenario_id}.yaml"
    target_shown = f"{shown.rstrip('/')}/{scenario_id}.yaml"
    if target.exists():
        print(f"{target_shown}: error: the file already exists; it was not changed (choose "
              "another id, or delete the file first)", file=sys.stderr)
        return 2
    result = load_pack(folder, shown)
    info = result.pack.info if result.pack else None
    languages = info.languages if info else ["en"]
    lang = languages[0]
    scale = info.risk_scale if info else []
    top = max(len(scale) - 1, 1)

    def label(i: int) -> str:
        return scale[i].label.in_language(lang, lang) if i < len(scale) else "?"

    signs = sorted(result.pack.signs) if result.pack else []
    template = STORY_TEMPLATE if kind == "story" else CARDS_TEMPLATE
    text = in_languages(template, languages).format(
        languages=", ".join(languages), pack=shown,
        title=scenario_id.replace("-", " ").capitalize(), low=label(0), top=top,
        high=label(top), sign_example=signs[0] if signs else "passport-kept",
        sign_list=f"\n        #   this pack has: {', '.join(signs)}" if signs and kind == "story"
        else (f"\n    #   this pack has: {', '.join(signs)}" if signs else ""))
    try:
        with target.open("x", encoding="utf-8") as handle:
            handle.write(text)
    except OSError as exc:
        print(f"{target_shown}: error: cannot write: {exc.strerror}", file=sys.stderr)
        return 2
    print(f"wrote {target_shown} ({kind})")
    if info is not None and info.scenarios is not None:
        pack_shown = f"{shown.rstrip('/')}/{PACK_FILE}"
        if list_in_menu(folder / PACK_FILE, scenario_id):
            print(f"added '{scenario_id}' to 'scenarios' in {pack_shown}: it comes last in the "
                  "menu (move it in the list to change that)")
        else:
            print(f"add '{scenario_id}' to 'scenarios' in {pack_shown} to place it in the menu")
    print(f"check it with: python main.py validate {shown}")
    return 0


def list_in_menu(pack_file: Path, scenario_id: str) -> bool:
    """Add `scenario_id` at the end of pack.yaml's `scenarios` list, changing nothing else.

    Only a list written one id per line (`- id`) or on one line (`[a, b]`) is changed, and
    only when the changed file reads back as the same pack with the id added; otherwise
    (or when the file cannot be written) False, and the file is as it was. The new file
    replaces the old in one step, so an interruption never leaves half a pack.yaml.
    """
    try:
        raw = pack_file.read_bytes().decode("utf-8")  # as bytes: Windows line ends stay
    except (OSError, UnicodeDecodeError):
        return False
    bom = "\ufeff" if raw.startswith("\ufeff") else ""
    text = raw[len(bom):]
    doc, _ = parse_yaml_text(text, PACK_FILE)
    before = doc.data if doc is not None else None
    items = before.get("scenarios") if isinstance(before, dict) else None
    if doc is None or not isinstance(before, dict) or not isinstance(items, list) or not items:
        return False
    line, col = doc.where(("scenarios", len(items) - 1))
    lines = text.splitlines(keepends=True)
    if not 0 < line <= len(lines):
        return False
    last = lines[line - 1]
    ending = "\r\n" if last.endswith("\r\n") else "\n"
    lead = last[:col - 1]
    if lead.strip() == "-":  # a block list: a new line like the last one
        if not last.endswith(("\n", "\r")):
            lines[line - 1] = last + ending
        lines.insert(line, f"{lead}{scenario_id}{ending}")
    else:  # a one-line flow list: before its closing bracket
        close = last.find("]", col - 1)
        if close < 0:
            return False
        lines[line - 1] = f"{last[:close]}, {scenario_id}{last[close:]}"
    changed = "".join(lines)
    after = _data(changed)
    if not isinstance(after, dict) or after.get("scenarios") != [*items, scenario_id] or {
            k: v for k, v in after.items() if k != "scenarios"} != {
            k: v for k, v in before.items() if k != "scenarios"}:
        return False
    spare = pack_file.with_name(f".{pack_file.name}.new")
    try:
        spare.write_text(bom + changed, encoding="utf-8", newline="")
        os.replace(spare, pack_file)
    except OSError:
        spare.unlink(missing_ok=True)
        return False
    return True


def _data(text: str) -> object:
    doc, _ = parse_yaml_text(text, PACK_FILE)
    return doc.data if doc is not None else None
