"""The session summary: scenarios played with their results, team scores, duration."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.core.session import DeckResult, StoryResult
from game.ui.screens.base import Ctx, Screen
from game.ui.screens.scoreboard import standings
from game.ui.text import Block, Painted, Paragraph, Spacer, draw_column, line_px, plain_text
from game.ui.widgets import heading


def clock_text(seconds: float, say: Callable[..., str]) -> str:
    """A duration as h:mm from an hour on, else as minutes in the session's language."""
    minutes = int(seconds // 60)
    return f"{minutes // 60}:{minutes % 60:02d}" if minutes >= 60 else say("minutes", n=minutes)


def table(ctx: Ctx, rows: list[tuple[str, str]], width: int) -> Painted:
    """Two columns: a label (shortened with … when needed) and a value, right-aligned."""
    px = ctx.body_px
    row_h = line_px(px)
    theme = ctx.theme

    def paint(surface: pygame.Surface, rect: pygame.Rect) -> None:
        for i, (label, value) in enumerate(rows):
            y = rect.y + i * row_h
            image = ctx.fonts.render(value, px, True, theme.accent)
            surface.blit(image, (rect.x + width - image.get_width(), y))
            room = width - image.get_width() - int(0.02 * ctx.width)
            plain_text(ctx.fonts, label, px, False, theme.text, max(1, room),
                       max_lines=1).draw(surface, rect.x, y)

    return Painted(width, row_h * len(rows), paint)


class SummaryScreen(Screen):
    """What the room did in this session, for the facilitator's closing words."""

    def draw(self, surface: pygame.Surface, ctx: Ctx) -> None:
        session = ctx.session
        theme = ctx.theme
        teams = len(session.team_names) > 1
        left_w = ctx.content_width
        rows: list[tuple[str, str]] = []
        for result in session.state.finished:
            scenario = session.pack.scenarios.get(result.scenario)
            title = ctx.text(scenario.title) if scenario is not None else result.scenario
            if isinstance(result, StoryResult):
                outcome = ctx.say(f"outcome_{result.outcome}") if result.outcome else ""
                value = f"{outcome} · {result.total} ({result.safest}–{result.riskiest})"
            elif isinstance(result, DeckResult):
                value = ctx.say("summary_deck", n=len(result.cards))
            else:
                value = ""
            rows.append((title, value))
        duration = clock_text(session.duration(), ctx.say)
        top: list[Block] = [heading(ctx, ctx.say("summary")),
                            plain_text(ctx.fonts, ctx.say("duration", time=duration),
                                       ctx.body_px, False, theme.muted, ctx.content_width,
                                       max_lines=1),
                            Spacer(ctx.gap(0.03))]
        ys = draw_column(surface, top, ctx.left, ctx.top, ctx.bottom)
        y = ys[-1] + top[-1].height if ys else ctx.top
        bottom = ctx.bottom
        note = report_note(ctx)
        if note is not None:
            # The report's place keeps its room at the bottom, whatever was played above it.
            bottom -= note.height + ctx.gap(0.02)
            note.draw(surface, ctx.left, bottom + ctx.gap(0.02))
            ctx.mark("report", pygame.Rect(ctx.left, bottom + ctx.gap(0.02), note.width,
                                           note.height))
        left: list[Block] = [plain_text(ctx.fonts, ctx.say("scenarios_played"), ctx.body_px,
                                        True, theme.muted, left_w, max_lines=1),
                             Spacer(ctx.gap(0.01))]
        if rows:
            left.append(table(ctx, rows, left_w))
        else:
            left.append(plain_text(ctx.fonts, ctx.say("none_played"), ctx.body_px, False,
                                   theme.text, left_w, max_lines=1))
        if teams:
            # One wrapped line of scores keeps every scenario's row wide enough to read.
            scores = " · ".join(f"{i}. {name} {pts}"
                                for i, (name, pts) in enumerate(standings(ctx), start=1))
            left += [Spacer(ctx.gap(0.03)),
                     plain_text(ctx.fonts, ctx.say("team_scores"), ctx.body_px, True,
                                theme.muted, left_w, max_lines=1),
                     plain_text(ctx.fonts, scores, ctx.body_px, True, theme.accent, left_w,
                                max_lines=3)]
        draw_column(surface, left, ctx.left, y, bottom)


def report_note(ctx: Ctx) -> Paragraph | None:
    """Where the event report was written, or why it could not be: body size (4%), at most
    three lines (a long path breaks between characters)."""
    ui = ctx.ui
    if ui.report_error:
        text, colour = ui.report_error, ctx.theme.error
    elif ui.report_path is not None:
        text, colour = ctx.say("report_saved", path=ui.report_path), ctx.theme.muted
    else:
        return None
    return plain_text(ctx.fonts, text, ctx.body_px, False, colour, ctx.content_width,
                      max_lines=3)
