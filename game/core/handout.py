"""The participant handout: the pack's warning signs and help contacts as an A4 booklet.

Participants take it home, so it is printed large and plain: one section per
warning sign (what it is, why it is dangerous, what to do), then where to get
help. Self-contained HTML, every text from the pack escaped.
"""

from __future__ import annotations

import os
import tempfile
from html import escape
from pathlib import Path

from game.core.model import Text
from game.core.pack import Pack

# The booklet's own words; a language missing here falls back to English.
WORDS: dict[str, dict[str, str]] = {
    "en": {
        "subtitle": "Warning signs of human trafficking and where to get help",
        "intro": "Safe migration is your right. These warning signs help you spot "
                 "trafficking early. Help is free and confidential.",
        "why": "Why it is dangerous",
        "what": "What to do",
        "help": "Where to get help",
    },
    "ru": {
        "subtitle": "Признаки торговли людьми и куда обратиться за помощью",
        "intro": "Безопасная миграция — твоё право. Эти тревожные признаки помогут вовремя "
                 "распознать торговлю людьми. Помощь бесплатна и конфиденциальна.",
        "why": "Почему это опасно",
        "what": "Что делать",
        "help": "Куда обратиться за помощью",
    },
    "tk": {
        "subtitle": "Adam söwdasynyň howp alamatlary we kömegi nireden almaly",
        "intro": "Howpsuz migrasiýa seniň hukugyň. Bu howp alamatlary adam söwdasyny ir "
                 "tanamaga kömek edýär. Kömek mugt we gizlin.",
        "why": "Näme üçin howply",
        "what": "Näme etmeli",
        "help": "Kömegi nireden almaly",
    },
}

STYLE = """
@page { size: A4; margin: 18mm 17mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "Noto Sans", "DejaVu Sans", Arial, Helvetica, sans-serif;
       font-size: 15pt; line-height: 1.45; color: #000; background: #fff;
       max-width: 40em; margin: 2em auto; padding: 0 1em; }
header { border-bottom: 3px solid #000; margin-bottom: 1em; }
h1 { font-size: 26pt; line-height: 1.15; margin: 0 0 .2em; }
.subtitle { font-size: 16pt; margin: 0 0 .6em; }
.intro { font-size: 16pt; font-weight: bold; border-left: 8px solid #000;
         padding: .3em 0 .3em .7em; margin: 0 0 1.2em; }
section.sign { break-inside: avoid; page-break-inside: avoid; margin: 0 0 1.1em;
               padding-bottom: .6em; border-bottom: 1px solid #999; }
h2 { font-size: 19pt; line-height: 1.2; margin: 0 0 .3em; }
h3 { font-size: 13pt; text-transform: uppercase; letter-spacing: .03em;
     margin: .5em 0 .1em; }
p { margin: 0 0 .3em; }
section.help { break-inside: avoid; page-break-inside: avoid; border: 4px solid #000;
               border-radius: 6px; padding: .6em 1em .8em; margin-top: 1.4em; }
section.help h2 { font-size: 22pt; }
.contact { margin: .7em 0 0; }
.contact .name { font-weight: bold; }
.contact .number { font-size: 24pt; font-weight: bold; letter-spacing: .02em;
                   overflow-wrap: anywhere; line-height: 1.2; }
h2, h3 { break-after: avoid; page-break-after: avoid; }
@media print { body { margin: 0; max-width: none; padding: 0; } }
"""


def word(lang: str, key: str) -> str:
    """The booklet's word for `key` in `lang`, else in English."""
    return WORDS.get(lang, {}).get(key) or WORDS["en"][key]


def render_handout(pack: Pack, lang: str) -> str:
    """The booklet of `pack` in `lang` as one HTML page with A4 print styles.

    Every warning sign of the pack, in the order of warning-signs.yaml, then every
    help contact. Texts missing in `lang` fall back to the pack's first language.
    """

    def text(value: Text | None) -> str:
        return escape(pack.text(value, lang))

    title = text(pack.info.title)
    out: list[str] = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(lang)}">',
        '<head><meta charset="utf-8">',
        f"<title>{title}</title>",
        f"<style>{STYLE}</style></head><body>",
        "<header>",
        f"<h1>{title}</h1>",
        f'<p class="subtitle">{escape(word(lang, "subtitle"))}</p>',
        "</header>",
        f'<p class="intro">{escape(word(lang, "intro"))}</p>',
    ]
    for number, sign in enumerate(pack.signs.values(), start=1):
        out += [
            '<section class="sign">',
            f"<h2>{number}. {text(sign.title)}</h2>",
            f"<h3>{escape(word(lang, 'why'))}</h3>",
            f"<p>{text(sign.explanation)}</p>",
            f"<h3>{escape(word(lang, 'what'))}</h3>",
            f"<p>{text(sign.advice)}</p>",
            "</section>",
        ]
    if pack.info.help:
        out += ['<section class="help">', f"<h2>{escape(word(lang, 'help'))}</h2>"]
        for contact in pack.info.help:
            out.append('<div class="contact">')
            out.append(f'<div class="name">{text(contact.name)}</div>')
            out.append(f'<div class="number">{escape(contact.contact)}</div>')
            if contact.note is not None:
                out.append(f'<div class="note">{text(contact.note)}</div>')
            out.append("</div>")
        out.append("</section>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def write_handout(pack: Pack, lang: str, out: Path) -> Path:
    """Write the booklet to `out` (replaced whole, folders created); returns `out`.

    Raises OSError when it cannot be written.
    """
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{out.name}.", dir=out.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(render_handout(pack, lang))
        os.replace(temp, out)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return out
