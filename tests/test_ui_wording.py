"""The game's own words exist in every language the default pack offers."""

from __future__ import annotations

import re

from game.ui import wording


def test_every_wording_is_written_in_every_language() -> None:
    english = wording._WORDS["en"]
    for lang, words in wording._WORDS.items():
        missing = sorted(set(english) - set(words))
        assert missing == [], f"{lang} lacks {missing}"


def test_translations_keep_the_placeholders() -> None:
    english = wording._WORDS["en"]
    for lang, words in wording._WORDS.items():
        for key, text in words.items():
            assert set(re.findall(r"{\w+}", text)) == set(re.findall(r"{\w+}", english[key])), (
                lang, key)
