"""The event report: what a session covered, as a printable HTML page and a CSV.

Built from the session log alone (docs/session-log.md), so `report` can rebuild it
after the event; the pack, when at hand, adds warning-sign titles, choice and card
texts. The report holds counts and team names, never a participant's name.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from html import escape
from pathlib import Path
from typing import Any

from game.core.eventlog import parse_time
from game.core.model import OUTCOMES, Deck, Story
from game.core.pack import Pack

# The report's own words. Any key missing in a language falls back to English.
LABELS: dict[str, dict[str, str]] = {
    "en": {
        "report": "Event report",
        "summary": "Session",
        "date": "Date",
        "time": "Time",
        "duration": "Duration",
        "place": "Place",
        "pack": "Scenario pack",
        "language": "Language",
        "participants": "Participants",
        "not_given": "not given",
        "teams": "Teams",
        "no_teams": "none (the whole room)",
        "room": "Whole room",
        "played": "Scenarios played",
        "not_ended": "The session did not end cleanly; times are up to its last recorded "
                     "action.",
        "story": "story",
        "cards": "card deck",
        "unfinished": "not finished",
        "outcome": "Ending",
        "safe": "safe",
        "harmed": "harmed",
        "helped": "helped",
        "step": "Step",
        "choice": "Choice",
        "degree": "Degree of risk",
        "risk_points": "Risk points",
        "safest": "safest path",
        "riskiest": "riskiest path",
        "risk_note": "Risk points add up the degrees taken, the lowest degree counting as 0.",
        "card": "Card",
        "pack_degree": "Pack's degree",
        "points": "points",
        "points_note": "Points per card: the pack's degree exactly = 2, one degree away = 1.",
        "room_voted": "How the room voted from phones",
        "room_step": "Step {n}: {share}% chose {choice} ({votes} of the room's {total} votes)",
        "room_card": "Card {n}: {share}% gave {choice} ({votes} of the room's {total} votes)",
        "signs": "Warning signs covered",
        "no_signs": "none",
        "scores": "Team scores",
        "team": "Team",
        "score": "Points",
        "skipped": "Unreadable log lines skipped",
        "source": "Session log",
        "privacy": "This report holds counts and team names only, no participant's name.",
        "hours": "h",
        "minutes": "min",
    },
    "ru": {
        "report": "Отчёт о мероприятии",
        "summary": "Занятие",
        "date": "Дата",
        "time": "Время",
        "duration": "Продолжительность",
        "place": "Место",
        "pack": "Набор сценариев",
        "language": "Язык",
        "participants": "Участников",
        "not_given": "не указано",
        "teams": "Команды",
        "no_teams": "нет (весь зал вместе)",
        "room": "Весь зал",
        "played": "Сыграно сценариев",
        "not_ended": "Занятие не было завершено как положено; время указано до последнего "
                     "записанного действия.",
        "story": "история",
        "cards": "карточки",
        "unfinished": "не закончен",
        "outcome": "Концовка",
        "safe": "безопасно",
        "harmed": "пострадал(а)",
        "helped": "получил(а) помощь",
        "step": "Шаг",
        "choice": "Выбор",
        "degree": "Степень риска",
        "risk_points": "Очки риска",
        "safest": "самый безопасный путь",
        "riskiest": "самый рискованный путь",
        "risk_note": "Очки риска — сумма выбранных степеней; самая низкая степень считается "
                     "за 0.",
        "card": "Карточка",
        "pack_degree": "Степень по сценарию",
        "points": "очки",
        "points_note": "Очки за карточку: точно как в сценарии = 2, на одну степень "
                       "рядом = 1.",
        "room_voted": "Как зал голосовал с телефонов",
        "room_step": "Шаг {n}: {share}% выбрали {choice} ({votes} из {total} голосов зала)",
        "room_card": "Карточка {n}: {share}% дали {choice} ({votes} из {total} голосов зала)",
        "signs": "Разобранные тревожные признаки",
        "no_signs": "нет",
        "scores": "Очки команд",
        "team": "Команда",
        "score": "Очки",
        "skipped": "Пропущено нечитаемых строк журнала",
        "source": "Журнал занятия",
        "privacy": "В отчёте только числа и названия команд, без имён участников.",
        "hours": "ч",
        "minutes": "мин",
    },
    "tk": {
        "report": "Çäre barada hasabat",
        "summary": "Sapak",
        "date": "Sene",
        "time": "Wagt",
        "duration": "Dowamlylygy",
        "place": "Ýeri",
        "pack": "Ssenariýler toplumy",
        "language": "Dil",
        "participants": "Gatnaşyjylar",
        "not_given": "görkezilmedi",
        "teams": "Toparlar",
        "no_teams": "ýok (tutuş zal bilelikde)",
        "room": "Tutuş zal",
        "played": "Oýnalan ssenariýler",
        "not_ended": "Sapak dogry tamamlanmady; wagt iň soňky ýazylan hereketine çenli "
                     "görkezilýär.",
        "story": "waka",
        "cards": "kartlar",
        "unfinished": "tamamlanmady",
        "outcome": "Soňy",
        "safe": "howpsuz",
        "harmed": "zyýan çekdi",
        "helped": "kömek aldy",
        "step": "Ädim",
        "choice": "Saýlaw",
        "degree": "Howp derejesi",
        "risk_points": "Howp ballary",
        "safest": "iň howpsuz ýol",
        "riskiest": "iň howply ýol",
        "risk_note": "Howp ballary saýlanan derejeleriň jemi; iň pes dereje 0 hasaplanýar.",
        "card": "Kart",
        "pack_degree": "Ssenariýdäki dereje",
        "points": "bal",
        "points_note": "Her kart üçin bal: ssenariýdäki dereje bilen deň = 2, bir dereje "
                       "tapawut = 1.",
        "room_voted": "Zal telefonlardan nähili ses berdi",
        "room_step": "{n}-nji ädim: {share}% {choice} saýlady (zalyň {total} sesinden {votes})",
        "room_card": "{n}-nji kart: {share}% {choice} berdi (zalyň {total} sesinden {votes})",
        "signs": "Seredilen howp alamatlary",
        "no_signs": "ýok",
        "scores": "Toparlaryň ballary",
        "team": "Topar",
        "score": "Bal",
        "skipped": "Okalmadyk žurnal setirleri",
        "source": "Sapagyň žurnaly",
        "privacy": "Bu hasabatda diňe sanlar we toparlaryň atlary bar, gatnaşyjylaryň "
                   "atlary ýok.",
        "hours": "sag",
        "minutes": "min",
    },
}
LANGUAGE_NAMES = {"en": "English", "ru": "Русский", "tk": "Türkmençe"}

CSV_COLUMNS = ("record", "scenario", "item", "team", "degree", "degree_label", "value")


def label(lang: str, key: str) -> str:
    """The report's word for `key` in `lang`, else in English."""
    return LABELS.get(lang, {}).get(key) or LABELS["en"][key]


