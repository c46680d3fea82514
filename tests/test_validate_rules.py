"""Every rule of scenario-format.md: a broken pack, the file, line and words a facilitator sees."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from game.cli import main
from tests.packtools import STORY_YAML, find, load, write_pack

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "tests" / "packs" / "format-example"


def test_the_format_documents_example_pack_loads_without_a_warning() -> None:
    result = load(EXAMPLE)
    assert result.problems == []
    assert result.pack is not None
    assert list(result.pack.scenarios) == ["job-offer-istanbul", "safe-or-risky"]


def test_a_one_language_pack_of_plain_strings_loads_without_a_warning(tmp_path: Path) -> None:
    result = load(write_pack(tmp_path, {}))
    assert result.problems == []
    assert result.pack is not None and "story" in result.pack.scenarios


# ------------------------------------------------------------------ files


def test_yaml_that_does_not_parse_names_line_and_column(tmp_path: Path) -> None:
    story = STORY_YAML.replace("title: A job offer", "title: Work: good pay")
    result = load(write_pack(tmp_path, {"story.yaml": story}))
    problem = find(result, "story.yaml", "YAML syntax", "quotes")
    assert (problem.line, problem.col) == (2, 12)
    assert result.pack is not None and "story" in result.pack.left_out


def test_a_file_that_is_not_utf8_names_the_line_of_the_bad_byte(tmp_path: Path) -> None:
    story = STORY_YAML.replace("Aýna", "A\xfdna").encode("latin-1")
    problem = find(load(write_pack(tmp_path, {"story.yaml": story})), "story.yaml", "UTF-8")
    assert problem.line == 3


def test_an_empty_file_is_an_error(tmp_path: Path) -> None:
    find(load(write_pack(tmp_path, {"story.yaml": "\n  \n"})), "story.yaml", "empty")


def test_a_missing_pack_yaml_is_an_error_and_no_pack_loads(tmp_path: Path) -> None:
    result = load(write_pack(tmp_path, {"pack.yaml": None}))
    find(result, "pack.yaml", "no pack.yaml")
    assert result.pack is None


def test_a_file_over_one_mebibyte_is_refused(tmp_path: Path) -> None:
    big = STORY_YAML + "# " + "x" * (1 << 20) + "\n"
    find(load(write_pack(tmp_path, {"story.yaml": big})), "story.yaml", "1 MiB")


# ------------------------------------------------------------------ keys and types


def test_a_missing_required_key_is_named(tmp_path: Path) -> None:
    story = STORY_YAML.replace("summary: Aýna gets a message\n", "")
    problem = find(load(write_pack(tmp_path, {"story.yaml": story})), "story.yaml",
                   "missing required key 'summary'")
    assert problem.line == 1


def test_an_unknown_key_suggests_the_close_one_at_its_line(tmp_path: Path) -> None:
    story = STORY_YAML.replace("        feedback: Good.", "        feedbak: Good.")
    problem = find(load(write_pack(tmp_path, {"story.yaml": story})), "story.yaml",
                   "step 'offer', choice 2", "unknown key 'feedbak'", "did you mean 'feedback'?")
    assert (problem.line, problem.col) == (15, 9)


def test_a_value_of_the_wrong_type_is_explained(tmp_path: Path) -> None:
    story = STORY_YAML.replace("risk: 3", "risk: high")
    problem = find(load(write_pack(tmp_path, {"story.yaml": story})), "story.yaml",
                   "step 'offer', choice 1", "risk should be a whole number", "0 to 3", "'high'")
    assert problem.line == 9


def test_a_duplicate_key_is_reported_at_the_second_one(tmp_path: Path) -> None:
    story = STORY_YAML.replace("summary: Aýna gets a message\n",
                               "summary: Aýna gets a message\nsummary: again\n")
    problem = find(load(write_pack(tmp_path, {"story.yaml": story})), "story.yaml",
                   "'summary' appears twice", "first on line 3")
    assert problem.line == 4


def test_merge_keys_are_not_part_of_the_format(tmp_path: Path) -> None:
    story = STORY_YAML.replace("  home-safe:\n    text: Safe at home.\n",
                               "  home-safe:\n    <<: {text: Safe at home.}\n    text: Safe.\n")
    problem = find(load(write_pack(tmp_path, {"story.yaml": story})), "story.yaml",
                   "merge keys (<<)")
    assert problem.line == 18


def test_kind_must_be_story_or_cards(tmp_path: Path) -> None:
    story = STORY_YAML.replace("kind: story", "kind: storry")
    problem = find(load(write_pack(tmp_path, {"story.yaml": story})), "story.yaml",
                   "kind 'storry'", "did you mean 'story'?")
    assert problem.line == 1


def test_words_like_no_and_numbers_like_02_stay_as_written(tmp_path: Path) -> None:
    pack = """\
    title: no
    languages: [en]
    risk_scale: [{label: yes}, {label: off}, {label: "on"}]
    help:
      - name: Police
        contact: 02
    """
    result = load(write_pack(tmp_path, {"pack.yaml": pack, "story.yaml": STORY_YAML.replace(
        "risk: 3", "risk: 2")}))
    assert result.pack is not None, [p.format() for p in result.problems]
    info = result.pack.info
    assert info.title.root == "no"
    assert [d.label.root for d in info.risk_scale] == ["yes", "off", "on"]
    assert info.help[0].contact == "02"


# ------------------------------------------------------------------ references and ids


def test_a_next_that_names_nothing_reads_as_in_the_format_document(tmp_path: Path) -> None:
    story = STORY_YAML.replace("next: home-safe", "next: home-saf")
    problem = find(load(write_pack(tmp_path, {"story.yaml": story})), "story.yaml")
    assert problem.format() == (
        "pack/story.yaml:16:15: error: step 'offer', choice 2: next 'home-saf' is not a step "
        "of this story (did you mean 'home-safe'?)")


def test_a_start_that_names_nothing_is_an_error(tmp_path: Path) -> None:
    story = STORY_YAML.replace("steps:\n", "start: ofer\nsteps:\n", 1)
    problem = find(load(write_pack(tmp_path, {"story.yaml": story})), "story.yaml",
                   "start 'ofer' is not a step", "did you mean 'offer'?")
    assert problem.line == 4


def test_a_scenarios_entry_that_names_nothing_is_an_error(tmp_path: Path) -> None:
    pack = "title: T\nlanguages: [en]\nrisk_scale: [{label: a}, {label: b}, {label: c}, " \
           "{label: d}]\nscenarios: [story, stroy-two]\n"
    problem = find(load(write_pack(tmp_path, {"pack.yaml": pack})), "pack.yaml",
                   "'stroy-two' names no scenario file")
    assert problem.line == 4


def test_a_sign_that_names_nothing_suggests_the_close_one(tmp_path: Path) -> None:
    story = STORY_YAML.replace("signs: [passport-kept]", "signs: [pasport-kept]")
    problem = find(load(write_pack(tmp_path, {"story.yaml": story})), "story.yaml",
                   "warning sign 'pasport-kept' is not in warning-signs.yaml",
                   "did you mean 'passport-kept'?")
    assert (problem.line, problem.col) == (10, 17)


@pytest.mark.parametrize("bad_id", ["Home_Safe", "home--safe", "-home"])
def test_a_step_id_that_is_not_kebab_case_is_an_error(tmp_path: Path, bad_id: str) -> None:
    story = STORY_YAML.replace("  home-safe:", f"  {bad_id}:").replace(
        "next: home-safe", f"next: {bad_id}")
    problem = find(load(write_pack(tmp_path, {"story.yaml": story})), "story.yaml",
                   f"step id '{bad_id}' is not valid")
    assert problem.line == 17


def test_a_scenario_file_name_that_is_not_an_id_is_an_error(tmp_path: Path) -> None:
    result = load(write_pack(tmp_path, {"My Story.yaml": STORY_YAML}))
    find(result, "My Story.yaml", "not a valid scenario id")
    assert result.pack is not None and "My Story" not in result.pack.scenarios


def test_a_warning_sign_id_that_is_not_kebab_case_is_an_error(tmp_path: Path) -> None:
    signs = "Passport_Kept:\n  title: t\n  explanation: e\n  advice: a\n"
    problem = find(load(write_pack(tmp_path, {"warning-signs.yaml": signs})),
                   "warning-signs.yaml", "warning sign id 'Passport_Kept' is not valid")
    assert problem.line == 1


# ------------------------------------------------------------------ the scale and counts


def test_a_risk_outside_the_scale_names_the_scale(tmp_path: Path) -> None:
    story = STORY_YAML.replace("risk: 3", "risk: 4")
    problem = find(load(write_pack(tmp_path, {"story.yaml": story})), "story.yaml",
                   "step 'offer', choice 1: risk 4 is outside", "0 (Safe) to 3 (Danger)")
    assert problem.line == 9


@pytest.mark.parametrize("degrees", [2, 8])
def test_a_scale_needs_three_to_seven_degrees(tmp_path: Path, degrees: int) -> None:
    scale = "".join(f"  - label: D{i}\n" for i in range(degrees))
    pack = f"title: T\nlanguages: [en]\nrisk_scale:\n{scale}"
    result = load(write_pack(tmp_path, {"pack.yaml": pack}))
    problem = find(result, "pack.yaml", "3 to 7 degrees", f"has {degrees}")
    assert problem.line == 4
    assert result.pack is None


def test_a_step_needs_two_to_four_choices(tmp_path: Path) -> None:
    one = STORY_YAML.replace("""      - text: Check the agency
        risk: 0
        feedback: Good.
        next: home-safe
