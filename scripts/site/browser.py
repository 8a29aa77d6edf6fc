"""Launch Debian's Chromium through Playwright (Playwright's own browser download is not used)."""

from __future__ import annotations

import os
import shutil

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


def chromium_path() -> str | None:
    return os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


def launch(playwright):
    path = chromium_path()
    if not path:
        raise RuntimeError("Chromium not found: install Debian's `chromium` package (see .ci/run)")
    return playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS, headless=True)
