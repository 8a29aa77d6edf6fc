"""The repository's copy of the article must stay identical to the seed, apart from trailing space."""

from pathlib import Path

import pytest

from conftest import ROOT

SEED = ROOT.parent / "shared" / "seed" / "army-of-deserters.txt"
COPY = ROOT / "data" / "article" / "army-of-deserters.txt"


def _lines(path: Path) -> list[str]:
    return [line.rstrip() for line in path.read_text(encoding="utf-8").rstrip().splitlines()]


@pytest.mark.skipif(not SEED.exists(), reason="../shared/seed is not beside this checkout")
def test_canonical_copy_matches_seed():
    assert _lines(COPY) == _lines(SEED)


def test_copy_keeps_typographic_characters():
    text = COPY.read_text(encoding="utf-8")
    assert "\u00a0" in text and "’" in text and "—" in text  # normalisation happens when matching, not here
