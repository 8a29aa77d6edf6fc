"""Typed field readers for YAML mappings. Each records a Problem instead of raising."""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
from pathlib import Path
from typing import Any

from .problems import Problems
from .yamlio import line_of

# Linear-time patterns only (possessive quantifiers, no nested repetition): a value can be long.
_MARKUP = re.compile(r"<[\s/]*+[a-zA-Z!?]|javascript\s*+:", re.IGNORECASE)
TEMPLATE_SYNTAX = re.compile(r"\{[{%#]|[}%#]\}")
_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


class Reader:
    """Reads fields of one mapping at one path, collecting problems under a field prefix."""

    def __init__(self, data: dict, path: Path, problems: Problems, prefix: str = "") -> None:
        self.data, self.path, self.problems, self.prefix = data, path, problems, prefix

    def _name(self, key: str) -> str:
        return f"{self.prefix}{key}"

    def problem(self, key: str, message: str, line: int | None = None) -> None:
        base = key.split("[", 1)[0]
        self.problems.add(self.path, self._name(key), message, line or line_of(self.data, base))

    def check_keys(self, required: set[str], optional: set[str]) -> None:
        for key in sorted(required - self.data.keys()):
            self.problem(key, "missing required field")
        for key in sorted(set(self.data) - required - optional, key=str):
            allowed = required | optional
            self.problem(str(key), f"unknown field{did_you_mean(str(key), allowed)} "
                                   f"(allowed: {', '.join(sorted(allowed))})")

    def text(self, key: str, *, required: bool = True, max_len: int | None = None,
             one_line: bool = False) -> str | None:
        value = self.data.get(key)
        if value is None:
            return None
        if not isinstance(value, str):
            self.problem(key, f"must be text, got {type_name(value)}{quote_hint(value)}")
            return None
        if required and not value.strip():
            self.problem(key, "must not be empty")
            return None
        if not plain_text_ok(value, lambda m: self.problem(key, m)):
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
            self.problem(key, f"unknown {what} '{value}'{did_you_mean(value, allowed)} (known: {options})")
            return None
        return value

    def integer(self, key: str, minimum: int = 0, maximum: int | None = None) -> int | None:
        """A whole number in range. true/false are not numbers, whatever Python thinks."""
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.problem(key, f"must be a whole number, got {type_name(value)}")
            return None
        if value < minimum or (maximum is not None and value > maximum):
            upper = f" and at most {maximum}" if maximum is not None else ""
            self.problem(key, f"must be at least {minimum}{upper}, got {value}")
            return None
        return value

    def date(self, key: str) -> dt.date | None:
        return self._date(key, partial=False)

    def partial_date(self, key: str) -> str | None:
        """A date that may be only YYYY or YYYY-MM, kept as written."""
        parsed = self._date(key, partial=True)
        return None if parsed is None else str(self.data[key])

    def _date(self, key: str, *, partial: bool) -> dt.date | None:
        """A real date, not after the build date; YAML dates stay text so we can say what is wrong."""
        value = self.data.get(key)
        if value is None:
            return None
        form = "'YYYY-MM-DD' (or YYYY-MM, YYYY)" if partial else "YYYY-MM-DD"
        if not isinstance(value, str | int) or isinstance(value, bool):
            self.problem(key, f"must be a date written {form}, got {type_name(value)}")
            return None
        parsed = parse_date(str(value), partial=partial)
        if isinstance(parsed, str):
            self.problem(key, parsed)
            return None
        if parsed > build_date():
            self.problem(key, f"{value} is in the future (the build date is {build_date()})")
            return None
        return parsed

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
            line = line_of(value, i)
            if not isinstance(item, str) or not item.strip():
                self.problem(f"{key}[{i}]", f"must be non-empty text, got {type_name(item)}{quote_hint(item)}", line)
            elif plain_text_ok(item, lambda m, i=i, line=line: self.problem(f"{key}[{i}]", m, line)):
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
                self.problem(f"{key}[{i}]", f"must be a mapping, got {type_name(item)}", line_of(value, i))
            else:
                out.append((f"{self._name(key)}[{i}].", item))
        return out

    def child(self, prefix: str, data: dict) -> Reader:
        return Reader(data, self.path, self.problems, prefix)


def plain_text_ok(value: str, report) -> bool:
    """Registry and front-matter values are plain text: no markup, no template syntax."""
    if _MARKUP.search(value):
        report("contains HTML markup or a script; write plain text")
        return False
    found = TEMPLATE_SYNTAX.search(value)
    if found:
        report(f"contains template syntax '{found.group(0)}'; content is data and is never run as a "
               "template, so write it another way")
        return False
    return True


def did_you_mean(value: str, options) -> str:
    close = difflib.get_close_matches(value[:200], [str(o) for o in options], n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def quote_hint(value: Any) -> str:
    if isinstance(value, bool):
        return f" (YAML reads {str(value).lower()} as true/false: write it in quotes, \"{str(value).lower()}\")"
    if isinstance(value, int | float) or value is None:
        return " (write it in quotes if you meant text)" if value is not None else ""
    return ""


def build_date() -> dt.date:
    """Today, or CBC_BUILD_DATE (YYYY-MM-DD) when a test pins it."""
    pinned = os.environ.get("CBC_BUILD_DATE")
    return dt.date.fromisoformat(pinned) if pinned else dt.date.today()


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
    if isinstance(value, bool):
        return "true/false"
    for kind, name in ((dict, "a mapping"), (list, "a list"), (str, "text"), (int, "a number"), (float, "a number")):
        if isinstance(value, kind):
            return name
    return "nothing" if value is None else type(value).__name__
