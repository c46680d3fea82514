"""What a facilitator's disk can hold, and what a reliability trial fed the loader.

Every case is a problem at its file (and line where there is one), never a traceback;
a broken scenario is left out and the rest of the pack plays (issues 9.1, 9.3, 15.6).
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.cli import main
from game.core.pack import load_pack
from game.ui.app import load_for_play
from tests.packtools import STORY_YAML, find, load, write_pack

UNUSED_UID = 61_234  # no account has it: the child can read only what everybody may
IMAGE_LINE = "    text: A stranger offers a job abroad.\n"


def with_image(image: str) -> str:
    """The test story with `image: ...` on line 7, under step 'offer'."""
    return STORY_YAML.replace(IMAGE_LINE, f"{IMAGE_LINE}    image: {image}\n")


# ------------------------------------------------------------------ as a normal user (9.1)


@pytest.fixture
def shared_dir() -> Iterator[Path]:
    """A folder any user may enter (pytest's own tmp folders are private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="dor-perm-"))
    folder.chmod(0o755)
    yield folder
    for path in [folder, *folder.rglob("*")]:
        with contextlib.suppress(OSError):
            path.chmod(0o755)
    shutil.rmtree(folder, ignore_errors=True)


def as_a_normal_user(job: Callable[[], str]) -> str:
    """`job()` run in a forked child that has given up root (when the tests run as root,
    as here), so file permissions apply to it as to a facilitator; its text comes back."""
    # Everything the child runs is imported now: it could not read /root's Python after.
    load_pack(write_pack(Path(tempfile.mkdtemp()), {}), "warm")
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child reports through the pipe
        code = 0
        try:
            os.close(reader)
            if os.geteuid() == 0:
                os.setgroups([])
                os.setgid(UNUSED_UID)
                os.setuid(UNUSED_UID)
            out = job()
        except BaseException as exc:  # the test must see a crash, not a hang
            out = f"CRASH {type(exc).__name__}: {exc}"
            code = 1
        os.write(writer, out.encode("utf-8", "replace"))
        os._exit(code)
    os.close(writer)
    chunks = []
    while chunk := os.read(reader, 65536):
        chunks.append(chunk)
    os.close(reader)
    os.waitpid(pid, 0)
    return b"".join(chunks).decode("utf-8")


def validate_output(folder: Path) -> Callable[[], str]:
    def job() -> str:
        out = io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
            code = main(["validate", str(folder)])
        return f"exit {code}\n{out.getvalue()}"
    return job


def play_loading(folder: Path) -> Callable[[], str]:
    def job() -> str:
        pack, _folder, _shown, problems = load_for_play(str(folder))
        left_out = {sid: [p.format() for p in why] for sid, why in pack.left_out.items()} \
            if pack is not None else None
        playing = list(pack.scenarios) if pack is not None else None
        return f"playing {playing}\nleft out {left_out}\n" + "\n".join(problems)
    return job


def test_an_unreadable_pack_folder_is_a_problem_for_validate_and_the_game(
        shared_dir: Path) -> None:
    folder = write_pack(shared_dir / "pack", {})
    folder.chmod(0o000)
    said = as_a_normal_user(validate_output(folder))
    assert "CRASH" not in said and "Traceback" not in said
    assert said.splitlines()[0] == "exit 1"
    assert f"{folder}: error: cannot read the pack folder: permission denied" in said
    played = as_a_normal_user(play_loading(folder))
    assert played.splitlines()[0] == "playing None"
    assert f"{folder}: error: cannot read the pack folder: permission denied" in played


def test_a_pack_inside_a_folder_nobody_may_open_is_a_problem(shared_dir: Path) -> None:
    folder = write_pack(shared_dir / "closed" / "pack", {})
    (shared_dir / "closed").chmod(0o000)
    said = as_a_normal_user(validate_output(folder))
    assert said.splitlines()[0] == "exit 1"
    assert "cannot read the pack folder: permission denied" in said


def test_an_unreadable_scenario_file_leaves_only_that_scenario_out(shared_dir: Path) -> None:
    folder = write_pack(shared_dir / "pack", {"other.yaml": STORY_YAML})
    (folder / "story.yaml").chmod(0o000)
    said = as_a_normal_user(validate_output(folder))
    assert said.splitlines()[0] == "exit 1"
    assert (f"{folder}/story.yaml: error: cannot read the file: permission denied (ask whoever "
            "set up this computer") in said
    played = as_a_normal_user(play_loading(folder))
    assert played.splitlines()[0] == "playing ['other']"
    assert "'story': [" in played and "cannot read the file: permission denied" in played


def test_an_unreadable_images_folder_is_a_problem_at_the_image_line(shared_dir: Path) -> None:
    folder = write_pack(shared_dir / "pack", {"story.yaml": with_image("images/phone.png"),
                                              "images/phone.png": b"\x89PNG",
                                              "other.yaml": STORY_YAML})
    (folder / "images").chmod(0o000)
    said = as_a_normal_user(validate_output(folder))
    assert said.splitlines()[0] == "exit 1"
    assert (f"{folder}/story.yaml:7:12: error: step 'offer': image 'images/phone.png' cannot "
            "read it: permission denied") in said
    played = as_a_normal_user(play_loading(folder))
    assert played.splitlines()[0] == "playing ['other']"


# ------------------------------------------------------------------ names and odd files (9.3)


@pytest.mark.parametrize(("name", "words"), [
    ("quick-check.YAML", "ends in .yaml, in lower-case letters (rename it to quick-check.yaml)"),
    ("quick-check.Yaml", "(rename it to quick-check.yaml)"),
    ("quick-check.YML", "only .yaml files (rename it to quick-check.yaml)"),
    ("quick-check.yaml.txt", "ends in .txt (Windows may hide"),
])
def test_a_scenario_under_an_unusual_name_is_named_in_a_warning(
        tmp_path: Path, name: str, words: str) -> None:
    result = load(write_pack(tmp_path, {name: STORY_YAML}))
    problem = find(result, name, f"{name} is not read", words, severity="warning")
    assert problem.format().startswith(f"pack/{name}: warning: ")
    assert result.pack is not None and list(result.pack.scenarios) == ["story"]


def test_validate_strict_fails_on_an_upper_case_extension(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = write_pack(tmp_path / "p", {"deck.YAML": STORY_YAML})
    assert main(["validate", "--strict", str(folder)]) == 1
    assert "deck.YAML is not read" in capsys.readouterr().out


def test_a_folder_and_a_pipe_named_yaml_are_warned_about_and_never_read(tmp_path: Path) -> None:
    folder = write_pack(tmp_path, {"folder.yaml/inside.txt": "x"})
    os.mkfifo(folder / "pipe.yaml")  # reading it would block for ever
    result = load(folder)
    find(result, "folder.yaml", "folder.yaml is a folder, not a file, so it is not read",
         severity="warning")
    find(result, "pipe.yaml", "pipe.yaml is a pipe, not a file", severity="warning")
    assert result.pack is not None and list(result.pack.scenarios) == ["story"]


def test_a_pack_yaml_that_is_a_folder_is_no_pack_yaml(tmp_path: Path) -> None:
    folder = write_pack(tmp_path, {"pack.yaml": None, "pack.yaml/x": "x"})
    result = load(folder)
    find(result, "pack.yaml", "no pack.yaml", severity="error")
    assert result.pack is None


def test_a_link_leading_out_of_the_pack_is_refused_like_a_picture(tmp_path: Path) -> None:
    (tmp_path / "elsewhere.yaml").write_text(STORY_YAML, encoding="utf-8")
    folder = write_pack(tmp_path / "pack", {})
    (folder / "outside.yaml").symlink_to(tmp_path / "elsewhere.yaml")
    (folder / "inside.yaml").symlink_to("story.yaml")
    result = load(folder)
    problem = find(result, "outside.yaml", "a link to a file outside the pack folder",
                   "copy the file into the pack", severity="error")
    assert problem.line == 0
    assert result.pack is not None
    assert list(result.pack.scenarios) == ["inside", "story"]
    assert "outside" in result.pack.left_out


def test_a_warning_signs_link_out_of_the_pack_is_not_read(tmp_path: Path) -> None:
    (tmp_path / "secret.yaml").write_text("x: 1\n", encoding="utf-8")
    folder = write_pack(tmp_path / "pack", {"warning-signs.yaml": None})
    (folder / "warning-signs.yaml").symlink_to(tmp_path / "secret.yaml")
    result = load(folder)
    find(result, "warning-signs.yaml", "outside the pack folder", severity="error")
    assert not any("'x'" in p.message for p in result.problems)


def test_a_link_loop_and_a_dangling_link_are_errors(tmp_path: Path) -> None:
    folder = write_pack(tmp_path, {})
    (folder / "loop.yaml").symlink_to("loop.yaml")
    (folder / "gone.yaml").symlink_to("nothing-here.yaml")
    result = load(folder)
    find(result, "loop.yaml", "a link that leads round in a loop", severity="error")
    find(result, "gone.yaml", "a link to a file that does not exist", severity="error")
    assert result.pack is not None and list(result.pack.scenarios) == ["story"]


# ------------------------------------------------------------------ hostile scenarios (15.6)


def _only_this_one_left_out(folder: Path, bad: str = "bad") -> None:
    result = load(folder)
    assert result.pack is not None
    assert list(result.pack.scenarios) == ["story"]
    assert list(result.pack.left_out) == [bad]


def test_yaml_nested_499_deep_in_a_small_file_is_a_problem_at_its_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    deep = STORY_YAML + "questions: " + "[" * 499 + "]" * 499 + "\n"
    assert len(deep) < 2048
    folder = write_pack(tmp_path / "p", {"bad.yaml": deep})
    result = load_pack(folder, "pack")
    problem = find(result, "bad.yaml", "nested more than 100 levels deep")
    assert (problem.line, problem.col) == (23, 111)
    _only_this_one_left_out(folder)
    assert main(["validate", str(folder)]) == 1
    assert "bad.yaml:23:111: error: values are nested" in capsys.readouterr().out


def test_an_image_path_with_a_nul_is_a_problem_at_its_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = write_pack(tmp_path / "p", {"bad.yaml": with_image('"images/a\\0.png"')})
    problem = find(load(folder), "bad.yaml", "invisible control character U+0000 (NUL)")
    assert (problem.line, problem.col) == (7, 12)
    assert "\x00" not in problem.format()  # shown as a visible replacement character
    _only_this_one_left_out(folder)
    assert main(["validate", str(folder)]) == 1
    assert "bad.yaml:7:12: error: step 'offer': image 'images/a\ufffd.png'" in \
        capsys.readouterr().out


def test_an_image_name_of_5000_characters_is_a_problem_not_an_os_error(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = write_pack(tmp_path / "p", {"bad.yaml": with_image("images/" + "a" * 5000 + ".png")})
    problem = find(load(folder), "bad.yaml", "a name of 5,004 bytes", "at most 255")
    assert (problem.line, problem.col) == (7, 12)
    assert len(problem.message) < 300  # the name is shortened in the message
    _only_this_one_left_out(folder)
    assert main(["validate", str(folder)]) == 1


def test_an_image_path_too_long_for_the_file_system_is_a_problem(tmp_path: Path) -> None:
    folder = write_pack(tmp_path, {"bad.yaml": with_image("/".join(["abcdefgh"] * 700))})
    problem = find(load(folder), "bad.yaml", "a path too long for the file system")
    assert problem.line == 7
    _only_this_one_left_out(folder)


def test_an_image_symlink_loop_is_a_problem_at_its_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = write_pack(tmp_path / "p", {"bad.yaml": with_image("images/loop.png"),
                                         "images/real.png": b"\x89PNG"})
    (folder / "images" / "loop.png").symlink_to("loop.png")
    problem = find(load(folder), "bad.yaml", "image 'images/loop.png' is a link that leads round "
                   "in a loop")
    assert (problem.line, problem.col) == (7, 12)
    _only_this_one_left_out(folder)
    assert main(["validate", str(folder)]) == 1


def test_a_windows_backslash_in_an_image_path_says_to_write_a_slash(tmp_path: Path) -> None:
    folder = write_pack(tmp_path, {"bad.yaml": with_image("images\\advert.png"),
                                   "images/advert.png": b"\x89PNG"})
    problem = find(load(folder), "bad.yaml")
    assert problem.format() == (
        "pack/bad.yaml:7:12: error: step 'offer': image 'images\\advert.png' uses backslashes, "
        "as Windows writes paths; write it with forward slashes: images/advert.png")


# ------------------------------------------------------------------ no quadratic work (15.9)


def test_an_unbroken_word_is_cut_measuring_each_character_a_few_times() -> None:
    from game.core.fitting import count_lines, wrap

    measured = 0

    def measure(text: str) -> float:
        nonlocal measured
        measured += len(text)
        return 10.0 * len(text)

    for size in (10_000, 40_000):
        measured = 0
        lines = wrap("x" * size, measure, 300)
        assert lines[0] == "x" * 30 and len(lines) == size // 30 + (size % 30 > 0)
        assert "".join(lines) == "x" * size
        # Measuring the rest of the word for every line, as before, was size² / 60.
        assert measured < 12 * size
        measured = 0
        assert count_lines("x" * size, measure, 300) == len(lines)
        assert measured < 12 * size


def test_twenty_thousand_broken_steps_are_each_reported_at_their_own_line(
        tmp_path: Path) -> None:
    story = "kind: story\ntitle: t\nsummary: s\nsteps:\n" + "".join(
        f"  s{i}: x\n" for i in range(20_000))
    result = load(write_pack(tmp_path, {"story.yaml": story}))
    errors = [p for p in result.problems if p.path == "pack/story.yaml"]
    assert len(errors) == 20_000
    assert [p.line for p in errors] == list(range(5, 20_005))
    assert errors[-1].message == "step 's19999': s19999 should be a mapping (key: value lines), " \
        "not 'x'"


def test_suggestions_stop_when_their_budget_is_spent_but_errors_do_not() -> None:
    from game.core.wording import Suggester

    suggest = Suggester([f"step-{i}" for i in range(100)], budget=250)
    assert suggest("step-1x") == " (did you mean 'step-1'?)"
    assert suggest("step-2x") == " (did you mean 'step-2'?)"
    assert suggest("step-3x") == ""  # 300 comparisons would pass the budget of 250
    assert suggest("step-1x") == " (did you mean 'step-1'?)"  # said once, remembered
    assert suggest("h\u043eme") .startswith(" (character 2 is '\u043e'")


# ------------------------------------------------------------------ names and consoles


def test_a_file_name_that_is_not_utf8_is_named_and_drawable(tmp_path: Path) -> None:
    folder = write_pack(tmp_path, {})
    os.symlink("story.yaml", os.path.join(os.fsencode(folder), b"\xd0\xa1\xff.yaml"))
    result = load(folder)
    problem = find(result, "\u0421\ufffd.yaml", "not a valid scenario id",
                   "bytes that are not UTF-8 text")
    problem.format().encode("utf-8")  # no lone surrogate left: a terminal and pygame take it
    assert result.pack is not None
    assert list(result.pack.left_out) == ["\u0421\ufffd"]


def test_validate_prints_on_a_console_that_cannot_show_cyrillic(tmp_path: Path) -> None:
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[1]
    folder = write_pack(tmp_path / "p", {"история.yaml": STORY_YAML})
    done = subprocess.run([sys.executable, "main.py", "validate", str(folder)], cwd=root,
                          capture_output=True, text=True, encoding="ascii", errors="strict",
                          env=dict(os.environ, PYTHONIOENCODING="ascii:strict",
                                   PYTHONPATH=str(root)))
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert f"{folder}/???????.yaml:1:1: error: the file name '???????.yaml'" in done.stdout
    assert done.stdout.strip().splitlines()[-1] == "1 error, 0 warnings in 4 files (1 scenario)"


def test_a_read_that_fails_in_the_os_is_a_problem(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    folder = write_pack(tmp_path, {"other.yaml": STORY_YAML})
    real = Path.read_bytes

    def failing(self: Path) -> bytes:
        if self.name == "story.yaml":
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", failing)
    result = load(folder)
    problem = find(result, "story.yaml", "cannot read the file: input/output error")
    assert problem.format() == "pack/story.yaml: error: cannot read the file: input/output error"
    assert result.pack is not None and list(result.pack.scenarios) == ["other"]


def test_scenarios_in_a_folder_inside_the_pack_are_warned_about(tmp_path: Path) -> None:
    folder = write_pack(tmp_path, {"stories/one.yaml": STORY_YAML, "stories/two.yaml": STORY_YAML,
                                   "images/notes.yaml": "x: 1\n"})
    result = load(folder)
    problem = find(result, "stories", "the folder stories holds 2 .yaml files, which the game "
                   "does not read", "(move them there)", severity="warning")
    assert problem.format().startswith("pack/stories: warning: ")
    assert not any(p.path == "pack/images" for p in result.problems)


@given(word=st.text(alphabet="ilmwx", min_size=1, max_size=300), width=st.integers(5, 200))
@settings(max_examples=200, deadline=None)
def test_an_unbroken_word_is_cut_into_the_longest_pieces_that_fit(word: str, width: int) -> None:
    from game.core.fitting import wrap

    def measure(text: str) -> float:
        return float(sum(7 if c in "il" else 13 for c in text))

    lines = wrap(word, measure, width)
    assert "".join(lines) == word
    for line, after in zip(lines, [*lines[1:], ""]):
        assert measure(line) <= width or len(line) == 1
        if after:
            assert measure(line + after[0]) > width  # nothing more would have fitted


def test_a_control_character_in_a_file_name_is_shown_visibly(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = write_pack(tmp_path / "p", {"story\x07.yaml": STORY_YAML})
    assert main(["validate", str(folder)]) == 1
    out = capsys.readouterr().out
    assert "\x07" not in out
    assert f"{folder}/story\ufffd.yaml:1:1: error: the file name 'story\ufffd.yaml' is not a " \
           "valid scenario id" in out
    assert "(rename it to story-2.yaml)" in out  # story.yaml is taken
