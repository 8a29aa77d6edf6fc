"""Property-based fuzzing of `check`: whatever a contributor writes, it reports problems and
never raises or hangs. `make test` runs a bounded number of examples; `make fuzz` runs many more
(CBC_FUZZ_EXAMPLES)."""

from __future__ import annotations

import os
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT
from scripts.content import registry
from scripts.content.claims import OPTIONAL, REQUIRED, parse_claim
from scripts.content.load import load_content
from scripts.content.problems import Problems
from scripts.content.yamlio import parse_yaml

EXAMPLES = int(os.environ.get("CBC_FUZZ_EXAMPLES", "40"))
# A bound on each example, so a regression to super-linear work fails here (the examples are small).
FUZZ = settings(max_examples=EXAMPLES, deadline=5000, derandomize="CBC_FUZZ_EXAMPLES" not in os.environ,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

REG = load_content(ROOT).registry
CLAIM_TEXT = (ROOT / "docs/claims/cbc-011.md").read_text(encoding="utf-8")
FRONT, BODY = CLAIM_TEXT.split("---\n", 2)[1], CLAIM_TEXT.split("---\n", 2)[2]
REAL = yaml.safe_load(FRONT)

scalars = st.one_of(st.none(), st.booleans(), st.integers(min_value=-10**30, max_value=10**30),
                    st.floats(allow_nan=True), st.text(max_size=200),
                    st.sampled_from(["false", "true", "null", "{{ 7*7 }}", "<script>", "2999-01-01", "2025-02-30",
                                     "https://southfront%2Epress/", "CBC-001", "opinion", "none", ""]))
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=5),
                                                        st.dictionaries(st.text(max_size=20), inner, max_size=5)),
                      max_leaves=25)


def _check_text(text: str, tmp: Path) -> Problems:
    problems = Problems(ROOT)
    parse_claim(tmp / "cbc-011.md", text, REG, problems, ROOT)
    for problem in problems.items:  # every problem is one printable line in the one form
        assert str(problem).isprintable(), str(problem)
    return problems


@FUZZ
@given(field=st.sampled_from(sorted(REQUIRED | OPTIONAL | {"render_macros", "extra"})), value=values)
def test_any_value_in_any_front_matter_field_is_reported_not_raised(tmp_path_factory, field, value):
    data = dict(REAL)
    data[field] = value
    try:
        front = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    except (yaml.YAMLError, ValueError):
        return
    _check_text(f"---\n{front}---\n{BODY}", tmp_path_factory.mktemp("f"))


@FUZZ
@given(front=st.text(max_size=400))
def test_any_front_matter_text_is_reported_not_raised(tmp_path_factory, front):
    _check_text(f"---\n{front}\n---\n{BODY}", tmp_path_factory.mktemp("t"))


@FUZZ
@given(body=st.text(max_size=600), extra=st.sampled_from(["", "<a href='javascript:x'>", "[a](//southfront.press)",
                                                          "{{", "## Context\n", "<!--", "\x00"]))
def test_any_body_is_reported_not_raised(tmp_path_factory, body, extra):
    _check_text(f"---\n{FRONT}---\n{body}{extra}", tmp_path_factory.mktemp("b"))


@FUZZ
@given(raw=st.binary(max_size=300))
def test_any_bytes_as_yaml_are_reported_not_raised(raw):
    parse_yaml(raw.decode("utf-8", errors="replace"), Path("x.yml"), Problems(ROOT))


LOADERS = {
    "sources.yml": lambda p, pr: registry.load_sources(p, pr, ("southfront.press",)),
    "verdicts.yml": registry.load_verdicts,
    "techniques.yml": registry.load_techniques,
    "people.yml": lambda p, pr: registry.load_people(p, pr, REG.sources),
    "statistics.yml": lambda p, pr: registry.load_statistics(p, pr, REG.sources),
    "framing.yml": lambda p, pr: registry.load_framing(p, pr, REG.sources),
    "verdict-rules.yml": lambda p, pr: registry.load_rules(p, pr, REG.verdicts),
}


@FUZZ
@given(name=st.sampled_from(sorted(LOADERS)), rows=st.lists(st.dictionaries(
    st.sampled_from(["id", "url", "title", "publisher", "published", "language", "kind", "notes", "rating",
                     "label", "icon", "checkable", "definition", "year", "cases", "article", "period", "measure",
                     "sources", "source", "group", "verdict", "finding", "name", "category", "counter"]),
    values, max_size=8), max_size=4) | values)
def test_any_registry_content_is_reported_not_raised(tmp_path_factory, name, rows):
    path = tmp_path_factory.mktemp("r") / name
    try:
        path.write_text(yaml.safe_dump(rows, allow_unicode=True), encoding="utf-8")
    except (yaml.YAMLError, ValueError, UnicodeEncodeError):
        return
    LOADERS[name](path, Problems(ROOT))
