"""Claim pages for any engine that renders with Python-Markdown: MkDocs and Zensical alike.

Listed under `markdown_extensions:` in mkdocs.yml. Its preprocessor swaps a claim page's text for
the page assembled from its checked data (scripts/site/claim_page.py). It recognises a claim page by
its checked body, so it needs no engine hook and no page object, and it runs before any template
extension (the macros preprocessor sits at 35) could read the contributor's text.

The HTML our templates write for the page is marked, and a second preprocessor hands it to
Python-Markdown's stash (the way its own raw-HTML step keeps HTML), so the engine does not parse
thousands of tags again only to copy them out unchanged. It runs after MkDocs reads the page's HTML
ids for anchor validation (priority 21) and before Python-Markdown's raw-HTML step (20). The
markers carry a secret made for this process, so no text in a contributor's file can pass for them.
"""

from __future__ import annotations

import os
import re
import secrets
from pathlib import PurePosixPath

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

from ..content.load import ROOT, Content, body_key, load_content_once
from ..content.siteconfig import page_url
from . import i18n, render
from .claim_page import claim_page
from .editions import alternates, edition_url, english_href, localized
from .links import root_prefix
from .wayfinding import article_order, claim_neighbours

PRIORITY = 36  # after nothing that reads text, before macros (35) and whitespace normalising (30)
STASH_PRIORITY = 20.5  # after MkDocs' anchor scan of raw HTML (21), before Python-Markdown's raw HTML (20)
_NONCE = secrets.token_hex(16)
_OPEN, _CLOSE = f"\ue000{_NONCE}\ue001", f"\ue000/{_NONCE}\ue001"
_MARKED = re.compile(re.escape(_OPEN) + "(.*?)" + re.escape(_CLOSE), re.DOTALL)
_BLANK_LINE_AFTER = re.compile(r"([ ]*\n){2}")  # Python-Markdown's own test (markdown.htmlparser)
_FIRST_TAG = re.compile(r"<([A-Za-z][^\s>/]*)")


def _mark(html: str) -> str:
    return f"{_OPEN}{html}{_CLOSE}"


class ClaimPages(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        content = load_content_once(ROOT, trust_cache=True)
        content.finish_review()  # no body is published before `check`'s review of its HTML is in
        if content.problems:
            if os.environ.get("CBC_SERVE") == "1":
                return lines  # the live preview shows the problems instead (scripts/macros.py)
            raise SystemExit(f"Claim by Claim: {len(content.problems)} content problem(s); run "
                             "`python -m scripts check` for the list. The site was not built.")
        english = content
        content = localized(content)  # the edition being built: translated prose and labels
        claim = _claims_by_body(content).get(body_key("\n".join(lines)))
        if claim is None:
            _refuse_unchecked_claim_file(self.md)
            return lines
        _tell_the_theme(self.md, content.registry.verdicts[claim.verdict].label)
        src = f"claims/{claim.path.name}"
        url = page_url(ROOT, src)
        base = root_prefix(src, url)
        neighbours = claim_neighbours(claim, _ordered(content))
        lang = i18n.current()
        translation = content.translations.claim(lang, claim.id) if lang != i18n.DEFAULT else None
        page = claim_page(claim, content.registry, base, edition_url(ROOT) + url, neighbours, raw=_mark,
                          translation=translation, alternates=alternates(ROOT, url),
                          english=english.claim(claim.id))
        if lang != i18n.DEFAULT and (translation is None or translation.stale):
            state = "missing" if translation is None else "stale"
            page = _mark(render.translation_notice(state, english_href(src, lang))) + "\n\n" + page
        return page.split("\n")


class StashGenerated(Preprocessor):
    """Our marked HTML into the stash: it comes back, byte for byte, when the page is written out."""

    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        if _OPEN not in text:
            return lines
        return _MARKED.sub(self._store, text).split("\n")

    def _store(self, match: re.Match) -> str:
        html, text, start = match.group(1), match.string, match.start()
        tag = _FIRST_TAG.match(html)
        block = (start == 0 or text[start - 1] == "\n") and tag and self.md.is_block_level(tag.group(1))
        # As Python-Markdown stores a raw block: with its line end when a blank line follows.
        if block and _BLANK_LINE_AFTER.match(text, match.end()):
            html += "\n"
        return self.md.htmlStash.store(html)


_INDEX: dict[int, dict] = {}
_ORDER: dict[int, list] = {}


def _ordered(content: Content) -> list:
    if id(content) not in _ORDER:
        _ORDER.clear()
        _ORDER[id(content)] = article_order(content.claims, content.registry)
    return _ORDER[id(content)]


def _claims_by_body(content: Content) -> dict:
    if id(content) not in _INDEX:
        _INDEX.clear()
        _INDEX[id(content)] = {body_key(c.body): c for c in content.claims}
    return _INDEX[id(content)]


def _tell_the_theme(md: Markdown, verdict_label: str) -> None:
    """Zensical hands its page metadata to the theme after rendering, so the title and share card can
    lead with the verdict. (Under MkDocs the macros glue sets the same key before rendering.)"""
    for processor in md.preprocessors:
        meta = getattr(getattr(processor, "page", None), "meta", None)
        if isinstance(meta, dict):
            meta["verdict_label"] = verdict_label


def _refuse_unchecked_claim_file(md: Markdown) -> None:
    """Where the engine says which file this is (Zensical does), a claim file whose text `check` did
    not accept is never published raw. Under MkDocs the macros glue guards the same case."""
    for processor in md.preprocessors:
        path = getattr(getattr(processor, "page", None), "path", None)
        if isinstance(path, str):
            name = PurePosixPath(path.replace("\\", "/"))
            if name.parent.name == "claims" and name.name.startswith("cbc-"):
                raise SystemExit(f"Claim by Claim: {path} is not a checked claim page.")


class ClaimPagesExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        md.preprocessors.register(ClaimPages(md), "claim_by_claim_pages", PRIORITY)
        md.preprocessors.register(StashGenerated(md), "claim_by_claim_stash", STASH_PRIORITY)


def makeExtension(**kwargs) -> ClaimPagesExtension:  # noqa: N802 - Python-Markdown's entry point
    return ClaimPagesExtension(**kwargs)
