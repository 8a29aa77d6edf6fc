"""The annotated article: the full text, paragraph by paragraph, every claim span linked.

Built from the article text and the claim data only; nothing here is maintained by hand.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..content.claims import Claim
from ..content.registry import Registry
from .render import render
from ..content.text import find_all, norm


@dataclass(frozen=True)
class Piece:
    text: str
    claim: Claim | None = None
    is_quote: bool = False
    anchor: str | None = None  # id on the first occurrence of a claim's quote


@dataclass(frozen=True)
class Paragraph:
    kind: str  # "heading", "text" or "excluded"
    pieces: tuple[Piece, ...]
    note: str | None = None


def claim_spans(claims: list[Claim], reg: Registry, slug: str) -> list[tuple[int, int, Claim, bool]]:
    """(start, end) in the ORIGINAL article text for every occurrence of every claim span."""
    article = reg.articles[slug]
    normalized = article.normalized
    out = []
    for claim in claims:
        for span in claim.spans:
            for start, end in find_all(normalized.text, span):
                o_start, o_end = normalized.span_in_original(start, end)
                out.append((o_start, o_end, claim, span == claim.quote))
    return sorted(out, key=lambda s: s[0])


def paragraphs(claims: list[Claim], reg: Registry, slug: str) -> list[Paragraph]:
    article = reg.articles[slug]
    spans = claim_spans(claims, reg, slug)
    excluded = {norm(t): reason for t, reason in article.not_article}
    headings = {norm(h) for h in article.headings}
    anchored: set[str] = set()
    out, offset = [], 0
    for line in article.text.splitlines(keepends=True):
        start, end = offset, offset + len(line.rstrip("\n"))
        offset += len(line)
        key = norm(line)
        if not key:
            continue
        if key in excluded:
            out.append(Paragraph("excluded", (Piece(line.strip()),), excluded[key]))
            continue
        pieces, pos = [], start
        for s, e, claim, is_quote in spans:
            if e <= start or s >= end:
                continue
            s, e = max(s, start), min(e, end)
            if s > pos:
                pieces.append(Piece(article.text[pos:s]))
            anchor = None
            if is_quote and claim.id not in anchored:
                anchored.add(claim.id)
                anchor = claim.slug
            pieces.append(Piece(article.text[s:e], claim, is_quote, anchor))
            pos = e
        if pos < end:
            pieces.append(Piece(article.text[pos:end]))
        # Drop leading/trailing whitespace-only pieces (no-break spaces in the source).
        pieces = [p for p in pieces if p.claim or p.text.strip()]
        if pieces:
            out.append(Paragraph("heading" if key in headings else "text", tuple(pieces)))
    return out


def annotated_article(claims: list[Claim], reg: Registry, slug: str, base: str) -> str:
    article = reg.articles[slug]
    return render("annotated_article.html", article=article, paragraphs=paragraphs(claims, reg, slug),
                  verdicts=reg.verdicts, base=base)
