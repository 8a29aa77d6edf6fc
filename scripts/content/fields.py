"""Typed field readers for YAML mappings. Each records a Problem instead of raising."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from .problems import Problems

_MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z!][^>]*>|javascript:", re.IGNORECASE)
_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


class Reader:
    """Reads fields of one mapping at one path, collecting problems under a field prefix."""

    def __init__(self, data: dict, path: Path, problems: Problems, prefix: str = "") -> None:
        self.data, self.path, self.problems, self.prefix = data, path, problems, prefix

    def _name(self, key: str) -> str:
        return f"{self.prefix}{key}"

    def problem(self, key: str, message: str) -> None:
        self.problems.add(self.path, self._name(key), message)

    def check_keys(self, required: set[str], optional: set[str]) -> None:
        for key in sorted(required - self.data.keys()):
            self.problem(key, "missing required field")
        for key in sorted(set(self.data) - required - optional):
            allowed = ", ".join(sorted(required | optional))
            self.problem(str(key), f"unknown field (allowed: {allowed})")

    def text(self, key: str, *, required: bool = True, max_len: int | None = None,
             one_line: bool = False) -> str | None:
        value = self.data.get(key)
        if value is None:
            return None
        if not isinstance(value, str):
            self.problem(key, f"must be text, got {type_name(value)}")
            return None
        if required and not value.strip():
            self.problem(key, "must not be empty")
            return None
        if _MARKUP.search(value):
            self.problem(key, "contains HTML markup or a script; write plain text")
            return None
        if one_line and "\n" in value.strip():
            self.problem(key, "must be a single line")
        if max_len and len(value) > max_len:
            self.problem(key, f"is {len(value)} characters long; the limit is {max_len}")
        return value.strip()

    def choice(self, key: str, allowed: dict | list | set, what: str) -> str | None:
        value = self.text(key)
        if value is None:
            return None
        if value not in allowed:
            options = ", ".join(sorted(allowed))
            self.problem(key, f"unknown {what} '{value}' (known: {options})")
            return None
        return value

    def date(self, key: str) -> dt.date | None:
        value = self.data.get(key)
        if value is None:
            return None
        parsed = parse_date(str(value), partial=False)
        if isinstance(parsed, str):
            self.problem(key, parsed)
            return None
        return parsed

    def partial_date(self, key: str) -> str | None:
        value = self.data.get(key)
        if value is None:
            return None
        parsed = parse_date(str(value), partial=True)
        if isinstance(parsed, str):
            self.problem(key, parsed)
            return None
        return str(value)

    def boolean(self, key: str) -> bool | None:
        value = self.data.get(key)
        if value is None:
            return None
        if not isinstance(value, bool):
            self.problem(key, f"must be true or false, got {type_name(value)}")
            return None
        return value

    def text_list(self, key: str) -> list[str]:
        value = self.data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.problem(key, f"must be a list, got {type_name(value)}")
            return []
        out = []
        for i, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                self.problem(f"{key}[{i}]", f"must be non-empty text, got {type_name(item)}")
            elif _MARKUP.search(item):
                self.problem(f"{key}[{i}]", "contains HTML markup or a script; write plain text")
            else:
                out.append(item.strip())
        return out

    def mappings(self, key: str) -> list[tuple[str, dict]]:
        """A list of mappings, each with the field prefix to report its problems under."""
        value = self.data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.problem(key, f"must be a list, got {type_name(value)}")
            return []
        out = []
        for i, item in enumerate(value):
            if not isinstance(item, dict):
                self.problem(f"{key}[{i}]", f"must be a mapping, got {type_name(item)}")
            else:
                out.append((f"{self._name(key)}[{i}].", item))
        return out

    def child(self, prefix: str, data: dict) -> Reader:
        return Reader(data, self.path, self.problems, prefix)


def parse_date(value: str, *, partial: bool) -> dt.date | str:
    """A date, or an error message. Partial dates (YYYY, YYYY-MM) are allowed when asked for."""
    m = _PARTIAL_DATE.match(value.strip())
    if not m or (not partial and not m.group(3)):
        form = "YYYY-MM-DD (or YYYY-MM, YYYY)" if partial else "YYYY-MM-DD"
        return f"'{value}' is not a date in the form {form}"
    year, month, day = int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)
    try:
        return dt.date(year, month, day)
    except ValueError as exc:
        return f"'{value}' is an impossible date ({exc})"


def type_name(value: Any) -> str:
    return {dict: "a mapping", list: "a list", str: "text", bool: "true/false",
            int: "a number", float: "a number", type(None): "nothing"}.get(type(value), type(value).__name__)
