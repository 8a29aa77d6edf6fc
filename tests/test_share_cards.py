"""Share cards and titles: every page names an og:image that exists, is 1200x630, under 100 KB;
a claim page's title leads with its verdict, and its card is the one drawn from its data."""

from __future__ import annotations

import dataclasses
import html
import io
import re
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from PIL import Image

from conftest import ROOT, html_pages
from scripts.content.load import load_content
from scripts.content.siteconfig import site_url
from scripts.site import cards

CONTENT = load_content(ROOT)
SITE_URL = site_url(ROOT)


def meta(page_html: str, key: str) -> str | None:
    match = re.search(rf'<meta (?:property|name)="{re.escape(key)}" content="([^"]*)"', page_html)
    return html.unescape(match.group(1)) if match else None


def test_every_page_has_a_share_card_of_the_right_size(built_site):
    for page in html_pages(built_site):
        text = page.read_text(encoding="utf-8")
        if "<title>Moved to" in text:  # redirect stubs for retired ids carry no card
            continue
        image_url = meta(text, "og:image")
        assert image_url and image_url.startswith(SITE_URL), page
        assert meta(text, "twitter:card") == "summary_large_image", page
        path = built_site / image_url.removeprefix(SITE_URL)
        data = path.read_bytes()
        assert len(data) <= cards.LIMIT_BYTES, (path, len(data))
        with Image.open(io.BytesIO(data)) as image:
            assert image.format == "PNG" and image.size == (1200, 630), path


def test_a_claim_pages_title_and_card_lead_with_its_verdict(built_site):
    for claim in CONTENT.claims:
        text = (built_site / "claims" / claim.slug / "index.html").read_text(encoding="utf-8")
        label = CONTENT.registry.verdicts[claim.verdict].label
        title = html.unescape(re.search(r"<title>([^<]*)</title>", text).group(1))
        assert title.startswith(f"{label}: "), (claim.id, title)
        assert meta(text, "og:title").startswith(f"{label}: ")
        assert meta(text, "og:image:alt").startswith(f"Verdict: {label}.")
        # The picture is the one drawn from this claim's data (so it shows this verdict in words).
        expected = cards.draw(cards.claim_card(claim, CONTENT.registry, SITE_URL))
        assert (built_site / "cards" / f"{claim.slug}.png").read_bytes() == expected, claim.id


def test_a_card_changes_when_the_verdict_changes():
    claim = CONTENT.claim("CBC-009")
    other = dataclasses.replace(claim, verdict="misleading")
    one, two = (cards.claim_card(c, CONTENT.registry, SITE_URL) for c in (claim, other))
    assert one.kicker != two.kicker and "Misleading" in two.kicker
    assert cards.draw(one) != cards.draw(two)
    assert cards.draw(one) == cards.draw(one)  # byte-reproducible


def test_missing_fonts_give_a_clear_error(monkeypatch, tmp_path):
    import pytest

    monkeypatch.setattr(cards, "FONT_DIR", tmp_path)
    cards._font.cache_clear()
    with pytest.raises(cards.CardError, match="fonts-dejavu-core"):
        cards.draw(cards.site_card(SITE_URL, 1))
    cards._font.cache_clear()


def test_cached_cards_are_the_drawn_bytes_and_are_not_drawn_again(tmp_path, monkeypatch):
    claims = CONTENT.claims[:3]
    cache = tmp_path / "cards"
    first = cards.all_cards(claims, CONTENT.registry, SITE_URL, cache)
    assert first == cards.all_cards(claims, CONTENT.registry, SITE_URL)  # as drawn, byte for byte
    assert len(list(cache.glob("*.png"))) == len(claims) + 1  # the site card too

    def no_drawing(card):
        raise AssertionError(f"{card.name} was drawn again")

    monkeypatch.setattr(cards, "draw", no_drawing)
    assert cards.all_cards(claims, CONTENT.registry, SITE_URL, cache) == first


def test_a_changed_input_draws_a_new_card_and_drops_the_old_one(tmp_path, monkeypatch):
    claim = CONTENT.claim("CBC-009")
    cache = tmp_path / "cards"
    before = cards.all_cards([claim], CONTENT.registry, SITE_URL, cache)
    old_files = set(cache.glob("*.png"))
    changed = dataclasses.replace(claim, title=claim.title + " (edited)")
    after = cards.all_cards([changed], CONTENT.registry, SITE_URL, cache)
    assert after[f"{claim.slug}.png"] != before[f"{claim.slug}.png"]
    assert after[f"{claim.slug}.png"] == cards.draw(cards.claim_card(changed, CONTENT.registry, SITE_URL))
    assert after["site.png"] == before["site.png"]
    assert len(set(cache.glob("*.png")) - old_files) == 1 and len(list(cache.glob("*.png"))) == 2


def test_the_cache_key_covers_the_fonts_and_the_drawing_code(tmp_path, monkeypatch):
    card = cards.site_card(SITE_URL, 1)
    key = cards.cache_key(card)
    assert key == cards.cache_key(cards.site_card(SITE_URL, 1))
    assert key != cards.cache_key(cards.site_card(SITE_URL, 2))
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    for name in cards.FONTS.values():
        (fonts / name).write_bytes((cards.FONT_DIR / name).read_bytes() + b"\0")  # another font file
    monkeypatch.setattr(cards, "FONT_DIR", fonts)
    assert cards.cache_key(card) != key
    monkeypatch.undo()
    edited = tmp_path / "cards.py"  # the drawing code changed
    edited.write_bytes(Path(cards.__file__).read_bytes() + b"\n# edited\n")
    monkeypatch.setattr(cards, "__file__", str(edited))
    cards._drawing_inputs.cache_clear()
    assert cards.cache_key(card) != key
    monkeypatch.undo()
    cards._drawing_inputs.cache_clear()
    assert cards.cache_key(card) == key


def test_cards_drawn_in_the_background_are_the_same_bytes_and_fill_the_cache(tmp_path):
    claims = CONTENT.claims[:4]
    cache = tmp_path / "cards"
    cards.all_cards(claims[:2], CONTENT.registry, SITE_URL, cache)  # two claims' cards drawn before
    with ProcessPoolExecutor(max_workers=1) as pool:
        drawing = cards.start_drawing(claims, CONTENT.registry, SITE_URL, cache, pool)
        images = drawing.finish()
    # The site card counts the claims, so it is drawn again too.
    assert drawing.pending == ["site.png", *(f"{c.slug}.png" for c in claims[2:])]
    assert set(drawing.ready) == {f"{c.slug}.png" for c in claims[:2]}
    assert images == cards.all_cards(claims, CONTENT.registry, SITE_URL)
    assert len(list(cache.glob("*.png"))) == len(claims) + 1


def test_a_card_that_fails_in_the_background_stops_with_its_message(tmp_path, monkeypatch):
    import pytest

    long_title = dataclasses.replace(CONTENT.claims[0], title="x" * 5000)
    monkeypatch.setattr(cards, "LIMIT_BYTES", 10)  # the forked worker inherits the patched limit
    with ProcessPoolExecutor(max_workers=1) as pool:
        drawing = cards.start_drawing([long_title], CONTENT.registry, SITE_URL, tmp_path / "cards", pool)
        with pytest.raises(cards.CardError, match="over the 10-byte limit"):
            drawing.finish()

