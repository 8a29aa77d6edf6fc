"""Build speed, memory and page-weight benchmark (a script, never a timed test).

    python -m scripts.tools.benchmark [--scales 1 10 100] [--write reports/benchmark.md]

It builds the real site, then synthetic copies with 10x and 100x the claims, made in a temporary
folder by cloning the article and its claims under new article slugs and new ids (so every
validation rule still applies). It reports build time and its growth, peak memory, per-page HTML
size, first-view transfer (gzip) and search-index size per claim, and compares our pipeline with
a plain Material build of the same pages (macros plugin off). Budgets are checked at the end.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from ..content.load import ROOT
from .reports import emit

BUDGETS = {"growth_100x": 120.0, "first_view_kb": 80.0, "index_kb_per_claim": 1.0, "overhead_pct": 15.0}
COPIED = ["data", "docs", "overrides", "scripts", "mkdocs.yml"]


@dataclass
class Run:
    scale: int
    claims: int
    pages: int
    seconds: float  # our build: generate + mkdocs build (which validates all content itself)
    check_seconds: float  # the separate `check` gate (validation + coverage report), not a build step
    plain_seconds: float  # Material alone building the same, already expanded pages
    peak_mb: float
    claim_html_kb: float
    first_view_kb: float
    index_kb_per_claim: float


def make_tree(dest: Path, scale: int) -> Path:
    for name in COPIED:
        src = ROOT / name
        (shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__", "downloads"))
         if src.is_dir() else shutil.copy2(src, dest / name))
    for extra in (dest / "docs" / "claims").glob("*/index.html"):
        extra.unlink()
    if scale > 1:
        _clone_claims(dest, scale)
    return dest


def _clone_claims(root: Path, scale: int) -> None:
    """Add scale-1 copies of the article, each with a copy of every claim under fresh ids."""
    article_dir, claims_dir = root / "data" / "article", root / "docs" / "claims"
    meta = (article_dir / "army-of-deserters.yml").read_text(encoding="utf-8")
    originals = sorted(claims_dir.glob("cbc-*.md"))
    ledger = [(root / "data" / "claim-ids.yml").read_text(encoding="utf-8").rstrip("\n")]
    next_id = 10000
    for copy in range(1, scale):
        slug = f"army-of-deserters-copy{copy}"
        (article_dir / f"{slug}.yml").write_text(meta.replace("slug: army-of-deserters", f"slug: {slug}"),
                                                 encoding="utf-8")
        for original in originals:
            cid = f"CBC-{next_id}"
            next_id += 1
            text = original.read_text(encoding="utf-8")
            text = re.sub(r"^id: CBC-\d+$", f"id: {cid}", text, count=1, flags=re.M)
            text = text.replace("article: army-of-deserters", f"article: {slug}", 1)
            (claims_dir / f"{cid.lower()}.md").write_text(text, encoding="utf-8")
            ledger.append(f"{cid}: active")
    (root / "data" / "claim-ids.yml").write_text("\n".join(ledger) + "\n", encoding="utf-8")


def _timed(args: list[str], cwd: Path) -> tuple[float, float]:
    """Run a command; return (seconds, peak resident memory of the child in MB)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1763000000"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    result = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if result.returncode:
        raise SystemExit(f"benchmark: {' '.join(args)} failed:\n{result.stderr[-3000:]}")
    peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    return seconds, peak


def _gz_kb(path: Path) -> float:
    return len(gzip.compress(path.read_bytes(), mtime=0)) / 1024


def first_view_kb(site: Path, page: Path) -> float:
    """HTML plus the CSS and JS it loads on first view, gzip-compressed."""
    html = page.read_text(encoding="utf-8")
    refs = re.findall(r'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"', html)
    refs += re.findall(r'<script[^>]+src="([^"]+)"', html)
    total = _gz_kb(page)
    for ref in refs:
        target = (page.parent / ref.split("?")[0]).resolve()
        if target.is_file() and site.resolve() in target.parents:
            total += _gz_kb(target)
    return total


def plain_tree(root: Path) -> Path:
    """The same pages with every macro already expanded, built by Material alone: the baseline.

    Runs `write_plain_tree` inside the tree (so it loads that tree's content) and returns the
    config without macros that points at the expanded pages.
    """
    subprocess.run([sys.executable, "-c", "from scripts.tools.benchmark import write_plain_tree; write_plain_tree()"],
                   cwd=root, check=True, capture_output=True)
    return root / "mkdocs-plain.yml"


def write_plain_tree(root: Path = ROOT) -> None:
    """Expand each page exactly as the macros plugin would (our macros, through Jinja) and write the
    result as plain Markdown into docs-plain/, with mkdocs-plain.yml pointing at it."""
    import jinja2
    import yaml

    from .. import macros
    from ..content.yamlio import split_front_matter

    class Page:  # the two attributes our macros read
        def __init__(self, url: str, meta: dict) -> None:
            self.url, self.meta = url, meta

    class Env:
        conf = {"site_url": "https://example.org/"}

        def __init__(self) -> None:
            self.variables, self.macros, self.page = {}, {}, None

        def macro(self, fn, name=""):
            self.macros[name or fn.__name__] = fn
            return fn

    env = Env()
    macros.register(env)
    jinja = jinja2.Environment()  # noqa: S701 - output is Markdown, escaped by our templates
    plain_docs = root / "docs-plain"
    shutil.copytree(root / "docs", plain_docs)
    for md in plain_docs.rglob("*.md"):
        text = md.read_text(encoding="utf-8")
        split = split_front_matter(text)
        meta = yaml.safe_load(split[0]) if split else {}
        rel = md.relative_to(plain_docs).with_suffix("")
        url = "" if rel.as_posix() == "index" else (rel.parent.as_posix() + "/" if rel.name == "index"
                                                     else rel.as_posix() + "/")
        env.page = Page(url.lstrip("./"), meta or {})
        body = jinja.from_string(split[1] if split else text).render(**env.macros, **env.variables)
        md.write_text(("---\n" + split[0] + "---\n" if split else "") + body, encoding="utf-8")
    (root / "mkdocs-plain.yml").write_text(
        "INHERIT: mkdocs.yml\ndocs_dir: docs-plain\nstrict: false\nplugins:\n  - search\n", encoding="utf-8")


