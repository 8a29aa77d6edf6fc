"""Text normalisation, quote matching and sentence splitting for the article."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

# Only these differences are forgiven when a quote is matched against the article.
_QUOTE_CHARS = {"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "‟": '"'}
_DASH_CHARS = {"–": "-", "—": "-", "‒": "-", "―": "-", "‐": "-", "‑": "-"}
_CHAR_MAP = {**_QUOTE_CHARS, **_DASH_CHARS}
_LONG_SPACE_RUN = re.compile(r"\s{2,}")  # `\s` in a str pattern is exactly str.isspace() (a test checks)


@dataclass(frozen=True)
class Normalized:
    """Normalised text, and where its characters stand in the original.

    The offsets run on one for one except after a folded run of whitespace, so they are kept as
    stretches: `starts[k]` is where stretch k begins in the normalised text, `origins[k]` where
    that character stands in the original."""

    text: str
    starts: tuple[int, ...]
    origins: tuple[int, ...]

    def offset(self, i: int) -> int:
        """The original offset of normalised character i."""
        k = bisect_right(self.starts, i) - 1
        return self.origins[k] + i - self.starts[k]

    @property
    def offsets(self) -> tuple[int, ...]:
        return tuple(self.offset(i) for i in range(len(self.text)))

    def span_in_original(self, start: int, end: int) -> tuple[int, int]:
        return self.offset(start), self.offset(end - 1) + 1


def normalize(text: str) -> Normalized:
    """Trim, fold whitespace runs (incl. no-break spaces) to one space; straighten quotes and dashes.

    A folded run keeps the offset of its first character; every other character keeps its own."""
    folded = " ".join(text.split())  # str.split() with no argument splits at runs of str.isspace()
    for typographic, plain in _CHAR_MAP.items():  # one for one, so no offset moves
        folded = folded.replace(typographic, plain)
    first = len(text) - len(text.lstrip())
    starts, origins = [0], [first]
    for run in _LONG_SPACE_RUN.finditer(text, first, len(text.rstrip())):
        # The run's first character stays (as the space); the next stretch starts after the run.
        starts.append(starts[-1] + run.start() - origins[-1] + 1)
        origins.append(run.end())
    return Normalized(folded, tuple(starts), tuple(origins))


def norm(text: str) -> str:
    return normalize(text).text


def find_all(haystack: str, needle: str) -> list[tuple[int, int]]:
    """All non-overlapping occurrences of normalised `needle` in normalised `haystack`."""
    needle = norm(needle)
    if not needle:
        return []
    spans, pos = [], 0
    while (hit := haystack.find(needle, pos)) != -1:
        spans.append((hit, hit + len(needle)))
        pos = hit + len(needle)
    return spans


# A sentence ends at . ! ? or … (optionally followed by closing quotes) before a space
# and a capital letter or opening quote.
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])")


def split_sentences(paragraph: str) -> list[str]:
    """Split one normalised paragraph into sentences, keeping abbreviations like 'U.S.' intact."""
    parts, start = [], 0
    for m in _SENTENCE_END.finditer(paragraph):
        candidate = paragraph[start : m.start()].strip()
        if re.search(r"\b(?:[A-Z]\.){1,3}$", candidate):  # initials, not an end of sentence
            continue
        # Include any closing quote characters that the look-behind left out.
        end = m.start() + len(m.group(0).rstrip())
        parts.append(paragraph[start:end].strip())
        start = m.end()
    tail = paragraph[start:].strip()
    if tail:
        parts.append(tail)
    return [p for p in parts if p]
