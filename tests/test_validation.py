"""The validator: each kind of bad input gets `path:line: field: message`, all in one run, no traceback."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, run
from scripts.content.load import load_content

BROKEN = ROOT / "tests" / "fixtures" / "broken"


def problems_for(root: Path, claims_dir: Path | None = None) -> list[str]:
    return [str(p) for p in load_content(root, claims_dir).problems.sorted()]


@pytest.fixture(scope="module")
def broken_report() -> subprocess.CompletedProcess:
    return run([sys.executable, "-m", "scripts", "check", "--claims", str(BROKEN)], cwd=ROOT)


def test_check_fails_on_broken_folder_without_traceback(broken_report):
    assert broken_report.returncode == 1
    assert "Traceback" not in broken_report.stderr + broken_report.stdout
    assert broken_report.stderr.strip().endswith("problems found")


def test_every_broken_file_is_reported_in_one_run(broken_report):
    reported = {line.split(":", 1)[0] for line in broken_report.stderr.splitlines() if line.startswith("tests/")}
    assert reported == {f"tests/fixtures/broken/{p.name}" for p in BROKEN.glob("*.md")}


@pytest.mark.parametrize("file, field, message", [
    ("cbc-901.md", "verdict", "missing required field"),
    ("cbc-902.md", "knid", "unknown field"),
    ("cbc-903.md", "title", "must be text, got a list"),
    ("cbc-903.md", "reviewers", "must be a list, got a number"),
    ("cbc-904.md", "verdict", "unknown verdict 'mostly-true'"),
    ("cbc-905.md", "techniques[0].id", "unknown technique id 'Big_Lie'"),
    ("cbc-906.md", "sources[0]", "unknown source id 'no-such-source'"),
    ("cbc-907.md", "quote", "does not occur verbatim in the article"),
    ("cbc-908.md", "front matter", "malformed YAML: column"),
    ("cbc-909.md", "reviewed", "'2025-02-30' is an impossible date"),
    ("cbc-910.md", "body", "is empty"),
    ("cbc-911.md", "title", "contains HTML markup or a script"),
    ("cbc-912.md", "id", "duplicate claim id CBC-906"),
])
def test_each_problem_names_path_field_and_reason(broken_report, file, field, message):
    pattern = re.compile(rf"^tests/fixtures/broken/{re.escape(file)}:\d+: {re.escape(field)}: ")
    lines = [line for line in broken_report.stderr.splitlines() if pattern.match(line)]
    assert any(message in line for line in lines), broken_report.stderr


def test_real_content_is_valid():
    assert problems_for(ROOT) == []


def test_check_passes_with_full_coverage():
    result = run([sys.executable, "-m", "scripts", "check"], cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert "(100%)" in result.stdout
    assert "uncovered:" not in result.stdout


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_uncovered_sentence_is_listed(repo):
    _edit(repo / "docs/claims/cbc-002.md", "covers:\n", "covers_removed:\n")
    result = run([sys.executable, "-m", "scripts", "check"], cwd=repo)
    assert result.returncode == 1
    assert "Behind the upbeat talk" in result.stdout and "uncovered:" in result.stdout


def test_overlapping_claims_are_rejected(repo):
    _edit(repo / "docs/claims/cbc-009.md", 'quote: "In Ukraine, about 300,000',
          'covers: ["Ukraine’s army is coming apart at the seams."]\nquote: "In Ukraine, about 300,000')
    assert any("overlaps the text of CBC-002" in p for p in problems_for(repo))


def test_checkable_verdict_needs_two_independent_sources(repo):
    path = repo / "docs/claims/cbc-009.md"
    text = path.read_text(encoding="utf-8")
    start, end = text.index("sources:\n"), text.index("people:")
    path.write_text(text[:start] + "sources: [tass-en-2025-11-12-311k, tsn-2025-10-14-pgo-jan2022-sep2025]\n"
                    + text[end:], encoding="utf-8")
    assert any("needs at least two independent sources" in p and "found 1" in p for p in problems_for(repo))


def test_retired_id_cannot_be_reused(repo):
    _edit(repo / "data/claim-ids.yml", "CBC-009: active", "CBC-009: {retired: CBC-002}")
    assert any("CBC-009 was retired and can never be reused" in p for p in problems_for(repo))


def test_deleting_a_claim_without_retiring_it_fails(repo):
    (repo / "docs/claims/cbc-009.md").unlink()
    assert any("CBC-009: is active but has no claim page" in p for p in problems_for(repo))


def test_outlet_domain_is_never_a_source(repo):
    _edit(repo / "data/sources.yml", "url: https://www.pravda.com.ua/news/2025/08/26/7527905/",
          "url: https://southfront.press/army-of-deserters/")
    assert any("is on the analysed outlet's domain (southfront.press)" in p for p in problems_for(repo))


def test_malformed_registry_is_reported_not_raised(repo):
    (repo / "data/statistics.yml").write_text("- year: 2024\n  article: 409\n  cases: many\n", encoding="utf-8")
    found = problems_for(repo)
    assert any(p.startswith("data/statistics.yml:3: [0].cases: must be a whole number") for p in found)
    assert any(p.startswith("data/statistics.yml:2: [0].article: must be 407") for p in found)


def test_build_fails_on_invalid_content_with_clear_message(repo):
    shutil.copy(BROKEN / "cbc-907.md", repo / "docs/claims/cbc-907.md")
    result = run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(repo / "site")], cwd=repo)
    assert result.returncode != 0
    assert re.search(r"docs/claims/cbc-907.md:\d+: quote: does not occur verbatim in the article", result.stderr)
    assert "Traceback" not in result.stderr


def test_page_corrections_name_a_real_page_and_never_a_claim_page(repo):
    (repo / "data" / "page-corrections.yml").write_text(
        "- id: a\n  date: 2026-01-02\n  page: teach/nowhere.md\n  change: x\n  reason: y\n"
        "- id: b\n  date: 2026-01-02\n  page: claims/cbc-001.md\n  change: x\n  reason: y\n"
        "- id: c\n  date: 2026-01-02\n  page: teach/index.md\n  change: x\n"
        "- id: d\n  date: 2030-01-02\n  page: teach/gone.md\n  change: x\n  reason: y\n")
    lines = problems_for(repo)
    assert "data/page-corrections.yml:3: a.page: 'teach/nowhere.md' is not a page under docs/" in lines, lines
    assert any(line.startswith("data/page-corrections.yml:8: b.page: a claim page keeps") for line in lines), lines
    assert "data/page-corrections.yml:11: c.reason: missing required field" in lines, lines
    # a bad date does not hide a bad page in the same entry: all problems in one run
    assert any(line.startswith("data/page-corrections.yml:16: d.date:") for line in lines), lines
    assert "data/page-corrections.yml:17: d.page: 'teach/gone.md' is not a page under docs/" in lines, lines
