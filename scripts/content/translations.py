"""Translations of the site into other languages: loaded and checked like any other content.

A translation is prose only. The English files stay the record: verdicts, sources, techniques,
dates and charted numbers are always taken from them, so a translation cannot state a fact
differently. What `check` confirms of each translated file (data/i18n/TRANSLATING.md):

- it names the English page it translates, and the SHA-256 of the version it was made from
  (`source_hash`); a different hash makes it *stale*, which is reported and shown to readers;
- a claim page keeps the fixed headings, cites exactly the English page's sources and no other,
  carries over every number, and passes the same HTML review as an English body;
- a site page calls exactly the English page's macros (so a translation adds no template code)
  and uses no HTML element the English page does not;
- an English quotation kept in it occurs in the article or on the English page;
- no form that the glossary (data/i18n/terms-<lang>.yml) says to avoid is used.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .claims import CITATION, ID_PATTERN, BodyReview, Claim, outlet_domains, review_body
from .fields import TEMPLATE_SYNTAX, type_name
from .problems import Problems
from .registry import Registry
from .safefile import read_text
from .text import find_all, norm
from .yamlio import is_missing, line_of, parse_yaml, read_yaml, split_front_matter

LANGUAGES = ("uk",)
# The English standard headings (claims.BODY_HEADINGS), in each language, in the same order.
HEADINGS = {
    "uk": ("Контекст", "Що показують документи", "Як уривок переконує", "Чого ми досі не знаємо"),
}
STATUSES = ("draft", "reviewed")
CLAIM_REQUIRED = {"translates", "translation", "source_hash", "title", "summary", "quote"}
CLAIM_OPTIONAL = {"searched", "figures", "corrections"}
FIGURE_FIELDS = {"article", "credited", "record", "gap", "label"}
PAGE_OWN = {"translates", "translation", "source_hash"}
HASH = re.compile(r"^sha256:[0-9a-f]{64}$")


def source_hash(text: str) -> str:
    """The hash a translation records: of the English file's text, line endings normalised (so a
    checkout on Windows does not make every translation stale). Written `sha256:<hex>`: a bare hex
    digest made only of digits would be read by YAML as a number."""
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    return "sha256:" + hashlib.sha256(normalised.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ClaimTranslation:
    path: Path
    lang: str
    claim_id: str
    status: str                 # draft | reviewed
    stale: bool                 # the English file changed after this was made
    title: str
    summary: str
    quote: str                  # our translation of the English quote, shown beside it
    body: str
    searched: str | None = None
    figures: tuple[dict, ...] = ()
    corrections: tuple[dict, ...] = ()   # in the English order; fewer than English: the rest pending

    @property
    def src_path(self) -> str:
        return f"{self.lang}/claims/{self.path.name}"


@dataclass(frozen=True)
class PageTranslation:
    path: Path
    lang: str
    translates: str             # the English page, relative to docs/
    status: str
    stale: bool
    text: str                   # the whole file, as published


@dataclass(frozen=True)
class Gap:
    """A page with no translation, or one older than its English page: reported, and shown."""
    lang: str
    english: str                # relative to the repository root
    translation: str
    state: str                  # missing | stale | draft

    def __str__(self) -> str:
        what = {"missing": "no translation yet", "stale": "older than its English page (source_hash differs)",
                "draft": "a draft: not yet read by a second reviewer"}[self.state]
        return f"{self.translation}: translation: {what} ({self.english})"


@dataclass
class Translations:
    claims: dict[tuple[str, str], ClaimTranslation] = field(default_factory=dict)   # (lang, CBC-id)
    pages: dict[tuple[str, str], PageTranslation] = field(default_factory=dict)     # (lang, English src)
    english_pages: tuple[str, ...] = ()                                              # docs-relative
    gaps: list[Gap] = field(default_factory=list)
    untranslated_strings: dict[str, int] = field(default_factory=dict)                # interface, per lang
    data: dict[tuple[str, str], DataTranslation] = field(default_factory=dict)     # (lang, data file stem)
    articles: dict[tuple[str, str], dict[str, list[str]]] = field(default_factory=dict)  # (lang, slug)
    data_files: list[str] = field(default_factory=list)                              # translatable, per lang

    def claim(self, lang: str, cid: str) -> ClaimTranslation | None:
        return self.claims.get((lang, cid))

    def page(self, lang: str, src: str) -> PageTranslation | None:
        return self.pages.get((lang, src))

    def counts(self, lang: str, kind: str = "pages") -> dict[str, int]:
        """For `pages` (the site's pages) or `data` (the data files whose words pages show)."""
        gaps = Counter(g.state for g in self.gaps
                       if g.lang == lang and g.english.startswith("data/") == (kind == "data"))
        total = len(self.english_pages) if kind == "pages" else len(self.data_files) // max(1, len(LANGUAGES))
        return {"pages": total, "translated": total - gaps["missing"], "stale": gaps["stale"],
                "missing": gaps["missing"], "draft": gaps["draft"]}


# -- loading -------------------------------------------------------------------------------------

def english_site_pages(docs: Path) -> list[str]:
    """The English pages a translation can translate, relative to docs/: every tracked page but the
    claim pages (translated as claims) and the language folders."""
    out = []
    for path in sorted(docs.rglob("*.md")):
        rel = path.relative_to(docs).as_posix()
        top = rel.split("/", 1)[0]
        if top in LANGUAGES or top.startswith("_") or rel.startswith("numbers/") and rel != "numbers.md":
            continue  # numbers/<article>/ pages are generated from the data in each language
        if re.fullmatch(r"claims/cbc-\d{3,}\.md", rel):
            continue
        out.append(rel)
    return out


def load_translations(docs: Path, claims: list[Claim], reg: Registry, problems: Problems, root: Path,
                      deferred: list[BodyReview] | None = None) -> Translations:
    by_id = {c.id: c for c in claims}
    found = Translations(english_pages=tuple(english_site_pages(docs)))
    article_texts = tuple(norm(a.text) for a in reg.articles.values())
    for lang in LANGUAGES:
        glossary = load_glossary(root / "data" / "i18n" / f"terms-{lang}.yml", problems, root)
        folder = docs / lang
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*.md")):
            rel = path.relative_to(folder).as_posix()
            text = read_text(path, problems, root)
            if text is None:
                continue
            checker = _Checker(path, lang, text, problems, glossary, article_texts)
            if re.fullmatch(r"claims/cbc-\d{3,}\.md", rel):
                t = checker.claim(by_id, reg, root, deferred)
                if t:
                    found.claims[(lang, t.claim_id)] = t
            elif rel in found.english_pages:
                p = checker.page(rel, docs / rel)
                if p:
                    found.pages[(lang, rel)] = p
            else:
                problems.add(path, "file", f"translates no English page: docs/{rel} does not exist (a Ukrainian "
                                           "page has the same path under docs/uk/ as its English page)")
        _find_gaps(found, lang, claims, root)
        found.untranslated_strings[lang] = check_catalogue(root / "data" / "i18n" / lang / "messages.po",
                                                           problems, root)
    load_data_translations(root, problems, found)
    load_article_translations(root, problems, found)
    return found


def _find_gaps(found: Translations, lang: str, claims: list[Claim], root: Path) -> None:
    def rel(path: Path) -> str:
        return path.relative_to(root).as_posix()

    for src in found.english_pages:
        t = found.page(lang, src)
        english = f"docs/{src}"
        state = "missing" if t is None else "stale" if t.stale else "draft" if t.status == "draft" else None
        if state:
            found.gaps.append(Gap(lang, english, f"docs/{lang}/{src}", state))
    for claim in claims:
        t = found.claim(lang, claim.id)
        state = "missing" if t is None else "stale" if t.stale else "draft" if t.status == "draft" else None
        if state:
            found.gaps.append(Gap(lang, rel(claim.path), f"docs/{lang}/claims/{claim.path.name}", state))
    found.english_pages = (*found.english_pages, *(f"claims/{c.path.name}" for c in claims))


# -- the glossary --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Avoid:
    form: str
    use: str
    pattern: re.Pattern


def load_glossary(path: Path, problems: Problems, root: Path) -> dict:
    """The fixed terms: labels by id, and the forms a page must not use (each with what to use)."""
    data = read_yaml(path, problems, root) if path.exists() else None
    if not isinstance(data, dict):
        if data is not None and not is_missing(data):
            problems.add(path, "file", f"must be a mapping, got {type_name(data)}")
        return {"avoid": [], "verdicts": {}, "techniques": {}, "families": {}}
    avoid = []
    for group in ("legal", "bodies", "places", "usage"):
        for entry in data.get(group) or []:
            if not isinstance(entry, dict):
                continue
            use = entry.get("use") or entry.get("uk") or ""
            forms = entry.get("avoid") or []
            for form in [forms] if isinstance(forms, str) else forms:
                # Whole words, as written or with a capital first letter (a sentence's first word):
                # case matters ("Верховна рада" is avoided, "Верховна Рада" is the term).
                form = str(form)
                either = f"(?:{re.escape(form)}|{re.escape(form[:1].upper() + form[1:])})"
                pattern = re.compile(rf"(?<![\w-]){either}(?![\w-])")
                avoid.append(Avoid(str(form), str(use), pattern))
    return {"avoid": avoid, **{k: dict(data.get(k) or {}) for k in ("verdicts", "techniques", "families")}}


# -- checking one file ---------------------------------------------------------------------------

QUOTE = re.compile(r'["“]((?:[^"“”\n]|\n(?!\s*\n)){2,}?)["”]')  # within a paragraph
# Quoted words, which the glossary does not govern: English quotations, «…», and search queries in '…'.
QUOTED = re.compile(r'["“](?:[^"“”\n]|\n(?!\s*\n))*["”]|«[^»]*»|(?<!\w)\'[^\'\n]*\'(?!\w)')
LATIN, CYRILLIC = re.compile(r"[A-Za-z]"), re.compile(r"[\u0400-\u04FF]")
# What is not prose: footnote markers, link targets, URLs, macro calls, attribute lists, HTML tags.
NOT_PROSE = re.compile(r"\[\^[^\]]*\]|\]\([^)]*\)|https?://\S+|\{\{.*?\}\}|\{%.*?%\}|\{[:#.][^}]*\}|<[^>]*>"
                       r"|\{ *[#.][^}]*\}")
TAG = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)")
MACRO = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
HEADING_ID = re.compile(r"\{ *#([A-Za-z0-9_-]+)[^}]*\}")


