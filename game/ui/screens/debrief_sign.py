"""Debrief: one overview of every warning sign met, from which any sign opens in full.

A harmed path may meet a dozen signs: one slide each loses the room. The overview
lists them all at body size (4%), grouped by where they were met (the choice taken, or
"in this situation", on a line over the group), two lines each: the short title, then
what to do; on as few pages as they
need (a dozen signs: two or three). Up and Down highlight a row and Enter opens it (a
number key 1-9 or a click opens one at once); Enter goes back to the overview. The last
row, one Up away, goes straight to the help contacts. A clicker's PageDown turns the
pages and goes on.
"""

from __future__ import annotations

from collections.abc import Hashable

import pygame

from game.core.commands import Action, Command
from game.core.model import Deck, Story
from game.core.session import ScreenKind
from game.core.signs import SignKind, SignMet, signs_met
from game.ui.screens.base import FIXED, Ctx, PagedScreen
from game.ui.screens.menu import paginate
from game.ui.text import Block, Painted, Spacer, misfit, plain_text
from game.ui.widgets import PAD, heading

_STRAIGHT_TO_HELP = 4
"""Screens at most between the overview and the help contacts (questions, then help)."""


def met_signs(ctx: Ctx) -> list[SignMet]:
    """The signs of the current scenario's debrief, how and where each was met."""
    session = ctx.session
    scenario = session.story or session.deck
    return signs_met(scenario, session.current_result(), set(session.pack.signs))


def has_help(ctx: Ctx) -> bool:
    """Whether the debrief ends on the help contacts (the pack has some)."""
    return bool(ctx.session.pack.info.help)


