"""Read the few settings the pipeline shares with mkdocs.yml, so they are written once."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

import yaml


class _ConfigLoader(yaml.SafeLoader):
    """Understands MkDocs' `!ENV [NAME, default]` tag."""


def _env(loader: yaml.SafeLoader, node: yaml.Node):
    values = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]
    for name in values[:-1] if len(values) > 1 else values:
        if os.environ.get(str(name)):
            return os.environ[str(name)]
    return values[-1] if len(values) > 1 else None


_ConfigLoader.add_constructor("!ENV", _env)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def _config(root: Path) -> dict:
    path = root / "mkdocs.yml"
    return _parsed(path, path.stat().st_mtime_ns)


@lru_cache(maxsize=4)
def _parsed(path: Path, _mtime: int) -> dict:
    """Parsed once per version of the file: every page of a build asks for it."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}  # noqa: S506


def site_url(root: Path) -> str:
    return str(_config(root).get("site_url") or "").rstrip("/") + "/"


def site_name(root: Path) -> str:
    return str(_config(root).get("site_name") or "")


def page_url(root: Path, src_path: str) -> str:
    """Where a Markdown file is published, relative to the site root (both engines agree)."""
    stem = src_path.removesuffix(".md")
    if _config(root).get("use_directory_urls", True) is False:
        return stem + ".html"
    return ("" if stem == "index" else stem.removesuffix("/index") + "/")


def markdown_extensions(root: Path) -> tuple[list[str], dict]:
    """The Markdown extensions (and their settings) the site builds with, from mkdocs.yml."""
    config = _config(root)
    names, settings = [], {}
    for item in config.get("markdown_extensions") or []:
        if isinstance(item, dict):
            for name, options in item.items():
                names.append(name)
                settings[name] = options or {}
        else:
            names.append(str(item))
    # Our own extension assembles claim pages; reading a body must not run it.
    own = [n for n in names if n.startswith("scripts.")]
    return [n for n in names if n not in own], {k: v for k, v in settings.items() if k not in own}
