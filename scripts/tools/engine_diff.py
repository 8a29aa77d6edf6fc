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

ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
KNOWN = (re.compile(r'<a id="__skip" tabindex="-1">\s*</a>'), re.compile(r" data-search-exclude(?:=\"\")?"),
         re.compile(r'<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc" hidden>'))


def content(page: Path) -> list[str]:
    match = ARTICLE.search(page.read_text(encoding="utf-8"))
    text = match.group(1) if match else ""
    for pattern in KNOWN:
        text = pattern.sub("", text)
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
        diff = [line for line in difflib.unified_diff(content(mkdocs_site / rel), content(other), lineterm="", n=0)
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
