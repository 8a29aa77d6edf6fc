"""Where a reader is and where to go next: breadcrumbs and previous/next links for the pages kept
out of the navigation (claim pages, and the teaching kit's lessons, worksheets and answer keys)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..content.claims import Claim
from ..content.registry import Registry
from ..content.text import find_all
from .handouts import handout, kit_stems
from .i18n import gettext as _
from .render import render


@dataclass(frozen=True)
class Link:
    href: str  # relative to the site root
    label: str


def article_order(claims: list[Claim], reg: Registry) -> list[Claim]:
    """Claims in the order their quotes first appear in their article."""
    def position(claim: Claim) -> tuple[str, int]:
        found = find_all(reg.articles[claim.article].normalized.text, claim.quote)
        return claim.article, found[0][0] if found else 0
    return sorted(claims, key=position)


def claim_neighbours(claim: Claim, ordered: list[Claim]) -> tuple[Link | None, Link | None]:
    i = next(n for n, c in enumerate(ordered) if c.id == claim.id)
    def link(c: Claim) -> Link:
        return Link(f"claims/{c.slug}/", f"{c.id}: {c.title}")
    return (link(ordered[i - 1]) if i > 0 else None, link(ordered[i + 1]) if i + 1 < len(ordered) else None)


def claim_breadcrumb(claim: Claim, base: str) -> str:
    return render("breadcrumb.html", trail=[Link("claims/", _("All claims"))], here=claim.id, base=base)


def pager(prev: Link | None, nxt: Link | None, base: str, what: str) -> str:
    """`what` is the sequence the links step through: "article" (claim pages) or "teaching kit"."""
    labels = {"article": _("Previous and next in the article"),
              "teaching kit": _("Previous and next in the teaching kit")}
    label = labels.get(what, f"Previous and next in the {what}")
    return render("pager.html", prev=prev, next=nxt, base=base, label=label)


KIT_SEQUENCE = ("lesson", "worksheet", "answers")  # the pages with a previous/next of their kind


def kit_pages(teach_dir: Path) -> list[Link]:
    """The teaching kit in teaching order: lesson 1, its worksheet, its answer key, lesson 2, ...
    (kit_nav keeps answer keys out of the sequence students follow)."""
    kit = [handout(teach_dir, stem) for stem in kit_stems(teach_dir)]
    return [Link(f"teach/{h.stem}/", h.title) for h in kit if h.kind in KIT_SEQUENCE]


def kit_nav(page_url: str, teach_dir: Path, base: str) -> str:
    """Previous and next of the same kind: lesson to lesson, worksheet to worksheet, answer key to
    answer key. A worksheet is a student page, so it never links to a lesson plan or an answer."""
    kind = page_url.removeprefix("teach/").split("-", 1)[0]
    pages = [p for p in kit_pages(teach_dir) if p.href.startswith(f"teach/{kind}-")]
    here = next((i for i, p in enumerate(pages) if p.href == page_url), None)
    if here is None:
        return ""
    prev = pages[here - 1] if here > 0 else None
    nxt = pages[here + 1] if here + 1 < len(pages) else None
    return pager(prev, nxt, base, "teaching kit")
