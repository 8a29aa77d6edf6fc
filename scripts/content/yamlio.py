"""YAML reading that never raises and can't be turned against us.

Contributor YAML is read as plain data: mappings with text keys, lists, text, numbers, booleans
and null. We walk the parser's event stream ourselves (libyaml when available), so that:

- aliases and merge keys are refused before anything is expanded (no "billion laughs");
- explicit tags outside the core schema (`!!python/...`, `!!binary`, `!custom`) are refused;
- keys must be text;
- nesting depth and node count are capped, and the walk is iterative (no recursion to overflow);
- every mapping remembers the line of each key, so problems can say `path:line: field: message`.

Errors become Problems, never exceptions.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from .problems import Problems
from .safefile import read_text

_PARSER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: same rules, faster
MAX_DEPTH = 32
MAX_NODES = 200_000

# The only tags a value may carry: YAML's core schema. An explicit `!!str` is harmless, so explicit
# core tags are allowed; everything else is refused.
_CORE = "tag:yaml.org,2002:"
ALLOWED_TAGS = {f"{_CORE}{t}" for t in ("str", "int", "float", "bool", "null", "map", "seq")}
# Core scalar tags we construct ourselves. Dates stay text: we check them ourselves.
_SCALAR_TAGS = {f"{_CORE}{t}" for t in ("str", "int", "float", "bool", "null")}


class _Resolver(yaml.resolver.Resolver):
    """Implicit typing of plain scalars, as PyYAML's SafeLoader, but without timestamps."""


_Resolver.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != f"{_CORE}timestamp"]
    for key, resolvers in yaml.resolver.Resolver.yaml_implicit_resolvers.items()
}
_RESOLVER = _Resolver()
_CONSTRUCTOR = yaml.constructor.SafeConstructor()


class Mapping(dict):
    """A YAML mapping that remembers the line (1-based, in the file) of each key."""

    line: int = 0
    lines: dict

    def line_of(self, key: str) -> int:
        return self.lines.get(key, self.line)


class Sequence(list):
    """A YAML sequence that remembers the line of each item."""

    line: int = 0
    lines: list

    def line_of(self, index: int) -> int:
        return self.lines[index] if 0 <= index < len(self.lines) else self.line


class YamlRefused(Exception):
    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line


_MISSING = object()


def _scalar(event: yaml.ScalarEvent) -> Any:
    tag = event.tag
    if tag in (None, "!"):
        tag = _RESOLVER.resolve(yaml.ScalarNode, event.value, event.implicit)
    if tag not in _SCALAR_TAGS:
        raise YamlRefused(f"the YAML tag {tag.replace(_CORE, '!!')} is not allowed; write plain values",
                          event.start_mark.line)
    node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
    return _CONSTRUCTOR.construct_object(node)


