"""Assemble a claim page from its checked data: header, body, techniques, sources, review.

The contributor's file is data. Its Markdown body is used as text: it never passes through a
template engine. The generated parts are rendered here, from our own templates with autoescaping,
and joined to the body as plain strings, so the result is the same whatever engine builds the site.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..content.claims import CITATION, Claim
from ..content.coverage import RECORD_SECTION
from ..content.registry import Registry
from ..content.translations import HEADINGS
from . import render, wayfinding
from .structured import claim_review

CITATION_RUN = re.compile(rf"(?:{CITATION.pattern})+")
PERSUADES = re.compile(r"^## +How the passage persuades[ \t]*$", re.MULTILINE)
# The same heading in a translated body (scripts/content/translations.py HEADINGS).
PERSUADES_IN = {lang: re.compile(rf"^## +{re.escape(h[2])}( \{{ #[a-z-]+ \}})?[ \t]*$", re.MULTILINE)
                for lang, h in HEADINGS.items()}


def _persuades(body: str) -> re.Pattern:
    return next((p for p in PERSUADES_IN.values() if p.search(body)), PERSUADES)


# A translated section keeps its English anchor (#what-the-record-shows), so a link into a section
# works in every edition.
ENGLISH_IDS = ("context", "what-the-record-shows", "how-the-passage-persuades", "what-remains-unknown")


def _english_anchors(body: str) -> str:
    for headings in HEADINGS.values():
        for heading, anchor in zip(headings, ENGLISH_IDS, strict=True):
            body = re.sub(rf"^(## +{re.escape(heading)})[ \t]*$", rf"\1 {{ #{anchor} }}", body, count=1,
                          flags=re.MULTILINE)
    return body
KEY_SOURCES = 2  # what the verdict card shows on a phone's first screen
BLANK_LINES = re.compile(r"(\n[ \t]*\n)")


def _as_is(html: str) -> str:
    return html


def raw_blocks(fragment: str, raw: Callable[[str], str]) -> str:
    """Pass each HTML block of one of our rendered fragments (a paragraph that starts with a tag)
    through `raw`; the Markdown around them (our headings) is left as it is."""
    parts = BLANK_LINES.split(fragment)
    for i in range(0, len(parts), 2):  # the odd items are the blank lines between
        if parts[i].startswith("<"):
            block = parts[i].rstrip()
            parts[i] = raw(block) + parts[i][len(block):]
    return "".join(parts)


@dataclass(frozen=True)
class Citations:
    """Footnote-style numbers for inline citations, in order of first use."""
    order: tuple[str, ...]           # source ids, cited ones first, then the rest of `sources:`
    uses: dict[str, tuple[str, ...]]  # source id -> anchor ids of its markers in the body

    def number(self, source_id: str) -> int:
        return self.order.index(source_id) + 1


def link_citations(body: str, claim: Claim, raw: Callable[[str], str] = _as_is) -> tuple[str, Citations]:
    """Replace each `[^source-id]` with a numbered link to its entry in the source list (the
    marker's HTML passed through `raw`)."""
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
        return raw(render.render("citation_marker.html", cites=cites).strip())

    linked = CITATION_RUN.sub(markers, body)
    return linked, Citations(order, {k: tuple(v) for k, v in uses.items()})


def key_sources(claim: Claim, reg: Registry) -> list[str]:
    """The sources that settle the verdict, for the first screen: those behind the claim's key figure
    (the charted one, else the first), then the evidence cited in "What the record shows"; primary
    records first, and no two from one publisher, so the pair is independent."""
    charted = [f for f in claim.figures if f.article_number is not None] or list(claim.figures)
    section = RECORD_SECTION.search(claim.body)
    candidates = [*(charted[0].sources if charted else ()), *CITATION.findall(section.group(1) if section else "")]
    evidence = [sid for sid in dict.fromkeys(candidates) if reg.sources[sid].is_evidence]
    chosen, publishers = [], set()
    for sid in sorted(evidence, key=lambda sid: not reg.sources[sid].is_primary):
        if reg.sources[sid].publisher not in publishers and len(chosen) < KEY_SOURCES:
            chosen.append(sid)
            publishers.add(reg.sources[sid].publisher)
    return chosen


def claim_page(claim: Claim, reg: Registry, base: str, page_url: str, neighbours=(None, None),
               raw: Callable[[str], str] = _as_is, translation=None, alternates=None, english=None) -> str:
    """The Markdown the engine renders for one claim page.

    Every piece of HTML we generate (never the contributor's text) passes through `raw`: the
    claim-page extension uses it to hand that HTML to Python-Markdown's stash, so the engine does
    not parse again what our templates wrote. With the default, the page is plain Markdown with
    inline HTML, which renders to the same bytes.

    In another edition, `claim` and `reg` come translated (scripts/site/editions.py), `translation`
    adds our translation of the quote, `english` is the English claim (whose body picks the key
    sources) and `alternates` the page's address in each edition, for its ClaimReview."""
    body, citations = link_citations(_english_anchors(claim.body) if translation else claim.body, claim, raw)
    techniques = raw_blocks(render.claim_techniques(claim, reg, base), raw)
    body, found = _persuades(body).subn(lambda m: f"{m.group(0)}\n\n{techniques}\n", body, count=1)
    if not found:  # `check` requires the heading; this only guards a bypassed check
        raise ValueError(f"{claim.id}: no 'How the passage persuades' section")
    settled = reg.verdicts[claim.verdict].checkable  # an opinion has no fact for a source to settle
    keys = [(reg.sources[sid], citations.number(sid)) for sid in key_sources(english or claim, reg)] if settled else []
    quote_translation = translation.quote if translation is not None else None
    header = raw_blocks(render.claim_header(claim, reg, base, page_url, keys, quote_translation), raw)
    review = claim_review(claim, reg, page_url, alternates)
    footer = raw_blocks(render.claim_footer(claim, reg, base, review, citations), raw)
    crumb = raw_blocks(wayfinding.claim_breadcrumb(claim, base), raw)
    pager = raw_blocks(wayfinding.pager(*neighbours, base, "article"), raw)
    return f"{crumb}\n\n{header}\n\n{body.strip()}\n\n{footer}\n\n{pager}\n"
