"""The game's own words exist in every language the default pack offers."""

from __future__ import annotations

import re

from game.ui import wording


def test_every_wording_is_written_in_every_language() -> None:
    english = wording._WORDS["en"]
    for lang, words in wording._WORDS.items():
        missing = sorted({k for k in english if "#" not in k} - set(words))
        assert missing == [], f"{lang} lacks {missing}"


def test_translations_keep_the_placeholders() -> None:
    english = wording._WORDS["en"]
    for lang, words in wording._WORDS.items():
        for key, text in words.items():
            base = english[key.split("#")[0]]
            assert set(re.findall(r"{\w+}", text)) == set(re.findall(r"{\w+}", base)), (
                lang, key)


def test_counts_take_the_plural_of_each_language() -> None:
    assert [wording.say("points", "en", n=n) for n in (1, 2)] == ["1 point", "2 points"]
    assert [wording.say("points", "ru", n=n) for n in (1, 3, 5, 11, 21, 22)] == [
        "1 очко", "3 очка", "5 очков", "11 очков", "21 очко", "22 очка"]
    assert wording.say("points", "tk", n=1) == "1 utuk"
