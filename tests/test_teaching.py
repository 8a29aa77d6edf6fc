"""The teaching kit: PDFs of every lesson, worksheet and answer key; answer keys kept away from
students; readability targets met."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT
from scripts.tools import readability
from scripts.tools.pdf import render_pdfs, teaching_pages

TEACH = ROOT / "docs" / "teach"


def _pdf_pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def _pdf_text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module")
def pdfs(built_site, browser, server, tmp_path_factory) -> dict[str, Path]:
    assert shutil.which("pdfinfo"), "poppler-utils is missing (make system installs it)"
    out = tmp_path_factory.mktemp("pdf")
    return {p.stem: p for p in render_pdfs(built_site, out, browser, server)}


def test_one_pdf_per_lesson_worksheet_and_answer_key(pdfs, built_site):
    sources = sorted(p.stem for p in TEACH.glob("*.md") if p.stem.split("-")[0] in ("lesson", "worksheet", "answers"))
    assert len(sources) >= 9
    assert sorted(pdfs) == sources == [p.strip("/").split("/")[-1] for p in teaching_pages(built_site)]


def test_worksheets_fit_on_two_pages_and_carry_their_text(pdfs):
    for name, pdf in pdfs.items():
        pages = _pdf_pages(pdf)
        assert pages >= 1
        if name.startswith("worksheet"):
            assert pages <= 2, f"{name} prints on {pages} pages"
        title = re.search(r"^title:\s*\"?(.+?)\"?\s*$", (TEACH / f"{name}.md").read_text(), re.M).group(1)
        text = " ".join(_pdf_text(pdf).split())
        assert " ".join(title.split()) in text, name
        assert "Search" not in text.split(title)[0], f"{name}: site chrome printed before the title"


def test_answer_keys_are_not_reachable_from_student_pages(built_site):
    student = [p for p in (built_site / "teach").glob("worksheet-*/index.html")]
    assert student
    for page in student:
        html = page.read_text(encoding="utf-8")
        main = html.split('<article', 1)[1].split("</article>", 1)[0]
        assert "answers-" not in main and "lesson-" not in main, page
    # and the navigation does not list them either
    nav = (built_site / "teach/worksheet-1/index.html").read_text(encoding="utf-8")
    assert "answers-1/" not in nav


def test_readability_targets_are_met():
    summaries, worksheets = readability.measure()
    assert len(worksheets) >= 3
    assert readability.failures(summaries, worksheets) == []


def test_readability_targets_can_fail():
    hard = readability.score("x", "Notwithstanding the aforementioned considerations, the institutionalised "
                                  "counterintelligence apparatus systematically disseminated incomprehensible "
                                  "disinformation concerning extraordinarily complicated organisational arrangements.")
    assert readability.failures([hard], []) != []
