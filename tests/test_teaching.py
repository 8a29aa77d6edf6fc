"""The teaching kit: every lesson, worksheet, answer key, source-card sheet and practice sheet is
published as a PDF (A4 and US Letter) and an ODT; the pages link each file with its true page count
and size; the printed pages carry the header, footer and absolute link addresses; answer keys stay
away from students; readability targets are met."""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import ROOT
from scripts.content.siteconfig import site_url
from scripts.content.yamlio import page_title
from scripts.site import handouts
from scripts.tools import readability

TEACH = ROOT / "docs" / "teach"
STEMS = handouts.kit_stems(TEACH)
PAPER = {"-a4.pdf": (210, 297), "-letter.pdf": (216, 279)}  # millimetres, rounded
SIZE = re.compile(r'<a href="([^"]+)" download>([^<]+)</a> '
                  r'\(<span class="cbc-handout__size" data-handout="([^"]+)">([^<]*)</span>\)')


def _text(pdf: Path, first: int | None = None) -> str:
    args = ["pdftotext", "-layout"] + (["-f", str(first), "-l", str(first)] if first else []) + [str(pdf), "-"]
    return " ".join(subprocess.run(args, capture_output=True, text=True, check=True).stdout.split())


def _title(stem: str) -> str:
    return page_title(TEACH / f"{stem}.md")


def test_the_kit_has_every_kind_of_handout():
    kinds = {handouts.kind_and_lesson(s)[0] for s in STEMS}
    assert kinds == set(handouts.KINDS), kinds
    assert len(STEMS) >= 12


@pytest.mark.parametrize("stem", STEMS)
def test_each_kit_page_is_published_as_pdfs_and_an_odt_that_open(built_site, stem):
    folder = built_site / handouts.FOLDER
    title = " ".join(_title(stem).split())
    for suffix, (width, height) in PAPER.items():
        pdf = folder / f"{stem}{suffix}"
        reader = PdfReader(pdf)
        box = reader.pages[0].mediabox
        assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == (width, height), pdf.name
        assert reader.metadata.title == _title(stem)
        first = _text(pdf, 1)
        assert title in first, f"{pdf.name}: first page lacks its title"
        # header and footer: the site, the page's absolute address, page numbers, the licence
        assert f"{site_url(ROOT)}teach/{stem}/" in first and f"Page 1 of {len(reader.pages)}" in first
        assert "CC BY 4.0" in first and "Claim by Claim" in first
    with zipfile.ZipFile(folder / f"{stem}.odt") as odt:
        assert odt.read("mimetype") == b"application/vnd.oasis.opendocument.text"
        assert _title(stem).split(":")[0] in odt.read("content.xml").decode()


def _links(html: str) -> list[tuple[str, str, str, str]]:
    return SIZE.findall(html)


def _check_links(page: Path, site: Path) -> set[str]:
    found = set()
    for href, _label, path, size in _links(page.read_text(encoding="utf-8")):
        target = (page.parent / href).resolve()
        assert target == (site / path).resolve(), (page, href)
        assert target.is_file(), (page, href)
        pages = len(PdfReader(target).pages) if target.suffix == ".pdf" else None
        assert size == handouts.size_label(pages, target.stat().st_size), (page, href, size)
        found.add(path)
    return found


def test_teach_page_links_every_handout_with_its_page_count_and_size(built_site):
    linked = _check_links(built_site / "teach/index.html", built_site)
    made = {f"{handouts.FOLDER}/{p.name}" for p in (built_site / handouts.FOLDER).iterdir()}
    assert linked == made and len(made) == 3 * len(STEMS)


@pytest.mark.parametrize("lesson", sorted({n for s in STEMS if (n := handouts.kind_and_lesson(s)[1])}))
def test_each_lesson_links_its_own_handouts(built_site, lesson):
    linked = _check_links(built_site / f"teach/lesson-{lesson}/index.html", built_site)
    family = [s for s in STEMS if handouts.kind_and_lesson(s)[1] == lesson]
    names = {p.rsplit("/", 1)[1] for p in linked}
    assert names == {handouts.file_name(s, f) for s in family for f in handouts.FORMATS}


def test_printed_worksheets_show_absolute_addresses_answer_space_and_the_chart(built_site):
    folder = built_site / handouts.FOLDER
    text = _text(folder / "worksheet-2-a4.pdf")
    assert f"({site_url(ROOT)}claims/cbc-009/)" in text  # an internal link, printed absolute
    assert "AWOL and desertion cases registered in Ukraine, per year" in text  # the chart Q1 asks about
    for stem in (s for s in STEMS if s.startswith("worksheet-")):
        html = (built_site / f"teach/{stem}/index.html").read_text(encoding="utf-8")
        article = html.split("<article", 1)[1]
        spaces = [a.count("cbc-answer__line") for a in article.split('<div class="cbc-answer">')[1:]]
        assert len(spaces) >= 8 and len(set(spaces)) > 1, f"{stem}: answer space not sized per question"
        assert len(PdfReader(folder / f"{stem}-a4.pdf").pages) <= 4


def test_a_link_to_a_handout_that_was_not_made_stops_the_build(tmp_path):
    (tmp_path / "page.html").write_text('<span class="cbc-handout__size" data-handout="teach/handouts/x.pdf"></span>')
    with pytest.raises(handouts.HandoutError, match="x.pdf"):
        handouts.fill_in_sizes(tmp_path, {})
    handouts.fill_in_sizes(tmp_path, {"teach/handouts/x.pdf": (2, 3000)})
    assert ">2 pages, 3 KB</span>" in (tmp_path / "page.html").read_text()


STUDENT_PAGES = ["teach/worksheet-*/index.html", "teach/cards-*/index.html", "teach/practice-sheet/index.html",
                 "practice/**/index.html"]


def test_answer_keys_are_not_reachable_from_student_pages(built_site):
    pages = [p for pattern in STUDENT_PAGES for p in built_site.glob(pattern)]
    assert len(pages) >= 8
    for page in pages:
        main = page.read_text(encoding="utf-8").split("<article", 1)[1].split("</article>", 1)[0]
        hrefs = [h for h in re.findall(r'href="([^"]+)"', main) if not h.startswith("#")]
        for teacher_only in ("answers-", "lesson-", "practice-key"):
            assert not [h for h in hrefs if teacher_only in h], (page, teacher_only)
    nav = (built_site / "teach/worksheet-1/index.html").read_text(encoding="utf-8")
    assert "answers-1/" not in nav


def test_answer_keys_stay_out_of_search(built_site):
    for stem in (s for s in STEMS if handouts.kind_and_lesson(s)[0] in ("answers", "practice-key")):
        html = (built_site / f"teach/{stem}/index.html").read_text(encoding="utf-8")
        assert "data-pagefind-body" not in html and 'name="robots" content="noindex"' in html, stem


def test_readability_targets_are_met():
    summaries, worksheets = readability.measure()
    assert len(worksheets) >= 3
    assert readability.failures(summaries, worksheets) == []


def test_readability_targets_can_fail():
    hard = readability.score("x", "Notwithstanding the aforementioned considerations, the institutionalised "
                                  "counterintelligence apparatus systematically disseminated incomprehensible "
                                  "disinformation concerning extraordinarily complicated organisational arrangements.")
    assert readability.failures([hard], []) != []
