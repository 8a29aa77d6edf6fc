"""The Ukrainian edition: translations are checked content, kept in step with the English pages."""

from __future__ import annotations

import re
import sys

from conftest import run
from scripts.content.translations import english_quotes, numbers_in, source_hash


def check(repo):
    return run([sys.executable, "-m", "scripts", "check"], cwd=repo)


def edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_numbers_compare_across_languages():
    assert numbers_in("265,843 cases, 1.5 times", "en") == numbers_in("265 843 справи, у 1,5 раза", "uk")
    # a year next to a figure is two numbers, and an English quotation keeps its English commas
    assert set(numbers_in("у 2025 289 600 справ", "uk")) == {"2025", "289600"}
    assert set(numbers_in('"about 3,000 AWOL" («близько 3 000 СЗЧ»)', "uk")) == {"3000"}


def test_english_quotations_are_found_inside_ukrainian_text():
    text = 'Стаття каже "Everyone else has vanished" («усі інші зникли»), а „Київ“ — наше слово.'
    assert english_quotes(text) == ["Everyone else has vanished"]


def test_editing_an_english_page_makes_its_translation_stale_and_the_page_says_so(repo, tmp_path):
    english = repo / "docs/claims/cbc-011.md"
    edit(english, "## What remains unknown\n", "## What remains unknown\n\nA sentence added in English.\n\n")
    result = check(repo)
    assert result.returncode == 0, result.stderr
    assert ("docs/uk/claims/cbc-011.md: translation: older than its English page (source_hash differs) "
            "(docs/claims/cbc-011.md)") in result.stdout
    assert "1 stale" in result.stdout
    built = run([sys.executable, "-m", "scripts", "build-edition", "uk", str(tmp_path / "site")], cwd=repo)
    assert built.returncode == 0, built.stdout + built.stderr
    page = (tmp_path / "site/uk/claims/cbc-011/index.html").read_text(encoding="utf-8")
    notice = re.search(r'<div class="admonition warning cbc-translation-note".*?</div>', page, re.DOTALL)
    assert notice and 'href="../../../claims/cbc-011/"' in notice.group(0) and 'hreflang="en"' in notice.group(0)
    assert "Англійська сторінка новіша" in notice.group(0)
    # an untouched page has no such notice
    other = (tmp_path / "site/uk/claims/cbc-012/index.html").read_text(encoding="utf-8")
    assert "cbc-translation-note" not in other
    # and stamping the translation with the new hash makes it current again
    uk = repo / "docs/uk/claims/cbc-011.md"
    text = uk.read_text(encoding="utf-8")
    uk.write_text(re.sub(r"source_hash: \S+", f"source_hash: {source_hash(english.read_text(encoding='utf-8'))}",
                         text, count=1), encoding="utf-8")
    assert "cbc-011.md: translation: older" not in check(repo).stdout


def test_a_missing_translation_is_reported_and_published_as_english_with_a_notice(repo, tmp_path):
    (repo / "docs/uk/teach/cards-1.md").unlink()
    result = check(repo)
    assert result.returncode == 0
    assert "docs/uk/teach/cards-1.md: translation: no translation yet (docs/teach/cards-1.md)" in result.stdout
    built = run([sys.executable, "-m", "scripts", "build-edition", "uk", str(tmp_path / "site")], cwd=repo)
    assert built.returncode == 0, built.stdout + built.stderr
    page = (tmp_path / "site/uk/teach/cards-1/index.html").read_text(encoding="utf-8")
    assert "Ще не перекладено" in page and 'href="../../../teach/cards-1/"' in page


