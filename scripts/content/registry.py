"""Data registries: verdict scale, techniques, sources, cited people, articles, statistics."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .fields import Reader, build_date, parse_date, type_name
from .problems import Problems
from .safefile import read_text
from .text import Normalized, normalize
from .urls import is_under, parse_url
from .yamlio import is_missing, line_of, read_yaml

RATING_WORST, RATING_BEST = 1, 5
ARTICLE_CUTOFF = dt.date(2025, 11, 12)  # the article's publication date
UNDATED = "undated"  # the stored page shows no date; we never guess one

SOURCE_KINDS = {
    # kind: (label, primary record?, evidence of facts?)
    "official-record": ("Official record", True, True),
    "legislation": ("Legislation or bill", True, True),
    "official-statement": ("Official statement", True, True),
    "court-record": ("Court record", True, True),
    "official-repost": ("Official text reposted by another public body", False, True),
    "unofficial-copy": ("Unofficial copy of an official text", False, True),
    "independent-media": ("Independent media", False, True),
    "contested-media": ("Media of contested independence", False, True),
    "opinion": ("Opinion or commentary", False, True),
    "style-guide": ("Style guide or usage note", False, True),
    "ngo-report": ("NGO or international body", False, True),
    "academic": ("Academic or research", False, True),
    "reference": ("Reference work", False, True),
    "state-affiliated-media": ("State-affiliated media (evidence only of what it published)", False, False),
    "partisan-channel": ("Partisan channel (evidence only of what it published)", False, False),
}


@dataclass(frozen=True)
class Verdict:
    id: str
    label: str
    icon: str
    rating: int | None
    checkable: bool
    definition: str


@dataclass(frozen=True)
class VerdictRule:
    """One row of the decision table: a finding and the verdict it leads to."""
    id: str
    verdict: str
    finding: str


@dataclass(frozen=True)
class PracticeChoice:
    """An answer in "Which is it?" and the verdicts it matches (data/practice.yml)."""
    id: str
    label: str
    verdicts: tuple[str, ...]
    flags: bool  # the answer says the passage is wrong
    sound: bool  # passages with these verdicts are right on the facts


@dataclass(frozen=True)
class PageCorrection:
    """A correction to one of our own pages that is not a claim page (data/page-corrections.yml)."""
    id: str
    date: dt.date
    page: str  # the Markdown file under docs/
    change: str
    reason: str
    untranslated: bool = False  # an edition shows it in English until its translation is made


@dataclass(frozen=True)
class Technique:
    id: str
    category: str
    name: str
    classroom: tuple[str, ...]
    definition: str
    counter: str

    @property
    def is_semeval(self) -> bool:
        return not self.id.startswith("SRC_")


@dataclass(frozen=True)
class Source:
    id: str
    url: str
    title: str
    publisher: str
    published: str  # YYYY-MM-DD, YYYY-MM, YYYY, or "undated" when the page shows no date
    language: str
    kind: str
    notes: str
    title_en: str | None = None  # our English gloss of a title in another language

    @property
    def kind_label(self) -> str:
        return SOURCE_KINDS[self.kind][0]

    @property
    def is_primary(self) -> bool:
        return SOURCE_KINDS[self.kind][1]

    @property
    def is_evidence(self) -> bool:
        return SOURCE_KINDS[self.kind][2]

    @property
    def after_article(self) -> bool | None:
        """True if published after the article; None if undated or the partial date straddles it."""
        if self.published == UNDATED:
            return None
        parsed = parse_date(self.published, partial=True)
        assert isinstance(parsed, dt.date)
        parts = self.published.count("-")
        if parts == 2:
            return parsed > ARTICLE_CUTOFF
        last = dt.date(parsed.year, 12, 31) if parts == 0 else (
            dt.date(parsed.year + (parsed.month == 12), parsed.month % 12 + 1, 1) - dt.timedelta(days=1))
        if parsed > ARTICLE_CUTOFF:
            return True
        if last <= ARTICLE_CUTOFF:
            return False
        return None


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    role: str
    verifiability: str
    found: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Takeaway:
    """One plain sentence of the whole-article review, resting on the claims it names."""
    text: str
    claims: tuple[str, ...]
    line: int | None = None


@dataclass(frozen=True)
class Article:
    slug: str
    title: str
    outlet: str
    credited: str
    date: dt.date
    provenance: str
    text: str
    headings: tuple[str, ...]
    not_article: tuple[tuple[str, str], ...]  # (text, reason) lines that are not the article's
    outlet_domains: tuple[str, ...] = ()  # never linked, in any spelling or subdomain
    takeaways: tuple[Takeaway, ...] = ()  # the review's key points; claim ids checked once claims load
    path: Path | None = None

    @cached_property
    def normalized(self) -> Normalized:
        # Computed once: every quote, span and sentence is matched against it.
        return normalize(self.text)


@dataclass(frozen=True)
class StatRow:
    year: int
    period: str
    article_code: str  # "407" or "408"
    cases: int
    measure: str
    sources: tuple[str, ...]
    note: str


FRAMING_GROUPS = {"ukrainian": "Ukrainian media", "international": "International media",
                  "russian-state": "Russian state media"}


@dataclass(frozen=True)
class Framing:
    source: str
    group: str
    figure: str
    framing: str
    context_given: str
    left_out: str

    @property
    def group_label(self) -> str:
        return FRAMING_GROUPS[self.group]


@dataclass
class Registry:
    verdicts: dict[str, Verdict] = field(default_factory=dict)
    rules: dict[str, VerdictRule] = field(default_factory=dict)
    techniques: dict[str, Technique] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    articles: dict[str, Article] = field(default_factory=dict)
    statistics: list[StatRow] = field(default_factory=list)
    framing: list[Framing] = field(default_factory=list)
    practice: list[PracticeChoice] = field(default_factory=list)
    page_corrections: list[PageCorrection] = field(default_factory=list)


def _entries(path: Path, problems: Problems) -> list[tuple[str, dict]]:
    """A data file holding a list of mappings, each with an `id`; yields (prefix, mapping)."""
    data = read_yaml(path, problems)
    if is_missing(data):
        return []
    if not isinstance(data, list):
        problems.add(path, "file", f"must be a list of entries, got {type_name(data)}")
        return []
    out, seen = [], set()
    for i, item in enumerate(data):
        if not isinstance(item, dict):
            problems.add(path, f"[{i}]", f"must be a mapping, got {type_name(item)}")
            continue
        ident = item.get("id")
        prefix = f"{ident}." if isinstance(ident, str) else f"[{i}]."
        if ident in seen:
            problems.add(path, f"{prefix}id", "duplicate id")
            continue
        seen.add(ident)
        out.append((prefix, item))
    return out


def load_verdicts(path: Path, problems: Problems) -> dict[str, Verdict]:
    out = {}
    for prefix, item in _entries(path, problems):
        r = Reader(item, path, problems, prefix)
        r.check_keys({"id", "label", "icon", "rating", "checkable", "definition"}, set())
        # ClaimReview's scale runs from 1 (worst) to 5 (best); null means not rated on it.
        rating = r.integer("rating", RATING_WORST, RATING_BEST) if item.get("rating") is not None else None
        values = (r.text("id"), r.text("label"), r.text("icon"), r.boolean("checkable"), r.text("definition"))
        if None not in values:
            vid, label, icon, checkable, definition = values
            out[vid] = Verdict(vid, label, icon, rating, checkable, definition)
    return out


def load_rules(path: Path, problems: Problems, verdicts: dict[str, Verdict]) -> dict[str, VerdictRule]:
    out = {}
    for prefix, item in _entries(path, problems):
        r = Reader(item, path, problems, prefix)
        r.check_keys({"id", "verdict", "finding"}, set())
        values = (r.text("id"), r.choice("verdict", verdicts, "verdict"), r.text("finding", one_line=True))
        if None not in values:
            out[values[0]] = VerdictRule(*values)
    return out


def load_practice(path: Path, problems: Problems, verdicts: dict[str, Verdict]) -> list[PracticeChoice]:
    out, matched = [], {}
    for prefix, item in _entries(path, problems):
        r = Reader(item, path, problems, prefix)
        r.check_keys({"id", "label", "verdicts", "flags", "sound"}, set())
        ids = r.text_list("verdicts")
        for vid in ids:
            if vid not in verdicts:
                r.problem("verdicts", f"'{vid}' is not a verdict in verdicts.yml")
            elif vid in matched:
                r.problem("verdicts", f"'{vid}' is already matched by the answer '{matched[vid]}'")
            else:
                matched[vid] = item.get("id")
        values = (r.text("id"), r.text("label"), r.boolean("flags"), r.boolean("sound"))
        if None not in values and ids:
            out.append(PracticeChoice(values[0], values[1], tuple(ids), values[2], values[3]))
    unmatched = [v for v in verdicts if v not in matched]
    if out and unmatched:
        problems.add(path, "file", "no answer matches the verdict(s) " + ", ".join(unmatched))
    return out


def load_page_corrections(path: Path, problems: Problems, docs: Path) -> list[PageCorrection]:
    out = []
    for prefix, item in _entries(path, problems):
        r = Reader(item, path, problems, prefix)
        r.check_keys({"id", "date", "page", "change", "reason"}, set())
        values = (r.text("id"), r.date("date"), r.text("page"), r.text("change"), r.text("reason"))
        page, page_ok = values[2], False
        if page is None:
            pass
        elif page.startswith("claims/"):
            r.problem("page", "a claim page keeps its corrections in its own front matter")
        elif not page.endswith(".md") or ".." in page or not (docs / page).is_file():
            r.problem("page", f"'{page}' is not a page under docs/")
        else:
            page_ok = True
        if page_ok and None not in values:  # every field is checked before any is given up on
            out.append(PageCorrection(*values))
    return out


def load_techniques(path: Path, problems: Problems) -> dict[str, Technique]:
    out = {}
    for prefix, item in _entries(path, problems):
        r = Reader(item, path, problems, prefix)
        r.check_keys({"id", "category", "name", "definition", "counter"}, {"classroom"})
        values = (r.text("id"), r.text("category"), r.text("name"), r.text("definition"), r.text("counter"))
        if None not in values:
            tid, category, name, definition, counter = values
            out[tid] = Technique(tid, category, name, tuple(r.text_list("classroom")), definition, counter)
    return out


def load_sources(path: Path, problems: Problems, outlet_domains: tuple[str, ...] = ()) -> dict[str, Source]:
    out = {}
    for prefix, item in _entries(path, problems):
        r = Reader(item, path, problems, prefix)
        r.check_keys({"id", "url", "title", "publisher", "published", "language", "kind", "notes"}, {"title_en"})
        url = r.text("url", one_line=True)
        if url:
            parsed = parse_url(url)
            if isinstance(parsed, str):
                r.problem("url", parsed)
                url = None
            elif parsed.scheme not in {"https", "http"}:
                r.problem("url", "must be an absolute http(s) URL")
                url = None
            elif blocked := is_under(parsed.host, outlet_domains):
                r.problem("url", f"is on the analysed outlet's domain ({blocked}); we never link to it")
                url = None
            elif parsed.had_trailing_dot:
                r.problem("url", "the host name ends with a dot; write it without the dot")
        published = UNDATED if item.get("published") == UNDATED else r.partial_date("published")
        values = (r.text("id"), url, r.text("title"), r.text("publisher"), published,
                  r.text("language"), r.choice("kind", SOURCE_KINDS, "source kind"), r.text("notes"))
        title_en = r.text("title_en", one_line=True) if "title_en" in item else None
        for key in ("title", "title_en"):
            if str(item.get(key) or "").lstrip().startswith("["):
                r.problem(key, "looks like a placeholder; give the page's real headline (or our English gloss), "
                               "or write 'Untitled page, <publisher>, <date>'")
        if None not in values:
            out[values[0]] = Source(*values, title_en)
    return out


def load_people(path: Path, problems: Problems, sources: dict[str, Source]) -> dict[str, Person]:
    out = {}
    for prefix, item in _entries(path, problems):
        r = Reader(item, path, problems, prefix)
        r.check_keys({"id", "name", "role", "verifiability", "found", "sources"}, set())
        refs = r.text_list("sources")
        for ref in refs:
            if ref not in sources:
                r.problem("sources", f"unknown source id '{ref}'")
        values = (r.text("id"), r.text("name"), r.text("role"), r.text("verifiability"), r.text("found"))
        if None not in values:
            out[values[0]] = Person(*values, tuple(refs))
    return out


def _rows(path: Path, problems: Problems) -> list[Reader]:
    """A data file holding a list of mappings without ids: one Reader per row, prefixed [i]."""
    data = read_yaml(path, problems)
    if is_missing(data):
        return []
    if not isinstance(data, list):
        problems.add(path, "file", f"must be a list of rows, got {type_name(data)}")
        return []
    readers = []
    for i, item in enumerate(data):
        if isinstance(item, dict):
            readers.append(Reader(item, path, problems, f"[{i}]."))
        else:
            problems.add(path, f"[{i}]", f"must be a mapping, got {type_name(item)}")
    return readers


def load_statistics(path: Path, problems: Problems, sources: dict[str, Source]) -> list[StatRow]:
    rows, seen = [], {}
    for r in _rows(path, problems):
        item = r.data
        r.check_keys({"year", "period", "article", "cases", "measure", "sources"}, {"note"})
        year, cases = r.integer("year", 1991, build_date().year), r.integer("cases", 0)
        code = str(item.get("article", ""))
        if code not in {"407", "408"}:
            r.problem("article", "must be 407 (AWOL) or 408 (desertion)")
            code = None
        refs = r.text_list("sources")
        if not refs:
            r.problem("sources", "every row needs at least one source")
        for ref in refs:
            if ref not in sources:
                r.problem("sources", f"unknown source id '{ref}'")
        period, measure = r.text("period"), r.text("measure")
        note = r.text("note", required=False) or ""
        if None not in (year, cases, code, period, measure):
            row = StatRow(year, period, code, cases, measure, tuple(refs), note)
            key = (year, period, code, measure)
            if key in seen and seen[key].cases != cases:
                r.problem("cases", f"{cases:,} contradicts {seen[key].cases:,} in another row for the same "
                                   f"period ({year}, {period}), article {code} and measure")
            elif key in seen:
                r.problem("period", "repeats another row exactly; remove one")
            else:
                seen[key] = row
                rows.append(row)
    return rows


def load_framing(path: Path, problems: Problems, sources: dict[str, Source]) -> list[Framing]:
    out = []
    for r in _rows(path, problems):
        keys = ("source", "group", "figure", "framing", "context_given", "left_out")
        r.check_keys(set(keys), set())
        values = (r.choice("source", sources, "source id"), r.choice("group", FRAMING_GROUPS, "group"),
                  *(r.text(k) for k in keys[2:]))
        if None not in values:
            out.append(Framing(*values))
    return out


def load_article(meta_path: Path, problems: Problems) -> Article | None:
    data = read_yaml(meta_path, problems)
    if is_missing(data):
        return None
    if not isinstance(data, dict):
        problems.add(meta_path, "file", f"must be a mapping, got {type_name(data)}")
        return None
    r = Reader(data, meta_path, problems)
    r.check_keys({"slug", "title", "outlet", "credited", "date", "provenance", "text", "headings"},
                 {"not_article", "outlet_domains", "takeaways"})
    name = r.text("text", one_line=True)
    if not name:
        return None
    text_path = meta_path.parent / name
    data_dir = meta_path.parent.parent
    if Path(name).is_absolute() or ".." in Path(name).parts:
        r.problem("text", "must name a file in data/article/ (no absolute path, no '..')")
        return None
    text = read_text(text_path, problems, data_dir)
    if text is None:
        return None
    domains = []
    for i, domain in enumerate(r.text_list("outlet_domains")):
        parsed = parse_url(f"https://{domain}/")
        if isinstance(parsed, str) or parsed.host != domain.lower().rstrip("."):
            r.problem(f"outlet_domains[{i}]", f"'{domain}' is not a bare domain name such as example.org")
        else:
            domains.append(parsed.host)
    not_article = []
    for prefix, item in r.mappings("not_article"):
        c = r.child(prefix, item)
        c.check_keys({"text", "reason"}, set())
        line, reason = c.text("text"), c.text("reason")
        if line and reason:
            not_article.append((line, reason))
    takeaways = []
    for prefix, item in r.mappings("takeaways"):
        c = r.child(prefix, item)
        c.check_keys({"text", "claims"}, set())
        sentence, claims = c.text("text", max_len=400), c.text_list("claims")
        if sentence and not claims:
            c.problem("claims", "name at least one claim id that the sentence rests on")
        elif sentence:
            takeaways.append(Takeaway(sentence, tuple(claims), line_of(item, "text")))
    if len(takeaways) > 5:
        r.problem("takeaways", f"has {len(takeaways)} sentences; a review gives three to five")
    values = (r.text("slug"), r.text("title"), r.text("outlet"), r.text("credited"), r.date("date"),
              r.text("provenance"))
    if None in values:
        return None
    return Article(*values, text, tuple(r.text_list("headings")), tuple(not_article), tuple(domains),
                   tuple(takeaways), meta_path)


def load_registry(data_dir: Path, problems: Problems) -> Registry:
    reg = Registry()
    reg.verdicts = load_verdicts(data_dir / "verdicts.yml", problems)
    reg.rules = load_rules(data_dir / "verdict-rules.yml", problems, reg.verdicts)
    reg.techniques = load_techniques(data_dir / "techniques.yml", problems)
    reg.practice = load_practice(data_dir / "practice.yml", problems, reg.verdicts)
    reg.page_corrections = load_page_corrections(data_dir / "page-corrections.yml", problems, data_dir.parent / "docs")
    for meta in sorted((data_dir / "article").glob("*.yml")):
        article = load_article(meta, problems)
        if article and article.slug in reg.articles:
            problems.add(meta, "slug", f"'{article.slug}' is already the slug of another article file")
        elif article:
            reg.articles[article.slug] = article
    domains = tuple(d for a in reg.articles.values() for d in a.outlet_domains)
    reg.sources = load_sources(data_dir / "sources.yml", problems, domains)
    reg.people = load_people(data_dir / "people.yml", problems, reg.sources)
    reg.statistics = load_statistics(data_dir / "statistics.yml", problems, reg.sources)
    reg.framing = load_framing(data_dir / "framing.yml", problems, reg.sources)
    return reg
