"""An Atom feed of changes (new claim pages and corrections), generated from the claim data."""

from __future__ import annotations

from xml.sax.saxutils import escape

from ..content.load import Content
from .i18n import gettext as _


def changes(content: Content) -> list[tuple[str, str, str, str]]:
    """(date, title, path, summary) for every publication and correction, newest first."""
    entries = []
    for claim in content.claims:
        title = _("Published %(id)s: %(title)s") % {"id": claim.id, "title": claim.title}
        entries.append((claim.published.isoformat(), title, f"claims/{claim.slug}/", claim.summary))
        for c in claim.corrections:
            title = _("Correction to %(id)s: %(change)s") % {"id": claim.id, "change": c.change}
            entries.append((c.date.isoformat(), title, f"claims/{claim.slug}/#review-and-corrections", c.reason))
    return sorted(entries, key=lambda e: (e[0], e[2]), reverse=True)


def atom(content: Content, site_url: str) -> str:
    entries = changes(content)
    updated = entries[0][0] if entries else "2026-01-01"
    feed_title = _("Claim by Claim: new claims and corrections")
    parts = ['<?xml version="1.0" encoding="utf-8"?>',
             '<feed xmlns="http://www.w3.org/2005/Atom">',
             f"<title>{escape(feed_title)}</title>",
             f'<link rel="self" href="{escape(site_url)}feed.xml"/>',
             f'<link href="{escape(site_url)}"/>',
             f"<id>{escape(site_url)}</id>",
             f"<updated>{updated}T00:00:00Z</updated>",
             "<author><name>Claim by Claim</name></author>"]
    for date, title, path, summary in entries:
        url = escape(site_url + path)
        parts += ["<entry>", f"<title>{escape(title)}</title>", f'<link href="{url}"/>',
                  f"<id>{url}#{date}</id>", f"<updated>{date}T00:00:00Z</updated>",
                  f"<summary>{escape(summary)}</summary>", "</entry>"]
    parts.append("</feed>")
    return "\n".join(parts) + "\n"
