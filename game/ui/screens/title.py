"""The title screen: the pack's title, Enter to start, and the facilitator's options."""

from __future__ import annotations

import pygame

from game.core.commands import Action, Command
from game.core.title import DETAILS, NAME_LETTERS, TitleRow
from game.ui.screens.base import Ctx, Screen
from game.ui.text import Block, Painted, Spacer, draw_column, measuring, plain_text
from game.ui.widgets import PAD

__all__ = ["NAME_LETTERS", "TitleScreen", "resume_lines"]



class TitleScreen(Screen):
    """Enter starts at once (or resumes the session offered); Up/Down reach the options,
    which never stand in the way. Keys become commands in the keymap; the controller
    carries them out: this screen only draws."""

    def draw(self, surface: pygame.Surface, ctx: Ctx) -> None:
        opts = ctx.controller.title
        current, team_index = opts.row()
        theme = ctx.theme
        # The pack's title as large as the room's wall allows: half again the slot's size
        # when it stays on two lines and the options still fit under it (else the slot's).
        normal = ctx.slot("pack_title", ctx.text(ctx.session.pack.info.title), theme.accent,
                          align="center")
        with ctx.at_scale(1.5), measuring() as too_long:
            title = ctx.slot("pack_title", ctx.text(ctx.session.pack.info.title),
                             theme.accent, align="center")
        if too_long or len(title.lines) > 2:
            title = normal
        blocks: list[Block] = [title, Spacer(ctx.gap(0.05))]
        first = 0
        if ctx.controller.offer is not None:
            offer, where = resume_lines(ctx)
            # Two lines if it must, the key held to its verb ("Enter: resume", never
            # "Enter:" / "resume"), never cut: the offer is what a crashed event hangs on.
            offer = offer.replace(": ", ":\u00a0", 1)
            blocks.append(self._row(ctx, offer, current is TitleRow.RESUME, 0, True,
                                    Command(Action.RESUME), lines=2))
            blocks.append(plain_text(ctx.fonts, where, ctx.body_px, False, theme.accent,
                                     ctx.content_width, "center", 2))
            blocks.append(Spacer(ctx.gap(0.02)))
            first = 1
        start = ctx.say("start_new" if first else "start")
        blocks.append(self._row(ctx, start, current is TitleRow.START, first, True,
                                Command(Action.START_FRESH)))
        blocks.append(Spacer(ctx.gap(0.04)))
        langs = ctx.session.pack.languages
        lang_text = " ".join(f"[{code.upper()}]" if code == ctx.lang else code.upper()
                             for code in langs)
        count = opts.team_count
        teams_text = (f"{count}" if count > 1 else f"1 ({ctx.say('no_teams')})")
        people = opts.participants or "–"
        rows = [
            (TitleRow.LANGUAGE, f"{ctx.say('language')}:  {lang_text}"),
            (TitleRow.PARTICIPANTS, f"{ctx.say('participants')}:  {people}"),
            (TitleRow.TEAMS, f"{ctx.say('teams')}:  {teams_text}"),
        ]
        for i, (row, text) in enumerate(rows, start=first + 1):
            blocks.append(self._row(ctx, text, current is row, i, False, _cursor(i)))
        if count > 1:
            blocks.append(self._team_grid(ctx, team_index if current is TitleRow.TEAM_NAME
                                          else None, first + 4))
        blocks.append(self._details_grid(ctx, team_index if current is TitleRow.DETAIL
                                         else None, opts.index_of(TitleRow.DETAIL)))
        blocks += [Spacer(ctx.gap(0.03)),
                   plain_text(ctx.fonts, ctx.say("title_hint"), ctx.body_px, False, theme.muted,
                              ctx.content_width, "center", 2),
                   Spacer(ctx.gap(0.015)),
                   plain_text(ctx.fonts, ctx.say("check_key"), ctx.body_px, False, theme.muted,
                              ctx.content_width, "center", 1)]
        if sum(b.height for b in blocks) > ctx.bottom - ctx.top - ctx.overhang:
            blocks[0] = normal  # a crowded title screen (six teams, an offer): room first
        draw_column(surface, blocks, ctx.left, ctx.top, ctx.bottom, valign="center")

    def footer(self, ctx: Ctx) -> str:
        """The game opens full screen: how to reach the menu (and so quit), small."""
        return ctx.say("esc_menu")

    def _row(self, ctx: Ctx, text: str, focused: bool, index: int, big: bool,
             command: Command, lines: int = 1) -> Painted:
        px = ctx.px(0.05) if big else ctx.body_px
        pad = ctx.gap(PAD)
        para = plain_text(ctx.fonts, text, px, big, ctx.theme.text, ctx.content_width - 4 * pad,
                          "center", lines)
        width = min(ctx.content_width, para.text_width + 6 * pad)

        def paint(surface: pygame.Surface, rect: pygame.Rect) -> None:
            box = pygame.Rect(rect.x + (rect.width - width) // 2, rect.y, width, rect.height)
            if focused:
                pygame.draw.rect(surface, ctx.theme.focus, box, border_radius=pad)
            para.colour = ctx.theme.on_focus if focused else ctx.theme.text
            para.draw(surface, rect.x + 2 * pad, rect.y + pad)
            ctx.target(box, command)

        return Painted(ctx.content_width, para.height + 2 * pad, paint)

    def _team_grid(self, ctx: Ctx, focused: int | None, first_row: int) -> Painted:
        opts = ctx.controller.title
        pad = ctx.gap(PAD)
        gap = int(0.02 * ctx.width)
        cell_w = (ctx.content_width - gap) // 2
        x0 = 0
        rows = (opts.team_count + 1) // 2
        cell_h = ctx.body_line + 2 * pad

        def paint(surface: pygame.Surface, rect: pygame.Rect) -> None:
            for i in range(opts.team_count):
                col, line = i % 2, i // 2
                cell = pygame.Rect(rect.x + x0 + col * (cell_w + gap), rect.y + line * cell_h,
                                   cell_w, cell_h)
                name = opts.team_names[i] or ctx.say("team_n", n=i + 1)
                text = f"{i + 1}. {name}" + ("_" if focused == i else "")
                on = focused == i
                if on:
                    pygame.draw.rect(surface, ctx.theme.focus, cell, border_radius=pad)
                para = plain_text(ctx.fonts, text, ctx.body_px, False,
                                  ctx.theme.on_focus if on else ctx.theme.text,
                                  cell_w - 2 * pad, "center", max_lines=1)
                para.draw(surface, cell.x + pad, cell.y + pad)
                ctx.target(cell, _cursor(first_row + i))

        return Painted(ctx.content_width, rows * cell_h, paint)

    def _details_grid(self, ctx: Ctx, focused: int | None, first_row: int) -> Painted:
        """Organisation, place, facilitator (optional, for the report): one line of three,
        each its label until given, then its value (cut with "…" when long; the one
        being typed shows its end)."""
        opts = ctx.controller.title
        pad = ctx.gap(PAD)
        gap = int(0.015 * ctx.width)
        count = len(DETAILS)
        cell_w = (ctx.content_width - (count - 1) * gap) // count
        cell_h = ctx.body_line + 2 * pad

        def paint(surface: pygame.Surface, rect: pygame.Rect) -> None:
            for i, key in enumerate(DETAILS):
                cell = pygame.Rect(rect.x + i * (cell_w + gap), rect.y, cell_w, cell_h)
                on = focused == i
                value = opts.details[i]
                # Given, the value speaks for itself in a third of the line; not given,
                # the label says what may go there.
                text = _tail(ctx, value + "_", cell_w - 2 * pad) if on else \
                    value or f"{ctx.say(key)}: –"
                if on:
                    pygame.draw.rect(surface, ctx.theme.focus, cell, border_radius=pad)
                colour = ctx.theme.on_focus if on else (
                    ctx.theme.text if value else ctx.theme.muted)
                para = plain_text(ctx.fonts, text, ctx.body_px, False, colour,
                                  cell_w - 2 * pad, "center", max_lines=1)
                para.draw(surface, cell.x + pad, cell.y + pad)
                ctx.target(cell, _cursor(first_row + i))

        return Painted(ctx.content_width, cell_h, paint)


def _tail(ctx: Ctx, text: str, width: int) -> str:
    """The end of `text` that fits on one line of `width` ("…" before it when cut): what
    is being typed stays in sight."""
    if len(ctx.fonts.wrap(text, ctx.body_px, False, width)) <= 1:
        return text
    low, high = 0, len(text)  # the fewest letters to drop so that the rest fits
    while low < high:
        middle = (low + high) // 2
        if len(ctx.fonts.wrap("…" + text[middle:], ctx.body_px, False, width)) <= 1:
            high = middle
        else:
            low = middle + 1
    return "…" + text[low:]


def _cursor(row: int) -> Command:
    # Clicking an option row moves the cursor there.
    return Command(Action.SELECT, row)


def resume_lines(ctx: Ctx) -> tuple[str, str]:
    """The offer's two lines: resume (which session) and where it stopped."""
    offer = ctx.controller.offer
    assert offer is not None
    key = "resume" if offer.recent else "resume_old"
    stop = offer.stop
    if stop.scenario and stop.step is not None:
        where = ctx.say("resume_step", scenario=stop.scenario, n=stop.step)
    elif stop.scenario and stop.card is not None:
        where = ctx.say("resume_card", scenario=stop.scenario, n=stop.card, m=stop.cards or "?")
    else:
        where = ctx.say("resume_menu")
    return (ctx.say(key, pack=offer.pack, time=offer.when),
            ctx.say("resume_where", where=where, stopped=stop.when[-5:]))
