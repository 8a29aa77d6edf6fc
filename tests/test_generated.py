"""Tables, charts and downloads: plain functions over data, tested on small fixtures, and a
verdict change in a copy of the repository shows up everywhere it should."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import sys
import xml.etree.ElementTree as ET

import pytest

from conftest import ROOT, build
from scripts.content.claims import FIGURE_UNITS
from scripts.content.load import load_content
from scripts.content.registry import StatRow
from scripts.site import charts, opendata, tables

CONTENT = load_content(ROOT)


def _content_with(claims=None, **registry_changes):
    """A shallow copy of the real content with some parts replaced (small fixture data)."""
    reg = dataclasses.replace(CONTENT.registry, **registry_changes)
    return dataclasses.replace(CONTENT, registry=reg, claims=list(CONTENT.claims if claims is None else claims))


def test_cases_by_year_chart_from_two_rows():
    rows = [StatRow(2024, "January–December 2024", "407", 100, "cases", ("s",), ""),
            StatRow(2024, "January–December 2024", "408", 50, "cases", ("s",), "")]
    chart = charts.cases_by_year(rows)
    assert chart.svg.startswith("<svg") and 'role="img"' in chart.svg
    assert "<title id=\"cases-by-year-title\">" in chart.svg and "150 cases in all" in chart.description
    assert "<script" not in chart.svg
    ET.fromstring(chart.svg)  # noqa: S314 - our own output: well-formed XML, or this raises
    page = charts.html(chart, "../", "table-statistics")
    assert "AWOL 100" in page and "desertion 50" in page and ">150<" in page


def test_article_vs_record_compares_like_with_like():
    chart = charts.article_vs_record(CONTENT)
    units = {f.unit for c in CONTENT.claims for f in c.figures if f.article_number is not None}
    assert [p.title for p in chart.panels] == [FIGURE_UNITS[u] for u in FIGURE_UNITS if u in units]
    for panel in chart.panels:
        unit = next(u for u, title in FIGURE_UNITS.items() if title == panel.title)
        for row in panel.rows:
            cid = row.label.split(":")[0]
            assert all(f.unit == unit for f in CONTENT.claim(cid).figures if f.label and f.label in row.label)
    # One colour meaning: the article's figures and the record's use the same series everywhere.
    assert chart.series == ("article", "record")
    assert {s.series for p in chart.panels for r in p.rows for b in r.bars for s in b.segments} == {"article", "record"}


def test_empty_statistics_give_a_clear_error():
    with pytest.raises(charts.ChartError, match="no statistics rows"):
        charts.cases_by_year([])


def test_article_vs_record_needs_numbers():
    plain = [dataclasses.replace(c, figures=()) for c in CONTENT.claims]
    with pytest.raises(charts.ChartError, match="article_number and record_number"):
        charts.article_vs_record(_content_with(claims=plain))


def test_chart_output_is_deterministic():
    rows = CONTENT.registry.statistics
    assert charts.cases_by_year(rows).svg == charts.cases_by_year(rows).svg


def test_claims_table_groups_by_verdict_on_fixture():
    two = [CONTENT.claim("CBC-009"), CONTENT.claim("CBC-011")]
    html = tables.claims_table(_content_with(claims=two), "../")
    assert html.count("<tr data-verdict=") == 2
    assert 'id="verdict-missing-context"' in html and 'id="verdict-false"' in html
    assert 'id="verdict-opinion"' not in html


def test_tables_handle_empty_data():
    empty = _content_with(claims=[], statistics=[], framing=[], people={})
    assert "No claims yet." in tables.claims_table(empty, "../")
    for render in (tables.numbers_table, tables.statistics_table, tables.techniques_table,
                   tables.cited_table, tables.framing_table):
        html = render(empty, "../")
        assert "<tbody>\n</tbody>" in html  # an empty table with its caption, not an error


def test_statistics_table_rows_follow_the_data():
    html = tables.statistics_table(CONTENT, "../")
    for row in CONTENT.registry.statistics:
        assert f"{row.cases:,}" in html


def test_malformed_table_data_is_reported_not_raised(repo):
    (repo / "data/framing.yml").write_text("- source: no-such-source\n  group: tabloid\n", encoding="utf-8")
    problems = [str(p) for p in load_content(repo).problems.sorted()]
    assert any("data/framing.yml:1: [0].source: unknown source id 'no-such-source'" in p for p in problems)
    assert any("data/framing.yml:2: [0].group: unknown group 'tabloid'" in p for p in problems)
    assert any("data/framing.yml:1: [0].figure: missing required field" in p for p in problems)


def test_downloads_parse_and_match_the_data():
    for table in opendata.TABLES:
        expected = len(table.rows(CONTENT))
        rows = list(csv.DictReader(io.StringIO(opendata.to_csv(table, CONTENT))))
        assert len(rows) == expected and list(rows[0]) == [c.name for c in table.columns]
        payload = json.loads(opendata.to_json(table, CONTENT))
        assert len(payload["rows"]) == expected and payload["licence"] == "CC BY 4.0"


def test_data_dictionary_documents_every_column():
    html = tables.data_dictionary(opendata.TABLES, CONTENT, "../")
    for table in opendata.TABLES:
        for column in table.columns:
            assert f"<code>{column.name}</code>" in html, (table.name, column.name)
            assert column.description


def test_a_verdict_change_reaches_every_table_download_and_chart(repo):
    path = repo / "docs/claims/cbc-009.md"
    path.write_text(path.read_text(encoding="utf-8").replace("verdict: missing-context", "verdict: misleading")
                    .replace("rule: context-missing", "rule: distorted"),
                    encoding="utf-8")
    result = build(repo, repo / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    site = repo / "site"
    claims_page = (site / "claims/index.html").read_text(encoding="utf-8")
    misleading_table = claims_page.split('id="verdict-misleading"')[1].split("</table>")[0]
    assert "CBC-009" in misleading_table
    assert "CBC-009" not in claims_page.split('id="verdict-missing-context"')[1].split("</table>")[0]
    numbers = (site / "numbers/index.html").read_text(encoding="utf-8").split('id="table-numbers"')[1]
    row = numbers.split('href="../claims/cbc-009/">CBC-009</a>')[1].split("</tr>")[0]
    assert "cbc-badge--misleading" in row
    home = (site / "index.html").read_text(encoding="utf-8")
    before = sum(c.verdict == "misleading" for c in load_content(ROOT).claims)
    assert f"Misleading</a></td><td>{before + 1}</td>" in home.replace("\n", "")
    rows = list(csv.DictReader(io.StringIO((site / "downloads/claims.csv").read_text(encoding="utf-8"))))
    assert next(r for r in rows if r["id"] == "CBC-009")["verdict"] == "misleading"
    data = json.loads((site / "downloads/claims.json").read_text(encoding="utf-8"))
    assert next(r for r in data["rows"] if r["id"] == "CBC-009")["verdict"] == "misleading"
    page = (site / "claims/cbc-009/index.html").read_text(encoding="utf-8")
    assert '"alternateName": "Misleading"' in page
    article = (site / "article/index.html").read_text(encoding="utf-8")
    note = article.split('id="note-cbc-009"')[0].rsplit("<details", 1)[1]
    assert 'cbc-mark--misleading' in note and "Misleading</span>" in note


def test_generate_and_verify_twin(repo):
    from conftest import run

    assert run([sys.executable, "-m", "scripts", "generate"], cwd=repo).returncode == 0
    assert run([sys.executable, "-m", "scripts", "verify"], cwd=repo).returncode == 0
    path = repo / "data/statistics.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("cases: 67840", "cases: 67841"), encoding="utf-8")
    result = run([sys.executable, "-m", "scripts", "verify"], cwd=repo)
    assert result.returncode == 1 and "docs/downloads/statistics.csv: differs" in result.stderr
