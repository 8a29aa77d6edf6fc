"""The Ukrainian edition: the same site, built a second time, in Ukrainian, under /uk/.

Plain Python, engine-neutral (no plugin, no hook), so MkDocs and Zensical build it alike:

1. `stage` writes the edition's docs folder (build/editions/uk/docs/) with one page for every
   English page, at the same path. A checked translation is copied as it is; a page with none
   is the English page with a notice in Ukrainian at the top that links the English one.
2. `config_overrides` gives the engine the same mkdocs.yml with the Ukrainian interface
   (`theme.language: uk`), the translated navigation, the edition's URL and its language links.
3. While the edition renders, `localized` hands the renderers the same content with the
   translated words: claim prose from docs/uk/claims/, labels from the glossary
   (data/i18n/terms-uk.yml), interface strings from data/i18n/uk/messages.po. Facts (verdicts,
   sources, figures' numbers, dates) are never translated: they are the English data's own.
"""

from __future__ import annotations

import html
import shutil
from dataclasses import replace
from pathlib import Path

import yaml

from ..content.load import Content
from ..content.siteconfig import site_url
from ..content.translations import ClaimTranslation, Gap
from . import i18n

EDITION_LANGUAGES = ("uk",)
STAGE = Path("build") / "editions"
# What the English docs folder holds besides pages, which every edition shares as it is.
SHARED = ("assets", "cards", "downloads", "feed.xml")


def edition_root(lang: str) -> str:
    """Where an edition lives, relative to the site root: '' for English, 'uk/' for Ukrainian."""
    return "" if lang == i18n.DEFAULT else f"{lang}/"


def edition_url(root: Path, lang: str | None = None) -> str:
    return site_url(root) + edition_root(lang or i18n.current())


def alternates(root: Path, url: str) -> dict[str, str]:
    """A page's address in every edition (every edition has every page, translated or not)."""
    return {code: edition_url(root, code) + url for code in i18n.LANGUAGES}


# -- the words ----------------------------------------------------------------------------------

def interface(root: Path, lang: str) -> dict:
    """data/i18n/<lang>/site.yml: the edition's navigation titles, description and theme strings."""
    path = root / "data" / "i18n" / lang / "site.yml"
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {} if path.exists() else {}


def glossary(root: Path, lang: str) -> dict:
    path = root / "data" / "i18n" / f"terms-{lang}.yml"
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {} if path.exists() else {}


_LOCALIZED: dict[tuple[int, str], Content] = {}


def localized(content: Content, lang: str | None = None) -> Content:
    """The content as an edition shows it. English: itself. Otherwise a copy whose registry labels
    and claim prose are translated where a translation exists (and English where not)."""
    lang = lang or i18n.current()
    if lang == i18n.DEFAULT:
        return content
    key = (id(content), lang)
    if key not in _LOCALIZED:
        _LOCALIZED.clear()
        terms = glossary(content.paths.root, lang)
        words = {name: t.entries for (code, name), t in content.translations.data.items() if code == lang}
        reg = _localized_registry(content.registry, terms, words, lang)
        reg = replace(reg, articles={slug: _localized_article(a, content.translations.articles.get((lang, slug)))
                                     for slug, a in reg.articles.items()})
        claims = [_localized_claim(c, content.translations.claim(lang, c.id)) for c in content.claims]
        _LOCALIZED[key] = replace(content, registry=reg, claims=claims)
    return _LOCALIZED[key]


def _localized_registry(reg, terms: dict, words: dict[str, dict[str, dict]], lang: str):
    """The registry with an edition's words: names from the glossary, other text from the data
    translations (data/i18n/<lang>/); whatever is not translated stays English."""
    def entries(name: str, key: str) -> dict:
        return words.get(name, {}).get(key, {})

    verdicts = {k: replace(v, label=terms.get("verdicts", {}).get(k, v.label), **entries("verdicts", k))
                for k, v in reg.verdicts.items()}
    techniques = {k: replace(t, name=terms.get("techniques", {}).get(k, t.name),
                             classroom=tuple(terms.get("families", {}).get(c, c) for c in t.classroom),
                             **entries("techniques", k))
                  for k, t in reg.techniques.items()}
    rules = {k: replace(r, **entries("verdict-rules", k)) for k, r in reg.rules.items()}
    people = {k: replace(p, **entries("people", k)) for k, p in reg.people.items()}
    # A source keeps its own title; the gloss beside it is in the reader's language, or none
    # (a Ukrainian reader needs no gloss of a Ukrainian title).
    sources = {k: replace(s, title_en=None if s.language == lang else entries("sources", k).get("title"))
               for k, s in reg.sources.items()}
    practice = [replace(p, **entries("practice", p.id)) for p in reg.practice]
    page_corrections = [replace(c, **entries("page-corrections", c.id)) if entries("page-corrections", c.id)
                        else replace(c, untranslated=True) for c in reg.page_corrections]
    statistics = [replace(r, **entries("statistics", str(i))) for i, r in enumerate(reg.statistics)]
    framing = [replace(f, **entries("framing", str(i))) for i, f in enumerate(reg.framing)]
    return replace(reg, verdicts=verdicts, techniques=techniques, rules=rules, people=people, sources=sources,
                   practice=practice, page_corrections=page_corrections, statistics=statistics, framing=framing)


