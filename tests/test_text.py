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