""", "")
    problem = find(load(write_pack(tmp_path, {"story.yaml": one})), "story.yaml",
                   "step 'offer'", "2 to 4 choices", "has 1")
    assert problem.line == 8
    choice = "      - text: Wait\n        risk: 0\n        feedback: ok\n        next: home-safe\n"
    five = STORY_YAML.replace("  home-safe:\n", choice * 3 + "  home-safe:\n", 1)
    find(load(write_pack(tmp_path / "five", {"story.yaml": five})), "story.yaml",
         "2 to 4 choices", "has 5")


def test_a_deck_without_cards_is_an_error(tmp_path: Path) -> None:
    deck = "kind: cards\ntitle: Deck\nsummary: s\ncards: []\n"
    problem = find(load(write_pack(tmp_path, {"deck.yaml": deck})), "deck.yaml",
                   "at least one card")
    assert problem.line == 4


# ------------------------------------------------------------------ the story graph


def test_a_loop_of_steps_is_an_error_at_the_next_that_closes_it(tmp_path: Path) -> None:
    story = STORY_YAML.replace("next: harmed", "next: offer")
    result = load(write_pack(tmp_path, {"story.yaml": story}))
    problem = find(result, "story.yaml", "leads back to an earlier step", "loop")
    assert problem.line == 12


def test_a_step_that_can_never_reach_an_ending_is_an_error(tmp_path: Path) -> None:
    story = STORY_YAML.replace("next: harmed", "next: trap").replace(
        "  home-safe:\n", """  trap:
    text: A trap.
    choices:
      - {text: a, risk: 3, feedback: f, next: trap2}
      - {text: b, risk: 3, feedback: f, next: trap2}
  trap2:
    text: Another.
    choices:
      - {text: a, risk: 3, feedback: f, next: trap}
      - {text: b, risk: 3, feedback: f, next: trap}
  home-safe:
