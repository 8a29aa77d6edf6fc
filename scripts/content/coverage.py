"""Sentence coverage: every sentence of the article belongs to a claim or is excluded with a reason."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .claims import CITATION, Claim
from .registry import Article
from .text import find_all, norm, split_sentences


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int  # offset in the normalised article
    claim_ids: tuple[str, ...]
    excluded: str | None  # reason, when the line is not the article's own text


@dataclass(frozen=True)
class Coverage:
    sentences: tuple[Sentence, ...]

    @property
    def counted(self) -> list[Sentence]:
        return [s for s in self.sentences if s.excluded is None]

    @property
    def covered(self) -> list[Sentence]:
        return [s for s in self.counted if s.claim_ids]

    @property
    def uncovered(self) -> list[Sentence]:
        return [s for s in self.counted if not s.claim_ids]

    @property
    def percent(self) -> float:
        return 100.0 * len(self.covered) / len(self.counted) if self.counted else 100.0

    def report(self, slug: str) -> str:
        excluded = len(self.sentences) - len(self.counted)
        lines = [f"coverage: {slug}: {len(self.covered)} of {len(self.counted)} sentences covered "
                 f"({self.percent:.0f}%); {excluded} lines excluded as not the article's"]
        lines += [f"  excluded: '{s.text}' ({s.excluded})" for s in self.sentences if s.excluded]
        lines += [f"  uncovered: '{s.text}'" for s in self.uncovered]
        return "\n".join(lines)


def article_sentences(article: Article) -> list[tuple[int, str]]:
    """(offset in the normalised article, sentence) for every sentence, paragraph by paragraph."""
    text = article.normalized.text
    out, pos = [], 0
    for line in article.text.splitlines():
        para = norm(line)
        if not para:
            continue
        for sentence in split_sentences(para):
            start = text.find(sentence, pos)
            out.append((start, sentence))
            pos = start + len(sentence)
    return out


def coverage(article: Article, claims: list[Claim]) -> Coverage:
    text = article.normalized.text
    ranges = [(s, e, c.id) for c in claims for span in c.spans for s, e in find_all(text, span)]
    excluded = {norm(t): reason for t, reason in article.not_article}
    sentences = []
    for start, sentence in article_sentences(article):
        end = start + len(sentence)
        ids = tuple(sorted({cid for s, e, cid in ranges if s < end and start < e}))
        sentences.append(Sentence(sentence, start, ids, excluded.get(sentence)))
    return Coverage(tuple(sentences))


RECORD_SECTION = re.compile(r"^## +What the record shows[ \t]*\n(.*?)(?=^## |\Z)", re.MULTILINE | re.DOTALL)


def uncited_record_paragraphs(claim) -> tuple[int, int]:
    """(paragraphs or list items in "What the record shows" without a citation marker, all of them).
    Reported by `check`, not enforced: a paragraph that only introduces or sums up cited facts needs
    no marker of its own, and telling those apart is an editor's call."""
    section = RECORD_SECTION.search(claim.body)
    blocks = [b for b in re.split(r"\n\s*\n|\n(?=- |\d+\. )", section.group(1) if section else "") if b.strip()]
    return sum(not CITATION.search(b) for b in blocks), len(blocks)
