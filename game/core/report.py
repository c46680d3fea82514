"""The event report: what a session covered, as a printable HTML page and a CSV.

Built from the session log alone (docs/session-log.md), so `report` can rebuild it
after the event; the pack, when at hand, adds warning-sign titles, choice and card
texts. The report holds counts and team names, never a participant's name.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from game.core.catalogue import format_date, language_in, say
from game.core.documents import render, user_template_folders
from game.core.eventlog import parse_time
from game.core.events import checked
from game.core.files import write_atomic
from game.core.model import ID_PATTERN, OUTCOMES, Deck, Story
from game.core.pack import Pack
from game.core.scoring import card_points
from game.core.session import DeckResult, Result, StoryResult

# Who ran the event and where: asked on the title, logged at the start and on a change.
DETAIL_KEYS = ("organisation", "place", "facilitator")

CSV_COLUMNS = ("record", "scenario", "item", "team", "degree", "degree_label", "value")


def label(lang: str, key: str, **values: object) -> str:
    """The report's word for `key` in `lang` (the catalogue's `report.key`)."""
    return say(f"report.{key}", lang, **values)


@dataclass
class ChoiceRow:
    """One choice of a story path; `degree` is the 0-based position on the scale."""

    step: str
    choice: int | None
    degree: int | None
    choice_text: str = ""
    step_text: str = ""


@dataclass
class CardRow:
    """One card of a deck: the pack's degree and each team's, with the points won."""

    card: int
    degree: int | None
    ratings: dict[str, int | None]
    points: dict[str, int]
    text: str = ""


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
class VoteTally:
    """How the room voted from phones on one step or card: each option and its votes."""

    scenario: str
    item: str
    options: list[tuple[str, int]] = field(default_factory=list)
    lead: str = ""
    """The room's most common answer and its share, as a sentence ("62% chose 2 — ...")."""

    @property
    def total(self) -> int:
        return sum(count for _, count in self.options)


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
    organisation: str | None = None
    facilitator: str | None = None
    votes: list[VoteTally] = field(default_factory=list)

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


def points_for(pack_degree: int | None, rating: int | None) -> int:
    """Points for one rating by `scoring.card_points`; nothing when either is unknown."""
    if pack_degree is None or rating is None:
        return 0
    return card_points(rating, pack_degree)


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

    With the pack, the facts (teams, head count, what was played and scored) come
    from replaying the events through a `Session`, the one owner of every fact: the
    report says exactly what the session ended with, whatever was undone or changed on
    the way. Without it (or if the replay fails) they are read from the events.
    Tolerates any damage: missing or mistyped fields leave blanks, never an
    exception. `lang` defaults to the session's language at its end. `pack`
    adds titles and texts; without it the log's own titles are used.
    """
    count = len(events)
    good = checked([dict(e) for e in events])  # the current numbering, no line twice
    events = good.events
    start: Mapping[str, Any] = next((e for e in events if e.get("type") == "session_start"), {})
    end: Mapping[str, Any] | None = None
    language = _str(start.get("language")) or "en"
    played: list[PlayedScenario] = []
    log_labels: dict[int, str] = {}
    reveals: dict[tuple[str, int], dict[str, int]] = {}
    current: PlayedScenario | None = None
    details = {key: _str(start.get(key)) for key in DETAIL_KEYS}
    room: dict[str, Mapping[str, Any]] = {}
    """The phones' last counts per question, in the order first voted on."""

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
            degree, name = _from_one(event.get("degree")), _str(event.get("label"))
            if degree is not None and name:
                log_labels[degree] = name
        elif kind == "reveal":
            card = _int(event.get("card"))
            if card is not None:
                reveals[(str(event.get("scenario")), card)] = _scores(event.get("points"))
        elif kind == "scenario_end":
            sid = _str(event.get("scenario")) or "?"
            if current is None or current.scenario != sid:
                # An end without its start (a torn line): still worth reporting.
                current = PlayedScenario(sid, "", "")
                played.append(current)
            # A later end of the same play (after an undo from the debrief) replaces it.
            _fill_end(current, event, reveals)
        elif kind == "session_end":
            end = event
        elif kind == "details":
            # Changed on the title after the start: the last word wins, as on screen.
            details = {key: _str(event.get(key)) for key in DETAIL_KEYS}
        elif kind in ("votes", "votes_revealed"):
            room[str(event.get("question"))] = event

    if end is not None and (not events or events[-1] is not end):
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
    participants = _int(start.get("participants"))
    facts = _replayed(pack, events) if pack is not None else None
    if facts is not None:
        language, teams, participants, played, team_scores = facts
        lang = lang or language
    elif end is not None and _mapping(end.get("team_scores")):
        team_scores = _scores(end.get("team_scores"))
    else:
        team_scores = {}
        for scenario in played:
            for team, points in scenario.team_points().items():
                team_scores[team] = team_scores.get(team, 0) + points
    if team_scores and facts is None:
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
    votes = [tally for event in room.values()
             if (tally := _vote_tally(event, pack, lang)) is not None]

    return Report(
        lang=lang, pack_title=pack_title, language=language, started=started, ended=ended,
        duration_s=duration, ended_cleanly=end is not None,
        participants=participants, place=details["place"],
        teams=teams, scenarios=played, signs=signs, team_scores=team_scores,
        degree_labels=labels, skipped_lines=skipped_lines + good.skipped + good.duplicates,
        events=count, source=source,
        organisation=details["organisation"], facilitator=details["facilitator"],
        votes=votes)


