"""Problems found in a pack: where (file, line, column), how bad, and what to do."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

# Control characters in a message (a NUL typed into a path, echoed back) would garble the
# terminal or the screen: each is shown as the replacement character instead.
_INVISIBLE = {code: "\ufffd" for code in (*range(0x20), *range(0x7F, 0xA0))}


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One problem, located in a file. Line and column count from 1 (0 means unknown)."""

    path: str
    line: int
    col: int
    severity: Severity
    message: str

    def __post_init__(self) -> None:
        # A file name that is not UTF-8 (a zip from another system) arrives with lone
        # surrogates, which neither a terminal nor pygame's fonts can take.
        for name in ("path", "message"):
            value = getattr(self, name)
            if not value.isascii():
                clean = value.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
                object.__setattr__(self, name, clean)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def format(self) -> str:
        """`path:line:col: error|warning: message`, the form editors and terminals link."""
        where = self.path.translate(_INVISIBLE)
        if self.line:
            where += f":{self.line}"
            if self.col:
                where += f":{self.col}"
        return f"{where}: {self.severity.value}: {self.message.translate(_INVISIBLE)}"

    def __str__(self) -> str:
        return self.format()


def summary_line(problems: list[Problem], files: int, scenarios: int) -> str:
    """The one-line total that closes a `validate` run."""
    errors = sum(1 for p in problems if p.is_error)
    warnings = len(problems) - errors
    if not problems:
        return f"ok: {_count(scenarios, 'scenario')} in {_count(files, 'file')}, no problems"
    return (
        f"{_count(errors, 'error')}, {_count(warnings, 'warning')} "
        f"in {_count(files, 'file')} ({_count(scenarios, 'scenario')})"
    )


def _count(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
