"""`new`: write a commented template scenario that validates, never overwriting a file."""

from __future__ import annotations

import sys

from game.core.model import ID_PATTERN
from game.core.pack import PACK_FILE, load_pack
from game.options import pack_location

STORY_TEMPLATE = """\
# A story: one person through a migration situation.
# Every text can be one string (in the pack's first language) or one line per language:
#   title:
#     {lang}: "A job offer abroad"
#     xx: "..."            <- add a line for each language of the pack ({languages})
# Put a text in "quotes" when it holds ': ', ' #', or a comma inside {{...}}.
# Check it with:  python main.py validate {pack}
kind: story
title:
  {lang}: "{title}"
summary:
  {lang}: "One line for the menu: who, where, what happens"
notes:
  {lang}: "For the facilitator only: what to ask the group, how to defend each degree"
start: offer                 # the first step (default: the first one written)
# destination: tr            # where it happens (a country code): its help contacts come first
steps:
  offer:                     # a step id: lowercase letters, digits and dashes
    text:
      {lang}: "The situation, readable aloud in under 30 seconds."
    # image: images/offer.png    # optional picture inside the pack folder
    choices:                 # 2 to 4 choices
      - text:
          {lang}: "The safer choice"
        risk: 0              # a degree of the risk scale: 0 ({low}) to {top} ({high})
        # signs: [{sign_example}]   # warning-sign ids from warning-signs.yaml{sign_list}
        feedback:
          {lang}: "Why this is safer, and what to check."
        next: home-safe
      - text:
          {lang}: "The riskier choice"
        risk: {top}
        feedback:
          {lang}: "The trafficker's tactic explained, without blaming the person."
        next: harmed
  home-safe:                 # an ending: no choices, an outcome instead
    text:
      {lang}: "What happened, and where help is."
    outcome: safe            # safe | harmed | helped
  harmed:
    text:
      {lang}: "What happened, what could still be done, and where help is."
    outcome: harmed
questions:
  - {lang}: "A question for the group's discussion?"
answers:                     # optional, one per question: what a facilitator expects to hear
  - {lang}: "The answer the facilitator's guide gives for it."
"""

CARDS_TEMPLATE = """\
# A card deck: the room (or each team) rates each situation on the risk scale.
# Every text can be one string (in the pack's first language) or one line per language
# of the pack ({languages}). Put a text in "quotes" when it holds ': ' or ' #'.
# Check it with:  python main.py validate {pack}
kind: cards
title:
  {lang}: "{title}"
summary:
  {lang}: "One line for the menu"
notes:
  {lang}: "For the facilitator only: how to run the deck"
cards:                       # at least one card
  - text:
      {lang}: "A licensed agency gives you a contract in your language before you leave."
    risk: 0                  # the degree the debrief defends: 0 ({low}) to {top} ({high})
    explanation:
      {lang}: "Why this degree: the signs to look for, and the safer step."
  - text:
      {lang}: "Your new employer asks to keep your passport for safe keeping."
    risk: {top}
    # signs: [{sign_example}]   # warning-sign ids from warning-signs.yaml{sign_list}
    explanation:
      {lang}: "Nobody may keep your passport: it is how people are controlled."
    # image: images/passport.png  # optional picture inside the pack folder
questions:
  - {lang}: "Which card did the teams disagree on most, and why?"
answers:                     # optional, one per question: what a facilitator expects to hear
  - {lang}: "The answer the facilitator's guide gives for it."
"""


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
    text = template.format(
        lang=lang, languages=", ".join(languages), pack=shown,
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
        print(f"add '{scenario_id}' to 'scenarios' in {shown.rstrip('/')}/{PACK_FILE} to place "
              "it in the menu")
    print(f"check it with: python main.py validate {shown}")
    return 0
