"""The session summary: scenarios played with their results, team scores, duration.

Each scenario's title is shown whole (up to two lines) with its result; the
rows that do not fit go on further pages, turned by Continue and Back. A story's
result reads in full ("SAFE · average degree 1.7 of 4", on the scale the room saw)
when the list fits on one page so; else shortly ("SAFE · 1.7 of 4") under a key that
says what the numbers are.
"""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.core.scoring import average_degree
from game.core.session import DeckResult, StoryResult
from game.ui.screens.base import LADDER, Ctx, PagedScreen
from game.ui.screens.debrief_help import DebriefHelpScreen
from game.ui.screens.menu import paginate
from game.ui.screens.podium import podium
from game.ui.screens.scoreboard import standings
from game.ui.text import (
    Block,
    Painted,
    Paragraph,
    Spacer,
    draw_column,
    measuring,
    misfit,
    plain_text,
)
from game.ui.theme import Colour
from game.ui.widgets import decimal, heading

TITLE_LINES = 2
"""Lines a scenario's title may take in the list (the validator allows two)."""
BESIDE = 0.4
"""A result goes beside its title when that leaves the title this much of the width."""


def clock_text(seconds: float, say: Callable[..., str]) -> str:
    """A duration as h:mm from an hour on, else as minutes in the session's language."""
    minutes = int(seconds // 60)
    return f"{minutes // 60}:{minutes % 60:02d}" if minutes >= 60 else say("minutes", n=minutes)


def table_row(ctx: Ctx, label: str, value: str, width: int,
              colours: tuple[Colour, Colour] | None = None, bold_label: bool = False,
              bold_value: bool = True, lines: int = TITLE_LINES) -> Painted:
    """A label (wrapped, up to `lines` lines) and a value, right-aligned.

    The value goes beside the label, centred on the row's height, when that leaves
    the label `BESIDE` of the width and room for all of it in `lines` lines; else on
    a line of its own under it.
    """
    px = ctx.body_px
    ink, accent = colours or (ctx.theme.text, ctx.theme.accent)
    gap = int(0.02 * ctx.width)
    value_para = plain_text(ctx.fonts, value, px, bold_value, accent, width, "right",
                            max_lines=1)
    value_w = value_para.text_width
    beside = not value or value_w + gap <= width * (1 - BESIDE)
    room = width - value_w - gap if beside and value else width
    label_para = plain_text(ctx.fonts, label, px, bold_label, ink, max(1, room))
    if beside and value and len(label_para.lines) > lines:
        beside = False  # the label whole on the full width, the value under it
        label_para = plain_text(ctx.fonts, label, px, bold_label, ink, width)
    label_para = label_para.clipped(lines)
    if beside:
        height = max(label_para.height, value_para.height)
    else:
        height = label_para.height + value_para.height

    def paint(surface: pygame.Surface, rect: pygame.Rect) -> None:
        if beside:
            label_para.draw(surface, rect.x, rect.y + (rect.height - label_para.height) // 2)
            if value:
                value_para.draw(surface, rect.x,
                                rect.y + (rect.height - value_para.height) // 2)
        else:
            label_para.draw(surface, rect.x, rect.y)
            value_para.draw(surface, rect.x, rect.y + label_para.height)

    return Painted(width, height, paint)


def side_by_side(ctx: Ctx, cells: list[Painted], width: int, gap: int) -> Painted:
    """Cells drawn in one line, left to right (as tall as the tallest)."""

    def paint(surface: pygame.Surface, rect: pygame.Rect) -> None:
        x = rect.x
        for cell in cells:
            cell.draw(surface, x, rect.y)
            x += cell.width + gap

    return Painted(width, max(c.height for c in cells), paint)


class SummaryScreen(PagedScreen):
    """What the room did in this session, for the facilitator's closing words."""

    ladder = LADDER

    # ---------------------------------------------------------------- layout
    def __init__(self) -> None:
        super().__init__()
        self.help = DebriefHelpScreen()

    @staticmethod
    def has_podium(ctx: Ctx) -> bool:
        """Teams played: the first page is their podium."""
        return len(ctx.session.team_names) > 1

    def on_podium_page(self, ctx: Ctx) -> bool:
        """Whether the first page, the teams' podium, is shown."""
        return self.has_podium(ctx) and ctx.ui.subpage == 0

    def _podium_page(self, ctx: Ctx, note: Paragraph | None = None) -> list[Block]:
        """The summary's heading, the duration and the teams' podium under them (above the
        report's `note`, when there is one)."""
        head = [heading(ctx, ctx.say("summary")),
                plain_text(ctx.fonts, ctx.say("duration", time=clock_text(
                    ctx.session.duration(), ctx.say)), ctx.body_px, False, ctx.theme.muted,
                    ctx.content_width, max_lines=1), Spacer(ctx.gap(0.03))]
        room = ctx.bottom - ctx.top - sum(b.height for b in head) - ctx.overhang
        if note is not None:
            room -= note.height + ctx.gap(0.02)
        return head + podium(ctx, room)

    def on_help_page(self, ctx: Ctx) -> bool:
        """Whether the last page is shown: where to get help, the image the room leaves with
        (set `ui.subpages` first: `_parts` does)."""
        return bool(ctx.session.pack.info.help) and ctx.ui.subpage == ctx.ui.subpages - 1

    def layout(self, ctx: Ctx) -> list[Block]:
        blocks, note = self._parts(ctx)
        if self.on_help_page(ctx):
            return self.help.layout(ctx)
        if self.on_podium_page(ctx):
            blocks = self._podium_page(ctx, note)
        return blocks + ([Spacer(ctx.gap(0.02)), note] if note is not None else [])

    def draw(self, surface: pygame.Surface, ctx: Ctx) -> None:
        self._parts(ctx)  # how many pages there are
        if self.on_help_page(ctx):
            self.help.draw(surface, ctx)
            return
        with ctx.at_scale(self.scale(ctx)):
            blocks, note = self._parts(ctx)
            if self.on_podium_page(ctx):
                blocks = self._podium_page(ctx, note)
            bottom = ctx.bottom
            if note is not None:
                # The report's place keeps its room at the bottom, whatever is listed above it.
                bottom -= note.height + ctx.gap(0.02)
                note.draw(surface, ctx.left, bottom + ctx.gap(0.02))
                ctx.mark("report", pygame.Rect(ctx.left, bottom + ctx.gap(0.02), note.width,
                                               note.height))
            draw_column(surface, blocks, ctx.left, ctx.top, bottom)

    def _parts(self, ctx: Ctx) -> tuple[list[Block], Paragraph | None]:
        """The page shown (heading, duration, its rows) and the report's note, at ctx.scale."""
        theme = ctx.theme
        duration = clock_text(ctx.session.duration(), ctx.say)
        top: list[Block] = [heading(ctx, ctx.say("summary")),
                            plain_text(ctx.fonts, ctx.say("duration", time=duration),
                                       ctx.body_px, False, theme.muted, ctx.content_width,
                                       max_lines=1),
                            Spacer(ctx.gap(0.03))]
        note = report_note(ctx)
        room = ctx.bottom - ctx.top - sum(b.height for b in top)
        if note is not None:
            room -= note.height + ctx.gap(0.02)
        gap = ctx.gap(0.012)
        with measuring() as cut:
            units = self._units(ctx, full=True)
        pages = paginate([u.height for u in units], room, gap)
        if len(pages) > 1 or cut:
            # The results in full need more than the page (or more than a line each).
            if ctx.scale > LADDER[0]:
                misfit(f"the summary takes {len(pages)} pages")
            units = self._units(ctx, full=False)
            pages = paginate([u.height for u in units], room, gap)
        # The teams' podium first, then the results, then one last page: where to get help
        # (the pack's every contact).
        first = 1 if self.has_podium(ctx) else 0
        ctx.ui.subpages = first + len(pages) + (1 if ctx.session.pack.info.help else 0)
        page = pages[max(0, min(ctx.ui.subpage - first, len(pages) - 1))]
        blocks = list(top)
        for n, i in enumerate(page):
            if n:
                blocks.append(Spacer(gap))
            blocks.append(units[i])
        return blocks, note

    def _units(self, ctx: Ctx, full: bool) -> list[Block]:
        """What pages are made of: the scenarios' rows (the first under the list's label, the
        results' key when they are short), then the team scores under theirs."""
        session, theme = ctx.session, ctx.theme
        width = ctx.content_width
        muted = (theme.muted, theme.muted)
        rows: list[Block] = []
        for result in session.state.finished:
            scenario = session.pack.scenarios.get(result.scenario)
            title = ctx.text(scenario.title) if scenario is not None else result.scenario
            if isinstance(result, StoryResult):
                outcome = ctx.say(f"outcome_{result.outcome}") if result.outcome else ""
                average = average_degree([e.degree for e in result.path])
                values = {"outcome": outcome, "avg": decimal(ctx, average or 0),
                          "m": len(session.pack.info.risk_scale)}
                value = (ctx.say("summary_average", **values) if full
                         else ctx.say("summary_average_short", **values))
                value = value.strip(" ·")
            elif isinstance(result, DeckResult):
                value = ctx.say("summary_deck", n=len(result.cards))
            else:
                value = ""
            rows.append(table_row(ctx, title, value, width))
        key = "" if full or not any(isinstance(r, StoryResult) for r in session.state.finished) \
            else ctx.say("summary_average_key")
        label = table_row(ctx, ctx.say("scenarios_played"), key, width, muted, bold_label=True,
                          bold_value=False)
        if rows:
            first = [label, Spacer(ctx.gap(0.01)), rows[0]]
        else:
            first = [label, plain_text(ctx.fonts, ctx.say("none_played"), ctx.body_px, False,
                                       theme.text, width, max_lines=1)]
        units: list[Block] = [stack(width, first), *rows[1:]]
        if len(session.team_names) > 1:
            units += self._teams(ctx, width)  # after the podium, the scores in a table too
        return units

    def _teams(self, ctx: Ctx, width: int) -> list[Block]:
        """The team scores, two to a line when every one fits half the width whole (one to a
        line else): each team's rank and name, its points right after it."""
        ranked = [(f"{i}. {name}", ctx.say("points", n=pts))
                  for i, (name, pts) in enumerate(standings(ctx), start=1)]
        gap = int(0.06 * ctx.width)
        half = (width - gap) // 2
        cells = [score_cell(ctx, name, pts, half) for name, pts in ranked]
        lines: list[Block]
        if all(cell is not None for cell in cells):
            pairs = [c for c in cells if c is not None]
            lines = [side_by_side(ctx, pairs[i:i + 2], width, gap)
                     for i in range(0, len(pairs), 2)]
        else:
            lines = [table_row(ctx, name, pts, width) for name, pts in ranked]
        label = plain_text(ctx.fonts, ctx.say("team_scores"), ctx.body_px, True,
                           ctx.theme.muted, width, max_lines=1)
        first = stack(width, [Spacer(ctx.gap(0.02)), label, Spacer(ctx.gap(0.01)), lines[0]])
        return [first, *lines[1:]]


def score_cell(ctx: Ctx, name: str, points: str, width: int) -> Painted | None:
    """A team's name and, right after it, its points, on one line of `width` (None when
    they do not fit it)."""
    px = ctx.body_px
    name_para = plain_text(ctx.fonts, name, px, False, ctx.theme.text, width)
    points_para = plain_text(ctx.fonts, points, px, True, ctx.theme.accent, width)
    space = int(0.015 * ctx.width)
    if (len(name_para.lines) > 1 or len(points_para.lines) > 1
            or name_para.text_width + space + points_para.text_width > width):
        return None
    shift = name_para.text_width + space

    def paint(surface: pygame.Surface, rect: pygame.Rect) -> None:
        name_para.draw(surface, rect.x, rect.y)
        points_para.draw(surface, rect.x + shift, rect.y)

    return Painted(width, name_para.height, paint)


def stack(width: int, blocks: list[Block]) -> Painted:
    """Blocks kept together, one under another (so a page never ends between them)."""

    def paint(surface: pygame.Surface, rect: pygame.Rect) -> None:
        y = rect.y
        for block in blocks:
            block.draw(surface, rect.x, y)
            y += block.height

    return Painted(width, sum(b.height for b in blocks), paint)


def report_note(ctx: Ctx) -> Paragraph | None:
    """That the event report was written (its file's name), or why it could not be: body
    size (4%), at most three lines."""
    control = ctx.controller
    # The projector shows a short name only: the full path is the facilitator's, printed in
    # the terminal when the report was written (and on the presenter's view).
    if control.report_error:
        where, reason = control.report_error
        text = ctx.say("report_not_saved", name=where.name or str(where), reason=reason)
        colour = ctx.theme.error
    elif control.report_path is not None:
        text = ctx.say("report_is_saved", name=control.report_path.name)
        colour = ctx.theme.muted
    else:
        return None
    return plain_text(ctx.fonts, text, ctx.body_px, False, colour, ctx.content_width,
                      max_lines=3)
