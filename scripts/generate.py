"""The generate step and its verify twin: downloads and chart files under docs/downloads/.

`generate_all` writes them; `verify_all` renders them again in memory and lists any file on
disk that differs, is missing, or should not be there. Both use `expected_files`, so the two
can never disagree about what the data produces.
"""

from __future__ import annotations

from pathlib import Path

from . import charts, opendata
from .content import Content

OUT = Path("docs") / "downloads"


def expected_files(content: Content) -> dict[Path, str]:
    files: dict[Path, str] = {}
    for table in opendata.TABLES:
        files[OUT / f"{table.name}.csv"] = opendata.to_csv(table, content)
        files[OUT / f"{table.name}.json"] = opendata.to_json(table, content)
    for chart in site_charts(content):
        files[OUT / f"{chart.slug}.svg"] = chart.svg + "\n"
    return files


def site_charts(content: Content) -> list[charts.Chart]:
    return [charts.cases_by_year(content.registry.statistics), charts.article_vs_record(content)]


def generate_all(content: Content) -> list[Path]:
    root = content.paths.root
    out = root / OUT
    out.mkdir(parents=True, exist_ok=True)
    wanted = expected_files(content)
    for stale in set(out.iterdir()) - {root / p for p in wanted}:
        stale.unlink()
    for rel, text in wanted.items():
        target = root / rel
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
    return list(wanted)


def verify_all(content: Content) -> list[str]:
    root = content.paths.root
    wanted = expected_files(content)
    drift = []
    for rel, text in wanted.items():
        target = root / rel
        if not target.exists():
            drift.append(f"{rel}: missing")
        elif target.read_text(encoding="utf-8") != text:
            drift.append(f"{rel}: differs from what the data gives")
    out = root / OUT
    if out.exists():
        drift += [f"{p.relative_to(root)}: not produced by the data" for p in sorted(out.iterdir())
                  if p.relative_to(root) not in wanted]
    return drift
