"""The command line: play (default), validate, schema, new, shots, report, handout, guide,
check."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from game.options import DEFAULT_PACK, BadSize, PlayOptions, pack_location, parse_size

__all__ = ["DEFAULT_PACK", "build_parser", "main", "pack_location"]


def _size(text: str) -> tuple[int, int]:
    try:
        return parse_size(text)
    except BadSize as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="degrees-of-risk",
        description="Degrees of Risk: a projector game against human trafficking. "
                    "Without a command it plays a pack (full screen unless --window).")
    parser.add_argument("--pack", help="the scenario pack folder (default: the shipped pack)")
    parser.add_argument("--lang", help="language to start in (default: the pack's first)")
    parser.add_argument("--window", nargs="?", const=(1280, 720), metavar="WxH", type=_size,
                        help="a resizable window instead of full screen (default 1280x720)")
    parser.add_argument("--presenter", action="store_true",
                        help="a presenter window on the laptop (notes, what comes next, the "
                             "timer) and the room's screen on the projector")
    parser.add_argument("--data-dir", help="where session logs and reports are kept "
                                           "(default: the user's data folder)")
    parser.add_argument("--scenario", help="preview one scenario (by id), for authors")
    parser.add_argument("--step", help="with --scenario: start at this step")
    parser.add_argument("--phones", nargs="?", const="", metavar="ADDRESS",
                        help="let the room vote from their phones over the local network "
                             "(on every local address, or only on ADDRESS, e.g. 127.0.0.1 "
                             "to try the page on this laptop)")
    parser.add_argument("--port", type=int, metavar="N",
                        help="with --phones: the port phones connect to (default 8765)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    validate = commands.add_parser(
        "validate", help="check a pack and print every problem with file and line",
        description="Check a pack: every problem as path:line:col: error|warning: message, "
                    "then a one-line total. Exit 0 valid, 1 errors (or warnings with "
                    "--strict), 2 usage error.")
    validate.add_argument("pack", nargs="?", help="the pack folder (default: scenarios)")
    validate.add_argument("--strict", action="store_true", help="treat warnings as errors")

    schema = commands.add_parser(
        "schema", help="write the JSON Schema of the format, for editors",
        description="Write the JSON Schema of a scenario file (default), pack.yaml or "
                    "warning-signs.yaml, for an editor's YAML language server.")
    schema.add_argument("--out", help="write to this file (default: print it)")
    schema.add_argument("--file", choices=("scenario", "pack", "signs"), default="scenario",
                        help="which file's schema (default: scenario)")
    schema.add_argument("--pack", dest="schema_pack",
                        help="narrow it to this pack: its risk scale, languages and warning "
                             "signs (default: any pack)")

    new = commands.add_parser(
        "new", help="write a commented template scenario",
        description="Write a commented template scenario that validates; never overwrites.")
    new.add_argument("id", help="the new scenario's id, like job-offer-2")
    new.add_argument("--kind", choices=("story", "cards"), default="story")
    new.add_argument("--pack", dest="new_pack", help="the pack folder (default: scenarios)")

    shots = commands.add_parser(
        "shots", help="render every screen of a pack to PNG files",
        description="Render every distinct screen of every scenario headless to PNG files.")
    shots.add_argument("--pack", dest="shots_pack", help="the pack folder (default: scenarios)")
    shots.add_argument("--out", default="shots", help="output folder (default: shots)")
    shots.add_argument("--size", type=_size, default=(1024, 768), help="WxH (default 1024x768)")
    shots.add_argument("--lang", dest="shots_lang", help="language (default: every language)")

    report = commands.add_parser(
        "report", help="rebuild the event report from a session log",
        description="Write the event report (HTML and CSV) of a session log, or of the latest "
                    "session in a data folder.")
    report.add_argument("source", nargs="?", help="a session log (.jsonl) or a data folder "
                                                  "(default: the user's data folder)")
    report.add_argument("--out", help="the HTML file to write (the CSV goes beside it)")

    handout = commands.add_parser(
        "handout", help="write the participant handout (warning signs and help contacts)",
        description="Write a printable A4 booklet of the pack's warning signs and help contacts.")
    handout.add_argument("--pack", dest="handout_pack", help="the pack folder")
    handout.add_argument("--lang", dest="handout_lang", help="language (default: the pack's first)")
    handout.add_argument("--out", help="the HTML file to write (default: handout-LANG.html)")

    guide = commands.add_parser(
        "guide", help="write the facilitator's guide (session plans, answers, safeguarding)",
        description="Write a printable guide for the facilitator: 60- and 90-minute session "
                    "plans from the pack's scenarios, the expected answers to the discussion "
                    "questions, how each degree is defended, and what to do if a participant "
                    "discloses a personal situation.")
    guide.add_argument("--pack", dest="guide_pack", help="the pack folder")
    guide.add_argument("--lang", dest="guide_lang", help="language (default: the pack's first)")
    guide.add_argument("--out", help="the HTML file to write (default: guide-LANG.html)")

    check = commands.add_parser(
        "check", help="say whether this laptop is ready for the event",
        description="Check the screens, fonts, data folder, pack, help contacts and network "
                    "for phones; each line says what to do when it is not fine. Exit 0 "
                    "when ready, 1 when something needs fixing.")
    check.add_argument("--pack", dest="check_pack", help="the pack folder")
    check.add_argument("--lang", dest="check_lang", help="language (default: the pack's first)")
    check.add_argument("--data-dir", dest="check_data_dir", help="the data folder to check")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the process exit code."""
    # The game uses no pydantic plugin; looking for them reads the metadata of every
    # installed package, a tenth of the start-up before the first frame.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    parser = build_parser()
    args = parser.parse_args(argv)
    command: str | None = args.command
    try:
        if command == "validate":
            from game.commands.validate import run_validate

            return int(run_validate(args.pack, strict=args.strict))
        if command == "schema":
            from game.commands.schema import run_schema

            return int(run_schema(args.out, args.file, args.schema_pack))
        if command == "new":
            from game.commands.new import run_new

            return int(run_new(args.id, args.kind, args.new_pack))
        if command == "shots":
            from game.ui.shots import run_shots

            return int(run_shots(args.shots_pack, Path(args.out), args.size, args.shots_lang))
        if command == "report":
            from game.commands.report import run_report

            return int(run_report(args.source, args.out))
        if command == "handout":
            from game.commands.handout import run_handout

            return int(run_handout(args.handout_pack, args.handout_lang, args.out))
        if command == "guide":
            from game.commands.guide import run_guide

            return int(run_guide(args.guide_pack, args.guide_lang, args.out))
        if command == "check":
            from game.commands.check import run_check

            return int(run_check(args.check_pack or args.pack, args.check_data_dir or
                                 args.data_dir, args.check_lang or args.lang))
        return _play(args)
    except KeyboardInterrupt:
        return 130


def _play(args: argparse.Namespace) -> int:
    """Play the pack: the window opens on the pack's title first (game/ui/splash.py), then
    the models, the screens and the pack load and the title screen's options appear."""
    from game.ui import signals
    from game.ui.splash import show_title

    signals.claim()  # before the first window: SDL would make a signal a "Quit?" question
    data_dir = Path(args.data_dir) if args.data_dir else None
    options = PlayOptions(pack=args.pack, lang=args.lang, window=args.window,
                          data_dir=data_dir, scenario=args.scenario, step=args.step,
                          phones=args.phones is not None, phones_address=args.phones or None,
                          port=args.port, presenter=args.presenter)
    shown = show_title(options)
    try:
        from game.ui.app import run_game

        return int(run_game(options))
    finally:
        signals.release()  # also when the pack cannot be played (run_game returned early)
        if shown:  # a pack that cannot be played: its errors printed, the early window closes
            import pygame

            pygame.quit()
