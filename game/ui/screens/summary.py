"""The session summary: scenarios played with their results, team scores, duration."""

from __future__ import annotations

import pygame

from game.core.session import DeckResult, StoryResult
from game.ui.screens.base import Ctx, Screen
from game.ui.screens.scoreboard import score_rows, standings
from game.ui.text import Block, Spacer, draw_column, plain_text
from game.ui.widgets import heading


def clock_text(seconds: float) -> str:
    """A duration as h:mm or m min."""
    minutes = int(seconds // 60)
    return f"{minutes // 60}:{minutes % 60:02d}" if minutes >= 60 else f"{minutes} min"


class SummaryScreen(Screen):
    """What the room did in this session, for the facilitator's closing words."""

    def draw(self, surface: pygame.Surface, ctx: Ctx) -> None:
        session = ctx.session
        theme = ctx.theme
        blocks: list[Block] = [heading(ctx, ctx.say("summary")),
                               plain_text(ctx.fonts, ctx.say("duration",
                                                             time=clock_text(session.duration())),
                                          ctx.body_px, False, theme.muted, ctx.content_width,
                                          max_lines=1),
                               Spacer(ctx.gap(0.03))]
        results = session.state.finished
        if not results:
            blocks.append(plain_text(ctx.fonts, ctx.say("none_played"), ctx.body_px, False,
                                     theme.text, ctx.content_width, max_lines=1))
        for result in results:
            scenario = session.pack.scenarios.get(result.scenario)
            title = ctx.text(scenario.title) if scenario is not None else result.scenario
            if isinstance(result, StoryResult):
                outcome = ctx.say(f"outcome_{result.outcome}") if result.outcome else ""
                detail = ctx.say("summary_story", outcome=outcome, total=result.total,
                                 safest=result.safest, riskiest=result.riskiest)
            elif isinstance(result, DeckResult):
                detail = ctx.say("summary_deck", n=len(result.cards))
            else:
                detail = ""
            blocks.append(plain_text(ctx.fonts, f"{title} — {detail}", ctx.body_px, False,
                                     theme.text, ctx.content_width, max_lines=1))
        if len(session.team_names) > 1:
            blocks += [Spacer(ctx.gap(0.03)),
                       plain_text(ctx.fonts, ctx.say("team_scores"), ctx.body_px, True,
                                  theme.muted, ctx.content_width, max_lines=1),
                       Spacer(ctx.gap(0.01)), score_rows(ctx, standings(ctx))]
        draw_column(surface, blocks, ctx.left, ctx.top, ctx.bottom)
