"""One CLI owns the content pipeline: check, generate, verify, build, new-claim.

    python -m scripts check        validate all content, print coverage; exit 1 on any problem
    python -m scripts generate     write downloads, charts and cards into docs/ from the data
    python -m scripts verify       fail if the generated files differ from what the data gives
    python -m scripts build        check, generate, the strict site build, the handouts and the
                                   search index, in one process with one content load
    python -m scripts handouts DIR       make the kit's PDF and ODT handouts for a site built elsewhere
    python -m scripts index-search DIR   write the search index for a site built elsewhere (Zensical)
    python -m scripts build-edition uk DIR   build the Ukrainian edition with MkDocs into DIR/uk/
    python -m scripts edition-config uk      stage it and write build/editions/uk/mkdocs.yml (Zensical)
    python -m scripts new-claim    scaffold the next claim page from the template
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .content.coverage import coverage
from .content.load import ROOT, load_content


def print_problems(problems) -> None:
    """Every problem as `path:line: field: message`; under GitHub Actions also as an annotation."""
    annotate = os.environ.get("GITHUB_ACTIONS") == "true"
    for problem in problems.sorted():
        print(problem, file=sys.stderr)
        if annotate:
            print(problem.github())


def cmd_check(root: Path, min_coverage: float, claims_dir: Path | None = None, content=None) -> int:
    content = content or load_content(root, claims_dir)
    print_problems(content.problems)
    status = 0
    # Coverage is a property of the real claim set, not of a folder of test files.
    articles = {} if claims_dir else content.registry.articles
    for slug, article in articles.items():
        cov = coverage(article, content.claims_for(slug))
        print(cov.report(slug))
        if cov.percent < min_coverage:
            print(f"coverage: {slug}: {cov.percent:.0f}% is below the required {min_coverage:.0f}%", file=sys.stderr)
            status = 1
    if not claims_dir and content.claims:
        from .content.coverage import uncited_record_paragraphs

        counts = [uncited_record_paragraphs(c) for c in content.claims]
        print(f"citations: {sum(u for u, _ in counts)} of {sum(t for _, t in counts)} paragraphs in \"What the "
              f"record shows\" carry no citation marker (introductions and summaries may need none)")
    if not claims_dir:
        report_translations(content.translations)
    n = len(content.problems)
    if n:
        print(f"check: {n} problem{'s' * (n != 1)} found", file=sys.stderr)
        return 1
    summary = (f"{len(content.claims)} claims, {len(content.registry.sources)} sources, "
               f"{len(content.registry.techniques)} techniques")
    if status:
        print(f"check: content is valid ({summary}) but coverage is incomplete", file=sys.stderr)
    else:
        print(f"check: ok: {summary}")
    return status


def report_translations(translations) -> None:
    """Every translation that is missing, stale or still a draft, by file; then a count per language.
    They are reported, not failed: the site shows readers the same state (an English page that is
    newer says so on the translated page)."""
    from .content.translations import LANGUAGES

    for gap in translations.gaps:
        print(gap)
    for lang in LANGUAGES:
        c, d = translations.counts(lang), translations.counts(lang, "data")
        print(f"translations: {lang}: {c['translated']} of {c['pages']} pages translated, {c['stale']} stale, "
              f"{c['missing']} missing, {c['draft']} draft (not yet second-reviewed); data files {d['translated']} "
              f"of {d['pages']} ({d['stale']} stale, {d['draft']} draft); "
              f"{translations.untranslated_strings.get(lang, 0)} interface strings untranslated")


def cmd_generate(root: Path, verify: bool) -> int:
    from .site.cards import CardError
    from .site.charts import ChartError

    content = load_content(root)
    if content.problems:
        print_problems(content.problems)
        print("generate: fix the problems above first (python -m scripts check)", file=sys.stderr)
        return 1
    try:
        return _generate_or_verify(content, verify)
    except (CardError, ChartError) as exc:
        print(f"generate: {exc}", file=sys.stderr)
        return 1


def _generate_or_verify(content, verify: bool, card_images=None) -> int:
    from .site.generate import generate_all, verify_all

    if verify:
        drift = verify_all(content)
        for line in drift:
            print(f"verify: {line}", file=sys.stderr)
        if drift:
            print("verify: generated files are out of date; run `python -m scripts generate`", file=sys.stderr)
            return 1
        print("verify: ok: generated files match the data")
        return 0
    written = generate_all(content, card_images)
    print(f"generate: {len(written)} files written")
    return 0


def cmd_build(root: Path, site_dir: Path | None) -> int:
    """check, generate, the strict MkDocs build and the search index, sharing one load:
    the macros plugin and the claim-page extension reuse it through load_content_once.

    CPU-bound parts run in a helper process meanwhile: compiling our templates into build/jinja/,
    the review of each claim body's HTML (which the claim-page extension waits for before it renders
    any claim page) and the share cards not in build/cards/ (written once MkDocs is done). The
    engine uses one core, they the other."""
    from concurrent.futures import ProcessPoolExecutor

    from .content.load import load_content_once
    from .site.cards import CardError
    from .site.charts import ChartError
    from .site.generate import start_drawing, write_cards
    from .site.render import compile_all

    site = (site_dir or root / "site").resolve()
    lap = _Laps()
    helpers = ProcessPoolExecutor(max_workers=max(1, (os.cpu_count() or 1) - 1))
    try:
        helpers.submit(compile_all)
        content = load_content_once(root, review_in=helpers)
        lap("load")
        if content.problems:  # every problem in one run: the body reviews too
            content.finish_review()
            return cmd_check(root, 100.0, None, content)
        drawing = start_drawing(content, pool=helpers)
        # No verify step here: the files were just written from this very load. (`make verify` is for
        # checking files generated earlier, before a bare `mkdocs build`.)
        if _generate_or_verify(content, verify=False, card_images=drawing.ready):
            return 1
        lap("generate")
        built = build_site(root, site, edition_overrides(root, "en", site))
        lap("engine")
        built = built or build_editions(root, site, content)
        lap("editions")
        content.finish_review()
        if cmd_check(root, 100.0, None, content) or built:
            return 1
        images = drawing.finish()
        lap("waiting for cards")
    except (CardError, ChartError) as exc:
        print(f"generate: {exc}", file=sys.stderr)
        return 1
    finally:
        helpers.shutdown(cancel_futures=True)
    write_cards(root, site, {name: images[name] for name in drawing.pending})
    status = cmd_handouts(root, site)
    for lang in _editions():
        status = status or cmd_handouts(root, site / f"{lang}", lang)
    lap("handouts")
    status = status or cmd_index_search(site)
    lap("search index")
    print(f"build: seconds: {lap}")
    return status


class _Laps:
    """Seconds per step of a build, for the benchmark's breakdown."""

    def __init__(self) -> None:
        import time

        self._clock = time.perf_counter
        self._last = self._clock()
        self.laps: list[tuple[str, float]] = []

    def __call__(self, name: str) -> None:
        now = self._clock()
        self.laps.append((name, now - self._last))
        self._last = now

    def __str__(self) -> str:
        return ", ".join(f"{name} {seconds:.2f}" for name, seconds in self.laps)


