"""Practice with feedback ("Which is it?", "Spot the technique"): items come from the claim data;
every answer gives the right feedback with JavaScript on and off; the score keeps hits and false
alarms apart; nothing leaves the page and nothing is stored unless the learner saves."""

from __future__ import annotations

from collections import Counter

import pytest

from conftest import ROOT
from scripts.content.load import load_content
from scripts.content.problems import Problems
from scripts.content.registry import load_practice
from scripts.site import practice

CONTENT = load_content(ROOT)
REG = CONTENT.registry
VERDICT_ITEMS = practice.verdict_items(CONTENT)
TECHNIQUE_ITEMS = practice.technique_items(CONTENT)
FLAGGING = [c.id for c in REG.practice if c.flags]


def test_every_claim_gives_items_and_the_set_is_not_only_false_claims():
    claims = CONTENT.claims_for(practice.ARTICLE)
    assert sorted(i.claim.id for i in VERDICT_ITEMS) == sorted(c.id for c in claims)
    assert sorted(i.claim.id for i in TECHNIQUE_ITEMS) == sorted(c.id for c in claims if c.techniques)
    groups = Counter(i.group for i in VERDICT_ITEMS)
    assert groups["sound"] and groups["flawed"] and groups["other"], groups
    assert {"accurate", "opinion"} <= {i.verdict.id for i in VERDICT_ITEMS}


def test_technique_choices_come_from_the_data():
    for item in TECHNIQUE_ITEMS:
        ids = [t.id for t in item.options]
        assert len(ids) == len(set(ids)) == practice.TECHNIQUE_CHOICES
        assert item.right.id in ids and item.right.id == item.claim.techniques[0].id
        used = {t.id for t in item.claim.techniques}
        wrong = [t for t in item.options if t.id != item.right.id]
        assert not used & {t.id for t in wrong}, item.claim.id  # never another right answer
        same = [t for t in REG.techniques.values() if t.category == item.right.category and t.id not in used]
        assert sum(t.category == item.right.category for t in wrong) == min(len(same), len(wrong)), item.claim.id
        assert item.passage.marked == item.claim.techniques[0].span


def test_practice_choices_must_match_every_verdict_once(tmp_path):
    path = tmp_path / "practice.yml"
    path.write_text("- id: a\n  label: A\n  verdicts: [accurate, accurate]\n  flags: false\n  sound: true\n"
                    "- id: b\n  label: B\n  verdicts: [nonsense]\n  flags: true\n  sound: false\n")
    problems = Problems(tmp_path)
    load_practice(path, problems, REG.verdicts)
    lines = [str(p) for p in problems.sorted()]
    assert any(":3: a.verdicts: 'accurate' is already matched" in line for line in lines), lines
    assert any(":8: b.verdicts: 'nonsense' is not a verdict" in line for line in lines), lines
    assert any("no answer matches the verdict(s)" in line and "false" in line for line in lines), lines


# What the practice pages store (Material keeps its own colour-scheme choice, which is not ours).
SAVED = "() => Object.keys(localStorage).filter(k => k.startsWith('cbc-practice')).length"


def _expected_feedback(item) -> str:
    return f"Our verdict: {item.verdict.icon} {item.verdict.label} ({item.claim.id})"


@pytest.fixture
def page(browser, server, request):
    requests: list[str] = []
    context = browser.new_context(java_script_enabled=request.param, viewport={"width": 375, "height": 800})
    context.on("request", lambda r: requests.append(r.url))
    pg = context.new_page()
    pg.js = request.param  # type: ignore[attr-defined]
    yield pg
    local = [u for u in requests if not u.startswith(server)]
    assert local == [], f"requests left the site: {local}"
    assert context.cookies() == []
    context.close()


def _answer(pg, item_id: str, choice_id: str) -> None:
    pg.locator(f"#{item_id} details.cbc-choice[data-choice='{choice_id}'] > summary").click()


