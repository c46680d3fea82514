"""The program's own words: one catalogue file per language, complete, one fallback rule."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from game.core.catalogue import (
    CATALOGUE,
    LOCALES,
    Catalogue,
    fallback_chain,
    format_date,
    language_name,
    placeholders,
    say,
)
from game.core.model import Text

ROOT = Path(__file__).resolve().parents[1]


def base(key: str) -> str:
    return key.split("#")[0]


def test_every_language_file_has_every_english_key() -> None:
    english = CATALOGUE.table("en")
    assert CATALOGUE.languages() == ["en", "ru", "tk"]
    for lang in CATALOGUE.languages():
        words = CATALOGUE.table(lang)
        missing = sorted({k for k in english if "#" not in k} - set(words))
        extra = sorted({base(k) for k in words} - set(english))
        assert missing == [], f"{lang}.yaml lacks {missing}"
        assert extra == [], f"{lang}.yaml has keys English does not: {extra}"


def non_texts(node: object, where: str) -> list[str]:
    """The dotted places in a locale file that hold something other than a text."""
    if isinstance(node, dict):
        return [bad for key, value in node.items() for bad in non_texts(value, f"{where}.{key}")]
    return [] if isinstance(node, str) else [where]


def test_every_file_is_plain_text_values() -> None:
    for path in LOCALES.glob("*.yaml"):
        data = yaml.safe_load(path.read_text("utf-8"))
        assert isinstance(data, dict), path
        assert non_texts(data, path.stem) == []


def test_translations_keep_the_placeholders() -> None:
    english = CATALOGUE.table("en")
    for lang in CATALOGUE.languages():
        for key, text in CATALOGUE.table(lang).items():
            assert placeholders(text) <= placeholders(english[base(key)]) | {"n"}, (lang, key)
            if "#" not in key:
                assert placeholders(text) == placeholders(english[key]), (lang, key)


def test_every_key_the_code_says_is_in_the_english_file() -> None:
    """A key used in code or a template but missing in en.yaml fails here, not on stage."""
    english = CATALOGUE.table("en")
    used: set[str] = set()
    for path in (ROOT / "game").rglob("*.py"):
        used |= set(re.findall(r'\bsay\(\s*"([a-z_.]+)"', path.read_text("utf-8")))
    for path in (ROOT / "game").rglob("*.j2"):
        section = path.name.split(".")[0]
        used |= {f"{section}.{k}" for k in re.findall(r'\bt\(\s*"([a-z_]+)"\s*[,)]', path.read_text(
            "utf-8"))}
    assert len(used) > 50
    assert sorted(k for k in used if k not in english) == []


def test_counts_take_the_plural_of_each_language() -> None:
    assert [say("points", "en", n=n) for n in (1, 2)] == ["1 point", "2 points"]
    assert [say("points", "ru", n=n) for n in (1, 3, 5, 11, 21, 22)] == [
        "1 очко", "3 очка", "5 очков", "11 очков", "21 очко", "22 очка"]
    assert say("points", "tk", n=1) == "1 utuk"


def test_a_region_or_script_falls_back_the_same_way_everywhere() -> None:
    assert fallback_chain("uz-Latn-UZ") == ["uz-latn-uz", "uz-latn", "uz"]
    assert fallback_chain("pt_BR") == ["pt-br", "pt"]
    # The program's words...
    assert say("start", "ru-RU") == say("start", "ru")
    assert say("start", "RU") == "Нажмите Enter, чтобы начать"
    assert say("start", "uz-Latn") == "Press Enter to start"  # no Uzbek file: English
    assert say("report.date", "tk_TM") == "Sene"
    assert language_name("ru-RU") == "Русский"
    # ...and the pack's texts, by the same chain.
    text = Text({"en": "Hello", "uz": "Salom", "pt-BR": "Olá"})
    assert text.in_language("uz-Latn", "en") == "Salom"
    assert text.in_language("pt_br", "en") == "Olá"
    assert text.in_language("kk", "en") == "Hello"


def test_adding_a_language_is_adding_one_file(tmp_path: Path) -> None:
    folder = tmp_path / "locales"
    shutil.copytree(LOCALES, folder)
    (folder / "uz.yaml").write_text(
        'language_name: "Oʻzbekcha"\nstart: "Boshlash uchun Enter tugmasini bosing"\n'
        'points: "{n} ball"\nreport:\n  date: "Sana"\n', encoding="utf-8")
    words = Catalogue(folder)
    assert "uz" in words.languages()
    assert words.say("start", "uz-Latn") == "Boshlash uchun Enter tugmasini bosing"
    assert words.say("report.date", "uz") == "Sana"
    assert words.say("points", "uz", n=5) == "5 ball"
    assert words.say("teams", "uz") == "Teams"  # not translated yet: English, key by key
    assert format_date(__import__("datetime").date(2026, 12, 2), "uz") == "2-dekabr, 2026"


def test_a_broken_translation_never_stops_the_event(tmp_path: Path) -> None:
    folder = tmp_path / "locales"
    shutil.copytree(LOCALES, folder)
    (folder / "ru.yaml").write_text('start: "Нажмите {кнопку"\nteam_n: "Команда {m}"\n',
                                    encoding="utf-8")
    (folder / "tk.yaml").write_text("start: [unclosed\n", encoding="utf-8")
    words = Catalogue(folder)
    assert words.say("team_n", "ru", n=2) == "Team 2"  # a wrong placeholder: English
    assert words.say("start", "ru") == "Нажмите {кнопку"  # nothing to fill: said as written
    assert words.say("start", "tk") == "Press Enter to start"  # unreadable file: English


def test_a_key_not_even_english_has_is_named() -> None:
    with pytest.raises(KeyError, match=r"no wording 'no-such-key' in .*en\.yaml"):
        say("no-such-key", "en")


def test_dates_are_written_in_the_language() -> None:
    from datetime import date

    day = date(2026, 12, 2)
    assert format_date(day, "en") == "December 2, 2026"
    assert format_date(day, "ru") == "2 декабря 2026\u202fг."
    assert format_date(day, "tk") == "2 dekabr 2026"