def numbers_in(text: str, lang: str) -> Counter:
    """Every number in prose, written one way: 265,843 (English) and 265 843 (Ukrainian) are both
    265843; 1.5 and 1,5 are both 1.5. An English quotation inside a translation keeps its English
    way of writing numbers."""
    text = _prose(text)
    if lang == "en":
        return _numbers(text, "en")
    quoted = [m.group(1) for m in QUOTE.finditer(text) if _is_english(m.group(1))]
    rest = QUOTE.sub(lambda m: " " if _is_english(m.group(1)) else m.group(0), text)
    return _numbers(" ".join(quoted), "en") + _numbers(rest, lang)


def _numbers(text: str, lang: str) -> Counter:
    if lang == "en":
        text = re.sub(r"(?<!\d)(?<!\d[,.])\d{1,3}(?:,\d{3})+(?!\d|,\d)", lambda m: m.group(0).replace(",", ""), text)
    else:
        text = re.sub(r"(?<!\d)(?<!\d[,.])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)",
                      lambda m: re.sub(r"[ \u00a0\u202f]", "", m.group(0)), text)
        text = re.sub(r"(?<=\d),(?=\d)", ".", text)
    return Counter(re.findall(r"\d+(?:\.\d+)?", text))


def _is_english(quote: str) -> bool:
    """Kept from the English: no Cyrillic letter ("67,000" is an English quotation too)."""
    return bool(re.search(r"[A-Za-z0-9]", quote)) and not CYRILLIC.search(quote)


