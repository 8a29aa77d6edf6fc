"""What a claim body becomes in HTML, held to a short allowlist by a maintained sanitiser.

The body is rendered with the same Markdown extensions the site builds with (read from
mkdocs.yml), then cleaned with nh3 (Ammonia). If cleaning would change anything, the body holds
markup a reader must never receive, and `check` names it. So what `check` accepts is exactly what
the build publishes; there is no second, looser reading.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

import markdown
import nh3

from .siteconfig import markdown_extensions

# What Markdown itself writes for prose, lists, tables, notes and details: nothing else.
ALLOWED_TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "a", "strong", "em", "b", "i", "code", "pre", "kbd",
    "blockquote", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tr", "th", "td",
    "sup", "sub", "abbr", "div", "span", "details", "summary", "del", "ins", "mark", "s",
}
ALLOWED_ATTRIBUTES = {
    "*": {"id", "class", "title", "lang"},
    "a": {"href"},
    "th": {"align", "style"}, "td": {"align", "style"},  # Markdown tables align cells with style
    "ol": {"start"}, "details": {"open"},
}
URL_SCHEMES = {"http", "https", "mailto"}


@dataclass(frozen=True)
class Finding:
    message: str
    needle: str  # text to look for in the source, to give a line number


@lru_cache(maxsize=4)
def _converter(root: Path) -> markdown.Markdown:
    names, settings = markdown_extensions(root)
    return markdown.Markdown(extensions=names, extension_configs=settings)


def body_html(body: str, root: Path) -> str:
    md = _converter(root)
    md.reset()
    return md.convert(body)


class _Tags(HTMLParser):
    """Start tags with their attributes, and comments: the parts a sanitiser may remove."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: Counter = Counter()
        self.comments = 0
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        # nh3 rewrites style="text-align: left;" as "text-align:left": compare what it means
        norm = [(k, (v or "").replace(" ", "").rstrip(";") if k == "style" else v or "") for k, v in attrs]
        self.tags[(tag, tuple(sorted(norm)))] += 1
        self.hrefs += [v for k, v in attrs if k in {"href", "src", "action", "formaction"} and v]

    handle_startendtag = handle_starttag

    def handle_comment(self, data):
        self.comments += 1


def _parse(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    parser.close()
    return parser


def clean(html: str) -> str:
    return nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=URL_SCHEMES,
                     strip_comments=True, link_rel=None,
                     clean_content_tags={"script", "style"}, filter_style_properties={"text-align"})


def review(html: str) -> tuple[list[Finding], list[str]]:
    """Everything the sanitiser would remove from `html`, as messages a contributor can act on, and
    every link target in it, from one parse: a build reviews every claim body."""
    before, after = _parse(html), _parse(clean(html))
    findings = []
    removed = before.tags - after.tags
    for (tag, attrs), _count in sorted(removed.items()):
        if tag not in ALLOWED_TAGS:
            findings.append(Finding(f"raw HTML <{tag}> is not allowed in a claim page; write Markdown", f"<{tag}"))
            continue
        allowed = ALLOWED_ATTRIBUTES.get(tag, set()) | ALLOWED_ATTRIBUTES["*"]
        for name, value in attrs:
            if name not in allowed:
                findings.append(Finding(f"HTML attribute '{name}' on <{tag}> is not allowed (event handlers, "
                                        "styles and scripts never reach a reader)", name))
            elif name == "href" and value.split(":", 1)[0].strip().lower() not in URL_SCHEMES and ":" in \
                    value.split("/", 1)[0]:
                findings.append(Finding(f"link to '{value[:40]}' uses a scheme that is not allowed "
                                        f"(only {', '.join(sorted(URL_SCHEMES))})", value[:20]))
    if before.comments:
        findings.append(Finding("HTML comments are not allowed in a claim page (they hide text from review)",
                                "<!--"))
    if removed and not findings:
        findings.append(Finding("contains HTML that the sanitiser would change; write plain Markdown", "<"))
    return findings, before.hrefs
