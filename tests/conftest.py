"""Shared fixtures: a throw-away copy of the repository, and one real build of the site."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
COPIED = ["data", "docs", "overrides", "scripts", "mkdocs.yml"]


def copy_repo(dest: Path) -> Path:
    for name in COPIED:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / name)
    return dest


def run(args: list[str], cwd: Path, **env) -> subprocess.CompletedProcess:
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1763000000", **env}
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, env=full_env, timeout=600)


def build(root: Path, site: Path) -> subprocess.CompletedProcess:
    """`make build`: check, generate, verify, the strict build (never with -q) and the search index."""
    return run([sys.executable, "-m", "scripts", "build", "-d", str(site)], cwd=root)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A private copy of the repository that a test may change freely."""
    return copy_repo(tmp_path / "repo")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once per test session from a copy of the repository."""
    root = copy_repo(tmp_path_factory.mktemp("build") / "repo")
    site = root / "site"
    result = build(root, site)
    assert result.returncode == 0, result.stdout + result.stderr
    (root / "build.log").write_text(result.stdout + result.stderr)
    return site


@pytest.fixture(scope="session")
def build_log(built_site: Path) -> str:
    """Everything the strict build printed."""
    return (built_site.parent / "build.log").read_text()


def html_pages(site: Path) -> list[Path]:
    """Every built HTML page (the 404 page included)."""
    return sorted(site.rglob("*.html"))


@pytest.fixture(scope="session")
def server(built_site: Path):
    """The built site on 127.0.0.1, gzip-compressed like a static host."""
    from scripts.tools.serve_static import serve

    with serve(built_site) as base:
        yield base


@pytest.fixture(scope="session")
def browser():
    """One Debian Chromium for the whole session. Missing Chromium fails; it never skips."""
    from playwright.sync_api import sync_playwright

    from scripts.site.browser import launch

    with sync_playwright() as p:
        b = launch(p)
        yield b
        b.close()
