"""The phone gate: on every built page at 320 and 375 px, no word broken inside a table cell or
heading, nothing wider than its box (except a declared scroll container with a visible cue), no text
under 12 CSS px (charts included) and no clipped caption. Each check is shown to fail on a fixture."""

from __future__ import annotations

import pytest

from conftest import html_pages
from scripts.tools.phone_gate import SCRIPT, WIDTHS

BAD = {
    "word-break": '<table><tr><td style="width:3em;overflow-wrap:anywhere">Prosecutor</td><td>x</td></tr></table>',
    "overflow": '<div style="width:200px;overflow:hidden"><p style="width:600px">wide text in a narrow box</p></div>',
    "small-text": '<p style="font-size:10px">tiny</p><svg viewBox="0 0 1000 100" width="300"><text x="0" y="50" '
                  'font-size="16">a chart label</text></svg>',
    "clipped-caption": '<div style="width:200px;overflow:hidden"><figure><figcaption style="width:500px;white-space:'
                       'nowrap">A caption much longer than the box it sits in</figcaption></figure></div>',
}
GOOD = '<table><tr><td>Prosecutor</td></tr></table><p>Plain text at the default size.</p>'


def gate(page, body: str) -> list[dict]:
    page.set_content(f'<html><body style="margin:0;font-size:16px"><div class="md-content">{body}</div></body></html>')
    return page.evaluate(SCRIPT)


@pytest.mark.parametrize("check", sorted(BAD))
def test_each_check_fails_on_its_fixture(browser, check):
    page = browser.new_page(viewport={"width": 375, "height": 700})
    try:
        assert check in {f["check"] for f in gate(page, BAD[check])}
        assert gate(page, GOOD) == []
    finally:
        page.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_every_page_passes_the_phone_gate(browser, server, built_site, width):
    page = browser.new_page(viewport={"width": width, "height": 700})
    failures = {}
    try:
        for path in html_pages(built_site):
            url = path.relative_to(built_site).as_posix().removesuffix("index.html")
            page.goto(server + url, wait_until="load")
            found = page.evaluate(SCRIPT)
            if found:
                failures[url or "/"] = [f"{f['check']}: {f['where']} ({f['detail']})" for f in found[:5]]
    finally:
        page.close()
    assert failures == {}
