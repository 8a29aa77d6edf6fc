"""Load and validate all content in one pass: registries, claim pages, cross-claim rules."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .claims import ID_PATTERN, Claim, parse_claim
from .fields import type_name
from .problems import Problems
from .registry import Registry, load_registry
from .text import find_all
from .yamlio import is_missing, read_yaml

ROOT = Path(__file__).resolve().parent.parent.parent


@dataclass(frozen=True)
class Paths:
    root: Path

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def claims(self) -> Path:
        return self.docs / "claims"

    @property
    def ledger(self) -> Path:
        return self.data / "claim-ids.yml"


@dataclass
class Content:
    paths: Paths
    registry: Registry
    claims: list[Claim]
    ledger: dict[str, str] | None  # id -> "active" or "retired: CBC-NNN"; None when not checked
    problems: Problems = field(repr=False, default=None)
    _by_id: dict[str, Claim] = field(repr=False, default_factory=dict, init=False)

    def claims_for(self, article: str) -> list[Claim]:
        return [c for c in self.claims if c.article == article]

    def claim(self, cid: str) -> Claim:
        if len(self._by_id) != len(self.claims):
            self._by_id.clear()
            self._by_id.update((c.id, c) for c in self.claims)
        return self._by_id[cid]


def load_content(root: Path = ROOT, claims_dir: Path | None = None) -> Content:
    """Load and validate everything. With `claims_dir`, validate the claim files in that folder
    against this repository's registries instead (the id ledger is then not consulted)."""
    paths = Paths(root)
    problems = Problems(root)
    reg = load_registry(paths.data, problems)
    ledger = _load_ledger(paths.ledger, problems) if claims_dir is None else None
    claims = []
    files = sorted((claims_dir or paths.claims).glob("*.md"))
    for path in files:
        if path.name == "index.md":
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            problems.add(path, "file", f"cannot be read: {exc}")
            continue
        claim = parse_claim(path, text, reg, problems)
        if claim:
            claims.append(claim)
    _cross_checks(claims, {p.stem.upper() for p in files}, reg, ledger, problems)
    claims.sort(key=lambda c: (len(c.id), c.id))
    return Content(paths, reg, claims, ledger, problems)


def _load_ledger(path: Path, problems: Problems) -> dict[str, str]:
    """The id ledger: every claim id ever issued. Ids are never reused; retired ids redirect."""
    data = read_yaml(path, problems)
    if is_missing(data):
        return {}
    if not isinstance(data, dict):
        problems.add(path, "file", f"must map claim ids to 'active' or {{retired: CBC-NNN}}, got {type_name(data)}")
        return {}
    out = {}
    for cid, status in data.items():
        if isinstance(status, dict) and set(status) == {"retired"} and ID_PATTERN.match(str(status["retired"])):
            out[str(cid)] = f"retired, redirects to {status['retired']}"
        elif status == "active":
            out[str(cid)] = status
        else:
            problems.add(path, str(cid), "status must be 'active' or {retired: CBC-NNN} (the redirect target)")
    return out


def _cross_checks(claims: list[Claim], file_ids: set[str], reg: Registry, ledger: dict[str, str] | None,
                  problems: Problems) -> None:
    by_id: dict[str, Claim] = {}
    for claim in claims:
        if claim.id in by_id:
            problems.add(claim.path, "id", f"duplicate claim id {claim.id}, also used by {by_id[claim.id].path.name}")
        else:
            by_id[claim.id] = claim
        if ledger is None:
            continue
        status = ledger.get(claim.id)
        if status is None:
            problems.add(claim.path, "id", f"{claim.id} is not in data/claim-ids.yml; "
                                           "create claims with `python -m scripts new-claim`")
        elif status != "active":
            problems.add(claim.path, "id", f"{claim.id} was retired and can never be reused ({status})")
    for cid, status in (ledger or {}).items():
        if status == "active" and cid not in file_ids:
            problems.add(Path("data/claim-ids.yml"), cid, "is active but has no claim page; "
                                                          "retire it with a redirect instead of deleting it")
    _check_overlaps(claims, reg, problems)


def _check_overlaps(claims: list[Claim], reg: Registry, problems: Problems) -> None:
    """Each stretch of the article belongs to one claim, so the annotated article is unambiguous."""
    for slug, article in reg.articles.items():
        text = article.normalized.text
        taken: list[tuple[int, int, Claim]] = []
        for claim in (c for c in claims if c.article == slug):
            for span in claim.spans:
                for start, end in find_all(text, span):
                    for s2, e2, other in taken:
                        if start < e2 and s2 < end and other is not claim:
                            problems.add(claim.path, "quote", f"overlaps the text of {other.id}: "
                                                              f"'{text[max(start, s2):min(end, e2)][:60]}'")
                    taken.append((start, end, claim))
