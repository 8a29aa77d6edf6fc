"""Relative links to the site root, as each engine reads them.

MkDocs leaves a relative link alone, so it is relative to the page's URL (`article/` -> `../`).
Zensical 0.0.73 resolves every relative link from the Markdown file's folder, as MkDocs does only
for `.md` links (`article.md` -> ``). Relative links keep the site working under any base URL, so
the prefix follows the engine that is running.
"""

from __future__ import annotations

import sys


def root_prefix(src_path: str, url: str) -> str:
    if "zensical" in sys.modules:
        return "../" * src_path.replace("\\", "/").count("/")
    return "../" * url.count("/")  # `claims/cbc-011/` -> ../../; `article.html` -> ``
