"""Shared tail of the measuring scripts: print a Markdown report and optionally keep a copy."""

from __future__ import annotations

from pathlib import Path


def emit(text: str, write: Path | None, missed: bool) -> int:
    """Print the report, write it to `write` if given, and return the exit status (1 = target missed)."""
    print(text, end="")
    if write:
        write.parent.mkdir(parents=True, exist_ok=True)
        write.write_text(text, encoding="utf-8")
    return 1 if missed else 0