""")
    result = load(write_pack(tmp_path, {"story.yaml": story}))
    problem = find(result, "story.yaml", "step 'trap' can never reach an ending")
    assert problem.line == 17


def test_an_ending_needs_an_outcome(tmp_path: Path) -> None:
    story = STORY_YAML.replace("    outcome: safe\n", "")
    problem = find(load(write_pack(tmp_path, {"story.yaml": story})), "story.yaml",
                   "step 'home-safe'", "needs an outcome", "safe, harmed or helped")
    assert problem.line == 17


def test_a_step_with_both_choices_and_an_outcome_is_an_error(tmp_path: Path) -> None:
    story = STORY_YAML.replace("    choices:\n", "    outcome: safe\n    choices:\n", 1)
    problem = find(load(write_pack(tmp_path, {"story.yaml": story})), "story.yaml",
                   "step 'offer'", "either choices or an outcome")
    assert problem.line == 7


def test_an_unknown_outcome_suggests_the_close_one(tmp_path: Path) -> None:
    story = STORY_YAML.replace("outcome: safe", "outcome: saved")
    find(load(write_pack(tmp_path, {"story.yaml": story})), "story.yaml",
         "outcome 'saved' is not one of: safe, harmed, helped", "did you mean 'safe'?")


# ------------------------------------------------------------------ images


def test_an_image_that_does_not_exist_is_an_error(tmp_path: Path) -> None:
    story = STORY_YAML.replace("    text: A stranger offers a job abroad.\n",
                               "    text: A stranger offers a job abroad.\n"
                               "    image: images/phone.png\n")
    problem = find(load(write_pack(tmp_path, {"story.yaml": story})), "story.yaml",
                   "image 'images/phone.png' does not exist")
    assert problem.line == 7


@pytest.mark.parametrize("image", ["../secret.png", "/etc/passwd"])
def test_an_image_outside_the_pack_is_an_error(tmp_path: Path, image: str) -> None:
    (tmp_path / "secret.png").write_bytes(b"x")
    story = STORY_YAML.replace("    text: A stranger offers a job abroad.\n",
                               "    text: A stranger offers a job abroad.\n"
                               f"    image: {image}\n")
    problem = find(load(write_pack(tmp_path / "pack", {"story.yaml": story})), "story.yaml",
                   "outside the pack folder")
    assert problem.line == 7


# ------------------------------------------------------------------ hostile YAML


def test_python_tags_are_refused_and_never_executed(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    story = STORY_YAML.replace(
        "summary: Aýna gets a message",
        f"summary: !!python/object/apply:os.system ['touch {marker}']")
    problem = find(load(write_pack(tmp_path / "pack", {"story.yaml": story})), "story.yaml",
                   "!!python/object/apply:os.system", "refused")
    assert problem.line == 3
    assert not marker.exists()


def test_an_alias_bomb_is_refused_at_the_alias_quickly(tmp_path: Path) -> None:
    levels = ['a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    for i in range(1, 9):
        refs = ", ".join([f"*a{i - 1}"] * 10)
        levels.append(f"a{i}: &a{i} [{refs}]")
    bomb = STORY_YAML + "\n".join(levels) + "\n"
    started = time.perf_counter()
    result = load(write_pack(tmp_path, {"story.yaml": bomb}))
    elapsed = time.perf_counter() - started
    problem = find(result, "story.yaml", "alias", "10,000 values")
    assert problem.line == 26  # a3, the first level whose aliases pass 10,000 values
    assert elapsed < 5  # generous: a bomb expanded by pydantic takes minutes and gigabytes


def test_aliases_for_reuse_are_accepted(tmp_path: Path) -> None:
    story = STORY_YAML.replace("feedback: Good.", "feedback: *good").replace(
        "feedback: Sharing documents gives power away.", "feedback: &good Good.")
    assert load(write_pack(tmp_path, {"story.yaml": story})).problems == []


# ------------------------------------------------------------------ languages


TWO_LANGS = """\
title: {en: T, ru: Т}
languages: [en, ru]
risk_scale:
  - label: {en: Safe, ru: Безопасно}
  - label: {en: Some risk, ru: Риск}
  - label: {en: High risk}
  - label: {en: Danger, ru: Опасно}
