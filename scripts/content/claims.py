"""Claim pages: Markdown with YAML front matter under docs/claims/. Parsing and validation."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .fields import TEMPLATE_SYNTAX, Reader, type_name
from .markup import body_html, review
from .problems import Problems
from .registry import Registry
from .text import find_all, norm
from .urls import Parsed, is_under, parse_url
from .yamlio import is_missing, line_of, parse_yaml, split_front_matter

ID_PATTERN = re.compile(r"^CBC-\d{3,}$")
KINDS = {"statistic", "quotation", "anecdote", "legal", "characterization"}
ADVISORIES = {"violence": "This claim quotes threats of violence and killing."}
# The body sections every claim page has, in this order. The build adds the verdict, the quote in
# context, the technique list and the sources around them; the file itself holds only data.
BODY_HEADINGS = ("Context", "What the record shows", "How the passage persuades", "What remains unknown")
REQUIRED = {"id", "article", "title", "quote", "section", "kind", "verdict", "summary", "techniques",
            "sources", "published", "reviewed", "reviewers", "rule"}
OPTIONAL = {"covers", "advisory", "corrections", "searched", "people", "figures", "description"}
# Verdicts that rest on the absence of evidence need a note of where we looked.
NEEDS_SEARCH_NOTE = {"unsupported", "could-not-verify"}


@dataclass(frozen=True)
class TechniqueUse:
    id: str
    span: str


@dataclass(frozen=True)
class Correction:
    date: dt.date
    change: str
    reason: str
    from_verdict: str | None = None  # set when the correction changed the verdict
    untranslated: bool = False  # an edition shows it in English until its translation is made


@dataclass(frozen=True)
class Figure:
    article: str
    credited: str
    record: str
    sources: tuple[str, ...]
    gap: str
    # Optional numbers for the comparison chart, with a short label naming what is counted.
    label: str | None = None
    article_number: int | None = None
    record_number: int | None = None
    unit: str | None = None  # what the numbers count, so charts compare like with like


# What a charted figure may count. Each unit gets its own chart panel and axis.
FIGURE_UNITS = {"cases": "Criminal cases", "people": "People"}


@dataclass(frozen=True)
class Claim:
    path: Path
    id: str
    article: str
    title: str
    quote: str
    section: str
    kind: str
    verdict: str
    summary: str
    techniques: tuple[TechniqueUse, ...]
    sources: tuple[str, ...]
    published: dt.date
    reviewed: dt.date
    reviewers: tuple[str, ...]
    covers: tuple[str, ...]
    advisory: str | None
    corrections: tuple[Correction, ...]
    searched: str | None
    people: tuple[str, ...]
    figures: tuple[Figure, ...]
    body: str
    rule: str | None = None  # the decision-table row the verdict follows from
    id_line: int = 0  # where `id:` stands in the file, for problems found across claims
    quote_translation: str | None = None  # set only in another edition: our translation of `quote`

    @property
    def slug(self) -> str:
        """URL slug derived from the immutable id: CBC-007 -> cbc-007."""
        return self.id.lower()

    @property
    def spans(self) -> tuple[str, ...]:
        return (self.quote, *self.covers)


def parse_claim(path: Path, text: str, reg: Registry, problems: Problems, root: Path | None = None,
                deferred: list[BodyReview] | None = None) -> Claim | None:
    """Parse and validate one claim file; every problem goes to `problems`. With `deferred`, the
    review of the body's rendered HTML is added to that list instead of done here (load.py runs
    those reviews in another process while a build gets on with its work)."""
    split = split_front_matter(text)
    if split is None:
        problems.add(path, "front matter", "the file must start with a YAML block between '---' lines")
        return None
    raw, body = split
    body_line = text[: len(text) - len(body)].count("\n") + 1
    # The body is checked even when the front matter is broken: every problem, in one run.
    _check_body(path, body, body_line, reg, root or problems.root, problems, deferred)
    data = parse_yaml(raw, path, problems, "front matter", line_offset=1)
    if is_missing(data):
        return None
    if not isinstance(data, dict):
        problems.add(path, "front matter", f"must be a mapping of fields, got {type_name(data)}")
        return None
    r = Reader(data, path, problems)
    r.check_keys(REQUIRED, OPTIONAL)

    cid = r.text("id")
    if cid and not ID_PATTERN.match(cid):
        r.problem("id", f"'{cid}' must look like CBC-001")
        cid = None
    if cid and path.stem != cid.lower():
        r.problem("id", f"file name must be {cid.lower()}.md so the URL follows the id")
    article_slug = r.choice("article", reg.articles, "article") if reg.articles else r.text("article")
    article = reg.articles.get(article_slug or "")
    verdict = r.choice("verdict", reg.verdicts, "verdict")
    kind = r.choice("kind", KINDS, "kind")
    quote = r.text("quote")
    section = r.text("section")
    covers = r.text_list("covers")
    if article:
        _check_spans(r, article, quote, covers, section)

    techniques = _read_techniques(r, reg, article)
    sources = tuple(r.text_list("sources"))
    for i, ref in enumerate(sources):
        if ref not in reg.sources:
            r.problem(f"sources[{i}]", f"unknown source id '{ref}'")
    people = tuple(r.text_list("people"))
    for i, ref in enumerate(people):
        if ref not in reg.people:
            r.problem(f"people[{i}]", f"unknown person id '{ref}'")
    searched = r.text("searched")
    rule = r.choice("rule", reg.rules, "verdict rule")
    if rule and verdict and reg.rules[rule].verdict != verdict:
        r.problem("rule", f"row '{rule}' of the decision table leads to '{reg.rules[rule].verdict}', "
                          f"not '{verdict}' (see data/verdict-rules.yml)")
    if verdict:
        _check_sourcing(r, reg, verdict, sources, searched)

    advisory = r.choice("advisory", ADVISORIES, "advisory") if "advisory" in data else None
    published, reviewed = r.date("published"), r.date("reviewed")
    if published and reviewed and reviewed < published:
        r.problem("reviewed", "cannot be earlier than published")
    if reviewed and reviewed > dt.date.today():
        r.problem("reviewed", f"{reviewed} is in the future")
    reviewers = tuple(r.text_list("reviewers"))
    if "reviewers" in data and not reviewers:
        r.problem("reviewers", "name at least one reviewer")
    corrections = _read_corrections(r, reg)
    figures = _read_figures(r, reg)
    _check_citations(path, body, sources, problems)

    values = (cid, article_slug, r.text("title", max_len=120, one_line=True), quote, section, kind, verdict,
              r.text("summary", max_len=300, one_line=True), published, reviewed)
    if None in values or not reviewers:
        return None
    cid, article_slug, title, quote, section, kind, verdict, summary, published, reviewed = values
    return Claim(path, cid, article_slug, title, quote, section, kind, verdict, summary, techniques,
                 sources, published, reviewed, reviewers, tuple(covers), advisory, corrections, searched,
                 people, figures, body, rule, line_of(data, "id"))


def _check_spans(r: Reader, article, quote: str | None, covers: list[str], section: str | None) -> None:
    text = article.normalized.text
    if quote and not find_all(text, quote):
        r.problem("quote", "does not occur verbatim in the article (only whitespace, quotes and dashes "
                           f"are normalised): '{_clip(quote)}'")
    for i, span in enumerate(covers):
        if not find_all(text, span):
            r.problem(f"covers[{i}]", f"does not occur verbatim in the article: '{_clip(span)}'")
    if section is not None and section not in section_names(article):
        r.problem("section", f"unknown section '{section}' (known: {'; '.join(section_names(article))})")
    elif section and quote and find_all(text, quote) and section not in {
            section_at(article, start) for start, _ in find_all(text, quote)}:
        r.problem("section", f"the quote does not occur in the section '{section}'")


def _read_techniques(r: Reader, reg: Registry, article) -> tuple[TechniqueUse, ...]:
    raw = r.data.get("techniques")
    if raw == "none" or raw == []:
        if raw == []:
            r.problem("techniques", "list at least one technique, or write 'none' explicitly")
        return ()
    uses = []
    for prefix, item in r.mappings("techniques"):
        c = r.child(prefix, item)
        c.check_keys({"id", "span"}, set())
        tid, span = c.choice("id", reg.techniques, "technique id"), c.text("span")
        if span and article and not find_all(article.normalized.text, span):
            c.problem("span", f"does not occur verbatim in the article: '{_clip(span)}'")
        elif tid and span:
            uses.append(TechniqueUse(tid, span))
    return tuple(uses)


def _check_sourcing(r: Reader, reg: Registry, verdict: str, sources: tuple[str, ...], searched) -> None:
    known = [reg.sources[s] for s in sources if s in reg.sources]
    if verdict in NEEDS_SEARCH_NOTE and not searched:
        r.problem("searched", f"a '{verdict}' verdict needs a note of where we searched")
    if reg.verdicts[verdict].checkable and verdict not in NEEDS_SEARCH_NOTE:
        publishers = {s.publisher for s in known if s.is_evidence}
        if len(publishers) < 2:
            r.problem("sources", f"a '{verdict}' verdict needs at least two independent sources (different "
                                 f"publishers, not state-affiliated or partisan); found {len(publishers)}")


def _read_corrections(r: Reader, reg: Registry) -> tuple[Correction, ...]:
    out = []
    for prefix, item in r.mappings("corrections"):
        c = r.child(prefix, item)
        c.check_keys({"date", "change", "reason"}, {"from_verdict"})
        values = (c.date("date"), c.text("change"), c.text("reason"))
        old = c.choice("from_verdict", reg.verdicts, "verdict") if "from_verdict" in item else None
        if None not in values:
            out.append(Correction(*values, old))
    return tuple(sorted(out, key=lambda c: c.date))


def _read_figures(r: Reader, reg: Registry) -> tuple[Figure, ...]:
    out = []
    for prefix, item in r.mappings("figures"):
        c = r.child(prefix, item)
        c.check_keys({"article", "credited", "record", "sources", "gap"},
                     {"label", "article_number", "record_number", "unit"})
        refs = tuple(c.text_list("sources"))
        if not refs:
            c.problem("sources", "name the source of the official figure")
        for ref in refs:
            if ref not in reg.sources:
                c.problem("sources", f"unknown source id '{ref}'")
        numbers = {}
        for key in ("article_number", "record_number"):
            value = item.get(key)
            if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
                c.problem(key, f"must be a whole number, got {type_name(value)}")
                value = None
            numbers[key] = value
        label = c.text("label", max_len=60) if "label" in item else None
        unit = c.choice("unit", FIGURE_UNITS, "unit") if "unit" in item else None
        if (numbers["article_number"] is None) != (numbers["record_number"] is None) or (
                numbers["article_number"] is not None and not (label and "unit" in item)):
            c.problem("label", "a chart pair needs label, unit, article_number and record_number together")
        values = (c.text("article"), c.text("credited"), c.text("record"), c.text("gap"))
        if None not in values:
            out.append(Figure(values[0], values[1], values[2], refs, values[3], label, **numbers, unit=unit))
    return tuple(out)


def _check_body(path: Path, body: str, first_line: int, reg: Registry, root: Path, problems: Problems,
                deferred: list[BodyReview] | None = None) -> None:
    """The body is Markdown prose under fixed headings: no templates, no raw HTML, no outlet links.
    Line-by-line and linear: a body can be long."""
    def add(message: str, needle: str | None = None, line: int | None = None) -> None:
        if needle and line is None:
            at = body.find(needle)
            line = first_line + body.count("\n", 0, at) if at >= 0 else None
        problems.add(path, "body", message, line or first_line)

    if not body.strip():
        add("is empty; write the claim's analysis under the standard headings")
        return
    sections: dict[str, list[str]] = {}
    order: list[str] = []
    current: list[str] | None = None
    for number, line in enumerate(body.splitlines(), start=first_line):
        if line.startswith("## "):
            heading = line[3:].strip()
            order.append(heading)
            current = sections.setdefault(heading, [])
        elif current is not None:
            current.append(line)
        found = TEMPLATE_SYNTAX.search(line)
        if found:
            add(f"contains template syntax '{found.group(0)}'; claim pages are data and are never run as "
                "templates, so write it another way (for example with a space: '{ {')", line=number)
    if [h for h in order if h in BODY_HEADINGS] != list(BODY_HEADINGS):
        want = " > ".join(BODY_HEADINGS)
        add(f"needs the headings '## ' {want}, once each and in that order; found: {', '.join(order) or 'none'}")
    for heading in BODY_HEADINGS:
        content = "\n".join(sections.get(heading, []))
        if heading in sections and (not content.strip() or "TODO" in content):
            add(f"section '{heading}' is not written yet", f"## {heading}")
    job = BodyReview(path, body, first_line, outlet_domains(reg))
    if deferred is None:
        review_body(job, root, problems)
    else:
        deferred.append(job)


@dataclass(frozen=True)
class BodyReview:
    """A body's rendered HTML still to review: what the sanitiser would remove, and outlet links."""
    path: Path
    body: str
    first_line: int
    domains: tuple[str, ...]


