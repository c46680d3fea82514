"""Messages at the cause, in a facilitator's words (issue 9, items 4 to 10), and the
mistakes a facilitator makes in Notepad, Word or Explorer, each read as they would."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.cli import main
from tests.packtools import PACK_HEAD, PACK_YAML, SIGNS_YAML, STORY_YAML, find, load, write_pack

TWO_LANGS = PACK_HEAD.replace("languages: [en]", "languages: [en, ru]")


# ------------------------------------------------------------------ help contacts (4)


def test_a_help_contact_without_contact_leaves_out_that_contact_not_the_pack(
        tmp_path: Path) -> None:
    pack = PACK_HEAD + ("help:\n"
                        "  - name: Hotline\n"
                        "  - name: Police\n"
                        "    contact: \"02\"\n")
    result = load(write_pack(tmp_path, {"pack.yaml": pack}))
    problem = find(result, "pack.yaml", "help contact 1: missing required key 'contact'")
    assert (problem.line, problem.col) == (9, 5)
    assert result.pack is not None and list(result.pack.scenarios) == ["story"]
    assert [c.contact for c in result.pack.info.help] == ["02"]


def test_checks_after_a_broken_contact_point_at_the_right_contact(tmp_path: Path) -> None:
    pack = TWO_LANGS + ("help:\n"
                        "  - 112\n"
                        "  - name: {en: Police}\n"
                        "    contact: TODO\n")
    result = load(write_pack(tmp_path, {"pack.yaml": pack}))
    find(result, "pack.yaml", "help contact 1: help should be a mapping")
    placeholder = find(result, "pack.yaml", "help contact 2: contact 'TODO' is still a "
                       "placeholder", severity="warning")
    assert placeholder.line == 11
    translation = find(result, "pack.yaml", "help contact 2: no 'ru' translation for name",
                       severity="warning")
    assert translation.line == 10


# ------------------------------------------------------------------ the glossary (5)


def test_a_glossary_translation_is_reported_at_its_own_line_naming_sign_and_field(
        tmp_path: Path) -> None:
    signs = SIGNS_YAML.replace("advice: Never hand it over.",
                               "advice: {en: Never hand it over., ru: Никогда}")
    result = load(write_pack(tmp_path, {"pack.yaml": TWO_LANGS, "warning-signs.yaml": signs}))
    problem = find(result, "warning-signs.yaml", "explanation", severity="warning")
    assert problem.format() == (
        "pack/warning-signs.yaml:3:16: warning: warning sign 'passport-kept': no 'ru' "
        "translation for explanation (shown in 'en')")
    assert not any("advice" in p.message for p in result.problems)


def test_a_glossary_language_not_in_the_pack_is_at_its_key(tmp_path: Path) -> None:
    signs = SIGNS_YAML.replace("advice: Never hand it over.", "advice: {en: Never, de: Nie}")
    problem = find(load(write_pack(tmp_path, {"warning-signs.yaml": signs})),
                   "warning-signs.yaml", severity="error")
    assert problem.format() == (
        "pack/warning-signs.yaml:4:23: error: warning sign 'passport-kept': language 'de' for "
        "advice is not listed in pack.yaml languages (en)")


def test_a_glossary_text_too_long_is_at_its_line(tmp_path: Path) -> None:
    long_text = "Without it you cannot leave the country or prove who you are. " * 10
    signs = SIGNS_YAML.replace("Without it you cannot leave.", long_text.strip())
    problem = find(load(write_pack(tmp_path, {"warning-signs.yaml": signs})),
                   "warning-signs.yaml", "too long for one projected screen", severity="warning")
    assert problem.line == 3
    assert problem.message.startswith("warning sign 'passport-kept': the 'en' text for "
                                      "explanation")


# ------------------------------------------------------------------ control characters (6)


@pytest.mark.parametrize(("char", "name"), [("\x00", "U+0000 (NUL)"),
                                            ("\x0b", "U+000B (vertical tab)"),
                                            ("\x1b", "U+001B (escape)")])
def test_a_control_character_is_one_line_at_its_own_place(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], char: str, name: str) -> None:
    story = STORY_YAML.replace("feedback: Good.", f"feedback: Go{char}od.")
    folder = write_pack(tmp_path / "p", {"story.yaml": story})
    problem = find(load(folder), "story.yaml", name)
    assert (problem.line, problem.col) == (15, 21)
    assert main(["validate", str(folder)]) == 1
    out = capsys.readouterr().out
    line = next(x for x in out.splitlines() if "story.yaml" in x)
    assert line.endswith(f"story.yaml:15:21: error: an invisible control character {name} is "
                         "here, probably pasted from another program; YAML does not allow it: "
                         "delete it")
    assert "position" not in out and "<unicode string>" not in out


# ------------------------------------------------------------------ look-alike letters (7)


def test_a_cyrillic_letter_in_a_next_is_named_not_suggested(tmp_path: Path) -> None:
    story = STORY_YAML.replace("next: home-safe", "next: h\u043eme-safe")
    problem = find(load(write_pack(tmp_path, {"story.yaml": story})), "story.yaml",
                   "is not a step of this story")
    assert (problem.line, problem.col) == (16, 16)  # at the Cyrillic letter itself
    assert "did you mean" not in problem.message
    assert ("character 2 is '\u043e', cyrillic small letter o (U+043E), not a Latin letter"
            in problem.message)


def test_a_cyrillic_letter_in_a_sign_and_a_step_id_is_named(tmp_path: Path) -> None:
    story = STORY_YAML.replace("signs: [passport-kept]", "signs: [p\u0430ssport-kept]").replace(
        "  harmed:\n", "  h\u0430rmed:\n").replace("next: harmed", "next: h\u0430rmed")
    result = load(write_pack(tmp_path, {"story.yaml": story}))
    sign = find(result, "story.yaml", "warning sign 'p\u0430ssport-kept' is not in")
    assert "character 2 is '\u0430', cyrillic small letter a (U+0430)" in sign.message
    assert (sign.line, sign.col) == (10, 18)
    step = find(result, "story.yaml", "step id 'h\u0430rmed' is not valid")
    assert (step.line, step.col) == (20, 4) and "cyrillic small letter a" in step.message


def test_an_invisible_character_in_an_id_is_named(tmp_path: Path) -> None:
    story = STORY_YAML.replace("next: home-safe", "next: home-safe\u200b")
    problem = find(load(write_pack(tmp_path, {"story.yaml": story})), "story.yaml",
                   "is not a step of this story")
    assert "character 10 is an invisible zero width space (U+200B)" in problem.message
    assert (problem.line, problem.col) == (16, 24)


def test_a_look_alike_letter_in_quotes_is_pointed_at_too(tmp_path: Path) -> None:
    story = STORY_YAML.replace("next: home-safe", 'next: "home-s\u0430fe"')
    problem = find(load(write_pack(tmp_path, {"story.yaml": story})), "story.yaml",
                   "is not a step of this story")
    assert (problem.line, problem.col) == (16, 22)


# ------------------------------------------------------------------ hints at the cause (8)


def test_indentation_of_non_breaking_spaces_is_named_at_its_first_line(tmp_path: Path) -> None:
    story = STORY_YAML.replace("    text: Safe at home.", "\u00a0\u00a0\u00a0\u00a0text: Safe at "
                               "home.").replace("    outcome: safe", "\u00a0\u00a0\u00a0\u00a0"
                                                "outcome: safe")
    result = load(write_pack(tmp_path, {"story.yaml": story}))
    problem = find(result, "story.yaml", "U+00A0 (no-break space)")
    assert (problem.line, problem.col) == (18, 1)
    assert "(and 1 more line)" in problem.message and "Word" in problem.message
    assert len([p for p in result.problems if p.path == "pack/story.yaml"]) == 1


def test_a_non_breaking_space_inside_a_text_is_fine(tmp_path: Path) -> None:
    story = STORY_YAML.replace("Safe at home.", "Safe at\u00a0home.")
    assert load(write_pack(tmp_path, {"story.yaml": story})).problems == []


def test_a_dash_without_its_space_is_named(tmp_path: Path) -> None:
    story = STORY_YAML.replace("      - text: Check the agency", "      -text: Check the agency")
    problem = find(load(write_pack(tmp_path, {"story.yaml": story})), "story.yaml")
    assert problem.format().endswith(
        "(a list item needs a space after its dash: write '- text: Check the agency', not "
        "'-text: Check the agency')")
    assert problem.line == 13


def test_a_list_whose_only_dash_has_no_space_is_named(tmp_path: Path) -> None:
    story = STORY_YAML.replace("""      - text: Send the passport
        risk: 3
        signs: [passport-kept]
        feedback: Sharing documents gives power away.
        next: harmed
      - text: Check the agency
        risk: 0
