"""Practice with feedback, generated from the claim data: "Which is it?" (pick a verdict) and "Spot
the technique" (pick the technique a passage uses).

Every claim gives one item of each kind, so a new claim adds items with no hand editing. The wrong
choices come from the data: the other answers of data/practice.yml, and for techniques, others of
the same category first. Order is fixed by a hash, so the page is the same on every build but
does not follow the article (the verdicts would come in runs).

Discernment is scored as well as catching: a hit is flagging a passage we rate false or misleading;
a false alarm is flagging one that is right on the facts (data/practice.yml says which answers
flag and which verdicts are sound).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass

from ..content.claims import ADVISORIES, Claim
from ..content.load import Content
from ..content.registry import PracticeChoice, Technique, Verdict
from .render import render

TECHNIQUE_CHOICES = 4  # the right technique and three plausible wrong ones


@dataclass(frozen=True)
class Marked:
    """A passage with the words an item is about: before, marked, after."""
    before: str
    marked: str
    after: str


@dataclass(frozen=True)
class VerdictItem:
    claim: Claim
    verdict: Verdict
    answer: PracticeChoice  # the choice that matches our verdict
    advisory: str | None
    figure: tuple[str, str] | None  # (the article says, the record shows) for the key figure

    @property
    def group(self) -> str:
        """flawed (a flag is a hit), sound (a flag is a false alarm), or other."""
        return "flawed" if self.answer.flags else "sound" if self.answer.sound else "other"


@dataclass(frozen=True)
class TechniqueItem:
    claim: Claim
    passage: Marked
    right: Technique
    options: tuple[Technique, ...]
    advisory: str | None
    verdict: Verdict


def _order(*parts: str) -> str:
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


ARTICLE = "army-of-deserters"


def verdict_items(content: Content, article: str = ARTICLE) -> list[VerdictItem]:
    """One item per claim of the article (practice is per article, so a page does not grow with
    the site)."""
    reg = content.registry
    by_verdict = {v: choice for choice in reg.practice for v in choice.verdicts}
    items = []
    for claim in content.claims_for(article):
        figure = (claim.figures[0].article, claim.figures[0].record) if claim.figures else None
        items.append(VerdictItem(claim, reg.verdicts[claim.verdict], by_verdict[claim.verdict],
                                 ADVISORIES.get(claim.advisory) if claim.advisory else None, figure))
    return sorted(items, key=lambda i: _order("verdict", i.claim.id))


def technique_items(content: Content, article: str = ARTICLE) -> list[TechniqueItem]:
    reg = content.registry
    items = []
    for claim in content.claims_for(article):
        if not claim.techniques:
            continue
        use = claim.techniques[0]  # the first listed is the passage's main technique
        right = reg.techniques[use.id]
        used = {t.id for t in claim.techniques}
        others = [t for t in reg.techniques.values() if t.id not in used]
        # Plausible wrong answers: the same category first, then the rest, each in hash order.
        others.sort(key=lambda t: (t.category != right.category, _order(claim.id, t.id)))
        options = sorted([right, *others[:TECHNIQUE_CHOICES - 1]], key=lambda t: _order("option", claim.id, t.id))
        advisory = ADVISORIES.get(claim.advisory) if claim.advisory else None
        items.append(TechniqueItem(claim, _mark(claim, use.span), right, tuple(options), advisory,
                                   reg.verdicts[claim.verdict]))
    return sorted(items, key=lambda i: _order("technique", i.claim.id))


def _mark(claim: Claim, span: str) -> Marked:
    """The quote (or the covered sentence) that holds the technique's words, with them marked."""
    text = next((s for s in claim.spans if span in s), span)
    start = text.index(span)
    return Marked(text[:start], span, text[start + len(span):])


def which_is_it(content: Content, base: str, article: str = ARTICLE) -> str:
    items = verdict_items(content, article)
    tally = Counter(i.verdict.label for i in items)
    return render("practice_verdicts.html", items=items, choices=content.registry.practice, base=base,
                  tally=[(v.label, tally[v.label]) for v in content.registry.verdicts.values() if tally[v.label]])


def spot_the_technique(content: Content, base: str, article: str = ARTICLE) -> str:
    return render("practice_techniques.html", items=technique_items(content, article), base=base)


def practice_sheet(content: Content, base: str, key: bool, article: str = ARTICLE) -> str:
    """The printable sheet (key=False) or its answer key (key=True), both items kinds."""
    return render("practice_sheet.html", verdict_items=verdict_items(content, article),
                  technique_items=technique_items(content, article),
                  choices=content.registry.practice, base=base, key=key)
