"""A fake disk under the session log's files: full for a number of writes, then not."""

from __future__ import annotations

import builtins
import errno
from io import FileIO
from typing import Any

import pytest

from game.core import eventlog


class FlakyDisk:
    """The log's files on a disk that is full for the next `full` writes: each such write
    takes half of its bytes (a torn line, as a real full disk leaves) and then fails with
    ENOSPC. Files opened buffered (readers) are left alone."""

    def __init__(self) -> None:
        self.full = 0
        self.refused = 0

    def open(self, file: Any, mode: str = "r", buffering: int = -1, **kwargs: Any) -> Any:
        if buffering != 0:
            return builtins.open(file, mode, buffering, **kwargs)
        disk = self

        class File(FileIO):
            def write(self, data: Any) -> int:
                if disk.full > 0:
                    disk.full -= 1
                    disk.refused += 1
                    whole = bytes(data)
                    super().write(whole[:len(whole) // 2])
                    raise OSError(errno.ENOSPC, "No space left on device")
                return super().write(data)

        return File(file, mode)


@pytest.fixture(name="disk")
def disk_fixture(monkeypatch: pytest.MonkeyPatch) -> FlakyDisk:
    """A FlakyDisk under every file the session log opens for writing."""
    flaky = FlakyDisk()
    monkeypatch.setattr(eventlog, "open", flaky.open, raising=False)
    return flaky
