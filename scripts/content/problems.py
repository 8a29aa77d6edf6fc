"""Problems found in content: collected, never raised one by one, so a run reports them all.

Each prints as `path:line: field: message` (the line where one is known), and under GitHub
Actions also as a workflow command, so the problem shows on the line of the pull request.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.field}: {self.message}"

    def github(self) -> str:
        """A GitHub Actions annotation: ::error file=F,line=L,title=T::message"""
        def esc(text: str, prop: bool = False) -> str:
            text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
            return text.replace(":", "%3A").replace(",", "%2C") if prop else text
        line = f",line={self.line}" if self.line else ""
        return f"::error file={esc(self.path, True)}{line},title={esc(self.field, True)}::{esc(self.message)}"


def _one_line(text: str, limit: int = 400) -> str:
    """Contributor text inside a message can't start a new output line (or forge an annotation)."""
    shown = "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in str(text)[: limit + 1])
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


@dataclass
class Problems:
    """A collector bound to a repository root so paths print relative to it."""

    root: Path
    items: list[Problem] = field(default_factory=list)

    def add(self, path: Path | str, field_name: str, message: str, line: int | None = None) -> None:
        p = Path(path)
        try:
            shown = p.absolute().relative_to(self.root.absolute()).as_posix()
        except ValueError:
            shown = p.as_posix()
        self.items.append(Problem(_one_line(shown), int(line or 0), _one_line(field_name, 80), _one_line(message)))

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def sorted(self) -> list[Problem]:
        return sorted(set(self.items))
