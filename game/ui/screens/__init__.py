"""One module per screen; `session_screens` and `overlay_screens` map kinds to them."""

from __future__ import annotations

from game.core.session import ScreenKind
from game.ui.screens.base import Screen
from game.ui.screens.blank import BlankScreen
from game.ui.screens.card import CardScreen
from game.ui.screens.check import CheckScreen
from game.ui.screens.debrief_help import DebriefHelpScreen
from game.ui.screens.debrief_path import DebriefPathScreen
from game.ui.screens.debrief_questions import DebriefQuestionsScreen
from game.ui.screens.debrief_sign import DebriefSignScreen
from game.ui.screens.ending import EndingScreen
from game.ui.screens.error import ErrorScreen
from game.ui.screens.feedback import FeedbackScreen
from game.ui.screens.help import HelpScreen
from game.ui.screens.join import JoinScreen
from game.ui.screens.menu import MenuScreen
from game.ui.screens.notes import NotesScreen
from game.ui.screens.pause import PauseScreen
from game.ui.screens.rating import RatingScreen
from game.ui.screens.reload_errors import ReloadErrorsScreen
from game.ui.screens.reveal import RevealScreen
from game.ui.screens.scoreboard import ScoreboardScreen
from game.ui.screens.step import StepScreen
from game.ui.screens.summary import SummaryScreen
from game.ui.screens.title import TitleScreen
from game.ui.state import Overlay


def session_screens() -> dict[ScreenKind, Screen]:
    """A screen object for every kind of screen the session can be on."""
    card, rating = CardScreen(), RatingScreen()
    # A card's text stays the same size when the first degree is typed in.
    card.partners, rating.partners = [rating], [card]
    return {
        ScreenKind.TITLE: TitleScreen(),
        ScreenKind.MENU: MenuScreen(),
        ScreenKind.STEP: StepScreen(),
        ScreenKind.FEEDBACK: FeedbackScreen(),
        ScreenKind.ENDING: EndingScreen(),
        ScreenKind.CARD: card,
        ScreenKind.RATING: rating,
        ScreenKind.REVEAL: RevealScreen(),
        ScreenKind.SCOREBOARD: ScoreboardScreen(),
        ScreenKind.DEBRIEF_PATH: DebriefPathScreen(),
        ScreenKind.DEBRIEF_SIGN: DebriefSignScreen(),
        ScreenKind.DEBRIEF_QUESTIONS: DebriefQuestionsScreen(),
        ScreenKind.DEBRIEF_HELP: DebriefHelpScreen(),
        ScreenKind.SUMMARY: SummaryScreen(),
    }


def overlay_screens() -> dict[Overlay, Screen]:
    """A screen object for every overlay."""
    return {
        Overlay.PAUSE: PauseScreen(),
        Overlay.HELP: HelpScreen(),
        Overlay.NOTES: NotesScreen(),
        Overlay.BLANK: BlankScreen(),
        Overlay.RELOAD_ERRORS: ReloadErrorsScreen(),
        Overlay.CHECK: CheckScreen(),
        Overlay.ERROR: ErrorScreen(),
        Overlay.JOIN: JoinScreen(),
    }
