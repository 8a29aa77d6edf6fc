"""Zero broken internal links or anchors on every built page, including links that templates
and macros write as raw HTML (which MkDocs' own link validation never sees)."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from conftest import html_pages


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("name"):
            self.ids.add(attrs["name"])
        for key in ("href", "src"):
            if attrs.get(key) and tag in ("a", "link", "script", "img"):
                self.links.append(attrs[key])


def _parse(path: Path) -> _Collector:
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8"))
    return collector


def broken_links(site: Path) -> list[str]:
    parsed = {p: _parse(p) for p in html_pages(site)}
    broken = []
    for page, data in parsed.items():
        if page.name == "404.html":
            continue  # its links are absolute to the site root by design
        for link in data.links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith(("mailto:", "javascript:")):
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(site)}: {link}: no such file")
            elif parts.fragment and target.suffix == ".html":
                ids = parsed[target].ids if target in parsed else _parse(target).ids
                if parts.fragment not in ids:
                    broken.append(f"{page.relative_to(site)}: {link}: no such anchor")
    return broken


def test_no_broken_internal_links_or_anchors(built_site):
    assert broken_links(built_site) == []


def test_checker_finds_a_broken_link_and_anchor(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a/index.html").write_text('<p id="here"><a href="../b/">x</a><a href="#gone">y</a>'
                                           '<a href="#here">z</a></p>')
    assert sorted(broken_links(tmp_path)) == ["a/index.html: #gone: no such anchor",
                                              "a/index.html: ../b/: no such file"]
