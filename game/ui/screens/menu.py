"""The menu: the pack's scenarios (title, one-line summary, kind), and an entry to end."""

from __future__ import annotations

import pygame

from game.core.commands import Action, Command
from game.core.model import Story
from game.ui.screens.base import Ctx, Screen
from game.ui.text import Block, Painted, Paragraph, Spacer, draw_column, plain_text
from game.ui.widgets import PAD, heading


def paginate(heights: list[int], available: int, gap: int) -> list[list[int]]:
    """Indices of items per page, as many whole items on a page as fit (at least one)."""
    pages: list[list[int]] = [[]]
    used = 0
    for i, h in enumerate(heights):
        need = h if not pages[-1] else h + gap
        if pages[-1] and used + need > available:
            pages.append([i])
            used = h
        else:
            pages[-1].append(i)
            used += need
    return pages


class MenuScreen(Screen):
    """Scenarios in the pack's order; the cursor starts on the first one not played yet."""

    def _count(self, ctx: Ctx) -> int:
        return len(ctx.session.scenario_ids) + 1  # the last entry ends the session

    def _entries(self, ctx: Ctx) -> list[Painted]:
        played = set(ctx.session.played())
        entries = []
        for i, sid in enumerate(ctx.session.scenario_ids):
            scenario = ctx.session.pack.scenarios[sid]
            kind = ctx.say("story" if isinstance(scenario, Story) else "cards")
            if sid in played:
                kind += f" · {ctx.say('played')}"
            entries.append(self._entry(ctx, i, str(i + 1), ctx.text(scenario.title), kind,
                                       ctx.text(scenario.summary)))
        n = len(entries)
        entries.append(self._entry(ctx, n, "", ctx.say("end_session"), "",
                                   ctx.say("end_session_hint")))
        return entries

    def _entry(self, ctx: Ctx, index: int, number: str, title: str, kind: str,
               summary: str) -> Painted:
        theme = ctx.theme
        pad = ctx.gap(PAD)
        box_w = int(0.06 * ctx.width)
        text_x = box_w + int(0.015 * ctx.width)
        title_para = ctx.slot("menu_title", title).clipped(3)
        summary_para = ctx.slot("summary", summary, theme.muted).clipped(3)
        kind_w = ctx.fonts.width(kind, ctx.body_px, True) if kind else 0
        inline = kind_w == 0 or (title_para.fonts.width(title_para.lines[-1], title_para.px, True)
                                 + kind_w + 2 * pad <= ctx.content_width - text_x - pad)
        kind_para = None if inline else plain_text(
            ctx.fonts, kind, ctx.body_px, True, theme.accent, ctx.content_width - text_x,
            "right", 1)
        parts: list[Paragraph] = [title_para, *([kind_para] if kind_para else []), summary_para]
        height = sum(p.height for p in parts) + 2 * pad

        def paint(surface: pygame.Surface, rect: pygame.Rect) -> None:
            selected = index == ctx.controller.menu_cursor
            fill = theme.focus if selected else theme.panel
            pygame.draw.rect(surface, fill, rect, border_radius=pad)
            ink = theme.on_focus if selected else theme.text
            soft = theme.on_focus if selected else theme.muted
            box = pygame.Rect(rect.x, rect.y, box_w, rect.height)
            if number:
                pygame.draw.rect(surface, theme.panel_edge if selected else theme.focus, box,
                                 border_radius=pad)
                num = ctx.fonts.render(number, ctx.px(0.05), True,
                                       theme.text if selected else theme.on_focus)
                surface.blit(num, num.get_rect(center=box.center))
            y = rect.y + pad
            title_para.colour = ink
            title_para.draw(surface, rect.x + text_x, y)
            if kind and inline:
                tag = ctx.fonts.render(kind, ctx.body_px, True, ink if selected else theme.accent)
                last_y = y + (len(title_para.lines) - 1) * title_para.line_height
                surface.blit(tag, (rect.right - pad - tag.get_width(),
                                   last_y + (title_para.line_height - tag.get_height()) // 2))
            y += title_para.height
            if kind_para is not None:
                kind_para.colour = ink if selected else theme.accent
                kind_para.draw(surface, rect.x + text_x, y)
                y += kind_para.height
            summary_para.colour = soft
            summary_para.draw(surface, rect.x + text_x, y)
            ctx.target(rect, Command(Action.SELECT, index))

        return Painted(ctx.content_width, height, paint)

    def draw(self, surface: pygame.Surface, ctx: Ctx) -> None:
        theme = ctx.theme
        head = heading(ctx, ctx.say("scenarios")).clipped(1)
        notice: Paragraph | None = None
        left_out = ctx.session.pack.left_out
        if left_out:
            notice = plain_text(ctx.fonts, ctx.say("left_out", ids=", ".join(left_out)),
                                ctx.body_px, False, theme.error, ctx.content_width, max_lines=2)
        gap = ctx.gap(0.015)
        top = ctx.top + head.height + ctx.gap(0.02)
        bottom = ctx.bottom - (notice.height + ctx.gap(0.015) if notice else 0)
        entries = self._entries(ctx)
        pages = paginate([e.height for e in entries], bottom - top, gap)
        page = next((p for p, items in enumerate(pages) if ctx.controller.menu_cursor in items), 0)
        head.draw(surface, ctx.left, ctx.top)
        if len(pages) > 1:
            label = ctx.fonts.render(ctx.say("page", n=page + 1, m=len(pages)), ctx.body_px,
                                     False, theme.muted)
            surface.blit(label, (ctx.width - ctx.left - label.get_width(),
                                 ctx.top + (head.line_height - label.get_height()) // 2))
        blocks: list[Block] = []
        for i in pages[page]:
            if blocks:
                blocks.append(Spacer(gap))
            blocks.append(entries[i])
        draw_column(surface, blocks, ctx.left, top, bottom)
        if notice is not None:
            notice.draw(surface, ctx.left, ctx.bottom - notice.height)
