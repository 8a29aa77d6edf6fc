"""Reading contributor files without following them anywhere: no symlinks, no devices or FIFOs,
nothing outside the repository, nothing larger than its limit."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .problems import Problems

# Generous for real content (the largest claim page is ~12 KB, sources.yml ~150 KB), small enough
# that no check has much to chew on.
LIMITS = {".md": 200_000, ".yml": 1_000_000, ".yaml": 1_000_000, ".txt": 500_000}
DEFAULT_LIMIT = 200_000


def refuse_reason(path: Path, root: Path | None) -> str | None:
    """Why `path` must not be read, or None if it is a plain file inside `root`."""
    try:
        info = os.lstat(path)
    except OSError as exc:
        return f"cannot be read: {exc.strerror or exc}"
    if stat.S_ISLNK(info.st_mode):
        return "is a symbolic link; content files must be plain files in the repository"
    if not stat.S_ISREG(info.st_mode):
        return "is not a plain file (a device, FIFO, socket or folder); content files must be plain files"
    if root is not None:
        real, base = Path(os.path.realpath(path)), Path(os.path.realpath(root))
        if real != base and base not in real.parents:
            return "lies outside the repository (through a symbolic link in its path)"
    limit = LIMITS.get(path.suffix, DEFAULT_LIMIT)
    if info.st_size > limit:
        return f"is {info.st_size:,} bytes; the limit for {path.suffix or 'this'} files is {limit:,}"
    return None


def read_text(path: Path, problems: Problems, root: Path | None = None) -> str | None:
    """The file's text, or None after recording why it can't be read."""
    reason = refuse_reason(path, root if root is not None else problems.root)
    if reason:
        problems.add(path, "file", reason)
        return None
    limit = LIMITS.get(path.suffix, DEFAULT_LIMIT)
    try:
        # O_NOFOLLOW: a file swapped for a link after the check is still not followed.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                problems.add(path, "file", "is not a plain file")
                return None
            data = handle.read(limit + 1)
    except OSError as exc:
        problems.add(path, "file", f"cannot be read: {exc.strerror or exc}")
        return None
    if len(data) > limit:
        problems.add(path, "file", f"is larger than the limit of {limit:,} bytes")
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        problems.add(path, "file", f"is not valid UTF-8 text (byte {exc.start})")
        return None
    if "\x00" in text:
        problems.add(path, "file", "contains a NUL character; it must be plain text")
        return None
    return text.removeprefix("\ufeff")
