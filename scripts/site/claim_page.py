"""Assemble a claim page from its checked data: header, body, techniques, sources, review.

The contributor's file is data. Its Markdown body is used as text: it never passes through a
template engine. The generated parts are rendered here, from our own templates with autoescaping,
and joined to the body as plain strings, so the result is the same whatever engine builds the site.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..content.claims import CITATION, Claim
from ..content.registry import Registry
from . import render
from .structured import claim_review

CITATION_RUN = re.compile(rf"(?:{CITATION.pattern})+")
PERSUADES = re.compile(r"^## +How the passage persuades[ \t]*$", re.MULTILINE)


@dataclass(frozen=True)
class Citations:
    """Footnote-style numbers for inline citations, in order of first use."""
    order: tuple[str, ...]           # source ids, cited ones first, then the rest of `sources:`
    uses: dict[str, tuple[str, ...]]  # source id -> anchor ids of its markers in the body

    def number(self, source_id: str) -> int:
        return self.order.index(source_id) + 1


def link_citations(body: str, claim: Claim) -> tuple[str, Citations]:
    """Replace each `[^source-id]` with a numbered link to its entry in the source list."""
    first_use = list(dict.fromkeys(CITATION.findall(body)))
    order = tuple(first_use + [s for s in claim.sources if s not in first_use])
    uses: dict[str, list[str]] = {}

    def markers(run: re.Match) -> str:
        # Adjacent markers become one group, "1, 2", so they can't read as "12".
        cites = []
        for sid in CITATION.findall(run.group(0)):
            anchor = f"cite-{sid}-{len(uses.setdefault(sid, [])) + 1}"
            uses[sid].append(anchor)
            cites.append({"sid": sid, "anchor": anchor, "n": order.index(sid) + 1})
        return render.render("citation_marker.html", cites=cites).strip()

    linked = CITATION_RUN.sub(markers, body)
    return linked, Citations(order, {k: tuple(v) for k, v in uses.items()})


def claim_page(claim: Claim, reg: Registry, base: str, page_url: str) -> str:
    """The Markdown the engine renders for one claim page."""
    body, citations = link_citations(claim.body, claim)
    techniques = render.claim_techniques(claim, reg, base)
    body, found = PERSUADES.subn(lambda m: f"{m.group(0)}\n\n{techniques}\n", body, count=1)
    if not found:  # `check` requires the heading; this only guards a bypassed check
        raise ValueError(f"{claim.id}: no 'How the passage persuades' section")
    header = render.claim_header(claim, reg, base, page_url)
    footer = render.claim_footer(claim, reg, base, claim_review(claim, reg, page_url), citations)
    return f"{header}\n\n{body.strip()}\n\n{footer}\n"