def _localized_article(article, words: dict[str, list[str]] | None):
    """Our words about an article in the edition's language; its own text and title stay English."""
    if not words:
        return article
    takeaways = article.takeaways
    if "takeaways" in words:
        takeaways = tuple(replace(t, text=text) for t, text in zip(article.takeaways, words["takeaways"], strict=True))
    not_article = article.not_article
    if "not_article" in words:
        not_article = tuple((line, reason) for (line, _), reason in zip(article.not_article, words["not_article"],
                                                                         strict=True))
    provenance = words.get("provenance", [article.provenance])[0]
    return replace(article, takeaways=takeaways, not_article=not_article, provenance=provenance)


def _localized_claim(claim, t: ClaimTranslation | None):
    if t is None:
        return claim
    figures = tuple(replace(f, **tf) for f, tf in zip(claim.figures, t.figures, strict=False))
    figures += claim.figures[len(figures):]
    corrections = tuple(replace(c, **tc) for c, tc in zip(claim.corrections, t.corrections, strict=False))
    corrections += tuple(replace(c, untranslated=True) for c in claim.corrections[len(corrections):])
    return replace(claim, title=t.title, summary=t.summary, body=t.body, searched=t.searched or claim.searched,
                   figures=figures, corrections=corrections, quote_translation=t.quote)


# -- the edition's docs folder ------------------------------------------------------------------

def stage_dir(root: Path, lang: str) -> Path:
    return root / STAGE / lang / "docs"


def stage(content: Content, lang: str) -> Path:
    """Write the edition's pages into its staging folder (rewritten whole, so nothing stale stays)."""
    root, docs = content.paths.root, content.paths.docs
    out = stage_dir(root, lang)
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    gaps = {g.english: g for g in content.translations.gaps if g.lang == lang}
    for src in content.translations.english_pages:
        target = out / src
        target.parent.mkdir(parents=True, exist_ok=True)
        claim_t = _claim_translation(content, lang, src)
        page_t = content.translations.page(lang, src)
        if claim_t is not None:
            text = claim_t.path.read_text(encoding="utf-8")  # the extension matches it to the checked body
        elif page_t is not None:
            text = _with_notice(page_t.text, gaps.get(f"docs/{src}"), src, lang)
        else:
            text = _with_notice((docs / src).read_text(encoding="utf-8"), gaps.get(f"docs/{src}"), src, lang)
        target.write_text(text, encoding="utf-8")
    for name in SHARED:
        source = docs / name
        if source.is_dir():
            shutil.copytree(source, out / name)
        elif source.exists():
            shutil.copy2(source, out / name)
    from .generate import article_pages, start_drawing

    with i18n.Active(lang):  # generated in the edition's words: further articles' pages, share cards
        edition = localized(content, lang)
        for path, text in article_pages(edition).items():
            target = out / path.relative_to("docs")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        (out / "cards").mkdir(exist_ok=True)
        for name, png in start_drawing(edition).finish().items():  # kept in build/cards/ like the English
            (out / "cards" / name).write_bytes(png)
        # Downloads: the same tables and charts with the edition's words. Column names stay English:
        # they are the data's schema (the data dictionary explains each one).
        for path, data in edition_downloads(edition).items():
            target = out / path
            target.write_text(data, encoding="utf-8") if isinstance(data, str) else target.write_bytes(data)
    for folder in docs.glob("claims/cbc-*/"):  # retired ids' redirect pages
        if folder.is_dir():
            shutil.copytree(folder, out / "claims" / folder.name)
    return out


def edition_downloads(content: Content) -> dict[str, str | bytes]:
    from . import opendata
    from .generate import site_charts

    files: dict[str, str | bytes] = {}
    for table in opendata.TABLES:
        files[f"downloads/{table.name}.csv"] = opendata.to_csv(table, content)
        files[f"downloads/{table.name}.json"] = opendata.to_json(table, content)
    for chart in site_charts(content):
        files[f"downloads/{chart.slug}.svg"] = chart.svg + "\n"
    return files


def _claim_translation(content: Content, lang: str, src: str) -> ClaimTranslation | None:
    if not src.startswith("claims/cbc-"):
        return None
    cid = src.removeprefix("claims/").removesuffix(".md").upper()
    return content.translations.claim(lang, cid)


def _with_notice(text: str, gap: Gap | None, src: str, lang: str) -> str:
    """A page with no translation, or an older one, says so first, with the English page's link.
    A claim page's notice comes from the claim-page extension instead (its text is data)."""
    if gap is None or gap.state == "draft" or src.startswith("claims/cbc-"):
        return text
    with i18n.Active(lang):
        message = notice(gap.state, english_href(src, lang))
    head, sep, rest = _split_front(text)
    return f"{head}{sep}{message}\n\n{rest}"


def english_href(src: str, lang: str) -> str:
    """From an edition's page to the same page in English (relative, so any base URL works)."""
    url = _url(src)
    depth = url.count("/") + edition_root(lang).count("/")
    return "../" * depth + url


