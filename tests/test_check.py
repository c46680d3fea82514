"""`check` and C on the title: is this laptop ready? The words of each line, good and bad."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from game.cli import main
from game.commands.check import (
    finding_text,
    gather,
    load_checked,
    program_command,
    summary_text,
    validate_command,
    verdict_word,
)
from game.core import places
from game.core.model import HelpContact, Text
from game.core.network import local_ipv4_addresses, phone_addresses
from game.core.readiness import Screens, Verdict, screen_findings
from game.ui.pilot import Pilot
from game.ui.state import Overlay, TitleRow

EXAMPLE = Path(__file__).parent / "packs" / "format-example"


@pytest.fixture(autouse=True)
def from_source(monkeypatch: pytest.MonkeyPatch) -> None:
    """Started as `python main.py`, which is how the lines name the command to run."""
    monkeypatch.setattr(sys, "argv", ["main.py"])


def lines(findings: list, lang: str = "en") -> list[str]:
    return [f"{verdict_word(f.verdict, lang)} {finding_text(f, lang)}" for f in findings]


def broken_pack(tmp_path: Path) -> Path:
    """format-example with one scenario file gone and its hotline still a placeholder."""
    pack = tmp_path / "my pack"
    shutil.copytree(EXAMPLE, pack)
    (pack / "safe-or-risky.yaml").unlink()
    text = (pack / "pack.yaml").read_text("utf-8").replace("+993 12 000000", "+993 ...")
    (pack / "pack.yaml").write_text(text, "utf-8")
    return pack


def test_a_ready_laptop_gets_ok_on_every_line(tmp_path: Path) -> None:
    data = tmp_path / "data"
    findings = gather(load_checked(EXAMPLE, "my-pack"), "my-pack", data,
                      Screens(((1920, 1080), (1280, 720))), addresses=["192.168.43.10"])
    shown = lines(findings)
    free = shown[3].split("(")[1]
    assert shown == [
        "OK Screen: 1920×1080",
        "OK Second display: 1280×720. Set it to duplicate this screen (Windows: Win+P)",
        "OK Fonts load (Noto Sans, Latin and Cyrillic)",
        f"OK Logs and reports go to {data} ({free}",
        "OK Scenarios: 2 ready, no problems",
        "OK Help contacts: 1, all filled in",
        "OK Phones on the same Wi-Fi can reach this laptop at 192.168.43.10",
    ]
    assert free.endswith((" GB free)", " MB free)"))
    assert data.is_dir() and list(data.iterdir()) == []  # the probe file is gone again
    assert summary_text(findings, "en") == "Ready for the event."


def test_what_needs_fixing_says_what_to_do(tmp_path: Path) -> None:
    pack = broken_pack(tmp_path)
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("x", "utf-8")
    shown = str(pack)
    findings = gather(load_checked(pack, shown), shown, not_a_folder / "data",
                      Screens(((800, 600),)), fonts=(tmp_path / "missing.ttf",), addresses=[])
    assert lines(findings) == [
        "FIX Screen: 800×600, too small for the game: set 1024×768, 1280×720 or larger",
        "NOTE One display: connect the projector and check again (fine if it already shows "
        "this screen)",
        "FIX Fonts do not load (missing.ttf: No such file or directory): copy the whole game "
        "folder again",
        f"FIX Cannot save logs in {not_a_folder / 'data'} (Not a directory): name a folder you "
        "can write to with --data-dir",
        f'FIX Scenarios: errors: 1, left out: 0. See them: python main.py validate "{pack}"',
        "FIX Help contacts to fill in: '+993 ...'. Write them in my pack/pack.yaml (help:)",
        "NOTE No network for phones (join a Wi-Fi or start a hotspot); the game needs none",
    ]
    assert summary_text(findings, "en") == "Things to fix before the event: 5."
    assert lines(findings, "ru")[3] == (
        f"ИСПРАВИТЬ Журналы нельзя сохранить в {not_a_folder / 'data'} (Not a directory): "
        "укажите другую папку через --data-dir")
    assert summary_text(findings, "tk") == "Çäräden öň düzetmeli zatlar: 5."


def test_a_pack_that_cannot_be_played_or_is_missing(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    shutil.copytree(EXAMPLE, pack)
    (pack / "pack.yaml").write_text("title: {en: x}\n", "utf-8")
    broken = gather(load_checked(pack, "pack"), "pack", tmp_path / "d", Screens(((1024, 768),)),
                    addresses=[])
    assert lines(broken)[4] == ("FIX Scenarios cannot be played: errors in pack.yaml: 2. See "
                                "them: python main.py validate pack")
    missing = gather(load_checked(tmp_path / "nowhere", "nowhere"), "nowhere", tmp_path / "d",
                     Screens(missing="no display"), addresses=[])
    assert lines(missing)[0] == ("FIX No screen found (no display): run the check on the "
                                 "laptop, its screen on")
    assert lines(missing)[3] == ("FIX No scenarios in nowhere: copy the whole game folder "
                                 "again, or use --pack")


def test_the_check_and_the_validator_agree_on_placeholders(tmp_path: Path) -> None:
    result = load_checked(broken_pack(tmp_path), "p")
    assert result is not None
    assert any("is still a placeholder" in p.message for p in result.warnings)
    assert [HelpContact(name=Text("x"), contact=v).placeholder  # the one rule, in the model
            for v in ("+993 ...", "TODO", " ", "+993 12 000000", "02")] == [
        True, True, True, False, False]


def test_the_command_prints_every_line_and_exits_1_when_something_needs_fixing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["check", "--pack", str(EXAMPLE), "--data-dir", str(tmp_path), "--lang", "ru"])
    out = capsys.readouterr().out.splitlines()
    assert code == 1  # the tests' display is SDL's dummy driver: no screen
    assert out[0] == "Готов ли ноутбук?"
    assert out[1] == ("ИСПРАВИТЬ  Экран не найден (video driver 'dummy'): запустите проверку "
                      "на ноутбуке с включённым экраном")
    assert out[2] == "OK         Шрифты загружаются (Noto Sans, латиница и кириллица)"
    assert out[4] == "OK         Сценарии: готово 2, проблем нет"
    assert out[-1] == "Исправить до мероприятия: 1."


def test_c_on_the_title_shows_the_check_and_any_key_closes_it(tmp_path: Path) -> None:
    pilot = Pilot(EXAMPLE)
    pilot.app.controller.data_dir = tmp_path
    assert "C: check this laptop" in [t.text for t in pilot.drawn.texts()]
    pilot.press("c")
    assert pilot.overlay is Overlay.CHECK
    shown = [t.text for t in pilot.drawn.texts()]
    assert shown[0] == "Is this laptop ready?"
    assert "Scenarios: 2 ready, no problems" in shown
    assert "Fonts load (Noto Sans, Latin and Cyrillic)" in shown
    pilot.press("l")  # the language changes under the open check
    assert "Сценарии: готово 2, проблем нет" in [t.text for t in pilot.drawn.texts()]
    pilot.press("space")
    assert pilot.overlay is None and pilot.screen.name == "TITLE"


def test_c_in_a_team_name_is_a_letter(tmp_path: Path) -> None:
    pilot = Pilot(EXAMPLE, teams=["A", "B"])
    pilot.app.controller.data_dir = tmp_path
    pilot.app.controller.title.cursor = [r for r, _ in pilot.app.controller.title.rows()].index(
        TitleRow.TEAM_NAME)
    pilot.press("c")
    assert pilot.overlay is None
    assert pilot.app.controller.title.team_names[0] == "Ac"


def test_phones_are_told_only_addresses_they_can_reach() -> None:
    assert phone_addresses(["127.0.0.1", "169.254.3.4", "85.1.2.3", "10.0.0.5", "10.0.0.5",
                            "0.0.0.0", "fe80::1", "192.168.1.20"]) == [
        "10.0.0.5", "192.168.1.20", "85.1.2.3"]
    found = local_ipv4_addresses()
    assert found == phone_addresses(found)
    assert all(verdict_word(v, "tk") for v in Verdict)


def test_the_command_to_see_problems_is_the_one_to_type(monkeypatch: pytest.MonkeyPatch,
                                                        tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    default = str(places.default_pack()[0])
    assert validate_command(default) == "python main.py validate"
    assert validate_command("my pack") == 'python main.py validate "my pack"'
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "app" / "degrees-of-risk.exe"))
    assert program_command() == "degrees-of-risk"
    assert validate_command(str(tmp_path / "app" / "scenarios")) == "degrees-of-risk validate"


def test_a_720p_projector_is_big_enough() -> None:
    assert lines(screen_findings(Screens(((1280, 720),))))[0] == "OK Screen: 1280×720"
    assert lines(screen_findings(Screens(((1280, 700),))))[0].startswith(
        "FIX Screen: 1280×700, too small for the game")