def _vote_tally(event: Mapping[str, Any], pack: Pack | None, lang: str) -> VoteTally | None:
    """One question's last counts as the report shows them: the step's or card's text,
    each option numbered as on screen with its text, the most common as a sentence."""
    counts = [n if _int(n) is not None and n >= 0 else 0 for n in _list(event.get("counts"))]
    if not counts or not sum(counts):
        return None
    sid = _str(event.get("scenario")) or "?"
    step, card = _str(event.get("step")), _int(event.get("card"))
    model = pack.scenarios.get(sid) if pack is not None else None
    names = [str(i) for i in range(1, len(counts) + 1)]
    item = f"{label(lang, 'step')} {step}" if step else f"{label(lang, 'card')} {card or '?'}"
    if pack is not None and isinstance(model, Story) and step in model.steps:
        item = pack.text(model.steps[step].text, lang)
        choices = model.steps[step].choices or []
        names = [f"{i} — {pack.text(choices[i - 1].text, lang)}" if i <= len(choices)
                 else str(i) for i in range(1, len(counts) + 1)]
    elif pack is not None and isinstance(model, Deck) and card and card <= len(model.cards):
        item = pack.text(model.cards[card - 1].text, lang)
        scale = pack.info.risk_scale
        names = [f"{i} — {pack.text(scale[i - 1].label, lang)}" if i <= len(scale) else str(i)
                 for i in range(1, len(counts) + 1)]
    top = max(range(len(counts)), key=lambda i: (counts[i], -i))
    lead = label(lang, "vote_lead", share=round(100 * counts[top] / sum(counts)),
                 option=names[top])
    return VoteTally(sid, item, list(zip(names, counts)), lead)


Facts = tuple[str, list[str], int | None, list[PlayedScenario], dict[str, int]]


def _replayed(pack: Pack, events: list[dict[str, Any]]) -> Facts | None:
    """The session's language, teams, head count, scenarios and scores at its end, by
    replaying its events (None when they cannot be replayed on this pack)."""
    from game.core.resume import rebuilt_session

    try:
        session = rebuilt_session(pack, events)
    except Exception:  # a log the pack no longer fits: the events alone must do
        return None
    names = session.team_names
    results: list[Result] = list(session.state.finished)
    current = session.current_result()
    if current is not None and (current.cards if isinstance(current, DeckResult)
                                else current.path):
        results.append(replace(current, complete=False))
    played = []
    for result in results:
        scenario = pack.scenarios.get(result.scenario)
        title = pack.text(scenario.title, session.language) if scenario is not None else ""
        if isinstance(result, StoryResult):
            played.append(PlayedScenario(
                result.scenario, "story", title, finished=result.complete,
                outcome=result.outcome, total=result.total, safest=result.safest,
                riskiest=result.riskiest, signs=list(result.signs),
                path=[ChoiceRow(e.step, e.choice + 1, e.degree) for e in result.path]))
        else:
            played.append(PlayedScenario(
                result.scenario, "cards", title, finished=result.complete,
                signs=list(result.signs),
                cards=[CardRow(c.card + 1, c.degree, dict(zip(names, c.ratings)),
                               dict(zip(names, c.points))) for c in result.cards]))
    decks = any(isinstance(r, DeckResult) for r in results)
    scores = dict(zip(names, session.team_scores())) if session.teams or decks else {}
    return session.language, list(session.teams), session.participants, played, scores


