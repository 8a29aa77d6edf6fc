"""Make the handouts from the built kit pages: PDFs printed by Debian's Chromium through Playwright,
editable ODT copies converted by Debian's pandoc, page counts and metadata through pypdf.

Chromium loads each page at its published address (site_url), answered from the built files, so
the printed header and footer carry the page's real URL and internal links print as absolute
addresses. Any request to another address is refused: a handout is made from the site alone.
Files are cached under build/handouts/ by a hash of what they are made from, so a warm build
prints only pages that changed; the metadata is fixed, so two builds give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import mimetypes
import os
import shutil
import subprocess
import zipfile
from html import escape
from pathlib import Path
from urllib.parse import unquote, urlsplit

from . import i18n
from .handouts import FOLDER, FORMATS, HandoutError, file_name, kit_stems, without_sizes
from .i18n import gettext as _

RENDERER = "handouts 3"  # bump to re-make every cached file
MARGIN = {"top": "18mm", "bottom": "18mm", "left": "16mm", "right": "16mm"}


def licence() -> str:
    return _("Text: CC BY 4.0, Claim by Claim")


# Chromium fills the elements with these classes itself: title, url, pageNumber, totalPages.
HEADER = ('<div style="font: 8pt sans-serif; color: #000; width: 100%; margin: 0 16mm; display: flex; '
          'justify-content: space-between;"><span>{site}</span><span>{title}</span></div>')
FOOTER = ('<div style="font: 8pt sans-serif; color: #000; width: 100%; margin: 0 16mm; display: flex; '
          'justify-content: space-between; gap: 4mm;"><span class="url"></span>'
          '<span style="white-space: nowrap;">{page} <span class="pageNumber"></span> {of} <span class="totalPages">'
          '</span> · {licence}</span></div>')


def footer() -> str:
    """The footer in the edition's words ("Page 1 of 3"; Chromium fills in the numbers)."""
    return FOOTER.format(page=escape(_("Page")), of=escape(_("of")), licence=escape(licence()))


def make_handouts(site: Path, site_url: str, teach_dir: Path, cache: Path,
                  site_name: str) -> dict[str, tuple[int | None, int]]:
    """Write every handout into site/teach/handouts/; return {site path: (pages, bytes)}."""
    if not shutil.which("pandoc"):
        raise HandoutError("pandoc is missing (Debian: apt-get install pandoc; `make system` installs it)")
    out = site / FOLDER
    out.mkdir(parents=True, exist_ok=True)
    cache.mkdir(parents=True, exist_ok=True)
    stems = kit_stems(teach_dir)
    jobs = []
    for stem in stems:
        page = site / "teach" / stem / "index.html"
        if not page.is_file():
            raise HandoutError(f"{page} was not built")
        jobs.append((stem, page))
    wanted = {}
    todo = []
    for stem, page in jobs:
        key = _key(site, page)
        for fmt in FORMATS:
            cached = cache / f"{key}-{file_name('x', fmt)[1:]}"
            wanted[file_name(stem, fmt)] = cached
            if not cached.is_file():
                todo.append((stem, fmt, cached))
    if todo:
        _render(site, site_url, site_name, todo)
    facts = {}
    for name, cached in wanted.items():
        target = out / name
        shutil.copyfile(cached, target)
        facts[f"{FOLDER}/{name}"] = (_pdf_pages(target) if name.endswith(".pdf") else None, target.stat().st_size)
    for stale in set(out.iterdir()) - {out / n for n in wanted}:
        stale.unlink()
    return facts


def _key(site: Path, page: Path) -> str:
    """What a handout is made from: the page, the site's stylesheets and scripts, this renderer."""
    digest = hashlib.sha256(RENDERER.encode())
    digest.update(footer().encode())  # the edition's words in the footer
    digest.update(without_sizes(page.read_text(encoding="utf-8")).encode())
    for part in [*sorted((site / "assets").rglob("*.css")), *sorted((site / "assets").rglob("*.js"))]:
        digest.update(part.read_bytes())
    digest.update(_epoch().isoformat().encode())
    return digest.hexdigest()[:24]


def _epoch() -> dt.datetime:
    seconds = int(os.environ.get("SOURCE_DATE_EPOCH") or 1763000000)
    return dt.datetime.fromtimestamp(seconds, dt.UTC)


