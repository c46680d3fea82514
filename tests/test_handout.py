"""The handout: every warning sign and help contact, in the chosen language, escaped."""

from __future__ import annotations

import shutil
import stat
from pathlib import Path

import pytest
from markupsafe import escape
from printing import pdf_pages, pdf_text, print_to_pdf

from game.cli import main
from game.core.handout import contact_groups, render_handout, word
from game.core.pack import Pack, load_pack

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "tests" / "packs" / "format-example"
XSS = "<script>alert(1)</script>"


def loaded(folder: Path) -> Pack | None:
    result = load_pack(folder)
    return result.pack if result.pack is not None and not result.errors else None


def assert_whole_booklet(pack: Pack, lang: str, page: str) -> None:
    """Help first (every contact), then every sign's title and what to do, in `lang`."""
    assert f'<html lang="{lang}">' in page
    assert escape(pack.text(pack.info.title, lang)) in page
    assert escape(word(lang, "intro")) in page
    help_at = page.index(escape(word(lang, "help")))
    for contact in pack.info.help:
        assert escape(pack.text(contact.name, lang)) in page
        assert help_at < page.index(escape(contact.contact))
        if contact.note is not None:
            assert escape(pack.text(contact.note, lang)) in page
    positions = []
    for sign in pack.signs.values():
        for text in (sign.title, sign.advice):
            shown = escape(pack.text(text, lang))
            assert shown in page, shown
        positions.append(page.index(escape(pack.text(sign.title, lang))))
    assert positions == sorted(positions)  # the order of warning-signs.yaml
    assert help_at < min(positions, default=len(page))  # help comes first


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_example_pack_booklet_in_each_language(lang: str) -> None:
    pack = loaded(EXAMPLE)
    assert pack is not None
    page = render_handout(pack, lang)
    assert_whole_booklet(pack, lang, page)
    assert "@page { size: A4" in page


def test_russian_booklet_has_no_english_sign_text() -> None:
    pack = loaded(EXAMPLE)
    assert pack is not None
    page = render_handout(pack, "ru")
    assert "Кто-то забирает ваш паспорт" in page
    assert "Горячая линия (Ашхабад)" in page
    assert "Бесплатно и конфиденциально" in page
    assert "Someone keeps your passport" not in page
    assert "What to do" not in page and "Тревожные признаки и что делать" in page
    assert "+993 12 000000" in page


def test_default_pack_booklet_in_each_of_its_languages() -> None:
    pack = loaded(ROOT / "scenarios")
    assert pack is not None, "the default pack must load"
    assert {"en", "ru", "tk"} <= set(pack.languages)
    for lang in pack.languages:
        assert_whole_booklet(pack, lang, render_handout(pack, lang))


def test_texts_from_the_pack_are_escaped(tmp_path: Path) -> None:
    folder = tmp_path / "pack"
    shutil.copytree(EXAMPLE, folder)
    info = folder / "pack.yaml"
    info.write_text(info.read_text("utf-8").replace(
        'title: {en: "Degrees of Risk"', f'title: {{en: "Degrees {XSS}"'), "utf-8")
    signs = folder / "warning-signs.yaml"
    signs.write_text(signs.read_text("utf-8").replace(
        '"Someone keeps your passport"', f'"Passport {XSS}"'), "utf-8")
    out = tmp_path / "h.html"
    assert main(["handout", "--pack", str(folder), "--out", str(out)]) == 0
    page = out.read_text("utf-8")
    assert "<script" not in page
    assert "Degrees &lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Passport &lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_handout_command_writes_handout_lang_html_here(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]
                                                       ) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["handout", "--pack", str(EXAMPLE)]) == 0
    assert "Someone keeps your passport" in (tmp_path / "handout-en.html").read_text("utf-8")
    assert main(["handout", "--pack", str(EXAMPLE), "--lang", "ru"]) == 0
    assert "Кто-то забирает ваш паспорт" in (tmp_path / "handout-ru.html").read_text("utf-8")
    assert "2 warning signs, 1 help contacts" in capsys.readouterr().out


