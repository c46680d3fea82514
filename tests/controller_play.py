"""A session played through the core's controller alone, as any second front end would.

Used in-process by tests/test_controller.py and, with pygame blocked, in a subprocess:
nothing here may import pygame.
"""

from __future__ import annotations

from pathlib import Path

from game.core.commands import Action, Command
from game.core.controller import Controller
from game.core.pack import load_pack
from game.core.session import ScreenKind

EXAMPLE = Path(__file__).resolve().parent / "packs" / "format-example"


def controller(data_dir: Path | None, pack: Path = EXAMPLE) -> Controller:
    """A new game of `pack` with its log in `data_dir`, as `run_game` starts it."""
    result = load_pack(pack)
    assert result.pack is not None
    return Controller.for_pack(result.pack, data_dir=data_dir)


def send(control: Controller, action: Action, number: int = 0, text: str = "") -> bool:
    """One command, as a key, a click or a tap would send it."""
    return control.send(Command(action, number, text))


def set_up(control: Controller) -> None:
    """On the title: 2 teams named Lions and Tigers, 24 participants, then start."""
    send(control, Action.SET_TEAMS, 2)
    send(control, Action.SET_TEAM_NAME, 1, "Lions")
    send(control, Action.SET_TEAM_NAME, 2, "Tigers")
    send(control, Action.SET_PARTICIPANTS, 24)
    send(control, Action.START_FRESH)
    assert control.screen is ScreenKind.MENU


def play_story(control: Controller, scenario: int = 1) -> None:
    """Open menu entry `scenario` (a story) and take the first choice until the menu."""
    send(control, Action.NUMBER, scenario)
    while control.screen is not ScreenKind.MENU:
        if control.screen is ScreenKind.STEP:
            assert send(control, Action.NUMBER, 1)
        else:
            assert send(control, Action.CONTINUE), control.screen


def play_cards(control: Controller, scenario: int = 2, cards: int | None = None) -> None:
    """Open menu entry `scenario` (a deck): Lions rate every card 1, Tigers 2; stop after
    `cards` revealed cards (None: play to the menu)."""
    send(control, Action.NUMBER, scenario)
    revealed = 0
    while control.screen is not ScreenKind.MENU:
        if control.screen is ScreenKind.CARD:
            send(control, Action.NUMBER, 1)
            send(control, Action.NUMBER, 2)
        elif control.screen is ScreenKind.REVEAL:
            revealed += 1
            if cards is not None and revealed >= cards:
                return
            send(control, Action.CONTINUE)
        else:
            assert send(control, Action.CONTINUE), control.screen


def end(control: Controller) -> None:
    """The menu's last entry: the session's end, its summary and report."""
    view = control.view()
    assert view.screen is ScreenKind.MENU
    send(control, Action.NUMBER, 0)  # not a scenario: nothing happens
    send(control, Action.SELECT, len(view.items) - 1)
    assert control.screen is ScreenKind.SUMMARY


def main(data_dir: Path) -> str:
    """Play a story, half a deck, 'crash', resume from the log, finish, end: a summary line."""
    first = controller(data_dir)
    set_up(first)
    play_story(first)
    play_cards(first, cards=1)
    before = first.view()
    first.close()  # the crash: nothing more is written

    second = controller(data_dir)
    offer = second.view()
    assert offer.resume is not None and "card 1/" in offer.resume, offer.resume
    assert second.title.row()[0].value == "resume"  # Enter resumes
    send(second, Action.CONFIRM)
    after = second.view()
    assert after == before, (after, before)
    send(second, Action.CONTINUE)
    play_cards_rest(second)
    end(second)
    summary = second.view()
    assert second.report_path is not None and second.report_path.is_file()
    second.close()
    scores = ", ".join(f"{t.name} {t.points}" for t in summary.teams)
    return f"{summary.screen.value}: {scores}; played: {' + '.join(summary.played)}"


def play_cards_rest(control: Controller) -> None:
    """Go on with the deck where it is until the menu."""
    while control.screen is not ScreenKind.MENU:
        if control.screen is ScreenKind.CARD:
            send(control, Action.NUMBER, 1)
            send(control, Action.NUMBER, 2)
        else:
            assert send(control, Action.CONTINUE), control.screen


if __name__ == "__main__":
    import sys

    print(main(Path(sys.argv[1])))