def _prose(text: str) -> str:
    """Text without markup, Ukrainian inner quotes „…“ written «…» (their “ is not an opening quote)."""
    return re.sub(r"„([^“”\n]*)[“”]", r"«\1»", NOT_PROSE.sub(" ", text))


def english_quotes(text: str) -> list[str]:
    """Quotations in English kept in a translated text: straight or curly double quotes around
    Latin letters and no Cyrillic ones."""
    return [q for q in (m.group(1) for m in QUOTE.finditer(_prose(text))) if _is_english(q)]


class _Checker:
    def __init__(self, path: Path, lang: str, text: str, problems: Problems, glossary: dict,
                 article_texts: tuple[str, ...]) -> None:
        self.path, self.lang, self.text, self.problems = path, lang, text, problems
        self.glossary, self.article_texts = glossary, article_texts

    def add(self, field_name: str, message: str, line: int | None = None) -> None:
        self.problems.add(self.path, field_name, message, line)

    def line(self, needle: str, default: int = 1) -> int:
        at = self.text.find(needle)
        return self.text.count("\n", 0, at) + 1 if at >= 0 else default

    def split(self) -> tuple[dict, str, int] | None:
        split = split_front_matter(self.text)
        if split is None:
            self.add("front matter", "the file must start with a YAML block between '---' lines", 1)
            return None
        raw, body = split
        body_line = self.text[: len(self.text) - len(body)].count("\n") + 1
        data = parse_yaml(raw, self.path, self.problems, "front matter", line_offset=1)
        if is_missing(data) or not isinstance(data, dict):
            if not is_missing(data):
                self.add("front matter", f"must be a mapping of fields, got {type_name(data)}", 1)
            return None
        return data, body, body_line

    def common(self, data: dict, english_text: str | None) -> tuple[str, bool]:
        status, digest = data.get("translation"), data.get("source_hash")
        if status is not None and status not in STATUSES:
            self.add("translation", f"must be one of {', '.join(STATUSES)}", line_of(data, "translation"))
        if digest is not None and not (isinstance(digest, str) and HASH.match(digest)):
            self.add("source_hash", "must be 'sha256:' and the SHA-256 (64 hex digits) of the English file "
                                    "(`sha256sum` it)", line_of(data, "source_hash"))
        stale = english_text is not None and isinstance(digest, str) and digest != source_hash(english_text)
        return (status if status in STATUSES else "draft"), stale

    def prose(self, text: str, english_text: str, first_line: int, english_file: str | None = None,
              compare: bool = True) -> None:
        """Numbers, English quotations and glossary forms: the same for every kind of page. A stale
        translation's numbers are not compared: its English version is no longer today's."""
        mine, theirs = numbers_in(text, self.lang), numbers_in(english_text, "en") if compare else Counter()
        if not compare:
            mine = Counter()
        for n in sorted(set(mine) - set(theirs)):
            self.add("body", f"has the number {n}, which the English page does not: figures are carried over "
                             "exactly (data/i18n/TRANSLATING.md)", self._number_line(n, first_line))
        for n in sorted(set(theirs) - set(mine)):
            self.add("body", f"leaves out the number {n} of the English page", first_line)
        english = norm(english_file or english_text)
        for quote in english_quotes(text):
            if not any(find_all(t, quote) for t in (*self.article_texts, english)):
                self.add("body", f"quotes \"{quote[:60]}\" in English, but it occurs neither in the article nor "
                                 "on the English page; quotations stay verbatim", self.line(quote[:20], first_line))
        unquoted = QUOTED.sub(" ", _prose(text))  # the glossary governs our own words
        for avoid in self.glossary["avoid"]:
            if found := avoid.pattern.search(unquoted):
                self.add("body", f"uses '{found.group(0)}'; the glossary (data/i18n/terms-{self.lang}.yml) says "
                                 f"'{avoid.use}'", self.line(found.group(0), first_line))

    def _number_line(self, n: str, default: int) -> int:
        digits = n.split(".")[0]
        for number, line in enumerate(self.text.splitlines(), start=1):
            if digits[-3:] in line.replace(" ", "").replace("\u00a0", ""):
                return number
        return default

    # A translated claim page -----------------------------------------------------------------

    def claim(self, by_id: dict[str, Claim], reg: Registry, root: Path,
              deferred: list[BodyReview] | None) -> ClaimTranslation | None:
        split = self.split()
        if split is None:
            return None
        data, body, body_line = split
        for key in sorted(set(data) - CLAIM_REQUIRED - CLAIM_OPTIONAL, key=str):
            self.add(str(key), "is not a field of a translated claim (facts come from the English claim)",
                     line_of(data, key))
        for key in sorted(CLAIM_REQUIRED - set(data)):
            self.add(key, "is required", 1)
        cid = data.get("translates")
        claim = by_id.get(cid) if isinstance(cid, str) else None
        if not (isinstance(cid, str) and ID_PATTERN.match(cid)):
            self.add("translates", f"'{cid}' must be a claim id such as CBC-001", line_of(data, "translates"))
        elif claim is None:
            self.add("translates", f"'{cid}' is not a published claim", line_of(data, "translates"))
        elif self.path.stem != claim.slug:
            self.add("translates", f"the file name must be {claim.slug}.md, as the English claim's",
                     line_of(data, "translates"))
        english_text = claim.path.read_text(encoding="utf-8") if claim else None
        status, stale = self.common(data, english_text)
        texts = {}
        for key in ("title", "summary", "quote", "searched"):
            value = data.get(key)
            if key in data and not (isinstance(value, str) and value.strip()):
                self.add(key, "must be text", line_of(data, key))
            elif isinstance(value, str):
                texts[key] = value.strip()
                if TEMPLATE_SYNTAX.search(value):
                    self.add(key, "contains template syntax; a translation is data, never a template",
                             line_of(data, key))
        if len(texts.get("title", "")) > 120 or "\n" in texts.get("title", ""):
            self.add("title", "must be one line of at most 120 characters", line_of(data, "title"))
        # A stale translation is measured against nothing newer than its own English version: its
        # differences from today's English page are what "stale" reports, not problems.
        current = claim if claim is not None and not stale else None
        self._body(body, body_line, claim, root, reg, deferred, compare=not stale)
        figures = self._figures(data.get("figures"), current, line_of(data, "figures")) if current or not claim \
            else tuple({k: v.strip() for k, v in f.items() if k in FIGURE_FIELDS and isinstance(v, str)}
                       for f in data.get("figures") or () if isinstance(f, dict))
        corrections = self._corrections(data.get("corrections"), claim, line_of(data, "corrections"))
        if current is not None:
            if claim.searched and "searched" not in texts:
                self.add("searched", f"is required: {claim.id} says where we looked", 1)
            mine = [body, *texts.values(), *(v for f in figures for v in f.values()),
                    *(v for c in corrections for v in c.values())]
            theirs = [claim.body, claim.title, claim.summary, claim.quote, claim.searched or "",
                      *(v or "" for f in claim.figures[:len(figures)] for v in (f.article, f.credited, f.record, f.gap,
                                                                                 f.label)),
                      *(v for c in claim.corrections[:len(corrections)] for v in (c.change, c.reason))]
            self.prose("\n".join(mine), "\n".join(theirs), body_line, english_text)
        elif claim is not None:
            self.prose("\n".join([body, *texts.values()]), "", body_line, english_text, compare=False)
        complete = all(k in texts for k in ("title", "summary", "quote"))
        if claim is None or set(CLAIM_REQUIRED) - set(data) or not complete:
            return None
        return ClaimTranslation(self.path, self.lang, claim.id, status, stale, texts["title"], texts["summary"],
                                texts["quote"], body, texts.get("searched"), figures, corrections)

    def _body(self, body: str, first_line: int, claim: Claim | None, root: Path, reg: Registry,
              deferred: list[BodyReview] | None, compare: bool = True) -> None:
        want = HEADINGS[self.lang]
        order, sections, current = [], {}, None
        for number, line in enumerate(body.splitlines(), start=first_line):
            if line.startswith("## "):
                order.append(line[3:].strip())
                current = sections.setdefault(line[3:].strip(), [])
            elif current is not None:
                current.append(line)
            if found := TEMPLATE_SYNTAX.search(line):
                self.add("body", f"contains template syntax '{found.group(0)}'; a translated claim page is data "
                                 "and is never run as a template", number)
        if [h for h in order if h in want] != list(want):
            self.add("body", f"needs the headings '## ' {' > '.join(want)}, once each and in that order; "
                             f"found: {', '.join(order) or 'none'}", first_line)
        for heading in want:
            if heading in sections and not "\n".join(sections[heading]).strip():
                self.add("body", f"section '{heading}' is empty", self.line(f"## {heading}", first_line))
        if claim is not None:
            cited = dict.fromkeys(CITATION.findall(body))
            english = dict.fromkeys(CITATION.findall(claim.body))
            for sid in cited:
                if sid not in (english if compare else claim.sources):
                    self.add("body", f"cites [^{sid}], which the English page of {claim.id} does not",
                             self.line(f"[^{sid}]", first_line))
            for sid in english if compare else ():
                if sid not in cited:
                    self.add("body", f"leaves out the English page's citation [^{sid}]", first_line)
        job = BodyReview(self.path, body, first_line, outlet_domains(reg))
        if deferred is None:
            review_body(job, root, self.problems)
        else:
            deferred.append(job)

    def _figures(self, value, claim: Claim | None, line: int | None) -> tuple[dict, ...]:
        english = claim.figures if claim else ()
        if value is None:
            if english:
                self.add("figures", f"is required: {claim.id} has {len(english)} figure(s) to translate", 1)
            return ()
        if not isinstance(value, list) or len(value) != len(english):
            self.add("figures", f"must list {len(english)} item(s), one per English figure, in order", line)
            return ()
        out = []
        for i, (item, fig) in enumerate(zip(value, english, strict=True)):
            if not isinstance(item, dict):
                self.add(f"figures[{i}]", "must be a mapping of text fields", line)
                return ()
            for key in sorted(set(item) - FIGURE_FIELDS, key=str):
                self.add(f"figures[{i}].{key}", "is not a translated field (numbers and sources come from the "
                                                "English figure)", line)
            wanted = {"article", "credited", "record", "gap"} | ({"label"} if fig.label else set())
            for key in sorted(wanted - set(item)):
                self.add(f"figures[{i}].{key}", "is required", line)
            if not all(isinstance(item.get(k), str) and item[k].strip() for k in wanted):
                return ()
            out.append({k: item[k].strip() for k in wanted})
        return tuple(out)

    def _corrections(self, value, claim: Claim | None, line: int | None) -> tuple[dict, ...]:
        english = claim.corrections if claim else ()
        if value is None:
            return ()
        if not isinstance(value, list) or len(value) > len(english):
            self.add("corrections", f"must list at most {len(english)} item(s), the English corrections in order",
                     line)
            return ()
        out = []
        for i, (item, corr) in enumerate(zip(value, english, strict=False)):
            if not (isinstance(item, dict) and set(item) == {"date", "change", "reason"}
                    and all(isinstance(item[k], str) and item[k].strip() for k in ("change", "reason"))):
                self.add(f"corrections[{i}]", "must have date, change and reason (text)", line)
                return ()
            if str(item["date"]) != corr.date.isoformat():
                self.add(f"corrections[{i}].date", f"is {item['date']}, but the English correction it translates "
                                                   f"is dated {corr.date.isoformat()}", line)
            out.append({"change": item["change"].strip(), "reason": item["reason"].strip()})
        return tuple(out)

    # A translated site page ------------------------------------------------------------------

    def page(self, rel: str, english_path: Path) -> PageTranslation | None:
        split = self.split()
        if split is None:
            return None
        data, body, body_line = split
        english_text = english_path.read_text(encoding="utf-8")
        english_split = split_front_matter(english_text)
        english_meta = parse_yaml(english_split[0], english_path, Problems(self.problems.root)) if english_split else {}
        english_body = english_split[1] if english_split else english_text
        allowed = set(english_meta or {}) | PAGE_OWN
        for key in sorted(set(data) - allowed, key=str):
            self.add(str(key), "is not in the English page's front matter; a translation keeps its fields",
                     line_of(data, key))
        for key in sorted(PAGE_OWN - set(data)):
            self.add(key, "is required", 1)
        if data.get("translates") not in (None, rel):
            self.add("translates", f"must be '{rel}': a translation has its English page's path under docs/"
                                   f"{self.lang}/", line_of(data, "translates"))
        status, stale = self.common(data, english_text)
        # The macros are the English page's own, one for one: a translation adds no template code.
        mine, theirs = Counter(MACRO.findall(body)), Counter(MACRO.findall(english_body))
        for call in sorted((mine - theirs).elements()):
            self.add("body", f"calls {call[:60]}, which the English page does not (a translation copies the "
                             "English page's macros exactly)", self.line(call, body_line))
        for call in sorted((theirs - mine).elements()):
            self.add("body", f"leaves out the English page's {call[:60]}", body_line)
        for tag in sorted(set(TAG.findall(MACRO.sub(" ", body))) - set(TAG.findall(MACRO.sub(" ", english_body)))):
            self.add("body", f"uses the HTML element <{tag}>, which the English page does not",
                     self.line(f"<{tag}", body_line))
        for anchor in sorted(set(HEADING_ID.findall(english_body)) - set(HEADING_ID.findall(body))):
            self.add("body", f"leaves out the heading id {{ #{anchor} }}: links to it from other pages would break",
                     body_line)
        prose = body + "\n" + "\n".join(str(data.get(k, "")) for k in ("title", "description"))
        english_prose = english_body + "\n" + "\n".join(str((english_meta or {}).get(k, ""))
                                                         for k in ("title", "description"))
        self.prose(prose, english_prose, body_line, compare=not stale)
        if set(PAGE_OWN) - set(data):
            return None
        return PageTranslation(self.path, self.lang, rel, status, stale, self.text)


