"""Two clean builds of the same commit produce byte-identical site trees."""

from __future__ import annotations

import hashlib
from pathlib import Path

from conftest import build, copy_repo


def tree_digest(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def test_two_clean_builds_are_identical(tmp_path):
    digests = []
    for name in ("a", "b"):
        root = copy_repo(tmp_path / name)
        result = build(root, root / "site")
        assert result.returncode == 0, result.stderr
        digests.append(tree_digest(root / "site"))
    first, second = digests
    assert first.keys() == second.keys()
    assert [k for k in first if first[k] != second[k]] == []


def test_digest_notices_a_changed_byte(tmp_path):
    (tmp_path / "x.html").write_text("a")
    before = tree_digest(tmp_path)
    (tmp_path / "x.html").write_text("b")
    assert tree_digest(tmp_path) != before