def outlet_domains(reg: Registry) -> tuple[str, ...]:
    return tuple(d for a in reg.articles.values() for d in a.outlet_domains)


def review_body(job: BodyReview, root: Path, problems: Problems) -> None:
    """Render the body as the site does and report whatever the sanitiser would remove from it, and
    every link to an analysed outlet's domain."""
    def add(message: str, needle: str) -> None:
        at = job.body.find(needle)
        line = job.first_line + job.body.count("\n", 0, at) if at >= 0 else job.first_line
        problems.add(job.path, "body", message, line)

    findings, hrefs = review(body_html(job.body, root))
    for finding in findings:
        add(finding.message, finding.needle)
    for href in hrefs:
        parsed = parse_url(href)
        if isinstance(parsed, Parsed) and (blocked := is_under(parsed.host, job.domains)):
            add(f"links to the analysed outlet's domain ({blocked}); we never link to it (do not amplify)",
                href[:30])


def review_bodies(jobs: list[BodyReview], root: Path) -> list:
    """`review_body` for many bodies, in a worker process: the problems found, as plain values."""
    problems = Problems(root)
    for job in jobs:
        review_body(job, root, problems)
    return problems.items


CITATION = re.compile(r"\[\^([A-Za-z0-9][A-Za-z0-9._-]{0,120})\]")