def test_unknown_language_is_a_usage_error(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "h.html"
    assert main(["handout", "--pack", str(EXAMPLE), "--lang", "tk", "--out", str(out)]) == 2
    assert "no language 'tk'; it has: en, ru" in capsys.readouterr().err
    assert not out.exists()


def test_missing_pack_folder_is_a_usage_error(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["handout", "--pack", str(tmp_path / "nope")]) == 2
    assert "no such pack folder" in capsys.readouterr().err


def test_errors_in_what_the_booklet_prints_stop_it(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "pack"
    shutil.copytree(EXAMPLE, folder)
    signs = folder / "warning-signs.yaml"
    text = signs.read_text("utf-8")
    signs.write_text(text.replace('  advice: {en: "Never', '  advise: {en: "Never'), "utf-8")
    out = tmp_path / "h.html"
    assert main(["handout", "--pack", str(folder), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "warning-signs.yaml:" in err and "error:" in err
    assert not out.exists()


def test_errors_only_in_a_scenario_do_not_stop_the_booklet(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "pack"
    shutil.copytree(EXAMPLE, folder)
    deck = folder / "safe-or-risky.yaml"
    deck.write_text(deck.read_text("utf-8").replace("risk: 2", "risk: 9"), "utf-8")
    out = tmp_path / "h.html"
    assert main(["handout", "--pack", str(folder), "--out", str(out)]) == 0
    assert "error(s) in scenario files" in capsys.readouterr().err
    assert "A recruiter you cannot check" in out.read_text("utf-8")


def test_handout_file_is_readable_by_everyone(tmp_path: Path) -> None:
    # It used to be written 0600 (a copy of the report's writer without its chmod).
    out = tmp_path / "h.html"
    assert main(["handout", "--pack", str(EXAMPLE), "--out", str(out)]) == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o644


def test_contacts_are_grouped_by_the_country_they_serve() -> None:
    pack = loaded(ROOT / "scenarios")
    assert pack is not None
    groups = contact_groups(pack, "ru")
    # Every contact once per country it serves; none lost.
    names = [c.name for g in groups for c in g.contacts]
    assert set(names) == {pack.text(c.name, "ru") for c in pack.info.help}
    if len(groups) > 1:  # every group is headed: by its country, or "anywhere" last
        assert all(g.name for g in groups)
        assert groups[-1].name == word("ru", "everywhere") or pack.info.help[-1].where
    else:
        assert groups[0].name == ""


def test_a_pack_with_countries_prints_each_group_under_its_heading(tmp_path: Path) -> None:
    folder = tmp_path / "pack"
    shutil.copytree(EXAMPLE, folder)
    info = folder / "pack.yaml"
    text = info.read_text("utf-8")
    info.write_text(text.replace("help:\n", "home: tm\nhelp:\n  - name: {en: Police, ru: Полиция}\n"
                                 "    contact: \"02\"\n    where: [tm]\n", 1), "utf-8")
    pack = loaded(folder)
    assert pack is not None
    groups = contact_groups(pack, "ru")
    assert [g.name for g in groups] == ["Туркменистан", "Везде"]
    assert [c.contact for c in groups[0].contacts] == ["02"]


@pytest.mark.parametrize("lang", ["en", "ru", "tk"])
def test_default_pack_handout_prints_on_one_sheet(lang: str, tmp_path: Path) -> None:
    """Headless Chromium prints it to A4 PDF: at most two pages (one sheet, both sides)."""
    pack = loaded(ROOT / "scenarios")
    assert pack is not None
    pdf = print_to_pdf(render_handout(pack, lang), tmp_path)
    assert pdf_pages(pdf) <= 2
    assert pack.text(pack.info.help[0].name, lang).split()[0] in pdf_text(pdf, 1)


def test_a_placeholder_contact_is_flagged_before_printing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "pack"
    shutil.copytree(EXAMPLE, folder)
    info = folder / "pack.yaml"
    info.write_text(info.read_text("utf-8").replace('"+993 12 000000"', '"TODO: ask IOM"'),
                    "utf-8")
    assert main(["handout", "--pack", str(folder), "--out", str(tmp_path / "h.html")]) == 0
    assert ("warning: 1 help contact(s) still a placeholder ('TODO: ask IOM'): write the "
            "number confirmed locally in pack.yaml before printing") in capsys.readouterr().err
