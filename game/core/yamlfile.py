"""Reading one YAML file safely, keeping the line and column of every key and value.

Only the C parser is used (`yaml.CSafeLoader`); nothing is ever constructed from a
tag, so `!!python/...` can never run code. Scalars are kept as written (`no` stays
`no`, `02` stays `02`); the pack model decides where a number is expected.
"""

from __future__ import annotations

import re
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from game.core.problems import Problem, Severity

MAX_FILE_BYTES = 1 << 20
MAX_VALUES = 10_000
PLACEHOLDER = "TODO"
"""How a text says it is still to be written: it starts with this (as `new`'s templates do)."""
MAX_DEPTH = 100
"""How deep values may nest; the format itself needs 6 levels (steps, step, choices, ...)."""

Loc = tuple[str | int, ...]

_PLAIN_TAGS = {
    "tag:yaml.org,2002:" + name
    for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
}
_NULL = "tag:yaml.org,2002:null"
_MERGE = "tag:yaml.org,2002:merge"
_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
_NULL_WORDS = frozenset(("", "~", "null", "Null", "NULL"))


class _AsWritten(yaml.CSafeLoader):
    """The C safe loader, resolving plain scalars only as far as the format needs.

    Every scalar stays the string written (`no`, `02`), except an empty value or
    `null`, and the merge key, which the validator refuses by name. Skipping
    PyYAML's regex resolvers for every scalar also halves the time to compose.
    """

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode:
            if implicit[0]:
                if value in _NULL_WORDS:
                    return _NULL
                if value == "<<":
                    return _MERGE
            return _STR
        return _SEQ if kind is yaml.SequenceNode else _MAP


@dataclass
class YamlDoc:
    """A parsed file: plain Python data plus where each value and key was written."""

    shown: str
    data: Any
    root: yaml.Node | None = None
    _keys: dict[int, dict[str, tuple[yaml.Node, yaml.Node]]] = field(
        default_factory=dict, repr=False)
    odd_key: bool = False
    """Whether a key starts with a space that is not one (see `_odd_indentation`)."""
    may_hold_placeholder: bool = True
    """False when no value of the file starts with `PLACEHOLDER`: the checks for one can
    skip walking every text (a tenth of a large validate)."""

    def _entry(self, node: yaml.MappingNode, key: str) -> tuple[yaml.Node, yaml.Node] | None:
        # Indexed once per mapping, on its first lookup: scanning a mapping of 60,000 steps
        # for each of 60,000 errors made a broken file take minutes.
        index = self._keys.get(id(node))
        if index is None:
            index = {}
            for k, v in node.value:
                if isinstance(k, yaml.ScalarNode):
                    index.setdefault(k.value, (k, v))
            self._keys[id(node)] = index
        return index.get(key)

    def where(self, loc: Loc, *, key: bool = False) -> tuple[int, int]:
        """Line and column (from 1) of the value at `loc`, or of its key.

        Falls back to the nearest enclosing value that was written, so a missing
        key is reported at the mapping that lacks it. Marks are looked up in the
        parsed nodes only when a problem is reported: nothing is kept per value.
        """
        node = self._node_at(loc, key)
        return (1, 1) if node is None else _mark(node)

    def _node_at(self, loc: Loc, key: bool) -> yaml.Node | None:
        node = self.root
        if node is None:
            return None
        for i, seg in enumerate(loc):
            last = i == len(loc) - 1
            if isinstance(node, yaml.MappingNode):
                found = self._entry(node, str(seg))
                if found is None:
                    break
                if last and key:
                    return found[0]
                node = found[1]
            elif isinstance(node, yaml.SequenceNode) and isinstance(seg, int) \
                    and 0 <= seg < len(node.value):
                node = node.value[seg]
            else:
                break
        return node

    def problem(self, loc: Loc, message: str, *, key: bool = False,
                severity: Severity = Severity.ERROR, char: int | None = None) -> Problem:
        """A problem at the value at `loc` (or its key); `char` points the column at that
        character of the value, when the value is written on one line as it reads."""
        node = self._node_at(loc, key)
        line, col = (1, 1) if node is None else _mark(node)
        if char is not None and isinstance(node, yaml.ScalarNode) \
                and node.start_mark.line == node.end_mark.line:
            if not node.style:  # plain: the C composer says '', the Python one None
                col += char
            elif node.style in ("'", '"') and not any(c in node.value for c in "'\"\\"):
                col += char + 1
        return Problem(self.shown, line, col, severity, message)


