"""Compare the MkDocs build with the Zensical canary build, page by page.

Only the page content is compared (the `<article>`), after removing what the two themes are known
to write differently and what no reader sees: Zensical's skip-link target, the hidden table-of-
contents toggle it adds to every page, and the `data-search-exclude` attributes it drops. Any
other difference, or a page one build lacks, fails.

    python -m scripts.tools.engine_diff build/canary-mkdocs site
"""

from __future__ import annotations

import difflib
import re
import sys
from pathlib import Path
from urllib.parse import urljoin, urlparse

ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
KNOWN = (re.compile(r'<a id="__skip" tabindex="-1">\s*</a>'), re.compile(r" data-search-exclude(?:=\"\")?"),
         re.compile(r'<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc" hidden>'))
# Each engine's handouts are printed from its own pages, whose theme markup differs, so their page
# counts and sizes may differ; the links themselves must not.
HANDOUT_SIZE = re.compile(r'(<span class="cbc-handout__size" data-handout="[^"]+">)[^<]*(</span>)')


LINK = re.compile(r'\b(href|src)="([^"#:]*)(#[^"]*)?"')
# Served under a sub-path, so a link that climbs out of the site is not hidden by URL clamping.
MOUNT = "https://example.org/a/b/"


def _resolved(text: str, page_dir: str) -> str:
    """Write every relative link as the absolute path it reaches: the two engines may spell the same
    target differently (`student/` and `../article/student/` from article/)."""
    def absolute(m: re.Match) -> str:
        if not m.group(2):
            return m.group(0)
        return f'{m.group(1)}="{urlparse(urljoin(MOUNT + page_dir, m.group(2))).path}{m.group(3) or ""}"'
    return LINK.sub(absolute, text)


def content(page: Path, page_dir: str = "") -> list[str]:
    match = ARTICLE.search(page.read_text(encoding="utf-8"))
    text = _resolved(match.group(1), page_dir) if match else ""
    for pattern in KNOWN:
        text = pattern.sub("", text)
    text = HANDOUT_SIZE.sub(r"\1\2", text)
    text = re.sub(r"\s+", " ", text)
    return [line.strip() for line in re.sub(r">\s*<", ">\n<", text).splitlines() if line.strip()]


def compare(mkdocs_site: Path, zensical_site: Path) -> list[str]:
    report = []
    pages = sorted(p.relative_to(mkdocs_site) for p in mkdocs_site.rglob("index.html"))
    for rel in pages:
        other = zensical_site / rel
        if not other.exists():
            report.append(f"{rel}: missing from the Zensical build")
            continue
        page_dir = rel.parent.as_posix() + "/" if rel.parent.as_posix() != "." else ""
        diff = [line for line in difflib.unified_diff(content(mkdocs_site / rel, page_dir), content(other, page_dir),
                                                      lineterm="", n=0)
                if line[:1] in "+-" and not line.startswith(("+++", "---"))]
        if diff:
            report.append(f"{rel}: {len(diff)} line(s) differ, first: {diff[0][:160]}")
    return report


def main(argv: list[str]) -> int:
    mkdocs_site, zensical_site = (Path(a) for a in argv[:2])
    count = len(list(mkdocs_site.rglob("index.html")))
    report = compare(mkdocs_site, zensical_site)
    print("\n".join(report) if report else f"engine_diff: {count} pages, same content under MkDocs and Zensical")
    return 1 if report or not count else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
