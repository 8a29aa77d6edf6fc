"""Build speed, memory and page-weight benchmark (a script, never a timed test).

    python -m scripts.tools.benchmark [--scales 1 10 100] [--zensical-scales 10] [--write reports/benchmark.md]

It builds the real site, then synthetic copies with 10x and 100x the claims, made in a temporary
folder by cloning the article and its claims under new article slugs and new ids (so every
validation rule still applies). In the same run it builds a plain-Material site of the same final
pages (every macro and claim page already expanded, Material's own search plugin, nothing of ours).

For both sites it reports what a browser really fetches: Chromium loads each page type on a first
visit, and every request's transferred (gzip) bytes are summed (scripts/tools/first_view.py), then
one search is typed and its bytes and time are counted. Budgets are checked at the end.

Our build is timed twice in each tree: first in the fresh copy (nothing drawn or cached yet, as
on a new checkout or in CI without a cache), then again unchanged (as a contributor rebuilds: the
share cards come from build/cards/). At 1x, where a build takes seconds, each is timed in five
fresh copies and the fastest kept. Where the Zensical canary is installed (.venv-zensical, `make
zensical`), the chosen scales also time Zensical and MkDocs building the same generated tree.
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

BUDGETS = {"growth_100x": 120.0, "first_view_kb": 80.0, "build_ratio": 1.3, "zensical_ratio": 1.5}
PAGE_TYPES = {"home": "", "claim": "claims/cbc-011/", "article": "article/", "numbers": "numbers/",
              "lesson": "teach/lesson-2/", "practice": "practice/which-is-it/", "search": "search/"}
QUERY = "Horbenko"  # a name from the article that both searches find (Material's lunr cannot match 3136 to 3,136)
COPIED = ["data", "docs", "overrides", "scripts", "mkdocs.yml"]


@dataclass
class Run:
    scale: int
    claims: int
    pages: int
    seconds: float  # our build: `python -m scripts build` (check, generate, mkdocs, search index), fresh tree
    rebuild_seconds: float  # the same command again in the same tree (card cache warm)
    handouts: tuple  # (fresh, rebuild) seconds of those builds spent making the PDF/ODT handouts
    plain_seconds: float  # Material alone building the same, already expanded pages, with its search
    peak_mb: float
    claim_html_kb: float
    first_view: dict  # page type -> KB gzip on a first visit, our site
    plain_first_view: dict  # the same on the plain-Material site
    search: tuple  # (KB, seconds) for one query on our site
    plain_search: tuple  # the same on the plain site
    engines: tuple | None = None  # (MkDocs, Zensical) seconds: the engine alone on the generated tree


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
    meta = meta.split("\ntakeaways:", 1)[0] + "\n"  # the review names the original's claims
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
            text = text.rstrip("\n") + f"\n\nBenchmark copy {cid}.\n"  # check wants every body distinct
            (claims_dir / f"{cid.lower()}.md").write_text(text, encoding="utf-8")
            ledger.append(f"{cid}: active")
    (root / "data" / "claim-ids.yml").write_text("\n".join(ledger) + "\n", encoding="utf-8")


HANDOUTS_LINE = re.compile(r"^handouts: .* in ([0-9.]+) s$", re.MULTILINE)


def _timed(args: list[str], cwd: Path) -> tuple[float, float]:
    """Run a command; return (seconds, peak resident memory of the child in MB)."""
    seconds, peak, _ = _timed_output(args, cwd)
    return seconds, peak


def _handout_seconds(stdout: str) -> float:
    """The handouts step's own timing, from the build's output (plain Material makes no handouts):
    every edition's handouts, each printed on a line of its own."""
    found = HANDOUTS_LINE.findall(stdout)
    if not found:
        raise SystemExit("benchmark: the build printed no handouts timing")
    return sum(float(seconds) for seconds in found)


