"""Printed documents (report, handout, guide): Jinja2 templates and one stylesheet.

The templates escape every value by default (autoescape), so a pack's or a team's
text can never become markup. An association restyles the documents without
Python: a `templates/` folder in the pack, or in the data folder, with its own
`style.css` (or any template) is used instead of the built-in file of that name.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2

from game.core.catalogue import language_name, say

TEMPLATES = Path(__file__).with_name("templates")
OVERRIDE_FOLDER = "templates"


def template_folders(pack_folder: Path | None = None,
                     data_dir: Path | None = None) -> list[Path]:
    """Where templates are looked for, the first that has a file wins: the pack's
    `templates/`, the data folder's `templates/`, then the built-in ones."""
    folders = [base / OVERRIDE_FOLDER for base in (pack_folder, data_dir) if base is not None]
    return [f for f in folders if f.is_dir()] + [TEMPLATES]


@lru_cache(maxsize=8)
def _environment(folders: tuple[Path, ...]) -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(f) for f in folders], encoding="utf-8"),
        autoescape=True, trim_blocks=True, lstrip_blocks=True,
        keep_trailing_newline=True)


def words(section: str, lang: str) -> Callable[..., str]:
    """`t("date")` for templates: the catalogue's `section.date` in `lang`."""

    def t(key: str, **values: object) -> str:
        return say(f"{section}.{key}", lang, **values)

    return t


def render(template: str, lang: str, section: str, *, folders: Sequence[Path] | None = None,
           **context: Any) -> str:
    """Render `template` in `lang`; `t(key)` in it says the catalogue's `section.key`.

    `folders` come from `template_folders` (default: the built-in templates only).
    """
    env = _environment(tuple(folders) if folders else (TEMPLATES,))
    page = env.get_template(template).render(
        lang=lang, t=words(section, lang), say=lambda key, **v: say(key, lang, **v),
        language_name=language_name, **context)
    return page if page.endswith("\n") else page + "\n"


def user_template_folders(pack_folder: Path | None) -> list[Path]:
    """`template_folders` with the user's data folder (where the game keeps sessions)."""
    from game.core.eventlog import default_data_dir  # platformdirs, only when printing

    try:
        data_dir: Path | None = default_data_dir()
    except Exception:  # no home folder to look in: the built-in style will do
        data_dir = None
    return template_folders(pack_folder, data_dir)