@dataclass
class ChoiceRow:
    """One choice of a story path; `degree` is the 0-based position on the scale."""

    step: str
    choice: int | None
    degree: int | None
    choice_text: str = ""
    room: tuple[int, ...] = ()
    """How the room's phones voted on this step: a count per choice (from choice 1)."""
    room_text: str = ""
    """The text of the room's most common choice (from the pack)."""

    @property
    def room_top(self) -> int | None:
        """The room's most common choice (from 1; the first of a tie), None without votes."""
        if not any(self.room):
            return None
        return max(range(len(self.room)), key=lambda i: (self.room[i], -i)) + 1


@dataclass
class CardRow:
    """One card of a deck: the pack's degree and each team's, with the points won."""

    card: int
    degree: int | None
    ratings: dict[str, int | None]
    points: dict[str, int]
    text: str = ""
    room: tuple[int, ...] = ()
    """How the room's phones voted on this card: a count per degree (from the lowest)."""


@dataclass
class PlayedScenario:
    """A scenario as played: its path or its cards, and the warning signs met."""

    scenario: str
    kind: str
    title: str
    finished: bool = False
    outcome: str | None = None
    total: int | None = None
    safest: int | None = None
    riskiest: int | None = None
    path: list[ChoiceRow] = field(default_factory=list)
    cards: list[CardRow] = field(default_factory=list)
    signs: list[str] = field(default_factory=list)

    def team_points(self) -> dict[str, int]:
        """Points each team won in this deck."""
        totals: dict[str, int] = {}
        for card in self.cards:
            for team, points in card.points.items():
                totals[team] = totals.get(team, 0) + points
        return totals


