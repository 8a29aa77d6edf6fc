"""Lighthouse audit (npm lighthouse 12.2.3 driving Debian's Chromium), emulating a phone.

    python -m scripts.tools.lighthouse [--write reports/lighthouse.md]

Serves site/ gzip-compressed on 127.0.0.1, as a static host would, and audits the home page,
a claim page, the annotated article and a lesson. Targets: accessibility, best practices and
SEO 100; performance at least 95. Exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from ..content.load import ROOT
from ..site.browser import CHROMIUM_ARGS, chromium_path
from .reports import emit
from .serve_static import serve

PAGES = {"Home": "", "Claim page (CBC-011)": "claims/cbc-011/", "Annotated article": "article/",
         "Student view": "article/student/", "Numbers": "numbers/",
         "Lesson 2": "teach/lesson-2/", "Practice: Which is it?": "practice/which-is-it/",
         "Practice: Spot the technique": "practice/spot-the-technique/"}
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"


def audit(url: str, out: Path) -> dict[str, int]:
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    env = {**os.environ, "CHROME_PATH": chromium_path() or "/usr/bin/chromium"}
    subprocess.run([str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
                    f"--chrome-flags={flags}", "--only-categories=performance,accessibility,best-practices,seo"],
                   check=True, env=env, timeout=300)
    categories = json.loads(out.read_text())["categories"]
    return {key: round(categories[key]["score"] * 100) for key in TARGETS}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.tools.lighthouse", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--write", type=Path)
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        print("lighthouse: run `npm ci` first", file=sys.stderr)
        return 1
    results = {}
    with serve(args.site) as base, tempfile.TemporaryDirectory() as tmp:
        for name, path in PAGES.items():
            results[name] = audit(base + path, Path(tmp) / "report.json")
    lines = ["# Lighthouse report", "",
             "Lighthouse 12.2.3 (npm) with Debian's Chromium, default mobile emulation (throttled), site served",
             "gzip-compressed from 127.0.0.1 by `python -m scripts.tools.lighthouse`.", "",
             "| Page | Performance | Accessibility | Best practices | SEO |", "| --- | ---: | ---: | ---: | ---: |"]
    missed = []
    for name, scores in results.items():
        lines.append(f"| {name} | " + " | ".join(str(scores[k]) for k in TARGETS) + " |")
        missed += [f"{name}: {k} {scores[k]} < {t}" for k, t in TARGETS.items() if scores[k] < t]
    lines += ["", "Targets: performance >= 95; accessibility, best practices and SEO 100.", "",
              "Result: " + ("all targets met." if not missed else "missed: " + "; ".join(missed) + ".")]
    text = "\n".join(lines) + "\n"
    return emit(text, args.write, bool(missed))


if __name__ == "__main__":
    sys.exit(main())