def _from_one(value: Any) -> int | None:
    """A degree as the log writes it (from 1) as a position on the scale (from 0)."""
    number = _int(value)
    return number - 1 if number is not None else None


def _fill_end(played: PlayedScenario, event: Mapping[str, Any],
              reveals: Mapping[tuple[str, int], Mapping[str, int]]) -> None:
    played.finished = True
    played.kind = _str(event.get("kind")) or played.kind
    played.title = _str(event.get("title")) or played.title
    played.signs = [str(s) for s in _list(event.get("signs"))]
    played.outcome = _str(event.get("outcome"))
    played.total = _int(event.get("total"))
    played.safest = _int(event.get("safest"))
    played.riskiest = _int(event.get("riskiest"))
    played.finished = event.get("complete") is not False
    played.path = [ChoiceRow(str(_mapping(row).get("step", "?")),
                             _int(_mapping(row).get("choice")),
                             _from_one(_mapping(row).get("degree")))
                   for row in _list(event.get("path"))]
    played.cards = []
    for index, raw in enumerate(_list(event.get("cards")), start=1):
        row = _mapping(raw)
        number = _int(row.get("card")) or index
        degree = _from_one(row.get("degree"))
        ratings = {str(team): _from_one(value)
                   for team, value in _mapping(row.get("ratings")).items()}
        shown = reveals.get((played.scenario, number))
        # The points the reveal screen showed win; the documented rule fills any gap.
        points = {team: shown[team] if shown and team in shown else points_for(degree, rating)
                  for team, rating in ratings.items()}
        played.cards.append(CardRow(number, degree, ratings, points))


def _add_pack_texts(played: PlayedScenario, pack: Pack, lang: str) -> None:
    model = pack.scenarios.get(played.scenario)
    if model is None:
        return
    played.title = pack.text(model.title, lang) or played.title
    if isinstance(model, Story):
        for row in played.path:
            step = model.steps.get(row.step)
            choices = step.choices if step is not None else None
            if step is not None:
                row.step_text = pack.text(step.text, lang)
            if choices and row.choice is not None and 1 <= row.choice <= len(choices):
                row.choice_text = pack.text(choices[row.choice - 1].text, lang)
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

# How many cards the summary names as the most misjudged: the page has room for three.
MISJUDGED_SHOWN = 3


@dataclass
class Misjudged:
    """A card the room rated far from the pack's degree: on average `gap` degrees off."""

    deck: str
    card: int
    text: str
    degree: int | None
    gap: float
    safer: bool
    ratings: list[tuple[str, int | None]]


def misjudged_cards(report: Report, limit: int = MISJUDGED_SHOWN) -> list[Misjudged]:
    """The cards the room misjudged most: a team's rating one degree or more off on average,
    the largest gap first (ties in the order they were played)."""
    found: list[Misjudged] = []
    for scenario in report.scenarios:
        for card in scenario.cards:
            given = [r for r in card.ratings.values() if r is not None]
            if card.degree is None or not given:
                continue
            offsets = [r - card.degree for r in given]
            gap = sum(abs(o) for o in offsets) / len(offsets)
            if gap >= 1:
                found.append(Misjudged(
                    scenario.title or _readable(scenario.scenario), card.card, card.text,
                    card.degree, gap, sum(offsets) < 0, list(card.ratings.items())))
    found.sort(key=lambda m: -m.gap)
    return found[:limit]