@dataclass
class Report:
    """Everything the report shows, in the language `lang`."""

    lang: str
    pack_title: str
    language: str
    started: datetime | None
    ended: datetime | None
    duration_s: int | None
    ended_cleanly: bool
    participants: int | None
    place: str | None
    teams: list[str]
    scenarios: list[PlayedScenario]
    signs: list[tuple[str, str]]
    team_scores: dict[str, int]
    degree_labels: dict[int, str]
    skipped_lines: int
    events: int
    source: str | None = None

    def team_name(self, team: str) -> str:
        """A team as the report names it: with no teams the room plays as one, named ''."""
        return team or label(self.lang, "room")

    @property
    def cards_played(self) -> bool:
        return any(s.cards for s in self.scenarios)

    def degree_text(self, degree: int | None) -> str:
        """A degree as the screen shows it: numbered from 1, with its label."""
        if degree is None:
            return "?"
        name = self.degree_labels.get(degree, "")
        return f"{degree + 1} {name}".strip()

    @property
    def finished_scenarios(self) -> list[PlayedScenario]:
        return [s for s in self.scenarios if s.finished]


def card_points(pack_degree: int | None, rating: int | None) -> int:
    """Points for one rating (session-log.md): exact = 2, one degree away = 1, else 0."""
    if pack_degree is None or rating is None:
        return 0
    gap = abs(pack_degree - rating)
    return 2 if gap == 0 else 1 if gap == 1 else 0


def _int(value: Any) -> int | None:
    # bool is an int in Python; in a log it is never a count or a degree.
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _scores(value: Any) -> dict[str, int]:
    return {str(k): v for k, v in _mapping(value).items() if _int(v) is not None}