""", """      -text: Check the agency
      risk: 0
""").replace("        feedback: Good.\n        next: home-safe\n",
             "      feedback: Good.\n      next: home-safe\n")
    problem = find(load(write_pack(tmp_path, {"story.yaml": story})), "story.yaml",
                   "its dash has no space after it")
    assert "write '- text:', not '-text:'" in problem.message and problem.line == 8


def test_word_quotes_are_named_instead_of_asking_for_quotes(tmp_path: Path) -> None:
    story = STORY_YAML.replace("title: A job offer", "title: \u201cA job offer: good pay\u201d")
    problem = find(load(write_pack(tmp_path, {"story.yaml": story})), "story.yaml")
    assert (problem.line, problem.col) == (2, 20)
    assert "typographic quotes \u201c \u201d" in problem.message
    assert "straight quotes" in problem.message


def test_steps_written_as_a_list_say_how_to_write_them(tmp_path: Path) -> None:
    story = STORY_YAML.replace("  offer:\n", "  - id: offer\n").replace(
        "  home-safe:\n", "  - id: home-safe\n").replace("  harmed:\n", "  - id: harmed\n")
    problem = find(load(write_pack(tmp_path, {"story.yaml": story})), "story.yaml")
    assert problem.format() == (
        "pack/story.yaml:5:3: error: steps should be a mapping from step id to step, not a "
        "list: write each step as its id and a colon ('offer:'), with its text and choices "
        "indented under it, instead of '- id: offer'")


def test_one_step_written_as_a_list_item_is_explained(tmp_path: Path) -> None:
    story = STORY_YAML.replace("  offer:\n", "  - offer:\n")
    problem = find(load(write_pack(tmp_path, {"story.yaml": story})), "story.yaml")
    assert problem.line == 17
    assert "steps are written as 'id:' lines, not as a list" in problem.message


def test_the_comma_hint_prints_what_to_type(tmp_path: Path) -> None:
    pack = TWO_LANGS
    story = STORY_YAML.replace("        feedback: Good.",
                               "        feedback: {en: Wait, check first, ru: Стой, проверь}")
    problem = find(load(write_pack(tmp_path, {"pack.yaml": pack, "story.yaml": story})),
                   "story.yaml", "a comma split")
    assert problem.message.endswith(
        'put the whole text in quotes, like this: {en: "Wait, check first", ru: "Стой, '
        'проверь"}')
    assert "{{" not in problem.message and "..." not in problem.message


# ------------------------------------------------------------------ upper-case codes (9)


def test_upper_case_language_codes_are_one_error_at_the_cause(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pack = PACK_YAML.replace("languages: [en]", "languages: [EN, RU]").replace(
        "label: Safe", "label: {EN: Safe, RU: Безопасно}")
    folder = write_pack(tmp_path / "p", {"pack.yaml": pack})
    assert main(["validate", str(folder)]) == 1
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines == [
        f"{folder}/pack.yaml:2:13: error: languages: 'EN', 'RU' are not language codes (two or "
        "three lowercase letters, like en, ru, tk, or pt-br): write [en, ru]; the languages of "
        "the pack's texts are checked once this is fixed",
        "1 error, 0 warnings in 3 files (1 scenario)",
    ]


def test_an_upper_case_code_in_one_text_says_what_to_write(tmp_path: Path) -> None:
    story = STORY_YAML.replace("title: A job offer", "title: {EN: A job offer}")
    result = load(write_pack(tmp_path, {"story.yaml": story}))
    problem = find(result, "story.yaml", "'EN' for title is not a language code")
    assert problem.message.endswith(": write 'en'") and problem.line == 2
    assert [p.message for p in result.problems if p.path == "pack/story.yaml"] == [
        problem.message]


# ------------------------------------------------------------------ risk numbers (10)


@pytest.mark.parametrize("written", ["0_0", "+3", "3.0", "0x3", "0b11", "1e0", "３", "٣"])
def test_risk_accepts_only_the_digits_a_facilitator_writes(tmp_path: Path, written: str) -> None:
    story = STORY_YAML.replace("risk: 3", f"risk: {written}")
    result = load(write_pack(tmp_path, {"story.yaml": story}))
    problem = find(result, "story.yaml", "risk should be a whole number", f"(not '{written}')")
    assert (problem.line, problem.col) == (9, 15)
    assert result.pack is not None and "story" in result.pack.left_out


@pytest.mark.parametrize("written", ["3", "03", '"3"', "3   "])
def test_risk_as_a_facilitator_writes_it_is_accepted(tmp_path: Path, written: str) -> None:
    story = STORY_YAML.replace("risk: 3", f"risk: {written}")
    result = load(write_pack(tmp_path, {"story.yaml": story}))
    assert result.problems == []
    assert result.pack is not None
    assert result.pack.scenarios["story"].steps["offer"].choices[0].risk == 3  # type: ignore


# ------------------------------------------------------------------ a facilitator's own tries


def test_notepad_unicode_is_utf16_and_says_so(tmp_path: Path) -> None:
    raw = "\ufeff".encode("utf-16-le") + STORY_YAML.encode("utf-16-le")
    problem = find(load(write_pack(tmp_path, {"story.yaml": raw})), "story.yaml")
    assert problem.format() == (
        'pack/story.yaml:1:1: error: the file is saved as UTF-16 (Notepad calls it "Unicode"); '
        "save it again as UTF-8 (Save as, Encoding: UTF-8)")


def test_utf8_with_bom_is_read(tmp_path: Path) -> None:
    raw = b"\xef\xbb\xbf" + STORY_YAML.encode("utf-8")
    assert load(write_pack(tmp_path, {"story.yaml": raw})).problems == []


def test_an_explorer_copy_says_what_to_rename_it_to(tmp_path: Path) -> None:
    result = load(write_pack(tmp_path, {"story - Copy.yaml": STORY_YAML}))
    problem = find(result, "story - Copy.yaml", "not a valid scenario id")
    assert problem.message.endswith("(rename it to story-copy.yaml, for example)")
    assert result.pack is not None and list(result.pack.scenarios) == ["story"]


def test_an_id_with_a_space_says_what_to_write(tmp_path: Path) -> None:
    story = STORY_YAML.replace("  home-safe:", "  Home Safe:").replace("next: home-safe",
                                                                        "next: Home Safe")
    problem = find(load(write_pack(tmp_path, {"story.yaml": story})), "story.yaml",
                   "step id 'Home Safe' is not valid")
    assert problem.message.endswith("(write 'home-safe')") and problem.line == 17


def test_a_missing_colon_points_at_its_line(tmp_path: Path) -> None:
    story = STORY_YAML.replace("summary: Aýna", "summary Aýna")
    problem = find(load(write_pack(tmp_path, {"story.yaml": story})), "story.yaml")
    assert problem.line == 4 and "missing its 'key:'" in problem.message


def test_a_tab_inside_an_indentation_is_named(tmp_path: Path) -> None:
    story = STORY_YAML.replace("    text: Safe at home.", "\ttext: Safe at home.")
    problem = find(load(write_pack(tmp_path, {"story.yaml": story})), "story.yaml")
    assert problem.line == 18 and "indented with a tab" in problem.message


def test_a_long_unbroken_word_is_named_in_the_warning(tmp_path: Path) -> None:
    story = STORY_YAML.replace("A stranger offers a job abroad.", "x" * 40_000)
    problem = find(load(write_pack(tmp_path, {"story.yaml": story})), "story.yaml",
                   "too long for one projected screen", severity="warning")
    assert "a word of 40,000 characters without a space" in problem.message
    assert problem.line == 6


@pytest.mark.parametrize(("old", "new", "line", "words"), [
    ("risk: 3", "risk:", 9, "risk is empty: write a degree of the risk scale, from 0 to 3"),
    ("next: harmed", "next:", 12, "next is empty: write the id of the step this choice leads to"),
    ("next: home-safe", "next: home\u2013safe", 16,
     "character 5 is '\u2013', en dash (U+2013), not the plain dash '-'"),
    ("next: home-safe", 'next: "home-safe "', 16,
     "it has a space at its start or end, inside the quotes: remove the space"),
    ("      - text: Check the agency", "      \u2022 text: Check the agency", 13,
     "this line starts with '\u2022', a bullet from Word"),
    ("summary: Aýna", "\ufeffsummary: Aýna", 3, "invisible U+FEFF (zero width no-break space)"),
    ("summary: Aýna gets a message", "summary:Aýna gets a message", 3,
     "write 'summary: Aýna gets a message', not 'summary:Aýna gets a message'"),
    ("feedback: Good.", "feedback: {en:Good}", 15,
     "'en:' needs a space after its colon: write it like this: {en: \"Good\"}"),
    ("title: A job offer", 'title: "A job offer', 2, "this quote is never closed"),
    ("title: A job offer", "title: 'Aýna's job'", 2,
     "the apostrophe inside this single-quoted text ends it early: write title: \"Aýna's job\""),
    ("        risk: 0\n", "          risk: 0\n", 14,
     "indented further than 'text:' above it, so YAML reads it as the rest of that line's "
     "text: line up 'risk:' with 'text:'"),
    ("        risk: 0\n", "       risk: 0\n", 14,
     "indented less than 'text:' above it: line up 'risk:' with 'text:'"),
    ("  home-safe:\n    text: Safe at home.\n    outcome: safe\n", "  home-safe:\n", 17,
     "step 'home-safe': the step is empty: write its text"),
    ("signs: [passport-kept]", "signs: passport-kept, other", 10,
     "not 'passport-kept, other': write [passport-kept, other]"),
])
def test_a_facilitators_slip_is_named_at_its_line(
        tmp_path: Path, old: str, new: str, line: int, words: str) -> None:
    story = STORY_YAML.replace(old, new, 1)
    result = load(write_pack(tmp_path, {"story.yaml": story}))
    problem = find(result, "story.yaml", words, severity="error")
    assert problem.line == line
    assert "did you mean" not in problem.message


def test_a_windows_ansi_file_says_how_to_save_it(tmp_path: Path) -> None:
    raw = STORY_YAML.encode("cp1252")
    problem = find(load(write_pack(tmp_path, {"story.yaml": raw})), "story.yaml",
                   "not UTF-8", '"ANSI"')
    assert (problem.line, problem.col) == (3, 11)


def test_a_pack_yml_is_named_in_the_missing_pack_yaml_error(tmp_path: Path) -> None:
    from tests.packtools import PACK_YAML as pack
    result = load(write_pack(tmp_path, {"pack.yaml": None, "pack.yml": pack}))
    find(result, "pack.yaml", "no pack.yaml", "(pack.yml is not read: rename it to pack.yaml)")


def test_a_misnamed_glossary_is_named_where_its_signs_are_missed(tmp_path: Path) -> None:
    result = load(write_pack(tmp_path, {"warning-signs.yaml": None,
                                        "Warning-Signs.YAML": SIGNS_YAML}))
    problem = find(result, "story.yaml", "warning sign 'passport-kept' is not in")
    assert problem.message.endswith("(Warning-Signs.YAML is not read: rename it to "
                                    "warning-signs.yaml)")


@pytest.mark.parametrize(("typed", "meant"), [("Summary", "summary"), ("sumary", "summary")])
def test_a_mistyped_required_key_is_one_error_not_two(tmp_path: Path, typed: str,
                                                      meant: str) -> None:
    story = STORY_YAML.replace("summary:", f"{typed}:")
    result = load(write_pack(tmp_path, {"story.yaml": story}))
    problems = [p for p in result.problems if p.path == "pack/story.yaml"]
    assert [p.format() for p in problems] == [
        f"pack/story.yaml:3:1: error: unknown key '{typed}' (did you mean '{meant}'?)"]


@pytest.mark.parametrize(("raw", "what"), [
    (b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "a Word document (or another zip file)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Word document (.doc)"),
    (b"{\\rtf1\\ansi\\deff0 kind: story}", "rich text (RTF, as WordPad and TextEdit save it)"),
])
def test_a_document_saved_under_a_yaml_name_says_to_save_plain_text(
        tmp_path: Path, raw: bytes, what: str) -> None:
    result = load(write_pack(tmp_path, {"story.yaml": raw, "other.yaml": STORY_YAML}))
    problem = find(result, "story.yaml")
    assert problem.format() == (
        f"pack/story.yaml:1:1: error: the file is {what}, not plain text: open it in the word "
        "processor and save it as plain text (.txt, UTF-8), then rename it to end in .yaml")
    assert result.pack is not None and list(result.pack.scenarios) == ["other"]


def test_notepad_unicode_big_endian_is_utf16_too(tmp_path: Path) -> None:
    raw = "\ufeff".encode("utf-16-be") + STORY_YAML.encode("utf-16-be")
    find(load(write_pack(tmp_path, {"story.yaml": raw})), "story.yaml", "saved as UTF-16")


def test_a_risk_written_as_its_label_says_which_number_to_write(tmp_path: Path) -> None:
    pack = TWO_LANGS.replace("label: Danger", "label: {en: Danger, ru: Опасно}")
    story = STORY_YAML.replace("risk: 3", "risk: опасно").replace("risk: 0", "risk: Safe")
    result = load(write_pack(tmp_path, {"pack.yaml": pack, "story.yaml": story}))
    first = find(result, "story.yaml", "risk 'опасно' is the label of a degree")
    assert first.format() == ("pack/story.yaml:9:15: error: step 'offer', choice 1: risk "
                              "'опасно' is the label of a degree: write its number, risk: 3")
    second = find(result, "story.yaml", "risk 'Safe' is the label of a degree")
    assert second.message.endswith("write its number, risk: 0") and second.line == 14
