"""The pause menu: resume, back to the menu, end the session, quit (which asks once)."""

from __future__ import annotations

from enum import Enum

import pygame

from game.core.commands import Action, Command
from game.ui.screens.base import Ctx, Screen
from game.ui.screens.overlay import panel
from game.ui.state import UiState
from game.ui.text import Block, Painted, Spacer, plain_text
from game.ui.widgets import PAD, heading


class PauseItem(str, Enum):
    RESUME = "resume_play"
    MENU = "to_menu"
    END = "end_session"
    QUIT = "quit"
    PHONES = "phones_open"
    """Open the room for phones, or (when open) show how to join."""
    PHONES_STOP = "phones_stop"
    PRESENTER = "presenter"


ITEMS = (PauseItem.RESUME, PauseItem.MENU, PauseItem.END, PauseItem.QUIT, PauseItem.PHONES)
"""The entries when the room of phones is closed (open, "close the room" is added)."""


def items(ctx: Ctx) -> tuple[PauseItem, ...]:
    """The pause menu's entries now; quitting stays the fourth, where Alt+F4 puts the cursor.
    The presenter view's entry comes last, where the game has one to open (not the tests')."""
    entries = (*ITEMS, PauseItem.PHONES_STOP) if ctx.ui.phones.open else ITEMS
    return (*entries, PauseItem.PRESENTER) if ctx.ui.presenter is not None else entries


class PauseScreen(Screen):
    """Up/Down or PageUp (a clicker's back key) move; Enter, PageDown or a click choose."""

    def draw(self, surface: pygame.Surface, ctx: Ctx) -> None:
        width = int(0.6 * ctx.width)
        blocks: list[Block] = [heading(ctx, ctx.say("paused"), align="left").clipped(1),
                               Spacer(ctx.gap(0.02))]
        pad = ctx.gap(PAD)
        for i, item in enumerate(items(ctx)):
            if item is PauseItem.PRESENTER:
                text = ctx.say("presenter_item_on" if ctx.ui.presenter else "presenter_item_off")
            elif item is PauseItem.QUIT and ctx.ui.quit_armed:
                text = ctx.say("quit_confirm")
            elif item is PauseItem.END and ctx.ui.end_armed:
                text = ctx.say("end_confirm")
            elif item is PauseItem.PHONES and ctx.ui.phones.open:
                text = ctx.say("phones_show")
            else:
                text = ctx.say(item.value)
            blocks.append(self._item(ctx, text, i, width, pad))
        panel(surface, ctx, blocks, 0.6)

    def _item(self, ctx: Ctx, text: str, index: int, width: int, pad: int) -> Painted:
        para = plain_text(ctx.fonts, text, ctx.body_px, True, ctx.theme.text, width - 2 * pad,
                          max_lines=2)

        def paint(surface: pygame.Surface, rect: pygame.Rect) -> None:
            row = pygame.Rect(rect.x, rect.y, width, rect.height - pad)
            on = index == ctx.ui.pause_cursor
            if on:
                pygame.draw.rect(surface, ctx.theme.focus, row, border_radius=pad)
            para.colour = ctx.theme.on_focus if on else ctx.theme.text
            para.draw(surface, row.x + pad, row.y + pad // 2)
            ctx.target(row, Command(Action.SELECT, index))

        return Painted(width, para.height + pad + pad, paint)

    def handle(self, command: Command, ctx: Ctx) -> bool:
        ui = ctx.ui
        action = command.action
        entries = items(ctx)
        if action in (Action.UP, Action.BACK, Action.DOWN):
            step = -1 if action is Action.UP else 1
            ui.pause_cursor = (ui.pause_cursor + step) % len(entries)
            ui.quit_armed = ui.end_armed = False
        elif action is Action.SELECT:
            self._point(ui, command.number % len(entries))
            self._choose(ctx)
        elif action is Action.CONTINUE:
            self._choose(ctx)
        elif action is Action.NUMBER and 1 <= command.number <= len(entries):
            self._point(ui, command.number - 1)
            self._choose(ctx)
        else:
            return False
        return True

    @staticmethod
    def _point(ui: UiState, index: int) -> None:
        # Another entry than the one armed: the question asked is withdrawn.
        if index != ui.pause_cursor:
            ui.end_armed = False
        ui.pause_cursor = index

    def _choose(self, ctx: Ctx) -> None:
        ui = ctx.ui
        entries = items(ctx)
        item = entries[ui.pause_cursor % len(entries)]
        if item is PauseItem.PRESENTER:
            ui.quit_armed = ui.end_armed = False
            ctx.send(Command(Action.PRESENTER))  # the window's, not the session's: see App.send
            return
        if item is PauseItem.QUIT:
            if ui.quit_armed:
                ui.quit_requested = True
            ui.quit_armed = True
            return
        if item is PauseItem.END and not ui.end_armed:
            # Like quitting, ending asks once: a summary cannot be taken back in front of a hall
            # without an undo the facilitator may not know.
            ui.end_armed, ui.quit_armed = True, False
            return
        ui.close()
        ui.quit_armed = ui.end_armed = False
        if item is PauseItem.PHONES:
            # The room's server is the window's, not the session's: the app opens it (or,
            # open already, shows the join screen again).
            ui.phones_request = "open"
        elif item is PauseItem.PHONES_STOP:
            ui.phones_request = "close"
        elif item is PauseItem.MENU:
            ctx.send(Command(Action.TO_MENU))
        elif item is PauseItem.END:
            ctx.send(Command(Action.END_SESSION))