def build_report(events: Sequence[Mapping[str, Any]], *, skipped_lines: int = 0,
                 pack: Pack | None = None, lang: str | None = None,
                 source: str | None = None) -> Report:
    """What the report shows, from a session's events.

    Tolerates any damage: missing or mistyped fields leave blanks, never an
    exception. `lang` defaults to the session's language at its end. `pack`
    adds titles and texts; without it the log's own titles are used.
    """
    start: Mapping[str, Any] = next((e for e in events if e.get("type") == "session_start"), {})
    end: Mapping[str, Any] | None = None
    language = _str(start.get("language")) or "en"
    played: list[PlayedScenario] = []
    log_labels: dict[int, str] = {}
    reveals: dict[tuple[str, int], dict[str, int]] = {}
    room: dict[tuple[str, str], tuple[int, ...]] = {}
    """The phones' last counts per (scenario, step id or card number as text)."""
    current: PlayedScenario | None = None

    for event in events:
        kind = event.get("type")
        if kind == "language":
            language = _str(event.get("language")) or language
        elif kind == "scenario_start":
            current = PlayedScenario(_str(event.get("scenario")) or "?",
                                     _str(event.get("kind")) or "",
                                     _str(event.get("title")) or "")
            played.append(current)
        elif kind == "choice":
            degree, name = _int(event.get("degree")), _str(event.get("label"))
            if degree is not None and name:
                log_labels[degree] = name
        elif kind == "reveal":
            card = _int(event.get("card"))
            if card is not None:
                reveals[(str(event.get("scenario")), card)] = _scores(event.get("points"))
        elif kind == "votes":
            place = _str(event.get("step")) or (str(_int(event.get("card")))
                                                 if _int(event.get("card")) else None)
            counts = tuple(n if isinstance(n, int) and not isinstance(n, bool) and n >= 0
                           else 0 for n in _list(event.get("counts")))
            if place is not None:
                room[(str(event.get("scenario")), place)] = counts
        elif kind == "scenario_end":
            sid = _str(event.get("scenario")) or "?"
            if current is None or current.scenario != sid:
                # An end without its start (a torn line): still worth reporting.
                current = PlayedScenario(sid, "", "")
                played.append(current)
            # A later end of the same play (after an undo from the debrief) replaces it.
            _fill_end(current, event, reveals, room)
        elif kind == "session_end":
            end = event

    if end is not None and events[-1] is not end:
        # Undone from the summary and played on (or cut off): its totals are out of date.
        end = None
    lang = lang or language
    times = [t for t in (parse_time(e.get("t")) for e in events) if t is not None]
    started = parse_time(start.get("t")) or (times[0] if times else None)
    ended = parse_time(end.get("t")) if end is not None else (times[-1] if times else None)
    duration = _int(end.get("duration_s")) if end is not None else None
    if duration is None and started is not None and ended is not None:
        duration = max(0, int((ended - started).total_seconds()))

    teams = [str(t) for t in _list(start.get("teams"))]
    if end is not None and _mapping(end.get("team_scores")):
        team_scores = _scores(end.get("team_scores"))
    else:
        team_scores = {}
        for scenario in played:
            for team, points in scenario.team_points().items():
                team_scores[team] = team_scores.get(team, 0) + points
    if team_scores:
        team_scores = {t: team_scores.get(t, 0) for t in teams} | team_scores

    sign_ids: list[str] = []
    for scenario in played:
        sign_ids += [s for s in scenario.signs if s not in sign_ids]

    pack_title = _str(start.get("pack_title")) or ""
    labels = dict(log_labels)
    if pack is not None:
        pack_title = pack.text(pack.info.title, lang) or pack_title
        for position, scale_degree in enumerate(pack.info.risk_scale):
            labels[position] = pack.text(scale_degree.label, lang)
        for scenario in played:
            _add_pack_texts(scenario, pack, lang)
    signs = [(sid, pack.text(pack.signs[sid].title, lang) if pack and sid in pack.signs else "")
             for sid in sign_ids]

    return Report(
        lang=lang, pack_title=pack_title, language=language, started=started, ended=ended,
        duration_s=duration, ended_cleanly=end is not None,
        participants=_int(start.get("participants")), place=_str(start.get("place")),
        teams=teams, scenarios=played, signs=signs, team_scores=team_scores,
        degree_labels=labels, skipped_lines=skipped_lines, events=len(events), source=source)


def _fill_end(played: PlayedScenario, event: Mapping[str, Any],
              reveals: Mapping[tuple[str, int], Mapping[str, int]],
              room: Mapping[tuple[str, str], tuple[int, ...]]) -> None:
    played.finished = True
    played.kind = _str(event.get("kind")) or played.kind
    played.title = _str(event.get("title")) or played.title
    played.signs = [str(s) for s in _list(event.get("signs"))]
    played.outcome = _str(event.get("outcome"))
    played.total = _int(event.get("total"))
    played.safest = _int(event.get("safest"))
    played.riskiest = _int(event.get("riskiest"))
    played.path = [ChoiceRow(str(_mapping(row).get("step", "?")),
                             _int(_mapping(row).get("choice")),
                             _int(_mapping(row).get("degree")),
                             room=room.get((played.scenario, str(_mapping(row).get("step"))),
                                           ()))
                   for row in _list(event.get("path"))]
    played.cards = []
    for index, raw in enumerate(_list(event.get("cards")), start=1):
        row = _mapping(raw)
        number = _int(row.get("card")) or index
        degree = _int(row.get("degree"))
        ratings = {str(team): _int(value) for team, value in _mapping(row.get("ratings")).items()}
        shown = reveals.get((played.scenario, number))
        # The points the reveal screen showed win; the documented rule fills any gap.
        points = {team: shown[team] if shown and team in shown else card_points(degree, rating)
                  for team, rating in ratings.items()}
        played.cards.append(CardRow(number, degree, ratings, points,
                                    room=room.get((played.scenario, str(number)), ())))


