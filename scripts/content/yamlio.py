"""YAML reading that never raises: errors become Problems with a line number."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .problems import Problems

_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: same rules, faster


class _Loader(_BASE):
    """SafeLoader that keeps dates as strings, so we can report impossible dates ourselves."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

def _no_duplicate_keys(loader, node: yaml.MappingNode, deep: bool = False) -> dict:
    """YAML silently keeps the last of two equal keys; a typo like that must be an error."""
    seen = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key '{key}'", key_node.start_mark)
        seen.add(key)
    return _BASE.construct_mapping(loader, node, deep=deep)


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _no_duplicate_keys)

_MISSING = object()


def parse_yaml(text: str, path: Path, problems: Problems, field_name: str = "yaml", line_offset: int = 0) -> Any:
    """Parse YAML text; on error record `path: yaml: line N: ...` and return _MISSING.

    `line_offset` is the number of file lines before `text` (1 for front matter after '---')."""
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1 + line_offset}, column {mark.column + 1}: " if mark else ""
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        problems.add(path, field_name, f"malformed YAML: {where}{reason}")
        return _MISSING


def read_yaml(path: Path, problems: Problems) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        problems.add(path, "file", f"cannot be read: {exc}")
        return _MISSING
    return parse_yaml(text, path, problems)


def is_missing(value: Any) -> bool:
    return value is _MISSING


def split_front_matter(text: str) -> tuple[str, str] | None:
    """Return (front matter, body) or None when the file does not start with a '---' block."""
    if not text.startswith("---"):
        return None
    lines = text.splitlines(keepends=True)
    if lines[0].strip() != "---":
        return None
    for i, line in enumerate(lines[1:], start=1):
        if line.strip() == "---":
            return "".join(lines[1:i]), "".join(lines[i + 1 :])
    return None
