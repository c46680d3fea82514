"""Pictures the game cannot show are refused by `validate`: damaged, not pictures, or bombs.

Every file is built here byte by byte (tests/picturefiles.py); a bomb is only its header,
which is all the validator reads.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from game.cli import main
from game.core.pictures import MAX_SIDE, PictureError, inspect_picture
from tests import picturefiles as files
from tests.packtools import STORY_YAML, find, load, write_pack

WITH_IMAGE = STORY_YAML.replace("    text: A stranger offers a job abroad.\n",
                                "    text: A stranger offers a job abroad.\n"
                                "    image: images/{name}\n")


def pack_with(tmp_path: Path, name: str, content: bytes | None) -> Path:
    """A pack whose first step shows images/`name` (line 7 of story.yaml)."""
    folder = write_pack(tmp_path / "pack", {"story.yaml": WITH_IMAGE.format(name=name)})
    target = folder / "images" / name
    target.parent.mkdir(exist_ok=True)
    if content is None:
        target.mkdir()
    else:
        target.write_bytes(content)
    return folder


@pytest.mark.parametrize(("name", "content", "size"), [
    ("photo.png", files.png(64, 48), (64, 48)),
    ("palette.png", files.png(64, 48, palette=True), (64, 48)),
    ("anim.gif", files.gif(64, 48), (64, 48)),
    ("photo.webp", files.webp(640, 480), (640, 480)),
    ("photo.bmp", files.bmp(64, 48), (64, 48)),
    ("drawing.svg", files.svg("64", "48"), (64, 48)),
    ("drawing2.svg", files.svg(None, "100%", "0 0 300 200"), (300, 200)),
    ("limit.png", files.png(MAX_SIDE, 10, pixels=False), (MAX_SIDE, 10)),
    ("no-screen.gif", files.gif(64, 48)[:6] + bytes(4) + files.gif(64, 48)[10:], (64, 48)),
])
def test_a_picture_the_game_can_show_validates_clean(
        tmp_path: Path, name: str, content: bytes, size: tuple[int, int]) -> None:
    folder = pack_with(tmp_path, name, content)
    assert load(folder).problems == []
    info = inspect_picture(folder / "images" / name)
    assert (info.width, info.height) == size


@pytest.mark.parametrize(("name", "content", "declared"), [
    ("bomb.png", files.png(30000, 30000, pixels=False), "30000×30000"),
    ("bomb.svg", files.svg("30000", "30000"), "30000×30000"),
    ("bomb.gif", files.gif_bomb(), "65535×65535"),
    ("bomb.webp", files.webp(16383, 16383), "16383×16383"),
    ("bomb.bmp", files.bmp(30000, 30000, pixels=False), "30000×30000"),
    ("wide.png", files.png(MAX_SIDE + 1, 10, pixels=False), "4097×10"),
    ("print.svg", files.svg("2000mm", "100mm"), "7559×378"),
])
def test_a_picture_bomb_is_refused_with_its_size_and_the_limit(
        tmp_path: Path, name: str, content: bytes, declared: str) -> None:
    assert len(content) < 200  # the whole bomb: a few bytes that declare gigabytes
    result = load(pack_with(tmp_path, name, content))
    problem = find(result, "story.yaml", f"step 'offer': image 'images/{name}' is {declared} "
                   "pixels, larger than a picture may be (4096×4096 at most")
    assert (problem.line, problem.col, problem.is_error) == (7, 12, True)
    assert result.pack is not None and "story" in result.pack.left_out


def test_the_svg_bomb_says_how_to_fix_an_svg(tmp_path: Path) -> None:
    problem = find(load(pack_with(tmp_path, "bomb.svg", files.svg("30000", "30000"))),
                   "story.yaml", "give its <svg> element a smaller width and height, for "
                   "example 1080×1080 pixels")
    assert problem.line == 7


@pytest.mark.parametrize(("name", "cut"), [
    ("photo.png", files.png(64, 48)), ("photo.bmp", files.bmp(64, 48)),
    ("anim.gif", files.gif(64, 48)[:40]),
])
def test_a_picture_cut_short_is_an_error(tmp_path: Path, name: str, cut: bytes) -> None:
    fmt = {"png": "PNG", "bmp": "BMP", "gif": "GIF"}[name.rsplit(".", 1)[1]]
    short = cut[: len(cut) * 2 // 3] if fmt != "GIF" else cut
    problem = find(load(pack_with(tmp_path, name, short)), "story.yaml",
                   f"image 'images/{name}' is a {fmt} file that is cut short or damaged",
                   "copy or save it again")
    assert problem.line == 7


def test_a_jpeg_cut_short_is_an_error(tmp_path: Path) -> None:
    # A JPEG's pixels follow its start-of-scan segment and end with FF D9.
    header = (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
              b"\xff\xc0\x00\x11\x08\x00\x30\x00\x40\x03\x01\x22\x00\x02\x11\x01\x03\x11\x01"
              b"\xff\xda\x00\x0c\x03\x01\x00\x02\x11\x03\x11\x00\x3f\x00")
    whole = pack_with(tmp_path / "whole", "photo.jpg", header + b"\x12\x34" * 50 + b"\xff\xd9")
    assert inspect_picture(whole / "images" / "photo.jpg").width == 64
    assert load(whole).problems == []
    find(load(pack_with(tmp_path / "cut", "photo.jpg", header + b"\x12\x34" * 50)),
         "story.yaml", "image 'images/photo.jpg' is a JPEG file that is cut short")


def test_a_png_with_a_damaged_byte_fails_its_checksum(tmp_path: Path) -> None:
    damaged = bytearray(files.png(64, 48))
    damaged[60] ^= 0xFF
    find(load(pack_with(tmp_path, "photo.png", bytes(damaged))), "story.yaml",
         "image 'images/photo.png' is a damaged PNG file (a checksum does not match)")


def test_a_text_file_named_png_is_not_a_picture(tmp_path: Path) -> None:
    problem = find(load(pack_with(tmp_path, "advert.png", b"TODO: ask Maral for the photo\n")),
                   "story.yaml", "image 'images/advert.png' is a text file, not a picture "
                   "(it starts with 'TODO: ask Maral for the photo')")
    assert problem.line == 7


@pytest.mark.parametrize(("content", "words"), [
    (b"", "is an empty file, not a picture"),
    (b"II*\x00" + b"\x00" * 60, "is a TIFF picture, which the game does not show: save it as "
     "PNG, JPEG, GIF, WebP, BMP or SVG"),
    (b"Photo: ask Maral\nfor the real one\n", "is a text file, not a picture (it starts with "
     "'Photo: ask Maral'): use a real picture"),
    (bytes(range(256)), "is not a picture the game can show, or it is damaged"),
    (files.svg(None, None), "is an SVG picture that declares no size"),
])
def test_a_file_that_is_not_a_shown_picture_says_what_it_is(
        tmp_path: Path, content: bytes, words: str) -> None:
    find(load(pack_with(tmp_path, "thing.png", content)), "story.yaml",
         f"image 'images/thing.png' {words}")


def test_a_folder_named_like_a_picture_is_an_error(tmp_path: Path) -> None:
    problem = find(load(pack_with(tmp_path, "phone.png", None)), "story.yaml",
                   "image 'images/phone.png' is a folder, not a picture")
    assert problem.line == 7


def test_an_unreadable_picture_is_an_error(tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    folder = pack_with(tmp_path, "photo.png", files.png(8, 8))
    target = folder / "images" / "photo.png"
    real_open = Path.open

    def refuse(self: Path, *args: object, **kwargs: object) -> object:
        if self.name == "photo.png":  # as for a file without read permission (root reads all)
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", refuse)
    assert target.is_file()
    find(load(folder), "story.yaml", "image 'images/photo.png' cannot be read: Permission denied")


def test_a_picture_used_twice_is_reported_at_each_use(tmp_path: Path) -> None:
    story = WITH_IMAGE.format(name="bomb.gif").replace(
        "    text: Safe at home.\n", "    text: Safe at home.\n    image: images/bomb.gif\n")
    folder = pack_with(tmp_path, "bomb.gif", files.gif_bomb())
    (folder / "story.yaml").write_text(story, encoding="utf-8")
    lines = [p.line for p in load(folder).problems if "65535×65535" in p.message]
    assert lines == [7, 20]


def test_validate_prints_the_bomb_with_file_and_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = pack_with(tmp_path, "bomb.png", files.png(30000, 30000, pixels=False))
    assert main(["validate", str(folder)]) == 1
    out = capsys.readouterr().out
    assert f"{folder}/story.yaml:7:12: error: step 'offer': image 'images/bomb.png' is " \
        "30000×30000 pixels" in out


def test_a_gif_frame_larger_than_its_screen_counts(tmp_path: Path) -> None:
    # The screen says 10×10, the one frame 60000 wide: the frame is what decodes.
    data = bytearray(files.gif(10, 10))
    frame = data.index(b"\x2c", 13 + 3 * 128)
    data[frame + 5:frame + 7] = (60000).to_bytes(2, "little")
    (tmp_path / "x.gif").write_bytes(bytes(data))
    with pytest.raises(PictureError, match="60000×10 pixels"):
        inspect_picture(tmp_path / "x.gif")