def _add_pack_texts(played: PlayedScenario, pack: Pack, lang: str) -> None:
    model = pack.scenarios.get(played.scenario)
    if model is None:
        return
    played.title = pack.text(model.title, lang) or played.title
    if isinstance(model, Story):
        for row in played.path:
            step = model.steps.get(row.step)
            choices = step.choices if step is not None else None
            if choices and row.choice is not None and 1 <= row.choice <= len(choices):
                row.choice_text = pack.text(choices[row.choice - 1].text, lang)
            top = row.room_top
            if choices and top is not None and top <= len(choices):
                row.room_text = pack.text(choices[top - 1].text, lang)
    elif isinstance(model, Deck):
        for card in played.cards:
            if 1 <= card.card <= len(model.cards):
                card.text = pack.text(model.cards[card.card - 1].text, lang)


def format_duration(seconds: int | None, lang: str) -> str:
    """`1 h 05 min` / `45 min` in the report's language ('' when unknown)."""
    if seconds is None:
        return ""
    minutes = round(seconds / 60)
    hours, minutes = divmod(minutes, 60)
    if hours:
        return f"{hours} {label(lang, 'hours')} {minutes:02d} {label(lang, 'minutes')}"
    return f"{minutes} {label(lang, 'minutes')}"


def _time_span(report: Report) -> str:
    if report.started is None:
        return ""
    begin = report.started.strftime("%H:%M")
    if report.ended is None:
        return begin
    if report.ended.date() != report.started.date():
        return f"{begin} – {report.ended.strftime('%Y-%m-%d %H:%M')}"
    return f"{begin} – {report.ended.strftime('%H:%M')}"


def _kind_name(kind: str, lang: str) -> str:
    return label(lang, "cards") if kind == "cards" else label(lang, "story") if kind else ""


# --- HTML -------------------------------------------------------------------------------

STYLE = """
@page { size: A4; margin: 16mm 15mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "Noto Sans", "DejaVu Sans", Arial, Helvetica, sans-serif;
       font-size: 12pt; line-height: 1.45; color: #111; background: #fff;
       max-width: 46em; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 20pt; margin: 0 0 .1em; }
h1 + p { margin-top: 0; font-size: 14pt; color: #333; }
h2 { font-size: 15pt; margin: 1.4em 0 .4em; border-bottom: 2px solid #111;
     padding-bottom: .1em; }
h3 { font-size: 13pt; margin: 1.1em 0 .3em; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2em 1.2em;
           margin: 0; }
dl.facts dt { font-weight: bold; }
dl.facts dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: .4em 0 .6em; }
th, td { border: 1px solid #888; padding: .25em .5em; text-align: left;
         vertical-align: top; }
th { background: #e8e8e8; }
td.num, th.num { text-align: right; white-space: nowrap; }
.deg { white-space: nowrap; }
td.card { width: 45%; }
table.scores { width: auto; min-width: 50%; }
.note { color: #333; font-size: 10.5pt; }
.alert { border: 2px solid #111; padding: .4em .6em; font-weight: bold; }
.total { font-size: 13pt; }
ul.signs { padding-left: 1.2em; }
code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 10pt; }
footer { margin-top: 2em; border-top: 1px solid #888; padding-top: .4em;
         font-size: 10.5pt; color: #333; }
tr, .keep { page-break-inside: avoid; break-inside: avoid; }
h2, h3 { page-break-after: avoid; break-after: avoid; }
@media print { body { margin: 0; max-width: none; padding: 0; } }
"""


