"""Editorial rules that need the last published version: a changed verdict is a correction.

The base is the last commit (HEAD), or on a pull request the merge base with the target branch
(GITHUB_BASE_REF, or CBC_BASE_REF to choose one). A claim whose verdict differs from the base
must carry a `corrections:` entry whose `from_verdict` is the old verdict, and two reviewers.
Without git, or outside a repository, there is nothing to compare with and the rule is skipped.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from .problems import Problems
from .yamlio import Mapping, is_missing, parse_yaml, split_front_matter

TIMEOUT = 20


def _git(root: Path, *args: str, stdin: bytes | None = None) -> bytes | None:
    if not shutil.which("git"):
        return None
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, input=stdin,
                              timeout=TIMEOUT, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def _text(out: bytes | None) -> str | None:
    return out.decode("utf-8", errors="replace") if out is not None else None


def files_at(root: Path, commit: str, rel_paths: list[str]) -> dict[str, str]:
    """The text of these files at `commit` (absent ones left out), from one `git cat-file --batch`
    rather than one `git show` a file."""
    out = _git(root, "cat-file", "--batch", stdin="".join(f"{commit}:{rel}\n" for rel in rel_paths).encode())
    if out is None:
        return {}
    found, pos = {}, 0
    for rel in rel_paths:
        end = out.index(b"\n", pos)
        header = out[pos:end].split()
        pos = end + 1
        if len(header) != 3 or header[1] != b"blob":  # "<name> missing", or not a file
            continue
        size = int(header[2])
        found[rel] = out[pos:pos + size].decode("utf-8", errors="replace")
        pos += size + 1  # the content is followed by a newline
    return found


def base_ref(root: Path) -> str | None:
    target = os.environ.get("CBC_BASE_REF") or (
        f"origin/{os.environ['GITHUB_BASE_REF']}" if os.environ.get("GITHUB_BASE_REF") else None)
    if target:
        base = _text(_git(root, "merge-base", "HEAD", target))
        return base.strip() if base else None
    head = _text(_git(root, "rev-parse", "--verify", "-q", "HEAD"))
    return head.strip() if head else None


def old_verdicts(root: Path, rel_paths: list[str]) -> dict[str, str]:
    """Verdicts of these claim files at the base commit (files new since then are absent)."""
    base = base_ref(root)
    if not base:
        return {}
    out = {}
    quiet = Problems(root)  # a malformed old version is not today's problem
    for rel, text in files_at(root, base, rel_paths).items():
        split = split_front_matter(text) if text else None
        data = parse_yaml(split[0], Path(rel), quiet) if split else None
        if not is_missing(data) and isinstance(data, Mapping) and isinstance(data.get("verdict"), str):
            out[rel] = data["verdict"]
    return out


def check_verdict_changes(root: Path, claims, problems: Problems) -> None:
    rel = {c.path.resolve().relative_to(root.resolve()).as_posix(): c for c in claims
           if root.resolve() in c.path.resolve().parents}
    for path, old in old_verdicts(root, list(rel)).items():
        claim = rel[path]
        if claim.verdict == old:
            continue
        if not any(c.from_verdict == old for c in claim.corrections):
            problems.add(claim.path, "verdict", f"changed from '{old}' to '{claim.verdict}' since the last "
                                                f"published version: add a corrections: entry with "
                                                f"from_verdict: {old}, the date, what changed and why")
        if len(claim.reviewers) < 2:
            problems.add(claim.path, "reviewers", "a verdict change needs two reviewers")
