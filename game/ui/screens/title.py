"""The title screen: the pack's title, Enter to start, and the facilitator's options."""

from __future__ import annotations

import pygame

from game.core.session import MAX_TEAMS
from game.ui.keymap import Action, Command
from game.ui.screens.base import Ctx, Screen
from game.ui.state import Overlay, TitleRow
from game.ui.text import Block, Painted, Spacer, draw_column, line_px, plain_text
from game.ui.widgets import PAD

NAME_LETTERS = 16
"""The most letters a team name typed here may have: the rating and reveal grids show six
names this long whole at 1024×768."""

_DIGIT_KEYS = {getattr(pygame, f"K_{n}"): str(n) for n in range(10)}
_DIGIT_KEYS.update({getattr(pygame, f"K_KP{n}"): str(n) for n in range(10)})


class TitleScreen(Screen):
    """Enter starts at once; Up/Down reach the options, which never stand in the way."""

    def draw(self, surface: pygame.Surface, ctx: Ctx) -> None:
        opts = ctx.ui.title
        current, team_index = opts.row()
        theme = ctx.theme
        title = ctx.slot("pack_title", ctx.text(ctx.session.pack.info.title), theme.accent,
                         align="center")
        blocks: list[Block] = [title, Spacer(ctx.gap(0.05))]
        blocks.append(self._row(ctx, ctx.say("start"), current is TitleRow.START, 0, True))
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
        for i, (row, text) in enumerate(rows, start=1):
            blocks.append(self._row(ctx, text, current is row, i, False))
        if count > 1:
            blocks.append(self._team_grid(ctx, team_index if current is TitleRow.TEAM_NAME
                                          else None))
        if ctx.ui.resume is not None:
            offer = ctx.ui.resume
            blocks += [Spacer(ctx.gap(0.02)),
                       plain_text(ctx.fonts, ctx.say("resume", pack=offer.pack, time=offer.when),
                                  ctx.body_px, True, theme.accent, ctx.content_width, "center",
                                  2)]
        blocks += [Spacer(ctx.gap(0.03)),
                   plain_text(ctx.fonts, ctx.say("title_hint"), ctx.body_px, False, theme.muted,
                              ctx.content_width, "center", 2),
                   Spacer(ctx.gap(0.015)),
                   plain_text(ctx.fonts, ctx.say("check_key"), ctx.body_px, False, theme.muted,
                              ctx.content_width, "center", 1)]
        draw_column(surface, blocks, ctx.left, ctx.top, ctx.bottom, valign="center")

    def _row(self, ctx: Ctx, text: str, focused: bool, index: int, big: bool) -> Painted:
        px = ctx.px(0.05) if big else ctx.body_px
        pad = ctx.gap(PAD)
        para = plain_text(ctx.fonts, text, px, big, ctx.theme.text, ctx.content_width - 4 * pad,
                          "center", 1)
        width = min(ctx.content_width, para.text_width + 6 * pad)

        def paint(surface: pygame.Surface, rect: pygame.Rect) -> None:
            box = pygame.Rect(rect.x + (rect.width - width) // 2, rect.y, width, rect.height)
            if focused:
                pygame.draw.rect(surface, ctx.theme.focus, box, border_radius=pad)
            para.colour = ctx.theme.on_focus if focused else ctx.theme.text
            para.draw(surface, rect.x + 2 * pad, rect.y + pad)
            ctx.target(box, Command(Action.CONTINUE) if index == 0 else _cursor(index))

        return Painted(ctx.content_width, line_px(px) + 2 * pad, paint)

    def _team_grid(self, ctx: Ctx, focused: int | None) -> Painted:
        opts = ctx.ui.title
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
                ctx.target(cell, _cursor(4 + i))

        return Painted(ctx.content_width, rows * cell_h, paint)

    def key(self, event: pygame.event.Event, ctx: Ctx) -> bool:
        """Raw keys for the options: values change in place, names are typed."""
        opts = ctx.ui.title
        row, team = opts.row()
        if event.type == pygame.TEXTINPUT:
            if row is TitleRow.TEAM_NAME:
                name = (opts.team_names[team] + event.text)[:NAME_LETTERS]
                opts.team_names[team] = name
                return True
            if row is TitleRow.PARTICIPANTS:
                digits = "".join(c for c in event.text if c.isdigit())
                opts.participants = (opts.participants + digits)[:4]
                return bool(digits)
            return False
        if (event.type == pygame.KEYDOWN and event.key == pygame.K_c
                and row is not TitleRow.TEAM_NAME and not event.mod & pygame.KMOD_CTRL):
            ctx.ui.readiness = None  # checked afresh each time: the volunteer fixed something
            ctx.ui.open(Overlay.CHECK)
            return True
        if event.type != pygame.KEYDOWN or row is TitleRow.START:
            return False
        key = event.key
        if key in (pygame.K_UP, pygame.K_DOWN, pygame.K_ESCAPE, pygame.K_F11, pygame.K_F1):
            return False
        step = {pygame.K_LEFT: -1, pygame.K_RIGHT: 1}.get(key, 0)
        if row is TitleRow.LANGUAGE and step:
            langs = ctx.session.pack.languages
            ctx.session.set_language(langs[(langs.index(ctx.lang) + step) % len(langs)])
            return True
        if row is TitleRow.TEAMS:
            if step:
                opts.team_count = max(1, min(MAX_TEAMS, opts.team_count + step))
                return True
            if key in _DIGIT_KEYS and 1 <= int(_DIGIT_KEYS[key]) <= MAX_TEAMS:
                opts.team_count = int(_DIGIT_KEYS[key])
                return True
        if row is TitleRow.PARTICIPANTS:
            if step:
                current = opts.participant_count() or 0
                opts.participants = str(max(0, current + step))
                return True
            if key == pygame.K_BACKSPACE:
                opts.participants = opts.participants[:-1]
                return True
            if key in _DIGIT_KEYS:
                return True  # typed through TEXTINPUT
        if row is TitleRow.TEAM_NAME:
            if key == pygame.K_BACKSPACE:
                opts.team_names[team] = opts.team_names[team][:-1]
                return True
            if key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_TAB):
                opts.cursor += 1 if opts.cursor + 1 < len(opts.rows()) else -opts.cursor
                return True
            if getattr(event, "unicode", "") and event.unicode.isprintable():
                return True  # the letter arrives as TEXTINPUT; L or N must not act here
        return False

    def handle(self, command: Command, ctx: Ctx) -> bool:
        opts = ctx.ui.title
        rows = opts.rows()
        if command.action is Action.UP:
            opts.cursor = (opts.cursor - 1) % len(rows)
            return True
        if command.action is Action.DOWN:
            opts.cursor = (opts.cursor + 1) % len(rows)
            return True
        if command.action is Action.SELECT:
            opts.cursor = command.number
            return True
        if command.action is Action.CONTINUE:
            leave_title(ctx)
            return True
        return False


def leave_title(ctx: Ctx) -> None:
    """Apply the options to the session (teams, participants), log its start once, go on."""
    opts = ctx.ui.title
    session = ctx.session
    session.configure(opts.teams(lambda n: ctx.say("team_n", n=n)), opts.participant_count())
    if not ctx.ui.begun:
        session.begin()
        ctx.ui.begun = True
    session.advance()


def _cursor(row: int) -> Command:
    # Clicking an option row moves the cursor there.
    return Command(Action.SELECT, row)