def measure(scale: int, workdir: Path) -> Run:
    root = make_tree(workdir / f"x{scale}", scale)
    py = sys.executable
    t_check, m1 = _timed([py, "-m", "scripts", "check", "--min-coverage", "0"], root)
    t_gen, m2 = _timed([py, "-m", "scripts", "generate"], root)
    t_build, m3 = _timed([py, "-m", "mkdocs", "build", "--strict", "-d", "site"], root)
    t_plain, _ = _timed([py, "-m", "mkdocs", "build", "-f", str(plain_tree(root)), "-d", "site-plain"], root)
    site = root / "site"
    claim_pages = sorted((site / "claims").glob("cbc-*/index.html"))
    index = site / "search" / "search_index.json"
    return Run(scale, len(claim_pages), len(list(site.rglob("*.html"))), t_gen + t_build, t_check, t_plain,
               max(m1, m2, m3), sum(p.stat().st_size for p in claim_pages) / len(claim_pages) / 1024,
               first_view_kb(site, site / "claims" / "cbc-009" / "index.html"),
               _gz_kb(index) / len(claim_pages))


def report(runs: list[Run]) -> tuple[str, list[str]]:
    base = runs[0]
    cpu = platform.processor() or platform.machine()
    with contextlib.suppress(OSError, StopIteration):
        cpu = next(line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                   if line.startswith("model name"))
    lines = ["# Benchmark report", "",
             f"Machine: {os.cpu_count()} CPUs ({cpu}), Python {platform.python_version()}, {platform.system()}.",
             "Generated by `python -m scripts.tools.benchmark`. Times are wall-clock seconds on that machine;",
             "compare ratios, not absolute numbers.", "",
             "Our build = `generate` + `mkdocs build --strict` (the build validates all content itself). "
             "Plain Material = the same pages with every macro already expanded, built with only the search "
             "plugin. `check` is the separate content gate (validation and coverage report).", "",
             "| Scale | Claims | Pages | Our build (s) | Growth | Plain Material (s) | Our overhead | check (s) "
             "| Peak memory (MB) | Claim page HTML (KB) | First view, gzip (KB) | Search index per claim, gzip (KB) |",
             "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in runs:
        overhead = 100 * (r.seconds - r.plain_seconds) / r.plain_seconds
        lines.append(f"| {r.scale}x | {r.claims} | {r.pages} | {r.seconds:.1f} | {r.seconds / base.seconds:.1f}x "
                     f"| {r.plain_seconds:.1f} | {overhead:+.0f}% | {r.check_seconds:.1f} | {r.peak_mb:.0f} "
                     f"| {r.claim_html_kb:.1f} "
                     f"| {r.first_view_kb:.1f} | {r.index_kb_per_claim:.3f} |")
    missed = []
    top = runs[-1]
    if top.scale >= 100 and top.seconds / base.seconds > BUDGETS["growth_100x"]:
        growth = top.seconds / base.seconds
        missed.append(f"growth at {top.scale}x is {growth:.0f}x (budget {BUDGETS['growth_100x']:.0f}x)")
    for r in runs:
        if r.first_view_kb > BUDGETS["first_view_kb"]:
            missed.append(f"{r.scale}x: first view {r.first_view_kb:.0f} KB > {BUDGETS['first_view_kb']:.0f} KB")
        if r.index_kb_per_claim > BUDGETS["index_kb_per_claim"]:
            missed.append(f"{r.scale}x: search index {r.index_kb_per_claim:.2f} KB per claim > 1 KB")
        overhead = 100 * (r.seconds - r.plain_seconds) / r.plain_seconds
        if overhead > BUDGETS["overhead_pct"]:
            missed.append(f"{r.scale}x: our steps add {overhead:.0f}% to a plain build (budget 15%)")
    lines += ["", "Budgets: 100x the claims in at most 120x the time; first view at most 80 KB gzip; search index "
              "at most 1 KB gzip per claim; our steps at most +15% over a plain Material build of the same pages.",
              "", "Result: " + ("every budget met." if not missed else "missed: " + "; ".join(missed) + ".")]
    return "\n".join(lines) + "\n", missed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.tools.benchmark", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--write", type=Path)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="cbc-bench-") as tmp:
        runs = []
        for scale in args.scales:
            runs.append(measure(scale, Path(tmp)))
            print(f"benchmark: {scale}x done in {runs[-1].seconds:.1f}s", file=sys.stderr)
    text, missed = report(runs)
    return emit(text, args.write, bool(missed))


if __name__ == "__main__":
    sys.exit(main())