def test_a_translation_that_changes_facts_or_adds_code_is_refused(repo):
    claim = repo / "docs/uk/claims/cbc-011.md"
    edit(claim, "265 843", "265 844")                       # a figure changed
    edit(claim, "## Контекст\n", "## Контекст\n\nКиев <script>alert(1)</script>\n")  # glossary, raw HTML
    page = repo / "docs/uk/teach/worksheet-1.md"
    edit(page, "{{ answer(4) }}", "{{ answer(4) }} {{ config }}")  # template code the English page lacks
    result = check(repo)
    assert result.returncode == 1
    err = result.stderr
    assert re.search(r"docs/uk/claims/cbc-011\.md:\d+: body: has the number 265844", err)
    assert re.search(r"docs/uk/claims/cbc-011\.md:\d+: body: uses 'Киев'; the glossary", err)
    assert re.search(r"docs/uk/claims/cbc-011\.md:\d+: body: raw HTML <script>", err)
    assert re.search(r"docs/uk/teach/worksheet-1\.md:\d+: body: calls \{\{ config \}\}", err)


def test_an_english_quotation_must_be_the_articles(repo):
    edit(repo / "docs/uk/claims/cbc-011.md", "## Контекст\n", '## Контекст\n\nСтаття пише "Kyiv has lost the war".\n')
    result = check(repo)
    assert result.returncode == 1
    assert 'quotes "Kyiv has lost the war" in English, but it occurs neither in the article' in result.stderr


def test_the_interface_catalogue_carries_no_markup(repo):
    po = repo / "data/i18n/uk/messages.po"
    text = po.read_text(encoding="utf-8")
    msgstr = re.search(r'msgid "All sources"\nmsgstr "([^"]*)"', text)
    assert msgstr, "the catalogue translates 'All sources'"
    po.write_text(text.replace(msgstr.group(0), 'msgid "All sources"\nmsgstr "<img src=x onerror=alert(1)>"'),
                  encoding="utf-8")
    result = check(repo)
    assert result.returncode == 1
    assert re.search(r"data/i18n/uk/messages\.po:\d+: msgstr: '<' in the translation of 'All sources'", result.stderr)


def test_both_editions_link_each_other(built_site):
    en = (built_site / "claims/cbc-011/index.html").read_text(encoding="utf-8")
    uk = (built_site / "uk/claims/cbc-011/index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in en and '<html lang="uk"' in uk
    for page in (en, uk):
        assert re.search(r'hreflang="uk" href="https://[^"]+/uk/claims/cbc-011/"', page)
        assert re.search(r'hreflang="x-default" href="https://[^"/]+/claims/cbc-011/"', page)
    # the header's language link goes to the same page in the other edition
    assert re.search(r'<a href="(\.\./)*uk/claims/cbc-011/" class="md-header__button cbc-lang-link" hreflang="uk"', en)
    back = r'<a href="\.\./\.\./\.\./claims/cbc-011/" class="md-header__button cbc-lang-link" hreflang="en"'
    assert re.search(back, uk)
    # the quote stays in English, our translation beside it
    assert '<blockquote lang="en">' in uk and "cbc-quote__translation" in uk
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert len([u for u in locs if "/uk/" in u]) == len([u for u in locs if "/uk/" not in u]) > 50
    assert sitemap.count("<xhtml:link") == 3 * len(locs)  # en, uk and x-default for every page
    assert re.search(r'hreflang="x-default" href="https://[^"/]+/claims/cbc-011/"', sitemap)


def test_an_english_correction_not_yet_translated_is_shown_as_pending(repo, tmp_path):
    uk = repo / "docs/uk/claims/cbc-011.md"
    text = uk.read_text(encoding="utf-8")
    start = text.index("corrections:\n")
    last = text.rindex("  - date:", start, text.index("\n---", start))
    uk.write_text(text[:last] + text[text.index("\n---", start) + 1:], encoding="utf-8")  # drop the last one
    assert check(repo).returncode == 0
    built = run([sys.executable, "-m", "scripts", "build-edition", "uk", str(tmp_path / "site")], cwd=repo)
    assert built.returncode == 0, built.stdout + built.stderr
    page = (tmp_path / "site/uk/claims/cbc-011/index.html").read_text(encoding="utf-8")
    assert page.count("переклад очікується") == 1
    log = (tmp_path / "site/uk/corrections/index.html").read_text(encoding="utf-8")
    assert log.count("переклад очікується") == 1
