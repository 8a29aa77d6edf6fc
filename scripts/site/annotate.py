"""The annotated article: the full text, every claim's passage marked, each with its note.

Built from the article text and the claim data only; nothing here is maintained by hand. The same
paragraphs give the reader's view (verdicts and notes) and the student view (numbered passages,
no verdicts), so a lesson can ask students to judge before the reveal.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..content.claims import Claim
from ..content.registry import Registry, Verdict
from ..content.text import find_all, norm
from .i18n import format_number
from .i18n import gettext as _
from .render import render

# The filter's narrowest setting: the verdicts a reader most needs to see.
WORST = ("false", "misleading")


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
    notes: tuple[Claim, ...] = ()  # claims whose quote starts here: their notes follow this paragraph


@dataclass(frozen=True)
class Note:
    """What a reader sees on tapping a passage: verdict, summary, key figure, techniques, link."""
    claim: Claim
    verdict: Verdict
    number: int
    figure: str | None
    techniques: tuple[tuple[str, str], ...]  # (glossary anchor, name)

    @property
    def group(self) -> str:
        """Filter group: "worst" (false, misleading), "checkable" or "opinion"."""
        if self.verdict.id in WORST:
            return "worst"
        return "checkable" if self.verdict.checkable else "opinion"


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
        pieces, pos, notes = [], start, []
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
                notes.append(claim)
            pieces.append(Piece(article.text[s:e], claim, is_quote, anchor))
            pos = e
        if pos < end:
            pieces.append(Piece(article.text[pos:end]))
        # Drop leading and trailing whitespace-only pieces (no-break spaces in the source); a space
        # between two passages stays, or the sentences run together.
        while pieces and not pieces[0].claim and not pieces[0].text.strip():
            pieces.pop(0)
        while pieces and not pieces[-1].claim and not pieces[-1].text.strip():
            pieces.pop()
        if pieces:
            out.append(Paragraph("heading" if key in headings else "text", tuple(pieces), notes=tuple(notes)))
    return out


def key_figure(claim: Claim) -> str | None:
    """The figure a note sets against the record: the charted numbers where there are some."""
    for figure in claim.figures:
        if figure.article_number is not None and figure.record_number is not None:
            return _("%(label)s: the article says %(article)s; the record shows %(record)s.") % {
                "label": figure.label, "article": format_number(figure.article_number),
                "record": format_number(figure.record_number)}
    if claim.figures:
        return _("The article: %(article)s. What the record shows: %(gap)s") % {
            "article": claim.figures[0].article, "gap": claim.figures[0].gap}
    return None


def notes(claims: list[Claim], reg: Registry, paras: list[Paragraph]) -> dict[str, Note]:
    """One note per claim, numbered in reading order (the student view uses the same numbers)."""
    order = [c for p in paras for c in p.notes]
    out = {}
    for number, claim in enumerate(order, start=1):
        used = dict.fromkeys(u.id for u in claim.techniques)
        techniques = tuple((reg.techniques[t].id.lower(), reg.techniques[t].name) for t in used)
        out[claim.id] = Note(claim, reg.verdicts[claim.verdict], number, key_figure(claim), techniques)
    missing = {c.id for c in claims} - out.keys()
    if missing:  # `check` makes every quote occur in the article; this guards a bypassed check
        raise ValueError(f"claims whose quote is not in the article: {sorted(missing)}")
    return out


def tally(claims: list[Claim], reg: Registry) -> list[tuple[Verdict, int]]:
    counts = Counter(c.verdict for c in claims)
    return [(v, counts[v.id]) for v in reg.verdicts.values() if counts[v.id]]


def relied_on(claims: list[Claim], reg: Registry) -> list[tuple[object, int]]:
    """The people and bodies the article leans on, most-used first."""
    counts = Counter(pid for c in claims for pid in c.people)
    return [(reg.people[pid], n) for pid, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def annotated_article(claims: list[Claim], reg: Registry, slug: str, base: str) -> str:
    paras = paragraphs(claims, reg, slug)
    return render("annotated_article.html", article=reg.articles[slug], paragraphs=paras,
                  notes=notes(claims, reg, paras), verdicts=reg.verdicts, base=base)


def article_review(claims: list[Claim], reg: Registry, slug: str, base: str) -> str:
    article = reg.articles[slug]
    by_id = {c.id: c for c in claims}
    takeaways = [(t.text, [by_id[cid] for cid in t.claims]) for t in article.takeaways]
    return render("article_review.html", article=article, takeaways=takeaways, tally=tally(claims, reg),
                  people=relied_on(claims, reg), total=len(claims), verdicts=reg.verdicts, base=base)


def student_article(claims: list[Claim], reg: Registry, slug: str) -> str:
    paras = paragraphs(claims, reg, slug)
    return render("student_article.html", article=reg.articles[slug], paragraphs=paras,
                  notes=notes(claims, reg, paras))