@pytest.mark.browser
@pytest.mark.parametrize("page", [True, False], ids=["js", "no-js"], indirect=True)
def test_which_is_it_answers_every_item_with_the_verdict_from_the_data(page, server):
    page.goto(server + "practice/which-is-it/", wait_until="networkidle")
    js = page.js
    hits = alarms = matched = flawed = sound = 0
    for n, item in enumerate(VERDICT_ITEMS):
        item_id = f"v-{item.claim.slug}"
        # Alternate: the right answer, then a wrong one that flags (or, for a flagged passage, "accurate").
        right = n % 2 == 0
        wrong = next(c for c in FLAGGING if c != item.answer.id) if not item.answer.flags else "accurate"
        choice = item.answer.id if right else wrong
        _answer(page, item_id, choice)
        result = page.locator(f"#{item_id} details.cbc-choice[data-choice='{choice}'] > p")
        assert result.is_visible()
        assert result.inner_text().startswith("✔" if right else "✘"), item.claim.id
        if not right and item.group == "sound":
            assert "false alarm" in result.inner_text(), item.claim.id
        feedback = page.locator(f"#{item_id} .cbc-feedback")
        assert feedback.is_visible(), item.claim.id
        assert _expected_feedback(item) in " ".join(feedback.inner_text().split()), item.claim.id
        assert feedback.locator(f"a[href$='claims/{item.claim.slug}/']").count() == 1
        flags = choice in FLAGGING
        matched += right
        if item.group == "flawed":
            flawed += 1
            hits += flags
        if item.group == "sound":
            sound += 1
            alarms += flags
    score = page.locator("[data-score]")
    if not js:
        assert not score.is_visible()  # without JavaScript there is no score, only the feedback
        return
    text = " ".join(score.inner_text().split())
    assert f"Answered: {len(VERDICT_ITEMS)} of {len(VERDICT_ITEMS)}; the same as our verdict: {matched}." in text
    assert f"Hits: you called {hits} of the {flawed} false or misleading passages" in text
    assert f"False alarms: you called {alarms} of the {sound} accurate passages" in text
    assert alarms > 0 and hits > 0 and hits < flawed  # the run above exercises both counts
    assert page.evaluate(SAVED) == 0  # nothing stored without asking


@pytest.mark.browser
@pytest.mark.parametrize("page", [True, False], ids=["js", "no-js"], indirect=True)
def test_spot_the_technique_gives_the_right_technique(page, server):
    page.goto(server + "practice/spot-the-technique/", wait_until="networkidle")
    for n, item in enumerate(TECHNIQUE_ITEMS):
        item_id = f"t-{item.claim.slug}"
        choice = item.right if n % 3 else next(t for t in item.options if t.id != item.right.id)
        _answer(page, item_id, choice.id)
        picked = page.locator(f"#{item_id} details.cbc-choice[data-choice='{choice.id}']")
        result = picked.locator("> p").inner_text()
        assert result.startswith("✔" if choice is item.right else "✘"), item.claim.id
        feedback = " ".join(page.locator(f"#{item_id} .cbc-feedback").inner_text().split())
        assert f"Our answer: {item.right.name} ({item.claim.id})" in feedback
        assert f"our verdict on this passage is {item.verdict.label}" in feedback


@pytest.mark.browser
@pytest.mark.parametrize("page", [True], ids=["js"], indirect=True)
def test_first_answer_counts_and_saving_is_the_learners_choice(page, server):
    page.goto(server + "practice/which-is-it/", wait_until="networkidle")
    item = VERDICT_ITEMS[0]
    wrong = next(c.id for c in REG.practice if c.id != item.answer.id)
    _answer(page, f"v-{item.claim.slug}", wrong)
    _answer(page, f"v-{item.claim.slug}", item.answer.id)  # a second look does not change the score
    assert "the same as our verdict: 0." in page.locator("[data-score]").inner_text()
    assert page.evaluate(SAVED) == 0
    page.locator("[data-save]").click()
    page.reload(wait_until="networkidle")
    assert "Answered: 1 of" in page.locator("[data-score]").inner_text()  # restored from the saved copy
    page.locator("[data-forget]").click()
    assert page.evaluate(SAVED) == 0