def _timed_output(args: list[str], cwd: Path) -> tuple[float, float, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1763000000"}
    # Python keeps compiled modules as a contributor's machine does (this sandbox sets the variable,
    # which made our build alone recompile scripts/ every time; a fresh tree still compiles it once).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    result = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if result.returncode:
        raise SystemExit(f"benchmark: {' '.join(args)} failed:\n{result.stderr[-3000:]}")
    peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    return seconds, peak, result.stdout


def _gz_kb(path: Path) -> float:
    return len(gzip.compress(path.read_bytes(), mtime=0)) / 1024


def first_view_kb(site: Path) -> dict[str, float]:
    from .first_view import first_views

    views = first_views(site, list(PAGE_TYPES.values()))
    return {name: view.kb for name, view in zip(PAGE_TYPES, views, strict=True)}


def search_cost(site: Path, ours: bool) -> tuple[float, float]:
    """Bytes and seconds for one query typed on a page, from focus to the first result."""
    from playwright.sync_api import sync_playwright

    from ..site.browser import launch
    from .first_view import transferred_kb
    from .serve_static import serve

    with serve(site) as base, sync_playwright() as p:
        browser = launch(p)
        page = browser.new_context().new_page()
        sizes: list = []

        def finished(request, seen=sizes) -> None:
            seen.append(transferred_kb(request))

        page.goto(base + ("search/" if ours else "claims/"), wait_until="networkidle")
        if ours:  # nothing is fetched before the reader asks: count from the focus on
            sizes.clear()
        page.on("requestfinished", finished)
        start = time.perf_counter()
        if ours:
            page.focus("#cbc-q")
            page.fill(".pagefind-ui__search-input", QUERY)
            page.wait_for_selector(".pagefind-ui__result-title", timeout=30000)
        else:  # Material: the index came with the page; open search and type
            _type_into_material_search(page)
        seconds = time.perf_counter() - start
        browser.close()
    return sum(sizes), seconds


def _type_into_material_search(page, attempts: int = 3) -> None:
    """Type the query into Material's header search. Its worker can still be reading the index when
    the first keystrokes arrive, and then shows nothing until the query changes: type it again."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    for attempt in range(attempts):
        page.fill("input.md-search__input", "")
        page.click("input.md-search__input")  # shown in the header at the default 1280 px
        page.keyboard.type(QUERY)
        try:
            page.wait_for_selector(".md-search-result__item", state="attached", timeout=15000)
            return
        except PlaywrightTimeout:
            if attempt == attempts - 1:
                raise


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
    from ..content.load import load_content_once
    from ..site.claim_page import claim_page
    from ..site.wayfinding import article_order, claim_neighbours

    content = load_content_once(root)
    ordered = article_order(content.claims, content.registry)
    jinja = jinja2.Environment()  # noqa: S701 - output is Markdown, escaped by our templates
    plain_docs = root / "docs-plain"
    # The English edition only: plain Material has no second edition (our build's second pass is
    # in the timings, so the ratio compares two editions with one: see the report's note).
    shutil.copytree(root / "docs", plain_docs,
                    ignore=lambda folder, names: ["uk"] if Path(folder) == root / "docs" else [])
    for md in plain_docs.rglob("*.md"):
        text = md.read_text(encoding="utf-8")
        split = split_front_matter(text)
        meta = yaml.safe_load(split[0]) if split else {}
        rel = md.relative_to(plain_docs).with_suffix("")
        url = "" if rel.as_posix() == "index" else (rel.parent.as_posix() + "/" if rel.name == "index"
                                                     else rel.as_posix() + "/")
        env.page = Page(url.lstrip("./"), meta or {})
        if rel.parent.name == "claims" and rel.name.startswith("cbc-"):  # what our extension writes
            claim = content.claim(meta["id"])
            body = claim_page(claim, content.registry, "../../", f"https://example.org/{url}",
                              claim_neighbours(claim, ordered))
        else:
            body = jinja.from_string(split[1] if split else text).render(**env.macros, **env.variables)
        md.write_text(("---\n" + split[0] + "---\n" if split else "") + body, encoding="utf-8")
    from ..content.siteconfig import markdown_extensions

    names, settings = markdown_extensions(root)  # the site's own, without our claim-page extension
    stock = [{name: settings[name]} if settings.get(name) else name for name in names]
    (root / "mkdocs-plain.yml").write_text(
        "INHERIT: mkdocs.yml\ndocs_dir: docs-plain\nstrict: false\nplugins:\n  - search\n"
        + yaml.safe_dump({"markdown_extensions": stock, "theme": {"custom_dir": "overrides-plain"}}),
        encoding="utf-8")
    (root / "overrides-plain").mkdir(exist_ok=True)  # stock Material templates: its header, its search


REPEATS = {1: 5}  # a build of seconds varies by a few tenths between runs here: time five, keep the fastest


def measure(scale: int, workdir: Path, with_engines: bool = False) -> Run:
    py = sys.executable
    fresh, rebuilt, plain_times, trees = [], [], [], []
    for attempt in range(REPEATS.get(scale, 1)):
        tree = make_tree(workdir / f"x{scale}-{attempt}", scale)
        trees.append(tree)
        t_build, peak, out_build = _timed_output([py, "-m", "scripts", "build", "-d", "site"], tree)
        t_rebuild, _, out_rebuild = _timed_output([py, "-m", "scripts", "build", "-d", "site"], tree)
        fresh.append((t_build - _handout_seconds(out_build), t_build, _handout_seconds(out_build), peak))
        rebuilt.append((t_rebuild - _handout_seconds(out_rebuild), t_rebuild, _handout_seconds(out_rebuild)))
        plain_times.append(_timed([py, "-m", "mkdocs", "build", "-f", str(plain_tree(tree)), "-d", "site-plain"],
                                  tree)[0])
    _, t_build, h_build, peak = min(fresh)
    _, t_rebuild, h_rebuild = min(rebuilt)
    root = trees[0]  # page weights and searches are the same in every copy
    site, plain = root / "site", root / "site-plain"
    claim_pages = sorted((site / "claims").glob("cbc-*/index.html"))
    run = Run(scale, len(claim_pages), len(list(site.rglob("*.html"))), t_build, t_rebuild, (h_build, h_rebuild),
              min(plain_times), peak, sum(p.stat().st_size for p in claim_pages) / len(claim_pages) / 1024,
              first_view_kb(site), first_view_kb(plain), search_cost(site, True), search_cost(plain, False))
    if with_engines:
        run.engines = engine_times(root)
    return run


ZENSICAL = ROOT / ".venv-zensical" / "bin" / "python"


def engine_times(root: Path) -> tuple[float, float]:
    """MkDocs and Zensical (the canary's --clean build) on the same generated tree, strict, engine
    alone: no check, no generate, no search index. Zensical writes into the config's site/."""
    t_mkdocs, _ = _timed([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", "site-mkdocs"], root)
    t_zensical, _ = _timed([str(ZENSICAL), "-m", "zensical", "build", "-f", "mkdocs.yml", "--strict", "--clean"],
                           root)
    return t_mkdocs, t_zensical


def report(runs: list[Run]) -> tuple[str, list[str]]:
    base = runs[0]
    cpu = platform.processor() or platform.machine()
    with contextlib.suppress(OSError, StopIteration):
        cpu = next(line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                   if line.startswith("model name"))
    lines = ["# Benchmark report", "",
             f"Machine: {os.cpu_count()} CPUs ({cpu}), Python {platform.python_version()}, {platform.system()}.",
             "Generated by `python -m scripts.tools.benchmark`, one run for all scales. Times are wall-clock",
             "seconds on that machine: compare ratios, not absolute numbers.", "",
             "**Our build** is `python -m scripts build`: check, generate (downloads, charts, share cards),",
             "the strict MkDocs build and the Pagefind index, in one process with one content load, timed",
             "first in a fresh copy of the tree (nothing cached: a new checkout, or CI without a cache) and",
             "then again in the same, unchanged tree (a contributor's rebuild: share cards come from",
             "build/cards/). **Plain Material** builds the same final pages (every macro and claim page",
             "already expanded) with Material's own search plugin and nothing of ours, in the same run.",
             "Our build also prints the teaching kit's handouts (PDFs in Chromium, ODTs with pandoc), which",
             "plain Material does not make: their time is shown apart, and the build budget compares the",
             "site build without them (\"Ratio, site\"). A rebuild reuses unchanged handouts from",
             "build/handouts/.", "",
             "## Build", "",
             "| Scale | Claims | Pages | Fresh tree (s) | of which handouts | Growth | Rebuild (s) | of which handouts "
             "| Plain Material (s) | Ratio, fresh | Ratio, fresh site | Ratio, rebuild | Ratio, rebuild site "
             "| Peak memory (MB) | Claim page HTML (KB) |",
             "|" + " ---: |" * 15]
    for r in runs:
        lines.append(f"| {r.scale}x | {r.claims} | {r.pages} | {r.seconds:.1f} | {r.handouts[0]:.1f} "
                     f"| {r.seconds / base.seconds:.1f}x | {r.rebuild_seconds:.1f} | {r.handouts[1]:.1f} "
                     f"| {r.plain_seconds:.1f} | {r.seconds / r.plain_seconds:.2f}x "
                     f"| {(r.seconds - r.handouts[0]) / r.plain_seconds:.2f}x "
                     f"| {r.rebuild_seconds / r.plain_seconds:.2f}x "
                     f"| {(r.rebuild_seconds - r.handouts[1]) / r.plain_seconds:.2f}x | {r.peak_mb:.0f} "
                     f"| {r.claim_html_kb:.1f} |")
    engines = [r for r in runs if r.engines]
    if engines:
        lines += ["", "## Engines on the same generated tree (strict, the engine alone)", "",
                  "| Scale | MkDocs (s) | Zensical 0.0.73, --clean (s) | Zensical / MkDocs |",
                  "| ---: | ---: | ---: | ---: |"]
        lines += [f"| {r.scale}x | {r.engines[0]:.1f} | {r.engines[1]:.1f} | {r.engines[1] / r.engines[0]:.2f}x |"
                  for r in engines]
    lines += ["", "## First view: what Chromium fetches on a first visit, KB gzip (ours / plain Material)", "",
              "| Scale | " + " | ".join(PAGE_TYPES) + " |", "| ---: |" + " ---: |" * len(PAGE_TYPES)]
    for r in runs:
        lines.append(f"| {r.scale}x | " + " | ".join(f"{r.first_view[k]:.1f} / {r.plain_first_view[k]:.1f}"
                                                     for k in PAGE_TYPES) + " |")
    lines += ["", f"## One search (\"{QUERY}\", from focus to first result)", "",
              "| Scale | Ours: KB fetched | Ours: seconds | Plain: KB fetched | Plain: seconds |",
              "| ---: | ---: | ---: | ---: | ---: |"]
    for r in runs:
        lines.append(f"| {r.scale}x | {r.search[0]:.1f} | {r.search[1]:.2f} | {r.plain_search[0]:.1f} "
                     f"| {r.plain_search[1]:.2f} |")
    lines.append("")
    lines.append("Plain Material fetched its whole index with the page, before the search: that is in its first "
                 "view.")
    missed = []
    top = runs[-1]
    if top.scale >= 100 and top.seconds / base.seconds > BUDGETS["growth_100x"]:
        growth = top.seconds / base.seconds
        missed.append(f"growth at {top.scale}x is {growth:.0f}x (budget {BUDGETS['growth_100x']:.0f}x)")
    for r in runs:
        for page, kb in r.first_view.items():
            if round(kb, 1) > BUDGETS["first_view_kb"]:
                missed.append(f"{r.scale}x: {page} first view {kb:.0f} KB > {BUDGETS['first_view_kb']:.0f} KB")
        for what, seconds in (("fresh-tree site build", r.seconds - r.handouts[0]),
                              ("site rebuild", r.rebuild_seconds - r.handouts[1])):
            if round(seconds / r.plain_seconds, 2) > BUDGETS["build_ratio"]:
                missed.append(f"{r.scale}x: {what} {seconds / r.plain_seconds:.2f}x plain Material "
                              f"(budget {BUDGETS['build_ratio']}x)")
        if r.engines and round(r.engines[1] / r.engines[0], 2) > BUDGETS["zensical_ratio"]:
            missed.append(f"{r.scale}x: Zensical {r.engines[1] / r.engines[0]:.2f}x MkDocs "
                          f"(budget {BUDGETS['zensical_ratio']}x)")
    lines += ["", "Budgets: 100x the claims in at most 120x the time; every first view at most 80 KB gzip; our "
              f"site build, without the handouts (fresh tree and rebuild), at most {BUDGETS['build_ratio']}x a plain "
              "Material build of the same "
              f"pages; Zensical at most {BUDGETS['zensical_ratio']}x MkDocs on the same tree.",
              "", "Result: " + ("every budget met." if not missed else "missed: " + "; ".join(missed) + ".")]
    return "\n".join(lines) + "\n", missed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.tools.benchmark", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--zensical-scales", type=int, nargs="*", default=[10],
                        help="scales at which to time Zensical against MkDocs (needs .venv-zensical)")
    parser.add_argument("--write", type=Path)
    args = parser.parse_args(argv)
    if args.zensical_scales and not ZENSICAL.exists():
        print(f"benchmark: {ZENSICAL} is missing (run `make zensical` once); Zensical is not timed", file=sys.stderr)
        args.zensical_scales = []
    with tempfile.TemporaryDirectory(prefix="cbc-bench-") as tmp:
        runs = []
        for scale in args.scales:
            runs.append(measure(scale, Path(tmp), scale in args.zensical_scales))
            print(f"benchmark: {scale}x done in {runs[-1].seconds:.1f}s", file=sys.stderr)
    text, missed = report(runs)
    return emit(text, args.write, bool(missed))


if __name__ == "__main__":
    sys.exit(main())
