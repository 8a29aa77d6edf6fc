"""Handouts: every lesson, worksheet, answer key and source-card sheet of the teaching kit, as a PDF
(A4 and US Letter) and as an editable ODT, published under teach/handouts/.

The files are made from the built pages (scripts/site/print_handouts.py), so the pages cannot know
a file's size and page count while they are being built. Their links carry an empty placeholder,
which `fill_in_sizes` completes once the files exist: one step for either engine, like the search
index.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..content.yamlio import page_title
from . import i18n
from .i18n import gettext as _
from .i18n import ngettext
from .render import render

# Lesson pages are numbered; the practice sheet and its key serve every lesson.
KIT_PAGE = re.compile(r"^(?:(lesson|worksheet|cards|answers)-(\d+)|(practice-sheet|practice-key))$")
KINDS = ("lesson", "worksheet", "cards", "answers", "practice-sheet", "practice-key")
KIND_ORDER = KINDS
TEACHER_ONLY = {"lesson", "answers", "practice-key"}
FOLDER = "teach/handouts"


def kind_label(kind: str) -> str:
    """A kind of kit page in words, in the edition being rendered."""
    return {"lesson": _("Lesson plan"), "worksheet": _("Worksheet"), "cards": _("Source cards"),
            "answers": _("Answer key"), "practice-sheet": _("Practice sheet"),
            "practice-key": _("Practice answer key")}[kind]


@dataclass(frozen=True)
class Format:
    suffix: str
    paper: str | None  # Chromium's paper name; None for the editable copy

    @property
    def label(self) -> str:
        """The link text, in the edition being rendered."""
        return {"-a4.pdf": _("PDF, A4"), "-letter.pdf": _("PDF, US Letter"), ".odt": _("ODT, editable")}[self.suffix]


FORMATS = (Format("-a4.pdf", "A4"), Format("-letter.pdf", "Letter"), Format(".odt", None))


def file_name(stem: str, fmt: Format) -> str:
    return f"{stem}{fmt.suffix}"


def kind_and_lesson(stem: str) -> tuple[str, int | None]:
    match = KIT_PAGE.match(stem)
    if not match:
        raise ValueError(f"{stem} is not a kit page")
    return (match.group(1), int(match.group(2))) if match.group(1) else (match.group(3), None)


def kit_stems(teach_dir: Path) -> list[str]:
    """Every kit page, in teaching order: lesson 1, its worksheet, cards and key, lesson 2, ...,
    then the practice sheet and its key."""
    def order(stem: str):
        kind, lesson = kind_and_lesson(stem)
        return (lesson is None, lesson or 0, KIND_ORDER.index(kind))

    return sorted((p.stem for p in teach_dir.glob("*.md") if KIT_PAGE.match(p.stem)), key=order)


@dataclass(frozen=True)
class Handout:
    """One kit page and the files made from it."""
    stem: str
    kind: str
    lesson: int | None  # None: for any lesson (the practice sheet and its key)
    title: str

    @property
    def label(self) -> str:
        return kind_label(self.kind)

    @property
    def for_teachers(self) -> bool:
        return self.kind in TEACHER_ONLY

    @property
    def files(self) -> list[tuple[str, str]]:
        """(link label, site path) for each format."""
        return [(f.label, f"{FOLDER}/{file_name(self.stem, f)}") for f in FORMATS]


def handout(teach_dir: Path, stem: str) -> Handout:
    return Handout(stem, *kind_and_lesson(stem), page_title(teach_dir / f"{stem}.md"))


def links(teach_dir: Path, stems, base: str) -> str:
    """A download line for each kit page named, in the order given."""
    return render("handout_links.html", handouts=[handout(teach_dir, s) for s in stems], base=base)


def table(teach_dir: Path, base: str) -> str:
    """Every handout of the kit, lesson by lesson, for the teach page."""
    return render("handout_table.html", handouts=[handout(teach_dir, s) for s in kit_stems(teach_dir)], base=base)


def answer_space(lines: int) -> str:
    """Ruled lines for a written answer, sized to the task."""
    if not 1 <= lines <= 12:
        raise ValueError(f"answer(): {lines} lines; give 1 to 12")
    return render("answer_space.html", lines=lines)


# The templates' size span, which fill_in_sizes completes (or, on a warm rebuild, brings up to date).
PLACEHOLDER = re.compile(r'<span class="cbc-handout__size" data-handout="([^"]+)">[^<]*</span>')


def without_sizes(html: str) -> str:
    """The page as built, before any size was written in: what a handout is made from."""
    return PLACEHOLDER.sub(lambda m: f'<span class="cbc-handout__size" data-handout="{m.group(1)}"></span>', html)


def size_label(pages: int | None, size: int) -> str:
    kb = max(1, round(size / 1024))
    if pages is None:
        return _("%(kb)d KB") % {"kb": kb}
    return ngettext("%(num)d page, %(kb)d KB", "%(num)d pages, %(kb)d KB", pages) % {"num": pages, "kb": kb}


def _edition(site: Path, page: Path) -> str:
    """The edition a built page belongs to: its first folder when that names an edition (uk/...)."""
    first = page.relative_to(site).parts[0]
    return first if first in i18n.LANGUAGES and first != i18n.DEFAULT and (site / first).is_dir() else i18n.DEFAULT


def fill_in_sizes(site: Path, facts: dict[str, tuple[int | None, int]]) -> int:
    """Write each handout's page count and size into the pages that link it; return how many
    links were filled. A link to a handout that was not made stops the build."""
    filled, missing = 0, set()
    for page in sorted(site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        if 'data-handout="' not in html:
            continue
        edition, where = _edition(site, page), page.relative_to(site)

        def fill(match: re.Match, edition: str = edition, where: Path = where) -> str:
            nonlocal filled
            fact = facts.get(match.group(1))
            if fact is None:
                missing.add(f"{where} -> {match.group(1)}")
                return match.group(0)
            filled += 1
            with i18n.Active(edition):
                label = size_label(*fact)
            return f'<span class="cbc-handout__size" data-handout="{match.group(1)}">{label}</span>'

        new = PLACEHOLDER.sub(fill, html)
        if new != html:
            page.write_text(new, encoding="utf-8")
    if missing:
        raise HandoutError("links to handouts that were not made: " + "; ".join(sorted(missing)))
    return filled


class HandoutError(RuntimeError):
    pass