# -- interface strings ---------------------------------------------------------------------------

PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|%%")
MARKUP = re.compile(r"[<>&]|\{[{%#]|[}%#]\}")


def check_catalogue(path: Path, problems: Problems, root: Path) -> int:
    """A language's interface strings (gettext, data/i18n/<lang>/messages.po). Templates insert a
    translated string as it is, so the catalogue is held to what its English message allows: no
    markup at all, and the same placeholders. Returns how many messages lack a translation."""
    from babel.messages.pofile import PoFileError, read_po

    if not path.exists():
        return 0
    if read_text(path, problems, root) is None:
        return 0
    try:
        with path.open("rb") as fp:
            catalog = read_po(fp, abort_invalid=True)
    except (PoFileError, ValueError) as exc:
        problems.add(path, "file", f"is not a readable gettext catalogue: {exc}")
        return 0
    untranslated = 0
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(strings) or message.fuzzy:
            untranslated += 1
            continue
        wanted = set(PLACEHOLDER.findall(ids[0])) | (set(PLACEHOLDER.findall(ids[1])) if len(ids) > 1 else set())
        for text in strings:
            if found := MARKUP.search(text):
                problems.add(path, "msgstr", f"'{found.group(0)}' in the translation of '{ids[0][:50]}': interface "
                                             "strings carry no markup (they are inserted as they are)", message.lineno)
            if set(PLACEHOLDER.findall(text)) - wanted:
                problems.add(path, "msgstr", f"the translation of '{ids[0][:50]}' has a placeholder its English "
                                             f"message does not: {sorted(set(PLACEHOLDER.findall(text)) - wanted)}",
                             message.lineno)
    return untranslated


