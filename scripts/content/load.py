"""Load and validate all content in one pass: registries, claim pages, cross-claim rules."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .claims import ID_PATTERN, BodyReview, Claim, parse_claim, review_bodies
from .fields import type_name
from .history import check_verdict_changes
from .problems import Problems
from .registry import Registry, load_registry
from .safefile import read_text
from .text import find_all
from .translations import LANGUAGES, Translations, load_translations
from .yamlio import is_missing, line_of, read_yaml

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
    translations: Translations = field(repr=False, default_factory=Translations)
    _by_id: dict[str, Claim] = field(repr=False, default_factory=dict, init=False)
    # Body reviews running in another process (load_content's `review_in`), with their jobs: a
    # review that cannot finish there is done here instead.
    _reviews: list = field(repr=False, default_factory=list, init=False)

    def finish_review(self) -> Problems:
        """Wait for the body reviews still running and add what they found to `problems`. Anything
        that publishes a claim's body calls this first."""
        while self._reviews:
            future, jobs = self._reviews.pop(0)
            try:
                found = future.result()
            except Exception:  # noqa: BLE001 - a broken worker must not leave a body unreviewed
                found = review_bodies(jobs, self.paths.root)
            self.problems.items.extend(found)
        return self.problems

    def claims_for(self, article: str) -> list[Claim]:
        return [c for c in self.claims if c.article == article]

    def claim(self, cid: str) -> Claim:
        if len(self._by_id) != len(self.claims):
            self._by_id.clear()
            self._by_id.update((c.id, c) for c in self.claims)
        return self._by_id[cid]


REVIEW_CHUNK = 64  # bodies per task sent to another process


def load_content(root: Path = ROOT, claims_dir: Path | None = None, review_in=None) -> Content:
    """Load and validate everything. With `claims_dir`, validate the claim files in that folder
    against this repository's registries instead (the id ledger is then not consulted).

    With `review_in` (a process pool), the review of each body's rendered HTML, the costliest part,
    runs there while the caller goes on; `Content.finish_review` waits for it. A build renders
    no claim page before it has (scripts/site/claim_markdown.py)."""
    paths = Paths(root)
    problems = Problems(root)
    reg = load_registry(paths.data, problems)
    ledger = _load_ledger(paths.ledger, problems) if claims_dir is None else None
    claims = []
    retired = {cid for cid, status in (ledger or {}).items() if status != "active"}
    files = claim_files(claims_dir or paths.claims, problems, retired)
    deferred: list[BodyReview] | None = [] if review_in is not None else None
    reviews = []

    def send(last: bool = False) -> None:  # each full chunk goes off at once, so the reviews start early
        if deferred and (last or len(deferred) >= REVIEW_CHUNK):
            chunk = list(deferred)
            reviews.append((review_in.submit(review_bodies, chunk, root), chunk))
            deferred.clear()

    for path in files:
        text = read_text(path, problems, root if claims_dir is None else None)
        if text is None:
            continue
        claim = parse_claim(path, text, reg, problems, root, deferred)
        if claim:
            claims.append(claim)
        send()
    translations = (load_translations(paths.docs, claims, reg, problems, root, deferred) if claims_dir is None
                    else Translations())
    send(last=True)
    _cross_checks(claims, {p.stem.upper() for p in files}, reg, ledger, problems)
    if claims_dir is None:
        check_verdict_changes(root, claims, problems)
    claims.sort(key=lambda c: (len(c.id), c.id))
    content = Content(paths, reg, claims, ledger, problems, translations)
    content._reviews.extend(reviews)
    return content


_CACHE: dict[Path, tuple[tuple, Content]] = {}


def load_content_once(root: Path = ROOT, *, trust_cache: bool = False, review_in=None) -> Content:
    """`load_content`, reused while no content file changes: the macros plugin and the claim-page
    Markdown extension share one load per build, even where an engine sets them up once per page.

    With `trust_cache`, an existing load is reused without re-reading the file stamps: the claim-page
    extension runs once per page, and the macros set-up (once per build under MkDocs, per page
    under Zensical) already refreshes the cache when a file changes."""
    cached = _CACHE.get(root)
    if trust_cache and cached is not None:
        return cached[1]
    stamp = _fingerprint(Paths(root))
    if cached is None or cached[0] != stamp:
        _CACHE[root] = (stamp, load_content(root, review_in=review_in))
    return _CACHE[root][1]


def _fingerprint(paths: Paths) -> tuple:
    """Name, size and modification time of every file the load reads (cheap: no file is opened)."""
    stamps = []
    for folder in (paths.data, paths.claims, *(paths.docs / lang for lang in LANGUAGES)):
        for path in sorted(folder.rglob("*")) if folder.is_dir() else ():
            info = path.lstat()
            stamps.append((str(path), info.st_size, info.st_mtime_ns))
    config = paths.root / "mkdocs.yml"
    if config.exists():
        stamps.append((str(config), config.stat().st_size, config.stat().st_mtime_ns))
    return tuple(stamps)


CLAIM_FILE = re.compile(r"^cbc-\d{3,}\.md$")