def _check_citations(path: Path, body: str, sources: tuple[str, ...], problems: Problems) -> None:
    """Inline citations are `[^source-id]`: each names a source listed in `sources:`, and each listed
    source is cited somewhere in the body, so every entry in the source list links back to a statement."""
    listed = set(sources)
    cited = dict.fromkeys(CITATION.findall(body))
    for sid in cited:
        if sid not in listed:
            problems.add(path, "body", f"cites [^{sid}], which is not listed in sources:")
    for sid in sources:
        if sid not in cited:
            problems.add(path, "sources", f"'{sid}' is listed but the body never cites it; add [^{sid}] after the "
                                          "statement it supports, or remove it from the list")


def section_names(article) -> list[str]:
    return ["Headline and introduction", *article.headings]


def section_at(article, offset: int) -> str:
    """The article section a normalised offset falls under: the last heading line before it."""
    current, best = "Headline and introduction", -1
    for start, heading in heading_offsets(article):
        if best < start <= offset:
            best, current = start, heading
    return current


@lru_cache(maxsize=64)
def heading_offsets(article) -> tuple[tuple[int, str], ...]:
    """Where each heading stands as a whole line of the article (not inside a sentence)."""
    text, out = article.normalized.text, []
    lines = {norm(line) for line in article.text.splitlines()}
    for heading in article.headings:
        for start, _end in find_all(text, heading):
            if (start == 0 or text[start - 1] == " ") and norm(heading) in lines:
                out.append((start, heading))
    return tuple(out)


def _clip(text: str, n: int = 70) -> str:
    text = norm(text)
    return text if len(text) <= n else text[: n - 1] + "…"
