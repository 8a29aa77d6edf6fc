"""Text normalisation, quote matching and sentence splitting for the article."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Only these differences are forgiven when a quote is matched against the article.
_QUOTE_CHARS = {"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "‟": '"'}
_DASH_CHARS = {"–": "-", "—": "-", "‒": "-", "―": "-", "‐": "-", "‑": "-"}
_CHAR_MAP = {**_QUOTE_CHARS, **_DASH_CHARS}


@dataclass(frozen=True)
class Normalized:
    """Normalised text plus, for each of its characters, the offset in the original."""

    text: str
    offsets: tuple[int, ...]

    def span_in_original(self, start: int, end: int) -> tuple[int, int]:
        return self.offsets[start], self.offsets[end - 1] + 1


def normalize(text: str) -> Normalized:
    """Fold whitespace runs (incl. no-break spaces) to one space; straighten quotes and dashes."""
    out: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        if ch.isspace():
            if out and out[-1] == " ":
                continue
            ch = " "
        out.append(_CHAR_MAP.get(ch, ch))
        offsets.append(i)
    # Trim, keeping the offsets aligned.
    start = 0
    while start < len(out) and out[start] == " ":
        start += 1
    end = len(out)
    while end > start and out[end - 1] == " ":
        end -= 1
    return Normalized("".join(out[start:end]), tuple(offsets[start:end]))


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
