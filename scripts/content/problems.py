"""Problems found in content: collected, never raised one by one, so a run reports them all."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.field}: {self.message}"


@dataclass
class Problems:
    """A collector bound to a repository root so paths print relative to it."""

    root: Path
    items: list[Problem] = field(default_factory=list)

    def add(self, path: Path | str, field_name: str, message: str) -> None:
        p = Path(path)
        try:
            shown = p.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            shown = p.as_posix()
        self.items.append(Problem(shown, field_name, message))

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def sorted(self) -> list[Problem]:
        return sorted(set(self.items))