def render_html(report: Report) -> str:
    """The report as a self-contained page (inline CSS, no links out), every text escaped."""
    lang = report.lang

    def t(key: str) -> str:
        return escape(label(lang, key))

    out: list[str] = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(lang)}">',
        '<head><meta charset="utf-8">',
        f"<title>{t('report')}: {escape(report.pack_title)}</title>",
        f"<style>{STYLE}</style></head><body>",
        f"<h1>{t('report')}</h1>",
        f"<p>{escape(report.pack_title)}</p>",
    ]
    if not report.ended_cleanly:
        out.append(f'<p class="alert">{t("not_ended")}</p>')

    facts: list[tuple[str, str]] = [
        ("date", report.started.strftime("%Y-%m-%d") if report.started else ""),
        ("time", _time_span(report)),
        ("duration", format_duration(report.duration_s, lang)),
    ]
    if report.place:
        facts.append(("place", report.place))
    language = f"{LANGUAGE_NAMES.get(report.language, report.language)} ({report.language})"
    facts += [
        ("pack", report.pack_title),
        ("language", language),
        ("participants", str(report.participants) if report.participants is not None
         else label(lang, "not_given")),
        ("teams", ", ".join(report.teams) if report.teams else label(lang, "no_teams")),
        ("played", str(len(report.finished_scenarios))),
    ]
    out.append(f"<h2>{t('summary')}</h2>")
    out.append('<dl class="facts">')
    out += [f"<dt>{t(key)}</dt><dd>{escape(value)}</dd>" for key, value in facts]
    out.append("</dl>")

    if report.team_scores and report.cards_played:
        out.append(f"<h2>{t('scores')}</h2>")
        out.append(f'<table class="scores keep"><tr><th>{t("team")}</th>'
                   f'<th class="num">{t("score")}</th></tr>')
        out += [f'<tr><td>{escape(report.team_name(team))}</td>'
                f'<td class="num">{points}</td></tr>'
                for team, points in report.team_scores.items()]
        out.append("</table>")

    out.append(f"<h2>{t('played')}</h2>")
    for number, scenario in enumerate(report.scenarios, start=1):
        out += _scenario_html(report, scenario, number)

    out.append(f"<h2>{t('signs')}</h2>")
    if report.signs:
        out.append('<ul class="signs">')
        for sid, title in report.signs:
            shown = f"{escape(title)} (<code>{escape(sid)}</code>)" if title else \
                f"<code>{escape(sid)}</code>"
            out.append(f"<li>{shown}</li>")
        out.append("</ul>")
    else:
        out.append(f"<p>{t('no_signs')}</p>")

    out.append("<footer>")
    out.append(f"<p>{t('skipped')}: <strong>{report.skipped_lines}</strong>"
               + (f" · {t('source')}: <code>{escape(report.source)}</code>"
                  if report.source else "") + "</p>")
    out.append(f"<p>{t('privacy')}</p>")
    out.append("</footer></body></html>")
    return "\n".join(out) + "\n"


