"""C on the title screen: is this laptop ready? The `check` command's lines, on screen."""

from __future__ import annotations

import pygame

from game.commands.check import finding_text, gather, load_checked, summary_text
from game.core.eventlog import choose_data_dir
from game.core.readiness import Screens, Verdict, ready
from game.ui.screens.base import Ctx, Screen
from game.ui.screens.overlay import panel
from game.ui.text import Block, Painted, Spacer, line_px, plain_text
from game.ui.theme import Colour
from game.ui.widgets import heading


class CheckScreen(Screen):
    """One line per finding, its verdict in colour; any key closes. The findings are made
    when the overlay opens (the title screen clears them), in whatever language is on."""

    def draw(self, surface: pygame.Surface, ctx: Ctx) -> None:
        ui = ctx.ui
        if ui.readiness is None:
            pack = ctx.session.pack
            shown = str(pack.folder)
            data_dir = ctx.controller.data_dir or choose_data_dir(beside=pack.folder).path
            ui.readiness = gather(load_checked(pack.folder, shown), shown, data_dir,
                                  Screens(tuple(pygame.display.get_desktop_sizes())))
        findings = ui.readiness
        theme = ctx.theme
        width = int(0.9 * ctx.width)
        px = ctx.body_px
        colours: dict[Verdict, Colour] = {Verdict.OK: theme.safe, Verdict.NOTE: theme.accent,
                                          Verdict.FIX: theme.error}
        mark = line_px(px)  # a round mark per line: its colour and its shape say the verdict
        gap = int(0.02 * ctx.width)
        rows = []
        for finding in findings:
            text = plain_text(ctx.fonts, finding_text(finding, ctx.lang), px, False, theme.text,
                              width - mark - gap, max_lines=4)
            rows.append((finding.verdict, text, text.height + ctx.gap(0.003)))

        def paint(surface: pygame.Surface, rect: pygame.Rect) -> None:
            y = rect.y
            for verdict, text, height in rows:
                _draw_mark(surface, pygame.Rect(rect.x, y, mark, mark), verdict,
                           colours[verdict], theme.on_focus)
                text.draw(surface, rect.x + mark + gap, y)
                y += height

        hint = plain_text(ctx.fonts, ctx.say("any_key"), px, False, theme.muted, width,
                          max_lines=1)
        summary = plain_text(ctx.fonts, summary_text(findings, ctx.lang), px, True,
                             theme.safe if ready(findings) else theme.error, width, max_lines=2)
        last: list[Block] = [summary, hint]
        if summary.text_width + gap + hint.text_width <= width:
            # Side by side when they fit: at 1024×768 every line counts.
            def paint_last(surface: pygame.Surface, rect: pygame.Rect) -> None:
                summary.draw(surface, rect.x, rect.y)
                hint.draw(surface, rect.x + width - hint.text_width, rect.y)

            last = [Painted(width, max(summary.height, hint.height), paint_last)]
        blocks: list[Block] = [heading(ctx, ctx.say("check_heading")).clipped(1),
                               Spacer(ctx.gap(0.01)),
                               Painted(width, sum(r[2] for r in rows), paint),
                               Spacer(ctx.gap(0.015)), *last]
        panel(surface, ctx, blocks, 0.9)


def _draw_mark(surface: pygame.Surface, box: pygame.Rect, verdict: Verdict, fill: Colour,
               ink: Colour) -> None:
    """A disc in the verdict's colour with a tick (OK), "!" (NOTE) or a cross (FIX): the
    shape tells them apart without the colours."""
    radius = int(box.height * 0.36)
    centre = box.center
    pygame.draw.circle(surface, fill, centre, radius)
    r = radius * 0.5
    x, y = centre
    thick = max(2, radius // 4)
    if verdict is Verdict.OK:
        pygame.draw.lines(surface, ink, False, [(x - r, y), (x - r * 0.25, y + r * 0.7),
                                                 (x + r, y - r * 0.7)], thick)
    elif verdict is Verdict.FIX:
        pygame.draw.line(surface, ink, (x - r, y - r), (x + r, y + r), thick)
        pygame.draw.line(surface, ink, (x - r, y + r), (x + r, y - r), thick)
    else:
        pygame.draw.line(surface, ink, (x, y - r * 1.1), (x, y + r * 0.3), thick)
        pygame.draw.circle(surface, ink, (x, int(y + r * 0.9)), max(1, thick // 2 + 1))