def claim_files(folder: Path, problems: Problems, retired: set[str] = frozenset()) -> list[Path]:
    """The claim pages in `folder`. Everything the build would publish from it is accounted for:
    a file that is neither a claim page nor the index is an error, never silently skipped. The only
    folders allowed are the generated redirect pages of retired ids (cbc-NNN/index.html)."""
    if not folder.is_dir() or folder.is_symlink():
        problems.add(folder, "folder", "does not exist or is not a folder of claim pages")
        return []
    out = []
    for path in sorted(folder.iterdir()):
        if path.name == "index.md" and path.is_file() and not path.is_symlink():
            continue
        if CLAIM_FILE.match(path.name):
            out.append(path)  # read_text refuses links, devices and folders with a clear message
        elif path.is_dir() and not path.is_symlink() and path.name.upper() in retired and \
                [p.name for p in path.iterdir()] == ["index.html"] and not (path / "index.html").is_symlink():
            continue  # written by `generate` from the ledger; `verify` checks its content
        elif path.is_dir() and not path.is_symlink():
            problems.add(path, "file", "is a folder; claim pages live directly in docs/claims/ as cbc-NNN.md")
        else:
            problems.add(path, "file", "is not a claim page (cbc-NNN.md) or the index, but the build would "
                                       "publish it; rename it, or move it out of docs/claims/")
    return out


def _load_ledger(path: Path, problems: Problems) -> dict[str, str]:
    """The id ledger: every claim id ever issued. Ids are never reused; retired ids redirect."""
    data = read_yaml(path, problems)
    if is_missing(data):
        return {}
    if not isinstance(data, dict):
        problems.add(path, "file", f"must map claim ids to 'active' or {{retired: CBC-NNN}}, got {type_name(data)}")
        return {}
    out = {}
    targets = {}
    for cid, status in data.items():
        line = line_of(data, cid)
        if not ID_PATTERN.match(cid):
            problems.add(path, cid, "claim ids look like CBC-001", line)
        elif isinstance(status, dict) and set(status) == {"retired"} and isinstance(status["retired"], str) \
                and ID_PATTERN.match(status["retired"]):
            out[cid] = f"retired, redirects to {status['retired']}"
            targets[cid] = status["retired"]
        elif status == "active":
            out[cid] = status
        else:
            problems.add(path, cid, "status must be 'active' or {retired: CBC-NNN} (the redirect target)", line)
    for cid, target in targets.items():
        seen = {cid}
        while target in targets and target not in seen:  # follow chains of retirements
            seen.add(target)
            target = targets[target]
        if out.get(target) != "active":
            problems.add(path, cid, f"redirects to {targets[cid]}, which is not an active claim id "
                                    f"(never issued, or a loop)", line_of(data, cid))
    return out


def _cross_checks(claims: list[Claim], file_ids: set[str], reg: Registry, ledger: dict[str, str] | None,
                  problems: Problems) -> None:
    by_id: dict[str, Claim] = {}
    for claim in claims:
        if claim.id in by_id:
            problems.add(claim.path, "id", f"duplicate claim id {claim.id}, also used by {by_id[claim.id].path.name}",
                         claim.id_line)
        else:
            by_id[claim.id] = claim
        if ledger is None:
            continue
        status = ledger.get(claim.id)
        if status is None:
            problems.add(claim.path, "id", f"{claim.id} is not in data/claim-ids.yml; "
                                           "create claims with `python -m scripts new-claim`", claim.id_line)
        elif status != "active":
            problems.add(claim.path, "id", f"{claim.id} was retired and can never be reused ({status})",
                         claim.id_line)
    for cid, status in (ledger or {}).items():
        if status == "active" and cid not in file_ids:
            problems.add(Path("data/claim-ids.yml"), cid, "is active but has no claim page; "
                                                          "retire it with a redirect instead of deleting it")
    _check_overlaps(claims, reg, problems)
    _check_distinct_bodies(claims, problems)
    _check_takeaways(claims, file_ids, reg, problems)


def body_key(text: str) -> str:
    """A body as the build's Markdown step receives it: line endings and outer blank lines aside."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def _check_takeaways(claims: list[Claim], file_ids: set[str], reg: Registry, problems: Problems) -> None:
    """Each takeaway names claims of its own article, so its sentence can be traced to the evidence."""
    read = {c.id for c in claims}
    for article in reg.articles.values():
        ids = {c.id for c in claims if c.article == article.slug}
        for i, takeaway in enumerate(article.takeaways):
            for cid in takeaway.claims:
                if cid in ids:
                    continue
                # A claim file that exists but could not be read is not "another article's claim".
                message = (f"'{cid}' could not be read: fix the problems in docs/claims/{cid.lower()}.md first"
                           if cid in file_ids and cid not in read else f"'{cid}' is not a claim about this article")
                problems.add(article.path, f"takeaways[{i}].claims", message, takeaway.line)


def _check_distinct_bodies(claims: list[Claim], problems: Problems) -> None:
    """The build recognises a claim page by its checked text, so no two pages may share one."""
    seen: dict[str, Claim] = {}
    for claim in claims:
        other = seen.setdefault(body_key(claim.body), claim)
        if other is not claim:
            problems.add(claim.path, "body", f"is word for word the body of {other.path.name}; "
                                             "each claim page needs its own text", claim.id_line)


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