def _scenario_html(report: Report, scenario: PlayedScenario, number: int) -> list[str]:
    lang = report.lang

    def t(key: str) -> str:
        return escape(label(lang, key))

    kind = _kind_name(scenario.kind, lang)
    heading = f"{number}. {escape(scenario.title or scenario.scenario)}"
    if kind:
        heading += f' <span class="note">({escape(kind)})</span>'
    out = ['<section class="scenario">', f"<h3>{heading}</h3>"]
    if not scenario.finished:
        out.append(f"<p><em>{t('unfinished')}</em></p>")
    if scenario.path:
        out.append(f'<table class="keep"><thead><tr><th class="num">#</th>'
                   f'<th>{t("step")}</th><th>{t("choice")}</th><th>{t("degree")}</th></tr>'
                   "</thead><tbody>")
        for index, row in enumerate(scenario.path, start=1):
            choice = str(row.choice) if row.choice is not None else "?"
            if row.choice_text:
                choice += f" — {row.choice_text}"
            out.append(f'<tr><td class="num">{index}</td><td>{escape(row.step)}</td>'
                       f"<td>{escape(choice)}</td>"
                       f"<td>{escape(report.degree_text(row.degree))}</td></tr>")
        out.append("</tbody></table>")
    summary: list[str] = []  # printed together: the ending and the totals on one page
    if scenario.outcome:
        outcome = label(lang, scenario.outcome) if scenario.outcome in OUTCOMES \
            else scenario.outcome
        summary.append(f"<p>{t('outcome')}: <strong>{escape(outcome)}</strong></p>")
    if scenario.total is not None:
        compare = [f"{t('safest')}: {scenario.safest}" if scenario.safest is not None else "",
                   f"{t('riskiest')}: {scenario.riskiest}" if scenario.riskiest is not None
                   else ""]
        extra = "; ".join(c for c in compare if c)
        summary.append(f'<p class="total"><strong>{t("risk_points")}: {scenario.total}'
                       "</strong>" + (f" ({extra})" if extra else "") + "</p>")
        summary.append(f'<p class="note">{t("risk_note")}</p>')
    if summary:
        out += ['<div class="keep">', *summary, "</div>"]
    if scenario.cards:
        teams = list(dict.fromkeys(team for card in scenario.cards for team in card.ratings))
        # A long deck runs over pages: its header row is repeated on each (thead).
        out.append(f'<table><thead><tr><th>{t("card")}</th><th>{t("pack_degree")}</th>'
                   + "".join(f'<th class="num">{escape(report.team_name(team))}</th>'
                             for team in teams)
                   + "</tr></thead><tbody>")
        for card in scenario.cards:
            name = f"{card.card}" + (f". {card.text}" if card.text else "")
            cells = []
            for team in teams:
                if team not in card.ratings:
                    cells.append("<td></td>")
                    continue
                points = card.points.get(team, 0)
                # Teams' cells give the number only (the scale is under the table), so the
                # card's text keeps room to be read even with six teams.
                rating = card.ratings[team]
                shown = str(rating + 1) if rating is not None else "?"
                cells.append(f'<td class="num">{shown} <strong>+{points}</strong></td>')
            out.append(f'<tr><td class="card">{escape(name)}</td>'
                       f'<td><span class="deg">{escape(report.degree_text(card.degree))}'
                       "</span></td>"
                       + "".join(cells) + "</tr>")
        totals = scenario.team_points()
        out.append(f'<tr><th colspan="2">{t("score")}</th>'
                   + "".join(f'<th class="num">{totals.get(team, 0)}</th>' for team in teams)
                   + "</tr>")
        out.append("</tbody></table>")
        if report.degree_labels:
            scale = " · ".join(f"{report.degree_text(d)}" for d in sorted(report.degree_labels))
            out.append(f'<p class="note">{t("degree")}: {escape(scale)}</p>')
        out.append(f'<p class="note">{t("points_note")}</p>')
    out += _room_html(report, scenario)
    out.append("</section>")
    return out


def room_lines(report: Report, scenario: PlayedScenario) -> list[str]:
    """How the room voted from phones on each step and card, as sentences ("62% chose 2 —
    Ask a friend"): the most common answer's share, never who voted."""
    lang = report.lang
    lines: list[str] = []
    for number, row in enumerate(scenario.path, start=1):
        total, top = sum(row.room), row.room_top
        if top is not None:
            votes = row.room[top - 1]
            choice = f"{top} — {row.room_text}" if row.room_text else str(top)
            lines.append(label(lang, "room_step").format(
                n=number, share=round(100 * votes / total), choice=choice, votes=votes,
                total=total))
    for card in scenario.cards:
        total = sum(card.room)
        if total:
            top = max(range(len(card.room)), key=lambda i: (card.room[i], -i))
            share = round(100 * card.room[top] / total)
            lines.append(label(lang, "room_card").format(
                n=card.card, share=share, choice=report.degree_text(top), votes=card.room[top],
                total=total))
    return lines


def _room_html(report: Report, scenario: PlayedScenario) -> list[str]:
    lines = room_lines(report, scenario)
    if not lines:
        return []
    return [f'<div class="keep"><h4>{escape(label(report.lang, "room_voted"))}</h4><ul>',
            *(f"<li>{escape(line)}</li>" for line in lines), "</ul></div>"]


# --- CSV --------------------------------------------------------------------------------