def _render(site: Path, site_url: str, site_name: str, todo) -> None:
    from playwright.sync_api import sync_playwright

    from .browser import launch

    refused: list[str] = []
    with sync_playwright() as p:
        browser = launch(p)
        try:
            # Laid out at the printed width (A4 less the margins), so no wide-screen rule (the margin
            # notes' column) narrows the text on paper.
            context = browser.new_context(viewport={"width": 680, "height": 960})
            context.route("**/*", lambda route: _answer(route, site, site_url, refused))
            page = context.new_page()
            for stem, fmt, cached in todo:
                url = f"{site_url}teach/{stem}/"
                page.goto(url, wait_until="load")
                page.emulate_media(media="print")
                # cbc.js writes each internal link's absolute address for print on `beforeprint`.
                page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
                title = page.locator("article h1").first.inner_text().strip()
                if fmt.paper:
                    pdf = page.pdf(format=fmt.paper, print_background=False, display_header_footer=True,
                                   header_template=HEADER.format(site=escape(site_name), title=escape(title)),
                                   footer_template=footer(), margin=MARGIN)
                    cached.write_bytes(_fixed_metadata(pdf, title, url, site_name))
                else:
                    article = page.evaluate(ARTICLE_FOR_EDITING)
                    cached.write_bytes(_odt(article, title, url))
        finally:
            browser.close()
    if refused:
        raise HandoutError("a handout page asked for another address: " + ", ".join(sorted(set(refused))))


def _answer(route, site: Path, site_url: str, refused: list[str]) -> None:
    url = route.request.url
    if not url.startswith(site_url):
        refused.append(url)
        route.abort()
        return
    rel = unquote(urlsplit(url).path)[len(urlsplit(site_url).path):]
    path = (site / rel).resolve()
    if path.is_dir():
        path = path / "index.html"
    if site.resolve() not in path.parents or not path.is_file():
        route.fulfill(status=404, body="not found")
        return
    kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    route.fulfill(status=200, body=path.read_bytes(), content_type=kind)


# The page's article, as the editable copy keeps it: links absolute, nothing that only makes sense
# on screen (the ¶ links, the download list, the pager, buttons), answer lines as underscores.
ARTICLE_FOR_EDITING = """() => {
  const article = document.querySelector("article").cloneNode(true);
  article.querySelectorAll(".headerlink, .cbc-noprint, .cbc-pager, button, script").forEach(e => e.remove());
  article.querySelectorAll("a[href]").forEach(a => a.setAttribute("href", a.href));
  article.querySelectorAll(".cbc-answer__line").forEach(line => {
    const written = document.createElement("p");
    written.textContent = "_".repeat(60);
    line.replaceWith(written);
  });
  return article.outerHTML;
}"""


def _odt(article_html: str, title: str, url: str) -> bytes:
    """pandoc's ODT of the page, with fixed dates."""
    source = escape(_("From %(url)s.") % {"url": url})
    html = (f"<!doctype html><html lang='{i18n.current()}'><head><meta charset='utf-8'><title>{escape(title)}</title>"
            f"</head><body>{article_html}<p>{source} {escape(licence())}.</p></body></html>")
    result = subprocess.run(["pandoc", "--from", "html", "--to", "odt", "--metadata", f"title={title}", "-o", "-"],
                            input=html.encode(), capture_output=True, timeout=120)
    if result.returncode:
        raise HandoutError(f"pandoc could not convert {url}: {result.stderr.decode(errors='replace')[-300:]}")
    return _fixed_zip_dates(result.stdout)


def _fixed_zip_dates(odt: bytes) -> bytes:
    """The same ODT with every zip entry dated SOURCE_DATE_EPOCH: Debian's pandoc 2.17 stamps the
    clock time into the archive. Order and compression are kept (the mimetype entry first, stored)."""
    stamp = _epoch().timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(odt)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=stamp)
            fixed.compress_type, fixed.external_attr = info.compress_type, info.external_attr
            target.writestr(fixed, source.read(info))
    return out.getvalue()


def _fixed_metadata(pdf: bytes, title: str, url: str, site_name: str) -> bytes:
    """The PDF with its title, author and a creation date from SOURCE_DATE_EPOCH (Chromium stamps the
    clock time), so two builds of the same page give the same bytes."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    stamp = _epoch().strftime("D:%Y%m%d%H%M%SZ")
    writer.metadata = {"/Title": title, "/Author": site_name, "/Subject": url, "/Creator": site_name,
                       "/Producer": site_name, "/CreationDate": stamp, "/ModDate": stamp}
    writer._ID = None  # noqa: SLF001 - pypdf derives a random file id otherwise
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _pdf_pages(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(path).pages)