"""


def test_a_missing_translation_is_a_warning_worded_as_in_the_format(tmp_path: Path) -> None:
    story = STORY_YAML.replace("title: A job offer", "title: {en: A job offer, ru: Работа}")
    result = load(write_pack(tmp_path, {"pack.yaml": TWO_LANGS, "story.yaml": story}))
    problem = find(result, "pack.yaml", "risk_scale degree 2", severity="warning")
    assert problem.format() == ("pack/pack.yaml:6:12: warning: risk_scale degree 2: no 'ru' "
                                "translation for label (shown in 'en')")
    assert result.pack is not None and "story" in result.pack.scenarios


def test_a_text_without_the_first_language_is_an_error(tmp_path: Path) -> None:
    story = STORY_YAML.replace("title: A job offer", "title: {ru: Работа}")
    problem = find(load(write_pack(tmp_path, {"pack.yaml": TWO_LANGS, "story.yaml": story})),
                   "story.yaml", "no 'en' text for title", severity="error")
    assert problem.line == 2


def test_a_language_not_listed_in_the_pack_is_an_error(tmp_path: Path) -> None:
    story = STORY_YAML.replace("title: A job offer", "title: {en: A job offer, tr: İş}")
    find(load(write_pack(tmp_path, {"story.yaml": story})), "story.yaml",
         "language 'tr' for title is not listed in pack.yaml languages (en)", severity="error")


def test_a_one_line_text_split_by_a_comma_suggests_quotes(tmp_path: Path) -> None:
    story = STORY_YAML.replace("        feedback: Good.",
                               "        feedback: {en: Wait, check first}")
    problem = find(load(write_pack(tmp_path, {"story.yaml": story})), "story.yaml",
                   "a comma split", "check first", "quotes")
    assert problem.line == 15


# ------------------------------------------------------------------ warnings


def test_an_unreachable_step_is_a_warning(tmp_path: Path) -> None:
    story = STORY_YAML + "  lost:\n    text: Nobody comes here.\n    outcome: helped\n"
    problem = find(load(write_pack(tmp_path, {"story.yaml": story})), "story.yaml",
                   "step 'lost' can never be reached", severity="warning")
    assert problem.line == 23


def test_a_warning_sign_never_used_is_a_warning(tmp_path: Path) -> None:
    signs = "unused-sign:\n  title: t\n  explanation: e\n  advice: a\n"
    from tests.packtools import SIGNS_YAML
    result = load(write_pack(tmp_path, {"warning-signs.yaml": SIGNS_YAML + signs}))
    problem = find(result, "warning-signs.yaml", "'unused-sign' is never used",
                   severity="warning")
    assert problem.line == 6


def test_a_scenario_not_listed_in_the_menu_is_a_warning(tmp_path: Path) -> None:
    pack = "title: T\nlanguages: [en]\nrisk_scale: [{label: a}, {label: b}, {label: c}]\n" \
           "scenarios: [story]\n"
    story = STORY_YAML.replace("risk: 3", "risk: 2")
    result = load(write_pack(tmp_path, {"pack.yaml": pack, "story.yaml": story,
                                        "other.yaml": story}))
    find(result, "pack.yaml", "other.yaml is not listed in scenarios", severity="warning")
    assert result.pack is not None and list(result.pack.scenarios) == ["story", "other"]


def test_a_yml_file_is_not_read_and_warned_about(tmp_path: Path) -> None:
    result = load(write_pack(tmp_path, {"extra.yml": STORY_YAML}))
    find(result, "extra.yml", "rename it to extra.yaml", severity="warning")
    assert result.pack is not None and "extra" not in result.pack.scenarios


def test_a_text_too_long_for_a_screen_is_a_warning(tmp_path: Path) -> None:
    long_text = "This situation goes on and on without a break. " * 12
    story = STORY_YAML.replace("A stranger offers a job abroad.", long_text.strip())
    problem = find(load(write_pack(tmp_path, {"story.yaml": story})), "story.yaml",
                   "step 'offer'", "too long for one projected screen", severity="warning")
    assert problem.line == 6


@pytest.mark.parametrize("contact", ['""', "TODO", "'todo: ask'", '"+993 ..."'])
def test_a_placeholder_help_contact_is_a_warning(tmp_path: Path, contact: str) -> None:
    pack = ("title: T\nlanguages: [en]\nrisk_scale: [{label: a}, {label: b}, {label: c}, "
            f"{{label: d}}]\nhelp:\n  - name: Hotline\n    contact: {contact}\n")
    problem = find(load(write_pack(tmp_path, {"pack.yaml": pack})), "pack.yaml",
                   "help contact 1", "placeholder", severity="warning")
    assert problem.line == 6


@pytest.mark.parametrize("contacts", [
    "help:\n  - name: Website\n    contact: https://help.example.org/24\n"
    "  - name: Mail\n    contact: help2024@example.org\n",
    "",
])
def test_a_pack_without_a_help_phone_number_is_a_warning(tmp_path: Path, contacts: str) -> None:
    pack = ("title: T\nlanguages: [en]\nrisk_scale: [{label: a}, {label: b}, {label: c}, "
            "{label: d}]\n" + contacts)
    problem = find(load(write_pack(tmp_path, {"pack.yaml": pack})), "pack.yaml",
                   "help:", "phone number" if contacts else "no help contacts",
                   "people can call", severity="warning")
    assert problem.line == (4 if contacts else 1)


@pytest.mark.parametrize(("contact", "phone"), [
    ("112", True), ("+993 12 000000", True), ("8-800-333-00-00", True),
    ("www.yimer.gov.tr", False), ("https://a.example/1234", False), ("ab12@x.org", False),
])
def test_what_counts_as_a_phone_number(contact: str, phone: bool) -> None:
    from game.core.checks import is_phone_number

    assert is_phone_number(contact) is phone


# ------------------------------------------------------------------ many problems at once


def test_every_problem_of_every_file_is_reported_at_once(tmp_path: Path) -> None:
    broken_a = STORY_YAML.replace("next: home-safe", "next: nowhere").replace(
        "risk: 3", "risk: 9")
    broken_b = STORY_YAML.replace("kind: story", "kind: nope")
    result = load(write_pack(tmp_path, {"a.yaml": broken_a, "b.yaml": broken_b}))
    find(result, "a.yaml", "next 'nowhere'")
    find(result, "a.yaml", "risk 9")
    find(result, "b.yaml", "kind 'nope'")
    assert result.pack is not None
    assert list(result.pack.scenarios) == ["story"]
    assert set(result.pack.left_out) == {"a", "b"}


# ------------------------------------------------------------------ the command


def test_validate_prints_problems_and_a_summary_and_exits_1_on_errors(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    story = STORY_YAML.replace("next: home-safe", "next: home-saf")
    folder = write_pack(tmp_path / "p", {"story.yaml": story})
    assert main(["validate", str(folder)]) == 1
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0].startswith(f"{folder}/story.yaml:16:15: error: step 'offer', choice 2")
    assert lines[-1] == "1 error, 1 warning in 3 files (0 scenarios)"
    assert "step 'home-safe' can never be reached" in lines[1]


def test_validate_exits_0_on_a_valid_pack_and_1_with_strict_warnings(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = write_pack(tmp_path / "p", {"extra.yml": "x: 1\n"})
    assert main(["validate", str(folder)]) == 0
    assert main(["validate", "--strict", str(folder)]) == 1
    assert "1 warning" in capsys.readouterr().out


def test_validate_exits_2_for_a_folder_that_does_not_exist(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(tmp_path / "nope")]) == 2
    assert "no such pack folder" in capsys.readouterr().err


def test_a_character_the_font_cannot_draw_is_a_warning(tmp_path: Path) -> None:
    story = STORY_YAML.replace("title: A job offer", "title: A job offer 工作")
    problem = find(load(write_pack(tmp_path, {"story.yaml": story})), "story.yaml",
                   "font cannot draw", "U+5DE5", severity="warning")
    assert problem.line == 2


def test_the_format_guarantees_lengths_are_never_flagged_in_any_language() -> None:
    from game.core.layout import overflow

    samples = {
        "en": "Your new employer says the visa will follow, asks for a passport photo today, "
              "and offers to pay the ticket if you sign at once without telling your family. ",
        "ru": "Новый работодатель говорит, что визу оформят потом, просит фото паспорта сегодня "
              "и обещает оплатить билет, если ты подпишешь сразу и не скажешь семье. ",
        "tk": "Täze iş beriji wizanyň soňra boljakdygyny aýdýar, şu gün pasportyň suratyny "
              "soraýar we maşgalaňa aýtman derrew gol çekseň, bileti tölejekdigini aýdýar. ",
    }
    limits = {"step_text": 240, "card_text": 240, "choice": 80, "feedback": 300,
              "explanation": 300, "menu_title": 60, "scenario_title": 60}
    for lang, sample in samples.items():
        for slot, limit in limits.items():
            text = (sample * 4)[:limit].rstrip()
            assert overflow(slot, text) == 0, (lang, slot, len(text))


def test_a_tab_in_the_indentation_is_named(tmp_path: Path) -> None:
    story = STORY_YAML.replace("  home-safe:", "\thome-safe:")
    problem = find(load(write_pack(tmp_path, {"story.yaml": story})), "story.yaml",
                   "YAML syntax", "indented with a tab", "spaces")
    assert problem.line == 17