def report_rows(report: Report) -> list[dict[str, str]]:
    """The report as CSV rows (columns CSV_COLUMNS); degrees numbered from 1 as on screen."""
    rows: list[dict[str, str]] = []

    def row(record: str, scenario: str = "", item: str = "", team: str | None = None,
            degree: int | None = None, value: object = "") -> None:
        rows.append({
            "record": record, "scenario": _cell(scenario), "item": _cell(item),
            "team": _cell(report.team_name(team)) if team is not None else "",
            "degree": "" if degree is None else str(degree + 1),
            "degree_label": _cell(report.degree_labels.get(degree, "")
                                  if degree is not None else ""),
            "value": "" if value is None else _cell(str(value)),
        })

    session: list[tuple[str, object]] = [
        ("date", report.started.strftime("%Y-%m-%d") if report.started else ""),
        ("start", report.started.strftime("%H:%M") if report.started else ""),
        ("end", report.ended.strftime("%H:%M") if report.ended else ""),
        ("duration_minutes", round(report.duration_s / 60) if report.duration_s is not None
         else ""),
        ("ended_cleanly", "yes" if report.ended_cleanly else "no"),
        ("place", report.place or ""),
        ("pack", report.pack_title),
        ("language", report.language),
        ("participants", report.participants),
        ("teams", len(report.teams)),
        ("scenarios_played", len(report.finished_scenarios)),
        ("warning_signs", len(report.signs)),
        ("skipped_lines", report.skipped_lines),
    ]
    for key, value in session:
        row("session", item=key, value=value)
    for team in report.teams:
        row("team", team=team, value=report.team_scores.get(team, ""))
    for team, points in report.team_scores.items():
        if team not in report.teams:
            row("team", team=team, value=points)
    for scenario in report.scenarios:
        sid = scenario.scenario
        row("scenario", sid, scenario.kind, value=scenario.title)
        if not scenario.finished:
            row("unfinished", sid)
        for index, choice in enumerate(scenario.path, start=1):
            row("choice", sid, f"{index}:{choice.step}", degree=choice.degree,
                value=choice.choice)
        if scenario.total is not None:
            row("risk_points", sid, "total", value=scenario.total)
            row("risk_points", sid, "safest", value=scenario.safest)
            row("risk_points", sid, "riskiest", value=scenario.riskiest)
        if scenario.outcome:
            row("outcome", sid, value=scenario.outcome)
        for card in scenario.cards:
            row("card", sid, str(card.card), degree=card.degree)
            for team, rating in card.ratings.items():
                row("rating", sid, str(card.card), team, degree=rating,
                    value=card.points.get(team, 0))
        for team, points in scenario.team_points().items():
            row("deck_score", sid, team=team, value=points)
    for sid, title in report.signs:
        row("sign", item=sid, value=title)
    return rows


def _cell(text: str) -> str:
    # A team name typed as "=HYPERLINK(...)" would run as a formula when the CSV is opened
    # in a spreadsheet; a leading apostrophe keeps it text (OWASP's advice for CSV export).
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def render_csv(report: Report) -> str:
    """The report as CSV text: one fact a row, columns CSV_COLUMNS, a header first."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(report_rows(report))
    return buffer.getvalue()


def csv_path_for(out_html: Path) -> Path:
    """Where the CSV goes beside an HTML report: the same name with .csv."""
    return out_html.with_suffix(".csv")


def default_report_path(log_path: Path) -> Path:
    """A report's place in the data folder: `reports/<log name>.html` beside `sessions/`."""
    return log_path.parent.parent / "reports" / f"{log_path.stem}.html"


def write_report(events: Sequence[Mapping[str, Any]], out_html: Path, *,
                 skipped_lines: int = 0, pack: Pack | None = None, lang: str | None = None,
                 source: str | None = None) -> tuple[Path, Path]:
    """Write the report of `events` to `out_html` and the CSV beside it; returns both paths.

    Folders are created as needed; each file is replaced whole (written aside,
    then renamed), so a crash never leaves half a report. Raises OSError when
    the files cannot be written: the caller tells the facilitator.
    """
    report = build_report(events, skipped_lines=skipped_lines, pack=pack, lang=lang,
                          source=source)
    out_csv = csv_path_for(out_html)
    out_html.parent.mkdir(parents=True, exist_ok=True)
    _write_whole(out_html, render_html(report))
    # utf-8-sig: spreadsheet programs on Windows read Cyrillic and Turkmen letters right.
    _write_whole(out_csv, render_csv(report), encoding="utf-8-sig")
    return out_html, out_csv


def _write_whole(path: Path, text: str, encoding: str = "utf-8") -> None:
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline="") as handle:
            handle.write(text)
        # mkstemp makes the file private; a report is for sharing, like any saved document.
        os.chmod(temp, 0o644)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