def _editions() -> tuple[str, ...]:
    from .site.editions import EDITION_LANGUAGES

    return EDITION_LANGUAGES


def cmd_handouts(root: Path, site: Path, lang: str = "en") -> int:
    """PDF and ODT handouts of the kit pages, made from the built site, and their sizes written into
    the pages that link them. A copy goes to docs/teach/handouts/ (not tracked) for `make serve`."""
    import shutil
    import time

    from .content.siteconfig import site_name
    from .site import i18n
    from .site.editions import edition_url, stage_dir
    from .site.handouts import FOLDER, HandoutError, fill_in_sizes
    from .site.print_handouts import make_handouts

    start = time.perf_counter()
    teach = root / "docs" / "teach" if lang == "en" else stage_dir(root, lang) / "teach"
    try:
        with i18n.Active(lang):  # the handouts' own words (footer, licence) and sizes in the edition's
            facts = make_handouts(site, edition_url(root, lang), teach, root / "build" / "handouts" / lang,
                                  site_name(root))
            filled = fill_in_sizes(site, facts)
    except HandoutError as exc:
        print(f"handouts: {exc}", file=sys.stderr)
        return 1
    if lang != "en":
        print(f"handouts: {lang}: {len(facts)} files, {filled} links labelled, in {time.perf_counter() - start:.1f} s")
        return 0
    preview = root / "docs" / FOLDER
    shutil.rmtree(preview, ignore_errors=True)
    shutil.copytree(site / FOLDER, preview)
    print(f"handouts: {len(facts)} files in {site / FOLDER}, {filled} links labelled with page count and size, "
          f"in {time.perf_counter() - start:.1f} s")
    return 0


def cmd_index_search(site: Path) -> int:
    from .content.load import ROOT
    from .site.editions import EDITION_LANGUAGES, interface
    from .site.search import SearchIndexError, index_site

    try:
        print(index_site(site, {lang: interface(ROOT, lang).get("search_stemmer") for lang in EDITION_LANGUAGES}))
    except SearchIndexError as exc:
        print(f"index-search: {exc}", file=sys.stderr)
        return 1
    return 0


def edition_overrides(root: Path, lang: str, site: Path) -> dict:
    """mkdocs.yml's settings that differ in an edition (scripts/site/editions.py)."""
    from .content.siteconfig import site_url
    from .site.editions import config_overrides

    config = _raw_config(root)
    if lang == "en":
        return {"extra": {**(config.get("extra") or {}),
                          "edition": {**config["extra"]["edition"], "home": site_url(root)}}}
    return config_overrides(root, lang, config, site)


def _raw_config(root: Path) -> dict:
    from .content.siteconfig import _config

    return _config(root)


def build_editions(root: Path, site: Path, content) -> int:
    """Every other edition, into site/<lang>/, from its staging folder, rendering in its language."""
    from .site import i18n
    from .site.editions import EDITION_LANGUAGES, edition_root, merge_sitemaps, stage

    for lang in EDITION_LANGUAGES:
        with i18n.Active(lang):
            stage(content, lang)
            out = site / edition_root(lang)
            if build_site(root, out, edition_overrides(root, lang, out)):
                return 1
    print(f"build: sitemap.xml lists {merge_sitemaps(root, site)} pages, each with its alternates")
    return 0


