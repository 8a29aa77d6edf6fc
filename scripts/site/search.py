"""Search on demand: a Pagefind index written next to the built site.

Material's search sends the whole-site index (64 KB gzip at 35 claims, 3.57 MB at 100x) to every
first visit. Pagefind splits its index into chunks and a query fetches only the chunks it needs,
and nothing at all is fetched until someone opens the search page. The binary comes from PyPI
(pagefind-bin, pinned with hashes), so indexing needs no network.

What is indexed is what the reader reads: the content of every page marked `data-pagefind-body`
(overrides/main.html marks all but those whose front matter excludes them from search: answer keys
and the student view), less what the site keeps out of search (`[data-search-exclude]`: the
article's own text, source lists) and the headings' ¶ links.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from pagefind_bin import get_executable

# Templates mark excluded parts twice: data-search-exclude (MkDocs keeps it) and
# data-pagefind-ignore (Zensical 0.0.73 drops data-search-exclude attributes).
EXCLUDE = "[data-search-exclude], .headerlink"


class SearchIndexError(RuntimeError):
    pass


def index_site(site: Path, editions: dict[str, str | None] | None = None) -> str:
    """Write site/pagefind/ for the English pages and site/<lang>/pagefind/ for each edition built
    there; return Pagefind's summary. `editions` maps an edition to the stemmer its pages are
    indexed with (Pagefind has none for Ukrainian: data/i18n/<lang>/site.yml says which one, and why)."""
    if not (site / "index.html").is_file():
        raise SearchIndexError(f"{site} holds no built site (no index.html): build it first")
    present = {lang: stem for lang, stem in (editions or {}).items() if (site / lang / "index.html").is_file()}
    # The English index leaves out the editions' folders: each edition has its own.
    others = ",".join(f"[!{lang[0]}]*/**/*.html,{lang[0]}[!{lang[1:]}]*/**/*.html" for lang in present)
    lines = [_index(site, ["--glob", f"{{*.html,{others}}}"] if present else [])]
    for lang, stemmer in present.items():
        lines.append(_index(site / lang, ["--force-language", stemmer] if stemmer else []))
    return "; ".join(lines)


def _index(site: Path, options: list[str]) -> str:
    # The binary itself, not `python -m pagefind` (a second interpreter only to exec it).
    result = subprocess.run([str(get_executable()), "--site", str(site), "--exclude-selectors", EXCLUDE, *options,
                             "--quiet"], capture_output=True, text=True, timeout=600)
    if result.returncode:
        raise SearchIndexError(f"pagefind failed: {(result.stderr or result.stdout).strip()[-500:]}")
    pages = sum(1 for _ in (site / "pagefind" / "fragment").iterdir())
    return f"search index: {pages} pages indexed into {site / 'pagefind'}"
