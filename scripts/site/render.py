"""HTML fragments for claim pages, rendered from templates with autoescaping.

Every value that comes from content passes through Jinja's autoescape, so markup typed into
front matter is shown as text and never executed.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import jinja2

from ..content.claims import ADVISORIES, Claim
from ..content.registry import Registry
from ..content.text import find_all
from . import i18n

TEMPLATES = Path(__file__).parent / "templates"
# Compiled templates, kept between builds (compiling ours costs a build about 0.15 s). Jinja checks
# each entry against its template's source, so an edited template is compiled afresh.
COMPILED = Path(__file__).resolve().parents[2] / "build" / "jinja"


@lru_cache(maxsize=1)
def _env() -> jinja2.Environment:
    COMPILED.mkdir(parents=True, exist_ok=True)
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined,
                             keep_trailing_newline=False, bytecode_cache=jinja2.FileSystemBytecodeCache(str(COMPILED)),
                             extensions=["jinja2.ext.i18n"])
    # Words go through the active edition's catalogue at render time (scripts/site/i18n.py), so one
    # compiled template serves both editions.
    env.install_gettext_callables(i18n.gettext, i18n.ngettext, newstyle=True)
    # The edition being rendered: in another one the article's own text is marked English.
    env.globals["edition"] = i18n.current
    env.filters["date"] = i18n.format_date
    env.filters["number"] = i18n.format_number
    env.filters["jsonld"] = jsonld_dumps
    env.filters["extract"] = lambda key, mapping: mapping[key]
    return env


def compile_all() -> int:
    """Compile every template into the cache (a build's helper process does this while the main
    one loads the content, so a fresh checkout's first pages find them compiled)."""
    env = _env()
    names = env.list_templates()
    for name in names:
        env.get_template(name)
    return len(names)


def render(template: str, **values) -> str:
    return _env().get_template(template).render(**values)


def jsonld_dumps(data: dict) -> str:
    """JSON for a <script> block: '<', '>' and '&' escaped so text can never close the tag."""
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def quote_in_context(claim: Claim, reg: Registry) -> tuple[str, str, str]:
    """The paragraph around the quote's first occurrence, split into (before, quote, after)."""
    article = reg.articles[claim.article]
    normalized = article.normalized
    start, end = find_all(normalized.text, claim.quote)[0]
    o_start, o_end = normalized.span_in_original(start, end)
    text = article.text
    p_start = text.rfind("\n", 0, o_start) + 1
    p_end = text.find("\n", o_end)
    p_end = len(text) if p_end == -1 else p_end
    return text[p_start:o_start].strip(), text[o_start:o_end], text[o_end:p_end].strip()


def claim_header(claim: Claim, reg: Registry, base: str, page_url: str = "", key_sources=(),
                 quote_translation: str | None = None) -> str:
    before, quote, after = quote_in_context(claim, reg)
    return render("claim_header.html", claim=claim, verdict=reg.verdicts[claim.verdict],
                  article=reg.articles[claim.article], advisory=ADVISORIES.get(claim.advisory or ""),
                  rule=reg.rules.get(claim.rule or ""),
                  before=before, quote=quote, after=after, base=base, page_url=page_url,
                  key_sources=key_sources, quote_translation=quote_translation)


def translation_notice(state: str, english_href: str) -> str:
    """A translated page's notice that its English page is newer, or that it has no translation."""
    return render("translation_notice.html", state=state, href=english_href)


def claim_techniques(claim: Claim, reg: Registry, base: str) -> str:
    uses = [(reg.techniques[u.id], u.span) for u in claim.techniques]
    return render("claim_techniques.html", uses=uses, base=base)


def claim_footer(claim: Claim, reg: Registry, base: str, jsonld: dict, citations=None) -> str:
    order = citations.order if citations else claim.sources
    sources = [reg.sources[s] for s in order]
    uses = citations.uses if citations else {}
    return render("claim_footer.html", claim=claim, sources=sources, uses=uses, jsonld=jsonld, base=base)


def citation(source) -> str:
    return render("citation.html", s=source)
