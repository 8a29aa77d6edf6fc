"""`new-claim` scaffolds the next claim; `check` rejects it, saying why, until it is filled in."""

from __future__ import annotations

import sys

from conftest import run
from scripts.scaffold import next_id


def test_next_id_skips_retired_ids():
    assert next_id("CBC-001: active\nCBC-007: {retired: CBC-001}\n") == "CBC-008"
    assert next_id("") == "CBC-001"


def test_fresh_scaffold_fails_check_with_clear_messages(repo):
    made = run([sys.executable, "-m", "scripts", "new-claim", "--title", "A test claim"], cwd=repo)
    assert made.returncode == 0 and "created docs/claims/cbc-036.md" in made.stdout
    assert "CBC-036: active" in (repo / "data/claim-ids.yml").read_text()
    assert "/claims/cbc-036/" in (repo / "data/public-urls.txt").read_text().splitlines()
    text = (repo / "docs/claims/cbc-036.md").read_text()
    for heading in ("Context", "What the record shows", "How the passage persuades", "What remains unknown"):
        assert f"## {heading}" in text
    result = run([sys.executable, "-m", "scripts", "check"], cwd=repo)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith("docs/claims/cbc-036.md:")]
    for expected in ("quote: must not be empty", "verdict: must not be empty", "section: must not be empty",
                     "kind: must not be empty", "summary: must not be empty", "reviewers: name at least one reviewer",
                     "techniques: list at least one technique", "body: section 'Context' is not written yet"):
        assert any(expected in line for line in lines), expected
