"""`check` is the trust boundary: one payload per attack class, written into a copy of a real
claim page or data file, must fail `check` with a clear `path:line: field: message`, and must
never reach the built site."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, run

CLAIM = "docs/claims/cbc-011.md"
MARKER = "## What remains unknown"


def check(repo: Path, *args: str, **env) -> subprocess.CompletedProcess:
    return run([sys.executable, "-m", "scripts", "check", *args], cwd=repo, **env)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def into_body(repo: Path, payload: str) -> None:
    edit(repo / CLAIM, MARKER, f"{payload}\n\n{MARKER}")


def into_front_matter(repo: Path, line: str) -> None:
    edit(repo / CLAIM, "\nkind: statistic\n", f"\nkind: statistic\n{line}\n")


def assert_problem(result: subprocess.CompletedProcess, path: str, field: str, message: str) -> None:
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    pattern = re.compile(rf"^{re.escape(path)}(:\d+)?: {re.escape(field)}: .*{re.escape(message)}", re.MULTILINE)
    assert pattern.search(result.stderr), result.stderr


def built_html(repo: Path) -> str:
    site = repo / "site"
    run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)], cwd=repo)
    return "\n".join(p.read_text(errors="replace") for p in site.rglob("*.html")) if site.exists() else ""


# --- 1. template injection -------------------------------------------------------------------

OS_PAYLOAD = "{{ cycler.__init__.__globals__.os.popen('echo PWNED-OS').read() }}"
SCRIPT_PAYLOAD = "{{ '<scr' ~ 'ipt>alert(\"PWNED-JS\")</scr' ~ 'ipt>' }}"


@pytest.mark.parametrize("payload", [OS_PAYLOAD, SCRIPT_PAYLOAD, "{% for x in range(9) %}PWNED{% endfor %}",
                                     "{# hidden #}"])
def test_template_syntax_in_a_body_fails_check_and_never_runs(repo, payload):
    into_body(repo, payload)
    result = check(repo)
    assert_problem(result, CLAIM, "body", "contains template syntax")
    line = int(re.search(rf"{re.escape(CLAIM)}:(\d+): body: contains template", result.stderr).group(1))
    assert payload in (repo / CLAIM).read_text().splitlines()[line - 1]
    html = built_html(repo)
    assert "PWNED-OS" not in html and "alert(\"PWNED-JS\")" not in html and "<script>alert" not in html


def test_template_syntax_in_front_matter_fails_check(repo):
    edit(repo / CLAIM, 'summary: "', 'summary: "{{ config.site_name }} ')
    assert_problem(check(repo), CLAIM, "summary", "contains template syntax '{{'")


def test_template_syntax_in_a_registry_value_fails_check(repo):
    edit(repo / "data/sources.yml", "publisher: Ukrainska Pravda", "publisher: '{{ 7*7 }} Pravda'")
    assert_problem(check(repo), "data/sources.yml", "up-2025-08-26-pgo-art407-408.publisher", "template syntax")


def test_claim_pages_are_never_rendered_even_if_check_is_skipped(repo):
    """Defence in depth: the macros glue refuses to render a claim file as a template."""
    sys.path.insert(0, str(repo))
    try:
        from scripts import macros

        class Page:
            def __init__(self) -> None:
                self.meta = {"render_macros": True}
                self.file = type("F", (), {"src_path": "claims/cbc-011.md"})()

        env = type("E", (), {"page": Page(), "markdown": OS_PAYLOAD})()
        macros._STATE.pop("problems", None)
        macros.before_page(env)
        assert env.page.meta["render_macros"] is False
    finally:
        sys.path.remove(str(repo))


# --- 2. raw HTML and script ------------------------------------------------------------------

@pytest.mark.parametrize("payload, message", [
    ('<img src="x" onerror="alert(1)">', "raw HTML <img> is not allowed"),
    ('<a href="#" onclick="alert(1)">x</a>', "HTML attribute 'onclick' on <a> is not allowed"),
    ("[click](javascript:alert(1))", "uses a scheme that is not allowed"),
    ("[click](data:text/html;base64,PHNjcmlwdD4=)", "uses a scheme that is not allowed"),
    ("[click](vbscript:msgbox(1))", "uses a scheme that is not allowed"),
    ('<iframe src="https://example.org/"></iframe>', "raw HTML <iframe> is not allowed"),
    ("<script>alert(1)</script>", "raw HTML <script> is not allowed"),
    ('<object data="x"></object>', "raw HTML <object> is not allowed"),
    ('<embed src="x">', "raw HTML <embed> is not allowed"),
    ('<form action="https://example.org/"><input name="q"></form>', "raw HTML <form> is not allowed"),
    ("<style>body { display: none }</style>", "raw HTML <style> is not allowed"),
])
def test_raw_html_in_a_body_fails_check(repo, payload, message):
    into_body(repo, payload)
    result = check(repo)
    assert_problem(result, CLAIM, "body", message)
    assert payload not in built_html(repo)


def test_the_build_reviews_each_body_before_it_publishes_a_claim_page(repo):
    """`scripts build` reviews bodies in a helper process while it gets on with the rest; the
    review must still stop the build, with the same message, before any claim page is written."""
    payload = '<script>alert("PWNED-BUILD")</script>'
    into_body(repo, payload)
    result = run([sys.executable, "-m", "scripts", "build", "-d", "site"], cwd=repo)
    assert_problem(result, CLAIM, "body", "raw HTML <script> is not allowed")
    site = repo / "site"
    assert not (site / "claims" / "cbc-011" / "index.html").exists()
    assert "PWNED-BUILD" not in "".join(p.read_text(errors="replace") for p in site.rglob("*.html"))


def test_a_body_review_lost_in_the_helper_is_done_again_in_process(repo):
    """If the helper process breaks, its bodies are not taken as reviewed: `finish_review` reviews
    them where it runs, so the problem is still found."""
    from concurrent.futures import Future

    from scripts.content.load import load_content

    class BrokenHelper:
        def submit(self, fn, *args):
            future = Future()
            future.set_exception(RuntimeError("the helper process died"))
            return future

    into_body(repo, "<script>alert(1)</script>")
    content = load_content(repo, review_in=BrokenHelper())
    assert not any("raw HTML" in p.message for p in content.problems.items)  # not reviewed yet
    found = [str(p) for p in content.finish_review().sorted()]
    assert any(line.startswith(f"{CLAIM}:") and "raw HTML <script> is not allowed" in line for line in found), found


def test_the_build_reports_body_and_front_matter_problems_in_one_run(repo):
    into_body(repo, '<img src="x" onerror="alert(1)">')
    edit(repo / "docs/claims/cbc-012.md", "\nkind: ", "\nkind: nonsense\nold_kind: ")
    result = run([sys.executable, "-m", "scripts", "build", "-d", "site"], cwd=repo)
    assert_problem(result, CLAIM, "body", "raw HTML <img> is not allowed")
    assert_problem(result, "docs/claims/cbc-012.md", "kind", "")
    assert not (repo / "site").exists()


def test_plain_markdown_formatting_passes(repo):
    into_body(repo, "Some **bold**, a [link](https://example.org/), a table:\n\n| a | b |\n|:--|--:|\n| 1 | 2 |")
    assert check(repo).returncode == 0


# --- 3. obfuscated outlet links ----------------------------------------------------------------

@pytest.mark.parametrize("url", [
    "https://southfront.press/x", "https://SOUTHFRONT.PRESS/x", "https://southfront%2Epress/x",
    "https://southfront%252Epress/x", "https://southfront\uff0epress/x", "https://southfront\u3002press/x",
    "https://southfront.press./x", "https://user:pw@news.southfront.org:8443/x", "https://www.southfront.org/",
])
def test_outlet_link_in_a_body_fails_in_any_spelling(repo, url):
    into_body(repo, f"See [this]({url}).")
    assert_problem(check(repo), CLAIM, "body", "links to the analysed outlet's domain")


@pytest.mark.parametrize("url", ["https://southfront%2Epress/a", "https://southfront\uff0epress./a",
                                 "https://x@SouthFront.org:443/a"])
def test_outlet_link_as_a_source_fails_in_any_spelling(repo, url):
    edit(repo / "data/sources.yml", "url: https://www.pravda.com.ua/news/2025/08/26/7527905/", f"url: '{url}'")
    assert_problem(check(repo), "data/sources.yml", "up-2025-08-26-pgo-art407-408.url", "analysed outlet's domain")


def test_source_url_without_a_host_fails(repo):
    edit(repo / "data/sources.yml", "url: https://www.pravda.com.ua/news/2025/08/26/7527905/", "url: 'https:///x'")
    assert_problem(check(repo), "data/sources.yml", "up-2025-08-26-pgo-art407-408.url", "has no host")


# --- 4. YAML bombs and tags --------------------------------------------------------------------

BOMB = "lol: &a [x, x, x, x, x, x, x, x, x]\nlol2: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nlol3: [*b, *b, *b]"


@pytest.mark.parametrize("line, message", [
    (BOMB, "YAML aliases (*a) are not allowed"),
    ("extra: !!python/object/apply:os.system ['echo PWNED']", "the YAML tag !!python/object/apply:os.system"),
    ("extra: !!binary aGVsbG8=", "the YAML tag !!binary is not allowed"),
    ("extra: !custom value", "the YAML tag !custom is not allowed"),
    ("<<: {verdict: accurate}", "YAML merge keys (<<) are not allowed"),
    ("1: one", "keys must be text, got int 1"),
    ("? [a, b]\n: x", "keys must be text, got a list"),
    ("extra: " + "[" * 40 + "]" * 40, "nested more than 32 levels deep"),
])
def test_yaml_that_could_be_turned_against_us_is_refused(repo, line, message):
    into_front_matter(repo, line)
    result = check(repo)
    assert_problem(result, CLAIM, "front matter", message)


def test_registry_yaml_bomb_is_refused(repo):
    (repo / "data/statistics.yml").write_text("- &r {year: 2024}\n- *r\n", encoding="utf-8")
    assert_problem(check(repo), "data/statistics.yml", "yaml", "YAML aliases (*r) are not allowed")


# --- 5. type and range confusion ---------------------------------------------------------------

@pytest.mark.parametrize("path, old, new, field, message", [
    ("data/verdicts.yml", "rating: 5", "rating: 9", "accurate.rating", "must be at least 1 and at most 5"),
    ("data/verdicts.yml", "rating: 5", "rating: true", "accurate.rating", "must be a whole number, got true/false"),
    (CLAIM, "article_number: 3136", "article_number: true", "figures[1].article_number", "must be a whole number"),
    (CLAIM, "article_number: 3136", "article_number: -5", "figures[1].article_number", "must be a whole number"),
    (CLAIM, 'verdict: "false"', "verdict: false", "verdict", 'write it in quotes, "false"'),
    (CLAIM, "verdict: ", "rule: matchez\nverdict: ", "rule", "did you mean 'matches'"),
    (CLAIM, "  - id: SRC_Unnamed_Source", "  - id: SRC_Unamed_Source", "techniques[1].id",
     "did you mean 'SRC_Unnamed_Source'"),
    ("data/claim-ids.yml", "CBC-035: active", "CBC-035: active\nCBC-036: {retired: CBC-999}", "CBC-036",
     "redirects to CBC-999, which is not an active claim id"),
])
def test_values_out_of_type_or_range_fail(repo, path, old, new, field, message):
    if "rule: matchez" in new:
        text = (repo / path).read_text()
        (repo / path).write_text(re.sub(r"^rule: .*\n", "", text, flags=re.MULTILINE))
    edit(repo / path, old, new)
    assert_problem(check(repo), path, field, message)


def test_future_review_date_fails(repo):
    path = repo / CLAIM
    path.write_text(re.sub(r"^reviewed: .*$", "reviewed: 2999-01-01", path.read_text(), count=1, flags=re.MULTILINE))
    assert_problem(check(repo), CLAIM, "reviewed", "is in the future")


def test_future_source_date_fails(repo):
    edit(repo / "data/sources.yml", "published: '2025-08-26'", "published: '2999-08-26'")
    assert_problem(check(repo), "data/sources.yml", "up-2025-08-26-pgo-art407-408.published", "is in the future")


def test_contradicting_statistics_rows_fail(repo):
    path = repo / "data/statistics.yml"
    text = path.read_text(encoding="utf-8")
    first = re.search(r"^- .*?(?=^- |\Z)", text, flags=re.MULTILINE | re.DOTALL).group(0)
    changed = re.sub(r"cases: \d+", "cases: 1", first, count=1)
    path.write_text(text + ("\n" if not text.endswith("\n") else "") + changed, encoding="utf-8")
    assert_problem(check(repo), "data/statistics.yml", "[8].cases", "contradicts")


def test_a_second_article_with_the_same_slug_fails(repo):
    src = repo / "data/article/army-of-deserters.yml"
    (repo / "data/article/copy.yml").write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
    assert_problem(check(repo), "data/article/copy.yml", "slug", "is already the slug of another article")


# --- 6. files outside the checked set ----------------------------------------------------------

@pytest.mark.parametrize("name", ["notes.txt", "cbc-050.markdown", "draft.md", ".hidden.md", "sub/cbc-050.md"])
def test_every_file_in_the_claims_folder_is_accounted_for(repo, name):
    target = repo / "docs/claims" / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("<script>alert(1)</script>\n", encoding="utf-8")
    shown = f"docs/claims/{name.split('/')[0]}"
    result = check(repo)
    assert result.returncode == 1 and shown in result.stderr and "Traceback" not in result.stderr
    assert "<script>alert(1)" not in built_html(repo)


def test_claims_option_with_a_missing_folder_fails(repo):
    result = check(repo, "--claims", str(repo / "no-such-folder"))
    assert result.returncode == 1 and "no-such-folder: folder: does not exist" in result.stderr


# --- 7. symlinks and special files -------------------------------------------------------------

@pytest.mark.parametrize("kind", ["link-out", "link-device", "fifo"])
def test_links_and_special_files_are_refused_without_hanging(repo, kind):
    target = repo / "docs/claims/cbc-036.md"
    if kind == "link-out":
        target.symlink_to("/etc/hostname")
    elif kind == "link-device":
        target.symlink_to("/dev/zero")
    else:
        os.mkfifo(target)
    result = check(repo)
    assert_problem(result, "docs/claims/cbc-036.md", "file", "is a symbolic link" if kind != "fifo"
                   else "is not a plain file")


def test_article_text_outside_data_is_refused(repo):
    edit(repo / "data/article/army-of-deserters.yml", "text: army-of-deserters.txt", "text: ../../mkdocs.yml")
    assert_problem(check(repo), "data/article/army-of-deserters.yml", "text", "no absolute path, no '..'")


def test_oversized_file_is_refused(repo):
    (repo / CLAIM).write_text((repo / CLAIM).read_text() + "x" * 300_000, encoding="utf-8")
    assert_problem(check(repo), CLAIM, "file", "the limit for .md files is")


# --- one form, every problem, GitHub annotations, no hang ---------------------------------------

def test_one_long_value_does_not_make_check_hang(repo):
    edit(repo / CLAIM, 'summary: "', 'summary: "' + "<" + " " * 200_000 + "/" * 50_000)
    result = subprocess.run([sys.executable, "-m", "scripts", "check"], cwd=repo, capture_output=True,
                            text=True, timeout=120)  # a hang guard, not a speed test
    assert result.returncode == 1 and "Traceback" not in result.stderr


def test_github_actions_gets_annotations_on_the_line(repo):
    edit(repo / CLAIM, "kind: statistic", "kind: statistik")
    result = check(repo, GITHUB_ACTIONS="true")
    line = re.search(rf"^{re.escape(CLAIM)}:(\d+): kind:", result.stderr, re.MULTILINE).group(1)
    assert f"::error file={CLAIM},line={line},title=kind::unknown kind 'statistik'" in result.stdout
    assert "did you mean 'statistic'" in result.stdout


def test_all_problems_of_all_files_in_one_run(repo):
    edit(repo / CLAIM, "kind: statistic", "kind: 5")
    edit(repo / "data/verdicts.yml", "rating: 5", "rating: 50")
    (repo / "docs/claims/stray.html").write_text("<p>x</p>")
    result = check(repo)
    for expected in (f"{CLAIM}:", "data/verdicts.yml:", "docs/claims/stray.html: file:"):
        assert expected in result.stderr
    assert re.search(r"check: \d+ problems found", result.stderr)


# --- editorial rule: a verdict change is a correction --------------------------------------------

def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True,
                   env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
                        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"})


def test_changing_a_verdict_needs_a_correction_and_two_reviewers(repo):
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "base")
    path = repo / "docs/claims/cbc-009.md"
    text = path.read_text()
    old = re.search(r'^verdict: "?([a-z-]+)"?$', text, re.MULTILINE).group(1)
    new = "could-not-verify" if old != "could-not-verify" else "unsupported"
    text = re.sub(r"^verdict: .*$", f"verdict: {new}", text, count=1, flags=re.MULTILINE)
    text = re.sub(r"^rule: .*$", "rule: beyond-reach" if new == "could-not-verify" else "rule: no-evidence",
                  text, count=1, flags=re.MULTILINE)
    text = re.sub(r"^reviewers: .*$", "reviewers: [One editor]", text, count=1, flags=re.MULTILINE)
    if "\nsearched:" not in text:
        text = text.replace("\nverdict:", '\nsearched: "Test search note."\nverdict:', 1)
    path.write_text(text)
    result = check(repo)
    assert_problem(result, "docs/claims/cbc-009.md", "verdict", f"changed from '{old}' to '{new}'")
    assert_problem(result, "docs/claims/cbc-009.md", "reviewers", "a verdict change needs two reviewers")
    text = re.sub(r"^reviewers: .*$", "reviewers: [One editor, Another editor]", text, count=1, flags=re.MULTILINE)
    entry = (f"corrections:\n  - date: 2026-11-30\n    change: Verdict changed.\n    reason: Test.\n"
             f"    from_verdict: {old}\n")
    text = re.sub(r"^corrections:\n", "", text, flags=re.MULTILINE) if "\ncorrections:\n" in text else text
    text = text.replace("\npublished:", f"\n{entry}published:", 1)
    path.write_text(text)
    result = check(repo)
    assert "changed from" not in result.stderr and "needs two reviewers" not in result.stderr, result.stderr


# --- the layout shows the boundary ----------------------------------------------------------------

def _imports(folder: Path) -> dict[str, set[str]]:
    found = {}
    for py in folder.glob("*.py"):
        text = py.read_text(encoding="utf-8")
        found[py.name] = set(re.findall(r"^\s*from (\.{1,2}[\w.]*|scripts[\w.]*) import", text, re.MULTILINE))
        found[py.name] |= set(re.findall(r"^\s*import (scripts[\w.]*)", text, re.MULTILINE))
    return found


@pytest.mark.parametrize("wing, forbidden", [("content", ("site", "tools")), ("site", ("tools",))])
def test_wings_only_import_downstream(wing, forbidden):
    for name, modules in _imports(ROOT / "scripts" / wing).items():
        for module in modules:
            parts = module.lstrip(".").split(".")
            climbs = module.startswith("..") or module.startswith("scripts")
            target = parts[1] if module.startswith("scripts") and len(parts) > 1 else parts[0]
            assert not (climbs and target in forbidden), f"scripts/{wing}/{name} imports {module}"


# --- the published schema agrees with check -------------------------------------------------------

def test_published_schema_accepts_every_real_claim_and_rejects_a_broken_one():
    import jsonschema
    import yaml

    from scripts.content.load import load_content
    from scripts.content.schema import claim_schema

    content = load_content(ROOT)
    schema = claim_schema(content.registry)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    for claim in content.claims:
        data = yaml.safe_load(claim.path.read_text(encoding="utf-8").split("---\n", 2)[1])
        data = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in data.items()}
        for c in data.get("corrections") or []:
            c["date"] = c["date"].isoformat() if hasattr(c["date"], "isoformat") else c["date"]
        assert not list(validator.iter_errors(data)), (claim.id, [e.message for e in validator.iter_errors(data)])
    broken = {**data, "verdict": False, "kind": "statistik"}
    assert len(list(validator.iter_errors(broken))) >= 2


def test_placeholder_source_titles_fail(repo):
    edit(repo / "data/sources.yml", "title: За час", "title: '[Headline not shown]' # За час")
    assert_problem(check(repo), "data/sources.yml", "up-2025-08-26-pgo-art407-408.title", "looks like a placeholder")


def test_old_versions_come_from_one_git_call(repo):
    from scripts.content import history

    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "base")
    files = ["docs/claims/cbc-009.md", "docs/claims/cbc-999.md", "docs/claims/cbc-011.md", "docs/claims"]
    found = history.files_at(repo, "HEAD", files)
    assert set(found) == {"docs/claims/cbc-009.md", "docs/claims/cbc-011.md"}  # no file, a folder: left out
    for rel, text in found.items():
        assert text == (repo / rel).read_text(encoding="utf-8"), rel
    assert history.files_at(repo, "HEAD", []) == {}
