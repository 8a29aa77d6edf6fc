from scripts.content.text import find_all, norm, normalize, split_sentences


def test_normalize_folds_whitespace_quotes_and_dashes():
    assert norm("Kiev’s\u00a0 “army” — done ") == "Kiev's \"army\" - done"


def test_offsets_map_back_to_original_text():
    original = "A\u00a0\u00a0“quote” — here"
    n = normalize(original)
    start = n.text.index("here")
    assert original[slice(*n.span_in_original(start, start + 4))] == "here"


def test_find_all_matches_typographic_variants():
    text = norm("He said “half of them” — twice. He said “half of them” again.")
    assert len(find_all(text, 'said "half of them"')) == 2
    assert find_all(text, "not there") == []


def test_split_sentences_keeps_quotes_and_initials():
    para = norm("He insists that “half returned.” The U.S. said no. Really? Yes!")
    assert split_sentences(para) == ['He insists that "half returned."', "The U.S. said no.", "Really?", "Yes!"]


def test_normalize_matches_a_character_by_character_reading():
    """The regex version gives exactly the text and offsets of the plain definition: each whitespace
    run becomes one space at the run's first character, the ends are trimmed, quotes and dashes are
    straightened one for one."""
    from scripts.content.text import _CHAR_MAP

    def by_hand(text):
        out, offsets = [], []
        for i, ch in enumerate(text):
            if ch.isspace():
                if out and out[-1] == " ":
                    continue
                ch = " "
            out.append(_CHAR_MAP.get(ch, ch))
            offsets.append(i)
        while out and out[0] == " ":
            out.pop(0), offsets.pop(0)
        while out and out[-1] == " ":
            out.pop(), offsets.pop()
        return "".join(out), tuple(offsets)

    samples = ["", " ", "  a  b", "a\u3000\u3000\u3000b c\n\nd", "\u00a0\t\n", "a", " a ",
               "“Kiev’s”\u2003\u2003army — 3\u202f136 ‑ x\r\n\r\ny  ",
               "\u2028line\u2029para\x1c\x1d\x1e\x1f\x85end", "x\u00a0 \u00a0y", "—", "  ‘’  "]
    for text in samples:
        n = normalize(text)
        assert (n.text, n.offsets) == by_hand(text), repr(text)


def test_regex_and_split_whitespace_is_str_isspace():
    """normalize finds runs with `\\s` and folds them with str.split(): both must agree with
    str.isspace on every code point."""
    import re
    import sys

    space = re.compile(r"\s")
    differ = [hex(cp) for cp in range(sys.maxunicode + 1) if chr(cp).isspace() != bool(space.match(chr(cp)))]
    assert differ == []
    splits = [hex(cp) for cp in range(sys.maxunicode + 1) if chr(cp).isspace() and f"a{chr(cp)}b".split() != ["a", "b"]]
    assert splits == []