# -- data ----------------------------------------------------------------------------------------

# What each data file's translation may hold: keyed by the English entries' `id`, or rows in order.
DATA_FIELDS = {
    "techniques": ("entries", ("definition", "counter")),
    "verdicts": ("entries", ("definition",)),
    "verdict-rules": ("entries", ("finding",)),
    "practice": ("entries", ("label",)),
    "page-corrections": ("entries", ("change", "reason")),
    "people": ("entries", ("name", "role", "verifiability", "found")),
    "sources": ("entries", ("title",)),
    "statistics": ("rows", ("period", "measure", "note")),
    "framing": ("rows", ("figure", "framing", "context_given", "left_out")),
}


@dataclass(frozen=True)
class DataTranslation:
    path: Path
    lang: str
    name: str                            # the English file's stem, e.g. "techniques"
    stale: bool
    status: str
    entries: dict[str, dict[str, str]]   # by id, or by row number as a string for `rows`


def _open_data(root: Path, lang: str, name: str, english_path: Path, fields: set[str], problems: Problems,
               found: Translations, glossary: dict):
    """Read data/i18n/<lang>/<name>.yml and check what every data translation has: a mapping with
    `translates`, `translation`, `source_hash` and only `fields` besides. None: missing or unreadable."""
    path = root / "data" / "i18n" / lang / f"{name}.yml"
    found.data_files.append(f"data/{name}.yml")
    if not path.exists():
        found.gaps.append(Gap(lang, f"data/{name}.yml", f"data/i18n/{lang}/{name}.yml", "missing"))
        return None
    text = read_text(path, problems, root)
    data = parse_yaml(text, path, problems, "file") if text is not None else None
    if not isinstance(data, dict):
        if text is not None and not is_missing(data):
            problems.add(path, "file", f"must be a mapping (translates, translation, source_hash, "
                                       f"{', '.join(sorted(fields))}), got {type_name(data)}")
        return None
    english_text = english_path.read_text(encoding="utf-8")
    checker = _Checker(path, lang, text, problems, glossary, ())
    status, stale = checker.common(data, english_text)
    for key in sorted(set(data) - {"translates", "translation", "source_hash", *fields}, key=str):
        checker.add(str(key), f"is not a translated field here (only {', '.join(sorted(fields))})", line_of(data, key))
    if data.get("translates") != f"data/{name}.yml":
        checker.add("translates", f"must be 'data/{name}.yml'", line_of(data, "translates"))
    return path, data, yaml_safe(english_text), checker, status, stale