class _Refused(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def read_yaml_file(path: Path, shown: str) -> tuple[YamlDoc | None, list[Problem]]:
    """Read and parse `path`; `shown` is the name used in messages.

    Returns the document (None when it cannot be used at all) and the problems
    found on the way: size, encoding, emptiness, syntax, aliases, tags, duplicate
    and merge keys. Never raises for what is on the disk: a file that cannot be
    opened, a folder or a pipe in its place, is a problem too.
    """
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            return None, [Problem(shown, 0, 0, Severity.ERROR,
                                  f"{path.name} is {describe_not_a_file(info.st_mode)}, not a "
                                  "text file, so it cannot be read")]
        size = info.st_size
        if size > MAX_FILE_BYTES:
            return None, [Problem(shown, 0, 0, Severity.ERROR,
                                  f"file is {size / 1024 / 1024:.1f} MiB; the limit is 1 MiB "
                                  "(split it into several scenarios)")]
        raw = path.read_bytes()
    except (OSError, ValueError) as exc:
        return None, [Problem(shown, 0, 0, Severity.ERROR, cannot_read(exc, "the file"))]
    for magic, what in _NOT_PLAIN_TEXT:
        if raw.startswith(magic):
            return None, [Problem(shown, 1, 1, Severity.ERROR,
                                  f"the file is {what}, not plain text: open it in the word "
                                  "processor and save it as plain text (.txt, UTF-8), then "
                                  "rename it to end in .yaml")]
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [Problem(shown, 1, 1, Severity.ERROR,
                              "the file is saved as UTF-16 (Notepad calls it \"Unicode\"); "
                              "save it again as UTF-8 (Save as, Encoding: UTF-8)")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [Problem(shown, line, col, Severity.ERROR,
                              "the file is not UTF-8 text (it may be saved as \"ANSI\" or "
                              "Windows-1252); save it again as UTF-8 "
                              "(in most editors: Save as, Encoding: UTF-8)")]
    return parse_yaml_text(text, shown)


# Documents saved from a word processor under a .yaml name, recognised by their first bytes.
_NOT_PLAIN_TEXT = (
    (b"PK\x03\x04", "a Word document (or another zip file)"),
    (b"\xd0\xcf\x11\xe0", "an old Word document (.doc)"),
    (b"{\\rtf", "rich text (RTF, as WordPad and TextEdit save it)"),
    (b"%PDF", "a PDF"),
)


def describe_not_a_file(mode: int) -> str:
    """What sits on the disk instead of a file, in plain words."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not an ordinary file"


def cannot_read(exc: BaseException, what: str) -> str:
    """Why `what` (the file, the pack folder) cannot be read, as a plain sentence."""
    if isinstance(exc, PermissionError):
        return (f"cannot read {what}: permission denied (ask whoever set up this computer to "
                "let your user account read it, or copy the pack to your own folder)")
    if isinstance(exc, OSError) and exc.strerror:
        return f"cannot read {what}: {exc.strerror.lower()}"
    return f"cannot read {what}: {exc}"


def parse_yaml_text(text: str, shown: str) -> tuple[YamlDoc | None, list[Problem]]:
    """Parse YAML text already decoded; see `read_yaml_file`."""
    if not text.strip():
        return None, [Problem(shown, 1, 1, Severity.ERROR, "the file is empty")]
    try:
        if "&" in text and "*" in text:
            _check_alias_expansion(text, shown)
        node = yaml.compose(text, Loader=_AsWritten)
    except _Refused as refused:
        return None, [refused.problem]
    except yaml.MarkedYAMLError as exc:
        return None, [_odd_indentation(text, shown) or _syntax_problem(exc, shown, text)]
    except yaml.YAMLError:
        # The reader's refusal of a control character: its position counts bytes, so the
        # character is found again in the text, where the author can see it.
        return None, [_control_character(text, shown)]
    if node is None:
        return None, [Problem(shown, 1, 1, Severity.ERROR,
                              "the file holds only comments; it has no content")]
    doc = YamlDoc(shown, None, node, may_hold_placeholder=False)
    problems: list[Problem] = []
    doc.data = _convert(node, (), doc, problems, 0)
    if doc.odd_key:
        # Looked for only now: a key starting with a non-breaking space is what such an
        # indentation parses into, and scanning every file for it up front cost 5%.
        spaces = _odd_indentation(text, shown)
        if spaces is not None:
            return None, [spaces]
    return doc, problems


# Characters YAML refuses anywhere in a file (YAML 1.1, section 5.1), as libyaml does.
_REFUSED = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_CONTROL_NAMES = {
    0x00: "NUL", 0x07: "bell", 0x08: "backspace", 0x0B: "vertical tab", 0x0C: "form feed",
    0x1B: "escape", 0x7F: "delete",
}


def character_name(char: str) -> str:
    """`U+000B (vertical tab)`: a character the author cannot see, named."""
    code = ord(char)
    name = _CONTROL_NAMES.get(code) or unicodedata.name(char, "").lower() or "control character"
    return f"U+{code:04X} ({name})"


def _control_character(text: str, shown: str) -> Problem:
    found = _REFUSED.search(text)
    if found is None:  # pragma: no cover - libyaml refuses only what _REFUSED matches
        return Problem(shown, 1, 1, Severity.ERROR, "YAML cannot be read")
    line, col = _line_col(text, found.start())
    return Problem(shown, line, col, Severity.ERROR,
                   f"an invisible control character {character_name(found.group())} is here, "
                   "probably pasted from another program; YAML does not allow it: delete it")


def _line_col(text: str, index: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index) + 1, index - line_start + 1


# Spaces that look like a space but are not one to YAML: Word and web pages paste them.
_ODD_SPACES = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a" \
              "\u202f\u205f\u3000"
_ODD_SPACE_SET = frozenset(_ODD_SPACES)
_ODD_INDENT = re.compile(f"^[ \t]*([{_ODD_SPACES}])", re.MULTILINE)


def _odd_indentation(text: str, shown: str) -> Problem | None:
    """A line indented with non-breaking (or other look-alike) spaces: the cause of the
    syntax errors or unknown keys that would follow, reported once, at its first line."""
    found = _ODD_INDENT.search(text)
    if found is None:
        return None
    line, col = _line_col(text, found.start(1))
    others = sum(1 for _ in _ODD_INDENT.finditer(text)) - 1
    more = f" (and {others} more line{'s' if others != 1 else ''})" if others else ""
    return Problem(shown, line, col, Severity.ERROR,
                   f"this line is indented with {character_name(found.group(1))} characters"
                   f"{more}, often pasted from Word or a web page; YAML needs ordinary spaces: "
                   "delete the indentation and type it again with the space bar")


def _mark(node: yaml.Node) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def _convert(node: yaml.Node, loc: Loc, doc: YamlDoc, problems: list[Problem],
             depth: int) -> Any:
    tag = node.tag
    if tag not in _PLAIN_TAGS and tag != _MERGE:
        line, col = _mark(node)
        if "python/" in tag:
            msg = (f"the tag '{_short_tag(tag)}' would construct a Python object; such tags "
                   "are refused and never executed (remove it)")
        else:
            msg = f"the tag '{_short_tag(tag)}' is not part of the format (remove it)"
        problems.append(Problem(doc.shown, line, col, Severity.ERROR, msg))
    kind = type(node)
    if kind is yaml.ScalarNode:
        if tag == _NULL:
            return None
        value = node.value
        if not doc.may_hold_placeholder and value.lstrip().startswith(PLACEHOLDER):
            doc.may_hold_placeholder = True
        return value
    if depth >= MAX_DEPTH:
        # libyaml accepts 1,000 levels; converting them would exhaust Python's stack.
        line, col = _mark(node)
        problems.append(Problem(doc.shown, line, col, Severity.ERROR,
                                f"values are nested more than {MAX_DEPTH} levels deep here; a "
                                "pack needs at most 6 (check the brackets and indentation)"))
        return None
    depth += 1
    if kind is yaml.SequenceNode:
        return [_convert(item, (*loc, i), doc, problems, depth)
                for i, item in enumerate(node.value)]
    result: dict[str, Any] = {}
    first: dict[str, yaml.Node] = {}
    for key_node, value_node in node.value:
        if key_node.tag == _MERGE or type(key_node) is not yaml.ScalarNode:
            problems.append(_key_problem(doc, key_node, None))
            continue
        key = key_node.value
        if key in first:
            problems.append(_key_problem(doc, key_node, first[key]))
            continue
        first[key] = key_node
        if key[:1] in _ODD_SPACE_SET:
            doc.odd_key = True
        result[key] = _convert(value_node, (*loc, key), doc, problems, depth)
    return result


def _key_problem(doc: YamlDoc, key_node: yaml.Node, first: yaml.Node | None) -> Problem:
    line, col = _mark(key_node)
    if first is not None:
        message = (f"key '{key_node.value}' appears twice in this mapping (first on line "
                   f"{_mark(first)[0]}); YAML would silently keep only the last one: remove "
                   "or rename one of them")
    elif key_node.tag == _MERGE:
        message = ("merge keys (<<) are not part of the format; write the keys out (an alias "
                   "may stand for a whole value)")
    else:
        message = "a key must be a plain word, not a list or a mapping"
    return Problem(doc.shown, line, col, Severity.ERROR, message)


def _short_tag(tag: str) -> str:
    return tag.replace("tag:yaml.org,2002:", "!!")


def _check_alias_expansion(text: str, shown: str) -> None:
    """Refuse, at the alias, a file whose aliases would expand past MAX_VALUES values.

    Works on parse events, counting the size of each anchored value once, so an
    alias bomb is refused without ever being expanded.
    """
    sizes: dict[str, int] = {}
    stack: list[list[Any]] = []
    total = 0
    for event in yaml.parse(text, Loader=yaml.CSafeLoader):
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            total += 1
            stack.append([1, event.anchor])
            continue
        if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            count, anchor = stack.pop()
            if anchor:
                sizes[anchor] = count
            if stack:
                stack[-1][0] += count
            continue
        if isinstance(event, yaml.ScalarEvent):
            n = 1
            if event.anchor:
                sizes[event.anchor] = 1
        elif isinstance(event, yaml.AliasEvent):
            n = sizes.get(event.anchor or "", 1)
        else:
            continue
        total += n
        if stack:
            stack[-1][0] += n
        if total > MAX_VALUES:
            mark = event.start_mark
            line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
            raise _Refused(Problem(
                shown, line, col, Severity.ERROR,
                f"alias '*{getattr(event, 'anchor', '')}' would expand this file past "
                f"{MAX_VALUES:,} values; refused (use fewer aliases, or write the values out)"
                if isinstance(event, yaml.AliasEvent) else
                f"this file holds more than {MAX_VALUES:,} values once its aliases are "
                "expanded; refused"))


_HINTS = (
    ("mapping values are not allowed", "a text that contains ': ' must be put in quotes"),
    ("found character '\\t'", "indent with spaces, never with tabs"),
    ("could not find expected ':'", "a line may be missing its 'key:' or a quote is not closed"),
    ("found undefined alias", "an alias (*name) must refer to an anchor (&name) written above it"),
    ("expected <block end>", "check the indentation of this line against the lines above"),
    ("did not find expected key", "check the indentation, or put a text that starts with a "
                                  "special character in quotes"),
    ("found unexpected end of stream", "a quote or bracket is not closed"),
    ("did not find expected ',' or '}'", "put a text that holds a comma or colon in quotes"),
    ("did not find expected ',' or ']'", "put a text that holds a comma or colon in quotes"),
    ("expected a single document", "a file holds one document: remove the '---' line"),
    ("found character that cannot start any token",
     "put a text that starts with a special character (` @ % etc.) in quotes"),
)


_INVISIBLE_MARKS = "\ufeff\u200b\u200c\u200d\u2060\u00ad"
_BULLETS = frozenset("•◦▪▫●○■□►▸–—·")
_CURLY_QUOTES = "\u201c\u201d\u201e\u2018\u2019\u201a"
_SINGLE_QUOTED = re.compile(r"^\s*(?:- )?([\w-]+):\s+'(.*)'\s*$")
_KEY_AND_VALUE = re.compile(r"^(\s*(?:- )?)([\w-]+):\s+\S")
_KEY_WITHOUT_SPACE = re.compile(r"^\s*([a-z_]+):([^\s:/].*)$")
_DASH_WITHOUT_SPACE = re.compile(r"^\s*-[^\s-]")


def _syntax_problem(exc: yaml.MarkedYAMLError, shown: str, text: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    what = " ".join(part for part in (exc.context, exc.problem) if part)
    message = f"YAML syntax: {what}"
    lines = text.splitlines()
    here = lines[line - 1] if 0 < line <= len(lines) else ""
    before = lines[line - 2] if 1 < line <= len(lines) + 1 else ""
    if "unexpected end of stream" in what and "quoted scalar" in what and exc.context_mark:
        # The parser reached the end of the file; the cause is where the quote opened.
        start = exc.context_mark
        return Problem(shown, start.line + 1, start.column + 1, Severity.ERROR,
                       f"{message} (this quote is never closed: add the closing quote at the "
                       "end of the text)")
    found = _cause_hint(here, before, col, what)
    if found is not None:
        # The real cause, when it can be seen on the line or the one above: the parser's
        # own words point elsewhere (a tab, a typographic quote, a dash without its space).
        hint, above = found
        if above:
            line, col = line - 1, len(before) - len(before.lstrip()) + 1
        return Problem(shown, line, col, Severity.ERROR, f"{message} ({hint})")
    for needle, generic in _HINTS:
        if needle in what:
            message += f" ({generic})"
            break
    return Problem(shown, line, col, Severity.ERROR, message)


def _cause_hint(here: str, before: str, col: int, what: str) -> tuple[str, bool] | None:
    """A hint naming what is wrong on the line, and whether it is on the line above."""
    invisible = next((c for c in here if c in _INVISIBLE_MARKS), None)
    if invisible is not None:
        return (f"this line holds an invisible {character_name(invisible)}, often left "
                "when texts are pasted or files joined: delete it (retype the line)"), False
    bullet = here.lstrip()[:1]
    if bullet in _BULLETS:
        return (f"this line starts with '{bullet}', a bullet from Word; a YAML list item "
                "starts with a dash and a space: '- '"), False
    if "\t" in here[:col]:
        # The C parser does not name the tab; the facilitator's editor may not show it.
        return "this line is indented with a tab: indent with spaces, never with tabs", False
    quotes = sorted({c for c in here if c in _CURLY_QUOTES})
    if quotes:
        shown = " ".join(quotes)
        return (f"this line has typographic quotes {shown} (Word and phones type them), "
                "which YAML does not read as quotes: type the text's quotes again as "
                "straight quotes \"...\""), False
    apostrophe = _SINGLE_QUOTED.match(here)
    if apostrophe and apostrophe.group(2).count("'") % 2 == 1:
        inner = apostrophe.group(2)
        better = f'"{inner}"' if '"' not in inner else "'" + inner.replace("'", "''") + "'"
        return (f"the apostrophe inside this single-quoted text ends it early: write "
                f"{apostrophe.group(1)}: {better}"), False
    for above, line in ((False, here), (True, before)):
        if _DASH_WITHOUT_SPACE.match(line):
            item = line.strip()
            return (f"a list item needs a space after its dash: write '- {item[1:]}', "
                    f"not '{item}'"), above
    for above, line in ((False, here), (True, before)):
        glued = _KEY_WITHOUT_SPACE.match(line)
        if glued and "could not find expected ':'" in what:
            key, value = glued.group(1), glued.group(2)
            return (f"a key's colon needs a space after it: write '{key}: {value}', not "
                    f"'{key}:{value}'"), above
    above_key = _KEY_AND_VALUE.match(before)
    indent = len(here) - len(here.lstrip(" "))
    if ("mapping values are not allowed" in what and above_key
            and indent > len(above_key.group(1))):
        key = above_key.group(2)
        this = here.strip().split(":", 1)[0]
        return (f"this line is indented further than '{key}:' above it, so YAML reads it as "
                f"the rest of that line's text: line up '{this}:' with '{key}:'"), False
    if ("expected '-' indicator" in what and above_key and "- " in above_key.group(1)
            and len(above_key.group(1)) - 2 < indent < len(above_key.group(1))):
        key = above_key.group(2)
        this = here.strip().split(":", 1)[0]
        return (f"this line is indented less than '{key}:' above it: line up '{this}:' with "
                f"'{key}:'"), False
    if "expected '-' indicator" in what and here.lstrip() and not here.lstrip().startswith("-"):
        return ("this line is at the indentation of a list above it but does not start "
                "with '- ': write every item of the list with a dash, or none of them; steps "
                "are written as 'id:' lines, not as a list"), False
    return None
