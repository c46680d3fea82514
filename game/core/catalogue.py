"""The program's own words (not the pack's): one catalogue, one data file per language.

Every word the game, the report, the handout and the guide say themselves lives in
`game/core/locales/<code>.yaml`. Adding a language is adding one such file: its
plural rules and dates come from the CLDR data in Babel, so no code changes. A
code with a region or script (`uz-Latn`, `pt-BR`) falls back the same way for
every text, the pack's included: `uz-latn` -> `uz` -> English, key by key.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

LOCALES = Path(__file__).with_name("locales")
FALLBACK = "en"


def normalise(lang: str) -> str:
    """`pt_BR`, `PT-br` -> `pt-br`: one spelling of a language code for every lookup."""
    return lang.strip().replace("_", "-").lower()


def fallback_chain(lang: str) -> list[str]:
    """The codes tried for `lang`, most specific first: `uz-Latn-UZ` -> uz-latn-uz, uz-latn, uz.

    English (the catalogue's complete language) is not in the chain: callers add
    their own last resort (English for the program's words, the pack's first
    language for the pack's).
    """
    parts = [p for p in normalise(lang).split("-") if p]
    return ["-".join(parts[:n]) for n in range(len(parts), 0, -1)]


def pick(texts: Mapping[str, str], lang: str, default: str) -> str | None:
    """The text of `texts` (language code -> text) for `lang` by the fallback chain.

    Tried in order: the chain of `lang`, then the chain of `default`. Codes in
    `texts` are compared as `normalise` writes them. None when nothing matches.
    """
    by_code = {normalise(code): text for code, text in texts.items() if text}
    for code in [*fallback_chain(lang), *fallback_chain(default)]:
        if code in by_code:
            return by_code[code]
    return None


class Catalogue:
    """The words of one locales folder, read once per language when first needed."""

    def __init__(self, folder: Path = LOCALES) -> None:
        self.folder = folder
        self._tables: dict[str, dict[str, str]] = {}
        # (key, lang) -> (text, code) for words without a count: screens ask for the same
        # words every frame, so the fallback chain is walked once per word and language.
        self._found: dict[tuple[str, str], tuple[str, str]] = {}

    def languages(self) -> list[str]:
        """The codes of the language files, as written in their names (`en`, `uz-Latn`)."""
        return sorted(p.stem for p in self.folder.glob("*.yaml"))

    def table(self, code: str) -> dict[str, str]:
        """Every key of language `code` (`report.date` for nested keys); {} when no file."""
        key = normalise(code)
        if key not in self._tables:
            self._tables[key] = self._read(key)
        return self._tables[key]

    def _read(self, code: str) -> dict[str, str]:
        files = {normalise(p.stem): p for p in self.folder.glob("*.yaml")}
        path = files.get(code)
        if path is None:
            return {}
        try:
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            # A broken translation must not stop an event: English words are said instead,
            # and tests/test_catalogue.py fails on the broken file.
            return {}
        return flatten(data) if isinstance(data, Mapping) else {}

    def text(self, key: str, lang: str, count: int | None = None) -> tuple[str, str]:
        """The raw text of `key` for `lang` and the code it was found in.

        With a `count`, the plural form `key#one`/`key#few`/... of the language that
        has the key wins over `key`. Raises KeyError when not even English has it.
        """
        if count is None:
            found = self._found.get((key, lang))
            if found is None:
                found = self._found[(key, lang)] = self._lookup(key, lang, None)
            return found
        return self._lookup(key, lang, count)

    def _lookup(self, key: str, lang: str, count: int | None) -> tuple[str, str]:
        for code in [*fallback_chain(lang), FALLBACK]:
            table = self.table(code)
            if count is not None:
                form = table.get(f"{key}#{plural_form(code, count)}")
                if form:
                    return form, code
            if table.get(key):
                return table[key], code
        raise KeyError(f"no wording '{key}' in {self.folder / (FALLBACK + '.yaml')}")

    def say(self, key: str, lang: str, **values: object) -> str:
        """The wording `key` in `lang`, filled with `values` (see `say`)."""
        count = values.get("n")
        number = count if isinstance(count, int) and not isinstance(count, bool) else None
        text, code = self.text(key, lang, number)
        if not values:
            return text
        try:
            return text.format(**values)
        except (KeyError, IndexError, ValueError):
            # A translation with a mistyped {placeholder}: English says it rightly.
            english, _ = self.text(key, FALLBACK, number)
            return english.format(**values) if code != FALLBACK else text



def placeholders(text: str) -> set[str]:
    """The `{names}` a text fills in (ValueError when a brace is not closed)."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def flatten(data: Mapping[Any, Any], prefix: str = "") -> dict[str, str]:
    """Nested sections as dotted keys: {report: {date: x}} -> {"report.date": x}."""
    out: dict[str, str] = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            out |= flatten(value, f"{name}.")
        elif isinstance(value, str):
            out[name] = value
    return out


_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@lru_cache(maxsize=64)
def _babel_locale(code: str) -> Any:
    # Imported here: the first frame never needs CLDR data, only counts and dates do.
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return None


@lru_cache(maxsize=512)
def plural_form(lang: str, n: int) -> str:
    """The CLDR plural category of `n` in `lang`: one, two, few, many or other."""
    for code in fallback_chain(lang):
        locale = _babel_locale(code)
        if locale is not None:
            return str(locale.plural_form(abs(n)))
    return "one" if abs(n) == 1 else "other"


def format_date(day: date, lang: str) -> str:
    """`day` written out in `lang` (`2 December 2026`, `2 декабря 2026 г.`); ISO if unknown."""
    from babel.dates import format_date as babel_date

    for code in [*fallback_chain(lang), FALLBACK]:
        locale = _babel_locale(code)
        if locale is not None:
            return str(babel_date(day, "long", locale=locale))
    return day.isoformat()


def language_in(code: str, lang: str) -> str:
    """Language `code` named in `lang` (`en` in Russian: `английский`); else its own name."""
    own = _babel_locale(normalise(code).split("-")[0])
    for lc in [*fallback_chain(lang), FALLBACK]:
        locale = _babel_locale(lc)
        if locale is not None and own is not None:
            name = own.get_display_name(locale)
            if name:
                return str(name)
    return language_name(code)


def country_name(code: str, lang: str) -> str:
    """An ISO country code's name in `lang` (`tr` -> `Türkiye`, `Турция`); else the code.

    The pack format's own checked names (game/core/countries.py) for the languages they
    are written in; CLDR's (Babel) for any other language.
    """
    from game.core import countries

    if fallback_chain(lang)[-1:] and fallback_chain(lang)[-1] in countries.LANGUAGES:
        return countries.country_name(code, fallback_chain(lang)[-1])
    for lc in [*fallback_chain(lang), FALLBACK]:
        locale = _babel_locale(lc)
        if locale is not None:
            name = locale.territories.get(code.upper())
            if name:
                return str(name)
    return code.upper()


CATALOGUE = Catalogue()


def say(key: str, lang: str, **values: object) -> str:
    """The program's wording `key` in `lang` (by the fallback chain, else English), filled
    with `values`.

    A count `n` picks the language's plural form where one is written (`key#one`,
    `key#few`), so a scoreboard says "1 point" and "2 очка". Nested keys are dotted
    (`report.date`). Raises KeyError for a key that not even English has.
    """
    return CATALOGUE.say(key, lang, **values)


def language_name(lang: str) -> str:
    """A language's own name for itself (`Русский`), from its file; else the code."""
    for code in fallback_chain(lang):
        name = CATALOGUE.table(code).get("language_name")
        if name:
            return name
    return lang