def _url(src: str) -> str:
    stem = src.removesuffix(".md")
    return "" if stem == "index" else stem.removesuffix("/index") + "/"


def notice(state: str, href: str) -> str:
    """The reader's notice for a missing or stale translation, as a Markdown admonition."""
    _ = i18n.gettext
    if state == "missing":
        title = _("Not translated yet")
        text = _("This page has not been translated into Ukrainian yet, so its text is in English.")
    else:
        title = _("The English page is newer")
        text = _("The English page has changed since this translation was made, so this one may be out of date.")
    # Raw HTML for the link: it leaves the edition, so the engine must not validate it as a page link.
    link = f'<a href="{html.escape(href)}" hreflang="en">{html.escape(_("Read the English page"))}</a>'
    return f'!!! warning "{title}"\n\n    {html.escape(text)} {link}.\n'



def _split_front(text: str) -> tuple[str, str, str]:
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end != -1:
            return text[: end + 5], "\n", text[end + 5:]
    return "", "", text


# -- the engine's configuration -----------------------------------------------------------------

def config_overrides(root: Path, lang: str, base_config: dict, site_dir: Path) -> dict:
    """What changes from mkdocs.yml for an edition: docs, output, URL, language, navigation."""
    words = interface(root, lang)
    theme = dict(base_config["theme"])
    theme["language"] = lang
    palette = []
    for scheme, name in zip(theme.get("palette") or [], words.get("palette_toggle") or [], strict=False):
        palette.append({**scheme, "toggle": {**scheme["toggle"], "name": name}})
    if palette:
        theme["palette"] = palette
    titles = words.get("nav") or {}
    nav = [{titles.get(path, title): path} for item in base_config["nav"] for title, path in item.items()]
    extra = dict(base_config.get("extra") or {})
    extra["edition"] = {**extra.get("edition", {}), "lang": lang, "home": site_url(root),
                        "words": words.get("theme") or {}}
    overrides = {"docs_dir": str(stage_dir(root, lang)), "site_dir": str(site_dir),
                 "site_url": edition_url(root, lang), "theme": theme, "nav": nav, "extra": extra}
    for key in ("site_description", "copyright"):
        if words.get(key):
            overrides[key] = words[key]
    return overrides




# -- the sitemap --------------------------------------------------------------------------------

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"


def merge_sitemaps(root: Path, site: Path) -> int:
    """One sitemap for the whole site (site/sitemap.xml, and its .gz): every page of every edition,
    each with its alternates in every edition and x-default (the English page)."""
    import gzip
    import xml.etree.ElementTree as ET

    home = site_url(root)
    tree = ET.parse(site / "sitemap.xml")  # noqa: S314 - the engine's own output
    entries = []
    for url in tree.getroot().iter(f"{{{SITEMAP_NS}}}url"):
        loc = url.findtext(f"{{{SITEMAP_NS}}}loc") or ""
        entries.append((loc.removeprefix(home), url.findtext(f"{{{SITEMAP_NS}}}lastmod")))
    ET.register_namespace("", SITEMAP_NS)
    ET.register_namespace("xhtml", XHTML_NS)
    out = ET.Element(f"{{{SITEMAP_NS}}}urlset")
    for code in i18n.LANGUAGES:
        for path, lastmod in entries:
            url = ET.SubElement(out, f"{{{SITEMAP_NS}}}url")
            ET.SubElement(url, f"{{{SITEMAP_NS}}}loc").text = edition_url(root, code) + path
            if lastmod:
                ET.SubElement(url, f"{{{SITEMAP_NS}}}lastmod").text = lastmod
            for other in (*i18n.LANGUAGES, "x-default"):
                target = edition_url(root, i18n.DEFAULT if other == "x-default" else other) + path
                ET.SubElement(url, f"{{{XHTML_NS}}}link", rel="alternate", hreflang=other, href=target)
    ET.indent(out)
    data = b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(out, encoding="utf-8") + b"\n"
    (site / "sitemap.xml").write_bytes(data)
    (site / "sitemap.xml.gz").write_bytes(gzip.compress(data, mtime=0))
    return len(entries) * len(i18n.LANGUAGES)


# -- a configuration file, for engines run from the command line (the Zensical canary) ------------

def write_config(root: Path, lang: str, base_config: dict) -> Path:
    """build/editions/<lang>/mkdocs.yml: mkdocs.yml with the edition's settings, its paths relative to
    that folder (Zensical wants the docs and the output inside the folder of its configuration)."""
    folder = root / STAGE / lang
    config = {**base_config, **config_overrides(root, lang, base_config, folder / "site")}
    up = "../" * len((STAGE / lang).parts)
    config["docs_dir"], config["site_dir"] = "docs", "site"
    config["theme"] = {**config["theme"], "custom_dir": up + str(base_config["theme"]["custom_dir"])}
    config["watch"] = [up + str(w) for w in base_config.get("watch") or []]
    path = folder / "mkdocs.yml"
    path.write_text("# Written by `python -m scripts edition-config " + lang + "`; do not edit.\n"
                    + yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path
