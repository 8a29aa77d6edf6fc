"""Tokenising and pymorphy3 (uk) helpers shared by the ground truth and option B."""
import re, functools
import pymorphy3
WORD = re.compile(r"[^\W\d_]+(?:[’'ʼ][^\W\d_]+)*")
M = pymorphy3.MorphAnalyzer(lang="uk")
CYR = re.compile(r"[а-яіїєґ]")

def norm(w):
    return w.lower().replace("’", "'").replace("ʼ", "'")

def words_of(text):
    """Lower-cased words; hyphenated compounds are split (Pagefind indexes the parts too)."""
    return [norm(w) for w in WORD.findall(text)]

@functools.lru_cache(maxsize=None)
def lemmas(w):
    return frozenset(p.normal_form for p in M.parse(w))

@functools.lru_cache(maxsize=None)
def forms(w):
    out = set()
    for p in M.parse(w):
        out.add(p.normal_form)
        out.update(f.word for f in p.lexeme)
    return frozenset(out)
