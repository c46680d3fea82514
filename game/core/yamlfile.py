"""Reading one YAML file safely, keeping the line and column of every key and value.

Only the C parser is used (`yaml.CSafeLoader`); nothing is ever constructed from a
tag, so `!!python/...` can never run code. Scalars are kept as written (`no` stays
`no`, `02` stays `02`); the pack model decides where a number is expected.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from game.core.problems import Problem, Severity

MAX_FILE_BYTES = 1 << 20
MAX_VALUES = 10_000

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

    def where(self, loc: Loc, *, key: bool = False) -> tuple[int, int]:
        """Line and column (from 1) of the value at `loc`, or of its key.

        Falls back to the nearest enclosing value that was written, so a missing
        key is reported at the mapping that lacks it. Marks are looked up in the
        parsed nodes only when a problem is reported: nothing is kept per value.
        """
        node = self.root
        if node is None:
            return (1, 1)
        for i, seg in enumerate(loc):
            last = i == len(loc) - 1
            if isinstance(node, yaml.MappingNode):
                found = next(((k, v) for k, v in node.value
                              if isinstance(k, yaml.ScalarNode) and k.value == seg), None)
                if found is None:
                    break
                if last and key:
                    return _mark(found[0])
                node = found[1]
            elif isinstance(node, yaml.SequenceNode) and isinstance(seg, int) \
                    and 0 <= seg < len(node.value):
                node = node.value[seg]
            else:
                break
        return _mark(node)

    def problem(self, loc: Loc, message: str, *, key: bool = False,
                severity: Severity = Severity.ERROR) -> Problem:
        line, col = self.where(loc, key=key)
        return Problem(self.shown, line, col, severity, message)


class _Refused(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def read_yaml_file(path: Path, shown: str) -> tuple[YamlDoc | None, list[Problem]]:
    """Read and parse `path`; `shown` is the name used in messages.

    Returns the document (None when it cannot be used at all) and the problems
    found on the way: size, encoding, emptiness, syntax, aliases, tags, duplicate
    and merge keys.
    """
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return None, [Problem(shown, 0, 0, Severity.ERROR,
                                  f"file is {size / 1024 / 1024:.1f} MiB; the limit is 1 MiB "
                                  "(split it into several scenarios)")]
        raw = path.read_bytes()
    except OSError as exc:
        return None, [Problem(shown, 0, 0, Severity.ERROR, f"cannot read the file: {exc.strerror}")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [Problem(shown, line, col, Severity.ERROR,
                              "the file is not UTF-8 text; save it again as UTF-8 "
                              "(in most editors: Save as, Encoding: UTF-8)")]
    return parse_yaml_text(text, shown)


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
        return None, [_syntax_problem(exc, shown, text)]
    except yaml.YAMLError as exc:  # pragma: no cover - the C parser marks its errors
        return None, [Problem(shown, 1, 1, Severity.ERROR, f"YAML cannot be read: {exc}")]
    if node is None:
        return None, [Problem(shown, 1, 1, Severity.ERROR,
                              "the file holds only comments; it has no content")]
    doc = YamlDoc(shown, None, node)
    problems: list[Problem] = []
    doc.data = _convert(node, (), doc, problems)
    return doc, problems


def _mark(node: yaml.Node) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def _convert(node: yaml.Node, loc: Loc, doc: YamlDoc, problems: list[Problem]) -> Any:
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
        return None if tag == _NULL else node.value
    if kind is yaml.SequenceNode:
        return [_convert(item, (*loc, i), doc, problems) for i, item in enumerate(node.value)]
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
        result[key] = _convert(value_node, (*loc, key), doc, problems)
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


def _syntax_problem(exc: yaml.MarkedYAMLError, shown: str, text: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    what = " ".join(part for part in (exc.context, exc.problem) if part)
    message = f"YAML syntax: {what}"
    lines = text.splitlines()
    if 0 < line <= len(lines) and "\t" in lines[line - 1][:col]:
        # The C parser does not name the tab; the facilitator's editor may not show it.
        return Problem(shown, line, col, Severity.ERROR,
                       f"{message} (this line is indented with a tab: indent with spaces, "
                       "never with tabs)")
    for needle, hint in _HINTS:
        if needle in what:
            message += f" ({hint})"
            break
    return Problem(shown, line, col, Severity.ERROR, message)
