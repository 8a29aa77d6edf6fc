"""`new-claim`: create the next claim page from the template, and record its id in the ledger.

The scaffold is deliberately incomplete (empty quote, verdict, sources; TODO sections), so
`check` rejects it until a contributor has filled it in, and says what is missing.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import jinja2

from .content.claims import ID_PATTERN

TEMPLATE = Path(__file__).parent / "site" / "templates" / "new_claim.md"


def next_id(ledger_text: str) -> str:
    """One past the highest id ever issued (retired ones included), so no id is reused."""
    numbers = [int(m) for m in re.findall(r"^CBC-(\d+):", ledger_text, flags=re.MULTILINE)]
    width = max([3, *(len(m) for m in re.findall(r"^CBC-(\d+):", ledger_text, flags=re.MULTILINE))])
    return f"CBC-{(max(numbers, default=0) + 1):0{width}d}"


def new_claim(root: Path, title: str | None, today: dt.date | None = None) -> Path:
    ledger = root / "data" / "claim-ids.yml"
    text = ledger.read_text(encoding="utf-8")
    cid = next_id(text)
    assert ID_PATTERN.match(cid)
    path = root / "docs" / "claims" / f"{cid.lower()}.md"
    if path.exists():
        raise FileExistsError(f"{path} already exists; is data/claim-ids.yml up to date?")
    env = jinja2.Environment(keep_trailing_newline=True, autoescape=False)  # noqa: S701 - Markdown, not HTML
    page = env.from_string(TEMPLATE.read_text(encoding="utf-8")).render(
        # JSON is valid YAML: the title stays one quoted value, whatever characters it holds.
        cid=cid, title=json.dumps(" ".join((title or "TODO: a short, neutral statement of the claim").split()),
                                  ensure_ascii=False),
        today=(today or dt.date.today()).isoformat())
    path.write_text(page, encoding="utf-8")
    ledger.write_text(text.rstrip("\n") + f"\n{cid}: active\n", encoding="utf-8")
    _list_public_url(root / "data" / "public-urls.txt", f"/claims/{cid.lower()}/")
    return path


def _list_public_url(path: Path, url: str) -> None:
    """Record the new page's address in the committed list of public URLs (kept sorted)."""
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    header = [ln for ln in lines if ln.startswith("#")]
    urls = sorted({ln for ln in lines if ln and not ln.startswith("#")} | {url})
    path.write_text("\n".join(header + urls) + "\n", encoding="utf-8")
