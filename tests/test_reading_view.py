"""The annotated article, its student view and the claim pages' citations, in a real browser,
with JavaScript on and off. Expected values come from the claim data, never from a copy."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import ROOT
from scripts.content.load import load_content

CONTENT = load_content(ROOT)
VERDICTS = CONTENT.registry.verdicts
LABELS = sorted({v.label for v in VERDICTS.values()}, key=len, reverse=True)


@pytest.fixture(params=[True, False], ids=["js", "no-js"])
def page_for(request, browser):
    contexts = []

    def open_page(url: str, scheme: str = "light", width: int = 375):
        context = browser.new_context(java_script_enabled=request.param, color_scheme=scheme,
                                      viewport={"width": width, "height": 800})
        contexts.append(context)
        page = context.new_page()
        page.goto(url, wait_until="networkidle")
        return page

    yield open_page
    for context in contexts:
        context.close()


def test_every_claims_note_opens_from_its_passage_and_names_its_verdict(page_for, server):
    page = page_for(server + "article/")
    for claim in CONTENT.claims:
        note = page.locator(f"#note-{claim.slug}").locator("xpath=..")
        assert note.evaluate("d => d.tagName") == "DETAILS"
        assert not note.evaluate("d => d.open"), claim.id
        page.locator(f"a#{claim.slug}").click()
        assert note.evaluate("d => d.open"), f"{claim.id}: tapping the passage did not open its note"
        summary = note.locator("summary").inner_text()
        assert VERDICTS[claim.verdict].label in summary and claim.id in summary
        link = note.locator(f"a[href$='claims/{claim.slug}/']")
        assert link.count() == 1, claim.id


def test_every_passage_links_to_a_note_and_says_its_verdict_to_a_screen_reader(page_for, server):
    page = page_for(server + "article/")
    passages = page.eval_on_selector_all(
        ".cbc-article a.cbc-passage", "els => els.map(e => [e.getAttribute('href'), e.textContent])")
    assert len(passages) >= sum(len(c.spans) for c in CONTENT.claims)
    by_slug = {c.slug: c for c in CONTENT.claims}
    for href, text in passages:
        claim = by_slug[href.removeprefix("#note-")]
        assert re.search(rf"[Vv]erdict:?\s+{re.escape(VERDICTS[claim.verdict].label)}", text), (claim.id, text)


def test_student_view_shows_no_verdict_technique_or_claim_link(page_for, server):
    page = page_for(server + "article/student/")
    text = page.inner_text("article")
    for label in LABELS:
        assert not re.search(rf"\b{re.escape(label)}\b", text), label
    for technique in CONTENT.registry.techniques.values():
        assert technique.name not in text
    assert page.locator("article a[href*='claims/']").count() == 0
    numbers = page.eval_on_selector_all(".cbc-numbered__n", "els => els.map(e => e.textContent)")
    assert numbers == [f"[{n}]" for n in range(1, len(CONTENT.claims) + 1)]


def test_filter_shows_only_false_and_misleading(browser, server):
    page = browser.new_page(viewport={"width": 375, "height": 800})
    try:
        page.goto(server + "article/")
        page.check("input[name='cbc-filter'][value='worst']")
        for claim in CONTENT.claims:
            visible = page.locator(f"#note-{claim.slug}").locator("xpath=..").is_visible()
            assert visible == (claim.verdict in ("false", "misleading")), claim.id
        page.check("input[name='cbc-filter'][value='checkable']")
        for claim in CONTENT.claims:
            visible = page.locator(f"#note-{claim.slug}").locator("xpath=..").is_visible()
            assert visible == VERDICTS[claim.verdict].checkable, claim.id
    finally:
        page.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("state", ["open", "closed"])
def test_no_axe_violations_with_every_note_open_or_closed(browser, server, scheme, state):
    page = browser.new_page(viewport={"width": 375, "height": 800}, color_scheme=scheme)
    try:
        page.goto(server + "article/", wait_until="networkidle")
        if state == "open":
            page.eval_on_selector_all("details.cbc-note", "els => els.forEach(d => d.open = true)")
        results = Axe().run(page)
        assert results.violations_count == 0, results.generate_report()
    finally:
        page.close()


def test_a_note_opens_and_closes_from_the_keyboard_with_a_visible_focus(browser, server):
    page = browser.new_page(viewport={"width": 375, "height": 800})
    try:
        page.goto(server + "article/")
        summary = page.locator("details.cbc-note summary").first
        summary.focus()
        outline = summary.evaluate("e => getComputedStyle(e).outlineStyle")
        assert outline not in ("", "none")
        page.keyboard.press("Enter")
        assert summary.evaluate("e => e.parentElement.open")
        page.keyboard.press("Enter")
        assert not summary.evaluate("e => e.parentElement.open")
    finally:
        page.close()


@pytest.mark.parametrize("claim", CONTENT.claims, ids=lambda c: c.id)
def test_every_citation_marker_resolves_and_every_entry_links_back(page_for, server, claim):
    page = page_for(f"{server}claims/{claim.slug}/")
    markers = page.eval_on_selector_all(".cbc-cite a", "els => els.map(e => [e.id, e.getAttribute('href')])")
    assert markers, f"{claim.id} has no inline citation"
    for anchor, href in markers:
        entry = page.locator(f"ol.cbc-sources > li{href}")
        assert entry.count() == 1, (claim.id, href)
        assert entry.locator(f"a.cbc-backref[href='#{anchor}']").count() == 1, (claim.id, anchor)
    entries = page.eval_on_selector_all("ol.cbc-sources > li", "els => els.map(e => e.id)")
    assert len(entries) == len(claim.sources)
    for entry in entries:
        backs = page.eval_on_selector_all(f"#{entry} a.cbc-backref", "els => els.map(e => e.getAttribute('href'))")
        assert backs, (claim.id, entry)
        for back in backs:
            assert page.locator(f".cbc-cite a{back}").count() == 1, (claim.id, back)


def test_the_first_screen_of_a_claim_page_shows_the_verdict_and_its_key_evidence(browser, server):
    page = browser.new_page(viewport={"width": 375, "height": 667})
    try:
        for claim in (c for c in CONTENT.claims if VERDICTS[c.verdict].checkable):
            page.goto(f"{server}claims/{claim.slug}/")
            for selector in (".cbc-verdict__name", ".cbc-verdict__keys a[href^='#source-']"):
                box = page.locator(selector).first.bounding_box()
                assert box and box["y"] + box["height"] <= 667, (claim.id, selector)
    finally:
        page.close()