class DebriefSignScreen(PagedScreen):
    """The overview of the signs met, or one of them in full (`ui.sign_open`)."""

    ladder = FIXED  # one text size across the debrief's screens

    def __init__(self) -> None:
        super().__init__()
        self._pages: list[list[int]] = [[]]

    def on_show(self, ctx: Ctx) -> None:
        super().on_show(ctx)
        ctx.ui.sign_open = None
        ctx.ui.sign_cursor = None

    def fit_key(self, ctx: Ctx) -> Hashable:
        ui = ctx.ui
        return (ctx.session.state, ui.subpage, ui.sign_open, ui.sign_cursor)

    # ----------------------------------------------------------------- commands
    def handle(self, command: Command, ctx: Ctx) -> bool:
        ui, action = ctx.ui, command.action
        met = met_signs(ctx)
        rows = len(met) + (1 if has_help(ctx) else 0)
        if ui.sign_open is not None:
            if action in (Action.CONTINUE, Action.BACK):
                ui.sign_open = None  # back to the overview, where the room left it
                return True
            if action is Action.NUMBER and 1 <= command.number <= len(met):
                ui.sign_open = command.number - 1
                return True
            return action in (Action.SELECT, Action.UP, Action.DOWN)
        if action in (Action.UP, Action.DOWN) and rows:
            # Up from nothing goes to the last row, the help: one key from any sign to it.
            if ui.sign_cursor is None:
                ui.sign_cursor = rows - 1 if action is Action.UP else 0
            else:
                step = -1 if action is Action.UP else 1
                ui.sign_cursor = max(0, min(rows - 1, ui.sign_cursor + step))
            self._page_of(ctx, ui.sign_cursor)
            return True
        if action is Action.CONTINUE and ui.sign_cursor is not None:
            return self._open(ctx, ui.sign_cursor, met)
        if action is Action.BACK and ui.sign_cursor is not None:
            ui.sign_cursor = None
            return True
        if action is Action.SELECT:
            self._open(ctx, command.number, met)
            return True
        if action is Action.NUMBER:
            return self._open(ctx, command.number - 1, met) if command.number <= len(met) \
                else False
        return super().handle(command, ctx)

    def _open(self, ctx: Ctx, row: int, met: list[SignMet]) -> bool:
        """Open row `row`: a sign in full, or (the row after the signs) the help contacts."""
        if 0 <= row < len(met):
            ctx.ui.sign_cursor = row
            ctx.ui.sign_open = row
            return True
        if row == len(met) and has_help(ctx):
            self._straight_to_help(ctx)
            return True
        return False

    def _page_of(self, ctx: Ctx, row: int) -> None:
        """Turn to the page that shows row `row` (as the last layout paged the rows)."""
        for i, page in enumerate(self._pages):
            if row in page:
                ctx.ui.subpage = i
                return

    def _straight_to_help(self, ctx: Ctx) -> None:
        """On past the questions to the help contacts (each step is the usual Continue)."""
        for _ in range(_STRAIGHT_TO_HELP):
            if ctx.session.screen is ScreenKind.DEBRIEF_HELP:
                return
            if ctx.session.screen not in (ScreenKind.DEBRIEF_SIGN, ScreenKind.DEBRIEF_QUESTIONS):
                return
            ctx.send(Command(Action.CONTINUE))

    # ------------------------------------------------------------------- layout
    def layout(self, ctx: Ctx) -> list[Block]:
        met = met_signs(ctx)
        open_ = ctx.ui.sign_open
        if open_ is not None and 0 <= open_ < len(met):
            return self._full(ctx, met, open_)
        return self._overview(ctx, met)

    def _full(self, ctx: Ctx, met: list[SignMet], index: int) -> list[Block]:
        sign = ctx.session.pack.signs[met[index].sign]
        theme = ctx.theme

        def label(text: str) -> Block:
            return plain_text(ctx.fonts, text, ctx.body_px, True, theme.muted,
                              ctx.content_width, max_lines=1)

        return [
            label(f"{ctx.say('sign')} {index + 1}/{len(met)}"),
            ctx.slot("sign_title", ctx.text(sign.title), theme.accent),
            Spacer(ctx.gap(0.025)), label(ctx.say("why")),
            ctx.slot("sign_explanation", ctx.text(sign.explanation)),
            Spacer(ctx.gap(0.025)), label(ctx.say("what")),
            ctx.slot("sign_advice", ctx.text(sign.advice)),
        ]

    def _where(self, ctx: Ctx, found: SignMet) -> str:
        """Where the sign was met, short: the choice taken, "in this situation" (a sign
        nobody chose), or the card."""
        scenario = ctx.scenario
        if isinstance(scenario, Deck):
            return ctx.say("sign_card_at", n=found.index + 1)
        if found.kind is SignKind.SITUATION:
            return ctx.say("sign_situation_at")
        if isinstance(scenario, Story) and found.step in scenario.steps:
            choices = scenario.steps[found.step].choices or []
            text = ctx.text(choices[found.index].text) if found.index < len(choices) else ""
            key = "sign_missed_at" if found.kind is SignKind.MISSED else "sign_noticed_at"
            return ctx.say(key, text=text)
        return ""

    def _row(self, ctx: Ctx, number: int, title: str, group: str, advice: str,
             command: Command, focused: bool = False) -> Painted:
        """A numbered panel, every line at body size: the title (bold), then what to do;
        above it, when it begins a group, where the group's signs were met (muted)."""
        theme, px, pad = ctx.theme, ctx.body_px, ctx.gap(PAD)
        box_w = ctx.fonts.width(str(max(number, 10)), px, True) + 2 * pad
        width = ctx.content_width - box_w - 4 * pad
        label = (plain_text(ctx.fonts, group, px, False, theme.muted, ctx.content_width,
                            max_lines=1) if group else None)
        lines = [plain_text(ctx.fonts, title, px, True, theme.accent, width, max_lines=1)]
        if advice:
            lines.append(plain_text(ctx.fonts, advice, px, False, theme.text, width,
                                    max_lines=1))
        top = label.height if label is not None else 0
        inner = pad // 2  # tight: a dozen signs must fit two or three pages at 4%
        panel_h = sum(p.height for p in lines) + 2 * inner

        def paint(surface: pygame.Surface, rect: pygame.Rect) -> None:
            if label is not None:
                label.draw(surface, rect.x, rect.y)
            panel = pygame.Rect(rect.x, rect.y + top, rect.width, panel_h)
            pygame.draw.rect(surface, theme.panel, panel, border_radius=pad)
            if focused:  # the row Enter opens
                pygame.draw.rect(surface, theme.focus, panel, width=max(3, pad // 2),
                                 border_radius=pad)
            box = pygame.Rect(panel.x + pad, panel.y + inner, box_w, lines[0].height)
            pygame.draw.rect(surface, theme.focus, box, border_radius=pad)
            image = ctx.fonts.render(str(number), px, True, theme.on_focus)
            surface.blit(image, image.get_rect(center=box.center))
            x, y = box.right + 2 * pad, panel.y + inner
            for para in lines:
                para.draw(surface, x, y)
                y += para.height
            ctx.target(panel, command)

        return Painted(ctx.content_width, top + panel_h, paint)

    def _overview(self, ctx: Ctx, met: list[SignMet]) -> list[Block]:
        signs = ctx.session.pack.signs
        cursor = ctx.ui.sign_cursor
        rows: list[Block] = []
        before = None
        for n, found in enumerate(met, start=1):
            sign = signs[found.sign]
            # Signs met at the same choice (or in the same situation) share its line.
            where = self._where(ctx, found)
            group = where if where != before or n == 1 else ""
            before = where
            rows.append(self._row(ctx, n, ctx.text(sign.title), group,
                                  ctx.text(sign.advice), Command(Action.SELECT, n - 1),
                                  cursor == n - 1))
        if has_help(ctx):
            rows.append(self._row(ctx, len(met) + 1, ctx.say("help"), "", "",
                                  Command(Action.SELECT, len(met)), cursor == len(met)))
        head = heading(ctx, ctx.say("signs_met"))
        gap = ctx.gap(0.008)
        room = ctx.bottom - ctx.top - head.height - ctx.gap(0.015) - ctx.overhang
        self._pages = pages = paginate([r.height for r in rows], room, gap)
        ctx.ui.subpages = len(pages)
        if len(pages) > 1:
            misfit(f"the signs take {len(pages)} pages")
        page = pages[min(ctx.ui.subpage, len(pages) - 1)]
        blocks: list[Block] = [head, Spacer(ctx.gap(0.015))]
        for i, index in enumerate(page):
            if i:
                blocks.append(Spacer(gap))
            blocks.append(rows[index])
        return blocks

    def footer(self, ctx: Ctx) -> str:
        """The facilitator's keys here (small, in the footer) and the page."""
        if ctx.ui.sign_open is not None:
            return ctx.say("sign_back")
        hint = ctx.say("sign_open_hint", n=min(9, len(met_signs(ctx))))
        return " · ".join(p for p in (super().footer(ctx), hint) if p)