def cmd_edition(root: Path, lang: str, site: Path | None) -> int:
    """Stage an edition, then build it with MkDocs into site/<lang>/, or (without `site`) write its
    configuration for another engine: build/editions/<lang>/mkdocs.yml, output in its site/."""
    from .site import i18n
    from .site.editions import EDITION_LANGUAGES, stage, write_config

    if lang not in EDITION_LANGUAGES:
        print(f"edition: no edition '{lang}' (editions: {', '.join(EDITION_LANGUAGES)})", file=sys.stderr)
        return 1
    content = load_content(root)
    if content.problems:
        print_problems(content.problems)
        print("edition: fix the problems above first (python -m scripts check)", file=sys.stderr)
        return 1
    with i18n.Active(lang):
        stage(content, lang)
        if site is None:
            print(f"edition: {write_config(root, lang, _raw_config(root)).relative_to(root)}")
            return 0
        return build_site(root, site / lang, edition_overrides(root, lang, site / lang))


def build_site(root: Path, site: Path, overrides: dict | None = None) -> int:
    """MkDocs' own strict build, in this process (so the content load is shared). In strict mode
    MkDocs itself aborts on any warning, exactly as `mkdocs build --strict` does."""
    import logging

    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    shown = logging.StreamHandler(sys.stderr)
    shown.setLevel(logging.WARNING)
    shown.setFormatter(logging.Formatter("%(levelname)s - %(message)s"))
    logging.getLogger("mkdocs").addHandler(shown)
    cwd = os.getcwd()
    try:
        os.chdir(root)  # mkdocs.yml's relative paths (docs/, overrides/) are relative to it
        settings = {"site_dir": str(site), **(overrides or {})}
        build(load_config(str(root / "mkdocs.yml"), strict=True, **settings))
    except (Abort, ConfigurationError, SystemExit) as exc:
        print(f"build: {exc}", file=sys.stderr)
        return 1
    finally:
        os.chdir(cwd)
        logging.getLogger("mkdocs").removeHandler(shown)
    print(f"build: site built in {site}")
    return 0


def cmd_new_claim(root: Path, title: str | None) -> int:
    from .scaffold import new_claim

    path = new_claim(root, title)
    print(f"new-claim: created {path.relative_to(root)}")
    print("new-claim: fill in every field and section, then run `python -m scripts check`")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", type=Path, default=ROOT, help="repository root (default: this checkout)")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate all content and report sentence coverage")
    check.add_argument("--min-coverage", type=float, default=100.0,
                       help="fail below this percentage of article sentences covered (default 100)")
    check.add_argument("--claims", type=Path, help="check the claim files in this folder instead of docs/claims")
    sub.add_parser("generate", help="write the downloads and charts from the data")
    sub.add_parser("verify", help="fail if generated files are stale")
    build = sub.add_parser("build", help="check, generate, verify, build the site strictly and index it for search")
    build.add_argument("-d", "--site-dir", type=Path, help="where to build (default: site/)")
    index = sub.add_parser("index-search", help="write the Pagefind search index into a built site")
    index.add_argument("site_dir", type=Path)
    handouts = sub.add_parser("handouts", help="make the PDF and ODT handouts of a built site (Zensical)")
    handouts.add_argument("site_dir", type=Path)
    edition = sub.add_parser("build-edition", help="build one more edition (uk) with MkDocs into DIR/<lang>/")
    edition.add_argument("lang")
    edition.add_argument("site_dir", type=Path)
    config = sub.add_parser("edition-config", help="stage an edition (uk) and write its config for another engine")
    config.add_argument("lang")
    new = sub.add_parser("new-claim", help="scaffold the next claim page")
    new.add_argument("--title", help="a short statement of the claim")
    args = parser.parse_args(argv)
    try:
        return _run(args)
    except Exception as exc:  # noqa: BLE001 - a contributor sees one line, never a traceback
        print(f"{args.command}: internal error ({type(exc).__name__}: {exc}); please report it", file=sys.stderr)
        return 2


def _run(args) -> int:
    root = args.root.resolve()
    if args.command == "check":
        claims_dir = args.claims.resolve() if args.claims else None
        return cmd_check(root, 0.0 if claims_dir else args.min_coverage, claims_dir)
    if args.command in {"generate", "verify"}:
        return cmd_generate(root, verify=args.command == "verify")
    if args.command == "build":
        return cmd_build(root, args.site_dir)
    if args.command == "index-search":
        return cmd_index_search(args.site_dir.resolve())
    if args.command == "handouts":
        site = args.site_dir.resolve()
        status = cmd_handouts(root, site)
        for lang in _editions():
            if not status and (site / lang).is_dir():
                status = cmd_handouts(root, site / lang, lang)
        return status
    if args.command in {"build-edition", "edition-config"}:
        return cmd_edition(root, args.lang, args.site_dir.resolve() if args.command == "build-edition" else None)
    return cmd_new_claim(root, args.title)
