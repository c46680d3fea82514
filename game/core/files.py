"""Writing the documents the program makes (reports, handouts, guides, remembered details).

One way for all of them: written aside and renamed, so a crash never leaves half a
file; readable by everyone like any saved document (mode 0644).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

DOCUMENT_MODE = 0o644


def write_atomic(path: Path, text: str, *, encoding: str = "utf-8", newline: str = "") -> Path:
    """Replace `path` whole with `text` (folders created), mode 0644; returns `path`.

    Raises OSError when it cannot be written; the file as it was before stays.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline=newline) as handle:
            handle.write(text)
        # mkstemp makes the file private (0600); a document is for sharing.
        os.chmod(temp, DOCUMENT_MODE)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return path