def _load(text: str, line_offset: int) -> Any:
    """Build plain Python data from the event stream, iteratively."""
    stack: list[list] = []  # frames: [container, pending key or _MISSING]
    root: Any = _MISSING
    nodes = 0
    documents = 0

    def add(value: Any, line: int) -> None:
        nonlocal root
        if not stack:
            root = value
            return
        frame = stack[-1]
        container = frame[0]
        if isinstance(container, Sequence):
            container.append(value)
            container.lines.append(line)
        elif frame[1] is _MISSING:
            if not isinstance(value, str):
                kind = "a mapping" if isinstance(value, dict) else "a list" if isinstance(value, list) else \
                    f"{type(value).__name__} {value!r}"
                raise YamlRefused(f"keys must be text, got {kind} (put the key in quotes)", line - line_offset - 1)
            if value in container:
                raise YamlRefused(f"duplicate key '{value}'", line - line_offset - 1)
            frame[1] = value
            container.lines[value] = line
        else:
            container[frame[1]] = value
            frame[1] = _MISSING

    for event in yaml.parse(text, Loader=_PARSER):
        line = event.start_mark.line + 1 + line_offset if event.start_mark else line_offset + 1
        if isinstance(event, yaml.AliasEvent):
            raise YamlRefused(f"YAML aliases (*{event.anchor}) are not allowed; write the value out",
                              event.start_mark.line)
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise YamlRefused("only one YAML document is allowed (remove the extra '---')",
                                  event.start_mark.line)
        if isinstance(event, (yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            nodes += 1
            if nodes > MAX_NODES:
                raise YamlRefused(f"more than {MAX_NODES} values; split the file", event.start_mark.line)
            if event.tag not in (None, "!") and event.tag not in ALLOWED_TAGS:
                raise YamlRefused(f"the YAML tag {event.tag.replace(_CORE, '!!')} is not allowed; "
                                  "write plain values", event.start_mark.line)
            if stack and isinstance(stack[-1][0], Mapping) and stack[-1][1] is _MISSING and \
                    isinstance(event, yaml.ScalarEvent) and event.value == "<<" and event.implicit[0]:
                raise YamlRefused("YAML merge keys (<<) are not allowed; write the fields out",
                                  event.start_mark.line)
        if isinstance(event, yaml.ScalarEvent):
            add(_scalar(event), line)
        elif isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            if len(stack) >= MAX_DEPTH:
                raise YamlRefused(f"nested more than {MAX_DEPTH} levels deep", event.start_mark.line)
            container = Sequence() if isinstance(event, yaml.SequenceStartEvent) else Mapping()
            container.line = line
            container.lines = [] if isinstance(container, Sequence) else {}
            add(container, line)
            stack.append([container, _MISSING])
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            stack.pop()
    return None if root is _MISSING else root


def parse_yaml(text: str, path: Path, problems: Problems, field_name: str = "yaml", line_offset: int = 0) -> Any:
    """Parse YAML text; on error record `path:line: yaml: ...` and return _MISSING.

    `line_offset` is the number of file lines before `text` (1 for front matter after '---')."""
    try:
        return _load(text, line_offset)
    except YamlRefused as exc:
        problems.add(path, field_name, str(exc), line=exc.line + 1 + line_offset)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"column {mark.column + 1}: " if mark else ""
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        problems.add(path, field_name, f"malformed YAML: {where}{reason}",
                     line=mark.line + 1 + line_offset if mark else None)
    except (ValueError, OverflowError) as exc:  # e.g. an int or float PyYAML can't build
        problems.add(path, field_name, f"malformed YAML value: {exc}")
    return _MISSING


def read_yaml(path: Path, problems: Problems, root: Path | None = None) -> Any:
    text = read_text(path, problems, root)
    if text is None:
        return _MISSING
    return parse_yaml(text, path, problems)


def is_missing(value: Any) -> bool:
    return value is _MISSING


_FENCE = re.compile(r"^---[ \t]*\r?$", re.MULTILINE)


def split_front_matter(text: str) -> tuple[str, str] | None:
    """Return (front matter, body) or None when the file does not start with a '---' block."""
    first = _FENCE.match(text)
    if not first:
        return None
    close = _FENCE.search(text, first.end())
    if not close:
        return None
    start = first.end() + 1 if text[first.end():first.end() + 1] == "\n" else first.end()
    end = close.end() + 1 if text[close.end():close.end() + 1] == "\n" else close.end()
    return text[start:close.start()], text[end:]


def page_title(path: Path) -> str:
    """The `title:` in a page's front matter, or the file name without it (our own pages only:
    claim pages go through the checked loader)."""
    stat = path.stat()
    return _page_title(path, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=512)
def _page_title(path: Path, _mtime_ns: int, _size: int) -> str:
    """Read once per version of the file: a build asks for each kit page's title many times."""
    split = split_front_matter(path.read_text(encoding="utf-8"))
    meta = yaml.safe_load(split[0]) if split else None
    return str(meta["title"]) if isinstance(meta, dict) and meta.get("title") else path.stem


def line_of(data: Any, key: Any, default: int | None = None) -> int | None:
    """The file line of `key` in a Mapping (or index in a Sequence), if known."""
    if isinstance(data, Mapping) and isinstance(key, str):
        return data.line_of(key)
    if isinstance(data, Sequence) and isinstance(key, int):
        return data.line_of(key)
    return getattr(data, "line", default) or default
