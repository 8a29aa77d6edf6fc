"""The Nu Html Checker (vnu.jar, from npm) finds zero errors on every built page.

One filter, kept narrow: Material's base template puts autocomplete="off" on its two hidden
drawer/search toggle checkboxes (outside any template block we can override). The checker
flags that attribute on checkboxes; the filter matches only those two elements.
"""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from conftest import ROOT, html_pages

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
THEME_TOGGLES = ('id="__drawer"', 'id="__search"')


def is_theme_toggle_autocomplete(message: dict) -> bool:
    return ("autocomplete" in message.get("message", "")
            and any(t in message.get("extract", "") for t in THEME_TOGGLES))


@pytest.fixture(scope="module")
def vnu_messages(built_site) -> list[dict]:
    if not VNU.exists():
        pytest.fail(f"{VNU} is missing: run `npm ci` (make test does)")
    java = shutil.which("java")
    assert java, "Java is missing: install a JRE (make system does)"
    pages = [str(p) for p in html_pages(built_site)]
    result = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--format", "json", *pages],
                            capture_output=True, text=True, timeout=600)
    return json.loads(result.stderr or '{"messages": []}')["messages"]


def test_filter_is_narrow():
    assert is_theme_toggle_autocomplete({"message": "An “input” element with a “type” attribute whose value is "
                                                    "“checkbox” must not have an “autocomplete” attribute.",
                                         "extract": '<input class="md-toggle" id="__drawer" autocomplete="off">'})
    assert not is_theme_toggle_autocomplete({"message": "Attribute “autocomplete” not allowed.",
                                             "extract": '<input id="email" autocomplete="off">'})


def test_every_page_has_valid_markup(vnu_messages, built_site):
    errors = [m for m in vnu_messages if m.get("type") == "error" and not is_theme_toggle_autocomplete(m)]
    report = "\n".join(f"{m['url'].split(str(built_site))[-1]}:{m.get('lastLine')}: {m['message']}" for m in errors)
    assert errors == [], report