def load_data_translations(root: Path, problems: Problems, found: Translations) -> None:
    """data/i18n/<lang>/<file>.yml for each file in DATA_FIELDS, checked against the English file:
    the same ids (or as many rows), only the listed fields, as text, every number carried over."""
    for lang in LANGUAGES:
        glossary = load_glossary(root / "data" / "i18n" / f"terms-{lang}.yml", problems, root)
        for name, (shape, fields) in DATA_FIELDS.items():
            opened = _open_data(root, lang, name, root / "data" / f"{name}.yml", {shape}, problems, found, glossary)
            if opened is None:
                continue
            path, data, english, checker, status, stale = opened
            originals = ({str(e.get("id")): e for e in english if isinstance(e, dict)} if shape == "entries"
                         else {str(i): e for i, e in enumerate(english)})
            given = data.get(shape) or ({} if shape == "entries" else [])
            if shape == "rows":
                if not isinstance(given, list) or len(given) != len(originals):
                    checker.add(shape, f"must list {len(originals)} rows, one per row of data/{name}.yml, in order",
                                line_of(data, shape))
                    given = {}
                else:
                    given = {str(i): row for i, row in enumerate(given)}
            if not isinstance(given, dict):
                checker.add(shape, "must map each English entry's id to its translated fields", line_of(data, shape))
                continue
            entries = {}
            for key, item in given.items():
                where = f"{shape}.{key}" if shape == "entries" else f"rows[{key}]"
                original = originals.get(str(key))
                if original is None:
                    checker.add(where, f"data/{name}.yml has no entry '{key}'", line_of(given, key))
                    continue
                if not isinstance(item, dict):
                    checker.add(where, "must be a mapping of translated fields", line_of(given, key))
                    continue
                for field_name in sorted(set(item) - set(fields), key=str):
                    checker.add(f"{where}.{field_name}", f"is not translated here (only {', '.join(fields)})",
                                line_of(given, key))
                texts = {}
                for field_name in fields:
                    value = item.get(field_name)
                    if value is None:
                        continue
                    if not isinstance(value, str) or not value.strip() or MARKUP.search(value):
                        checker.add(f"{where}.{field_name}", "must be text, with no markup or template syntax",
                                    line_of(given, key))
                        continue
                    texts[field_name] = value.strip()
                    if not stale and name != "sources":  # a gloss of a title in any language and script
                        mine, theirs = numbers_in(value, lang), numbers_in(str(original.get(field_name) or ""), "en")
                        if set(mine) != set(theirs):
                            checker.add(f"{where}.{field_name}", "does not carry over the English numbers exactly "
                                        f"(English {sorted(theirs)}, here {sorted(mine)})", line_of(given, key))
                    unquoted = QUOTED.sub(" ", _prose(value))
                    for avoid in glossary["avoid"]:
                        if hit := avoid.pattern.search(unquoted):
                            checker.add(f"{where}.{field_name}", f"uses '{hit.group(0)}'; the glossary says "
                                                                 f"'{avoid.use}'", line_of(given, key))
                entries[str(key)] = texts
            rel = path.relative_to(root).as_posix()
            missing = [k for k in originals if k not in entries and (name != "sources" or
                                                                      originals[k].get("language") != lang)]
            if missing:
                found.gaps.append(Gap(lang, f"data/{name}.yml", rel, "missing"))
            elif stale or status == "draft":
                found.gaps.append(Gap(lang, f"data/{name}.yml", rel, "stale" if stale else "draft"))
            found.data[(lang, name)] = DataTranslation(path, lang, name, stale, status, entries)


