"""Pieces several screens share: header, risk meter, degree badge, choice buttons, pictures."""

from __future__ import annotations

from pathlib import Path

import pygame

from game.core.commands import Action, Command
from game.core.layout import SLOTS
from game.ui.context import FOOTER, FOOTER_BAND, Ctx
from game.ui.drawlog import widget_drawn
from game.ui.text import Block, Painted, Paragraph, Spacer, font_px, line_px, misfit, plain_text
from game.ui.theme import Colour, risk_colours

METER = 0.075
"""Height of the risk meter's bar, as a fraction of the window height."""
MARKER = 0.03
"""Height of the meter's pointer above the bar."""
PAD = 0.012
"""Inner padding of buttons and badges, as a fraction of the window height."""


def heading(ctx: Ctx, text: str, colour: Colour | None = None, align: str = "left") -> Paragraph:
    """A screen heading (large, bold)."""
    return ctx.slot("heading", text, colour or ctx.theme.accent, align=align)


def scenario_header(ctx: Ctx) -> list[Block]:
    """The current scenario's title and a rule under it."""
    scenario = ctx.scenario
    title = ctx.text(scenario.title) if scenario is not None else ""
    para = ctx.slot("scenario_title", title, ctx.theme.accent)
    para = para.clipped(SLOTS["scenario_title"].lines)
    thickness = max(2, ctx.height // 300)

    def paint(surface: pygame.Surface, rect: pygame.Rect) -> None:
        pygame.draw.rect(surface, ctx.theme.panel_edge,
                         (rect.x, rect.y + ctx.gap(0.006), rect.width, thickness))

    rule = Painted(ctx.content_width, thickness + ctx.gap(0.012), paint)
    return [para, rule, Spacer(ctx.gap(0.015))]


NBSP = "\u00a0"
"""Between a degree's number and its word: a line never breaks there ("1 ·" / "Howpsuz")."""


def degree_label(ctx: Ctx, degree: int) -> str:
    """'3 · High risk': the degree's number on screen (position + 1) and its label, held
    together by no-break spaces."""
    scale = ctx.session.pack.info.risk_scale
    return f"{degree + 1}{NBSP}·{NBSP}{ctx.text(scale[degree].label)}"


def decimal(ctx: Ctx, value: float) -> str:
    """`value` with one decimal, written as the session's language writes it (1.7, 1,7)."""
    return f"{value:.1f}".replace(".", ctx.say("decimal_point"))


def degree_badge(ctx: Ctx, degree: int, px: int | None = None) -> Painted:
    """The degree's number and label on its colour, never colour alone."""
    colours = risk_colours(len(ctx.session.pack.info.risk_scale))
    fill = colours[degree]
    size = px or ctx.body_px
    label = degree_label(ctx, degree)
    pad = ctx.gap(PAD) * 2
    text_w = ctx.fonts.width(label, size, True)
    if text_w > ctx.content_width - 2 * pad:
        misfit("degree label wider than the screen")
        text_w = ctx.content_width - 2 * pad
    height = line_px(size) + pad

    def paint(surface: pygame.Surface, rect: pygame.Rect) -> None:
        box = pygame.Rect(rect.x, rect.y, text_w + 2 * pad, rect.height)
        pygame.draw.rect(surface, fill, box, border_radius=pad // 2)
        pygame.draw.rect(surface, ctx.theme.text, box, width=max(2, size // 14),
                         border_radius=pad // 2)
        image = ctx.fonts.render(label, size, True, ctx.theme.text_on(fill))
        surface.blit(image, (box.x + pad, box.centery - image.get_height() // 2),
                     area=pygame.Rect(0, 0, text_w, image.get_height()))

    return Painted(ctx.content_width, height, paint)


def meter(ctx: Ctx, degree: float, animate: bool = True) -> Painted:
    """The risk scale as numbered coloured segments, a pointer moving to `degree` (a
    position from 0; a fraction, such as a path's average, points between segments)."""
    count = len(ctx.session.pack.info.risk_scale)
    colours = risk_colours(count)
    bar_h = int(METER * ctx.height)
    mark_h = int(MARKER * ctx.height)
    t = ctx.progress(0.8) if animate else 1.0
    eased = 1 - (1 - t) ** 3
    position = degree * eased

    def paint(surface: pygame.Surface, rect: pygame.Rect) -> None:
        ctx.mark("meter", rect)
        seg_x, seg_w, seg_gap, bar_top = _meter_geometry(ctx, rect, count)
        for i in range(count):
            x = seg_x + int(i * (seg_w + seg_gap))
            seg = pygame.Rect(x, bar_top, int(seg_w), bar_h)
            pygame.draw.rect(surface, colours[i], seg)
            number = ctx.fonts.render(str(i + 1), ctx.px(0.045), True,
                                      ctx.theme.text_on(colours[i]))
            surface.blit(number, number.get_rect(center=seg.center))
        cx = seg_x + int(position * (seg_w + seg_gap) + seg_w / 2)
        half = mark_h
        pygame.draw.polygon(surface, ctx.theme.text, [
            (cx - half, rect.y), (cx + half, rect.y), (cx, rect.y + mark_h)])
        if t >= 1 and float(degree).is_integer():
            x = seg_x + int(degree * (seg_w + seg_gap))
            edge = max(3, ctx.height // 150)
            frame = pygame.Rect(x - edge, bar_top - edge, int(seg_w) + 2 * edge,
                                bar_h + 2 * edge)
            # At either end of the scale the frame lies over the segment's own edge, so it
            # stays inside the content area as the text does.
            frame = frame.clip(pygame.Rect(rect.x, frame.y, rect.width, frame.height))
            pygame.draw.rect(surface, ctx.theme.text, frame, width=edge)

    return Painted(ctx.content_width, mark_h + ctx.gap(0.006) + bar_h + ctx.gap(0.01), paint)


def _meter_geometry(ctx: Ctx, rect: pygame.Rect, count: int) -> tuple[int, float, int, int]:
    """Left of the first segment, segment width, gap, top of the bar, for a meter in `rect`."""
    seg_gap = max(2, rect.width // 200)
    seg_w = (rect.width - seg_gap * (count - 1)) / count
    bar_top = rect.y + int(MARKER * ctx.height) + ctx.gap(0.006)
    return rect.x, seg_w, seg_gap, bar_top


def meter_segment_centre(ctx: Ctx, rect: pygame.Rect, degree: int) -> tuple[int, int]:
    """Where a meter drawn in `rect` shows degree `degree` (for tests and hit checks)."""
    count = len(ctx.session.pack.info.risk_scale)
    seg_x, seg_w, seg_gap, bar_top = _meter_geometry(ctx, rect, count)
    return (seg_x + int(degree * (seg_w + seg_gap) + seg_w / 2),
            bar_top + int(METER * ctx.height) // 2)


def choice_button(ctx: Ctx, number: int, text: str, selected: bool = False,
                  command: Command | None = None) -> Painted:
    """A big numbered button: the number in a box, the text beside it (slot 'choice')."""
    pad = ctx.gap(PAD)
    box_w = int(0.06 * ctx.width)
    para = ctx.slot("choice", text).clipped(SLOTS["choice"].lines + 1)
    height = max(para.height, ctx.body_line) + 2 * pad
    cmd = command or Command(Action.NUMBER, number)

    def paint(surface: pygame.Surface, rect: pygame.Rect) -> None:
        fill = ctx.theme.focus if selected else ctx.theme.panel
        pygame.draw.rect(surface, fill, rect, border_radius=pad)
        pygame.draw.rect(surface, ctx.theme.panel_edge, rect, width=2, border_radius=pad)
        box = pygame.Rect(rect.x, rect.y, box_w, rect.height)
        pygame.draw.rect(surface, ctx.theme.focus, box, border_radius=pad)
        num = ctx.fonts.render(str(number), ctx.px(0.05), True, ctx.theme.on_focus)
        surface.blit(num, num.get_rect(center=box.center))
        colour = ctx.theme.on_focus if selected else ctx.theme.text
        para.colour = colour
        para.draw(surface, box.right + int(0.015 * ctx.width),
                  rect.y + (rect.height - para.height) // 2)
        ctx.target(rect, cmd)

    return Painted(ctx.content_width, height, paint)


def picture(ctx: Ctx, path: Path | None, width: int, height: int,
            align: str = "center") -> Painted:
    """A pack picture fitted in width × height; a placeholder box when it cannot be shown.

    The picture keeps its proportions; it sits at the top of its box, against the
    side `align` names ("left", "right") so it lines up with the text margin, or
    in the middle.
    """

    def paint(surface: pygame.Surface, rect: pygame.Rect) -> None:
        ctx.mark("picture", rect)
        image = ctx.pictures.fitted(path, rect.width, rect.height) if path else None
        if image is not None:
            place = image.get_rect(top=rect.top, centerx=rect.centerx)
            if align == "left":
                place.left = rect.left
            elif align == "right":
                place.right = rect.right
            else:
                place.centery = rect.centery
            surface.blit(image, place)
            return
        pygame.draw.rect(surface, ctx.theme.panel, rect, border_radius=ctx.gap(PAD))
        pygame.draw.rect(surface, ctx.theme.panel_edge, rect, width=3,
                         border_radius=ctx.gap(PAD))
        label = plain_text(ctx.fonts, ctx.say("picture_missing"), ctx.body_px, False,
                           ctx.theme.muted, rect.width - 2 * ctx.gap(PAD), "center", 2)
        if label.height <= rect.height:
            label.draw(surface, rect.x + ctx.gap(PAD), rect.centery - label.height // 2)

    return Painted(width, height, paint, flexible=True, min_height=0)


def outcome_badge(ctx: Ctx, outcome: str) -> Painted:
    """The ending's outcome in words on its colour, with a shape per outcome (not colour alone)."""
    fill = {"safe": ctx.theme.safe, "harmed": ctx.theme.harmed,
            "helped": ctx.theme.helped}.get(outcome, ctx.theme.panel)
    label = ctx.say(f"outcome_{outcome}") if outcome in ("safe", "harmed", "helped") else outcome
    px = ctx.px(0.06)
    pad = ctx.gap(PAD) * 2
    text_w = ctx.fonts.width(label, px, True)
    if text_w > ctx.content_width - 4 * pad - px:
        misfit("outcome wider than the screen")
        text_w = ctx.content_width - 4 * pad - px
    height = line_px(px) + 2 * pad

    def paint(surface: pygame.Surface, rect: pygame.Rect) -> None:
        box = pygame.Rect(rect.x, rect.y, text_w + 3 * pad + px, rect.height)
        pygame.draw.rect(surface, fill, box, border_radius=pad)
        ink = ctx.theme.text_on(fill)
        icon = pygame.Rect(box.x + pad, box.centery - px // 2, px, px)
        _outcome_icon(surface, outcome, icon, ink, max(3, px // 8))
        image = ctx.fonts.render(label, px, True, ink)
        surface.blit(image, (icon.right + pad, box.centery - image.get_height() // 2),
                     area=pygame.Rect(0, 0, text_w, image.get_height()))

    return Painted(ctx.content_width, height, paint)


def _outcome_icon(surface: pygame.Surface, outcome: str, r: pygame.Rect, ink: Colour,
                  w: int) -> None:
    if outcome == "safe":  # a tick
        pygame.draw.lines(surface, ink, False, [(r.x + r.w * 0.1, r.y + r.h * 0.55),
                                                (r.x + r.w * 0.4, r.y + r.h * 0.85),
                                                (r.x + r.w * 0.9, r.y + r.h * 0.15)], w)
    elif outcome == "harmed":  # a cross
        pygame.draw.line(surface, ink, (r.x + r.w * 0.15, r.y + r.h * 0.15),
                         (r.x + r.w * 0.85, r.y + r.h * 0.85), w)
        pygame.draw.line(surface, ink, (r.x + r.w * 0.85, r.y + r.h * 0.15),
                         (r.x + r.w * 0.15, r.y + r.h * 0.85), w)
    else:  # a hand held out: a plus, the sign of help
        pygame.draw.line(surface, ink, (r.centerx, r.y + r.h * 0.1),
                         (r.centerx, r.y + r.h * 0.9), w)
        pygame.draw.line(surface, ink, (r.x + r.w * 0.1, r.centery),
                         (r.x + r.w * 0.9, r.centery), w)


def sign_titles(ctx: Ctx, label: str, sign_ids: list[str] | tuple[str, ...]) -> list[Block]:
    """'Warning signs ignored: A · B' as a label line and the titles under it."""
    signs = ctx.session.pack.signs
    titles = [ctx.text(signs[s].title) for s in sign_ids if s in signs]
    if not titles:
        return []
    label_para = plain_text(ctx.fonts, label, ctx.body_px, True, ctx.theme.muted,
                            ctx.content_width, max_lines=1)
    body = plain_text(ctx.fonts, " · ".join(titles), ctx.body_px, False, ctx.theme.text,
                      ctx.content_width)
    return [label_para, body]


def footer(surface: pygame.Surface, ctx: Ctx, progress: str) -> None:
    """The small footer: where the room is and the language (left), a notice (right)."""
    px = font_px(FOOTER, ctx.height)  # the facilitator's: never scaled with the screen's text
    band_top = ctx.height - int(FOOTER_BAND * ctx.height)
    y = band_top + (int(FOOTER_BAND * ctx.height) - line_px(px)) // 2
    left = " · ".join(p for p in (progress, ctx.lang.upper()) if p)
    left_image = ctx.fonts.render(left, px, False, ctx.theme.muted)
    right: list[str] = []
    if ctx.ui.notice and ctx.now < ctx.ui.notice_until:
        right.insert(0, ctx.ui.notice)
        ctx.animating = True
    room = ctx.width - 2 * ctx.left
    image = ctx.fonts.render("   ".join(right), px, True, ctx.theme.accent) if right else None
    if image is not None and image.get_width() > room:
        # A notice naming a file may be longer than a small window is wide: smaller, whole.
        image = ctx.fonts.render("   ".join(right), max(8, px * room // image.get_width()),
                                 True, ctx.theme.accent)
    if image is None or left_image.get_width() + px + image.get_width() <= room:
        surface.blit(left_image, (ctx.left, y))  # else the notice has the line for its time
    if image is not None:
        surface.blit(image, (ctx.width - ctx.left - image.get_width(), y))


def legend(ctx: Ctx) -> Painted:
    """The degree scale: each degree's number and label on its colour, always one row read
    left to right. "1 · Safe" on one line when every label fits so; else the number over
    its label (which wraps between words, never between the number and its word)."""
    scale = ctx.session.pack.info.risk_scale
    colours = risk_colours(len(scale))
    count = len(scale)
    gap = max(4, ctx.width // 150)
    pad = ctx.gap(PAD)
    px = ctx.body_px
    cell_w = (ctx.content_width - gap * (count - 1)) // count
    inner = max(1, cell_w - pad)  # a narrow margin: a long word ("Безопасно") stays whole
    paras = [plain_text(ctx.fonts, degree_label(ctx, i), px, True, (0, 0, 0), inner, "center")
             for i in range(count)]
    if max(len(p.lines) for p in paras) > 1:
        paras = [plain_text(ctx.fonts, f"{i + 1}\n{ctx.text(scale[i].label)}", px, True,
                            (0, 0, 0), inner, "center", max_lines=3) for i in range(count)]
    cell_h = max(p.height for p in paras) + 2 * pad

    def paint(surface: pygame.Surface, rect: pygame.Rect) -> None:
        ctx.mark("legend", rect)
        for i, para in enumerate(paras):
            cell = pygame.Rect(rect.x + i * (cell_w + gap), rect.y, cell_w, cell_h)
            pygame.draw.rect(surface, colours[i], cell, border_radius=pad)
            para.colour = ctx.theme.text_on(colours[i])
            para.draw(surface, cell.x + pad // 2, cell.y + (cell_h - para.height) // 2)

    return Painted(ctx.content_width, cell_h, paint)


TIMER = 0.09
"""The count-down's size: read from the back of the hall while the room discusses."""


def timer_badge(surface: pygame.Surface, ctx: Ctx) -> None:
    """The discussion timer, large, in the bottom right corner on a panel of its own (over
    whatever lies there: it is shown only while the room talks); red at zero."""
    timer = ctx.ui.timer
    if not timer.shown:
        return
    px = font_px(TIMER, ctx.height)
    done = timer.remaining() <= 0
    ink = ctx.theme.error if done else ctx.theme.accent
    image = ctx.fonts.render(timer.text(), px, True, ink)
    pad = ctx.gap(PAD)
    box = pygame.Rect(0, 0, image.get_width() + 2 * pad, image.get_height() + pad)
    # Over the footer's corner, where a screen's content seldom reaches.
    box.bottomright = (ctx.width - ctx.left // 2, ctx.height - ctx.gap(0.008))
    with widget_drawn(surface, "timer", box):
        pygame.draw.rect(surface, ctx.theme.panel, box, border_radius=pad)
        pygame.draw.rect(surface, ink, box, width=max(2, pad // 3), border_radius=pad)
        surface.blit(image, image.get_rect(center=box.center))
    ctx.mark("timer", box)
