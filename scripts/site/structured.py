"""schema.org ClaimReview JSON-LD for a claim page, built from the claim data alone."""

from __future__ import annotations

from ..content.claims import Claim
from ..content.registry import Registry
from ..content.text import norm
from . import i18n

ORGANISATION = {"@type": "Organization", "name": "Claim by Claim"}


def claim_review(claim: Claim, reg: Registry, page_url: str, alternates: dict[str, str] | None = None) -> dict:
    """With `alternates` (the page's address in each edition), the review names its language and
    links its translations: the English one its `workTranslation`s, another its original."""
    verdict = reg.verdicts[claim.verdict]
    article = reg.articles[claim.article]
    ratings = [v.rating for v in reg.verdicts.values() if v.rating is not None]
    rating = {"@type": "Rating", "alternateName": verdict.label,
              "bestRating": max(ratings), "worstRating": min(ratings)}
    # Opinion and could-not-verify are not points on the true/false scale: schema.org allows a
    # rating with only a name, which is what we give them.
    if verdict.rating is not None:
        rating["ratingValue"] = verdict.rating
    review = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": page_url,
        "claimReviewed": norm(claim.quote),
        "datePublished": claim.published.isoformat(),
        "dateModified": claim.reviewed.isoformat(),
        "author": ORGANISATION,
        "reviewRating": rating,
        "itemReviewed": {
            "@type": "Claim",
            "author": {"@type": "Organization", "name": article.outlet},
            "datePublished": article.date.isoformat(),
            "appearance": {"@type": "CreativeWork", "headline": norm(article.title),
                           "datePublished": article.date.isoformat(),
                           "author": {"@type": "Organization", "name": article.outlet}},
        },
    }
    if alternates:
        lang = i18n.current()
        review["inLanguage"] = lang
        if lang == i18n.DEFAULT:
            review["workTranslation"] = [{"@type": "ClaimReview", "url": url, "inLanguage": code}
                                         for code, url in alternates.items() if code != lang]
        else:
            review["translationOfWork"] = {"@type": "ClaimReview", "url": alternates[i18n.DEFAULT],
                                           "inLanguage": i18n.DEFAULT}
    return review