ARTICLE_FIELDS = ("provenance", "takeaways", "not_article")  # takeaways: texts; not_article: the reasons


def load_article_translations(root: Path, problems: Problems, found: Translations) -> None:
    """data/i18n/<lang>/article/<slug>.yml: an analysed article's words that pages show (our
    provenance note, the review's takeaways in order, the reasons lines are not the article's).
    The article's own text is never translated (data/i18n/TRANSLATING.md)."""
    for lang in LANGUAGES:
        glossary = load_glossary(root / "data" / "i18n" / f"terms-{lang}.yml", problems, root)
        for english_path in sorted((root / "data" / "article").glob("*.yml")):
            name = f"article/{english_path.stem}"
            opened = _open_data(root, lang, name, english_path, set(ARTICLE_FIELDS), problems, found, glossary)
            if opened is None or not isinstance(opened[2], dict):
                continue
            path, data, english, checker, status, stale = opened
            originals = {"provenance": [english.get("provenance") or ""],
                         "takeaways": [t.get("text", "") for t in english.get("takeaways") or []
                                       if isinstance(t, dict)],
                         "not_article": [n.get("reason", "") for n in english.get("not_article") or []
                                         if isinstance(n, dict)]}
            words: dict[str, list[str]] = {}
            for key, theirs in originals.items():
                value = data.get(key)
                if value is None:
                    continue
                mine = [value] if key == "provenance" else value
                if not isinstance(mine, list) or len(mine) != len(theirs) or not all(
                        isinstance(v, str) and v.strip() and not MARKUP.search(v) for v in mine):
                    checker.add(key, f"must be {'text' if key == 'provenance' else f'a list of {len(theirs)} texts'}"
                                     ", one per English item, with no markup", line_of(data, key))
                    continue
                for i, (ours, eng) in enumerate(zip(mine, theirs, strict=True)):
                    if not stale and set(numbers_in(ours, lang)) != set(numbers_in(eng, "en")):
                        checker.add(f"{key}[{i}]" if key != "provenance" else key,
                                    "does not carry over the English numbers exactly", line_of(data, key))
                    for avoid in glossary["avoid"]:
                        if hit := avoid.pattern.search(QUOTED.sub(" ", _prose(ours))):
                            checker.add(key, f"uses '{hit.group(0)}'; the glossary says '{avoid.use}'",
                                        line_of(data, key))
                words[key] = [v.strip() for v in mine]
            rel = path.relative_to(root).as_posix()
            if set(ARTICLE_FIELDS) - set(words):
                found.gaps.append(Gap(lang, f"data/{name}.yml", rel, "missing"))
            elif stale or status == "draft":
                found.gaps.append(Gap(lang, f"data/{name}.yml", rel, "stale" if stale else "draft"))
            found.articles[(lang, english_path.stem)] = words


def yaml_safe(text: str):
    import yaml

    try:
        return yaml.safe_load(text) or []
    except yaml.YAMLError:
        return []  # the English file's own problems are reported by the registry