def _readable(identifier: str) -> str:
    # Without the pack only its ids are known; "passport-kept" reads as "Passport kept".
    words = identifier.replace("-", " ").replace("_", " ").strip()
    return words[:1].upper() + words[1:]


def _shorten(text: str, limit: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


def _scenario_name(report: Report, scenario: str) -> str:
    """A scenario as the room knew it: its title when it was played, never its id."""
    titles = {s.scenario: s.title for s in report.scenarios if s.title}
    if scenario in titles:
        return titles[scenario]
    return _readable(scenario) if ID_PATTERN.fullmatch(scenario) else scenario


def _deck_teams(scenario: PlayedScenario) -> list[str]:
    return list(dict.fromkeys(team for card in scenario.cards for team in card.ratings))


def _result(report: Report, scenario: PlayedScenario) -> str:
    """What a scenario came to, in a few words: the ending, or how many cards were rated."""
    lang = report.lang
    if scenario.cards:
        text = label(lang, "n_cards", n=len(scenario.cards))
        return text if scenario.finished else f"{text}, {label(lang, 'partly')}"
    if not scenario.finished:
        return label(lang, "unfinished")
    if scenario.outcome in OUTCOMES:
        return label(lang, str(scenario.outcome))
    return scenario.outcome or ""


def _facts(report: Report) -> list[tuple[str, str]]:
    lang = report.lang
    facts: list[tuple[str, str]] = []
    if report.started is not None:
        facts.append((label(lang, "date"), format_date(report.started.date(), lang)))
        facts.append((label(lang, "time"), _time_span(report)))
    if report.duration_s is not None:
        facts.append((label(lang, "duration"), format_duration(report.duration_s, lang)))
    for key, value in (("place", report.place), ("organisation", report.organisation),
                       ("facilitator", report.facilitator)):
        if value:
            facts.append((label(lang, key), value))
    facts.append((label(lang, "participants"), str(report.participants)
                  if report.participants is not None else label(lang, "not_given")))
    teams = ", ".join(report.teams) if report.teams else label(lang, "no_teams")
    facts.append((label(lang, "teams"), teams))
    if report.team_scores and report.cards_played:
        facts.append((label(lang, "scores"), " · ".join(
            f"{report.team_name(team)} {points}" for team, points in report.team_scores.items())))
    facts.append((label(lang, "language"), language_in(report.language, lang)))
    return facts


def render_html(report: Report, folders: Sequence[Path] | None = None) -> str:
    """The report as a self-contained page: a one-page summary for the partner, then the
    details. Every text is escaped by the template; nothing is fetched from elsewhere.

    `folders`: where an association's own templates are looked for first
    (`documents.template_folders`); the built-in ones by default.
    """
    signs = [title or _readable(sid) for sid, title in report.signs]
    return render(
        "report.html.j2", report.lang, "report", folders=folders, r=report,
        facts=_facts(report), signs=signs, misjudged=misjudged_cards(report),
        result=lambda s: _result(report, s), kind=lambda s: _kind_name(s.kind, report.lang),
        readable=_readable, shorten=_shorten, deck_teams=_deck_teams,
        scenario_name=lambda sid: _scenario_name(report, sid),
        scale=" · ".join(report.degree_text(d) for d in sorted(report.degree_labels)))


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
        ("organisation", report.organisation or ""),
        ("facilitator", report.facilitator or ""),
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
    for tally in report.votes:  # the room's phones: one row per option, its count as value
        for option, count in tally.options:
            rows.append({**_blank_row(), "record": "vote", "scenario": _cell(tally.scenario),
                         "item": _cell(tally.item), "degree_label": _cell(option),
                         "value": str(count)})
    return rows


def _blank_row() -> dict[str, str]:
    return dict.fromkeys(CSV_COLUMNS, "")


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
    write_atomic(out_html, render_html(report, folders=user_template_folders(
        pack.folder if pack is not None else None)))
    # utf-8-sig: spreadsheet programs on Windows read Cyrillic and Turkmen letters right.
    write_atomic(out_csv, render_csv(report), encoding="utf-8-sig")
    return out_html, out_csv


